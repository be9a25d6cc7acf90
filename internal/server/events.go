package server

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"slices"
	"strings"
	"time"

	"github.com/parallax-news/parallax/internal/export"
	"github.com/parallax-news/parallax/internal/news"
	"github.com/parallax-news/parallax/internal/store"
)

// The pages of events: the overview's timeline and stories, and one
// event with its coverage, statements and conflicts.

// Bounds on what one page reads, so that it answers quickly in a large
// archive.
const (
	maxEventReportsShown    = 40 // documents of one event, on its page
	maxRelatedShown         = 20 // events of its story, on its page
	maxRenderingsShown      = 8  // renderings of a statement, on an event's page
	maxEventStatementsShown = 12 // statements of one event, side by side
	maxNamesLooked          = 40 // entity names looked up for one page
)

// entityRef is an entity as a page links it.
type entityRef struct {
	ID, Name, Type string
}

// names looks up the names of entity ids, at most maxNamesLooked, in
// the order given.
func (s *Server) names(ctx context.Context, ids []string) []entityRef {
	if len(ids) > maxNamesLooked {
		ids = ids[:maxNamesLooked]
	}
	if len(ids) == 0 {
		return nil
	}
	// One query; the aliases and roles it also reads come from one
	// document each, as only names are wanted.
	es, err := s.store.Entities(ctx, store.EntityQuery{IDs: ids, MaxDocuments: 1, Limit: len(ids)})
	if err != nil {
		return nil
	}
	byID := make(map[string]store.EntityInfo, len(es))
	for _, e := range es {
		byID[e.ID] = e
	}
	var out []entityRef
	for _, id := range ids {
		if e, ok := byID[id]; ok {
			out = append(out, entityRef{ID: id, Name: e.Name, Type: e.Type})
		}
	}
	return out
}

// reportRow is one document's row of an event's coverage matrix.
type reportRow struct {
	Doc          news.Document
	Date         *export.Claim // the date it gives, if any
	Facts        []string      // one cell per fact column
	Participants int           // how many participants it names
	Carries      []bool        // one cell per statement column
}

// claimView is one side of a conflict or one date given, with the
// sentence that says so.
type claimView struct {
	export.Claim
	Doc      news.Document
	Sentence string
	Said     string // the words that give the value
}

// conflictView is a conflict with its claims grouped by value.
type conflictView struct {
	Kind   string
	Sides  []conflictSide
	Claims int
}

type conflictSide struct {
	Value  string
	Claims []claimView
}

// statementColumn is one statement of an event: a column of the matrix
// and a block of renderings side by side.
type statementColumn struct {
	export.Statement
	Label       string // speaker and first words
	SpeakerName string
	More        int // renderings not shown
}

// eventPage is everything an event's page shows.
type eventPage struct {
	Event        export.Event
	Precision    string
	Place        *entityRef
	Participants []entityRef
	Rows         []reportRow
	FactKinds    []string
	Statements   []statementColumn
	Conflicts    []conflictView
	Agreed       []string // facts every reporting document that gives them agrees on
	Mentions     []news.Document
	More         int // reports not shown
	Related      []relatedEvent
}

// relatedEvent is an event of the same story.
type relatedEvent struct {
	Event    export.Event
	How      string
	Disputed bool
}

// eventDay is the first day an event may be, for ordering; "" when
// undated.
func eventDay(e export.Event) string {
	if e.Date.Earliest != nil {
		return *e.Date.Earliest
	}
	if e.Date.Value != nil {
		return *e.Date.Value
	}
	return ""
}

