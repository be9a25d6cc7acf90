package events

import (
	"cmp"
	"math"
	"slices"
	"sort"
	"strconv"
	"time"
)

// Cluster is an event across documents: the documents that report it as
// their main event, and what their signatures add up to. It is a plain
// value so that a store can keep it and hand it back as a candidate.
type Cluster struct {
	ID   string
	Docs []string
	// Types, Places and Participants count the members' main-event types,
	// place keys and participant keys.
	Types        map[string]int
	Places       map[string]int
	Participants map[string]int
	Date         Interval // union of the members' known dates
	// Days counts the members' main-event dates that are sure to the
	// day (see Signature.DayPrecise), as 2006-01-02.
	Days map[string]int `json:",omitempty"`
	// Names and Words sum the members' weights, each member's normalized
	// to a sum of one, so that long articles do not drown short ones.
	Names map[string]float64
	Words map[string]float64
	// People and Locations sum the members' Signature.People and
	// Signature.Locations the same way.
	People, Locations map[string]float64
	// Actors and Surnames count the members' Signature.Actors and
	// Signature.Surnames.
	Actors, Surnames map[string]int
	// Details are the details of the latest members (at most
	// maxDetails), compared one by one with a document's (see Details).
	Details []Details `json:",omitempty"`
	// Latest counts the latest of each member's Signature.Years: the
	// years the members were written in.
	Latest map[int]int
	// Keys are the blocking keys the cluster is found by (see Keys).
	Keys []string

	// norms keeps the idf-weighted lengths of Names and Words once
	// computed, while the cluster is unchanged (see CacheNorms).
	norms *norms
}

// norms are a cluster's weighted vector lengths, squared; 0 is not yet.
// docs is the count of documents (Stats.Docs) they were weighed at: the
// weights move with every document counted, and lengths weighed at an
// older count no longer match the dot products weighed now.
type norms struct {
	names, words float64
	docs         int
}

// CacheNorms makes c (and its copies) keep the weighted lengths of its
// names and words once Score has computed them, while the count of
// documents stays the same: a cluster compared with a document's main
// event and its background events weighs its own terms once. The
// weights move as documents are counted, so the lengths are weighed
// again after: lengths a few documents old make the cosine of a large
// cluster drift from what it is (on ECB+, 0.3 points of B³ F1). Join
// and Leave return clusters without the cache.
func (c *Cluster) CacheNorms() { c.norms = &norms{} }

// Index finds the clusters a new document may join and keeps them. An
// in-memory implementation is Memory; a store can implement it with a
// table of clusters and one of blocking keys.
type Index interface {
	// Candidates returns the clusters filed under any of the keys.
	Candidates(keys []string) []Cluster
	// Put files a new or updated cluster under its Keys, replacing the
	// cluster of the same ID.
	Put(c Cluster)
	// NewID returns an ID for a new cluster.
	NewID() string
}

// Stats counts the documents that hold each name and word, for the
// inverse document frequencies of the comparison. Terms are name keys
// prefixed "n:" and words prefixed "w:".
type Stats interface {
	DocFreq(term string) int
	Docs() int
	// Observe counts one more document holding the terms.
	Observe(terms []string)
}

// Options weigh the evidence of Decide.
type Options struct {
	// NameWeight and WordWeight weigh the cosine similarities of names and
	// of content words between a document and a cluster.
	NameWeight, WordWeight float64
	// Events turns on the event features: type, place, participants and
	// date. Without them the comparison is plain word and name overlap.
	Events bool
	// Threshold is the score a document must reach to join a cluster.
	Threshold float64
	// MaxGap is how far apart two known dates may be for one event.
	MaxGap time.Duration
	// DatePenalty is taken off the score of a cluster dated more than
	// MaxGap away from the document: dates read from text are often
	// those of other events, so a gap weighs, it does not forbid.
	DatePenalty float64
	// DayGap is how far apart the days of one event may be when the
	// document and members of the cluster are dated to the day surely
	// (see Signature.DayPrecise): a two-day state visit is one event
	// with the signing on its second day, the protest against the deal
	// a week later is another. Further than DayGap from every member's
	// day, a document of an unrelated type is ruled out, and one of a
	// related type loses DayPenalty.
	DayGap     time.Duration
	DayPenalty float64
	// ActorPenalty is taken off the score of a cluster about other
	// people than the document (see Signature.Actors).
	ActorPenalty float64
	// DetailWeight weighs the mean agreement of the document's details
	// with each of the cluster's members' (see Details and Agreement).
	DetailWeight float64
	// PeopleWeight and PlaceWeight weigh the cosine similarities of the
	// people and of the places the document and the cluster name (see
	// Signature.People and Signature.Locations).
	PeopleWeight, PlaceWeight float64
	// YearBonus is added to the score of a cluster whose members were
	// written in the year the document was (the latest year it names,
	// see Signature.Years), in proportion to their share; YearPenalty
	// is taken off one none of whose members was.
	YearBonus, YearPenalty float64
	// MergeThreshold, when above zero, is the score (see MergeScore) at
	// which two clusters are taken for one event and merged. With the
	// details compared member by member (DetailWeight), two clusters of
	// one event's reports meet at 0.75 while those of two events of a
	// kind seldom do: on ECB+ merging takes B³ F1 from 91.2 to 92.2.
	MergeThreshold float64
}

