package events_test

import (
	"slices"
	"testing"

	"github.com/parallax-news/parallax/internal/events"
)

// TestLeadNumbers: the numbers a lead writes in digits are details of
// its event; years, dates and clock times are not.
func TestLeadNumbers(t *testing.T) {
	an := newAnalyzer(t)
	tests := []struct {
		text string
		want []string
	}{
		{"A magnitude 5.6 earthquake struck the island of Brenholm on Sunday, injuring 14 people.", []string{"5.6", "14"}},
		{"Thieves stole jewels worth $1,200,000 from a shop in Lisvale in March 2011.", []string{"1200000"}},
		{"Updated 10:42 GMT, 12/05/2019. Coast guards detained 26 smugglers.", []string{"26"}},
		{"The council met in 2014 to discuss the plan.", nil},
		{"Robbers took $48-million in gems from a Lisvale jeweller.", []string{"48"}},
	}
	for _, tt := range tests {
		a := an.Analyze(tt.text)
		sig := events.Sign(events.Input{ID: "d", Text: tt.text, Analysis: a, Frames: events.Extract(tt.text, a)})
		if !slices.Equal(sig.Numbers, tt.want) {
			t.Errorf("Numbers of %q = %q, want %q", tt.text, sig.Numbers, tt.want)
		}
	}
}

// TestLeadPlaces: the places the lead names, and all the places.
func TestLeadPlaces(t *testing.T) {
	an := newAnalyzer(t)
	txt := "A fire destroyed a supermarket in Banstead, Surrey, on Friday night.\nFirefighters fought the blaze for hours.\nNobody was hurt.\nA similar fire hit a shop in Tiverton last year."
	a := an.Analyze(txt)
	sig := events.Sign(events.Input{ID: "d", Text: txt, Analysis: a, Frames: events.Extract(txt, a)})
	if !slices.Contains(sig.LeadPlaces, "banstead") || slices.Contains(sig.LeadPlaces, "tiverton") {
		t.Errorf("LeadPlaces = %q, want banstead and not tiverton", sig.LeadPlaces)
	}
	if !slices.Contains(sig.AllPlaces, "tiverton") {
		t.Errorf("AllPlaces = %q, want tiverton too", sig.AllPlaces)
	}
}

// TestLeadWeekdays: the days of the week the headline and lead name.
func TestLeadWeekdays(t *testing.T) {
	an := newAnalyzer(t)
	txt := "Police in Marrowby arrested a former mayor on Tuesday, two days after Sunday's vote.\nHe denies the charges.\nHis lawyer spoke briefly.\nA hearing is set for Friday."
	a := an.Analyze(txt)
	sig := events.Sign(events.Input{ID: "d", Text: txt, Analysis: a, Frames: events.Extract(txt, a)})
	if want := []string{"tuesday", "sunday"}; !slices.Equal(sig.Weekdays, want) {
		t.Errorf("Weekdays = %q, want %q (not the Friday past the lead)", sig.Weekdays, want)
	}
}

func TestAgreement(t *testing.T) {
	jackson := events.Details{Doc: "a", Actors: []string{"jackson"}, Surnames: []string{"jackson", "baehr"}, Numbers: []string{"52"}, Year: 2009}
	jackson2 := events.Details{Doc: "b", Actors: []string{"jackson"}, Surnames: []string{"jackson"}, Numbers: []string{"52", "3"}, Year: 2009}
	williams := events.Details{Doc: "c", Actors: []string{"williams"}, Surnames: []string{"williams", "jackson"}, Numbers: []string{"94"}, Year: 2009}
	quake1 := events.Details{Doc: "d", LeadPlaces: []string{"brenholm"}, Places: []string{"brenholm", "norland"}, Numbers: []string{"5.6"}, Year: 2008}
	quake2 := events.Details{Doc: "e", LeadPlaces: []string{"kestrel bay"}, Places: []string{"kestrel bay", "norland"}, Numbers: []string{"6.1", "10"}, Year: 2005}
	quake3 := events.Details{Doc: "f", LeadPlaces: []string{"brenholm"}, Places: []string{"brenholm"}}
	patch1 := events.Details{Doc: "g", Weekdays: []string{"tuesday"}}
	patch2 := events.Details{Doc: "h", Weekdays: []string{"wednesday", "tuesday"}}
	patch3 := events.Details{Doc: "i", Weekdays: []string{"thursday"}}
	tests := []struct {
		a, b events.Details
		want int
	}{
		{jackson, jackson2, 3},  // same man, a number, the year
		{jackson, williams, -1}, // other man, other numbers, same year
		{quake1, quake2, -3},    // other place, magnitude, year
		{quake1, quake3, 1},     // same place, nothing else to compare
		{events.Details{}, quake1, 0},
		{patch1, patch2, 1}, // a day in common
		{patch1, patch3, -1},
	}
	for _, tt := range tests {
		if got := events.Agreement(tt.a, tt.b); got != tt.want {
			t.Errorf("Agreement(%s, %s) = %d, want %d", tt.a.Doc, tt.b.Doc, got, tt.want)
		}
		if got := events.Agreement(tt.b, tt.a); got != tt.want {
			t.Errorf("Agreement(%s, %s) = %d, want %d (symmetric)", tt.b.Doc, tt.a.Doc, got, tt.want)
		}
	}
}

// TestDetailsKeepReportsApart: two undated reports of two arrests of one
// team's players, alike in every word but the man and the numbers: their
// details keep them apart where the words alone would join them, and a
// third report of the first arrest still joins it.
func TestDetailsKeepReportsApart(t *testing.T) {
	mk := func(id, who, num string) events.Signature {
		s := sig(id, events.TypeArrest, "", "", nil, "chargers,san diego", "arrested,suspicion,drunken,driving,chargers,player,police,freeway")
		s.Actors, s.Surnames, s.Numbers, s.Years = []string{who}, []string{who}, []string{num}, []int{2009}
		s.People = map[string]float64{who: 1}
		return s
	}
	a1, b1, a2 := mk("a1", "jackson", "52"), mk("b1", "williams", "94"), mk("a2", "jackson", "52")
	mem := events.NewMemory()
	for _, s := range []events.Signature{a1, b1, a2} {
		mem.Observe(events.Terms(s))
	}
	c := events.Join(events.Cluster{ID: "1"}, a1, nil)
	opts := events.DefaultOptions
	with := events.Score(b1, c, mem, opts)
	opts.DetailWeight = 0
	without := events.Score(b1, c, mem, opts)
	if with >= without {
		t.Errorf("other man's arrest: score %.3f with details, want below %.3f without", with, without)
	}
	if s := events.Score(a2, c, mem, events.DefaultOptions); s < events.DefaultOptions.Threshold {
		t.Errorf("same arrest: score %.3f, want at least the threshold %.2f", s, events.DefaultOptions.Threshold)
	}
	// A cluster leaves out what a member that leaves brought.
	c2 := events.Join(c, b1, nil)
	if c3 := events.Leave(c2, b1); len(c3.Details) != 1 || c3.Details[0].Doc != "a1" {
		t.Errorf("details after leaving: %+v", c3.Details)
	}
}