func (s *Server) handleEvent(w http.ResponseWriter, r *http.Request) error {
	ctx := r.Context()
	ev, err := s.eventByID(ctx, r.PathValue("id"), eventConflicts)
	if err != nil {
		return err
	}
	p := eventPage{Event: ev, Precision: export.Precision(ev)}
	docs := map[string]news.Document{}
	doc := func(id string) news.Document {
		if d, ok := docs[id]; ok {
			return d
		}
		d, err := s.store.Document(ctx, id)
		if err != nil {
			d = news.Document{ID: id}
		}
		docs[id] = d
		return d
	}
	if ev.Place != nil {
		if l := s.names(ctx, []string{*ev.Place}); len(l) == 1 {
			p.Place = &l[0]
		}
	}
	p.Participants = s.names(ctx, ev.Participants)

	// Statements the reporting documents carry, and which carries which.
	shown := ev.Documents
	if len(shown) > maxEventReportsShown {
		p.More = len(shown) - maxEventReportsShown
		shown = shown[:maxEventReportsShown]
	}
	carried := map[string][]string{}
	count := map[string]int{}
	var order []string
	for _, d := range shown {
		m, err := s.store.QuoteStatements(ctx, d)
		if err != nil {
			return err
		}
		starts := make([]int, 0, len(m))
		for start := range m {
			starts = append(starts, start)
		}
		slices.Sort(starts)
		for _, start := range starts {
			id := m[start]
			if !slices.Contains(carried[d], id) {
				carried[d] = append(carried[d], id)
				if count[id] == 0 {
					order = append(order, id)
				}
				count[id]++
			}
		}
	}
	// The statements most outlets carry come first; then in text order.
	slices.SortStableFunc(order, func(a, b string) int { return count[b] - count[a] })
	for _, id := range order {
		if len(p.Statements) == maxEventStatementsShown {
			break
		}
		st, err := s.store.Statement(ctx, id)
		if err != nil {
			continue
		}
		more := 0
		if len(st.Renderings) > maxRenderingsShown {
			more = len(st.Renderings) - maxRenderingsShown
			st.Renderings = st.Renderings[:maxRenderingsShown]
		}
		col := statementColumn{Statement: export.NewStatement(st), More: more}
		if l := s.names(ctx, []string{st.Speaker}); len(l) == 1 {
			col.SpeakerName = l[0].Name
		}
		col.Label = statementLabel(col)
		p.Statements = append(p.Statements, col)
	}
	export.Cover(&p.Event, carried)

	// Facts: the date each gives, and the countable facts.
	dateOf := map[string]*export.Claim{}
	for i, c := range ev.Claims {
		if c.Main && dateOf[c.Document] == nil {
			dateOf[c.Document] = &ev.Claims[i]
		}
	}
	factOf := map[string]map[string]int{}
	for _, f := range ev.Facts {
		if !slices.Contains(p.FactKinds, f.Kind) {
			p.FactKinds = append(p.FactKinds, f.Kind)
		}
		if factOf[f.Document] == nil {
			factOf[f.Document] = map[string]int{}
		}
		if f.Value > factOf[f.Document][f.Kind] {
			factOf[f.Document][f.Kind] = f.Value
		}
	}
	for _, d := range shown {
		row := reportRow{Doc: doc(d), Date: dateOf[d]}
		for _, k := range p.FactKinds {
			if v, ok := factOf[d][k]; ok {
				row.Facts = append(row.Facts, fmt.Sprint(v))
			} else {
				row.Facts = append(row.Facts, "")
			}
		}
		for _, c := range p.Event.Coverage {
			if c.Document == d {
				row.Participants = len(c.Participants)
			}
		}
		for _, st := range p.Statements {
			row.Carries = append(row.Carries, slices.Contains(carried[d], st.ID))
		}
		p.Rows = append(p.Rows, row)
	}
	slices.SortStableFunc(p.Rows, func(a, b reportRow) int { return strings.Compare(a.Doc.Published, b.Doc.Published) })

	// Conflicts, each side with its evidence; and what all agree on.
	conflicted := map[string]bool{}
	for _, c := range export.EventConflicts(ev) {
		conflicted[c.Kind] = true
		cv := conflictView{Kind: c.Kind, Claims: len(c.Claims)}
		for _, cl := range c.Claims {
			d := doc(cl.Document)
			v := claimView{Claim: cl, Doc: d, Sentence: export.SentenceAround(d.Text, cl.Start, cl.End)}
			if cl.Start >= 0 && cl.End <= len(d.Text) && cl.Start < cl.End {
				v.Said = d.Text[cl.Start:cl.End]
			}
			value := cl.Value
			if len(value) > 7 && c.Kind == "date" && !cl.Explicit {
				value = cl.Value + " (worked out)"
			}
			i := slices.IndexFunc(cv.Sides, func(s conflictSide) bool { return s.Value == value })
			if i < 0 {
				cv.Sides = append(cv.Sides, conflictSide{Value: value})
				i = len(cv.Sides) - 1
			}
			cv.Sides[i].Claims = append(cv.Sides[i].Claims, v)
		}
		p.Conflicts = append(p.Conflicts, cv)
	}
	if ev.Agreed != nil && *ev.Agreed {
		p.Agreed = append(p.Agreed, "the date")
	}
	for _, k := range p.FactKinds {
		if conflicted[k] {
			continue
		}
		n := 0
		for _, m := range factOf {
			if _, ok := m[k]; ok {
				n++
			}
		}
		if n >= 2 {
			p.Agreed = append(p.Agreed, factName(k))
		}
	}
	for i, d := range ev.Mentions {
		if i == maxEventReportsShown {
			break
		}
		p.Mentions = append(p.Mentions, doc(d))
	}
	// Related events: those its reports recall, and those whose reports
	// recall it.
	related, err := s.store.RelatedEvents(ctx, ev.ID)
	if err != nil {
		return err
	}
	for _, id := range related {
		if len(p.Related) == maxRelatedShown {
			break
		}
		rev, err := s.eventByID(ctx, id, eventInList)
		if err != nil {
			continue
		}
		how := "recalls it"
		if slices.ContainsFunc(rev.Mentions, func(d string) bool { return slices.Contains(ev.Documents, d) }) {
			how = "recalled by its reports"
		}
		p.Related = append(p.Related, relatedEvent{Event: rev, How: how, Disputed: len(export.EventConflicts(rev)) > 0})
	}
	slices.SortStableFunc(p.Related, func(a, b relatedEvent) int { return strings.Compare(eventDay(a.Event), eventDay(b.Event)) })
	title := ev.Title
	if title == "" {
		title = "Event " + ev.ID
	}
	return s.render(w, "event", map[string]any{"Title": title, "Page": p})
}

