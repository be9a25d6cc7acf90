package server

import (
	"context"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"net/url"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/parallax-news/parallax/internal/analyze"
	"github.com/parallax-news/parallax/internal/demo"
	"github.com/parallax-news/parallax/internal/export"
	"github.com/parallax-news/parallax/internal/ingest"
	"github.com/parallax-news/parallax/internal/ner"
	"github.com/parallax-news/parallax/internal/pipeline"
	"github.com/parallax-news/parallax/internal/store"
	"github.com/parallax-news/parallax/internal/store/sqlite"
)

// demoStore returns a store holding the demo corpus, ingested and
// analysed by the real pipeline, shared by the tests of the package.
var demoStore = sync.OnceValues(func() (store.Store, error) {
	ctx := context.Background()
	dir, err := tempDir()
	if err != nil {
		return nil, err
	}
	st, err := sqlite.Open(ctx, filepath.Join(dir, "demo.db"))
	if err != nil {
		return nil, err
	}
	files, err := demo.Inputs()
	if err != nil {
		return nil, err
	}
	inputs := make([]pipeline.Input, len(files))
	for i, f := range files {
		inputs[i] = pipeline.Input{Source: f.Path, Defaults: ingest.Defaults{Published: f.Published}}
	}
	model, err := ner.Default()
	if err != nil {
		return nil, err
	}
	in := pipeline.New(st, pipeline.Options{Analyzer: analyze.New(model)})
	if _, err := in.Run(ctx, ingest.NewReader(ingest.ReaderOptions{FS: demo.FS()}), inputs); err != nil {
		return nil, err
	}
	return st, nil
})

// testServer returns a server over the demo store.
func testServer(t *testing.T) (*Server, store.Store) {
	t.Helper()
	st, err := demoStore()
	if err != nil {
		t.Fatalf("demo store: %v", err)
	}
	s, err := New(st, Options{Version: "test"})
	if err != nil {
		t.Fatal(err)
	}
	return s, st
}

// get requests path and decodes the JSON answer into v, failing t unless
// the status is want.
func get(t *testing.T, h http.Handler, path string, want int, v any) {
	t.Helper()
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, path, nil))
	if rec.Code != want {
		t.Fatalf("GET %s = %d %s, want %d", path, rec.Code, rec.Body, want)
	}
	if ct := rec.Header().Get("Content-Type"); !strings.HasPrefix(ct, "application/json") {
		t.Fatalf("GET %s: Content-Type %q", path, ct)
	}
	if v != nil {
		if err := json.Unmarshal(rec.Body.Bytes(), v); err != nil {
			t.Fatalf("GET %s: %v\n%s", path, err, rec.Body)
		}
	}
}

// page is a page of a list, with raw items.
type page struct {
	Items   []json.RawMessage `json:"items"`
	Limit   int               `json:"limit"`
	Offset  int               `json:"offset"`
	Next    *int              `json:"next"`
	NextURL *string           `json:"next_url"`
}

// all follows next_url from path and returns every item, decoded.
func all[T any](t *testing.T, h http.Handler, path string) []T {
	t.Helper()
	var out []T
	for range 1000 {
		var p struct {
			Items   []T     `json:"items"`
			NextURL *string `json:"next_url"`
		}
		get(t, h, path, http.StatusOK, &p)
		out = append(out, p.Items...)
		if p.NextURL == nil {
			return out
		}
		path = *p.NextURL
	}
	t.Fatalf("%s: no last page", path)
	return nil
}

