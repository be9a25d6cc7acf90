package analyze

import (
	"strings"

	"github.com/parallax-news/parallax/internal/news"
	"github.com/parallax-news/parallax/internal/text"
)

// nationalities are the adjectives of country that make a role of an
// office ("the Iranian president", "the US foreign minister"), lower-cased.
// The tagger's demonym list (internal/ner/lexicon) is not exported; this
// one holds the nations only, not religions, regions or events.
var nationalities = setOf(
	"afghan", "albanian", "algerian", "american", "angolan", "argentine", "argentinian", "armenian",
	"australian", "austrian", "azerbaijani", "azeri", "bahraini", "bangladeshi", "belarusian",
	"belgian", "bolivian", "bosnian", "brazilian", "british", "bulgarian", "burmese", "cambodian",
	"cameroonian", "canadian", "chilean", "chinese", "colombian", "congolese", "croatian", "cuban",
	"cypriot", "czech", "danish", "dutch", "ecuadorean", "ecuadorian", "egyptian", "emirati",
	"eritrean", "estonian", "ethiopian", "filipino", "finnish", "french", "georgian", "german",
	"ghanaian", "greek", "guatemalan", "haitian", "hungarian", "icelandic", "indian", "indonesian",
	"iranian", "iraqi", "irish", "israeli", "italian", "ivorian", "jamaican", "japanese",
	"jordanian", "kazakh", "kenyan", "korean", "kosovan", "kuwaiti", "kyrgyz", "latvian",
	"lebanese", "liberian", "libyan", "lithuanian", "macedonian", "malaysian", "maltese",
	"mexican", "moldovan", "mongolian", "moroccan", "namibian", "nepali", "nepalese",
	"nicaraguan", "nigerian", "norwegian", "omani", "pakistani", "palestinian", "panamanian",
	"paraguayan", "peruvian", "polish", "portuguese", "qatari", "romanian", "russian", "rwandan",
	"saudi", "senegalese", "serbian", "slovak", "slovenian", "somali", "spanish", "sudanese",
	"swedish", "swiss", "syrian", "taiwanese", "tajik", "tanzanian", "thai", "tunisian",
	"turkish", "turkmen", "ugandan", "ukrainian", "uruguayan", "uzbek", "venezuelan",
	"vietnamese", "yemeni", "zambian", "zimbabwean", "soviet", "scottish", "welsh", "english",
	"us", "u.s.", "uk", "u.k.",
	"south african", "south korean", "north korean", "sri lankan", "new zealand", "saudi arabian",
	"south sudanese",
)

// offices are the offices a nationality makes a role of, lower-cased
// word sequences of at most maxOfficeWords words.
var offices = setOf(
	"president", "vice president", "president-elect", "prime minister", "deputy prime minister",
	"chancellor", "foreign minister", "deputy foreign minister", "defense minister",
	"defence minister", "interior minister", "finance minister", "oil minister", "economy minister",
	"energy minister", "health minister", "justice minister", "intelligence minister",
	"foreign secretary", "defense secretary", "defence secretary", "home secretary",
	"secretary of state", "leader", "supreme leader", "king", "queen", "emir", "crown prince",
	"monarch", "sultan", "spokesman", "spokeswoman", "spokesperson", "foreign ministry spokesman",
	"foreign ministry spokeswoman", "foreign ministry spokesperson", "ambassador", "envoy",
	"army chief", "military chief", "top diplomat", "chief negotiator", "nuclear negotiator",
	"central bank governor", "national security adviser", "head of state",
)

const maxOfficeWords = 4

// nationalityAt returns the end of the nationality that starts at token k
// ("Iranian", "South Korean", "U.S."), or k when none does.
func nationalityAt(words []string, k int) int {
	if k >= len(words) || !startsUpper(words[k]) {
		return k
	}
	if k+1 < len(words) && startsUpper(words[k+1]) && nationalities[strings.ToLower(words[k]+" "+words[k+1])] {
		return k + 2
	}
	if nationalities[strings.ToLower(words[k])] {
		return k + 1
	}
	return k
}

// officeAt returns the end of the longest office that starts at token k
// ("foreign minister", "foreign ministry spokesman"), or k when none does.
func officeAt(words []string, k int) int {
	for n := min(maxOfficeWords, len(words)-k); n >= 1; n-- {
		if offices[strings.ToLower(strings.Join(words[k:k+n], " "))] {
			return k + n
		}
	}
	return k
}

