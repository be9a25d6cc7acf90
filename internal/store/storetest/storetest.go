package storetest

import (
	"context"
	"errors"
	"fmt"
	"math"
	"reflect"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/parallax-news/parallax/internal/news"
	"github.com/parallax-news/parallax/internal/store"
)

// Opener returns a store for the test t, failing t if it cannot.
//
// The first call for a given t returns a store over an empty database. A
// later call for the same t, after the suite closed the earlier store, must
// return a store over the same database, as a restarted process would see
// it; an Opener that cannot (an in-memory fake) returns an empty store
// again, and the suite skips what needs reopening.
type Opener = func(t *testing.T) store.Store

// Run runs the conformance suite, one subtest per behaviour of store.Store,
// each on stores that open returns. The suite closes every store it gets;
// open cleans up anything else (files, schemas) with t.Cleanup.
func Run(t *testing.T, open func(t *testing.T) store.Store) {
	for _, tc := range []struct {
		name string
		test func(*testing.T, Opener)
	}{
		{"InsertAndRead", testInsertAndRead},
		{"InsertExisting", testInsertExisting},
		{"NotFound", testNotFound},
		{"UpdateMetadata", testUpdateMetadata},
		{"Rollback", testRollback},
		{"Isolation", testIsolation},
		{"Seq", testSeq},
		{"Documents", testDocuments},
		{"Candidates", testCandidates},
		{"Duplicates", testDuplicates},
		{"Stats", testStats},
		{"Search", testSearch},
		{"SearchHostile", testSearchHostile},
		{"ConcurrentUpdates", testConcurrentUpdates},
		{"Reopen", testReopen},
		{"Analysis", testAnalysis},
		{"Entities", testEntities},
		{"Quotes", testQuotes},
		{"Events", testEvents},
		{"Browse", testBrowse},
	} {
		t.Run(tc.name, func(t *testing.T) { tc.test(t, open) })
	}
}

func testInsertAndRead(t *testing.T, open Opener) {
	s := mustOpen(t, open)
	ctx := t.Context()
	orig := newDoc("orig")
	mustInsert(t, s, orig)

	given := time.Date(2024, 3, 1, 12, 30, 45, 123456789, time.FixedZone("IRST", 3*3600+1800))
	for _, tc := range []struct {
		name string
		doc  news.Document
		want func(d news.Document) news.Document // what reads back, from d as InsertDocument left it
	}{
		{
			name: "every field",
			doc: news.Document{
				ID:          "full",
				Origin:      "testdata/تهران.jsonl:7",
				URL:         "https://example.com/news/2022/05/08/assad-tehran?x=1&y=ü",
				Source:      "Mehr News Agency",
				Title:       "Assad in Tehran: «دیدار» — talks on Syria 🇸🇾",
				Authors:     []string{"Zoë O'Brien", "محمد رضایی"},
				Published:   "2022-05-08T10:00:00Z",
				Language:    "en",
				Dateline:    "Tehran",
				Text:        "TEHRAN — Syrian President Bashar al-Assad met Iran's Supreme Leader.\n\nقال الرئيس: \"نعم\"\t✓",
				Inferred:    []string{news.FieldSource, news.FieldLanguage},
				DuplicateOf: "orig",
				Event:       "event-1",
				IngestedAt:  given,
			},
			want: func(d news.Document) news.Document { return d },
		},
		{
			name: "empty fields",
			doc:  news.Document{ID: "bare", Text: "Only text."},
			want: func(d news.Document) news.Document { return d },
		},
		{
			name: "empty lists",
			doc:  news.Document{ID: "lists", Text: "Lists.", Authors: []string{}, Inferred: []string{}},
			want: func(d news.Document) news.Document {
				d.Authors, d.Inferred = nil, nil
				return d
			},
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			d := tc.doc
			before := time.Now()
			mustInsert(t, s, &d)
			if d.Seq <= 0 {
				t.Errorf("Seq = %d after insert, want > 0", d.Seq)
			}
			switch {
			case tc.doc.IngestedAt.IsZero():
				if d.IngestedAt.Before(before.Add(-time.Second)) || d.IngestedAt.After(time.Now().Add(time.Second)) {
					t.Errorf("IngestedAt = %v, want about now (%v)", d.IngestedAt, before)
				}
			case d.IngestedAt.Sub(tc.doc.IngestedAt).Abs() >= time.Microsecond:
				t.Errorf("IngestedAt = %v, want %v", d.IngestedAt, tc.doc.IngestedAt)
			}
			want := tc.want(d)

			got, err := s.Document(ctx, d.ID)
			if err != nil {
				t.Fatalf("Document(%s): %v", d.ID, err)
			}
			checkDocument(t, "Document", got, want)

			mustUpdate(t, s, func(tx store.Tx) error {
				got, err := tx.Document(ctx, d.ID)
				if err != nil {
					return err
				}
				checkDocument(t, "Tx.Document", got, want)
				return nil
			})

			docs, err := s.Documents(ctx, store.DocumentQuery{AfterSeq: d.Seq - 1, Limit: 1})
			if err != nil {
				t.Fatalf("Documents: %v", err)
			}
			if len(docs) != 1 {
				t.Fatalf("Documents after Seq %d: %d documents, want 1", d.Seq-1, len(docs))
			}
			checkDocument(t, "Documents", docs[0], want)
		})
	}
}

