package export

import (
	"slices"
	"strconv"
	"strings"
	"unicode"

	"github.com/parallax-news/parallax/internal/news"
	"github.com/parallax-news/parallax/internal/store"
)

// Quote is a quote as exported: the contract's fields, then the quoted
// words, the speaker's mention as written, and the spans of the cue, the
// addressee and the intermediary.
type Quote struct {
	ID           string  `json:"id"`
	Document     string  `json:"document"`
	Start        int     `json:"start"`
	End          int     `json:"end"`
	Kind         string  `json:"kind"` // direct, partial or indirect
	Speaker      *string `json:"speaker"`
	SpeakerStart *int    `json:"speaker_start"`
	SpeakerEnd   *int    `json:"speaker_end"`
	Cue          *string `json:"cue"`
	Statement    *string `json:"statement"`
	// additions
	Text        string    `json:"text"`
	SpeakerText *string   `json:"speaker_text"`
	CueSpan     *Evidence `json:"cue_span"`
	Addressee   *Excerpt  `json:"addressee"`
	Via         *Excerpt  `json:"via"`
}

// Excerpt is a span of a document with its text.
type Excerpt struct {
	Start int    `json:"start"`
	End   int    `json:"end"`
	Text  string `json:"text"`
}

// QuoteID is the id of the quote of document doc that starts at start.
func QuoteID(doc string, start int) string {
	return doc + "-q" + strconv.Itoa(start)
}

// DocumentQuotes returns the quotes of one analysed document, their
// speakers as corpus-wide entities where links say so (else the
// document's own entity ids), and their statements.
func DocumentQuotes(d news.Document, a news.Analysis, links []store.EntityLink, statements map[int]string) []Quote {
	ids := make(map[int]string, len(links))
	for _, l := range links {
		ids[l.Local] = l.Entity
	}
	out := make([]Quote, 0, len(a.Quotes))
	for _, q := range a.Quotes {
		x := Quote{
			ID: QuoteID(d.ID, q.Start), Document: d.ID, Start: q.Start, End: q.End, Kind: q.Kind,
			Text: d.Text[q.Start:q.End],
		}
		if q.SpeakerEntity >= 0 {
			id := ids[q.SpeakerEntity]
			if id == "" {
				id = LocalEntityID(d.ID, q.SpeakerEntity)
			}
			x.Speaker = &id
		}
		if q.Speaker.End > q.Speaker.Start {
			s, e := q.Speaker.Start, q.Speaker.End
			x.SpeakerStart, x.SpeakerEnd = &s, &e
			x.SpeakerText = spanText(d.Text, q.Speaker)
		}
		if q.Cue.End > q.Cue.Start {
			x.Cue = spanText(d.Text, q.Cue)
			x.CueSpan = &Evidence{Document: d.ID, Start: q.Cue.Start, End: q.Cue.End}
		}
		if s, ok := statements[q.Start]; ok {
			x.Statement = &s
		}
		x.Addressee = excerpt(d.Text, q.Addressee)
		x.Via = excerpt(d.Text, q.Via)
		out = append(out, x)
	}
	return out
}

// NewQuote converts a stored quote to its exported form, as
// DocumentQuotes gives it.
func NewQuote(q store.QuoteInfo) Quote {
	x := Quote{
		ID: QuoteID(q.Document, q.Quote.Start), Document: q.Document, Start: q.Quote.Start, End: q.Quote.End,
		Kind: q.Quote.Kind, Text: q.Text, Statement: null(q.Statement),
	}
	if q.Quote.SpeakerEntity >= 0 {
		id := q.Speaker
		if id == "" {
			id = LocalEntityID(q.Document, q.Quote.SpeakerEntity)
		}
		x.Speaker = &id
	}
	if sp := q.Quote.Speaker; sp.End > sp.Start {
		s, e := sp.Start, sp.End
		x.SpeakerStart, x.SpeakerEnd = &s, &e
		x.SpeakerText = null(q.SpeakerText)
	}
	if c := q.Quote.Cue; c.End > c.Start {
		x.Cue = null(q.CueText)
		x.CueSpan = &Evidence{Document: q.Document, Start: c.Start, End: c.End}
	}
	if a := q.Quote.Addressee; a.End > a.Start {
		x.Addressee = &Excerpt{Start: a.Start, End: a.End, Text: q.AddresseeText}
	}
	if v := q.Quote.Via; v.End > v.Start {
		x.Via = &Excerpt{Start: v.Start, End: v.End, Text: q.ViaText}
	}
	return x
}

