package cli

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"runtime/debug"
	"slices"
	"strings"
)

// Exit statuses.
const (
	ExitOK          = 0
	ExitFailed      = 1
	ExitUsage       = 2
	ExitInterrupted = 130
)

// DefaultDB is the store used when neither --db nor PARALLAX_DB is given.
const DefaultDB = "parallax.db"

// Env is what a command may touch of the outside world; tests pass their
// own.
type Env struct {
	Stdin  io.Reader
	Stdout io.Writer
	Stderr io.Writer
	Getenv func(string) string
	// Interactive reports whether Stderr is a terminal (for progress).
	Interactive bool
}

// command is one subcommand.
type command struct {
	name, args, summary string
	run                 func(ctx context.Context, env Env, args []string) int
}

func commands() []command {
	return []command{
		{"ingest", "[flags] SOURCE...", "read articles from files, directories, URLs or - (JSONL on stdin) and store them", runIngest},
		{"export", "[--format json|jsonl|csv|md] [--out FILE]", "write what the store holds (stdout by default)", runExport},
		{"serve", "[--addr HOST:PORT]", "serve the HTTP API and web UI (127.0.0.1:8080 by default)", runServe},
		{"demo", "[--addr HOST:PORT]", "ingest the bundled demo corpus into a fresh store, print what it found, serve it", runDemo},
		{"analyze", "[--db DSN]", "analyse the stored documents that have no analysis or an outdated one", runAnalyze},
		{"tag", "ner", "CoNLL tokens in, BIO tags out", runTag},
		{"eval", "KIND FILE...", "score Parallax on annotated data (ner, entities, quotes, timex, clusters)", runEval},
		{"train", "ner|clusters", "train the models from ../shared/data (then rebuild to embed them)", runTrain},
		{"version", "", "print the version", runVersion},
		{"help", "[COMMAND]", "show help for Parallax or one command", nil},
	}
}

// Run runs the command line args (without the program name) and returns the
// exit status.
func Run(ctx context.Context, args []string, env Env) int {
	if env.Getenv == nil {
		env.Getenv = os.Getenv
	}
	// A --db given before the command applies to it.
	var global []string
	for len(args) > 0 && strings.HasPrefix(args[0], "-") {
		a := args[0]
		if a == "-h" || a == "--help" || a == "-help" {
			args = []string{"help"}
			break
		}
		if a == "--version" || a == "-version" {
			args = []string{"version"}
			break
		}
		if (a == "--db" || a == "-db") && len(args) > 1 {
			global = append(global, a, args[1])
			args = args[2:]
			continue
		}
		if strings.HasPrefix(a, "--db=") || strings.HasPrefix(a, "-db=") {
			global = append(global, a)
			args = args[1:]
			continue
		}
		fmt.Fprintf(env.Stderr, "parallax: unknown flag %s before the command\n", a)
		usage(env.Stderr)
		return ExitUsage
	}
	if len(args) == 0 {
		usage(env.Stderr)
		return ExitUsage
	}
	name, rest := args[0], args[1:]
	if name == "help" {
		return runHelp(env, rest)
	}
	for _, c := range commands() {
		if c.name == name {
			return c.run(ctx, env, append(global, rest...))
		}
	}
	fmt.Fprintf(env.Stderr, "parallax: unknown command %q\n", name)
	usage(env.Stderr)
	return ExitUsage
}

func usage(w io.Writer) {
	fmt.Fprintf(w, "Parallax reads news from many outlets and shows what happened, who said what, and where sources disagree.\n\nUsage:\n  parallax [--db DSN] COMMAND [flags] [args]\n\nCommands:\n")
	for _, c := range commands() {
		fmt.Fprintf(w, "  %-8s %s\n", c.name, c.summary)
	}
	fmt.Fprintf(w, "\nThe store is --db DSN or $PARALLAX_DB: a file path or sqlite:PATH (default ./%s), or postgres://...\nRun 'parallax help COMMAND' or 'parallax COMMAND -h' for a command's flags.\n", DefaultDB)
}

