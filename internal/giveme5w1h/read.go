package giveme5w1h

import (
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"github.com/parallax-news/parallax/internal/news"
)

// Document is one annotated article.
type Document struct {
	ID        string
	Publisher string
	Title     string
	Text      string // the body, without the title
	Published time.Time
	// Category names the article's story group (its gold event); "" when
	// the article has none.
	Category string
	// Answers holds the annotated phrases by question ("who", "what",
	// "when", "where", "why", "how"), most agreed first.
	Answers map[string][]string
}

// FullText returns the title and body as one text, the title its first
// line, as Parallax ingests an article with a headline.
func (d Document) FullText() string {
	if d.Title == "" {
		return d.Text
	}
	return d.Title + "\n\n" + d.Text
}

// ErrNoText reports an article without text.
var ErrNoText = errors.New("no text")

type rawDoc struct {
	DID         string `json:"dId"`
	Publisher   string `json:"publisher"`
	Title       string `json:"title"`
	Text        string `json:"text"`
	DatePublish any    `json:"date_publish"`
	Category    string `json:"category"`
	FiveWOneH   map[string]struct {
		Annotated []struct {
			Text  string `json:"text"`
			Count int    `json:"coderPhraseCount"`
		} `json:"annotated"`
	} `json:"fiveWoneH"`
}

// Files returns the JSON files of the gold standard under dir: dir itself,
// its data directory, or its gold_standard/data directory, sorted.
func Files(dir string) ([]string, error) {
	for _, sub := range []string{"", "data", filepath.Join("gold_standard", "data")} {
		files, err := filepath.Glob(filepath.Join(dir, sub, "*.json"))
		if err != nil {
			return nil, err
		}
		if len(files) > 0 {
			slices.Sort(files)
			return files, nil
		}
	}
	return nil, fmt.Errorf("%s: no Giveme5W1H JSON files", dir)
}

// IsCorpus reports whether dir holds the gold standard's files.
func IsCorpus(dir string) bool {
	files, err := Files(dir)
	if err != nil || len(files) == 0 {
		return false
	}
	b, err := os.ReadFile(files[0])
	return err == nil && strings.Contains(string(b), `"fiveWoneH"`)
}

// ReadFile reads one article.
func ReadFile(path string) (Document, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return Document{}, err
	}
	var r rawDoc
	if err := json.Unmarshal(b, &r); err != nil {
		return Document{}, fmt.Errorf("parse JSON: %w", err)
	}
	if strings.TrimSpace(r.Text) == "" {
		return Document{}, ErrNoText
	}
	d := Document{ID: r.DID, Publisher: r.Publisher, Title: strings.TrimSpace(r.Title), Text: strings.TrimSpace(r.Text),
		Category: r.Category, Answers: map[string][]string{}}
	if d.ID == "" {
		d.ID = strings.TrimSuffix(filepath.Base(path), ".json")
	}
	if s, ok := r.DatePublish.(string); ok && s != "" && s != "None" {
		if v, err := news.ParsePublished(s); err == nil && len(v) >= 10 {
			d.Published, _ = time.Parse("2006-01-02", v[:10])
		}
	}
	for q, ans := range r.FiveWOneH {
		a := slices.Clone(ans.Annotated)
		slices.SortStableFunc(a, func(x, y struct {
			Text  string `json:"text"`
			Count int    `json:"coderPhraseCount"`
		}) int {
			return y.Count - x.Count
		})
		for _, x := range a {
			if t := strings.TrimSpace(x.Text); t != "" {
				d.Answers[q] = append(d.Answers[q], t)
			}
		}
	}
	return d, nil
}
