package quotes

import (
	"slices"
	"strings"
	"testing"

	"github.com/parallax-news/parallax/internal/text"
)

func TestFindRegions(t *testing.T) {
	tests := []struct {
		name, text string
		// want is each region's words, with "+" after one that goes on
		// in the next paragraph and "-" before one that goes on from the
		// last.
		want []string
	}{
		{"curly", "He said “yes, we will” and left.", []string{"yes, we will"}},
		{"straight", `He said "yes" and "no".`, []string{"yes", "no"}},
		{"guillemets", "Il a dit « oui » hier.", []string{"oui"}},
		{"German", "Er sagte „ja“ gestern.", []string{"ja"}},
		{"single", "‘We will win,’ she said.", []string{"We will win,"}},
		{"apostrophes open nothing", "The players’ union and O'Brien's dog's bone.", nil},
		{"doubled apostrophes", "on ''Meet the Press'' today", []string{"Meet the Press"}},
		{"nested", "“He called it ‘a crime’ and “a disgrace” too,” she said.", []string{"He called it ‘a crime’ and “a disgrace” too,"}},
		{"opening glyph closing", "“Watch out for their plots! “, said the Leader.", []string{"Watch out for their plots!"}},
		{"mismatched", "“The enemy will never win. »", []string{"The enemy will never win."}},
		{"stray closing mark", "It was ” fine” then.", nil},
		{"unclosed", "He said: “We will win.\n\nThe end.", []string{"We will win."}},
		{"across paragraphs", "He said: “We will win.\n\n“And rebuild,” he added.", []string{"We will win.+", "-And rebuild,"}},
		{"markup attribute", `<tweet tweet-id="7731137">A tweet</tweet>`, nil},
		{"empty", "“”", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc := text.Segment(tt.text)
			var got []string
			for _, r := range findRegions(tt.text, doc) {
				if r.first >= r.end || r.first <= r.open {
					t.Fatalf("bad region %+v", r)
				}
				s := tt.text[doc.Tokens[r.first].Start:doc.Tokens[r.end-1].End]
				if r.continues {
					s += "+"
				}
				if r.continued {
					s = "-" + s
				}
				got = append(got, s)
			}
			if !slices.Equal(got, tt.want) {
				t.Errorf("regions = %q, want %q", got, tt.want)
			}
		})
	}
}

func TestInflect(t *testing.T) {
	for _, tt := range []struct{ base, want string }{
		{"note", "note notes noted noting"},
		{"deny", "deny denies denied denying"},
		{"stress", "stress stresses stressed stressing"},
		{"say", "say says sayed saying"},
		{"snap", "snap snaps snapped snapping"},
	} {
		if got := strings.Join(inflect(tt.base), " "); got != tt.want {
			t.Errorf("inflect(%q) = %q, want %q", tt.base, got, tt.want)
		}
	}
}