// DefaultOptions are the weights Parallax uses.
var DefaultOptions = Options{NameWeight: 0.3, WordWeight: 0.45, PeopleWeight: 0.3, PlaceWeight: 0.1, Events: true, Threshold: 0.4,
	MaxGap: 30 * 24 * time.Hour, DatePenalty: 0.15, DayGap: 3 * 24 * time.Hour, DayPenalty: 0.3, ActorPenalty: 0.15, DetailWeight: 0.05,
	YearBonus: 0.2, YearPenalty: 0.1, MergeThreshold: 0.75}

// Decision is the outcome of Decide.
type Decision struct {
	Cluster int     // index of the candidate to join, -1 to start a new cluster
	Score   float64 // the best candidate's score
}

// Keys returns the blocking keys of a signature: its most salient names
// ("n:"), participants ("p:"), place ("l:"), most salient words ("w:") and
// its type by month ("t:visit:2022-05") when dated.
func Keys(sig Signature, st Stats) []string {
	var keys []string
	for _, n := range top(sig.Names, "n:", st, 8) {
		keys = append(keys, "n:"+n)
	}
	for _, p := range sig.Participants {
		keys = append(keys, "p:"+p)
	}
	if sig.Place != "" {
		keys = append(keys, "l:"+sig.Place)
	}
	for _, w := range top(sig.Words, "w:", st, 8) {
		keys = append(keys, "w:"+w)
	}
	if sig.Type != "" && sig.Date.Known() {
		for m := sig.Date.From; !m.After(sig.Date.To.AddDate(0, 1, 0)); m = m.AddDate(0, 1, 0) {
			keys = append(keys, "t:"+sig.Type+":"+m.Format("2006-01"))
		}
	}
	slices.Sort(keys)
	return slices.Compact(keys)
}

// top returns the n terms of v with the highest weight times inverse
// document frequency.
func top(v map[string]float64, prefix string, st Stats, n int) []string {
	type tw struct {
		t string
		w float64
	}
	all := make([]tw, 0, len(v))
	for t, w := range v {
		all = append(all, tw{t, w * idfOf(st, prefix, t)})
	}
	sort.Slice(all, func(i, j int) bool {
		if all[i].w != all[j].w {
			return all[i].w > all[j].w
		}
		return all[i].t < all[j].t
	})
	out := make([]string, 0, n)
	for i := 0; i < len(all) && i < n; i++ {
		out = append(out, all[i].t)
	}
	return out
}

// idf is the smoothed inverse document frequency of a term.
func idf(st Stats, term string) float64 {
	if st == nil {
		return 1
	}
	return math.Log(float64(st.Docs()+1)/float64(st.DocFreq(term)+1)) + 1
}

// PrefixedStats is a Stats that keeps each kind of term apart, so that
// looking one up builds no string: DocFreqOf(prefix, t) is DocFreq(prefix
// + t). Comparing a document with its candidates looks terms up by the
// thousand.
type PrefixedStats interface {
	DocFreqOf(prefix, term string) int
}

// idfOf is idf(st, prefix+term), without building the term when st is a
// PrefixedStats.
func idfOf(st Stats, prefix, term string) float64 {
	if ps, ok := st.(PrefixedStats); ok {
		return math.Log(float64(st.Docs()+1)/float64(ps.DocFreqOf(prefix, term)+1)) + 1
	}
	return idf(st, prefix+term)
}