func testInsertExisting(t *testing.T, open Opener) {
	s := mustOpen(t, open)
	ctx := t.Context()
	a := newDoc("a")
	mustInsert(t, s, a)

	// In a later transaction: the error reaches the caller through Update.
	again := newDoc("a")
	again.Text = "Another text under the same id."
	err := s.Update(ctx, func(tx store.Tx) error { return tx.InsertDocument(ctx, again) })
	if !errors.Is(err, store.ErrExists) {
		t.Fatalf("inserting a stored id: got %v, want ErrExists", err)
	}

	// In the same transaction: the transaction stays usable afterwards.
	b := newDoc("b")
	mustUpdate(t, s, func(tx store.Tx) error {
		dup := newDoc("dup")
		if err := tx.InsertDocument(ctx, dup); err != nil {
			return err
		}
		if err := tx.InsertDocument(ctx, newDoc("dup")); !errors.Is(err, store.ErrExists) {
			return fmt.Errorf("second insert of dup in one transaction: got %v, want ErrExists", err)
		}
		if err := tx.InsertDocument(ctx, newDoc("a")); !errors.Is(err, store.ErrExists) {
			return fmt.Errorf("insert of stored a: got %v, want ErrExists", err)
		}
		return tx.InsertDocument(ctx, b)
	})

	got := mustDocument(t, s, "a")
	checkDocument(t, "a after the failed insert", got, *a)
	mustDocument(t, s, "dup")
	mustDocument(t, s, "b")
	if st := mustStats(t, s); st.Documents != 3 {
		t.Errorf("Stats.Documents = %d, want 3", st.Documents)
	}
}

func testNotFound(t *testing.T, open Opener) {
	s := mustOpen(t, open)
	ctx := t.Context()
	mustInsert(t, s, newDoc("here"))

	if _, err := s.Document(ctx, "missing"); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("Document(missing): got %v, want ErrNotFound", err)
	}
	for _, tc := range []struct {
		name string
		fn   func(tx store.Tx) error
	}{
		{"Tx.Document", func(tx store.Tx) error {
			_, err := tx.Document(ctx, "missing")
			return err
		}},
		{"UpdateMetadata", func(tx store.Tx) error {
			return tx.UpdateMetadata(ctx, newDoc("missing"))
		}},
		{"PutSketch", func(tx store.Tx) error {
			return tx.PutSketch(ctx, "missing", []uint32{1}, []uint64{1})
		}},
		{"SetDuplicateOf missing id", func(tx store.Tx) error {
			return tx.SetDuplicateOf(ctx, []string{"missing"}, "here")
		}},
		{"SetDuplicateOf missing original", func(tx store.Tx) error {
			return tx.SetDuplicateOf(ctx, []string{"here"}, "missing")
		}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			// The error must leave the transaction usable.
			mustUpdate(t, s, func(tx store.Tx) error {
				if err := tc.fn(tx); !errors.Is(err, store.ErrNotFound) {
					return fmt.Errorf("got %v, want ErrNotFound", err)
				}
				_, err := tx.Document(ctx, "here")
				return err
			})
		})
	}
	if d := mustDocument(t, s, "here"); d.DuplicateOf != "" {
		t.Errorf("DuplicateOf = %q after failed marks, want none", d.DuplicateOf)
	}
}

func testUpdateMetadata(t *testing.T, open Opener) {
	s := mustOpen(t, open)
	ctx := t.Context()
	orig := newDoc("orig")
	d := &news.Document{
		ID: "meta", Origin: "feed.xml", URL: "https://old.example/a", Source: "Old Source",
		Title: "Old headline about locusts", Authors: []string{"A"}, Published: "2022",
		Language: "fr", Dateline: "Paris", Text: "The text never changes.",
		Inferred: []string{news.FieldTitle}, DuplicateOf: "orig", Event: "ev",
	}
	mustInsert(t, s, orig, d)

	for _, tc := range []struct {
		name   string
		update news.Document
	}{
		{"replace", news.Document{
			URL: "https://new.example/b", Source: "New Source", Title: "Nouveau titre sur les sauterelles",
			Authors: []string{"B", "C"}, Published: "2022-05-08", Language: "en", Dateline: "Lyon",
			Inferred: []string{news.FieldPublished},
		}},
		{"clear", news.Document{}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			u := tc.update
			// Fields UpdateMetadata must leave alone, set to something else.
			u.ID, u.Origin, u.Text = d.ID, "elsewhere", "Changed text."
			u.Seq, u.IngestedAt, u.DuplicateOf, u.Event = d.Seq+100, time.Unix(0, 0), "", "other"
			mustUpdate(t, s, func(tx store.Tx) error { return tx.UpdateMetadata(ctx, &u) })

			want := *d
			want.URL, want.Source, want.Title, want.Authors = u.URL, u.Source, u.Title, u.Authors
			want.Published, want.Language, want.Dateline, want.Inferred = u.Published, u.Language, u.Dateline, u.Inferred
			checkDocument(t, "after UpdateMetadata", mustDocument(t, s, d.ID), want)
		})
	}

	// The search index follows titles, also when a document changes in the
	// transaction that inserts it.
	mustUpdate(t, s, func(tx store.Tx) error {
		u := *d
		u.Title = "Headline about hailstorms"
		return tx.UpdateMetadata(ctx, &u)
	})
	mustUpdate(t, s, func(tx store.Tx) error {
		fresh, later := newDoc("fresh"), newDoc("later")
		fresh.Title, later.Title = "Headline about avalanches", "Headline about tornadoes"
		if err := tx.InsertDocument(ctx, fresh); err != nil {
			return err
		}
		fresh.Title = "Headline about monsoons"
		if err := tx.UpdateMetadata(ctx, fresh); err != nil {
			return err
		}
		return tx.InsertDocument(ctx, later)
	})
	for _, tc := range []struct {
		word string
		want []string
	}{
		{"hailstorms", []string{"meta"}},
		{"locusts", nil},
		{"sauterelles", nil},
		{"avalanches", nil},
		{"monsoons", []string{"fresh"}},
		{"tornadoes", []string{"later"}},
	} {
		if got := hitIDs(mustSearch(t, s, store.SearchQuery{Text: tc.word})); !slices.Equal(got, tc.want) {
			t.Errorf("search for title word %q: got %v, want %v", tc.word, got, tc.want)
		}
	}
}

