package quotes_test

import (
	"bufio"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/parallax-news/parallax/internal/analyze"
	"github.com/parallax-news/parallax/internal/ner"
	"github.com/parallax-news/parallax/internal/news"
)

const seedsDir = "../../../shared/corpus/seeds"

var (
	analyzerOnce sync.Once
	analyzer     *analyze.Analyzer
	analyzerErr  error
)

// newAnalyzer returns the analyzer with the embedded models, which finds
// the mentions quotes are attributed to.
func newAnalyzer(t testing.TB) *analyze.Analyzer {
	t.Helper()
	analyzerOnce.Do(func() {
		m, err := ner.Default()
		if err != nil {
			analyzerErr = err
			return
		}
		analyzer = analyze.New(m)
	})
	if analyzerErr != nil {
		t.Fatalf("load the named-entity model: %v", analyzerErr)
	}
	return analyzer
}

// seedQuote is one line of testdata/seed_quotes.tsv.
type seedQuote struct {
	line     int
	file     string
	words    string   // the opening words of the quote
	speakers []string // names a right speaker may carry; none for "-"
}

// readSeedQuotes reads testdata/seed_quotes.tsv.
func readSeedQuotes(t *testing.T) []seedQuote {
	t.Helper()
	f, err := os.Open("testdata/seed_quotes.tsv")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var out []seedQuote
	sc := bufio.NewScanner(f)
	for n := 1; sc.Scan(); n++ {
		l := sc.Text()
		if l == "" || strings.HasPrefix(l, "#") {
			continue
		}
		c := strings.Split(l, "\t")
		if len(c) != 3 {
			t.Fatalf("seed_quotes.tsv:%d: %d columns, want 3", n, len(c))
		}
		q := seedQuote{line: n, file: c[0], words: c[1]}
		if c[2] != "-" {
			q.speakers = strings.Split(c[2], "|")
		}
		out = append(out, q)
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	return out
}

// TestSeedQuotes checks that every substantial quote of the five seed
// articles is found with its right speaker, and that names and scare
// quotes in quotation marks are not taken for quotations. A speaker is
// right when the speaker phrase, or a mention of the speaker's entity,
// carries one of the names the gold accepts.
func TestSeedQuotes(t *testing.T) {
	if _, err := os.Stat(seedsDir); err != nil {
		t.Skip("../shared/corpus/seeds not present")
	}
	an := newAnalyzer(t)
	texts := map[string]string{}
	analyses := map[string]news.Analysis{}
	gold := readSeedQuotes(t)
	found, statements := 0, 0
	for _, g := range gold {
		txt, ok := texts[g.file]
		if !ok {
			b, err := os.ReadFile(filepath.Join(seedsDir, g.file))
			if err != nil {
				t.Fatal(err)
			}
			txt = string(b)
			texts[g.file], analyses[g.file] = txt, an.Analyze(txt)
		}
		a := analyses[g.file]
		if n := strings.Count(txt, g.words); n != 1 {
			t.Fatalf("seed_quotes.tsv:%d: %q occurs %d times in %s, want once", g.line, g.words, n, g.file)
		}
		at := strings.Index(txt, g.words)
		span := news.Span{Start: at, End: at + len(g.words)}
		var near []news.Quote
		for _, q := range a.Quotes {
			if q.Start < span.End && span.Start < q.End {
				near = append(near, q)
			}
		}
		if g.speakers != nil {
			statements++
		}
		if g.speakers == nil {
			for _, q := range near {
				if q.Kind != news.QuoteIndirect {
					t.Errorf("%s: %q taken for a %s quote (%q); it is no statement", g.file, g.words, q.Kind, txt[q.Start:q.End])
				}
			}
			continue
		}
		if len(near) == 0 {
			t.Errorf("%s: quote %q not found", g.file, g.words)
			continue
		}
		var got []string
		right := false
		for _, q := range near {
			right = right || speakerIs(txt, a, q, g.speakers)
			got = append(got, txt[q.Speaker.Start:q.Speaker.End]+" ("+names(txt, a, q.SpeakerEntity)+")")
		}
		if !right {
			t.Errorf("%s: quote %q attributed to %v, want %s", g.file, g.words, got, strings.Join(g.speakers, " or "))
			continue
		}
		found++
	}
	t.Logf("%d of %d seed quotes found with their speaker; %d names and scare quotes left out", found, statements, len(gold)-statements)
}

// speakerIs reports whether quote q's speaker phrase, or a mention of
// its speaker entity, contains one of the names.
func speakerIs(txt string, a news.Analysis, q news.Quote, names []string) bool {
	has := func(s string) bool {
		for _, n := range names {
			if strings.Contains(strings.ToLower(s), strings.ToLower(n)) {
				return true
			}
		}
		return false
	}
	if has(txt[q.Speaker.Start:q.Speaker.End]) {
		return true
	}
	if q.SpeakerEntity < 0 {
		return false
	}
	for _, m := range a.Mentions {
		if m.Entity == q.SpeakerEntity && m.Kind == news.KindName && has(txt[m.Start:m.End]) {
			return true
		}
	}
	return false
}

// names lists the names of entity e in the analysis, for messages.
func names(txt string, a news.Analysis, e int) string {
	if e < 0 {
		return "no entity"
	}
	seen := map[string]bool{}
	var out []string
	for _, m := range a.Mentions {
		if n := txt[m.Start:m.End]; m.Entity == e && m.Kind == news.KindName && !seen[n] {
			seen[n] = true
			out = append(out, n)
		}
	}
	return strings.Join(out, ", ")
}
