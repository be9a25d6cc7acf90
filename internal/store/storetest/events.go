package storetest

import (
	"errors"
	"reflect"
	"strconv"
	"testing"

	"github.com/parallax-news/parallax/internal/news"
	"github.com/parallax-news/parallax/internal/store"
)

func testEvents(t *testing.T, open Opener) {
	s := mustOpen(t, open)
	ctx := t.Context()
	mustInsert(t, s, newDoc("a"), newDoc("b"), newDoc("c"))

	var v1, v2 store.Event
	mustUpdate(t, s, func(tx store.Tx) error {
		v1 = store.Event{Type: "visit", Title: "Assad visits Tehran", DateFrom: "2022-05-08", DateTo: "2022-05-08", Documents: 1, Data: []byte(`{"x":1}`)}
		if err := tx.PutEvent(ctx, &v1, []string{"p:assad", "t:visit:2022-05"}); err != nil {
			return err
		}
		v2 = store.Event{Type: "visit", Title: "Assad in Tehran, 2019", DateFrom: "2019-02-25", DateTo: "2019-02-25", Documents: 1, Data: []byte(`{}`)}
		if err := tx.PutEvent(ctx, &v2, []string{"p:assad"}); err != nil {
			return err
		}
		// Its own writes: the new events are candidates at once.
		got, err := tx.EventCandidates(ctx, []string{"p:assad", "nothing"})
		if err != nil {
			return err
		}
		if len(got) != 2 || got[0].ID != v1.ID || got[1].ID != v2.ID || string(got[0].Data) != `{"x":1}` {
			t.Errorf("EventCandidates = %+v, want %s and %s with their data", got, v1.ID, v2.ID)
		}
		return nil
	})
	if v1.ID == "" || v1.ID == v2.ID {
		t.Fatalf("PutEvent ids %q, %q", v1.ID, v2.ID)
	}

	t.Run("update and keys", func(t *testing.T) {
		mustUpdate(t, s, func(tx store.Tx) error {
			v1.Documents, v1.Data = 2, []byte(`{"x":2}`)
			if err := tx.PutEvent(ctx, &v1, []string{"l:tehran"}); err != nil {
				return err
			}
			got, err := tx.EventCandidates(ctx, []string{"l:tehran"})
			if err != nil {
				return err
			}
			if len(got) != 1 || got[0].ID != v1.ID || got[0].Documents != 2 || string(got[0].Data) != `{"x":2}` {
				t.Errorf("after update, EventCandidates(l:tehran) = %+v", got)
			}
			got, err = tx.EventCandidates(ctx, []string{"t:visit:2022-05"})
			if err != nil || len(got) != 1 || got[0].ID != v1.ID {
				t.Errorf("the old keys stay: %+v, %v", got, err)
			}
			missing := store.Event{ID: "V999", Type: "visit", Data: []byte(`{}`)}
			if err := tx.PutEvent(ctx, &missing, nil); !errors.Is(err, store.ErrNotFound) {
				t.Errorf("PutEvent(V999) = %v, want ErrNotFound", err)
			}
			return nil
		})
	})

	t.Run("terms", func(t *testing.T) {
		mustUpdate(t, s, func(tx store.Tx) error {
			if err := tx.ObserveEventTerms(ctx, []string{"n:assad", "w:visit"}); err != nil {
				return err
			}
			return tx.ObserveEventTerms(ctx, []string{"n:assad", "n:assad"})
		})
		mustUpdate(t, s, func(tx store.Tx) error {
			terms, docs, err := tx.EventTerms(ctx, []string{"n:assad", "w:visit", "w:never", "n:assad"})
			if err != nil {
				return err
			}
			if docs != 2 || terms["n:assad"] != 2 || terms["w:visit"] != 1 || len(terms) != 2 {
				t.Errorf("EventTerms = %v, %d documents", terms, docs)
			}
			// Only the terms asked for, and the count of documents
			// with none.
			terms, docs, err = tx.EventTerms(ctx, []string{"w:visit"})
			if err != nil {
				return err
			}
			if docs != 2 || len(terms) != 1 || terms["w:visit"] != 1 {
				t.Errorf("EventTerms(w:visit) = %v, %d documents", terms, docs)
			}
			terms, docs, err = tx.EventTerms(ctx, nil)
			if err != nil {
				return err
			}
			if docs != 2 || len(terms) != 0 {
				t.Errorf("EventTerms(nil) = %v, %d documents", terms, docs)
			}
			// More terms than one query reads.
			many := make([]string, 0, 1500)
			for i := range 1500 {
				many = append(many, "w:x"+strconv.Itoa(i))
			}
			if err := tx.ObserveEventTerms(ctx, many); err != nil {
				return err
			}
			terms, docs, err = tx.EventTerms(ctx, append(many, "n:assad"))
			if err != nil {
				return err
			}
			if docs != 3 || len(terms) != 1501 || terms["w:x1499"] != 1 || terms["n:assad"] != 2 {
				t.Errorf("EventTerms(1501 terms) = %d terms, %d documents", len(terms), docs)
			}
			return nil
		})
	})

	t.Run("reports", func(t *testing.T) {
		main := store.EventReport{Event: v1.ID, Document: "a", Main: true, Type: "visit", Trigger: news.Span{Start: 4, End: 8},
			Date: "2022-05-08", DateFrom: "2022-05-08", DateTo: "2022-05-08", DateSpan: news.Span{Start: 9, End: 15}, Place: "E3", Participants: []string{"E1", "E2"}}
		mention := store.EventReport{Event: v2.ID, Document: "a", Type: "visit", Trigger: news.Span{Start: 16, End: 20},
			Date: "2018-12-18", DateFrom: "2018-12-18", DateTo: "2018-12-18", DateSpan: news.Span{Start: 21, End: 25}, DateExplicit: true}
		other := store.EventReport{Event: v2.ID, Document: "b", Main: true, Type: "visit", Trigger: news.Span{Start: 1, End: 2}, Date: "2019-02-25", DateFrom: "2019-02-25", DateTo: "2019-02-25"}
		mustUpdate(t, s, func(tx store.Tx) error {
			if err := tx.PutEventReports(ctx, "a", []store.EventReport{main, mention}); err != nil {
				return err
			}
			if err := tx.PutEventReports(ctx, "b", []store.EventReport{other}); err != nil {
				return err
			}
			if err := tx.PutEventReports(ctx, "missing", nil); !errors.Is(err, store.ErrNotFound) {
				t.Errorf("PutEventReports(missing) = %v, want ErrNotFound", err)
			}
			return nil
		})
		if d, _ := s.Document(ctx, "a"); d.Event != v1.ID {
			t.Errorf("document a's event = %q, want %s", d.Event, v1.ID)
		}
		got, err := s.EventReports(ctx, v2.ID)
		if err != nil {
			t.Fatal(err)
		}
		mention.Participants = []string{}
		if len(got) != 2 || !got[0].Main || got[0].Document != "b" || !reflect.DeepEqual(got[1], mention) {
			t.Errorf("EventReports(%s) = %+v\nwant b's main report, then %+v", v2.ID, got, mention)
		}
		got, _ = s.EventReports(ctx, v1.ID)
		if len(got) != 1 || !reflect.DeepEqual(got[0], main) {
			t.Errorf("EventReports(%s) = %+v, want %+v", v1.ID, got, main)
		}
		// Replacing the analysis takes the reports and the event away.
		mustUpdate(t, s, func(tx store.Tx) error { return tx.PutAnalysis(ctx, "a", news.Analysis{Version: 1}) })
		mustUpdate(t, s, func(tx store.Tx) error { return tx.PutAnalysis(ctx, "a", news.Analysis{Version: 2}) })
		if d, _ := s.Document(ctx, "a"); d.Event != "" {
			t.Errorf("after a new analysis, document a's event = %q", d.Event)
		}
		if got, _ := s.EventReports(ctx, v1.ID); len(got) != 0 {
			t.Errorf("after a new analysis, the reports of a stay: %+v", got)
		}
	})

	t.Run("move reports", func(t *testing.T) {
		var v3 store.Event
		mustUpdate(t, s, func(tx store.Tx) error {
			v3 = store.Event{Type: "meeting", Title: "He had previously met in February 2019", Data: []byte(`{}`)}
			if err := tx.PutEvent(ctx, &v3, []string{"p:assad", "p:khamenei"}); err != nil {
				return err
			}
			r := store.EventReport{Event: v3.ID, Document: "c", Type: "meeting", Trigger: news.Span{Start: 3, End: 6}, Date: "2019-02", DateFrom: "2019-02-01", DateTo: "2019-02-28"}
			if err := tx.PutEventReports(ctx, "c", []store.EventReport{r}); err != nil {
				return err
			}
			f := store.EventFact{Event: v3.ID, Document: "c", Kind: "ordinal", Value: 1, Span: news.Span{Start: 7, End: 18}}
			if err := tx.PutEventFacts(ctx, "c", []store.EventFact{f, f}); err != nil {
				return err
			}
			return tx.MoveEventReports(ctx, v3.ID, v2.ID)
		})
		got, _ := s.EventReports(ctx, v2.ID)
		if len(got) != 2 || got[1].Document != "c" || got[1].Event != v2.ID || got[1].Date != "2019-02" {
			t.Errorf("after the move, EventReports(%s) = %+v", v2.ID, got)
		}
		if got, _ := s.EventReports(ctx, v3.ID); len(got) != 0 {
			t.Errorf("the moved event keeps reports: %+v", got)
		}
		facts, err := s.EventFacts(ctx, v2.ID)
		want := store.EventFact{Event: v2.ID, Document: "c", Kind: "ordinal", Value: 1, Span: news.Span{Start: 7, End: 18}}
		if err != nil || len(facts) != 1 || !reflect.DeepEqual(facts[0], want) {
			t.Errorf("after the move, EventFacts(%s) = %+v, %v; want %+v", v2.ID, facts, err, want)
		}
		// A new analysis takes a document's facts away.
		mustUpdate(t, s, func(tx store.Tx) error { return tx.PutAnalysis(ctx, "c", news.Analysis{Version: 1}) })
		if facts, _ := s.EventFacts(ctx, v2.ID); len(facts) != 0 {
			t.Errorf("after a new analysis, EventFacts(%s) = %+v", v2.ID, facts)
		}
		mustUpdate(t, s, func(tx store.Tx) error {
			got, err := tx.EventCandidates(ctx, []string{"p:khamenei"})
			if err != nil || len(got) != 1 || got[0].ID != v2.ID {
				t.Errorf("EventCandidates(p:khamenei) after the move = %+v, %v; want %s, filed under the moved event's keys", got, err, v2.ID)
			}
			return nil
		})
	})

	t.Run("the latest events of a crowded key", func(t *testing.T) {
		var ids []string
		mustUpdate(t, s, func(tx store.Tx) error {
			for range store.MaxEventsPerKey + 5 {
				e := store.Event{Type: "meeting", Title: "crowded", Data: []byte(`{}`)}
				if err := tx.PutEvent(ctx, &e, []string{"w:crowded"}); err != nil {
					return err
				}
				ids = append(ids, e.ID)
			}
			got, err := tx.EventCandidates(ctx, []string{"w:crowded", "p:assad"})
			if err != nil {
				return err
			}
			var crowded []string
			for _, e := range got {
				if e.Title == "crowded" {
					crowded = append(crowded, e.ID)
				}
			}
			if len(crowded) != store.MaxEventsPerKey || crowded[0] != ids[5] || crowded[len(crowded)-1] != ids[len(ids)-1] {
				t.Errorf("EventCandidates(w:crowded) = %v, want the latest %d of %v", crowded, store.MaxEventsPerKey, ids)
			}
			if len(got) != len(crowded)+2 {
				t.Errorf("the other key's events are lost: %d candidates", len(got))
			}
			// More keys than one query reads: the same events, each
			// once, in id order.
			many := []string{"w:crowded", "p:assad"}
			for i := range 150 {
				many = append(many, "w:none"+strconv.Itoa(i))
			}
			many = append(many, "w:crowded", "l:tehran")
			again, err := tx.EventCandidates(ctx, many)
			if err != nil {
				return err
			}
			if !reflect.DeepEqual(again, got) {
				t.Errorf("EventCandidates(%d keys) = %d events, want the %d of its two keys", len(many), len(again), len(got))
			}
			return nil
		})
	})

	t.Run("list", func(t *testing.T) {
		evs, err := s.Events(ctx, store.EventQuery{})
		if err != nil || len(evs) != 2 || evs[0].ID != v1.ID || evs[0].Title != "Assad visits Tehran" || evs[0].DateFrom != "2022-05-08" {
			t.Errorf("Events = %+v, %v", evs, err)
		}
		evs, err = s.Events(ctx, store.EventQuery{AfterID: v1.ID, Limit: 5})
		if err != nil || len(evs) != 1 || evs[0].ID != v2.ID {
			t.Errorf("Events after %s = %+v, %v", v1.ID, evs, err)
		}
		e, err := s.Event(ctx, v2.ID)
		if err != nil || e.Title != "Assad in Tehran, 2019" || e.Documents != 1 {
			t.Errorf("Event(%s) = %+v, %v", v2.ID, e, err)
		}
		if _, err := s.Event(ctx, "V999"); !errors.Is(err, store.ErrNotFound) {
			t.Errorf("Event(V999) = %v, want ErrNotFound", err)
		}
	})

	t.Run("merge events", func(t *testing.T) {
		// (After "list": these events are listed.) Two events found to be one: the later moves into the earlier,
		// with its main reports, their documents, entities and keys.
		var into, from store.Event
		mustUpdate(t, s, func(tx store.Tx) error {
			into = store.Event{Type: "fire", Title: "Mill burns", Data: []byte(`{}`), Documents: 1}
			if err := tx.PutEvent(ctx, &into, []string{"w:mill"}); err != nil {
				return err
			}
			from = store.Event{Type: "fire", Title: "Mill destroyed", Data: []byte(`{}`), Documents: 1}
			if err := tx.PutEvent(ctx, &from, []string{"w:mill", "l:brackenford"}); err != nil {
				return err
			}
			r := store.EventReport{Event: from.ID, Document: "c", Main: true, Type: "fire", Trigger: news.Span{Start: 1, End: 5}, Place: "E9", Participants: []string{"E8"}}
			if err := tx.PutEventReports(ctx, "c", []store.EventReport{r}); err != nil {
				return err
			}
			return tx.MoveEventReports(ctx, from.ID, into.ID)
		})
		if d, _ := s.Document(ctx, "c"); d.Event != into.ID {
			t.Errorf("after the merge, document c's event = %q, want %s", d.Event, into.ID)
		}
		if got, _ := s.EventReports(ctx, into.ID); len(got) != 1 || got[0].Document != "c" || !got[0].Main {
			t.Errorf("after the merge, EventReports(%s) = %+v", into.ID, got)
		}
		for _, ent := range []string{"E8", "E9"} {
			evs, err := s.Events(ctx, store.EventQuery{Entity: ent})
			if err != nil || len(evs) != 1 || evs[0].ID != into.ID {
				t.Errorf("Events(entity %s) after the merge = %+v, %v; want %s", ent, evs, err, into.ID)
			}
		}
		mustUpdate(t, s, func(tx store.Tx) error {
			got, err := tx.EventCandidates(ctx, []string{"l:brackenford", "w:mill"})
			if err != nil || len(got) != 1 || got[0].ID != into.ID {
				t.Errorf("EventCandidates after the merge = %+v, %v; want %s alone, under the keys of both", got, err, into.ID)
			}
			return nil
		})
	})
}