func testRollback(t *testing.T, open Opener) {
	errBoom := errors.New("boom")
	for _, tc := range []struct {
		name string
		// run calls Update with a function that writes through tx, then
		// makes the Update fail.
		run     func(ctx context.Context, s store.Store, write func(store.Tx) error) error
		wantErr error
	}{
		{"fn fails", func(ctx context.Context, s store.Store, write func(store.Tx) error) error {
			return s.Update(ctx, func(tx store.Tx) error {
				if err := write(tx); err != nil {
					return err
				}
				return errBoom
			})
		}, errBoom},
		{"ctx cancelled after the writes", func(ctx context.Context, s store.Store, write func(store.Tx) error) error {
			ctx, cancel := context.WithCancel(ctx)
			defer cancel()
			return s.Update(ctx, func(tx store.Tx) error {
				if err := write(tx); err != nil {
					return err
				}
				cancel()
				return nil
			})
		}, context.Canceled},
		{"ctx cancelled between the writes", func(ctx context.Context, s store.Store, write func(store.Tx) error) error {
			ctx, cancel := context.WithCancel(ctx)
			defer cancel()
			return s.Update(ctx, func(tx store.Tx) error {
				if err := write(tx); err != nil {
					return err
				}
				cancel()
				// A store may fail this write or not; either way nothing
				// may land.
				_ = tx.InsertDocument(ctx, newDoc("late"))
				return nil
			})
		}, context.Canceled},
		{"ctx cancelled, fn fails with the write's error", func(ctx context.Context, s store.Store, write func(store.Tx) error) error {
			ctx, cancel := context.WithCancel(ctx)
			defer cancel()
			return s.Update(ctx, func(tx store.Tx) error {
				if err := write(tx); err != nil {
					return err
				}
				cancel()
				for i := range 50 { // until the store notices
					if err := tx.InsertDocument(ctx, newDoc(fmt.Sprintf("late%d", i))); err != nil {
						return err
					}
				}
				return nil
			})
		}, context.Canceled},
		{"ctx cancelled before", func(ctx context.Context, s store.Store, write func(store.Tx) error) error {
			ctx, cancel := context.WithCancel(ctx)
			cancel()
			return s.Update(ctx, write)
		}, context.Canceled},
	} {
		t.Run(tc.name, func(t *testing.T) {
			s := mustOpen(t, open)
			ctx := t.Context()
			kept := newDoc("kept")
			kept.Title = "Kept title"
			mustInsert(t, s, kept, newDoc("orig"))
			before := mustStats(t, s)

			err := tc.run(ctx, s, func(tx store.Tx) error {
				if err := tx.InsertDocument(ctx, newDoc("lost")); err != nil {
					return err
				}
				if err := tx.PutSketch(ctx, "lost", []uint32{1, 2}, []uint64{77}); err != nil {
					return err
				}
				changed := *kept
				changed.Title = "Changed title"
				if err := tx.UpdateMetadata(ctx, &changed); err != nil {
					return err
				}
				return tx.SetDuplicateOf(ctx, []string{"kept"}, "orig")
			})
			if !errors.Is(err, tc.wantErr) {
				t.Fatalf("Update: got %v, want %v", err, tc.wantErr)
			}

			for _, id := range []string{"lost", "late", "late0"} {
				if _, err := s.Document(ctx, id); !errors.Is(err, store.ErrNotFound) {
					t.Errorf("Document(%s) after the failed Update: got %v, want ErrNotFound", id, err)
				}
			}
			checkDocument(t, "kept", mustDocument(t, s, "kept"), *kept)
			if after := mustStats(t, s); after != before {
				t.Errorf("Stats = %+v after the failed Update, want %+v", after, before)
			}
			mustUpdate(t, s, func(tx store.Tx) error {
				if c, err := tx.Candidates(ctx, []uint64{77}); err != nil || len(c) != 0 {
					return fmt.Errorf("Candidates after the failed Update: %v, %v; want none", sketchIDs(c), err)
				}
				return nil
			})
			if hits := mustSearch(t, s, store.SearchQuery{Text: "Changed"}); len(hits) != 0 {
				t.Errorf("search finds the rolled back title: %v", hitIDs(hits))
			}
			// The store stays usable: the same writes succeed now.
			mustUpdate(t, s, func(tx store.Tx) error {
				if err := tx.InsertDocument(ctx, newDoc("lost")); err != nil {
					return err
				}
				if err := tx.PutSketch(ctx, "lost", []uint32{1, 2}, []uint64{77}); err != nil {
					return err
				}
				changed := *kept
				changed.Title = "Changed title"
				if err := tx.UpdateMetadata(ctx, &changed); err != nil {
					return err
				}
				return tx.SetDuplicateOf(ctx, []string{"kept"}, "orig")
			})
			mustDocument(t, s, "lost")
		})
	}
}