func runHelp(env Env, args []string) int {
	if len(args) == 0 {
		usage(env.Stdout)
		return ExitOK
	}
	for _, c := range commands() {
		if c.name == args[0] && c.run != nil {
			return c.run(context.Background(), Env{Stdout: env.Stdout, Stderr: env.Stdout, Getenv: env.Getenv}, []string{"-h"})
		}
	}
	if args[0] == "help" {
		usage(env.Stdout)
		return ExitOK
	}
	fmt.Fprintf(env.Stderr, "parallax: unknown command %q\n", args[0])
	return ExitUsage
}

// newFlags returns the flag set of a command, with the --db flag every
// command takes.
func newFlags(env Env, name, args, summary string) (*flag.FlagSet, *string) {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(env.Stderr)
	db := fs.String("db", "", "store: a file path, sqlite:PATH or postgres://... (default $PARALLAX_DB or ./"+DefaultDB+")")
	fs.Usage = func() {
		w := fs.Output()
		fmt.Fprintf(w, "Usage: parallax %s %s\n\n%s.\n\nFlags:\n", name, args, summary)
		fs.VisitAll(func(f *flag.Flag) {
			arg, text := flag.UnquoteUsage(f)
			fmt.Fprintf(w, "  --%s %s\n      %s", f.Name, arg, text)
			if f.DefValue != "" && f.DefValue != "false" {
				fmt.Fprintf(w, " (default %s)", f.DefValue)
			}
			fmt.Fprintln(w)
		})
	}
	return fs, db
}

// parse parses flags and positional arguments in any order (`ingest DIR
// --source X` works as users expect); everything after "--" is positional.
// It returns the positional arguments, and an exit status when the command
// should stop: ExitOK for -h, ExitUsage for a bad flag.
func parse(fs *flag.FlagSet, args []string) ([]string, int, bool) {
	var rest []string
	if i := slices.Index(args, "--"); i >= 0 {
		args, rest = args[:i], args[i+1:]
	}
	var pos []string
	for {
		if err := fs.Parse(args); err != nil {
			if errors.Is(err, flag.ErrHelp) {
				return nil, ExitOK, true
			}
			return nil, ExitUsage, true
		}
		args = fs.Args()
		if len(args) == 0 {
			return append(pos, rest...), 0, false
		}
		pos = append(pos, args[0])
		args = args[1:]
	}
}

// parseNone parses the flags of a command that takes no other arguments,
// and says whether the command should stop, with which exit status.
func parseNone(env Env, fs *flag.FlagSet, args []string) (int, bool) {
	pos, code, stop := parse(fs, args)
	if stop {
		return code, true
	}
	if len(pos) > 0 {
		fmt.Fprintf(env.Stderr, "parallax %s: unexpected argument %q\n", fs.Name(), pos[0])
		return ExitUsage, true
	}
	return 0, false
}

// dsn returns the store to use: the flag, else $PARALLAX_DB, else the
// default file.
func dsn(env Env, flagValue string) string {
	if flagValue != "" {
		return flagValue
	}
	if v := env.Getenv("PARALLAX_DB"); v != "" {
		return v
	}
	return DefaultDB
}

// Version returns Parallax's version: the module version when built from a
// release, else the VCS revision the binary was built from.
func Version() string {
	info, ok := debug.ReadBuildInfo()
	if !ok {
		return "unknown"
	}
	v := info.Main.Version
	var rev, dirty string
	for _, s := range info.Settings {
		switch s.Key {
		case "vcs.revision":
			rev = s.Value
		case "vcs.modified":
			if s.Value == "true" {
				dirty = "+dirty"
			}
		}
	}
	if (v == "" || v == "(devel)") && rev != "" {
		v = "dev-" + rev[:min(12, len(rev))] + dirty
	}
	if v == "" {
		v = "(devel)"
	}
	return v + " " + info.GoVersion
}

func runVersion(_ context.Context, env Env, args []string) int {
	fs, _ := newFlags(env, "version", "", "print the version")
	if code, stop := parseNone(env, fs, args); stop {
		return code
	}
	fmt.Fprintf(env.Stdout, "parallax %s\n", Version())
	return ExitOK
}