// Terms returns the terms of a signature as Stats counts them.
func Terms(sig Signature) []string {
	out := make([]string, 0, len(sig.Names)+len(sig.Words))
	for n := range sig.Names {
		out = append(out, "n:"+n)
	}
	for w := range sig.Words {
		out = append(out, "w:"+w)
	}
	return out
}

// Score returns how well a document's signature fits a cluster: the
// weighted cosine similarities of names and words, with the event
// features when opts.Events is set: the similarities of the people and
// places named, a bonus for the same type, place and participants and
// for the same year of writing, penalties for other people and another
// year, and one that rules the cluster out when the dates are known and
// too far apart.
func Score(sig Signature, c Cluster, st Stats, opts Options) float64 {
	return score(sig, weigh(sig, st), c, st, opts)
}

// weighted is a signature's names and words with their inverse document
// frequencies, worked out once for all the clusters it is compared with.
type weighted struct{ names, words map[string]float64 }

// weigh returns the idf of each of sig's names and words.
func weigh(sig Signature, st Stats) weighted {
	w := weighted{names: make(map[string]float64, len(sig.Names)), words: make(map[string]float64, len(sig.Words))}
	for t := range sig.Names {
		w.names[t] = idfOf(st, "n:", t)
	}
	for t := range sig.Words {
		w.words[t] = idfOf(st, "w:", t)
	}
	return w
}

// score is Score with the signature's weights worked out.
func score(sig Signature, sw weighted, c Cluster, st Stats, opts Options) float64 {
	var nc, wc *float64
	if c.norms != nil {
		if docs := docsOf(st); c.norms.docs != docs {
			*c.norms = norms{docs: docs}
		}
		nc, wc = &c.norms.names, &c.norms.words
	}
	names := weightedCosine(sig.Names, sw.names, c.Names, "n:", st, nc)
	s := opts.NameWeight*names + opts.WordWeight*weightedCosine(sig.Words, sw.words, c.Words, "w:", st, wc)
	if !opts.Events {
		return s
	}
	// Whom and where the story is about, when both tell: else the names
	// stand in.
	people, places := names, names
	if len(sig.People) > 0 && len(c.People) > 0 {
		people = cosine(sig.People, c.People, "", nil)
	}
	if len(sig.Locations) > 0 && len(c.Locations) > 0 {
		places = cosine(sig.Locations, c.Locations, "", nil)
	}
	s += opts.PeopleWeight*people + opts.PlaceWeight*places
	if sig.Date.Known() && c.Date.Known() && sig.Date.Gap(c.Date) > opts.MaxGap {
		s -= opts.DatePenalty
		if sig.Date.Width() <= precise && c.Date.Width() <= precise {
			return s - 1 // both dated to the day or month: surely apart
		}
	}
	if opts.DayGap > 0 && sig.DayPrecise() && len(c.Days) > 0 && !nearDay(sig.Date.From, c.Days, opts.DayGap) {
		if sig.Type == "" || c.Types[sig.Type] == 0 && !compatible(sig.Type, c.Types) {
			return s - 1 // another day and another kind of event
		}
		s -= opts.DayPenalty
	}
	if actorsConflict(sig, c) {
		s -= opts.ActorPenalty
	}
	if opts.DetailWeight != 0 {
		s += opts.DetailWeight * detailFit(detailsOf(sig), c)
	}
	s += yearFit(sig, c, opts)
	if sig.Type != "" && len(c.Types) > 0 {
		if c.Types[sig.Type] > 0 || compatible(sig.Type, c.Types) {
			s += 0.03
		} else {
			s -= 0.03
		}
	}
	if sig.Place != "" && c.Places[sig.Place] > 0 {
		s += 0.04
	}
	shared := 0
	for _, p := range sig.Participants {
		if c.Participants[p] > 0 {
			shared++
		}
	}
	s += 0.04 * float64(min(shared, 2))
	return s
}

// docsOf is st.Docs(), 0 without st.
func docsOf(st Stats) int {
	if st == nil {
		return 0
	}
	return st.Docs()
}

// nearDay reports whether day d is within gap of one of the days.
func nearDay(d time.Time, days map[string]int, gap time.Duration) bool {
	for k, n := range days {
		if n == 0 {
			continue
		}
		t, err := time.Parse("2006-01-02", k)
		if err != nil {
			continue
		}
		if diff := d.Sub(t); diff <= gap && diff >= -gap {
			return true
		}
	}
	return false
}

