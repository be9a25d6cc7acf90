package events

import (
	"slices"
	"strings"

	"github.com/parallax-news/parallax/internal/news"
)

// Frame is one event a document reports: what happened (Type, Trigger),
// who took part, where and when, as spans and indices into the document's
// text and analysis.
type Frame struct {
	Type     string    // TypeVisit, TypeMeeting, …
	Trigger  news.Span // the word or phrase that reports it: "visited", "talks", "earthquake"
	Sentence int       // index into Analysis.Sentences
	// Participants are the document's entities that take part, with their
	// roles where the syntax makes them clear.
	Participants []Participant
	// Place is the entity number of the place (a location mention: "in
	// Tehran", "to Iran", the dateline), or -1; PlaceSpan the mention.
	Place     int
	PlaceSpan news.Span
	// Time is the index into Analysis.Times of the time expression that
	// dates it, or -1.
	Time int
	// Evidence holds the spans the frame was read from: the trigger, the
	// participants', place's and time's mentions.
	Evidence []news.Span
	// Weak marks a frame from a word that often reports no event of its
	// own ("said", "named", "left").
	Weak bool
	// Main marks the frames that report the document's main event: the
	// one its headline and first sentences report (see Extract).
	Main bool
	// Background marks a frame that reports an earlier or other event
	// the document recalls: in a relative clause or the past perfect
	// ("who was killed in 2020", "had previously met"), after "last" or
	// "earlier", or dated in another year than the main event.
	Background bool
}

// Participant is an entity taking part in an event.
type Participant struct {
	Entity int       // Mention.Entity
	Role   string    // RoleAgent, RolePatient, RoleVisitor, RoleHost or RoleOther
	Span   news.Span // the mention the role was read from
}

// Dated reports a frame's year when its time expression fixes one
// ("2019", "2019-02-25"), else 0. It is the part of the date the
// per-document analysis knows without the publication date.
func Dated(f Frame, a news.Analysis) int {
	if f.Time < 0 || f.Time >= len(a.Times) {
		return 0
	}
	return exprYear(a.Times[f.Time].Expr)
}

// exprYear reads the year at the start of a TIMEX3 value ("2019-02" →
// 2019), or 0.
func exprYear(v string) int {
	if len(v) < 4 {
		return 0
	}
	y := 0
	for i := range 4 {
		c := v[i]
		if c < '0' || c > '9' {
			return 0
		}
		y = y*10 + int(c-'0')
	}
	if len(v) > 4 && v[4] != '-' && v[4] != 'T' {
		return 0
	}
	return y
}

// Extract finds the event frames of one analysed document and marks its
// main event. It is a pure function of the text and its analysis: it
// reads the segmentation, the mentions and the times (when the analysis
// has them; without them frames have no Time and background is told by
// cues and year numbers only).
//
// Frames come from a lexicon of trigger verbs and nouns in all their
// forms. Roles follow the simple syntax of news sentences: the subject
// before an active verb is the agent ("Assad visited Iran"), the subject
// of a passive one the patient ("Soleimani was killed"), the object the
// patient or, for visits and meetings, the host; "in/to/at" + a location
// gives the place, else the dateline.
//
// The main event is the best-supported frame of the headline and first
// sentences: early, a verb or a specific noun rather than a statement,
// with participants, place and time, and reported again further on. The
// frames of the same type not marked background are Main too.
func Extract(txt string, a news.Analysis) []Frame {
	x := newExtractor(txt, a)
	var frames []Frame
	for si := range a.Sentences {
		frames = x.sentence(si, frames)
	}
	x.markMain(frames)
	return frames
}

// extractor holds what Extract reads from the analysis once.
type extractor struct {
	txt      string
	a        news.Analysis
	ms       []news.Mention // mentions by start, names first at equal starts
	sentTok  []int          // first token of each sentence, and len(Tokens) at the end
	dateline int            // index into ms of the dateline's place, or -1
	quotes   []news.Span    // direct and partial quotes, by start
	buf      []byte
}

