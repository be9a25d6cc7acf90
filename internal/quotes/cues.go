package quotes

import (
	"strings"
	"unicode"

	"github.com/parallax-news/parallax/internal/news"

	"github.com/parallax-news/parallax/internal/text"
)

// cue is a word or phrase that attributes what is said, as the
// half-open token range [start, end).
type cue struct {
	start, end int
	class      verbClass
	kind       cueKind
	// inner is the verb of "was quoted … as telling", whose content
	// follows it, or -1.
	inner int
}

// cueKind tells how a cue finds its speaker and content.
type cueKind uint8

const (
	verbCue     cueKind = iota + 1 // said, told, stressed: the subject speaks
	accordingTo                    // according to X: X speaks
	passive                        // was quoted (by X) as saying: the subject speaks, X relays
	activeQuote                    // X quoted Y as saying: Y speaks, X relays
	termsCue                       // in the following terms: the clause's subject speaks
	viewCue                        // in X's view: X speaks
	structural                     // “…,” she elaborated: a verb known by its place
	label                          // TRUMP: … (a transcript's speaker label)
	nounCue                        // Trump's criticism of …: the possessor speaks
	credit                         // “…” ― Sonya Herridge: the name after the dash speaks
	thatNoun                       // the claim that …: a possessor, or no one in particular, holds it
)

// findCues finds the cue words and phrases outside quotation marks.
func (x *extractor) findCues() {
	toks := x.doc.Tokens
	for k := 0; k < len(toks); k++ {
		if x.inRegion[k] >= 0 || toks[k].Kind != text.Word {
			continue
		}
		c, ok := x.cueStarting(k)
		if !ok {
			continue
		}
		c.inner = -1
		k = c.end - 1
		if c.kind == passive || c.kind == activeQuote {
			// "was quoted (by X) as saying": one cue, whose verb
			// is no cue of its own.
			_, end := x.sentence(c.start)
			for j := c.end; j+1 < end && j < c.end+14; j++ {
				if x.is(j, "as") && cueForms[x.lower(j+1)] != 0 {
					c.inner = j + 1
					if j == c.end {
						c.end = j + 2
					}
					k = j + 1
					break
				}
				// "quoted Khamenei telling Assad"
				if w := x.lower(j + 1); c.kind == activeQuote && j < c.end+6 && strings.HasSuffix(w, "ing") && cueForms[w] != 0 {
					c.inner = j + 1
					k = j + 1
					break
				}
			}
		}
		x.addCue(c)
	}
}

// findLabels finds the speaker labels that open paragraphs of
// transcripts and interviews ("TRUMP: …", "Chris Matthews: …"): a name,
// or a few capitalized words, and a colon.
func (x *extractor) findLabels() {
	for _, p := range x.doc.Paragraphs {
		first := x.doc.Sentences[p.FirstSentence].FirstToken
		end := x.doc.Sentences[p.EndSentence-1].EndToken
		k := first
		for k < end && k < first+4 && x.isWordish(k) && x.startsUpper(k) && x.inRegion[k] < 0 {
			k++
		}
		if k == first || k+3 >= end || !x.isPunct(k, ":") || x.cueAt[k] >= 0 || notLabels[x.lower(first)] {
			continue
		}
		if mi := x.mentionAt[first]; mi < 0 && !x.allCaps(first, k) && !x.personIn(first, k) && !(k == first+1 && evidence[x.lower(first)]) {
			continue
		}
		x.addCue(cue{start: k, end: k + 1, class: speech, kind: label, inner: -1})
	}
}

// personIn reports whether a person's or organization's mention lies in
// tokens [a, b): "Dr. Ben Carson: …".
func (x *extractor) personIn(a, b int) bool {
	for k := a; k < b; k++ {
		if mi := x.mentionAt[k]; mi >= 0 && (x.ms[mi].Type == news.TypePerson || x.ms[mi].Type == news.TypeOrganization) {
			return true
		}
	}
	return false
}

// allCaps reports whether tokens [a, b) are written in capitals only.
func (x *extractor) allCaps(a, b int) bool {
	for k := a; k < b; k++ {
		for _, r := range x.word(k) {
			if unicode.IsLower(r) {
				return false
			}
		}
	}
	return true
}

