package server_test

import (
	"context"
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/parallax-news/parallax/internal/server"
	"github.com/parallax-news/parallax/internal/store/sqlite"
)

// BenchmarkServe100k answers every API route and every page, with real
// ids, from a SQLite store of 100,000 analysed and linked documents (see
// store100k; built once, a long while, and cached), and reports each
// route's latency: p50-ms, p95-ms and max-ms per request, one
// sub-benchmark a route. The target is a p95 under 200 ms.
// PARALLAX_BENCH_100K=1 runs it; PARALLAX_BENCH_DB=PATH serves another
// SQLite store instead.
func BenchmarkServe100k(b *testing.B) {
	if os.Getenv("PARALLAX_BENCH_100K") == "" && os.Getenv("PARALLAX_BENCH_DB") == "" {
		b.Skip("set PARALLAX_BENCH_100K=1 to serve a 100,000-document store (built once under os.TempDir, which takes long)")
	}
	path := os.Getenv("PARALLAX_BENCH_DB")
	if path == "" {
		path = store100k(b)
	}
	ctx := context.Background()
	st, err := sqlite.Open(ctx, path)
	if err != nil {
		b.Fatal(err)
	}
	defer st.Close()
	srv, err := server.New(st, server.Options{Version: "bench"})
	if err != nil {
		b.Fatal(err)
	}
	stats, err := st.Stats(ctx)
	if err != nil {
		b.Fatal(err)
	}
	b.Logf("store %s: %+v", path, stats)
	ids := benchIDs(b, srv)

	rng := rand.New(rand.NewPCG(7, 11))
	pick := func(l []string) string { return l[rng.IntN(len(l))] }
	words := []string{"government", "film", "economy", "Blair", "England rugby", "mobile phone", "oil prices", "Brown",
		"election", "music", "chancellor budget", "shares", "Microsoft", "Wales", "tax", "Chelsea", "court", "broadband"}
	esc := url.QueryEscape
	routes := []struct {
		name string
		path func() string
	}{
		{"api/openapi.json", func() string { return "/api/openapi.json" }},
		{"api/stats", func() string { return "/api/stats" }},
		{"api/documents", func() string { return fmt.Sprintf("/api/documents?offset=%d", rng.IntN(200)*50) }},
		{"api/documents?source", func() string { return "/api/documents?source=" + esc(pick(ids.sources)) }},
		{"api/documents/ID", func() string { return "/api/documents/" + pick(ids.docs) }},
		{"api/documents/ID/analysis", func() string { return "/api/documents/" + pick(ids.docs) + "/analysis" }},
		{"api/documents/ID/events", func() string { return "/api/documents/" + pick(ids.docs) + "/events" }},
		{"api/search?q", func() string { return "/api/search?q=" + esc(pick(words)) }},
		{"api/search?q&source", func() string { return "/api/search?q=" + esc(pick(words)) + "&source=" + esc(pick(ids.sources)) }},
		{"api/search?q&entity", func() string { return "/api/search?q=" + esc(pick(words)) + "&entity=" + pick(ids.entities) }},
		{"api/search?q&from&to", func() string {
			y := 2019 + rng.IntN(6)
			return fmt.Sprintf("/api/search?q=%s&from=%d-03&to=%d-08-15", esc(pick(words)), y, y)
		}},
		{"api/search?entity", func() string { return "/api/search?entity=" + pick(ids.entities) }},
		{"api/search?source&from", func() string {
			return fmt.Sprintf("/api/search?source=%s&from=%d", esc(pick(ids.sources)), 2019+rng.IntN(6))
		}},
		{"api/entities", func() string { return fmt.Sprintf("/api/entities?offset=%d", rng.IntN(40)*50) }},
		{"api/entities?q&type", func() string {
			return "/api/entities?type=person&q=" + esc(pick([]string{"Blair", "Brown", "John", "Smith", "an"}))
		}},
		{"api/entities/ID", func() string { return "/api/entities/" + pick(ids.entities) }},
		{"api/entities/ID/cooccurring", func() string { return "/api/entities/" + pick(ids.entities) + "/cooccurring" }},
		{"api/quotes", func() string { return fmt.Sprintf("/api/quotes?offset=%d", rng.IntN(200)*50) }},
		{"api/quotes?speaker", func() string { return "/api/quotes?speaker=" + pick(ids.entities) }},
		{"api/quotes?document", func() string { return "/api/quotes?document=" + pick(ids.docs) }},
		{"api/quotes?statement", func() string { return "/api/quotes?statement=" + pick(ids.statements) }},
		{"api/quotes/ID", func() string { return "/api/quotes/" + pick(ids.quotes) }},
		{"api/statements", func() string { return fmt.Sprintf("/api/statements?offset=%d", rng.IntN(40)*50) }},
		{"api/statements?speaker", func() string { return "/api/statements?speaker=" + pick(ids.entities) }},
		{"api/statements/ID", func() string { return "/api/statements/" + pick(ids.statements) }},
		{"api/events", func() string { return fmt.Sprintf("/api/events?offset=%d", rng.IntN(200)*50) }},
		{"api/events?entity", func() string { return "/api/events?entity=" + pick(ids.entities) }},
		{"api/events?source", func() string { return "/api/events?source=" + esc(pick(ids.sources)) }},
		{"api/events?type", func() string { return "/api/events?type=" + pick(ids.types) }},
		{"api/events?from&to", func() string {
			y := 2019 + rng.IntN(6)
			return fmt.Sprintf("/api/events?from=%d-02&to=%d-04", y, y)
		}},
		{"api/events/ID", func() string { return "/api/events/" + pick(ids.events) }},
		{"api/timeline", func() string { return fmt.Sprintf("/api/timeline?offset=%d", rng.IntN(100)*50) }},
		{"api/timeline?entity", func() string { return "/api/timeline?entity=" + pick(ids.entities) }},
		{"api/conflicts", func() string {
			if rng.IntN(2) == 0 {
				return "/api/conflicts"
			}
			return "/api/conflicts?after=" + pick(ids.events)
		}},
		{"api/conflicts/ID", func() string { return "/api/conflicts/" + pick(ids.conflicts) }},
		{"api/search?q&source&from&to", func() string {
			return "/api/search?q=" + esc(pick(words)) + "&source=" + esc(pick(ids.sources)) + "&from=2021-01-01&to=2022-12-31"
		}},
		{"page/overview", func() string { return "/" }},
		{"page/documents", func() string { return fmt.Sprintf("/documents?page=%d", 1+rng.IntN(200)) }},
		{"page/events", func() string { return "/events" }},
		{"page/event", func() string { return "/events/" + pick(ids.events) }},
		{"page/search?filters", func() string {
			return "/search?q=" + esc(pick(words)) + "&source=" + esc(pick(ids.sources)) + "&from=2021-01-01&to=2022-12-31"
		}},
		{"page/document", func() string { return "/documents/" + pick(ids.docs) }},
		{"page/search", func() string { return "/search?q=" + esc(pick(words)) }},
		{"page/entities", func() string { return fmt.Sprintf("/entities?page=%d", 1+rng.IntN(40)) }},
		{"page/entities?q", func() string { return "/entities?q=" + esc(pick([]string{"Blair", "Brown", "John", "Smith", "an"})) }},
		{"page/entity", func() string { return "/entities/" + pick(ids.entities) }},
		{"page/statement", func() string { return "/statements/" + pick(ids.statements) }},
	}
	for _, rt := range routes {
		b.Run(strings.NewReplacer("/", "_", "?", "_", "&", "+").Replace(rt.name), func(b *testing.B) {
			var took []time.Duration
			for b.Loop() {
				p := rt.path()
				rec := httptest.NewRecorder()
				start := time.Now()
				srv.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, p, nil))
				took = append(took, time.Since(start))
				if rec.Code != http.StatusOK {
					b.Fatalf("GET %s = %d %s", p, rec.Code, rec.Body)
				}
			}
			slices.Sort(took)
			ms := func(d time.Duration) float64 { return float64(d.Microseconds()) / 1000 }
			b.ReportMetric(ms(took[len(took)/2]), "p50-ms")
			b.ReportMetric(ms(took[len(took)*95/100]), "p95-ms")
			b.ReportMetric(ms(took[len(took)-1]), "max-ms")
		})
	}
}