func newExtractor(txt string, a news.Analysis) *extractor {
	x := &extractor{txt: txt, a: a, dateline: -1}
	x.ms = make([]news.Mention, 0, len(a.Mentions))
	for _, m := range a.Mentions {
		if m.Entity >= 0 && m.End > m.Start {
			x.ms = append(x.ms, m)
		}
	}
	slices.SortStableFunc(x.ms, func(p, q news.Mention) int { return p.Start - q.Start })
	x.sentTok = make([]int, len(a.Sentences)+1)
	t := 0
	for i, s := range a.Sentences {
		for t < len(a.Tokens) && a.Tokens[t].Start < s.Start {
			t++
		}
		x.sentTok[i] = t
	}
	x.sentTok[len(a.Sentences)] = len(a.Tokens)
	x.dateline = x.findDateline()
	for _, q := range a.Quotes {
		if (q.Kind == news.QuoteDirect || q.Kind == news.QuotePartial) && q.End > q.Start {
			x.quotes = append(x.quotes, news.Span{Start: q.Start, End: q.End})
		}
	}
	slices.SortFunc(x.quotes, func(p, q news.Span) int { return p.Start - q.Start })
	return x
}

// findDateline returns the location that opens the text before a dash or
// colon ("TEHRAN —", "Tehran, Iran –", "BEIRUT (Reuters) -"), or -1.
func (x *extractor) findDateline() int {
	if len(x.ms) == 0 || len(x.a.Tokens) == 0 {
		return -1
	}
	first := x.ms[0]
	if first.Type != news.TypeLocation || first.Kind != news.KindName || first.Start > x.a.Tokens[0].Start {
		return -1
	}
	// The place may be followed by its country and an agency in brackets.
	rest := x.txt[first.End:min(len(x.txt), first.End+40)]
	for i, r := range rest {
		switch r {
		case '—', '–', ':':
			return 0
		case '-':
			if i > 0 && rest[i-1] == ' ' {
				return 0
			}
		case '\n', '.':
			return -1
		}
	}
	return -1
}

// word returns token k lower-cased (ASCII letters only: the lexicon is
// ASCII) in a buffer reused by the next call.
func (x *extractor) word(k int) []byte {
	t := x.a.Tokens[k]
	x.buf = x.buf[:0]
	for i := t.Start; i < t.End; i++ {
		c := x.txt[i]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		x.buf = append(x.buf, c)
	}
	return x.buf
}

// is reports whether token k, lower-cased, is one of words.
func (x *extractor) is(k int, words ...string) bool {
	if k < 0 || k >= len(x.a.Tokens) {
		return false
	}
	w := x.word(k)
	for _, s := range words {
		if string(w) == s {
			return true
		}
	}
	return false
}

// inName reports whether token k lies inside a name mention.
func (x *extractor) inName(k int) bool {
	t := x.a.Tokens[k]
	i, _ := slices.BinarySearchFunc(x.ms, t.Start+1, func(m news.Mention, s int) int { return m.Start - s })
	for j := i - 1; j >= 0 && j >= i-3; j-- {
		m := x.ms[j]
		if m.Kind == news.KindName && m.Start <= t.Start && t.End <= m.End {
			return true
		}
	}
	return false
}

// determiners make the next word a noun.
var determiners = map[string]bool{"a": true, "an": true, "the": true, "his": true, "her": true, "its": true,
	"their": true, "our": true, "this": true, "that": true, "'s": true, "’s": true, "first": true, "second": true,
	"last": true, "surprise": true, "unannounced": true, "official": true, "two-day": true, "three-day": true,
	"deadly": true, "fatal": true, "new": true, "recent": true, "rare": true, "historic": true}

// beForms mark a passive before a participle.
var beForms = map[string]bool{"was": true, "were": true, "is": true, "are": true, "been": true, "being": true,
	"be": true, "got": true, "get": true, "gets": true}

