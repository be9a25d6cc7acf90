package quotes

import (
	"sort"
	"strings"

	"github.com/parallax-news/parallax/internal/news"
	"github.com/parallax-news/parallax/internal/text"
)

// indirectQuotes finds reported speech: the clause a cue introduces
// (Raisi said that parts of Syria are still occupied; according to the
// Leader, …; …, the spokesman said). A quotation inside the clause that
// the same cue attributes either becomes part of it or takes its place:
// whichever holds most of the clause's words, so that "Khamenei told
// Assad that Syria has “won an international war”" is one partial quote
// and "the president stressed that the threats should be addressed by
// “strengthening deterrence”" one indirect quote.
func (x *extractor) indirectQuotes() []news.Quote {
	var out []news.Quote
	attributed := make([]int, len(x.cues)) // how many regions each cue attributes
	for i, a := range x.attrs {
		if a.cue >= 0 && !x.titleLike(x.regions[i]) {
			attributed[a.cue]++
		}
	}
	var inside []int
	for ci := range x.cues {
		from, to, ok := x.reported(ci)
		if !ok {
			continue
		}
		a := x.attributionOf(ci)
		if !a.hasSpeaker() && !x.unsourced(ci) {
			continue
		}
		// The regions in the clause that no other cue attributes.
		own := 0
		inside = inside[:0]
		lo := sort.Search(len(x.regions), func(i int) bool { return x.regions[i].open >= from })
		for i := lo; i < len(x.regions) && x.regions[i].open < to; i++ {
			if c := x.attrs[i].cue; c >= 0 && c != ci {
				continue
			}
			if x.attrs[i].cue == ci {
				own++
			}
			inside = append(inside, i)
		}
		if own < attributed[ci] {
			continue // the cue introduces a quotation elsewhere: he said, “…”
		}
		content := x.span(from, to)
		if len(inside) > 0 && x.quotedClause(from, to) {
			for _, i := range inside {
				x.attrs[i] = a
				x.regions[i].clause = true
			}
			continue
		}
		// The writer's clause holds the quoted words: the clause is
		// the indirect quote, and the words in it are partial quotes of
		// the same attribution ("called it a “sacred duty” of the
		// nation").
		for _, i := range inside {
			x.attrs[i] = a
			x.regions[i].absorbed = true
		}
		q := news.Quote{Start: content.Start, End: content.End, Kind: news.QuoteIndirect}
		x.fill(&q, a)
		out = append(out, q)
		if f, t, ok := x.otherPart(ci, from, to); ok {
			// "The emails were on work-related topics, the Times said,
			// including speeches": one attribution of two fragments.
			s := x.span(f, t)
			q.Start, q.End = s.Start, s.End
			out = append(out, q)
		}
	}
	return out
}

// quotedClause reports whether the reported clause [from, to) is, but
// for a word or so, quoted words: then the quotation is what is
// reported, not a clause of the writer's around it. At most one word in
// ten may stand outside quotation marks.
func (x *extractor) quotedClause(from, to int) bool {
	words, outside := 0, 0
	for k := from; k < to; k++ {
		if !x.isWordish(k) {
			continue
		}
		words++
		if x.inRegion[k] < 0 {
			outside++
		}
	}
	return 10*outside <= words
}

