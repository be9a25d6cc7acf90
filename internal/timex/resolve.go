package timex

import (
	"strconv"
	"strings"
	"time"

	"github.com/parallax-news/parallax/internal/news"
)

// Value is a time expression resolved against an anchor.
type Value struct {
	// TIMEX is the TIMEX3 value: "2022-05-08", "2022-W18", "2022-Q3",
	// "199" (the 1990s), "P2Y", "PAST_REF", "XXXX-02-25" when the year
	// cannot be fixed.
	TIMEX string
	// Earliest and Latest bound the interval the value may fall in, as
	// ISO dates; "" when unbounded on that side (and for durations).
	Earliest, Latest string
	// Precision is the grain of the value: "day", "week", "month",
	// "quarter", "season", "year", "decade", "century", "time",
	// "duration", "set", "ref" or "" when nothing is known.
	Precision string
	// Candidates are the dates the value may be, nearest the anchor
	// first, when the text leaves a choice between a few: "Monday,
	// February 25" without a year is one of the years in which 25
	// February is a Monday.
	Candidates []string
}

// anchor is a parsed anchor date with its precision.
type anchor struct {
	t    time.Time
	prec string // "day", "month", "year" or "" when unknown
}

// parseAnchor reads "2022-05-09", "2022-05-09T10:00:00", "2022-05" or
// "2022".
func parseAnchor(s string) anchor {
	switch {
	case len(s) >= 10:
		if t, err := time.Parse("2006-01-02", s[:10]); err == nil {
			return anchor{t, "day"}
		}
		if t, err := time.Parse("20060102", s[:8]); err == nil {
			return anchor{t, "day"}
		}
	case len(s) == 8:
		if t, err := time.Parse("20060102", s); err == nil {
			return anchor{t, "day"}
		}
	case len(s) == 7:
		if t, err := time.Parse("2006-01", s); err == nil {
			return anchor{t, "month"}
		}
	case len(s) == 4:
		if t, err := time.Parse("2006", s); err == nil {
			return anchor{t, "year"}
		}
	}
	return anchor{}
}

// Resolve turns a reading from Tag (news.Time.Expr) into a value against
// an anchor: an ISO date ("2022-05-09", "2022-05", "2022"), usually the
// publication date, or "" when none is known, in which case relative
// readings stay unresolved ("XXXX-02-25").
func Resolve(expr, anchorDate string) Value {
	return resolve(expr, parseAnchor(anchorDate))
}

func resolve(expr string, a anchor) Value {
	if expr == "" {
		return Value{}
	}
	if strings.HasPrefix(expr, "EVERY:") {
		return Value{TIMEX: expr[len("EVERY:"):], Precision: "set"}
	}
	// part of day or clock time after a day
	suffix := ""
	if k := strings.LastIndexByte(expr, 'T'); k > 0 && !strings.HasSuffix(expr, "_REF") && expr[0] != 'P' && !strings.HasPrefix(expr[k:], "TXX") {
		rest := expr[k+1:]
		if len(rest) == 2 && rest[0] >= 'A' && rest[0] <= 'Z' || len(rest) >= 2 && isDigit(rest[0]) {
			suffix, expr = expr[k:], expr[:k]
		}
	}
	v := resolveBase(expr, a)
	if suffix != "" && v.TIMEX != "" {
		if v.Precision == "day" {
			v.TIMEX += suffix
			v.Precision = "time"
		} else if strings.HasPrefix(v.TIMEX, "XXXX") {
			v.TIMEX += suffix
		}
	}
	return v
}

