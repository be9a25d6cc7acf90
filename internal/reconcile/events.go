package reconcile

import (
	"context"
	"encoding/json"
	"fmt"
	"hash/maphash"
	"maps"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/parallax-news/parallax/internal/events"
	"github.com/parallax-news/parallax/internal/names"
	"github.com/parallax-news/parallax/internal/news"
	"github.com/parallax-news/parallax/internal/store"
	"github.com/parallax-news/parallax/internal/timex"
)

// EventTerms keeps what linking events reads again and again in one run.
//
// It keeps how many documents hold each name and word that linking has
// needed so far, so that weighing terms reads no table twice: before a
// document's terms are weighed, and before candidate events are compared
// with it, the terms not yet known are read from the store in one batch
// (only those: the vocabulary of a large corpus is never read whole),
// and each document linked is counted in memory as in the store. Workers
// that share a store each see the counts of the others as of when they
// first needed a term: the weights move slowly, and a slightly older
// count changes nothing that matters.
//
// It also keeps the decoded state of the events it has read, by a hash
// of their stored bytes, so that an event that is a candidate for many
// documents is decoded once: up to maxDecoded of them, those used most
// recently (see remember). The terms of every event it keeps decoded are
// known.
type EventTerms struct {
	// df counts the documents holding each term known, by the term's
	// prefix ("n:", "w:") and then the rest of it; a term the store has
	// never counted is known with 0.
	df    map[string]map[string]int
	known int // terms in df
	docs  int
	// decoded keeps the events decoded or used since older was
	// decoded's, older those of the generation before: an event used
	// again moves from older to decoded, and when decoded is full older
	// is forgotten and decoded becomes older. Events used in turn are
	// kept, however many more have been decoded once since.
	decoded, older map[string]decodedEvent
	// read counts the terms read from the store, misses the lookups of
	// terms not known (none, when every term weighed was read first).
	read, misses int
}

// split cuts a term into its prefix ("n:") and the rest.
func split(term string) (string, string) {
	if i := strings.IndexByte(term, ':'); i >= 0 {
		return term[:i+1], term[i+1:]
	}
	return "", term
}

// decodedEvent is what an event's stored state decodes to, with the
// length and a hash of the stored bytes it was decoded from.
type decodedEvent struct {
	size int
	hash uint64
	st   eventState
}

// dataSeed seeds the hashes of events' stored states.
var dataSeed = maphash.MakeSeed()

// maxDecoded bounds the decoded events an EventTerms keeps, in its two
// generations: a decoded event takes some 20 kB.
const maxDecoded = 8000

// maxKnownTerms bounds the terms an EventTerms keeps counts of: past it,
// it forgets them (and the decoded events) before the next document, and
// reads again those it needs.
const maxKnownTerms = 1 << 20

// NewEventTerms returns counts to be read from the store as they are
// needed.
func NewEventTerms() *EventTerms { return &EventTerms{} }

// begin readies et for linking one more document: it forgets what it
// knows once that has grown past its bounds.
func (et *EventTerms) begin() {
	if et.known > maxKnownTerms {
		et.df, et.known, et.decoded, et.older = nil, 0, nil, nil
	}
}

// unknown appends to missing the terms of m, with prefix, whose counts
// are not known.
func unknown[V any](et *EventTerms, missing []string, prefix string, m map[string]V) []string {
	known := et.df[prefix]
	for t := range m {
		if _, ok := known[t]; !ok {
			missing = append(missing, prefix+t)
		}
	}
	return missing
}

// signatureTerms appends to missing the terms of sig that weighing it
// looks up and whose counts are not known.
func (et *EventTerms) signatureTerms(missing []string, sig events.Signature) []string {
	return unknown(et, unknown(et, missing, "n:", sig.Names), "w:", sig.Words)
}

// clusterTerms appends to missing the terms of c that comparing with it
// looks up and whose counts are not known.
func (et *EventTerms) clusterTerms(missing []string, c events.Cluster) []string {
	return unknown(et, unknown(et, missing, "n:", c.Names), "w:", c.Words)
}

// need reads from the store the counts of missing terms (see
// signatureTerms and clusterTerms), in one batch, and the number of
// documents counted.
func (et *EventTerms) need(ctx context.Context, tx store.Tx, missing []string) error {
	if len(missing) == 0 && et.df != nil {
		return nil
	}
	slices.Sort(missing)
	missing = slices.Compact(missing)
	df, docs, err := tx.EventTerms(ctx, missing)
	if err != nil {
		return err
	}
	if et.df == nil {
		et.df = map[string]map[string]int{}
	}
	et.docs = docs
	for _, t := range missing {
		p, rest := split(t)
		m := et.df[p]
		if m == nil {
			m = map[string]int{}
			et.df[p] = m
		}
		if _, ok := m[rest]; !ok {
			m[rest] = df[t]
			et.known++
			et.read++
		}
	}
	return nil
}

