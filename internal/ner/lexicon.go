package ner

import (
	"bufio"
	"embed"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"
)

// The word lists in lexicon/ were written for Parallax. Their order is part
// of the model format: append new lists, never reorder.
var lexiconLists = []string{"country", "city", "region", "demonym", "firstname", "title", "orgsuffix", "org"}

//go:embed lexicon/*.txt
var lexiconFS embed.FS

// builtinGazetteer returns the gazetteer of the package's word lists. It
// is built once and read-only after.
var builtinGazetteer = sync.OnceValue(func() *gazetteer {
	g := &gazetteer{phrases: make(map[uint64]uint32), lists: lexiconLists, tmpl: tGaz, tmplCap: tGazCap}
	var buf []byte
	var toks []uint64
	for li, name := range lexiconLists {
		f, err := lexiconFS.Open("lexicon/" + name + ".txt")
		if err != nil {
			panic("ner: missing embedded word list " + name) // a build error, not an input error
		}
		sc := bufio.NewScanner(f)
		for sc.Scan() {
			line := strings.TrimSpace(sc.Text())
			if line == "" || line[0] == '#' {
				continue
			}
			toks = toks[:0]
			for _, w := range strings.Fields(line) {
				var h uint64
				buf, h = lowerHash(buf, w)
				toks = append(toks, h)
			}
			g.add(li, toks)
		}
		f.Close()
	}
	return g
})

// lowerHash returns the hash of the lower-cased token, the hash atoms.lower
// holds, using buf as scratch.
func lowerHash(buf []byte, t string) ([]byte, uint64) {
	b := buf[:0]
	for _, r := range t {
		if r < utf8.RuneSelf {
			b = append(b, lowerASCII(byte(r)))
		} else {
			b = utf8.AppendRune(b, unicode.ToLower(r))
		}
	}
	return b, hashBytes(b)
}
