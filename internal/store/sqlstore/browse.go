package sqlstore

import (
	"cmp"
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/parallax-news/parallax/internal/news"
	"github.com/parallax-news/parallax/internal/store"
)

// This file holds the reads that the API and the pages browse the store
// with (issue 7): quotes, events with filters, the events of a document,
// conflict candidates, co-occurring entities. Each is one or two indexed
// reads bounded by its page (see migration 0008).

// defaultPageLimit is the page size of a query without a Limit.
const defaultPageLimit = 50

// where collects the conditions and arguments of a query built from
// filters.
type where struct {
	conds []string
	args  []any
}

// arg adds an argument and returns its placeholder.
func (w *where) arg(v any) string {
	w.args = append(w.args, v)
	return "$" + strconv.Itoa(len(w.args))
}

// add adds a condition.
func (w *where) add(cond string) { w.conds = append(w.conds, cond) }

// sql returns the WHERE clause, "" without conditions.
func (w *where) sql() string {
	if len(w.conds) == 0 {
		return ""
	}
	return " WHERE " + strings.Join(w.conds, " AND ")
}

// dateLayouts are the precisions a date bound may have.
var dateLayouts = []struct {
	layout string
	next   func(time.Time) time.Time
}{
	{"2006-01-02", func(t time.Time) time.Time { return t.AddDate(0, 0, 1) }},
	{"2006-01", func(t time.Time) time.Time { return t.AddDate(0, 1, 0) }},
	{"2006", func(t time.Time) time.Time { return t.AddDate(1, 0, 0) }},
}

// afterDate returns the first date string past every date that date
// (an ISO date at any precision) holds: "2022-05-08" → "2022-05-09",
// "2022-05" → "2022-06", "2022" → "2023". ISO dates, at any precision and
// with a time or not, sort as strings, so `x < afterDate(to)` keeps what
// is on or before to.
func afterDate(date string) (string, error) {
	for _, l := range dateLayouts {
		if len(date) != len(l.layout) {
			continue
		}
		if t, err := time.Parse(l.layout, date); err == nil {
			return l.next(t).Format(l.layout), nil
		}
	}
	return "", fmt.Errorf("%q: %w", date, store.ErrBadDate)
}

// checkDate returns an error unless date is an ISO date at some
// precision.
func checkDate(date string) error {
	_, err := afterDate(date)
	return err
}

// quoteInfoColumns select a QuoteInfo from quotes q, documents d and the
// speaker's entity link l, in the order scanQuoteInfos reads them.
const quoteInfoColumns = `d.id, q.start_byte, q.end_byte, q.kind, q.cue_start, q.cue_end,
	q.speaker_start, q.speaker_end, q.speaker_entity, q.addressee_start, q.addressee_end,
	q.via_start, q.via_end, q.statement, l.entity, d.published, d.source, d.title, d.text`

// scanQuoteInfos reads rows of quoteInfoColumns and closes rows.
func scanQuoteInfos(rows *sql.Rows) ([]store.QuoteInfo, error) {
	defer rows.Close()
	var out []store.QuoteInfo
	for rows.Next() {
		var x store.QuoteInfo
		q := &x.Quote
		var stmt, speaker sql.NullInt64
		var body string
		if err := rows.Scan(&x.Document, &q.Start, &q.End, &q.Kind, &q.Cue.Start, &q.Cue.End,
			&q.Speaker.Start, &q.Speaker.End, &q.SpeakerEntity, &q.Addressee.Start, &q.Addressee.End,
			&q.Via.Start, &q.Via.End, &stmt, &speaker, text{&x.Published}, text{&x.Source}, text{&x.Title}, &body); err != nil {
			return nil, err
		}
		if stmt.Valid {
			x.Statement = statementID(stmt.Int64)
		}
		if speaker.Valid {
			x.Speaker = entityID(speaker.Int64)
		}
		cut := func(s news.Span) string {
			if s.Start < 0 || s.End > len(body) || s.End <= s.Start {
				return ""
			}
			return body[s.Start:s.End]
		}
		x.Text, x.SpeakerText, x.CueText = cut(news.Span{Start: q.Start, End: q.End}), cut(q.Speaker), cut(q.Cue)
		x.AddresseeText, x.ViaText = cut(q.Addressee), cut(q.Via)
		out = append(out, x)
	}
	return out, rows.Err()
}

