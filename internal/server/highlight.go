package server

import (
	"slices"
	"strings"

	"github.com/parallax-news/parallax/internal/export"
	"github.com/parallax-news/parallax/internal/news"
)

// piece is a run of a paragraph's text: plain, one mention, or one time
// expression, inside a quote or not. Templates escape Text like any other
// article text.
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
	// Time is the resolved value of a time expression ("2022-05-08"),
	// TimeLabel how to read it; both "" for other pieces.
	Time, TimeLabel string
	// Quote is the quote the piece is part of, nil outside quotes;
	// QuoteStart marks the quote's first piece.
	Quote      *quoteView
	QuoteStart bool
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
// the mentions, titles and time expressions its analysis found, and the
// quotes they lie in. Without an analysis the paragraphs are the text's
// blank-line-separated blocks.
//
// ids gives the corpus-wide entity id of the document's entity numbers;
// mentions of the others carry the document's own id for them. quotes are
// the document's quotes as the page lists them; times its resolved time
// expressions.
func paragraphs(d news.Document, a news.Analysis, ids map[int]string, quotes []quoteView, times []export.Time) [][]piece {
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
		time   *export.Time
	}
	var marks []mark
	for _, m := range a.Mentions {
		if m.Title.End > m.Title.Start {
			marks = append(marks, mark{span: m.Title, title: true})
		}
		marks = append(marks, mark{span: news.Span{Start: m.Start, End: m.End}, typ: m.Type, kind: m.Kind, entity: entityID(d.ID, m.Entity, ids)})
	}
	for i := range times {
		marks = append(marks, mark{span: news.Span{Start: times[i].Start, End: times[i].End}, time: &times[i]})
	}
	for _, q := range quotes {
		marks = append(marks, mark{span: news.Span{Start: q.Start, End: q.Start}, anchor: true})
	}
	// Anchors first where a mention starts too; a name before a time
	// expression at the same place ("Sunday Times").
	slices.SortStableFunc(marks, func(x, y mark) int {
		if x.span.Start != y.span.Start {
			return x.span.Start - y.span.Start
		}
		switch {
		case x.anchor != y.anchor:
			if x.anchor {
				return -1
			}
			return 1
		case (x.time == nil) != (y.time == nil):
			if x.time == nil {
				return -1
			}
			return 1
		}
		return 0
	})
	// The quotes, outer ones first: a run lies in the innermost quote
	// that covers its start.
	qs := make([]*quoteView, len(quotes))
	for i := range quotes {
		qs[i] = &quotes[i]
	}
	slices.SortStableFunc(qs, func(x, y *quoteView) int {
		if x.Start != y.Start {
			return x.Start - y.Start
		}
		return y.End - x.End
	})
	quoteAt := func(at int) *quoteView {
		var in *quoteView
		for _, q := range qs {
			if q.Start > at {
				break
			}
			if at < q.End {
				in = q
			}
		}
		return in
	}
	// Quote boundaries cut plain text, so that each run lies in one quote.
	var cuts []int
	for _, q := range qs {
		cuts = append(cuts, q.Start, q.End)
	}
	slices.Sort(cuts)
	seen := map[*quoteView]bool{}
	var ps []piece
	add := func(p piece) {
		if p.Quote = quoteAt(p.Start); p.Quote != nil && !seen[p.Quote] && !p.Anchor {
			seen[p.Quote] = true
			p.QuoteStart = true
		}
		ps = append(ps, p)
	}
	plain := func(from, to int) {
		for from < to {
			end := to
			if i, _ := slices.BinarySearch(cuts, from+1); i < len(cuts) && cuts[i] < to {
				end = cuts[i]
			}
			add(piece{Text: d.Text[from:end], Start: from})
			from = end
		}
	}
	out := make([][]piece, 0, len(spans))
	k := 0
	for _, p := range spans {
		ps = nil
		at := p.Start
		for k < len(marks) && marks[k].span.Start < p.End {
			m := marks[k]
			k++
			if m.span.Start < at || m.span.End > p.End {
				continue // overlaps what is shown already, or crosses the paragraph
			}
			plain(at, m.span.Start)
			switch {
			case m.anchor:
				ps = append(ps, piece{Start: m.span.Start, Anchor: true})
				at = m.span.Start
				continue
			case m.time != nil:
				add(piece{Text: d.Text[m.span.Start:m.span.End], Start: m.span.Start, Time: m.time.Value, TimeLabel: timeLabel(*m.time)})
			default:
				add(piece{Text: d.Text[m.span.Start:m.span.End], Start: m.span.Start, Type: m.typ, Kind: m.kind, Title: m.title, Entity: m.entity, Linked: m.entity != "" && !strings.Contains(m.entity, "-")})
			}
			at = m.span.End
		}
		plain(at, p.End)
		out = append(out, ps)
	}
	return out
}

// timeLabel says what a time expression was read as.
func timeLabel(t export.Time) string {
	var b strings.Builder
	b.WriteString(strings.ToLower(t.Type))
	b.WriteString(": ")
	b.WriteString(t.Value)
	if t.Precision != nil {
		b.WriteString(" (" + *t.Precision + ")")
	}
	if t.Earliest != nil && t.Latest != nil && *t.Earliest != *t.Latest {
		b.WriteString(", " + *t.Earliest + " to " + *t.Latest)
	}
	return b.String()
}
