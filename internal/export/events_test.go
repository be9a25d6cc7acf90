package export_test

import (
	"testing"

	"github.com/parallax-news/parallax/internal/export"
	"github.com/parallax-news/parallax/internal/news"
	"github.com/parallax-news/parallax/internal/store"
)

func TestEventConflicts(t *testing.T) {
	e := store.Event{ID: "V7", Type: "visit", Title: "Assad visits Tehran"}
	reports := []store.EventReport{
		{Event: "V7", Document: "a", Main: true, Date: "2019-02-25", DateFrom: "2019-02-25", DateTo: "2019-02-25", DateSpan: news.Span{Start: 1, End: 5}, DateExplicit: true},
		{Event: "V7", Document: "b", Date: "2019-02", DateFrom: "2019-02-01", DateTo: "2019-02-28", DateSpan: news.Span{Start: 2, End: 6}, DateExplicit: true},
	}
	facts := []store.EventFact{
		{Event: "V7", Document: "a", Kind: "killed", Value: 40, Main: true},
		{Event: "V7", Document: "b", Kind: "killed", Value: 40},
		{Event: "V7", Document: "a", Kind: "ordinal", Value: 1, Main: true},
		{Event: "V7", Document: "b", Kind: "ordinal", Value: 2},
	}
	ev := export.NewEvent(e, reports, facts)
	if ev.Agreed == nil || !*ev.Agreed {
		t.Errorf("2019-02 and 2019-02-25 should agree: %+v", ev.Agreed)
	}
	if ev.Date.Value == nil || *ev.Date.Value != "2019-02-25" || *ev.Date.Earliest != "2019-02-01" || *ev.Date.Latest != "2019-02-28" {
		t.Errorf("date = %+v", ev.Date)
	}
	cs := export.EventConflicts(ev)
	if len(cs) != 1 || cs[0].Kind != "ordinal" || len(cs[0].Claims) != 2 {
		t.Fatalf("conflicts = %+v, want one about the ordinal", cs)
	}

	// A date two months off, written out, is a conflict.
	reports = append(reports, store.EventReport{Event: "V7", Document: "c", Main: true, Date: "2018-12-18", DateFrom: "2018-12-18", DateTo: "2018-12-18", DateExplicit: true})
	ev = export.NewEvent(e, reports, nil)
	cs = export.EventConflicts(ev)
	if ev.Agreed == nil || *ev.Agreed || len(cs) != 1 || cs[0].Kind != "date" || cs[0].Claims[0].Value != "2018-12-18" {
		t.Errorf("conflicts = %+v, agreed %v; want the date, earliest claim first", cs, ev.Agreed)
	}

	// Days of a two-day event agree; a date worked out from a weekday
	// is no side of a conflict.
	two := []store.EventReport{
		{Event: "V8", Document: "a", Main: true, Date: "2025-10-14", DateFrom: "2025-10-14", DateTo: "2025-10-14", DateExplicit: true},
		{Event: "V8", Document: "b", Main: true, Date: "2025-10-15", DateFrom: "2025-10-15", DateTo: "2025-10-15", DateExplicit: true},
		{Event: "V8", Document: "c", Main: true, Date: "2025-10-08", DateFrom: "2025-10-08", DateTo: "2025-10-08"},
	}
	if cs := export.EventConflicts(export.NewEvent(store.Event{ID: "V8"}, two, nil)); len(cs) != 0 {
		t.Errorf("conflicts of a two-day event with a weekday worked out = %+v, want none", cs)
	}
}

func TestStories(t *testing.T) {
	evs := []export.Event{
		{ID: "V1", Documents: []string{"d1"}},
		{ID: "V2", Documents: []string{"d2", "d3"}, Mentions: []string{}},
		{ID: "V5", Documents: []string{"d5"}, Mentions: []string{"d3"}}, // d3 (of V2) recalls V5
		{ID: "V9", Documents: []string{"d9"}},
	}
	docEvent := map[string]string{"d1": "V1", "d2": "V2", "d3": "V2", "d5": "V5", "d9": "V9"}
	got := export.Stories(evs, docEvent)
	if got["V2"] != "ST2" || got["V5"] != "ST2" || got["V1"] != "ST1" || got["V9"] != "ST9" {
		t.Errorf("Stories = %v", got)
	}
}
