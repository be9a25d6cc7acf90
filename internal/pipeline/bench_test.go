package pipeline_test

import (
	"context"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/parallax-news/parallax/internal/analyze"
	"github.com/parallax-news/parallax/internal/ingest"
	"github.com/parallax-news/parallax/internal/ner"
	"github.com/parallax-news/parallax/internal/news"
	"github.com/parallax-news/parallax/internal/pipeline"
	"github.com/parallax-news/parallax/internal/reconcile"
	"github.com/parallax-news/parallax/internal/store"
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

// BenchmarkIngestIntoCorpus measures the cost per new article when the
// store already holds 1,000 or 20,000 documents: near-duplicate detection
// reads only the candidates sharing an LSH band, so the cost must not grow
// with the corpus. The corpus is made of articles mixed from the sentences
// of the real BBC articles (so its vocabulary and overlap are those of
// news); every new article is such a mix too.
func BenchmarkIngestIntoCorpus(b *testing.B) {
	sentences := bbcSentences(b)
	article := mixedArticles(sentences, 1, 2)
	for _, size := range benchSizes(b) {
		b.Run(fmt.Sprintf("corpus=%d", size), func(b *testing.B) {
			ctx := context.Background()
			st, in := corpusOf(b, size, pipeline.Options{}, article)
			defer st.Close()
			addEach(b, in, pipeline.BatchSize, article)
			// The comparisons a new article costs: its LSH candidates.
			cands := 0
			err := st.Update(ctx, func(tx store.Tx) error {
				for range 100 {
					c, err := tx.Candidates(ctx, reconcile.NewFingerprint(article().Text).Bands)
					if err != nil {
						return err
					}
					cands += len(c)
				}
				return nil
			})
			if err != nil {
				b.Fatal(err)
			}
			b.ReportMetric(float64(cands)/100, "candidates/article")
		})
	}
}

// mixedArticles returns a maker of articles of 20 sentences drawn at
// random (seeded) from sentences.
func mixedArticles(sentences []string, seed1, seed2 uint64) func() ingest.Article {
	rng := rand.New(rand.NewPCG(seed1, seed2))
	return func() ingest.Article {
		var sb strings.Builder
		for range 20 {
			sb.WriteString(sentences[rng.IntN(len(sentences))])
			sb.WriteString(" ")
		}
		return ingest.Article{Text: sb.String()}
	}
}

// corpusOf returns a fresh SQLite store holding size articles of article,
// added in batches by an ingester with opts, and the ingester.
func corpusOf(b *testing.B, size int, opts pipeline.Options, article func() ingest.Article) (store.Store, *pipeline.Ingester) {
	ctx := context.Background()
	st, err := sqlite.Open(ctx, filepath.Join(b.TempDir(), "corpus.db"))
	if err != nil {
		b.Fatal(err)
	}
	in := pipeline.New(st, opts)
	for added := 0; added < size; added += pipeline.BatchSize {
		batch := make([]ingest.Article, min(pipeline.BatchSize, size-added))
		for i := range batch {
			batch[i] = article()
		}
		if _, _, err := in.Add(ctx, batch); err != nil {
			b.Fatal(err)
		}
	}
	return st, in
}

// addEach adds perOp new articles of article to the store of in at each
// iteration of b, and reports the time per article.
func addEach(b *testing.B, in *pipeline.Ingester, perOp int, article func() ingest.Article) {
	ctx := context.Background()
	b.ReportAllocs()
	docs := 0
	for b.Loop() {
		b.StopTimer()
		batch := make([]ingest.Article, perOp)
		for i := range batch {
			batch[i] = article()
		}
		b.StartTimer()
		_, c, err := in.Add(ctx, batch)
		if err != nil || c.Added+c.Unchanged != perOp {
			b.Fatalf("add: %v, %+v", err, c)
		}
		docs += perOp
	}
	b.ReportMetric(float64(b.Elapsed().Microseconds())/float64(docs), "µs/article")
}

// bbcSentences returns the sentences of the BBC corpus (split at ". ").
func bbcSentences(tb testing.TB) []string {
	var out []string
	for _, in := range bbcInputs(tb) {
		filepath.Walk(in.Source, func(path string, info os.FileInfo, err error) error {
			if err != nil || !info.Mode().IsRegular() {
				return nil
			}
			b, _ := os.ReadFile(path)
			for _, s := range strings.Split(string(b), ". ") {
				if s = strings.TrimSpace(s); len(s) > 40 {
					out = append(out, s+".")
				}
			}
			return nil
		})
	}
	return out
}

// BenchmarkLinkIntoCorpus measures the cost per new article, analysis and
// entity linking included, when the store already holds 1,000 or 20,000
// analysed and linked documents (PARALLAX_BENCH_SIZES=1000,100000 for
// more): linking reads only the entities filed under the article's
// blocking keys, so the cost must stay about the same. Articles are mixed
// from the sentences of the real BBC articles, so their names are those of
// news. It also reports how many candidate entities an article's names
// are compared with.
func BenchmarkLinkIntoCorpus(b *testing.B) {
	model, err := ner.Default()
	if err != nil {
		b.Fatal(err)
	}
	an := analyze.New(model)
	sentences := bbcSentences(b)
	article := mixedArticles(sentences, 3, 4)
	for _, size := range benchSizes(b) {
		b.Run(fmt.Sprintf("corpus=%d", size), func(b *testing.B) {
			ctx := context.Background()
			st, in := corpusOf(b, size, pipeline.Options{Analyzer: an}, article)
			defer st.Close()
			addEach(b, in, 64, article)
			// The entities a new article's names are compared with.
			cands, n := 0, 0
			err := st.Update(ctx, func(tx store.Tx) error {
				for range 50 {
					text := article().Text
					d := news.Document{Text: text}
					for _, l := range reconcile.LocalEntities(d, an.Analyze(text)) {
						if len(l.Names) == 0 {
							continue
						}
						c, err := tx.EntityCandidates(ctx, reconcile.CandidateKeys(l.Type, l.Forms()))
						if err != nil {
							return err
						}
						cands += len(c)
						n++
					}
				}
				return nil
			})
			if err != nil {
				b.Fatal(err)
			}
			b.ReportMetric(float64(cands)/float64(max(n, 1)), "candidates/entity")
			st2, _ := st.Stats(ctx)
			b.ReportMetric(float64(st2.Entities), "entities")
		})
	}
}

// benchSizes returns the corpus sizes to measure: 1,000 and 20,000, or
// those of PARALLAX_BENCH_SIZES (e.g. 1000,20000,100000).
func benchSizes(b *testing.B) []int {
	sizes := []int{1_000, 20_000}
	if v := os.Getenv("PARALLAX_BENCH_SIZES"); v != "" {
		sizes = nil
		for _, f := range strings.Split(v, ",") {
			n, err := strconv.Atoi(strings.TrimSpace(f))
			if err != nil {
				b.Fatalf("PARALLAX_BENCH_SIZES: %v", err)
			}
			sizes = append(sizes, n)
		}
	}
	return sizes
}