func testIsolation(t *testing.T, open Opener) {
	s := mustOpen(t, open)
	ctx := t.Context()
	mustUpdate(t, s, func(tx store.Tx) error {
		if err := tx.InsertDocument(ctx, newDoc("new")); err != nil {
			return err
		}
		if _, err := tx.Document(ctx, "new"); err != nil {
			return fmt.Errorf("the transaction does not see its own insert: %w", err)
		}
		if _, err := s.Document(ctx, "new"); !errors.Is(err, store.ErrNotFound) {
			return fmt.Errorf("a read outside the transaction sees an uncommitted insert: %v", err)
		}
		return nil
	})
	mustDocument(t, s, "new")
}

func testSeq(t *testing.T, open Opener) {
	s := mustOpen(t, open)
	var docs []*news.Document
	batch := []*news.Document{newDoc("s1"), newDoc("s2"), newDoc("s3")}
	mustInsert(t, s, batch...)
	docs = append(docs, batch...)
	for _, id := range []string{"s4", "s5"} {
		d := newDoc(id)
		mustInsert(t, s, d)
		docs = append(docs, d)
	}
	var want []string
	for i, d := range docs {
		if i > 0 && d.Seq <= docs[i-1].Seq {
			t.Errorf("Seq of %s = %d, not above %d of %s", d.ID, d.Seq, docs[i-1].Seq, docs[i-1].ID)
		}
		want = append(want, d.ID)
		if got := mustDocument(t, s, d.ID).Seq; got != d.Seq {
			t.Errorf("stored Seq of %s = %d, InsertDocument set %d", d.ID, got, d.Seq)
		}
	}
	if got := docIDs(mustDocuments(t, s, store.DocumentQuery{})); !slices.Equal(got, want) {
		t.Errorf("Documents order = %v, want %v", got, want)
	}
}

func testDocuments(t *testing.T, open Opener) {
	s := mustOpen(t, open)
	sources := []string{"A", "B", "A", "", "B", "A", "C", "A", "", "B"}
	seq := map[string]int64{}
	for i, src := range sources {
		d := newDoc(fmt.Sprintf("d%d", i))
		d.Source = src
		mustInsert(t, s, d)
		seq[d.ID] = d.Seq
	}
	for _, tc := range []struct {
		name string
		q    store.DocumentQuery
		want []string
	}{
		{"all", store.DocumentQuery{}, []string{"d0", "d1", "d2", "d3", "d4", "d5", "d6", "d7", "d8", "d9"}},
		{"after seq", store.DocumentQuery{AfterSeq: seq["d6"]}, []string{"d7", "d8", "d9"}},
		{"after the last", store.DocumentQuery{AfterSeq: seq["d9"]}, nil},
		{"limit", store.DocumentQuery{Limit: 3}, []string{"d0", "d1", "d2"}},
		{"offset", store.DocumentQuery{Offset: 8}, []string{"d8", "d9"}},
		{"limit and offset", store.DocumentQuery{Limit: 3, Offset: 2}, []string{"d2", "d3", "d4"}},
		{"offset past the end", store.DocumentQuery{Offset: 10}, nil},
		{"keyset page", store.DocumentQuery{AfterSeq: seq["d2"], Limit: 2}, []string{"d3", "d4"}},
		{"source", store.DocumentQuery{Source: "A"}, []string{"d0", "d2", "d5", "d7"}},
		{"source after seq", store.DocumentQuery{Source: "B", AfterSeq: seq["d1"]}, []string{"d4", "d9"}},
		{"source limit offset", store.DocumentQuery{Source: "A", Limit: 2, Offset: 1}, []string{"d2", "d5"}},
		{"unknown source", store.DocumentQuery{Source: "Z"}, nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got := mustDocuments(t, s, tc.q)
			if !slices.Equal(docIDs(got), tc.want) {
				t.Fatalf("Documents(%+v) = %v, want %v", tc.q, docIDs(got), tc.want)
			}
			for _, d := range got {
				if d.Text == "" || d.Seq != seq[d.ID] {
					t.Errorf("Documents(%+v) returned %s incomplete: %+v", tc.q, d.ID, d)
				}
			}
		})
	}
}

