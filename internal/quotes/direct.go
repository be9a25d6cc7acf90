package quotes

import (
	"strings"

	"github.com/parallax-news/parallax/internal/news"
	"github.com/parallax-news/parallax/internal/text"
)

// attributeRegion finds who said region i: a cue right after the
// closing mark ("…,” he said), a cue before the opening mark in its
// sentence (he said: “…”; called it a “…”), or else what came before:
// the quote before it in the paragraph (“…,” he said. “…”), a sentence
// or paragraph that introduced it (the Leader said:), or the paragraph
// whose quotation it continues.
func (x *extractor) attributeRegion(i int) attribution {
	r := x.regions[i]
	if r.close >= 0 {
		if ci := x.cueAfter(r); ci >= 0 {
			a := x.attributionOf(ci)
			if x.cues[ci].kind != accordingTo {
				return a
			}
			// “…,” according to the website: the speaker's own cue
			// before the quotation, if there is one, and the website
			// relays.
			if cb := x.cueBefore(r); cb >= 0 && x.cues[cb].kind != accordingTo {
				if b := x.attributionOf(cb); b.hasSpeaker() {
					b.via = a.speaker
					return b
				}
			}
			return a
		}
	}
	if ci := x.cueBefore(r); ci >= 0 {
		return x.attributionOf(ci)
	}
	if ci := x.verbBefore(r); ci >= 0 {
		return x.attributionOf(ci)
	}
	if a := x.colonBefore(r); a.cue >= 0 {
		return a
	}
	// The quote before it in the paragraph: “…,” he said. “…”
	if i > 0 && x.regions[i-1].para == r.para && x.attrs[i-1].cue >= 0 {
		return x.attrs[i-1]
	}
	if !x.opensSentence(r) {
		return none
	}
	s := int(x.sentOf[r.open])
	p := x.doc.Paragraphs[r.para]
	if s > p.FirstSentence {
		return x.introducedBy(s - 1)
	}
	if r.para == 0 {
		return none
	}
	// The quotation of the paragraph before goes on here, or that
	// paragraph quoted someone: a run of quoted paragraphs.
	if i > 0 && x.regions[i-1].para == r.para-1 && x.attrs[i-1].cue >= 0 {
		return x.attrs[i-1]
	}
	last := x.doc.Paragraphs[r.para-1].EndSentence - 1
	if a := x.introducedBy(last); a.cue >= 0 {
		return a
	}
	if a := x.nextParagraphCue(i); a.cue >= 0 {
		return a
	}
	return x.lastSpeaker(last)
}

// nextParagraphCue returns the attribution of a paragraph that is one
// whole quotation when the next paragraph opens with a quotation whose
// cue follows it: “…” ¶ “…,” Espinoza said. The cue introduces both.
func (x *extractor) nextParagraphCue(i int) attribution {
	r := x.regions[i]
	if r.close < 0 || r.continued || r.continues || i+1 >= len(x.regions) {
		return none
	}
	p := x.doc.Paragraphs[r.para]
	if last := x.doc.Sentences[p.EndSentence-1].EndToken; r.after < last {
		return none
	}
	n := x.regions[i+1]
	if n.para != r.para+1 || n.continued || n.close < 0 || !x.opensSentence(n) || x.sentOf[n.open] != int32(x.doc.Paragraphs[n.para].FirstSentence) {
		return none
	}
	ci := x.cueAfter(n)
	if ci < 0 || x.cues[ci].kind == accordingTo {
		return none
	}
	return x.attributionOf(ci)
}

// lastSpeaker returns the attribution of the last cue of sentence s that
// names a speaker: the paragraph before a quoted paragraph that says who
// speaks ("Sanders said Clinton was too friendly with Wall Street.").
func (x *extractor) lastSpeaker(s int) attribution {
	sent := x.doc.Sentences[s]
	for k := sent.EndToken - 1; k >= sent.FirstToken; k-- {
		ci := x.cueAt[k]
		if ci < 0 || x.inRegion[k] >= 0 || x.cues[ci].class == thought {
			continue
		}
		if a := x.attributionOf(int(ci)); a.hasSpeaker() {
			return a
		}
		break
	}
	return none
}

