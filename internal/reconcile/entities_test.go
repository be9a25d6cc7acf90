package reconcile_test

import (
	"fmt"
	"testing"

	"github.com/parallax-news/parallax/internal/reconcile"
	"github.com/parallax-news/parallax/internal/store"
)

func TestChooseEntity(t *testing.T) {
	corpus := []store.Entity{
		{ID: "bashar", Type: "PER", Names: []string{"Bashar al-Assad", "Assad"}},
		{ID: "hafez", Type: "PER", Names: []string{"Hafez al-Assad"}},
		{ID: "khamenei", Type: "PER", Names: []string{"Seyyed Ali Khamenei", "Khamenei"}},
		{ID: "khomeini", Type: "PER", Names: []string{"Ruhollah Khomeini", "Khomeini"}},
		{ID: "mbr", Type: "PER", Names: []string{"Mohammed bin Rashid Al Maktoum"}},
		{ID: "mbz", Type: "PER", Names: []string{"Mohammed bin Zayed Al Nahyan"}},
		{ID: "abdollahian", Type: "PER", Names: []string{"Hossein Amir-Abdollahian"}},
		{ID: "hamedani", Type: "PER", Names: []string{"Hossein Hamedani"}},
		{ID: "irgc", Type: "ORG", Names: []string{"Islamic Revolutionary Guard Corps"}},
		{ID: "soleimani", Type: "PER", Names: []string{"Qassem Soleimani"}},
		{ID: "syria", Type: "LOC", Names: []string{"Syria"}},
	}
	tests := []struct {
		name  string
		typ   string
		forms []string
		want  string // "" for a new entity
	}{
		{"spelling variant", "PER", []string{"Bashar Assad"}, "bashar"},
		{"full name joins its entity", "PER", []string{"Bashar al-Assad", "Assad"}, "bashar"},
		{"a lone surname shared by two people starts no merge", "PER", []string{"Assad"}, ""},
		{"transliteration", "PER", []string{"Seyed Ali Khamenei"}, "khamenei"},
		{"without the honorific name", "PER", []string{"Ali Khamenei"}, "khamenei"},
		{"Khomeini is not Khamenei", "PER", []string{"Khomeini"}, "khomeini"},
		{"another Mohammed", "PER", []string{"Mohammed bin Zayed"}, "mbz"},
		{"another Hossein", "PER", []string{"Hossein Salami"}, ""},
		{"Hamedani", "PER", []string{"Hamedani"}, "hamedani"},
		{"Qasem", "PER", []string{"Qasem Soleimani"}, "soleimani"},
		{"acronym", "ORG", []string{"IRGC"}, "irgc"},
		{"type matters", "ORG", []string{"Syria"}, ""},
		{"place", "LOC", []string{"Syria"}, "syria"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			// Only the candidates under the blocking keys are compared.
			keys := map[string]bool{}
			for _, k := range reconcile.BlockingKeys(tt.typ, tt.forms) {
				keys[k] = true
			}
			var cands []store.Entity
			for _, c := range corpus {
				for _, k := range reconcile.BlockingKeys(c.Type, c.Names) {
					if keys[k] {
						cands = append(cands, c)
						break
					}
				}
			}
			got, ok := reconcile.ChooseEntity(tt.typ, tt.forms, cands)
			if got != tt.want || ok != (tt.want != "") {
				t.Errorf("ChooseEntity(%v) = %q, %v; want %q", tt.forms, got, ok, tt.want)
			}
		})
	}
}

func TestChooseEntityGrowingCorpus(t *testing.T) {
	// Documents arrive one at a time; each joins or starts an entity.
	var corpus []store.Entity
	link := func(typ string, forms ...string) string {
		if id, ok := reconcile.ChooseEntity(typ, forms, corpus); ok {
			for i := range corpus {
				if corpus[i].ID == id {
					corpus[i].Names = append(corpus[i].Names, forms...)
				}
			}
			return id
		}
		id := fmt.Sprintf("E%d", len(corpus)+1)
		corpus = append(corpus, store.Entity{ID: id, Type: typ, Names: forms})
		return id
	}
	bashar := link("PER", "Bashar al-Assad", "Assad")
	hafez := link("PER", "Hafez al-Assad")
	lone := link("PER", "Assad") // could be either: an entity of its own
	for _, tt := range []struct {
		forms []string
		want  string
	}{
		{[]string{"Bashar Assad", "Assad"}, bashar},
		{[]string{"Hafez al-Assad", "Assad"}, hafez},
		{[]string{"Assad"}, lone},
		{[]string{"Bashar al-Assad"}, bashar},
	} {
		if got := link("PER", tt.forms...); got != tt.want {
			t.Errorf("%v joined %s, want %s", tt.forms, got, tt.want)
		}
	}
	bush := link("PER", "Bush")
	if got := link("PER", "George W. Bush"); got != bush {
		t.Errorf("George W. Bush joined %s, want %s: the one Bush known so far", got, bush)
	}
	if got := link("PER", "Kate Bush"); got == bush {
		t.Errorf("Kate Bush joined George W. Bush")
	}
	if got := link("PER", "Rifaat al-Assad"); got == lone || got == bashar || got == hafez {
		t.Errorf("Rifaat al-Assad joined %s, an Assad known by surname only while two are known", got)
	}
	irgc := link("ORG", "IRGC")
	if got := link("ORG", "Islamic Revolutionary Guard Corps"); got != irgc {
		t.Errorf("the Guard Corps joined %s, want %s (IRGC)", got, irgc)
	}
	if bashar == hafez || lone == bashar || lone == hafez {
		t.Errorf("look-alikes merged: Bashar %s, Hafez %s, Assad %s", bashar, hafez, lone)
	}
}

