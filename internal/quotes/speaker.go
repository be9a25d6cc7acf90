package quotes

import (
	"strings"

	"github.com/parallax-news/parallax/internal/news"
	"github.com/parallax-news/parallax/internal/text"
)

// attributionOf returns who speaks through cue ci: its speaker, and the
// addressee and intermediary when the text names them. It is computed
// once per cue.
func (x *extractor) attributionOf(ci int) attribution {
	switch x.cueState[ci] {
	case 1:
		return none // a cycle: "and said … and added"
	case 2:
		return x.cueAttrs[ci]
	}
	x.cueState[ci] = 1
	a := x.attribute(ci)
	x.cueAttrs[ci], x.cueState[ci] = a, 2
	return a
}

// attribute finds the speaker of cue ci (see attributionOf). The
// attribution it returns always names the cue; its speaker is empty when
// none is found.
func (x *extractor) attribute(ci int) attribution {
	c := x.cues[ci]
	a := none
	a.cue = ci
	first, end := x.sentence(c.start)
	switch c.kind {
	case accordingTo:
		if x.is(c.start, "in") {
			// "in a new Washington Post-ABC News poll": the poll
			for j := c.end; j < end && j < c.end+12; j++ {
				switch x.lower(j) {
				case "poll", "polls", "survey", "surveys", "polling":
					a.speaker = x.span(c.end, j+1)
					return a
				}
			}
		}
		a.speaker, a.speakerEntity = x.phraseAfter(c.end, end)
		return a
	case thatNoun:
		if x.possessed(c.start) {
			mi := x.mentionAt[c.start-2]
			a.speaker, a.speakerEntity = x.mentionSpan(int(mi)), x.ms[mi].Entity
		} else if p := x.lower(c.start - 1); p == "his" || p == "her" || p == "their" || p == "its" {
			// "Trump repeated his claim that …": the subject's own.
			a.speaker, a.speakerEntity = x.subjectBefore(c.start-1, first)
			if !a.hasSpeaker() {
				a.speaker = x.span(c.start-1, c.start)
			}
		} else if v := c.start - 2; v > first && determiners[x.lower(c.start-1)] && holdingVerbs[x.lower(v)] {
			// "Trump repeated the claim that …", "voiced concerns that"
			a.speaker, a.speakerEntity = x.subjectBefore(v, first)
		} else if v := c.start - 1; v > first && holdingVerbs[x.lower(v)] {
			a.speaker, a.speakerEntity = x.subjectBefore(v, first)
		}
		return a
	case viewCue, nounCue:
		mi := x.mentionAt[c.start-2] // before the possessive
		a.speaker, a.speakerEntity = x.mentionSpan(int(mi)), x.ms[mi].Entity
		return a
	case label:
		p := x.doc.Paragraphs[x.paraOf(c.start)]
		k := x.doc.Sentences[p.FirstSentence].FirstToken
		if mi := x.mentionAt[k]; mi >= 0 {
			a.speaker, a.speakerEntity = x.mentionSpan(int(mi)), x.ms[mi].Entity
		} else {
			a.speaker = x.span(k, c.start)
		}
		return a
	case credit:
		if mi := x.mentionAt[c.end]; mi >= 0 {
			a.speaker, a.speakerEntity = x.mentionSpan(int(mi)), x.ms[mi].Entity
		} else if e := x.creditName(c.start); e > c.end {
			a.speaker = x.span(c.end, e)
		}
		return a
	case termsCue:
		a.speaker, a.speakerEntity = x.clauseSubject(first, c.start)
		return a
	case activeQuote:
		// "The reading quoted Khamenei telling Assad…": Khamenei speaks,
		// the reading relays.
		a.speaker, a.speakerEntity = x.phraseAfter(c.end, end)
		a.via, _ = x.subjectBefore(c.start, first)
		if c.inner >= 0 && cueForms[x.lower(c.inner)] == tell {
			a.addressee = x.addressee(c.inner+1, end)
		}
		return a
	case passive:
		// "was quoted by the supreme leader's website as telling": the
		// by-phrase relays.
		if x.is(c.end, "by") {
			for k := c.end + 1; k < end && k < c.end+14; k++ {
				if x.is(k, "as") {
					a.via = x.span(c.end+1, k)
					break
				}
			}
		}
	}
	v := c.start
	if c.kind == passive {
		v-- // the subject of "was quoted"
	}
	a.speaker, a.speakerEntity = x.subjectBefore(v, first)
	if !a.hasSpeaker() && x.is(v-1, "to") {
		// "Assad also referred to …, to say:"
		a.speaker, a.speakerEntity = x.clauseSubject(first, v)
	}
	if !a.hasSpeaker() && evidenceVerbs[x.lower(v)] {
		a.speaker = x.evidencePhrase(v, first) // "Polls show"
	}
	if !a.hasSpeaker() {
		if prev, ok := x.sharedSubject(v, first); ok {
			a.speaker, a.speakerEntity = prev.speaker, prev.speakerEntity
		} else if x.emptySubjectSlot(v, first) {
			a.speaker, a.speakerEntity = x.phraseAfter(c.end, end)
		}
	}
	switch {
	case c.inner >= 0 && cueForms[x.lower(c.inner)] == tell:
		a.addressee = x.addressee(c.inner+1, end)
	case c.class == tell:
		a.addressee = x.addressee(c.end, end)
	}
	if a.via == (news.Span{}) {
		a.via = x.accordingBefore(v, first)
	}
	if a.via == (news.Span{}) {
		for _, k := range []int{v - 1, c.end} {
			if x.is(k, "reportedly") || x.is(k, "allegedly") {
				a.via = x.span(k, k+1)
			}
		}
	}
	return a
}

