package timex_test

import (
	"github.com/parallax-news/parallax/internal/benchtext"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/parallax-news/parallax/internal/timex"
)

// found is a tagged expression as a test writes it.
type found struct{ text, typ, expr string }

func tagged(txt string) []found {
	var out []found
	for _, t := range timex.Tag(txt) {
		out = append(out, found{txt[t.Start:t.End], t.Type, t.Expr})
	}
	return out
}

func TestTag(t *testing.T) {
	for _, tt := range []struct {
		text string
		want []found
	}{
		{"The talks ended on Sunday.", []found{{"Sunday", "DATE", "DOW7<"}}},
		{"He will travel to Paris on Sunday.", []found{{"Sunday", "DATE", "DOW7>"}}},
		{"They met on Monday morning.", []found{{"Monday morning", "TIME", "DOW1<TMO"}}},
		{"Prices rose 3% last week.", []found{{"last week", "DATE", "WEEK-1"}}},
		{"The vote was held on 25 February 2019.", []found{{"25 February 2019", "DATE", "2019-02-25"}}},
		{"It was signed on Feb. 25, 2019, in Hanoi.", []found{{"Feb. 25, 2019", "DATE", "2019-02-25"}}},
		{"The report is dated 1998-08-07.", []found{{"1998-08-07", "DATE", "1998-08-07"}}},
		{"He arrived on Monday, February 25.", []found{{"Monday, February 25", "DATE", "XXXX-02-25/1"}}},
		{"The 11-year war has killed thousands.", []found{{"11-year", "DURATION", "P11Y"}}},
		{"They talked for two hours.", []found{{"two hours", "DURATION", "PT2H"}}},
		{"The company was founded two years ago.", []found{{"two years ago", "DATE", "AGO:P2Y"}}},
		{"Sales fell in the third quarter.", []found{{"the third quarter", "DATE", "XXXX-Q3"}}},
		{"Third-quarter profit rose.", []found{{"Third-quarter", "DATE", "XXXX-Q3"}}},
		{"Trade grew in the 1990s.", []found{{"the 1990s", "DATE", "199"}}},
		{"Prices are rising now.", []found{{"now", "DATE", "PRESENT_REF"}}},
		{"Exports fell in recent years.", []found{{"recent years", "DATE", "PAST_REF"}}},
		{"The war has lasted several months.", []found{{"several months", "DURATION", "PXM"}}},
		{"The paper is printed daily.", []found{{"daily", "SET", "P1D"}}},
		{"He jogs every week.", []found{{"every week", "SET", "P1W"}}},
		{"The plant opened yesterday.", []found{{"yesterday", "DATE", "DAY-1"}}},
		{"Fighting has continued since 2011.", []found{{"2011", "DATE", "2011"}}},
		{"Shares rose earlier this year.", []found{{"earlier this year", "DATE", "YEAR+0"}}},
		{"The boy, a 6-year-old, was unhurt.", nil},
		{"You may go home.", nil},
		{"Sun Microsystems rose.", nil},
		{"The flight left at 10:35 a.m. Wednesday.", []found{{"10:35 a.m. Wednesday", "TIME", "DOW3<T10:35"}}},
		{"He was born in nineteen ninety-six.", []found{{"nineteen ninety-six", "DATE", "1996"}}},
		{"Sales rose in recent months.", []found{{"recent months", "DURATION", "PXM"}}},
		{"The shares were previously listed.", nil},
		{"They left as soon as they could.", nil},
		{"It lasted about three days.", []found{{"three days", "DURATION", "P3D"}}},
		{"It began about two years ago.", []found{{"about two years ago", "DATE", "AGO:P2Y"}}},
		{"Net fell in the quarter ended Sept. 30.", []found{{"the quarter", "DATE", "XXXX-Q3<"}, {"Sept. 30", "DATE", "XXXX-09-30<"}}},
		{"Net rose in the 1988 third quarter.", []found{{"the 1988 third quarter", "DATE", "1988-Q3"}}},
		{"It was signed in February this year.", []found{{"February this year", "DATE", "YEAR+0-02"}}},
		{"About three-quarters of them agreed.", nil},
		{"Sun, Hewlett-Packard and others agree.", nil},
		{"Trade grew in the early 1980s.", []found{{"the early 1980s", "DATE", "198"}}},
		{"Prices fell over the past decade.", []found{{"the past decade", "DATE", "DECADE-1"}}},
		{"The index dropped 3.8% for the week.", []found{{"the week", "DATE", "WEEKX"}}},
		{"He criticised the current system.", []found{{"current", "DATE", "PRESENT_REF"}}},
		{"It will not change for a couple of years.", []found{{"a couple of years", "DURATION", "P2Y"}}},
		{"It lost $5, against a year-earlier loss of $6.", []found{{"year-earlier", "DATE", "AGO:P1Y"}}},
		{"Net rose from the corresponding period last year.", []found{{"the corresponding period last year", "DATE", "AGO:P1Y"}}},
		{"For the quarter a year ago, it earned $3.", []found{{"the quarter a year ago", "DATE", "AGO:P1Y"}}},
		{"Sales for last year's quarter were $3 million.", []found{{"last year's quarter", "DATE", "AGO:P1Y"}}},
		{"It could be effective in next year's first quarter.", []found{{"next year's first quarter", "DATE", "YEAR+1-Q1"}}},
		{"The election is due this September.", []found{{"this September", "DATE", "YEAR+0-09"}}},
		{"He was promoted the following year.", []found{{"the following year", "DATE", "THENYEAR+1"}}},
		{"Imports fell that year.", []found{{"that year", "DATE", "THENYEAR+0"}}},
		{"Then came January nineteen ninety-seven.", []found{{"January nineteen ninety-seven", "DATE", "1997-01"}}},
		{"They were ready to leave as soon as Tuesday.", []found{{"Tuesday", "DATE", "DOW2>"}}},
		{"They will appeal Wednesday's ruling.", []found{{"Wednesday", "DATE", "DOW3<"}}},
		{"Qantas will double its flights to India by August.", []found{{"August", "DATE", "XXXX-08>"}}},
		// holidays, fractions, "more", the near future
		{"The boy was rescued on Thanksgiving Day.", []found{{"Thanksgiving Day", "DATE", "HOL:thanksgiving<"}}},
		{"She moved here last Thanksgiving.", []found{{"last Thanksgiving", "DATE", "HOL:thanksgiving<<"}}},
		{"Polls close on Election Day.", []found{{"Election Day", "DATE", "HOL:election"}}},
		{"The shop was shut on Christmas Eve.", []found{{"Christmas Eve", "DATE", "XXXX-12-24<"}}},
		{"The refugees stayed in the camps for 3 1/2 years.", []found{{"3 1/2 years", "DURATION", "P3Y6M"}}},
		{"The hearing lasted an hour and a half.", []found{{"an hour and a half", "DURATION", "PT1H30M"}}},
		{"The fleet may stay for at least ten more years.", []found{{"at least ten more years", "DURATION", "P10Y"}}},
		{"The ruins stood for centuries.", []found{{"centuries", "DURATION", "PXC"}}},
		{"The mill was shut for decades.", []found{{"decades", "DURATION", "PXE"}}},
		{"A listing is planned in the near future.", []found{{"the near future", "DATE", "FUTURE_REF"}}},
		{"Margins will suffer in the short term.", []found{{"the short term", "DATE", "FUTURE_REF"}}},
		{"Few people write letters these days.", []found{{"these days", "DATE", "PRESENT_REF"}}},
		{"It forecast higher profit for the full year.", []found{{"the full year", "DATE", "YEAR+0"}}},
		{"The abbey is a 12th century ruin.", []found{{"12th century", "DATE", "11"}}},
		{"The truce collapsed in mid-2004.", []found{{"mid-2004", "DATE", "2004"}}},
		{"Shares of Acme fell 2 1/2 to 37.", nil},
		{"Prices peaked in the winter of nineteen ninety-four.", []found{{"the winter of nineteen ninety-four", "DATE", "1994-WI"}}},
		{"The drought of the summer of 2003 was severe.", []found{{"the summer of 2003", "DATE", "2003-SU"}}},
		{"Profit will fall in the second half of 2023.", []found{{"the second half of 2023", "DATE", "2023-H2"}}},
		{"Dealers sold bonds ahead of the weekend.", []found{{"the weekend", "DATE", "WEEKEND>"}}},
		{"Ferries sail on Monday and Tuesday nights.", []found{{"Monday", "SET", "XXXX-WXX-1TNI"}, {"Tuesday nights", "SET", "XXXX-WXX-2TNI"}}},
		{"He works Sunday mornings.", []found{{"Sunday mornings", "SET", "XXXX-WXX-7TMO"}}},
		{"The bonds will be repaid in five years.", []found{{"five years", "DATE", "LATER:P5Y"}}},
		{"It was the first rise in five years.", []found{{"five years", "DURATION", "P5Y"}}},
		{"Analysts said that Sun's profit rose.", nil},
		{"Shares rose for six trading days.", []found{{"six trading days", "DURATION", "P6D"}}},
		{"The lease runs for an additional year.", []found{{"an additional year", "DURATION", "P1Y"}}},
		{"Prices may fall in the months ahead.", []found{{"the months ahead", "DURATION", "PXM"}}},
		{"He said on \"This Week\" that talks would go on.", nil},
		{"This week, prices rose.", []found{{"This week", "DATE", "WEEK+0"}}},
		// tense cues: arrangements, passives, adjectives, far modals
		{"The talks are set to resume Monday in Geneva.", []found{{"Monday", "DATE", "DOW1>"}}},
		{"The shares are to start trading in Tokyo Friday.", []found{{"Friday", "DATE", "DOW5>"}}},
		{"The dividend would be paid on a still undecided date in March.", []found{{"March", "DATE", "XXXX-03>"}}},
		{"The board approved expansion plans Monday.", []found{{"Monday", "DATE", "DOW1<"}}},
		{"On Friday, the hastily planned talks collapsed.", []found{{"Friday", "DATE", "DOW5<"}}},
		{"She will be named head of the new regional office for trade with the Baltic states in December.", []found{{"December", "DATE", "XXXX-12>"}}},
	} {
		t.Run(tt.text, func(t *testing.T) {
			if got := tagged(tt.text); !reflect.DeepEqual(got, tt.want) {
				t.Errorf("Tag(%q)\n got %v\nwant %v", tt.text, got, tt.want)
			}
		})
	}
}