// otherPart returns the other fragment of the content [from, to) of a
// verb cue set off by commas in the middle of its sentence: "A, he
// said, B".
func (x *extractor) otherPart(ci, from, to int) (int, int, bool) {
	c := x.cues[ci]
	if c.kind != verbCue && c.kind != structural && c.kind != accordingTo || c.inner >= 0 || x.isKind(c.start, text.Punct) {
		return 0, 0, false
	}
	first, end := x.sentence(c.start)
	last := end
	for last > first && x.inRegion[last-1] < 0 && (x.isKind(last-1, text.Punct) || x.isKind(last-1, text.Quote)) {
		last--
	}
	k := c.end
	if c.kind == accordingTo {
		if to > c.start {
			return 0, 0, false
		}
		// A, according to X, B
		for k < last && k < c.end+15 && x.isWordish(k) && x.inRegion[k] < 0 {
			k++
		}
	} else if sp := x.attributionOf(ci).speaker; sp.End > sp.Start && k < last && sp.Start >= x.doc.Tokens[k].Start && sp.Start < x.doc.Tokens[k].End+8 {
		for k < last && x.doc.Tokens[k].Start < sp.End {
			k++
		}
	}
	if !x.isPunct(k, ",") {
		return 0, 0, false
	}
	var f, t int
	switch {
	case to <= c.start:
		// A, he said, B: B
		f = k + 1
		if f+3 >= last || x.cueAt[f] >= 0 || x.inRegion[f] >= 0 || strings.HasSuffix(x.lower(f), "ing") && cueForms[x.lower(f)] != 0 || !x.isWordish(f) {
			return 0, 0, false
		}
		t = x.clauseEnd(ci, f, last)
	case from == k+1:
		// A, he said, B: A
		var ok bool
		f, t, ok = x.clauseBefore(ci, first)
		if !ok || t > c.start {
			return 0, 0, false
		}
	default:
		return 0, 0, false
	}
	if t-f < 2 {
		return 0, 0, false
	}
	for j := f; j < t; j++ {
		if x.inRegion[j] >= 0 || x.cueAt[j] >= 0 && int(x.cueAt[j]) != ci {
			return 0, 0, false
		}
	}
	return f, t, true
}

// reported returns the clause that cue ci reports, as the token range
// [from, to), and whether it has one.
func (x *extractor) reported(ci int) (int, int, bool) {
	c := x.cues[ci]
	if c.kind == structural && x.isKind(c.start, text.Punct) {
		return 0, 0, false // a colon that introduces a quotation
	}
	first, end := x.sentence(c.start)
	last := end
	for last > first && x.inRegion[last-1] < 0 && (x.isKind(last-1, text.Punct) || x.isKind(last-1, text.Quote)) {
		last--
	}
	var from, to int
	switch c.kind {
	case accordingTo:
		opens := x.opensClause(c.start, first)
		if opens && x.relayed(ci) {
			return 0, 0, false
		}
		if opens {
			// According to X, content.
			k := c.end
			for k < last && !x.isPunct(k, ",") {
				k++
			}
			from, to = k+1, last
		} else {
			// content, according to X.
			from, to = first, c.start
		}
	case thatNoun:
		from, to = c.end+1, last
	case nounCue:
		// The noun's complement, up to a punctuation mark: "Trump's
		// criticism of Clinton's trade policy".
		from = c.end
		if !x.is(from, "to") {
			from++
		}
		to = from
		for to < last && !x.isKind(to, text.Punct) && x.cueAt[to] < 0 {
			to++
		}
	case label:
		// The rest of the paragraph.
		p := x.doc.Paragraphs[x.paraOf(c.start)]
		last = x.doc.Sentences[p.EndSentence-1].EndToken
		for last > c.end && x.inRegion[last-1] < 0 && (x.isKind(last-1, text.Punct) || x.isKind(last-1, text.Quote)) {
			last--
		}
		from, to = c.end, last
	case verbCue, passive, activeQuote, structural:
		if x.unsourced(ci) && x.infinitive(c.end) && !x.attributionOf(ci).hasSpeaker() {
			// The subject and the infinitive: "The sale is expected to
			// expand …"
			from, to = first, last
			break
		}
		var ok bool
		from, to, ok = x.clauseOf(ci, first, last)
		if !ok {
			return 0, 0, false
		}
	default:
		return 0, 0, false
	}
	to = x.clauseEnd(ci, from, to)
	if to-from < 2 {
		return 0, 0, false
	}
	return from, to, true
}

// opensClause reports whether token k starts its clause: the sentence's
// start, or after a conjunction that does ("But according to …").
func (x *extractor) opensClause(k, first int) bool {
	for j := k - 1; j >= first; j-- {
		switch x.lower(j) {
		case ":", ";":
			return true // "It hasn't gone unnoticed: according to polls, …"
		case "but", "and", "yet", "so", "however", ",", "—", "–", "-", "still", "also":
		default:
			return false
		}
	}
	return true
}