func resolveBase(expr string, a anchor) Value {
	// THENYEAR+1 and the like count from the time last spoken of, which
	// ResolveDocument passes as the anchor; alone, from the anchor.
	expr = strings.TrimPrefix(expr, "THEN")
	switch {
	case strings.HasPrefix(expr, "DAY"):
		n, _ := strconv.Atoi(expr[3:])
		if a.prec != "day" {
			return unknownAnchor(a)
		}
		return dayValue(a.t.AddDate(0, 0, n))
	case strings.HasPrefix(expr, "WEEKEND"):
		return weekend(expr[len("WEEKEND"):], a)
	case strings.HasPrefix(expr, "YQ"):
		return makeValue(expr[2:])
	case expr == "WEEKX":
		if a.prec == "" {
			return unknownAnchor(a)
		}
		return makeValue(strconv.Itoa(a.t.Year()) + "-WXX")
	case strings.HasPrefix(expr, "WEEK"):
		n, _ := strconv.Atoi(expr[4:])
		if a.prec != "day" {
			return unknownAnchor(a)
		}
		return weekValue(a.t.AddDate(0, 0, 7*n))
	case strings.HasPrefix(expr, "MONTH"):
		n, _ := strconv.Atoi(expr[5:])
		if a.prec != "day" && a.prec != "month" {
			return unknownAnchor(a)
		}
		return makeValue(a.t.AddDate(0, n, 0).Format("2006-01"))
	case strings.HasPrefix(expr, "QUARTER"):
		n, _ := strconv.Atoi(expr[7:])
		if a.prec != "day" && a.prec != "month" {
			return unknownAnchor(a)
		}
		q := (int(a.t.Month())-1)/3 + n
		y := a.t.Year() + floorDiv(q, 4)
		return makeValue(strconv.Itoa(y) + "-Q" + strconv.Itoa(mod(q, 4)+1))
	case strings.HasPrefix(expr, "YEAR"):
		rest := expr[4:]
		tail := ""
		if k := strings.IndexByte(rest[min(1, len(rest)):], '-'); k >= 0 {
			k++
			rest, tail = rest[:k], rest[k:]
		}
		n, _ := strconv.Atoi(rest)
		if a.prec == "" {
			return unknownAnchor(a)
		}
		return makeValue(strconv.Itoa(a.t.Year()+n) + strings.TrimRight(tail, "<>"))
	case strings.HasPrefix(expr, "DECADE"):
		n, _ := strconv.Atoi(expr[6:])
		if a.prec == "" {
			return unknownAnchor(a)
		}
		return makeValue(strconv.Itoa(a.t.Year()/10 + n))
	case strings.HasPrefix(expr, "CENTURY"):
		n, _ := strconv.Atoi(expr[7:])
		if a.prec == "" {
			return unknownAnchor(a)
		}
		return makeValue(strconv.Itoa(a.t.Year()/100 + n))
	case strings.HasPrefix(expr, "DOW"):
		if len(expr) < 4 || a.prec != "day" {
			return unknownAnchor(a)
		}
		d := int(expr[3] - '0')
		return dayValue(weekdayNear(a.t, d, expr[4:]))
	case strings.HasPrefix(expr, "AGO:"), strings.HasPrefix(expr, "LATER:"):
		sign := -1
		if expr[0] == 'L' {
			sign = 1
		}
		return shift(expr[strings.IndexByte(expr, ':')+1:], sign, a)
	case expr == "SAME":
		if a.prec != "day" {
			return unknownAnchor(a)
		}
		return dayValue(a.t)
	case strings.HasPrefix(expr, "XXXX-"):
		return yearless(expr, a)
	case strings.HasPrefix(expr, "HOL:"):
		return holiday(expr[4:], a)
	}
	return makeValue(expr)
}

// unknownAnchor is the value of a relative expression whose anchor is
// too coarse: the anchor itself, at its own precision.
func unknownAnchor(a anchor) Value {
	switch a.prec {
	case "month":
		v := makeValue(a.t.Format("2006-01"))
		return v
	case "year", "day":
		return makeValue(a.t.Format("2006"))
	}
	return Value{}
}

func floorDiv(a, b int) int {
	q := a / b
	if a%b != 0 && (a < 0) != (b < 0) {
		q--
	}
	return q
}

func mod(a, b int) int { return a - b*floorDiv(a, b) }

func dayValue(t time.Time) Value { return makeValue(t.Format("2006-01-02")) }