// holdingVerbs make their subject the holder of the claim, fear or hope
// that follows: "Trump repeated the claim that …".
var holdingVerbs = setOf("made", "makes", "make", "making", "repeated", "repeats", "repeat", "reiterated", "voiced", "voices", "expressed", "expresses", "raised", "raises", "renewed", "echoed", "echoes", "issued", "offered", "floated", "pushed", "pushes", "shared", "shares", "stood", "advanced", "dismissed", "rejected", "denied", "disputed", "leveled", "levelled", "stoked", "fueled", "fuelled", "spread", "spreads", "peddled", "promoted", "has", "have", "had", "gave", "gives", "delivered", "sent", "conveyed")

// evidencePhrase returns the noun phrase headed by an evidence noun
// before the verb at token v: "Polls show", "A new poll from Marquette
// found".
func (x *extractor) evidencePhrase(v, first int) news.Span {
	for j := v - 1; j >= first && j > v-9; j-- {
		if x.isKind(j, text.Punct) || x.inRegion[j] >= 0 {
			break
		}
		if evidence[x.lower(j)] {
			i := j
			for i > first && i > j-4 && x.isWordish(i-1) && !x.isPunct(i-1, ",") && (determiners[x.lower(i-1)] || x.startsUpper(i-1) || x.is(i-1, "new") || x.is(i-1, "exit") || x.is(i-1, "latest") || x.is(i-1, "recent")) {
				i--
			}
			return x.span(i, j+1)
		}
	}
	return news.Span{}
}

// accordingBefore returns the phrase of an "according to" that opens
// the sentence before the verb at token v: "According to the Leader's
// office, Ayatollah Khamenei told Assad …" is Khamenei's, relayed by his
// office.
func (x *extractor) accordingBefore(v, first int) news.Span {
	for k := first; k < v && k < first+4; k++ { // opening the sentence: "But according to"
		ci := x.cueAt[k]
		if ci < 0 || x.cues[ci].kind != accordingTo || !x.opensClause(k, first) {
			continue
		}
		for j := x.cues[ci].end; j < v && j < k+window; j++ {
			if x.isPunct(j, ",") {
				return x.span(x.cues[ci].end, j)
			}
		}
	}
	return news.Span{}
}

