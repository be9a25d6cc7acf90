package main_test

import (
	"strings"
	"testing"
)

// TestSeedTimes checks that the seeds' time expressions are exported
// with values resolved against each article's publication date.
func TestSeedTimes(t *testing.T) {
	dir := seeds(t)
	work := t.TempDir()
	if r := run(t, work, "", "ingest", dir); r.code != 0 {
		t.Fatalf("ingest: exit %d: %s", r.code, r.stderr)
	}
	e := exportJSON(t, work, "parallax.db")
	published := map[string]string{}
	for _, d := range e.Documents {
		if d.Published != nil {
			published[d.ID] = *d.Published
		}
	}
	tests := []struct {
		published, text, value, precision string
	}{
		// A weekday in a past-tense report is the latest such day on or
		// before the publication date.
		{"2022-05-09", "Sunday", "2022-05-08", "day"},
		{"2022-05-08", "Sunday morning", "2022-05-08TMO", "time"},
		{"2022-05-09", "December 18, 2018", "2018-12-18", "day"},
		{"2019-02-26", "Monday, February 25", "2019-02-25", "day"},
		{"2022-05-08", "February 2019", "2019-02", "month"},
		{"2022-05-08", "11-year", "P11Y", "duration"},
	}
	for _, tt := range tests {
		found := false
		for _, tm := range e.Times {
			if published[tm.Document] != tt.published || tm.Text != tt.text {
				continue
			}
			found = true
			if tm.Value != tt.value || tm.Precision == nil || *tm.Precision != tt.precision {
				t.Errorf("%q in an article of %s = %s (%v), want %s (%s)", tt.text, tt.published, tm.Value, deref(tm.Precision), tt.value, tt.precision)
			}
			d := documentByID(e, tm.Document)
			if d == nil || !strings.HasPrefix(d.Text[tm.Start:], tt.text) {
				t.Errorf("%q: span %d-%d does not point at it", tt.text, tm.Start, tm.End)
			}
		}
		if !found {
			t.Errorf("no time %q in an article published on %s", tt.text, tt.published)
		}
	}
}

func deref(s *string) string {
	if s == nil {
		return "<nil>"
	}
	return *s
}

func documentByID(e exportFile, id string) *exportDoc {
	for i := range e.Documents {
		if e.Documents[i].ID == id {
			return &e.Documents[i]
		}
	}
	return nil
}
