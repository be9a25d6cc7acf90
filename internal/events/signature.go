package events

import (
	"slices"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/parallax-news/parallax/internal/names"
	"github.com/parallax-news/parallax/internal/news"
)

// Interval is a span of calendar time, From to To inclusive; the zero
// Interval is an unknown date.
type Interval struct {
	From, To time.Time
}

// Known reports whether the interval is set.
func (i Interval) Known() bool { return !i.From.IsZero() }

// Gap returns the time between two known intervals, zero when they
// overlap.
func (i Interval) Gap(j Interval) time.Duration {
	switch {
	case i.To.Before(j.From):
		return j.From.Sub(i.To)
	case j.To.Before(i.From):
		return i.From.Sub(j.To)
	}
	return 0
}

// Width returns how long a known interval is.
func (i Interval) Width() time.Duration { return i.To.Sub(i.From) }

// Union returns the smallest interval holding both (either may be
// unknown).
func (i Interval) Union(j Interval) Interval {
	switch {
	case !i.Known():
		return j
	case !j.Known():
		return i
	}
	u := i
	if j.From.Before(u.From) {
		u.From = j.From
	}
	if j.To.After(u.To) {
		u.To = j.To
	}
	return u
}

// Input is what signing a document needs: its analysis and frames, and
// what the corpus knows of its dates. Dates, when not nil, holds the
// calendar interval of each of Analysis.Times (package timex resolves
// them against the publication date); Published is the publication date,
// zero when unknown.
type Input struct {
	ID        string
	Text      string
	Analysis  news.Analysis
	Frames    []Frame
	Dates     []Interval
	Published time.Time
}

// Signature is what cross-document clustering compares of a document: its
// main event's type, date, place and participants, and the names and
// content words of the document, its headline and lead weighing more.
// Keys of names, places and participants are names.NameKey of the names
// in this form; a store may replace them with corpus entity ids.
type Signature struct {
	Doc          string
	Type         string   // the main event's type, "" when there is none
	Date         Interval // the main event's date, when known
	Place        string   // key of the main event's place, or ""
	Participants []string // keys of the main event's participants
	// Names weighs the document's names: the number of its mentions,
	// doubled in the headline and lead.
	Names map[string]float64
	// Words weighs the content words of the document (lower-cased, crudely
	// lemmatized, stop words left out), doubled in the headline and lead.
	Words map[string]float64
	// Actors are the surnames (last name words) of the people the
	// headline and lead name and of the main event's participants: whom
	// the story is about. Surnames are those of every person the
	// document names. Two reports whose actors the other never names
	// are of different events ("Vincent Jackson arrested" and "Jamal
	// Williams arrested").
	Actors, Surnames []string
	// People weighs the surnames of the people the document names, and
	// Locations the keys of the places, as Names does: the participants
	// and places the story is most about weigh most.
	People, Locations map[string]float64
	// LeadPlaces are the keys of the places the headline and lead name
	// and of the main event's place: where the story happens. Places are
	// those of every place the document names. Two reports whose lead
	// places the other never names are of different events (a fire in
	// Banstead, one in Wellington).
	LeadPlaces, AllPlaces []string
	// Weekdays are the days of the week the headline and lead name
	// ("on Tuesday"), lower-case: reports of one event written within
	// days of it name its day; those of another event of its kind most
	// often another.
	Weekdays []string `json:",omitempty"`
	// Years are the calendar years the text of a document without a
	// publication date names outright ("2008", "May 24, 2005"),
	// ascending: the latest is most often the year of its writing (see
	// Options.YearBonus). A dated document has none: its main event's
	// Date compares it.
	Years []int
	// Numbers are the numbers the headline and lead write in digits,
	// other than years, dates and clock times ("23" pirates, a "5.6"
	// magnitude, "$108" million): the details that tell one event from
	// another of its kind. Reports of one event most often give some of
	// the same; reports of two earthquakes, heists or arrests seldom do.
	Numbers []string
	// Published is the document's publication date, zero when unknown.
	// A main event dated to the day in a dated document is dated
	// surely: see Options.DayGap.
	Published time.Time
}

// DayPrecise reports whether the signature's main event is dated to the
// day in a document with a publication date: "on Tuesday" resolved
// against the day it was published.
func (s Signature) DayPrecise() bool {
	return !s.Published.IsZero() && s.Date.Known() && s.Date.Width() == 0
}

// leadSentences is how many sentences count as headline and lead.
const leadSentences = 3

// nearPublication is how far before its publication an undated main
// event is taken to be: news reports what happened in the last days.
const nearPublication = 3 * 24 * time.Hour