// introducedBy returns the attribution of sentence s when it introduces
// a quotation after it: it ends with a colon (the Leader said:; Trump
// issued the following statement:) or with "in the following terms", or
// its last cue reports nothing of its own (Sam Lau said in a statement.).
func (x *extractor) introducedBy(s int) attribution {
	sent := x.doc.Sentences[s]
	last := sent.EndToken - 1
	colon := x.isPunct(last, ":")
	for k := last; k >= sent.FirstToken; k-- {
		ci := x.cueAt[k]
		if ci < 0 || x.inRegion[k] >= 0 {
			continue
		}
		c := x.cues[ci]
		if colon || c.kind == termsCue && c.end >= last {
			return x.attributionOf(int(ci))
		}
		// "Sam Lau said in a statement." before the statement itself.
		if a := x.attributionOf(int(ci)); a.hasSpeaker() && c.kind == verbCue && c.class != thought {
			if _, _, ok := x.reported(int(ci)); !ok {
				return a
			}
		}
		break
	}
	if colon {
		// "Trump issued the following statement:"
		return x.colonCue(sent.FirstToken, last)
	}
	return none
}

// colonCue attributes what the colon at token k introduces to the
// subject of the clause from token first to the colon, with the colon for
// a cue. It returns none when the clause has no subject.
func (x *extractor) colonCue(first, k int) attribution {
	if ci := x.cueAt[k]; ci >= 0 {
		return x.attributionOf(int(ci)) // a transcript's label
	}
	sp, ent := x.clauseSubject(first, k)
	if sp.End <= sp.Start {
		return none
	}
	ci := x.addCue(cue{start: k, end: k + 1, class: speech, kind: structural, inner: -1})
	x.cueAttrs[ci], x.cueState[ci] = attribution{cue: ci, speaker: sp, speakerEntity: ent}, 2
	return x.cueAttrs[ci]
}

// opensSentence reports whether region r starts its sentence: nothing
// but dashes, bullets or other symbols before its opening mark.
func (x *extractor) opensSentence(r region) bool {
	first, _ := x.sentence(r.open)
	for j := first; j < r.open; j++ {
		if tk := x.doc.Tokens[j]; tk.Kind != text.Dash && tk.Kind != text.Symbol {
			return false
		}
	}
	return true
}

// cueAfter finds the cue that follows a closing mark in its sentence:
// “…,” he said; “…,” said the Leader; “…” — Assad added. It returns the
// cue's index, or -1.
func (x *extractor) cueAfter(r region) int {
	k := r.after
	if k >= len(x.doc.Tokens) {
		return -1
	}
	if ci := x.creditAfter(r); ci >= 0 {
		return ci
	}
	_, end := x.sentence(k)
	if k > 0 && x.sentOf[k] != x.sentOf[k-1] && !x.startsLower(k) {
		return -1 // the quotation ended its sentence
	}
	if r.end > r.first && x.isPunct(r.end-1, ".") && (x.isKind(k, text.Word) || x.isKind(k, text.Abbrev)) && x.startsUpper(k) {
		// ''… all yours.'' He added: the marks the segmenter missed
		// ended the sentence too.
		return -1
	}
	for k < end && (x.isPunct(k, ",") || x.isKind(k, text.Dash)) {
		k++
	}
	// Only the speaker may stand between: a name, a pronoun, a noun
	// phrase with its apposition.
	comma := false // past the subject, into an aside: "Blunt, after a long pause, said"
	for j := k; j < end && j < k+16; j++ {
		if j == k && prepositions[x.lower(j)] && x.lower(j) != "by" {
			// “a genius” for his recently revealed strategies: the
			// writer's sentence goes on, no speaker follows.
			break
		}
		if x.inRegion[j] >= 0 {
			break
		}
		if ci := x.cueAt[j]; ci >= 0 {
			if j == k && strings.HasSuffix(x.lower(j), "ing") {
				// “…,” adding: the quotation belongs to the verb before
				// it, the participle to what follows.
				return -1
			}
			return int(ci)
		}
		if x.isKind(j, text.Punct) && !x.isPunct(j, ",") || nounStops[x.lower(j)] && !comma {
			break
		}
		comma = comma || x.isPunct(j, ",")
	}
	if ci := x.structuralCue(k, end); ci >= 0 {
		return ci
	}
	// “…” is another example, according to the Leader.
	for j := k; j < end; j++ {
		if x.inRegion[j] >= 0 {
			break
		}
		if ci := x.cueAt[j]; ci >= 0 && x.cues[ci].kind == accordingTo {
			return int(ci)
		}
	}
	return -1
}