// DocFreq implements events.Stats.
func (et *EventTerms) DocFreq(term string) int {
	p, rest := split(term)
	return et.DocFreqOf(p, rest)
}

// DocFreqOf implements events.PrefixedStats.
func (et *EventTerms) DocFreqOf(prefix, term string) int {
	n, ok := et.df[prefix][term]
	if !ok {
		et.misses++
	}
	return n
}

// Docs implements events.Stats.
func (et *EventTerms) Docs() int { return et.docs }

// Observe implements events.Stats, in memory; LinkEvents writes the
// counts through. Terms not known yet stay unknown: the store counts
// them, and they are read from it when needed.
func (et *EventTerms) Observe(terms []string) {
	et.docs++
	for _, t := range terms {
		p, rest := split(t)
		if m := et.df[p]; m != nil {
			if _, ok := m[rest]; ok {
				m[rest]++
			}
		}
	}
}

// maxEventGap is how far from its publication a frame the text dates may
// lie and still report the article's own event: further, it recalls
// another one.
const maxEventGap = 30 * 24 * time.Hour

// LinkEvents files document d's main event with the events of the corpus
// (see package events): it joins the event the candidates filed under its
// blocking keys make most likely, or starts one, and merges that event
// with the candidates it now fits (see mergeEvents); the events it only
// recalls ("his previous visit, in February 2019") are linked to the
// events they recall, or kept as events known only from such mentions
// until a document reports them. What d says of each, with its date and
// the span that gives it, is stored as d's event reports; conflicts
// between outlets are read from them.
func LinkEvents(ctx context.Context, tx store.Tx, d news.Document, a news.Analysis, terms *EventTerms) error {
	if terms == nil {
		terms = NewEventTerms()
	}
	terms.begin()
	ids, err := tx.DocumentEntityIDs(ctx, d.ID)
	if err != nil {
		return fmt.Errorf("link the events of %s: %w", d.ID, err)
	}
	in, values := eventInput(d, a)
	sig := events.Sign(in)
	var reports []store.EventReport
	mainEvent := ""
	// A document whose main event has no type (no frame of it was
	// found) still reports one: it is filed by its names and words, as
	// events.Clusterer files it, and starts an event of no type when
	// none fits (the reports that join it later may give it a type).
	if sig.Type != "" || len(sig.Names) > 0 || len(sig.Words) > 0 {
		if err := terms.need(ctx, tx, terms.signatureTerms(nil, sig)); err != nil {
			return fmt.Errorf("link the events of %s: %w", d.ID, err)
		}
		tv := events.Terms(sig)
		terms.Observe(tv)
		if err := tx.ObserveEventTerms(ctx, tv); err != nil {
			return fmt.Errorf("link the events of %s: %w", d.ID, err)
		}
		ev, err := joinEvent(ctx, tx, d, sig, terms)
		if err != nil {
			return fmt.Errorf("link the events of %s: %w", d.ID, err)
		}
		mainEvent = ev.ID
		f, ok := mainFrame(in.Frames, a)
		if !ok {
			// Signed from frames too weak to report: the report
			// still says the document reports it.
			f = events.Frame{Type: sig.Type, Time: -1, Place: -1}
		}
		r := report(d, a, mainEvent, true, f, in, values, ids)
		// Who took part is whom any report of the main event names.
		for _, g := range in.Frames {
			if !g.Main || g.Background {
				continue
			}
			for _, p := range g.Participants {
				if id := ids[p.Entity]; id != "" && !slices.Contains(r.Participants, id) {
					r.Participants = append(r.Participants, id)
				}
			}
		}
		reports = append(reports, r)
	}
	recalled := map[int]string{} // sentence -> the event a background frame in it recalls
	for _, f := range in.Frames {
		if !f.Background || f.Weak {
			continue
		}
		id, err := linkBackground(ctx, tx, d, in, f, mainEvent, sig, terms)
		if err != nil {
			return fmt.Errorf("link the events of %s: %w", d.ID, err)
		}
		if id == "" {
			continue
		}
		if _, ok := recalled[f.Sentence]; !ok {
			recalled[f.Sentence] = id
		}
		if !slices.ContainsFunc(reports, func(r store.EventReport) bool { return r.Event == id }) {
			reports = append(reports, report(d, a, id, false, f, in, values, ids))
		}
	}
	if err := tx.PutEventReports(ctx, d.ID, reports); err != nil {
		return fmt.Errorf("link the events of %s: %w", d.ID, err)
	}
	if err := tx.PutEventFacts(ctx, d.ID, eventFacts(d, a, in.Frames, mainEvent, recalled)); err != nil {
		return fmt.Errorf("link the events of %s: %w", d.ID, err)
	}
	return nil
}