// sentence appends the frames of sentence si.
func (x *extractor) sentence(si int, frames []Frame) []Frame {
	first, end := x.sentTok[si], x.sentTok[si+1]
	for k := first; k < end; k++ {
		w := x.word(k)
		ps, ok := lexicon[string(w)]
		if !ok || x.inName(k) {
			continue
		}
		p, n := x.match(k, end, ps)
		if n == 0 || p.t.light {
			continue
		}
		mod := 0
		if !p.t.verb {
			mod = x.modifier(k+n, end)
		}
		if mod == 1 {
			k += n - 1
			continue // "election defeat": the head noun reports the event
		}
		f := x.frame(si, k, k+n, p.t)
		if mod == 2 || x.quoted(f.Trigger) {
			f.Weak = true // "election campaign"; what someone said, not what the writer reports
		}
		frames = append(frames, f)
		k += n - 1
	}
	return frames
}

// match picks the lexicon phrase at token k: the longest whose words
// follow, a noun after a determiner, a verb elsewhere. It returns the
// phrase and its length in tokens, 0 for none.
func (x *extractor) match(k, end int, ps []phrase) (phrase, int) {
	nounCtx := false
	if k > 0 {
		w := string(x.word(k - 1))
		nounCtx = determiners[w] || nounMods[w] || possessives[w]
	}
	best, bestN, bestScore := phrase{}, 0, -1
	for _, p := range ps {
		n := len(p.words)
		if k+n > end {
			continue
		}
		okWords := true
		for i := 1; i < n; i++ {
			if string(x.word(k+i)) != p.words[i] {
				okWords = false
				break
			}
		}
		if !okWords {
			continue
		}
		score := n * 4
		if p.t.verb != nounCtx {
			score += 2
		}
		if score > bestScore {
			best, bestN, bestScore = p, n, score
		}
	}
	return best, bestN
}

