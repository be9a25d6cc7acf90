package pipeline_test

import (
	"context"
	"os"
	"path/filepath"
	"testing"

	"github.com/parallax-news/parallax/internal/ingest"
	"github.com/parallax-news/parallax/internal/news"
	"github.com/parallax-news/parallax/internal/pipeline"
	"github.com/parallax-news/parallax/internal/store/sqlite"
)

const bbcDir = "../../../shared/data/bbc"

// bbcInputs lists the five category folders of the BBC corpus, or skips.
func bbcInputs(tb testing.TB) []pipeline.Input {
	tb.Helper()
	var in []pipeline.Input
	for _, c := range []string{"business", "entertainment", "politics", "sport", "tech"} {
		dir := filepath.Join(bbcDir, c)
		if _, err := os.Stat(dir); err != nil {
			tb.Skipf("BBC corpus not present (%v): it lives in ../shared/data/bbc", err)
		}
		in = append(in, pipeline.Input{Source: dir})
	}
	return in
}

// BenchmarkIngestBBC measures ingest into SQLite without analysis: read,
// decode, normalize, infer metadata, fingerprint, dedupe and store all 2,225
// BBC articles into a fresh store each iteration.
func BenchmarkIngestBBC(b *testing.B) {
	inputs := bbcInputs(b)
	var bytes int64
	words := 0
	for _, in := range inputs {
		filepath.Walk(in.Source, func(path string, info os.FileInfo, err error) error {
			if err == nil && info.Mode().IsRegular() {
				bytes += info.Size()
				b, _ := os.ReadFile(path)
				words += news.Words(string(b))
			}
			return nil
		})
	}
	ctx := context.Background()
	b.ReportAllocs()
	b.SetBytes(bytes)
	articles := 0
	for b.Loop() {
		b.StopTimer()
		st, err := sqlite.Open(ctx, filepath.Join(b.TempDir(), "bench.db"))
		if err != nil {
			b.Fatal(err)
		}
		b.StartTimer()
		c, err := pipeline.New(st, pipeline.Options{}).Run(ctx, ingest.NewReader(ingest.ReaderOptions{}), inputs)
		if err != nil {
			b.Fatal(err)
		}
		if c.Read != 2225 || c.Added < 2100 || c.Failed != 0 {
			b.Fatalf("unexpected counts %+v", c)
		}
		articles += c.Read
		b.StopTimer()
		st.Close()
		b.StartTimer()
	}
	b.ReportMetric(float64(articles)/b.Elapsed().Seconds(), "articles/s")
	b.ReportMetric(float64(words)*float64(articles)/2225/b.Elapsed().Seconds(), "words/s")
}
