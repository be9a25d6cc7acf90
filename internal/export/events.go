package export

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/parallax-news/parallax/internal/store"
)

// Event is an event of the export: what one or more documents report as
// their main event.
type Event struct {
	ID           string    `json:"id"`
	Type         string    `json:"type"`
	Title        string    `json:"title"`
	Date         EventDate `json:"date"`
	Place        *string   `json:"place"`        // entity id
	Participants []string  `json:"participants"` // entity ids, most reported first
	Documents    []string  `json:"documents"`    // the documents that report it
	// Additions:
	// Mentions are the documents that recall it in the background.
	Mentions []string `json:"mentions"`
	// Claims are the dates the documents give it, each with its span.
	Claims []Claim `json:"date_claims"`
	// Agreed reports whether every date given for it agrees (null when
	// fewer than two documents give one).
	Agreed *bool `json:"dates_agree"`
	// Story is the story it belongs to: it and the events its documents
	// recall, or that recall it (see Stories).
	Story string `json:"story"`
	// Facts are the countable facts the documents give it: the ordinal
	// of a visit, the numbers killed, injured or arrested.
	Facts []FactClaim `json:"fact_claims"`
	// Coverage is, for each document that reports it, the statements of
	// the event's documents it carries; the others it left out.
	Coverage []Coverage `json:"coverage"`

	takers map[string][]string // the participants each report names
}

// Coverage is what one document that reports an event carries of what
// its documents carry between them.
type Coverage struct {
	Document     string   `json:"document"`
	Participants []string `json:"participants"` // entity ids it names as taking part
	Statements   []string `json:"statements"`   // statement ids it renders
	Omitted      []string `json:"omitted"`      // statement ids others render and it does not
}

// Cover fills e.Coverage from the statements each document renders
// (carried: statement ids by document).
func Cover(e *Event, carried map[string][]string) {
	var all []string
	for _, d := range e.Documents {
		for _, s := range carried[d] {
			if !slices.Contains(all, s) {
				all = append(all, s)
			}
		}
	}
	e.Coverage = make([]Coverage, 0, len(e.Documents))
	for _, d := range e.Documents {
		c := Coverage{Document: d, Participants: nonNilSlice(e.takers[d]), Statements: []string{}, Omitted: []string{}}
		for _, s := range all {
			if slices.Contains(carried[d], s) {
				c.Statements = append(c.Statements, s)
			} else {
				c.Omitted = append(c.Omitted, s)
			}
		}
		e.Coverage = append(e.Coverage, c)
	}
}

// FactClaim is a countable fact one document gives an event.
type FactClaim struct {
	Kind     string `json:"kind"` // ordinal, killed, injured, arrested
	Value    int    `json:"value"`
	Document string `json:"document"`
	Start    int    `json:"start"`
	End      int    `json:"end"`
	Main     bool   `json:"main"`
}

// EventDate is when an event happened: Value is the day most of its
// reports give (TIMEX3), Earliest and Latest bound every date its
// reports give.
type EventDate struct {
	Value    *string `json:"value"`
	Earliest *string `json:"earliest"`
	Latest   *string `json:"latest"`
}

// Claim is what one document says of a fact: its value and the span
// that says so.
type Claim struct {
	Document string `json:"document"`
	Start    int    `json:"start"`
	End      int    `json:"end"`
	Value    string `json:"value"`
	// Main reports whether the document reports the event itself, not
	// only recalls it.
	Main bool `json:"main"`
	// From and To are the interval the value stands for.
	From string `json:"from"`
	To   string `json:"to"`
	// Explicit reports that the text writes the date out ("February
	// 2019"), not "on Sunday", which the publication date places.
	Explicit bool `json:"explicit"`
}

// Conflict is a fact of one event on which documents disagree, with
// every document's claim.
type Conflict struct {
	ID     string  `json:"id"`
	Kind   string  `json:"kind"`  // date
	About  string  `json:"about"` // the event's id
	Claims []Claim `json:"claims"`
	// Title is the event's, for reading.
	Title string `json:"title"`
}

