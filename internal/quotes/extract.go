package quotes

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/parallax-news/parallax/internal/news"
	"github.com/parallax-news/parallax/internal/text"
)

// Extract returns the quotes of one document: its text, its segmentation
// and its mentions (sorted by Start, with per-document entity numbers, as
// the analyzer makes them). It is a pure function of its arguments and
// runs in time linear in the text. The quotes come out in text order,
// and no two of them overlap.
func Extract(txt string, doc text.Doc, mentions []news.Mention) []news.Quote {
	if len(doc.Tokens) == 0 || len(doc.Paragraphs) == 0 {
		return nil
	}
	x := newExtractor(txt, doc, mentions)
	x.regions = findRegions(txt, doc)
	for i, r := range x.regions {
		for k := r.open; k < r.after; k++ {
			x.inRegion[k] = int32(i)
		}
	}
	x.findCues()
	x.findLabels()
	x.attrs = make([]attribution, len(x.regions))
	for i := range x.attrs {
		x.attrs[i] = none
	}
	for i := range x.regions {
		x.attrs[i] = x.attributeRegion(i)
	}
	indirect := x.indirectQuotes()
	return x.result(indirect)
}

// window bounds, in tokens, how far a cue looks for what it shares with
// another and how long a reported clause may be, so that text without
// sentence ends (a list, a transcript) stays linear.
const window = 200

// extractor holds one document and the indexes Extract builds over it.
type extractor struct {
	txt string
	doc text.Doc
	ms  []news.Mention
	// Per token: its sentence, the mention covering it (-1 none), the
	// region holding it or its marks (-1 none), and the cue starting at
	// it (-1 none).
	sentOf    []int32
	mentionAt []int32
	inRegion  []int32
	cueAt     []int32
	regions   []region
	attrs     []attribution // per region
	cues      []cue
	cueAttrs  []attribution // per cue, once attributionOf has run
	cueState  []uint8       // per cue: 0 not yet, 1 in progress, 2 done
	lowered   []string      // per token, once lower has seen it
}

// attribution is who said a quote, and how the text says so. Zero spans
// mean absent.
type attribution struct {
	cue           int // index into cues, -1 none
	speaker       news.Span
	speakerEntity int // -1 when the speaker is not a mention
	addressee     news.Span
	via           news.Span
}

// none is an attribution with nothing found.
var none = attribution{cue: -1, speakerEntity: -1}

// hasSpeaker reports whether a speaker was found.
func (a attribution) hasSpeaker() bool { return a.speaker.End > a.speaker.Start }

// newExtractor indexes one document by token: sentences, mentions, and
// room for the regions and cues Extract finds.
func newExtractor(txt string, doc text.Doc, ms []news.Mention) *extractor {
	n := len(doc.Tokens)
	x := &extractor{txt: txt, doc: doc, ms: ms}
	ints := make([]int32, 4*n)
	x.sentOf, x.mentionAt, x.inRegion, x.cueAt = ints[:n], ints[n:2*n], ints[2*n:3*n], ints[3*n:]
	x.lowered = make([]string, n)
	for si, s := range doc.Sentences {
		for k := s.FirstToken; k < s.EndToken; k++ {
			x.sentOf[k] = int32(si)
		}
	}
	for k := range n {
		x.mentionAt[k], x.inRegion[k], x.cueAt[k] = -1, -1, -1
	}
	j := 0
	for mi, m := range ms {
		for j < n && doc.Tokens[j].End <= m.Start {
			j++
		}
		for k := j; k < n && doc.Tokens[k].Start < m.End; k++ {
			x.mentionAt[k] = int32(mi)
		}
	}
	return x
}

// word returns token k's text.
func (x *extractor) word(k int) string {
	t := x.doc.Tokens[k]
	return x.txt[t.Start:t.End]
}

// lower returns token k's text in lower case. The lexicons hold ASCII
// words only, so a word with other letters comes back as it is; a word
// with capitals is lowered once and kept.
func (x *extractor) lower(k int) string {
	if l := x.lowered[k]; l != "" {
		return l
	}
	w := x.word(k)
	for i := 0; i < len(w); i++ {
		if c := w[i]; c >= 'A' && c <= 'Z' {
			x.lowered[k] = strings.ToLower(w)
			return x.lowered[k]
		} else if c >= 0x80 {
			break
		}
	}
	x.lowered[k] = w
	return w
}