// sharedSubject returns the attribution of the verb whose subject the
// verb at token v shares: "Kasich boasted … and stressed …", "Clinton
// claimed victory, saying …". It looks for the nearest cue before v in
// the sentence when a coordinating word or, before a participle, a comma
// stands where a subject would.
func (x *extractor) sharedSubject(v, first int) (attribution, bool) {
	k := v - 1
	for k >= first && skipBefore[x.lower(k)] {
		k--
	}
	if k < first {
		return none, false
	}
	w := x.lower(k)
	participial := strings.HasSuffix(x.lower(v), "ing") && (x.isPunct(k, ",") || x.isPunct(k, ";") || x.isKind(k, text.Dash) || x.isKind(k, text.Quote) && x.isPunct(k-1, ","))
	if w != "and" && w != "but" && w != "or" && w != "then" && !participial {
		return none, false
	}
	for j := k - 1; j >= first && j > k-window; j-- {
		if ci := x.cueAt[j]; ci >= 0 && x.inRegion[j] < 0 {
			if a := x.attributionOf(int(ci)); a.hasSpeaker() {
				return a, true
			}
		}
	}
	{
		// "Trump took the stage, saying …": the sentence's subject.
		sp, ent := x.clauseSubject(first, k)
		if sp.End > sp.Start {
			return attribution{speaker: sp, speakerEntity: ent}, true
		}
	}
	return none, false
}

// emptySubjectSlot reports whether nothing stands where the subject of
// the verb at token v would: the verb follows punctuation, a quotation
// mark or the sentence's start, so its subject follows it ("…,” said the
// Leader).
func (x *extractor) emptySubjectSlot(v, first int) bool {
	k := v - 1
	for k >= first && skipBefore[x.lower(k)] {
		k--
	}
	if k < first {
		return true
	}
	if x.inRegion[k] >= 0 {
		return true
	}
	switch x.doc.Tokens[k].Kind {
	case text.Punct, text.Dash, text.Quote:
		return true
	}
	return false
}

// clauseSubject returns the likeliest subject of the clause in tokens
// [from, to): the mention, pronoun or noun phrase that opens it, past an
// opening phrase set off by a comma ("At Sunday's meeting, Iran's
// supreme leader …"), else its first person or organization mention or
// subject pronoun outside quotation marks.
func (x *extractor) clauseSubject(from, to int) (news.Span, int) {
	start := from
	if w := x.lower(from); prepositions[w] || sentenceAdverbs[w] || strings.HasSuffix(w, "ing") || strings.HasSuffix(w, "ly") {
		for k := from; k < to && k < from+15; k++ {
			if x.isPunct(k, ",") {
				start = k + 1
				break
			}
		}
	}
	if start < to && x.inRegion[start] < 0 {
		if mi := x.mentionAt[start]; mi >= 0 && x.ms[mi].Type == news.TypePerson {
			return x.mentionSpan(int(mi)), x.ms[mi].Entity
		}
		if w := x.lower(start); pronouns[w] && w != "who" && w != "it" {
			return x.span(start, start+1), -1
		}
		if determiners[x.lower(start)] {
			if sp, ent := x.phraseAfter(start, to); sp.End > sp.Start {
				return sp, ent
			}
		}
	}
	for k := from; k < to; k++ {
		if x.inRegion[k] >= 0 {
			continue
		}
		if mi := x.mentionAt[k]; mi >= 0 {
			if t := x.ms[mi].Type; t == news.TypePerson || t == news.TypeOrganization {
				return x.mentionSpan(int(mi)), x.ms[mi].Entity
			}
			continue
		}
		if w := x.lower(k); pronouns[w] && w != "who" && w != "it" {
			return x.span(k, k+1), -1
		}
	}
	// A noun phrase opening the clause: "The billionaire businessman
	// began …, saying".
	if x.is(from, "the") || x.is(from, "a") || x.is(from, "an") {
		j := from + 1
		for j < to && j < from+5 && x.isWordish(j) && x.inRegion[j] < 0 {
			w := x.lower(j)
			if finiteVerbs[w] || cueForms[w] != 0 || prepositions[w] || nounStops[w] || len(w) > 3 && w[len(w)-2:] == "ed" {
				break
			}
			j++
		}
		if j > from+1 {
			return x.span(from, j), -1
		}
	}
	return news.Span{}, -1
}

