package sqlstore

import (
	"cmp"
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/parallax-news/parallax/internal/store"
)

// eventID is the public id of event num: "V12".
func eventID(num int64) string {
	return "V" + strconv.FormatInt(num, 10)
}

// eventNum reads an event id.
func eventNum(id string) (int64, bool) { return idNum(id, "V") }

// idNum reads a public id made of prefix and a positive number ("V12",
// "E3"), and whether id is one.
func idNum(id, prefix string) (int64, bool) {
	rest, ok := strings.CutPrefix(id, prefix)
	if !ok {
		return 0, false
	}
	n, err := strconv.ParseInt(rest, 10, 64)
	return n, err == nil && n > 0
}

// maxEventKeysPerQuery bounds the keys of one EventCandidates query (a
// power of two: the number of keys is rounded up to one, so that few
// statements are prepared).
const maxEventKeysPerQuery = 64

// EventCandidates returns the events filed under any of keys, each once,
// in id order, with their clustering state: of each key, the latest
// store.MaxEventsPerKey events. One query reads them for up to
// maxEventKeysPerQuery keys: for each key an indexed read of at most
// that many rows, however many events the key has gathered, and the
// events they name by their primary key.
func (tx *Tx) EventCandidates(ctx context.Context, keys []string) ([]store.Event, error) {
	keys = slices.Compact(slices.Sorted(slices.Values(keys)))
	var out []store.Event
	for len(keys) > 0 {
		n := min(len(keys), maxEventKeysPerQuery)
		size := 8 // rounded up as inList does; a key twice changes nothing
		for size < n {
			size *= 2
		}
		args := make([]any, size)
		var b strings.Builder
		b.WriteString(`SELECT num, type, title, date_from, date_to, documents, data FROM events WHERE num IN (`)
		for i := range args {
			args[i] = keys[min(i, n-1)]
			if i > 0 {
				b.WriteString(" UNION ")
			}
			fmt.Fprintf(&b, "SELECT event FROM (SELECT event FROM event_keys WHERE key = $%d ORDER BY event DESC LIMIT %d) AS k%d", i+1, store.MaxEventsPerKey, i)
		}
		b.WriteString(`) ORDER BY num`)
		keys = keys[n:]
		rows, err := tx.query(ctx, b.String(), args...)
		if err != nil {
			return nil, fmt.Errorf("read candidate events: %w", err)
		}
		for rows.Next() {
			var num int64
			var e store.Event
			var from, to sql.NullString
			if err := rows.Scan(&num, &e.Type, &e.Title, &from, &to, &e.Documents, &e.Data); err != nil {
				rows.Close()
				return nil, fmt.Errorf("read candidate events: %w", err)
			}
			e.ID, e.DateFrom, e.DateTo = eventID(num), from.String, to.String
			out = append(out, e)
		}
		if err := rows.Close(); err != nil {
			return nil, fmt.Errorf("read candidate events: %w", err)
		}
	}
	// Keys read in several queries may name one event twice.
	slices.SortStableFunc(out, func(a, b store.Event) int { return cmp.Compare(eventNumOf(a.ID), eventNumOf(b.ID)) })
	return slices.CompactFunc(out, func(a, b store.Event) bool { return a.ID == b.ID }), nil
}

// eventNumOf is the number of a valid event id.
func eventNumOf(id string) int64 {
	n, _ := eventNum(id)
	return n
}

// PutEvent stores a new event, or replaces an event's fields, and files
// it under keys.
func (tx *Tx) PutEvent(ctx context.Context, e *store.Event, keys []string) error {
	var num int64
	if e.ID == "" {
		if err := tx.queryRow(ctx, `SELECT COALESCE(MAX(num), 0) + 1 FROM events`).Scan(&num); err != nil {
			return fmt.Errorf("number a new event: %w", err)
		}
		if _, err := tx.exec(ctx, `INSERT INTO events (num, type, title, date_from, date_to, documents, data)
			VALUES ($1, $2, $3, $4, $5, $6, $7)`, num, e.Type, e.Title, nullable(e.DateFrom), nullable(e.DateTo), e.Documents, e.Data); err != nil {
			return fmt.Errorf("store event: %w", err)
		}
		e.ID = eventID(num)
	} else {
		var ok bool
		if num, ok = eventNum(e.ID); !ok {
			return fmt.Errorf("store event %q: %w", e.ID, store.ErrNotFound)
		}
		res, err := tx.exec(ctx, `UPDATE events SET type = $2, title = $3, date_from = $4, date_to = $5, documents = $6, data = $7
			WHERE num = $1`, num, e.Type, e.Title, nullable(e.DateFrom), nullable(e.DateTo), e.Documents, e.Data)
		if err != nil {
			return fmt.Errorf("store event %s: %w", e.ID, err)
		}
		if n, err := res.RowsAffected(); err == nil && n == 0 {
			return fmt.Errorf("store event %s: %w", e.ID, store.ErrNotFound)
		}
	}
	for _, k := range slices.Compact(slices.Sorted(slices.Values(keys))) {
		if _, err := tx.exec(ctx, `INSERT INTO event_keys (key, event) VALUES ($1, $2) ON CONFLICT DO NOTHING`, k, num); err != nil {
			return fmt.Errorf("file event %s: %w", e.ID, err)
		}
	}
	return nil
}