func TestResolve(t *testing.T) {
	for _, tt := range []struct {
		expr, anchor string
		want         timex.Value
	}{
		// "on Sunday" in an article of Monday 9 May 2022, and of Sunday 8 May
		{"DOW7<", "2022-05-09", timex.Value{TIMEX: "2022-05-08", Earliest: "2022-05-08", Latest: "2022-05-08", Precision: "day"}},
		{"DOW7<", "2022-05-08", timex.Value{TIMEX: "2022-05-08", Earliest: "2022-05-08", Latest: "2022-05-08", Precision: "day"}},
		{"DOW7>", "2022-05-09", timex.Value{TIMEX: "2022-05-15", Earliest: "2022-05-15", Latest: "2022-05-15", Precision: "day"}},
		{"DOW7", "2022-05-09T14:00:00Z", timex.Value{TIMEX: "2022-05-08", Earliest: "2022-05-08", Latest: "2022-05-08", Precision: "day"}},
		{"DOW5<<", "2022-05-13", timex.Value{TIMEX: "2022-05-06", Earliest: "2022-05-06", Latest: "2022-05-06", Precision: "day"}},
		{"DOW1<TMO", "2022-05-10", timex.Value{TIMEX: "2022-05-09TMO", Earliest: "2022-05-09", Latest: "2022-05-09", Precision: "time"}},
		{"WEEK-1", "2022-05-09", timex.Value{TIMEX: "2022-W18", Earliest: "2022-05-02", Latest: "2022-05-08", Precision: "week"}},
		{"XXXX-03<", "2022-05-09", timex.Value{TIMEX: "2022-03", Earliest: "2022-03-01", Latest: "2022-03-31", Precision: "month"}},
		{"XXXX-03<", "2022-11-20", timex.Value{TIMEX: "2022-03", Earliest: "2022-03-01", Latest: "2022-03-31", Precision: "month"}},
		{"XXXX-03>", "2022-11-20", timex.Value{TIMEX: "2023-03", Earliest: "2023-03-01", Latest: "2023-03-31", Precision: "month"}},
		{"XXXX-12-15", "1989-10-27", timex.Value{TIMEX: "1989-12-15", Earliest: "1989-12-15", Latest: "1989-12-15", Precision: "day"}},
		{"AGO:P2Y", "2022-05-09", timex.Value{TIMEX: "2020", Earliest: "2020-01-01", Latest: "2020-12-31", Precision: "year"}},
		{"DAY-1", "2022-05-09", timex.Value{TIMEX: "2022-05-08", Earliest: "2022-05-08", Latest: "2022-05-08", Precision: "day"}},
		{"DAY+0", "2022-05", timex.Value{TIMEX: "2022-05", Earliest: "2022-05-01", Latest: "2022-05-31", Precision: "month"}},
		{"YEAR+0", "2022-05-09", timex.Value{TIMEX: "2022", Earliest: "2022-01-01", Latest: "2022-12-31", Precision: "year"}},
		{"MONTH+1", "2022-12-09", timex.Value{TIMEX: "2023-01", Earliest: "2023-01-01", Latest: "2023-01-31", Precision: "month"}},
		{"XXXX-Q3", "1989-10-27", timex.Value{TIMEX: "1989-Q3", Earliest: "1989-07-01", Latest: "1989-09-30", Precision: "quarter"}},
		{"XXXX-Q4", "1990-02-01", timex.Value{TIMEX: "1989-Q4", Earliest: "1989-10-01", Latest: "1989-12-31", Precision: "quarter"}},
		{"QUARTER-1", "1990-01-15", timex.Value{TIMEX: "1989-Q4", Earliest: "1989-10-01", Latest: "1989-12-31", Precision: "quarter"}},
		{"YEAR-1-06", "2022-05-09", timex.Value{TIMEX: "2021-06", Earliest: "2021-06-01", Latest: "2021-06-30", Precision: "month"}},
		{"WEEKX", "2022-05-09", timex.Value{TIMEX: "2022-WXX", Precision: "week"}},
		{"P11Y", "2022-05-09", timex.Value{TIMEX: "P11Y", Precision: "duration"}},
		{"PT3H", "", timex.Value{TIMEX: "PT3H", Precision: "duration"}},
		{"199", "", timex.Value{TIMEX: "199", Earliest: "1990-01-01", Latest: "1999-12-31", Precision: "decade"}},
		{"2019-02-25", "", timex.Value{TIMEX: "2019-02-25", Earliest: "2019-02-25", Latest: "2019-02-25", Precision: "day"}},
		{"XXXX-02-25", "", timex.Value{TIMEX: "XXXX-02-25", Precision: "day"}},
		{"DOW7<", "", timex.Value{}},
		// no tense cue: the past is likelier by some five months
		{"XXXX-03", "1989-10-30", timex.Value{TIMEX: "1989-03", Earliest: "1989-03-01", Latest: "1989-03-31", Precision: "month"}},
		{"XXXX-08-06", "1998-02-06", timex.Value{TIMEX: "1997-08-06", Earliest: "1997-08-06", Latest: "1997-08-06", Precision: "day"}},
		{"XXXX-12-15", "1989-11-20", timex.Value{TIMEX: "1989-12-15", Earliest: "1989-12-15", Latest: "1989-12-15", Precision: "day"}},
		// alone, the THEN forms count from the anchor
		// movable holidays: Thanksgiving 1999 fell on 25 November, US
		// Election Day 1998 on 3 November
		{"HOL:thanksgiving<", "2000-01-06", timex.Value{TIMEX: "1999-11-25", Earliest: "1999-11-25", Latest: "1999-11-25", Precision: "day"}},
		{"HOL:thanksgiving>", "2000-01-06", timex.Value{TIMEX: "2000-11-23", Earliest: "2000-11-23", Latest: "2000-11-23", Precision: "day"}},
		{"HOL:election", "1998-10-26", timex.Value{TIMEX: "1998-11-03", Earliest: "1998-11-03", Latest: "1998-11-03", Precision: "day"}},
		{"HOL:election", "1998", timex.Value{TIMEX: "1998-11-03", Earliest: "1998-11-03", Latest: "1998-11-03", Precision: "day"}},
		{"HOL:election", "", timex.Value{TIMEX: "XXXX-11-XX", Precision: "day"}},
		{"THENYEAR+1", "2022-05-09", timex.Value{TIMEX: "2023", Earliest: "2023-01-01", Latest: "2023-12-31", Precision: "year"}},
	} {
		t.Run(tt.expr+"@"+tt.anchor, func(t *testing.T) {
			if got := timex.Resolve(tt.expr, tt.anchor); !reflect.DeepEqual(got, tt.want) {
				t.Errorf("Resolve(%q, %q)\n got %+v\nwant %+v", tt.expr, tt.anchor, got, tt.want)
			}
		})
	}
}

