package reconcile

import (
	"context"
	"fmt"
	"strings"
	"time"
	"unicode"

	"github.com/parallax-news/parallax/internal/news"
	"github.com/parallax-news/parallax/internal/store"
)

// StatementWindow is how far apart in publication date two quotes may be
// and still render one utterance: outlets carry a speech within days.
const StatementWindow = 7 * 24 * time.Hour

// Thresholds for two quotes of one speaker to render one utterance: they
// share at least MinSharedWords content words (see ContentWords), and
// those make at least MinContainment of the shorter quote's. Containment
// rather than overlap of the union, as one outlet quotes a sentence that
// another quotes in full; content words rather than all words, as two
// translations share the meaning more than the function words ("This bond
// … is vital for both countries", "The bond and the relationship … are
// vital to both countries").
const (
	MinSharedWords = 3
	MinContainment = 0.5
)

// stopwords are the function words and the most common verbs of English,
// which say nothing of what a quote is about.
var stopwords = func() map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(`a an the this that these those and or but nor so yet for of in on at to from by
		with without about as into onto over under between among through during before after above below up down
		out off again further then once here there when where why how all any both each few more most other some
		such no not only own same than too very can will just should would could may might must shall is are was
		were be been being am has have had having do does did doing i me my we our us you your he him his she her
		it its they them their what which who whom whose if because while until also said says say told tell
		s t don now one two also very much many`) {
		m[w] = true
	}
	return m
}()

// ContentWords returns the distinct content words of a quote: lower-cased,
// without function words, numbers kept, with a light stemming that lets
// "countries" meet "country" and "relations" meet "relation".
func ContentWords(text string) []string {
	var out []string
	seen := map[string]bool{}
	for _, f := range strings.FieldsFunc(text, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) }) {
		w := strings.ToLower(f)
		if stopwords[w] || len(w) < 2 {
			continue
		}
		w = stem(w)
		if !seen[w] {
			seen[w] = true
			out = append(out, w)
		}
	}
	return out
}

// stem cuts common English inflections: plural -s, -es, -ies, and -ing,
// -ed on longer words.
func stem(w string) string {
	switch {
	case len(w) > 4 && strings.HasSuffix(w, "ies"):
		return w[:len(w)-3] + "y"
	case len(w) > 5 && strings.HasSuffix(w, "ing"):
		return w[:len(w)-3]
	case len(w) > 4 && strings.HasSuffix(w, "ed"):
		return w[:len(w)-2]
	case len(w) > 4 && strings.HasSuffix(w, "es") && strings.ContainsRune("sxz", rune(w[len(w)-3])):
		return w[:len(w)-2]
	case len(w) > 3 && strings.HasSuffix(w, "s") && !strings.HasSuffix(w, "ss"):
		return w[:len(w)-1]
	}
	return w
}

// SameUtterance reports whether two quotes' content words (ContentWords)
// are close enough to render one utterance, and how close: the share of
// the shorter quote's words the other has.
func SameUtterance(a, b []string) (bool, float64) {
	if len(a) == 0 || len(b) == 0 {
		return false, 0
	}
	in := make(map[string]bool, len(a))
	for _, w := range a {
		in[w] = true
	}
	shared := 0
	for _, w := range b {
		if in[w] {
			shared++
		}
	}
	c := float64(shared) / float64(min(len(a), len(b)))
	return shared >= MinSharedWords && c >= MinContainment, c
}

// linkStatements makes each quote of the stored document d whose speaker
// is a corpus-wide entity (ids: the document's entity numbers' corpus
// ids) a rendering of a statement: the statement of that speaker, published
// within StatementWindow, whose rendering it is closest to (SameUtterance),
// else a new one. Only the speaker's statements near d's date are read.
//
// A document without a publication date aligns nothing: each of its quotes
// is a statement of its own until its date is known (RealignQuotes).
func linkStatements(ctx context.Context, tx store.Tx, d news.Document, quotes []news.Quote, ids map[int]string) error {
	from, to := "", ""
	day, err := time.Parse(time.DateOnly, news.Day(d.Published))
	dated := err == nil
	if dated {
		from, to = day.Add(-StatementWindow).Format(time.DateOnly), day.Add(StatementWindow).Format(time.DateOnly)+"\uffff"
	}
	// The renderings of each speaker near d's date, in other documents, with
	// their content words worked out once for all of d's quotes.
	type rendering struct {
		statement string
		words     []string
	}
	near := map[string][]rendering{}
	for _, q := range quotes {
		speaker := ids[q.SpeakerEntity]
		if q.SpeakerEntity < 0 || speaker == "" || q.End <= q.Start {
			continue
		}
		cands, ok := near[speaker]
		if !ok && dated {
			stored, err := tx.SpeakerQuotes(ctx, speaker, from, to, 0)
			if err != nil {
				return err
			}
			for _, c := range stored {
				// One article does not render one utterance twice.
				if c.Document != d.ID && c.Statement != "" {
					cands = append(cands, rendering{c.Statement, ContentWords(c.Text)})
				}
			}
			near[speaker] = cands
		}
		words := ContentWords(d.Text[q.Start:q.End])
		best, bestScore := "", 0.0
		for _, c := range cands {
			if ok, score := SameUtterance(words, c.words); ok && score > bestScore {
				best, bestScore = c.statement, score
			}
		}
		if best == "" {
			var err error
			if best, err = tx.PutStatement(ctx, speaker); err != nil {
				return err
			}
		}
		if err := tx.SetQuoteStatement(ctx, d.ID, q.Start, best); err != nil {
			return err
		}
	}
	return nil
}

// RealignQuotes aligns the quotes of the stored document id again (see
// linkStatements): after its publication date changed, they may render
// other statements.
func RealignQuotes(ctx context.Context, tx store.Tx, d news.Document) error {
	quotes, err := tx.DocumentQuotes(ctx, d.ID)
	if err != nil || len(quotes) == 0 {
		return err
	}
	ids, err := tx.DocumentEntityIDs(ctx, d.ID)
	if err != nil {
		return err
	}
	if err := linkStatements(ctx, tx, d, quotes, ids); err != nil {
		return quoteError(d, err)
	}
	return nil
}

// quoteError names the document in an error of statement linking.
func quoteError(d news.Document, err error) error {
	return fmt.Errorf("align quotes of %s: %w", d.ID, err)
}
