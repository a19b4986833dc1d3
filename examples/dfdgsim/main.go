// Command dfdgsim is a local test double of DFDG for the rules regelkit/dfdg holds: a JSON service,
// on 127.0.0.1:8040 unless -addr says otherwise, that decides as DFDG does, answers errors as DFDG does,
// and queues the web-service messages (WSB) its decisions cause, for a case-management system's
// integration tests. Run it with
//
//	cd examples/dfdgsim && go run . -addr 127.0.0.1:8040
//
// and see README.md beside this file for its endpoints.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"os"
	"os/signal"
	"strconv"
	"syscall"
	"time"

	"github.com/regelkit/dfdg"
	"github.com/regelkit/dfdg/codelist"
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
	flag.Int64Var(&lim.CitizenBytes, "max-bytes-borger", DefaultLimits.CitizenBytes, "the most bytes one citizen takes, as JSON")
	flag.Int64Var(&lim.TotalBytes, "max-bytes", DefaultLimits.TotalBytes, "the most bytes all citizens take together, as JSON")
	logFormat := flag.String("log", "text", "the log's format: text or json (log/slog)")
	health := flag.String("health", "", "check the health of a running dfdgsim at this URL (such as http://127.0.0.1:8040/healthz) and exit 0 or 1: for a container's health check, which has no curl")
	lists := flag.String("kodelister", "", "a folder of code-list files (kontaktgrupper.csv, samtaletyper.csv, …) read over the embedded ones, as codelist.Load reads them")
	flag.Parse()
	if *health != "" {
		if err := checkHealth(*health); err != nil {
			fmt.Fprintln(os.Stderr, "dfdgsim:", err)
			os.Exit(1)
		}
		return
	}
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
	logger, err := newLogger(os.Stderr, *logFormat)
	if err != nil {
		fmt.Fprintln(os.Stderr, "dfdgsim:", err)
		os.Exit(2)
	}
	if err := serve(context.Background(), *addr, s, logger); err != nil {
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
func newHTTPServer(h http.Handler, logger *slog.Logger) *http.Server {
	return &http.Server{
		Handler:           logRequests(h, logger),
		ReadHeaderTimeout: readHeaderTimeout,
		ReadTimeout:       readTimeout,
		WriteTimeout:      writeTimeout,
		IdleTimeout:       idleTimeout,
		MaxHeaderBytes:    maxHeaderBytes,
		ErrorLog:          slog.NewLogLogger(logger.Handler(), slog.LevelWarn),
	}
}

// serve listens on addr until ctx ends or the process gets SIGINT or SIGTERM, then shuts down
// gracefully, letting requests under way finish for a while and then closing what is left.
func serve(ctx context.Context, addr string, h http.Handler, logger *slog.Logger) error {
	ctx, stop := signal.NotifyContext(ctx, os.Interrupt, syscall.SIGTERM)
	defer stop()
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		return err
	}
	srv := newHTTPServer(h, logger)
	logger.Info("listening", "addr", "http://"+ln.Addr().String())
	done := make(chan error, 1)
	go func() { done <- srv.Serve(ln) }()
	select {
	case err := <-done:
		return err
	case <-ctx.Done():
	}
	logger.Info("shutting down")
	shutdown, cancel := context.WithTimeout(context.Background(), shutdownTimeout)
	defer cancel()
	if err := srv.Shutdown(shutdown); errors.Is(err, context.DeadlineExceeded) {
		// A stalled client is not the test double's failure: close its connection and end well.
		logger.Info("closing the connections still open")
		srv.Close()
	} else if err != nil {
		return err
	}
	if err := <-done; !errors.Is(err, http.ErrServerClosed) {
		return err
	}
	return nil
}

// logRequests logs method, path and status: never a header or a body. The method and the path are the
// caller's own text: anything shaped like a CPR number in them is masked, and the log handler quotes
// and escapes a value with a control character, so no request can forge a line.
func logRequests(h http.Handler, logger *slog.Logger) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		rec := &statusRecorder{ResponseWriter: w, status: http.StatusOK}
		h.ServeHTTP(rec, r)
		logger.Info("request", "method", dfdg.MaskCPR(r.Method), "path", dfdg.MaskCPR(r.URL.Path), "status", rec.status)
	})
}

// newLogger returns the test double's logger, writing text or JSON lines (log/slog) to w. Every
// message and string value is masked (dfdg.MaskCPR), the net/http server's own messages too.
func newLogger(w io.Writer, format string) (*slog.Logger, error) {
	var h slog.Handler
	switch format {
	case "text":
		h = slog.NewTextHandler(w, nil)
	case "json":
		h = slog.NewJSONHandler(w, nil)
	default:
		return nil, fmt.Errorf("-log %q: write text or json", format)
	}
	return slog.New(maskHandler{h}), nil
}

// maskHandler masks anything shaped like a CPR number in a record's message and string values.
type maskHandler struct{ slog.Handler }

func (m maskHandler) Handle(ctx context.Context, r slog.Record) error {
	out := slog.NewRecord(r.Time, r.Level, dfdg.MaskCPR(r.Message), r.PC)
	r.Attrs(func(a slog.Attr) bool {
		if a.Value.Kind() == slog.KindString {
			a.Value = slog.StringValue(dfdg.MaskCPR(a.Value.String()))
		}
		out.AddAttrs(a)
		return true
	})
	return m.Handler.Handle(ctx, out)
}

func (m maskHandler) WithAttrs(as []slog.Attr) slog.Handler {
	return maskHandler{m.Handler.WithAttrs(as)}
}
func (m maskHandler) WithGroup(name string) slog.Handler {
	return maskHandler{m.Handler.WithGroup(name)}
}

type statusRecorder struct {
	http.ResponseWriter
	status int
}

func (r *statusRecorder) WriteHeader(status int) {
	r.status = status
	r.ResponseWriter.WriteHeader(status)
}

// checkHealth asks url for the test double's health and returns an error unless it answers 200.
func checkHealth(url string) error {
	client := http.Client{Timeout: 2 * time.Second}
	resp, err := client.Get(url)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return fmt.Errorf("%s answered %s", url, resp.Status)
	}
	return nil
}