// Quotes returns the quotes q selects, in document order.
func (db *DB) Quotes(ctx context.Context, q store.QuoteQuery) ([]store.QuoteInfo, error) {
	var w where
	from := `quotes q JOIN documents d ON d.seq = q.seq
		LEFT JOIN entity_links l ON l.seq = q.seq AND l.local_entity = q.speaker_entity`
	if q.Speaker != "" {
		num, ok := entityNum(q.Speaker)
		if !ok {
			return nil, nil
		}
		// From the speaker's links: one indexed range, whatever the
		// number of quotes in the store.
		from = `entity_links l JOIN quotes q ON q.seq = l.seq AND q.speaker_entity = l.local_entity
			JOIN documents d ON d.seq = q.seq`
		w.add("l.entity = " + w.arg(num))
	}
	if q.Document != "" {
		w.add("d.id = " + w.arg(q.Document))
	}
	if q.Statement != "" {
		num, ok := statementNum(q.Statement)
		if !ok {
			return nil, nil
		}
		w.add("q.statement = " + w.arg(num))
	}
	limit := q.Limit
	if limit <= 0 {
		limit = defaultPageLimit
	}
	query := `SELECT ` + quoteInfoColumns + ` FROM ` + from + w.sql() +
		` ORDER BY q.seq, q.start_byte LIMIT ` + w.arg(limit) + ` OFFSET ` + w.arg(max(q.Offset, 0))
	rows, err := db.read.QueryContext(ctx, query, w.args...)
	if err != nil {
		return nil, fmt.Errorf("list quotes: %w", err)
	}
	out, err := scanQuoteInfos(rows)
	if err != nil {
		return nil, fmt.Errorf("list quotes: %w", err)
	}
	return out, nil
}

// Quote returns the quote of document doc that starts at start.
func (db *DB) Quote(ctx context.Context, doc string, start int) (store.QuoteInfo, error) {
	rows, err := db.read.QueryContext(ctx, `SELECT `+quoteInfoColumns+` FROM documents d
		JOIN quotes q ON q.seq = d.seq
		LEFT JOIN entity_links l ON l.seq = q.seq AND l.local_entity = q.speaker_entity
		WHERE d.id = $1 AND q.start_byte = $2`, doc, start)
	if err != nil {
		return store.QuoteInfo{}, fmt.Errorf("read quote %s@%d: %w", doc, start, err)
	}
	out, err := scanQuoteInfos(rows)
	if err != nil {
		return store.QuoteInfo{}, fmt.Errorf("read quote %s@%d: %w", doc, start, err)
	}
	if len(out) == 0 {
		return store.QuoteInfo{}, fmt.Errorf("quote %s@%d: %w", doc, start, store.ErrNotFound)
	}
	return out[0], nil
}

// reportColumns select an EventReport from event_reports r and documents
// d, in the order scanReports reads them.
const reportColumns = `r.event, d.id, d.published, d.source, r.main, r.trigger_start, r.trigger_end, r.type,
	r.date_value, r.date_from, r.date_to, r.date_start, r.date_end, r.date_explicit, r.place, r.participants`

// scanReports reads rows of reportColumns and closes rows.
func scanReports(rows *sql.Rows) ([]store.EventReport, error) {
	defer rows.Close()
	var out []store.EventReport
	for rows.Next() {
		var r store.EventReport
		var num int64
		var published, source sql.NullString
		var main, explicit int
		var parts string
		if err := rows.Scan(&num, &r.Document, &published, &source, &main, &r.Trigger.Start, &r.Trigger.End, &r.Type,
			&r.Date, &r.DateFrom, &r.DateTo, &r.DateSpan.Start, &r.DateSpan.End, &explicit, &r.Place, &parts); err != nil {
			return nil, err
		}
		r.Event = eventID(num)
		r.Main, r.DateExplicit, r.Published, r.Source = main == 1, explicit == 1, published.String, source.String
		if err := json.Unmarshal([]byte(parts), &r.Participants); err != nil {
			return nil, err
		}
		out = append(out, r)
	}
	return out, rows.Err()
}

