package server

import (
	"slices"
	"strings"

	"github.com/parallax-news/parallax/internal/export"
	"github.com/parallax-news/parallax/internal/news"
)

// piece is a run of a paragraph's text, plain or one mention; templates
// escape Text like any other article text.
type piece struct {
	Text   string
	Start  int    // where Text starts in the document's text
	Type   string // mention type (PER, ORG, LOC, MISC) or "" for plain text
	Kind   string // name or descriptor
	Title  bool   // a title or honorific before a name
	Entity string // entity id of a mention
	// Linked reports that Entity is a corpus-wide entity, with a page.
	Linked bool
	// Anchor is an empty piece where a quote starts, for links to it.
	Anchor bool
}

// entityID is the id of the document's entity n: its corpus-wide id, or
// the document's own.
func entityID(doc string, n int, ids map[int]string) string {
	if id := ids[n]; id != "" {
		return id
	}
	return export.LocalEntityID(doc, n)
}

// paragraphs cuts a document's text into paragraphs of pieces, marking
// the mentions and titles its analysis found. Without an analysis the
// paragraphs are the text's blank-line-separated blocks.
//
// ids gives the corpus-wide entity id of the document's entity numbers;
// mentions of the others carry the document's own id for them.
func paragraphs(d news.Document, a news.Analysis, ids map[int]string) [][]piece {
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
		anchor bool
	}
	var marks []mark
	for _, m := range a.Mentions {
		if m.Title.End > m.Title.Start {
			marks = append(marks, mark{span: m.Title, title: true})
		}
		marks = append(marks, mark{span: news.Span{Start: m.Start, End: m.End}, typ: m.Type, kind: m.Kind, entity: entityID(d.ID, m.Entity, ids)})
	}
	for _, q := range a.Quotes {
		marks = append(marks, mark{span: news.Span{Start: q.Start, End: q.Start}, anchor: true})
	}
	// Anchors first where a mention starts too.
	slices.SortStableFunc(marks, func(x, y mark) int {
		if x.span.Start != y.span.Start {
			return x.span.Start - y.span.Start
		}
		switch {
		case x.anchor && !y.anchor:
			return -1
		case y.anchor && !x.anchor:
			return 1
		}
		return 0
	})
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
			if m.anchor {
				ps = append(ps, piece{Start: m.span.Start, Anchor: true})
				at = m.span.Start
				continue
			}
			ps = append(ps, piece{Text: d.Text[m.span.Start:m.span.End], Start: m.span.Start, Type: m.typ, Kind: m.kind, Title: m.title, Entity: m.entity, Linked: m.entity != "" && !strings.Contains(m.entity, "-")})
			at = m.span.End
		}
		if at < p.End {
			ps = append(ps, piece{Text: d.Text[at:p.End]})
		}
		out = append(out, ps)
	}
	return out
}
