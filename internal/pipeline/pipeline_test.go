package pipeline_test

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"testing"

	"github.com/parallax-news/parallax/internal/ingest"
	"github.com/parallax-news/parallax/internal/pipeline"
	"github.com/parallax-news/parallax/internal/store"
	"github.com/parallax-news/parallax/internal/store/sqlite"
)

// writeCorpus writes n distinct small articles, and returns their folder.
func writeCorpus(t *testing.T, n int) string {
	t.Helper()
	dir := filepath.Join(t.TempDir(), "in")
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	for i := range n {
		text := fmt.Sprintf("Headline %d\n\nArticle number %d reports event %d in town %d, officials said on day %d.", i, i, i*7, i*13, i%28)
		if err := os.WriteFile(filepath.Join(dir, fmt.Sprintf("%04d.txt", i)), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

func open(t *testing.T) store.Store {
	t.Helper()
	st, err := sqlite.Open(t.Context(), filepath.Join(t.TempDir(), "p.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	return st
}

// TestInterrupt cancels a run after its first batch: what was read is
// stored, the store is consistent, and a second run completes the job.
func TestInterrupt(t *testing.T) {
	const n = 3 * pipeline.BatchSize
	dir := writeCorpus(t, n)
	st := open(t)
	ctx, cancel := context.WithCancel(t.Context())
	defer cancel()
	in := pipeline.New(st, pipeline.Options{OnBatch: func(pipeline.Counts) { cancel() }})
	c, err := in.Run(ctx, ingest.NewReader(ingest.ReaderOptions{}), []pipeline.Input{{Source: dir}})
	if !errors.Is(err, context.Canceled) {
		t.Fatalf("Run after cancel: %v, want context.Canceled", err)
	}
	stats, err := st.Stats(t.Context())
	if err != nil {
		t.Fatal(err)
	}
	if stats.Documents != c.Added || c.Added == 0 || c.Added >= n {
		t.Fatalf("stored %d, counted %d added; want the same, between 1 and %d", stats.Documents, c.Added, n-1)
	}

	c2, err := pipeline.New(st, pipeline.Options{}).Run(t.Context(), ingest.NewReader(ingest.ReaderOptions{}), []pipeline.Input{{Source: dir}})
	if err != nil {
		t.Fatal(err)
	}
	if c2.Added+c2.Unchanged != n || c2.Unchanged != c.Added {
		t.Errorf("second run: %+v; want %d added and %d unchanged", c2, n-c.Added, c.Added)
	}
	if stats, _ = st.Stats(t.Context()); stats.Documents != n {
		t.Errorf("%d documents after the second run, want %d", stats.Documents, n)
	}
}

// TestFailuresDoNotStop checks that bad inputs are reported and the rest is
// stored.
func TestFailuresDoNotStop(t *testing.T) {
	dir := writeCorpus(t, 5)
	os.WriteFile(filepath.Join(dir, "empty.txt"), nil, 0o644)
	os.WriteFile(filepath.Join(dir, "bad.jsonl"), []byte("{\"text\":\"good line of text\"}\nnot json\n"), 0o644)
	st := open(t)
	var failures []string
	in := pipeline.New(st, pipeline.Options{OnFailure: func(f pipeline.Failure) { failures = append(failures, f.Error()) }})
	c, err := in.Run(t.Context(), ingest.NewReader(ingest.ReaderOptions{}), []pipeline.Input{{Source: dir}, {Source: filepath.Join(dir, "missing.txt")}})
	if err != nil {
		t.Fatal(err)
	}
	if c.Added != 6 || c.Failed != 3 || len(failures) != 3 {
		t.Errorf("counts %+v, failures %q; want 6 added, 3 failed", c, failures)
	}
}

// TestAdd stores articles given directly, with the defaults.
func TestAdd(t *testing.T) {
	st := open(t)
	in := pipeline.New(st, pipeline.Options{Defaults: ingest.Defaults{Source: "Pasted"}})
	docs, c, err := in.Add(t.Context(), []ingest.Article{{Text: "One pasted article with some words in it."}, {Text: "One pasted article with some words in it."}})
	if err != nil {
		t.Fatal(err)
	}
	if len(docs) != 2 || docs[0].ID != docs[1].ID || c.Added != 1 || c.Unchanged != 1 || docs[0].Source != "Pasted" {
		t.Errorf("docs %d, counts %+v, source %q", len(docs), c, docs[0].Source)
	}
	if _, _, err := in.Add(t.Context(), []ingest.Article{{Text: "  "}}); !errors.Is(err, ingest.ErrNoText) {
		t.Errorf("empty article: %v, want ErrNoText", err)
	}
}
