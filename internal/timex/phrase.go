package timex

import (
	"strconv"
	"strings"

	"github.com/parallax-news/parallax/internal/news"
)

// count reads a number of units at i: "two", "11", "a", "several",
// "a few", "twenty four", "a couple of". vague is set for counts without
// a number; j is the token after the count.
func (t *Tagger) count(i int) (n int, vague bool, j int, ok bool) {
	wd := t.w(i)
	if i < len(t.toks) && t.toks[i].kind == 'n' {
		s := strings.ReplaceAll(wd, ",", "")
		if f, err := strconv.ParseFloat(s, 64); err == nil && f > 0 && f < 10000 && f == float64(int(f)) {
			return int(f), false, i + 1, true
		}
		return 0, false, i, false
	}
	if wd == "a" || wd == "an" {
		switch t.w(i + 1) {
		case "few", "couple":
			j := i + 2
			if t.w(j) == "of" {
				j++
			}
			if t.w(i+1) == "couple" {
				// "a couple of years": TimeML reads two
				return 2, false, j, true
			}
			return 0, true, j, true
		}
	}
	if wd == "couple" {
		j := i + 1
		if t.w(j) == "of" {
			j++
		}
		return 2, false, j, true
	}
	if vague := vagueNumbers[wd]; vague {
		j := i + 1
		if t.w(j) == "of" {
			j++
		}
		return 0, true, j, true
	}
	v, ok := numberWords[wd]
	if !ok {
		return 0, false, i, false
	}
	j = i + 1
	if v >= 20 && v < 100 {
		// twenty four, twenty-four
		k := j
		if t.hyphen(k) {
			k++
		}
		if u, ok := numberWords[t.w(k)]; ok && u < 10 && u > 0 && t.w(k) != "a" && t.w(k) != "an" {
			v += u
			j = k + 1
		}
	}
	if t.w(j) == "hundred" {
		v *= 100
		j++
	}
	return v, false, j, true
}

// durationValue writes a TIMEX3 duration of n units ("X" for an unknown
// number).
func durationValue(n string, u string) string {
	switch u {
	case "2W":
		if n == "1" {
			return "P2W"
		}
		u = "W"
	case "WE":
		return "P2D"
	case "DE", "CE":
		// a decade is P10Y, a century P100Y, as TimeBank writes them
		if k, err := strconv.Atoi(n); err == nil {
			if u == "DE" {
				return "P" + strconv.Itoa(10*k) + "Y"
			}
			return "P" + strconv.Itoa(100*k) + "Y"
		}
		// an unknown number of them in TimeBank's letters: "centuries"
		// PXC, "decades" PXE
		if u == "DE" {
			return "P" + n + "E"
		}
		return "P" + n + "C"
	case "ML":
		return "P" + n + "L"
	}
	if u[0] == 'T' {
		return "PT" + n + u[1:]
	}
	return "P" + n + u
}

