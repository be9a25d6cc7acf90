package server

import (
	"net/http"
	"net/url"
	"slices"
	"strconv"
	"strings"

	"github.com/parallax-news/parallax/internal/export"
	"github.com/parallax-news/parallax/internal/news"
	"github.com/parallax-news/parallax/internal/store"
)

// Paging bounds.
const (
	defaultPageSize = 50
	maxPageSize     = 200
	maxQueryBytes   = 500
)

// paging reads limit and offset (API) or page (UI) from the query string.
func paging(r *http.Request) (limit, offset int, err error) {
	limit = defaultPageSize
	q := r.URL.Query()
	if v := q.Get("limit"); v != "" {
		if limit, err = strconv.Atoi(v); err != nil || limit < 1 || limit > maxPageSize {
			return 0, 0, errorf(http.StatusBadRequest, "limit must be a number from 1 to %d", maxPageSize)
		}
	}
	if v := q.Get("offset"); v != "" {
		if offset, err = strconv.Atoi(v); err != nil || offset < 0 {
			return 0, 0, errorf(http.StatusBadRequest, "offset must be a number of at least 0")
		}
	}
	if v := q.Get("page"); v != "" {
		p, err := strconv.Atoi(v)
		if err != nil || p < 1 {
			return 0, 0, errorf(http.StatusBadRequest, "page must be a number of at least 1")
		}
		offset = (p - 1) * limit
	}
	return limit, offset, nil
}

func searchText(r *http.Request) (string, error) {
	q := strings.TrimSpace(r.URL.Query().Get("q"))
	if len(q) > maxQueryBytes {
		return "", errorf(http.StatusBadRequest, "query too long (at most %d bytes)", maxQueryBytes)
	}
	return q, nil
}

// pageLinks holds the numbers a pager shows.
type pageLinks struct {
	Page, Prev, Next int
}

func links(offset, limit, got int) pageLinks {
	p := pageLinks{Page: offset/limit + 1}
	if p.Page > 1 {
		p.Prev = p.Page - 1
	}
	if got == limit {
		p.Next = p.Page + 1
	}
	return p
}

func (s *Server) handleDocument(w http.ResponseWriter, r *http.Request) error {
	ctx := r.Context()
	d, err := s.store.Document(ctx, r.PathValue("id"))
	if err != nil {
		return err
	}
	var original *news.Document
	if d.DuplicateOf != "" {
		o, err := s.store.Document(ctx, d.DuplicateOf)
		if err == nil {
			original = &o
		}
	}
	copies, err := s.store.Duplicates(ctx, d.ID)
	if err != nil {
		return err
	}
	analysis, err := s.store.Analysis(ctx, d.ID)
	if err != nil {
		return err
	}
	links, err := s.store.EntityLinks(ctx, d.ID)
	if err != nil {
		return err
	}
	entities, _ := export.DocumentEntities(d, analysis, links)
	stmts, err := s.store.QuoteStatements(ctx, d.ID)
	if err != nil {
		return err
	}
	names := map[string]string{} // entity id -> name, for the quotes' speakers
	for _, e := range entities {
		names[e.ID] = e.Name
	}
	var quotes []quoteView
	for _, q := range export.DocumentQuotes(d, analysis, links, stmts) {
		v := quoteView{Quote: q}
		if q.Speaker != nil {
			v.SpeakerName = names[*q.Speaker]
			v.SpeakerLinked = strings.HasPrefix(*q.Speaker, "E")
		}
		if v.SpeakerName == "" && q.SpeakerText != nil {
			v.SpeakerName = *q.SpeakerText
		}
		quotes = append(quotes, v)
	}
	reps, err := s.store.DocumentEvents(ctx, d.ID)
	if err != nil {
		return err
	}
	var events []relatedEvent
	for _, r := range reps {
		ev, err := s.eventByID(ctx, r.Event, eventInList)
		if err != nil {
			continue
		}
		how := "recalls it"
		if r.Main {
			how = "reports it"
		}
		events = append(events, relatedEvent{Event: ev, How: how, Disputed: len(export.EventConflicts(ev)) > 0})
	}
	title := d.Title
	if title == "" {
		title = d.Origin
	}
	return s.render(w, "document", map[string]any{
		"Events": events,
		"Title":  title, "Doc": d, "Original": original, "Copies": copies,
		"Words": news.Words(d.Text), "Paragraphs": paragraphs(d, analysis, linkIDs(links), quotes, export.DocumentTimes(d, analysis)),
		"Entities": entities, "Analysis": analysis, "Quotes": quotes,
	})
}

