package ingest_test

import (
	"bytes"
	"encoding/json"
	"errors"
	"flag"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/parallax-news/parallax/internal/ingest"
	"github.com/parallax-news/parallax/internal/news"
)

// update rewrites the golden files with the current output:
//
//	go test ./internal/ingest -run 'TestReadHTML|TestReadFeed' -update
var update = flag.Bool("update", false, "rewrite the golden files in testdata")

type htmlCase struct {
	name        string
	url         string
	contentType string
	wantErr     error
}

// htmlCases are the pages under testdata/html, with the URL and
// Content-Type each was "fetched" with. A case without wantErr has a
// NAME.golden.json beside NAME.html.
var htmlCases = []htmlCase{
	{name: "newsroom", url: "https://www.harbourgazette.example/news/2025/03/04/port-marren-tidal-pilot?utm_source=social"},
	{name: "jsonld-graph", url: "https://northlinecourier.example/transport/rail-timetable-overhaul/?ref=home"},
	{name: "windows1252", url: "http://www.lakeshore-herald.example/local/cafe-riviere-cooperative.html"},
	{name: "byline-time", url: "https://fenwickvalleypost.example/community/library-reopens", contentType: "text/html; charset=utf-8"},
	{name: "title-suffix", url: "https://meridianledger.example/rural/alder-valley-rationing"},
	{name: "blog-lists", url: "https://notes.tidewatch.example/2024/10/reading-a-harbour-budget"},
	{name: "login", url: "https://www.harbourgazette.example/account/login", wantErr: ingest.ErrNoText},
}

func TestReadHTML(t *testing.T) {
	for _, tc := range htmlCases {
		t.Run(tc.name, func(t *testing.T) {
			data, err := os.ReadFile(filepath.Join("testdata", "html", tc.name+".html"))
			if err != nil {
				t.Fatal(err)
			}
			got, err := ingest.ReadHTML(data, tc.url, tc.contentType)
			if tc.wantErr != nil {
				if !errors.Is(err, tc.wantErr) {
					t.Fatalf("ReadHTML() error = %v, want %v", err, tc.wantErr)
				}
				return
			}
			if err != nil {
				t.Fatalf("ReadHTML(): %v", err)
			}
			checkArticle(t, got)
			golden(t, filepath.Join("testdata", "html", tc.name+".golden.json"), got)
		})
	}
}

// TestReadHTMLCases covers every page in testdata/html, so that a fixture
// cannot be added without a case.
func TestReadHTMLCases(t *testing.T) {
	pages, err := filepath.Glob(filepath.Join("testdata", "html", "*.html"))
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range pages {
		name := strings.TrimSuffix(filepath.Base(p), ".html")
		if !slices.ContainsFunc(htmlCases, func(c htmlCase) bool { return c.name == name }) {
			t.Errorf("%s has no entry in htmlCases", p)
		}
	}
}

// TestReadHTMLDecoded checks that a page already decoded by DecodeHTML
// reads the same as the page as fetched.
func TestReadHTMLDecoded(t *testing.T) {
	for _, name := range []string{"windows1252", "newsroom"} {
		t.Run(name, func(t *testing.T) {
			data, err := os.ReadFile(filepath.Join("testdata", "html", name+".html"))
			if err != nil {
				t.Fatal(err)
			}
			raw, err := ingest.ReadHTML(data, "", "")
			if err != nil {
				t.Fatal(err)
			}
			page, err := ingest.DecodeHTML(data, "")
			if err != nil {
				t.Fatal(err)
			}
			decoded, err := ingest.ReadHTML(page, "", "")
			if err != nil {
				t.Fatal(err)
			}
			if a, b := canonical(t, raw), canonical(t, decoded); !bytes.Equal(a, b) {
				t.Errorf("decoded page reads differently:\n%s\nwant\n%s", b, a)
			}
		})
	}
}