// harmTypes are the event types whose facts are counts of people.
var harmTypes = map[string]bool{events.TypeDeath: true, events.TypeAttack: true, events.TypeDisaster: true, events.TypeArrest: true}

// eventFacts gives the countable facts of d to the events they are about:
// a fact in a sentence that recalls another event is that event's; else
// it is the main event's, an ordinal when its sentence names one of the
// main event's participants ("Assad's second visit"), a count when its
// sentence reports harm or lies in the lead.
func eventFacts(d news.Document, a news.Analysis, frames []events.Frame, mainEvent string, recalled map[int]string) []store.EventFact {
	parts := map[int]bool{}
	harm := map[int]bool{}
	mainHarm := false // the main event harms people: its counts are its own
	for _, f := range frames {
		if f.Main {
			for _, p := range f.Participants {
				parts[p.Entity] = true
			}
			mainHarm = mainHarm || harmTypes[f.Type]
		}
		if harmTypes[f.Type] && !f.Background {
			harm[f.Sentence] = true
		}
	}
	names := map[int]bool{} // sentences naming a participant of the main event
	for _, m := range a.Mentions {
		if parts[m.Entity] {
			i, _ := slices.BinarySearchFunc(a.Sentences, m.Start, func(s news.Span, off int) int {
				if s.End <= off {
					return -1
				}
				if s.Start > off {
					return 1
				}
				return 0
			})
			names[i] = true
		}
	}
	var out []store.EventFact
	for _, f := range events.Facts(d.Text, a) {
		ev, main := recalled[f.Sentence], false
		if ev == "" && mainEvent != "" {
			switch {
			case f.Kind == events.FactOrdinal && names[f.Sentence]:
				ev, main = mainEvent, true
			case f.Kind != events.FactOrdinal && mainHarm && (harm[f.Sentence] || f.Sentence < 4):
				ev, main = mainEvent, true
			}
		}
		if ev != "" {
			out = append(out, store.EventFact{Event: ev, Document: d.ID, Kind: f.Kind, Value: f.Value, Span: f.Span, Main: main})
		}
	}
	return out
}

// RelinkEvents links the events of stored document d again once its
// publication date has changed (from old's): its dates now resolve
// differently. The document leaves the event it reported, as far as
// the event's counts go, and is linked anew.
func RelinkEvents(ctx context.Context, tx store.Tx, old, d news.Document, terms *EventTerms) error {
	a, err := tx.Analysis(ctx, d.ID)
	if err != nil {
		return fmt.Errorf("relink the events of %s: %w", d.ID, err)
	}
	if a.Version == 0 {
		return nil
	}
	if terms == nil {
		terms = NewEventTerms()
	}
	if err := UnlinkEvents(ctx, tx, old, a, terms); err != nil {
		return err
	}
	return LinkEvents(ctx, tx, d, a, terms)
}

// UnlinkEvents takes document d, as analysis a saw it, out of the event
// it reports, before it is linked again (a new publication date, a new
// analysis): the event's counts and weights lose what d added.
func UnlinkEvents(ctx context.Context, tx store.Tx, d news.Document, a news.Analysis, terms *EventTerms) error {
	if d.Event == "" || a.Version == 0 {
		return nil
	}
	if terms == nil {
		terms = NewEventTerms()
	}
	terms.begin()
	in, _ := eventInput(d, a)
	sig := events.Sign(in)
	if err := terms.need(ctx, tx, terms.signatureTerms(nil, sig)); err != nil {
		return fmt.Errorf("unlink the events of %s: %w", d.ID, err)
	}
	stored, states, _, err := eventCandidates(ctx, tx, events.Keys(sig, terms), terms)
	if err != nil {
		return fmt.Errorf("unlink the events of %s: %w", d.ID, err)
	}
	for i, e := range stored {
		if e.ID != d.Event {
			continue
		}
		if err := putState(ctx, tx, &e, states[i].without(sig), max(e.Documents-1, 0), terms); err != nil {
			return fmt.Errorf("unlink the events of %s: %w", d.ID, err)
		}
	}
	return nil
}