func (s *Server) handleSearch(w http.ResponseWriter, r *http.Request) error {
	q, err := searchQuery(r)
	if err != nil {
		return err
	}
	if q.Limit, q.Offset, err = paging(r); err != nil {
		return err
	}
	var hits []store.Hit
	if q.Text != "" || q.Filtered() {
		if hits, err = s.store.Search(r.Context(), q); err != nil {
			return err
		}
	}
	entityName := ""
	if q.Entity != "" {
		if e, err := s.store.Entity(r.Context(), q.Entity); err == nil {
			entityName = e.Name
		}
	}
	// The pager's links keep the words and the filters.
	link := func(page int) string {
		v := url.Values{}
		for k, x := range map[string]string{"q": q.Text, "source": q.Source, "entity": q.Entity, "from": q.From, "to": q.To} {
			if x != "" {
				v.Set(k, x)
			}
		}
		if page > 1 {
			v.Set("page", strconv.Itoa(page))
		}
		return "/search?" + v.Encode()
	}
	pl := links(q.Offset, q.Limit, len(hits))
	var prev, next string
	if pl.Prev > 0 {
		prev = link(pl.Prev)
	}
	if pl.Next > 0 {
		next = link(pl.Next)
	}
	return s.render(w, "search", map[string]any{
		"Title": "Search", "Query": q.Text, "Search": q, "EntityName": entityName, "Hits": hits,
		"Page": pl.Page, "PrevURL": prev, "NextURL": next,
	})
}

func (s *Server) handleStatic(w http.ResponseWriter, r *http.Request) {
	f, ok := s.static[r.PathValue("name")]
	if !ok {
		http.NotFound(w, r)
		return
	}
	w.Header().Set("Content-Type", f.contentType)
	// Names carry a hash of the content: they can be cached forever.
	w.Header().Set("Cache-Control", "public, max-age=31536000, immutable")
	w.Write(f.body)
}

// quoteView is a quote as a document page shows it: with its speaker's
// name, the entity's when there is one, else the words that name them.
type quoteView struct {
	export.Quote
	SpeakerName   string
	SpeakerLinked bool // the speaker is a corpus-wide entity, with a page
}

// linkIDs maps a document's entity numbers to their corpus-wide ids.
func linkIDs(links []store.EntityLink) map[int]string {
	ids := make(map[int]string, len(links))
	for _, l := range links {
		ids[l.Local] = l.Entity
	}
	return ids
}

// entityTypes maps the type filter of the entities page and API (the
// export's type names) to the store's types.
var entityTypes = map[string]string{
	"person": news.TypePerson, "organization": news.TypeOrganization,
	"location": news.TypeLocation, "other": news.TypeMisc,
}

// listEntityDocuments bounds the documents a listed entity's aliases and
// roles come from: its latest (the entity's own page and the export read
// them all).
const listEntityDocuments = 100

// entityQuery reads the filters of the entities page and API: q (a name),
// type and paging.
func entityQuery(r *http.Request) (store.EntityQuery, error) {
	q, err := searchText(r)
	if err != nil {
		return store.EntityQuery{}, err
	}
	limit, offset, err := paging(r)
	if err != nil {
		return store.EntityQuery{}, err
	}
	eq := store.EntityQuery{Name: q, Limit: limit, Offset: offset, MaxDocuments: listEntityDocuments}
	if t := r.URL.Query().Get("type"); t != "" {
		if eq.Type = entityTypes[t]; eq.Type == "" {
			return store.EntityQuery{}, errorf(http.StatusBadRequest, "type must be person, organization, location or other")
		}
	}
	return eq, nil
}