// relayed reports whether "according to" cue ci names the intermediary
// of a speaker whose own cue follows in the sentence: "According to the
// Leader's office, Ayatollah Khamenei told Assad that …".
func (x *extractor) relayed(ci int) bool {
	c := x.cues[ci]
	_, end := x.sentence(c.start)
	for k := c.end; k < end; k++ {
		if oc := x.cueAt[k]; oc >= 0 && x.inRegion[k] < 0 && x.cues[oc].kind != accordingTo {
			return x.attributionOf(int(oc)).hasSpeaker()
		}
	}
	return false
}

// clauseOf returns the clause a verb cue reports: after it (said that …;
// told Assad that …; stressed the need to …) or, when nothing follows
// but the sentence's end, before it (…, the spokesman said).
func (x *extractor) clauseOf(ci, first, last int) (int, int, bool) {
	c := x.cues[ci]
	a := x.attributionOf(ci)
	k := c.end
	if c.inner >= 0 {
		k = c.inner + 1
	}
	if x.lower(c.start) == "asked" || x.lower(c.start) == "asks" || x.lower(c.start) == "asking" {
		// The question: asked (Trump) (in May) whether …
		if j := x.questionAfter(k); j >= 0 && j < last {
			return j, last, true
		}
	}
	// Past an inverted speaker, the addressee and the intermediary.
	for _, s := range []news.Span{a.speaker, a.addressee, a.via} {
		if s.End <= s.Start || k >= last || s.End <= x.doc.Tokens[k].Start {
			continue
		}
		// The phrase may start before the span: "said Ms. Gil",
		// "told Syrian President Assad".
		j := k
		for j < last && x.doc.Tokens[j].End <= s.Start && (x.isWordish(j) || x.isKind(j, text.Clitic)) && j < k+5 {
			j++
		}
		if j < last && x.doc.Tokens[j].Start <= s.Start {
			for k < last && x.doc.Tokens[k].Start < s.End {
				k++
			}
			if x.isKind(k, text.Clitic) && (x.is(k, "'s") || x.is(k, "’s")) {
				// "noted NBC’s Dante Chinni": the speaker's whole name
				for k++; k < last && x.isWordish(k) && x.startsUpper(k); k++ {
				}
			}
		}
	}
	if k < last && (x.is(k, "for") || x.is(k, "on")) && x.cueLemma(c) == "call" {
		return k + 1, last, true // called for …, called on … to …: not "the provisions that …"
	}
	// "that" after a few words of circumstance: said in a statement on
	// Tuesday that …; told reporters that …
	span := 1
	if k < last {
		if w := x.lower(k); prepositions[w] || adverbial(w) || c.class == tell {
			span = 10
		}
	}
	for j := k; j < last && j < k+span; j++ {
		if x.inRegion[j] >= 0 || x.isKind(j, text.Punct) && !x.isPunct(j, ",") || x.cueAt[j] >= 0 {
			break
		}
		if x.is(j, "that") {
			return j + 1, last, true
		}
	}
	if x.is(c.start+1, "it") && (x.is(c.start, "put") || x.is(c.start, "puts") || x.is(c.start, "putting")) {
		// "As Ms. Simonyan put it (in a statement), RT is …": the
		// clause after the comma; "…, as he put it.": the one before.
		for j := k; j < last; j++ {
			if x.isPunct(j, ",") || x.isPunct(j, ":") {
				if j+2 < last {
					return j + 1, last, true
				}
				break
			}
			if x.inRegion[j] >= 0 {
				return j, last, true
			}
		}
		j := c.start - 1
		for j > first && !x.is(j, "as") {
			j--
		}
		if j > first+2 {
			return first, j, true
		}
		return 0, 0, false
	}
	if j := x.pastTimeWords(k, last); j > k && (j >= last || x.isKind(j, text.Punct) || circumstance[x.lower(j)]) {
		// "…, top black lawmakers said Friday afternoon, as they …":
		// what was said comes before.
		if from, to, ok := x.clauseBefore(ci, first); ok {
			return from, to, true
		}
	}
	if k >= last || x.isKind(k, text.Punct) {
		from, to, ok := x.clauseBefore(ci, first)
		if x.isPunct(k, ",") && k+3 < last && (!ok || last-(k+1) > to-from) {
			// "Recently, he said, he has realized …": the longer part.
			return k + 1, last, true
		}
		return from, to, ok
	}
	w := x.lower(k)
	if ri := x.inRegion[k]; ri >= 0 {
		// said “budget reforms” and the collection of unpaid taxes
		// would help: a clause that opens with quoted words and goes
		// on (not with a comma or a preposition: calling themselves
		// “friends of Syria”, …; screamed “Lock her up!” at rallies).
		r := x.regions[ri]
		if n := r.after; n < last && x.isWordish(n) && x.startsLower(n) && !prepositions[x.lower(n)] && !x.titleLike(r) {
			return k, last, true
		}
		return 0, 0, false
	}
	if (infinitival[x.lower(c.start)] || x.is(c.end-1, "like")) && x.infinitive(k) {
		return k, last, true // declined to comment, vowed to fight
	}
	if (w == "for" || w == "on") && x.cueLemma(c) == "call" || w == "to" && x.cueLemma(c) == "refer" || w == "about" {
		return k + 1, last, true // called for …, called on … to …, referring to …
	}
	if prepositions[w] && !(w == "to" && c.class == tell) && !x.looksLikeClause(k+1, last) {
		// "said in an interview", "reported from Washington": what
		// was said comes before, if anything.
		return x.clauseBefore(ci, first)
	}
	if w == "so" && (k+1 >= last || x.isKind(k+1, text.Punct)) {
		return 0, 0, false // "said so"
	}
	return k, last, true
}