// TestResolveWeekdayDate checks "Monday, February 25": with a
// publication date, the year near it in which 25 February is a Monday;
// without one, the first such year from the latest year the article
// names, the other years kept as candidates.
func TestResolveWeekdayDate(t *testing.T) {
	v := timex.Resolve("XXXX-02-25/1", "2019-03-01")
	if v.TIMEX != "2019-02-25" {
		t.Errorf("with a date: got %+v", v)
	}
	v = timex.Resolve("XXXX-02-25/1", "")
	if v.TIMEX != "XXXX-02-25" || len(v.Candidates) == 0 {
		t.Fatalf("without a date: got %+v", v)
	}
	for _, c := range v.Candidates {
		if c[4:] != "-02-25" {
			t.Errorf("candidate %s is not 25 February", c)
		}
	}
	for _, want := range []string{"2019-02-25", "2013-02-25", "2008-02-25", "2002-02-25"} {
		if !contains(v.Candidates, want) {
			t.Errorf("candidates %v lack %s", v.Candidates, want)
		}
	}
	for _, tt := range []struct{ text, want string }{
		{"The budget for 2018 was cut. On Monday, February 25, the minister resigned.", "2019-02-25"},
		{"The protests, which began in 2011, went on. On Monday, February 25, the army fired.", "2013-02-25"},
	} {
		times := timex.Tag(tt.text)
		vals := timex.ResolveDocument(times, "")
		got := ""
		for i, x := range times {
			if strings.HasPrefix(tt.text[x.Start:x.End], "Monday") {
				got = vals[i].TIMEX
				if len(vals[i].Candidates) == 0 {
					t.Errorf("%q: no candidates", tt.text)
				}
			}
		}
		if got != tt.want {
			t.Errorf("%q: got %q, want %q", tt.text, got, tt.want)
		}
	}
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

func TestResolveDocument(t *testing.T) {
	text := "Acme posted first-quarter profit of $5 million, up from $4 million a year ago. The talks ended on Sunday. They will resume in March."
	times := timex.Tag(text)
	vals := timex.ResolveDocument(times, "2022-05-09")
	got := map[string]string{}
	for i, x := range times {
		got[text[x.Start:x.End]] = vals[i].TIMEX
	}
	want := map[string]string{"first-quarter": "2022-Q1", "a year ago": "2021-Q1", "Sunday": "2022-05-08", "March": "2023-03"}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("got %v, want %v", got, want)
	}
}

