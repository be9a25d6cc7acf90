package analyze

import (
	"slices"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/parallax-news/parallax/internal/names"
	"github.com/parallax-news/parallax/internal/ner"
	"github.com/parallax-news/parallax/internal/news"
	"github.com/parallax-news/parallax/internal/quotes"
	"github.com/parallax-news/parallax/internal/text"
	"github.com/parallax-news/parallax/internal/timex"
)

// Version identifies what Analyze produces; stored analyses of an older
// version are redone by `parallax analyze`. Raise it whenever a change to
// this package or to the models changes the output.
const Version = 7

// Analyzer runs the per-document analysis. It is safe for concurrent use.
type Analyzer struct {
	model   *ner.Model
	taggers sync.Pool // *ner.Tagger: each holds scratch buffers
}

// New returns an Analyzer that finds names with model.
func New(model *ner.Model) *Analyzer {
	a := &Analyzer{model: model}
	a.taggers.New = func() any { return model.NewTagger() }
	return a
}

// Analyze analyses one document's normalized text. It is a pure function
// of the text (and the Analyzer's models).
func (a *Analyzer) Analyze(txt string) news.Analysis {
	doc := text.Segment(txt)
	out := news.Analysis{
		Version:    Version,
		Paragraphs: make([]news.Span, len(doc.Paragraphs)),
		Sentences:  make([]news.Span, len(doc.Sentences)),
		Tokens:     make([]news.Span, len(doc.Tokens)),
	}
	for i, p := range doc.Paragraphs {
		out.Paragraphs[i] = news.Span{Start: p.Start, End: p.End}
	}
	for i, s := range doc.Sentences {
		out.Sentences[i] = news.Span{Start: s.Start, End: s.End}
	}
	for i, t := range doc.Tokens {
		out.Tokens[i] = news.Span{Start: t.Start, End: t.End}
	}

	words := make([]string, len(doc.Tokens))
	for i, t := range doc.Tokens {
		words[i] = txt[t.Start:t.End]
	}
	sentences := make([][]string, len(doc.Sentences))
	for i, s := range doc.Sentences {
		sentences[i] = words[s.FirstToken:s.EndToken]
	}
	tagger := a.taggers.Get().(*ner.Tagger)
	tags := tagger.TagDocument(sentences)
	a.taggers.Put(tagger)

	spans := refine(words, doc.Sentences, tags)
	out.Mentions = make([]news.Mention, len(spans))
	for i, m := range spans {
		out.Mentions[i] = news.Mention{
			Start: doc.Tokens[m.start].Start,
			End:   doc.Tokens[m.end-1].End,
			Type:  m.typ,
			Kind:  news.KindName,
		}
		if t := titleBefore(words, doc, spans, i); t.start < t.end {
			out.Mentions[i].Title = news.Span{Start: doc.Tokens[t.start].Start, End: doc.Tokens[t.end-1].End}
		}
	}
	numberEntities(words, spans, out.Mentions)
	out.Mentions = descriptors(txt, words, doc, spans, out.Mentions)
	out.Mentions = pronouns(txt, doc, out.Mentions)
	out.Quotes = quotes.Extract(txt, doc, out.Mentions)
	out.Times = timex.Tag(txt)
	return out
}

// personPronouns are the pronouns that refer to a person.
var personPronouns = setOf("he", "him", "his", "she", "her", "hers", "himself", "herself")

// pronouns links personal pronouns to the person they most likely refer
// to: the person named last before them in the same sentence ("Assad said
// he…"), else the first person named in the nearest of the two sentences
// before that names one (the subject is the likeliest antecedent). It does
// not tell he from she; "it" and "they" are left alone.
func pronouns(txt string, doc text.Doc, ms []news.Mention) []news.Mention {
	var persons []news.Mention
	for _, m := range ms {
		if m.Type == news.TypePerson {
			persons = append(persons, m)
		}
	}
	if len(persons) == 0 {
		return ms
	}
	// sentence index of each person mention
	sentOf := func(off int) int {
		i, _ := slices.BinarySearchFunc(doc.Sentences, off, func(s text.Sentence, o int) int {
			switch {
			case s.End <= o:
				return -1
			case s.Start > o:
				return 1
			}
			return 0
		})
		return i
	}
	var added []news.Mention
	p := 0 // persons[:p] start before the current token
	q := 0 // ms[:q] end at or before the current token
	for _, tok := range doc.Tokens {
		for p < len(persons) && persons[p].Start < tok.Start {
			p++
		}
		for q < len(ms) && ms[q].End <= tok.Start {
			q++
		}
		w := txt[tok.Start:tok.End]
		if len(w) > 7 || !personPronouns[strings.ToLower(w)] {
			continue
		}
		if q < len(ms) && ms[q].Start < tok.End {
			continue // part of a name or descriptor already
		}
		s := sentOf(tok.Start)
		antecedent := -1
		if p > 0 && sentOf(persons[p-1].Start) == s {
			antecedent = p - 1
		} else {
			for back := 1; back <= 2 && antecedent < 0 && s-back >= 0; back++ {
				for i := p - 1; i >= 0 && sentOf(persons[i].Start) >= s-back; i-- {
					if sentOf(persons[i].Start) == s-back {
						antecedent = i // keeps going left: the first in that sentence
					}
				}
			}
		}
		if antecedent < 0 {
			continue
		}
		added = append(added, news.Mention{Start: tok.Start, End: tok.End, Type: news.TypePerson, Kind: news.KindPronoun, Entity: persons[antecedent].Entity})
	}
	if len(added) == 0 {
		return ms
	}
	ms = append(ms, added...)
	slices.SortFunc(ms, func(a, b news.Mention) int { return a.Start - b.Start })
	return ms
}