// actorsConflict reports whether a document and a cluster are about
// different people: each names people in its lead, and neither names
// any of the other's anywhere.
func actorsConflict(sig Signature, c Cluster) bool {
	if len(sig.Actors) == 0 || len(c.Actors) == 0 {
		return false
	}
	for _, a := range sig.Actors {
		if c.Surnames[a] > 0 {
			return false
		}
	}
	for a := range c.Actors {
		if slices.Contains(sig.Surnames, a) {
			return false
		}
	}
	return true
}

// yearFit returns what the years a document and a cluster name add to
// their score: the latest year a report names is most often that of its
// writing, and reports of one event are written in the same year.
func yearFit(sig Signature, c Cluster, opts Options) float64 {
	n := len(sig.Years)
	if n == 0 || len(c.Latest) == 0 {
		return 0
	}
	y := sig.Years[n-1]
	total := 0
	for _, k := range c.Latest {
		total += k
	}
	if share := float64(c.Latest[y]) / float64(total); share > 0 {
		return opts.YearBonus * share
	}
	return -opts.YearPenalty
}

// precise is the widest a date may be to count as precise.
const precise = 31 * 24 * time.Hour

// related groups event types that news reports of one event use in turn:
// a visit is talks, an attack a killing, a disaster deaths.
var related = map[string]string{
	TypeVisit: "meet", TypeMeeting: "meet", TypeStatement: "meet", TypeAgreement: "meet",
	TypeDeath: "harm", TypeAttack: "harm", TypeDisaster: "harm", TypeArrest: "harm",
	TypeAppointment: "office", TypeDeparture: "office", TypeElection: "office",
}

// compatible reports whether type t is related to one of the types.
func compatible(t string, types map[string]int) bool {
	g, ok := related[t]
	if !ok {
		return false
	}
	for u, n := range types {
		if n > 0 && related[u] == g {
			return true
		}
	}
	return false
}

// cosine returns the cosine similarity of two weighted term sets, the
// weights multiplied by the terms' inverse document frequencies.
// weightedCosine is cosine with a's idfs given (aIdf).
func weightedCosine(a, aIdf, b map[string]float64, prefix string, st Stats, bNorm *float64) float64 {
	if len(a) == 0 || len(b) == 0 {
		return 0
	}
	var na, nb, dot float64
	for t, w := range a {
		f := aIdf[t]
		x := w * f
		na += x * x
		if v, ok := b[t]; ok {
			dot += x * v * f
		}
	}
	if bNorm != nil && *bNorm > 0 {
		nb = *bNorm
	} else {
		for t, v := range b {
			f := idfOf(st, prefix, t)
			nb += v * f * v * f
		}
		if bNorm != nil {
			*bNorm = nb
		}
	}
	if na == 0 || nb == 0 {
		return 0
	}
	return dot / math.Sqrt(na*nb)
}

func cosine(a, b map[string]float64, prefix string, st Stats) float64 {
	if len(a) == 0 || len(b) == 0 {
		return 0
	}
	var na, nb, dot float64
	for t, w := range a {
		f := idfOf(st, prefix, t)
		x := w * f
		na += x * x
		if v, ok := b[t]; ok {
			dot += x * v * f
		}
	}
	for t, v := range b {
		f := idfOf(st, prefix, t)
		nb += v * f * v * f
	}
	if na == 0 || nb == 0 {
		return 0
	}
	return dot / math.Sqrt(na*nb)
}

// Decide chooses, among the candidate clusters, the one a new document
// joins, or none (Decision.Cluster -1) when none scores opts.Threshold.
func Decide(sig Signature, cands []Cluster, st Stats, opts Options) Decision {
	d := Decision{Cluster: -1}
	sw := weigh(sig, st)
	for i, c := range cands {
		s := score(sig, sw, c, st, opts)
		if s >= opts.Threshold && (d.Cluster < 0 || s > d.Score) {
			d = Decision{Cluster: i, Score: s}
		}
	}
	return d
}

