package server

import (
	"context"
	_ "embed"
	"errors"
	"net/http"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/parallax-news/parallax/internal/export"
	"github.com/parallax-news/parallax/internal/news"
	"github.com/parallax-news/parallax/internal/store"
)

// The JSON API: every object the store holds, at /api/KIND and
// /api/KIND/{id}, in the export's shapes (docs/export.md), described by
// the OpenAPI document at /api/openapi.json.

//go:embed openapi.json
var openAPI []byte

// maxOffset bounds the offset of a page: paging deeper reads and skips
// more rows than a request should; filters narrow a list instead.
const maxOffset = 10_000

// list is a page of API results.
type list[T any] struct {
	Items  []T `json:"items"`
	Limit  int `json:"limit"`
	Offset int `json:"offset"`
	// Next is the offset of the next page, or null on the last one.
	Next *int `json:"next"`
	// NextURL is the path and query of the next page, or null on the
	// last one.
	NextURL *string `json:"next_url"`
}

// newList returns a page of items of request r. A full page has a next
// one (which may be empty).
func newList[T any](r *http.Request, items []T, limit, offset int) list[T] {
	l := list[T]{Items: items, Limit: limit, Offset: offset}
	if l.Items == nil {
		l.Items = []T{}
	}
	if len(items) == limit && offset+limit <= maxOffset {
		n := offset + limit
		l.Next = &n
		u := nextURL(r, "offset", strconv.Itoa(n))
		l.NextURL = &u
	}
	return l
}

// nextURL returns the path and query of r with key set to value (and
// no page).
func nextURL(r *http.Request, key, value string) string {
	q := r.URL.Query()
	q.Del("page")
	q.Set(key, value)
	return r.URL.Path + "?" + q.Encode()
}

// apiPaging reads limit and offset, with offset at most maxOffset.
func apiPaging(r *http.Request) (limit, offset int, err error) {
	limit, offset, err = paging(r)
	if err == nil && offset > maxOffset {
		err = errorf(http.StatusBadRequest, "offset must be at most %d: narrow the list with its filters", maxOffset)
	}
	return limit, offset, err
}

// param returns query parameter key, trimmed, and fails when it is longer
// than a query may be.
func param(r *http.Request, key string) (string, error) {
	v := strings.TrimSpace(r.URL.Query().Get(key))
	if len(v) > maxQueryBytes {
		return "", errorf(http.StatusBadRequest, "%s too long (at most %d bytes)", key, maxQueryBytes)
	}
	return v, nil
}

// dateParam returns query parameter key, an ISO date at some precision,
// or "".
func dateParam(r *http.Request, key string) (string, error) {
	v, err := param(r, key)
	if err != nil || v == "" {
		return v, err
	}
	if precision(v) == "" {
		return "", errorf(http.StatusBadRequest, "%s must be a date: YYYY-MM-DD, YYYY-MM or YYYY", key)
	}
	return v, nil
}

// idParam returns query parameter key, which must start with prefix and
// a digit when set ("E12", "S3", "V7").
func idParam(r *http.Request, key, prefix string) (string, error) {
	v, err := param(r, key)
	if err != nil || v == "" {
		return v, err
	}
	if !numbered(v, prefix) {
		return "", errorf(http.StatusBadRequest, "%s must be an id like %s12", key, prefix)
	}
	return v, nil
}

// numbered reports whether id is prefix and a number.
func numbered(id, prefix string) bool {
	n, err := strconv.ParseInt(strings.TrimPrefix(id, prefix), 10, 64)
	return strings.HasPrefix(id, prefix) && err == nil && n > 0
}

// precision returns the precision of an ISO date: day, month or year; ""
// when it is none.
func precision(date string) string {
	digits := func(s string) bool {
		for _, c := range s {
			if c < '0' || c > '9' {
				return false
			}
		}
		return true
	}
	switch {
	case len(date) == 4 && digits(date):
		return "year"
	case len(date) == 7 && date[4] == '-' && digits(date[:4]) && digits(date[5:]) && date[5:] >= "01" && date[5:] <= "12":
		return "month"
	case len(date) == 10 && date[4] == '-' && date[7] == '-' && digits(date[:4]) && digits(date[5:7]) && digits(date[8:]) &&
		date[5:7] >= "01" && date[5:7] <= "12" && date[8:] >= "01" && date[8:] <= "31":
		return "day"
	}
	return ""
}

