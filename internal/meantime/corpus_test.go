package meantime_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/parallax-news/parallax/internal/meantime"
)

const corpusDir = "../../../shared/data/meantime/intra_cross-doc_annotation"

// readCorpus reads the English intra- and cross-document section of
// MEANTIME, or skips the test when the shared data is absent.
func readCorpus(t *testing.T) []meantime.Document {
	t.Helper()
	if _, err := os.Stat(corpusDir); err != nil {
		t.Skipf("MEANTIME not available: %v", err)
	}
	docs, err := meantime.ReadDir(corpusDir)
	if err != nil {
		t.Fatal(err)
	}
	return docs
}

func TestCorpus(t *testing.T) {
	docs := readCorpus(t)

	// What the corpus holds; these change only if the data does.
	perTopic := make(map[string]int)
	names := make(map[string]bool)
	var mentions, linked, crossLinked, discontinuous int
	instances := make(map[string]bool)
	byType := make(map[string]int)
	bySyn := make(map[string]int)
	for _, d := range docs {
		perTopic[d.Topic]++
		if names[d.Name] {
			t.Errorf("document name %s twice", d.Name)
		}
		names[d.Name] = true
		if filepath.Ext(d.Name) != ".xml" || d.Text == "" || strings.Contains(d.Text, "  ") {
			t.Errorf("%s: bad name or text", d.Name)
		}
		pos := make(map[string]int, len(d.Tokens))
		for i, tk := range d.Tokens {
			pos[tk.ID] = i
			if d.Text[tk.Span.Start:tk.Span.End] != tk.Text {
				t.Errorf("%s: token %s span %v holds %q, want %q", d.Name, tk.ID, tk.Span, d.Text[tk.Span.Start:tk.Span.End], tk.Text)
			}
		}
		for _, m := range d.Mentions {
			mentions++
			if m.Span.Start < 0 || m.Span.Start >= m.Span.End || m.Span.End > len(d.Text) {
				t.Errorf("%s: mention %s span %v out of bounds", d.Name, m.ID, m.Span)
				continue
			}
			// Text[Span] is the tokens from the first to the last joined as
			// in Text; for a contiguous mention, exactly its own tokens.
			first, last := len(d.Tokens), -1
			for _, id := range m.TokenIDs {
				first, last = min(first, pos[id]), max(last, pos[id])
			}
			var parts []string
			for i := first; i <= last; i++ {
				if i > first && d.Tokens[i].Sentence != d.Tokens[i-1].Sentence {
					parts = append(parts, "\n")
				} else if i > first {
					parts = append(parts, " ")
				}
				parts = append(parts, d.Tokens[i].Text)
			}
			if got, want := d.Text[m.Span.Start:m.Span.End], strings.Join(parts, ""); got != want {
				t.Errorf("%s: mention %s holds %q, want %q", d.Name, m.ID, got, want)
			}
			if m.Discontinuous != (last-first+1 != len(m.TokenIDs)) {
				t.Errorf("%s: mention %s Discontinuous = %v", d.Name, m.ID, m.Discontinuous)
			}
			if m.Discontinuous {
				discontinuous++
			}
			if m.EntityID != "" {
				linked++
				byType[m.EntityType]++
			}
			if m.InstanceID != "" {
				crossLinked++
				instances[m.InstanceID] = true
			}
			bySyn[m.SyntacticType]++
		}
	}
	wantTopics := map[string]int{"corpus_airbus": 30, "corpus_apple": 30, "corpus_gm": 30}
	for topic, n := range wantTopics {
		if perTopic[topic] != n {
			t.Errorf("%s: %d documents, want %d", topic, perTopic[topic], n)
		}
	}
	if len(perTopic) != len(wantTopics) {
		t.Errorf("topics %v, want %v", perTopic, wantTopics)
	}
	for _, c := range []struct {
		name      string
		got, want int
	}{
		{"mentions", mentions, 3290},
		{"mentions linked to an entity", linked, 3257},
		{"mentions linked across documents", crossLinked, 3187},
		{"discontinuous mentions", discontinuous, 9},
		{"cross-document entities", len(instances), 633},
	} {
		if c.got != c.want {
			t.Errorf("%s: got %d, want %d", c.name, c.got, c.want)
		}
	}

	cross := meantime.CrossDocClusters(docs)
	within := meantime.WithinDocClusters(docs)
	crossIDs, withinIDs := distinctValues(cross), distinctValues(within)
	if want := mentions - 8; len(cross) != want || len(within) != want {
		t.Errorf("cluster maps hold %d and %d mentions, want %d (8 spans repeat)", len(cross), len(within), want)
	}
	// Every cross-document entity is one cluster there and splits into its
	// documents within them.
	if one := meantime.BCubed(cross, cross); one.F1 != 1 {
		t.Errorf("gold against itself: %+v", one)
	}
	b := meantime.BCubed(cross, within)
	if b.Precision != 1 || b.Recall >= 1 {
		t.Errorf("within-document clusters against cross-document ones: %+v, want P = 1, R < 1", b)
	}

	var exact meantime.Counts
	for _, d := range docs {
		exact = exact.Add(meantime.ExactMatches(meantime.Spans(d), meantime.Spans(d)))
	}
	if p := exact.PRF(); p.F1 != 1 {
		t.Errorf("gold mentions against themselves: %+v", p)
	}

	t.Logf("%d documents %v; %d mentions (%d linked to an entity, %d to a cross-document one, %d discontinuous)",
		len(docs), perTopic, mentions, linked, crossLinked, discontinuous)
	t.Logf("entity types of mentions %v; syntactic types %v", byType, bySyn)
	t.Logf("%d cross-document clusters (%d entities with an instance id), %d within-document clusters",
		crossIDs, len(instances), withinIDs)
	t.Logf("B³ of within-document gold clusters as a cross-document prediction: P %.3f R %.3f F1 %.3f",
		b.Precision, b.Recall, b.F1)
}

func distinctValues(m map[meantime.MentionKey]string) int {
	seen := make(map[string]bool)
	for _, v := range m {
		seen[v] = true
	}
	return len(seen)
}
