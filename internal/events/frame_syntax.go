package events

import (
	"slices"

	"github.com/parallax-news/parallax/internal/news"
)

// nounMods may stand between a possessor or a name and the event noun it
// qualifies: "Assad's first visit", "the Taliban's deadly raid".
var nounMods = map[string]bool{"first": true, "second": true, "third": true, "fourth": true, "last": true,
	"latest": true, "recent": true, "surprise": true, "unannounced": true, "official": true, "state": true,
	"two-day": true, "three-day": true, "one-day": true, "deadly": true, "fatal": true, "new": true, "rare": true,
	"historic": true, "previous": true, "upcoming": true, "planned": true, "brief": true, "short": true,
	"long-awaited": true, "suicide": true, "terrorist": true, "terror": true, "car": true, "truck": true, "bomb": true,
	"tram": true, "train": true, "plane": true, "bus": true, "drone": true, "air": true, "military": true, "working": true}

// possessives are the pronouns that own an event noun: "his visit".
var possessives = map[string]bool{"his": true, "her": true, "their": true, "its": true, "our": true, "my": true}

// npBreakers end the search for the subject of an event noun: the
// subject before them is a speaker's or another clause's ("Khatibzadeh
// said the visit", "Clinton lost after the attack").
var npBreakers = map[string]bool{"that": true, "because": true, "after": true, "before": true, "since": true,
	"when": true, "while": true, "although": true, "though": true, "if": true, "as": true, "amid": true, "despite": true}

// nounSubject returns the mention that does the event a noun at token k
// reports: its possessor ("Assad's visit", "his trip"), a name right
// before it ("the Taliban raid"), else subj, the subject of its clause,
// unless a reporting verb or a conjunction stands between them or the
// noun is the object of a preposition of circumstance ("was killed in a
// drone strike"), unless it is a visit or meeting; -1 for none.
func (x *extractor) nounSubject(sent news.Span, k, first, subj int, typ string) int {
	j := k - 1
	for steps := 0; j >= first && steps < 4; steps++ {
		w := string(x.word(j))
		if w == "'s" || w == "’s" || w == "'" || w == "’" {
			return x.mentionEnding(x.a.Tokens[j].Start, sent.Start)
		}
		if mi := x.mentionEnding(x.a.Tokens[j].End, sent.Start); mi >= 0 {
			m := x.ms[mi]
			switch {
			case m.Kind == news.KindPronoun && possessives[w]:
				return mi
			case m.Kind == news.KindName && m.Type != news.TypeMisc:
				return mi // "the Taliban raid", "Kimi Raikkonen accident"
			}
			if m.Type != news.TypeMisc {
				break
			}
			j = x.tokenBefore(m.Start, first)
			continue // "Syrian", "German": modifiers
		}
		if !nounMods[w] && !determiners[w] {
			break
		}
		if w == "the" || w == "a" || w == "an" || possessives[w] {
			j--
			break
		}
		j--
	}
	if subj < 0 {
		return -1
	}
	// Harm is not its clause subject's after a preposition: "was
	// killed in a strike"; visits, meetings, victories are: "met Khamenei
	// during a visit to Tehran".
	if (typ == TypeAttack || typ == TypeDeath || typ == TypeDisaster || typ == TypeArrest) && j >= first && x.is(j, "in", "of", "on", "at", "during", "after", "before", "since", "from", "into", "by", "amid", "despite") {
		return -1
	}
	// The subject of its clause: the first mention after the last
	// reporting verb or conjunction before the noun that is no
	// preposition's object.
	from, scan := first, j
	if x.is(j, "during", "on", "after", "before", "since", "amid", "despite", "for", "in", "at", "with") {
		scan = j - 1 // "met … after an unannounced visit": a preposition here
	}
	for i := scan; i >= first; i-- {
		w := string(x.word(i))
		if npBreakers[w] || x.reporting(w) {
			from = i + 1
			break
		}
	}
	start := x.a.Tokens[min(from, len(x.a.Tokens)-1)].Start
	if from > j {
		return -1
	}
	i, _ := slices.BinarySearchFunc(x.ms, start, func(m news.Mention, s int) int { return m.Start - s })
	for ; i < len(x.ms) && x.ms[i].End <= x.a.Tokens[k].Start; i++ {
		m := x.ms[i]
		if m.Type == news.TypeMisc || m.Type == news.TypeLocation {
			continue
		}
		if a := x.tokenBefore(m.End+1, first) + 1; a < k && x.is(a, "'s", "’s") {
			continue // "Iran's Supreme Leader": a possessor
		}
		if a := x.tokenBefore(m.End+1, first) + 2; a < k && i+1 < len(x.ms) && x.ms[i+1].Type == news.TypePerson &&
			x.ms[i+1].Start == x.a.Tokens[a].Start && x.ms[i].End < x.a.Tokens[a-1].Start {
			continue // "Formula One star Max Verstappen": the name before a title
		}
		if b := x.tokenBefore(m.Start, first); b >= from && x.is(b, "in", "at", "to", "from", "of", "for", "with", "near", "by", "on", "into", "against", "than") {
			continue
		}
		return i
	}
	return -1
}

// reporting reports whether w is a one-word reporting verb: "said",
// "told", "announced".
func (x *extractor) reporting(w string) bool {
	for _, p := range lexicon[w] {
		if p.t.verb && p.t.typ == TypeStatement && len(p.words) == 1 {
			return true
		}
	}
	return false
}

// mentionEnding returns the mention (not a descriptor) ending at byte
// pos within the sentence from sentStart, or -1.
func (x *extractor) mentionEnding(pos, sentStart int) int {
	i, _ := slices.BinarySearchFunc(x.ms, pos, func(m news.Mention, s int) int { return m.Start - s })
	for j := i - 1; j >= 0 && x.ms[j].Start >= sentStart && j >= i-6; j-- {
		m := x.ms[j]
		if m.End == pos && m.Kind != news.KindDescriptor {
			return j
		}
	}
	return -1
}