// eventInput extracts the frames of d and resolves its times. Frames the
// text dates far from the publication date are of other events: they
// become background.
func eventInput(d news.Document, a news.Analysis) (events.Input, []timex.Value) {
	frames := events.Extract(d.Text, a)
	values := timex.ResolveDocument(a.Times, d.Published)
	dates := make([]events.Interval, len(values))
	for i, v := range values {
		if i < len(a.Times) && sinceBefore(d.Text, a.Times[i]) {
			continue // "since 2011" dates no event
		}
		if d.Published == "" && i < len(a.Times) && !absolute(a.Times[i].Expr) {
			// Without a publication date, "on Tuesday" and "last
			// year" are anchored on a guess: they date no event.
			continue
		}
		dates[i] = interval(v)
	}
	in := events.Input{ID: d.ID, Text: d.Text, Analysis: a, Frames: frames, Dates: dates}
	if p, ok := day(d.Published); ok {
		in.Published = p
		pub := events.Interval{From: p.AddDate(0, 0, -7), To: p}
		for i := range frames {
			f := &frames[i]
			if f.Time < 0 || f.Time >= len(dates) || !dates[f.Time].Known() {
				continue
			}
			if dates[f.Time].Gap(pub) > maxEventGap {
				f.Background, f.Main = true, false
			}
		}
	}
	for i := range frames {
		if f := &frames[i]; f.Time >= 0 && f.Time < len(dates) && !dates[f.Time].Known() {
			f.Time = -1
		}
	}
	return in, values
}

// absolute reports whether a time's reading needs no anchor: a calendar
// date, month or year ("2019-02-25", "2022-03", "2011").
func absolute(expr string) bool {
	if len(expr) < 4 || strings.ContainsAny(expr, "X<>:+") {
		return false
	}
	for _, r := range expr[:4] {
		if r < '0' || r > '9' {
			return false
		}
	}
	return true
}

// explicit reports whether a time's reading writes its month out: a
// calendar date, a month, or a day of a month without its year
// ("XXXX-02-25"), not a weekday or "last week" that the anchor places.
func explicit(expr string) bool {
	if absolute(expr) {
		return len(expr) >= 7
	}
	return strings.HasPrefix(expr, "XXXX-") && len(expr) >= 10 && expr[5] >= '0' && expr[5] <= '1'
}

// sinceBefore reports whether "since" (or "from") opens time t: "since
// 2011" is the start of a stretch, not the date of an event.
func sinceBefore(txt string, t news.Time) bool {
	before := strings.TrimRight(txt[:t.Start], " ")
	i := strings.LastIndexByte(before, ' ')
	w := strings.ToLower(before[i+1:])
	return w == "since" || w == "from" || w == "until" || w == "till"
}

// interval is the calendar interval of a resolved time, zero when it has
// none or it is wider than a year.
func interval(v timex.Value) events.Interval {
	from, ok1 := day(v.Earliest)
	to, ok2 := day(v.Latest)
	if !ok1 || !ok2 || to.Before(from) || to.Sub(from) > 366*24*time.Hour {
		return events.Interval{}
	}
	return events.Interval{From: from, To: to}
}

// day reads the day of an ISO date or date-time.
func day(s string) (time.Time, bool) {
	if len(s) < 10 {
		return time.Time{}, false
	}
	t, err := time.Parse("2006-01-02", s[:10])
	return t, err == nil
}

// mainFrame returns the frame that reports the document's main event
// best: of those dated, the one whose date is nearest its trigger ("a
// visit to Iran on Sunday", not "speaking on Monday, he said the visit"),
// else the first.
func mainFrame(frames []events.Frame, a news.Analysis) (events.Frame, bool) {
	best, dist := -1, 0
	first := -1
	for i, f := range frames {
		if !f.Main || f.Weak || f.Background {
			continue
		}
		if first < 0 {
			first = i
		}
		if f.Time < 0 {
			continue
		}
		t := a.Times[f.Time]
		d := t.Start - f.Trigger.End
		if d < 0 {
			d = 2 * (f.Trigger.Start - t.End) // a date before the trigger is less likely its own
		}
		if best < 0 || d < dist {
			best, dist = i, d
		}
	}
	switch {
	case best >= 0:
		return frames[best], true
	case first >= 0:
		return frames[first], true
	}
	return events.Frame{}, false
}