// descriptors finds the phrases that point at an entity without naming
// it, and returns ms with them added (ms[i] is the mention of spans[i]):
// the roles the document's titles gave its persons ("the Syrian
// president" after "Syrian President Bashar al-Assad"), roles of a
// nationality no title gave ("the Iranian president", an entity of its
// own), and the kind of an organization named just before ("the
// company"). Descriptors do not overlap one another or the names; a
// nationality inside one ("Syrian" in "the Syrian president", "US" in
// "the US president") is part of it and no mention of its own.
func descriptors(txt string, words []string, doc text.Doc, spans []tokenMention, ms []news.Mention) []news.Mention {
	roles := personRoles(txt, ms)
	// Tokens of names, which a descriptor may not cross; a nationality
	// ("Syrian" in "the Syrian president") may be part of one.
	covered := make([]bool, len(words))
	for _, m := range spans {
		if m.typ == news.TypeMisc && m.end-m.start == 1 {
			continue
		}
		for k := m.start; k < m.end; k++ {
			covered[k] = true
		}
	}
	found := anchoredDescriptors(words, doc, spans, ms, roles, covered)
	found = append(found, roleDescriptors(words, doc, spans, ms, roles, found, covered)...)
	found = append(found, orgDescriptors(words, doc, spans, ms, covered)...)
	if len(found) == 0 {
		return ms
	}
	slices.SortFunc(found, func(a, b descriptor) int { return a.start - b.start })
	added := make([]news.Mention, len(found))
	for i, d := range found {
		added[i] = news.Mention{
			Start: doc.Tokens[d.start].Start, End: doc.Tokens[d.end-1].End,
			Type: d.typ, Kind: news.KindDescriptor, Entity: d.entity,
		}
	}
	// A nationality inside a descriptor ("Syrian" in "the Syrian
	// president") is part of it, not a mention of its own: mentions do not
	// overlap.
	kept := ms[:0]
	j := 0
	for _, m := range ms {
		for j < len(added) && added[j].End <= m.Start {
			j++
		}
		if j < len(added) && added[j].Start <= m.Start && m.End <= added[j].End {
			continue
		}
		kept = append(kept, m)
	}
	ms = append(kept, added...)
	slices.SortFunc(ms, func(a, b news.Mention) int { return a.Start - b.Start })
	return ms
}

// descriptor is a descriptor phrase as a half-open range of document
// tokens, with the type and entity of what it points at.
type descriptor struct {
	start, end int
	typ        string
	entity     int
}

// personRole is the role a title gave a person of the document: the
// title's words, lower-cased, without honorifics ("syrian president").
type personRole struct {
	words  []string
	entity int
}

// personRoles returns the roles the titles before the document's persons
// give them, in mention order.
func personRoles(txt string, ms []news.Mention) []personRole {
	var roles []personRole
	for _, m := range ms {
		if m.Type != news.TypePerson || m.Title.End <= m.Title.Start {
			continue
		}
		var ws []string
		for _, w := range strings.Fields(txt[m.Title.Start:m.Title.End]) {
			w = strings.ToLower(strings.Trim(w, ".,"))
			if honorifics[w] || w == "former" || w == "late" || w == "acting" {
				continue
			}
			ws = append(ws, w)
		}
		if len(ws) > 0 {
			roles = append(roles, personRole{ws, m.Entity})
		}
		// "Leader of the Islamic Revolution": "the Leader" is its holder too.
		if of := slices.Index(ws, "of"); of > 0 {
			roles = append(roles, personRole{ws[:of], m.Entity})
		}
	}
	return roles
}