// pastTimeWords returns where the words of time that start at token k
// end: "Friday afternoon", "last week", "on Monday".
func (x *extractor) pastTimeWords(k, last int) int {
	j := k
	for j < last && j < k+4 && (timeWords[x.lower(j)] || timeLinks[x.lower(j)]) {
		j++
	}
	return j
}

// timeLinks join the words of a time expression (see timeWords).
var timeLinks = setOf("on", "last", "this", "earlier", "later", "recently")

// circumstance are the words that open a clause of circumstance after a
// verb of saying and its time: "said Friday, as …", "said Tuesday while".
var circumstance = setOf("as", "while", "when", "after", "before", "during", "at", "in", "amid", "following", "since")

// looksLikeClause reports whether the words from token k read as a
// clause, with a verb of its own, rather than a verb's object: "Sharpton
// asked for the meeting" does, "the letter to the State Department" does
// not. A subject pronoun, an auxiliary, a past form or a negation within
// a few words will do.
func (x *extractor) looksLikeClause(k, last int) bool {
	if k >= last {
		return false
	}
	if w := x.lower(k); pronouns[w] && w != "who" || w == "there" {
		return true
	}
	for j := k; j < last && j < k+12; j++ {
		if x.inRegion[j] >= 0 {
			continue
		}
		if x.isKind(j, text.Punct) && !x.isPunct(j, ",") {
			return false
		}
		if x.isKind(j, text.Clitic) {
			switch x.lower(j) {
			case "n't", "’re", "'re", "’ll", "'ll", "’ve", "'ve", "’d", "'d":
				return true
			}
			continue
		}
		if j == k || !x.startsLower(j) {
			continue
		}
		w := x.lower(j)
		if finiteVerbs[w] || len(w) > 4 && w[len(w)-2:] == "ed" && !determiners[x.lower(j-1)] {
			return true
		}
	}
	return false
}

// boundaryBetween reports whether a clause boundary (a comma, semicolon,
// dash or coordinating word) lies in tokens [a, b).
func (x *extractor) boundaryBetween(a, b int) bool {
	for j := a; j < b; j++ {
		if x.isPunct(j, ",") || x.isPunct(j, ";") || x.isKind(j, text.Dash) || x.is(j, "and") || x.is(j, "but") {
			return true
		}
	}
	return false
}

