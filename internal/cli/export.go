package cli

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/parallax-news/parallax/internal/export"
)

func runExport(ctx context.Context, env Env, args []string) int {
	fs, db := newFlags(env, "export", "[--format json|jsonl|csv|md] [--out FILE]", "Write what the store holds, to stdout unless --out is given")
	format := fs.String("format", "json", "output `FORMAT`: "+strings.Join(export.Formats, ", "))
	out := fs.String("out", "", "write to `FILE` instead of stdout (replaced only once complete)")
	if code, stop := parseNone(env, fs, args); stop {
		return code
	}
	if !slices.Contains(export.Formats, *format) {
		fmt.Fprintf(env.Stderr, "parallax export: unknown format %q (want %s)\n", *format, strings.Join(export.Formats, ", "))
		return ExitUsage
	}
	st, err := openStore(ctx, dsn(env, *db))
	if err != nil {
		fmt.Fprintf(env.Stderr, "parallax export: %v\n", err)
		return ExitFailed
	}
	defer st.Close()

	if *out == "" || *out == "-" {
		if err := export.Write(ctx, st, *format, env.Stdout); err != nil {
			fmt.Fprintf(env.Stderr, "parallax export: %v\n", err)
			return ExitFailed
		}
		return ExitOK
	}
	// Written beside the target and renamed over it, so a failed or
	// interrupted export never leaves a truncated file behind.
	tmp, err := os.CreateTemp(filepath.Dir(*out), "."+filepath.Base(*out)+".*")
	if err != nil {
		fmt.Fprintf(env.Stderr, "parallax export: %v\n", err)
		return ExitFailed
	}
	defer os.Remove(tmp.Name())
	err = export.Write(ctx, st, *format, tmp)
	if err == nil {
		// CreateTemp makes the file private; an export is an ordinary file.
		err = tmp.Chmod(0o644)
	}
	if cerr := tmp.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Rename(tmp.Name(), *out)
	}
	if err != nil {
		fmt.Fprintf(env.Stderr, "parallax export: write %s: %v\n", *out, err)
		return ExitFailed
	}
	return ExitOK
}