// anchoredDescriptors finds the phrases that point back to a person named
// in the document by a role their title gave them: after "Syrian
// President Bashar al-Assad", "the Syrian president" and "the president"
// are Assad. When two people hold matching roles ("the president" of
// Syria and of Iran), the longer match wins, then the person named last
// before the phrase. It marks the tokens of what it finds in covered.
func anchoredDescriptors(words []string, doc text.Doc, spans []tokenMention, ms []news.Mention, roles []personRole, covered []bool) []descriptor {
	if len(roles) == 0 {
		return nil
	}
	roles2words := func(rs []personRole) [][]string {
		out := make([][]string, len(rs))
		for i, r := range rs {
			out[i] = r.words
		}
		return out
	}
	startsMention := make(map[int]bool, len(spans))
	for _, m := range spans {
		startsMention[m.start] = true
	}
	var found []descriptor
	for k := 0; k+1 < len(words); k++ {
		if !strings.EqualFold(words[k], "the") || covered[k+1] {
			continue
		}
		sentStart := doc.Sentences[sentenceOf(doc, k)].FirstToken
		bestLen, bestEntity, bestAt := 0, -1, -1
		for _, r := range roles {
			for n := min(len(r.words), 4); n >= 1; n-- {
				if k+1+n > len(words) || startsMention[k+1+n] {
					continue // a title before a name, not a descriptor
				}
				match := true
				for j := 0; j < n; j++ {
					if covered[k+1+j] || strings.ToLower(words[k+1+j]) != r.words[len(r.words)-n+j] {
						match = false
						break
					}
				}
				if !match {
					continue
				}
				// "the president of Syria" is the Syrian one.
				if of := k + 1 + n; of+1 < len(words) && words[of] == "of" && startsUpper(words[of+1]) && !roleOfPlace(r.words, words[of+1]) && anyRoleOfPlace(roles2words(roles), words[of+1]) {
					break
				}
				at := lastMentionBefore(spans, ms, r.entity, k)
				if at >= sentStart {
					// Named earlier in the same sentence: "Assad was quoted
					// by the president's website" is another president.
					break
				}
				if n > bestLen || n == bestLen && at > bestAt && bestEntity != r.entity {
					bestLen, bestEntity, bestAt = n, r.entity, at
				} else if n == bestLen && at == bestAt && bestEntity != r.entity {
					bestEntity = -1 // two people, nothing to tell them apart
				}
				break
			}
		}
		if bestLen == 0 || bestEntity < 0 || bestAt < 0 {
			continue
		}
		found = append(found, descriptor{start: k, end: k + bestLen + 1, typ: news.TypePerson, entity: bestEntity})
		for j := k; j <= k+bestLen; j++ {
			covered[j] = true
		}
		k += bestLen
	}
	return found
}

// roleOfPlace reports whether a role's words name the place's people or
// the place ("syrian president" for Syria).
func roleOfPlace(role []string, place string) bool {
	p := strings.ToLower(place)
	if len(p) > 4 {
		p = p[:len(p)-1] // "syria" → "syri" matches "syrian"
	}
	for _, w := range role {
		if strings.HasPrefix(w, p) {
			return true
		}
	}
	return false
}

// anyRoleOfPlace reports whether one of the roles is of the place.
func anyRoleOfPlace(roles [][]string, place string) bool {
	for _, r := range roles {
		if roleOfPlace(r, place) {
			return true
		}
	}
	return false
}

// lastMentionBefore returns the token where the entity was last named
// before token k, or -1: a descriptor points back.
func lastMentionBefore(spans []tokenMention, ms []news.Mention, entity, k int) int {
	at := -1
	for i, m := range spans {
		if m.start >= k {
			break
		}
		if ms[i].Entity == entity {
			at = m.start
		}
	}
	return at
}

// refine turns the tagger's tags into mentions over the document's tokens
// and applies the document-level rules: names cut at words that are no
// part of them, titles moved out, names split at particles joined, names
// found once labelled everywhere, and the kinds that context and majority
// say.
func refine(words []string, sentences []text.Sentence, tags [][]string) []tokenMention {
	var spans []tokenMention
	for _, m := range ner.Mentions(tags) {
		first := sentences[m.Sentence].FirstToken
		spans = append(spans, tokenMention{start: first + m.Start, end: first + m.End, typ: m.Type})
	}
	return applyRules(words, sentences, spans, allRules)
}

// The document rules, as bits, so that tests can measure each one.
const (
	ruleSplit = 1 << iota
	ruleTitles
	ruleParticles
	rulePropagate
	ruleExtend
	ruleOrganizations
	ruleRelabel
	ruleHonorifics
	allRules = 1<<iota - 1
)