func weekValue(t time.Time) Value {
	y, w := t.ISOWeek()
	return makeValue(strconv.Itoa(y) + "-W" + pad2(w))
}

// weekend resolves WEEKEND+n, WEEKEND< (the last weekend), WEEKEND> and
// WEEKEND (this one).
func weekend(rest string, a anchor) Value {
	if a.prec != "day" {
		return unknownAnchor(a)
	}
	wd := int(a.t.Weekday()+6)%7 + 1 // 1 Monday … 7 Sunday
	t := a.t
	switch {
	case rest == "<" || rest == "<<":
		if wd < 6 {
			t = t.AddDate(0, 0, -7)
		}
	case rest == ">" || rest == ">>" || rest == "":
	default:
		n, _ := strconv.Atoi(rest)
		t = t.AddDate(0, 0, 7*n)
	}
	v := weekValue(t)
	v.TIMEX += "-WE"
	sat := t.AddDate(0, 0, 6-wd)
	v.Earliest, v.Latest = sat.Format("2006-01-02"), sat.AddDate(0, 0, 1).Format("2006-01-02")
	return v
}

// weekdayNear finds weekday d (1 Monday … 7 Sunday) from t in the
// direction dir: "<" on or before, "<<" before, ">" on or after, ">>"
// after, "" the one on or before (news reports the past).
func weekdayNear(t time.Time, d int, dir string) time.Time {
	wd := int(t.Weekday()+6)%7 + 1
	back := mod(wd-d, 7)
	fwd := mod(d-wd, 7)
	switch dir {
	case ">":
		return t.AddDate(0, 0, fwd)
	case ">>":
		if fwd == 0 {
			fwd = 7
		}
		return t.AddDate(0, 0, fwd)
	case "<<":
		if back == 0 {
			back = 7
		}
		return t.AddDate(0, 0, -back)
	}
	return t.AddDate(0, 0, -back)
}

// shift resolves "AGO:P2Y" (sign -1) and "LATER:P2Y" (sign 1) at the
// precision of the unit.
func shift(dur string, sign int, a anchor) Value {
	if len(dur) < 3 || a.prec == "" {
		return unknownAnchor(a)
	}
	if strings.Contains(dur, "X") {
		if sign < 0 {
			return makeValue("PAST_REF")
		}
		return makeValue("FUTURE_REF")
	}
	timeUnit := dur[1] == 'T'
	body := strings.TrimPrefix(dur[1:], "T")
	i := 0
	for i < len(body) && isDigit(body[i]) {
		i++
	}
	n, err := strconv.Atoi(body[:i])
	if err != nil {
		return unknownAnchor(a)
	}
	n *= sign
	unit := body[i:]
	t := a.t
	switch {
	case timeUnit:
		if a.prec != "day" {
			return unknownAnchor(a)
		}
		return dayValue(t)
	case unit == "D":
		if a.prec != "day" {
			return unknownAnchor(a)
		}
		return dayValue(t.AddDate(0, 0, n))
	case unit == "W":
		if a.prec != "day" {
			return unknownAnchor(a)
		}
		return weekValue(t.AddDate(0, 0, 7*n))
	case unit == "M":
		return makeValue(t.AddDate(0, n, 0).Format("2006-01"))
	case unit == "Q":
		return makeValue(t.AddDate(0, 3*n, 0).Format("2006-01"))
	case unit == "Y":
		return makeValue(strconv.Itoa(t.Year() + n))
	case unit == "DE":
		return makeValue(strconv.Itoa((t.Year() + 10*n) / 10))
	case unit == "CE":
		return makeValue(strconv.Itoa((t.Year() + 100*n) / 100))
	}
	return unknownAnchor(a)
}

