package cli

import (
	"context"
	"crypto/rand"
	"encoding/base64"
	"fmt"

	"log/slog"
	"net"

	"github.com/parallax-news/parallax/internal/analyze"
	"github.com/parallax-news/parallax/internal/server"
	"github.com/parallax-news/parallax/internal/store"
)

// DefaultAddr is where serve and demo listen unless told otherwise: the
// loopback interface only.
const DefaultAddr = "127.0.0.1:8080"

func runServe(ctx context.Context, env Env, args []string) int {
	fs, db := newFlags(env, "serve", "[--addr HOST:PORT] [--token TOKEN]", "Serve the HTTP API and web UI over the store")
	addr := fs.String("addr", DefaultAddr, "listen on `HOST:PORT`; anything but loopback exposes the store to the network and needs a token")
	token := fs.String("token", "", "the `TOKEN` a request must carry to add articles (default $PARALLAX_TOKEN; made up and printed when listening beyond loopback without one)")
	if code, stop := parseNone(env, fs, args); stop {
		return code
	}
	st, err := openStore(ctx, dsn(env, *db))
	if err != nil {
		fmt.Fprintf(env.Stderr, "parallax serve: %v\n", err)
		return ExitFailed
	}
	defer st.Close()
	return serve(ctx, env, st, serveOptions{addr: *addr, token: *token, who: "parallax serve", analyzer: newAnalyzer})
}

// serveOptions say how and what to serve.
type serveOptions struct {
	addr, token, who string
	analyzer         func() (*analyze.Analyzer, error) // for articles added in the browser
}

// writeToken is the token writes need on o.addr: the one given, else
// $PARALLAX_TOKEN, else, beyond loopback, a new random one (printed, since
// nobody could write otherwise); on loopback none is needed.
func writeToken(env Env, o serveOptions) (token string, made bool, err error) {
	token = o.token
	if token == "" {
		token = env.Getenv("PARALLAX_TOKEN")
	}
	if token != "" || server.IsLoopback(o.addr) {
		return token, false, nil
	}
	b := make([]byte, 18)
	if _, err := rand.Read(b); err != nil {
		return "", false, fmt.Errorf("make a token: %w", err)
	}
	return base64.RawURLEncoding.EncodeToString(b), true, nil
}

// serve serves st until ctx is done.
func serve(ctx context.Context, env Env, st store.Store, o serveOptions) int {
	who, addr := o.who, o.addr
	token, made, err := writeToken(env, o)
	if err != nil {
		fmt.Fprintf(env.Stderr, "%s: %v\n", who, err)
		return ExitFailed
	}
	log := slog.New(slog.NewTextHandler(env.Stderr, &slog.HandlerOptions{Level: slog.LevelWarn}))
	srv, err := server.New(st, server.Options{Logger: log, Version: Version(), Token: token, Analyzer: o.analyzer})
	if err != nil {
		fmt.Fprintf(env.Stderr, "%s: %v\n", who, err)
		return ExitFailed
	}
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		fmt.Fprintf(env.Stderr, "%s: listen on %s: %v\n", who, addr, unwrapOpError(err))
		return ExitFailed
	}
	if !server.IsLoopback(addr) {
		fmt.Fprintf(env.Stderr, "%s: warning: listening on %s, reachable from other machines; read-only without the token\n", who, addr)
	}
	if made {
		fmt.Fprintf(env.Stderr, "%s: token for adding articles (log in at /login, or send Authorization: Bearer TOKEN): %s\n", who, token)
	}
	fmt.Fprintf(env.Stdout, "Serving on %s — press Ctrl-C to stop.\n", urlFor(ln.Addr()))
	if f, ok := env.Stdout.(interface{ Sync() error }); ok {
		f.Sync()
	}
	if err := srv.Serve(ctx, ln); err != nil {
		fmt.Fprintf(env.Stderr, "%s: %v\n", who, err)
		return ExitFailed
	}
	return ExitOK
}

func urlFor(a net.Addr) string {
	host, port, err := net.SplitHostPort(a.String())
	if err != nil {
		return "http://" + a.String() + "/"
	}
	if host == "::" || host == "0.0.0.0" || host == "" {
		host = "localhost"
	}
	return "http://" + net.JoinHostPort(host, port) + "/"
}

func unwrapOpError(err error) error {
	if oe, ok := err.(*net.OpError); ok && oe.Err != nil {
		return oe.Err
	}
	return err
}