// cueLemma returns the base form of a few verbs whose objects follow a
// preposition, or "".
func (x *extractor) cueLemma(c cue) string {
	switch w := x.lower(c.start); w {
	case "call", "calls", "called", "calling":
		return "call"
	case "refer", "refers", "referred", "referring":
		return "refer"
	}
	return ""
}

// adverbial reports whether w reads as an adverb or a word of time that
// may stand between a verb and its "that": "said repeatedly that",
// "said Tuesday that".
func adverbial(w string) bool {
	switch w {
	case "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
		"yesterday", "today", "tonight", "again", "also", "later", "earlier", "previously", "then", "once", "last", "this", "recently", "repeatedly":
		return true
	}
	return len(w) > 4 && w[len(w)-2:] == "ly"
}

// clauseBefore returns the clause before cue ci and its subject, when a
// comma separates them: "Syria has entered a new phase, the spokesman
// said."
func (x *extractor) clauseBefore(ci, first int) (int, int, bool) {
	c := x.cues[ci]
	a := x.attributionOf(ci)
	k := c.start
	if s := a.speaker; s.End > s.Start && s.End <= x.doc.Tokens[c.start].Start {
		k = x.tokenAt(s.Start)
		// and the title before a name: "…, Syrian President Assad said"
		for j := k - 1; j > first && j > k-6 && (x.isKind(j, text.Abbrev) || x.startsUpper(j) || x.is(j, "the")); j-- {
			if x.isPunct(j-1, ",") || x.isKind(j-1, text.Quote) {
				k = j
				break
			}
		}
	}
	for k > first && skipBefore[x.lower(k-1)] {
		k--
	}
	// The comma, inside or outside a closing mark: …”, she said; …,” she said.
	end := k
	for end > first && x.isKind(end-1, text.Quote) {
		end--
	}
	if !x.isPunct(end-1, ",") && end == k || end-first < 3 {
		return 0, 0, false
	}
	for end > first && (x.isPunct(end-1, ",") || x.isKind(end-1, text.Quote) && x.inRegion[end-1] < 0) {
		end--
	}
	if end-first < 3 {
		return 0, 0, false
	}
	if ri := x.inRegion[end-1]; ri >= 0 && x.regions[ri].open > first && x.regions[ri].close >= end && x.regions[ri].close < k {
		// The clause ends with quoted words: keep their closing mark.
		end = x.regions[ri].close + 1
	}
	return first, end, true
}

// clauseEnd returns where the clause [from, to) of cue ci ends: before
// another cue with a speaker of its own ("…, Barkley, who said he votes
// democratic, said …"), a quotation attributed elsewhere, or a
// semicolon.
func (x *extractor) clauseEnd(ci, from, to int) int {
	to = min(to, from+window)
	for j := from + 1; j < to; j++ {
		if x.isPunct(j, ";") {
			to = j
			break
		}
		if ri := x.inRegion[j]; ri >= 0 {
			if ra := x.attrs[ri]; ra.cue >= 0 && ra.cue != ci {
				to = j
				break
			}
			continue
		}
		oc := x.cueAt[j]
		if oc < 0 || int(oc) == ci || x.cues[oc].class == thought {
			continue // "the system is “complex” and he feels he can win" is one clause
		}
		if oa := x.attributionOf(int(oc)); oa.hasSpeaker() {
			s := x.tokenAt(oa.speaker.Start)
			if s >= from && !x.boundaryBetween(from, s) {
				continue // the clause's own subject speaks in it: "said the FBI has not commented"
			}
			cut := j
			if s > from && s < j {
				cut = s
			}
			if cut > from {
				to = cut
				break
			}
		}
	}
	for to > from && (x.isPunct(to-1, ",") || x.isKind(to-1, text.Dash) || x.is(to-1, "and") || x.is(to-1, "but")) {
		to--
	}
	return to
}