// notLabels are capitalized words that open a paragraph with a colon
// without naming a speaker.
var notLabels = setOf("update", "note", "correction", "video", "watch", "read", "photos", "photo", "exclusive", "breaking", "editor", "editor's", "editor’s", "related", "see", "more", "source", "sources", "credit", "q", "a", "here", "this", "the", "but", "and", "so", "that", "what", "why", "how", "who", "when", "where", "follow", "click", "listen", "warning", "disclosure", "bottom", "first", "second", "third", "finally", "result", "answer", "question", "subscribe")

// addCue records c and returns its index.
func (x *extractor) addCue(c cue) int {
	ci := len(x.cues)
	x.cueAt[c.start] = int32(ci)
	x.cues = append(x.cues, c)
	x.cueAttrs = append(x.cueAttrs, none)
	x.cueState = append(x.cueState, 0)
	return ci
}

// cueStarting returns the cue that starts at token k, if one does.
func (x *extractor) cueStarting(k int) (cue, bool) {
	w := x.lower(k)
	switch w {
	case "according":
		if x.is(k+1, "to") {
			return cue{start: k, end: k + 2, class: speech, kind: accordingTo}, true
		}
		return cue{}, false
	case "in":
		if x.is(k+1, "the") && x.is(k+2, "following") && (x.is(k+3, "terms") || x.is(k+3, "words")) {
			return cue{start: k, end: k + 4, class: speech, kind: termsCue}, true
		}
		if x.inPoll(k) {
			// "In the latest poll, Clinton leads …": like "according to"
			return cue{start: k, end: k + 1, class: speech, kind: accordingTo}, true
		}
		return cue{}, false
	case "put", "puts", "putting":
		// "As Ms. Simonyan put it, …", "…, as he puts it."
		if x.is(k+1, "it") && x.startsLower(k) && x.asBefore(k) {
			return cue{start: k, end: k + 2, class: speech, kind: verbCue}, true
		}
		return cue{}, false
	case "went", "goes", "go", "going":
		if x.is(k+1, "on") && x.is(k+2, "to") && k+3 < len(x.doc.Tokens) && cueForms[x.lower(k+3)] != 0 {
			return cue{start: k, end: k + 4, class: speech, kind: verbCue}, true
		}
		return cue{}, false
	case "point", "points", "pointed", "pointing":
		if x.is(k+1, "out") {
			return cue{start: k, end: k + 2, class: speech, kind: verbCue}, true
		}
		if x.is(k+1, "to") && k > 1 && x.startsLower(k) && !determiners[x.lower(k-1)] && !x.is(k-2, "as") && x.verbSlot(k) {
			return cue{start: k, end: k + 2, class: speech, kind: verbCue}, true // "pointed to the polls"
		}
		return cue{}, false
	case "would", "'d", "’d":
		if x.is(k+1, "like") && x.infinitive(k+2) && x.verbSlot(k+1) {
			return cue{start: k, end: k + 2, class: thought, kind: verbCue}, true // "would like to see"
		}
		return cue{}, false
	case "quoted":
		if x.isBe(k - 1) {
			return cue{start: k, end: k + 1, class: speech, kind: passive}, true
		}
		if x.startsLower(k) && k > 0 && !determiners[x.lower(k-1)] {
			return cue{start: k, end: k + 1, class: speech, kind: activeQuote}, true
		}
		return cue{}, false
	case "view":
		// in Ayatollah Khamenei’s view
		if k >= 2 && x.isKind(k-1, text.Clitic) && x.mentionAt[k-2] >= 0 {
			for j := k - 3; j >= 0 && j >= k-8; j-- {
				if x.is(j, "in") {
					return cue{start: k, end: k + 1, class: thought, kind: viewCue}, true
				}
			}
		}
		return cue{}, false
	}
	if cueNouns[w] && x.possessed(k) {
		if n := x.lower(k + 1); nounCueLinks[n] || x.infinitive(k+1) {
			return cue{start: k, end: k + 1, class: thought, kind: nounCue}, true
		}
	}
	if thatNouns[w] && x.is(k+1, "that") && k > 0 && x.startsLower(k) && x.looksLikeClause(k+2, len(x.doc.Tokens)) {
		// "the claim that …", "his belief that …", "fears that …"
		return cue{start: k, end: k + 1, class: thought, kind: thatNoun}, true
	}
	if backers[w] && k > 0 && x.startsLower(k) && !determiners[x.lower(k-1)] && !prepositions[x.lower(k-1)] && x.personAt(k+1) {
		// "a super PAC backing Jeb Bush", "pastors supporting Mr. Cruz"
		return cue{start: k, end: k + 1, class: thought, kind: verbCue}, true
	}
	class := cueForms[w]
	if class == 0 {
		return cue{}, false
	}
	if guarded[w] && !(x.is(k+1, "that") || x.infinitive(k+1) || x.wantsObject(k)) {
		return cue{}, false
	}
	switch w {
	case "know", "knows", "knew":
		if n := x.lower(k + 1); !(n == "that" || whWords[n] && n != "which" || pronouns[n] && n != "it" && n != "who") {
			return cue{}, false
		}
	case "see", "sees", "saw", "rate", "rates", "rated", "rating", "regard", "regards", "regarded", "view", "views", "viewed":
		// sees Cruz as a uniter; rated 32% of the claims as “false”
		if !x.seesAs(k) {
			return cue{}, false
		}
	}
	first, _ := x.sentence(k)
	if k == first && x.mentionAt[k] < 0 && x.invertedOpening(k) {
		// "Continued Stone: “…”", "Said Dorothy Poynter, …, “…”"
		return cue{start: k, end: k + 1, class: class, kind: verbCue}, true
	}
	if k > first && !x.startsLower(k) && (w == "says" || w == "said") && x.mentionAt[k-1] >= 0 && x.mentionAt[k] < 0 && k+2 < len(x.doc.Tokens) && x.doc.Tokens[k+1].Kind == text.Word {
		// A headline: "Glenn Beck Says Trump Poses a Threat"
		if mi := x.mentionAt[k-1]; x.ms[mi].Type == news.TypePerson || x.ms[mi].Type == news.TypeOrganization {
			return cue{start: k, end: k + 1, class: class, kind: verbCue}, true
		}
	}
	if k > first+2 && !x.startsLower(k) && (w == "says" || w == "say") && x.headlineEnd(k+1) && x.commaSpeaker(first, k) {
		// A headline that ends with its source: "Clinton Hid Past
		// Health Problems From Public, Former White House Doctor Says."
		return cue{start: k, end: k + 1, class: class, kind: verbCue}, true
	}
	if k == first || !x.startsLower(k) {
		return cue{}, false // "Said" in a name, or a headline's capitals
	}
	prev := x.lower(k - 1)
	switch {
	case determiners[prev] && prev != "that" && !(standalone[prev] && !nounLike[w] && (k-1 == first || x.isPunct(k-2, ",") || x.isPunct(k-2, ";") || x.isPunct(k-2, ":"))):
		return cue{}, false // a noun: "a say", "the report", "his comments"
	case prev == "to" && (w == "say" || w == "add") && (x.isPunct(k+1, ":") || x.isPunct(k+1, ",")):
		// "…, to say:" introduces what follows
	case prepositions[prev]:
		return cue{}, false // "of state", "to say"
	case (prev == "'s" || prev == "’s") && !participle(w) && !strings.HasSuffix(w, "ing"):
		return cue{}, false // after a possessive: "Iran's claims", not "he's said"
	case x.isBe(k-1) && w == "expected" && x.infinitive(k+1):
		// "is expected to win": a belief without a believer
	case x.isBe(k-1) && w == "asked" && x.questionAfter(k+1) >= 0:
		// "was asked whether …": a question without its asker
	case x.isBe(k-1) && participle(w):
		return cue{}, false // a passive: "was told", "is expected"
	}
	if evidenceVerbs[w] {
		j := k - 1
		for j >= 0 && (skipBefore[x.lower(j)] || x.is(j, "has") || x.is(j, "have")) {
			j--
		}
		if !(x.is(k+1, "that") && (w == "found" || w == "finds" || w == "find")) && (j < 0 || !evidence[x.lower(j)] && !x.evidenceSubject(j, first)) {
			return cue{}, false
		}
	}
	if nounLike[w] && !x.verbSlot(k) && !(strings.HasSuffix(w, "ing") && x.isPunct(k-1, ",")) {
		return cue{}, false
	}
	return cue{start: k, end: k + 1, class: class, kind: verbCue}, true
}

