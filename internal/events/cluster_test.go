package events_test

import (
	"math"
	"testing"
	"time"

	"github.com/parallax-news/parallax/internal/events"
)

func TestBCubed(t *testing.T) {
	for _, tt := range []struct {
		name        string
		gold, found []string
		p, r        float64
	}{
		{"perfect", []string{"a", "a", "b"}, []string{"1", "1", "2"}, 1, 1},
		{"all in one", []string{"a", "a", "b", "b"}, []string{"1", "1", "1", "1"}, 0.5, 1},
		{"all apart", []string{"a", "a", "b", "b"}, []string{"1", "2", "3", "4"}, 1, 0.5},
		// Bagga & Baldwin's example shape: {1,2,3} right, {4,5} split off
		// a gold cluster of 4.
		{"split", []string{"a", "a", "a", "a", "b"}, []string{"1", "1", "2", "2", "3"}, 1, (0.5*4 + 1) / 5},
		{"unlabelled left out", []string{"a", "", "a"}, []string{"1", "1", "1"}, 1, 1},
	} {
		p, r, f := events.BCubed(tt.gold, tt.found)
		if math.Abs(p-tt.p) > 1e-9 || math.Abs(r-tt.r) > 1e-9 {
			t.Errorf("%s: P %.3f R %.3f, want %.3f %.3f", tt.name, p, r, tt.p, tt.r)
		}
		if want := 2 * tt.p * tt.r / (tt.p + tt.r); math.Abs(f-want) > 1e-9 {
			t.Errorf("%s: F1 %.3f, want %.3f", tt.name, f, want)
		}
	}
}

// sig builds a signature by hand.
func sig(doc, typ, date, place string, participants []string, nameList, words string) events.Signature {
	s := events.Signature{Doc: doc, Type: typ, Place: place, Participants: participants,
		Names: map[string]float64{}, Words: map[string]float64{}}
	if date != "" {
		d, _ := time.Parse("2006-01-02", date)
		s.Date = events.Interval{From: d, To: d}
	}
	for _, n := range splitList(nameList) {
		s.Names[n]++
	}
	for _, w := range splitList(words) {
		s.Words[events.Lemma(w)]++
	}
	for _, p := range participants {
		s.Actors = append(s.Actors, lastWord(p))
		s.Surnames = append(s.Surnames, lastWord(p))
	}
	return s
}

func splitList(s string) []string {
	var out []string
	start := 0
	for i := 0; i <= len(s); i++ {
		if i == len(s) || s[i] == ',' {
			if i > start {
				out = append(out, s[start:i])
			}
			start = i + 1
		}
	}
	return out
}

func lastWord(s string) string {
	for i := len(s) - 1; i >= 0; i-- {
		if s[i] == ' ' {
			return s[i+1:]
		}
	}
	return s
}

// TestClustering feeds a stream of signatures to a Clusterer over a
// Memory index: reports of one event in other words join it; another
// arrest of the same kind, of another actor, and the same actor's arrest
// a year later start clusters of their own.
func TestClustering(t *testing.T) {
	docs := []struct {
		sig   events.Signature
		event string
	}{
		{sig("a1", events.TypeArrest, "2009-01-06", "california", []string{"vincent jackson"},
			"vincent jackson,chargers,california highway patrol,pittsburgh",
			"arrest,suspicion,driving,influence,receiver,playoff,game,dui,charge,morning,patrol"), "jackson"},
		{sig("v1", events.TypeVisit, "2022-05-08", "tehran", []string{"bashar assad", "ali khamenei"},
			"bashar assad,ali khamenei,ebrahim raisi,tehran,iran,syria",
			"visit,unannounced,president,met,leader,talks,war,alliance,surprise"), "visit"},
		{sig("a2", events.TypeArrest, "2009-01-07", "", []string{"vincent jackson"},
			"vincent jackson,chargers,brad baehr,interstate",
			"arrested,driving,influence,receiver,playoff,pulled,violation,misdemeanor,dui,charges,play"), "jackson"},
		{sig("v2", events.TypeMeeting, "2022-05-08", "tehran", []string{"bashar assad", "ebrahim raisi"},
			"bashar assad,ebrahim raisi,ali khamenei,tehran,damascus",
			"meets,leaders,surprise,trip,capital,unannounced,alliance,president,visit,war"), "visit"},
		{sig("a3", events.TypeArrest, "2009-02-02", "california", []string{"jamal williams"},
			"jamal williams,chargers,california highway patrol,route",
			"arrested,suspicion,drunken,driving,tackle,defensive,dui,speeding,patrol,team,second"), "williams"},
		{sig("a4", events.TypeArrest, "2010-03-01", "california", []string{"vincent jackson"},
			"vincent jackson,chargers,california highway patrol",
			"arrested,suspicion,driving,influence,receiver,dui,charge,patrol,morning"), "jackson 2010"},
	}
	mem := events.NewMemory()
	cl := events.Clusterer{Index: mem, Stats: mem, Options: events.DefaultOptions}
	byEvent := map[string]string{}
	for _, d := range docs {
		id, created := cl.Add(d.sig)
		want, seen := byEvent[d.event]
		switch {
		case !seen && !created:
			c, _ := mem.Cluster(id)
			t.Errorf("%s (%s) joined cluster %s %v, want a new cluster", d.sig.Doc, d.event, id, c.Docs)
		case seen && id != want:
			t.Errorf("%s (%s) went to cluster %s, want %s", d.sig.Doc, d.event, id, want)
		}
		if !seen {
			byEvent[d.event] = id
		}
	}

	// A later article recalls the 2022 visit in a sentence: its
	// background event links to the visit's cluster, not to an arrest.
	bg := sig("r1", events.TypeVisit, "2022-05-08", "tehran", []string{"bashar assad"}, "bashar assad,tehran", "visit,tehran,last")
	if got := cl.Link(bg); got != byEvent["visit"] {
		t.Errorf("background visit linked to %q, want %q", got, byEvent["visit"])
	}
	bg2 := sig("r2", events.TypeDeath, "2020-01-03", "iraq", []string{"qassem soleimani"}, "qassem soleimani,iraq", "killed,drone,strike")
	if got := cl.Link(bg2); got != "" {
		t.Errorf("background killing linked to %q, want none", got)
	}
}