// NewEvent returns the export of event e, its reports and its facts.
func NewEvent(e store.Event, reports []store.EventReport, facts []store.EventFact) Event {
	out := Event{ID: e.ID, Type: e.Type, Title: e.Title, Participants: []string{}, Documents: []string{}, Mentions: []string{}, Claims: []Claim{}, Facts: []FactClaim{}}
	for _, f := range facts {
		out.Facts = append(out.Facts, FactClaim{Kind: f.Kind, Value: f.Value, Document: f.Document, Start: f.Span.Start, End: f.Span.End, Main: f.Main})
	}
	places := map[string]int{}
	parts := map[string]int{}
	days := map[string]int{}
	out.takers = map[string][]string{}
	isMain, isMention := map[string]bool{}, map[string]bool{}
	for _, r := range reports {
		if r.Main {
			if !isMain[r.Document] {
				isMain[r.Document] = true
				out.Documents = append(out.Documents, r.Document)
			}
			for _, p := range r.Participants {
				if !slices.Contains(out.takers[r.Document], p) {
					out.takers[r.Document] = append(out.takers[r.Document], p)
				}
			}
			if r.Place != "" {
				places[r.Place]++
			}
			for _, p := range r.Participants {
				parts[p]++
			}
		} else if !isMention[r.Document] && !isMain[r.Document] {
			isMention[r.Document] = true
			out.Mentions = append(out.Mentions, r.Document)
		}
		if r.Date == "" {
			continue
		}
		out.Claims = append(out.Claims, Claim{Document: r.Document, Start: r.DateSpan.Start, End: r.DateSpan.End, Value: r.Date, Main: r.Main, From: r.DateFrom, To: r.DateTo, Explicit: r.DateExplicit})
		if r.Main && r.DateFrom == r.DateTo {
			days[r.DateFrom]++
		}
	}
	if p := top(places); p != "" {
		out.Place = &p
	}
	out.Participants = byCount(parts)
	if d := top(days); d != "" {
		out.Date.Value = &d
	} else if v := topExplicit(out.Claims); v != "" {
		// Known only from reports that recall it, or dated only by month
		// or year: the date most documents write out.
		out.Date.Value = &v
	}
	from, to := e.DateFrom, e.DateTo
	for _, c := range out.Claims {
		if from == "" || c.From < from {
			from = c.From
		}
		if to == "" || c.To > to {
			to = c.To
		}
	}
	out.Date.Earliest, out.Date.Latest = null(from), null(to)
	if docs := claimDocuments(out.Claims); docs >= 2 {
		agreed := !disagree(out.Claims)
		out.Agreed = &agreed
	}
	return out
}

// topExplicit returns the date value the most documents write out, the
// earliest on a tie, or "" when none does.
func topExplicit(cs []Claim) string {
	docs := map[string]map[string]bool{}
	for _, c := range cs {
		if !c.Explicit {
			continue
		}
		if docs[c.Value] == nil {
			docs[c.Value] = map[string]bool{}
		}
		docs[c.Value][c.Document] = true
	}
	best := ""
	for v, ds := range docs {
		if best == "" || len(ds) > len(docs[best]) || len(ds) == len(docs[best]) && v < best {
			best = v
		}
	}
	return best
}

// claimDocuments counts the documents that give a claim.
func claimDocuments(cs []Claim) int {
	seen := map[string]bool{}
	for _, c := range cs {
		seen[c.Document] = true
	}
	return len(seen)
}

