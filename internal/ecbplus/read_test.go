package ecbplus_test

import (
	"errors"
	"os"
	"path/filepath"
	"testing"

	"github.com/parallax-news/parallax/internal/ecbplus"
)

func TestJoin(t *testing.T) {
	for _, tt := range []struct {
		toks []string
		want string
	}{
		{[]string{"The", "mayor", ",", "64", ",", "said", "so", "."}, "The mayor, 64, said so."},
		{[]string{"He", "starred", "in", "``", "Night", "Train", "''", "."}, "He starred in “Night Train”."},
		{[]string{"a", "90", "-", "day", "court", "-", "mandated", "stay"}, "a 90-day court-mandated stay"},
		{[]string{"Oakland", "-", "the", "city"}, "Oakland - the city"},
		{[]string{"at", "9", ":", "25", "a", ".", "m", ".", "in", "Calif", ".", ","}, "at 9:25 a.m. in Calif.,"},
		{[]string{"the", "team", "'s", "coach", "did", "n't", "say", "(", "yet", ")"}, "the team's coach didn't say (yet)"},
		{[]string{"he", "said", `"`, "no", "way", `"`, "twice"}, `he said "no way" twice`},
		{[]string{"a", "5", ".", "9", "magnitude", "quake", "hit", "at", "3", "."}, "a 5.9 magnitude quake hit at 3."},
		{[]string{"a", "$", "2", ".", "6-million", "haul"}, "a $2.6-million haul"},
	} {
		if got := ecbplus.Join(tt.toks); got != tt.want {
			t.Errorf("Join(%q) = %q, want %q", tt.toks, got, tt.want)
		}
	}
}

func TestParseName(t *testing.T) {
	for _, tt := range []struct {
		name       string
		topic, num int
		half       string
		err        error
	}{
		{"1_10ecb.xml", 1, 10, ecbplus.HalfECB, nil},
		{"ECB+/12/12_3ecbplus.xml", 12, 3, ecbplus.HalfECBPlus, nil},
		{"notes.xml", 0, 0, "", ecbplus.ErrName},
		{"1_xecb.xml", 0, 0, "", ecbplus.ErrName},
	} {
		topic, num, half, err := ecbplus.ParseName(tt.name)
		if topic != tt.topic || num != tt.num || half != tt.half || !errors.Is(err, tt.err) {
			t.Errorf("ParseName(%q) = %d %d %q %v, want %d %d %q %v", tt.name, topic, num, half, err, tt.topic, tt.num, tt.half, tt.err)
		}
	}
}

// fixture is a made-up ECB+ file: a URL as sentence zero, then two
// sentences.
const fixture = `<?xml version="1.0" encoding="UTF-8" standalone="no"?>
<Document doc_name="7_1ecbplus.xml" doc_id="X">
<token t_id="1" sentence="0" number="0">http</token>
<token t_id="2" sentence="0" number="1">:</token>
<token t_id="3" sentence="0" number="2">/</token>
<token t_id="4" sentence="0" number="3">/</token>
<token t_id="5" sentence="0" number="4">example</token>
<token t_id="6" sentence="1" number="0">Storm</token>
<token t_id="7" sentence="1" number="1">floods</token>
<token t_id="8" sentence="1" number="2">Harbourton</token>
<token t_id="9" sentence="2" number="0">Rivers</token>
<token t_id="10" sentence="2" number="1">rose</token>
<token t_id="11" sentence="2" number="2">&amp;</token>
<token t_id="12" sentence="2" number="3">fell</token>
<token t_id="13" sentence="2" number="4">.</token>
<Markables>
<ACTION_OCCURRENCE m_id="1"><token_anchor t_id="7"/></ACTION_OCCURRENCE>
</Markables>
</Document>
`

func TestReadFile(t *testing.T) {
	dir := t.TempDir()
	if err := os.MkdirAll(filepath.Join(dir, "7"), 0o755); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(dir, "7", "7_1ecbplus.xml")
	if err := os.WriteFile(path, []byte(fixture), 0o644); err != nil {
		t.Fatal(err)
	}
	os.WriteFile(filepath.Join(dir, "7", "7_2ecb.xml"), []byte("<Document><token"), 0o644)
	d, err := ecbplus.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if want := "Storm floods Harbourton\nRivers rose & fell.\n"; d.Text != want {
		t.Errorf("text %q, want %q", d.Text, want)
	}
	if d.URL != "http://example" || d.Event() != "7/ecbplus" {
		t.Errorf("URL %q event %q", d.URL, d.Event())
	}
	files, err := ecbplus.Files(dir, nil)
	if err != nil || len(files) != 2 || filepath.Base(files[0]) != "7_1ecbplus.xml" {
		t.Errorf("Files = %v, %v", files, err)
	}
	if _, err := ecbplus.ReadFile(files[1]); err == nil {
		t.Errorf("ReadFile of a broken file: no error")
	}
	if !ecbplus.IsCorpus(dir) || ecbplus.IsCorpus(t.TempDir()) {
		t.Errorf("IsCorpus wrong")
	}
}