// MatchBackground returns the candidate cluster whose event a background
// signature recalls, or -1: one of the same or a related type that shares
// a participant, whose date, when both are known, agrees, and whose names
// and words score opts.Threshold.
func MatchBackground(bg Signature, cands []Cluster, st Stats, opts Options) int {
	best, bestScore := -1, 0.0
	for i, c := range cands {
		if bg.Type != "" && c.Types[bg.Type] == 0 && !compatible(bg.Type, c.Types) {
			continue
		}
		if bg.Date.Known() && c.Date.Known() && bg.Date.Gap(c.Date) > opts.MaxGap {
			continue
		}
		if opts.DayGap > 0 && bg.Date.Known() && bg.Date.Width() == 0 && len(c.Days) > 0 && !nearDay(bg.Date.From, c.Days, opts.DayGap) {
			continue // a day named for it, days from any day its reports give
		}
		shared := false
		for _, p := range bg.Participants {
			shared = shared || c.Participants[p] > 0 || c.Names[p] > 0
		}
		if !shared {
			continue
		}
		s := Score(bg, c, st, opts)
		if s >= opts.Threshold/2 && (best < 0 || s > bestScore) {
			best, bestScore = i, s
		}
	}
	return best
}

// Join returns cluster c with the document of sig added; keys are the
// document's blocking keys.
func Join(c Cluster, sig Signature, keys []string) Cluster {
	c = tally(c, sig, 1)
	c.Docs = append(slices.Clip(c.Docs), sig.Doc)
	c.Date = c.Date.Union(sig.Date)
	c.Keys = append(slices.Clip(c.Keys), keys...)
	slices.Sort(c.Keys)
	c.Keys = slices.Compact(c.Keys)
	return c
}

// Leave returns cluster c without the document of sig: what Join added
// for it, taken off again (a document whose date or analysis changed
// leaves its event before it is linked anew). The union of dates and the
// blocking keys stay, for want of the other members' own.
func Leave(c Cluster, sig Signature) Cluster {
	c = tally(c, sig, -1)
	c.Docs = slices.DeleteFunc(slices.Clone(c.Docs), func(d string) bool { return d == sig.Doc })
	return c
}

// tally returns c with what sig brings to its counts and weights added
// (d = 1) or taken off (d = -1): the one place that knows what a member
// brings, so that joining and leaving stay each other's inverse. Maps are
// copied, never changed: clusters handed out by an index are not changed
// under it.
func tally(c Cluster, sig Signature, d int) Cluster {
	c.norms = nil
	c.Types = addCount(c.Types, sig.Type, d)
	c.Places = addCount(c.Places, sig.Place, d)
	for _, p := range sig.Participants {
		c.Participants = addCount(c.Participants, p, d)
	}
	if sig.DayPrecise() {
		c.Days = addCount(c.Days, sig.Date.From.Format("2006-01-02"), d)
	}
	for _, a := range sig.Actors {
		c.Actors = addCount(c.Actors, a, d)
	}
	for _, a := range sig.Surnames {
		c.Surnames = addCount(c.Surnames, a, d)
	}
	c.Details = addDetails(c.Details, detailsOf(sig), d)
	if n := len(sig.Years); n > 0 {
		c.Latest = addCount(c.Latest, sig.Years[n-1], d)
	}
	c.People = addNormalized(c.People, sig.People, float64(d))
	c.Locations = addNormalized(c.Locations, sig.Locations, float64(d))
	c.Names = addNormalized(c.Names, sig.Names, float64(d))
	c.Words = addNormalized(c.Words, sig.Words, float64(d))
	return c
}

// addCount returns a copy of m with d more of k (d may be negative),
// dropping what falls to nothing. The zero key is not counted.
func addCount[K comparable](m map[K]int, k K, d int) map[K]int {
	var zero K
	if k == zero || d < 0 && m[k] == 0 {
		return m
	}
	out := make(map[K]int, len(m)+1)
	for x, n := range m {
		out[x] = n
	}
	if out[k] += d; out[k] <= 0 {
		delete(out, k)
	}
	return out
}

// addNormalized returns a copy of sum plus sign times v scaled to a total
// of one, dropping what falls to nothing.
func addNormalized(sum, v map[string]float64, sign float64) map[string]float64 {
	total := 0.0
	for _, w := range v {
		total += w
	}
	out := make(map[string]float64, len(sum)+len(v))
	for k, w := range sum {
		out[k] = w
	}
	if total == 0 {
		return out
	}
	for k, w := range v {
		if out[k] += sign * w / total; out[k] <= 1e-9 {
			delete(out, k)
		}
	}
	return out
}