// headlineEnd reports whether the sentence ends at token k: nothing but
// its closing punctuation is left of it.
func (x *extractor) headlineEnd(k int) bool {
	_, end := x.sentence(k - 1)
	for ; k < end; k++ {
		if !x.isKind(k, text.Punct) {
			return false
		}
	}
	return true
}

// commaSpeaker reports whether the words before the verb at token v go
// back to a comma over a few capitalized words: ", Lindsey Graham Says".
func (x *extractor) commaSpeaker(first, v int) bool {
	for j := v - 1; j > first && j >= v-7; j-- {
		if x.isPunct(j, ",") {
			return j < v-1
		}
		if !x.isWordish(j) || !x.startsUpper(j) && !x.isKind(j, text.Clitic) {
			return false
		}
	}
	return false
}

// asBefore reports whether an "as" opens the clause of the verb at token
// k, a few words before it: "As Ms. Simonyan put it".
func (x *extractor) asBefore(k int) bool {
	first, _ := x.sentence(k)
	for j := k - 1; j >= first && j >= k-6; j-- {
		if x.is(j, "as") {
			return true
		}
		if x.isKind(j, text.Punct) && !x.isPunct(j, ".") {
			return false
		}
	}
	return false
}

// whWords open an indirect question: "asked whether he would run".
var whWords = setOf("whether", "if", "why", "how", "what", "who", "whom", "when", "where", "which")

