package reconcile_test

import (
	"testing"

	"github.com/parallax-news/parallax/internal/reconcile"
)

func TestSameUtterance(t *testing.T) {
	// Three outlets' translations of one remark, and two other remarks of
	// the same speaker on the same visit.
	renderings := []string{
		"This bond (between Iran and Syria) is vital for both countries, and its strength must not be allowed to wane",
		"This connection and relationship is vital for both countries and its strength must not wane",
		"The bond and the relationship between Iran and Syria are vital to both countries",
	}
	others := []string{
		"Syria today is not the Syria before the war, though there was no destruction then",
		"The people of the region are standing against the enemies of the resistance",
	}
	for i, a := range renderings {
		for _, b := range renderings[i+1:] {
			if ok, score := reconcile.SameUtterance(reconcile.ContentWords(a), reconcile.ContentWords(b)); !ok {
				t.Errorf("%q and %q: %.2f, want one utterance", a, b, score)
			}
		}
		for _, b := range others {
			if ok, score := reconcile.SameUtterance(reconcile.ContentWords(a), reconcile.ContentWords(b)); ok {
				t.Errorf("%q and %q: %.2f, want different utterances", a, b, score)
			}
		}
	}
}

func TestContentWords(t *testing.T) {
	got := reconcile.ContentWords("The countries' relations are vital, and the country's relation is vital")
	want := []string{"country", "relation", "vital"}
	if len(got) != len(want) {
		t.Fatalf("ContentWords = %v, want %v", got, want)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("ContentWords = %v, want %v", got, want)
		}
	}
}
