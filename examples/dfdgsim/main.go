// Command dfdgsim is a local test double of DFDG for the rules regelkit/dfdg holds: a JSON service,
// on 127.0.0.1:8040 unless -addr says otherwise, that decides as DFDG does, answers errors as DFDG does,
// and queues the web-service messages (WSB) its decisions cause, for a case-management system's
// integration tests. Run it with
//
//	go run ./examples/dfdgsim -addr 127.0.0.1:8040
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

	"github.com/regelkit/dfdg/codelist"
	dfdgerrors "github.com/regelkit/dfdg/errors"
)

func main() {
	addr := flag.String("addr", "127.0.0.1:8040", "the address to listen on; 0.0.0.0:8040 in a container")
	port := flag.Int("port", 0, "the port to listen on, on 127.0.0.1 (kept for earlier scripts; -addr says more)")
	var lim Limits
	flag.IntVar(&lim.Citizens, "max-borgere", DefaultLimits.Citizens, "the most citizens held")
	flag.IntVar(&lim.Records, "max-poster", DefaultLimits.Records, "the most records per citizen")
	flag.IntVar(&lim.Messages, "max-beskeder", DefaultLimits.Messages, "the most messages queued per recipient")
	flag.IntVar(&lim.Recipients, "max-modtagere", DefaultLimits.Recipients, "the most recipients with a queue")
	flag.IntVar(&lim.RequestIDs, "max-requestids", DefaultLimits.RequestIDs, "the most x-requestIds remembered")
	lists := flag.String("kodelister", "", "a folder of code-list files (kontaktgrupper.csv, samtaletyper.csv, …) read over the embedded ones, as codelist.Load reads them")
	flag.Parse()
	s := NewServer(NewMemoryStore())
	s.Limits = lim
	if *lists != "" {
		cat, err := codelist.Load(os.DirFS(*lists))
		if err != nil {
			fmt.Fprintln(os.Stderr, "dfdgsim:", err)
			os.Exit(2)
		}
		s.Catalog = cat
	}
	if *port != 0 {
		*addr = net.JoinHostPort("127.0.0.1", strconv.Itoa(*port))
	}
	if err := serve(context.Background(), *addr, s, log.New(os.Stderr, "dfdgsim: ", log.LstdFlags)); err != nil {
		fmt.Fprintln(os.Stderr, "dfdgsim:", err)
		os.Exit(1)
	}
}

// Timeouts of the HTTP server: a client that stalls in its headers or body, or does not read the
// answer, loses its connection instead of holding it.
const (
	readHeaderTimeout = 5 * time.Second
	readTimeout       = 10 * time.Second
	writeTimeout      = 15 * time.Second
	idleTimeout       = 60 * time.Second
	shutdownTimeout   = 5 * time.Second
	// maxHeaderBytes bounds the headers: DFDG's take a few hundred bytes.
	maxHeaderBytes = 16 << 10
)

// newHTTPServer returns the HTTP server for h, with its timeouts and header limit.
func newHTTPServer(h http.Handler, logger *log.Logger) *http.Server {
	return &http.Server{
		Handler:           logRequests(h, logger),
		ReadHeaderTimeout: readHeaderTimeout,
		ReadTimeout:       readTimeout,
		WriteTimeout:      writeTimeout,
		IdleTimeout:       idleTimeout,
		MaxHeaderBytes:    maxHeaderBytes,
		ErrorLog:          logger,
	}
}

// serve listens on addr until ctx ends or the process gets SIGINT or SIGTERM, then shuts down
// gracefully, letting requests under way finish for a while and then closing what is left.
func serve(ctx context.Context, addr string, h http.Handler, logger *log.Logger) error {
	ctx, stop := signal.NotifyContext(ctx, os.Interrupt, syscall.SIGTERM)
	defer stop()
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		return err
	}
	srv := newHTTPServer(h, logger)
	logger.Printf("listening on http://%s", ln.Addr())
	done := make(chan error, 1)
	go func() { done <- srv.Serve(ln) }()
	select {
	case err := <-done:
		return err
	case <-ctx.Done():
	}
	logger.Print("shutting down")
	shutdown, cancel := context.WithTimeout(context.Background(), shutdownTimeout)
	defer cancel()
	if err := srv.Shutdown(shutdown); errors.Is(err, context.DeadlineExceeded) {
		// A stalled client is not the test double's failure: close its connection and end well.
		logger.Print("closing the connections still open")
		srv.Close()
	} else if err != nil {
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