// eventByID reads one event as the export gives it (without its story),
// for use (see eventUse).
func (s *Server) eventByID(ctx context.Context, id string, use eventUse) (export.Event, error) {
	e, err := s.store.Event(ctx, id)
	if err != nil {
		return export.Event{}, err
	}
	ev, err := s.event(ctx, e, use)
	return ev.Event, err
}

// statementLabel names a statement in a column head: its speaker and its
// first words.
func statementLabel(c statementColumn) string {
	words := ""
	if len(c.Renderings) > 0 {
		words = c.Renderings[0].Text
	}
	if f := strings.Fields(words); len(f) > 8 {
		words = strings.Join(f[:8], " ") + " …"
	}
	if c.SpeakerName != "" {
		return c.SpeakerName + ": " + words
	}
	return words
}

// factName is how a page names a kind of fact.
func factName(kind string) string {
	switch kind {
	case "ordinal":
		return "which visit it was"
	case "date":
		return "the date"
	}
	return "the number " + kind
}

// timelineMark is one event on the overview's date axis.
type timelineMark struct {
	ID, Title, Type, Precision, Date string
	Conflict                         bool
	Documents, Mentions              int
	Story                            string
	X, W, Y                          float64 // in the drawing's units
	LabelX                           float64
	LabelEnd                         bool // the label sits left of the mark
}

// timelineTick is a labelled date on the axis.
type timelineTick struct {
	X     float64
	Label string
}

// timeline lays events out on a date axis, one row each in date order;
// events without a date are left out (the caller lists them).
type timeline struct {
	Marks          []timelineMark
	Ticks          []timelineTick
	Width, Height  float64
	Left, Right    float64 // the axis runs from Left to Right
	From, To       string
	Undated        []export.Event
	ConflictsShown int
}

const (
	timelineWidth = 1000.0
	timelineRow   = 26.0
	timelineTop   = 34.0
	timelinePad   = 20.0
)

func day(s string) (time.Time, bool) {
	t, err := time.Parse("2006-01-02", s)
	return t, err == nil
}

