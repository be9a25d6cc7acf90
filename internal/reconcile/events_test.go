package reconcile

import (
	"context"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/parallax-news/parallax/internal/analyze"
	"github.com/parallax-news/parallax/internal/ner"
	"github.com/parallax-news/parallax/internal/news"
	"github.com/parallax-news/parallax/internal/store"
	"github.com/parallax-news/parallax/internal/store/sqlite"
)

// termsTx is a store.Tx that records the terms EventTerms is asked for.
type termsTx struct {
	store.Tx
	asked []string
	calls int
}

func (tx *termsTx) EventTerms(ctx context.Context, terms []string) (map[string]int, int, error) {
	tx.calls++
	tx.asked = append(tx.asked, terms...)
	return tx.Tx.EventTerms(ctx, terms)
}

// TestEventTermsReadsOnlyWhatItNeeds links documents into a store whose
// vocabulary is mostly of other documents: a run reads the counts of
// the terms it weighs (those of the documents and of their candidate
// events), each once, and never the rest of the vocabulary; and every
// term it weighs was read first.
func TestEventTermsReadsOnlyWhatItNeeds(t *testing.T) {
	model, err := ner.Default()
	if err != nil {
		t.Skipf("no NER model: %v", err)
	}
	an := analyze.New(model)
	ctx := t.Context()
	st, err := sqlite.Open(ctx, filepath.Join(t.TempDir(), "events.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()

	// A vocabulary no document of this test uses, counted by an
	// earlier run.
	var other []string
	for i := range 3000 {
		other = append(other, "w:unrelated"+strconv.Itoa(i), "n:nobody"+strconv.Itoa(i))
	}
	if err := st.Update(ctx, func(tx store.Tx) error {
		for range 3 {
			if err := tx.ObserveEventTerms(ctx, other); err != nil {
				return err
			}
		}
		return nil
	}); err != nil {
		t.Fatal(err)
	}

	texts := []string{
		"Syrian President Bashar al-Assad visited Tehran on Sunday, his first visit to Iran since 2011. Assad met Supreme Leader Ali Khamenei and President Ebrahim Raisi. He had previously visited Tehran in February 2019.",
		"Bashar al-Assad arrived in Tehran on Sunday for talks with Iranian President Ebrahim Raisi, the Syrian presidency said. Khamenei received Assad. Assad last visited Iran in February 2019.",
		"Floods killed 45 people in northern Italy on Saturday, officials said. Rescuers searched for survivors in Emilia-Romagna as rivers burst their banks.",
		"At least 45 people died in floods in Emilia-Romagna, Italy, on Saturday. Prime Minister Giorgia Meloni visited the region on Monday.",
		"Chancellor Olaf Scholz met French President Emmanuel Macron in Paris on Tuesday to discuss energy prices and the war in Ukraine.",
	}
	// Two runs: the second compares its documents with events of the
	// first, whose terms it has not read yet.
	first := NewEventTerms()
	terms := first
	var asked, run []string // all the terms read, those of this run
	for i, txt := range texts {
		if i == 1 {
			if first.misses != 0 {
				t.Errorf("first run: %d lookups of terms not read first", first.misses)
			}
			terms, run = NewEventTerms(), nil
		}
		d := news.Document{ID: "d" + strconv.Itoa(i), Text: txt, Published: "2023-05-" + strconv.Itoa(10+i)}
		a := an.Analyze(txt)
		err := st.Update(ctx, func(tx store.Tx) error {
			if err := tx.InsertDocument(ctx, &d); err != nil {
				return err
			}
			if err := tx.PutAnalysis(ctx, d.ID, a); err != nil {
				return err
			}
			if err := LinkEntities(ctx, tx, d, a); err != nil {
				return err
			}
			ttx := &termsTx{Tx: tx}
			if err := LinkEvents(ctx, ttx, d, a, terms); err != nil {
				return err
			}
			asked = append(asked, ttx.asked...)
			run = append(run, ttx.asked...)
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
	}
	if terms.misses != 0 {
		t.Errorf("%d lookups of terms not read first", terms.misses)
	}
	if len(asked) == 0 {
		t.Fatal("no term read")
	}
	for _, a := range asked {
		if strings.Contains(a, "unrelated") || strings.Contains(a, "nobody") {
			t.Fatalf("read %q, which no document linked holds", a)
		}
	}
	sorted := slices.Sorted(slices.Values(run))
	if c := slices.Compact(slices.Clone(sorted)); len(c) != len(sorted) {
		t.Errorf("read %d terms, %d of them once: a term is read once a run", len(sorted), len(c))
	}
	if terms.docs != 3+len(texts) {
		t.Errorf("documents counted = %d, want those of the earlier run and those linked", terms.docs)
	}

	// The counts the run keeps are the store's.
	err = st.Update(ctx, func(tx store.Tx) error {
		var all []string
		for p, m := range terms.df {
			for rest := range m {
				all = append(all, p+rest)
			}
		}
		df, docs, err := tx.EventTerms(ctx, all)
		if err != nil {
			return err
		}
		if docs != terms.docs {
			t.Errorf("documents: %d in the run, %d in the store", terms.docs, docs)
		}
		for _, term := range all {
			if got := terms.DocFreq(term); got != df[term] {
				t.Errorf("%s: %d documents in the run, %d in the store", term, got, df[term])
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}