func TestAPIListsAndObjects(t *testing.T) {
	s, _ := testServer(t)
	for _, tc := range []struct {
		list, object string
		id           func(map[string]any) string
	}{
		{"/api/documents", "/api/documents/", nil},
		{"/api/entities", "/api/entities/", nil},
		{"/api/quotes", "/api/quotes/", nil},
		{"/api/statements", "/api/statements/", nil},
		{"/api/events", "/api/events/", nil},
		{"/api/timeline", "/api/events/", nil},
		{"/api/conflicts", "/api/conflicts/", nil},
		{"/api/search?q=Seren", "/api/documents/", func(m map[string]any) string { return m["document"].(string) }},
	} {
		t.Run(tc.list, func(t *testing.T) {
			items := all[map[string]any](t, s, tc.list)
			if len(items) == 0 {
				t.Fatalf("%s: no items", tc.list)
			}
			id := tc.id
			if id == nil {
				id = func(m map[string]any) string { return m["id"].(string) }
			}
			for _, it := range items[:min(3, len(items))] {
				var obj map[string]any
				get(t, s, tc.object+url.PathEscape(id(it)), http.StatusOK, &obj)
				if tc.list == "/api/events" {
					// Only an event's own answer has them.
					for _, k := range []string{"story", "coverage", "coverage_truncated"} {
						delete(obj, k)
						delete(it, k)
					}
					if it["sampled"] != false {
						t.Errorf("a demo event is sampled: %v", it)
					}
				}
				if tc.id == nil && tc.list != "/api/timeline" && tc.list != "/api/entities" && !reflect.DeepEqual(obj, it) {
					t.Errorf("%s%s differs from its list item:\n%v\n%v", tc.object, id(it), obj, it)
				}
			}
		})
	}
}

func TestAPIPaging(t *testing.T) {
	s, _ := testServer(t)
	var first, second page
	get(t, s, "/api/documents?limit=5", http.StatusOK, &first)
	if len(first.Items) != 5 || first.Next == nil || *first.Next != 5 || first.NextURL == nil || first.Limit != 5 {
		t.Fatalf("first page: %d items, next %v, next_url %v", len(first.Items), first.Next, first.NextURL)
	}
	get(t, s, *first.NextURL, http.StatusOK, &second)
	if second.Offset != 5 || len(second.Items) != 5 || string(second.Items[0]) == string(first.Items[0]) {
		t.Errorf("second page: offset %d, %d items", second.Offset, len(second.Items))
	}
	var last page
	get(t, s, "/api/documents?limit=200", http.StatusOK, &last)
	if last.Next != nil || last.NextURL != nil {
		t.Errorf("last page has a next: %v %v", last.Next, last.NextURL)
	}
	var byPage page
	get(t, s, "/api/documents?limit=5&page=2", http.StatusOK, &byPage)
	if byPage.Offset != 5 || string(byPage.Items[0]) != string(second.Items[0]) {
		t.Errorf("page=2: offset %d", byPage.Offset)
	}
	docs := all[export.Document](t, s, "/api/documents?limit=4")
	if len(docs) != 15 {
		t.Errorf("following next_url: %d documents, want 15", len(docs))
	}
	// Conflicts page by event.
	cs := all[export.Conflict](t, s, "/api/conflicts?limit=1")
	if len(cs) == 0 {
		t.Errorf("no conflicts by pages of one")
	}
}

