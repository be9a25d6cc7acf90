package main_test

import (
	"slices"
	"strings"
	"testing"

	"github.com/parallax-news/parallax/internal/export"
)

// TestSeedEvents ingests the seeds and checks the events they report:
// the three reports of the 8 May 2022 visit are one event, the 2019 and
// 2024 visits two others, the earlier visit that two outlets recall is
// linked to the 2019 one, and the date they give it is a conflict with
// each outlet's claim.
func TestSeedEvents(t *testing.T) {
	dir := seeds(t)
	work := t.TempDir()
	if r := run(t, work, "", "ingest", dir); r.code != 0 {
		t.Fatalf("ingest: exit %d: %s", r.code, r.stderr)
	}
	e := exportJSON(t, work, "parallax.db")
	byPrefix := map[string]exportDoc{}
	for _, d := range e.Documents {
		for _, p := range []string{"000", "001", "002", "003", "004"} {
			if strings.HasPrefix(d.Origin[strings.LastIndex(d.Origin, "/")+1:], p) {
				byPrefix[p] = d
			}
		}
	}
	if len(byPrefix) != 5 {
		t.Fatalf("found %d of the seeds by their origin", len(byPrefix))
	}
	event := func(p string) string {
		d := byPrefix[p]
		if d.Event == nil {
			t.Errorf("seed %s has no event", p)
			return ""
		}
		return *d.Event
	}
	v2022, v2019, v2024 := event("000"), event("002"), event("003")
	if v2022 == "" || v2022 != event("001") || v2022 != event("004") {
		t.Errorf("seeds 000, 001, 004 report events %s, %s, %s: want one", v2022, event("001"), event("004"))
	}
	if v2019 == v2022 || v2024 == v2022 || v2019 == v2024 {
		t.Errorf("the 2019, 2022 and 2024 visits are events %s, %s, %s: want three", v2019, v2022, v2024)
	}
	find := func(id string) export.Event {
		for _, ev := range e.Events {
			if ev.ID == id {
				return ev
			}
		}
		t.Fatalf("event %s is not exported", id)
		return export.Event{}
	}
	for _, c := range []struct{ id, day string }{{v2022, "2022-05-08"}, {v2019, "2019-02-25"}, {v2024, "2024-05-30"}} {
		ev := find(c.id)
		if ev.Date.Value == nil || *ev.Date.Value != c.day {
			t.Errorf("event %s (%s) is dated %v, want %s", ev.ID, ev.Title, deref(ev.Date.Value), c.day)
		}
		if len(ev.Participants) == 0 {
			t.Errorf("event %s has no participants", ev.ID)
		}
	}
	if got := find(v2022).Documents; len(got) != 3 {
		t.Errorf("the 2022 visit is reported by %v, want three documents", got)
	}
	// The earlier visit that 001 and 004 recall is the 2019 visit, and
	// its date is where they disagree: 18 December 2018 (004) against
	// February 2019 (001) and Monday 25 February (002).
	ev19 := find(v2019)
	for _, p := range []string{"001", "004"} {
		if !slices.Contains(ev19.Mentions, byPrefix[p].ID) {
			t.Errorf("seed %s does not recall the 2019 visit: mentions %v", p, ev19.Mentions)
		}
	}
	var conflict *export.Conflict
	for i, c := range e.Conflicts {
		if c.About == v2019 && c.Kind == "date" {
			conflict = &e.Conflicts[i]
		}
	}
	if conflict == nil {
		t.Fatalf("no date conflict about the 2019 visit: %+v", e.Conflicts)
	}
	want := map[string]string{"004": "2018-12-18", "001": "2019-02", "002": "2019-02-25"}
	for p, value := range want {
		d := byPrefix[p]
		found := false
		for _, c := range conflict.Claims {
			if c.Document == d.ID && c.Value == value {
				found = true
				if !strings.Contains(d.Text[c.Start:c.End], strings.Split(map[string]string{"004": "December 18, 2018", "001": "February 2019", "002": "February 25"}[p], ",")[0]) {
					t.Errorf("claim of %s points at %q", p, d.Text[c.Start:c.End])
				}
			}
		}
		if !found {
			t.Errorf("the conflict lacks seed %s's claim %s: %+v", p, value, conflict.Claims)
		}
	}
	// Where all agree, no conflict: the 2022 visit is dated alike.
	for _, c := range e.Conflicts {
		if c.About == v2022 {
			t.Errorf("a conflict about the 2022 visit: %+v", c)
		}
	}
	if ag := find(v2022).Agreed; ag == nil || !*ag {
		t.Errorf("the outlets' dates of the 2022 visit do not agree: %v", find(v2022).Claims)
	}
	// All three outlets call the 2022 visit Assad's second to Tehran
	// since 2011: a fact they agree on.
	ordinals := map[string]int{}
	for _, f := range find(v2022).Facts {
		if f.Kind == "ordinal" {
			ordinals[f.Document] = f.Value
		}
	}
	for _, p := range []string{"000", "001", "004"} {
		if ordinals[byPrefix[p].ID] != 2 {
			t.Errorf("seed %s's ordinal of the 2022 visit = %d, want 2 (%v)", p, ordinals[byPrefix[p].ID], find(v2022).Facts)
		}
	}
	// Coverage: Khamenei's "This bond … is vital" is carried by all three
	// reports of the 2022 visit; each report omits what only others carry.
	cov := find(v2022).Coverage
	if len(cov) != 3 {
		t.Fatalf("coverage of the 2022 visit = %+v, want three documents", cov)
	}
	assad := entityNamed(t, e, "Bashar al-Assad").ID
	for _, c := range cov {
		if len(c.Statements) == 0 {
			t.Errorf("coverage: %s carries no statement", c.Document)
		}
		if !slices.Contains(c.Participants, assad) {
			t.Errorf("coverage: %s does not name Assad (%s) as taking part: %v", c.Document, assad, c.Participants)
		}
		for _, s := range c.Omitted {
			if slices.Contains(c.Statements, s) {
				t.Errorf("coverage: %s both carries and omits %s", c.Document, s)
			}
		}
	}
	// The 2022 visit and the 2019 visit its reports recall are one story.
	if s22, s19, s24 := find(v2022).Story, find(v2019).Story, find(v2024).Story; s22 == "" || s22 != s19 || s24 == s22 {
		t.Errorf("stories: 2022 %q, 2019 %q, 2024 %q; want 2022 and 2019 in one, 2024 apart", s22, s19, s24)
	}

	// The report tells the story: its timeline, the coverage of the
	// 2022 visit statement by statement, and the disagreement.
	r := run(t, work, "", "export", "--format", "md")
	if r.code != 0 {
		t.Fatalf("export md: exit %d: %s", r.code, r.stderr)
	}
	for _, want := range []string{"## Timeline\n", "## Timelines of who took part", "**Bashar al-Assad**", "## Stories and their timelines", "**Coverage of ", "| date: 2022-05-08 |", "| ordinal: 2 | ✓ | ✓ | ✓ |", "This bond (between Iran and Syria) is vital", "**Where outlets disagree: the date of ", "Assad's first visit to Iran came on December 18, 2018."} {
		if !strings.Contains(r.stdout, want) {
			t.Errorf("the md report lacks %q", want)
		}
	}
}

