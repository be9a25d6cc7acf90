package text_test

import (
	"os"
	"path/filepath"
	"testing"
	"unicode/utf8"

	"github.com/parallax-news/parallax/internal/text"
)

func TestNormalize(t *testing.T) {
	tests := []struct {
		name, in, want string
	}{
		{"empty", "", ""},
		{"plain", "Hello, world.", "Hello, world."},
		{"crlf", "a\r\nb\rc", "a\nb\nc"},
		{"bom", "\ufeffTEHRAN — text", "TEHRAN — text"},
		{"nul and controls", "a\x00b\x07c\x1bd", "abcd"},
		{"tab kept", "a\tb", "a\tb"},
		{"nfc", "Cafe\u0301", "Café"},
		{"line separators", "a\u2028b\u2029c", "a\nb\nc"},
		{"invalid utf8", "a\xffb", "a\ufffdb"},
		{"c1 controls", "a\u0085b", "ab"},
		{"trim", "\n\n  Title\n\nBody.  \n\n", "Title\n\nBody."},
		{"paragraphs kept", "P1 line.\n\n\nP2 line.", "P1 line.\n\n\nP2 line."},
		{"nbsp kept", "a\u00a0b", "a\u00a0b"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := text.Normalize(tt.in)
			if got != tt.want {
				t.Errorf("Normalize(%q) = %q, want %q", tt.in, got, tt.want)
			}
			if again := text.Normalize(got); again != got {
				t.Errorf("not idempotent: %q -> %q", got, again)
			}
		})
	}
}

// TestNormalizeSeedsUnchanged checks that clean real articles pass through
// untouched, so offsets into the original files stay valid.
func TestNormalizeSeedsUnchanged(t *testing.T) {
	files, _ := filepath.Glob("../../../shared/corpus/seeds/*.txt")
	if len(files) == 0 {
		t.Skip("../shared/corpus/seeds not present")
	}
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		if got := text.Normalize(string(b)); got != string(b) {
			t.Errorf("%s: normalization changed a clean article (%d -> %d bytes)", f, len(b), len(got))
		}
	}
}

func FuzzNormalize(f *testing.F) {
	for _, s := range []string{"", "a\r\nb", "\ufeff\x00x", "e\u0301", "\xff\xfe"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		got := text.Normalize(s)
		if !utf8.ValidString(got) {
			t.Fatalf("invalid UTF-8 from %q", s)
		}
		if again := text.Normalize(got); again != got {
			t.Fatalf("not idempotent: %q -> %q -> %q", s, got, again)
		}
	})
}