// docsTerm is the row of event_terms that counts the documents counted.
const docsTerm = ""

// EventTerms returns the document count of each of terms counted so far,
// and the number of documents counted: one indexed read of at most
// maxKeysPerQuery terms per query, however large the vocabulary.
func (tx *Tx) EventTerms(ctx context.Context, terms []string) (map[string]int, int, error) {
	terms = append(slices.Clone(terms), docsTerm)
	terms = slices.Compact(slices.Sorted(slices.Values(terms)))
	out := make(map[string]int, len(terms))
	docs := 0
	for len(terms) > 0 {
		n := min(len(terms), maxKeysPerQuery)
		in, args := inList(1, terms[:n])
		terms = terms[n:]
		rows, err := tx.query(ctx, `SELECT term, docs FROM event_terms WHERE term IN (`+in+`)`, args...)
		if err != nil {
			return nil, 0, fmt.Errorf("read event terms: %w", err)
		}
		for rows.Next() {
			var t string
			var c int
			if err := rows.Scan(&t, &c); err != nil {
				rows.Close()
				return nil, 0, fmt.Errorf("read event terms: %w", err)
			}
			if t == docsTerm {
				docs = c
				continue
			}
			out[t] = c
		}
		if err := rows.Close(); err != nil {
			return nil, 0, fmt.Errorf("read event terms: %w", err)
		}
	}
	return out, docs, nil
}

// maxTermsPerInsert bounds the rows of one upsert of event_terms.
const maxTermsPerInsert = 128

// ObserveEventTerms counts one more document holding terms.
func (tx *Tx) ObserveEventTerms(ctx context.Context, terms []string) error {
	terms = append(slices.Compact(slices.Sorted(slices.Values(terms))), docsTerm)
	terms = slices.Compact(slices.Sorted(slices.Values(terms)))
	for len(terms) > 0 {
		n := min(len(terms), maxTermsPerInsert)
		var b strings.Builder
		args := make([]any, n)
		b.WriteString(`INSERT INTO event_terms (term, docs) VALUES `)
		for i, t := range terms[:n] {
			if i > 0 {
				b.WriteString(", ")
			}
			fmt.Fprintf(&b, "($%d, 1)", i+1)
			args[i] = t
		}
		b.WriteString(` ON CONFLICT (term) DO UPDATE SET docs = event_terms.docs + 1`)
		terms = terms[n:]
		if _, err := tx.exec(ctx, b.String(), args...); err != nil {
			return fmt.Errorf("count event terms: %w", err)
		}
	}
	return nil
}

// PutEventReports replaces what document id says of events and points
// the document at the event of its main report.
func (tx *Tx) PutEventReports(ctx context.Context, id string, reports []store.EventReport) error {
	seq, err := tx.seqOf(ctx, id)
	if err != nil {
		return fmt.Errorf("put event reports: %w", err)
	}
	if _, err := tx.exec(ctx, `DELETE FROM event_reports WHERE seq = $1`, seq); err != nil {
		return fmt.Errorf("put event reports of %s: %w", id, err)
	}
	main := ""
	for _, r := range reports {
		num, ok := eventNum(r.Event)
		if !ok {
			return fmt.Errorf("put event reports of %s: event %q: %w", id, r.Event, store.ErrNotFound)
		}
		parts, err := json.Marshal(nonNil(r.Participants))
		if err != nil {
			return err
		}
		isMain := 0
		if r.Main {
			isMain = 1
			if main == "" {
				main = r.Event
			}
		}
		explicit := 0
		if r.DateExplicit {
			explicit = 1
		}
		if _, err := tx.exec(ctx, `INSERT INTO event_reports (event, seq, main, trigger_start, trigger_end, type,
				date_value, date_from, date_to, date_start, date_end, date_explicit, place, participants)
			VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14) ON CONFLICT DO NOTHING`,
			num, seq, isMain, r.Trigger.Start, r.Trigger.End, r.Type, r.Date, r.DateFrom, r.DateTo,
			r.DateSpan.Start, r.DateSpan.End, explicit, r.Place, string(parts)); err != nil {
			return fmt.Errorf("put event reports of %s: %w", id, err)
		}
	}
	if _, err := tx.exec(ctx, `UPDATE documents SET event = $2 WHERE seq = $1`, seq, nullable(main)); err != nil {
		return fmt.Errorf("set the event of %s: %w", id, err)
	}
	return nil
}