func TestReadHTMLParagraphs(t *testing.T) {
	filler := " " + strings.Repeat("Harbour officials said the work would continue through the spring. ", 12)
	tests := []struct {
		name string
		body string
		want string // the text before the filler paragraph
	}{
		{
			name: "blocks",
			body: `<h2>Sub  head</h2><p>First
			paragraph   here.</p><ul><li>One</li><li>Two <b>bold</b></li></ul><blockquote>Quoted words.</blockquote>`,
			want: "Sub head\n\nFirst paragraph here.\n\nOne\n\nTwo bold\n\nQuoted words.",
		},
		{
			name: "br",
			body: `<p>Line one<br>Line two<br/> Line three</p><p>Stanza<br><br>Next stanza</p>`,
			want: "Line one\nLine two\nLine three\n\nStanza\n\nNext stanza",
		},
		{
			name: "div with text",
			body: `<div>Loose text in a div <span>with a span</span><p>and a paragraph inside.</p>tail text</div>`,
			want: "Loose text in a div with a span\n\nand a paragraph inside.\n\ntail text",
		},
		{
			name: "pre",
			body: `<pre>code line 1
  code   line 2</pre>`,
			want: "code line 1\ncode line 2",
		},
		{
			name: "nbsp and entities",
			body: `<p>Fish&nbsp;&amp;&nbsp;chips cost &pound;9.</p>`,
			want: "Fish & chips cost £9.",
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			page := "<html><body><article>" + tc.body + "<p>" + filler + "</p></article></body></html>"
			got, err := ingest.ReadHTML([]byte(page), "", "")
			if err != nil {
				t.Fatal(err)
			}
			text, _, _ := strings.Cut(got.Text, "\n\nHarbour officials")
			if text != tc.want {
				t.Errorf("text = %q, want %q", text, tc.want)
			}
		})
	}
}

func TestReadHTMLMetadata(t *testing.T) {
	body := "<body><article><h1>Ferry fares rise</h1><p>" +
		strings.Repeat("Ferry passengers will pay more from next month, the operator said. ", 10) +
		"</p></article></body>"
	tests := []struct {
		name string
		head string
		url  string
		want ingest.Article // Text is not compared
	}{
		{
			name: "nothing: source from host",
			url:  "https://www.islandferries.example/news/1",
			want: ingest.Article{URL: "https://www.islandferries.example/news/1", Source: "islandferries.example",
				Title: "Ferry fares rise", Inferred: []string{news.FieldSource}},
		},
		{
			name: "malformed JSON-LD and bad date",
			head: `<script type="application/ld+json">{"@type": "NewsArticle", "headline": </script>
			<meta property="article:published_time" content="last Tuesday">
			<meta name="date" content="2024-05-06">`,
			want: ingest.Article{Title: "Ferry fares rise", Published: "2024-05-06"},
		},
		{
			name: "JSON-LD array with author list",
			head: `<script type="application/ld+json">[{"@type":"Organization","name":"Isle Post"},
			{"@context":"https://schema.org","@type":["NewsArticle"],"headline":"Fares up by a fifth",
			"author":[{"@type":"Person","name":"Ruth Amadi"},"Owen Tse"],"publisher":{"name":"Isle Post"},
			"datePublished":"2024-05-06T08:00:00+02:00","inLanguage":"nl-BE"}]</script>`,
			want: ingest.Article{Title: "Fares up by a fifth", Authors: []string{"Ruth Amadi", "Owen Tse"},
				Source: "Isle Post", Published: "2024-05-06T06:00:00Z", Language: "nl"},
		},
		{
			name: "title prefix and article:author URL",
			head: `<title>Isle Post - Ferry fares rise</title><meta name="application-name" content="Isle Post">
			<meta property="article:author" content="https://social.example/ruth">
			<meta http-equiv="content-language" content="fr-CA">`,
			want: ingest.Article{Title: "Ferry fares rise", Source: "Isle Post", Language: "fr"},
		},
		{
			name: "relative canonical against page URL",
			head: `<link rel="canonical" href="/story/ferry-fares">`,
			url:  "https://isle.example/amp/story/ferry-fares",
			want: ingest.Article{URL: "https://isle.example/story/ferry-fares", Title: "Ferry fares rise",
				Source: "isle.example", Inferred: []string{news.FieldSource}},
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			page := "<html><head>" + tc.head + "</head>" + body + "</html>"
			got, err := ingest.ReadHTML([]byte(page), tc.url, "")
			if err != nil {
				t.Fatal(err)
			}
			got.Text = ""
			if a, b := canonical(t, got), canonical(t, tc.want); !bytes.Equal(a, b) {
				t.Errorf("got\n%s\nwant\n%s", a, b)
			}
		})
	}
}