func TestAPIErrors(t *testing.T) {
	s, _ := testServer(t)
	for _, tc := range []struct {
		path string
		want int
	}{
		{"/api/documents?limit=0", 400},
		{"/api/documents?limit=201", 400},
		{"/api/documents?limit=x", 400},
		{"/api/documents?offset=-1", 400},
		{"/api/documents?offset=10001", 400},
		{"/api/documents?page=0", 400},
		{"/api/search", 400},
		{"/api/search?q=" + strings.Repeat("a", 501), 400},
		{"/api/search?q=x&from=yesterday", 400},
		{"/api/search?q=x&to=2025-13", 400},
		{"/api/search?q=x&to=2025-02-30", 400},
		{"/api/search?q=x&entity=Kostava", 400},
		{"/api/quotes?speaker=x", 400},
		{"/api/quotes?statement=E1", 400},
		{"/api/statements?speaker=S1", 400},
		{"/api/events?order=title", 400},
		{"/api/events?from=05/2025", 400},
		{"/api/timeline?entity=1", 400},
		{"/api/timeline?story=V1", 400},
		{"/api/timeline?story=ST99999", 404},
		{"/api/conflicts?after=C1", 400},
		{"/api/entities?type=animal", 400},
		{"/api/documents/nothing", 404},
		{"/api/documents/nothing/events", 404},
		{"/api/documents/nothing/analysis", 404},
		{"/api/entities/E99999", 404},
		{"/api/entities/Kostava", 404},
		{"/api/entities/E99999/cooccurring", 404},
		{"/api/quotes/nothing", 404},
		{"/api/quotes/nothing-q12", 404},
		{"/api/quotes/nothing-qx", 404},
		{"/api/statements/S99999", 404},
		{"/api/events/V99999", 404},
		{"/api/events/x", 404},
		{"/api/conflicts/V99999-date", 404},
		{"/api/conflicts/V1-nothing", 404},
		{"/api/conflicts/nothing", 404},
		{"/api/nothing", 404},
	} {
		var e struct {
			Error string `json:"error"`
		}
		get(t, s, tc.path, tc.want, &e)
		if e.Error == "" || strings.Contains(e.Error, "sql") || strings.Contains(e.Error, ".go") {
			t.Errorf("GET %s: error %q", tc.path, e.Error)
		}
	}
}

// TestAPIAgreesWithExport holds the API's events, conflicts and quotes to
// the export's.
func TestAPIAgreesWithExport(t *testing.T) {
	s, st := testServer(t)
	ctx := t.Context()
	want, err := export.Events(ctx, st)
	if err != nil {
		t.Fatal(err)
	}
	var wantConflicts []export.Conflict
	stories := map[string][]string{}
	for i := range want {
		wantConflicts = append(wantConflicts, export.EventConflicts(want[i])...)
		// Only an event's own answer has its story.
		var one export.Event
		get(t, s, "/api/events/"+want[i].ID, http.StatusOK, &one)
		if one.Story != want[i].Story {
			t.Errorf("/api/events/%s: story %q, the export's %q", want[i].ID, one.Story, want[i].Story)
		}
		if !reflect.DeepEqual(jsonOf(t, one.Coverage), jsonOf(t, want[i].Coverage)) {
			t.Errorf("/api/events/%s: coverage %s, the export's %s", want[i].ID, jsonOf(t, one.Coverage), jsonOf(t, want[i].Coverage))
		}
		stories[want[i].Story] = append(stories[want[i].Story], want[i].ID)
		// Lists leave stories and coverage out.
		want[i].Story, want[i].Coverage = "", []export.Coverage{}
	}
	for story, ids := range stories {
		var got []string
		for _, it := range all[timelineItem](t, s, "/api/timeline?story="+story) {
			got = append(got, it.ID)
		}
		// The timeline leaves out undated events.
		var dated []string
		for _, id := range ids {
			for _, e := range want {
				if e.ID == id && e.Date.Earliest != nil {
					dated = append(dated, id)
				}
			}
		}
		slices.Sort(got)
		slices.SortFunc(dated, compareEventIDs)
		slices.SortFunc(got, compareEventIDs)
		if !slices.Equal(got, dated) {
			t.Errorf("/api/timeline?story=%s = %v, want %v", story, got, dated)
		}
	}
	if len(stories) < 2 {
		t.Errorf("stories: %v", stories)
	}
	got := all[export.Event](t, s, "/api/events?limit=2")
	if !reflect.DeepEqual(jsonOf(t, got), jsonOf(t, want)) {
		t.Errorf("/api/events differs from the export's events:\n%s\n%s", jsonOf(t, got), jsonOf(t, want))
	}
	gotConflicts := all[export.Conflict](t, s, "/api/conflicts")
	if len(wantConflicts) == 0 || !reflect.DeepEqual(jsonOf(t, gotConflicts), jsonOf(t, wantConflicts)) {
		t.Errorf("/api/conflicts = %s\nwant %s", jsonOf(t, gotConflicts), jsonOf(t, wantConflicts))
	}
	// Quotes: as the export writes each document's.
	docs := all[export.Document](t, s, "/api/documents")
	var wantQuotes []export.Quote
	for _, d := range docs {
		doc, _ := st.Document(ctx, d.ID)
		a, _ := st.Analysis(ctx, d.ID)
		links, _ := st.EntityLinks(ctx, d.ID)
		stmts, _ := st.QuoteStatements(ctx, d.ID)
		wantQuotes = append(wantQuotes, export.DocumentQuotes(doc, a, links, stmts)...)
	}
	gotQuotes := all[export.Quote](t, s, "/api/quotes?limit=7")
	if len(wantQuotes) == 0 || !reflect.DeepEqual(jsonOf(t, gotQuotes), jsonOf(t, wantQuotes)) {
		t.Errorf("/api/quotes differs from the export's quotes: %d and %d", len(gotQuotes), len(wantQuotes))
	}
}

