package cli

import (
	"bytes"
	"context"
	"flag"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

func TestParse(t *testing.T) {
	tests := []struct {
		args []string
		pos  []string
		src  string
		code int
		stop bool
	}{
		{[]string{"a", "--source", "X", "b"}, []string{"a", "b"}, "X", 0, false},
		{[]string{"--source=X", "a"}, []string{"a"}, "X", 0, false},
		{[]string{"a", "--", "--source", "-"}, []string{"a", "--source", "-"}, "", 0, false},
		{[]string{"-"}, []string{"-"}, "", 0, false},
		{[]string{"-h"}, nil, "", ExitOK, true},
		{[]string{"--nope"}, nil, "", ExitUsage, true},
	}
	for _, tt := range tests {
		t.Run(strings.Join(tt.args, " "), func(t *testing.T) {
			fs := flag.NewFlagSet("x", flag.ContinueOnError)
			fs.SetOutput(io.Discard)
			src := fs.String("source", "", "")
			pos, code, stop := parse(fs, tt.args)
			if !slices.Equal(pos, tt.pos) || code != tt.code || stop != tt.stop || !stop && *src != tt.src {
				t.Errorf("parse = %q, %d, %v (source %q); want %q, %d, %v (source %q)", pos, code, stop, *src, tt.pos, tt.code, tt.stop, tt.src)
			}
		})
	}
}

// TestProgress checks that ingest on a terminal shows progress and
// otherwise prints only its summary.
func TestProgress(t *testing.T) {
	dir := t.TempDir()
	for i := range 3 {
		name := filepath.Join(dir, "in", string(rune('a'+i))+".txt")
		os.MkdirAll(filepath.Dir(name), 0o755)
		os.WriteFile(name, []byte(strings.Repeat("Words of an article number "+string(rune('a'+i))+". ", 20)), 0o644)
	}
	for _, interactive := range []bool{true, false} {
		var stderr bytes.Buffer
		env := Env{Stdin: strings.NewReader(""), Stdout: io.Discard, Stderr: &stderr, Getenv: func(string) string { return "" }, Interactive: interactive}
		db := filepath.Join(dir, map[bool]string{true: "tty.db", false: "pipe.db"}[interactive])
		if code := Run(context.Background(), []string{"ingest", "--db", db, filepath.Join(dir, "in")}, env); code != 0 {
			t.Fatalf("exit %d: %s", code, stderr.String())
		}
		out := stderr.String()
		hasProgress := strings.Contains(out, "\r\033[K") && strings.Contains(out, "inputs")
		if hasProgress != interactive {
			t.Errorf("interactive=%v: progress shown=%v:\n%q", interactive, hasProgress, out)
		}
		if !strings.Contains(out, "ingested 3 articles") {
			t.Errorf("no summary: %q", out)
		}
	}
}
