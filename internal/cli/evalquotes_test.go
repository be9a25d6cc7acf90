package cli

import (
	"bytes"
	"context"
	"os"
	"regexp"
	"strconv"
	"testing"
)

// TestEvalQuotes runs `parallax eval quotes` on the PolNeAR development
// set, when it is present, and holds the scores to floors just under
// what the system reached when they were set; raise them as it improves.
func TestEvalQuotes(t *testing.T) {
	const dir = "../../../shared/data/polnear/dev"
	if _, err := os.Stat(dir); err != nil {
		t.Skip("../shared/data/polnear/dev not present")
	}
	if testing.Short() {
		t.Skip("analyses 84 articles")
	}
	var stdout, stderr bytes.Buffer
	env := Env{Stdout: &stdout, Stderr: &stderr, Getenv: func(string) string { return "" }}
	if code := Run(context.Background(), []string{"eval", "quotes", dir}, env); code != ExitOK {
		t.Fatalf("exit %d: %s", code, stderr.String())
	}
	out := stdout.String()
	t.Log("\n" + out)
	f1 := func(label string) float64 {
		m := regexp.MustCompile(label + `\s+precision\s+[\d.]+%\s+recall\s+[\d.]+%\s+F1\s+([\d.]+)`).FindStringSubmatch(out)
		if m == nil {
			t.Fatalf("no %s line in:\n%s", label, out)
		}
		v, _ := strconv.ParseFloat(m[1], 64)
		return v / 100
	}
	speakers := regexp.MustCompile(`Speaker\s+direct quotes\s+([\d.]+)%.*all attributions\s+([\d.]+)%`).FindStringSubmatch(out)
	if speakers == nil {
		t.Fatalf("no speaker line in:\n%s", out)
	}
	direct, _ := strconv.ParseFloat(speakers[1], 64)
	all, _ := strconv.ParseFloat(speakers[2], 64)
	for _, c := range []struct {
		name       string
		got, floor float64
	}{
		{"direct-quote F1", f1("Direct quotes"), 0.90},
		{"all-attributions F1", f1("All attributions"), 0.75},
		{"speaker accuracy on direct quotes", direct / 100, 0.90},
		{"speaker accuracy on all attributions", all / 100, 0.90},
	} {
		if c.got < c.floor {
			t.Errorf("%s = %.4f, below the floor %.2f", c.name, c.got, c.floor)
		}
	}
}
