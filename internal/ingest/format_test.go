package ingest_test

import (
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/parallax-news/parallax/internal/ingest"
)

func TestDetect(t *testing.T) {
	tests := []struct {
		name, file, data, ct string
		want                 ingest.Format
	}{
		{"text", "a.txt", "Plain words.\n\nMore words.", "", ingest.FormatText},
		{"text starting BMW", "a.txt", "BMW cash to fuel Mini production", "", ingest.FormatText},
		{"json object", "a.json", `{"text":"x"}`, "", ingest.FormatJSON},
		{"json without extension", "a", ` {"text":"x"}`, "", ingest.FormatJSON},
		{"json array", "a.json", `[{"text":"x"}]`, "", ingest.FormatJSON},
		{"jsonl by extension", "a.jsonl", `{"text":"x"}`, "", ingest.FormatJSONL},
		{"jsonl by content", "a.txt", "{\"text\":\"x\"}\n{\"text\":\"y\"}\n", "", ingest.FormatJSONL},
		{"html", "a", "<!DOCTYPE html><html><body><p>x</p></body></html>", "", ingest.FormatHTML},
		{"html by content type", "page", "<div>x</div>", "text/html", ingest.FormatHTML},
		{"rss", "a.txt", `<?xml version="1.0"?><rss version="2.0"><channel></channel></rss>`, "", ingest.FormatFeed},
		{"atom", "a", `<feed xmlns="http://www.w3.org/2005/Atom"></feed>`, "", ingest.FormatFeed},
		{"xml not feed", "a.xml", "not xml", "", ingest.FormatFeed},
		{"png", "a.png", "\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "", ingest.FormatBinary},
		{"nuls", "a.bin", "\x00\x01\x02\x00\x00\x00\x00\x00\x10\x00\x00", "", ingest.FormatBinary},
		{"utf16 with bom", "a.txt", "\xff\xfeH\x00i\x00", "", ingest.FormatText},
		{"one stray nul", "a.txt", "Words and words\x00 and more words in a text.", "", ingest.FormatText},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := ingest.Detect(tt.file, []byte(tt.data), tt.ct); got != tt.want {
				t.Errorf("Detect = %v, want %v", got, tt.want)
			}
		})
	}
}

func TestReadJSON(t *testing.T) {
	tests := []struct {
		name, data string
		want       ingest.Article
		err        string
	}{
		{"ours", `{"id":"x1","origin":"o","url":"https://u.example/a","source":"S","title":"T","authors":["A","B"],"published":"2022-05-08","language":"EN","text":"Body."}`,
			ingest.Article{ID: "x1", Origin: "o", URL: "https://u.example/a", Source: "S", Title: "T", Authors: []string{"A", "B"}, Published: "2022-05-08", Language: "en", Text: "Body."}, ""},
		{"news-please", `{"date_publish":"2019-02-26 10:30:00","source_domain":"tehrantimes.example","maintext":"Main.","title":"T","url":"u","authors":[],"language":"en","description":null}`,
			ingest.Article{URL: "u", Source: "tehrantimes.example", Title: "T", Published: "2019-02-26T10:30:00Z", Language: "en", Text: "Main."}, ""},
		{"author string", `{"authors":"Ann Lee","text":"x"}`, ingest.Article{Authors: []string{"Ann Lee"}, Text: "x"}, ""},
		{"year as number", `{"published":2022,"text":"x"}`, ingest.Article{Published: "2022", Text: "x"}, ""},
		{"null published", `{"published":null,"text":"x"}`, ingest.Article{Text: "x"}, ""},
		{"no text", `{"title":"T"}`, ingest.Article{}, "no article text"},
		{"bad date", `{"published":"soon","text":"x"}`, ingest.Article{}, "published: invalid date"},
		{"syntax", `{"text": }`, ingest.Article{}, "invalid JSON at byte"},
		{"wrong type", `{"text": 5}`, ingest.Article{}, `invalid JSON: field "text"`},
		{"two values", `{"text":"a"} {"text":"b"}`, ingest.Article{}, "more than one value"},
		{"bad authors", `{"authors":5,"text":"x"}`, ingest.Article{}, "authors"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := ingest.ReadJSON([]byte(tt.data))
			if tt.err != "" {
				if err == nil || !strings.Contains(err.Error(), tt.err) {
					t.Fatalf("error %v, want one containing %q", err, tt.err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if !equalArticles(got, tt.want) {
				t.Errorf("got  %+v\nwant %+v", got, tt.want)
			}
		})
	}
}

func TestReadJSONHTML(t *testing.T) {
	page := `<html><head><title>Page title</title><meta property="og:site_name" content="Site"></head><body><article><p>` +
		"The article's text, long enough to be extracted as the main content of the page by the extractor in use. " +
		"A second sentence adds words so that the page counts as an article and not as a fragment of navigation.</p></article></body></html>"
	got, err := ingest.ReadJSON([]byte(`{"html":` + quote(page) + `,"source":"Given"}`))
	if err != nil {
		t.Fatal(err)
	}
	if got.Source != "Given" || !strings.Contains(got.Text, "second sentence") {
		t.Errorf("got %+v", got)
	}
}

func quote(s string) string {
	b := []byte{'"'}
	for _, r := range s {
		switch r {
		case '"', '\\':
			b = append(b, '\\', byte(r))
		default:
			b = append(b, string(r)...)
		}
	}
	return string(append(b, '"'))
}

func equalArticles(a, b ingest.Article) bool {
	if len(a.Authors) != len(b.Authors) {
		return false
	}
	for i := range a.Authors {
		if a.Authors[i] != b.Authors[i] {
			return false
		}
	}
	a.Authors, b.Authors = nil, nil
	a.Inferred, b.Inferred = nil, nil
	return a.ID == b.ID && a.Origin == b.Origin && a.URL == b.URL && a.Source == b.Source && a.Title == b.Title && a.Published == b.Published && a.Language == b.Language && a.Text == b.Text
}

func FuzzReadJSON(f *testing.F) {
	for _, s := range []string{`{"text":"x"}`, `{"published":2022,"authors":"a","text":"b"}`, `{"html":"<p>x</p>"}`, `[{"text":"a"}]`, `{`, `null`} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		a, err := ingest.ReadJSON(data)
		if err == nil && strings.TrimSpace(a.Text) == "" {
			t.Fatalf("no error and no text from %q", data)
		}
		ingest.ReadJSONArray(data)
	})
}

func FuzzDetect(f *testing.F) {
	for _, s := range []string{"text", "{}", "<html>", "<?xml version='1.0'?><rss/>", "\x89PNG\r\n", "\xff\xfe"} {
		f.Add("a.txt", []byte(s))
	}
	f.Fuzz(func(t *testing.T, name string, data []byte) {
		if f := ingest.Detect(name, data, ""); f < ingest.FormatText || f > ingest.FormatBinary {
			t.Fatalf("Detect = %v", f)
		}
	})
}

func FuzzPrepare(f *testing.F) {
	for _, s := range []string{"Title\n\nTEHRAN — text.", "\ufeff\x00", "© 2025 X. All rights reserved.", "a\r\nb"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		d, err := ingest.Prepare(ingest.Article{Text: text}, ingest.Defaults{})
		if err != nil {
			return
		}
		for _, s := range []string{d.Text, d.Title, d.Source, d.Dateline} {
			if !utf8.ValidString(s) {
				t.Fatalf("invalid UTF-8 %q from %q", s, text)
			}
		}
		if d.Text == "" || d.ID == "" {
			t.Fatalf("empty text or id from %q", text)
		}
	})
}