func (s *Server) handleAPIOpenAPI(w http.ResponseWriter, r *http.Request) error {
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	_, err := w.Write(openAPI)
	return err
}

func (s *Server) handleAPIDocuments(w http.ResponseWriter, r *http.Request) error {
	limit, offset, err := apiPaging(r)
	if err != nil {
		return err
	}
	source, err := param(r, "source")
	if err != nil {
		return err
	}
	docs, err := s.store.Documents(r.Context(), store.DocumentQuery{Source: source, Limit: limit, Offset: offset})
	if err != nil {
		return err
	}
	out := make([]export.Document, len(docs))
	for i, d := range docs {
		out[i] = export.NewDocument(d)
	}
	writeJSON(w, http.StatusOK, newList(r, out, limit, offset))
	return nil
}

func (s *Server) handleAPIDocument(w http.ResponseWriter, r *http.Request) error {
	d, err := s.store.Document(r.Context(), r.PathValue("id"))
	if err != nil {
		return err
	}
	writeJSON(w, http.StatusOK, export.NewDocument(d))
	return nil
}

// apiReport is what a document says of one event, in the API.
type apiReport struct {
	Event    string          `json:"event"`
	Title    string          `json:"title"` // the event's
	Type     string          `json:"type"`
	Main     bool            `json:"main"`    // the document reports it, not only recalls it
	Trigger  *export.Excerpt `json:"trigger"` // the word that reports it; null when none does (a headline's event)
	Date     *export.Claim   `json:"date"`    // null when the document gives it none
	Place    *string         `json:"place"`
	Partakes []string        `json:"participants"`
}

func (s *Server) handleAPIDocumentEvents(w http.ResponseWriter, r *http.Request) error {
	ctx := r.Context()
	d, err := s.store.Document(ctx, r.PathValue("id"))
	if err != nil {
		return err
	}
	reports, err := s.store.DocumentEvents(ctx, d.ID)
	if err != nil {
		return err
	}
	out := make([]apiReport, 0, len(reports))
	titles := map[string]string{}
	for _, rp := range reports {
		if _, ok := titles[rp.Event]; !ok {
			e, err := s.store.Event(ctx, rp.Event)
			if err != nil && !errors.Is(err, store.ErrNotFound) {
				return err
			}
			titles[rp.Event] = e.Title
		}
		x := apiReport{Event: rp.Event, Title: titles[rp.Event], Type: rp.Type, Main: rp.Main, Partakes: rp.Participants}
		if rp.Trigger.End > rp.Trigger.Start {
			x.Trigger = &export.Excerpt{Start: rp.Trigger.Start, End: rp.Trigger.End, Text: cut(d.Text, rp.Trigger)}
		}
		if x.Partakes == nil {
			x.Partakes = []string{}
		}
		if rp.Place != "" {
			x.Place = &rp.Place
		}
		if rp.Date != "" {
			x.Date = &export.Claim{Document: d.ID, Start: rp.DateSpan.Start, End: rp.DateSpan.End, Value: rp.Date, Main: rp.Main,
				From: rp.DateFrom, To: rp.DateTo, Explicit: rp.DateExplicit}
		}
		out = append(out, x)
	}
	writeJSON(w, http.StatusOK, map[string]any{"document": d.ID, "event": nullString(d.Event), "reports": out})
	return nil
}

// cut returns the text of span s, "" when it is out of text.
func cut(text string, s news.Span) string {
	if s.Start < 0 || s.End > len(text) || s.End < s.Start {
		return ""
	}
	return text[s.Start:s.End]
}

func nullString(s string) *string {
	if s == "" {
		return nil
	}
	return &s
}

// apiHit is one search result in the API.
type apiHit struct {
	Document  string  `json:"document"`
	Title     *string `json:"title"`
	Source    *string `json:"source"`
	Published *string `json:"published"`
	Snippet   string  `json:"snippet"`
	Rank      float64 `json:"rank"`
}

// searchQuery reads a search: q and the filters source, entity, from and
// to, with paging.
func searchQuery(r *http.Request) (store.SearchQuery, error) {
	var q store.SearchQuery
	var err error
	if q.Text, err = searchText(r); err != nil {
		return q, err
	}
	if q.Source, q.Entity, q.From, q.To, err = filterParams(r); err != nil {
		return q, err
	}
	q.Limit, q.Offset, err = apiPaging(r)
	return q, err
}