// frame builds the frame of a trigger at tokens [k, e) of sentence si.
func (x *extractor) frame(si, k, e int, t trigger) Frame {
	tok := x.a.Tokens
	f := Frame{Type: t.typ, Sentence: si, Place: -1, Time: -1, Weak: t.weak,
		Trigger: news.Span{Start: tok[k].Start, End: tok[e-1].End}}
	sent := x.a.Sentences[si]
	first, end := x.sentTok[si], x.sentTok[si+1]
	passive := false
	if t.verb {
		for j := k - 1; j >= first && j >= k-3; j-- {
			w := string(x.word(j))
			if beForms[w] {
				passive = !strings.HasSuffix(string(x.word(k)), "ing")
				break
			}
			if !strings.HasSuffix(w, "ly") && w != "not" && w != "also" && w != "reportedly" {
				break
			}
		}
	}
	subj := x.subject(sent, tok[k].Start, first)
	obj, prep := x.object(tok[e-1].End, sent.End, e, end)
	add := func(mi int, role string) {
		if mi < 0 {
			return
		}
		m := x.ms[mi]
		for _, p := range f.Participants {
			if p.Entity == m.Entity {
				return
			}
		}
		f.Participants = append(f.Participants, Participant{Entity: m.Entity, Role: role, Span: news.Span{Start: m.Start, End: m.End}})
	}
	placeOf := func(mi int) {
		if mi >= 0 && f.Place < 0 {
			f.Place, f.PlaceSpan = x.ms[mi].Entity, news.Span{Start: x.ms[mi].Start, End: x.ms[mi].End}
		}
	}
	isLoc := func(mi int) bool { return mi >= 0 && x.ms[mi].Type == news.TypeLocation }
	switch {
	case passive:
		if !isLoc(subj) {
			add(subj, RolePatient)
		}
		if prep == "by" {
			add(obj, RoleAgent)
		} else if isLoc(obj) && placePreps[prep] {
			placeOf(obj)
		}
	case t.verb:
		agent := RoleAgent
		if t.typ == TypeVisit {
			agent = RoleVisitor
		}
		if t.typ == TypeDeath && !x.transitive(k) {
			agent = RolePatient // "Soleimani died"
		}
		if !isLoc(subj) || t.typ == TypeAgreement || t.typ == TypeAttack {
			add(subj, agent)
		}
		switch {
		case isLoc(obj) && (prep == "" || placePreps[prep]):
			placeOf(obj) // "visited Iran": a place is where, not who
		case isLoc(obj):
			// "met the ruler of Dubai": a place is nobody's host
		case obj >= 0 && (t.typ == TypeVisit || t.typ == TypeMeeting) && prep != "of":
			add(obj, RoleHost)
		case obj >= 0 && prep == "":
			add(obj, RolePatient)
		case obj >= 0 && prep == "with":
			add(obj, RoleOther)
		}
	default: // a noun
		subj = x.nounSubject(sent, k, first, subj, t.typ)
		if subj >= 0 && !isLoc(subj) {
			role := RoleAgent
			switch t.typ {
			case TypeVisit:
				role = RoleVisitor
			case TypeDeath, TypeArrest, TypeAppointment, TypeDeparture:
				role = RolePatient // "Soleimani's killing", "Reid's arrest"
			}
			add(subj, role)
		}
		switch {
		case isLoc(obj) && placePreps[prep]:
			placeOf(obj)
		case isLoc(obj):
		case obj >= 0 && (prep == "of" || prep == "by"):
			role := RolePatient
			switch {
			case t.typ == TypeVisit:
				role = RoleVisitor // "the visit of/by Assad"
			case prep == "by" || t.typ == TypeStatement || t.typ == TypeMeeting || t.typ == TypeContest:
				role = RoleAgent // "an attack by the Taliban"
			}
			add(obj, role)
		case obj >= 0 && (prep == "with" || prep == "to" || prep == "between"):
			if t.typ == TypeVisit || t.typ == TypeMeeting {
				add(obj, RoleHost)
			} else {
				add(obj, RoleOther)
			}
		case obj >= 0 && (prep == "on" || prep == "against"):
			add(obj, RolePatient)
		}
	}
	if f.Place < 0 {
		placeOf(x.placeIn(sent, first, end, t.typ == TypeDisaster || t.typ == TypeAttack || t.typ == TypeDeath))
	}
	f.Time = x.timeIn(sent, f.Trigger)
	f.Evidence = append(f.Evidence, f.Trigger)
	for _, p := range f.Participants {
		f.Evidence = append(f.Evidence, p.Span)
	}
	if f.Place >= 0 {
		f.Evidence = append(f.Evidence, f.PlaceSpan)
	}
	if f.Time >= 0 {
		tm := x.a.Times[f.Time]
		f.Evidence = append(f.Evidence, news.Span{Start: tm.Start, End: tm.End})
	}
	f.Background = x.backgroundCue(k, first)
	return f
}

// placePreps introduce a place.
var placePreps = map[string]bool{"in": true, "to": true, "at": true, "near": true, "into": true, "outside": true,
	"inside": true, "across": true, "off": true, "on": true, "from": false}

// transitive reports whether the death verb at k takes an object: "killed",
// "murdered" do, "died", "perished" do not.
func (x *extractor) transitive(k int) bool {
	w := string(x.word(k))
	return !strings.HasPrefix(w, "di") && !strings.HasPrefix(w, "perish") && !strings.HasPrefix(w, "drown")
}