// TestResolveDocumentReference checks the expressions that count from
// the time last spoken of, and "a year earlier" after the first nine
// months of a year (the year, not the quarter).
func TestResolveDocumentReference(t *testing.T) {
	for _, tt := range []struct {
		text, published string
		want            map[string]string
	}{
		{"On May 22, 1995, he was promoted, and the following year he moved.", "1998-04-18",
			map[string]string{"May 22, 1995": "1995-05-22", "the following year": "1996"}},
		{"Imports totaled $37 million in 1988, a small share of imports that year.", "1989-11-02",
			map[string]string{"1988": "1988", "that year": "1988"}},
		{"In March 1989 holders urged a sale. The following month, it put itself up for sale.", "1989-10-27",
			map[string]string{"March 1989": "1989-03", "The following month": "1989-04"}},
		{"Third-quarter net rose from $4 a year earlier. In the first nine months, net was $9, up from $7 a year earlier.", "1989-10-26",
			map[string]string{"Third-quarter": "1989-Q3", "a year earlier": "1988", "the first nine months": "P9M"}},
		{"Stocks fell on Friday after overnight losses, 3% below the previous Friday.", "2022-05-09",
			map[string]string{"Friday": "2022-05-06", "overnight": "2022-05-05TNI", "the previous Friday": "2022-04-29"}},
		{"Net rose in the third quarter from the corresponding period last year.", "1989-11-01",
			map[string]string{"the third quarter": "1989-Q3", "the corresponding period last year": "1988-Q3"}},
	} {
		times := timex.Tag(tt.text)
		vals := timex.ResolveDocument(times, tt.published)
		got := map[string]string{}
		for i, x := range times {
			got[tt.text[x.Start:x.End]] = vals[i].TIMEX
		}
		if !reflect.DeepEqual(got, tt.want) {
			t.Errorf("%q:\n got %v\nwant %v", tt.text, got, tt.want)
		}
	}
}

