package cli

import (
	"context"
	"fmt"

	"log/slog"
	"net"

	"github.com/parallax-news/parallax/internal/server"
	"github.com/parallax-news/parallax/internal/store"
)

// DefaultAddr is where serve and demo listen unless told otherwise: the
// loopback interface only.
const DefaultAddr = "127.0.0.1:8080"

func runServe(ctx context.Context, env Env, args []string) int {
	fs, db := newFlags(env, "serve", "[--addr HOST:PORT]", "Serve the HTTP API and web UI over the store")
	addr := fs.String("addr", DefaultAddr, "listen on `HOST:PORT`; anything but loopback exposes the store to the network")
	if code, stop := parseNone(env, fs, args); stop {
		return code
	}
	st, err := openStore(ctx, dsn(env, *db))
	if err != nil {
		fmt.Fprintf(env.Stderr, "parallax serve: %v\n", err)
		return ExitFailed
	}
	defer st.Close()
	return serve(ctx, env, st, *addr, "parallax serve")
}

// serve serves st on addr until ctx is done.
func serve(ctx context.Context, env Env, st store.Store, addr, who string) int {
	log := slog.New(slog.NewTextHandler(env.Stderr, &slog.HandlerOptions{Level: slog.LevelWarn}))
	srv, err := server.New(st, server.Options{Logger: log, Version: Version()})
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
		fmt.Fprintf(env.Stderr, "%s: warning: listening on %s, reachable from other machines\n", who, addr)
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