// unsourced reports whether cue ci reports what no one in particular
// says or thinks, so that its content counts without a speaker: "was
// asked whether …", "is expected to …".
func (x *extractor) unsourced(ci int) bool {
	c := x.cues[ci]
	if c.kind == thatNoun {
		return true // "the claim that …" holds what it says without a holder
	}
	if c.kind != verbCue || c.end != c.start+1 {
		return false
	}
	switch x.lower(c.start) {
	case "expected":
		return x.isBe(c.start-1) && x.infinitive(c.end)
	case "seem", "seems", "seemed", "appear", "appears", "appeared":
		return x.infinitive(c.end)
	case "asked":
		return x.questionAfter(c.end) >= 0
	}
	return false
}

// questionAfter returns where the question that an "asked" ending at
// token k asks starts, or -1: asked (Trump) (in May) whether …; asked
// about his taxes.
func (x *extractor) questionAfter(k int) int {
	_, last := x.sentence(k)
	for j := k; j < last && j < k+8; j++ {
		if x.inRegion[j] >= 0 || x.isKind(j, text.Punct) || x.cueAt[j] >= 0 {
			break
		}
		if whWords[x.lower(j)] && (x.lower(j) != "which" || j == k) {
			return j
		}
		if x.is(j, "about") && j+1 < last {
			return j + 1
		}
	}
	return -1
}

// seesAs reports whether the verb of seeing at token k takes an object
// and "as": "sees Cruz as a uniter".
func (x *extractor) seesAs(k int) bool {
	_, end := x.sentence(k)
	for j := k + 2; j < end && j < k+7; j++ {
		if x.isKind(j, text.Punct) || x.inRegion[j] >= 0 {
			return false
		}
		if x.is(j, "as") {
			return true
		}
	}
	return false
}

// cueNouns are the nouns of saying, thinking and stance that attribute
// what follows them to their possessor: "Trump's criticism of …",
// "Clinton's support for …", "Cruz's decision to …".
var cueNouns = setOf("criticism", "criticisms", "support", "opposition", "attack", "attacks", "questions", "concern", "concerns", "decision", "call", "calls", "plan", "plans", "promise", "promises", "pledge", "demand", "demands", "belief", "claim", "claims", "warning", "warnings", "accusation", "accusations", "praise", "endorsement", "refusal", "willingness", "desire", "commitment", "threat", "threats", "argument", "insistence", "suggestion", "proposal", "vow", "push", "embrace", "defense", "rejection", "assertion", "complaint", "complaints", "comments", "remarks", "statement", "view", "views", "opinion", "stance", "position", "insult", "insults", "praise", "condemnation", "denial", "admission", "hope", "hopes", "fear", "fears", "wish", "intention", "bid", "effort", "efforts")

// thatNouns are the nouns of saying and thinking whose "that" clause
// is what is said or thought: "the claim that …", "fears that …".
var thatNouns = setOf("claim", "claims", "belief", "beliefs", "allegation", "allegations", "assertion", "assertions", "argument", "arguments", "suggestion", "suggestions", "warning", "warnings", "insistence", "promise", "promises", "pledge", "assurance", "assurances", "accusation", "accusations", "charge", "charges", "contention", "conclusion", "finding", "findings", "notion", "idea", "hope", "hopes", "fear", "fears", "concern", "concerns", "worry", "worries", "view", "sense", "impression", "feeling", "admission", "acknowledgment", "acknowledgement", "announcement", "statement", "reports", "report", "rumors", "rumours", "speculation", "message", "theory", "prediction", "predictions", "expectation", "expectations", "doubts", "complaint", "complaints", "denial", "confirmation", "indication", "indications", "signal", "signs", "evidence", "proof", "recognition", "realization", "understanding", "perception", "assumption", "estimate", "estimates", "threat", "vow", "demand", "demands", "insinuation", "implication")

