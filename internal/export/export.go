package export

import (
	"bufio"
	"context"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/parallax-news/parallax/internal/news"
	"github.com/parallax-news/parallax/internal/store"
)

// Schema is the version of the JSON export written by this package.
const Schema = "parallax/v1"

// Formats lists the formats Write accepts.
var Formats = []string{"json", "jsonl", "csv", "md"}

// pageSize is how many documents are read from the store at a time.
const pageSize = 500

// Document is a document as exported: the fields of the contract, then
// Parallax's additions (authors, dateline, inferred).
type Document struct {
	ID          string   `json:"id"`
	Origin      string   `json:"origin"`
	URL         *string  `json:"url"`
	Source      *string  `json:"source"`
	Title       *string  `json:"title"`
	Published   *string  `json:"published"`
	Language    *string  `json:"language"`
	Text        string   `json:"text"`
	DuplicateOf *string  `json:"duplicate_of"`
	Event       *string  `json:"event"`
	Authors     []string `json:"authors"`
	Dateline    *string  `json:"dateline"`
	Inferred    []string `json:"inferred"`
}

// NewDocument converts a stored document to its exported form.
func NewDocument(d news.Document) Document {
	return Document{
		ID:          d.ID,
		Origin:      d.Origin,
		URL:         null(d.URL),
		Source:      null(d.Source),
		Title:       null(d.Title),
		Published:   null(d.Published),
		Language:    null(d.Language),
		Text:        d.Text,
		DuplicateOf: null(d.DuplicateOf),
		Event:       null(d.Event),
		Authors:     nonNilSlice(d.Authors),
		Dateline:    null(d.Dateline),
		Inferred:    nonNilSlice(d.Inferred),
	}
}

func null(s string) *string {
	if s == "" {
		return nil
	}
	return &s
}

// Write writes the whole store to w in format, one of Formats.
func Write(ctx context.Context, st store.Store, format string, w io.Writer) error {
	bw := bufio.NewWriterSize(w, 64<<10)
	var err error
	switch format {
	case "json":
		err = writeJSON(ctx, st, bw)
	case "jsonl":
		err = writeJSONL(ctx, st, bw)
	case "csv":
		err = writeCSV(ctx, st, bw)
	case "md":
		err = writeMarkdown(ctx, st, bw)
	default:
		return fmt.Errorf("unknown format %q (want json, jsonl, csv or md)", format)
	}
	if err != nil {
		return err
	}
	return bw.Flush()
}

// eachDocument calls fn for every stored document in ingest order, reading
// the store a page at a time.
func eachDocument(ctx context.Context, st store.Store, fn func(news.Document) error) error {
	var after int64
	for {
		if err := ctx.Err(); err != nil {
			return err
		}
		docs, err := st.Documents(ctx, store.DocumentQuery{AfterSeq: after, Limit: pageSize})
		if err != nil {
			return fmt.Errorf("read documents: %w", err)
		}
		for _, d := range docs {
			if err := fn(d); err != nil {
				return err
			}
		}
		if len(docs) < pageSize {
			return nil
		}
		after = docs[len(docs)-1].Seq
	}
}