// duration matches a count at [i, j) followed by a unit: "two years",
// "11-year", "several months", "two years ago", "a year earlier".
func (t *Tagger) duration(i, j, n int, vague bool) (m, bool) {
	k := j
	half := false
	if t.w(k) == "1/2" && !vague {
		// 2 1/2 years
		half = true
		k++
	}
	switch t.w(k) {
	case "trading", "business", "working", "additional", "extra", "further":
		// eight trading days, an additional year
		if _, ok := units[t.w(k+1)]; ok {
			k++
		}
	}
	if t.w(k) == "more" && k > i {
		// two more weeks: as long as two weeks
		if u, ok := units[t.w(k+1)]; ok && u != "WE" {
			k++
		}
	}
	if t.hyphen(k) {
		k++
	}
	uw := t.w(k)
	u, ok := units[uw]
	if uw == "second" && (t.w(k+1) == "quarter" || t.w(k+1) == "half") {
		return m{}, false // the 1988 second quarter
	}
	if uw == "quarters" && k > j {
		return m{}, false // three-quarters: a fraction
	}
	if !ok {
		// "a 30-year" … the count may sit before a hyphenated unit.
		return m{}, false
	}
	if (t.w(i) == "a" || t.w(i) == "an") && j == i+1 && strings.HasSuffix(uw, "s") && !vague {
		return m{}, false
	}
	if u == "WE" || u == "Q" && (t.w(i) == "the" || t.w(i) == "a" || t.w(i) == "an") {
		return m{}, false
	}
	if !vague {
		// two decades is P20Y, three quarters P9M: TimeML's usage
		switch u {
		case "DE":
			n, u = 10*n, "Y"
		case "CE":
			n, u = 100*n, "Y"
		case "Q":
			n, u = 3*n, "M"
		}
	}
	num := strconv.Itoa(n)
	if vague {
		num = "X"
	}
	end := k + 1
	if !vague && t.w(end) == "and" && (t.w(end+1) == "a" || t.w(end+1) == "one") && t.w(end+2) == "half" {
		// a minute and a half
		half = true
		end += 3
	}
	if half {
		if v, ok := halfDuration(n, u); ok {
			return m{end: end, typ: news.TimeDuration, expr: v}, true
		}
		return m{}, false
	}
	if (t.w(i) == "a" || t.w(i) == "an") && j == i+1 && t.hyphen(end) && (t.w(end+1) == "earlier" || t.w(end+1) == "ago") {
		// "a year-earlier loss": the article stays out
		return m{end: end + 2, skip: 1, typ: news.TimeDate, expr: "AGO:" + durationValue("1", u)}, true
	}
	if t.hyphen(end) && t.w(end+1) == "old" {
		return m{}, false // 6-year-old: an age
	}
	switch t.w(end) {
	case "ago":
		if vague {
			return m{end: end + 1, typ: news.TimeDate, expr: "PAST_REF"}, true
		}
		return m{end: end + 1, typ: news.TimeDate, expr: "AGO:" + durationValue(num, u)}, true
	case "earlier", "before":
		if !vague && t.w(end+1) != "than" {
			return m{end: end + 1, typ: news.TimeDate, expr: "AGO:" + durationValue(num, u)}, true
		}
	case "from":
		if t.w(end+1) == "now" {
			return m{end: end + 2, typ: news.TimeDate, expr: "LATER:" + durationValue(num, u)}, true
		}
	case "old":
		return m{}, false
	}
	if t.w(i) == "a" || t.w(i) == "an" {
		// "$5 a year" is a rate, a SET.
		if i > 0 && (t.toks[i-1].kind == 'n' || t.w(i-1) == "percent" || t.w(i-1) == "times" || t.w(i-1) == "once" || t.w(i-1) == "twice" || t.w(i-1) == "million" || t.w(i-1) == "billion" || t.w(i-1) == "cents") {
			return m{end: end, typ: news.TimeSet, expr: durationValue("1", u)}, true
		}
	}
	num = strconv.Itoa(n)
	if vague {
		num = "X"
	}
	if !vague && t.w(i-1) == "in" && t.toks[i].kind != 'p' && u[0] != 'T' && t.direction(i) == ">" {
		// "will be repaid in five years": the time that far ahead, a
		// date (TimeML); "the first rise in five years" stays a span
		return m{end: end, typ: news.TimeDate, expr: "LATER:" + durationValue(num, u)}, true
	}
	return m{end: end, typ: news.TimeDuration, expr: durationValue(num, u)}, true
}

// halfDuration writes n and a half units as TIMEX3 does: 2 1/2 years
// P2Y6M, 5 1/2 hours PT5H30M; false for units it does not halve.
func halfDuration(n int, u string) (string, bool) {
	s := strconv.Itoa(n)
	switch u {
	case "Y":
		return "P" + s + "Y6M", true
	case "D":
		return "P" + s + "DT12H", true
	case "TH":
		return "PT" + s + "H30M", true
	case "TM":
		return "PT" + s + "M30S", true
	}
	return "", false
}

// recentUnits reads "recent weeks" (ending before token end): an
// unknown number of units up to now, as TimeBank mostly marks them, but
// "recent years" the past at large.
func recentUnits(end int, u string) m {
	if u == "Y" {
		return m{end: end, typ: news.TimeDate, expr: "PAST_REF"}
	}
	return m{end: end, typ: news.TimeDuration, expr: durationValue("X", u)}
}