// disagree reports whether two claims of different documents that write
// their dates out have intervals more than sameEvent days apart:
// "2018-12-18" and "2019-02" disagree, "2019-02" and "2019-02-25" agree,
// and so do the 14th and the 15th of a two-day state visit. A date worked
// out from a weekday ("on Wednesday") is no side of a conflict: it may be
// the working out that errs.
//
// It runs in time linear in the claims (an event may have thousands):
// the pair furthest apart joins the earliest end to the latest start, so
// it keeps the two earliest ends and the two latest starts of different
// documents, and tries those four pairs.
func disagree(cs []Claim) bool {
	type end struct {
		doc string
		day time.Time
	}
	var ends, starts [2]*end // the earliest ends, the latest starts, of two documents
	keep := func(best *[2]*end, e end, better func(a, b time.Time) bool) {
		switch {
		case best[0] == nil || better(e.day, best[0].day):
			if best[0] != nil && best[0].doc != e.doc {
				best[1] = best[0]
			}
			best[0] = &e
		case e.doc != best[0].doc && (best[1] == nil || better(e.day, best[1].day)):
			best[1] = &e
		}
	}
	for _, c := range cs {
		if !c.Explicit {
			continue
		}
		if to, err := time.Parse("2006-01-02", c.To); err == nil {
			keep(&ends, end{c.Document, to}, func(a, b time.Time) bool { return a.Before(b) })
		}
		if from, err := time.Parse("2006-01-02", c.From); err == nil {
			keep(&starts, end{c.Document, from}, func(a, b time.Time) bool { return a.After(b) })
		}
	}
	for _, a := range ends {
		for _, b := range starts {
			if a != nil && b != nil && a.doc != b.doc && int(b.day.Sub(a.day).Hours()/24) > sameEvent {
				return true
			}
		}
	}
	return false
}

// sameEvent is how many days apart two dates given for one event may lie
// and still agree: an event of several days is reported by the day each
// outlet saw.
const sameEvent = 3

// daysBetween returns how many days from a to b (ISO days), 0 when either
// cannot be read or b is not after a.
func daysBetween(a, b string) int {
	x, err1 := time.Parse("2006-01-02", a)
	y, err2 := time.Parse("2006-01-02", b)
	if err1 != nil || err2 != nil || !y.After(x) {
		return 0
	}
	return int(y.Sub(x).Hours() / 24)
}

// ConflictID is the id of the conflict of kind over event: "V12-date",
// "V12-killed". An event has at most one conflict of each kind, so the id
// is stable as long as the conflict lasts.
func ConflictID(event, kind string) string {
	return event + "-" + kind
}

// ParseConflictID splits a conflict id into its event and kind.
func ParseConflictID(id string) (event, kind string, ok bool) {
	event, kind, ok = strings.Cut(id, "-")
	return event, kind, ok && strings.HasPrefix(event, "V") && kind != ""
}

// EventConflicts returns the conflicts of an exported event: when its
// documents give dates that do not meet, one date conflict with every
// claim.
func EventConflicts(e Event) []Conflict {
	var out []Conflict
	if disagree(e.Claims) {
		claims := slices.Clone(e.Claims)
		slices.SortStableFunc(claims, func(a, b Claim) int { return strings.Compare(a.From, b.From) })
		out = append(out, Conflict{ID: ConflictID(e.ID, "date"), Kind: "date", About: e.ID, Claims: claims, Title: e.Title})
	}
	// A countable fact on which two documents give different numbers.
	var kinds []string
	for _, f := range e.Facts {
		if !slices.Contains(kinds, f.Kind) {
			kinds = append(kinds, f.Kind)
		}
	}
	for _, k := range kinds {
		// A document's claim is the largest number it gives: "twelve
		// soldiers were killed, seven Essarian and five Valdorian" claims
		// twelve.
		best := map[string]FactClaim{}
		var docs []string
		for _, f := range e.Facts {
			if f.Kind != k {
				continue
			}
			b, ok := best[f.Document]
			if !ok {
				docs = append(docs, f.Document)
			}
			if !ok || f.Value > b.Value || f.Value == b.Value && f.Main && !b.Main {
				best[f.Document] = f
			}
		}
		values := map[int]bool{}
		var claims []Claim
		for _, d := range docs {
			f := best[d]
			values[f.Value] = true
			claims = append(claims, Claim{Document: f.Document, Start: f.Start, End: f.End, Value: fmt.Sprint(f.Value), Main: f.Main})
		}
		if len(values) < 2 || claimDocuments(claims) < 2 {
			continue
		}
		slices.SortStableFunc(claims, func(a, b Claim) int { return strings.Compare(a.Value, b.Value) })
		out = append(out, Conflict{ID: ConflictID(e.ID, k), Kind: k, About: e.ID, Claims: claims, Title: e.Title})
	}
	return out
}

// top returns the key counted most, the smallest on a tie, or "".
func top(m map[string]int) string {
	l := byCount(m)
	if len(l) == 0 {
		return ""
	}
	return l[0]
}

