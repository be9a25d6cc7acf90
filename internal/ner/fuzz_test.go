package ner_test

import (
	"bytes"
	"strings"
	"testing"

	"github.com/parallax-news/parallax/internal/ner"
)

func FuzzReadCoNLL(f *testing.F) {
	f.Add("-DOCSTART- O\n\nEU B-ORG\nrejects O\n\nPeter I-PER\nBlackburn I-PER\n")
	f.Add("LONDON B-LOC\n1996-08-30 O\n\nx\n")
	f.Add("a b c d\n\n\n-DOCSTART-\nz I-MISC\n")
	f.Fuzz(func(t *testing.T, in string) {
		docs, err := ner.ReadCoNLL(strings.NewReader(in))
		if err != nil {
			return
		}
		for _, d := range docs {
			if len(d.Sentences) == 0 {
				t.Fatal("empty document")
			}
			for _, s := range d.Sentences {
				if len(s.Tokens) == 0 {
					t.Fatal("empty sentence")
				}
				if s.Tags != nil && len(s.Tags) != len(s.Tokens) {
					t.Fatalf("%d tags for %d tokens", len(s.Tags), len(s.Tokens))
				}
			}
		}
		// What WriteCoNLL writes reads back the same.
		var buf bytes.Buffer
		if err := ner.WriteCoNLL(&buf, docs); err != nil {
			t.Fatal(err)
		}
		again, err := ner.ReadCoNLL(&buf)
		if err != nil {
			t.Fatal(err)
		}
		if len(again) != len(docs) {
			t.Fatalf("%d documents read back as %d", len(docs), len(again))
		}
	})
}

func FuzzTagDocument(f *testing.F) {
	m, err := ner.Default()
	if err != nil {
		f.Fatal(err)
	}
	f.Add("Peter Blackburn visited London .\nTHE EU SAID\n\n")
	f.Add("\xff\xfe Ünïcödé İstanbul ß 12,000 -- U.S.-led")
	f.Fuzz(func(t *testing.T, in string) {
		var doc [][]string
		for _, line := range strings.Split(in, "\n") {
			doc = append(doc, strings.Fields(line))
		}
		tags := m.NewTagger().TagDocument(doc)
		if len(tags) != len(doc) {
			t.Fatalf("%d tag rows for %d sentences", len(tags), len(doc))
		}
		for i := range doc {
			if len(tags[i]) != len(doc[i]) {
				t.Fatalf("sentence %d: %d tags for %d tokens", i, len(tags[i]), len(doc[i]))
			}
		}
		for _, mn := range ner.Mentions(tags) {
			if mn.Start < 0 || mn.End > len(doc[mn.Sentence]) || mn.Start >= mn.End {
				t.Fatalf("mention %+v out of range", mn)
			}
		}
	})
}