// roleDescriptors finds the roles of a nationality that no title of the
// document anchors: "the Iranian president", "the Syrian foreign
// minister", and after a place's name "Iran's president", where the
// descriptor is "president" and the place stays a name of its own. The
// person of an apposition is the one it names ("Ebrahim Raisi, the
// Iranian president,"; "the Iranian president, Ebrahim Raisi,"), and so
// is the one person whose title is that very role ("Iranian President").
// Otherwise a role is an entity of its own, numbered after every entity
// of ms, that its repetitions in the document share; a later stage
// resolves it by role and date. A role without a nationality ("the
// president") is left alone. It does not cross the descriptors found
// before (anchored) and marks its own in covered.
func roleDescriptors(words []string, doc text.Doc, spans []tokenMention, ms []news.Mention, roles []personRole, anchored []descriptor, covered []bool) []descriptor {
	next := 0 // the first entity number not in use
	for _, m := range ms {
		next = max(next, m.Entity+1)
	}
	var keys map[string]int // phrase -> its entity
	var found []descriptor
	p, q := 0, 0 // spans[p] is the first span that ends after k; anchored[q] the first descriptor that does
	for k := 0; k+1 < len(words); k++ {
		for p < len(spans) && spans[p].end <= k {
			p++
		}
		for q < len(anchored) && anchored[q].end <= k {
			q++
		}
		// The phrase is words[start:end], the descriptor words[from:end],
		// its office words[office:end].
		var start, from, office int
		var nat func([]string) bool // whether a title's first words are the phrase's nationality
		switch {
		case strings.EqualFold(words[k], "the"):
			n := nationalityAt(words, k+1)
			if n == k+1 {
				continue
			}
			start, from, office = k, k, n
			nat = func(ws []string) bool { return equalWords(ws, words[k+1:n]) }
		case possessives[words[k]] && p > 0 && spans[p-1].end == k && spans[p-1].typ == news.TypeLocation:
			start, from, office = spans[p-1].start, k+1, k+1
			place := strings.Join(words[start:k], " ")
			nat = func(ws []string) bool { return len(ws) == 1 && roleOfPlace(ws, place) }
		default:
			continue
		}
		end := officeAt(words, office)
		if end == office || q < len(anchored) && anchored[q].start < end || !namesInside(spans, p, from, end) {
			continue
		}
		sent := doc.Sentences[sentenceOf(doc, k)]
		if end < sent.EndToken && (startsUpper(words[end]) || startsAt(spans[p:], end)) {
			continue // a title before a name: "the Iranian president Ebrahim Raisi"
		}
		entity, ok := apposition(words, spans, ms, p, start, end, sent.EndToken)
		if !ok {
			var n int
			if entity, n = sameRole(nat, words[office:end], roles); n > 1 {
				continue // the role of two persons
			}
			if ok = n == 1; ok && lastMentionBefore(spans, ms, entity, start) >= sent.FirstToken {
				continue // as in anchoredDescriptors: another than the one just named
			}
		}
		if !ok {
			key := strings.ToLower(strings.ReplaceAll(strings.Join(words[start:end], " "), ".", "")) // "U.S." is "US"
			if keys == nil {
				keys = map[string]int{}
			}
			if entity, ok = keys[key]; !ok {
				entity = next
				keys[key] = entity
				next++
			}
		}
		found = append(found, descriptor{start: from, end: end, typ: news.TypePerson, entity: entity})
		for j := from; j < end; j++ {
			covered[j] = true
		}
		k = end - 1
	}
	return found
}

// equalWords reports whether a title's lower-cased words are the words
// of the text, in any case and periods aside ("u.s." and "US").
func equalWords(title, ws []string) bool {
	if len(title) != len(ws) {
		return false
	}
	for i, w := range ws {
		if strings.ReplaceAll(title[i], ".", "") != strings.ToLower(strings.ReplaceAll(w, ".", "")) {
			return false
		}
	}
	return true
}

// sameRole returns the person whose title is exactly a role, its office
// after the nationality that nat accepts ("Iranian President" for "the
// Iranian president"), and how many persons' titles are: 0, 1, or 2 for
// two or more.
func sameRole(nat func([]string) bool, office []string, roles []personRole) (entity, n int) {
	entity = -1
	for _, r := range roles {
		cut := len(r.words) - len(office)
		if cut < 1 || r.entity == entity || !equalWords(r.words[cut:], office) || !nat(r.words[:cut]) {
			continue
		}
		if entity >= 0 {
			return -1, 2
		}
		entity = r.entity
	}
	if entity < 0 {
		return -1, 0
	}
	return entity, 1
}

// namesInside reports whether every name that overlaps tokens
// [start,end) lies inside them and none is a person's: a nationality or a
// ministry may be part of a role ("Syrian", "Foreign Ministry"), a name
// may not be cut. spans[p] is the first span that ends after start-1 or
// later.
func namesInside(spans []tokenMention, p, start, end int) bool {
	for i := max(p-1, 0); i < len(spans) && spans[i].start < end; i++ {
		m := spans[i]
		if m.end <= start {
			continue
		}
		if m.start < start || m.end > end || m.typ == news.TypePerson {
			return false
		}
	}
	return true
}