// nounCueLinks are the words that join a cue noun to its content.
var nounCueLinks = setOf("of", "for", "on", "about", "against", "that")

// possessed reports whether the word at token k follows a person's or
// organization's possessive: "Trump's", "the campaign's".
func (x *extractor) possessed(k int) bool {
	if k < 2 || !x.isKind(k-1, text.Clitic) || (x.lower(k-1) != "'s" && x.lower(k-1) != "’s") {
		return false
	}
	mi := x.mentionAt[k-2]
	return mi >= 0 && (x.ms[mi].Type == news.TypePerson || x.ms[mi].Type == news.TypeOrganization)
}

// inPoll reports whether the "in" at token k opens its clause with a
// poll or survey and a comma: "In a Quinnipiac poll released Tuesday, …".
func (x *extractor) inPoll(k int) bool {
	first, end := x.sentence(k)
	if !x.opensClause(k, first) {
		return false
	}
	found := false
	for j := k + 1; j < end && j < k+12; j++ {
		if x.isPunct(j, ",") {
			return found
		}
		if x.isKind(j, text.Punct) || x.inRegion[j] >= 0 || x.cueAt[j] >= 0 {
			return false
		}
		switch x.lower(j) {
		case "poll", "polls", "survey", "surveys", "polling":
			found = true
		}
	}
	return false
}

// backers are the verb forms of backing a candidate, cues when a person
// follows: "a group backing Bush".
var backers = setOf("backing", "backed", "backs", "supporting", "supported", "supports", "endorsing", "opposing", "favoring")

// personAt reports whether a person's mention starts at token k, past a
// title or "former": "former Florida Gov. Jeb Bush".
func (x *extractor) personAt(k int) bool {
	for j := k; j < len(x.doc.Tokens) && j < k+4; j++ {
		if mi := x.mentionAt[j]; mi >= 0 {
			return x.ms[mi].Type == news.TypePerson
		}
		if !x.isWordish(j) || !x.startsUpper(j) && !x.is(j, "former") && !x.is(j, "then-republican") {
			return false
		}
	}
	return false
}

// wantsObject reports whether a "want" at token k takes a noun phrase
// right after a subject: "they want a continuation of Obama's policies",
// "NeverTrump wants Trump to lose".
func (x *extractor) wantsObject(k int) bool {
	switch x.lower(k) {
	case "want", "wants", "wanted":
	default:
		return false
	}
	if !x.verbSlot(k) || k+1 >= len(x.doc.Tokens) {
		return false
	}
	n := x.lower(k + 1)
	return determiners[n] && n != "that" || x.mentionAt[k+1] >= 0 || n == "him" || n == "her" || n == "them" || n == "us"
}

// evidenceSubject reports whether an evidence noun heads a subject that
// ends at token j, a few words back in its sentence: "A poll from
// Marquette Law School released Wednesday found", "Exit polls taken in
// South Carolina showed".
func (x *extractor) evidenceSubject(j, first int) bool {
	for i := j; i >= first && i > j-8; i-- {
		if x.isKind(i, text.Punct) || x.inRegion[i] >= 0 || x.cueAt[i] >= 0 {
			return false
		}
		if evidence[x.lower(i)] {
			return true
		}
	}
	return false
}

// infinitive reports whether an infinitive starts at token k: "to"
// and a lower-case word that is no determiner or pronoun.
func (x *extractor) infinitive(k int) bool {
	if !x.is(k, "to") || k+1 >= len(x.doc.Tokens) || x.doc.Tokens[k+1].Kind != text.Word || !x.startsLower(k+1) {
		return false
	}
	w := x.lower(k + 1)
	return !determiners[w] && !pronouns[w] && !prepositions[w]
}

// invertedOpening reports whether the cue form at token k, first in its
// sentence, is followed by its subject (a mention) and a colon or comma:
// "Continued Stone: …".
func (x *extractor) invertedOpening(k int) bool {
	_, end := x.sentence(k)
	if k+1 >= end || x.mentionAt[k+1] < 0 {
		return false
	}
	mi := x.mentionAt[k+1]
	j := k + 1
	for j < end && x.mentionAt[j] == mi {
		j++
	}
	return x.isPunct(j, ":") || x.isPunct(j, ",")
}

