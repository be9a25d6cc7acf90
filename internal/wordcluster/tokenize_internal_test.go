package wordcluster

import (
	"slices"
	"strings"
	"testing"
	"unicode/utf8"
)

func TestTokenize(t *testing.T) {
	for _, tc := range []struct {
		name, text string
		want       []string // sentences, tokens separated by spaces
	}{
		{"punctuation", `He said: "No, never!" Then he left.`,
			[]string{`He said : " No , never ! "`, `Then he left .`}},
		{"possessive and clitics", "Clinton's aides don't know; they're sure it's Obama’s.",
			[]string{"Clinton 's aides do n't know ; they 're sure it 's Obama 's ."}},
		{"abbreviations", "The U.S. and Mr. Smith met J. Doe at 3 p.m. in Washington.",
			[]string{"The U.S. and Mr. Smith met J. Doe at 3 p.m. in Washington ."}},
		{"hyphens and numbers", "A 27-year-old paid $1,000.50 (about £600m) for 76% of the gun-control group.",
			[]string{"A 27-year-old paid $ 1,000.50 ( about £ 600m ) for 76 % of the gun-control group ."}},
		{"curly quotes and dashes", "“The ultimate crisis,” Dean said — twice…",
			[]string{`" The ultimate crisis , " Dean said -- twice ...`}},
		{"plural possessive and decades", "The parents' protest in the '90s.",
			[]string{"The parents ' protest in the '90s ."}},
		{"paragraphs", "Ad sales boost profit\n\nQuarterly profits\njumped 76%.",
			[]string{"Ad sales boost profit", "Quarterly profits jumped 76 % ."}},
		{"sentence end", "It rained. Was it? Yes! (It was.) Fine.",
			[]string{"It rained .", "Was it ?", "Yes !", "( It was . )", "Fine ."}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var got []string
			for _, s := range tokenize(tc.text) {
				got = append(got, strings.Join(s, " "))
			}
			if !slices.Equal(got, tc.want) {
				t.Errorf("tokenize(%q)\n got %q\nwant %q", tc.text, got, tc.want)
			}
		})
	}
}

func FuzzTokenize(f *testing.F) {
	f.Add("He said: \"No, U.S. don't.\" Then £5 ... '90s parents' (x)")
	f.Add("''''..!!??")
	f.Fuzz(func(t *testing.T, text string) {
		for _, s := range tokenize(text) {
			if len(s) == 0 {
				t.Fatal("empty sentence")
			}
			for _, tok := range s {
				if tok == "" || strings.ContainsAny(tok, " \t\n\r") {
					t.Fatalf("bad token %q", tok)
				}
				if utf8.ValidString(text) && !utf8.ValidString(tok) {
					t.Fatalf("token %q is not valid UTF-8", tok)
				}
			}
		}
	})
}