func testCandidates(t *testing.T, open Opener) {
	s := mustOpen(t, open)
	ctx := t.Context()
	const high = uint64(1)<<63 | 5 // negative as an int64
	docs := map[string]*news.Document{}
	for _, id := range []string{"c1", "c2", "c3", "c4"} {
		docs[id] = newDoc(id)
	}
	docs["c1"].Published = "2022-05-08"
	docs["c2"].Published = "2022-05-08T10:00:00Z"
	mustInsert(t, s, docs["c1"], docs["c2"], docs["c3"], docs["c4"])
	sigs := map[string][]uint32{
		"c1": {0, 1, math.MaxUint32, 1 << 31},
		"c2": {7, 8, 9},
		"c3": nil,
		"c4": {5, 6, 7},
	}
	bands := map[string][]uint64{
		"c1": {1, 2},
		"c2": {2, 3},
		"c3": {4},
		"c4": {1, high, math.MaxUint64, 1}, // a repeated key is stored once
	}
	mustUpdate(t, s, func(tx store.Tx) error {
		for _, id := range []string{"c1", "c2", "c3", "c4"} {
			if err := tx.PutSketch(ctx, id, sigs[id], bands[id]); err != nil {
				return err
			}
		}
		return tx.SetDuplicateOf(ctx, []string{"c4"}, "c1")
	})
	dupOf := map[string]string{"c4": "c1"}

	check := func(t *testing.T, tx store.Tx, query []uint64, want []string) {
		t.Helper()
		got, err := tx.Candidates(ctx, query)
		if err != nil {
			t.Fatalf("Candidates(%v): %v", query, err)
		}
		if !slices.Equal(sketchIDs(got), want) {
			t.Fatalf("Candidates(%v) = %v, want %v", query, sketchIDs(got), want)
		}
		for _, sk := range got {
			d := docs[sk.ID]
			if !slices.Equal(sk.Signature, sigs[sk.ID]) {
				t.Errorf("signature of %s = %v, want %v", sk.ID, sk.Signature, sigs[sk.ID])
			}
			if sk.Published != d.Published || sk.Seq != d.Seq || sk.DuplicateOf != dupOf[sk.ID] {
				t.Errorf("sketch of %s = {Published:%q Seq:%d DuplicateOf:%q}, want {%q %d %q}",
					sk.ID, sk.Published, sk.Seq, sk.DuplicateOf, d.Published, d.Seq, dupOf[sk.ID])
			}
		}
	}
	for _, tc := range []struct {
		name  string
		bands []uint64
		want  []string
	}{
		{"no bands", nil, nil},
		{"unknown key", []uint64{99}, nil},
		{"one key", []uint64{3}, []string{"c2"}},
		{"shared keys, each document once", []uint64{2, 1, 2}, []string{"c1", "c2", "c4"}},
		{"high bit", []uint64{high}, []string{"c4"}},
		{"max key", []uint64{math.MaxUint64}, []string{"c4"}},
		{"empty signature", []uint64{4}, []string{"c3"}},
		{"all", []uint64{math.MaxUint64, 4, 3, 2, 1, high}, []string{"c1", "c2", "c3", "c4"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			mustUpdate(t, s, func(tx store.Tx) error {
				check(t, tx, tc.bands, tc.want)
				return nil
			})
		})
	}

	t.Run("replace", func(t *testing.T) {
		mustUpdate(t, s, func(tx store.Tx) error {
			sigs["c1"], bands["c1"] = []uint32{42}, []uint64{9}
			return tx.PutSketch(ctx, "c1", sigs["c1"], bands["c1"])
		})
		mustUpdate(t, s, func(tx store.Tx) error {
			check(t, tx, []uint64{1}, []string{"c4"})
			check(t, tx, []uint64{2}, []string{"c2"})
			check(t, tx, []uint64{9}, []string{"c1"})
			return nil
		})
	})

	t.Run("own writes", func(t *testing.T) {
		mustUpdate(t, s, func(tx store.Tx) error {
			docs["c5"] = newDoc("c5")
			sigs["c5"] = []uint32{3}
			if err := tx.InsertDocument(ctx, docs["c5"]); err != nil {
				return err
			}
			if err := tx.PutSketch(ctx, "c5", sigs["c5"], []uint64{9, 3}); err != nil {
				return err
			}
			check(t, tx, []uint64{9}, []string{"c1", "c5"})
			check(t, tx, []uint64{3}, []string{"c2", "c5"})
			return nil
		})
	})
}

func testDuplicates(t *testing.T, open Opener) {
	s := mustOpen(t, open)
	ctx := t.Context()
	mustInsert(t, s, newDoc("o"), newDoc("x1"), newDoc("x2"), newDoc("x3"), newDoc("other"))

	steps := []struct {
		name   string
		ids    []string
		of     string
		wantO  []string // Duplicates("o") afterwards
		wantDn int      // Stats.Duplicates afterwards
	}{
		{"mark", []string{"x3", "x1"}, "o", []string{"x1", "x3"}, 2},
		{"mark more", []string{"x2"}, "o", []string{"x1", "x2", "x3"}, 3},
		{"none", nil, "o", []string{"x1", "x2", "x3"}, 3},
		{"move", []string{"x3"}, "other", []string{"x1", "x2"}, 3},
		{"clear", []string{"x1", "x3"}, "", []string{"x2"}, 1},
	}
	for _, step := range steps {
		t.Run(step.name, func(t *testing.T) {
			mustUpdate(t, s, func(tx store.Tx) error { return tx.SetDuplicateOf(ctx, step.ids, step.of) })
			for _, id := range step.ids {
				if got := mustDocument(t, s, id).DuplicateOf; got != step.of {
					t.Errorf("DuplicateOf of %s = %q, want %q", id, got, step.of)
				}
			}
			mustUpdate(t, s, func(tx store.Tx) error {
				got, err := tx.Duplicates(ctx, "o")
				if err != nil {
					return err
				}
				if !slices.Equal(got, step.wantO) {
					t.Errorf("Duplicates(o) = %v, want %v", got, step.wantO)
				}
				return nil
			})
			if st := mustStats(t, s); st.Duplicates != step.wantDn {
				t.Errorf("Stats.Duplicates = %d, want %d", st.Duplicates, step.wantDn)
			}
		})
	}
	mustUpdate(t, s, func(tx store.Tx) error {
		for _, id := range []string{"x2", "missing"} {
			got, err := tx.Duplicates(ctx, id)
			if err != nil {
				return err
			}
			if len(got) != 0 {
				t.Errorf("Duplicates(%s) = %v, want none", id, got)
			}
		}
		return nil
	})
}