// yearless resolves forms without a year: XXXX-MM-DD, XXXX-MM-DD/d,
// XXXX-MM, XXXX-Qn, XXXX-Hn, XXXX-SS, each with a direction.
func yearless(expr string, a anchor) Value {
	body := strings.TrimRight(expr[5:], "<>")
	dir := expr[5+len(body):]
	wd := 0
	if k := strings.IndexByte(body, '/'); k > 0 {
		wd, _ = strconv.Atoi(body[k+1:])
		body = body[:k]
	}
	if a.prec == "" {
		v := Value{TIMEX: "XXXX-" + body, Precision: precisionOf("2000-" + body)}
		if wd > 0 {
			v.Candidates = weekdayYears(body, wd, 2000, 30)
		}
		return v
	}
	// the candidate start dates in the years around the anchor
	start := func(y int) (time.Time, time.Time, bool) {
		switch {
		case len(body) == 5 && body[2] == '-': // MM-DD
			mo, _ := strconv.Atoi(body[:2])
			d, _ := strconv.Atoi(body[3:])
			t := time.Date(y, time.Month(mo), d, 0, 0, 0, 0, time.UTC)
			return t, t, t.Day() == d
		case len(body) == 2 && body[0] == 'Q':
			q := int(body[1] - '0')
			t := time.Date(y, time.Month(3*q-2), 1, 0, 0, 0, 0, time.UTC)
			return t, t.AddDate(0, 3, -1), true
		case len(body) == 2 && body[0] == 'H':
			h := int(body[1] - '0')
			t := time.Date(y, time.Month(6*h-5), 1, 0, 0, 0, 0, time.UTC)
			return t, t.AddDate(0, 6, -1), true
		case len(body) == 2 && isDigit(body[0]):
			mo, _ := strconv.Atoi(body)
			t := time.Date(y, time.Month(mo), 1, 0, 0, 0, 0, time.UTC)
			return t, t.AddDate(0, 1, -1), true
		default: // seasons
			m := map[string]int{"SP": 3, "SU": 6, "FA": 9, "WI": 12}[body]
			if m == 0 {
				return time.Time{}, time.Time{}, false
			}
			t := time.Date(y, time.Month(m), 1, 0, 0, 0, 0, time.UTC)
			return t, t.AddDate(0, 3, -1), true
		}
	}
	at := a.t
	if a.prec == "year" {
		if wd == 0 && dir == "" {
			return makeValue(strconv.Itoa(at.Year()) + "-" + body)
		}
		at = time.Date(at.Year(), 7, 1, 0, 0, 0, 0, time.UTC)
	}
	best, bestDist := 0, int64(1<<62)
	for y := at.Year() - 40; y <= at.Year()+40; y++ {
		s, e, ok := start(y)
		if !ok {
			continue
		}
		if wd > 0 && int(s.Weekday()+6)%7+1 != wd {
			continue
		}
		if wd == 0 && (y < at.Year()-1 || y > at.Year()+1) {
			continue
		}
		// The nearest candidate, against the tense by half a year: "in
		// March" said in November is this year's if the verb is in the
		// past, next year's if it is in the future.
		// A month alone leans harder on the tense than a day of it.
		penalty := int64(183 * 24 * time.Hour)
		if len(body) == 2 {
			penalty = int64(300 * 24 * time.Hour)
		}
		dist := int64(s.Sub(at))
		if dist < 0 {
			dist = -dist
		}
		switch dir {
		case "":
			// no tense cue: news mostly reports what has happened
			if s.After(at) {
				dist += int64(150 * 24 * time.Hour)
			}
		case "<":
			if s.After(at) {
				dist += penalty
			}
		case "<<":
			if !e.Before(at) {
				continue
			}
		case ">":
			if e.Before(at) {
				dist += penalty
			}
		case ">>":
			if !s.After(at) {
				continue
			}
		}
		if wd == 0 && len(body) == 2 && (body[0] == 'Q' || body[0] == 'H') && dir != ">>" && s.After(at) {
			// quarters of results: the last one begun
			continue
		}
		if dist < bestDist {
			best, bestDist = y, dist
		}
	}
	if best == 0 {
		return Value{TIMEX: "XXXX-" + body, Precision: precisionOf("2000-" + body)}
	}
	v := makeValue(strconv.Itoa(best) + "-" + body)
	if wd > 0 {
		v.Candidates = weekdayYears(body, wd, best, 30)
	}
	return v
}

