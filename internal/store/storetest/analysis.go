package storetest

import (
	"errors"
	"reflect"
	"testing"

	"github.com/parallax-news/parallax/internal/news"
	"github.com/parallax-news/parallax/internal/store"
)

func sampleAnalysis(version int) news.Analysis {
	return news.Analysis{
		Version:    version,
		Paragraphs: []news.Span{{Start: 0, End: 40}, {Start: 42, End: 90}},
		Sentences:  []news.Span{{Start: 0, End: 20}, {Start: 21, End: 40}, {Start: 42, End: 90}},
		Tokens:     []news.Span{{Start: 0, End: 5}, {Start: 6, End: 12}, {Start: 12, End: 13}, {Start: 14, End: 20}, {Start: 21, End: 40}, {Start: 42, End: 60}, {Start: 61, End: 90}},
		Mentions: []news.Mention{
			{Start: 6, End: 12, Type: news.TypePerson, Kind: news.KindName, Title: news.Span{Start: 0, End: 5}, Entity: 0},
			{Start: 42, End: 60, Type: news.TypeLocation, Kind: news.KindName, Entity: 1},
			{Start: 61, End: 90, Type: news.TypePerson, Kind: news.KindDescriptor, Entity: 0},
		},
		Times: []news.Time{
			{Start: 21, End: 30, Type: news.TimeDate, Expr: "2022-05-08"},
			{Start: 31, End: 40, Type: news.TimeDuration, Expr: "P11Y"},
		},
	}
}

func testAnalysis(t *testing.T, open Opener) {
	s := mustOpen(t, open)
	ctx := t.Context()
	mustInsert(t, s, newDoc("stored"))

	t.Run("none yet", func(t *testing.T) {
		a, err := s.Analysis(ctx, "stored")
		if err != nil || a.Version != 0 || a.Mentions != nil {
			t.Errorf("Analysis of an unanalysed document = %+v, %v; want zero, nil", a, err)
		}
		if _, err := s.Analysis(ctx, "missing"); !errors.Is(err, store.ErrNotFound) {
			t.Errorf("Analysis(missing) = %v, want ErrNotFound", err)
		}
	})
	t.Run("round trip in the inserting transaction", func(t *testing.T) {
		want := sampleAnalysis(1)
		mustUpdate(t, s, func(tx store.Tx) error {
			if err := tx.InsertDocument(ctx, newDoc("fresh")); err != nil {
				return err
			}
			if err := tx.PutSketch(ctx, "fresh", []uint32{1}, []uint64{5}); err != nil {
				return err
			}
			return tx.PutAnalysis(ctx, "fresh", want)
		})
		got, err := s.Analysis(ctx, "fresh")
		if err != nil || !reflect.DeepEqual(got, want) {
			t.Errorf("Analysis = %+v, %v\nwant %+v", got, err, want)
		}
	})
	t.Run("replace", func(t *testing.T) {
		mustUpdate(t, s, func(tx store.Tx) error { return tx.PutAnalysis(ctx, "stored", sampleAnalysis(1)) })
		want := sampleAnalysis(2)
		want.Mentions = want.Mentions[1:2]
		mustUpdate(t, s, func(tx store.Tx) error {
			if err := tx.PutAnalysis(ctx, "stored", sampleAnalysis(3)); err != nil {
				return err
			}
			return tx.PutAnalysis(ctx, "stored", want) // twice in one transaction
		})
		got, err := s.Analysis(ctx, "stored")
		if err != nil || !reflect.DeepEqual(got, want) {
			t.Errorf("Analysis after replacing = %+v, %v\nwant %+v", got, err, want)
		}
	})
	t.Run("empty analysis", func(t *testing.T) {
		mustInsert(t, s, newDoc("empty"))
		mustUpdate(t, s, func(tx store.Tx) error { return tx.PutAnalysis(ctx, "empty", news.Analysis{Version: 1}) })
		got, err := s.Analysis(ctx, "empty")
		if err != nil || got.Version != 1 || len(got.Tokens) != 0 || len(got.Mentions) != 0 {
			t.Errorf("empty Analysis = %+v, %v", got, err)
		}
	})
	t.Run("missing document", func(t *testing.T) {
		err := s.Update(ctx, func(tx store.Tx) error { return tx.PutAnalysis(ctx, "missing", sampleAnalysis(1)) })
		if !errors.Is(err, store.ErrNotFound) {
			t.Errorf("PutAnalysis(missing) = %v, want ErrNotFound", err)
		}
	})
	t.Run("unanalyzed", func(t *testing.T) {
		mustInsert(t, s, newDoc("later"))
		// stored: version 2; fresh: 1; empty: 1; later: none.
		ids := func(docs []news.Document) []string {
			var out []string
			for _, d := range docs {
				out = append(out, d.ID)
			}
			return out
		}
		got, err := s.Unanalyzed(ctx, 2, 0, 10)
		if err != nil || !reflect.DeepEqual(ids(got), []string{"fresh", "empty", "later"}) {
			t.Errorf("Unanalyzed(2) = %v, %v", ids(got), err)
		}
		got, _ = s.Unanalyzed(ctx, 1, 0, 10)
		if !reflect.DeepEqual(ids(got), []string{"later"}) {
			t.Errorf("Unanalyzed(1) = %v", ids(got))
		}
		got, _ = s.Unanalyzed(ctx, 2, got[0].Seq, 10)
		if len(got) != 0 {
			t.Errorf("Unanalyzed after the last = %v", ids(got))
		}
		got, _ = s.Unanalyzed(ctx, 2, 0, 1)
		if len(got) != 1 {
			t.Errorf("Unanalyzed limit 1 = %v", ids(got))
		}
	})
	t.Run("stats", func(t *testing.T) {
		st := mustStats(t, s)
		if st.Analyzed != 3 || st.Mentions != 4 {
			t.Errorf("Stats = %+v, want 3 analysed, 4 mentions", st)
		}
	})
}