// Merge returns cluster a with the members of cluster b: the later of
// two clusters found to be one event moves into the earlier.
func Merge(a, b Cluster) Cluster {
	a.norms = nil
	a.Docs = append(slices.Clip(a.Docs), b.Docs...)
	a.Types = sumCounts(a.Types, b.Types)
	a.Places = sumCounts(a.Places, b.Places)
	a.Participants = sumCounts(a.Participants, b.Participants)
	a.Days = sumCounts(a.Days, b.Days)
	a.Actors = sumCounts(a.Actors, b.Actors)
	a.Surnames = sumCounts(a.Surnames, b.Surnames)
	for _, x := range b.Details {
		a.Details = addDetails(a.Details, x, 1)
	}
	a.Latest = sumCounts(a.Latest, b.Latest)
	a.Date = a.Date.Union(b.Date)
	a.Names = sumWeights(a.Names, b.Names)
	a.Words = sumWeights(a.Words, b.Words)
	a.People = sumWeights(a.People, b.People)
	a.Locations = sumWeights(a.Locations, b.Locations)
	a.Keys = append(slices.Clip(a.Keys), b.Keys...)
	slices.Sort(a.Keys)
	a.Keys = slices.Compact(a.Keys)
	return a
}

// MergeScore returns how well cluster b fits cluster a, as Score
// compares a document with a cluster: b stands for a document whose
// names, words, people and places are its members' and whose type,
// place and year of writing are those most of them have.
func MergeScore(a, b Cluster, st Stats, opts Options) float64 {
	sig := Signature{Type: mostOf(b.Types), Place: mostOf(b.Places), Date: b.Date,
		Names: b.Names, Words: b.Words, People: b.People, Locations: b.Locations}
	for p := range b.Participants {
		sig.Participants = append(sig.Participants, p)
	}
	for x := range b.Actors {
		sig.Actors = append(sig.Actors, x)
	}
	for x := range b.Surnames {
		sig.Surnames = append(sig.Surnames, x)
	}
	slices.Sort(sig.Participants)
	slices.Sort(sig.Actors)
	slices.Sort(sig.Surnames)
	if y := mostOf(b.Latest); y != 0 {
		sig.Years = []int{y}
	}
	w := opts.DetailWeight
	opts.DetailWeight = 0
	return Score(sig, a, st, opts) + w*clusterDetailFit(a, b)
}

// ShouldMerge reports whether clusters a and b are one event: each fits
// the other at opts.MergeThreshold.
func ShouldMerge(a, b Cluster, st Stats, opts Options) bool {
	if opts.MergeThreshold <= 0 {
		return false
	}
	// Reports sure of their days that lie apart are two events, however
	// alike (a signing and the protest against it a week later).
	if opts.DayGap > 0 && len(a.Days) > 0 && len(b.Days) > 0 && !daysMeet(a.Days, b.Days, opts.DayGap) {
		return false
	}
	return MergeScore(a, b, st, opts) >= opts.MergeThreshold && MergeScore(b, a, st, opts) >= opts.MergeThreshold
}

// daysMeet reports whether a day of b lies within gap of a day of a.
func daysMeet(a, b map[string]int, gap time.Duration) bool {
	for k, n := range b {
		if n == 0 {
			continue
		}
		if t, err := time.Parse("2006-01-02", k); err == nil && nearDay(t, a, gap) {
			return true
		}
	}
	return false
}

// mostOf returns the key counted most, the least on a tie.
func mostOf[K cmp.Ordered](m map[K]int) K {
	var best K
	n := 0
	for k, c := range m {
		if c > n || c == n && k < best {
			best, n = k, c
		}
	}
	return best
}

// sumCounts returns the sum of two counts (a copy).
func sumCounts[K comparable](a, b map[K]int) map[K]int {
	if len(b) == 0 {
		return a
	}
	out := make(map[K]int, len(a)+len(b))
	for k, n := range a {
		out[k] = n
	}
	for k, n := range b {
		out[k] += n
	}
	return out
}

// sumWeights returns the sum of two weightings (a copy).
func sumWeights(a, b map[string]float64) map[string]float64 {
	out := make(map[string]float64, len(a)+len(b))
	for k, w := range a {
		out[k] = w
	}
	for k, w := range b {
		out[k] += w
	}
	return out
}

// Remover is an Index that can drop a cluster, merged into another.
type Remover interface {
	Remove(id string)
}

// Clusterer assigns documents to event clusters one at a time.
type Clusterer struct {
	Index   Index
	Stats   Stats
	Options Options
	// Merged, when set, is told of each merge: the members of cluster
	// from are now those of cluster into.
	Merged func(from, into string)
}