func applyRules(words []string, sentences []text.Sentence, spans []tokenMention, rules int) []tokenMention {
	if rules&ruleSplit != 0 {
		spans = splitAtWords(words, spans)
	}
	if rules&ruleTitles != 0 {
		spans = stripTitles(words, spans)
	}
	if rules&ruleParticles != 0 {
		spans = mergeParticles(words, spans)
	}
	if rules&ruleHonorifics != 0 {
		spans = afterHonorifics(words, spans)
	}
	if rules&rulePropagate != 0 {
		spans = propagate(words, sentences, spans)
	}
	if rules&ruleExtend != 0 {
		spans = extendNames(words, spans)
	}
	if rules&ruleOrganizations != 0 {
		spans = organizations(words, spans)
	}
	if rules&ruleRelabel != 0 {
		relabel(words, spans)
	}
	return spans
}

// RefineTags applies the document-level rules Analyze applies to the
// tagger's output to already tokenized sentences (a CoNLL document) and
// returns their IOB2 tags, so that `parallax eval ner` can measure what
// Analyze finds.
func RefineTags(sentences [][]string, tags [][]string) [][]string {
	return refineTags(sentences, tags, allRules)
}

func refineTags(sentences [][]string, tags [][]string, rules int) [][]string {
	var words []string
	segs := make([]text.Sentence, len(sentences))
	for i, s := range sentences {
		segs[i] = text.Sentence{FirstToken: len(words), EndToken: len(words) + len(s)}
		words = append(words, s...)
	}
	flat := make([]string, len(words))
	for i := range flat {
		flat[i] = "O"
	}
	var spans []tokenMention
	for _, m := range ner.Mentions(tags) {
		first := segs[m.Sentence].FirstToken
		spans = append(spans, tokenMention{start: first + m.Start, end: first + m.End, typ: m.Type})
	}
	for _, m := range applyRules(words, segs, spans, rules) {
		flat[m.start] = "B-" + m.typ
		for k := m.start + 1; k < m.end; k++ {
			flat[k] = "I-" + m.typ
		}
	}
	out := make([][]string, len(sentences))
	for i, s := range segs {
		out[i] = flat[s.FirstToken:s.EndToken]
	}
	return out
}

// tokenMention is a mention as a half-open range of document tokens.
type tokenMention struct {
	start, end int
	typ        string
}

// stripTitles moves titles the tagger included in a name out of it: a
// person's ("President Raisi"), and a person the tagger took for something
// else because of the title ("Martyr Soleimani" as a place). A mention that
// is nothing but title words ("Prince") is dropped.
func stripTitles(words []string, spans []tokenMention) []tokenMention {
	// The words of the persons the tagger found, to tell "General
	// Soleimani" (a person named elsewhere) from "General Motors".
	personWords := map[string]bool{}
	for _, m := range spans {
		if m.typ == news.TypePerson {
			for _, w := range words[m.start:m.end] {
				personWords[w] = true
			}
		}
	}
	out := spans[:0]
	for _, m := range spans {
		// An organization keeps its type unless an honorific opens it
		// ("Imam Khomeini") or the rest is a person of the document.
		if m.end-m.start > 1 && isPersonTitle(words[m.start]) && startsUpper(words[m.start+1]) && !isTitleWord(words[m.end-1]) &&
			(m.typ != news.TypeOrganization || honorifics[strings.ToLower(strings.TrimSuffix(words[m.start], "."))] || personWords[words[m.end-1]]) {
			m.typ = news.TypePerson
		}
		if m.typ == news.TypePerson {
			for m.start < m.end && isTitleWord(words[m.start]) {
				m.start++
			}
		}
		if m.start == m.end || allTitleWords(words[m.start:m.end]) {
			continue
		}
		out = append(out, m)
	}
	return out
}

func allTitleWords(ws []string) bool {
	for _, w := range ws {
		if !isTitleWord(w) {
			return false
		}
	}
	return true
}