// weekdayYears lists the dates MM-DD that fall on weekday wd within span
// years of year y, nearest first.
func weekdayYears(mmdd string, wd, y, span int) []string {
	mo, _ := strconv.Atoi(mmdd[:2])
	d, _ := strconv.Atoi(mmdd[3:])
	var out []string
	for k := 0; k <= span; k++ {
		for _, yy := range []int{y + k, y - k} {
			if k == 0 && yy == y-k && len(out) > 0 && out[len(out)-1][:4] == strconv.Itoa(y) {
				continue
			}
			t := time.Date(yy, time.Month(mo), d, 0, 0, 0, 0, time.UTC)
			if t.Day() == d && int(t.Weekday()+6)%7+1 == wd {
				out = append(out, t.Format("2006-01-02"))
			}
			if k == 0 {
				break
			}
		}
	}
	return out
}

// makeValue gives a TIMEX3 value its precision and interval.
func makeValue(x string) Value {
	v := Value{TIMEX: x, Precision: precisionOf(x)}
	v.Earliest, v.Latest = bounds(x, v.Precision)
	return v
}

// precisionOf tells the grain of a TIMEX3 value.
func precisionOf(x string) string {
	switch {
	case x == "":
		return ""
	case strings.HasSuffix(x, "_REF"):
		return "ref"
	case x[0] == 'P':
		return "duration"
	case strings.Contains(x, "T"):
		return "time"
	case len(x) >= 8 && x[4:6] == "-W" && (isDigit(x[6]) || x[6] == 'X'):
		return "week"
	case len(x) == 7 && (x[5] == 'Q' || x[5] == 'H') && isDigit(x[6]):
		return "quarter"
	case len(x) == 10:
		return "day"
	case len(x) == 7 && isDigit(x[5]):
		return "month"
	case len(x) == 7:
		return "season"
	case len(x) == 4:
		return "year"
	case len(x) == 3:
		return "decade"
	case len(x) == 2:
		return "century"
	}
	return ""
}

// bounds gives the first and last day a value covers.
func bounds(x, prec string) (string, string) {
	if strings.HasPrefix(x, "XXXX") || strings.Contains(x, "X") && prec != "ref" {
		return "", ""
	}
	y := 0
	if len(x) >= 4 {
		y, _ = strconv.Atoi(x[:4])
	}
	f := func(a, b time.Time) (string, string) { return a.Format("2006-01-02"), b.Format("2006-01-02") }
	switch prec {
	case "day":
		return x, x
	case "time":
		// 2022-05-08T10:00, 2022-05-08TMO; a week or month with a part
		// of day (1998-W32TNI) is bounded as its date part is.
		if len(x) >= 10 && x[4] == '-' && x[7] == '-' && x[10-1] != 'T' {
			return x[:10], x[:10]
		}
		if i := strings.IndexByte(x, 'T'); i > 0 {
			return bounds(x[:i], precisionOf(x[:i]))
		}
		return "", ""
	case "month":
		t, err := time.Parse("2006-01", x)
		if err != nil {
			return "", ""
		}
		return f(t, t.AddDate(0, 1, -1))
	case "year":
		return f(time.Date(y, 1, 1, 0, 0, 0, 0, time.UTC), time.Date(y, 12, 31, 0, 0, 0, 0, time.UTC))
	case "quarter":
		n := int(x[6] - '0')
		months := 3
		if x[5] == 'H' {
			months = 6
		}
		t := time.Date(y, time.Month(months*(n-1)+1), 1, 0, 0, 0, 0, time.UTC)
		return f(t, t.AddDate(0, months, -1))
	case "season":
		m := map[string]int{"SP": 3, "SU": 6, "FA": 9, "WI": 12}[x[5:7]]
		t := time.Date(y, time.Month(m), 1, 0, 0, 0, 0, time.UTC)
		return f(t, t.AddDate(0, 3, -1))
	case "week":
		w, _ := strconv.Atoi(x[6:8])
		// ISO week w of y starts on the Monday of the week with 4 January.
		jan4 := time.Date(y, 1, 4, 0, 0, 0, 0, time.UTC)
		mon := jan4.AddDate(0, 0, -(int(jan4.Weekday()+6)%7)).AddDate(0, 0, 7*(w-1))
		return f(mon, mon.AddDate(0, 0, 6))
	case "decade":
		d, _ := strconv.Atoi(x)
		return f(time.Date(d*10, 1, 1, 0, 0, 0, 0, time.UTC), time.Date(d*10+9, 12, 31, 0, 0, 0, 0, time.UTC))
	case "century":
		c, _ := strconv.Atoi(x)
		return f(time.Date(c*100, 1, 1, 0, 0, 0, 0, time.UTC), time.Date(c*100+99, 12, 31, 0, 0, 0, 0, time.UTC))
	}
	return "", ""
}

