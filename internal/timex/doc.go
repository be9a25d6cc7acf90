// Package timex finds time expressions in news text and says what they
// mean: "on Sunday", "last week", "25 February 2019", "the 11-year war",
// "two years ago", "recent years".
//
// It works in two steps, so that the per-document analysis stays a pure
// function of the text:
//
//   - Tag scans the text for time expressions (a hand-written token
//     scanner over word lists: months, weekdays, ordinals, number words,
//     units, "ago", "last", "next", "earlier this"…) and gives each one its
//     TIMEX3 type and an anchor-independent reading, Expr. Expr is a
//     TIMEX3 value when the text alone fixes it ("2019-02-25", "P11Y",
//     "PRESENT_REF") and a relative form otherwise (notation below), with
//     the direction the sentence's tense gives ("on Sunday" in a sentence
//     in the past is the latest Sunday on or before the anchor; in the
//     future, the next one).
//   - Resolve turns a reading into a TIMEX3 value against an anchor date,
//     usually the article's publication date, keeping the precision of the
//     expression (day, week, month, quarter, year…) and its uncertainty as
//     an interval. ResolveDocument resolves all the times of one article
//     and, when the article has no publication date, anchors on the latest
//     date the text fixes itself.
//
// Absolute calendar phrases ("25 February 2019", "Feb. 25, 2019") are read
// with github.com/itlightning/dateparse once the scanner has found
// them: it is called only on those spans, and its answers are cached by
// the Tagger. When it cannot read a phrase, the scanner's own reading
// stands.
//
// # Relative notation
//
// Expr is either a TIMEX3 value or one of these forms; DIR is "<" (on or
// before the anchor, past tense), ">" (on or after, future) or "" (the
// nearest, tense unknown); a part of day (TMO, TAF, TEV, TNI) may follow
// any day form ("DOW1<TMO" is "Monday morning" in a past sentence):
//
//	DAY+n            n days from the anchor: today DAY+0, yesterday DAY-1
//	WEEK+n, MONTH+n, QUARTER+n, YEAR+n, DECADE+n
//	                 the n-th week, month… from the anchor's: last week WEEK-1
//	WEEKEND+n        the weekend of that week (2022-W18-WE)
//	WEEKX            a week of the anchor's year left unnumbered ("for the
//	                 week": 2022-WXX)
//	YEAR+n-MM        a month of that year ("June last year" YEAR-1-06)
//	YQyyyy           the quarter of year yyyy the article reports on ("the
//	                 1988 period"), the year alone when it names none
//	DOWdDIR          weekday d (1 Monday … 7 Sunday): "on Sunday" DOW7<
//	XXXX-MM-DDDIR    a day of the year without its year ("February 25")
//	XXXX-MM-DD/d     the same when the text names its weekday d too
//	XXXX-MMDIR       a month without its year ("In March")
//	XXXX-QnDIR       a quarter without its year ("the third quarter")
//	XXXX-SSDIR       a season without its year (SP, SU, FA, WI)
//	HOL:nameDIR      a movable holiday: "Thanksgiving" HOL:thanksgiving,
//	                 "Election Day" HOL:election (fixed ones, "Christmas",
//	                 are days without a year: XXXX-12-25)
//	AGO:P…           a duration before the anchor ("two years ago" AGO:P2Y)
//	LATER:P…         a duration after it ("two years from now")
//	SAME             the day the article last spoke of ("the same day")
//	THENunit+n       n units from the time the article last spoke of:
//	                 "the following year" THENYEAR+1, "that quarter"
//	                 THENQUARTER+0 (from the anchor when resolved alone);
//	                 also THENDAY-1TNI ("overnight") and THENDOWd<< ("the
//	                 previous Friday")
package timex