// headNouns are nouns an event noun before them modifies without the
// text reporting the event: "election campaign", "the summit agenda".
var headNouns = map[string]bool{"campaign": true, "campaigns": true, "result": true, "results": true, "day": true,
	"night": true, "season": true, "process": true, "agenda": true, "program": true, "programme": true, "plan": true,
	"plans": true, "rally": true, "rallies": true, "debate": true, "debates": true, "cycle": true, "law": true,
	"laws": true, "commission": true, "committee": true, "spokesman": true, "spokeswoman": true, "team": true,
	"officials": true, "fever": true, "coverage": true, "year": true, "date": true, "monitors": true, "fraud": true,
	"ceremony": true, "hall": true, "room": true, "center": true, "centre": true, "schedule": true, "venue": true,
	"circuit": true, "track": true, "ticket": true, "tickets": true, "odds": true, "chances": true, "bid": true}

// modifier tells an event noun ending before token k that modifies the
// next: 1 when that next word is an event noun itself ("election
// defeat", "victory speech"), which reports it instead; 2 when it is a
// head that is no event ("election campaign"); 0 when it stands alone.
func (x *extractor) modifier(k, end int) int {
	if k >= end {
		return 0
	}
	w := string(x.word(k))
	if headNouns[w] {
		return 2
	}
	if x.inName(k) {
		return 0
	}
	for _, p := range lexicon[w] {
		if !p.t.verb && len(p.words) == 1 && !p.t.light {
			return 1
		}
	}
	return 0
}

// quoted reports whether span s lies within a direct or partial quote:
// words someone said, not what the writer reports.
func (x *extractor) quoted(s news.Span) bool {
	i, _ := slices.BinarySearchFunc(x.quotes, s.Start+1, func(q news.Span, p int) int { return q.Start - p })
	return i > 0 && x.quotes[i-1].Start <= s.Start && s.End <= x.quotes[i-1].End
}

// timeBreakers between a trigger and a time expression, or right before
// the time, tell that the time dates another clause or bounds a period:
// "the first trip since 2011", "until 2019", "before the war began in
// 2011".
var timeBreakers = map[string]bool{"where": true, "—": true, "–": true, ";": true, "since": true, "until": true, "till": true, "before": true, "after": true,
	"when": true, "while": true, "through": true}

// otherClauseTime reports whether the time t does not date the trigger
// trig of its sentence (see timeBreakers).
func (x *extractor) otherClauseTime(t news.Time, trig news.Span) bool {
	lo, hi := trig.End, t.Start
	if t.End <= trig.Start {
		lo, hi = t.End, trig.Start
	}
	k, _ := slices.BinarySearchFunc(x.a.Tokens, t.Start, func(s news.Span, p int) int { return s.Start - p })
	if k > 0 && timeBreakers[string(x.word(k-1))] {
		return true
	}
	i, _ := slices.BinarySearchFunc(x.a.Tokens, lo, func(s news.Span, p int) int { return s.Start - p })
	for ; i < len(x.a.Tokens) && x.a.Tokens[i].End <= hi; i++ {
		if timeBreakers[string(x.word(i))] {
			return true
		}
	}
	return false
}

// placePrepBefore reports whether a place preposition introduces the
// mention starting at byte pos: "in Baghdad", "at the White House",
// "in the northern city of Mazar-i-Sharif".
func (x *extractor) placePrepBefore(pos, first int) bool {
	k := x.tokenBefore(pos, first)
	if k < 0 {
		return false
	}
	if x.is(k, "the") {
		k--
	}
	if x.is(k, "of") && x.is(k-1, "city", "town", "village", "province", "capital", "region", "district", "county", "state", "island", "port", "suburb") {
		return true
	}
	return k >= first && x.is(k, "in", "at", "to", "near", "into", "outside", "across", "off", "inside")
}

// leadPlace returns a place the headline or lead names with a place
// preposition, up to sentence last: where the main event happened when
// its own sentence does not say; -1 for none.
func (x *extractor) leadPlace(last int) int {
	for si := 0; si <= last && si < 3 && si < len(x.a.Sentences); si++ {
		if mi := x.placeIn(x.a.Sentences[si], x.sentTok[si], x.sentTok[si+1], false); mi >= 0 {
			return mi
		}
	}
	return -1
}

// markOtherTimes marks background the frames dated at another time than
// the main event (frames[best]), as the dates tell it without the
// publication date: another year than the main event's; when the main
// event is undated, a year before the latest one the text names.
func (x *extractor) markOtherTimes(frames []Frame, best int) {
	a := x.a
	main := frames[best]
	ref := main.Time
	if ref < 0 {
		for _, f := range frames {
			if f.Type == main.Type && !f.Background && !f.Weak && f.Time >= 0 {
				ref = f.Time
				break
			}
		}
	}
	mainYear := 0
	if ref >= 0 {
		mainYear = exprYear(a.Times[ref].Expr)
	}
	latest := 0
	if ref < 0 {
		for _, t := range a.Times {
			if t.Type == news.TimeDate {
				latest = max(latest, exprYear(t.Expr))
			}
		}
	}
	for i := range frames {
		f := &frames[i]
		if i == best || f.Time < 0 || f.Time >= len(a.Times) {
			continue
		}
		e := a.Times[f.Time].Expr
		year := exprYear(e)
		switch {
		case mainYear > 0:
			f.Background = f.Background || year > 0 && year != mainYear
		case latest > 0:
			f.Background = f.Background || year > 0 && year < latest
		}
	}
}