// is reports whether token k exists and is the word w in any case.
func (x *extractor) is(k int, w string) bool {
	return k >= 0 && k < len(x.doc.Tokens) && len(x.word(k)) == len(w) && x.lower(k) == w
}

// isKind reports whether token k exists and is of the kind.
func (x *extractor) isKind(k int, kind text.TokenKind) bool {
	return k >= 0 && k < len(x.doc.Tokens) && x.doc.Tokens[k].Kind == kind
}

// isPunct reports whether token k exists and is the punctuation p.
func (x *extractor) isPunct(k int, p string) bool {
	return x.isKind(k, text.Punct) && x.word(k) == p
}

// isWordish reports whether token k is a word, abbreviation or number:
// something a noun phrase is made of.
func (x *extractor) isWordish(k int) bool {
	switch x.doc.Tokens[k].Kind {
	case text.Word, text.Abbrev, text.Number, text.Clitic:
		return true
	}
	return false
}

// paraOf returns the index of token k's paragraph.
func (x *extractor) paraOf(k int) int {
	s := int(x.sentOf[k])
	i, _ := slices.BinarySearchFunc(x.doc.Paragraphs, s, func(p text.Paragraph, s int) int {
		switch {
		case p.EndSentence <= s:
			return -1
		case p.FirstSentence > s:
			return 1
		}
		return 0
	})
	return i
}

// sentence returns the token range of token k's sentence.
func (x *extractor) sentence(k int) (int, int) {
	s := x.doc.Sentences[x.sentOf[k]]
	return s.FirstToken, s.EndToken
}

// span returns the byte span of tokens [a, b), zero when empty.
func (x *extractor) span(a, b int) news.Span {
	if a >= b {
		return news.Span{}
	}
	return news.Span{Start: x.doc.Tokens[a].Start, End: x.doc.Tokens[b-1].End}
}

// tokenAt returns the index of the token that starts at or after byte
// offset off.
func (x *extractor) tokenAt(off int) int {
	i, _ := slices.BinarySearchFunc(x.doc.Tokens, off, func(t text.Token, o int) int { return t.Start - o })
	return i
}

// startsLower reports whether token k starts with a lower-case letter.
func (x *extractor) startsLower(k int) bool {
	r, _ := utf8.DecodeRuneInString(x.word(k))
	return unicode.IsLower(r)
}

// startsUpper reports whether token k starts with a capital letter.
func (x *extractor) startsUpper(k int) bool {
	r, _ := utf8.DecodeRuneInString(x.word(k))
	return unicode.IsUpper(r)
}

// mentionSpan returns mention mi's span.
func (x *extractor) mentionSpan(mi int) news.Span {
	return news.Span{Start: x.ms[mi].Start, End: x.ms[mi].End}
}