// MoveEventReports makes the reports of event from reports of event to,
// points the documents whose main event from was at to, and files to
// under from's keys. event_entities follows the reports by its triggers:
// the rows inserted for to are added, those deleted from from dropped.
func (tx *Tx) MoveEventReports(ctx context.Context, from, to string) error {
	f, ok1 := eventNum(from)
	t, ok2 := eventNum(to)
	if !ok1 || !ok2 {
		return fmt.Errorf("move the reports of event %q to %q: %w", from, to, store.ErrNotFound)
	}
	if f == t {
		return nil
	}
	if _, err := tx.exec(ctx, `UPDATE documents SET event = $2
		WHERE seq IN (SELECT seq FROM event_reports WHERE event = $1 AND main <> 0)`, f, to); err != nil {
		return fmt.Errorf("move the documents of event %s: %w", from, err)
	}
	if _, err := tx.exec(ctx, `INSERT INTO event_keys (key, event) SELECT key, CAST($2 AS BIGINT) FROM event_keys WHERE event = $1
		ON CONFLICT DO NOTHING`, f, t); err != nil {
		return fmt.Errorf("move the keys of event %s: %w", from, err)
	}
	if _, err := tx.exec(ctx, `INSERT INTO event_reports (event, seq, main, trigger_start, trigger_end, type,
			date_value, date_from, date_to, date_start, date_end, date_explicit, place, participants)
		SELECT CAST($2 AS BIGINT), seq, main, trigger_start, trigger_end, type, date_value, date_from, date_to, date_start, date_end, date_explicit, place, participants
		FROM event_reports WHERE event = $1 ON CONFLICT DO NOTHING`, f, t); err != nil {
		return fmt.Errorf("move the reports of event %s: %w", from, err)
	}
	if _, err := tx.exec(ctx, `INSERT INTO event_facts (event, seq, kind, value, start_byte, end_byte, main)
		SELECT CAST($2 AS BIGINT), seq, kind, value, start_byte, end_byte, main
		FROM event_facts WHERE event = $1 ON CONFLICT DO NOTHING`, f, t); err != nil {
		return fmt.Errorf("move the facts of event %s: %w", from, err)
	}
	for _, q := range []string{`DELETE FROM event_reports WHERE event = $1`, `DELETE FROM event_facts WHERE event = $1`, `DELETE FROM event_keys WHERE event = $1`} {
		if _, err := tx.exec(ctx, q, f); err != nil {
			return fmt.Errorf("move the reports of event %s: %w", from, err)
		}
	}
	return nil
}

// Event returns the event with id.
func (db *DB) Event(ctx context.Context, id string) (store.Event, error) {
	num, ok := eventNum(id)
	if !ok {
		return store.Event{}, fmt.Errorf("event %q: %w", id, store.ErrNotFound)
	}
	var e store.Event
	var from, to sql.NullString
	err := db.read.QueryRowContext(ctx, `SELECT type, title, date_from, date_to, documents FROM events WHERE num = $1`, num).
		Scan(&e.Type, &e.Title, &from, &to, &e.Documents)
	if errors.Is(err, sql.ErrNoRows) {
		return store.Event{}, fmt.Errorf("event %s: %w", id, store.ErrNotFound)
	}
	if err != nil {
		return store.Event{}, fmt.Errorf("read event %s: %w", id, err)
	}
	e.ID, e.DateFrom, e.DateTo = id, from.String, to.String
	return e, nil
}