// filterParams reads the filters that searches and events share: source
// (an outlet), entity (an id), and the dates from and to.
func filterParams(r *http.Request) (source, entity, from, to string, err error) {
	if source, err = param(r, "source"); err != nil {
		return
	}
	if entity, err = idParam(r, "entity", "E"); err != nil {
		return
	}
	if from, err = dateParam(r, "from"); err != nil {
		return
	}
	to, err = dateParam(r, "to")
	return
}

func (s *Server) handleAPISearch(w http.ResponseWriter, r *http.Request) error {
	q, err := searchQuery(r)
	if err != nil {
		return err
	}
	if q.Text == "" && !q.Filtered() {
		return errorf(http.StatusBadRequest, "missing q: the words to search for (or a filter: entity, source, from, to)")
	}
	hits, err := s.store.Search(r.Context(), q)
	if err != nil {
		return err
	}
	out := make([]apiHit, len(hits))
	for i, h := range hits {
		d := export.NewDocument(h.Document)
		out[i] = apiHit{Document: d.ID, Title: d.Title, Source: d.Source, Published: d.Published, Snippet: h.Snippet, Rank: h.Rank}
	}
	writeJSON(w, http.StatusOK, newList(r, out, q.Limit, q.Offset))
	return nil
}

func (s *Server) handleAPIStats(w http.ResponseWriter, r *http.Request) error {
	st, err := s.stats(r.Context())
	if err != nil {
		return err
	}
	writeJSON(w, http.StatusOK, map[string]int{"documents": st.Documents, "duplicates": st.Duplicates, "sources": st.Sources,
		"analyzed": st.Analyzed, "mentions": st.Mentions, "entities": st.Entities,
		"quotes": st.Quotes, "statements": st.Statements, "events": st.Events})
	return nil
}

// apiAnalysis is a document's analysis in the API: its segmentation as
// [start, end) byte spans, and its names as exported.
type apiAnalysis struct {
	Document   string           `json:"document"`
	Version    int              `json:"version"`
	Paragraphs [][2]int         `json:"paragraphs"`
	Sentences  [][2]int         `json:"sentences"`
	Tokens     [][2]int         `json:"tokens"`
	Entities   []export.Entity  `json:"entities"`
	Mentions   []export.Mention `json:"mentions"`
}

func spanPairs(spans []news.Span) [][2]int {
	out := make([][2]int, len(spans))
	for i, s := range spans {
		out[i] = [2]int{s.Start, s.End}
	}
	return out
}

func (s *Server) handleAPIAnalysis(w http.ResponseWriter, r *http.Request) error {
	d, err := s.store.Document(r.Context(), r.PathValue("id"))
	if err != nil {
		return err
	}
	a, err := s.store.Analysis(r.Context(), d.ID)
	if err != nil {
		return err
	}
	links, err := s.store.EntityLinks(r.Context(), d.ID)
	if err != nil {
		return err
	}
	entities, mentions := export.DocumentEntities(d, a, links)
	if entities == nil {
		entities = []export.Entity{}
	}
	if mentions == nil {
		mentions = []export.Mention{}
	}
	writeJSON(w, http.StatusOK, apiAnalysis{
		Document: d.ID, Version: a.Version,
		Paragraphs: spanPairs(a.Paragraphs), Sentences: spanPairs(a.Sentences), Tokens: spanPairs(a.Tokens),
		Entities: entities, Mentions: mentions,
	})
	return nil
}

// apiEntity is an entity in the API: as exported, with the ids of the
// documents that name it (the latest maxPageSize).
type apiEntity struct {
	export.Entity
	DocumentIDs []string `json:"document_ids"`
}

func (s *Server) handleAPIEntities(w http.ResponseWriter, r *http.Request) error {
	if _, _, err := apiPaging(r); err != nil {
		return err
	}
	out, q, err := s.entities(r)
	if err != nil {
		return err
	}
	writeJSON(w, http.StatusOK, newList(r, out, q.Limit, q.Offset))
	return nil
}

func (s *Server) handleAPIEntity(w http.ResponseWriter, r *http.Request) error {
	e, err := s.store.Entity(r.Context(), r.PathValue("id"))
	if err != nil {
		return err
	}
	docs, err := s.store.EntityDocuments(r.Context(), e.ID, maxPageSize, 0)
	if err != nil {
		return err
	}
	out := apiEntity{Entity: export.NewEntity(e), DocumentIDs: make([]string, len(docs))}
	for i, d := range docs {
		out.DocumentIDs[i] = d.ID
	}
	writeJSON(w, http.StatusOK, out)
	return nil
}