// subjectBefore returns the subject of the verb at token v: the mention
// or noun phrase that ends right before it, past auxiliaries and adverbs
// ("has also said"), a relative pronoun ("Assad, who said") or an
// apposition ("Khatibzadeh, the spokesman, said"). It looks no further
// back than token first, and returns a zero span when there is none.
func (x *extractor) subjectBefore(v, first int) (news.Span, int) {
	k := v - 1
	for k >= first && (skipBefore[x.lower(k)] || x.adverbAt(k)) {
		k--
	}
	// a time between subject and verb: "Clinton on Tuesday said",
	// "the campaign this week announced"
	if k > first && timeWords[x.lower(k)] {
		k--
		switch x.lower(k) {
		case "on", "late", "early", "this", "last", "that", "earlier", "next":
			k--
			if x.is(k, "on") || x.is(k, "late") || x.is(k, "early") {
				k--
			}
		}
		for k >= first && skipBefore[x.lower(k)] {
			k--
		}
	}
	if k < first || x.inRegion[k] >= 0 {
		return news.Span{}, -1
	}
	if x.word(k) == "%" && k > first {
		return x.span(k-1, k+1), -1 // "26% say"
	}
	if x.is(k, "that") && k-1 >= first && x.isWordish(k-1) && x.inRegion[k-1] < 0 && cueForms[x.lower(k-1)] == 0 && !prepositions[x.lower(k-1)] && !determiners[x.lower(k-1)] && !skipBefore[x.lower(k-1)] && !pronouns[x.lower(k-1)] {
		// "a group that says", "the Cruz campaign that argued"
		if s, e := x.nounPhraseEnding(k-1, first); s.End > s.Start {
			if e >= 0 {
				return x.span(k, k+1), e
			}
			return news.Span{Start: s.Start, End: x.doc.Tokens[k].End}, e
		}
	}
	if x.is(k, "who") || x.is(k, "which") {
		// The pronoun names the speaker, as PolNeAR marks it, when its
		// antecedent is an entity: "Lynch, who told Congress".
		rel := k
		s, e := x.relativeAntecedent(k, first)
		if e >= 0 {
			return x.span(rel, rel+1), e
		}
		if s.End > s.Start && x.tokenAt(s.End-1) >= rel-2 {
			// "those who", "a former official who": the phrase and
			// the pronoun
			return news.Span{Start: s.Start, End: x.doc.Tokens[rel].End}, e
		}
		return s, e
	}
	if x.isPunct(k, ",") && k-1 > first && x.word(k-1) == ")" {
		k-- // "Sen. Jack Reed (D-R.I.), said"
	}
	if x.isPunct(k, ",") {
		return x.apposed(k, first)
	}
	if x.word(k) == ")" {
		// "Rep. Earl Blumenauer (D-Ore.) said"
		for j := k - 1; j > first && j > k-8; j-- {
			if x.word(j) == "(" {
				return x.nounPhraseEnding(j-1, first)
			}
		}
	}
	return x.nounPhraseEnding(k, first)
}

// adverbAt reports whether token k is an adverb in -ly between a
// subject and its verb: "who enthusiastically endorses", not "the
// family said".
func (x *extractor) adverbAt(k int) bool {
	w := x.lower(k)
	if len(w) <= 4 || !strings.HasSuffix(w, "ly") || !x.startsLower(k) || lyNouns[w] || k > 0 && (determiners[x.lower(k-1)] || x.isKind(k-1, text.Clitic)) {
		return false
	}
	return true
}

// lyNouns are nouns in -ly.
var lyNouns = setOf("family", "ally", "assembly", "supply", "rally", "anomaly", "monopoly", "belly", "bully", "homily", "folly", "lily", "daily", "weekly", "monthly", "quarterly")