// set matches "every day", "each Thursday", "every two weeks",
// "per year".
func (t *Tagger) set(i int) (m, bool) {
	j := i + 1
	n := "1"
	if c, vague, k, ok := t.count(j); ok && !vague && t.w(j) != "a" {
		n = strconv.Itoa(c)
		j = k
	}
	wd := t.w(j)
	if u, ok := units[wd]; ok {
		if u == "WE" {
			return m{end: j + 1, typ: news.TimeSet, expr: "XXXX-WXX-WE"}, true
		}
		return m{end: j + 1, typ: news.TimeSet, expr: durationValue(n, u)}, true
	}
	if d, ok := weekdayNames[wd]; ok {
		return m{end: j + 1, typ: news.TimeSet, expr: "XXXX-WXX-" + strconv.Itoa(d)}, true
	}
	if mo, ok := monthNames[wd]; ok && t.toks[j].upper {
		return m{end: j + 1, typ: news.TimeSet, expr: "EVERY:XXXX-" + pad2(mo)}, true
	}
	if p, ok := partsOfDay[wd]; ok {
		return m{end: j + 1, typ: news.TimeSet, expr: "TXX" + p}, true
	}
	if s, ok := seasons[wd]; ok {
		return m{end: j + 1, typ: news.TimeSet, expr: "EVERY:XXXX-" + s}, true
	}
	return m{}, false
}