func TestDecideUsesEventFeatures(t *testing.T) {
	mem := events.NewMemory()
	a := sig("q1", events.TypeDisaster, "2008-09-27", "iran", nil, "iran,qeshm", "earthquake,magnitude,struck,island,killed,buildings")
	b := sig("q2", events.TypeDisaster, "2013-04-09", "iran", nil, "iran,bushehr", "earthquake,magnitude,struck,killed,buildings,province")
	mem.Observe(events.Terms(a))
	mem.Observe(events.Terms(b))
	c := events.Join(events.Cluster{ID: "1"}, a, nil)
	withEvents := events.Score(b, c, mem, events.DefaultOptions)
	opts := events.DefaultOptions
	opts.Events = false
	wordsOnly := events.Score(b, c, mem, opts)
	if withEvents >= wordsOnly {
		t.Errorf("earthquakes five years apart: score %.3f with event features, want below %.3f of words alone", withEvents, wordsOnly)
	}
}

// TestUndatedReports clusters reports without publication dates, whose
// main events the text does not date either: the latest year each names
// (that of its writing) and whom each is about keep apart two patches of
// one browser years apart and two arrests of one team's players.
func TestUndatedReports(t *testing.T) {
	withYears := func(s events.Signature, years ...int) events.Signature {
		s.Years = years
		s.People = map[string]float64{}
		for _, p := range s.Participants {
			s.People[lastWord(p)] += 3
		}
		return s
	}
	docs := []struct {
		sig   events.Signature
		event string
	}{
		{withYears(sig("p1", events.TypeAction, "", "", nil, "microsoft,internet explorer,windows 8,fireeye,japan",
			"patch,flaw,browser,security,update,emergency,attack,fix,hacker"), 2008, 2013), "patch 2013"},
		{withYears(sig("p2", events.TypeAction, "", "", nil, "microsoft,internet explorer,windows xp,trend micro,firefox",
			"patch,flaw,browser,security,emergency,release,exploit,user,vulnerability"), 2008), "patch 2008"},
		{withYears(sig("p3", events.TypeAction, "", "", nil, "microsoft,internet explorer,windows 8,fireeye",
			"patch,flaw,browser,security,update,zero-day,attack,fix,hacker"), 2013), "patch 2013"},
		{withYears(sig("a1", events.TypeArrest, "", "", []string{"vincent jackson"}, "vincent jackson,chargers,san diego",
			"arrest,suspicion,driving,influence,receiver,dui,charge,patrol")), "jackson"},
		{withYears(sig("a2", events.TypeArrest, "", "", []string{"jamal williams"}, "jamal williams,chargers,san diego",
			"arrested,drunken,driving,tackle,defensive,speeding,lineman,suspicion")), "williams"},
		{withYears(sig("a3", events.TypeArrest, "", "", []string{"vincent jackson"}, "vincent jackson,chargers,san diego",
			"arrested,suspicion,driving,influence,receiver,dui,play,game")), "jackson"},
	}
	mem := events.NewMemory()
	cl := events.Clusterer{Index: mem, Stats: mem, Options: events.DefaultOptions}
	byEvent := map[string]string{}
	for _, d := range docs {
		id, created := cl.Add(d.sig)
		want, seen := byEvent[d.event]
		switch {
		case !seen && !created:
			c, _ := mem.Cluster(id)
			t.Errorf("%s (%s) joined cluster %s %v, want a new cluster", d.sig.Doc, d.event, id, c.Docs)
		case seen && id != want:
			t.Errorf("%s (%s) went to cluster %s, want %s", d.sig.Doc, d.event, id, want)
		}
		if !seen {
			byEvent[d.event] = id
		}
	}
}
