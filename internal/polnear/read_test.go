package polnear_test

import (
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/parallax-news/parallax/internal/polnear"
)

// span returns the span [a, b).
func span(a, b int) polnear.Span { return polnear.Span{Start: a, End: b} }

// A small article and its annotation, as PolNeAR writes them: offsets in
// code points (“ and ’ are three bytes each in UTF-8), a content
// interrupted by its cue (two fragments), a second content fragment as
// Content2, an attribution without a source, and the other annotations
// the reader skips.
const (
	exampleText = "“We’ll win,” he said, “easily.”\nPolls show Trump ahead, the paper reported.\n"
	exampleAnn  = "T1\tContent 0 12;22 31\t“We’ll win,” “easily.”\n" +
		"T2\tSource 13 15\the\n" +
		"T3\tCue 16 20\tsaid\n" +
		"T4\tAttribution 16 20\tsaid\n" +
		"E1\tAttribution:T4 Content:T1 Cue:T3 Source:T2\n" +
		"T5\tContent 43 54\tTrump ahead\n" +
		"T6\tCue 38 42\tshow\n" +
		"T7\tAttribution-no-source 38 42\tshow\n" +
		"E2\tAttribution-no-source:T7 Cue:T6 Content:T5 Content2:T8\n" +
		"T8\tContent 32 37\tPolls\n" +
		"T9\tDiscuss 56 65\tthe paper\n" +
		"#1\tAnnotatorNotes T9\tshould this be a source?\n" +
		"a continuation line of a multi-line text\n"
)

func TestParse(t *testing.T) {
	d, err := polnear.Parse(exampleText, exampleAnn)
	if err != nil {
		t.Fatal(err)
	}
	cut := func(spans []polnear.Span) []string {
		var out []string
		for _, s := range spans {
			out = append(out, exampleText[s.Start:s.End])
		}
		return out
	}
	if len(d.Attributions) != 2 {
		t.Fatalf("%d attributions, want 2: %+v", len(d.Attributions), d.Attributions)
	}
	a := d.Attributions[0]
	if a.ID != "E1" || !reflect.DeepEqual(cut(a.Content), []string{"“We’ll win,”", "“easily.”"}) ||
		!reflect.DeepEqual(cut(a.Source), []string{"he"}) || !reflect.DeepEqual(cut(a.Cue), []string{"said"}) {
		t.Errorf("E1 = %s content %q source %q cue %q", a.ID, cut(a.Content), cut(a.Source), cut(a.Cue))
	}
	b := d.Attributions[1]
	if b.ID != "E2" || !reflect.DeepEqual(cut(b.Content), []string{"Polls", "Trump ahead"}) || b.Source != nil || !reflect.DeepEqual(cut(b.Cue), []string{"show"}) {
		t.Errorf("E2 = %s content %q source %q cue %q", b.ID, cut(b.Content), cut(b.Source), cut(b.Cue))
	}
}

func TestParseErrors(t *testing.T) {
	for _, ann := range []string{
		"T1\tContent 0\tx\n",
		"T1\tContent 5 2\tx\n",
		"T1\tContent 0 500\tx\n",
		"T1\tContent a b\tx\n",
		"T1\tContent 0 2\tx\nE1\tAttribution Content:T1\n",
	} {
		if _, err := polnear.Parse("some text", ann); !errors.Is(err, polnear.ErrFormat) {
			t.Errorf("Parse(%q) error = %v, want ErrFormat", ann, err)
		}
	}
}

func TestReadDir(t *testing.T) {
	dir := t.TempDir()
	write := func(name, content string) {
		t.Helper()
		p := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("text/b_article.txt", exampleText)
	write("text/a_article.txt", "He said so.")
	write("attributions/b_article_ff00.ann", "T1\tSource 0 2\tHe\n")
	write("attributions/b_article_0a1b.ann", exampleAnn) // sorts first: read
	write("attributions/a_article_0a1b.ann", "")
	docs, err := polnear.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	if len(docs) != 2 || docs[0].Name != "a_article" || docs[1].Name != "b_article" || docs[1].Annotator != "0a1b" || len(docs[1].Attributions) != 2 {
		t.Errorf("ReadDir = %+v", docs)
	}
	if _, err := polnear.ReadDir(t.TempDir()); err == nil {
		t.Error("ReadDir of an empty directory: no error")
	}
	write("attributions/c_missing_0a1b.ann", "")
	if _, err := polnear.ReadDir(dir); err == nil || !strings.Contains(err.Error(), "c_missing") {
		t.Errorf("ReadDir with a missing text: error %v", err)
	}
}

// TestCorpus reads the PolNeAR compartments when they are present and
// checks that the text each span cuts from the article (byte offsets,
// converted from brat's code points) is the text the annotation file
// gives for it.
func TestCorpus(t *testing.T) {
	const root = "../../../shared/data/polnear"
	if _, err := os.Stat(root); err != nil {
		t.Skip("../shared/data/polnear not present")
	}
	for _, split := range []string{"train", "dev"} {
		dir := filepath.Join(root, split)
		docs, err := polnear.ReadDir(dir)
		if err != nil {
			t.Fatal(err)
		}
		attributions, checked := 0, 0
		for _, d := range docs {
			ann, err := os.ReadFile(filepath.Join(dir, "attributions", d.Name+"_"+d.Annotator+".ann"))
			if err != nil {
				t.Fatal(err)
			}
			attributions += len(d.Attributions)
			for _, a := range d.Attributions {
				for _, s := range append(append(append([]polnear.Span{}, a.Source...), a.Cue...), a.Content...) {
					if s.Start < 0 || s.End > len(d.Text) || s.Start > s.End || !utf8.ValidString(d.Text[s.Start:s.End]) {
						t.Fatalf("%s %s: bad span %v", d.Name, a.ID, s)
					}
					if cut := d.Text[s.Start:s.End]; !strings.Contains(string(ann), "\t"+cut) && !strings.Contains(string(ann), cut) {
						t.Fatalf("%s %s: span %v cuts %q, which the annotation does not give", d.Name, a.ID, s, cut)
					}
					checked++
				}
			}
		}
		t.Logf("%s: %d documents, %d attributions, %d spans checked", split, len(docs), attributions, checked)
		if want := map[string]int{"train": 840, "dev": 84}[split]; len(docs) != want {
			t.Errorf("%s: %d documents, want %d", split, len(docs), want)
		}
	}
}

// FuzzParse checks that Parse accepts any annotation of any text without
// panicking, and that what it returns lies within the text.
func FuzzParse(f *testing.F) {
	f.Add(exampleText, exampleAnn)
	f.Add("é", "T1\tContent 0 1\té\nE1\tAttribution:T2 Content:T1 Source:T9\n")
	f.Add("", "T1\tCue 0 0\t\n")
	f.Fuzz(func(t *testing.T, txt, ann string) {
		d, err := polnear.Parse(txt, ann)
		if err != nil {
			return
		}
		for _, a := range d.Attributions {
			for _, s := range append(append(append([]polnear.Span{}, a.Source...), a.Cue...), a.Content...) {
				if s.Start < 0 || s.Start > s.End || s.End > len(txt) {
					t.Fatalf("span %v out of the text's %d bytes", s, len(txt))
				}
			}
		}
	})
}