// determined matches expressions opened by a determiner or a word of
// relative position: "last week", "this year", "the third quarter",
// "the past two months", "next Monday", "the 1990s", "the future".
func (t *Tagger) determined(i int) (m, bool) {
	if r, ok := t.periodYearAgo(i); ok {
		return r, true
	}
	j := i
	det := t.w(j)
	if det == "the" || det == "that" || det == "these" || det == "those" {
		j++
		switch t.w(j) {
		case "past", "last", "next", "coming", "previous", "current", "latest", "following", "prior", "same", "first", "recent", "fiscal", "preceding", "upcoming", "most":
			det = det + " " + t.w(j)
			if t.w(j) == "most" && t.w(j+1) == "recent" {
				j++
			}
			j++
		}
	} else if (det == "earlier" || det == "later") && (t.w(j+1) == "this" || t.w(j+1) == "that" || t.w(j+1) == "in") {
		return m{}, false // the modifier path handles "earlier this year"
	} else {
		j++
	}
	if (det == "this" || det == "last" || det == "next") && t.w(j) == "year" && t.w(j+1) == "'s" {
		// this year's third quarter, last year's first half
		if r, ok := t.quarter(j+2, j+2, 0, "XXXX"); ok && r.end > j+2 {
			r.expr = "YEAR" + map[string]string{"this": "+0", "last": "-1", "next": "+1"}[det] + r.expr[4:]
			return r, true
		}
		if det == "last" && (t.w(j+2) == "quarter" || t.w(j+2) == "period") {
			// last year's quarter: the one reported on, a year earlier
			return m{end: j + 3, typ: news.TimeDate, expr: "AGO:P1Y"}, true
		}
	}
	if det == "fiscal" || det == "the fiscal" {
		if y, ok := t.yearNumber(j); ok {
			return m{end: j + 1, typ: news.TimeDate, expr: strconv.Itoa(y)}, true
		}
		if t.w(j) == "year" {
			if y, ok := t.yearNumber(j + 1); ok {
				return m{end: j + 2, typ: news.TimeDate, expr: strconv.Itoa(y)}, true
			}
		}
	}
	if t.w(j) == "fiscal" && (t.w(j+1) == "year" || t.w(j+1) == "quarter") && det != "the" && det != "fiscal" {
		// the current fiscal year, last fiscal year
		j++
	}
	wd := t.w(j)
	switch det {
	case "recent", "the recent":
		if u, ok := units[wd]; ok && strings.HasSuffix(wd, "s") {
			return recentUnits(j+1, u), true
		}
	case "the past":
		if _, ok := units[wd]; !ok {
			if _, _, _, ok := t.count(j); !ok {
				if _, ok := seasons[wd]; !ok {
					return m{end: j, typ: news.TimeDate, expr: "PAST_REF"}, true
				}
			}
		}
	}
	// the year-earlier quarter, the year-ago period
	if wd == "year" && t.hyphen(j+1) && (t.w(j+2) == "earlier" || t.w(j+2) == "ago") {
		end := j + 3
		switch t.w(end) {
		case "quarter", "period":
			end++
		case "first", "second", "third", "fourth":
			if t.w(end+1) == "quarter" {
				end += 2
			}
		}
		if end == j+3 && strings.HasPrefix(det, "the") {
			return m{end: end, skip: j - i, typ: news.TimeDate, expr: "AGO:P1Y"}, true
		}
		return m{end: end, typ: news.TimeDate, expr: "AGO:P1Y"}, true
	}
	if det == "the" {
		switch wd {
		case "nineties", "eighties", "seventies", "sixties", "fifties", "forties", "thirties", "twenties":
			d := map[string]string{"nineties": "199", "eighties": "198", "seventies": "197", "sixties": "196", "fifties": "195", "forties": "194", "thirties": "193", "twenties": "192"}[wd]
			return m{end: j + 1, typ: news.TimeDate, expr: d}, true
		}
		if c, ok := t.centuryOrdinal(j); ok {
			return m{end: j + 2, typ: news.TimeDate, expr: c}, true
		}
	}
	if det == "these" && wd == "days" {
		return m{end: j + 1, typ: news.TimeDate, expr: "PRESENT_REF"}, true
	}
	// the 1988 third quarter, the 1988 period
	if det == "the" {
		if y, ok := t.yearNumber(j); ok {
			if r, ok := t.quarter(j+1, j+1, 0, strconv.Itoa(y)); ok && r.typ == news.TimeDate && r.skip == 0 {
				return r, true
			}
			if w := t.w(j + 1); w == "quarter" || w == "period" {
				// the same quarter as the one the article reports on
				return m{end: j + 2, typ: news.TimeDate, expr: "YQ" + strconv.Itoa(y)}, true
			}
		}
	}
	// the 1990s, the '90s, the 1980's
	if det == "the" {
		if j < len(t.toks) && t.toks[j].kind == 'n' {
			s := wd
			if len(s) == 5 && s[4] == 's' || len(s) == 4 && t.w(j+1) == "'s" {
				if y, err := strconv.Atoi(s[:4]); err == nil && y%10 == 0 && y >= 1000 && y < 2100 {
					end := j + 1
					if len(s) == 4 {
						end++
					}
					return m{end: end, typ: news.TimeDate, expr: s[:3]}, true
				}
			}
		}
		if wd == "'" && j+1 < len(t.toks) && len(t.w(j+1)) == 3 && t.w(j + 1)[2] == 's' {
			if y, err := strconv.Atoi(t.w(j + 1)[:2]); err == nil && y%10 == 0 {
				return m{end: j + 2, typ: news.TimeDate, expr: "19" + t.w(j + 1)[:1]}, true
			}
		}
		switch wd {
		case "near", "short", "long":
			// the near future, the short term
			if nx := t.w(j + 1); nx == "term" || nx == "future" && wd == "near" {
				return m{end: j + 2, typ: news.TimeDate, expr: "FUTURE_REF"}, true
			}
		case "full":
			// the full year: the one of the report
			if t.w(j+1) == "year" && t.w(j+2) != "ended" && t.w(j+2) != "ending" {
				return m{end: j + 2, typ: news.TimeDate, expr: "YEAR+0"}, true
			}
		case "future":
			return m{end: j + 1, typ: news.TimeDate, expr: "FUTURE_REF"}, true
		case "past":
			return m{end: j + 1, typ: news.TimeDate, expr: "PAST_REF"}, true
		case "present":
			if t.w(j+1) != "day" {
				return m{end: j + 1, typ: news.TimeDate, expr: "PRESENT_REF"}, true
			}
		}
	}
	// ordinal quarters and halves: the third quarter, third-quarter
	if r, ok := t.quarter(i, j, 0, "XXXX"); ok && det != "last" && det != "next" && det != "this" {
		return r, true
	}
	rel := 0
	switch det {
	case "last", "past", "previous", "the past", "the last", "the previous", "the prior", "prior", "the preceding":
		rel = -1
	case "next", "coming", "the next", "the coming", "following", "the following", "upcoming", "the upcoming":
		rel = 1
	}
	// the past two months, the next three years: durations
	if strings.HasPrefix(det, "the") || det == "past" || det == "last" || det == "next" || det == "coming" {
		if n, vague, k, ok := t.count(j); ok && t.w(j) != "a" && t.w(j) != "an" {
			if r, ok := t.duration(j, k, n, vague); ok && r.typ == news.TimeDuration {
				r.end = max(r.end, k)
				if t.hyphen(k) && (det == "the" || det == "that") {
					// "the 11-year war": the article stays out
					r.skip = j - i
					return r, true
				}
				if det == "the first" || det == "the" || det == "the past" || det == "the last" || det == "the next" || det == "the coming" || det == "past" || det == "last" || det == "next" || det == "coming" {
					return r, true
				}
				r.skip = j - i
				return r, true
			}
		}
	}
	if h, end, ok := t.holiday(j); ok && (rel != 0 || det == "this") {
		// last Thanksgiving, next Christmas
		dir := ""
		switch {
		case rel < 0:
			dir = "<<"
		case rel > 0:
			dir = ">>"
		}
		return m{end: end, typ: news.TimeDate, expr: h + dir}, true
	}
	if d, ok := weekdayNames[wd]; ok && j < len(t.toks) && t.toks[j].upper && len(wd) > 5 {
		if det == "the previous" || det == "the preceding" {
			// "the previous Friday": the one before the day last
			// spoken of
			r, _ := t.weekday(j, d, "<<")
			r.expr = "THEN" + r.expr
			return r, true
		}
		dir := "<"
		switch {
		case rel > 0:
			dir = ">"
		case det == "this" || det == "that":
			dir = t.direction(j)
		}
		r, _ := t.weekday(j, d, dir)
		if rel < 0 && det == "last" {
			r.expr = strings.Replace(r.expr, "<", "<<", 1)
		}
		if det == "that" {
			r.skip = 0
		}
		return r, true
	}
	if mo, ok := monthNames[wd]; ok && j < len(t.toks) && t.toks[j].upper && (rel != 0 || det == "this") {
		if det == "this" {
			// "this September": the month of the anchor's year
			return m{end: j + 1, typ: news.TimeDate, expr: "YEAR+0-" + pad2(mo)}, true
		}
		dir := "<<"
		if rel > 0 {
			dir = ">>"
		}
		return m{end: j + 1, typ: news.TimeDate, expr: "XXXX-" + pad2(mo) + dir}, true
	}
	if s, ok := seasons[wd]; ok {
		dir := "<<"
		switch {
		case rel > 0:
			dir = ">>"
		case det == "this" || det == "the" || det == "that":
			dir = ""
		}
		if t.w(j+1) == "of" {
			// the winter of 1994, the summer of nineteen ninety-six
			if y, ok := t.yearNumber(j + 2); ok {
				return m{end: j + 3, typ: news.TimeDate, expr: strconv.Itoa(y) + "-" + s}, true
			}
			if r, ok := t.spokenYear(j + 2); ok && (t.w(j+2) == "nineteen" || t.w(j+2) == "twenty") {
				return m{end: r.end, typ: news.TimeDate, expr: r.expr + "-" + s}, true
			}
		}
		if det == "the" && wd != "summer" && wd != "winter" && wd != "spring" && wd != "autumn" {
			return m{}, false // "the fall of the wall"
		}
		return m{end: j + 1, typ: news.TimeDate, expr: "XXXX-" + s + dir}, true
	}
	if p, ok := partsOfDay[wd]; ok && (det == "this" || det == "last" || det == "the") {
		if det == "the" {
			return m{}, false
		}
		n := 0
		if det == "last" {
			n = -1
			if p != "TNI" && p != "TEV" {
				return m{}, false
			}
		}
		return m{end: j + 1, typ: news.TimeTime, expr: "DAY" + signed(n) + p}, true
	}
	if wd == "period" && (det == "the latest" || det == "latest") {
		return m{end: j + 1, typ: news.TimeDate, expr: "QUARTER-1"}, true
	}
	u, ok := units[wd]
	if !ok || strings.HasSuffix(wd, "s") && u != "DE" && u != "CE" {
		if wd == "decades" || wd == "years" || wd == "months" || wd == "weeks" || wd == "days" {
			switch det {
			case "recent", "the recent", "the past", "past", "the last", "last":
				return m{end: j + 1, typ: news.TimeDuration, expr: durationValue("X", units[wd])}, true
			case "the coming", "coming", "the next", "next":
				return m{end: j + 1, typ: news.TimeDuration, expr: durationValue("X", units[wd])}, true
			case "the":
				if t.w(j+1) == "ahead" {
					// the weeks ahead
					return m{end: j + 2, typ: news.TimeDuration, expr: durationValue("X", units[wd])}, true
				}
			}
		}
		return m{}, false
	}
	if strings.HasSuffix(wd, "s") {
		return m{}, false
	}
	end := j + 1
	unit := ""
	switch u {
	case "D":
		if wd != "day" {
			return m{}, false
		}
		unit = "DAY"
	case "W":
		unit = "WEEK"
	case "M":
		unit = "MONTH"
	case "Y":
		unit = "YEAR"
	case "Q":
		unit = "QUARTER"
	case "DE":
		unit = "DECADE"
	case "CE":
		unit = "CENTURY"
	case "WE":
		unit = "WEEKEND"
	default:
		return m{}, false
	}
	switch det {
	case "this", "the current", "current", "the latest", "latest", "the most recent":
		if det == "this" && t.toks[i].upper && t.toks[j].upper && t.text[t.toks[j].s+1] >= 'a' {
			// "This Week" with both words capitalized: the title of a show
			return m{}, false
		}
		if unit == "QUARTER" && det != "this" && det != "the current" && det != "current" {
			return m{end: end, typ: news.TimeDate, expr: "QUARTER-1"}, true
		}
		return m{end: end, typ: news.TimeDate, expr: unit + "+0"}, true
	case "last", "previous", "prior", "the previous", "the prior", "the preceding":
		if unit == "DAY" {
			return m{}, false
		}
		return m{end: end, typ: news.TimeDate, expr: unit + "-1"}, true
	case "next", "the next", "coming", "the coming", "the following", "following":
		if (det == "the following" || det == "following") && (unit == "DAY" || unit == "WEEK" || unit == "MONTH" || unit == "YEAR") {
			// "the following year": the one after the time last spoken of
			return m{end: end, typ: news.TimeDate, expr: "THEN" + unit + "+1"}, true
		}
		if unit == "DAY" {
			return m{}, false
		}
		if strings.HasPrefix(det, "the") && unit != "WEEKEND" {
			return m{end: end, typ: news.TimeDuration, expr: durationValue("1", u)}, true
		}
		return m{end: end, typ: news.TimeDate, expr: unit + "+1"}, true
	case "the past", "the last":
		// "the past year", "the last decade": TimeBank reads the period
		// before the present one, a date
		if unit == "YEAR" || unit == "DECADE" || unit == "WEEK" {
			return m{end: end, typ: news.TimeDate, expr: unit + "-1"}, true
		}
		return m{end: end, typ: news.TimeDuration, expr: durationValue("1", u)}, true
	case "past":
		return m{end: end, typ: news.TimeDuration, expr: durationValue("1", u)}, true
	case "the same", "that":
		switch unit {
		case "DAY":
			return m{end: end, typ: news.TimeDate, expr: "SAME"}, true
		case "WEEK", "MONTH", "QUARTER", "YEAR":
			// "that year", "the same month": the time last spoken of
			return m{end: end, typ: news.TimeDate, expr: "THEN" + unit + "+0"}, true
		}
		return m{}, false
	case "the", "the fiscal", "fiscal":
		switch unit {
		case "WEEK":
			// "for the week", "the week's busiest session": the week of
			// the report, which TimeBank leaves unnumbered
			if det == "the" && (t.w(end) == "'s" || t.w(i-1) == "for") {
				return m{end: end, typ: news.TimeDate, expr: "WEEKX"}, true
			}
		case "YEAR", "QUARTER", "WEEKEND":
			if unit == "YEAR" && det == "the" {
				// the year 2000, the year two thousand
				if y, ok := t.yearNumber(end); ok {
					return m{end: end + 1, typ: news.TimeDate, expr: strconv.Itoa(y)}, true
				}
				if t.w(end) == "two" && t.w(end+1) == "thousand" {
					return m{end: end + 2, typ: news.TimeDate, expr: "2000"}, true
				}
			}
			if unit == "QUARTER" && (t.w(end) == "ended" || t.w(end) == "ending") {
				// the quarter ended Sept. 30: the quarter of that month
				k := end + 1
				if t.w(k) == "on" {
					k++
				}
				if mo, ok := monthNames[t.w(k)]; ok && k < len(t.toks) && t.toks[k].upper {
					return m{end: end, typ: news.TimeDate, expr: "XXXX-Q" + strconv.Itoa((mo-1)/3+1) + "<"}, true
				}
				return m{end: end, typ: news.TimeDate, expr: "QUARTER-1"}, true
			}
			if t.w(end) == "'s" || t.w(end) == "of" || t.w(end) == "before" || t.w(end) == "ended" || t.w(end) == "ending" || t.w(end) == "that" || t.w(end) == "when" || t.w(end) == "in" {
				if unit == "YEAR" && (t.w(end) == "ended" || t.w(end) == "ending") {
					return m{end: end, typ: news.TimeDuration, expr: "P1Y"}, true
				}
				if !(unit == "YEAR" && t.w(end) == "'s") {
					return m{}, false
				}
			}
			if unit == "QUARTER" {
				return m{end: end, typ: news.TimeDate, expr: "QUARTER-1"}, true
			}
			if unit == "WEEKEND" {
				return m{end: end, typ: news.TimeDate, expr: "WEEKEND" + t.direction(j)}, true
			}
			return m{end: end, typ: news.TimeDate, expr: "YEAR+0"}, true
		}
	}
	return m{}, false
}