// creditAfter finds the credit line of a quotation set apart, as in a
// collection of readers' voices or a pull quote: “…” ― Sonya Herridge;
// “…” — Edwin G. Monroy, 34. The dash must follow the closing mark on
// its line, and a name of one to six capitalized words must end the
// line or be followed by a comma. It returns the cue, at the dash, or -1.
func (x *extractor) creditAfter(r region) int {
	k := r.after
	if x.isPunct(k, ",") {
		k++
	}
	if k >= len(x.doc.Tokens) || !x.isKind(k, text.Dash) || x.paraOf(k) != r.para || x.lineBreakBefore(k) {
		return -1
	}
	end := x.creditName(k)
	if end < 0 {
		return -1
	}
	if ci := x.cueAt[k]; ci >= 0 {
		return int(ci)
	}
	return x.addCue(cue{start: k, end: k + 1, class: speech, kind: credit, inner: -1})
}

// creditName returns the end of the name that follows the dash at token
// k in a credit line, or -1 when no name ends the line there.
func (x *extractor) creditName(k int) int {
	j := k + 1
	n := len(x.doc.Tokens)
	for j < n && j < k+8 && !x.lineBreakBefore(j) && x.inRegion[j] < 0 {
		if x.isWordish(j) && x.startsUpper(j) || j > k+1 && (x.isPunct(j, ".") && x.doc.Tokens[j].Start == x.doc.Tokens[j-1].End) {
			j++
			continue
		}
		break
	}
	if j == k+1 || j-(k+1) > 6 {
		return -1
	}
	if j < n && !x.lineBreakBefore(j) && x.inRegion[j] < 0 && !x.isPunct(j, ",") && !x.isPunct(j, ".") {
		return -1
	}
	return j
}

// lineBreakBefore reports whether a line break separates token k from
// the token before it.
func (x *extractor) lineBreakBefore(k int) bool {
	if k == 0 {
		return true
	}
	return strings.Contains(x.txt[x.doc.Tokens[k-1].End:x.doc.Tokens[k].Start], "\n")
}

// cueBefore finds the nearest cue before the opening mark in its
// sentence: he said: “…”; told Assad that “…”; called it a “…”. It
// returns the cue's index, or -1.
func (x *extractor) cueBefore(r region) int {
	first, _ := x.sentence(r.open)
	subject := false // a new subject after a semicolon
	thinking := -1   // a verb of thinking, nearer than any verb of saying
	for k := r.open - 1; k >= first && k >= r.open-40; k-- {
		if x.inRegion[k] >= 0 {
			continue
		}
		if x.isPunct(k, ";") {
			if subject {
				break
			}
			continue // "He added that …; “…”"
		}
		if ci := x.cueAt[k]; ci >= 0 {
			// Quotation marks quote words: "added that some people
			// think that … “but the most important support …”" is
			// what was added.
			if x.cues[ci].class != thought {
				return int(ci)
			}
			if thinking < 0 {
				thinking = int(ci)
			}
		}
		subject = subject || x.mentionAt[k] >= 0 || pronouns[x.lower(k)]
	}
	return thinking
}

// verbBefore finds a verb the lexicon lacks right before a quotation
// that its subject speaks: a man yelled “Stay there!”. The verb is a
// lower-case word in -ed a few words before the opening mark, with a
// subject before it. It returns the verb's cue, or -1.
func (x *extractor) verbBefore(r region) int {
	first, _ := x.sentence(r.open)
	for k := r.open - 1; k > first && k >= r.open-6; k-- {
		if x.inRegion[k] >= 0 || x.isKind(k, text.Punct) && !x.isPunct(k, ",") && !x.isPunct(k, ":") {
			return -1
		}
		if x.doc.Tokens[k].Kind != text.Word || !x.startsLower(k) {
			continue
		}
		w := x.lower(k)
		if len(w) < 4 || !strings.HasSuffix(w, "ed") || nounStops[w] || prepositions[w] || determiners[w] || finiteVerbs[w] {
			continue
		}
		if sp, _ := x.subjectBefore(k, first); sp.End <= sp.Start {
			continue
		}
		if x.cueAt[k] >= 0 {
			return int(x.cueAt[k])
		}
		return x.addCue(cue{start: k, end: k + 1, class: speech, kind: structural, inner: -1})
	}
	return -1
}

