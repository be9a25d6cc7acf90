package events_test

import (
	"math"
	"slices"
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
// streamed is a document of a clustering stream: its signature and the
// event it reports.
type streamed struct {
	sig   events.Signature
	event string
}

// stream adds the documents to an empty in-memory index one at a time and
// checks that each starts a cluster of its own for a new event and joins
// the cluster of its event's first document otherwise. It returns the
// clusterer and the cluster of each event.
func stream(t *testing.T, docs []streamed) (*events.Clusterer, map[string]string) {
	t.Helper()
	mem := events.NewMemory()
	cl := &events.Clusterer{Index: mem, Stats: mem, Options: events.DefaultOptions}
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
	return cl, byEvent
}

func TestClustering(t *testing.T) {
	docs := []streamed{
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
	cl, byEvent := stream(t, docs)

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
	docs := []streamed{
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
	stream(t, docs)
}

// TestDaysApart compares reports of dated documents whose main events
// are dated to the day: the signing on the second day of a state visit
// joins the visit, a protest against the deal a week later does not,
// though its words are the deal's.
func TestDaysApart(t *testing.T) {
	published := func(s events.Signature) events.Signature {
		s.Published = s.Date.From
		return s
	}
	visit := published(sig("v", events.TypeVisit, "2025-10-14", "marosh", []string{"irena kostava"},
		"irena kostava,marosh,essaria,valdoria,seren", "visit,state,water,deal,river,agreement,king"))
	signing := published(sig("s", events.TypeAgreement, "2025-10-15", "marosh", []string{"irena kostava"},
		"irena kostava,marosh,essaria,valdoria,seren", "sign,water,deal,river,agreement,visit"))
	protest := published(sig("p", events.TypeAction, "2025-10-21", "marosh", nil,
		"marosh,essaria,valdoria,seren,irena kostava", "protest,tractor,farmer,water,deal,river,agreement"))
	mem := events.NewMemory()
	for _, s := range []events.Signature{visit, signing, protest} {
		mem.Observe(events.Terms(s))
	}
	c := events.Join(events.Cluster{ID: "1"}, visit, nil)
	if d := events.Decide(signing, []events.Cluster{c}, mem, events.DefaultOptions); d.Cluster != 0 {
		t.Errorf("the signing a day after the visit's first day does not join it (score %.2f)", events.Score(signing, c, mem, events.DefaultOptions))
	}
	c = events.Join(c, signing, nil)
	if d := events.Decide(protest, []events.Cluster{c}, mem, events.DefaultOptions); d.Cluster >= 0 {
		t.Errorf("the protest a week later joins the visit (score %.2f)", d.Score)
	}
	undated := protest
	undated.Published = time.Time{}
	if s, d := events.Score(undated, c, mem, events.DefaultOptions), events.Score(protest, c, mem, events.DefaultOptions); s <= d {
		t.Errorf("without a publication date the protest scores %.2f, want above %.2f: its date is not sure", s, d)
	}
}

// TestMerge merges two clusters of one event: the later's members move
// to the earlier, and what they add up to is the sum of both.
func TestMerge(t *testing.T) {
	a1 := sig("a1", events.TypeArrest, "2009-01-06", "california", []string{"vincent jackson"},
		"vincent jackson,chargers,california highway patrol", "arrest,suspicion,driving,influence,receiver,dui")
	a2 := sig("a2", events.TypeArrest, "2009-01-07", "", []string{"vincent jackson"},
		"vincent jackson,chargers,brad baehr", "arrested,driving,influence,receiver,dui,charges")
	w := sig("w", events.TypeArrest, "2009-02-02", "california", []string{"jamal williams"},
		"jamal williams,chargers,california highway patrol", "arrested,drunken,driving,tackle,defensive,speeding")
	mem := events.NewMemory()
	for _, s := range []events.Signature{a1, a2, w} {
		mem.Observe(events.Terms(s))
	}
	x := events.Join(events.Cluster{ID: "1"}, a1, []string{"n:vincent jackson"})
	y := events.Join(events.Cluster{ID: "2"}, a2, []string{"n:brad baehr"})
	z := events.Join(events.Cluster{ID: "3"}, w, nil)
	opts := events.DefaultOptions
	opts.MergeThreshold = 0.75
	if !events.ShouldMerge(x, y, mem, opts) {
		t.Errorf("two reports of Jackson's arrest: no merge (%.2f, %.2f)", events.MergeScore(x, y, mem, opts), events.MergeScore(y, x, mem, opts))
	}
	if events.ShouldMerge(x, z, mem, opts) {
		t.Errorf("Jackson's arrest and Williams's merge (%.2f)", events.MergeScore(x, z, mem, opts))
	}
	m := events.Merge(x, y)
	if m.ID != "1" || len(m.Docs) != 2 || m.Docs[1] != "a2" || m.Types[events.TypeArrest] != 2 || len(m.Keys) != 2 {
		t.Errorf("merged cluster %+v", m)
	}
	if m.Date.From.Format("2006-01-02") != "2009-01-06" || m.Date.To.Format("2006-01-02") != "2009-01-07" {
		t.Errorf("merged date %v", m.Date)
	}
	if len(x.Docs) != 1 || x.Types[events.TypeArrest] != 1 {
		t.Errorf("Merge changed its argument: %+v", x)
	}
}

// TestLeave checks that a document leaving a cluster takes off what it
// brought: joining and leaving again gives the cluster back.
func TestLeave(t *testing.T) {
	a := events.Signature{Doc: "a", Type: events.TypeVisit, Place: "tehran", Participants: []string{"bashar asad"},
		Names: map[string]float64{"bashar asad": 2, "tehran": 1}, Words: map[string]float64{"visit": 1}, Actors: []string{"asad"}, Surnames: []string{"asad"}}
	b := events.Signature{Doc: "b", Type: events.TypeMeeting, Place: "tehran", Participants: []string{"bashar asad", "khamenei"},
		Names: map[string]float64{"khamenei": 1}, Words: map[string]float64{"met": 2}, Actors: []string{"khamenei"}, Surnames: []string{"khamenei", "asad"}}
	one := events.Join(events.Cluster{}, a, []string{"p:bashar asad"})
	two := events.Join(one, b, []string{"p:khamenei"})
	back := events.Leave(two, b)
	if !slices.Equal(back.Docs, one.Docs) || back.Types[events.TypeMeeting] != 0 || back.Participants["khamenei"] != 0 || back.Participants["bashar asad"] != 1 {
		t.Errorf("after b leaves: %+v", back)
	}
	if _, ok := back.Names["khamenei"]; ok || math.Abs(back.Names["bashar asad"]-one.Names["bashar asad"]) > 1e-9 {
		t.Errorf("after b leaves, names %v, want %v", back.Names, one.Names)
	}
	if len(two.Docs) != 2 {
		t.Errorf("Leave changed the cluster it was given: %v", two.Docs)
	}
}

func TestShouldMergeKeepsDaysApart(t *testing.T) {
	sig := func(doc, day string) events.Signature {
		d, _ := time.Parse("2006-01-02", day)
		return events.Signature{Doc: doc, Type: "protest", Place: "marosh", Date: events.Interval{From: d, To: d}, Published: d,
			Names: map[string]float64{"farmers": 1, "marosh": 1, "seren": 1}, Words: map[string]float64{"tractors": 1, "deal": 1, "water": 1}}
	}
	st := events.NewMemory()
	a := events.Join(events.Cluster{ID: "1"}, sig("a", "2025-10-21"), nil)
	b := events.Join(events.Cluster{ID: "2"}, sig("b", "2025-10-22"), nil)
	c := events.Join(events.Cluster{ID: "3"}, sig("c", "2025-10-15"), nil)
	if !events.ShouldMerge(a, b, st, events.DefaultOptions) {
		t.Errorf("two reports of one protest, a day apart, do not merge")
	}
	if events.ShouldMerge(a, c, st, events.DefaultOptions) {
		t.Errorf("reports six days apart merge")
	}
}
