package server

import (
	"bytes"
	"context"
	"crypto/sha256"
	"embed"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"html/template"
	"io/fs"
	"log/slog"
	"net"
	"net/http"
	"path"
	"runtime/debug"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/parallax-news/parallax/internal/analyze"
	"github.com/parallax-news/parallax/internal/export"
	"github.com/parallax-news/parallax/internal/ingest"
	"github.com/parallax-news/parallax/internal/store"
)

//go:embed web/templates/*.html web/static/*
var webFS embed.FS

// Logging keys.
const (
	logKeyMethod = "method"
	logKeyPath   = "path"
	logKeyStatus = "status"
	logKeyError  = "error"
)

// Limits on one request.
const (
	maxHeaderBytes = 64 << 10
	maxBodyBytes   = 8 << 20
)

// Options configure a Server.
type Options struct {
	Logger  *slog.Logger // nil discards logs
	Version string
	// Token, if set, is what a request must carry to change the store (see
	// canWrite); without it the server is read-only to that request. The
	// command line requires one to listen beyond loopback.
	Token string
	// Analyzer, if set, gives the analyzer for articles added from the
	// browser or the API; it is called on the first such request (loading
	// the models takes a moment). Nil: the server adds no articles.
	Analyzer func() (*analyze.Analyzer, error)
	// Client fetches the URLs given to add; nil gets one with ingest's
	// timeouts.
	Client *http.Client
}

// Server serves one store. Create it with New.
type Server struct {
	store   store.Store
	log     *slog.Logger
	version string
	pages   map[string]*template.Template
	static  map[string]staticFile // by fingerprinted name
	assets  map[string]string     // plain name -> fingerprinted URL path
	handler http.Handler

	token    string
	analyzer func() (*analyze.Analyzer, error) // nil: no ingest
	client   *http.Client

	statsMu    sync.Mutex // guards the three below
	statsCache counts
	statsAt    time.Time
	recounting bool // counts are being renewed
}

type staticFile struct {
	body        []byte
	contentType string
}

// New returns a Server over st, with its templates parsed and static files
// fingerprinted.
func New(st store.Store, opts Options) (*Server, error) {
	s := &Server{store: st, log: opts.Logger, version: opts.Version, token: opts.Token, client: opts.Client}
	if opts.Analyzer != nil {
		s.analyzer = sync.OnceValues(opts.Analyzer)
	}
	if s.client == nil {
		s.client = ingest.NewHTTPClient(ingest.DefaultFetchTimeout)
	}
	if s.log == nil {
		s.log = slog.New(slog.DiscardHandler)
	}
	if err := s.loadStatic(); err != nil {
		return nil, err
	}
	if err := s.loadTemplates(); err != nil {
		return nil, err
	}
	s.handler = s.routes()
	return s, nil
}

// ServeHTTP serves one request.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	h := w.Header()
	h.Set("Content-Security-Policy", "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'")
	h.Set("X-Content-Type-Options", "nosniff")
	h.Set("Referrer-Policy", "no-referrer")
	h.Set("X-Frame-Options", "DENY")
	r.Body = http.MaxBytesReader(w, r.Body, maxBodyBytes)
	// A panic is logged with its stack; the client sees only that the
	// request failed.
	defer func() {
		if v := recover(); v != nil {
			if v == http.ErrAbortHandler {
				panic(v)
			}
			s.log.Error("request panicked", logKeyMethod, r.Method, logKeyPath, r.URL.Path, logKeyError, fmt.Sprint(v), "stack", string(debug.Stack()))
			http.Error(w, "internal error", http.StatusInternalServerError)
		}
	}()
	s.handler.ServeHTTP(w, r)
}

// HTTPServer returns an http.Server for s on addr with every timeout set.
func (s *Server) HTTPServer(addr string) *http.Server {
	return &http.Server{
		Addr:              addr,
		Handler:           s,
		ReadHeaderTimeout: 5 * time.Second,
		ReadTimeout:       30 * time.Second,
		WriteTimeout:      60 * time.Second,
		IdleTimeout:       120 * time.Second,
		MaxHeaderBytes:    maxHeaderBytes,
		ErrorLog:          slog.NewLogLogger(s.log.Handler(), slog.LevelWarn),
	}
}

// IsLoopback reports whether addr (HOST:PORT) binds only to the loopback
// interface.
func IsLoopback(addr string) bool {
	host, _, err := net.SplitHostPort(addr)
	if err != nil {
		return false
	}
	if host == "localhost" {
		return true
	}
	ip := net.ParseIP(host)
	return ip != nil && ip.IsLoopback()
}

// Serve serves s on ln until ctx is done, then shuts down gracefully.
func (s *Server) Serve(ctx context.Context, ln net.Listener) error {
	srv := s.HTTPServer(ln.Addr().String())
	errc := make(chan error, 1)
	go func() { errc <- srv.Serve(ln) }()
	select {
	case err := <-errc:
		return err
	case <-ctx.Done():
	}
	sctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), 5*time.Second)
	defer cancel()
	if err := srv.Shutdown(sctx); err != nil {
		return fmt.Errorf("shut down: %w", err)
	}
	return nil
}

