package server_test

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"sort"
	"strconv"
	"strings"
	"testing"
	"testing/fstest"
	"time"
	"unicode/utf8"

	"github.com/parallax-news/parallax/internal/analyze"
	"github.com/parallax-news/parallax/internal/ingest"
	"github.com/parallax-news/parallax/internal/ner"
	"github.com/parallax-news/parallax/internal/pipeline"
	"github.com/parallax-news/parallax/internal/store"
	"github.com/parallax-news/parallax/internal/store/sqlite"
)

// corpusVersion changes whenever the articles of the 100k corpus change,
// so that a cached store of older articles is built anew.
const corpusVersion = 2

// corpusSize is the number of documents of the benchmark store.
const corpusSize = 100_000

// bbcRoot is the BBC corpus, beside the project's root.
const bbcRoot = "../../../shared/data/bbc"

// bbcArticle is one BBC article: its headline and its paragraphs.
type bbcArticle struct {
	title string
	paras []string
}

// bbcCategories reads the BBC articles by category, or skips tb.
func bbcCategories(tb testing.TB) [][]bbcArticle {
	tb.Helper()
	var out [][]bbcArticle
	for _, c := range []string{"business", "entertainment", "politics", "sport", "tech"} {
		files, _ := filepath.Glob(filepath.Join(bbcRoot, c, "*.txt"))
		if len(files) == 0 {
			tb.Skipf("BBC corpus not present: it lives in ../shared/data/bbc")
		}
		sort.Strings(files)
		var arts []bbcArticle
		for _, f := range files {
			raw, err := os.ReadFile(f)
			if err != nil {
				tb.Fatal(err)
			}
			title, body, _ := strings.Cut(strings.ReplaceAll(string(raw), "\r\n", "\n"), "\n")
			var paras []string
			for _, p := range strings.Split(body, "\n\n") {
				if p = strings.TrimSpace(p); p != "" {
					paras = append(paras, p)
				}
			}
			if len(paras) < 2 || !utf8.Valid(raw) {
				continue
			}
			arts = append(arts, bbcArticle{title: strings.TrimSpace(title), paras: paras})
		}
		out = append(out, arts)
	}
	return out
}

// outlets are the outlets the benchmark's articles are spread over.
var outlets = []string{"BBC News", "Continental Wire", "The Seren Observer", "Global Affairs Daily", "Marosh Times",
	"Essaria Herald", "VSNA", "Daily Ledger", "Northern Courier", "Harbour Post", "Capital Record", "Evening Standard"}

// corpusArticle returns the nth article of the benchmark corpus. The
// first round (one per BBC article) is the BBC article itself; each later
// round joins the lead of an article (its paragraphs in the first quarter
// of its bytes) to the second, third and fourth quarters of three other
// articles, all of one category and different each round, so that few
// documents are near-duplicates (two share about a quarter of their text
// at most: a MinHash similarity under reconcile.DuplicateThreshold) while the names,
// quotes and dates are those of real news. Dates spread over six years,
// outlets over a dozen.
func corpusArticle(cats [][]bbcArticle, n int) ingest.Article {
	cat := cats[n%len(cats)]
	k := n / len(cats)
	i, round := k%len(cat), k/len(cat)
	a := cat[i]
	paras := a.paras
	if round > 0 {
		paras = part(a.paras, 0)
		for q := 1; q < 4; q++ {
			paras = append(paras, part(cat[(i+q*round+q-1)%len(cat)].paras, q)...)
		}
	}
	day := time.Date(2019, 1, 1, 0, 0, 0, 0, time.UTC).AddDate(0, 0, (n*37)%2190)
	return ingest.Article{
		ID:        fmt.Sprintf("bench-%06d", n),
		Origin:    fmt.Sprintf("bench/%06d", n),
		URL:       fmt.Sprintf("https://news.example/%d/%06d", day.Year(), n),
		Source:    outlets[(n*7)%len(outlets)],
		Title:     a.title,
		Published: day.Format("2006-01-02"),
		Language:  "en",
		Text:      strings.Join(paras, "\n\n"),
	}
}

// part returns the paragraphs of paras that start in the qth quarter of
// their bytes; the first quarter has at least the first paragraph.
func part(paras []string, q int) []string {
	total := 0
	for _, p := range paras {
		total += len(p)
	}
	var out []string
	at := 0
	for k, p := range paras {
		if 4*at/max(total, 1) == q || k == 0 && q == 0 {
			out = append(out, p)
		}
		at += len(p)
	}
	return out
}

