package ner

// gazetteer matches token sequences against word lists, case-insensitively.
type gazetteer struct {
	phrases map[uint64]uint32 // phrase hash → bit set of lists
	maxLen  int
	lists   []string
	tmpl    int // feature templates: list and position, and with capitalization
	tmplCap int
}

const phraseSeed = 0x9a2e77e1

// prefixBit marks, in phrases, a hash that begins a longer phrase, so match
// can stop extending a span as soon as no phrase begins with it.
const prefixBit = 1 << 31

// add adds a phrase (lower-case tokens) to list number li (< 31).
func (g *gazetteer) add(li int, lowerTokens []uint64) {
	h := uint64(phraseSeed)
	for i, t := range lowerTokens {
		h = mix(h, t)
		if i < len(lowerTokens)-1 {
			g.phrases[h] |= prefixBit
		}
	}
	g.phrases[h] |= 1 << li
	g.maxLen = max(g.maxLen, len(lowerTokens))
}

// resetFeats returns out with n empty per-token feature lists, reusing its
// storage.
func resetFeats(out [][]uint64, n int) [][]uint64 {
	if n > cap(out) {
		out = append(out[:cap(out)], make([][]uint64, n-cap(out))...)
	}
	out = out[:n] // keeps the lists beyond the old length and their storage
	for i := range out {
		out[i] = out[i][:0]
	}
	return out
}

// match appends to out[i] the features of the matches covering token i.
func (g *gazetteer) match(at []atoms, out [][]uint64) {
	n := len(at)
	for i := 0; i < n; i++ {
		h := uint64(phraseSeed)
		for j := i; j < n && j-i < g.maxLen; j++ {
			h = mix(h, at[j].lower)
			mask, ok := g.phrases[h]
			if !ok {
				break
			}
			more := mask&prefixBit != 0
			mask &^= prefixBit
			for li := 0; mask != 0; li++ {
				if mask&1 != 0 {
					for k := i; k <= j; k++ {
						pos := uint64(posI)
						switch {
						case i == j:
							pos = posU
						case k == i:
							pos = posB
						case k == j:
							pos = posL
						}
						cap := uint64(at[k].flags & (fInitCap | fAllCaps))
						out[k] = append(out[k], fe2(g.tmpl, uint64(li), pos), fe3(g.tmplCap, uint64(li), pos, cap))
					}
				}
				mask >>= 1
			}
			if !more {
				break
			}
		}
	}
}

// lexiconFromMentions builds a gazetteer of the mentions in docs, one list
// per entity type, skipping documents for which skip returns true.
func lexiconFromMentions(docs []Document, skip func(int) bool) *gazetteer {
	g := &gazetteer{phrases: make(map[uint64]uint32), lists: Types, tmpl: tLex, tmplCap: tLexCap}
	var buf []byte
	var toks []uint64
	for d, doc := range docs {
		if skip != nil && skip(d) {
			continue
		}
		for _, s := range doc.Sentences {
			if s.Tags == nil {
				continue
			}
			for _, m := range appendMentions(nil, 0, s.Tags) {
				ti := typeIndex(m.Type)
				if ti < 0 {
					continue
				}
				toks = toks[:0]
				for _, w := range s.Tokens[m.Start:m.End] {
					var h uint64
					buf, h = lowerHash(buf, w)
					toks = append(toks, h)
				}
				g.add(ti, toks)
			}
		}
	}
	return g
}