func (s *Server) loadStatic() error {
	s.static = map[string]staticFile{}
	s.assets = map[string]string{}
	entries, err := fs.ReadDir(webFS, "web/static")
	if err != nil {
		return fmt.Errorf("read static files: %w", err)
	}
	for _, e := range entries {
		b, err := webFS.ReadFile("web/static/" + e.Name())
		if err != nil {
			return fmt.Errorf("read static file %s: %w", e.Name(), err)
		}
		sum := sha256.Sum256(b)
		ext := path.Ext(e.Name())
		name := strings.TrimSuffix(e.Name(), ext) + "." + hex.EncodeToString(sum[:6]) + ext
		ct := map[string]string{".css": "text/css; charset=utf-8", ".js": "text/javascript; charset=utf-8", ".svg": "image/svg+xml"}[ext]
		if ct == "" {
			ct = "application/octet-stream"
		}
		s.static[name] = staticFile{body: b, contentType: ct}
		s.assets[e.Name()] = "/static/" + name
	}
	return nil
}

func (s *Server) loadTemplates() error {
	funcs := template.FuncMap{
		"asset": func(name string) string { return s.assets[name] },
		// precision tells how precisely an event is dated.
		"precision": export.Precision,
		"deref": func(p *string) string {
			if p == nil {
				return ""
			}
			return *p
		},
		"add":      func(a, b int) int { return a + b },
		"add5":     func(f float64) float64 { return f + 5 },
		"last":     func(l []timelineMark) int { return len(l) - 1 },
		"deref2":   func(p *bool) bool { return p != nil && *p },
		"factName": factName,
		// plural is "1 document", "2 documents".
		"plural": func(n int, word string) string {
			if n == 1 {
				return "1 " + word
			}
			return strconv.Itoa(n) + " " + word + "s"
		},
		"list": func(v ...string) []string { return v },
		// Corpus-wide entity ids start with E; a document's own ids with
		// the document's hexadecimal id.
		"hasPrefix": strings.HasPrefix,
		// quoteStart is the offset in a quote id ("…-q123" → 123), where
		// the quote's mark is in its document.
		"quoteStart": func(id string) string { return id[strings.LastIndex(id, "-q")+2:] },
	}
	layout, err := template.New("layout.html").Funcs(funcs).ParseFS(webFS, "web/templates/layout.html")
	if err != nil {
		return fmt.Errorf("parse layout: %w", err)
	}
	pages, err := fs.Glob(webFS, "web/templates/page_*.html")
	if err != nil {
		return fmt.Errorf("list pages: %w", err)
	}
	s.pages = map[string]*template.Template{}
	for _, p := range pages {
		t, err := template.Must(layout.Clone()).ParseFS(webFS, p)
		if err != nil {
			return fmt.Errorf("parse %s: %w", p, err)
		}
		name := strings.TrimSuffix(strings.TrimPrefix(path.Base(p), "page_"), ".html")
		s.pages[name] = t
	}
	return nil
}

// httpError is an error with the status and message a client may see.
type httpError struct {
	status int
	msg    string
}

func (e *httpError) Error() string { return e.msg }

func errorf(status int, format string, args ...any) error {
	return &httpError{status: status, msg: fmt.Sprintf(format, args...)}
}

// handler is a handler that returns its error to the adapter.
type handler func(w http.ResponseWriter, r *http.Request) error

// page adapts a UI handler: errors become an HTML error page.
func (s *Server) page(h handler) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		if err := h(w, r); err != nil {
			status, msg := s.classify(r, err)
			var buf bytes.Buffer
			if t, ok := s.pages["error"]; ok {
				t.ExecuteTemplate(&buf, "layout.html", map[string]any{"Title": http.StatusText(status), "Status": status, "Message": msg, "Version": s.version})
			}
			w.Header().Set("Content-Type", "text/html; charset=utf-8")
			w.WriteHeader(status)
			buf.WriteTo(w)
		}
	}
}

// api adapts an API handler: errors become {"error": "..."}.
func (s *Server) api(h handler) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		if err := h(w, r); err != nil {
			status, msg := s.classify(r, err)
			writeJSON(w, status, map[string]string{"error": msg})
		}
	}
}

// classify turns an error into a status and a message safe to show: known
// conditions are named, anything else is logged and reported as a bare
// internal error.
func (s *Server) classify(r *http.Request, err error) (int, string) {
	var he *httpError
	var mbe *http.MaxBytesError
	switch {
	case errors.As(err, &he):
		return he.status, he.msg
	case errors.Is(err, store.ErrNotFound):
		return http.StatusNotFound, "not found"
	case errors.Is(err, store.ErrBadDate):
		return http.StatusBadRequest, store.ErrBadDate.Error()
	case errors.As(err, &mbe):
		return http.StatusRequestEntityTooLarge, "request too large"
	case errors.Is(err, context.Canceled):
		return 499, "request cancelled"
	}
	s.log.Error("request failed", logKeyMethod, r.Method, logKeyPath, r.URL.Path, logKeyError, err)
	return http.StatusInternalServerError, "internal error"
}

func (s *Server) render(w http.ResponseWriter, name string, data map[string]any) error {
	return s.renderStatus(w, http.StatusOK, name, data)
}

// renderStatus renders a page with the given status.
func (s *Server) renderStatus(w http.ResponseWriter, status int, name string, data map[string]any) error {
	t, ok := s.pages[name]
	if !ok {
		return fmt.Errorf("no page template %q", name)
	}
	data["Version"] = s.version
	// Rendered whole before anything is sent, so a failing template gives
	// an error page, not half a page.
	var buf bytes.Buffer
	if err := t.ExecuteTemplate(&buf, "layout.html", data); err != nil {
		return fmt.Errorf("render %s: %w", name, err)
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.WriteHeader(status)
	_, err := buf.WriteTo(w)
	return err
}

func writeJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.WriteHeader(status)
	// Compact: a page of events is large, and indenting it costs as much
	// as encoding it.
	json.NewEncoder(w).Encode(v)
}