// joinEvent files the main event of d's signature: the best candidate
// event, or a new one.
func joinEvent(ctx context.Context, tx store.Tx, d news.Document, sig events.Signature, terms *EventTerms) (store.Event, error) {
	keys := events.Keys(sig, terms)
	stored, states, clusters, err := eventCandidates(ctx, tx, keys, terms)
	if err != nil {
		return store.Event{}, err
	}
	dec := events.Decide(sig, clusters, terms, events.DefaultOptions)
	var ev store.Event
	var st eventState
	if dec.Cluster >= 0 {
		ev, st = stored[dec.Cluster], states[dec.Cluster]
		if ev.Documents == 0 {
			// Known from mentions only until now: the first report
			// says what it is.
			st = eventState{}
		}
	}
	st = st.with(sig, keys, eventTitle(d))
	if err := putState(ctx, tx, &ev, st, ev.Documents+1, terms); err != nil {
		return store.Event{}, err
	}
	ev, st, err = mergeEvents(ctx, tx, ev, st, stored, states, clusters, terms)
	if err != nil {
		return store.Event{}, err
	}
	if err := absorbMentions(ctx, tx, ev, st.Cluster, stored, clusters); err != nil {
		return store.Event{}, err
	}
	return ev, nil
}

// mergeEvents merges into one the event ev that a document has just
// joined (with state st) and each candidate event it now fits (see
// events.ShouldMerge), as events.Clusterer does: the later of the two
// moves into the earlier, with its reports, facts, documents and keys,
// and is left empty (no documents, no keys: it is no longer listed nor a
// candidate). It returns the event the document's report is then of.
func mergeEvents(ctx context.Context, tx store.Tx, ev store.Event, st eventState, stored []store.Event, states []eventState, clusters []events.Cluster, terms *EventTerms) (store.Event, eventState, error) {
	gone := map[string]bool{} // the events merged away, whose candidate states are stale
	for i, o := range stored {
		if o.Documents == 0 || o.ID == ev.ID || gone[o.ID] {
			continue
		}
		c := st.Cluster
		c.ID = ev.ID
		if !events.ShouldMerge(clusters[i], c, terms, events.DefaultOptions) {
			continue
		}
		into, intoSt, from, fromSt := o, states[i], ev, st
		if eventBefore(ev.ID, o.ID) {
			into, intoSt, from, fromSt = ev, st, o, states[i]
		}
		merged := intoSt.merge(fromSt)
		if err := tx.MoveEventReports(ctx, from.ID, into.ID); err != nil {
			return store.Event{}, eventState{}, err
		}
		docs := into.Documents + from.Documents
		from.Data, from.Documents = []byte(`{}`), 0
		if err := tx.PutEvent(ctx, &from, nil); err != nil {
			return store.Event{}, eventState{}, err
		}
		if err := putState(ctx, tx, &into, merged, docs, terms); err != nil {
			return store.Event{}, eventState{}, err
		}
		gone[from.ID] = true
		ev, st = into, merged
	}
	return ev, st, nil
}

// merge returns the state of an event with the members of another's.
func (st eventState) merge(o eventState) eventState {
	out := eventState{Cluster: events.Merge(st.Cluster, o.Cluster)}
	out.Titles = append(slices.Clone(st.Titles), o.Titles...)
	out.Dates = make(map[string]events.Interval, len(st.Dates)+len(o.Dates))
	maps.Copy(out.Dates, st.Dates)
	maps.Copy(out.Dates, o.Dates)
	out.Cluster.Date = out.union()
	return out
}

// eventBefore reports whether event id a was created before b: store ids
// are a letter and a number ("V12").
func eventBefore(a, b string) bool {
	x, err1 := strconv.Atoi(strings.TrimLeft(a, "ABCDEFGHIJKLMNOPQRSTUVWXYZ"))
	y, err2 := strconv.Atoi(strings.TrimLeft(b, "ABCDEFGHIJKLMNOPQRSTUVWXYZ"))
	if err1 == nil && err2 == nil {
		return x < y
	}
	return a < b
}

// eventCandidates reads the events filed under keys with their states,
// and their clusters as package events compares them; the counts of
// their terms are known once it returns.
func eventCandidates(ctx context.Context, tx store.Tx, keys []string, terms *EventTerms) ([]store.Event, []eventState, []events.Cluster, error) {
	stored, err := tx.EventCandidates(ctx, keys)
	if err != nil {
		return nil, nil, nil, err
	}

	states := make([]eventState, len(stored))
	clusters := make([]events.Cluster, len(stored))
	var fresh []int   // the candidates decoded now
	var need []string // the terms of those whose counts are not known
	for i, e := range stored {
		if st, ok := terms.lookup(e.ID, e.Data); ok {
			states[i] = st
			continue
		}
		if err := json.Unmarshal(e.Data, &states[i]); err != nil {
			return nil, nil, nil, fmt.Errorf("read event %s: %w", e.ID, err)
		}
		fresh = append(fresh, i)
		need = terms.clusterTerms(need, states[i].Cluster)
	}
	if err := terms.need(ctx, tx, need); err != nil {
		return nil, nil, nil, err
	}
	for _, i := range fresh {
		terms.remember(stored[i].ID, stored[i].Data, states[i])
		states[i] = terms.decoded[stored[i].ID].st
	}
	for i, e := range stored {
		clusters[i] = states[i].Cluster
		clusters[i].ID = e.ID
	}
	return stored, states, clusters, nil
}

