package reconcile_test

import (
	"testing"

	"github.com/parallax-news/parallax/internal/reconcile"
)

func TestChooseEntity(t *testing.T) {
	corpus := []reconcile.EntityRecord{
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
			var cands []reconcile.EntityRecord
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
