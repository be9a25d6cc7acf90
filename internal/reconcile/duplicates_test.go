package reconcile_test

import (
	"context"
	"fmt"
	"math"
	"slices"
	"strings"
	"testing"

	"github.com/parallax-news/parallax/internal/news"
	"github.com/parallax-news/parallax/internal/reconcile"
	"github.com/parallax-news/parallax/internal/store"
)

// words returns n distinct words from a seed, so texts with known overlap can
// be built.
func words(seed string, n int) []string {
	w := make([]string, n)
	for i := range w {
		w[i] = fmt.Sprintf("%s%d", seed, i)
	}
	return w
}

func TestSignatureEstimatesJaccard(t *testing.T) {
	base := words("w", 400)
	tests := []struct {
		name string
		a, b string
		min  float64
		max  float64
	}{
		{"identical", strings.Join(base, " "), strings.Join(base, " "), 1, 1},
		{"spacing and case do not matter", strings.Join(base, " "), strings.ToUpper(strings.Join(base, "  \n")), 1, 1},
		{"punctuation does not matter", strings.Join(base, ", "), strings.Join(base, ". "), 1, 1},
		{"unrelated", strings.Join(base, " "), strings.Join(words("z", 400), " "), 0, 0.05},
		// Replacing the last 100 of 400 words leaves 298 of 398 shingles on
		// each side shared: Jaccard 298/498 = 0.60.
		{"three quarters shared", strings.Join(base, " "), strings.Join(append(slices.Clone(base[:300]), words("x", 100)...), " "), 0.45, 0.75},
		{"new header and footer", strings.Join(base, " "), "BREAKING NEWS " + strings.Join(base, " ") + " All rights reserved by Another Outlet", 0.85, 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := reconcile.Similarity(reconcile.Signature(tt.a), reconcile.Signature(tt.b))
			if s < tt.min || s > tt.max {
				t.Errorf("similarity %.3f, want in [%.2f, %.2f]", s, tt.min, tt.max)
			}
		})
	}
}

func TestSignatureStable(t *testing.T) {
	// Band keys are stored: a signature must never change across versions.
	sig := reconcile.Signature("Syrian President Bashar al-Assad made an unannounced visit to Iran")
	if len(sig) != reconcile.NumHashes {
		t.Fatalf("len %d", len(sig))
	}
	again := reconcile.Signature("Syrian President Bashar al-Assad made an unannounced visit to Iran")
	if !slices.Equal(sig, again) {
		t.Error("signature not deterministic")
	}
	bands := reconcile.Bands(sig)
	if len(bands) != reconcile.NumBands {
		t.Fatalf("%d bands", len(bands))
	}
	if got := reconcile.Signature(""); got[0] != math.MaxUint32 {
		t.Errorf("empty text signature %v", got[:3])
	}
}

// fakeTx is a hand-written in-memory store.Tx for the parts of the
// interface LinkDuplicates uses.
type fakeTx struct {
	store.Tx
	docs  map[string]*news.Document
	sigs  map[string][]uint32
	bands map[uint64][]string
}

func newFakeTx() *fakeTx {
	return &fakeTx{docs: map[string]*news.Document{}, sigs: map[string][]uint32{}, bands: map[uint64][]string{}}
}

func (f *fakeTx) Document(_ context.Context, id string) (news.Document, error) {
	d, ok := f.docs[id]
	if !ok {
		return news.Document{}, store.ErrNotFound
	}
	return *d, nil
}

func (f *fakeTx) PutSketch(_ context.Context, id string, sig []uint32, bands []uint64) error {
	f.sigs[id] = sig
	for _, b := range bands {
		f.bands[b] = append(f.bands[b], id)
	}
	return nil
}

func (f *fakeTx) Candidates(_ context.Context, bands []uint64) ([]store.Sketch, error) {
	seen := map[string]bool{}
	var out []store.Sketch
	for _, b := range bands {
		for _, id := range f.bands[b] {
			if !seen[id] {
				seen[id] = true
				d := f.docs[id]
				out = append(out, store.Sketch{ID: id, Signature: f.sigs[id], Published: d.Published, Seq: d.Seq, DuplicateOf: d.DuplicateOf})
			}
		}
	}
	slices.SortFunc(out, func(a, b store.Sketch) int { return int(a.Seq - b.Seq) })
	return out, nil
}

func (f *fakeTx) SetDuplicateOf(_ context.Context, ids []string, of string) error {
	for _, id := range ids {
		f.docs[id].DuplicateOf = of
	}
	return nil
}

func (f *fakeTx) Duplicates(_ context.Context, id string) ([]string, error) {
	var out []string
	for _, d := range f.docs {
		if d.DuplicateOf == id {
			out = append(out, d.ID)
		}
	}
	return out, nil
}

func (f *fakeTx) add(t *testing.T, id, published, text string) *news.Document {
	t.Helper()
	d := &news.Document{ID: id, Published: published, Seq: int64(len(f.docs) + 1), Text: text}
	f.docs[id] = d
	if err := reconcile.LinkDuplicates(context.Background(), f, d, reconcile.NewFingerprint(text)); err != nil {
		t.Fatal(err)
	}
	return d
}

func TestLinkDuplicates(t *testing.T) {
	story := strings.Join(words("s", 300), " ")
	other := strings.Join(words("o", 300), " ")

	t.Run("copy points at the first", func(t *testing.T) {
		f := newFakeTx()
		f.add(t, "a", "", story)
		f.add(t, "x", "", other)
		b := f.add(t, "b", "", "Header "+story+" Footer")
		if b.DuplicateOf != "a" || f.docs["x"].DuplicateOf != "" || f.docs["a"].DuplicateOf != "" {
			t.Errorf("b -> %q, x -> %q, a -> %q", b.DuplicateOf, f.docs["x"].DuplicateOf, f.docs["a"].DuplicateOf)
		}
	})
	t.Run("an earlier copy arriving later becomes the original", func(t *testing.T) {
		f := newFakeTx()
		f.add(t, "late", "2022-05-09", story)
		f.add(t, "later", "2022-05-10", story+" more")
		early := f.add(t, "early", "2022-05-08", "Dateline "+story)
		if early.DuplicateOf != "" || f.docs["late"].DuplicateOf != "early" || f.docs["later"].DuplicateOf != "early" {
			t.Errorf("early -> %q, late -> %q, later -> %q", early.DuplicateOf, f.docs["late"].DuplicateOf, f.docs["later"].DuplicateOf)
		}
	})
	t.Run("a chain resolves to the root", func(t *testing.T) {
		f := newFakeTx()
		f.add(t, "a", "", story)
		f.add(t, "b", "", story+" one")
		c := f.add(t, "c", "", story+" two")
		if c.DuplicateOf != "a" || f.docs["b"].DuplicateOf != "a" {
			t.Errorf("c -> %q, b -> %q", c.DuplicateOf, f.docs["b"].DuplicateOf)
		}
	})
	t.Run("unrelated stay apart", func(t *testing.T) {
		f := newFakeTx()
		f.add(t, "a", "", story)
		b := f.add(t, "b", "", other)
		if b.DuplicateOf != "" {
			t.Errorf("b -> %q", b.DuplicateOf)
		}
	})
}

func BenchmarkSignature(b *testing.B) {
	text := strings.Join(words("w", 500), " ")
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	for b.Loop() {
		if sig := reconcile.Signature(text); len(sig) != reconcile.NumHashes {
			b.Fatal("bad signature")
		}
	}
}