// splitAtWords cuts a mention at lower-case words that are no part of a
// name ("Resistance is Syria" is two names): names hold only capitalized
// words, numbers and particles ("bin", "of", "al-").
func splitAtWords(words []string, spans []tokenMention) []tokenMention {
	var out []tokenMention
	for _, m := range spans {
		start := m.start
		for k := m.start; k < m.end; k++ {
			w := words[k]
			if hasUpper(w) || !startsLetter(w) || nameParticles[strings.ToLower(w)] {
				continue
			}
			if k > start {
				out = append(out, tokenMention{start: start, end: k, typ: m.typ})
			}
			start = k + 1
		}
		if start < m.end {
			out = append(out, tokenMention{start: start, end: m.end, typ: m.typ})
		}
	}
	// Names do not start or end with a particle ("of", "bin").
	trimmed := out[:0]
	for _, m := range out {
		for m.start < m.end && nameParticles[strings.ToLower(words[m.start])] && !startsUpper(words[m.start]) {
			m.start++
		}
		for m.end > m.start && (nameParticles[strings.ToLower(words[m.end-1])] && !startsUpper(words[m.end-1]) || possessives[words[m.end-1]]) {
			m.end-- // nor with a possessive "’s"
		}
		if m.start < m.end {
			trimmed = append(trimmed, m)
		}
	}
	return trimmed
}

// hasUpper reports whether s has an upper-case letter: "al-Assad" does.
func hasUpper(s string) bool {
	for _, r := range s {
		if unicode.IsUpper(r) {
			return true
		}
	}
	return false
}

// hasLower reports whether s has a lower-case letter: words in all-caps
// headlines don't, and their capitals say nothing.
func hasLower(s string) bool {
	for _, r := range s {
		if unicode.IsLower(r) {
			return true
		}
	}
	return false
}

// possessives are the clitic tokens that follow a name without being part
// of it.
var possessives = setOf("'s", "’s", "'", "’", "'S", "’S")

func startsLetter(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsLetter(r)
}

// afterHonorifics makes the capitalized words after an honorific a
// person's name, whatever the tagger made of them ("Mr. Mokhber",
// "Mr. Amir-Abdollahian" read as MISC).
func afterHonorifics(words []string, spans []tokenMention) []tokenMention {
	at := 0 // first span that may start at or after k
	var added []tokenMention
	for k := 0; k+1 < len(words); k++ {
		if !honorifics[strings.ToLower(strings.TrimSuffix(words[k], "."))] || !startsUpper(words[k+1]) {
			continue
		}
		for at < len(spans) && spans[at].end <= k+1 {
			at++
		}
		if at < len(spans) && spans[at].start <= k+1 {
			if spans[at].typ != news.TypePerson && spans[at].start == k+1 {
				spans[at].typ = news.TypePerson
			}
			continue
		}
		j := k + 1
		for j < len(words) && (startsUpper(words[j]) && !isTitleWord(words[j]) || j > k+1 && personParticles[strings.ToLower(words[j])]) {
			if at < len(spans) && spans[at].start <= j {
				break
			}
			j++
		}
		if j > k+1 {
			added = append(added, tokenMention{start: k + 1, end: j, typ: news.TypePerson})
		}
	}
	return withAdded(spans, added)
}

// withAdded returns spans with added merged in, in token order.
func withAdded(spans, added []tokenMention) []tokenMention {
	if len(added) == 0 {
		return spans
	}
	spans = append(spans, added...)
	slices.SortFunc(spans, func(a, b tokenMention) int { return a.start - b.start })
	return spans
}

// mergeParticles joins two parts of a person's name that the tagger split
// at a lower-case particle: "Mohammed" "bin" "Rashid Al Maktoum".
func mergeParticles(words []string, spans []tokenMention) []tokenMention {
	out := spans[:0]
	for _, m := range spans {
		if n := len(out); n > 0 {
			prev := &out[n-1]
			if prev.typ == news.TypePerson && m.typ == news.TypePerson && m.start > prev.end && m.start-prev.end <= 2 {
				gap := true
				for k := prev.end; k < m.start; k++ {
					if !personParticles[strings.ToLower(words[k])] {
						gap = false
					}
				}
				if gap {
					prev.end = m.end
					continue
				}
			}
		}
		out = append(out, m)
	}
	return out
}

// extendNames extends a person's mention leftwards over a capitalized word
// that begins the full name of a person in the same document ("Bashar" of
// "Bashar al-Assad" before a mention "Assad").
func extendNames(words []string, spans []tokenMention) []tokenMention {
	firsts := map[string]bool{}
	for _, m := range spans {
		if m.typ == news.TypePerson && m.end-m.start > 1 {
			firsts[words[m.start]] = true
		}
	}
	for i := range spans {
		m := &spans[i]
		if m.typ != news.TypePerson || m.start == 0 || !firsts[words[m.start-1]] {
			continue
		}
		if i > 0 && spans[i-1].end >= m.start {
			continue
		}
		m.start--
	}
	return spans
}