// EventReports returns what the documents say of event id.
func (db *DB) EventReports(ctx context.Context, id string) ([]store.EventReport, error) {
	num, ok := eventNum(id)
	if !ok {
		return nil, fmt.Errorf("event %q: %w", id, store.ErrNotFound)
	}
	rows, err := db.read.QueryContext(ctx, `SELECT d.id, d.published, d.source, r.main, r.trigger_start, r.trigger_end, r.type,
			r.date_value, r.date_from, r.date_to, r.date_start, r.date_end, r.date_explicit, r.place, r.participants
		FROM event_reports r JOIN documents d ON d.seq = r.seq
		WHERE r.event = $1 ORDER BY r.main DESC, d.seq, r.trigger_start`, num)
	if err != nil {
		return nil, fmt.Errorf("read the reports of event %s: %w", id, err)
	}
	defer rows.Close()
	var out []store.EventReport
	for rows.Next() {
		r := store.EventReport{Event: id}
		var published, source sql.NullString
		var main, explicit int
		var parts string
		if err := rows.Scan(&r.Document, &published, &source, &main, &r.Trigger.Start, &r.Trigger.End, &r.Type,
			&r.Date, &r.DateFrom, &r.DateTo, &r.DateSpan.Start, &r.DateSpan.End, &explicit, &r.Place, &parts); err != nil {
			return nil, fmt.Errorf("read the reports of event %s: %w", id, err)
		}
		r.Main, r.DateExplicit, r.Published, r.Source = main == 1, explicit == 1, published.String, source.String
		if err := json.Unmarshal([]byte(parts), &r.Participants); err != nil {
			return nil, fmt.Errorf("read the reports of event %s: %w", id, err)
		}
		out = append(out, r)
	}
	return out, rows.Err()
}

// deleteEventReports removes what document seq says of events, when its
// analysis is replaced; the document's event goes with them.
func (tx *Tx) deleteEventReports(ctx context.Context, seq int64) error {
	if _, err := tx.exec(ctx, `DELETE FROM event_reports WHERE seq = $1`, seq); err != nil {
		return err
	}
	if _, err := tx.exec(ctx, `DELETE FROM event_facts WHERE seq = $1`, seq); err != nil {
		return err
	}
	_, err := tx.exec(ctx, `UPDATE documents SET event = NULL WHERE seq = $1`, seq)
	return err
}

// PutEventFacts replaces the facts document id gives events.
func (tx *Tx) PutEventFacts(ctx context.Context, id string, facts []store.EventFact) error {
	seq, err := tx.seqOf(ctx, id)
	if err != nil {
		return fmt.Errorf("put event facts: %w", err)
	}
	if _, err := tx.exec(ctx, `DELETE FROM event_facts WHERE seq = $1`, seq); err != nil {
		return fmt.Errorf("put event facts of %s: %w", id, err)
	}
	for _, f := range facts {
		num, ok := eventNum(f.Event)
		if !ok {
			return fmt.Errorf("put event facts of %s: event %q: %w", id, f.Event, store.ErrNotFound)
		}
		main := 0
		if f.Main {
			main = 1
		}
		if _, err := tx.exec(ctx, `INSERT INTO event_facts (event, seq, kind, value, start_byte, end_byte, main)
			VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT DO NOTHING`, num, seq, f.Kind, f.Value, f.Span.Start, f.Span.End, main); err != nil {
			return fmt.Errorf("put event facts of %s: %w", id, err)
		}
	}
	return nil
}

// EventFacts returns the facts documents give event id.
func (db *DB) EventFacts(ctx context.Context, id string) ([]store.EventFact, error) {
	num, ok := eventNum(id)
	if !ok {
		return nil, fmt.Errorf("event %q: %w", id, store.ErrNotFound)
	}
	rows, err := db.read.QueryContext(ctx, `SELECT d.id, f.kind, f.value, f.start_byte, f.end_byte, f.main
		FROM event_facts f JOIN documents d ON d.seq = f.seq
		WHERE f.event = $1 ORDER BY d.seq, f.start_byte`, num)
	if err != nil {
		return nil, fmt.Errorf("read the facts of event %s: %w", id, err)
	}
	return scanEventFacts(rows, id)
}

// scanEventFacts reads the facts of event id from rows of document id,
// kind, value, start, end and main, and closes rows.
func scanEventFacts(rows *sql.Rows, id string) ([]store.EventFact, error) {
	defer rows.Close()
	var out []store.EventFact
	for rows.Next() {
		f := store.EventFact{Event: id}
		var main int
		if err := rows.Scan(&f.Document, &f.Kind, &f.Value, &f.Span.Start, &f.Span.End, &main); err != nil {
			return nil, fmt.Errorf("read the facts of event %s: %w", id, err)
		}
		f.Main = main == 1
		out = append(out, f)
	}
	return out, rows.Err()
}