// byCount returns the keys of m, most counted first, then in order.
func byCount(m map[string]int) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	slices.SortFunc(out, func(a, b string) int {
		if m[a] != m[b] {
			return m[b] - m[a]
		}
		return strings.Compare(a, b)
	})
	return out
}

// eachEvent calls fn with every event and its reports, a page at a time.
func eachEvent(ctx context.Context, st store.Store, fn func(Event) error) error {
	return eachPage(ctx, "", func(after string) ([]store.Event, error) {
		return st.Events(ctx, store.EventQuery{AfterID: after, Limit: pageSize})
	}, func(e store.Event) string { return e.ID }, func(e store.Event) error {
		reports, err := st.EventReports(ctx, e.ID)
		if err != nil {
			return err
		}
		facts, err := st.EventFacts(ctx, e.ID)
		if err != nil {
			return err
		}
		return fn(NewEvent(e, reports, facts))
	})
}

// eachConflict calls fn with every conflict, in event order.
func eachConflict(ctx context.Context, st store.Store, fn func(Conflict) error) error {
	return eachEvent(ctx, st, func(e Event) error {
		for _, c := range EventConflicts(e) {
			if err := fn(c); err != nil {
				return err
			}
		}
		return nil
	})
}

// Stories groups events into stories: an event and the events its
// documents recall are one story (the 2022 visit whose reports recall the
// 2019 visit). docEvent gives each document's main event. It returns each
// event's story id ("ST" and the number of its first event), keyed by
// event id.
func Stories(evs []Event, docEvent map[string]string) map[string]string {
	parent := map[string]string{}
	var find func(string) string
	find = func(x string) string {
		p, ok := parent[x]
		if !ok || p == x {
			parent[x] = x
			return x
		}
		r := find(p)
		parent[x] = r
		return r
	}
	union := func(a, b string) {
		ra, rb := find(a), find(b)
		if ra == rb {
			return
		}
		// The earlier event's id names the story.
		if eventNumber(rb) < eventNumber(ra) {
			ra, rb = rb, ra
		}
		parent[rb] = ra
	}
	for _, e := range evs {
		find(e.ID)
		for _, d := range e.Mentions {
			if m := docEvent[d]; m != "" && m != e.ID {
				union(m, e.ID)
			}
		}
	}
	out := make(map[string]string, len(evs))
	for _, e := range evs {
		out[e.ID] = "ST" + strings.TrimPrefix(find(e.ID), "V")
	}
	return out
}

// eventNumber reads the number of an event id, 0 when it has none.
func eventNumber(id string) int {
	n := 0
	for _, r := range strings.TrimPrefix(id, "V") {
		if r < '0' || r > '9' {
			return 0
		}
		n = n*10 + int(r-'0')
	}
	return n
}

// Events returns every event of the store with its story and coverage,
// in id order.
func Events(ctx context.Context, st store.Store) ([]Event, error) {
	evs, stories, err := eventsWithStories(ctx, st)
	for i := range evs {
		evs[i].Story = stories[evs[i].ID]
	}
	return evs, err
}

// eventsWithStories reads every event and the story of each.
func eventsWithStories(ctx context.Context, st store.Store) ([]Event, map[string]string, error) {
	var evs []Event
	if err := eachEvent(ctx, st, func(e Event) error {
		evs = append(evs, e)
		return nil
	}); err != nil {
		return nil, nil, err
	}
	docEvent := map[string]string{}
	for _, e := range evs {
		for _, d := range e.Documents {
			docEvent[d] = e.ID
		}
	}
	carried := map[string][]string{}
	if err := eachStatement(ctx, st, func(s store.StatementInfo) error {
		for _, r := range s.Renderings {
			if docEvent[r.Document] != "" && !slices.Contains(carried[r.Document], s.ID) {
				carried[r.Document] = append(carried[r.Document], s.ID)
			}
		}
		return nil
	}); err != nil {
		return nil, nil, err
	}
	for i := range evs {
		Cover(&evs[i], carried)
	}
	return evs, Stories(evs, docEvent), nil
}