// colonBefore attributes a quotation that a colon introduces in its own
// sentence to the subject of the clause before the colon: "then leaned
// in and boomed: “…”", "… - Philip Bump: “…”". It returns none when the
// clause has no subject.
func (x *extractor) colonBefore(r region) attribution {
	k := r.open - 1
	if k < 0 || !x.isPunct(k, ":") || x.sentOf[k] != x.sentOf[r.open] {
		return none
	}
	first, _ := x.sentence(k)
	return x.colonCue(first, k)
}

// regionQuote returns the quote of region i, unless it is no statement:
// a name or title in quotation marks, or a short unattributed phrase (a
// scare quote).
func (x *extractor) regionQuote(i int, r region) (news.Quote, bool) {
	if r.first >= r.end {
		return news.Quote{}, false
	}
	a := x.attrs[i]
	opens := x.opensSentence(r)
	words := x.words(r)
	switch {
	case a.cue < 0 && (words < 13 || !opens && !r.continued):
		// Unattributed: a long quotation, or a scare quote.
		return news.Quote{}, false
	case !a.hasSpeaker() && words < 7 && !opens:
		return news.Quote{}, false
	}
	introduced := x.introduced(r)
	if x.titleLike(r) && !introduced && (x.namePosition(r) || !(a.cue >= 0 && x.cues[a.cue].start >= r.after && x.endsSentence(r))) || x.labelled(r) {
		return news.Quote{}, false
	}
	sp := x.trimmed(r.first, r.end)
	if sp.Start >= sp.End {
		return news.Quote{}, false
	}
	q := news.Quote{Start: sp.Start, End: sp.End, Kind: news.QuotePartial, SpeakerEntity: -1}
	if (opens || r.continued || introduced) && !r.absorbed {
		q.Kind = news.QuoteDirect
	} else if words <= 2 && !r.clause && !r.absorbed && !(a.cue >= 0 && x.cues[a.cue].start >= r.after) && !x.exclaims(r) {
		// One or two words inside the writer's sentence: a scare
		// quote or a label (hailed the vote as “fantastic”), not a
		// statement of their own.
		return news.Quote{}, false
	}
	x.fill(&q, a)
	if c, ok := x.innerLabel(r); ok {
		// "PENCE: Well, look, …" quoted whole from a transcript: the
		// label says who speaks, and is no part of what is said.
		q.Start = x.doc.Tokens[c+1].Start
		q.Cue = x.span(c, c+1)
		q.Speaker = x.span(r.first, c)
		q.SpeakerEntity = -1
		if mi := x.mentionAt[r.first]; mi >= 0 {
			q.SpeakerEntity = x.ms[mi].Entity
		}
		q.Addressee, q.Via = news.Span{}, news.Span{}
		if q.Start >= q.End {
			return news.Quote{}, false
		}
	}
	return q, true
}

// innerLabel returns the colon of a transcript's speaker label that opens
// quotation r ("PENCE: …", "Mr. WALLACE: …"): one to three words in
// capitals. ok is false when there is none.
func (x *extractor) innerLabel(r region) (int, bool) {
	for k := r.first; k < r.end && k < r.first+4; k++ {
		if x.isPunct(k, ":") {
			if k == r.first || k+1 >= r.end || !x.allCaps(r.first, k) || notLabels[x.lower(r.first)] {
				return 0, false
			}
			for j := r.first; j < k; j++ {
				if !x.isWordish(j) && !x.isPunct(j, ".") {
					return 0, false
				}
			}
			return k, true
		}
	}
	return 0, false
}