// newTimeline draws evs.
// reports, when it has an event, is how many documents report it (evs may
// be samples).
func newTimeline(evs []export.Event, conflicts map[string]bool, stories map[string]string, reports map[string]int) timeline {
	tl := timeline{Width: timelineWidth, Left: timelinePad, Right: timelineWidth - timelinePad}
	type dated struct {
		e        export.Event
		from, to time.Time
	}
	var ds []dated
	for _, e := range evs {
		var from, to time.Time
		var ok1, ok2 bool
		if e.Date.Value != nil && len(*e.Date.Value) == 10 {
			from, ok1 = day(*e.Date.Value)
			to, ok2 = from, ok1
		} else if e.Date.Earliest != nil && e.Date.Latest != nil {
			from, ok1 = day(*e.Date.Earliest)
			to, ok2 = day(*e.Date.Latest)
		}
		if !ok1 || !ok2 {
			tl.Undated = append(tl.Undated, e)
			continue
		}
		ds = append(ds, dated{e, from, to})
	}
	if len(ds) == 0 {
		return tl
	}
	slices.SortStableFunc(ds, func(a, b dated) int { return a.from.Compare(b.from) })
	lo, hi := ds[0].from, ds[0].to
	for _, d := range ds {
		if d.from.Before(lo) {
			lo = d.from
		}
		if d.to.After(hi) {
			hi = d.to
		}
	}
	// Whole months (or years) around the events.
	span := hi.Sub(lo)
	yearly := span > 3*365*24*time.Hour
	if yearly {
		lo = time.Date(lo.Year(), 1, 1, 0, 0, 0, 0, time.UTC)
		hi = time.Date(hi.Year()+1, 1, 1, 0, 0, 0, 0, time.UTC)
	} else {
		lo = time.Date(lo.Year(), lo.Month(), 1, 0, 0, 0, 0, time.UTC)
		hi = time.Date(hi.Year(), hi.Month()+1, 1, 0, 0, 0, 0, time.UTC)
	}
	tl.From, tl.To = lo.Format("2006-01-02"), hi.AddDate(0, 0, -1).Format("2006-01-02")
	total := hi.Sub(lo).Hours()
	x := func(t time.Time) float64 { return tl.Left + (tl.Right-tl.Left)*t.Sub(lo).Hours()/total }
	// Ticks: years, or months thinned to at most 12 labels.
	if yearly {
		step := 1
		for (hi.Year()-lo.Year())/step > 12 {
			step++
		}
		for y := lo.Year(); y <= hi.Year(); y += step {
			t := time.Date(y, 1, 1, 0, 0, 0, 0, time.UTC)
			tl.Ticks = append(tl.Ticks, timelineTick{X: x(t), Label: fmt.Sprint(y)})
		}
	} else {
		months := (hi.Year()-lo.Year())*12 + int(hi.Month()-lo.Month())
		step := 1
		for months/step > 12 {
			step++
		}
		for t := lo; !t.After(hi); t = t.AddDate(0, step, 0) {
			label := t.Format("Jan")
			if t.Month() == time.January || t.Equal(lo) {
				label = t.Format("Jan 2006")
			}
			tl.Ticks = append(tl.Ticks, timelineTick{X: x(t), Label: label})
		}
	}
	for i, d := range ds {
		e := d.e
		m := timelineMark{
			ID: e.ID, Title: e.Title, Type: e.Type, Precision: export.Precision(e),
			Conflict: conflicts[e.ID], Documents: max(len(e.Documents), reports[e.ID]), Mentions: len(e.Mentions), Story: stories[e.ID],
			X: x(d.from), W: x(d.to.AddDate(0, 0, 1)) - x(d.from), Y: timelineTop + float64(i)*timelineRow,
		}
		if e.Date.Value != nil {
			m.Date = *e.Date.Value
		} else {
			m.Date = d.from.Format("2006-01-02") + " – " + d.to.Format("2006-01-02")
		}
		if m.Conflict {
			tl.ConflictsShown++
		}
		if r := []rune(m.Title); len(r) > 70 {
			m.Title = string(r[:69]) + "…"
		}
		// Labels go right of the mark, or left of it in the right half.
		if m.X > (tl.Left+tl.Right)/2 {
			m.LabelEnd, m.LabelX = true, m.X-8
		} else {
			m.LabelX = m.X + m.W + 8
		}
		tl.Marks = append(tl.Marks, m)
	}
	tl.Height = timelineTop + float64(len(ds))*timelineRow + 10
	return tl
}

// storyView is a story of the overview: its events in date order.
type storyView struct {
	ID     string
	Events []timelineMark
	Docs   int
}

// overviewCounts are the numbers the overview starts with.
type overviewCounts struct {
	Documents, Outlets, Entities, Statements, Events, Conflicts, Duplicates int
	// MoreConflicts reports that there are more conflicts than counted.
	MoreConflicts bool
}

// maxConflictsCounted bounds the events whose conflicts the overview
// confirms, so that it answers quickly in a large archive.
const maxConflictsCounted = 20

// countConflicts counts the conflicts of the events that may have one,
// up to maxConflictsCounted events.
func (s *Server) countConflicts(ctx context.Context) (n int, more bool, err error) {
	ids, err := s.store.ConflictCandidates(ctx, "", maxConflictsCounted+1)
	if err != nil {
		return 0, false, err
	}
	if len(ids) > maxConflictsCounted {
		ids, more = ids[:maxConflictsCounted], true
	}
	for _, id := range ids {
		ev, err := s.eventByID(ctx, id, eventInList)
		if errors.Is(err, store.ErrNotFound) {
			continue
		}
		if err != nil {
			return 0, false, err
		}
		n += len(export.EventConflicts(ev))
	}
	return n, more, nil
}