// TestDemoEvents checks the events of the demo corpus (written for
// Parallax, see internal/demo/corpus/README.md): the previous visit that
// most outlets date March 2022 and The Seren Observer November 2021 is
// one event, and its date a conflict with both sides.
func TestDemoEvents(t *testing.T) {
	work := t.TempDir()
	if r := run(t, work, "", "demo", "--no-serve", "--db", "demo.db"); r.code != 0 {
		t.Fatalf("demo: exit %d: %s", r.code, r.stderr)
	}
	e := exportJSON(t, work, "demo.db")
	var found bool
	for _, c := range e.Conflicts {
		if c.Kind != "date" {
			continue
		}
		march, november := 0, 0
		for _, cl := range c.Claims {
			switch cl.Value {
			case "2022-03":
				march++
			case "2021-11":
				november++
			}
		}
		if march >= 3 && november >= 1 {
			found = true
		}
	}
	if !found {
		t.Errorf("no conflict over the date of Kostava's previous visit (March 2022 / November 2021): %+v", e.Conflicts)
	}
	// The signing of 15 October 2025 is an event several outlets report.
	signed := false
	for _, ev := range e.Events {
		if ev.Date.Value != nil && *ev.Date.Value == "2025-10-15" && len(ev.Documents) >= 3 {
			signed = true
		}
	}
	if !signed {
		t.Errorf("no event of 15 October 2025 reported by three documents or more")
	}
	// The farmers' protest of Tuesday 21 October 2025 is an event of
	// its own, a week after the signing it protests against.
	eventOf := func(title string) string {
		for _, d := range e.Documents {
			if d.Title != nil && strings.HasPrefix(*d.Title, title) {
				if d.Event == nil {
					t.Errorf("%q reports no event", title)
					return ""
				}
				return *d.Event
			}
		}
		t.Fatalf("no document titled %q", title)
		return ""
	}
	signing := eventOf("Valdoria and Essaria sign historic Seren Water-Sharing Agreement")
	for _, title := range []string{"Thousands of Essarian farmers drive tractors into Marosh", "Tractors on Linden Square"} {
		if ev := eventOf(title); ev == "" || ev == signing {
			t.Errorf("%q reports event %q, the signing's (%s): want the protest, another event", title, ev, signing)
		}
	}
	if a, b := eventOf("Thousands of Essarian farmers drive tractors into Marosh"), eventOf("Tractors on Linden Square"); a != b {
		t.Errorf("the two reports of the protest are events %s and %s: want one", a, b)
	}
}

// TestAnalyzeLinksEvents stores the seeds without analysis, then runs
// analyze twice (the second time after nothing changed): the events are
// those ingest finds, and no document is counted twice.
func TestAnalyzeLinksEvents(t *testing.T) {
	dir := seeds(t)
	work := t.TempDir()
	if r := run(t, work, "", "ingest", "--no-analyze", dir); r.code != 0 {
		t.Fatalf("ingest: exit %d: %s", r.code, r.stderr)
	}
	if r := run(t, work, "", "analyze"); r.code != 0 {
		t.Fatalf("analyze: exit %d: %s", r.code, r.stderr)
	}
	e := exportJSON(t, work, "parallax.db")
	sizes := map[int]int{}
	docs := 0
	for _, ev := range e.Events {
		sizes[len(ev.Documents)]++
		docs += len(ev.Documents)
	}
	if docs != 5 || sizes[3] != 1 {
		t.Errorf("after analyze, events %+v: want the five seeds reported, three of them in one event", sizes)
	}
	for _, d := range e.Documents {
		if d.Event == nil {
			t.Errorf("document %s has no event after analyze", d.ID)
		}
	}
}