func excerpt(text string, s news.Span) *Excerpt {
	if s.End <= s.Start {
		return nil
	}
	return &Excerpt{Start: s.Start, End: s.End, Text: text[s.Start:s.End]}
}

// Statement is a statement as exported: the contract's fields, then the
// outlets that carry it and its renderings side by side, each compared
// word by word with the first.
type Statement struct {
	ID      string   `json:"id"`
	Speaker *string  `json:"speaker"`
	Quotes  []string `json:"quotes"`
	// additions
	Published  *string     `json:"published"`
	Outlets    []string    `json:"outlets"`
	Renderings []Rendering `json:"renderings"`
}

// Rendering is how one document renders a statement.
type Rendering struct {
	Quote     string  `json:"quote"`
	Document  string  `json:"document"`
	Source    *string `json:"source"`
	Published *string `json:"published"`
	Kind      string  `json:"kind"`
	Text      string  `json:"text"`
	// Diff compares the words with the first rendering's: "same" words
	// both have, "added" words only this one has, "removed" words only
	// the first has. The first rendering's diff is all "same".
	Diff []DiffPart `json:"diff"`
}

// NewStatement converts a stored statement to its exported form.
func NewStatement(s store.StatementInfo) Statement {
	out := Statement{ID: s.ID, Speaker: null(s.Speaker), Quotes: []string{}, Published: null(news.Day(s.Published)),
		Outlets: []string{}, Renderings: []Rendering{}}
	for _, r := range s.Renderings {
		out.Quotes = append(out.Quotes, QuoteID(r.Document, r.Start))
		if r.Source != "" && !slices.Contains(out.Outlets, r.Source) {
			out.Outlets = append(out.Outlets, r.Source)
		}
		var diff []DiffPart
		if len(s.Renderings) > 0 {
			diff = WordDiff(s.Renderings[0].Text, r.Text)
		}
		out.Renderings = append(out.Renderings, Rendering{
			Quote: QuoteID(r.Document, r.Start), Document: r.Document, Source: null(r.Source),
			Published: null(r.Published), Kind: r.Kind, Text: r.Text, Diff: diff,
		})
	}
	return out
}

// DiffPart is a run of words of a word-level comparison.
type DiffPart struct {
	Op   string `json:"op"` // same, added or removed
	Text string `json:"text"`
}

// maxDiffWords bounds the words WordDiff compares: beyond it, the longest
// common subsequence would cost too much; the rest is one removed and one
// added run.
const maxDiffWords = 2000

// WordDiff compares b with a word by word (a longest common subsequence
// of words, compared without case or punctuation) and returns b's words
// and a's missing ones in order, in runs of same, added (only in b) and
// removed (only in a) words.
func WordDiff(a, b string) []DiffPart {
	wa, wb := strings.Fields(a), strings.Fields(b)
	if len(wa) > maxDiffWords || len(wb) > maxDiffWords {
		return []DiffPart{{Op: "removed", Text: a}, {Op: "added", Text: b}}
	}
	key := func(w string) string {
		return strings.ToLower(strings.TrimFunc(w, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) }))
	}
	ka, kb := make([]string, len(wa)), make([]string, len(wb))
	for i, w := range wa {
		ka[i] = key(w)
	}
	for i, w := range wb {
		kb[i] = key(w)
	}
	// lcs[i][j] is the length of the LCS of ka[i:] and kb[j:].
	n, m := len(ka), len(kb)
	lcs := make([][]int32, n+1)
	for i := range lcs {
		lcs[i] = make([]int32, m+1)
	}
	for i := n - 1; i >= 0; i-- {
		for j := m - 1; j >= 0; j-- {
			if ka[i] == kb[j] {
				lcs[i][j] = lcs[i+1][j+1] + 1
			} else {
				lcs[i][j] = max(lcs[i+1][j], lcs[i][j+1])
			}
		}
	}
	var out []DiffPart
	emit := func(op, w string) {
		if len(out) > 0 && out[len(out)-1].Op == op {
			out[len(out)-1].Text += " " + w
			return
		}
		out = append(out, DiffPart{Op: op, Text: w})
	}
	i, j := 0, 0
	for i < n || j < m {
		switch {
		case i < n && j < m && ka[i] == kb[j]:
			emit("same", wb[j])
			i++
			j++
		case j < m && (i == n || lcs[i][j+1] >= lcs[i+1][j]):
			emit("added", wb[j])
			j++
		default:
			emit("removed", wa[i])
			i++
		}
	}
	return out
}