// writeJSON writes the export one array at a time, each streamed from the
// store, so memory stays flat however large the store is.
func writeJSON(ctx context.Context, st store.Store, w *bufio.Writer) error {
	fmt.Fprintf(w, "{\n  \"schema\": %q", Schema)
	arrays := []struct {
		name string
		each func(emit func(any) error) error
	}{
		{"documents", func(emit func(any) error) error {
			return eachDocument(ctx, st, func(d news.Document) error { return emit(NewDocument(d)) })
		}},
		{"entities", func(emit func(any) error) error {
			err := eachEntity(ctx, st, func(e store.EntityInfo) error { return emit(NewEntity(e)) })
			if err != nil {
				return err
			}
			// Then the entities known in one document only, by a
			// descriptor that fits nobody known.
			return eachAnalysed(ctx, st, func(d news.Document, a news.Analysis, links []store.EntityLink) error {
				entities, _ := DocumentEntities(d, a, links)
				for _, e := range entities {
					if _, corpus := corpusEntity(e.ID); corpus {
						continue
					}
					if err := emit(e); err != nil {
						return err
					}
				}
				return nil
			})
		}},
		{"mentions", func(emit func(any) error) error {
			return eachAnalysed(ctx, st, func(d news.Document, a news.Analysis, links []store.EntityLink) error {
				_, mentions := DocumentEntities(d, a, links)
				for _, m := range mentions {
					if err := emit(m); err != nil {
						return err
					}
				}
				return nil
			})
		}},
	}
	arrays = append(arrays, struct {
		name string
		each func(emit func(any) error) error
	}{"times", func(emit func(any) error) error {
		return eachAnalysed(ctx, st, func(d news.Document, a news.Analysis, _ []store.EntityLink) error {
			for _, t := range DocumentTimes(d, a) {
				if err := emit(t); err != nil {
					return err
				}
			}
			return nil
		})
	}}, struct {
		name string
		each func(emit func(any) error) error
	}{"quotes", func(emit func(any) error) error {
		return eachAnalysed(ctx, st, func(d news.Document, a news.Analysis, links []store.EntityLink) error {
			if len(a.Quotes) == 0 {
				return nil
			}
			stmts, err := st.QuoteStatements(ctx, d.ID)
			if err != nil {
				return err
			}
			for _, q := range DocumentQuotes(d, a, links, stmts) {
				if err := emit(q); err != nil {
					return err
				}
			}
			return nil
		})
	}}, struct {
		name string
		each func(emit func(any) error) error
	}{"statements", func(emit func(any) error) error {
		return eachStatement(ctx, st, func(s store.StatementInfo) error { return emit(NewStatement(s)) })
	}})
	arrays = append(arrays, struct {
		name string
		each func(emit func(any) error) error
	}{"events", func(emit func(any) error) error {
		// Stories join events across the whole store: read the events
		// (without their texts), then write them with their story.
		evs, stories, err := eventsWithStories(ctx, st)
		if err != nil {
			return err
		}
		for _, e := range evs {
			e.Story = stories[e.ID]
			if err := emit(e); err != nil {
				return err
			}
		}
		return nil
	}}, struct {
		name string
		each func(emit func(any) error) error
	}{"conflicts", func(emit func(any) error) error {
		return eachConflict(ctx, st, func(c Conflict) error { return emit(c) })
	}})
	for _, arr := range arrays {
		fmt.Fprintf(w, ",\n  %q: [", arr.name)
		n := 0
		err := arr.each(func(v any) error {
			b, err := json.Marshal(v)
			if err != nil {
				return fmt.Errorf("encode %s: %w", arr.name, err)
			}
			if n > 0 {
				w.WriteByte(',')
			}
			w.WriteString("\n    ")
			w.Write(b)
			n++
			return nil
		})
		if err != nil {
			return err
		}
		if n > 0 {
			w.WriteString("\n  ")
		}
		w.WriteString("]")
	}
	_, err := w.WriteString("\n}\n")
	return err
}

// corpusEntity reports whether id is a corpus-wide entity's ("E12"),
// not a document's own ("…-e3").
func corpusEntity(id string) (string, bool) {
	return id, strings.HasPrefix(id, "E") && !strings.Contains(id, "-")
}

// lineDocument is one line of the jsonl export: a document with its own
// findings.
type lineDocument struct {
	Schema string `json:"schema"`
	Document
	Entities []Entity  `json:"entities"`
	Mentions []Mention `json:"mentions"`
	Times    []Time    `json:"times"`
	Quotes   []Quote   `json:"quotes"`
}

func writeJSONL(ctx context.Context, st store.Store, w *bufio.Writer) error {
	enc := json.NewEncoder(w)
	return eachAnalysed(ctx, st, func(d news.Document, a news.Analysis, links []store.EntityLink) error {
		entities, mentions := DocumentEntities(d, a, links)
		var stmts map[int]string
		if len(a.Quotes) > 0 {
			var err error
			if stmts, err = st.QuoteStatements(ctx, d.ID); err != nil {
				return err
			}
		}
		line := lineDocument{Schema: Schema, Document: NewDocument(d),
			Entities: nonNilSlice(entities), Mentions: nonNilSlice(mentions),
			Times: DocumentTimes(d, a), Quotes: DocumentQuotes(d, a, links, stmts)}
		if err := enc.Encode(line); err != nil {
			return fmt.Errorf("encode document %s: %w", d.ID, err)
		}
		return nil
	})
}

func nonNilSlice[T any](s []T) []T {
	if s == nil {
		return []T{}
	}
	return s
}

// CSVHeader is the header row of the csv export, one document a row.
var CSVHeader = []string{"id", "origin", "url", "source", "title", "published", "language", "dateline", "authors", "duplicate_of", "event", "inferred", "words", "text"}

func writeCSV(ctx context.Context, st store.Store, w *bufio.Writer) error {
	cw := csv.NewWriter(w)
	if err := cw.Write(CSVHeader); err != nil {
		return err
	}
	err := eachDocument(ctx, st, func(d news.Document) error {
		row := []string{
			d.ID, d.Origin, d.URL, d.Source, d.Title, d.Published, d.Language, d.Dateline,
			joinList(d.Authors), d.DuplicateOf, d.Event, joinList(d.Inferred),
			strconv.Itoa(news.Words(d.Text)), d.Text,
		}
		for i := range row {
			row[i] = defuseCell(row[i])
		}
		return cw.Write(row)
	})
	if err != nil {
		return err
	}
	cw.Flush()
	return cw.Error()
}

// defuseCell keeps a spreadsheet from running article text as a formula:
// a cell that starts with = + - @ or a control character gets a leading
// apostrophe (the OWASP advice for CSV injection).
func defuseCell(s string) string {
	if s != "" && strings.ContainsRune("=+-@\t\r", rune(s[0])) {
		return "'" + s
	}
	return s
}

func joinList(l []string) string {
	return strings.Join(l, "; ")
}