func TestResolveRole(t *testing.T) {
	holders := []store.RoleHolding{
		{Entity: "rouhani", Published: "2019-02-25"},
		{Entity: "raisi", Published: "2022-05-08T12:00:00Z"},
		{Entity: "raisi", Published: "2023-09-19"},
		{Entity: "raisi", Published: "2024-05-20", Ended: true}, // "the late President Raisi"
		{Entity: "mokhber", Published: "2024-05-22"},
	}
	for _, tt := range []struct{ published, want string }{
		{"2019-03-01", "rouhani"},
		{"2022-05-09", "raisi"},
		{"2024-05-26", "mokhber"},
		{"2024-04-01", "raisi"},
		{"2010-01-01", ""}, // nobody near enough
		{"", ""},
	} {
		if got := reconcile.ResolveRole(tt.published, holders); got != tt.want {
			t.Errorf("ResolveRole(%q) = %q, want %q", tt.published, got, tt.want)
		}
	}
}

func TestChooseEntitySalience(t *testing.T) {
	cands := []store.Entity{
		{ID: "tony", Type: "PER", Names: []string{"Tony Blair", "Blair"}, Documents: 147},
		{ID: "cherie", Type: "PER", Names: []string{"Cherie Blair"}, Documents: 4},
		{ID: "ian", Type: "PER", Names: []string{"Ian Blair"}, Documents: 3},
	}
	if got, ok := reconcile.ChooseEntity("PER", []string{"Blair"}, cands); got != "tony" || !ok {
		t.Errorf("a lone Blair joined %q, %v; want Tony Blair, named in far more documents", got, ok)
	}
	cands[1].Documents = 60
	if got, ok := reconcile.ChooseEntity("PER", []string{"Blair"}, cands); ok {
		t.Errorf("a lone Blair joined %q; with two Blairs often named it is neither", got)
	}
	places := []store.Entity{
		{ID: "york", Type: "LOC", Names: []string{"York"}, Documents: 2},
		{ID: "newyork", Type: "LOC", Names: []string{"New York"}, Documents: 90},
	}
	if got, _ := reconcile.ChooseEntity("LOC", []string{"York"}, places); got != "york" {
		t.Errorf("York joined %q, want York (a place is not joined by part of its name)", got)
	}
	if got, ok := reconcile.ChooseEntity("LOC", []string{"Africa"}, []store.Entity{{ID: "sa", Type: "LOC", Names: []string{"South Africa"}, Documents: 50}}); ok {
		t.Errorf("Africa joined %q", got)
	}
	orgs := []store.Entity{{ID: "ng", Type: "ORG", Names: []string{"Northrop Grumman"}}, {ID: "bbc", Type: "ORG", Names: []string{"BBC"}}}
	if got, _ := reconcile.ChooseEntity("ORG", []string{"Northrop"}, orgs); got != "ng" {
		t.Errorf("Northrop joined %q, want Northrop Grumman", got)
	}
	if got, ok := reconcile.ChooseEntity("ORG", []string{"Barclays Capital"}, orgs); ok {
		t.Errorf("Barclays Capital joined %q (BC is not BBC)", got)
	}
	if got, _ := reconcile.ChooseEntity("ORG", []string{"Apple Inc."}, []store.Entity{{ID: "apple", Type: "ORG", Names: []string{"Apple"}}}); got != "apple" {
		t.Errorf("Apple Inc. joined %q, want Apple", got)
	}
	if got, _ := reconcile.ChooseEntity("MISC", []string{"Boeing"}, []store.Entity{{ID: "boeing", Type: "ORG", Names: []string{"Boeing"}}}); got != "boeing" {
		t.Errorf("Boeing (MISC) joined %q, want Boeing the company", got)
	}
}