// centuryOrdinal reads "20th century" at j: the TIMEX3 century "19".
func (t *Tagger) centuryOrdinal(j int) (string, bool) {
	w := t.w(j)
	if t.w(j+1) != "century" || len(w) < 3 || j >= len(t.toks) || t.toks[j].kind != 'n' {
		return "", false
	}
	n, err := strconv.Atoi(strings.TrimRight(w, "stndrh"))
	if err != nil || n < 1 || n > 21 {
		return "", false
	}
	return pad2(n - 1), true
}

// quarter matches "the third quarter", "third-quarter", "the fiscal first
// quarter", "the first half" and their year: "the fourth quarter of
// 1989". i is where the match starts, j the ordinal's token.
func (t *Tagger) quarter(i, j, _ int, year string) (m, bool) {
	k := j
	if t.w(k) == "fiscal" {
		k++
	}
	q, ok := ordinalWords[t.w(k)]
	if !ok || q < 1 || q > 4 {
		return m{}, false
	}
	k++
	skip := 0
	if t.hyphen(k) {
		k++
		if w := t.w(i); w == "the" || w == "that" {
			skip = 1
		}
	}
	if t.w(k) == "fiscal" {
		k++
	}
	var v string
	switch t.w(k) {
	case "quarter", "period":
		if t.w(k) == "period" {
			return m{}, false
		}
		v = "Q" + strconv.Itoa(q)
	case "half":
		if q > 2 {
			return m{}, false
		}
		v = "H" + strconv.Itoa(q)
	case "nine", "six", "three":
		// the first nine months: a duration
		if t.w(k+1) == "months" && q == 1 {
			n := numberWords[t.w(k)]
			return m{end: k + 2, typ: news.TimeDuration, expr: "P" + strconv.Itoa(n) + "M"}, true
		}
		return m{}, false
	default:
		return m{}, false
	}
	end := k + 1
	dir := ""
	if t.w(end) == "of" {
		if y, ok := t.yearNumber(end + 1); ok {
			return m{end: end + 2, typ: news.TimeDate, expr: strconv.Itoa(y) + "-" + v}, true
		}
	}
	if y, ok := t.yearNumber(end); ok && t.toks[end].glued == false {
		return m{end: end + 1, skip: skip, typ: news.TimeDate, expr: strconv.Itoa(y) + "-" + v}, true
	}
	// Quarters are nearly always reported after they began: the tense
	// of the sentence ("will report third-quarter results") says little.
	return m{end: end, skip: skip, typ: news.TimeDate, expr: year + "-" + v + dir}, true
}

