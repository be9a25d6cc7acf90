package cli

import (
	"context"
	"fmt"
	"io"
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
	err = writeFileAtomic(*out, writerToFunc(func(w io.Writer) (int64, error) {
		return 0, export.Write(ctx, st, *format, w)
	}))
	if err != nil {
		fmt.Fprintf(env.Stderr, "parallax export: write %s: %v\n", *out, err)
		return ExitFailed
	}
	return ExitOK
}
