package storetest

import (
	"errors"
	"reflect"
	"strings"
	"testing"

	"github.com/parallax-news/parallax/internal/news"
	"github.com/parallax-news/parallax/internal/store"
)

func testQuotes(t *testing.T, open Opener) {
	s := mustOpen(t, open)
	ctx := t.Context()
	text := `Assad said: "The bond is vital for both countries." He added that the war was over.`
	a := &news.Document{ID: "qa", Origin: "storetest/qa", Text: text, Published: "2022-05-08", Source: "Wire A"}
	b := &news.Document{ID: "qb", Origin: "storetest/qb", Text: `"This relationship is vital for both countries," Assad said.`, Published: "2022-05-09T08:00:00Z", Source: "Wire B"}
	c := &news.Document{ID: "qc", Origin: "storetest/qc", Text: `"Old words," Assad said.`, Published: "2019-02-26"}
	mustInsert(t, s, a, b, c)
	quote := func(text, words, speaker string, kind string) news.Quote {
		i := strings.Index(text, words)
		q := news.Quote{Start: i, End: i + len(words), Kind: kind, SpeakerEntity: 0}
		if j := strings.Index(text, speaker); j >= 0 {
			q.Speaker = news.Span{Start: j, End: j + len(speaker)}
		}
		if j := strings.Index(text, "said"); j >= 0 {
			q.Cue = news.Span{Start: j, End: j + 4}
		}
		return q
	}
	qa := []news.Quote{
		quote(text, "The bond is vital for both countries.", "Assad", news.QuoteDirect),
		quote(text, "the war was over", "He", news.QuoteIndirect),
	}
	qa[1].SpeakerEntity = -1
	qb := quote(b.Text, "This relationship is vital for both countries,", "Assad", news.QuoteDirect)
	qc := quote(c.Text, "Old words,", "Assad", news.QuoteDirect)

	var assad store.Entity
	var s1, s2 string
	mustUpdate(t, s, func(tx store.Tx) error {
		for _, x := range []struct {
			id string
			q  []news.Quote
		}{{"qa", qa}, {"qb", []news.Quote{qb}}, {"qc", []news.Quote{qc}}} {
			if err := tx.PutAnalysis(ctx, x.id, news.Analysis{Version: 1, Quotes: x.q}); err != nil {
				return err
			}
		}
		assad = store.Entity{Type: "PER", Name: "Assad", Names: []string{"Assad"}}
		if err := tx.PutEntity(ctx, &assad, []string{"PER:asad"}); err != nil {
			return err
		}
		var err error
		if s1, err = tx.PutStatement(ctx, assad.ID); err != nil {
			return err
		}
		if s2, err = tx.PutStatement(ctx, assad.ID); err != nil {
			return err
		}
		for _, x := range []struct {
			doc   string
			start int
			stmt  string
		}{{"qa", qa[0].Start, s1}, {"qb", qb.Start, s1}, {"qc", qc.Start, s2}} {
			if err := tx.SetQuoteStatement(ctx, x.doc, x.start, x.stmt); err != nil {
				return err
			}
		}
		if err := tx.SetQuoteStatement(ctx, "qa", 999, s1); !errors.Is(err, store.ErrNotFound) {
			t.Errorf("SetQuoteStatement(no such quote) = %v, want ErrNotFound", err)
		}
		near, err := tx.SpeakerQuotes(ctx, assad.ID, "2022-05-01", "2022-05-15\uffff", 0)
		if err != nil {
			return err
		}
		if len(near) != 2 || near[0].Statement != s1 || near[1].Statement != s1 {
			t.Errorf("SpeakerQuotes in May 2022 = %+v; want the two renderings of %s", near, s1)
		}
		all, err := tx.SpeakerQuotes(ctx, assad.ID, "", "", 0)
		if err != nil || len(all) != 3 {
			t.Errorf("SpeakerQuotes unbounded = %d quotes, %v; want 3", len(all), err)
		}
		return nil
	})

	t.Run("round trip", func(t *testing.T) {
		got, err := s.Analysis(ctx, "qa")
		if err != nil || !reflect.DeepEqual(got.Quotes, qa) {
			t.Errorf("Analysis(qa).Quotes = %+v, %v\nwant %+v", got.Quotes, err, qa)
		}
		m, err := s.QuoteStatements(ctx, "qa")
		if err != nil || len(m) != 1 || m[qa[0].Start] != s1 {
			t.Errorf("QuoteStatements(qa) = %v, %v", m, err)
		}
	})
	t.Run("statements", func(t *testing.T) {
		st, err := s.Statement(ctx, s1)
		if err != nil {
			t.Fatal(err)
		}
		if st.Speaker != assad.ID || st.Published != "2022-05-08" || len(st.Renderings) != 2 {
			t.Fatalf("Statement = %+v", st)
		}
		r := st.Renderings[0]
		if r.Document != "qa" || r.Text != "The bond is vital for both countries." || r.Source != "Wire A" || r.Speaker != "Assad" {
			t.Errorf("first rendering = %+v", r)
		}
		list, err := s.Statements(ctx, store.StatementQuery{})
		if err != nil || len(list) != 2 || list[0].ID != s1 {
			t.Errorf("Statements = %+v, %v; want %s (two renderings) first", list, err, s1)
		}
		list, err = s.Statements(ctx, store.StatementQuery{AfterID: s1})
		if err != nil || len(list) != 1 || list[0].ID != s2 {
			t.Errorf("Statements after %s = %+v, %v", s1, list, err)
		}
		if _, err := s.Statement(ctx, "S999"); !errors.Is(err, store.ErrNotFound) {
			t.Errorf("Statement(S999) = %v, want ErrNotFound", err)
		}
	})
	t.Run("a new analysis drops the quotes", func(t *testing.T) {
		mustUpdate(t, s, func(tx store.Tx) error { return tx.PutAnalysis(ctx, "qc", news.Analysis{Version: 2}) })
		if _, err := s.Statement(ctx, s2); !errors.Is(err, store.ErrNotFound) {
			t.Errorf("Statement %s after its only quote went = %v, want ErrNotFound", s2, err)
		}
		if got, err := s.Analysis(ctx, "qc"); err != nil || len(got.Quotes) != 0 {
			t.Errorf("Analysis(qc).Quotes = %+v, %v; want none", got.Quotes, err)
		}
	})
}