// organizations applies what the words around a name say about it: a
// name ending in an organization's head noun is an organization ("Quds
// Force" is no MISC), and so is one that an apposition or a list names
// as one ("Nournews, an outlet affiliated with…", "Daesh and other
// terrorist groups"). A nationality before it stays a name of its own, as
// in CoNLL-2003 ("German" "Foreign Ministry").
func organizations(words []string, spans []tokenMention) []tokenMention {
	for i := range spans {
		m := &spans[i]
		if head := strings.ToLower(words[m.end-1]); m.end-m.start > 1 && hasLower(words[m.end-1]) &&
			(m.typ == news.TypeMisc && orgHeads[head] || m.typ == news.TypePerson && institutionHeads[head]) {
			m.typ = news.TypeOrganization
		}
		if m.typ != news.TypeOrganization && kindAfter(words, m.end, m.typ == news.TypePerson) {
			m.typ = news.TypeOrganization
		}
	}
	// Capitalized words the tagger left out that end in an organization's
	// head noun: "Foreign Ministry".
	covered := make([]bool, len(words))
	for _, m := range spans {
		for k := m.start; k < m.end; k++ {
			covered[k] = true
		}
	}
	var found []tokenMention
	for k := 0; k < len(words); k++ {
		j := k
		for j < len(words) && !covered[j] && startsUpper(words[j]) && hasLower(words[j]) && !functionWords[strings.ToLower(words[j])] {
			j++
		}
		if j-k >= 2 && orgHeads[strings.ToLower(words[j-1])] {
			found = append(found, tokenMention{start: k, end: j, typ: news.TypeOrganization})
		}
		k = j
	}
	return withAdded(spans, found)
}

// kindAfter reports whether the words after a name say it is an
// organization: ", a|an|the [adjectives] outlet" or "and other [adjectives]
// groups".
//
// After a person's name only the list form counts ("Daesh and other
// terrorist groups"): "Smith, a party official" names a person.
func kindAfter(words []string, k int, person bool) bool {
	at := func(i int) string {
		if i < len(words) {
			return strings.ToLower(words[i])
		}
		return ""
	}
	switch {
	case !person && at(k) == "," && (at(k+1) == "a" || at(k+1) == "an"):
		k += 2
	case at(k) == "and" && at(k+1) == "other":
		k += 2
	default:
		return false
	}
	for j := k; j < k+4 && j < len(words); j++ {
		w := at(j)
		if orgNouns[w] {
			// The kind is the last noun: "party members" are people, an
			// "outlet affiliated with" is an outlet.
			next := at(j + 1)
			return !startsLetter(next) || functionWords[next] || strings.HasSuffix(next, "ed") || strings.HasSuffix(next, "ing")
		}
		if !startsLetter(w) || startsUpper(words[j]) {
			return false
		}
	}
	return false
}

// relabel gives every mention of one name in a document the type the
// tagger gave it most often there, when that type is a clear majority:
// a tagger that reads "Syria" as a place thirty times and as an
// organization once is right thirty times.
func relabel(words []string, spans []tokenMention) {
	counts := map[string]map[string]int{}
	key := func(m tokenMention) string { return strings.Join(words[m.start:m.end], " ") }
	for _, m := range spans {
		k := key(m)
		if counts[k] == nil {
			counts[k] = map[string]int{}
		}
		counts[k][m.typ]++
	}
	for i, m := range spans {
		c := counts[key(m)]
		best, n := m.typ, c[m.typ]
		for t, k := range c {
			if k > n || k == n && t < best {
				best, n = t, k
			}
		}
		if best != m.typ && n >= 2 && n >= 2*c[m.typ] {
			spans[i].typ = best
		}
	}
}

// titleBefore returns the run of title words right before mention i
// ("Syrian President", "Iranian Foreign Ministry spokesman",
// "Leader of the Islamic Revolution Ayatollah"), within its sentence. A
// demonym tagged MISC may stand in it; it must hold a title word.
func titleBefore(words []string, doc text.Doc, spans []tokenMention, i int) tokenMention {
	m := spans[i]
	if m.typ != news.TypePerson {
		return tokenMention{}
	}
	sent := sentenceOf(doc, m.start)
	lo := doc.Sentences[sent].FirstToken
	start, hasTitle := m.start, false
	j := i - 1
	for k := m.start - 1; k >= lo; k-- {
		for j >= 0 && spans[j].end > k+1 {
			j--
		}
		inMention := j >= 0 && spans[j].start <= k && k < spans[j].end
		switch {
		case isTitleWord(words[k]):
			hasTitle = true
		case inMention && spans[j].typ == news.TypeMisc && k == spans[j].start && hasTitle:
			// "Syrian" in "Syrian President"
		case inMention && spans[j].typ == news.TypeOrganization && hasTitle && spans[j].end == start:
			// "Foreign Ministry" in "Iranian Foreign Ministry spokesman"
			k = spans[j].start
		case hasTitle && k+1 == start && complementStart(words, lo, k) >= 0:
			// "Leader of the Islamic Revolution" in "Leader of the
			// Islamic Revolution Ayatollah Seyyed Ali Khamenei"
			k = complementStart(words, lo, k)
		default:
			k = lo - 1 // stop
			continue
		}
		if k >= lo {
			start = k
		}
	}
	if !hasTitle {
		return tokenMention{}
	}
	// A title starts with a capital letter or a title word: "the" and
	// other words are not part of it.
	for start < m.start && !isTitleWord(words[start]) && !startsUpper(words[start]) {
		start++
	}
	return tokenMention{start: start, end: m.start}
}