// apiCooccurrence is an entity named with another, and in how many of
// its documents.
type apiCooccurrence struct {
	Entity    string `json:"entity"`
	Name      string `json:"name"`
	Type      string `json:"type"`
	Documents int    `json:"documents"`
}

func (s *Server) handleAPICooccurring(w http.ResponseWriter, r *http.Request) error {
	limit, _, err := apiPaging(r)
	if err != nil {
		return err
	}
	e, err := s.store.Entity(r.Context(), r.PathValue("id"))
	if err != nil {
		return err
	}
	cs, err := s.store.Cooccurring(r.Context(), e.ID, limit)
	if err != nil {
		return err
	}
	out := make([]apiCooccurrence, len(cs))
	for i, c := range cs {
		out[i] = apiCooccurrence{Entity: c.Entity.ID, Name: c.Entity.Name, Type: news.EntityTypeName(c.Entity.Type), Documents: c.Documents}
	}
	writeJSON(w, http.StatusOK, map[string]any{"entity": e.ID, "documents_counted": min(e.Documents, store.MaxCooccurrenceDocuments), "items": out})
	return nil
}

func (s *Server) handleAPIStatement(w http.ResponseWriter, r *http.Request) error {
	st, err := s.store.Statement(r.Context(), r.PathValue("id"))
	if err != nil {
		return err
	}
	writeJSON(w, http.StatusOK, export.NewStatement(st))
	return nil
}

func (s *Server) handleAPIStatements(w http.ResponseWriter, r *http.Request) error {
	limit, offset, err := apiPaging(r)
	if err != nil {
		return err
	}
	speaker, err := idParam(r, "speaker", "E")
	if err != nil {
		return err
	}
	out, err := s.statements(r, store.StatementQuery{Speaker: speaker, Limit: limit, Offset: offset})
	if err != nil {
		return err
	}
	writeJSON(w, http.StatusOK, newList(r, out, limit, offset))
	return nil
}

func (s *Server) handleAPIQuotes(w http.ResponseWriter, r *http.Request) error {
	limit, offset, err := apiPaging(r)
	if err != nil {
		return err
	}
	q := store.QuoteQuery{Limit: limit, Offset: offset}
	if q.Speaker, err = idParam(r, "speaker", "E"); err != nil {
		return err
	}
	if q.Statement, err = idParam(r, "statement", "S"); err != nil {
		return err
	}
	if q.Document, err = param(r, "document"); err != nil {
		return err
	}
	qs, err := s.store.Quotes(r.Context(), q)
	if err != nil {
		return err
	}
	out := make([]export.Quote, len(qs))
	for i, x := range qs {
		out[i] = export.NewQuote(x)
	}
	writeJSON(w, http.StatusOK, newList(r, out, limit, offset))
	return nil
}

func (s *Server) handleAPIQuote(w http.ResponseWriter, r *http.Request) error {
	id := r.PathValue("id")
	i := strings.LastIndex(id, "-q")
	start, err := strconv.Atoi(id[i+2:])
	if i <= 0 || err != nil || start < 0 {
		return errorf(http.StatusNotFound, "no quote %s: a quote id is DOCUMENT-qSTART", id)
	}
	q, err := s.store.Quote(r.Context(), id[:i], start)
	if err != nil {
		return err
	}
	writeJSON(w, http.StatusOK, export.NewQuote(q))
	return nil
}

// statsTTL is how long the counts of /api/stats and the overview are
// served before they are counted again: counting every mention, quote and
// conflict takes a while in a large store, and counts a few seconds old
// serve as well.
const statsTTL = 10 * time.Second

// counts are the store's aggregate counts, and its conflicts.
type counts struct {
	store.Stats
	Conflicts     int
	MoreConflicts bool // there are more conflicts than counted
}

// stats returns the store's counts (see counts).
func (s *Server) stats(ctx context.Context) (store.Stats, error) {
	c, err := s.counts(ctx)
	return c.Stats, err
}