// ResolveDocument resolves the times of one article (as Tag found them,
// in text order). With a publication date (ISO, any precision) every
// relative expression is anchored on it. Without one, the anchor is the
// latest date the article fixes itself, and a day named with its weekday
// but no year ("Monday, February 25") takes, of the years in which that
// day falls on that weekday, the one nearest that latest date and no
// earlier than the latest year the text names; the others stay in
// Candidates.
//
// Within the article, "a year ago" after a quarter ("the third quarter …
// a year ago") is that quarter a year earlier, unless the article has
// since turned to the first six or nine months of the year, when it is
// the year; "the same day" is the day last spoken of, and "the following
// year", "that month" count from the date last spoken of (TimeML's
// reference time) rather than from the publication date.
func ResolveDocument(times []news.Time, published string) []Value {
	out := make([]Value, len(times))
	a := parseAnchor(published)
	floor := 0 // the latest year the text fixes, when undated
	if a.prec == "" {
		var latest Value
		for _, t := range times {
			v := makeValue(t.Expr)
			if isAbsolute(t.Expr) && v.Latest != "" && v.Precision != "ref" && (latest.Latest == "" || v.Latest > latest.Latest) {
				latest = v
			}
		}
		if latest.TIMEX != "" {
			floor, _ = strconv.Atoi(latest.Latest[:4])
			switch latest.Precision {
			case "day":
				a = parseAnchor(latest.TIMEX)
			case "month":
				a = parseAnchor(latest.TIMEX)
			default:
				a = parseAnchor(latest.Latest[:4]) // a year, or the last year of a decade
			}
		}
	}
	lastQuarter, lastDay := "", ""
	ref := a         // the time last spoken of
	anyQuarter := "" // the quarter last spoken of, a year-ago one too
	for i, t := range times {
		var v Value
		switch {
		case strings.HasPrefix(t.Expr, "THEN"):
			v = resolve(t.Expr, ref)
			if t.Expr == "THENQUARTER+0" && anyQuarter != "" {
				v = makeValue(anyQuarter)
			}
		case t.Expr == "SAME" && lastDay != "":
			v = makeValue(lastDay)
		case strings.HasPrefix(t.Expr, "YQ") && lastQuarter != "":
			v = makeValue(t.Expr[2:] + lastQuarter[4:])
		case t.Expr == "AGO:P1Y" && lastQuarter != "":
			y, _ := strconv.Atoi(lastQuarter[:4])
			v = makeValue(strconv.Itoa(y-1) + lastQuarter[4:])
		case floor > 0 && strings.HasPrefix(t.Expr, "XXXX-") && strings.Contains(t.Expr, "/"):
			v = resolve(t.Expr, a)
			var kept []string
			for _, c := range v.Candidates {
				if y, _ := strconv.Atoi(c[:4]); y >= floor {
					kept = append(kept, c)
				}
			}
			if len(kept) > 0 {
				v = makeValue(kept[0])
				v.Candidates = kept
			}
		default:
			v = resolve(t.Expr, a)
		}
		if r := refAnchor(v); r.prec != "" && t.Type != news.TimeDuration && t.Type != news.TimeSet {
			ref = r
		}
		switch v.Precision {
		case "duration":
			if t.Expr == "P9M" || t.Expr == "P6M" {
				// "the first nine months": results now compare years
				lastQuarter = ""
			}
		case "quarter":
			if strings.Contains(v.TIMEX, "-Q") {
				anyQuarter = v.TIMEX
			}
			if t.Expr != "AGO:P1Y" && !strings.HasPrefix(t.Expr, "YQ") && strings.Contains(v.TIMEX, "-Q") {
				lastQuarter = v.TIMEX
			}
		case "day":
			lastDay = v.TIMEX
		}
		out[i] = v
	}
	return out
}