// startsAt reports whether one of spans, which are in order, starts at
// token k.
func startsAt(spans []tokenMention, k int) bool {
	for _, m := range spans {
		if m.start == k {
			return true
		}
		if m.start > k {
			break
		}
	}
	return false
}

// apposition returns the entity of the person named in apposition to the
// role at tokens [start,end) and true: "Ebrahim Raisi, the Iranian
// president," or "the Iranian president, Ebrahim Raisi,". A comma or the
// sentence's end (sentEnd) closes the apposition: "Raisi, the Iranian
// president and Erdogan" is a list. spans[p] is the first span that ends
// after start; ms[i] is the mention of spans[i].
func apposition(words []string, spans []tokenMention, ms []news.Mention, p, start, end, sentEnd int) (int, bool) {
	closes := func(k int) bool { return k >= sentEnd || words[k] == "," || words[k] == "." }
	// Before: the person ends right before ", the …".
	if start >= 2 && words[start-1] == "," && closes(end) {
		for i := min(p, len(spans)) - 1; i >= 0 && spans[i].end >= start-1; i-- {
			if spans[i].end == start-1 && spans[i].typ == news.TypePerson {
				return ms[i].Entity, true
			}
		}
	}
	// After: ", Ebrahim Raisi," follows.
	if end+1 < sentEnd && words[end] == "," {
		for i := p; i < len(spans) && spans[i].start <= end+1; i++ {
			if spans[i].start == end+1 && spans[i].typ == news.TypePerson && closes(spans[i].end) {
				return ms[i].Entity, true
			}
		}
	}
	return -1, false
}

// orgNounsBack are the nouns that, after "the", point back to the
// organization named last ("the company", "the carmaker").
var orgNounsBack = setOf(
	"company", "firm", "corporation", "carmaker", "automaker", "airline", "planemaker",
	"manufacturer", "chipmaker", "retailer", "bank", "group", "union", "ministry", "agency",
	"broadcaster", "outlet", "network", "newspaper",
)

// orgWindow is how many sentences before its own an organization
// descriptor looks for the organization it points at, and orgLookback how
// many names at most, so that a text without sentence ends costs no more.
const (
	orgWindow   = 3
	orgLookback = 32
)

// orgDescriptors finds the phrases "the company", "the airline", "the
// ministry"… that point back to the organization named last before them,
// in their sentence or the orgWindow before it; one whose name holds the
// noun ("the ministry" after "Foreign Ministry") comes first. A phrase
// followed by a name or by "of" ("the carmaker Renault", "the group of
// seven") is not one, nor one with no organization before it. It does
// not cross covered tokens.
func orgDescriptors(words []string, doc text.Doc, spans []tokenMention, ms []news.Mention, covered []bool) []descriptor {
	var found []descriptor
	p := 0 // spans[:p] start before token k
	for si, s := range doc.Sentences {
		from := doc.Sentences[max(0, si-orgWindow)].FirstToken
		for k := s.FirstToken; k+1 < s.EndToken; k++ {
			for p < len(spans) && spans[p].start < k {
				p++
			}
			if p == 0 || !strings.EqualFold(words[k], "the") || covered[k] || covered[k+1] {
				continue
			}
			noun := strings.ToLower(words[k+1])
			if !orgNounsBack[noun] {
				continue
			}
			if n := k + 2; n < s.EndToken && (startsUpper(words[n]) || words[n] == "of" || isTitleWord(words[n]) || p < len(spans) && spans[p].start == n) {
				continue // "the carmaker Renault", "the group of seven", "the company president"
			}
			at := -1
			for i := p - 1; i >= max(0, p-orgLookback) && spans[i].start >= from; i-- {
				if spans[i].typ != news.TypeOrganization {
					continue
				}
				if at < 0 {
					at = i
				}
				if nameHolds(words[spans[i].start:spans[i].end], noun) {
					at = i
					break
				}
			}
			if at < 0 {
				continue
			}
			found = append(found, descriptor{start: k, end: k + 2, typ: news.TypeOrganization, entity: ms[at].Entity})
			covered[k], covered[k+1] = true, true
			k++
		}
	}
	return found
}

// nameHolds reports whether one of a name's words is noun, in any case
// ("Foreign Ministry" holds "ministry").
func nameHolds(name []string, noun string) bool {
	for _, w := range name {
		if strings.EqualFold(w, noun) {
			return true
		}
	}
	return false
}
