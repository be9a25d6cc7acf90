package cli

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
)

// writeECB writes a made-up ECB+-shaped file: one token element a word,
// one sentence a line of text.
func writeECB(t *testing.T, dir string, topic int, name, text string) {
	t.Helper()
	var b strings.Builder
	b.WriteString(`<?xml version="1.0" encoding="UTF-8" standalone="no"?>` + "\n<Document doc_name=\"" + name + "\">\n")
	id := 1
	for s, line := range strings.Split(text, "\n") {
		for n, w := range strings.Fields(line) {
			fmt.Fprintf(&b, "<token t_id=\"%d\" sentence=\"%d\" number=\"%d\">%s</token>\n", id, s, n, w)
			id++
		}
	}
	b.WriteString("<Markables>\n</Markables>\n</Document>\n")
	d := filepath.Join(dir, strconv.Itoa(topic))
	if err := os.MkdirAll(d, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(d, name), []byte(b.String()), 0o644); err != nil {
		t.Fatal(err)
	}
}

// TestEvalClustersFixture runs eval clusters on a tiny corpus in the ECB+
// layout: one topic, two made-up fires in one town, years apart, two
// reports each, and a broken file, which is reported by name while the
// rest is scored.
func TestEvalClustersFixture(t *testing.T) {
	dir := t.TempDir()
	writeECB(t, dir, 1, "1_1ecb.xml", "A fire destroyed the Marlow Mill in Brackenford on Tuesday , officials said .\nFire chief Dana Whitcombe said nobody was hurt .")
	writeECB(t, dir, 1, "1_1ecbplus.xml", "Flames gutted the Kestrel Theatre in Brackenford in March 2011 .\nOwner Philip Ashgrove said the theatre would be rebuilt .")
	writeECB(t, dir, 1, "1_2ecb.xml", "The historic Marlow Mill burned down in Brackenford on Tuesday .\nChief Dana Whitcombe said the cause of the fire was not known .")
	writeECB(t, dir, 1, "1_2ecbplus.xml", "The Kestrel Theatre in Brackenford was destroyed by fire in March 2011 .\nPhilip Ashgrove , its owner , vowed to rebuild the theatre .")
	os.WriteFile(filepath.Join(dir, "1", "1_3ecb.xml"), []byte("<Document><token sentence="), 0o644)

	var stdout, stderr bytes.Buffer
	env := Env{Stdout: &stdout, Stderr: &stderr, Getenv: func(string) string { return "" }}
	code := Run(context.Background(), []string{"eval", "clusters", dir}, env)
	if code != ExitFailed {
		t.Errorf("exit %d, want %d (one broken file)", code, ExitFailed)
	}
	if !strings.Contains(stderr.String(), "1_3ecb.xml") || strings.Count(strings.TrimSpace(stderr.String()), "\n") != 0 {
		t.Errorf("stderr %q, want one line naming 1_3ecb.xml", stderr.String())
	}
	out := stdout.String()
	t.Log("\n" + out)
	for _, want := range []string{"4 documents", "2 gold events", "Events (all pooled)", "TF-IDF baseline"} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q", want)
		}
	}
	if f1 := clusterF1(t, out, `Events \(all pooled\)`); f1 < 1 {
		t.Errorf("B³ F1 %.2f on the fixture, want 1", f1)
	}
}

// clusterF1 reads the F1 of a line of the eval clusters output.
func clusterF1(t *testing.T, out, label string) float64 {
	t.Helper()
	m := regexp.MustCompile(label + `\s+precision\s+[\d.]+%\s+recall\s+[\d.]+%\s+F1\s+([\d.]+)`).FindStringSubmatch(out)
	if m == nil {
		t.Fatalf("no %s line in:\n%s", label, out)
	}
	v, _ := strconv.ParseFloat(m[1], 64)
	return v / 100
}

// TestEvalClusters runs eval clusters on ECB+ topics 1–35, when present,
// and holds B³ F1 to a floor just under what the system reached; raise it
// as it improves.
func TestEvalClusters(t *testing.T) {
	const dir = "../../../shared/data/ecbplus/ECB+"
	if _, err := os.Stat(dir); err != nil {
		t.Skip("../shared/data/ecbplus not present")
	}
	if testing.Short() {
		t.Skip("analyses 772 articles")
	}
	var stdout, stderr bytes.Buffer
	env := Env{Stdout: &stdout, Stderr: &stderr, Getenv: func(string) string { return "" }}
	if code := Run(context.Background(), []string{"eval", "clusters", dir}, env); code != ExitOK {
		t.Fatalf("exit %d: %s", code, stderr.String())
	}
	out := stdout.String()
	t.Log("\n" + out)
	if f1 := clusterF1(t, out, `Events \(all pooled\)`); f1 < 0.911 {
		t.Errorf("B³ F1 %.4f, below the floor 0.911", f1)
	}
	if f1 := clusterF1(t, out, `Events \(merged\)`); f1 < 0.921 {
		t.Errorf("B³ F1 with merging %.4f, below the floor 0.921", f1)
	}
	if f1 := clusterF1(t, out, `Events \(as ingest links\)`); f1 < 0.921 {
		t.Errorf("B³ F1 through ingest %.4f, below the floor 0.921", f1)
	}
}