// subject returns the mention that is the subject of a trigger starting
// at byte pos: the nearest mention before it in the sentence that is not
// the object of a preposition ("in Tehran"), the first of a name and its
// apposition; -1 for none.
func (x *extractor) subject(sent news.Span, pos, firstTok int) int {
	pos = x.skipRelative(pos, firstTok)
	i, _ := slices.BinarySearchFunc(x.ms, pos, func(m news.Mention, s int) int { return m.Start - s })
	for j := i - 1; j >= 0 && x.ms[j].Start >= sent.Start; j-- {
		m := x.ms[j]
		if m.End > pos {
			continue
		}
		if k := x.tokenBefore(m.Start, firstTok); k >= 0 && x.is(k, "in", "at", "to", "from", "of", "for", "with", "near", "by", "on", "into", "against", "than") {
			continue
		}
		if m.Type == news.TypeMisc {
			continue // "Syrian", "Iranian": modifiers, not actors
		}
		return j
	}
	return -1
}

// auxiliaries may stand between a subject's relative clause and its verb.
var auxiliaries = map[string]bool{"was": true, "were": true, "is": true, "are": true, "has": true, "have": true,
	"had": true, "been": true, "be": true, "will": true, "would": true, "also": true, "not": true, "reportedly": true,
	"later": true, "then": true, "allegedly": true}

// skipRelative returns where the subject of a verb at byte pos is to be
// looked for: before a relative clause set off by commas ("Soleimani, who
// had accompanied Assad, was killed"), else pos.
func (x *extractor) skipRelative(pos, first int) int {
	k := x.tokenBefore(pos, first)
	for k >= first && auxiliaries[string(x.word(k))] {
		k--
	}
	if k < first || !x.is(k, ",") {
		return pos
	}
	for j := k - 1; j >= first; j-- {
		if x.is(j, ",") {
			if x.is(j+1, "who", "which", "whose", "whom") {
				return x.a.Tokens[j].Start
			}
			return pos
		}
	}
	return pos
}

// tokenBefore returns the index of the token that ends before byte pos,
// or -1 when that is before token first.
func (x *extractor) tokenBefore(pos, first int) int {
	k, _ := slices.BinarySearchFunc(x.a.Tokens, pos, func(t news.Span, s int) int { return t.Start - s })
	k--
	if k < first {
		return -1
	}
	return k
}

// object returns the first mention after a trigger ending at byte pos,
// within a few tokens, and the preposition before it ("" for none):
// "visited Iran", "met with Khamenei", "arrived in Tehran", "the killing
// of Soleimani".
func (x *extractor) object(pos, sentEnd, k, end int) (int, string) {
	prep := ""
	for j := k; j < end && j < k+5; j++ {
		t := x.a.Tokens[j]
		if mi := x.mentionAt(t.Start); mi >= 0 {
			if x.ms[mi].Type == news.TypeMisc {
				continue
			}
			return mi, prep
		}
		w := string(x.word(j))
		switch {
		case w == "in" || w == "to" || w == "at" || w == "with" || w == "of" || w == "by" || w == "on" ||
			w == "into" || w == "near" || w == "between" || w == "against" || w == "outside" || w == "from":
			prep = w
		case w == "the" || w == "a" || w == "an" || w == "'s" || w == "’s" || w == "capital" || w == "city" ||
			w == "state" || w == "president" || w == "leader" || w == "minister" || w == "officials" || w == "former":
		default:
			if prep != "" || w == "," || w == "." {
				return -1, ""
			}
		}
	}
	return -1, ""
}

// mentionAt returns the index of a mention starting at byte pos, names
// before descriptors, or -1.
func (x *extractor) mentionAt(pos int) int {
	i, ok := slices.BinarySearchFunc(x.ms, pos, func(m news.Mention, s int) int { return m.Start - s })
	if !ok {
		return -1
	}
	return i
}

// placeIn returns a location in the sentence introduced by a place
// preposition ("in Baghdad"), or -1. With any, a location without one
// does too: the place an earthquake struck, an attack hit.
func (x *extractor) placeIn(sent news.Span, first, end int, any bool) int {
	i, _ := slices.BinarySearchFunc(x.ms, sent.Start, func(m news.Mention, s int) int { return m.Start - s })
	loose := -1
	for j := i; j < len(x.ms) && x.ms[j].Start < sent.End; j++ {
		m := x.ms[j]
		if m.Type != news.TypeLocation || m.Kind != news.KindName {
			continue
		}
		if x.placePrepBefore(m.Start, first) {
			return j
		}
		if any && loose < 0 {
			loose = j
		}
	}
	return loose
}

