package cli

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
)

const tinyTML = `<?xml version="1.0" ?>
<TimeML>
<DCT><TIMEX3 tid="t0" type="DATE" value="2022-05-09" functionInDocument="CREATION_TIME">2022-05-09</TIMEX3></DCT>
<TEXT>
The talks <EVENT eid="e1">ended</EVENT> on <TIMEX3 tid="t1" type="DATE" value="2022-05-08">Sunday</TIMEX3> after <TIMEX3 tid="t2" type="DURATION" value="P2W">two weeks</TIMEX3>, and will resume <TIMEX3 tid="t3" type="DATE" value="2022-W20">next week</TIMEX3>.
</TEXT>
</TimeML>
`

// TestEvalTimexSmall runs `parallax eval timex` on a hand-written file
// and a broken one: the good file is scored, the bad one named, exit 1.
func TestEvalTimexSmall(t *testing.T) {
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "a.tml"), []byte(tinyTML), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "b.tml"), []byte("<TimeML><DOCID>x</DOCID></TimeML>"), 0o644); err != nil {
		t.Fatal(err)
	}
	var stdout, stderr bytes.Buffer
	env := Env{Stdout: &stdout, Stderr: &stderr, Getenv: func(string) string { return "" }}
	code := Run(context.Background(), []string{"eval", "timex", dir}, env)
	if code != ExitFailed {
		t.Errorf("exit %d, want %d", code, ExitFailed)
	}
	if !strings.Contains(stderr.String(), "b.tml") || strings.Count(stderr.String(), "\n") != 1 {
		t.Errorf("stderr should name the bad file on one line: %q", stderr.String())
	}
	out := stdout.String()
	for _, want := range []string{"1 documents", "3 timexes in the gold, 3 found", "strict   precision 100.00%  recall 100.00%  F1 100.00", "value    accuracy 100.00%"} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q:\n%s", want, out)
		}
	}
}

// TestEvalTimex scores TimeBank and AQUAINT, when present, against floors
// just under what the tagger reached when they were set; raise them as it
// improves.
func TestEvalTimex(t *testing.T) {
	const root = "../../../shared/data/tempeval3/TBAQ-cleaned"
	if _, err := os.Stat(root); err != nil {
		t.Skip("../shared/data/tempeval3 not present")
	}
	var stdout, stderr bytes.Buffer
	env := Env{Stdout: &stdout, Stderr: &stderr, Getenv: func(string) string { return "" }}
	if code := Run(context.Background(), []string{"eval", "timex", root + "/TimeBank", root + "/AQUAINT"}, env); code != ExitOK {
		t.Fatalf("exit %d: %s", code, stderr.String())
	}
	out := stdout.String()
	t.Log("\n" + out)
	overall := out[strings.Index(out, "Overall"):]
	score := func(re string) float64 {
		m := regexp.MustCompile(re).FindStringSubmatch(overall)
		if m == nil {
			t.Fatalf("no %s in:\n%s", re, overall)
		}
		v, _ := strconv.ParseFloat(m[1], 64)
		return v / 100
	}
	for _, c := range []struct {
		name       string
		got, floor float64
	}{
		{"strict F1", score(`strict .*F1\s+([\d.]+)`), 0.881},
		{"relaxed F1", score(`relaxed .*F1\s+([\d.]+)`), 0.938},
		{"value F1", score(`value .*F1\s+([\d.]+)`), 0.817},
	} {
		if c.got < c.floor {
			t.Errorf("%s = %.4f, below the floor %.3f", c.name, c.got, c.floor)
		}
	}
}