// lookup returns the decoded state of event id stored as data, when it
// is kept: an event used again is kept the longest.
func (et *EventTerms) lookup(id string, data []byte) (eventState, bool) {
	d, ok := et.decoded[id]
	if !ok {
		if d, ok = et.older[id]; ok {
			delete(et.older, id)
			et.keep(id, d)
		}
	}
	if !ok || d.size != len(data) || d.hash != maphash.Bytes(dataSeed, data) {
		return eventState{}, false
	}
	return d.st, true
}

// remember keeps the decoded state of event id, stored as data, whose
// cluster then keeps its weighted lengths while it is not changed.
func (et *EventTerms) remember(id string, data []byte, st eventState) {
	st.Cluster.CacheNorms()
	delete(et.older, id)
	et.keep(id, decodedEvent{size: len(data), hash: maphash.Bytes(dataSeed, data), st: st})
}

// keep files d in the newer generation of decoded events; when that is
// full, the older is forgotten and the newer becomes it.
func (et *EventTerms) keep(id string, d decodedEvent) {
	if _, ok := et.decoded[id]; !ok && len(et.decoded) >= maxDecoded/2 {
		et.older, et.decoded = et.decoded, nil
	}
	if et.decoded == nil {
		et.decoded = make(map[string]decodedEvent, maxDecoded/2)
	}
	et.decoded[id] = d
}

// eventState is what an event's Data holds: its cluster, and the date
// each member gave it, so that a member that leaves takes its date along.
type eventState struct {
	Cluster events.Cluster
	Dates   map[string]events.Interval `json:",omitempty"`
	// Titles are the members' headlines, in the order they joined: the
	// event is called by the first still a member.
	Titles []memberTitle `json:",omitempty"`
}

// memberTitle is the headline of a member document.
type memberTitle struct{ Doc, Title string }

// title is what the event is called: the headline of its first member.
func (st eventState) title(def string) string {
	if len(st.Titles) > 0 {
		return st.Titles[0].Title
	}
	return def
}

// with returns the state with the document of sig joined, under keys.
func (st eventState) with(sig events.Signature, keys []string, title string) eventState {
	st.Cluster = events.Join(st.Cluster, sig, keys)
	if title != "" {
		st.Titles = append(slices.Clip(st.Titles), memberTitle{Doc: sig.Doc, Title: title})
	}
	dates := make(map[string]events.Interval, len(st.Dates)+1)
	maps.Copy(dates, st.Dates)
	if sig.Date.Known() {
		dates[sig.Doc] = sig.Date
	}
	st.Dates = dates
	st.Cluster.Date = st.union()
	return st
}

// without returns the state with the document of sig gone.
func (st eventState) without(sig events.Signature) eventState {
	st.Cluster = events.Leave(st.Cluster, sig)
	st.Titles = slices.DeleteFunc(slices.Clone(st.Titles), func(t memberTitle) bool { return t.Doc == sig.Doc })
	dates := maps.Clone(st.Dates)
	delete(dates, sig.Doc)
	st.Dates = dates
	st.Cluster.Date = st.union()
	return st
}

// union is the union of the members' dates.
func (st eventState) union() events.Interval {
	var u events.Interval
	for _, d := range slices.Sorted(maps.Keys(st.Dates)) {
		u = u.Union(st.Dates[d])
	}
	return u
}

// putState stores event ev with its state and document count. The
// state keeps no blocking keys: the store files the event under them, and
// the keys the state has gained (those of a member that joins) are filed
// besides those the event had.
func putState(ctx context.Context, tx store.Tx, ev *store.Event, st eventState, docs int, terms *EventTerms) error {
	keys := st.Cluster.Keys
	st.Cluster.ID, st.Cluster.Keys = "", nil
	st.Cluster.Names = prune(st.Cluster.Names, maxTerms)
	st.Cluster.Words = prune(st.Cluster.Words, maxTerms)
	data, err := json.Marshal(st)
	if err != nil {
		return err
	}
	ev.Data, ev.Documents = data, docs
	ev.Type = mostCommon(st.Cluster.Types, ev.Type)
	ev.Title = st.title(ev.Title)
	ev.DateFrom, ev.DateTo = "", ""
	if u := st.union(); u.Known() {
		ev.DateFrom, ev.DateTo = u.From.Format("2006-01-02"), u.To.Format("2006-01-02")
	}
	if err := tx.PutEvent(ctx, ev, keys); err != nil {
		return err
	}
	terms.remember(ev.ID, data, st)
	return nil
}