// direction reads the tense of the sentence around token i: "<" when
// the nearest cue is in the past, ">" when in the future, "" when no cue
// is near.
func (t *Tagger) direction(i int) string {
	if t.w(i-1) == "as" && t.w(i-3) == "as" && (t.w(i-2) == "soon" || t.w(i-2) == "early") {
		// "as soon as Tuesday": the earliest a plan can come about
		return ">"
	}
	if k := i - 1 - b2i(t.w(i-1) == "the"); t.w(k) == "of" && t.w(k-1) == "ahead" {
		// "ahead of the weekend": what is still to come
		return ">"
	}
	best, dist := "", 1<<30
	for k := i - 1; k >= 0 && i-k <= 12; k-- {
		if t.boundary(k) {
			break
		}
		if d := t.cue(k); d != "" && i-k < dist {
			best, dist = d, i-k
			break
		}
	}
	if best != "" && dist <= backReach {
		// the verb the expression hangs on comes before it
		return best
	}
	for k := i + 1; k < len(t.toks) && k-i <= 12 && k-i < dist; k++ {
		if t.boundary(k) {
			break
		}
		if d := t.cue(k); d != "" {
			// a cue after the expression weighs a little less
			if k-i+1 < dist {
				best = d
			}
			break
		}
	}
	if best == "" {
		best = t.farCue(i)
	}
	return best
}