// store100k returns the path of a SQLite store of corpusSize documents
// made by corpusArticle, analysed and linked by the real pipeline. It is
// built once and kept under os.TempDir, keyed by the analyzer's and the
// corpus's versions; a store of older versions is built anew.
func store100k(b *testing.B) string {
	b.Helper()
	cats := bbcCategories(b)
	path := filepath.Join(os.TempDir(), fmt.Sprintf("parallax-bench-100k-a%d-c%d.db", analyze.Version, corpusVersion))
	if _, err := os.Stat(path); err == nil {
		return path
	}
	b.Logf("building the %d-document store %s (once; an hour or so)", corpusSize, path)
	start := time.Now()
	// A build that stopped (an interrupt, a crash) goes on where it
	// stopped: tmp holds the documents so far, tmp.next the article to go
	// on from.
	tmp := path + ".building"
	ctx := context.Background()
	st, err := sqlite.Open(ctx, tmp)
	if err != nil {
		b.Fatal(err)
	}
	next := 0
	if raw, err := os.ReadFile(tmp + ".next"); err == nil {
		next, _ = strconv.Atoi(strings.TrimSpace(string(raw)))
	}
	model, err := ner.Default()
	if err != nil {
		b.Fatal(err)
	}
	an := analyze.New(model)
	for {
		stats, err := st.Stats(ctx)
		if err != nil {
			b.Fatal(err)
		}
		if stats.Documents >= corpusSize {
			break
		}
		// Some joins repeat a text already stored (an article of one
		// paragraph is its own lead): more articles make up for them.
		n := corpusSize - stats.Documents
		c := ingestArticles(b, st, an, cats, next, next+n, start)
		next += n
		if err := os.WriteFile(tmp+".next", []byte(strconv.Itoa(next)), 0o644); err != nil {
			b.Fatal(err)
		}
		b.Logf("articles up to %d: %+v", next, c)
	}
	if err := st.Close(); err != nil {
		b.Fatal(err)
	}
	if err := os.Rename(tmp, path); err != nil {
		b.Fatal(err)
	}
	os.Remove(tmp + ".next")
	b.Logf("built %s in %s", path, time.Since(start).Round(time.Second))
	return path
}

// ingestArticles ingests the articles from..to of corpusArticle into st
// with the real pipeline, as JSONL files of a thousand articles.
func ingestArticles(b *testing.B, st store.Store, an *analyze.Analyzer, cats [][]bbcArticle, from, to int, start time.Time) pipeline.Counts {
	fsys := fstest.MapFS{}
	var inputs []pipeline.Input
	for f := from; f < to; f += 1000 {
		var sb strings.Builder
		for n := f; n < min(to, f+1000); n++ {
			a := corpusArticle(cats, n)
			line, err := json.Marshal(map[string]string{"id": a.ID, "origin": a.Origin, "url": a.URL, "source": a.Source,
				"title": a.Title, "published": a.Published, "language": a.Language, "text": a.Text})
			if err != nil {
				b.Fatal(err)
			}
			sb.Write(line)
			sb.WriteByte('\n')
		}
		name := fmt.Sprintf("part%06d.jsonl", f)
		fsys[name] = &fstest.MapFile{Data: []byte(sb.String())}
		inputs = append(inputs, pipeline.Input{Source: name})
	}
	in := pipeline.New(st, pipeline.Options{Analyzer: an, Workers: runtime.NumCPU(),
		OnBatch: func(c pipeline.Counts) {
			if c.Read%10240 < pipeline.BatchSize {
				b.Logf("%d articles in %s", from+c.Read, time.Since(start).Round(time.Second))
			}
		}})
	c, err := in.Run(context.Background(), ingest.NewReader(ingest.ReaderOptions{FS: fsys}), inputs)
	if err != nil {
		b.Fatal(err)
	}
	if c.Failed != 0 {
		b.Fatalf("the 100k store: %+v", c)
	}
	return c
}

// BenchmarkBuild100k builds the store of BenchmarkServe100k, if it is not
// cached yet (PARALLAX_BENCH_100K=1).
func BenchmarkBuild100k(b *testing.B) {
	if os.Getenv("PARALLAX_BENCH_100K") == "" {
		b.Skip("set PARALLAX_BENCH_100K=1 to build the 100,000-document store")
	}
	for b.Loop() {
		store100k(b)
	}
}
