package ner

import (
	"math/bits"
	"strings"
)

// Tagger tags documents with a model. It holds scratch buffers and a cache
// of per-word scores, so use one per goroutine.
type Tagger struct {
	m  *Model
	fx *featurizer
	ds *docState

	// words caches, per distinct token, its atoms and the summed weights of
	// its unigram features: most tokens of a text are words seen before.
	words   map[string]int32
	entries []*wordEntry
	ents    []*wordEntry // of the current sentence

	hashes   []uint64
	em       []int32 // rowLen scores per token of the document, in units of the model's scale
	back     []int8
	sentOff  []int // first token of each sentence
	infoFlat []tokInfo
	info     [][]tokInfo
	lab1     []int8
	labs     [][]int8
	out      []int8
	h2       []uint64
	e2       []int32
}

// wordEntry holds a word's atoms and the summed weights of the features
// that depend on the word alone: v[0] of its unigram features, v[1+k] of
// the features it gives a token as its neighbour at neighbours[k].
type wordEntry struct {
	a atoms
	v [1 + len(neighbours)][rowLen]int32
}

// fill computes e.v from e.a, using hashes as scratch.
func (e *wordEntry) fill(m *Model, hashes []uint64) []uint64 {
	hashes = unigram(&e.a, m.set, hashes[:0])
	m.addRows(e.v[0][:], hashes)
	for k, rel := range neighbours {
		hashes = neighbour(&e.a, m.set, rel, hashes[:0])
		m.addRows(e.v[1+k][:], hashes)
	}
	return hashes
}

// maxCachedWords bounds the word cache (about 900 bytes a word, 7 MB in
// all); it is emptied, between documents, when full.
const maxCachedWords = 1 << 13

// NewTagger returns a tagger for the model.
func (m *Model) NewTagger() *Tagger {
	fx := newFeaturizer(m.set, m.clusters, m.gaz)
	fx.lex = m.lex
	return &Tagger{
		m:     m,
		fx:    fx,
		ds:    newDocState(m.set),
		words: make(map[string]int32),
	}
}

// word returns the cache entry of a token, computing it if needed.
func (t *Tagger) word(tok string) *wordEntry {
	if i, ok := t.m.words[tok]; ok {
		return &t.m.entries[i] // shared: read only
	}
	if i, ok := t.words[tok]; ok {
		return t.entries[i]
	}
	e := &wordEntry{a: t.fx.tokenAtoms(tok)}
	t.hashes = e.fill(t.m, t.hashes)
	t.words[strings.Clone(tok)] = int32(len(t.entries))
	t.entries = append(t.entries, e)
	return e
}

// addRows adds to v (rowLen scores: stage one, then stage two) the
// weights of the features in hashes that the model knows.
func (m *Model) addRows(v []int32, hashes []uint64) {
	v = v[:rowLen:rowLen]
	rows := m.rows
	for _, h := range hashes {
		off := m.lookup(h)
		if off < 0 {
			continue
		}
		mask := rowMask(rows, off)
		ws := rows[off+3:]
		for k := 0; mask != 0; k++ {
			v[bits.TrailingZeros64(mask)] += int32(ws[k])
			mask &= mask - 1
		}
	}
}

// TagDocument returns IOB2 tags for every token of every sentence of one
// document. Features of the whole document inform each tag, so pass whole
// documents, not sentences one by one.
func (t *Tagger) TagDocument(sentences [][]string) [][]string {
	m := t.m
	fx := t.fx
	if len(t.entries) >= maxCachedWords {
		clear(t.words)
		clear(t.entries)
		t.entries = t.entries[:0]
	}
	fx.docStatic(sentences)
	total := 0
	t.sentOff = t.sentOff[:0]
	for _, s := range sentences {
		t.sentOff = append(t.sentOff, total)
		total += len(s)
	}
	t.sentOff = append(t.sentOff, total)
	if cap(t.em) < total*rowLen {
		t.em = make([]int32, total*rowLen)
		t.back = make([]int8, total*numLabels)
		t.lab1 = make([]int8, total)
		t.out = make([]int8, total)
	}
	t.em, t.lab1, t.out = t.em[:total*rowLen], t.lab1[:total], t.out[:total]
	t.infoFlat = t.infoFlat[:0]

	// Static scores of both stages, then stage one.
	for s, toks := range sentences {
		if len(toks) == 0 {
			continue
		}
		a := t.sentOff[s]
		fx.atoms, t.ents = fx.atoms[:0], t.ents[:0]
		for _, tok := range toks {
			e := t.word(tok)
			fx.atoms = append(fx.atoms, e.a)
			t.ents = append(t.ents, e)
		}
		fx.begin(toks)
		for i := range toks {
			v := (*[rowLen]int32)(t.em[(a+i)*rowLen:])
			*v = t.ents[i].v[0]
			for k, rel := range neighbours {
				addVec(v, &t.entAt(i + rel).v[1+k])
			}
			t.hashes = fx.context(i, t.hashes[:0])
			m.addRows(v[:], t.hashes)
			at := &fx.atoms[i]
			t.infoFlat = append(t.infoFlat, tokInfo{lower: at.lower, short: at.short, flags: at.flags})
		}
		viterbi(t.em[a*rowLen:], rowLen, 0, m.scale, m.tt[0], t.lab1[a:a+len(toks)], t.back)
	}
	if m.set&useStage2 == 0 {
		return t.tags(sentences, t.lab1)
	}

	// Stage two.
	t.info, t.labs = t.info[:0], t.labs[:0]
	for s := range sentences {
		a, b := t.sentOff[s], t.sentOff[s+1]
		t.info = append(t.info, t.infoFlat[a:b])
		t.labs = append(t.labs, t.lab1[a:b])
	}
	t.h2, t.e2 = t.ds.features(t.info, t.labs, t.h2[:0], t.e2[:0])
	prev := int32(0)
	for i := range total {
		// Stage-two features have no stage-one weights.
		m.addRows(t.em[i*rowLen:], t.h2[prev:t.e2[i]])
		prev = t.e2[i]
	}
	for s := range sentences {
		a, b := t.sentOff[s], t.sentOff[s+1]
		viterbi(t.em[a*rowLen:], rowLen, numLabels, m.scale, m.tt[1], t.out[a:b], t.back)
	}
	return t.tags(sentences, t.out)
}

// entAt returns the word entry of token i of the current sentence, or
// that of the padding before or after it.
func (t *Tagger) entAt(i int) *wordEntry {
	switch {
	case i < 0:
		return &t.m.pads[0]
	case i >= len(t.ents):
		return &t.m.pads[1]
	}
	return t.ents[i]
}

func addVec(v, w *[rowLen]int32) {
	for i := range v {
		v[i] += w[i]
	}
}

func (t *Tagger) tags(sentences [][]string, labels []int8) [][]string {
	out := make([][]string, len(sentences))
	flat := appendIOB2(make([]string, 0, len(labels)), labels)
	for s := range sentences {
		a, b := t.sentOff[s], t.sentOff[s+1]
		out[s] = flat[a:b:b]
	}
	return out
}