// farReach is how far within its sentence a long sentence is searched
// for a tense when none is near the expression.
const farReach = 40

// farCue returns the tense of the nearest cue in the sentence around
// token i beyond the near reach of direction: "a mission in December",
// thirteen words after "will be named", is still ahead.
func (t *Tagger) farCue(i int) string {
	back, fwd := "", ""
	bd, fd := 1<<30, 1<<30
	for k := i - 13; k >= 0 && i-k <= farReach; k-- {
		if t.boundary(k) {
			break
		}
		if d := t.cue(k); d != "" {
			back, bd = d, i-k
			break
		}
	}
	for k := i + 13; k < len(t.toks) && k-i <= farReach && k-i < bd; k++ {
		if t.boundary(k) {
			break
		}
		if d := t.cue(k); d != "" {
			fwd, fd = d, k-i
			break
		}
	}
	// the near words have been read already: a boundary among them ends
	// the sentence too
	for k := i - 1; k > i-13 && k >= 0; k-- {
		if t.boundary(k) {
			back, bd = "", 1<<30
			break
		}
	}
	for k := i + 1; k < i+13 && k < len(t.toks); k++ {
		if t.boundary(k) {
			fwd, fd = "", 1<<30
			break
		}
	}
	if fd < bd {
		back = fwd
	}
	if back != ">" {
		// far off, only a plan or a modal still tells: past verbs far
		// away govern other clauses as often as not
		return ""
	}
	return back
}