// complementStart returns the title word of an office whose "of"
// complement ends at token k ("Leader" when k is "Revolution" in "Leader
// of the Islamic Revolution"), or -1. The complement is up to five
// capitalized words.
func complementStart(words []string, lo, k int) int {
	q := k
	for q >= lo && k-q < 5 && startsUpper(words[q]) && !isTitleWord(words[q]) {
		q--
	}
	if q == k {
		return -1
	}
	return officeOf(words, lo, q+1)
}

// officeOf returns the token of the title word that a name starting at
// token name completes with "of" or "of the" ("Leader" in "Leader of the
// Islamic Revolution", "Minister" in "Minister of Foreign Affairs"), or -1.
// lo is the first token the title may start at.
func officeOf(words []string, lo, name int) int {
	p := name - 1
	if p >= lo && strings.EqualFold(words[p], "the") {
		p--
	}
	if p-1 >= lo && words[p] == "of" && isTitleWord(words[p-1]) {
		return p - 1
	}
	return -1
}

func sentenceOf(doc text.Doc, token int) int {
	i, _ := slices.BinarySearchFunc(doc.Sentences, token, func(s text.Sentence, t int) int {
		switch {
		case s.EndToken <= t:
			return -1
		case s.FirstToken > t:
			return 1
		}
		return 0
	})
	return i
}

func startsUpper(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsUpper(r)
}

// propagate gives a document's names the same label everywhere: a
// capitalized token sequence that the tagger labelled somewhere but missed
// elsewhere becomes a mention there too, and the surname of a person named
// in full marks the surname alone ("Raisi" after "Ebrahim Raisi").
func propagate(words []string, sentences []text.Sentence, spans []tokenMention) []tokenMention {
	type label struct {
		typ   string
		count int
	}
	known := map[string]map[string]int{} // joined tokens -> type -> count
	maxLen := 0
	add := func(key, typ string) {
		if known[key] == nil {
			known[key] = map[string]int{}
		}
		known[key][typ]++
	}
	for _, m := range spans {
		add(strings.Join(words[m.start:m.end], " "), m.typ)
		maxLen = max(maxLen, m.end-m.start)
		if m.typ == news.TypePerson && m.end-m.start > 1 {
			add(words[m.end-1], news.TypePerson)
		}
	}
	if len(known) == 0 {
		return spans
	}
	best := func(key string) (string, bool) {
		types, ok := known[key]
		if !ok {
			return "", false
		}
		var b label
		for t, n := range types {
			if n > b.count || n == b.count && t < b.typ {
				b = label{t, n}
			}
		}
		return b.typ, true
	}
	covered := make([]bool, len(words))
	for _, m := range spans {
		for k := m.start; k < m.end; k++ {
			covered[k] = true
		}
	}
	var added []tokenMention
	for _, s := range sentences {
		for k := s.FirstToken; k < s.EndToken; k++ {
			if covered[k] || !startsUpper(words[k]) || isTitleWord(words[k]) {
				continue
			}
			for n := min(maxLen, s.EndToken-k); n >= 1; n-- {
				if slices.Contains(covered[k:k+n], true) {
					continue
				}
				if typ, ok := best(strings.Join(words[k:k+n], " ")); ok {
					// A single capitalized word at a sentence start may be
					// an ordinary word ("Rather"): only names the
					// tagger found more than once there.
					added = append(added, tokenMention{start: k, end: k + n, typ: typ})
					for j := k; j < k+n; j++ {
						covered[j] = true
					}
					k += n - 1
					break
				}
			}
		}
	}
	return withAdded(spans, added)
}

