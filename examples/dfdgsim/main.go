// Command dfdgsim is a local test double of DFDG for the rules regelkit/dfdg holds: a JSON service on
// 127.0.0.1 that decides as DFDG does, answers errors as DFDG does, and queues the web-service messages
// (WSB) its decisions cause, for a case-management system's integration tests. Run it with
//
//	go run ./examples/dfdgsim -port 8040
//
// and see README.md beside this file for its endpoints.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"log"
	"net"
	"net/http"
	"os"
	"os/signal"
	"strconv"
	"syscall"
	"time"

	dfdgerrors "github.com/regelkit/dfdg/errors"
)

func main() {
	port := flag.Int("port", 8040, "the port to listen on, on 127.0.0.1")
	flag.Parse()
	if err := serve(context.Background(), *port, log.New(os.Stderr, "dfdgsim: ", log.LstdFlags)); err != nil {
		fmt.Fprintln(os.Stderr, "dfdgsim:", err)
		os.Exit(1)
	}
}

// serve listens on 127.0.0.1:port until ctx ends or the process gets SIGINT or SIGTERM, then shuts
// down gracefully, letting requests under way finish.
func serve(ctx context.Context, port int, logger *log.Logger) error {
	ctx, stop := signal.NotifyContext(ctx, os.Interrupt, syscall.SIGTERM)
	defer stop()
	ln, err := net.Listen("tcp", net.JoinHostPort("127.0.0.1", strconv.Itoa(port)))
	if err != nil {
		return err
	}
	srv := &http.Server{Handler: logRequests(NewServer(NewMemoryStore()), logger), ReadHeaderTimeout: 5 * time.Second}
	logger.Printf("listening on http://%s", ln.Addr())
	done := make(chan error, 1)
	go func() { done <- srv.Serve(ln) }()
	select {
	case err := <-done:
		return err
	case <-ctx.Done():
	}
	logger.Print("shutting down")
	shutdown, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	if err := srv.Shutdown(shutdown); err != nil {
		return err
	}
	if err := <-done; !errors.Is(err, http.ErrServerClosed) {
		return err
	}
	return nil
}

// logRequests logs method, path and status: never a header, and the path with anything shaped like a
// CPR number masked (a caller may put one there, as in GET /v1/Tilmelding/0707614321).
func logRequests(h http.Handler, logger *log.Logger) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		rec := &statusRecorder{ResponseWriter: w, status: http.StatusOK}
		h.ServeHTTP(rec, r)
		logger.Printf("%s %s %d", r.Method, dfdgerrors.MaskCPR(r.URL.Path), rec.status)
	})
}

type statusRecorder struct {
	http.ResponseWriter
	status int
}

func (r *statusRecorder) WriteHeader(status int) {
	r.status = status
	r.ResponseWriter.WriteHeader(status)
}