// Add assigns a document, by the signature of its main event, to the
// cluster it joins or to a new one, and returns that cluster's ID and
// whether it was new.
func (cl *Clusterer) Add(sig Signature) (id string, created bool) {
	cl.Stats.Observe(Terms(sig))
	keys := Keys(sig, cl.Stats)
	cands := cl.Index.Candidates(keys)
	d := Decide(sig, cands, cl.Stats, cl.Options)
	var c Cluster
	if d.Cluster >= 0 {
		c = cands[d.Cluster]
	} else {
		c = Cluster{ID: cl.Index.NewID()}
		created = true
	}
	c = Join(c, sig, keys)
	cl.Index.Put(c)
	if rm, ok := cl.Index.(Remover); ok && cl.Options.MergeThreshold > 0 {
		// Among the candidates the document brought, as the linker of
		// package reconcile merges.
		gone := map[string]bool{} // merged away: their candidates are stale
		for _, o := range cands {
			if o.ID == c.ID || gone[o.ID] || !ShouldMerge(o, c, cl.Stats, cl.Options) {
				continue
			}
			// The later moves into the earlier.
			a, b := o, c
			if idLess(c.ID, o.ID) {
				a, b = c, o
			}
			c = Merge(a, b)
			gone[b.ID] = true
			rm.Remove(b.ID)
			cl.Index.Put(c)
			if cl.Merged != nil {
				cl.Merged(b.ID, a.ID)
			}
		}
	}
	return c.ID, created
}

// idLess orders IDs as numbers when both are, else as strings.
func idLess(a, b string) bool {
	x, err1 := strconv.Atoi(a)
	y, err2 := strconv.Atoi(b)
	if err1 == nil && err2 == nil {
		return x < y
	}
	return a < b
}

// Link returns the cluster a background signature recalls, or "" when
// none of the candidates fits.
func (cl *Clusterer) Link(bg Signature) string {
	cands := cl.Index.Candidates(Keys(bg, cl.Stats))
	if i := MatchBackground(bg, cands, cl.Stats, cl.Options); i >= 0 {
		return cands[i].ID
	}
	return ""
}

// Memory is an Index and Stats held in memory.
type Memory struct {
	clusters map[string]Cluster
	byKey    map[string][]string
	df       map[string]int
	docs     int
	next     int
}

// NewMemory returns an empty Memory.
func NewMemory() *Memory {
	return &Memory{clusters: map[string]Cluster{}, byKey: map[string][]string{}, df: map[string]int{}}
}

// Candidates returns the clusters filed under any of keys, in the order
// they were created.
func (m *Memory) Candidates(keys []string) []Cluster {
	var ids []string
	for _, k := range keys {
		ids = append(ids, m.byKey[k]...)
	}
	slices.SortFunc(ids, func(a, b string) int {
		x, _ := strconv.Atoi(a)
		y, _ := strconv.Atoi(b)
		return x - y
	})
	ids = slices.Compact(ids)
	out := make([]Cluster, 0, len(ids))
	for _, id := range ids {
		out = append(out, m.clusters[id])
	}
	return out
}

// Put files c under its keys.
func (m *Memory) Put(c Cluster) {
	old := m.clusters[c.ID]
	m.clusters[c.ID] = c
	for _, k := range c.Keys {
		if !slices.Contains(old.Keys, k) {
			m.byKey[k] = append(m.byKey[k], c.ID)
		}
	}
}

// Remove drops the cluster of an ID (merged into another).
func (m *Memory) Remove(id string) {
	c, ok := m.clusters[id]
	if !ok {
		return
	}
	delete(m.clusters, id)
	for _, k := range c.Keys {
		m.byKey[k] = slices.DeleteFunc(m.byKey[k], func(x string) bool { return x == id })
	}
}

// NewID returns the next number as an ID.
func (m *Memory) NewID() string {
	m.next++
	return strconv.Itoa(m.next)
}

// Cluster returns the cluster of an ID.
func (m *Memory) Cluster(id string) (Cluster, bool) {
	c, ok := m.clusters[id]
	return c, ok
}

// DocFreq returns the number of documents observed holding term.
func (m *Memory) DocFreq(term string) int { return m.df[term] }

// Docs returns the number of documents observed.
func (m *Memory) Docs() int { return m.docs }

// Observe counts a document holding terms.
func (m *Memory) Observe(terms []string) {
	m.docs++
	for _, t := range terms {
		m.df[t]++
	}
}
