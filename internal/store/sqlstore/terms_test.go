package sqlstore_test

import (
	"slices"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/parallax-news/parallax/internal/store/sqlstore"
)

func TestTerms(t *testing.T) {
	for _, tc := range []struct {
		text string
		want []string
	}{
		{"", nil},
		{"   ", nil},
		{`"`, nil},
		{"drought", []string{"drought"}},
		{"Isfahan drought", []string{"Isfahan", "drought"}},
		{"foo*", []string{"foo"}},
		{"a AND (", []string{"a", "AND"}},
		{"-x", []string{"x"}},
		{"title:foo", []string{"title", "foo"}},
		{"'; DROP TABLE documents; --", []string{"DROP", "TABLE", "documents"}},
		{"Zürich 2022", []string{"Zürich", "2022"}},
		{"تهران خشکسالی", []string{"تهران", "خشکسالی"}},
		{"e\u0301te\u0301", []string{"e\u0301te\u0301"}}, // combining acute accents stay in the word
	} {
		if got := sqlstore.Terms(tc.text); !slices.Equal(got, tc.want) {
			t.Errorf("Terms(%q) = %q, want %q", tc.text, got, tc.want)
		}
	}
	if got := sqlstore.Terms(strings.Repeat("w ", 100)); len(got) != sqlstore.MaxTerms {
		t.Errorf("Terms of 100 words gave %d, want %d", len(got), sqlstore.MaxTerms)
	}
}

func FuzzTerms(f *testing.F) {
	for _, s := range []string{"", "drought in Isfahan", `"a" OR b*`, "NEAR(a b)", "\xff\xfe"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		terms := sqlstore.Terms(text)
		if len(terms) > sqlstore.MaxTerms {
			t.Fatalf("%d terms, want at most %d", len(terms), sqlstore.MaxTerms)
		}
		for _, term := range terms {
			if term == "" {
				t.Fatal("empty term")
			}
			if !strings.Contains(text, term) {
				t.Fatalf("term %q is not in %q", term, text)
			}
			for _, r := range term {
				if r == utf8.RuneError || !(unicode.IsLetter(r) || unicode.IsNumber(r) || unicode.IsMark(r)) {
					t.Fatalf("term %q has %q", term, r)
				}
			}
		}
	})
}