// introduced reports whether a cue and a colon or comma come right
// before region r: he said, “…”; the Leader added: “…”.
func (x *extractor) introduced(r region) bool {
	k := r.open - 1
	if k < 0 || !x.isPunct(k, ",") && !x.isPunct(k, ":") {
		return false
	}
	for j := k - 1; j >= 0 && j >= k-4; j-- {
		if x.cueAt[j] >= 0 {
			return true
		}
	}
	return false
}

// words counts the words of region r.
func (x *extractor) words(r region) int {
	n := 0
	for k := r.first; k < r.end; k++ {
		if x.doc.Tokens[k].Kind == text.Word {
			n++
		}
	}
	return n
}

// titleLike reports whether region r holds a name or title rather than
// words someone said: a few words, each capitalized but for small ones
// ("Meet the Press", “America’s Bitter Pill”).
func (x *extractor) titleLike(r region) bool {
	words := 0
	for k := r.first; k < r.end; k++ {
		switch x.doc.Tokens[k].Kind {
		case text.Word, text.Abbrev:
			if !x.startsUpper(k) && !titleSmallWords[x.lower(k)] {
				return false
			}
			words++
		case text.Number, text.Clitic, text.Dash, text.Quote:
		case text.Punct:
			if w := x.word(k); w != "," && w != ":" && w != "." {
				return false
			}
		default:
			return false
		}
	}
	return words > 0 && words <= 8
}

// namePosition reports whether region r stands where a name does: after
// a possessive, a preposition or a determiner (on Fox’s “Hannity”, the
// “Charleston loophole”).
func (x *extractor) namePosition(r region) bool {
	k := r.open - 1
	if k < 0 || x.sentOf[k] != x.sentOf[r.open] {
		return false
	}
	if x.isKind(k, text.Clitic) {
		return true
	}
	w := x.lower(k)
	return prepositions[w] || determiners[w]
}

// labelled reports whether region r is a name given to something rather
// than words said: after "so-called", "dubbed", "known as", "titled", or
// a name someone gives themselves (calling themselves “friends of
// Syria”).
func (x *extractor) labelled(r region) bool {
	k := r.open - 1
	if k < 0 || x.sentOf[k] != x.sentOf[r.open] {
		return false
	}
	switch x.lower(k) {
	case "so-called", "dubbed", "titled", "entitled", "nicknamed", "named", "branded", "labeled", "labelled":
		return true
	case "as":
		return x.is(k-1, "known")
	case "themselves", "itself", "himself", "herself":
		return k > 0 && x.cueLemma(cue{start: k - 1}) == "call" || x.is(k-1, "named") || x.is(k-1, "describe") || x.is(k-1, "describes")
	}
	return false
}

// exclaims reports whether the quoted words end in ! or ?, as shouts and
// questions do (he yelled “You lie!”) and labels do not.
func (x *extractor) exclaims(r region) bool {
	if r.end <= r.first || !x.isKind(r.end-1, text.Punct) {
		return false
	}
	w := x.word(r.end - 1)
	return strings.HasPrefix(w, "!") || strings.HasPrefix(w, "?")
}

// endsSentence reports whether the quoted words end in punctuation, as
// speech does (“No,” replied Zucker) and titles rarely do.
func (x *extractor) endsSentence(r region) bool {
	return r.end > r.first && x.isKind(r.end-1, text.Punct)
}

// titleSmallWords are the words titles leave in lower case.
var titleSmallWords = setOf("a", "an", "the", "of", "and", "or", "in", "on", "at", "to", "for", "with", "by", "from", "is", "as", "but", "nor", "vs", "vs.", "de", "la", "le", "du", "van", "von", "al")

// trimmed returns the span of tokens [a, b) without a trailing comma,
// the attribution's punctuation rather than the speaker's, nor stray
// marks at either end.
func (x *extractor) trimmed(a, b int) news.Span {
	inner := 0 // quotation marks inside: ‘Resistance and Defiance Front’ keeps its marks
	for k := a; k < b; k++ {
		if x.isKind(k, text.Quote) {
			inner++
		}
	}
	for b > a && (x.isPunct(b-1, ",") || inner == 1 && x.isKind(b-1, text.Quote)) {
		b--
	}
	for a < b && inner == 1 && x.isKind(a, text.Quote) {
		a++
	}
	return x.span(a, b)
}