// result turns the attributed regions and the indirect quotes into
// news.Quotes, in text order and without overlaps.
func (x *extractor) result(indirect []news.Quote) []news.Quote {
	out := make([]news.Quote, 0, len(x.regions)+len(indirect))
	var absorbed map[int]bool // where the quotes of absorbed regions start
	for i, r := range x.regions {
		if q, ok := x.regionQuote(i, r); ok {
			out = append(out, q)
			if r.absorbed {
				if absorbed == nil {
					absorbed = map[int]bool{}
				}
				absorbed[q.Start] = true
			}
		}
	}
	out = append(out, indirect...)
	out = append(out, x.leadIns()...)
	out = append(out, x.blockQuotes()...)
	if q, ok := x.headlineQuote(); ok {
		// The headline's quote holds the pieces found in it.
		out = slices.DeleteFunc(out, func(o news.Quote) bool { return o.Start < q.End && q.Start < o.End })
		out = append(out, q)
	}
	slices.SortFunc(out, func(a, b news.Quote) int {
		if a.Start != b.Start {
			return a.Start - b.Start
		}
		return b.End - a.End // a clause before the quoted words it starts with
	})
	// A reported clause holds the partial quotes of its own cue. Other
	// overlaps are rare (a clause that a later cue cuts short); the
	// quotation wins over the clause, then the longer over the shorter.
	kept := out[:0]
	top := -1 // the last kept quote that no other holds
	for _, q := range out {
		if top < 0 || q.Start >= kept[top].End {
			if absorbed[q.Start] && q.Kind == news.QuotePartial {
				continue // its clause was dropped, and it is no statement alone
			}
			kept = append(kept, q)
			top = len(kept) - 1
			continue
		}
		prev := &kept[top]
		if prev.Kind == news.QuoteIndirect && q.Kind == news.QuotePartial && q.Cue == prev.Cue && q.End <= prev.End {
			if q.Start > prev.Start { // quotes are told apart by where they start
				kept = append(kept, q) // held by the clause
			}
			continue
		}
		if prev.Kind == news.QuoteIndirect && q.Kind != news.QuoteIndirect || prev.Kind == q.Kind && q.End-q.Start > prev.End-prev.Start {
			// The quotes the replaced one held go with it.
			kept = append(kept[:top], q)
		}
	}
	x.resolvePronouns(kept)
	return kept
}

// blockQuotes finds paragraphs quoted without marks, as a page sets a
// block quotation apart: "Limbaugh added:" ends a paragraph, and the next
// paragraph, with no quotation marks of its own, is what he said.
func (x *extractor) blockQuotes() []news.Quote {
	var out []news.Quote
	for pi := 1; pi < len(x.doc.Paragraphs); pi++ {
		prev := x.doc.Paragraphs[pi-1]
		s := x.doc.Sentences[prev.EndSentence-1]
		last := s.EndToken - 1
		if !x.isPunct(last, ":") || x.inRegion[last] >= 0 {
			continue
		}
		ci := -1
		for k := last - 1; k >= s.FirstToken && k >= last-4; k-- {
			if c := x.cueAt[k]; c >= 0 && x.inRegion[k] < 0 {
				ci = int(c)
				break
			}
		}
		if ci < 0 || x.cues[ci].class == thought || x.cues[ci].kind == label {
			continue
		}
		a := x.attributionOf(ci)
		if !a.hasSpeaker() {
			continue
		}
		p := x.doc.Paragraphs[pi]
		first := x.doc.Sentences[p.FirstSentence].FirstToken
		end := x.doc.Sentences[p.EndSentence-1].EndToken
		quoted := false
		for k := first; k < end; k++ {
			if x.inRegion[k] >= 0 || x.cueAt[k] >= 0 && x.cues[x.cueAt[k]].kind == label {
				quoted = true
				break
			}
		}
		if quoted || end-first < 4 {
			continue
		}
		sp := x.span(first, end)
		q := news.Quote{Start: sp.Start, End: sp.End, Kind: news.QuoteDirect, SpeakerEntity: -1}
		x.fill(&q, a)
		out = append(out, q)
	}
	return out
}

// leadIns finds the sentences that open with the writer's words and go
// on into a quotation whose cue follows it: Not paying taxes “makes me
// smart,” Trump said. The words from the sentence's start to the
// closing mark are what the speaker is reported to have said, an
// indirect quote that holds the partial one.
func (x *extractor) leadIns() []news.Quote {
	var out []news.Quote
	for i, r := range x.regions {
		a := x.attrs[i]
		if a.cue < 0 || r.close < 0 || r.absorbed || r.clause || x.cues[a.cue].start < r.after || x.opensSentence(r) {
			continue
		}
		first, _ := x.sentence(r.open)
		if x.sentOf[r.close] != x.sentOf[r.open] || x.sentOf[x.cues[a.cue].start] != x.sentOf[r.open] {
			continue
		}
		// Only the writer's words and no other quotation or cue before.
		lead := 0
		ok := true
		for k := first; k < r.open; k++ {
			if x.inRegion[k] >= 0 || x.cueAt[k] >= 0 {
				ok = false
				break
			}
			if x.isWordish(k) {
				lead++
			}
		}
		if !ok || lead < 2 || lead > 25 {
			continue
		}
		end := r.close
		for end > r.first && x.isKind(end-1, text.Punct) {
			end--
		}
		q := news.Quote{Kind: news.QuoteIndirect, SpeakerEntity: -1}
		sp := x.span(first, end+1)
		if end < r.close {
			sp = x.span(first, end)
			sp.End = x.doc.Tokens[r.close].End
		}
		q.Start, q.End = sp.Start, sp.End
		x.fill(&q, a)
		out = append(out, q)
	}
	return out
}

