package ingest_test

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/parallax-news/parallax/internal/ingest"
)

// feedResult is what a golden file under testdata/feeds holds: the
// articles ReadFeed returned and the messages of the errors it joined.
type feedResult struct {
	Articles []ingest.Article
	Errors   []string
}

func TestReadFeed(t *testing.T) {
	tests := []struct {
		file      string
		url       string
		articles  int
		errs      []string // the joined errors' messages
		wantNoErr bool
	}{
		{file: "rss2.xml", url: "https://www.harbourgazette.example/feeds/environment.xml", articles: 3},
		{file: "atom.xml", url: "https://courrierdulac.example/atom.xml", articles: 3},
		{file: "rdf.xml", articles: 1},
		{
			file:     "empty-item.xml",
			articles: 2,
			errs: []string{
				`item 2 "Photo gallery: the library's first week": no article text`,
				`item 3: no article text`,
			},
		},
	}
	for _, tc := range tests {
		t.Run(tc.file, func(t *testing.T) {
			data, err := os.ReadFile(filepath.Join("testdata", "feeds", tc.file))
			if err != nil {
				t.Fatal(err)
			}
			if !ingest.IsFeed(data) {
				t.Error("IsFeed() = false")
			}
			arts, err := ingest.ReadFeed(data, tc.url)
			var msgs []string
			if err != nil {
				joined, ok := err.(interface{ Unwrap() []error })
				if !ok {
					t.Fatalf("ReadFeed(): %v (not a joined error)", err)
				}
				for _, e := range joined.Unwrap() {
					if !errors.Is(e, ingest.ErrNoText) {
						t.Errorf("item error %q does not wrap ErrNoText", e)
					}
					msgs = append(msgs, e.Error())
				}
			}
			if strings.Join(msgs, "\n") != strings.Join(tc.errs, "\n") {
				t.Errorf("errors:\n%s\nwant:\n%s", strings.Join(msgs, "\n"), strings.Join(tc.errs, "\n"))
			}
			if len(arts) != tc.articles {
				t.Errorf("got %d articles, want %d", len(arts), tc.articles)
			}
			for _, a := range arts {
				checkArticle(t, a)
			}
			golden(t, filepath.Join("testdata", "feeds", strings.TrimSuffix(tc.file, filepath.Ext(tc.file))+".golden.json"),
				feedResult{Articles: arts, Errors: msgs})
		})
	}
}

func TestReadFeedNotFeed(t *testing.T) {
	notXML, err := os.ReadFile(filepath.Join("testdata", "feeds", "not-xml.txt"))
	if err != nil {
		t.Fatal(err)
	}
	tests := map[string]string{
		"not-xml.txt":  string(notXML),
		"empty":        "",
		"html":         "<!DOCTYPE html><html><head><title>Feed</title></head><body><p>rss</p></body></html>",
		"sitemap":      `<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><url><loc>https://example.com/</loc></url></urlset>`,
		"json feed":    `{"version": "https://jsonfeed.org/version/1.1", "title": "x", "items": []}`,
		"broken rss":   `<rss version="2.0"><channel><title>Broken</title><item><title>One</item></channel>`,
		"root prefix":  `<rssfeed><item/></rssfeed>`,
		"unclosed pi":  `<?xml version="1.0"`,
		"only comment": `<!-- <rss> -->`,
	}
	for name, data := range tests {
		t.Run(name, func(t *testing.T) {
			arts, err := ingest.ReadFeed([]byte(data), "")
			if !errors.Is(err, ingest.ErrNotFeed) {
				t.Errorf("error = %v, want ErrNotFeed", err)
			}
			if len(arts) != 0 {
				t.Errorf("got %d articles from a non-feed", len(arts))
			}
		})
	}
}

func TestReadFeedNoItems(t *testing.T) {
	_, err := ingest.ReadFeed([]byte(`<rss version="2.0"><channel><title>Quiet</title></channel></rss>`), "")
	if !errors.Is(err, ingest.ErrNoText) {
		t.Errorf("error = %v, want ErrNoText", err)
	}
}

func TestIsFeed(t *testing.T) {
	tests := []struct {
		name string
		data string
		want bool
	}{
		{"rss", `<rss version="2.0"><channel/></rss>`, true},
		{"atom", `<feed xmlns="http://www.w3.org/2005/Atom">`, true},
		{"prefixed atom", `<atom:feed xmlns:atom="http://www.w3.org/2005/Atom">`, true},
		{"rdf", `<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">`, true},
		{"bom, space, declaration, comment, doctype", "\xef\xbb\xbf \n<?xml version=\"1.0\"?>\n<!-- c -->\n<!DOCTYPE rss PUBLIC \"-//Netscape Communications//DTD RSS 0.91//EN\" \"x.dtd\">\n<rss version=\"0.91\">", true},
		{"doctype with internal subset", `<!DOCTYPE rss [<!ENTITY nbsp "&#160;">]><rss>`, true},
		{"stylesheet", `<?xml version="1.0"?><?xml-stylesheet href="a.xsl"?><rss>`, true},
		{"html", `<!doctype html><html><body><rss></rss></body></html>`, false},
		{"rss in comment only", `<!-- <rss> --><html>`, false},
		{"text", `rss`, false},
		{"json", `{"items": []}`, false},
		{"other root", `<rssx>`, false},
		{"empty", ``, false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := ingest.IsFeed([]byte(tc.data)); got != tc.want {
				t.Errorf("IsFeed(%q) = %v, want %v", tc.data, got, tc.want)
			}
		})
	}
}

func FuzzReadFeed(f *testing.F) {
	seeds, _ := filepath.Glob(filepath.Join("testdata", "feeds", "*"))
	for _, p := range seeds {
		if strings.HasSuffix(p, ".golden.json") {
			continue
		}
		data, err := os.ReadFile(p)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
	}
	f.Add([]byte("<rss><channel><item><description>\xff&lt;p&gt;x</description></item></channel></rss>"))
	f.Fuzz(func(t *testing.T, data []byte) {
		arts, err := ingest.ReadFeed(data, "https://example.com/feed")
		if err != nil && errors.Is(err, ingest.ErrNotFeed) && len(arts) > 0 {
			t.Errorf("articles with ErrNotFeed")
		}
		for _, a := range arts {
			checkArticle(t, a)
		}
	})
}