// isAbsolute reports whether a reading is a TIMEX3 date the text fixes
// alone.
func isAbsolute(expr string) bool {
	return expr != "" && isDigit(expr[0]) && !strings.ContainsAny(expr, "X<>")
}

// refAnchor turns a resolved date into an anchor for the expressions
// that count from the time last spoken of; prec "" when it cannot be
// one.
func refAnchor(v Value) anchor {
	switch v.Precision {
	case "day":
		return parseAnchor(v.TIMEX)
	case "month":
		return parseAnchor(v.TIMEX)
	case "quarter", "season":
		if v.Earliest != "" {
			r := parseAnchor(v.Earliest[:7])
			return r
		}
	case "year":
		return parseAnchor(v.TIMEX)
	case "time":
		if len(v.TIMEX) >= 10 && v.TIMEX[4] == '-' && v.TIMEX[7] == '-' && !strings.Contains(v.TIMEX[:10], "X") {
			return parseAnchor(v.TIMEX[:10])
		}
	}
	return anchor{}
}

// holidayDates gives the day of a movable holiday in year y.
var holidayDates = map[string]func(y int) time.Time{
	// the fourth Thursday of November
	"thanksgiving": func(y int) time.Time {
		t := time.Date(y, 11, 1, 0, 0, 0, 0, time.UTC)
		return t.AddDate(0, 0, mod(int(time.Thursday-t.Weekday()), 7)+21)
	},
	// the Tuesday after the first Monday of November (US elections)
	"election": func(y int) time.Time {
		t := time.Date(y, 11, 2, 0, 0, 0, 0, time.UTC)
		return t.AddDate(0, 0, mod(int(time.Tuesday-t.Weekday()), 7))
	},
}

// holiday resolves HOL:name with a direction ("thanksgiving<") against
// the anchor: the one of the anchor's year, the year before or after,
// chosen as a day without its year is.
func holiday(expr string, a anchor) Value {
	name := strings.TrimRight(expr, "<>")
	dir := expr[len(name):]
	f := holidayDates[name]
	if f == nil {
		return Value{}
	}
	switch a.prec {
	case "":
		return Value{TIMEX: "XXXX-" + f(2001).Format("01") + "-XX", Precision: "day"}
	case "year":
		return dayValue(f(a.t.Year()))
	case "month":
		if dir == "" {
			return dayValue(f(a.t.Year()))
		}
	}
	at := a.t
	best := time.Time{}
	bestDist := time.Duration(1 << 62)
	for y := at.Year() - 1; y <= at.Year()+1; y++ {
		d := f(y)
		dist := d.Sub(at)
		switch dir {
		case "<", "<<":
			if d.After(at) || dir == "<<" && d.Equal(at) {
				continue
			}
			dist = -dist
		case ">", ">>":
			if d.Before(at) || dir == ">>" && d.Equal(at) {
				continue
			}
		default:
			if dist < 0 {
				dist = -dist
			} else {
				dist += 150 * 24 * time.Hour // news mostly reports the past
			}
		}
		if dist < bestDist {
			best, bestDist = d, dist
		}
	}
	return dayValue(best)
}
