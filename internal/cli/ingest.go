package cli

import (
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"time"

	"github.com/parallax-news/parallax/internal/analyze"
	"github.com/parallax-news/parallax/internal/ingest"
	"github.com/parallax-news/parallax/internal/news"
	"github.com/parallax-news/parallax/internal/pipeline"
)

func runIngest(ctx context.Context, env Env, args []string) int {
	fs, db := newFlags(env, "ingest", "[flags] SOURCE...", "Read articles and store them. SOURCE is a file, a directory (walked recursively), an http(s) URL of a page or feed, or - for JSONL on stdin")
	source := fs.String("source", "", "outlet `NAME` for articles that don't name one")
	published := fs.String("published", "", "publication `DATE` (YYYY-MM-DD or RFC 3339) for articles that lack one")
	language := fs.String("language", "", "language `CODE` (ISO 639-1) for articles that lack one")
	noAnalyze := fs.Bool("no-analyze", false, "store the articles without analysing them")
	maxBytes := fs.Int64("max-bytes", ingest.DefaultMaxBytes, "largest file or page to read, in bytes")
	timeout := fs.Duration("timeout", ingest.DefaultFetchTimeout, "time limit for fetching one URL")
	quiet := fs.Bool("quiet", false, "print only errors")
	sources, code, stop := parse(fs, args)
	if stop {
		return code
	}
	if len(sources) == 0 {
		fmt.Fprintln(env.Stderr, "parallax ingest: no SOURCE given (a file, directory, URL, or - for JSONL on stdin)")
		fs.Usage()
		return ExitUsage
	}
	pub, err := news.ParsePublished(*published)
	if err != nil {
		fmt.Fprintf(env.Stderr, "parallax ingest: --published: %v\n", err)
		return ExitUsage
	}

	st, err := openStore(ctx, dsn(env, *db))
	if err != nil {
		fmt.Fprintf(env.Stderr, "parallax ingest: %v\n", err)
		return ExitFailed
	}
	defer st.Close()

	prog := newProgress(env.Stderr, env.Interactive && !*quiet, countInputs(sources))
	def := ingest.Defaults{Source: strings.TrimSpace(*source), Published: pub, Language: strings.ToLower(*language)}
	inputs := make([]pipeline.Input, len(sources))
	for i, s := range sources {
		inputs[i] = pipeline.Input{Source: s, Defaults: def}
	}
	var an *analyze.Analyzer
	if !*noAnalyze {
		if an, err = newAnalyzer(); err != nil {
			fmt.Fprintf(env.Stderr, "parallax ingest: %v\n", err)
			return ExitFailed
		}
	}
	in := pipeline.New(st, pipeline.Options{
		Analyzer: an,
		OnFailure: func(f pipeline.Failure) {
			prog.clear()
			fmt.Fprintf(env.Stderr, "%s\n", oneLine(f.Error()))
		},
		OnBatch: prog.batch,
	})
	rd := ingest.NewReader(ingest.ReaderOptions{
		Client:    ingest.NewHTTPClient(*timeout),
		MaxBytes:  *maxBytes,
		Stdin:     env.Stdin,
		UserAgent: "parallax/" + strings.Fields(Version())[0],
		OnInput:   prog.input,
	})
	start := time.Now()
	counts, err := in.Run(ctx, rd, inputs)
	prog.clear()
	elapsed := time.Since(start)
	if !*quiet || err != nil {
		fmt.Fprintln(env.Stderr, summary(counts, elapsed))
	}
	switch {
	case errors.Is(err, context.Canceled):
		fmt.Fprintln(env.Stderr, "parallax ingest: interrupted; what was read is stored, run the same command again to finish")
		return ExitInterrupted
	case err != nil:
		fmt.Fprintf(env.Stderr, "parallax ingest: %v\n", err)
		return ExitFailed
	case counts.Failed > 0:
		return ExitFailed
	}
	return ExitOK
}

func summary(c pipeline.Counts, elapsed time.Duration) string {
	rate := ""
	if s := elapsed.Seconds(); s > 0 && c.Read > 0 {
		rate = fmt.Sprintf(" (%.0f articles/s)", float64(c.Read)/s)
	}
	msg := fmt.Sprintf("ingested %d articles in %s%s: %d new", c.Read, elapsed.Round(time.Millisecond), rate, c.Added)
	if c.Duplicates > 0 {
		msg += fmt.Sprintf(" (%d near-duplicates)", c.Duplicates)
	}
	if c.Unchanged > 0 {
		msg += fmt.Sprintf(", %d already stored", c.Unchanged)
	}
	if c.Updated > 0 {
		msg += fmt.Sprintf(", %d already stored with metadata added", c.Updated)
	}
	if c.Failed > 0 {
		msg += fmt.Sprintf(", %d failed", c.Failed)
	}
	return msg
}

// oneLine keeps an error message on one line.
func oneLine(s string) string {
	return strings.Join(strings.Fields(s), " ")
}

// countInputs counts the files and URLs the sources name, for the progress
// estimate; stdin counts as one. It stops counting past a bound: an
// estimate, not a second walk of a huge tree.
func countInputs(sources []string) int {
	const bound = 1_000_000
	n := 0
	for _, s := range sources {
		info, err := os.Stat(s)
		if err != nil || !info.IsDir() {
			n++
			continue
		}
		filepath.WalkDir(s, func(path string, d fs.DirEntry, err error) error {
			if err != nil || n > bound {
				return filepath.SkipAll
			}
			if path != s && strings.HasPrefix(d.Name(), ".") {
				if d.IsDir() {
					return filepath.SkipDir
				}
				return nil
			}
			if d.Type().IsRegular() {
				n++
			}
			return nil
		})
	}
	return n
}

// progress shows documents, documents per second and an estimate of the
// time left on one terminal line, redrawn at most a few times a second.
// It prints nothing when not on a terminal.
type progress struct {
	mu      sync.Mutex
	w       io.Writer
	on      bool
	total   int
	inputs  int
	docs    int
	start   time.Time
	drawn   time.Time
	visible bool
}

func newProgress(w io.Writer, on bool, total int) *progress {
	return &progress{w: w, on: on, total: total, start: time.Now()}
}

func (p *progress) input(string) {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.inputs++
	p.draw(false)
}

func (p *progress) batch(c pipeline.Counts) {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.docs = c.Added + c.Unchanged + c.Updated
	p.draw(false)
}

func (p *progress) draw(force bool) {
	if !p.on || !force && time.Since(p.drawn) < 200*time.Millisecond {
		return
	}
	p.drawn = time.Now()
	el := time.Since(p.start).Seconds()
	line := fmt.Sprintf("%d documents", p.docs)
	if el > 0 {
		line += fmt.Sprintf("  %.0f/s", float64(p.docs)/el)
	}
	if p.total > 1 && p.inputs > 0 && p.inputs <= p.total {
		left := time.Duration(el * float64(p.total-p.inputs) / float64(p.inputs) * float64(time.Second))
		line += fmt.Sprintf("  %d/%d inputs  ETA %s", p.inputs, p.total, left.Round(time.Second))
	}
	fmt.Fprintf(p.w, "\r\033[K%s", line)
	p.visible = true
}

// clear removes the progress line so other output starts on a clean line.
func (p *progress) clear() {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.visible {
		fmt.Fprint(p.w, "\r\033[K")
		p.visible = false
		p.drawn = time.Time{}
	}
}