// counts returns the store's counts. The first request counts; later ones
// get counts at most statsTTL old, or, once they are older, the old counts
// while they are counted again in the background, so that no request
// waits for the count.
func (s *Server) counts(ctx context.Context) (counts, error) {
	s.statsMu.Lock()
	c, at := s.statsCache, s.statsAt
	if at.IsZero() {
		s.statsMu.Unlock()
		c, err := s.countNow(ctx)
		if err != nil {
			return counts{}, err
		}
		s.statsMu.Lock()
		s.statsCache, s.statsAt = c, time.Now()
		s.statsMu.Unlock()
		return c, nil
	}
	if time.Since(at) >= statsTTL && !s.recounting {
		s.recounting = true
		go func() {
			ctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), time.Minute)
			defer cancel()
			c, err := s.countNow(ctx)
			s.statsMu.Lock()
			defer s.statsMu.Unlock()
			s.recounting = false
			if err != nil {
				s.log.Warn("count the store", logKeyError, err)
				return
			}
			s.statsCache, s.statsAt = c, time.Now()
		}()
	}
	s.statsMu.Unlock()
	return c, nil
}

// forgetCounts makes the next request count anew (after articles were
// added).
func (s *Server) forgetCounts() {
	s.statsMu.Lock()
	s.statsAt = time.Time{}
	s.statsMu.Unlock()
}

// countNow counts.
func (s *Server) countNow(ctx context.Context) (counts, error) {
	st, err := s.store.Stats(ctx)
	if err != nil {
		return counts{}, err
	}
	c := counts{Stats: st}
	c.Conflicts, c.MoreConflicts, err = s.countConflicts(ctx)
	return c, err
}

// maxCoverageDocuments bounds the documents of an event whose coverage
// the API gives: coverage lists, for each document, the statements of the
// others it leaves out, which grows with the square of the documents.
const maxCoverageDocuments = 100

// apiEvent is an event in the API: as exported, and whether its coverage
// was left out (in lists, and for events of more than
// maxCoverageDocuments documents), and whether it was made from a sample
// of its reports (in lists).
type apiEvent struct {
	export.Event
	CoverageTruncated bool `json:"coverage_truncated"`
	// Sampled reports that the event, in a list, was made from the reports
	// of its first maxListedReports documents: its documents, mentions,
	// claims and facts are then those of the sample, its participants,
	// place and date as the sample gives them. /api/events/ID has them all.
	Sampled bool `json:"sampled"`
}

// maxListedReports bounds the reports an event in a list is made from, so
// that a page of events costs the same whatever their size.
const maxListedReports = 200

// eventUse says what an event is read for.
type eventUse int

const (
	eventAlone     eventUse = iota // its own answer: all of it
	eventInList                    // a list: a sample of its reports, no coverage
	eventConflicts                 // its conflicts: all its claims and facts, no coverage
	eventSketch                    // a mark on the overview: a small sample, no coverage
)

// maxSketchReports bounds the reports an overview's event is made from.
const maxSketchReports = 24

// event returns event e as exported, for use: with its claims, facts and
// coverage, but no coverage in a list or for conflicts, and in a list a
// sample of its reports when it has more than maxListedReports.
func (s *Server) event(ctx context.Context, e store.Event, use eventUse) (apiEvent, error) {
	sample := use == eventInList || use == eventSketch
	limit := maxListedReports
	if use == eventSketch {
		limit = maxSketchReports
	}
	var reports []store.EventReport
	var facts []store.EventFact
	var err error
	if sample {
		// One more than the sample tells whether it is one.
		reports, err = s.store.FirstEventReports(ctx, e.ID, limit+1)
		sample = err == nil && len(reports) > limit
		if sample {
			reports = reports[:limit]
		}
	} else {
		reports, err = s.store.EventReports(ctx, e.ID)
	}
	if err == nil {
		if sample {
			facts, err = s.store.FirstEventFacts(ctx, e.ID, limit)
		} else {
			facts, err = s.store.EventFacts(ctx, e.ID)
		}
	}
	if err != nil {
		return apiEvent{}, err
	}
	out := apiEvent{Event: export.NewEvent(e, reports, facts), Sampled: sample}
	carried := map[string][]string{}
	if use != eventAlone || len(out.Documents) > maxCoverageDocuments {
		out.CoverageTruncated = true
	} else if carried, err = s.store.EventStatements(ctx, e.ID); err != nil {
		return apiEvent{}, err
	}
	export.Cover(&out.Event, carried)
	if out.CoverageTruncated {
		out.Coverage = out.Coverage[:0]
	}
	return out, nil
}

