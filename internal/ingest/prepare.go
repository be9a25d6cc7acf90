package ingest

import (
	"strings"
	"unicode"

	"github.com/parallax-news/parallax/internal/news"
	"github.com/parallax-news/parallax/internal/text"
)

// Defaults are metadata the user gives for sources that lack them
// (`ingest --source`, `--published`). They never override the input.
type Defaults struct {
	Source    string
	Published string // ISO 8601, checked with news.ParsePublished
	Language  string
}

// Prepare turns an article as read into the document Parallax stores: the
// text normalized once (every later offset refers to it), the id derived
// from that text, metadata taken from the article, then from defaults, then
// inferred from the text and URL, each inferred field listed in Inferred.
// It returns ErrNoText if nothing is left of the text.
//
// Prepare is a pure function of its arguments.
func Prepare(a Article, def Defaults) (news.Document, error) {
	t := text.Normalize(a.Text)
	if !strings.ContainsFunc(t, func(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }) {
		// Nothing, or only marks and invisible characters.
		return news.Document{}, ErrNoText
	}
	d := news.Document{
		ID:        news.DocumentID(t),
		Origin:    a.Origin,
		URL:       a.URL,
		Source:    clean(a.Source),
		Title:     clean(a.Title),
		Published: a.Published,
		Language:  a.Language,
		Text:      t,
		Inferred:  append([]string(nil), a.Inferred...),
	}
	for _, au := range a.Authors {
		if au = clean(au); au != "" {
			d.Authors = append(d.Authors, au)
		}
	}
	infer := func(field string, dst *string, value string) {
		if *dst == "" && value != "" {
			*dst = value
			if !d.IsInferred(field) {
				d.Inferred = append(d.Inferred, field)
			}
		}
	}
	if d.Source == "" {
		d.Source = def.Source
	}
	if d.Published == "" {
		d.Published = def.Published
	}
	if d.Language == "" {
		d.Language = def.Language
	}
	if title, ok := InferTitle(t); ok {
		infer(news.FieldTitle, &d.Title, title)
	}
	infer(news.FieldSource, &d.Source, InferSource(t))
	infer(news.FieldSource, &d.Source, InferAgency(t))
	infer(news.FieldSource, &d.Source, SourceFromURL(d.URL))
	infer(news.FieldPublished, &d.Published, PublishedFromURL(d.URL))
	infer(news.FieldLanguage, &d.Language, DetectLanguage(t))
	infer(news.FieldDateline, &d.Dateline, InferDateline(t))
	return d, nil
}

// clean normalizes a metadata string to one line.
func clean(s string) string {
	return strings.Join(strings.Fields(text.Normalize(s)), " ")
}

// Enrich fills the metadata that stored lacks, or only inferred, with what
// fresh gives explicitly, and reports whether anything changed. It is how
// the same article read from two inputs (a .txt file and a JSONL line with
// its publication date) ends up with the metadata of both; the text and the
// id never change.
func Enrich(stored *news.Document, fresh news.Document) bool {
	changed := false
	fill := func(field string, dst *string, src string) {
		if src == "" || fresh.IsInferred(field) {
			return
		}
		if *dst == "" || stored.IsInferred(field) {
			*dst = src
			stored.Inferred = without(stored.Inferred, field)
			changed = true
		}
	}
	fill(news.FieldSource, &stored.Source, fresh.Source)
	fill(news.FieldTitle, &stored.Title, fresh.Title)
	fill(news.FieldPublished, &stored.Published, fresh.Published)
	fill(news.FieldLanguage, &stored.Language, fresh.Language)
	fill("url", &stored.URL, fresh.URL)
	if len(stored.Authors) == 0 && len(fresh.Authors) > 0 {
		stored.Authors = fresh.Authors
		changed = true
	}
	return changed
}

func without(list []string, s string) []string {
	var out []string
	for _, x := range list {
		if x != s {
			out = append(out, x)
		}
	}
	return out
}