// DocumentEvents returns what document doc says of events: its main
// report first, then the others, by position.
func (db *DB) DocumentEvents(ctx context.Context, doc string) ([]store.EventReport, error) {
	d, err := document(ctx, db.read, doc)
	if err != nil {
		return nil, err
	}
	rows, err := db.read.QueryContext(ctx, `SELECT `+reportColumns+` FROM event_reports r JOIN documents d ON d.seq = r.seq
		WHERE r.seq = $1 ORDER BY r.main DESC, r.trigger_start, r.event`, d.Seq)
	if err != nil {
		return nil, fmt.Errorf("read the events of %s: %w", doc, err)
	}
	out, err := scanReports(rows)
	if err != nil {
		return nil, fmt.Errorf("read the events of %s: %w", doc, err)
	}
	return out, nil
}

// EventStatements returns the statements each document that reports event
// id renders.
func (db *DB) EventStatements(ctx context.Context, id string) (map[string][]string, error) {
	num, ok := eventNum(id)
	if !ok {
		return map[string][]string{}, nil
	}
	rows, err := db.read.QueryContext(ctx, `SELECT DISTINCT d.id, q.statement FROM event_reports r
		JOIN quotes q ON q.seq = r.seq JOIN documents d ON d.seq = r.seq
		WHERE r.event = $1 AND r.main = 1 AND q.statement IS NOT NULL ORDER BY d.id, q.statement`, num)
	if err != nil {
		return nil, fmt.Errorf("read the statements of event %s: %w", id, err)
	}
	defer rows.Close()
	out := map[string][]string{}
	for rows.Next() {
		var doc string
		var stmt int64
		if err := rows.Scan(&doc, &stmt); err != nil {
			return nil, fmt.Errorf("read the statements of event %s: %w", id, err)
		}
		out[doc] = append(out[doc], statementID(stmt))
	}
	return out, rows.Err()
}

// ConflictCandidates returns the events after afterID whose documents may
// disagree. Two groupings along indexes in event order, each stopping at
// limit events: the dates written out (event_reports_explicit) where some
// interval begins after another ends, and the facts where one number
// differs from another.
func (db *DB) ConflictCandidates(ctx context.Context, afterID string, limit int) ([]string, error) {
	after := int64(0)
	if afterID != "" {
		n, ok := eventNum(afterID)
		if !ok {
			return nil, fmt.Errorf("conflicts after %q: %w", afterID, store.ErrNotFound)
		}
		after = n
	}
	if limit <= 0 {
		limit = defaultPageLimit
	}
	rows, err := db.read.QueryContext(ctx, `SELECT event FROM (
			SELECT event FROM event_reports WHERE date_explicit = 1 AND date_value <> '' AND event > $1
			GROUP BY event HAVING count(DISTINCT seq) >= 2 AND MAX(date_from) > MIN(date_to)
			ORDER BY event LIMIT $2) dates
		UNION
		SELECT event FROM (
			SELECT event FROM event_facts WHERE event > $1
			GROUP BY event HAVING count(DISTINCT seq) >= 2 AND MIN(value) <> MAX(value)
			ORDER BY event LIMIT $2) facts
		ORDER BY event LIMIT $2`, after, limit)
	if err != nil {
		return nil, fmt.Errorf("find conflicts: %w", err)
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var n int64
		if err := rows.Scan(&n); err != nil {
			return nil, fmt.Errorf("find conflicts: %w", err)
		}
		out = append(out, eventID(n))
	}
	return out, rows.Err()
}

// FirstEventReports returns the reports of event id of its first
// documents: one range of the primary key, however many it has.
func (db *DB) FirstEventReports(ctx context.Context, id string, limit int) ([]store.EventReport, error) {
	num, ok := eventNum(id)
	if !ok {
		return nil, fmt.Errorf("event %q: %w", id, store.ErrNotFound)
	}
	rows, err := db.read.QueryContext(ctx, `SELECT `+reportColumns+` FROM (SELECT * FROM event_reports
			WHERE event = $1 ORDER BY seq, trigger_start LIMIT $2) r
		JOIN documents d ON d.seq = r.seq ORDER BY r.main DESC, r.seq, r.trigger_start`, num, limit)
	if err != nil {
		return nil, fmt.Errorf("read the reports of event %s: %w", id, err)
	}
	out, err := scanReports(rows)
	if err != nil {
		return nil, fmt.Errorf("read the reports of event %s: %w", id, err)
	}
	return out, nil
}