// Sign returns the signature of a document's main event.
func Sign(in Input) Signature {
	a := in.Analysis
	keys := entityKeys(in.Text, a)
	sig := Signature{Doc: in.ID, Names: map[string]float64{}, Words: map[string]float64{},
		People: map[string]float64{}, Locations: map[string]float64{}, Published: in.Published}
	lead := textLen(a)
	if len(a.Sentences) > leadSentences {
		lead = a.Sentences[leadSentences].Start
	}
	for _, m := range a.Mentions {
		if m.Kind != news.KindName || m.Entity < 0 || m.Entity >= len(keys) || keys[m.Entity] == "" {
			continue
		}
		w := 1.0
		if m.Start < lead {
			w = 2
		}
		sig.Names[keys[m.Entity]] += w
		if m.Type == news.TypeLocation {
			k := keys[m.Entity]
			sig.Locations[k] += w
			if !slices.Contains(sig.AllPlaces, k) {
				sig.AllPlaces = append(sig.AllPlaces, k)
			}
			if m.Start < lead && !slices.Contains(sig.LeadPlaces, k) {
				sig.LeadPlaces = append(sig.LeadPlaces, k)
			}
		}
		if m.Type == news.TypePerson {
			sur := surname(keys[m.Entity])
			sig.People[sur] += w
			if !slices.Contains(sig.Surnames, sur) {
				sig.Surnames = append(sig.Surnames, sur)
			}
			if m.Start < lead && !slices.Contains(sig.Actors, sur) {
				sig.Actors = append(sig.Actors, sur)
			}
		}
	}
	contentWords(in.Text, a.Tokens, lead, sig.Words)
	sig.Numbers = leadNumbers(in.Text, a, lead)
	sig.Weekdays = leadWeekdays(in.Text, a.Tokens, lead)
	if in.Published.IsZero() {
		sig.Years = namedYears(a)
	}
	main := -1
	for i, f := range in.Frames {
		if f.Main {
			main = i
			break
		}
	}
	if main >= 0 {
		f := in.Frames[main]
		sig.Type = f.Type
		if f.Place >= 0 && f.Place < len(keys) {
			sig.Place = keys[f.Place]
		}
		for _, p := range f.Participants {
			if p.Entity < len(keys) && keys[p.Entity] != "" && !slices.Contains(sig.Participants, keys[p.Entity]) {
				sig.Participants = append(sig.Participants, keys[p.Entity])
			}
		}
		sig.Date = frameDate(f, in)
		if sig.Place != "" && !slices.Contains(sig.LeadPlaces, sig.Place) {
			sig.LeadPlaces = append(sig.LeadPlaces, sig.Place)
		}
	}
	// The day the headline and lead report ("on Tuesday") dates a main
	// event they leave undated or date more loosely, unless that date
	// holds the day; a main event dated before that day ("when she
	// signed the agreement last week") is one the report recalls: the
	// news is of the day the lead names.
	if d, ok := leadDay(in, lead); ok && (!sig.Date.Known() || sig.Date.Width() > 0 && sig.Date.To.Before(d.From)) {
		sig.Date = d
	}
	// An undated main event happened shortly before publication. Without
	// a publication date it stays undated: the latest date an article
	// names was tried as a stand-in and, on ECB+, is too often another
	// event's.
	if !sig.Date.Known() && !in.Published.IsZero() {
		sig.Date = Interval{From: in.Published.Add(-nearPublication), To: in.Published}
	}
	return sig
}

// leadDay returns the first date to the day that the headline and lead
// (the text before byte lead) name within the week before publication,
// if any.
func leadDay(in Input, lead int) (Interval, bool) {
	if in.Published.IsZero() {
		return Interval{}, false
	}
	week := Interval{From: in.Published.AddDate(0, 0, -7), To: in.Published}
	for i, t := range in.Analysis.Times {
		if t.Start >= lead {
			break
		}
		if i < len(in.Dates) && in.Dates[i].Known() && in.Dates[i].Width() == 0 && in.Dates[i].Gap(week) == 0 {
			return in.Dates[i], true
		}
	}
	return Interval{}, false
}

// minNewsYear is the earliest year taken for the year of a report's
// writing: earlier "years" are most often clock times ("1336 GMT").
const minNewsYear = 1900

// namedYears returns the distinct years the time expressions of an
// analysis fix outright, ascending.
func namedYears(a news.Analysis) []int {
	var ys []int
	for _, t := range a.Times {
		if y := exprYear(t.Expr); y >= minNewsYear && !slices.Contains(ys, y) {
			ys = append(ys, y)
		}
	}
	slices.Sort(ys)
	return ys
}