// timeWords name a day or a stretch of time: "on Tuesday", "this week".
var timeWords = setOf("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "week", "weekend", "month", "year", "night", "morning", "afternoon", "evening", "today", "yesterday", "tonight")

// relativeAntecedent returns what the relative pronoun at token k
// refers to: "Lynch, who"; "those who".
func (x *extractor) relativeAntecedent(k, first int) (news.Span, int) {
	{
		k--
		if x.isKind(k, text.Dash) && k-1 >= first && x.isWordish(k-1) {
			return x.nounPhraseEnding(k-1, first) // "38 percent — who said"
		}
		if x.isPunct(k, ",") && k-1 >= first && x.mentionAt[k-1] >= 0 {
			k-- // "Attorney General Loretta E. Lynch, who told Congress"
		}
		if !x.isPunct(k, ",") {
			// "those who say": the phrase before the pronoun.
			if k >= first && x.isWordish(k) {
				return x.nounPhraseEnding(k, first)
			}
			return news.Span{}, -1
		}
	}
	if x.isPunct(k, ",") {
		return x.apposed(k, first)
	}
	if x.word(k) == ")" {
		// "Rep. Earl Blumenauer (D-Ore.) said"
		for j := k - 1; j > first && j > k-8; j-- {
			if x.word(j) == "(" {
				return x.nounPhraseEnding(j-1, first)
			}
		}
	}
	return x.nounPhraseEnding(k, first)
}

// apposed returns the name that an apposition ending in the comma at
// token k follows: "Khatibzadeh, the spokesman, said"; "Michael Demastus,
// pastor of the church, said". Without a name, the apposition itself.
func (x *extractor) apposed(k, first int) (news.Span, int) {
	if k-1 < first || x.inRegion[k-1] >= 0 || !x.isWordish(k-1) {
		return news.Span{}, -1
	}
	for j := k - 1; j > first && j > k-30; j-- {
		if x.inRegion[j] >= 0 || x.isKind(j, text.Punct) && !x.isPunct(j, ",") {
			break
		}
		if x.isPunct(j, ",") && j+1 < k {
			// "The author of the book, Mitchell Zuckoff, said"
			if mi := x.mentionAt[k-1]; mi >= 0 && x.mentionAt[j+1] == mi && x.ms[mi].Type == news.TypePerson {
				return x.mentionSpan(int(mi)), x.ms[mi].Entity
			}
		}
		if x.isPunct(j, ",") {
			// "Bob Vander Plaats, an activist, who backs Cruz, warned"
			if mi := x.mentionAt[j-1]; mi >= 0 && x.ms[mi].Type != news.TypeLocation {
				return x.mentionSpan(int(mi)), x.ms[mi].Entity
			}
			if interjections[x.lower(j+1)] && j-1 >= first && x.isWordish(j-1) {
				// "Powell's office, when contacted by Reuters, said"
				if s, e := x.nounPhraseEnding(j-1, first); s.End > s.Start {
					return s, e
				}
			}
			if w := x.lower(j - 1); x.startsUpper(j-1) && !sentenceAdverbs[w] && !strings.HasSuffix(w, "ly") && (j-1 == first || x.inRegion[j-2] >= 0 || x.isPunct(j-2, ",")) {
				// A name the tagger missed, opening the clause:
				// "…,” Paris, who used to work on Capitol Hill, said".
				return x.nounPhraseEnding(j-1, first)
			}
		}
	}
	return news.Span{}, -1 // no name: "…, said Ms. Gil" has its subject after
}

// interjections open a phrase set off by commas between a subject and
// its verb: "Powell's office, when contacted by Reuters, said".
var interjections = setOf("when", "while", "after", "before", "if", "although", "though", "in", "at", "on", "during", "speaking", "asked", "reached", "contacted", "citing", "however", "meanwhile", "too", "also", "for", "like", "unlike", "according")

// nounPhraseEnding returns the mention, pronoun or noun phrase that ends
// at token k: "Trump", "he", "a senior campaign official", "Trump's
// spokesman".
func (x *extractor) nounPhraseEnding(k, first int) (news.Span, int) {
	if mi := x.mentionAt[k]; mi >= 0 {
		m := x.ms[mi]
		j := x.tokenAt(m.Start)
		if m.Title.End > m.Title.Start {
			j = x.tokenAt(m.Title.Start)
		}
		if m.Type != news.TypePerson && x.is(j-1, "the") && x.is(j-2, "of") || m.Type != news.TypePerson && x.is(j-1, "of") {
			// "The Leader of the Islamic Revolution said": the leader
			// speaks, not the revolution.
			for h := j - 2; h >= first && h > j-8; h-- {
				if determiners[x.lower(h)] {
					return news.Span{Start: x.doc.Tokens[h].Start, End: m.End}, -1
				}
				if !x.isWordish(h) {
					break
				}
			}
		}
		return x.mentionSpan(int(mi)), m.Entity
	}
	if !x.isWordish(k) || x.doc.Tokens[k].Kind == text.Clitic {
		return news.Span{}, -1
	}
	w := x.lower(k)
	if pronouns[w] {
		if w == "who" {
			return news.Span{}, -1
		}
		return x.span(k, k+1), -1
	}
	if standalone[w] {
		return x.span(k, k+1), -1 // "Some said", "Others argue"
	}
	if (w == "him" || w == "her" || w == "them") && k-3 >= first && (x.is(k-1, "to") || x.is(k-1, "with")) && (x.is(k-2, "close") || x.is(k-2, "familiar") || x.is(k-2, "loyal") || x.is(k-2, "allied")) {
		// "a source close to him"
		if s, _ := x.nounPhraseEnding(k-3, first); s.End > s.Start {
			return news.Span{Start: s.Start, End: x.doc.Tokens[k].End}, -1
		}
	}
	if nounStops[w] || prepositions[w] || determiners[w] || cueForms[w] != 0 && (participle(w) || strings.HasSuffix(w, "ing")) {
		return news.Span{}, -1 // a verb: "… and said"
	}
	j := k
	pp := 0 // prepositional phrases crossed: "a source close to the campaign"
	for j > first && j > k-10 {
		p := j - 1
		if x.inRegion[p] >= 0 || !x.isWordish(p) {
			break
		}
		pw := x.lower(p)
		if nounStops[pw] || cueForms[pw] != 0 && !nounLike[pw] || prepositions[pw] && pw != "of" && pw != "for" {
			break
		}
		j = p
		if determiners[pw] {
			// A phrase after a preposition modifies the noun before it:
			// "officials familiar with the talks".
			if q := j - 1; pp < 1 && q > first && x.isWordish(q-1) && phraseModifiers[x.lower(q)] && !determiners[x.lower(q-1)] {
				j, pp = q, pp+1
				continue
			}
			break
		}
	}
	return x.span(j, k+1), -1
}

// phraseAfter returns the noun phrase that starts at token k, before
// token end: a mention in it ("said Syrian President Bashar al-Assad"),
// a pronoun ("said he"), or its words up to punctuation or a preposition
// ("according to a source close to the campaign"). It returns a zero span
// when there is none.
func (x *extractor) phraseAfter(k, end int) (news.Span, int) {
	if k >= end || x.inRegion[k] >= 0 {
		return news.Span{}, -1
	}
	if w := x.lower(k); prepositions[w] && w != "by" || nounStops[w] {
		return news.Span{}, -1
	}
	j := k
	of := false // past "of": "the Leader of the Islamic Revolution" is no revolution
	for ; j < end && j < k+10; j++ {
		if x.inRegion[j] >= 0 || !x.isWordish(j) && !x.isKind(j, text.URL) {
			break
		}
		w := x.lower(j)
		if j > k && (phraseEnds[w] || skipBefore[w] || finiteVerbs[w] || x.startsLower(j) && strings.HasSuffix(w, "ed")) {
			break // "The Leader of the Islamic Revolution also commemorated"
		}
		if mi := x.mentionAt[j]; mi >= 0 && (!of || x.ms[mi].Type == news.TypePerson) {
			return x.mentionSpan(int(mi)), x.ms[mi].Entity
		}
		of = of || w == "of"
	}
	if j == k {
		return news.Span{}, -1
	}
	if w := x.lower(k); pronouns[w] {
		if w == "who" {
			return news.Span{}, -1
		}
		return x.span(k, k+1), -1
	}
	return x.span(k, j), -1
}

// addressee returns whom a "told" speaks to: the mention or words right
// after the cue, before "that", "to" or punctuation.
func (x *extractor) addressee(k, end int) news.Span {
	j := k
	for ; j < end && j < k+8; j++ {
		if x.inRegion[j] >= 0 || x.doc.Tokens[j].Kind != text.Word && x.doc.Tokens[j].Kind != text.Abbrev {
			break
		}
		w := x.lower(j)
		if w == "that" || w == "to" || j > k && phraseEnds[w] {
			break
		}
		if mi := x.mentionAt[j]; mi >= 0 {
			e := j
			for e < end && x.mentionAt[e] == mi {
				e++
			}
			// "told Khamenei and Raisi"
			if x.is(e, "and") && e+1 < end && x.mentionAt[e+1] >= 0 {
				m2 := x.mentionAt[e+1]
				for e = e + 1; e < end && x.mentionAt[e] == m2; e++ {
				}
			}
			return x.span(k, e)
		}
	}
	if j > k && addresseeWords[x.lower(k)] {
		return x.span(k, j)
	}
	return news.Span{}
}
