package reconcile

import (
	"encoding/json"
	"path/filepath"
	"testing"

	"github.com/parallax-news/parallax/internal/events"
	"github.com/parallax-news/parallax/internal/news"
	"github.com/parallax-news/parallax/internal/store"
	"github.com/parallax-news/parallax/internal/store/sqlite"
)

// TestJoinEventMerges files two reports of one fire as two events (as
// a stream of news can, before a third report shows they are one), then
// links a third report: it joins one of them, the two now fit each other
// (events.ShouldMerge) and the later moves into the earlier, with its
// report, its document and its keys; the emptied event is no longer
// listed nor a candidate.
func TestJoinEventMerges(t *testing.T) {
	ctx := t.Context()
	st, err := sqlite.Open(ctx, filepath.Join(t.TempDir(), "events.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	sig := func(doc string, words ...string) events.Signature {
		s := events.Signature{Doc: doc, Type: events.TypeDisaster, Place: "brackenford",
			Names:  map[string]float64{"marlow mill": 1, "brackenford": 1, "dana whitcombe": 1},
			Words:  map[string]float64{"fire": 2, "mill": 2, "destroyed": 1},
			People: map[string]float64{"dana whitcombe": 1}, Locations: map[string]float64{"brackenford": 1}}
		for _, w := range words {
			s.Words[w] = 1
		}
		return s
	}
	first, second, third := sig("d1", "historic"), sig("d2", "gutted"), sig("d3", "gutted", "blaze")
	terms := NewEventTerms()
	var x, y store.Event
	link := func(tx store.Tx, s events.Signature) error {
		if err := tx.InsertDocument(ctx, &news.Document{ID: s.Doc, Text: "A fire destroyed the Marlow Mill in Brackenford."}); err != nil {
			return err
		}
		if err := terms.need(ctx, tx, terms.signatureTerms(nil, s)); err != nil {
			return err
		}
		tv := events.Terms(s)
		terms.Observe(tv)
		return tx.ObserveEventTerms(ctx, tv)
	}
	report := func(tx store.Tx, doc, ev string) error {
		return tx.PutEventReports(ctx, doc, []store.EventReport{{Event: ev, Document: doc, Main: true, Type: events.TypeDisaster, Trigger: news.Span{Start: 7, End: 16}, Place: "E1"}})
	}
	err = st.Update(ctx, func(tx store.Tx) error {
		// Two events of one fire, each with its report; the third report
		// is nearer the second, the later event, which then moves.
		for _, e := range []struct {
			ev  *store.Event
			sig events.Signature
		}{{&x, first}, {&y, second}} {
			if err := link(tx, e.sig); err != nil {
				return err
			}
			keys := events.Keys(e.sig, terms)
			if err := putState(ctx, tx, e.ev, eventState{}.with(e.sig, keys, "Mill fire "+e.sig.Doc), 1, terms); err != nil {
				return err
			}
			if err := report(tx, e.sig.Doc, e.ev.ID); err != nil {
				return err
			}
		}
		if err := link(tx, third); err != nil {
			return err
		}
		ev, err := joinEvent(ctx, tx, news.Document{ID: "d3", Title: "Blaze at the mill"}, third, terms)
		if err != nil {
			return err
		}
		if ev.ID != x.ID || ev.Documents != 3 {
			t.Errorf("joinEvent = %s with %d documents, want %s (the earlier) with 3", ev.ID, ev.Documents, x.ID)
		}
		if err := report(tx, "d3", ev.ID); err != nil {
			return err
		}
		// The moved event's own key now finds the surviving one.
		got, err := tx.EventCandidates(ctx, []string{"w:gutted"})
		if err != nil || len(got) != 1 || got[0].ID != x.ID {
			t.Errorf("EventCandidates(w:gutted) = %+v, %v; want %s", got, err, x.ID)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	reps, err := st.EventReports(ctx, x.ID)
	if err != nil || len(reps) != 3 {
		t.Fatalf("EventReports(%s) = %+v, %v; want the 3 reports", x.ID, reps, err)
	}
	if d, _ := st.Document(ctx, "d2"); d.Event != x.ID {
		t.Errorf("document d2's event = %q, want %s", d.Event, x.ID)
	}
	if e, err := st.Event(ctx, y.ID); err != nil || e.Documents != 0 {
		t.Errorf("Event(%s) = %+v, %v; want it emptied", y.ID, e, err)
	}
	if reps, _ := st.EventReports(ctx, y.ID); len(reps) != 0 {
		t.Errorf("the emptied event keeps reports: %+v", reps)
	}
	evs, err := st.Events(ctx, store.EventQuery{})
	if err != nil || len(evs) != 1 || evs[0].ID != x.ID {
		t.Errorf("Events = %+v, %v; want %s alone", evs, err, x.ID)
	}
	err = st.Update(ctx, func(tx store.Tx) error {
		got, err := tx.EventCandidates(ctx, []string{"w:historic", "w:gutted", "w:blaze"})
		if err != nil || len(got) != 1 {
			t.Fatalf("EventCandidates = %+v, %v; want the surviving event", got, err)
		}
		var s eventState
		if err := json.Unmarshal(got[0].Data, &s); err != nil || len(s.Cluster.Docs) != 3 || len(s.Titles) != 3 || s.Titles[0].Doc != "d1" {
			t.Errorf("the surviving event's state: %+v, %v", s, err)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}