func TestReadHTMLNoText(t *testing.T) {
	for name, page := range map[string]string{
		"empty":      "",
		"not html":   "\x00\x01\x02 binary",
		"short":      "<p>Just a few words here.</p>",
		"only nav":   `<nav><ul><li><a href="/">Home</a></li><li><a href="/news">News</a></li></ul></nav>`,
		"only title": `<html><head><title>A title with enough words to look like a headline</title></head><body></body></html>`,
	} {
		t.Run(name, func(t *testing.T) {
			_, err := ingest.ReadHTML([]byte(page), "https://example.com/", "")
			if !errors.Is(err, ingest.ErrNoText) {
				t.Errorf("error = %v, want ErrNoText", err)
			}
		})
	}
}

func BenchmarkReadHTML(b *testing.B) {
	data, err := os.ReadFile(filepath.Join("testdata", "html", "newsroom.html"))
	if err != nil {
		b.Fatal(err)
	}
	// A typical news page is about 50 KB, most of it markup around the
	// article; pad the fixture with more of its furniture.
	related := bytes.Repeat([]byte(`<aside class="related-stories"><ul><li><a href="/news/x">Sea wall repairs to close the promenade until April</a></li><li><a href="/news/y">Crab prices fall as winter catch exceeds forecasts</a></li></ul></aside>`+"\n"), 200)
	data = bytes.Replace(data, []byte("</main>"), append(related, "</main>"...), 1)
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	words := 0
	for b.Loop() {
		a, err := ingest.ReadHTML(data, "https://www.harbourgazette.example/news/1", "")
		if err != nil || a.Title == "" {
			b.Fatalf("ReadHTML() = %q, %v", a.Title, err)
		}
		words += news.Words(a.Text)
	}
	b.ReportMetric(float64(words)/b.Elapsed().Seconds(), "words/s")
}

func FuzzReadHTML(f *testing.F) {
	seeds, _ := filepath.Glob(filepath.Join("testdata", "html", "*.html"))
	for _, p := range seeds {
		data, err := os.ReadFile(p)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data, "")
	}
	f.Add([]byte(`<script type="application/ld+json">{"@graph":[{"@type":"NewsArticle","author":{"@id":"x"}},{"@id":"x","name":1}]}</script>`), "text/html; charset=utf-16")
	f.Add([]byte("<title>a | b</title><p>\xff\xfe</p>"), "text/html; charset=shift_jis")
	f.Fuzz(func(t *testing.T, data []byte, contentType string) {
		a, err := ingest.ReadHTML(data, "https://www.example.com/a/b", contentType)
		if err != nil {
			return
		}
		checkArticle(t, a)
	})
}

// checkArticle checks the invariants of every article a reader returns.
func checkArticle(t *testing.T, a ingest.Article) {
	t.Helper()
	fields := append([]string{a.ID, a.Origin, a.URL, a.Source, a.Title, a.Published, a.Language, a.Text}, a.Authors...)
	for _, s := range fields {
		if !utf8.ValidString(s) {
			t.Errorf("invalid UTF-8 in %q", s)
		}
	}
	if strings.TrimSpace(a.Text) == "" {
		t.Error("empty text")
	}
	if strings.TrimSpace(a.Text) != a.Text || strings.Contains(a.Text, "\n\n\n") {
		t.Errorf("paragraphs not separated by exactly one blank line: %q", a.Text)
	}
	if a.Published != "" {
		if p, err := news.ParsePublished(a.Published); err != nil || p != a.Published {
			t.Errorf("Published %q is not normalized: %q, %v", a.Published, p, err)
		}
	}
}

// canonical returns v as the indented JSON the golden files hold.
func canonical(t testing.TB, v any) []byte {
	t.Helper()
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "\t")
	if err := enc.Encode(v); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// golden compares v, as canonical JSON, with the golden file path, or
// rewrites the file with -update.
func golden(t *testing.T, path string, v any) {
	t.Helper()
	got := canonical(t, v)
	if *update {
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run with -update to create it)", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("output differs from %s (run with -update to accept, and review the diff):\ngot:\n%s", path, got)
	}
}