// isBe reports whether token k is a form of "be".
func (x *extractor) isBe(k int) bool {
	if k < 0 {
		return false
	}
	switch x.lower(k) {
	case "is", "was", "were", "are", "be", "been", "being", "'s", "’s", "am":
		return true
	}
	return false
}

// participle reports whether a cue form can be a past participle.
func participle(w string) bool {
	switch w {
	case "told", "said", "written", "thought", "known", "felt", "wrote", "spoke", "spoken", "found", "shown", "knew":
		return true
	}
	return strings.HasSuffix(w, "ed")
}

// verbSlot reports whether the word at token k, which may be a noun,
// stands where a verb of saying does: right after a subject pronoun, a
// name, an auxiliary or adverb, or a closing quotation mark.
func (x *extractor) verbSlot(k int) bool {
	j := k - 1
	for j >= 0 && skipBefore[x.lower(j)] {
		j--
	}
	if j < 0 {
		return false
	}
	if k+1 < len(x.doc.Tokens) && x.inRegion[k+1] >= 0 {
		if r := x.regions[x.inRegion[k+1]]; r.open == k+1 && r.first < r.end && x.startsUpper(r.first) {
			return true // "The ad claims “Jeb is …”": a quoted sentence follows
		}
	}
	if j < k-1 {
		return true // "has also noted"
	}
	if mi := x.mentionAt[j]; mi >= 0 && (x.ms[mi].Type == news.TypePerson || x.ms[mi].Type == news.TypeOrganization) || pronouns[x.lower(j)] {
		return true
	}
	if mi := x.mentionAt[j]; mi >= 0 && x.ms[mi].Type == news.TypeLocation {
		// A country acts: "as China and Russia support the government",
		// unless a preposition makes it a place: "voters in Ohio want".
		b := x.tokenAt(x.ms[mi].Start)
		return b == 0 || !prepositions[x.lower(b-1)]
	}
	if x.inRegion[j] >= 0 || x.isPunct(j, ",") && j > 0 && x.inRegion[j-1] >= 0 {
		return true
	}
	if w := x.lower(j); quantities[w] || x.mentionAt[j] >= 0 && strings.HasSuffix(w, "s") {
		return true // "a majority support", "74 percent hope", "Republicans believe"
	}
	return false
}

// quantities are the words that end a subject counting people: "a
// majority", "60 percent", "most".
var quantities = setOf("percent", "majority", "most", "many", "few", "half", "third", "thirds", "quarters", "three-quarters", "two-thirds", "voters", "respondents", "americans", "republicans", "democrats", "independents", "people", "supporters", "officials", "leaders", "members", "critics", "experts", "economists", "analysts", "conservatives", "liberals", "evangelicals")

// structuralCue finds a verb the lexicon lacks by its place after a
// closing quotation mark: “…,” she elaborated; “…,” groused Trump. The
// verb is a lower-case word ending in -ed or -s next to a mention or
// pronoun. It returns the cue's index, or -1.
func (x *extractor) structuralCue(k, end int) int {
	verb := func(j int) bool {
		if j >= end || x.doc.Tokens[j].Kind != text.Word || !x.startsLower(j) || x.inRegion[j] >= 0 {
			return false
		}
		w := x.lower(j)
		return (strings.HasSuffix(w, "ed") || strings.HasSuffix(w, "s")) && !nounStops[w] && !prepositions[w] && !determiners[w]
	}
	subject := func(j int) bool {
		return j < end && (x.mentionAt[j] >= 0 || pronouns[x.lower(j)] && x.lower(j) != "it" && x.lower(j) != "who")
	}
	var v int
	switch {
	case subject(k) && verb(k+1):
		v = k + 1
	case subject(k) && x.mentionAt[k] >= 0:
		// A name of several words: “…,” Jeff Zucker replied.
		j := k
		for j < end && x.mentionAt[j] == x.mentionAt[k] {
			j++
		}
		if !verb(j) {
			return -1
		}
		v = j
	case verb(k) && subject(k+1):
		v = k
	default:
		return -1
	}
	if x.cueAt[v] >= 0 {
		return int(x.cueAt[v])
	}
	return x.addCue(cue{start: v, end: v + 1, class: speech, kind: structural, inner: -1})
}