// leadNumbers returns the distinct numbers the tokens before byte lead
// write in digits, outside time expressions: no years, dates, clock
// times. A currency sign before the digits and thousands separators are
// left out ("$1,200" is "1200").
func leadNumbers(txt string, a news.Analysis, lead int) []string {
	var out []string
	ti := 0
	for _, t := range a.Tokens {
		if t.Start >= lead {
			break
		}
		word := txt[t.Start:t.End]
		word = strings.TrimLeft(word, "$£€¥")
		if word == "" || word[0] < '0' || word[0] > '9' {
			continue
		}
		for ti < len(a.Times) && a.Times[ti].End <= t.Start {
			ti++
		}
		if ti < len(a.Times) && a.Times[ti].Start < t.End {
			continue // in a time expression
		}
		if t.Start > 0 && strings.ContainsRune(":/", rune(txt[t.Start-1])) || t.End < len(txt) && strings.ContainsRune(":/", rune(txt[t.End])) {
			continue // a clock time or date the tagger left
		}
		n, ok := plainNumber(word)
		if !ok || len(n) > 1 && n[0] == '0' && n[1] != '.' || len(n) == 4 && !strings.Contains(n, ".") && n >= "1900" && n <= "2099" {
			continue
		}
		if !slices.Contains(out, n) {
			out = append(out, n)
		}
	}
	return out
}

// weekdays are the names of the days of the week.
var weekdays = [...]string{"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"}

// leadWeekdays returns the distinct days of the week the tokens before
// byte lead name, lower-case.
func leadWeekdays(txt string, toks []news.Span, lead int) []string {
	var out []string
	for _, t := range toks {
		if t.Start >= lead {
			break
		}
		w := txt[t.Start:t.End]
		if len(w) < 6 || len(w) > 9 || w[0] < 'A' || w[0] > 'Z' || !strings.HasSuffix(w, "day") {
			continue
		}
		for _, d := range weekdays {
			if strings.EqualFold(w, d) && !slices.Contains(out, d) {
				out = append(out, d)
			}
		}
	}
	return out
}

// plainNumber returns the digits of a number as written ("1,200" →
// "1200", "5.6" → "5.6", "23rd" is no number), false when word is not
// one.
func plainNumber(word string) (string, bool) {
	word = strings.TrimRight(word, ".,")
	if i := strings.IndexByte(word, '-'); i > 0 && magnitudes[strings.ToLower(word[i+1:])] {
		word = word[:i] // "137-million" as "137 million": the number is 137
	}
	var b []byte
	for i := 0; i < len(word); i++ {
		switch c := word[i]; {
		case c >= '0' && c <= '9' || c == '.':
			b = append(b, c)
		case c == ',':
		default:
			return "", false
		}
	}
	return string(b), len(b) > 0 && b[0] != '.'
}

// magnitudes are the words of a hyphenated amount after its digits.
var magnitudes = map[string]bool{"million": true, "billion": true, "trillion": true, "thousand": true, "mn": true, "bn": true}

// surname returns the last word of a name key.
func surname(key string) string {
	if i := strings.LastIndexByte(key, ' '); i >= 0 {
		return key[i+1:]
	}
	return key
}

// BackgroundSignatures returns a signature for each background event the
// document recalls, one per type and date: only the event's own type,
// date, place and participants, and the names and words of its sentence.
// MatchBackground links them to the clusters of the events they recall.
func BackgroundSignatures(in Input) []Signature {
	a := in.Analysis
	var keys []string
	var out []Signature
	for _, f := range in.Frames {
		if !f.Background || f.Weak {
			continue
		}
		if keys == nil {
			keys = entityKeys(in.Text, a)
		}
		sig := Signature{Doc: in.ID, Type: f.Type, Date: frameDate(f, in), Names: map[string]float64{}, Words: map[string]float64{}}
		if f.Place >= 0 && f.Place < len(keys) {
			sig.Place = keys[f.Place]
		}
		for _, p := range f.Participants {
			if p.Entity < len(keys) && keys[p.Entity] != "" {
				sig.Participants = append(sig.Participants, keys[p.Entity])
				sig.Names[keys[p.Entity]] += 2
			}
		}
		if sig.Place != "" {
			sig.Names[sig.Place]++
		}
		s := a.Sentences[f.Sentence]
		contentWords(in.Text, tokensIn(a.Tokens, s), len(in.Text), sig.Words)
		dup := false
		for _, o := range out {
			if o.Type == sig.Type && o.Date == sig.Date && slices.Equal(o.Participants, sig.Participants) {
				dup = true
			}
		}
		if !dup && len(sig.Participants) > 0 {
			out = append(out, sig)
		}
	}
	return out
}