// benchPools holds real ids to request.
type benchPools struct {
	docs, entities, quotes, statements, events, conflicts, sources, types []string
}

// benchIDs reads ids of every kind through the API: from pages spread
// over the store.
func benchIDs(b *testing.B, srv http.Handler) benchPools {
	var p benchPools
	list := func(path string, fn func(map[string]any)) {
		rec := httptest.NewRecorder()
		srv.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, path, nil))
		var l struct {
			Items []map[string]any `json:"items"`
		}
		if rec.Code != http.StatusOK || json.Unmarshal(rec.Body.Bytes(), &l) != nil {
			b.Fatalf("GET %s = %d %s", path, rec.Code, rec.Body)
		}
		for _, it := range l.Items {
			fn(it)
		}
	}
	id := func(to *[]string) func(map[string]any) {
		return func(m map[string]any) { *to = append(*to, m["id"].(string)) }
	}
	seen := map[string]bool{}
	for _, off := range []int{0, 3000, 6000, 9975} {
		list(fmt.Sprintf("/api/documents?limit=25&offset=%d", off), func(m map[string]any) {
			p.docs = append(p.docs, m["id"].(string))
			if s, ok := m["source"].(string); ok && !seen[s] {
				seen[s] = true
				p.sources = append(p.sources, s)
			}
		})
	}
	for _, off := range []int{0, 100, 1000} {
		list(fmt.Sprintf("/api/entities?limit=20&offset=%d", off), id(&p.entities))
		list(fmt.Sprintf("/api/statements?limit=20&offset=%d", off), id(&p.statements))
	}
	for _, off := range []int{0, 5000, 9000} {
		list(fmt.Sprintf("/api/quotes?limit=20&offset=%d", off), id(&p.quotes))
		list(fmt.Sprintf("/api/events?limit=20&offset=%d", off), func(m map[string]any) {
			p.events = append(p.events, m["id"].(string))
			if t := m["type"].(string); !slices.Contains(p.types, t) {
				p.types = append(p.types, t)
			}
		})
	}
	list("/api/conflicts?limit=50", id(&p.conflicts))
	for name, l := range map[string][]string{"documents": p.docs, "entities": p.entities, "quotes": p.quotes,
		"statements": p.statements, "events": p.events, "conflicts": p.conflicts, "sources": p.sources} {
		if len(l) == 0 {
			b.Fatalf("no %s in the store", name)
		}
	}
	return p
}