func testStats(t *testing.T, open Opener) {
	s := mustOpen(t, open)
	if st := mustStats(t, s); st != (store.Stats{}) {
		t.Errorf("Stats of an empty store = %+v, want zeros", st)
	}
	for i, src := range []string{"A", "B", "A", "", "Ä"} {
		d := newDoc(fmt.Sprintf("st%d", i))
		d.Source = src
		mustInsert(t, s, d)
	}
	ctx := t.Context()
	mustUpdate(t, s, func(tx store.Tx) error { return tx.SetDuplicateOf(ctx, []string{"st1", "st2"}, "st0") })
	if st, want := mustStats(t, s), (store.Stats{Documents: 5, Duplicates: 2, Sources: 3}); st != want {
		t.Errorf("Stats = %+v, want %+v", st, want)
	}
}

// searchCorpus is the small corpus the search tests run on.
func searchCorpus() []*news.Document {
	mk := func(id, title, text string) *news.Document {
		d := newDoc(id)
		d.Title, d.Text = title, text
		return d
	}
	return []*news.Document{
		mk("title", "Drought grips Isfahan", "Farmers in the province say the river ran dry this summer and their wells are failing."),
		mk("many", "Water talks", "The drought hit farms. The drought dried wells. Officials said the drought would last into spring."),
		mk("once", "Weather report", "The storm hit farms. The flood dried roads. Officials said the drought would last into spring."),
		mk("sport", "Football", "The team won the final in Tehran on Sunday, fans said."),
		mk("fa", "خشکسالی در اصفهان", "کشاورزان می‌گویند رودخانه زاینده‌رود خشک شده است."),
		mk("de", "Zürich", "Die Dürre in der Schweiz trifft die Bauern rund um Zürich."),
	}
}

func testSearch(t *testing.T, open Opener) {
	s := mustOpen(t, open)
	corpus := searchCorpus()
	mustInsert(t, s, corpus...)
	byID := map[string]*news.Document{}
	for _, d := range corpus {
		byID[d.ID] = d
	}

	for _, tc := range []struct {
		name string
		text string
		want []string // hits in this order; nil: none
		any  []string // hits in any order, when want is nil
	}{
		{name: "word in text", text: "river", want: []string{"title"}},
		{name: "word in title", text: "Isfahan", want: []string{"title"}},
		{name: "any case", text: "TEHRAN", want: []string{"sport"}},
		{name: "more matches rank higher", text: "drought farms", want: []string{"many", "once"}},
		{name: "every word must match", text: "drought football", want: nil},
		{name: "title and text", text: "drought", any: []string{"title", "many", "once"}},
		{name: "persian", text: "اصفهان", want: []string{"fa"}},
		{name: "umlaut", text: "Zürich", want: []string{"de"}},
		{name: "no match", text: "volcano", want: nil},
		{name: "empty", text: "", want: nil},
		{name: "blank", text: " \t\n", want: nil},
		{name: "punctuation only", text: `"*() - :`, want: nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			hits := mustSearch(t, s, store.SearchQuery{Text: tc.text})
			got := hitIDs(hits)
			if tc.any != nil {
				slices.Sort(got)
				want := slices.Sorted(slices.Values(tc.any))
				if !slices.Equal(got, want) {
					t.Fatalf("Search(%q) = %v, want %v in any order", tc.text, hitIDs(hits), tc.any)
				}
			} else if !slices.Equal(got, tc.want) {
				t.Fatalf("Search(%q) = %v, want %v", tc.text, got, tc.want)
			}
			for i, h := range hits {
				checkDocument(t, "hit "+h.Document.ID, h.Document, *byID[h.Document.ID])
				if i > 0 && h.Rank > hits[i-1].Rank {
					t.Errorf("hit %d (%s) ranks %v, above hit %d (%v)", i, h.Document.ID, h.Rank, i-1, hits[i-1].Rank)
				}
				checkSnippet(t, h)
			}
		})
	}

	t.Run("snippet around the match", func(t *testing.T) {
		hits := mustSearch(t, s, store.SearchQuery{Text: "wells"})
		if len(hits) == 0 {
			t.Fatal("no hits for wells")
		}
		for _, h := range hits {
			if !strings.Contains(strings.ToLower(h.Snippet), "wells") {
				t.Errorf("snippet of %s = %q, want it to contain the match", h.Document.ID, h.Snippet)
			}
		}
	})

	t.Run("limit and offset", func(t *testing.T) {
		all := hitIDs(mustSearch(t, s, store.SearchQuery{Text: "drought"}))
		first := hitIDs(mustSearch(t, s, store.SearchQuery{Text: "drought", Limit: 1}))
		rest := hitIDs(mustSearch(t, s, store.SearchQuery{Text: "drought", Limit: 10, Offset: 1}))
		if len(all) != 3 || !slices.Equal(append(first, rest...), all) {
			t.Errorf("pages %v + %v, want %v split after the first", first, rest, all)
		}
		if past := mustSearch(t, s, store.SearchQuery{Text: "drought", Offset: 3}); len(past) != 0 {
			t.Errorf("offset past the hits: %v, want none", hitIDs(past))
		}
	})

	t.Run("default limit", func(t *testing.T) {
		var docs []*news.Document
		for i := range 25 {
			d := newDoc(fmt.Sprintf("p%02d", i))
			d.Text = fmt.Sprintf("Paging test number %d about glaciers.", i)
			docs = append(docs, d)
		}
		mustInsert(t, s, docs...)
		if hits := mustSearch(t, s, store.SearchQuery{Text: "glaciers"}); len(hits) != 20 {
			t.Errorf("%d hits without a limit, want 20", len(hits))
		}
		if hits := mustSearch(t, s, store.SearchQuery{Text: "glaciers", Limit: 100}); len(hits) != 25 {
			t.Errorf("%d hits with limit 100, want 25", len(hits))
		}
	})
}