// frameDate returns the date of a frame: its time's interval when the
// dates are known, else the year its time expression fixes.
func frameDate(f Frame, in Input) Interval {
	if f.Time < 0 || f.Time >= len(in.Analysis.Times) {
		return Interval{}
	}
	if f.Time < len(in.Dates) && in.Dates[f.Time].Known() {
		return in.Dates[f.Time]
	}
	if y := exprYear(in.Analysis.Times[f.Time].Expr); y > 0 {
		from := time.Date(y, 1, 1, 0, 0, 0, 0, time.UTC)
		return Interval{From: from, To: from.AddDate(1, 0, -1)}
	}
	return Interval{}
}

// tokensIn returns the tokens inside span s.
func tokensIn(toks []news.Span, s news.Span) []news.Span {
	i, _ := slices.BinarySearchFunc(toks, s.Start, func(t news.Span, p int) int { return t.Start - p })
	j := i
	for j < len(toks) && toks[j].End <= s.End {
		j++
	}
	return toks[i:j]
}

// entityKeys returns the key of each entity number of the document: the
// NameKey of its longest name, "" for an entity with no name.
func entityKeys(txt string, a news.Analysis) []string {
	n := 0
	for _, m := range a.Mentions {
		n = max(n, m.Entity+1)
	}
	best := make([]string, n)
	for _, m := range a.Mentions {
		if m.Kind != news.KindName || m.Entity < 0 {
			continue
		}
		if name := txt[m.Start:m.End]; len(name) > len(best[m.Entity]) {
			best[m.Entity] = name
		}
	}
	for i, name := range best {
		if name != "" {
			best[i] = names.NameKey(name)
		}
	}
	return best
}

// contentWords adds the content words of the tokens to w: weight 2 before
// byte lead, 1 after.
func contentWords(txt string, toks []news.Span, lead int, w map[string]float64) {
	var buf []byte
	for _, t := range toks {
		word := txt[t.Start:t.End]
		r, _ := utf8.DecodeRuneInString(word)
		if len(word) < 3 || !unicode.IsLetter(r) {
			continue
		}
		buf = buf[:0]
		for _, r := range word {
			buf = utf8.AppendRune(buf, unicode.ToLower(r))
		}
		if stopWords[string(buf)] {
			continue
		}
		k := Lemma(string(buf))
		if t.Start < lead {
			w[k] += 2
		} else {
			w[k]++
		}
	}
}

// Lemma returns a crude lemma of a lower-case word, enough to meet its
// inflections: "visits", "visited", "visiting" → "visit"; "countries" →
// "country".
func Lemma(w string) string {
	n := len(w)
	switch {
	case n > 4 && strings.HasSuffix(w, "ies"):
		return w[:n-3] + "y"
	case n > 5 && strings.HasSuffix(w, "ing"):
		return undouble(w[:n-3])
	case n > 4 && strings.HasSuffix(w, "ied"):
		return w[:n-3] + "y"
	case n > 4 && strings.HasSuffix(w, "ed"):
		return undouble(w[:n-2])
	case n > 3 && strings.HasSuffix(w, "s") && !strings.HasSuffix(w, "ss") && !strings.HasSuffix(w, "us") && !strings.HasSuffix(w, "is"):
		return w[:n-1]
	}
	return w
}

// undouble drops the doubled final consonant of a stem ("stabb" → "stab")
// and a final e ("arrive" of "arrived" is "arriv": inflected forms meet
// one another, the bare "arrive" stays apart, a loss news text bears).
func undouble(s string) string {
	n := len(s)
	if n > 3 && s[n-1] == s[n-2] && !strings.ContainsRune("aeiouls", rune(s[n-1])) {
		return s[:n-1]
	}
	if n > 2 && strings.HasSuffix(s, "e") {
		return s[:n-1]
	}
	return s
}

// stopWords are the function words and reporting verbs content words
// leave out.
var stopWords = func() map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(`the and for are but not you all any can had her was one our out has his how its may new now
	old see two who did get him let put say she too use that with have this will your from they know want been good much some time
	very when come here just like long make many more only over such take than them well were what which their there would about
	after again also into could first other these those then where while being because before between both down during each few
	further most off once same should through under until upon whom why yet said says saying told tell tells according added
	around against among another away back became become even ever every made mr mrs ms per since still though three four five
	six seven eight nine ten year years day days week weeks month months today yesterday tomorrow monday tuesday wednesday thursday
	friday saturday sunday people percent last next including including however although already while whether without within
	news reported report reports reporting officials official told statement says its it's it’s he's she's don't can't won't
	we're they're i'm i've we've http www com html`) {
		m[w] = true
	}
	return m
}()

// textLen returns the end of the last token: the whole text counts as
// lead when it has no more sentences than the lead.
func textLen(a news.Analysis) int {
	if len(a.Tokens) == 0 {
		return 0
	}
	return a.Tokens[len(a.Tokens)-1].End
}
