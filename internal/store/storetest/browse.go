package storetest

import (
	"errors"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/parallax-news/parallax/internal/news"
	"github.com/parallax-news/parallax/internal/store"
)

// testBrowse checks the reads the API and the pages browse with: quotes,
// events with filters, the events of a document, conflict candidates,
// co-occurring entities, search filters and the counts.
func testBrowse(t *testing.T, open Opener) {
	s := mustOpen(t, open)
	ctx := t.Context()
	textA := `Kostava said: "The river is shared." Oren told reporters the deal was signed on 15 October 2025.`
	a := &news.Document{ID: "ba", Origin: "storetest/ba", Title: "River deal signed", Text: textA, Published: "2025-10-15T09:00:00Z", Source: "Wire A"}
	b := &news.Document{ID: "bb", Origin: "storetest/bb", Title: "Deal signed on the river", Text: `"The river is shared," Kostava said. The deal was signed on 25 October 2025.`, Published: "2025-10-26", Source: "Wire B"}
	c := &news.Document{ID: "bc", Origin: "storetest/bc", Title: "Farmers protest", Text: "Farmers protested the river deal in Marosh.", Published: "2025-10-21", Source: "Wire A"}
	d := &news.Document{ID: "bd", Origin: "storetest/bd", Title: "Undated river note", Text: "A river note without a date."}
	mustInsert(t, s, a, b, c, d)

	span := func(text, words string) news.Span {
		i := strings.Index(text, words)
		if i < 0 {
			t.Fatalf("%q not in %q", words, text)
		}
		return news.Span{Start: i, End: i + len(words)}
	}
	qa0 := news.Quote{Kind: news.QuoteDirect, SpeakerEntity: 0, Speaker: span(textA, "Kostava"), Cue: span(textA, "said")}
	sp := span(textA, "The river is shared.")
	qa0.Start, qa0.End = sp.Start, sp.End
	qa1 := news.Quote{Kind: news.QuoteIndirect, SpeakerEntity: 1, Speaker: span(textA, "Oren"), Cue: span(textA, "told"),
		Addressee: span(textA, "reporters")}
	sp = span(textA, "the deal was signed on 15 October 2025")
	qa1.Start, qa1.End = sp.Start, sp.End
	qb0 := news.Quote{Kind: news.QuoteDirect, SpeakerEntity: 0, Speaker: span(b.Text, "Kostava")}
	sp = span(b.Text, "The river is shared,")
	qb0.Start, qb0.End = sp.Start, sp.End

	var kostava, oren, marosh store.Entity
	var stmt string
	var v1, v2, v3 store.Event
	mustUpdate(t, s, func(tx store.Tx) error {
		for _, x := range []struct {
			id string
			q  []news.Quote
		}{{"ba", []news.Quote{qa0, qa1}}, {"bb", []news.Quote{qb0}}, {"bc", nil}} {
			if err := tx.PutAnalysis(ctx, x.id, news.Analysis{Version: 1, Quotes: x.q}); err != nil {
				return err
			}
		}
		kostava = store.Entity{Type: news.TypePerson, Name: "Irena Kostava", Names: []string{"Kostava"}}
		oren = store.Entity{Type: news.TypePerson, Name: "Daniel Oren", Names: []string{"Oren"}}
		marosh = store.Entity{Type: news.TypeLocation, Name: "Marosh", Names: []string{"Marosh"}}
		for _, e := range []*store.Entity{&kostava, &oren, &marosh} {
			if err := tx.PutEntity(ctx, e, []string{"k:" + e.Name}); err != nil {
				return err
			}
		}
		link := func(local int, e store.Entity) store.EntityLink {
			return store.EntityLink{Local: local, Entity: e.ID, Mentions: 1, Names: []store.NameCount{{Name: e.Name, Count: 1}}}
		}
		for doc, links := range map[string][]store.EntityLink{
			"ba": {link(0, kostava), link(1, oren)},
			"bb": {link(0, kostava), link(2, marosh)},
			"bc": {link(0, marosh)},
		} {
			if err := tx.PutEntityLinks(ctx, doc, links); err != nil {
				return err
			}
		}
		var err error
		if stmt, err = tx.PutStatement(ctx, kostava.ID); err != nil {
			return err
		}
		for _, x := range []struct {
			doc   string
			start int
		}{{"ba", qa0.Start}, {"bb", qb0.Start}} {
			if err := tx.SetQuoteStatement(ctx, x.doc, x.start, stmt); err != nil {
				return err
			}
		}
		v1 = store.Event{Type: "agreement", Title: "River deal signed", DateFrom: "2025-10-15", DateTo: "2025-10-25", Documents: 2, Data: []byte(`{}`)}
		v2 = store.Event{Type: "action", Title: "Farmers protest", DateFrom: "2025-10-21", DateTo: "2025-10-21", Documents: 1, Data: []byte(`{}`)}
		v3 = store.Event{Type: "meeting", Title: "Undated talks", Documents: 3, Data: []byte(`{}`)}
		for _, e := range []*store.Event{&v1, &v2, &v3} {
			if err := tx.PutEvent(ctx, e, nil); err != nil {
				return err
			}
		}
		day := func(doc, date string, main bool, place string, parts ...string) store.EventReport {
			return store.EventReport{Event: v1.ID, Document: doc, Main: main, Type: "agreement", Trigger: news.Span{Start: 1, End: 2},
				Date: date, DateFrom: date, DateTo: date, DateSpan: news.Span{Start: 3, End: 4}, DateExplicit: true, Place: place, Participants: parts}
		}
		recall := store.EventReport{Event: v1.ID, Document: "bc", Type: "agreement", Trigger: news.Span{Start: 5, End: 9}}
		protest := store.EventReport{Event: v2.ID, Document: "bc", Main: true, Type: "action", Trigger: news.Span{Start: 8, End: 17},
			Place: marosh.ID}
		talks := store.EventReport{Event: v3.ID, Document: "bd", Main: true, Type: "meeting", Trigger: news.Span{Start: 1, End: 2}}
		for doc, rs := range map[string][]store.EventReport{
			"ba": {day("ba", "2025-10-15", true, "", kostava.ID, oren.ID)},
			"bb": {day("bb", "2025-10-25", true, marosh.ID, kostava.ID)},
			"bc": {protest, recall},
			"bd": {talks},
		} {
			if err := tx.PutEventReports(ctx, doc, rs); err != nil {
				return err
			}
		}
		fact := func(doc string, v int) store.EventFact {
			return store.EventFact{Event: v2.ID, Document: doc, Kind: "arrested", Value: v, Span: news.Span{Start: 1, End: 2}, Main: true}
		}
		if err := tx.PutEventFacts(ctx, "bc", []store.EventFact{fact("bc", 3)}); err != nil {
			return err
		}
		return tx.PutEventFacts(ctx, "ba", []store.EventFact{fact("ba", 3)})
	})

	t.Run("quotes", func(t *testing.T) {
		all, err := s.Quotes(ctx, store.QuoteQuery{})
		if err != nil || len(all) != 3 {
			t.Fatalf("Quotes = %+v, %v; want 3", all, err)
		}
		q := all[0]
		if q.Document != "ba" || q.Quote != qa0 || q.Speaker != kostava.ID || q.Statement != stmt || q.Text != "The river is shared." ||
			q.SpeakerText != "Kostava" || q.CueText != "said" || q.Source != "Wire A" || q.Title != "River deal signed" || q.Published != a.Published {
			t.Errorf("first quote = %+v", q)
		}
		if q := all[1]; q.Speaker != oren.ID || q.AddresseeText != "reporters" || q.Statement != "" {
			t.Errorf("second quote = %+v", q)
		}
		for _, tc := range []struct {
			name string
			q    store.QuoteQuery
			want []string // document@start
		}{
			{"speaker", store.QuoteQuery{Speaker: kostava.ID}, []string{"ba@0", "bb@0"}},
			{"document", store.QuoteQuery{Document: "bb"}, []string{"bb@0"}},
			{"statement", store.QuoteQuery{Statement: stmt}, []string{"ba@0", "bb@0"}},
			{"page", store.QuoteQuery{Limit: 1, Offset: 1}, []string{"ba@1"}},
			{"no such speaker", store.QuoteQuery{Speaker: "E999"}, nil},
			{"not an entity", store.QuoteQuery{Speaker: "x"}, nil},
			{"not a statement", store.QuoteQuery{Statement: "x"}, nil},
		} {
			got, err := s.Quotes(ctx, tc.q)
			if err != nil {
				t.Errorf("%s: %v", tc.name, err)
				continue
			}
			var ids []string
			for _, q := range got {
				n := 0
				for i, x := range all {
					if x.Document == q.Document && x.Quote.Start == q.Quote.Start {
						n = i
					}
				}
				ids = append(ids, q.Document+"@"+[]string{"0", "1", "0"}[n])
			}
			if !slices.Equal(ids, tc.want) {
				t.Errorf("Quotes(%s) = %v, want %v", tc.name, ids, tc.want)
			}
		}
		one, err := s.Quote(ctx, "bb", qb0.Start)
		if err != nil || one.Quote != qb0 || one.Speaker != kostava.ID {
			t.Errorf("Quote(bb, %d) = %+v, %v", qb0.Start, one, err)
		}
		if _, err := s.Quote(ctx, "bb", qb0.Start+1); !errors.Is(err, store.ErrNotFound) {
			t.Errorf("Quote(no such start) = %v, want ErrNotFound", err)
		}
	})

	t.Run("events", func(t *testing.T) {
		ids := func(q store.EventQuery) []string {
			t.Helper()
			evs, err := s.Events(ctx, q)
			if err != nil {
				t.Fatalf("Events(%+v): %v", q, err)
			}
			var out []string
			for _, e := range evs {
				out = append(out, e.ID)
			}
			return out
		}
		for _, tc := range []struct {
			name string
			q    store.EventQuery
			want []string
		}{
			{"all", store.EventQuery{}, []string{v1.ID, v2.ID, v3.ID}},
			{"participant", store.EventQuery{Entity: oren.ID}, []string{v1.ID}},
			{"place", store.EventQuery{Entity: marosh.ID}, []string{v1.ID, v2.ID}},
			{"no such entity", store.EventQuery{Entity: "E999"}, nil},
			{"source", store.EventQuery{Source: "Wire A"}, []string{v1.ID, v2.ID}},
			{"type", store.EventQuery{Type: "action"}, []string{v2.ID}},
			{"from", store.EventQuery{From: "2025-10-22"}, []string{v1.ID}},
			{"to", store.EventQuery{To: "2025-10-20"}, []string{v1.ID}},
			{"month", store.EventQuery{From: "2025-10", To: "2025-10"}, []string{v1.ID, v2.ID}},
			{"by date", store.EventQuery{ByDate: true}, []string{v1.ID, v2.ID}},
			{"by date, paged", store.EventQuery{ByDate: true, Limit: 1, Offset: 1}, []string{v2.ID}},
			{"ids", store.EventQuery{IDs: []string{v3.ID, v1.ID, "x"}}, []string{v1.ID, v3.ID}},
			{"most reported", store.EventQuery{ByDocuments: true}, []string{v3.ID, v1.ID, v2.ID}},
			{"most reported, paged", store.EventQuery{ByDocuments: true, Limit: 1, Offset: 1}, []string{v1.ID}},
		} {
			if got := ids(tc.q); !slices.Equal(got, tc.want) {
				t.Errorf("Events(%s) = %v, want %v", tc.name, got, tc.want)
			}
		}
		if _, err := s.Events(ctx, store.EventQuery{From: "15 October"}); !errors.Is(err, store.ErrBadDate) {
			t.Errorf("Events(bad date) = %v, want ErrBadDate", err)
		}
		// Moving reports carries the entities along.
		mustUpdate(t, s, func(tx store.Tx) error { return tx.MoveEventReports(ctx, v2.ID, v1.ID) })
		if got := ids(store.EventQuery{Entity: marosh.ID}); !slices.Equal(got, []string{v1.ID}) {
			t.Errorf("after the move, Events(place) = %v", got)
		}
		mustUpdate(t, s, func(tx store.Tx) error { return tx.MoveEventReports(ctx, v1.ID, v2.ID) })
	})

	t.Run("document events", func(t *testing.T) {
		got, err := s.DocumentEvents(ctx, "bc")
		if err != nil || len(got) != 2 || !got[0].Main || got[0].Event != v2.ID || got[1].Main || got[1].Event != v2.ID && got[1].Event != v1.ID {
			t.Errorf("DocumentEvents(bc) = %+v, %v", got, err)
		}
		if got[0].Source != "Wire A" || got[0].Place != marosh.ID {
			t.Errorf("DocumentEvents(bc)[0] = %+v", got[0])
		}
		if _, err := s.DocumentEvents(ctx, "missing"); !errors.Is(err, store.ErrNotFound) {
			t.Errorf("DocumentEvents(missing) = %v, want ErrNotFound", err)
		}
	})

	t.Run("event statements", func(t *testing.T) {
		// After the two moves, every report is v2's.
		got, err := s.EventStatements(ctx, v2.ID)
		if err != nil || len(got) != 2 || !slices.Equal(got["ba"], []string{stmt}) || !slices.Equal(got["bb"], []string{stmt}) {
			t.Errorf("EventStatements(%s) = %v, %v", v2.ID, got, err)
		}
	})

	t.Run("first reports", func(t *testing.T) {
		// v2 holds ba's and bb's reports (main) and bc's two.
		all, err := s.EventReports(ctx, v2.ID)
		if err != nil {
			t.Fatal(err)
		}
		first, err := s.FirstEventReports(ctx, v2.ID, 2)
		if err != nil || len(first) != 2 || first[0].Document != "ba" || first[1].Document != "bb" || !reflect.DeepEqual(first, all[:2]) {
			t.Errorf("FirstEventReports(%s, 2) = %+v, %v; want %+v", v2.ID, first, err, all[:2])
		}
		first, err = s.FirstEventReports(ctx, v2.ID, 100)
		if err != nil || !reflect.DeepEqual(first, all) {
			t.Errorf("FirstEventReports(%s, 100) = %+v, %v; want them all", v2.ID, first, err)
		}
		facts, err := s.FirstEventFacts(ctx, v2.ID, 1)
		if err != nil || len(facts) != 1 || facts[0].Document != "ba" {
			t.Errorf("FirstEventFacts(%s, 1) = %+v, %v", v2.ID, facts, err)
		}
	})

	t.Run("related events", func(t *testing.T) {
		// After the moves every report is v2's: c reports it and
		// recalls it, so it has no other event; v3 has none.
		for _, id := range []string{v2.ID, v3.ID, "x"} {
			if got, err := s.RelatedEvents(ctx, id); err != nil || len(got) != 0 {
				t.Errorf("RelatedEvents(%s) = %v, %v", id, got, err)
			}
		}
		mustUpdate(t, s, func(tx store.Tx) error {
			return tx.PutEventReports(ctx, "bd", []store.EventReport{
				{Event: v3.ID, Document: "bd", Main: true, Type: "meeting", Trigger: news.Span{Start: 1, End: 2}},
				{Event: v2.ID, Document: "bd", Type: "agreement", Trigger: news.Span{Start: 3, End: 4}},
			})
		})
		if got, err := s.RelatedEvents(ctx, v3.ID); err != nil || !slices.Equal(got, []string{v2.ID}) {
			t.Errorf("RelatedEvents(%s) = %v, %v; want %s, which its document recalls", v3.ID, got, err, v2.ID)
		}
		if got, err := s.RelatedEvents(ctx, v2.ID); err != nil || !slices.Equal(got, []string{v3.ID}) {
			t.Errorf("RelatedEvents(%s) = %v, %v; want %s, the event of a document that recalls it", v2.ID, got, err, v3.ID)
		}
	})

	t.Run("conflict candidates", func(t *testing.T) {
		// v2 now holds the dates 15 and 25 October, from two documents.
		got, err := s.ConflictCandidates(ctx, "", 10)
		if err != nil || !slices.Equal(got, []string{v2.ID}) {
			t.Errorf("ConflictCandidates = %v, %v; want %s", got, err, v2.ID)
		}
		got, err = s.ConflictCandidates(ctx, v2.ID, 10)
		if err != nil || len(got) != 0 {
			t.Errorf("ConflictCandidates after %s = %v, %v", v2.ID, got, err)
		}
	})

	t.Run("cooccurring", func(t *testing.T) {
		got, err := s.Cooccurring(ctx, kostava.ID, 10)
		if err != nil || len(got) != 2 || got[0].Entity.ID != oren.ID && got[0].Entity.ID != marosh.ID || got[0].Documents != 1 || got[0].Entity.Name == "" {
			t.Errorf("Cooccurring(%s) = %+v, %v", kostava.ID, got, err)
		}
		got, err = s.Cooccurring(ctx, marosh.ID, 1)
		if err != nil || len(got) != 1 || got[0].Entity.ID != kostava.ID {
			t.Errorf("Cooccurring(%s, 1) = %+v, %v", marosh.ID, got, err)
		}
	})

	t.Run("entities from their latest documents", func(t *testing.T) {
		for _, tc := range []struct {
			max, want int
		}{{0, 2}, {1, 1}, {5, 2}} {
			es, err := s.Entities(ctx, store.EntityQuery{Name: "Kostava", MaxDocuments: tc.max})
			if err != nil || len(es) != 1 || len(es[0].Aliases) != 1 || es[0].Aliases[0].Count != tc.want || es[0].Documents != 2 {
				t.Errorf("Entities(MaxDocuments %d) = %+v, %v; want the alias counted %d times", tc.max, es, err, tc.want)
			}
		}
	})

	t.Run("search filters", func(t *testing.T) {
		for _, tc := range []struct {
			name string
			q    store.SearchQuery
			want []string
		}{
			{"text", store.SearchQuery{Text: "river"}, []string{"ba", "bb", "bc", "bd"}},
			{"source", store.SearchQuery{Text: "river", Source: "Wire A"}, []string{"ba", "bc"}},
			{"entity", store.SearchQuery{Text: "river", Entity: marosh.ID}, []string{"bb", "bc"}},
			{"from", store.SearchQuery{Text: "river", From: "2025-10-21"}, []string{"bb", "bc"}},
			{"to", store.SearchQuery{Text: "river", To: "2025-10-21"}, []string{"ba", "bc"}},
			{"month", store.SearchQuery{Text: "river", From: "2025-10", To: "2025-10"}, []string{"ba", "bb", "bc"}},
			{"filters only, newest first", store.SearchQuery{Source: "Wire A"}, []string{"bc", "ba"}},
			{"entity only", store.SearchQuery{Entity: kostava.ID}, []string{"bb", "ba"}},
			{"nothing", store.SearchQuery{}, nil},
		} {
			hits, err := s.Search(ctx, tc.q)
			if err != nil {
				t.Errorf("Search(%s): %v", tc.name, err)
				continue
			}
			var got []string
			for _, h := range hits {
				got = append(got, h.Document.ID)
			}
			if tc.q.Text != "" {
				slices.Sort(got)
			}
			if !slices.Equal(got, tc.want) {
				t.Errorf("Search(%s) = %v, want %v", tc.name, got, tc.want)
			}
			for _, h := range hits {
				if h.Snippet == "" {
					t.Errorf("Search(%s): no snippet for %s", tc.name, h.Document.ID)
				}
			}
		}
		if _, err := s.Search(ctx, store.SearchQuery{Text: "river", To: "soon"}); !errors.Is(err, store.ErrBadDate) {
			t.Errorf("Search(bad date) = %v, want ErrBadDate", err)
		}
	})

	t.Run("stats", func(t *testing.T) {
		st, err := s.Stats(ctx)
		if err != nil || st.Quotes != 3 || st.Statements != 1 || st.Events != 3 {
			t.Errorf("Stats = %+v, %v; want 3 quotes, 1 statement, 3 events", st, err)
		}
	})
}
