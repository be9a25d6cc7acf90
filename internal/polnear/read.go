package polnear

import (
	"bufio"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/parallax-news/parallax/internal/news"
)

// Span is a byte range of a document's text.
type Span = news.Span

// Document is one PolNeAR article with the attributions one annotator
// found in it.
type Document struct {
	// Name is the article's file name without ".txt".
	Name string
	// Annotator is the annotator's id, from the annotation file's name.
	Annotator string
	Text      string
	// Attributions in the order of the annotation file.
	Attributions []Attribution
}

// Attribution is one attribution relation: who (Source) is reported, by
// which words (Cue), to have said or thought what (Content). Each part is
// a list of byte spans into the text, in text order: a part may be
// interrupted ("“A,” he said, “B”" is one Content of two fragments), and
// Source is empty when the annotator found none.
type Attribution struct {
	ID                   string // the relation's id: "E1"
	Source, Cue, Content []Span
}

// ErrFormat reports an annotation line this package cannot read.
var ErrFormat = errors.New("bad brat standoff")

// Parse reads one brat standoff annotation of txt. Offsets in ann count
// Unicode code points, as brat's do; the Document's spans are byte
// offsets into txt. Text-bound annotations other than Source, Cue and
// Content (Discuss, Discard, and the Attribution trigger) and notes are
// skipped; continuation lines of a multi-line annotation text are
// ignored, since the spans are cut from txt.
func Parse(txt, ann string) (Document, error) {
	byteAt := runeOffsets(txt)
	spans := map[string][]Span{}
	doc := Document{Text: txt}
	type relation struct {
		line int
		id   string
		args []string
	}
	var relations []relation
	for n, line := range strings.Split(ann, "\n") {
		id, rest, ok := strings.Cut(line, "\t")
		if !ok || len(id) < 2 {
			continue
		}
		switch id[0] {
		case 'T':
			if _, err := strconv.Atoi(id[1:]); err != nil {
				continue
			}
			body, _, _ := strings.Cut(rest, "\t")
			label, offsets, ok := strings.Cut(body, " ")
			if !ok {
				return Document{}, fmt.Errorf("line %d: %w: %q", n+1, ErrFormat, line)
			}
			var frags []Span
			for _, f := range strings.Split(offsets, ";") {
				a, b, ok := strings.Cut(strings.TrimSpace(f), " ")
				start, err1 := strconv.Atoi(a)
				end, err2 := strconv.Atoi(b)
				if !ok || err1 != nil || err2 != nil || start < 0 || end < start || end >= len(byteAt) {
					return Document{}, fmt.Errorf("line %d: %w: offsets %q", n+1, ErrFormat, offsets)
				}
				frags = append(frags, Span{Start: byteAt[start], End: byteAt[end]})
			}
			if label == "Source" || label == "Cue" || label == "Content" {
				spans[id] = frags
			}
		case 'E':
			if _, err := strconv.Atoi(id[1:]); err == nil {
				relations = append(relations, relation{n + 1, id, strings.Fields(rest)})
			}
		}
	}
	// Relations may name text annotations defined after them.
	for _, r := range relations {
		a := Attribution{ID: r.id}
		for _, arg := range r.args {
			role, ref, ok := strings.Cut(arg, ":")
			if !ok {
				return Document{}, fmt.Errorf("line %d: %w: argument %q", r.line, ErrFormat, arg)
			}
			// Numbered roles (Content2) add fragments to their role.
			switch strings.TrimRight(role, "0123456789") {
			case "Source":
				a.Source = append(a.Source, spans[ref]...)
			case "Cue":
				a.Cue = append(a.Cue, spans[ref]...)
			case "Content":
				a.Content = append(a.Content, spans[ref]...)
			}
		}
		for _, s := range [][]Span{a.Source, a.Cue, a.Content} {
			slices.SortFunc(s, func(x, y Span) int { return x.Start - y.Start })
		}
		doc.Attributions = append(doc.Attributions, a)
	}
	return doc, nil
}

// runeOffsets returns the byte offset of every code point of s, and
// len(s) after the last.
func runeOffsets(s string) []int {
	out := make([]int, 0, len(s)+1)
	for i := range s {
		out = append(out, i)
	}
	return append(out, len(s))
}

// ReadDir reads a PolNeAR compartment: dir/text/NAME.txt and its
// annotations dir/attributions/NAME_ANNOTATOR.ann. An article that
// several annotators annotated (to measure their agreement) is read
// with the annotation of the annotator whose id sorts first, so that
// every article counts once. Documents come in name order.
func ReadDir(dir string) ([]Document, error) {
	anns, err := filepath.Glob(filepath.Join(dir, "attributions", "*.ann"))
	if err != nil {
		return nil, err
	}
	if len(anns) == 0 {
		return nil, fmt.Errorf("read %s: no attributions/*.ann files", dir)
	}
	slices.Sort(anns)
	var docs []Document
	seen := map[string]bool{}
	for _, path := range anns {
		stem := strings.TrimSuffix(filepath.Base(path), ".ann")
		i := strings.LastIndexByte(stem, '_')
		if i < 0 {
			return nil, fmt.Errorf("read %s: want NAME_ANNOTATOR.ann", path)
		}
		name, annotator := stem[:i], stem[i+1:]
		if seen[name] {
			continue
		}
		seen[name] = true
		d, err := readPair(filepath.Join(dir, "text", name+".txt"), path)
		if err != nil {
			return nil, err
		}
		d.Name, d.Annotator = name, annotator
		docs = append(docs, d)
	}
	slices.SortFunc(docs, func(a, b Document) int { return strings.Compare(a.Name, b.Name) })
	return docs, nil
}

// readPair reads one article and one annotation of it.
func readPair(textPath, annPath string) (Document, error) {
	txt, err := os.ReadFile(textPath)
	if err != nil {
		return Document{}, fmt.Errorf("read text: %w", err)
	}
	if !utf8.Valid(txt) {
		return Document{}, fmt.Errorf("read %s: invalid UTF-8", textPath)
	}
	f, err := os.Open(annPath)
	if err != nil {
		return Document{}, fmt.Errorf("read annotation: %w", err)
	}
	defer f.Close()
	var b strings.Builder
	if _, err := bufio.NewReader(f).WriteTo(&b); err != nil {
		return Document{}, fmt.Errorf("read %s: %w", annPath, err)
	}
	d, err := Parse(string(txt), b.String())
	if err != nil {
		return Document{}, fmt.Errorf("read %s: %w", annPath, err)
	}
	return d, nil
}
