package server

import (
	"strings"

	"github.com/parallax-news/parallax/internal/export"
	"github.com/parallax-news/parallax/internal/news"
)

// piece is a run of a paragraph's text, plain or one mention; templates
// escape Text like any other article text.
type piece struct {
	Text   string
	Type   string // mention type (PER, ORG, LOC, MISC) or "" for plain text
	Kind   string // name or descriptor
	Title  bool   // a title or honorific before a name
	Entity string // entity id of a mention
}

// paragraphs cuts a document's text into paragraphs of pieces, marking
// the mentions and titles its analysis found. Without an analysis the
// paragraphs are the text's blank-line-separated blocks.
func paragraphs(d news.Document, a news.Analysis) [][]piece {
	spans := a.Paragraphs
	if len(spans) == 0 {
		off := 0
		for _, p := range strings.Split(d.Text, "\n\n") {
			if strings.TrimSpace(p) != "" {
				spans = append(spans, news.Span{Start: off, End: off + len(p)})
			}
			off += len(p) + 2
		}
	}
	type mark struct {
		span   news.Span
		typ    string
		kind   string
		title  bool
		entity string
	}
	var marks []mark
	for _, m := range a.Mentions {
		if m.Title.End > m.Title.Start {
			marks = append(marks, mark{span: m.Title, title: true})
		}
		marks = append(marks, mark{span: news.Span{Start: m.Start, End: m.End}, typ: m.Type, kind: m.Kind, entity: export.EntityID(d.ID, m.Entity)})
	}
	out := make([][]piece, 0, len(spans))
	k := 0
	for _, p := range spans {
		var ps []piece
		at := p.Start
		for k < len(marks) && marks[k].span.Start < p.End {
			m := marks[k]
			k++
			if m.span.Start < at || m.span.End > p.End {
				continue // overlaps what is shown already, or crosses the paragraph
			}
			if m.span.Start > at {
				ps = append(ps, piece{Text: d.Text[at:m.span.Start]})
			}
			ps = append(ps, piece{Text: d.Text[m.span.Start:m.span.End], Type: m.typ, Kind: m.kind, Title: m.title, Entity: m.entity})
			at = m.span.End
		}
		if at < p.End {
			ps = append(ps, piece{Text: d.Text[at:p.End]})
		}
		out = append(out, ps)
	}
	return out
}
