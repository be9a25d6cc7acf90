package ingest

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/parallax-news/parallax/internal/news"
)

// jsonArticle is an article as JSON carries it: Parallax's own fields and
// news-please's.
type jsonArticle struct {
	ID        string     `json:"id"`
	Origin    string     `json:"origin"`
	URL       string     `json:"url"`
	Source    string     `json:"source"`
	Title     string     `json:"title"`
	Authors   stringList `json:"authors"`
	Published flexString `json:"published"`
	Language  string     `json:"language"`
	Text      string     `json:"text"`
	HTML      string     `json:"html"`

	// news-please
	DatePublish  flexString `json:"date_publish"`
	SourceDomain string     `json:"source_domain"`
	Maintext     string     `json:"maintext"`
}

// stringList reads a JSON list of strings, a single string, or null.
type stringList []string

func (l *stringList) UnmarshalJSON(b []byte) error {
	b = bytes.TrimSpace(b)
	if len(b) > 0 && b[0] == '"' {
		var s string
		if err := json.Unmarshal(b, &s); err != nil {
			return err
		}
		if s != "" {
			*l = []string{s}
		}
		return nil
	}
	var ss []string
	if err := json.Unmarshal(b, &ss); err != nil {
		return errors.New("authors: want a list of strings")
	}
	*l = ss
	return nil
}

// flexString reads a JSON string, a number (a year, say) or null.
type flexString string

func (f *flexString) UnmarshalJSON(b []byte) error {
	b = bytes.TrimSpace(b)
	switch {
	case len(b) > 0 && b[0] == '"':
		var s string
		if err := json.Unmarshal(b, &s); err != nil {
			return err
		}
		*f = flexString(s)
	case string(b) == "null":
	default:
		var n json.Number
		if err := json.Unmarshal(b, &n); err != nil {
			return errors.New("want a string")
		}
		*f = flexString(n)
	}
	return nil
}

// ReadJSON reads one article from a JSON object. html is used when text is
// absent: its main text is extracted as from a page.
func ReadJSON(data []byte) (Article, error) {
	var j jsonArticle
	dec := json.NewDecoder(bytes.NewReader(data))
	if err := dec.Decode(&j); err != nil {
		return Article{}, jsonError(data, err)
	}
	if dec.More() {
		return Article{}, errors.New("invalid JSON: more than one value (use .jsonl for one article a line)")
	}
	return j.article()
}

// ReadJSONArray reads a JSON array of article objects. It returns the
// articles it could read and, for each element that failed, an error
// naming its index.
func ReadJSONArray(data []byte) ([]Article, []error) {
	var raw []json.RawMessage
	if err := json.Unmarshal(data, &raw); err != nil {
		return nil, []error{jsonError(data, err)}
	}
	var arts []Article
	var errs []error
	for i, r := range raw {
		a, err := ReadJSON(r)
		if err != nil {
			errs = append(errs, fmt.Errorf("element %d: %w", i+1, err))
			continue
		}
		arts = append(arts, a)
	}
	return arts, errs
}

func (j *jsonArticle) article() (Article, error) {
	a := Article{
		ID:       strings.TrimSpace(j.ID),
		Origin:   strings.TrimSpace(j.Origin),
		URL:      strings.TrimSpace(j.URL),
		Source:   strings.TrimSpace(j.Source),
		Title:    strings.TrimSpace(j.Title),
		Language: strings.ToLower(strings.TrimSpace(j.Language)),
		Text:     j.Text,
	}
	for _, au := range j.Authors {
		if au = strings.TrimSpace(au); au != "" {
			a.Authors = append(a.Authors, au)
		}
	}
	if a.Source == "" {
		a.Source = strings.TrimSpace(j.SourceDomain)
	}
	if strings.TrimSpace(a.Text) == "" {
		a.Text = j.Maintext
	}
	pub := string(j.Published)
	if pub == "" {
		pub = string(j.DatePublish)
	}
	p, err := news.ParsePublished(pub)
	if err != nil {
		return Article{}, fmt.Errorf("published: %w", err)
	}
	a.Published = p

	if strings.TrimSpace(a.Text) == "" && strings.TrimSpace(j.HTML) != "" {
		page, err := ReadHTML([]byte(j.HTML), a.URL, "text/html; charset=utf-8")
		if err != nil {
			return Article{}, fmt.Errorf("html: %w", err)
		}
		a.Text = page.Text
		for _, f := range []struct{ dst, src *string }{
			{&a.Title, &page.Title}, {&a.Source, &page.Source}, {&a.Published, &page.Published},
			{&a.Language, &page.Language}, {&a.URL, &page.URL},
		} {
			if *f.dst == "" {
				*f.dst = *f.src
			}
		}
		if len(a.Authors) == 0 {
			a.Authors = page.Authors
		}
		a.Inferred = page.Inferred
	}
	if strings.TrimSpace(a.Text) == "" {
		return Article{}, ErrNoText
	}
	return a, nil
}

// jsonError turns a decoding error into a short message with the position
// where JSON went wrong.
func jsonError(data []byte, err error) error {
	var se *json.SyntaxError
	if errors.As(err, &se) {
		return fmt.Errorf("invalid JSON at byte %d: %v", se.Offset, se)
	}
	var te *json.UnmarshalTypeError
	if errors.As(err, &te) {
		return fmt.Errorf("invalid JSON: field %q: want %s, got %s", te.Field, te.Type, te.Value)
	}
	if errors.Is(err, io.EOF) || len(bytes.TrimSpace(data)) == 0 {
		return errors.New("empty JSON")
	}
	return fmt.Errorf("invalid JSON: %v", err)
}