// events returns the events as a list gives them.
func (s *Server) events(ctx context.Context, evs []store.Event) ([]apiEvent, error) {
	out := make([]apiEvent, len(evs))
	for i, e := range evs {
		x, err := s.event(ctx, e, eventInList)
		if err != nil {
			return nil, err
		}
		out[i] = x
	}
	return out, nil
}

// eventQuery reads the filters of the events and the timeline: type,
// entity, source, from, to, with paging.
func eventQuery(r *http.Request) (store.EventQuery, error) {
	var q store.EventQuery
	var err error
	if q.Type, err = param(r, "type"); err != nil {
		return q, err
	}
	if q.Source, q.Entity, q.From, q.To, err = filterParams(r); err != nil {
		return q, err
	}
	q.Limit, q.Offset, err = apiPaging(r)
	return q, err
}

func (s *Server) handleAPIEvents(w http.ResponseWriter, r *http.Request) error {
	q, err := eventQuery(r)
	if err != nil {
		return err
	}
	switch r.URL.Query().Get("order") {
	case "", "id":
	case "date":
		q.ByDate = true
	default:
		return errorf(http.StatusBadRequest, "order must be id or date")
	}
	evs, err := s.store.Events(r.Context(), q)
	if err != nil {
		return err
	}
	out, err := s.events(r.Context(), evs)
	if err != nil {
		return err
	}
	writeJSON(w, http.StatusOK, newList(r, out, q.Limit, q.Offset))
	return nil
}

func (s *Server) handleAPIEvent(w http.ResponseWriter, r *http.Request) error {
	e, err := s.store.Event(r.Context(), r.PathValue("id"))
	if err != nil {
		return err
	}
	out, err := s.event(r.Context(), e, eventAlone)
	if err != nil {
		return err
	}
	events, complete, err := s.storyEvents(r.Context(), e.ID)
	if err != nil {
		return err
	}
	if complete {
		out.Story = "ST" + strings.TrimPrefix(slices.MinFunc(events, compareEventIDs), "V")
	}
	writeJSON(w, http.StatusOK, out)
	return nil
}

// maxStoryEvents bounds the events gathered for one story: a story of
// more is cut there (an event's story is then left empty, and the
// timeline of a story shows the first found).
const maxStoryEvents = 200

// compareEventIDs orders event ids by number.
func compareEventIDs(a, b string) int {
	x, _ := strconv.Atoi(strings.TrimPrefix(a, "V"))
	y, _ := strconv.Atoi(strings.TrimPrefix(b, "V"))
	return x - y
}

// storyEvents returns the events of event id's story (see export.Stories),
// walking from it one document at a time, at most maxStoryEvents of them,
// and whether that is all of them.
func (s *Server) storyEvents(ctx context.Context, id string) ([]string, bool, error) {
	seen := map[string]bool{id: true}
	out := []string{id}
	for i := 0; i < len(out); i++ {
		next, err := s.store.RelatedEvents(ctx, out[i])
		if err != nil {
			return nil, false, err
		}
		for _, n := range next {
			if seen[n] {
				continue
			}
			if len(out) == maxStoryEvents {
				return out, false, nil
			}
			seen[n] = true
			out = append(out, n)
		}
	}
	return out, true, nil
}

// timelineItem is an event on the timeline: when, at what precision.
type timelineItem struct {
	When      string `json:"when"`      // the day most reports give, else the month, year or earliest day
	Precision string `json:"precision"` // day, month, year or range
	apiEvent
}

// datePrecision returns the date an event is placed at and its
// precision: the day most of its reports give; else the month or year
// its dates span, or the range from the earliest.
func datePrecision(e apiEvent) (string, string) {
	if e.Date.Value != nil {
		return *e.Date.Value, "day"
	}
	if e.Date.Earliest == nil || e.Date.Latest == nil {
		return "", "range"
	}
	from, to := *e.Date.Earliest, *e.Date.Latest
	switch {
	case from == to:
		return from, "day"
	case len(from) == 10 && len(to) == 10 && from[:7] == to[:7] && from[8:] == "01" && to[8:] >= "28":
		return from[:7], "month"
	case len(from) == 10 && len(to) == 10 && from[:4] == to[:4] && from[5:] == "01-01" && to[5:] == "12-31":
		return from[:4], "year"
	}
	return from, "range"
}