// FirstEventFacts returns the facts of event id of its first documents.
func (db *DB) FirstEventFacts(ctx context.Context, id string, limit int) ([]store.EventFact, error) {
	num, ok := eventNum(id)
	if !ok {
		return nil, fmt.Errorf("event %q: %w", id, store.ErrNotFound)
	}
	rows, err := db.read.QueryContext(ctx, `SELECT d.id, f.kind, f.value, f.start_byte, f.end_byte, f.main
		FROM (SELECT * FROM event_facts WHERE event = $1 ORDER BY seq, kind, start_byte LIMIT $2) f
		JOIN documents d ON d.seq = f.seq ORDER BY f.seq, f.start_byte`, num, limit)
	if err != nil {
		return nil, fmt.Errorf("read the facts of event %s: %w", id, err)
	}
	return scanEventFacts(rows, id)
}

// RelatedEvents returns the events one document away from event id: those
// its main documents recall, and the main events of the documents that
// recall it.
func (db *DB) RelatedEvents(ctx context.Context, id string) ([]string, error) {
	num, ok := eventNum(id)
	if !ok {
		return nil, nil
	}
	rows, err := db.read.QueryContext(ctx, `SELECT DISTINCT o.event FROM event_reports r
		JOIN event_reports o ON o.seq = r.seq AND o.main <> r.main
		WHERE r.event = $1 AND o.event <> r.event ORDER BY o.event`, num)
	if err != nil {
		return nil, fmt.Errorf("events related to %s: %w", id, err)
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var n int64
		if err := rows.Scan(&n); err != nil {
			return nil, fmt.Errorf("events related to %s: %w", id, err)
		}
		out = append(out, eventID(n))
	}
	return out, rows.Err()
}

// Cooccurring returns the entities named in the latest documents of
// entity id, by the number of those documents that name them.
func (db *DB) Cooccurring(ctx context.Context, id string, limit int) ([]store.Cooccurrence, error) {
	num, ok := entityNum(id)
	if !ok {
		return nil, nil
	}
	if limit <= 0 {
		limit = defaultPageLimit
	}
	rows, err := db.read.QueryContext(ctx, `SELECT l.entity, e.type, e.name, count(DISTINCT l.seq) AS n
		FROM (SELECT DISTINCT seq FROM entity_links WHERE entity = $1 ORDER BY seq DESC LIMIT $2) s
		JOIN entity_links l ON l.seq = s.seq JOIN entities e ON e.num = l.entity
		WHERE l.entity <> $1
		GROUP BY l.entity, e.type, e.name ORDER BY n DESC, l.entity LIMIT $3`, num, store.MaxCooccurrenceDocuments, limit)
	if err != nil {
		return nil, fmt.Errorf("entities named with %s: %w", id, err)
	}
	defer rows.Close()
	var out []store.Cooccurrence
	for rows.Next() {
		var c store.Cooccurrence
		var n int64
		if err := rows.Scan(&n, &c.Entity.Type, &c.Entity.Name, &c.Documents); err != nil {
			return nil, fmt.Errorf("entities named with %s: %w", id, err)
		}
		c.Entity.ID = entityID(n)
		out = append(out, c)
	}
	return out, rows.Err()
}

// listedEvent is the condition on events e that Events lists: reported
// by a document, or recalled by at least two.
const listedEvent = `(e.documents > 0 OR (SELECT count(DISTINCT r.seq) FROM event_reports r WHERE r.event = e.num) >= 2)`