// maxTerms bounds the names and the words an event keeps: the weightiest.
// The rest weigh little in a comparison and would make every event a
// long read.
const maxTerms = 150

// prune returns the n weightiest terms of m (m itself when it has no
// more).
func prune(m map[string]float64, n int) map[string]float64 {
	if len(m) <= n {
		return m
	}
	keys := slices.Collect(maps.Keys(m))
	slices.SortFunc(keys, func(a, b string) int {
		switch {
		case m[a] > m[b]:
			return -1
		case m[a] < m[b]:
			return 1
		}
		return strings.Compare(a, b)
	})
	out := make(map[string]float64, n)
	for _, k := range keys[:n] {
		out[k] = m[k]
	}
	return out
}

// mostCommon returns the key counted most (the first in sort order on a
// tie), or def when there is none.
func mostCommon(m map[string]int, def string) string {
	best, n := def, 0
	for _, k := range slices.Sorted(func(yield func(string) bool) {
		for k := range m {
			if !yield(k) {
				return
			}
		}
	}) {
		if m[k] > n {
			best, n = k, m[k]
		}
	}
	return best
}

// eventTitle is what an event started by document d is called: its
// headline, or its first line.
func eventTitle(d news.Document) string {
	if d.Title != "" {
		return d.Title
	}
	t := d.Text
	if i := strings.IndexByte(t, '\n'); i >= 0 {
		t = t[:i]
	}
	if len(t) > 120 {
		t = t[:strings.LastIndexByte(t[:120], ' ')+1] + "…"
	}
	return t
}

// absorbMentions moves into event ev the events known so far only from
// mentions that recall it: "he had previously met in February 2019"
// stored before the report of that meeting arrived.
func absorbMentions(ctx context.Context, tx store.Tx, ev store.Event, c events.Cluster, stored []store.Event, clusters []events.Cluster) error {
	for i, m := range stored {
		if m.Documents > 0 || m.ID == ev.ID {
			continue
		}
		mc := clusters[i]
		if !recalls(mc, c) {
			continue
		}
		if err := tx.MoveEventReports(ctx, m.ID, ev.ID); err != nil {
			return err
		}
	}
	return nil
}

// recalls reports whether a cluster known only from mentions is the
// event of cluster c: a related type, a shared participant, and dates
// that agree when both are known.
func recalls(mention, c events.Cluster) bool {
	typeOK := false
	for t := range mention.Types {
		typeOK = typeOK || events.Related(t, c.Types)
	}
	if !typeOK {
		return false
	}
	shared := false
	for p := range mention.Participants {
		shared = shared || c.Participants[p] > 0 || c.Names[p] > 0
	}
	if !shared {
		return false
	}
	return !mention.Date.Known() || !c.Date.Known() || mention.Date.Gap(c.Date) <= maxEventGap
}

// linkBackground links a frame of d that recalls another event: to the
// event it names as the one before ("his previous visit", "his first
// visit since 2011"), whatever date the document gives it, since that
// date may be what outlets disagree on; else to the event the candidates
// make likely; else to a new event known only from this mention.
func linkBackground(ctx context.Context, tx store.Tx, d news.Document, in events.Input, f events.Frame, mainEvent string, sig events.Signature, terms *EventTerms) (string, error) {
	one := in
	one.Frames = []events.Frame{f}
	bgs := events.BackgroundSignatures(one)
	if len(bgs) == 0 || len(bgs[0].Participants) == 0 {
		return "", nil
	}
	bg := bgs[0]
	if err := terms.need(ctx, tx, terms.signatureTerms(nil, bg)); err != nil {
		return "", err
	}
	keys := events.Keys(bg, terms)
	stored, _, clusters, err := eventCandidates(ctx, tx, keys, terms)
	if err != nil {
		return "", err
	}
	// Not the document's own main event.
	for i := 0; i < len(stored); i++ {
		if stored[i].ID == mainEvent {
			stored = slices.Delete(stored, i, i+1)
			clusters = slices.Delete(clusters, i, i+1)
			break
		}
	}
	if previousCue(d.Text, in.Analysis, f) {
		if i := latestBefore(bg, clusters, sig.Date); i >= 0 {
			return stored[i].ID, nil
		}
	}
	if i := events.MatchBackground(bg, clusters, terms, events.DefaultOptions); i >= 0 {
		return stored[i].ID, nil
	}
	if !bg.Date.Known() || bg.Date.Width() > 31*24*time.Hour {
		// An event known from one mention is kept only when the mention
		// dates it to the month or the day: "in 2011" is too vague to
		// tell it from others.
		return "", nil
	}
	ev := store.Event{Title: mentionTitle(d.Text, in.Analysis, f)}
	if err := putState(ctx, tx, &ev, eventState{}.with(bg, keys, ""), 0, terms); err != nil {
		return "", err
	}
	return ev.ID, nil
}