func jsonOf(t *testing.T, v any) string {
	t.Helper()
	b, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

func TestAPIFilters(t *testing.T) {
	s, _ := testServer(t)
	var ents page
	get(t, s, "/api/entities?q=Kostava&type=person", http.StatusOK, &ents)
	if len(ents.Items) != 1 {
		t.Fatalf("Kostava: %d entities", len(ents.Items))
	}
	var kostava export.Entity
	json.Unmarshal(ents.Items[0], &kostava)

	t.Run("search", func(t *testing.T) {
		all := func(path string) []apiHit { return all[apiHit](t, s, path) }
		hits := all("/api/search?q=Seren")
		if len(hits) < 5 {
			t.Fatalf("Seren: %d hits", len(hits))
		}
		vsna := all("/api/search?q=Seren&source=" + url.QueryEscape("Valdoria State News Agency (VSNA)"))
		if len(vsna) == 0 || len(vsna) >= len(hits) {
			t.Errorf("Seren from VSNA: %d of %d hits", len(vsna), len(hits))
		}
		for _, h := range vsna {
			if h.Source == nil || *h.Source != "Valdoria State News Agency (VSNA)" {
				t.Errorf("hit of another outlet: %+v", h)
			}
		}
		october := all("/api/search?q=Seren&from=2025-10-15&to=2025-10-16")
		for _, h := range october {
			if h.Published == nil || (*h.Published)[:10] < "2025-10-15" || (*h.Published)[:10] > "2025-10-16" {
				t.Errorf("hit outside 15-16 October: %+v", h)
			}
		}
		if len(october) == 0 || len(october) >= len(hits) {
			t.Errorf("Seren on 15-16 October: %d of %d hits", len(october), len(hits))
		}
		named := all("/api/search?entity=" + kostava.ID)
		if len(named) != kostava.Documents {
			t.Errorf("documents naming Kostava: %d, want %d", len(named), kostava.Documents)
		}
		for i := 1; i < len(named); i++ {
			if *named[i].Published > *named[i-1].Published {
				t.Errorf("filters alone: not newest first at %d", i)
			}
		}
		year := all("/api/search?q=Seren&from=2025&to=2025")
		if len(year) == 0 || len(year) >= len(hits) {
			t.Errorf("Seren in 2025: %d of %d", len(year), len(hits))
		}
	})

	t.Run("events and timeline", func(t *testing.T) {
		evs := all[export.Event](t, s, "/api/events")
		mine := all[export.Event](t, s, "/api/events?entity="+kostava.ID)
		if len(mine) == 0 || len(mine) > len(evs) {
			t.Errorf("Kostava's events: %d of %d", len(mine), len(evs))
		}
		deaths := all[export.Event](t, s, "/api/events?type=death")
		for _, e := range deaths {
			if e.Type != "death" {
				t.Errorf("type=death gives a %s", e.Type)
			}
		}
		if len(deaths) == 0 {
			t.Errorf("no deaths")
		}
		tl := all[timelineItem](t, s, "/api/timeline")
		if len(tl) == 0 {
			t.Fatal("empty timeline")
		}
		for i, it := range tl {
			if it.Date.Earliest == nil || !slices.Contains([]string{"day", "month", "year", "range"}, it.Precision) || it.When == "" {
				t.Errorf("timeline item %d: %+v", i, it)
			}
			if i > 0 && *it.Date.Earliest < *tl[i-1].Date.Earliest {
				t.Errorf("timeline out of order at %d", i)
			}
		}
		late := all[timelineItem](t, s, "/api/timeline?from=2025-10")
		for _, it := range late {
			if *it.Date.Latest < "2025-10" {
				t.Errorf("from=2025-10 gives %s", *it.Date.Latest)
			}
		}
		if len(late) == 0 || len(late) >= len(tl) {
			t.Errorf("from=2025-10: %d of %d", len(late), len(tl))
		}
		byDate := all[export.Event](t, s, "/api/events?order=date")
		if len(byDate) != len(tl) {
			t.Errorf("order=date: %d events, the timeline %d", len(byDate), len(tl))
		}
	})

	t.Run("quotes and statements", func(t *testing.T) {
		qs := all[export.Quote](t, s, "/api/quotes?speaker="+kostava.ID)
		if len(qs) == 0 {
			t.Fatal("no quotes of Kostava")
		}
		for _, q := range qs {
			if q.Speaker == nil || *q.Speaker != kostava.ID {
				t.Errorf("a quote of another speaker: %+v", q)
			}
		}
		doc := qs[0].Document
		for _, q := range all[export.Quote](t, s, "/api/quotes?document="+url.QueryEscape(doc)) {
			if q.Document != doc {
				t.Errorf("document=%s gives a quote of %s", doc, q.Document)
			}
		}
		stmts := all[export.Statement](t, s, "/api/statements?speaker="+kostava.ID)
		if len(stmts) == 0 {
			t.Fatal("no statements of Kostava")
		}
		renderings := all[export.Quote](t, s, "/api/quotes?statement="+stmts[0].ID)
		var ids []string
		for _, q := range renderings {
			ids = append(ids, q.ID)
		}
		slices.Sort(ids)
		want := slices.Sorted(slices.Values(stmts[0].Quotes))
		if !slices.Equal(ids, want) {
			t.Errorf("quotes of %s = %v, want %v", stmts[0].ID, ids, want)
		}
	})

	t.Run("document events and co-occurring", func(t *testing.T) {
		docs := all[export.Document](t, s, "/api/documents")
		found := false
		for _, d := range docs {
			var de struct {
				Event   *string     `json:"event"`
				Reports []apiReport `json:"reports"`
			}
			get(t, s, "/api/documents/"+d.ID+"/events", http.StatusOK, &de)
			if d.Event == nil {
				continue
			}
			found = true
			if len(de.Reports) == 0 || !de.Reports[0].Main || de.Reports[0].Event != *d.Event || de.Reports[0].Trigger != nil && de.Reports[0].Trigger.Text == "" {
				t.Errorf("events of %s: %+v, want its main report of %s first", d.ID, de, *d.Event)
			}
		}
		if !found {
			t.Error("no document has an event")
		}
		var co struct {
			Items []apiCooccurrence `json:"items"`
		}
		get(t, s, "/api/entities/"+kostava.ID+"/cooccurring?limit=3", http.StatusOK, &co)
		if len(co.Items) != 3 || co.Items[0].Documents < co.Items[2].Documents || co.Items[0].Name == "" {
			t.Errorf("co-occurring with Kostava: %+v", co.Items)
		}
	})

	t.Run("stats", func(t *testing.T) {
		var st map[string]int
		get(t, s, "/api/stats", http.StatusOK, &st)
		if st["documents"] != 15 || st["quotes"] == 0 || st["statements"] == 0 || st["events"] == 0 {
			t.Errorf("stats = %v", st)
		}
	})
}