func (s *Server) handleAPITimeline(w http.ResponseWriter, r *http.Request) error {
	q, err := eventQuery(r)
	if err != nil {
		return err
	}
	q.ByDate = true
	if story, err := param(r, "story"); err != nil {
		return err
	} else if story != "" {
		if !numbered(story, "ST") {
			return errorf(http.StatusBadRequest, "story must be a story id like ST12")
		}
		root := "V" + strings.TrimPrefix(story, "ST")
		if _, err := s.store.Event(r.Context(), root); err != nil {
			return err
		}
		events, complete, err := s.storyEvents(r.Context(), root)
		if err != nil {
			return err
		}
		if first := slices.MinFunc(events, compareEventIDs); complete && first != root {
			return errorf(http.StatusNotFound, "no story %s: its events are story ST%s", story, strings.TrimPrefix(first, "V"))
		}
		q.IDs = events
	}
	evs, err := s.store.Events(r.Context(), q)
	if err != nil {
		return err
	}
	exp, err := s.events(r.Context(), evs)
	if err != nil {
		return err
	}
	out := make([]timelineItem, len(exp))
	for i, e := range exp {
		out[i].When, out[i].Precision = datePrecision(e)
		out[i].apiEvent = e
	}
	writeJSON(w, http.StatusOK, newList(r, out, q.Limit, q.Offset))
	return nil
}

// conflictList is a page of conflicts: keyset paging by event, as
// conflicts are found by checking candidate events.
type conflictList struct {
	Items []export.Conflict `json:"items"`
	Limit int               `json:"limit"`
	After *string           `json:"after"` // the event the page starts after
	// NextAfter is the after of the next page, or null on the last one;
	// NextURL its path and query.
	NextAfter *string `json:"next_after"`
	NextURL   *string `json:"next_url"`
}

// maxConflictCandidates bounds the candidate events one page of conflicts
// checks: a page may then hold fewer than limit conflicts, and next_url
// goes on from the last event checked.
const maxConflictCandidates = 200

// defaultConflicts is the page size of conflicts: each carries every
// claim of its event, thousands for an event many outlets cover.
const defaultConflicts = 20

func (s *Server) handleAPIConflicts(w http.ResponseWriter, r *http.Request) error {
	limit, _, err := apiPaging(r)
	if err != nil {
		return err
	}
	if r.URL.Query().Get("limit") == "" {
		limit = defaultConflicts
	}
	after, err := idParam(r, "after", "V")
	if err != nil {
		return err
	}
	ctx := r.Context()
	out := conflictList{Items: []export.Conflict{}, Limit: limit, After: nullString(after)}
	cursor, checked, end := after, 0, false
	for len(out.Items) < limit && checked < maxConflictCandidates && !end {
		want := min(limit, maxConflictCandidates-checked)
		ids, err := s.store.ConflictCandidates(ctx, cursor, want)
		if err != nil {
			return err
		}
		end = len(ids) < want
		for i, id := range ids {
			e, err := s.store.Event(ctx, id)
			if err != nil {
				return err
			}
			x, err := s.event(ctx, e, eventConflicts)
			if err != nil {
				return err
			}
			out.Items = append(out.Items, export.EventConflicts(x.Event)...)
			cursor = id
			checked++
			if len(out.Items) >= limit {
				end = end && i == len(ids)-1
				break
			}
		}
	}
	if !end && cursor != after {
		out.NextAfter = &cursor
		u := nextURL(r, "after", cursor)
		out.NextURL = &u
	}
	writeJSON(w, http.StatusOK, out)
	return nil
}

func (s *Server) handleAPIConflict(w http.ResponseWriter, r *http.Request) error {
	id := r.PathValue("id")
	event, kind, ok := export.ParseConflictID(id)
	if !ok {
		return errorf(http.StatusNotFound, "no conflict %s: a conflict id is EVENT-KIND, like V12-date", id)
	}
	e, err := s.store.Event(r.Context(), event)
	if err != nil {
		return err
	}
	x, err := s.event(r.Context(), e, eventConflicts)
	if err != nil {
		return err
	}
	cs := export.EventConflicts(x.Event)
	i := slices.IndexFunc(cs, func(c export.Conflict) bool { return c.Kind == kind })
	if i < 0 {
		return errorf(http.StatusNotFound, "no conflict %s", id)
	}
	writeJSON(w, http.StatusOK, cs[i])
	return nil
}