// entities returns the entities the request's filters select, as
// exported, with the query.
func (s *Server) entities(r *http.Request) ([]export.Entity, store.EntityQuery, error) {
	q, err := entityQuery(r)
	if err != nil {
		return nil, q, err
	}
	es, err := s.store.Entities(r.Context(), q)
	if err != nil {
		return nil, q, err
	}
	out := make([]export.Entity, len(es))
	for i, e := range es {
		out[i] = export.NewEntity(e)
	}
	return out, q, nil
}

// statements returns the statements of q, as exported.
func (s *Server) statements(r *http.Request, q store.StatementQuery) ([]export.Statement, error) {
	ss, err := s.store.Statements(r.Context(), q)
	if err != nil {
		return nil, err
	}
	out := make([]export.Statement, len(ss))
	for i, st := range ss {
		out[i] = export.NewStatement(st)
	}
	return out, nil
}

func (s *Server) handleEntities(w http.ResponseWriter, r *http.Request) error {
	out, q, err := s.entities(r)
	if err != nil {
		return err
	}
	return s.render(w, "entities", map[string]any{
		"Title": "Who is who", "Query": q.Name, "Type": r.URL.Query().Get("type"), "Entities": out,
		"Pager": links(q.Offset, q.Limit, len(out)),
	})
}

// What an entity's page lists at most.
const (
	entityDocumentsShown   = 100 // its documents
	entityEventsShown      = 20  // its events, by date
	entityCooccurringShown = 24  // the entities named with it
)

func (s *Server) handleEntity(w http.ResponseWriter, r *http.Request) error {
	e, err := s.store.Entity(r.Context(), r.PathValue("id"))
	if err != nil {
		return err
	}
	docs, err := s.store.EntityDocuments(r.Context(), e.ID, entityDocumentsShown, 0)
	if err != nil {
		return err
	}
	statements, err := s.statements(r, store.StatementQuery{Speaker: e.ID, Limit: entityDocumentsShown})
	if err != nil {
		return err
	}
	evs, err := s.store.Events(r.Context(), store.EventQuery{Entity: e.ID, ByDate: true, Limit: entityEventsShown})
	if err != nil {
		return err
	}
	var events []relatedEvent
	for _, x := range evs {
		ae, err := s.event(r.Context(), x, eventInList)
		if err != nil {
			continue
		}
		ev := ae.Event
		role := "named in its reports"
		if ev.Place != nil && *ev.Place == e.ID {
			role = "where it happened"
		} else if slices.Contains(ev.Participants, e.ID) {
			role = "took part"
		}
		events = append(events, relatedEvent{Event: ev, How: role, Disputed: len(export.EventConflicts(ev)) > 0})
	}
	with, err := s.store.Cooccurring(r.Context(), e.ID, entityCooccurringShown)
	if err != nil {
		return err
	}
	return s.render(w, "entity", map[string]any{
		"Title": e.Name, "Entity": export.NewEntity(e), "Documents": docs,
		"More": e.Documents - len(docs), "Statements": statements, "Events": events, "With": with,
	})
}

func (s *Server) handleStatement(w http.ResponseWriter, r *http.Request) error {
	st, err := s.store.Statement(r.Context(), r.PathValue("id"))
	if err != nil {
		return err
	}
	speaker := ""
	if st.Speaker != "" {
		if e, err := s.store.Entity(r.Context(), st.Speaker); err == nil {
			speaker = e.Name
		}
	}
	return s.render(w, "statement", map[string]any{
		"Title": "Statement " + st.ID, "Statement": export.NewStatement(st), "SpeakerName": speaker,
	})
}