// numberEntities gives the mentions of one name in one document the same
// Entity number: equal names of one type, and a surname and the full name
// of a person ("Raisi", "Ebrahim Raisi"). A surname that two people of the
// document share goes to the one it names most often (see mostNamed). A
// given name alone joins the one full name that starts with it ("Steve",
// "Steve Jobs").
func numberEntities(words []string, spans []tokenMention, out []news.Mention) {
	ids := map[string]int{}
	// person surname -> the entities of the full names that end in it,
	// with how often each full name is used.
	surnames := map[string]map[int]int{}
	// given name -> the entities of the two-word names that start with
	// it: "Steve" after "Steve Jobs", when no one else is Steve.
	given := map[string]map[int]int{}
	// idOf numbers the distinct names of one type in the order met.
	idOf := func(m tokenMention) int {
		k := m.typ + "\x00" + strings.ToLower(strings.Join(words[m.start:m.end], " "))
		id, ok := ids[k]
		if !ok {
			id = len(ids)
			ids[k] = id
		}
		return id
	}
	// Full person names first, so surnames can join them.
	for i, m := range spans {
		if m.typ != news.TypePerson || m.end-m.start < 2 {
			continue
		}
		id := idOf(m)
		out[i].Entity = id
		s := surnameKey(words[m.end-1])
		if surnames[s] == nil {
			surnames[s] = map[int]int{}
		}
		surnames[s][id]++
		if m.end-m.start == 2 {
			// Only "Given Surname": a lone "Mohammed" is not
			// Mohammed bin Rashid Al Maktoum.
			g := surnameKey(words[m.start])
			if given[g] == nil {
				given[g] = map[int]int{}
			}
			given[g][id]++
		}
	}
	for i, m := range spans {
		if m.typ == news.TypePerson && m.end-m.start >= 2 {
			continue
		}
		if m.typ == news.TypePerson {
			k := surnameKey(words[m.end-1])
			if id, ok := mostNamed(surnames[k]); ok {
				out[i].Entity = id
				continue
			}
			if ids := given[k]; len(ids) == 1 && surnames[k] == nil {
				for id := range ids {
					out[i].Entity = id
				}
				continue
			}
		}
		out[i].Entity = idOf(m)
	}
	linkAcronyms(words, spans, out)
}

// surnameKey is the form in which a surname is compared: "Assad" and the
// last word of "Bashar al-Assad" meet (see names.NameTokens).
func surnameKey(word string) string {
	t := names.NameTokens(word)
	if len(t) == 0 {
		return strings.ToLower(word)
	}
	return t[len(t)-1]
}

// mostNamed returns the entity whose full name a document uses most of
// those that share a surname, and whether one is used more than every
// other: an article about Bashar al-Assad that recalls "the late Hafez
// al-Assad" once means Bashar by "Assad". Two people named equally often
// leave the surname ambiguous.
func mostNamed(counts map[int]int) (int, bool) {
	best, bestN, tie := -1, 0, false
	for id, n := range counts {
		switch {
		case n > bestN:
			best, bestN, tie = id, n, false
		case n == bestN:
			tie = true
		}
	}
	return best, best >= 0 && !tie
}

// linkAcronyms gives an acronym the entity of the name it stands for in
// the document: the name it follows in brackets ("Islamic Revolutionary
// Guard Corps (IRGC)"), or a name of its type whose initials it is
// ("UAE" after "United Arab Emirates").
func linkAcronyms(words []string, spans []tokenMention, out []news.Mention) {
	byInitials := map[string]int{} // type + initials -> entity, -1 when two names share them
	for i, m := range spans {
		if m.end-m.start < 2 {
			continue
		}
		a := names.Acronym(strings.Join(words[m.start:m.end], " "))
		if a == "" {
			continue
		}
		k := m.typ + "\x00" + a
		if id, ok := byInitials[k]; ok && id != out[i].Entity {
			byInitials[k] = -1
		} else if !ok {
			byInitials[k] = out[i].Entity
		}
	}
	renumber := map[int]int{}
	for i, m := range spans {
		if m.end-m.start != 1 || !names.IsAcronym(words[m.start]) {
			continue
		}
		// Defined in brackets right after the name.
		if i > 0 && spans[i-1].end+1 == m.start && words[spans[i-1].end] == "(" && m.end < len(words) && words[m.end] == ")" && spans[i-1].end-spans[i-1].start > 1 {
			renumber[out[i].Entity] = out[i-1].Entity
			continue
		}
		if id, ok := byInitials[m.typ+"\x00"+names.NameKey(words[m.start])]; ok && id >= 0 {
			renumber[out[i].Entity] = id
		}
	}
	if len(renumber) == 0 {
		return
	}
	for i := range out {
		if id, ok := renumber[out[i].Entity]; ok {
			out[i].Entity = id
		}
	}
}
