package timex

import (
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/parallax-news/parallax/internal/news"
)

// token is a word, a number or a punctuation mark of the text.
type token struct {
	s, e  int
	kind  byte // 'w' word, 'n' number, 'p' punctuation
	glued bool // no space between it and the token before
	upper bool // starts with an upper-case letter
}

// Tagger finds time expressions. Its zero value is ready to use; it keeps
// scratch buffers and a cache of parsed calendar phrases between calls,
// so a Tagger must not be used by two goroutines at once (keep one per
// worker, or take them from a sync.Pool). What Tag returns depends on the
// text only.
type Tagger struct {
	toks  []token
	lower []byte
	low   string
	text  string
	out   []news.Time
	dates *dateCache
}

var taggers = sync.Pool{New: func() any { return new(Tagger) }}

// Tag returns the time expressions of txt in text order, using a pooled
// Tagger.
func Tag(txt string) []news.Time {
	t := taggers.Get().(*Tagger)
	defer taggers.Put(t)
	return t.Tag(txt)
}

// Tag returns the time expressions of txt in text order. The result is
// newly allocated and owned by the caller.
func (t *Tagger) Tag(txt string) []news.Time {
	t.text = txt
	t.tokenize()
	t.out = t.out[:0]
	for i := 0; i < len(t.toks); {
		if m, ok := t.match(i); ok && m.end > i {
			t.out = append(t.out, news.Time{Start: t.toks[i+m.skip].s, End: t.toks[m.end-1].e, Type: m.typ, Expr: m.expr})
			i = m.end
			continue
		}
		i++
	}
	res := make([]news.Time, len(t.out))
	copy(res, t.out)
	t.text, t.low = "", ""
	return res
}

// tokenize splits the text into tokens, with a lower-case copy (ASCII
// letters only, so offsets do not move) for the word lists.
func (t *Tagger) tokenize() {
	txt := t.text
	t.lower = append(t.lower[:0], txt...)
	for i, c := range t.lower {
		if 'A' <= c && c <= 'Z' {
			t.lower[i] = c + 'a' - 'A'
		}
	}
	t.low = string(t.lower)
	t.toks = t.toks[:0]
	prevEnd := -1
	for i := 0; i < len(txt); {
		c := txt[i]
		switch {
		case c == ' ' || c == '\t' || c == '\n' || c == '\r':
			i++
			continue
		case isDigit(c):
			j := i + 1
			for j < len(txt) {
				if isDigit(txt[j]) {
					j++
				} else if (txt[j] == ':' || txt[j] == '/' || txt[j] == ',' || txt[j] == '.') && j+1 < len(txt) && isDigit(txt[j+1]) {
					j += 2
				} else {
					break
				}
			}
			// 1990s, 25th: letters glued to digits stay in the token.
			for j < len(txt) && isLetter(txt[j]) {
				j++
			}
			t.add(i, j, 'n', prevEnd)
			prevEnd = j
			i = j
		case isLetter(c):
			if (c == 'a' || c == 'p' || c == 'A' || c == 'P') && i+4 <= len(txt) && (txt[i+1] == '.' && (txt[i+2] == 'm' || txt[i+2] == 'M') && txt[i+3] == '.') {
				t.add(i, i+4, 'w', prevEnd)
				prevEnd = i + 4
				i += 4
				continue
			}
			j := i + 1
			for j < len(txt) && (isLetter(txt[j]) || isDigit(txt[j])) {
				j++
			}
			t.add(i, j, 'w', prevEnd)
			prevEnd = j
			i = j
		case c >= 0x80:
			j := i + 1
			for j < len(txt) && txt[j]&0xC0 == 0x80 {
				j++
			}
			t.add(i, j, 'p', prevEnd)
			prevEnd = j
			i = j
		default:
			if c == '\'' && i+1 < len(txt) && isLetter(txt[i+1]) {
				// 's, 'll: the apostrophe opens a word.
				j := i + 1
				for j < len(txt) && isLetter(txt[j]) {
					j++
				}
				t.add(i, j, 'w', prevEnd)
				prevEnd = j
				i = j
				continue
			}
			t.add(i, i+1, 'p', prevEnd)
			prevEnd = i + 1
			i++
		}
	}
}