// Events returns the events q selects.
func (db *DB) Events(ctx context.Context, q store.EventQuery) ([]store.Event, error) {
	var w where
	w.add(listedEvent)
	if q.Type != "" {
		w.add("e.type = " + w.arg(q.Type))
	}
	if q.Entity != "" {
		w.add("e.num IN (SELECT x.event FROM event_entities x WHERE x.entity = " + w.arg(q.Entity) + ")")
	}
	if q.Source != "" {
		w.add("e.num IN (SELECT r.event FROM documents d JOIN event_reports r ON r.seq = d.seq WHERE d.source = " + w.arg(q.Source) + ")")
	}
	if q.From != "" {
		if err := checkDate(q.From); err != nil {
			return nil, fmt.Errorf("list events: %w", err)
		}
		w.add("e.date_to >= " + w.arg(q.From))
	}
	if q.To != "" {
		to, err := afterDate(q.To)
		if err != nil {
			return nil, fmt.Errorf("list events: %w", err)
		}
		w.add("e.date_from < " + w.arg(to))
	}
	if len(q.IDs) > 0 {
		var nums []string
		for _, id := range q.IDs {
			if n, ok := eventNum(id); ok {
				nums = append(nums, w.arg(n))
			}
		}
		if len(nums) == 0 {
			return nil, nil
		}
		w.add("e.num IN (" + strings.Join(nums, ", ") + ")")
	}
	order := "e.num"
	switch {
	case q.ByDate:
		w.add("e.date_from IS NOT NULL")
		order = "e.date_from, e.num"
	case q.ByDocuments:
		order = "e.documents DESC, e.num"
	case q.AfterID != "":
		n, ok := eventNum(q.AfterID)
		if !ok {
			return nil, fmt.Errorf("list events after %q: %w", q.AfterID, store.ErrNotFound)
		}
		w.add("e.num > " + w.arg(n))
	}
	limit := q.Limit
	if limit <= 0 {
		limit = defaultPageLimit
	}
	rows, err := db.read.QueryContext(ctx, `SELECT e.num, e.type, e.title, e.date_from, e.date_to, e.documents FROM events e`+
		w.sql()+` ORDER BY `+order+` LIMIT `+w.arg(limit)+` OFFSET `+w.arg(max(q.Offset, 0)), w.args...)
	if err != nil {
		return nil, fmt.Errorf("list events: %w", err)
	}
	defer rows.Close()
	var out []store.Event
	for rows.Next() {
		var num int64
		var e store.Event
		var from, to sql.NullString
		if err := rows.Scan(&num, &e.Type, &e.Title, &from, &to, &e.Documents); err != nil {
			return nil, fmt.Errorf("list events: %w", err)
		}
		e.ID, e.DateFrom, e.DateTo = eventID(num), from.String, to.String
		out = append(out, e)
	}
	return out, rows.Err()
}

// searchFilters adds the conditions of q's filters on documents d to w.
func searchFilters(w *where, q store.SearchQuery) error {
	if q.Source != "" {
		w.add("d.source = " + w.arg(q.Source))
	}
	if q.Entity != "" {
		num, ok := entityNum(q.Entity)
		if !ok {
			num = -1 // no document names it
		}
		w.add("d.seq IN (SELECT l.seq FROM entity_links l WHERE l.entity = " + w.arg(num) + ")")
	}
	if q.From != "" {
		if err := checkDate(q.From); err != nil {
			return err
		}
		w.add("d.published >= " + w.arg(q.From))
	}
	if q.To != "" {
		to, err := afterDate(q.To)
		if err != nil {
			return err
		}
		w.add("d.published < " + w.arg(to))
	}
	return nil
}

// snippetBytes is about the length of the snippet of a document listed
// by filters alone: its opening words.
const snippetBytes = 200

// opening returns the first words of text, about snippetBytes of them.
func opening(text string) string {
	if len(text) <= snippetBytes {
		return text
	}
	cut := strings.LastIndexByte(text[:snippetBytes], ' ')
	if cut <= 0 {
		cut = snippetBytes
		for cut > 0 && text[cut]&0xC0 == 0x80 { // not inside a UTF-8 sequence
			cut--
		}
	}
	return text[:cut] + " …"
}