// previousCue reports whether the sentence of frame f names its event as
// one before: previous, previously, last, first, earlier, prior.
func previousCue(txt string, a news.Analysis, f events.Frame) bool {
	s := a.Sentences[f.Sentence]
	words := strings.FieldsFunc(strings.ToLower(txt[s.Start:f.Trigger.Start]), func(r rune) bool {
		return r == ' ' || r == ',' || r == '\n'
	})
	for i := len(words) - 1; i >= 0 && i >= len(words)-6; i-- {
		switch words[i] {
		case "previous", "previously", "last", "first", "earlier", "prior":
			return true
		}
	}
	return false
}

// latestBefore returns the candidate that is the latest event of a
// related type with a participant of bg before date (the main event's),
// or -1.
func latestBefore(bg events.Signature, clusters []events.Cluster, date events.Interval) int {
	if !date.Known() {
		return -1 // before what, nobody knows
	}
	best := -1
	for i, c := range clusters {
		if !events.Related(bg.Type, c.Types) {
			continue
		}
		shared := false
		for _, p := range bg.Participants {
			shared = shared || c.Participants[p] > 0
		}
		if !shared || !c.Date.Known() || date.Known() && !c.Date.To.Before(date.From) || !samePlace(bg.Place, c.Places) {
			continue
		}
		if best < 0 || c.Date.To.After(clusters[best].Date.To) {
			best = i
		}
	}
	return best
}

// samePlace reports whether place key p and one of places (counted as
// in events.Cluster.Places) are in one country, or either is unknown:
// "Iran" and "Tehran" are, "Iran" and "Dubai" are not.
func samePlace(p string, places map[string]int) bool {
	if p == "" || len(places) == 0 {
		return true
	}
	cp := names.Country(p)
	for q, n := range places {
		if n == 0 {
			continue
		}
		if q == p || cp != "" && names.Country(q) == cp {
			return true
		}
	}
	return false
}

// mentionTitle names an event known from a mention: its sentence.
func mentionTitle(txt string, a news.Analysis, f events.Frame) string {
	s := a.Sentences[f.Sentence]
	t := strings.TrimSpace(txt[s.Start:s.End])
	if len(t) > 120 {
		t = t[:strings.LastIndexByte(t[:120], ' ')+1] + "…"
	}
	return t
}

// report is what document d says of event id by frame f.
func report(d news.Document, a news.Analysis, id string, main bool, f events.Frame, in events.Input, values []timex.Value, ids map[int]string) store.EventReport {
	r := store.EventReport{Event: id, Document: d.ID, Main: main, Type: f.Type, Trigger: f.Trigger}
	t := f.Time
	if main && t < 0 {
		t = leadDate(a, in)
	}
	if t >= 0 && t < len(values) && in.Dates[t].Known() && in.Dates[t].Width() <= 31*24*time.Hour {
		// A date to the month or the day: "in 2023" is no claim on
		// the day of an event.
		v := values[t]
		r.Date, r.DateFrom, r.DateTo = v.TIMEX, v.Earliest[:10], v.Latest[:10]
		r.DateSpan = news.Span{Start: a.Times[t].Start, End: a.Times[t].End}
		r.DateExplicit = explicit(a.Times[t].Expr)
	}
	if f.Place >= 0 {
		r.Place = ids[f.Place]
	}
	for _, p := range f.Participants {
		if id := ids[p.Entity]; id != "" && !slices.Contains(r.Participants, id) {
			r.Participants = append(r.Participants, id)
		}
	}
	return r
}

// leadDate returns the time of the headline and lead that dates the main
// event: the first one precise to the day within a week before
// publication ("on Sunday"), or -1.
func leadDate(a news.Analysis, in events.Input) int {
	if in.Published.IsZero() {
		return -1
	}
	lead := len(a.Sentences)
	if lead > 4 {
		lead = 4
	}
	end := 0
	if lead > 0 {
		end = a.Sentences[lead-1].End
	}
	week := events.Interval{From: in.Published.AddDate(0, 0, -7), To: in.Published}
	for i, t := range a.Times {
		if t.Start >= end {
			break
		}
		if i < len(in.Dates) && in.Dates[i].Known() && in.Dates[i].Width() == 0 && in.Dates[i].Gap(week) == 0 {
			return i
		}
	}
	return -1
}