func (t *Tagger) add(s, e int, kind byte, prevEnd int) {
	c := t.text[s]
	t.toks = append(t.toks, token{s: s, e: e, kind: kind, glued: s == prevEnd, upper: 'A' <= c && c <= 'Z'})
}

func isDigit(c byte) bool  { return '0' <= c && c <= '9' }
func isLetter(c byte) bool { return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' }

// w returns token i in lower case, "" past the end.
func (t *Tagger) w(i int) string {
	if i < 0 || i >= len(t.toks) {
		return ""
	}
	return t.low[t.toks[i].s:t.toks[i].e]
}

// raw returns token i as written.
func (t *Tagger) raw(i int) string {
	if i < 0 || i >= len(t.toks) {
		return ""
	}
	return t.text[t.toks[i].s:t.toks[i].e]
}

// hyphen reports whether token i is a hyphen glued to its neighbours.
func (t *Tagger) hyphen(i int) bool {
	return i > 0 && i+1 < len(t.toks) && t.w(i) == "-" && t.toks[i].glued && t.toks[i+1].glued
}

// m is a match: tokens [start+skip, end) with a type and a reading.
type m struct {
	end  int
	skip int // leading tokens matched but left out of the span
	typ  string
	expr string
}

// match tries the patterns at token i; modifiers ("early", "late",
// "the end of", "about") extend the expression that follows them.
func (t *Tagger) match(i int) (m, bool) {
	k := t.modifier(i)
	if k > 0 {
		if r, ok := t.core(i + k); ok && r.skip == 0 && (!approximators[t.w(i)] || t.w(i) == "nearly" || t.w(i) == "around" || isShift(r.expr)) {
			r.end = max(r.end, i+k+1)
			if k == 4 && t.w(i+2) == "half" && len(r.expr) == 4 && isDigit(r.expr[0]) {
				// the second half of 1989: its half year
				r.expr += "-H" + map[bool]string{true: "1", false: "2"}[t.w(i+1) == "first"]
			}
			return r, true
		}
	}
	return t.core(i)
}

// isShift reports whether a reading counts back or ahead from the
// anchor ("two years ago"). TimeBank keeps "about" and "almost" in such
// expressions ("about two years ago") but mostly leaves them out of
// durations, clock times and days ("about three days", "around
// Wednesday").
func isShift(expr string) bool {
	return strings.HasPrefix(expr, "AGO:") || strings.HasPrefix(expr, "LATER:")
}

// modifier returns how many tokens of a modifier start at i, 0 if none.
func (t *Tagger) modifier(i int) int {
	switch t.w(i) {
	case "early", "late", "mid", "earlier", "later", "around", "about", "almost", "nearly",
		"approximately", "roughly", "barely":
		if t.w(i) == "mid" && t.hyphen(i+1) {
			return 2
		}
		return 1
	case "more", "less":
		if t.w(i+1) == "than" {
			return 2
		}
	case "at":
		if t.w(i+1) == "least" || t.w(i+1) == "most" {
			return 2
		}
	case "up":
		if t.w(i+1) == "to" {
			return 2
		}
	case "the":
		switch t.w(i + 1) {
		case "early", "late", "mid":
			// the early 1980s, the mid-1990s
			k := 2
			if t.hyphen(i + 2) {
				k++
			}
			if i+k < len(t.toks) && t.toks[i+k].kind == 'n' {
				return k
			}
		case "end", "beginning", "start", "middle", "rest", "turn":
			if t.w(i+2) == "of" {
				return 3
			}
		case "first", "second", "latter", "last":
			if t.w(i+2) == "half" && t.w(i+3) == "of" {
				return 4
			}
		}
	case "end", "beginning":
		if t.w(i+1) == "of" {
			return 2
		}
	}
	return 0
}

// core matches one time expression at token i.
func (t *Tagger) core(i int) (m, bool) {
	if i >= len(t.toks) {
		return m{}, false
	}
	tk := t.toks[i]
	wd := t.w(i)
	if tk.kind == 'n' {
		return t.number(i)
	}
	if tk.kind != 'w' {
		return m{}, false
	}
	if mo, ok := monthNames[wd]; ok {
		return t.month(i, mo)
	}
	if d, ok := weekdayNames[wd]; ok && (len(wd) > 5 || tk.upper && i+1 < len(t.toks) && t.toks[i+1].glued && (t.w(i+1) == "." || t.w(i+1) == "," && t.dateAfter(i+2))) {
		return t.weekday(i, d, t.direction(i))
	}
	if d, ok := weekdayPlurals[wd]; ok {
		end := i + 1
		v := "XXXX-WXX-" + strconv.Itoa(d)
		if p, ok := partsOfDay[strings.TrimSuffix(t.w(i+1), "s")]; ok {
			end++
			v += p
		}
		return m{end: end, typ: news.TimeSet, expr: v}, true
	}
	if h, end, ok := t.holiday(i); ok {
		return m{end: end, typ: news.TimeDate, expr: h + t.direction(i)}, true
	}
	switch wd {
	case "today":
		return t.dayWord(i, 0)
	case "yesterday":
		return t.dayWord(i, -1)
	case "tomorrow":
		return t.dayWord(i, 1)
	case "tonight":
		return m{end: i + 1, typ: news.TimeTime, expr: "DAY+0TNI"}, true
	case "noon", "midday", "midnight":
		return t.clockWord(i)
	case "daily":
		return m{end: i + 1, typ: news.TimeSet, expr: "P1D"}, true
	case "weekly":
		return m{end: i + 1, typ: news.TimeSet, expr: "P1W"}, true
	case "monthly":
		return m{end: i + 1, typ: news.TimeSet, expr: "P1M"}, true
	case "annually", "yearly", "annual":
		if wd == "annual" {
			return m{}, false
		}
		return m{end: i + 1, typ: news.TimeSet, expr: "P1Y"}, true
	case "hourly":
		return m{end: i + 1, typ: news.TimeSet, expr: "PT1H"}, true
	case "first", "second", "third", "fourth":
		// third-quarter, fourth quarter: a quarter of the anchor's year
		return t.quarter(i, i, 0, "XXXX")
	case "nineteen", "twenty":
		return t.spokenYear(i)
	case "mid":
		// mid-1996 is read by the modifier path
		return m{}, false
	case "every", "each", "per":
		return t.set(i)
	case "this", "last", "next", "past", "coming", "previous", "the", "that", "recent",
		"current", "following", "prior", "latest", "same", "these", "those", "fiscal", "earlier", "later":
		if r, ok := t.determined(i); ok {
			return r, true
		}
	case "year", "quarter":
		// year-earlier, year-ago
		if t.hyphen(i+1) && (t.w(i+2) == "earlier" || t.w(i+2) == "ago") {
			return m{end: i + 3, typ: news.TimeDate, expr: "AGO:P1Y"}, true
		}
		// year-end, year end, year's end
		if wd == "year" && (t.hyphen(i+1) && t.w(i+2) == "end" || t.w(i+1) == "end" || t.w(i+1) == "'s" && t.w(i+2) == "end") {
			end := i + 2
			if t.w(i+1) != "end" {
				end++
			}
			return m{end: end, typ: news.TimeDate, expr: "YEAR+0"}, true
		}
	case "overnight":
		// the night before the day last spoken of
		return m{end: i + 1, typ: news.TimeTime, expr: "THENDAY-1TNI"}, true
	}
	if v, ok := refWords[wd]; ok && v != "" {
		if wd == "current" || wd == "recent" {
			// "current" and "recent" qualify a noun; only a few are times.
			if wd == "recent" {
				if u, ok := units[t.w(i+1)]; ok && strings.HasSuffix(t.w(i+1), "s") {
					return recentUnits(i+2, u), true
				}
			}
			// TimeBank marks "current" before a noun ("the current
			// weakness", "its current position") as the present more
			// often than not; "recent" before one it mostly leaves.
			if !t.currentTime(i) && !(wd == "current" && t.w(i-1) != "then" && i+1 < len(t.toks) && t.toks[i+1].kind == 'w') {
				return m{}, false
			}
		}
		if wd == "soon" && (t.w(i-1) == "as" && t.w(i+1) == "as" || strings.HasPrefix(t.w(i+1), "after")) {
			// "as soon as", "soon after": a conjunction, not a time
			return m{}, false
		}
		if wd == "earlier" || wd == "once" {
			// "Earlier," opening a sentence; elsewhere it compares.
			if !(t.sentenceStart(i) && t.w(i+1) == ",") {
				return m{}, false
			}
		}
		return m{end: i + 1, typ: news.TimeDate, expr: v}, true
	}
	if n, vague, j, ok := t.count(i); ok {
		if r, ok := t.duration(i, j, n, vague); ok {
			return r, true
		}
	}
	if u, ok := units[wd]; ok && strings.HasSuffix(wd, "s") && u != "Q" && u != "WE" && wd != "nights" && wd != "seconds" {
		// "for years", "decades of war": an unknown number of units.
		if t.w(i+1) == "ago" {
			return m{end: i + 2, typ: news.TimeDate, expr: "PAST_REF"}, true
		}
		if t.w(i-1) == "for" || t.w(i-1) == "in" || t.w(i-1) == "over" || t.w(i-1) == "within" || t.w(i+1) == "of" && t.w(i-1) != "the" {
			return m{end: i + 1, typ: news.TimeDuration, expr: durationValue("X", u)}, true
		}
	}
	return m{}, false
}

// dateAfter reports whether a day of a month starts at token i: "Sun,
// Oct. 22" is a date, "Sun, Hewlett-Packard and others" a company.
func (t *Tagger) dateAfter(i int) bool {
	if _, ok := monthNames[t.w(i)]; ok {
		return true
	}
	_, ok := t.dayNumber(i)
	return ok
}

// currentTime reports whether "current" or "recent" at i is a time: on
// its own or before a word for a period ("the current quarter" is matched
// elsewhere).
func (t *Tagger) currentTime(i int) bool {
	switch t.w(i + 1) {
	case "", ".", ",", ";", ")":
		return true
	}
	return false
}

// sentenceStart reports whether token i opens a sentence.
func (t *Tagger) sentenceStart(i int) bool {
	if i == 0 {
		return true
	}
	switch t.w(i - 1) {
	case ".", "!", "?", "\"", "``", "_", "--":
		return true
	}
	return strings.Contains(t.text[t.toks[i-1].e:t.toks[i].s], "\n")
}

// dayWord matches today, yesterday, tomorrow and a part of day after
// them: "yesterday morning".
func (t *Tagger) dayWord(i, n int) (m, bool) {
	expr := "DAY" + signed(n)
	if p, ok := partsOfDay[t.w(i+1)]; ok {
		return m{end: i + 2, typ: news.TimeTime, expr: expr + p}, true
	}
	if t.w(i+1) == "'s" {
		return m{end: i + 1, typ: news.TimeDate, expr: expr}, true
	}
	return m{end: i + 1, typ: news.TimeDate, expr: expr}, true
}

func signed(n int) string {
	if n < 0 {
		return strconv.Itoa(n)
	}
	return "+" + strconv.Itoa(n)
}

// clockWord matches noon, midday and midnight, with a day after them.
func (t *Tagger) clockWord(i int) (m, bool) {
	hh := "T12:00"
	if t.w(i) == "midnight" {
		hh = "T24:00"
	}
	return t.clockDay(i+1, hh)
}

// clockDay attaches a clock time ending before token j to a day
// expression that may follow it ("10 p.m. Wednesday").
func (t *Tagger) clockDay(j int, hh string) (m, bool) {
	k := j
	if t.w(k) == "," || t.w(k) == "on" {
		k++
	}
	if r, ok := t.core(k); ok && r.skip == 0 && r.typ == news.TimeDate && isDayExpr(r.expr) {
		return m{end: r.end, typ: news.TimeTime, expr: r.expr + hh}, true
	}
	return m{end: j, typ: news.TimeTime, expr: "DAY+0" + hh}, true
}

// isDayExpr reports whether a reading names a day, to which a clock time
// can be added.
func isDayExpr(e string) bool {
	if strings.HasPrefix(e, "DAY") || strings.HasPrefix(e, "DOW") {
		return !strings.Contains(e, "T")
	}
	return len(e) == 10 && e[4] == '-' && e[7] == '-' || len(e) == 10 && strings.HasPrefix(e, "XXXX-") ||
		len(e) == 11 && strings.HasPrefix(e, "XXXX-") && (e[10] == '<' || e[10] == '>')
}

// month matches a month name and what completes it: "February",
// "Feb. 25", "February 25, 2019", "August 1988".
func (t *Tagger) month(i, mo int) (m, bool) {
	wd := t.w(i)
	j := i + 1
	if t.w(j) == "." && len(wd) <= 4 {
		j++
	}
	abbrev := len(wd) <= 4 && wd != "may" && wd != "june" && wd != "july"
	if !t.toks[i].upper {
		return m{}, false
	}
	day, year := 0, 0
	if d, ok := t.dayNumber(j); ok {
		day = d
		j++
		k := j
		if t.w(k) == "," {
			k++
		}
		if y, ok := t.yearNumber(k); ok {
			year = y
			j = k + 1
		}
	} else if y, ok := t.yearNumber(j); ok {
		year = y
		j++
	} else if r, ok := t.spokenYear(j); ok && (t.w(j) == "nineteen" || t.w(j) == "twenty") {
		// January nineteen ninety-seven
		year, _ = strconv.Atoi(r.expr)
		j = r.end
	} else if t.w(j) == "of" {
		if y, ok := t.yearNumber(j + 1); ok {
			year = y
			j += 2
		}
	}
	if day == 0 && year == 0 {
		// February this year, June last year
		if t.w(j+1) == "year" {
			switch t.w(j) {
			case "this", "last", "next":
				n := map[string]string{"this": "+0", "last": "-1", "next": "+1"}[t.w(j)]
				return m{end: j + 2, typ: news.TimeDate, expr: "YEAR" + n + "-" + pad2(mo)}, true
			}
		}
		// A month on its own: "may" and "march" are verbs too, and
		// "Jan" or "Sept" without a date a name.
		if abbrev && j == i+1 {
			return m{}, false // "Jan Kavan"
		}
		if wd == "may" || wd == "march" || abbrev {
			switch t.w(i - 1) {
			case "in", "last", "next", "this", "early", "late", "mid", "since", "until", "by", "of", "during", "from", "through", "to", "-", "and", "between", "before", "after", "that", "each", "every":
			default:
				return m{}, false
			}
		}
		return m{end: j, typ: news.TimeDate, expr: "XXXX-" + pad2(mo) + t.direction(i)}, true
	}
	if year == 0 {
		return m{end: j, typ: news.TimeDate, expr: "XXXX-" + pad2(mo) + "-" + pad2(day) + t.direction(i)}, true
	}
	if day == 0 {
		return m{end: j, typ: news.TimeDate, expr: strconv.Itoa(year) + "-" + pad2(mo)}, true
	}
	return m{end: j, typ: news.TimeDate, expr: t.calendar(i, j, year, mo, day)}, true
}

// calendar reads a full calendar date found at tokens [i, j) with the
// date parser, falling back on what the scanner read when the parser
// disagrees or fails.
func (t *Tagger) calendar(i, j, year, mo, day int) string {
	own := strconv.Itoa(year) + "-" + pad2(mo) + "-" + pad2(day)
	if time.Date(year, time.Month(mo), day, 0, 0, 0, 0, time.UTC).Day() != day {
		// February 30: keep what is sure, the month
		return own[:7]
	}
	if t.dates == nil {
		t.dates = newDateCache()
	}
	if v, ok := t.dates.parse(t.text[t.toks[i].s:t.toks[j-1].e]); ok {
		return v
	}
	return own
}

// dayNumber reads a day of the month at token i: "25", "25th".
func (t *Tagger) dayNumber(i int) (int, bool) {
	if i >= len(t.toks) || t.toks[i].kind != 'n' {
		return 0, false
	}
	s := t.w(i)
	s = strings.TrimSuffix(strings.TrimSuffix(strings.TrimSuffix(strings.TrimSuffix(s, "th"), "st"), "nd"), "rd")
	if len(s) > 2 {
		return 0, false
	}
	n, err := strconv.Atoi(s)
	if err != nil || n < 1 || n > 31 {
		return 0, false
	}
	// "Feb. 25 percent" is not a date.
	if nx := t.w(i + 1); nx == "%" || nx == "percent" || nx == "-" {
		return 0, false
	}
	return n, true
}

// yearNumber reads a year at token i: four digits between 1000 and 2099.
func (t *Tagger) yearNumber(i int) (int, bool) {
	if i >= len(t.toks) || t.toks[i].kind != 'n' {
		return 0, false
	}
	s := t.w(i)
	if len(s) != 4 {
		return 0, false
	}
	n, err := strconv.Atoi(s)
	if err != nil || n < 1000 || n > 2099 {
		return 0, false
	}
	return n, true
}

func pad2(n int) string {
	if n < 10 {
		return "0" + strconv.Itoa(n)
	}
	return strconv.Itoa(n)
}

// weekday matches a weekday and what completes it: "Monday",
// "Monday morning", "Monday, February 25", "Monday, Feb. 25, 2019".
func (t *Tagger) weekday(i, d int, dir string) (m, bool) {
	j := i + 1
	if t.w(j) == "." && len(t.w(i)) <= 5 {
		j++
	}
	k := j
	if t.w(k) == "," {
		k++
	}
	if mo, ok := monthNames[t.w(k)]; ok {
		if r, ok := t.month(k, mo); ok && r.end > k+1 {
			e := r.expr
			if strings.HasPrefix(e, "XXXX-") && len(e) >= 10 {
				e = e[:10] + "/" + strconv.Itoa(d)
			}
			return m{end: r.end, typ: news.TimeDate, expr: e}, true
		}
	}
	if d2, ok := t.dayNumber(k); ok && t.w(k+1) != "," {
		// Monday 25 February
		if mo, ok := monthNames[t.w(k+1)]; ok {
			e := "XXXX-" + pad2(mo) + "-" + pad2(d2) + "/" + strconv.Itoa(d)
			end := k + 2
			if t.w(end) == "." {
				end++
			}
			if y, ok := t.yearNumber(end); ok {
				e = t.calendar(k, end+1, y, mo, d2)
				end++
			}
			return m{end: end, typ: news.TimeDate, expr: e}, true
		}
	}
	if p, ok := partsOfDay[strings.TrimSuffix(t.w(j), "s")]; ok && strings.HasSuffix(t.w(j), "s") {
		// "Tuesday nights": every Tuesday night
		return m{end: j + 1, typ: news.TimeSet, expr: "XXXX-WXX-" + strconv.Itoa(d) + p}, true
	}
	if t.w(j) == "and" {
		// "Monday and Tuesday nights": both recur
		if d2, ok := weekdayNames[t.w(j+1)]; ok && d2 > 0 && strings.HasSuffix(t.w(j+2), "s") {
			if p, ok := partsOfDay[strings.TrimSuffix(t.w(j+2), "s")]; ok {
				return m{end: j, typ: news.TimeSet, expr: "XXXX-WXX-" + strconv.Itoa(d) + p}, true
			}
		}
	}
	if t.w(j) == "'s" || partsOfDay[t.w(j)] != "" && t.w(j+1) == "'s" {
		// "Wednesday's ruling": an event the article reports, past
		dir = "<"
	}
	e := "DOW" + strconv.Itoa(d) + dir
	if p, ok := partsOfDay[t.w(j)]; ok {
		return m{end: j + 1, typ: news.TimeTime, expr: e + p}, true
	}
	return m{end: j, typ: news.TimeDate, expr: e}, true
}

// number matches expressions that start with a number: years, dates in
// digits, "25 February", clock times, durations.
func (t *Tagger) number(i int) (m, bool) {
	s := t.w(i)
	// ISO dates: 1998-08-07.
	if len(s) == 4 && t.hyphen(i+1) && len(t.w(i+2)) == 2 && t.hyphen(i+3) && len(t.w(i+4)) == 2 && t.toks[i+2].kind == 'n' && t.toks[i+4].kind == 'n' {
		y, _ := t.yearNumber(i)
		mo, _ := strconv.Atoi(t.w(i + 2))
		d, _ := strconv.Atoi(t.w(i + 4))
		if y > 0 && mo >= 1 && mo <= 12 && d >= 1 && d <= 31 {
			return m{end: i + 5, typ: news.TimeDate, expr: t.calendar(i, i+5, y, mo, d)}, true
		}
	}
	// 08/07/1998 (American order, as in the wire copy).
	if strings.Count(s, "/") == 2 {
		p := strings.Split(s, "/")
		mo, e1 := strconv.Atoi(p[0])
		d, e2 := strconv.Atoi(p[1])
		y, e3 := strconv.Atoi(p[2])
		if e1 == nil && e2 == nil && e3 == nil && mo >= 1 && mo <= 12 && d >= 1 && d <= 31 {
			if y < 100 {
				y += 1900
				if y < 1950 {
					y += 100
				}
			}
			return m{end: i + 1, typ: news.TimeDate, expr: strconv.Itoa(y) + "-" + pad2(mo) + "-" + pad2(d)}, true
		}
	}
	// Clock times: 10:35 a.m., 10 p.m., 7:15 pm.
	if r, ok := t.clock(i); ok {
		return r, true
	}
	// 25 February [2019]
	if d, ok := t.dayNumber(i); ok {
		k := i + 1
		if t.w(k) == "of" {
			k++
		}
		if mo, ok := monthNames[t.w(k)]; ok && t.toks[k].upper {
			end := k + 1
			if t.w(end) == "." {
				end++
			}
			if y, ok := t.yearNumber(end); ok {
				return m{end: end + 1, typ: news.TimeDate, expr: t.calendar(i, end+1, y, mo, d)}, true
			}
			return m{end: end, typ: news.TimeDate, expr: "XXXX-" + pad2(mo) + "-" + pad2(d) + t.direction(i)}, true
		}
	}
	// 20th century: the TIMEX3 century 19
	if c, ok := t.centuryOrdinal(i); ok {
		return m{end: i + 2, typ: news.TimeDate, expr: c}, true
	}
	// Decades: 1990s, 1990's.
	if len(s) == 5 && s[4] == 's' {
		if n, err := strconv.Atoi(s[:4]); err == nil && n >= 1000 && n < 2100 && n%10 == 0 {
			return m{end: i + 1, typ: news.TimeDate, expr: s[:3]}, true
		}
	}
	if y, ok := t.yearNumber(i); ok {
		if t.w(i+1) == "'s" || t.w(i+1) == "'" && t.w(i+2) == "s" {
			if y%10 == 0 && t.w(i+1) == "'s" && t.w(i+2) != "first" && t.w(i+2) != "second" && t.w(i+2) != "third" && t.w(i+2) != "fourth" {
				return m{end: i + 2, typ: news.TimeDate, expr: strconv.Itoa(y)[:3]}, true
			}
		}
		if t.isYear(i) {
			return m{end: i + 1, typ: news.TimeDate, expr: strconv.Itoa(y)}, true
		}
	}
	if n, vague, j, ok := t.count(i); ok {
		return t.duration(i, j, n, vague)
	}
	return m{}, false
}

// spokenYear reads a year in words: "nineteen ninety-six".
func (t *Tagger) spokenYear(i int) (m, bool) {
	c := numberWords[t.w(i)]
	j := i + 1
	tens, ok := numberWords[t.w(j)]
	if !ok || tens < 10 || t.w(j) == "hundred" || t.w(j) == "dozen" {
		return m{}, false
	}
	j++
	if tens >= 20 && t.hyphen(j) {
		if u, ok := numberWords[t.w(j+1)]; ok && u > 0 && u < 10 && t.w(j+1) != "a" && t.w(j+1) != "an" {
			tens += u
			j += 2
		}
	} else if tens >= 20 {
		if u, ok := numberWords[t.w(j)]; ok && u > 0 && u < 10 && t.w(j) != "a" && t.w(j) != "an" {
			tens += u
			j++
		}
	}
	if _, ok := units[t.w(j)]; ok {
		return m{}, false
	}
	return m{end: j, typ: news.TimeDate, expr: strconv.Itoa(c*100 + tens)}, true
}

// isYear reports whether the four-digit number at i is a year rather than
// an amount.
func (t *Tagger) isYear(i int) bool {
	switch t.w(i - 1) {
	case "$", "#", "no", "number", "flight", "route", "rs", "no.":
		return false
	case "-":
		if t.w(i-2) != "mid" {
			return false
		}
	}
	switch t.w(i + 1) {
	case "%", "percent", "people", "troops", "shares", "points", "feet", "meters",
		"miles", "kilometers", "tons", "yen", "dollars", "pounds", "barrels", "jobs":
		return false
	}
	if t.toks[i].glued && i > 0 && t.toks[i-1].kind == 'p' && t.w(i-1) != "(" && !(t.w(i-1) == "-" && t.w(i-2) == "mid") {
		return false
	}
	return true
}

// clock matches a clock time at i: "10:35 a.m.", "10 p.m.", "22:00", with
// a time zone and a day after it.
func (t *Tagger) clock(i int) (m, bool) {
	s := t.w(i)
	h, mi := -1, 0
	if c := strings.IndexByte(s, ':'); c > 0 {
		hh, e1 := strconv.Atoi(s[:c])
		mm, e2 := strconv.Atoi(s[c+1:])
		if e1 != nil || e2 != nil || hh > 24 || mm > 59 {
			return m{}, false
		}
		h, mi = hh, mm
	} else if n, err := strconv.Atoi(s); err == nil && n >= 1 && n <= 12 {
		h = n
	} else {
		return m{}, false
	}
	j := i + 1
	switch t.w(j) {
	case "a.m.", "am":
		if h == 12 {
			h = 0
		}
		j++
	case "p.m.", "pm":
		if h < 12 {
			h += 12
		}
		j++
	case "o'clock":
		j++
	default:
		if !strings.Contains(s, ":") {
			return m{}, false
		}
		if t.w(j) == "in" && t.w(j+1) == "the" {
			if p, ok := partsOfDay[t.w(j+2)]; ok {
				if p != "TMO" && h < 12 {
					h += 12
				}
				j += 3
			}
		}
	}
	switch t.w(j) {
	case "est", "edt", "gmt", "utc", "pst", "pdt", "cst", "cdt", "et", "bst", "cet":
		j++
	}
	if !strings.Contains(s, ":") && j == i+1 {
		return m{}, false
	}
	return t.clockDay(j, "T"+pad2(h)+":"+pad2(mi))
}

// holiday reads the name of a holiday at i: "Thanksgiving (Day)",
// "Election Day", "Christmas (Day, Eve)", "New Year's Day (Eve)",
// "Independence Day". It returns its reading without a direction and
// the token after it. Holidays on a fixed day are read as that day of a
// year left open ("XXXX-12-25"), the others as HOL:name.
func (t *Tagger) holiday(i int) (string, int, bool) {
	if i >= len(t.toks) || !t.toks[i].upper {
		return "", 0, false
	}
	day := func(k int) bool { return t.w(k) == "day" && t.toks[k].upper }
	switch t.w(i) {
	case "thanksgiving":
		if day(i + 1) {
			return "HOL:thanksgiving", i + 2, true
		}
		return "HOL:thanksgiving", i + 1, true
	case "election":
		if day(i + 1) {
			return "HOL:election", i + 2, true
		}
	case "independence":
		if day(i + 1) {
			return "XXXX-07-04", i + 2, true
		}
	case "christmas":
		switch {
		case day(i + 1):
			return "XXXX-12-25", i + 2, true
		case t.w(i+1) == "eve" && t.toks[i+1].upper:
			return "XXXX-12-24", i + 2, true
		}
		return "XXXX-12-25", i + 1, true
	case "new":
		if t.w(i+1) == "year" && t.w(i+2) == "'s" && i+3 < len(t.toks) && t.toks[i+3].upper {
			switch t.w(i + 3) {
			case "day":
				return "XXXX-01-01", i + 4, true
			case "eve":
				return "XXXX-12-31", i + 4, true
			}
		}
	}
	return "", 0, false
}