// FuzzTag checks that Tag never panics and gives spans in bounds, on
// UTF-8 boundaries, in order.
func FuzzTag(f *testing.F) {
	for _, s := range []string{"on Sunday", "Monday, February 25", "the past two months", "10:35 a.m. Wednesday", "mid-1996", "the '90s", "é 1998-08-07 ü"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		prev := 0
		for _, x := range timex.Tag(s) {
			if x.Start < prev || x.End <= x.Start || x.End > len(s) {
				t.Fatalf("bad span %d:%d in %q", x.Start, x.End, s)
			}
			if !utf8.ValidString(s) {
				continue
			}
			if !utf8.RuneStart(s[x.Start]) || x.End < len(s) && !utf8.RuneStart(s[x.End]) {
				t.Fatalf("span %d:%d splits a character in %q", x.Start, x.End, s)
			}
			prev = x.End
			_ = timex.Resolve(x.Expr, "2022-05-09")
		}
		ts := timex.Tag(s)
		for _, anchor := range []string{"", "2022-05-09", "2022-05", "1998"} {
			_ = timex.ResolveDocument(ts, anchor)
		}
	})
}

// TestResolveRealText resolves every time expression of real articles
// against anchors of every precision, and of none: no panic, and every
// interval runs forwards.
func TestResolveRealText(t *testing.T) {
	files, _ := filepath.Glob("../../../shared/data/bbc/*/*.txt")
	if len(files) == 0 {
		t.Skip("../shared/data/bbc not present")
	}
	if testing.Short() {
		files = files[:200]
	}
	for _, f := range files {
		raw, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		ts := timex.Tag(string(raw))
		for _, anchor := range []string{"", "2004-11-15", "2005-03", "2004"} {
			for i, v := range timex.ResolveDocument(ts, anchor) {
				if v.Earliest != "" && v.Latest != "" && v.Earliest > v.Latest {
					t.Errorf("%s: %q (%s) against %q: %s after %s", f, raw[ts[i].Start:ts[i].End], v.TIMEX, anchor, v.Earliest, v.Latest)
				}
			}
		}
	}
}

func BenchmarkTag(b *testing.B) {
	texts, size, words := benchtext.BBC(b)
	var tagger timex.Tagger
	b.SetBytes(size / int64(len(texts)))
	b.ReportAllocs()
	i, n := 0, 0
	for b.Loop() {
		times := tagger.Tag(texts[i%len(texts)])
		vals := timex.ResolveDocument(times, "2005-03-01")
		if len(vals) != len(times) {
			b.Fatal("values and times differ")
		}
		n += len(times)
		i++
	}
	if n == 0 {
		b.Fatal("no times found")
	}
	b.ReportMetric(float64(words)/float64(len(texts))*float64(i)/b.Elapsed().Seconds(), "words/s")
}