// maxOverviewEvents is how many events the overview draws: the most
// reported.
const maxOverviewEvents = 24

func (s *Server) handleHome(w http.ResponseWriter, r *http.Request) error {
	ctx := r.Context()
	stats, err := s.counts(ctx)
	if err != nil {
		return err
	}
	evs, reports, err := s.overviewEvents(ctx)
	if err != nil {
		return err
	}
	docEvent := map[string]string{}
	for _, e := range evs {
		for _, d := range e.Documents {
			docEvent[d] = e.ID
		}
	}
	stories := export.Stories(evs, docEvent)
	conflicts := map[string]bool{}
	for _, e := range evs {
		if c := export.EventConflicts(e); len(c) > 0 {
			conflicts[e.ID] = true
		}
	}
	tl := newTimeline(evs, conflicts, stories, reports)
	byStory := map[string]*storyView{}
	var order []string
	for _, m := range tl.Marks {
		sv := byStory[m.Story]
		if sv == nil {
			sv = &storyView{ID: m.Story}
			byStory[m.Story] = sv
			order = append(order, m.Story)
		}
		sv.Events = append(sv.Events, m)
		sv.Docs += m.Documents
	}
	var storyList []storyView
	for _, id := range order {
		if sv := byStory[id]; len(sv.Events) > 1 {
			storyList = append(storyList, *sv)
		}
	}
	slices.SortStableFunc(storyList, func(a, b storyView) int { return b.Docs - a.Docs })
	counts := overviewCounts{
		Documents: stats.Documents, Outlets: stats.Sources, Entities: stats.Entities, Duplicates: stats.Duplicates,
		Statements: stats.Statements, Events: stats.Events,
		Conflicts: stats.Conflicts, MoreConflicts: stats.MoreConflicts,
	}
	return s.render(w, "home", map[string]any{
		"Title": "Overview", "Counts": counts, "Timeline": tl, "Stories": storyList,
	})
}

// overviewEvents reads the events the overview shows: the most reported.
// Each is made from a small sample of its reports (as a mark needs only its
// dates and title); reports gives how many documents report each.
func (s *Server) overviewEvents(ctx context.Context) (evs []export.Event, reports map[string]int, err error) {
	page, err := s.store.Events(ctx, store.EventQuery{ByDocuments: true, Limit: maxOverviewEvents})
	if err != nil {
		return nil, nil, err
	}
	out := make([]export.Event, 0, len(page))
	reports = make(map[string]int, len(page))
	for _, e := range page {
		ev, err := s.event(ctx, e, eventSketch)
		if errors.Is(err, store.ErrNotFound) {
			continue
		}
		if err != nil {
			return nil, nil, err
		}
		out = append(out, ev.Event)
		reports[e.ID] = e.Documents
	}
	return out, reports, nil
}

// handleDocuments lists the documents, newest first, by outlet if asked.
func (s *Server) handleDocuments(w http.ResponseWriter, r *http.Request) error {
	limit, offset, err := paging(r)
	if err != nil {
		return err
	}
	source := strings.TrimSpace(r.URL.Query().Get("source"))
	stats, err := s.stats(r.Context())
	if err != nil {
		return err
	}
	docs, err := s.store.Documents(r.Context(), store.DocumentQuery{Source: source, Limit: limit, Offset: offset})
	if err != nil {
		return err
	}
	return s.render(w, "documents", map[string]any{
		"Title": "Documents", "Stats": stats, "Documents": docs, "Source": source,
		"Pager": links(offset, limit, len(docs)),
	})
}

// handleEvents lists the events in the order they were first reported,
// a page at a time.
func (s *Server) handleEvents(w http.ResponseWriter, r *http.Request) error {
	after := strings.TrimSpace(r.URL.Query().Get("after"))
	page, err := s.store.Events(r.Context(), store.EventQuery{AfterID: after, Limit: defaultPageSize})
	if err != nil {
		return err
	}
	evs := make([]export.Event, 0, len(page))
	conflicts := map[string]bool{}
	for _, e := range page {
		ev, err := s.eventByID(r.Context(), e.ID, eventInList)
		if err != nil {
			return err
		}
		conflicts[e.ID] = len(export.EventConflicts(ev)) > 0
		evs = append(evs, ev)
	}
	next := ""
	if len(page) == defaultPageSize {
		next = page[len(page)-1].ID
	}
	return s.render(w, "events", map[string]any{"Title": "Events", "Events": evs, "Conflicts": conflicts, "Next": next, "After": after})
}