// filtered lists the documents q's filters select, newest publication
// first, as search hits without a rank.
func (db *DB) filtered(ctx context.Context, q store.SearchQuery) ([]store.Hit, error) {
	var w where
	if err := searchFilters(&w, q); err != nil {
		return nil, fmt.Errorf("search: %w", err)
	}
	limit := q.Limit
	if limit <= 0 {
		limit = defaultSearchLimit
	}
	rows, err := db.read.QueryContext(ctx, `SELECT `+DocumentColumns+` FROM documents d`+w.sql()+
		` ORDER BY d.published IS NULL, d.published DESC, d.seq DESC LIMIT `+w.arg(limit)+` OFFSET `+w.arg(max(q.Offset, 0)), w.args...)
	if err != nil {
		return nil, fmt.Errorf("search: %w", err)
	}
	docs, err := scanDocuments(rows)
	if err != nil {
		return nil, fmt.Errorf("search: %w", err)
	}
	hits := make([]store.Hit, len(docs))
	for i, d := range docs {
		hits[i] = store.Hit{Document: d, Snippet: opening(d.Text)}
	}
	return hits, nil
}

// completeEntitiesBounded completes es as completeEntities does, from the
// latest maxDocs documents of each: two indexed reads of at most maxDocs
// rows an entity.
func (db *DB) completeEntitiesBounded(ctx context.Context, es []store.EntityInfo, maxDocs int) error {
	for i := range es {
		e := &es[i]
		num, _ := entityNum(e.ID)
		rows, err := db.read.QueryContext(ctx, `SELECT name FROM entity_names WHERE entity = $1 ORDER BY name`, num)
		if err != nil {
			return fmt.Errorf("read names of %s: %w", e.ID, err)
		}
		for rows.Next() {
			var n string
			if err := rows.Scan(&n); err != nil {
				rows.Close()
				return fmt.Errorf("read names of %s: %w", e.ID, err)
			}
			e.Names = append(e.Names, n)
		}
		if err := rows.Close(); err != nil {
			return fmt.Errorf("read names of %s: %w", e.ID, err)
		}

		counts := map[string]int{}
		rows, err = db.read.QueryContext(ctx, `SELECT names FROM entity_links WHERE entity = $1 ORDER BY seq DESC LIMIT $2`, num, maxDocs)
		if err != nil {
			return fmt.Errorf("read aliases of %s: %w", e.ID, err)
		}
		for rows.Next() {
			var raw string
			var ncs []store.NameCount
			if err := rows.Scan(&raw); err != nil {
				rows.Close()
				return fmt.Errorf("read aliases of %s: %w", e.ID, err)
			}
			if err := json.Unmarshal([]byte(raw), &ncs); err != nil {
				rows.Close()
				return fmt.Errorf("read aliases of %s: %w", e.ID, err)
			}
			for _, nc := range ncs {
				counts[nc.Name] += nc.Count
			}
		}
		if err := rows.Close(); err != nil {
			return fmt.Errorf("read aliases of %s: %w", e.ID, err)
		}
		e.Aliases = SortedCounts(counts)

		rows, err = db.read.QueryContext(ctx, `SELECT r.role, r.role_key, r.ended, d.id, d.published, r.start_byte, r.end_byte, r.seq
			FROM entity_roles r JOIN documents d ON d.seq = r.seq
			WHERE r.entity = $1 ORDER BY r.seq DESC LIMIT $2`, num, maxDocs)
		if err != nil {
			return fmt.Errorf("read roles of %s: %w", e.ID, err)
		}
		type fact struct {
			roleRow
			seq int64
		}
		var facts []fact
		for rows.Next() {
			var f fact
			var ended int64
			if err := rows.Scan(&f.role, &f.key, &ended, &f.doc, text{&f.published}, &f.start, &f.end, &f.seq); err != nil {
				rows.Close()
				return fmt.Errorf("read roles of %s: %w", e.ID, err)
			}
			f.ended = ended != 0
			facts = append(facts, f)
		}
		if err := rows.Close(); err != nil {
			return fmt.Errorf("read roles of %s: %w", e.ID, err)
		}
		// By date, as completeEntities reads them.
		slices.SortStableFunc(facts, func(a, b fact) int {
			return cmp.Or(strings.Compare(a.published, b.published), cmp.Compare(a.seq, b.seq), cmp.Compare(a.start, b.start))
		})
		rs := make([]roleRow, len(facts))
		for i, f := range facts {
			rs[i] = f.roleRow
		}
		e.Roles = roleSpans(rs)
	}
	return nil
}