func testSearchHostile(t *testing.T, open Opener) {
	s := mustOpen(t, open)
	mustInsert(t, s, searchCorpus()...)
	want := mustStats(t, s)
	for _, text := range []string{
		`"`, `""`, `"drought`, `foo*`, `drought*`, `*`, `a AND (`, `(`, `)`, `-x`, `-drought`,
		`title:foo`, `title:drought`, `text:`, `^drought`, `drought:*`, `NEAR(drought farms)`,
		`drought OR storm`, `NOT drought`, `drought & !farms`, `drought | farms`, `<->`, `{}`, `[drought]`,
		`'; DROP TABLE documents; --`, `'`, `\`, `%`, `_`, `$1`, `?`, `@x`, `:x`,
		"drought\x00farms", "\xff\xfe drought", "\u200c", strings.Repeat("drought ", 5000),
		strings.Repeat("x", 5000),
	} {
		name := text
		if len(name) > 40 {
			name = name[:40]
		}
		t.Run(name, func(t *testing.T) {
			hits, err := s.Search(t.Context(), store.SearchQuery{Text: text})
			if err != nil {
				t.Fatalf("Search(%q): %v", text, err)
			}
			for _, h := range hits {
				checkSnippet(t, h)
			}
		})
	}
	if got := mustStats(t, s); got != want {
		t.Errorf("Stats = %+v after hostile searches, want %+v", got, want)
	}
}

func testConcurrentUpdates(t *testing.T, open Opener) {
	s := mustOpen(t, open)
	ctx := t.Context()
	const workers, updates, perUpdate = 8, 5, 2
	var wg sync.WaitGroup
	errs := make(chan error, workers*updates)
	for w := range workers {
		wg.Go(func() {
			for u := range updates {
				errs <- s.Update(ctx, func(tx store.Tx) error {
					for i := range perUpdate {
						id := fmt.Sprintf("w%d-u%d-%d", w, u, i)
						if err := tx.InsertDocument(ctx, newDoc(id)); err != nil {
							return err
						}
						if err := tx.PutSketch(ctx, id, []uint32{uint32(w)}, []uint64{uint64(w)}); err != nil {
							return err
						}
					}
					return nil
				})
			}
		})
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		if err != nil {
			t.Errorf("concurrent Update: %v", err)
		}
	}
	docs := mustDocuments(t, s, store.DocumentQuery{})
	if len(docs) != workers*updates*perUpdate {
		t.Fatalf("%d documents stored, want %d", len(docs), workers*updates*perUpdate)
	}
	for i := 1; i < len(docs); i++ {
		if docs[i].Seq <= docs[i-1].Seq {
			t.Errorf("Seq %d of %s not above %d of %s", docs[i].Seq, docs[i].ID, docs[i-1].Seq, docs[i-1].ID)
		}
	}
}

func testReopen(t *testing.T, open Opener) {
	ctx := t.Context()
	first := open(t)
	d := newDoc("kept")
	d.Title = "Reopened archive"
	o := newDoc("orig")
	err := first.Update(ctx, func(tx store.Tx) error {
		for _, doc := range []*news.Document{o, d} {
			if err := tx.InsertDocument(ctx, doc); err != nil {
				return err
			}
		}
		if err := tx.PutSketch(ctx, "kept", []uint32{1, 2, 3}, []uint64{5}); err != nil {
			return err
		}
		return tx.SetDuplicateOf(ctx, []string{"kept"}, "orig")
	})
	if err := errors.Join(err, first.Close()); err != nil {
		t.Fatalf("write and close: %v", err)
	}
	d.DuplicateOf = "orig"

	s := mustOpen(t, open)
	if st := mustStats(t, s); st.Documents == 0 {
		t.Skip("open returned an empty store for the same test: this Opener does not reopen")
	} else if want := (store.Stats{Documents: 2, Duplicates: 1, Sources: 0}); st != want {
		t.Errorf("Stats after reopening = %+v, want %+v", st, want)
	}
	checkDocument(t, "after reopening", mustDocument(t, s, "kept"), *d)
	if hits := mustSearch(t, s, store.SearchQuery{Text: "archive"}); !slices.Equal(hitIDs(hits), []string{"kept"}) {
		t.Errorf("search after reopening = %v, want [kept]", hitIDs(hits))
	}
	next := newDoc("next")
	mustInsert(t, s, next)
	mustUpdate(t, s, func(tx store.Tx) error {
		c, err := tx.Candidates(ctx, []uint64{5})
		if err != nil {
			return err
		}
		if len(c) != 1 || c[0].ID != "kept" || !slices.Equal(c[0].Signature, []uint32{1, 2, 3}) {
			t.Errorf("Candidates after reopening = %+v, want the sketch of kept", c)
		}
		return nil
	})
	if next.Seq <= d.Seq {
		t.Errorf("Seq after reopening = %d, want above %d", next.Seq, d.Seq)
	}
}

// newDoc returns a minimal document with id.
func newDoc(id string) *news.Document {
	return &news.Document{ID: id, Origin: "storetest/" + id, Text: "The text of document " + id + "."}
}

// mustOpen opens a store and closes it when t ends.
func mustOpen(t *testing.T, open Opener) store.Store {
	t.Helper()
	s := open(t)
	t.Cleanup(func() {
		if err := s.Close(); err != nil {
			t.Errorf("close store: %v", err)
		}
	})
	return s
}

// mustUpdate runs fn in an Update and fails t if it fails.
func mustUpdate(t *testing.T, s store.Store, fn func(store.Tx) error) {
	t.Helper()
	if err := s.Update(t.Context(), fn); err != nil {
		t.Fatalf("Update: %v", err)
	}
}

// mustInsert inserts docs in one Update.
func mustInsert(t *testing.T, s store.Store, docs ...*news.Document) {
	t.Helper()
	mustUpdate(t, s, func(tx store.Tx) error {
		for _, d := range docs {
			if err := tx.InsertDocument(t.Context(), d); err != nil {
				return err
			}
		}
		return nil
	})
}

func mustDocument(t *testing.T, s store.Store, id string) news.Document {
	t.Helper()
	d, err := s.Document(t.Context(), id)
	if err != nil {
		t.Fatalf("Document(%s): %v", id, err)
	}
	return d
}

func mustDocuments(t *testing.T, s store.Store, q store.DocumentQuery) []news.Document {
	t.Helper()
	docs, err := s.Documents(t.Context(), q)
	if err != nil {
		t.Fatalf("Documents(%+v): %v", q, err)
	}
	return docs
}

func mustStats(t *testing.T, s store.Store) store.Stats {
	t.Helper()
	st, err := s.Stats(t.Context())
	if err != nil {
		t.Fatalf("Stats: %v", err)
	}
	return st
}

func mustSearch(t *testing.T, s store.Store, q store.SearchQuery) []store.Hit {
	t.Helper()
	hits, err := s.Search(t.Context(), q)
	if err != nil {
		t.Fatalf("Search(%q): %v", q.Text, err)
	}
	return hits
}

// checkDocument fails t unless got equals want, IngestedAt as an instant.
func checkDocument(t *testing.T, what string, got, want news.Document) {
	t.Helper()
	if !got.IngestedAt.Equal(want.IngestedAt) {
		t.Errorf("%s: IngestedAt = %v, want %v", what, got.IngestedAt, want.IngestedAt)
	}
	got.IngestedAt, want.IngestedAt = time.Time{}, time.Time{}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("%s:\n got %#v\nwant %#v", what, got, want)
	}
}

// checkSnippet fails t unless the snippet of h is plain text from its
// document.
func checkSnippet(t *testing.T, h store.Hit) {
	t.Helper()
	if strings.TrimSpace(h.Snippet) == "" {
		t.Errorf("empty snippet for %s", h.Document.ID)
	}
	for _, marker := range []string{"<b>", "</b>", "<mark>", "[", "]"} {
		if strings.Contains(h.Snippet, marker) && !strings.Contains(h.Document.Text, marker) {
			t.Errorf("snippet of %s has %q: %q", h.Document.ID, marker, h.Snippet)
		}
	}
	for _, word := range strings.Fields(h.Snippet) {
		if !strings.Contains(h.Document.Text, word) {
			t.Errorf("snippet of %s has %q, which is not in its text: %q", h.Document.ID, word, h.Snippet)
			break
		}
	}
}

func docIDs(docs []news.Document) []string {
	var ids []string
	for _, d := range docs {
		ids = append(ids, d.ID)
	}
	return ids
}

func hitIDs(hits []store.Hit) []string {
	var ids []string
	for _, h := range hits {
		ids = append(ids, h.Document.ID)
	}
	return ids
}

func sketchIDs(sketches []store.Sketch) []string {
	var ids []string
	for _, s := range sketches {
		ids = append(ids, s.ID)
	}
	return ids
}
