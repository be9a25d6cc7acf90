package export

import (
	"github.com/parallax-news/parallax/internal/news"
	"github.com/parallax-news/parallax/internal/timex"
)

// Time is a time expression of the export: its span and its TIMEX3 value,
// resolved against the document's publication date (or, without one,
// the latest date the article fixes), with the value's precision and
// the interval it may fall in.
type Time struct {
	Document string `json:"document"`
	Start    int    `json:"start"`
	End      int    `json:"end"`
	// Value is the TIMEX3 value: "2022-05-08", "2022-W18", "P11Y",
	// "PAST_REF", "XXXX-02-25" when the year is not known.
	Value     string   `json:"value"`
	Type      string   `json:"type"` // DATE, TIME, DURATION or SET
	Text      string   `json:"text"`
	Precision *string  `json:"precision"`            // day, month, year, …; null when unknown
	Earliest  *string  `json:"earliest"`             // first day it may be; null when unbounded
	Latest    *string  `json:"latest"`               // last day it may be; null when unbounded
	Options   []string `json:"candidates,omitempty"` // the dates it may be, when the text leaves a choice
}

// DocumentTimes returns the time expressions of one analysed document,
// resolved against its publication date.
func DocumentTimes(d news.Document, a news.Analysis) []Time {
	if len(a.Times) == 0 {
		return []Time{}
	}
	values := timex.ResolveDocument(a.Times, d.Published)
	out := make([]Time, len(a.Times))
	for i, t := range a.Times {
		v := values[i]
		out[i] = Time{
			Document: d.ID, Start: t.Start, End: t.End, Value: v.TIMEX, Type: t.Type,
			Text: d.Text[t.Start:t.End], Precision: null(v.Precision),
			Earliest: null(v.Earliest), Latest: null(v.Latest), Options: v.Candidates,
		}
	}
	return out
}
