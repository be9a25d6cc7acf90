package ingest_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/parallax-news/parallax/internal/ingest"
)

func TestDecodeText(t *testing.T) {
	tests := []struct {
		name string
		data string
		want string
	}{
		{"empty", "", ""},
		{"ascii", "plain text\n", "plain text\n"},
		{"utf-8 kept", "café “quoted” — €5", "café “quoted” — €5"},
		{"utf-8 bom stripped", "\xef\xbb\xbfcafé", "café"},
		{"only bom", "\xef\xbb\xbf", ""},
		{"latin-1", "caf\xe9 cr\xe8me br\xfbl\xe9e", "café crème brûlée"},
		{"windows-1252 quotes and dashes", "\x93Yes,\x94 she said \x96 it\x92s \x80" + "5", "“Yes,” she said – it’s €5"},
		{"windows-1252 undefined bytes", "a\x81b\x8dc\x8fd\x90e\x9df\xe9", "a\ufffdb\ufffdc\ufffdd\ufffde\ufffdfé"},
		{"utf-16le bom", "\xff\xfec\x00a\x00f\x00\xe9\x00 \x00\x1c\x20x\x00\x1d\x20", "café “x”"},
		{"utf-16be bom", "\xfe\xff\x00c\x00a\x00f\x00\xe9\xd8\x3d\xde\x00", "café😀"},
		{"utf-16 odd length", "\xff\xfeh\x00i\x00!", "hi\ufffd"},
		{"utf-16 unpaired surrogate", "\xff\xfe\x00\xd8a\x00", "\ufffda"},
		{"mostly utf-8 with one bad byte", "caf\xc3\xa9 and caf\xe9", "cafÃ© and café"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got := ingest.DecodeText([]byte(tc.data))
			if got != tc.want {
				t.Errorf("DecodeText(%q) = %q, want %q", tc.data, got, tc.want)
			}
			if !utf8.ValidString(got) {
				t.Errorf("DecodeText(%q) = %q: invalid UTF-8", tc.data, got)
			}
		})
	}
}

func TestDecodeHTML(t *testing.T) {
	const body = "<p>caf\xe9 \x93x\x94</p>" // Windows-1252
	tests := []struct {
		name        string
		data        string
		contentType string
		want        string // a substring of the result
	}{
		{"undeclared utf-8", "<p>café “x”</p>", "", "<p>café “x”</p>"},
		{"undeclared windows-1252", body, "", "café “x”"},
		{"meta charset", `<meta charset="windows-1252">` + body, "", "café “x”"},
		{"meta http-equiv", `<meta http-equiv="Content-Type" content="text/html; charset=ISO-8859-1">` + body, "", "café “x”"},
		{"meta charset iso-8859-15", `<meta charset="iso-8859-15">` + "<p>\xa4</p>", "", "<p>€</p>"},
		{"header charset", body, "text/html; charset=windows-1252", "café “x”"},
		{"header beats meta", `<meta charset="iso-8859-2">` + "<p>\xe8</p>", "text/html; charset=windows-1252", "<p>è</p>"},
		{"meta beats fallback", `<meta charset="iso-8859-2">` + "<p>\xe8</p>", "", "<p>č</p>"},
		{"unknown header charset ignored", "<p>café</p>", "text/html; charset=x-nonsense", "<p>café</p>"},
		{"declared utf-8 with bad bytes", "<meta charset=utf-8><p>caf\xe9</p>", "", "<p>caf\ufffd</p>"},
		{"meta utf-16 means utf-8", `<meta charset="utf-16"><p>café</p>`, "", "<p>café</p>"},
		{"utf-8 bom beats header", "\xef\xbb\xbf<p>café</p>", "text/html; charset=windows-1252", "<p>café</p>"},
		{"utf-16le bom", "\xff\xfe<\x00p\x00>\x00\xe9\x00", "", "<p>é"},
		{"shift_jis", `<meta charset="shift_jis"><p>` + "\x93\xfa\x96\x7b" + "</p>", "", "<p>日本</p>"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, err := ingest.DecodeHTML([]byte(tc.data), tc.contentType)
			if err != nil {
				t.Fatal(err)
			}
			if !strings.Contains(string(got), tc.want) {
				t.Errorf("DecodeHTML(%q, %q) = %q, want it to contain %q", tc.data, tc.contentType, got, tc.want)
			}
			if !utf8.Valid(got) || strings.HasPrefix(string(got), "\ufeff") {
				t.Errorf("DecodeHTML(%q) = %q: invalid UTF-8 or BOM left", tc.data, got)
			}
		})
	}
}

// TestDecodeHTMLFixture checks the Windows-1252 fixture is what it claims
// to be, so that an editor saving it as UTF-8 is caught.
func TestDecodeHTMLFixture(t *testing.T) {
	data, err := os.ReadFile(filepath.Join("testdata", "html", "windows1252.html"))
	if err != nil {
		t.Fatal(err)
	}
	if utf8.Valid(data) {
		t.Fatal("testdata/html/windows1252.html is valid UTF-8; it must be Windows-1252")
	}
	got, err := ingest.DecodeHTML(data, "")
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"Café Rivière", "“We could", "workers’", "€410,000 —"} {
		if !strings.Contains(string(got), want) {
			t.Errorf("decoded page lacks %q", want)
		}
	}
}

func FuzzDecodeText(f *testing.F) {
	for _, s := range []string{"", "plain", "\xef\xbb\xbfbom", "\xff\xfeh\x00i\x00", "\xfe\xff\x00h\xd8\x00", "caf\xe9 \x81\x8d\x8f\x90\x9d"} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		if got := ingest.DecodeText(data); !utf8.ValidString(got) {
			t.Errorf("DecodeText(%q) = %q: invalid UTF-8", data, got)
		}
	})
}

func FuzzDecodeHTML(f *testing.F) {
	f.Add([]byte(`<meta charset="windows-1252"><p>caf\xe9</p>`), "")
	f.Add([]byte("<p>caf\xe9</p>"), "text/html; charset=iso-2022-jp")
	f.Add([]byte("\xff\xfe<\x00"), "")
	f.Fuzz(func(t *testing.T, data []byte, contentType string) {
		got, err := ingest.DecodeHTML(data, contentType)
		if err != nil {
			return
		}
		if !utf8.Valid(got) {
			t.Errorf("DecodeHTML(%q, %q) = %q: invalid UTF-8", data, contentType, got)
		}
	})
}