// resolvePronouns decides whom a "he" or "she" that speaks refers to.
// The analysis resolves pronouns without knowing about quotations, and
// a name inside the quoted words (“… during the late Hafez al-Assad's
// era,” he asserted) or in a subordinate clause (attended by President
// Raisi, Assad thanked …) is seldom the speaker. A speaking pronoun is
// the person who is the subject of the sentence before the quote, else
// the speaker of the last quote within two paragraphs (in news, "he
// said" continues the speaker just quoted), else what the analysis says.
func (x *extractor) resolvePronouns(qs []news.Quote) {
	lastEntity, lastPara := -1, -1
	for i := range qs {
		q := &qs[i]
		para := x.paraOf(x.tokenAt(q.Start))
		if q.Speaker.End > q.Speaker.Start {
			switch x.txt[q.Speaker.Start:q.Speaker.End] {
			case "he", "He", "she", "She":
				at := x.tokenAt(min(q.Start, q.Speaker.Start))
				if s := int(x.sentOf[at]); s > 0 {
					if ent, ok := x.sentenceSubject(s - 1); ok {
						q.SpeakerEntity = ent
					} else if lastEntity >= 0 && para-lastPara <= 2 {
						q.SpeakerEntity = lastEntity
					}
				}
			}
		}
		if q.SpeakerEntity >= 0 {
			lastEntity, lastPara = q.SpeakerEntity, para
		}
	}
}

// sentenceSubject returns the entity of the person who is the subject of
// sentence s: the first person mention outside quotation marks that no
// preposition governs and that a verb follows ("Assad thanked", "Imam
// Khamenei also emphasized"), and whether there is one.
func (x *extractor) sentenceSubject(s int) (int, bool) {
	sent := x.doc.Sentences[s]
	for k := sent.FirstToken; k < sent.EndToken; k++ {
		mi := x.mentionAt[k]
		if mi < 0 || x.inRegion[k] >= 0 || x.ms[mi].Type != news.TypePerson || k > 0 && x.mentionAt[k-1] == mi {
			continue
		}
		if x.ms[mi].Kind == news.KindPronoun {
			return -1, false // resolved as the analysis resolved it: no better than continuity
		}
		before := k - 1 // the word before the mention and its title
		if t := x.ms[mi].Title; t.End > t.Start {
			before = x.tokenAt(t.Start) - 1
		}
		if before >= sent.FirstToken && prepositions[x.lower(before)] {
			continue // "attended by President Raisi"
		}
		j := k
		for j < sent.EndToken && x.mentionAt[j] == mi {
			j++
		}
		if x.is(j, "of") {
			// "President Bashar al-Assad of Syria, expressed"
			for h := j + 1; h < sent.EndToken && h < j+5; h++ {
				if x.isPunct(h, ",") {
					j = h + 1
					break
				}
			}
		}
		for j < sent.EndToken && skipBefore[x.lower(j)] {
			j++
		}
		if j < sent.EndToken && x.doc.Tokens[j].Kind == text.Word && x.startsLower(j) {
			if w := x.lower(j); !prepositions[w] && !determiners[w] && !nounStops[w] || cueForms[w] != 0 {
				return x.ms[mi].Entity, true
			}
		}
	}
	return -1, false
}

// fill copies attribution a into q.
func (x *extractor) fill(q *news.Quote, a attribution) {
	if a.cue >= 0 {
		c := x.cues[a.cue]
		q.Cue = x.span(c.start, c.end)
	}
	q.Speaker, q.SpeakerEntity = a.speaker, a.speakerEntity
	q.Addressee, q.Via = a.addressee, a.via
}