// backReach is how far back a cue takes precedence over any cue after
// the expression.
var backReach = 12

// boundary reports whether token k ends a sentence or clause for tense.
func (t *Tagger) boundary(k int) bool {
	switch t.w(k) {
	case ".", "!", "?", ";", "\"":
		return true
	}
	return false
}

// cue returns the tense that word k signals.
func (t *Tagger) cue(k int) string {
	w := t.w(k)
	if w == "to" {
		// "is to resume", "are set to meet": an arrangement ahead
		switch t.w(k - 1) {
		case "is", "are", "set":
			if k+1 < len(t.toks) && t.toks[k+1].kind == 'w' {
				return ">"
			}
		}
		return ""
	}
	if futureCues[w] {
		if (w == "going" || w == "plans" || w == "plan") && t.w(k+1) != "to" {
			// "vacation plans", "the plan": nouns, not intentions
			return ""
		}
		if strings.HasSuffix(w, "ed") && (determiners[t.w(k-1)] || determiners[t.w(k-2)] && strings.HasSuffix(t.w(k-1), "ly")) {
			// "the hastily planned trip": an adjective
			return ""
		}
		// "had been scheduled", "was due": plans of the past
		for _, p := range []string{t.w(k - 1), t.w(k - 2)} {
			switch p {
			case "had", "was", "were", "been", "previously", "originally":
				return "<"
			}
		}
		return ">"
	}
	if pastCues[w] {
		if len(w) > 3 && !notPassive[w] {
			// "would be paid", "is held": a passive says nothing of the
			// time; the modal or auxiliary before it does
			switch t.w(k - 1) {
			case "be", "is", "are", "being":
				return ""
			}
		}
		return "<"
	}
	if len(w) > 4 && strings.HasSuffix(w, "ed") && !notPastED[w] && t.toks[k].kind == 'w' {
		// "expected to", "is scheduled": participles of plans point ahead
		if t.w(k-1) == "is" || t.w(k-1) == "are" || t.w(k-1) == "be" {
			return ""
		}
		// "a still unspecified date", "the proposed merger": adjectives
		if determiners[t.w(k-1)] || determiners[t.w(k-2)] && (t.w(k-1) == "still" || strings.HasSuffix(t.w(k-1), "ly")) {
			return ""
		}
		return "<"
	}
	return ""
}

// periodYearAgo matches "the quarter a year ago", "the corresponding
// period last year", "the same quarter a year earlier" at i: the period
// the article reports on, a year before.
func (t *Tagger) periodYearAgo(i int) (m, bool) {
	if t.w(i) != "the" {
		return m{}, false
	}
	k := i + 1
	switch t.w(k) {
	case "same", "corresponding", "comparable":
		k++
	}
	if w := t.w(k); w != "quarter" && w != "period" {
		return m{}, false
	}
	k++
	switch {
	case t.w(k) == "last" && t.w(k+1) == "year":
		return m{end: k + 2, typ: news.TimeDate, expr: "AGO:P1Y"}, true
	case (t.w(k) == "a" || t.w(k) == "one") && t.w(k+1) == "year" && (t.w(k+2) == "ago" || t.w(k+2) == "earlier"):
		return m{end: k + 3, typ: news.TimeDate, expr: "AGO:P1Y"}, true
	}
	return m{}, false
}

func b2i(b bool) int {
	if b {
		return 1
	}
	return 0
}