// timeIn returns the index of the date or time expression of the
// sentence nearest the trigger, or -1.
func (x *extractor) timeIn(sent, trig news.Span) int {
	best, dist := -1, 0
	for i, t := range x.a.Times {
		if t.Start < sent.Start || t.End > sent.End || t.Type == news.TimeDuration || t.Type == news.TimeSet {
			continue
		}
		d := t.Start - trig.End
		if d < 0 {
			d = trig.Start - t.End
		}
		if best < 0 || d < dist {
			if x.otherClauseTime(t, trig) {
				continue // "his first trip since 2011", "before the war began in 2011"
			}
			best, dist = i, d
		}
	}
	return best
}

// backgroundCue reports whether the trigger at token k reads as a recalled
// event: in a relative clause ("who was killed"), in the past perfect
// ("had met"), after "previously", "earlier", "last", "once".
func (x *extractor) backgroundCue(k, first int) bool {
	for j := k - 1; j >= first && j >= k-6; j-- {
		w := string(x.word(j))
		switch w {
		case ",", ";", "(", "—", "–", ":":
			return false
		case "who", "which", "whom", "whose", "had", "previously", "earlier", "last", "once", "formerly":
			return true
		}
	}
	return false
}

// typeWeight prefers, among frames of one sentence, the more specific
// report: a visit over the meetings it holds, a death over the statement
// about it.
var typeWeight = map[string]float64{TypeVisit: 0.6, TypeDeath: 0.5, TypeAttack: 0.5, TypeDisaster: 0.5, TypeArrest: 0.4,
	TypeElection: 0.4, TypeAppointment: 0.3, TypeDeparture: 0.3, TypeAgreement: 0.3, TypeMeeting: 0.2}

// markMain marks the main event's frames and, among the others, those
// dated at another time than it (see markOtherTimes).
func (x *extractor) markMain(frames []Frame) {
	if len(frames) == 0 {
		return
	}
	support := map[string]int{}
	for _, f := range frames {
		if !f.Background && !f.Weak {
			support[f.Type]++
		}
	}
	best, bestScore := -1, 0.0
	for i, f := range frames {
		if f.Background {
			continue
		}
		s := 4 / float64(1+f.Sentence)
		if f.Sentence < 3 {
			s += 1
		}
		s += 0.4 * float64(min(len(f.Participants), 3))
		if f.Place >= 0 {
			s += 0.4
		}
		if f.Time >= 0 {
			s += 0.3
		}
		s += 0.3 * float64(min(support[f.Type], 5))
		s += typeWeight[f.Type]
		if f.Weak {
			s *= 0.3
		}
		if best < 0 || s > bestScore {
			best, bestScore = i, s
		}
	}
	if best < 0 {
		return
	}
	main := frames[best]
	x.markOtherTimes(frames, best)
	for i := range frames {
		f := &frames[i]
		if i == best || !f.Background && f.Type == main.Type {
			f.Main = true
		}
	}
	f := &frames[best]
	if f.Place < 0 {
		mi := x.dateline
		if mi < 0 {
			mi = x.leadPlace(f.Sentence)
		}
		if mi >= 0 {
			m := x.ms[mi]
			f.Place, f.PlaceSpan = m.Entity, news.Span{Start: m.Start, End: m.End}
			f.Evidence = append(f.Evidence, f.PlaceSpan)
		}
	}
	// The frames that report the main event happened where it did.
	if f.Place >= 0 {
		for i := range frames {
			if g := &frames[i]; g.Main && g.Place < 0 {
				g.Place, g.PlaceSpan = f.Place, f.PlaceSpan
			}
		}
	}
}
