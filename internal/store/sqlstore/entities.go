package sqlstore

import (
	"cmp"
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"maps"
	"slices"
	"strconv"
	"strings"

	"github.com/parallax-news/parallax/internal/names"
	"github.com/parallax-news/parallax/internal/news"
	"github.com/parallax-news/parallax/internal/store"
)

// entityID is the id of the entity numbered num: "E" and the number.
func entityID(num int64) string {
	return "E" + strconv.FormatInt(num, 10)
}

// entityNum is the number of the entity with id, and whether id is one.
func entityNum(id string) (int64, bool) { return idNum(id, "E") }

// nullableEntity is the entity column value of id: NULL for "".
func nullableEntity(id string) (any, error) {
	if id == "" {
		return nil, nil
	}
	n, ok := entityNum(id)
	if !ok {
		return nil, fmt.Errorf("%q is no entity id", id)
	}
	return n, nil
}

// inList returns "$first, $first+1, …" for the arguments of values, and
// the arguments. Their number is rounded up to a power of two (the last
// value repeated), so that a transaction prepares few distinct queries.
func inList(first int, values []string) (string, []any) {
	n := 8
	for n < len(values) {
		n *= 2
	}
	args := make([]any, n)
	for i := range args {
		args[i] = values[min(i, len(values)-1)]
	}
	return placeholders(first, n), args
}

// maxKeysPerQuery bounds the keys of one EntityCandidates query (a power
// of two, see inList).
const maxKeysPerQuery = 512

// EntityCandidates returns the entities filed under any of keys, each once,
// in id order, with their names and the keys of keys they are filed under.
func (tx *Tx) EntityCandidates(ctx context.Context, keys []string) ([]store.Entity, error) {
	keys = slices.Compact(slices.Sorted(slices.Values(keys)))
	byNum := map[int64]*store.Entity{}
	var nums []int64
	for len(keys) > 0 {
		n := min(len(keys), maxKeysPerQuery)
		in, args := inList(1, keys[:n])
		keys = keys[n:]
		rows, err := tx.query(ctx, `SELECT k.key, e.num, e.type, e.name, e.documents
			FROM entity_keys k JOIN entities e ON e.num = k.entity
			WHERE k.key IN (`+in+`) ORDER BY e.num, k.key`, args...)
		if err != nil {
			return nil, fmt.Errorf("find candidate entities: %w", err)
		}
		for rows.Next() {
			var num int64
			var key, typ, name string
			var docs int
			if err := rows.Scan(&key, &num, &typ, &name, &docs); err != nil {
				rows.Close()
				return nil, fmt.Errorf("find candidate entities: %w", err)
			}
			e := byNum[num]
			if e == nil {
				e = &store.Entity{ID: entityID(num), Type: typ, Name: name, Documents: docs}
				byNum[num] = e
				nums = append(nums, num)
			}
			e.Keys = append(e.Keys, key)
		}
		if err := rows.Close(); err != nil {
			return nil, fmt.Errorf("find candidate entities: %w", err)
		}
	}
	slices.Sort(nums)
	for rest := nums; len(rest) > 0; {
		n := min(len(rest), maxKeysPerQuery)
		size := 8 // rounded up as inList does
		for size < n {
			size *= 2
		}
		args := make([]any, size)
		for i := range args {
			args[i] = rest[min(i, n-1)]
		}
		rest = rest[n:]
		rows, err := tx.query(ctx, `SELECT entity, name FROM entity_names WHERE entity IN (`+placeholders(1, size)+`) ORDER BY entity, name`, args...)
		if err != nil {
			return nil, fmt.Errorf("read names of candidate entities: %w", err)
		}
		for rows.Next() {
			var num int64
			var name string
			if err := rows.Scan(&num, &name); err != nil {
				rows.Close()
				return nil, fmt.Errorf("read names of candidate entities: %w", err)
			}
			byNum[num].Names = append(byNum[num].Names, name)
		}
		if err := rows.Close(); err != nil {
			return nil, fmt.Errorf("read names of candidate entities: %w", err)
		}
	}
	out := make([]store.Entity, len(nums))
	for i, n := range nums {
		out[i] = *byNum[n]
	}
	return out, nil
}

// PutEntity stores a new entity (e.ID empty: it is set) or updates one:
// its Name, and Names added. It files the entity under keys.
func (tx *Tx) PutEntity(ctx context.Context, e *store.Entity, keys []string) error {
	var num int64
	if e.ID == "" {
		// Writers take turns (SQLite's single writer, PostgreSQL's
		// Dialect.WriteLock), so the next number is free.
		if err := tx.queryRow(ctx, `SELECT COALESCE(MAX(num), 0) + 1 FROM entities`).Scan(&num); err != nil {
			return fmt.Errorf("number a new entity: %w", err)
		}
		if _, err := tx.exec(ctx, `INSERT INTO entities (num, type, name) VALUES ($1, $2, $3)`, num, e.Type, e.Name); err != nil {
			return fmt.Errorf("store entity %s: %w", e.Name, err)
		}
		e.ID = entityID(num)
	} else {
		var ok bool
		if num, ok = entityNum(e.ID); !ok {
			return fmt.Errorf("store entity: %q is no entity id", e.ID)
		}
		res, err := tx.exec(ctx, `UPDATE entities SET name = $1 WHERE num = $2`, e.Name, num)
		if err != nil {
			return fmt.Errorf("store entity %s: %w", e.ID, err)
		}
		if n, err := res.RowsAffected(); err == nil && n == 0 {
			return fmt.Errorf("store entity %s: %w", e.ID, store.ErrNotFound)
		}
	}
	if err := tx.insertPairs(ctx, `INSERT INTO entity_names (entity, name) VALUES `, num, e.Names); err != nil {
		return fmt.Errorf("store names of entity %s: %w", e.ID, err)
	}
	if err := tx.insertPairs(ctx, `INSERT INTO entity_keys (entity, key) VALUES `, num, keys); err != nil {
		return fmt.Errorf("store keys of entity %s: %w", e.ID, err)
	}
	return nil
}

// insertPairs inserts the rows (num, v) for each distinct v of values,
// skipping those already stored.
func (tx *Tx) insertPairs(ctx context.Context, insert string, num int64, values []string) error {
	values = slices.Compact(slices.Sorted(slices.Values(values)))
	for len(values) > 0 {
		n := min(len(values), maxKeysPerQuery)
		var b strings.Builder
		b.WriteString(insert)
		args := []any{num}
		for i, v := range values[:n] {
			if i > 0 {
				b.WriteString(", ")
			}
			b.WriteString("($1, $" + strconv.Itoa(i+2) + ")")
			args = append(args, v)
		}
		b.WriteString(" ON CONFLICT DO NOTHING")
		if _, err := tx.exec(ctx, b.String(), args...); err != nil {
			return err
		}
		values = values[n:]
	}
	return nil
}

// seqOf returns the Seq of document id, or an error wrapping
// store.ErrNotFound.
func (tx *Tx) seqOf(ctx context.Context, id string) (int64, error) {
	if seq, ok := tx.inserted[id]; ok {
		return seq, nil
	}
	var seq int64
	err := tx.queryRow(ctx, `SELECT seq FROM documents WHERE id = $1`, id).Scan(&seq)
	if errors.Is(err, sql.ErrNoRows) {
		return 0, fmt.Errorf("document %s: %w", id, store.ErrNotFound)
	}
	return seq, err
}

// deleteEntityLinks removes the links and role facts of document seq, and
// takes them off the counts of the entities they pointed at.
func (tx *Tx) deleteEntityLinks(ctx context.Context, seq int64) error {
	rows, err := tx.query(ctx, `SELECT entity, SUM(mentions) FROM entity_links
		WHERE seq = $1 AND entity IS NOT NULL GROUP BY entity`, seq)
	if err != nil {
		return err
	}
	counts := map[int64]int{}
	for rows.Next() {
		var n int64
		var m int
		if err := rows.Scan(&n, &m); err != nil {
			rows.Close()
			return err
		}
		counts[n] = m
	}
	if err := rows.Close(); err != nil {
		return err
	}
	if len(counts) == 0 {
		// Nothing linked: a new document, or one never linked. Its
		// roles go with its links, so there are none either.
		return nil
	}
	for _, q := range []string{`DELETE FROM entity_links WHERE seq = $1`, `DELETE FROM entity_roles WHERE seq = $1`} {
		if _, err := tx.exec(ctx, q, seq); err != nil {
			return err
		}
	}
	return tx.count(ctx, counts, -1)
}

// count adds (sign 1) or takes off (sign -1) one document and the given
// mentions to the counts of each entity of mentions.
func (tx *Tx) count(ctx context.Context, mentions map[int64]int, sign int) error {
	for _, n := range slices.Sorted(maps.Keys(mentions)) {
		if _, err := tx.exec(ctx, `UPDATE entities SET documents = documents + $2, mentions = mentions + $3
			WHERE num = $1`, n, sign, sign*mentions[n]); err != nil {
			return fmt.Errorf("count entity %s: %w", entityID(n), err)
		}
	}
	return nil
}

// PutEntityLinks replaces the entity links and role facts of document id.
func (tx *Tx) PutEntityLinks(ctx context.Context, id string, links []store.EntityLink) error {
	seq, err := tx.seqOf(ctx, id)
	if err != nil {
		return fmt.Errorf("link entities of %s: %w", id, err)
	}
	if err := tx.deleteEntityLinks(ctx, seq); err != nil {
		return fmt.Errorf("link entities of %s: %w", id, err)
	}
	counts := map[int64]int{}
	for _, l := range links {
		ent, err := nullableEntity(l.Entity)
		if err != nil {
			return fmt.Errorf("link entities of %s: %w", id, err)
		}
		names, _ := json.Marshal(nonNil(l.Names)) // cannot fail
		if _, err := tx.exec(ctx, `INSERT INTO entity_links
			(seq, local_entity, entity, mentions, names, role_key) VALUES ($1, $2, $3, $4, $5, $6)`,
			seq, l.Local, ent, l.Mentions, string(names), nullable(l.RoleKey)); err != nil {
			return fmt.Errorf("link entities of %s: %w", id, err)
		}
		for _, r := range l.Roles {
			ended := 0
			if r.Ended {
				ended = 1
			}
			if _, err := tx.exec(ctx, `INSERT INTO entity_roles
				(seq, local_entity, start_byte, end_byte, entity, role, role_key, ended)
				VALUES ($1, $2, $3, $4, $5, $6, $7, $8) ON CONFLICT DO NOTHING`,
				seq, l.Local, r.Start, r.End, ent, r.Role, r.Key, ended); err != nil {
				return fmt.Errorf("store roles of %s: %w", id, err)
			}
		}
		if n, ok := ent.(int64); ok {
			counts[n] += l.Mentions
		}
	}
	if err := tx.count(ctx, counts, 1); err != nil {
		return fmt.Errorf("link entities of %s: %w", id, err)
	}
	return nil
}

func nonNil[T any](s []T) []T {
	if s == nil {
		return []T{}
	}
	return s
}

// RoleHolders returns the role facts with key from the documents published
// from from to to, with their documents' dates.
func (tx *Tx) RoleHolders(ctx context.Context, key, from, to string) ([]store.RoleHolding, error) {
	rows, err := tx.query(ctx, `SELECT r.entity, d.id, d.published, r.ended
		FROM entity_roles r JOIN documents d ON d.seq = r.seq
		WHERE r.role_key = $1 AND r.entity IS NOT NULL
			AND ($2 = '' OR d.published >= $2) AND ($3 = '' OR d.published <= $3)
		ORDER BY r.seq, r.start_byte`, key, from, to)
	if err != nil {
		return nil, fmt.Errorf("holders of role %q: %w", key, err)
	}
	defer rows.Close()
	var out []store.RoleHolding
	for rows.Next() {
		var num, ended int64
		var h store.RoleHolding
		if err := rows.Scan(&num, &h.Document, text{&h.Published}, &ended); err != nil {
			return nil, fmt.Errorf("holders of role %q: %w", key, err)
		}
		h.Entity, h.Ended = entityID(num), ended != 0
		out = append(out, h)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("holders of role %q: %w", key, err)
	}
	return out, nil
}

// RoleDescriptors returns the links of entities known only by a
// descriptor naming role key, in the documents published from from to to.
func (tx *Tx) RoleDescriptors(ctx context.Context, key, from, to string) ([]store.Descriptor, error) {
	rows, err := tx.query(ctx, `SELECT d.id, d.published, l.local_entity, l.entity
		FROM entity_links l JOIN documents d ON d.seq = l.seq
		WHERE l.role_key = $1 AND ($2 = '' OR d.published >= $2) AND ($3 = '' OR d.published <= $3)
		ORDER BY l.seq, l.local_entity`, key, from, to)
	if err != nil {
		return nil, fmt.Errorf("descriptors of role %q: %w", key, err)
	}
	defer rows.Close()
	var out []store.Descriptor
	for rows.Next() {
		var d store.Descriptor
		var num sql.NullInt64
		if err := rows.Scan(&d.Document, text{&d.Published}, &d.Local, &num); err != nil {
			return nil, fmt.Errorf("descriptors of role %q: %w", key, err)
		}
		if num.Valid {
			d.Entity = entityID(num.Int64)
		}
		out = append(out, d)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("descriptors of role %q: %w", key, err)
	}
	return out, nil
}

// RoleKeys returns the role keys of document id's role facts and
// descriptors, each once, in order.
func (tx *Tx) RoleKeys(ctx context.Context, id string) ([]string, error) {
	rows, err := tx.query(ctx, `SELECT r.role_key FROM entity_roles r JOIN documents d ON d.seq = r.seq WHERE d.id = $1
		UNION SELECT l.role_key FROM entity_links l JOIN documents d ON d.seq = l.seq WHERE d.id = $1 AND l.role_key IS NOT NULL
		ORDER BY 1`, id)
	if err != nil {
		return nil, fmt.Errorf("role keys of %s: %w", id, err)
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var k string
		if err := rows.Scan(&k); err != nil {
			return nil, fmt.Errorf("role keys of %s: %w", id, err)
		}
		out = append(out, k)
	}
	return out, rows.Err()
}

// SetLinkEntity points the link of document id's entity local at entity.
func (tx *Tx) SetLinkEntity(ctx context.Context, id string, local int, entity string) error {
	seq, err := tx.seqOf(ctx, id)
	if err != nil {
		return fmt.Errorf("relink entity %d of %s: %w", local, id, err)
	}
	ent, err := nullableEntity(entity)
	if err != nil {
		return fmt.Errorf("relink entity %d of %s: %w", local, id, err)
	}
	var old sql.NullInt64
	var mentions int
	err = tx.queryRow(ctx, `SELECT entity, mentions FROM entity_links WHERE seq = $1 AND local_entity = $2`, seq, local).Scan(&old, &mentions)
	if errors.Is(err, sql.ErrNoRows) {
		return fmt.Errorf("relink entity %d of %s: %w", local, id, store.ErrNotFound)
	}
	if err != nil {
		return fmt.Errorf("relink entity %d of %s: %w", local, id, err)
	}
	if n, ok := ent.(int64); old.Valid && ok && n == old.Int64 || !old.Valid && ent == nil {
		return nil
	}
	// The document counts for an entity while any of its links points at
	// it: it leaves the old entity with its last link, and joins the new
	// with its first.
	links := func(n int64) (int, error) {
		var c int
		err := tx.queryRow(ctx, `SELECT count(*) FROM entity_links WHERE seq = $1 AND entity = $2`, seq, n).Scan(&c)
		return c, err
	}
	type delta struct {
		num            int64
		docs, mentions int
	}
	var deltas []delta
	if old.Valid {
		c, err := links(old.Int64)
		if err != nil {
			return fmt.Errorf("relink entity %d of %s: %w", local, id, err)
		}
		d := delta{old.Int64, 0, -mentions}
		if c == 1 {
			d.docs = -1
		}
		deltas = append(deltas, d)
	}
	if n, ok := ent.(int64); ok {
		c, err := links(n)
		if err != nil {
			return fmt.Errorf("relink entity %d of %s: %w", local, id, err)
		}
		d := delta{n, 0, mentions}
		if c == 0 {
			d.docs = 1
		}
		deltas = append(deltas, d)
	}
	for _, q := range []string{
		`UPDATE entity_links SET entity = $3 WHERE seq = $1 AND local_entity = $2`,
		`UPDATE entity_roles SET entity = $3 WHERE seq = $1 AND local_entity = $2`,
	} {
		if _, err := tx.exec(ctx, q, seq, local, ent); err != nil {
			return fmt.Errorf("relink entity %d of %s: %w", local, id, err)
		}
	}
	for _, d := range deltas {
		if _, err := tx.exec(ctx, `UPDATE entities SET documents = documents + $2, mentions = mentions + $3
			WHERE num = $1`, d.num, d.docs, d.mentions); err != nil {
			return fmt.Errorf("count entity %s: %w", entityID(d.num), err)
		}
	}
	return nil
}

// entitySelect selects the columns scanEntities reads.
const entitySelect = `SELECT e.num, e.type, e.name, e.documents, e.mentions FROM entities e`

// Entity returns the entity id with what the documents say of it.
func (db *DB) Entity(ctx context.Context, id string) (store.EntityInfo, error) {
	num, ok := entityNum(id)
	if !ok {
		return store.EntityInfo{}, fmt.Errorf("entity %s: %w", id, store.ErrNotFound)
	}
	es, err := db.entities(ctx, 0, entitySelect+` WHERE e.num = $1`, num)
	if err != nil {
		return store.EntityInfo{}, err
	}
	if len(es) == 0 {
		return store.EntityInfo{}, fmt.Errorf("entity %s: %w", id, store.ErrNotFound)
	}
	return es[0], nil
}

// defaultEntityLimit is the number of entities an EntityQuery without a
// Limit gets.
const defaultEntityLimit = 50

// Entities returns the entities q selects with what the documents say of
// them.
func (db *DB) Entities(ctx context.Context, q store.EntityQuery) ([]store.EntityInfo, error) {
	var where []string
	var args []any
	arg := func(v any) string {
		args = append(args, v)
		return "$" + strconv.Itoa(len(args))
	}
	where = append(where, "e.documents > 0")
	if q.Type != "" {
		where = append(where, "e.type = "+arg(q.Type))
	}
	if q.Name != "" {
		like := "%" + likeEscaper.Replace(strings.ToLower(q.Name)) + "%"
		where = append(where, `EXISTS (SELECT 1 FROM entity_names n WHERE n.entity = e.num AND lower(n.name) LIKE `+arg(like)+` ESCAPE '\')`)
	}
	if q.IDs != nil {
		var in []string
		for _, id := range q.IDs {
			if n, ok := entityNum(id); ok {
				in = append(in, arg(n))
			}
		}
		if len(in) == 0 {
			return nil, nil
		}
		where = append(where, "e.num IN ("+strings.Join(in, ", ")+")")
	}
	order := "e.documents DESC, e.num"
	if q.AfterID != "" {
		num, _ := entityNum(q.AfterID)
		where = append(where, "e.num > "+arg(num))
		order = "e.num"
	}
	limit := q.Limit
	if limit <= 0 {
		limit = defaultEntityLimit
	}
	query := entitySelect + " WHERE " + strings.Join(where, " AND ") +
		" ORDER BY " + order + " LIMIT " + arg(limit) + " OFFSET " + arg(max(q.Offset, 0))
	return db.entities(ctx, q.MaxDocuments, query, args...)
}

// likeEscaper escapes the LIKE wildcards of a user's text.
var likeEscaper = strings.NewReplacer(`\`, `\\`, `%`, `\%`, `_`, `\_`)

// entities runs query (selecting entitySelect's columns) and completes each
// entity with its names, aliases and roles: from its latest maxDocs
// documents, or all of them when maxDocs is 0.
func (db *DB) entities(ctx context.Context, maxDocs int, query string, args ...any) ([]store.EntityInfo, error) {
	rows, err := db.read.QueryContext(ctx, query, args...)
	if err != nil {
		return nil, fmt.Errorf("read entities: %w", err)
	}
	var out []store.EntityInfo
	for rows.Next() {
		var e store.EntityInfo
		var num int64
		if err := rows.Scan(&num, &e.Type, &e.Name, &e.Documents, &e.Mentions); err != nil {
			rows.Close()
			return nil, fmt.Errorf("read entities: %w", err)
		}
		e.ID = entityID(num)
		out = append(out, e)
	}
	if err := rows.Close(); err != nil {
		return nil, fmt.Errorf("read entities: %w", err)
	}
	switch {
	case len(out) == 0:
	case maxDocs > 0:
		if err := db.completeEntitiesBounded(ctx, out, maxDocs); err != nil {
			return nil, err
		}
	default:
		if err := db.completeEntities(ctx, out); err != nil {
			return nil, err
		}
	}
	return out, nil
}

// completeEntities reads the names of es, their aliases as the documents
// give them, and their roles: three queries for the whole page, not three
// an entity.
func (db *DB) completeEntities(ctx context.Context, es []store.EntityInfo) error {
	index := make(map[int64]int, len(es))
	args := make([]any, len(es))
	for i, e := range es {
		num, _ := entityNum(e.ID)
		index[num] = i
		args[i] = num
	}
	in := placeholders(1, len(es))

	rows, err := db.read.QueryContext(ctx, `SELECT entity, name FROM entity_names WHERE entity IN (`+in+`) ORDER BY entity, name`, args...)
	if err != nil {
		return fmt.Errorf("read names of entities: %w", err)
	}
	for rows.Next() {
		var num int64
		var n string
		if err := rows.Scan(&num, &n); err != nil {
			rows.Close()
			return fmt.Errorf("read names of entities: %w", err)
		}
		e := &es[index[num]]
		e.Names = append(e.Names, n)
	}
	if err := rows.Close(); err != nil {
		return fmt.Errorf("read names of entities: %w", err)
	}

	counts := make([]map[string]int, len(es))
	rows, err = db.read.QueryContext(ctx, `SELECT entity, names FROM entity_links WHERE entity IN (`+in+`)`, args...)
	if err != nil {
		return fmt.Errorf("read aliases of entities: %w", err)
	}
	for rows.Next() {
		var num int64
		var raw string
		var ncs []store.NameCount
		if err := rows.Scan(&num, &raw); err != nil {
			rows.Close()
			return fmt.Errorf("read aliases of entities: %w", err)
		}
		if err := json.Unmarshal([]byte(raw), &ncs); err != nil {
			rows.Close()
			return fmt.Errorf("read aliases of %s: %w", entityID(num), err)
		}
		i := index[num]
		if counts[i] == nil {
			counts[i] = map[string]int{}
		}
		for _, nc := range ncs {
			counts[i][nc.Name] += nc.Count
		}
	}
	if err := rows.Close(); err != nil {
		return fmt.Errorf("read aliases of entities: %w", err)
	}
	for i := range es {
		es[i].Aliases = SortedCounts(counts[i])
	}

	facts := make([][]roleRow, len(es))
	rows, err = db.read.QueryContext(ctx, `SELECT r.entity, r.role, r.role_key, r.ended, d.id, d.published, r.start_byte, r.end_byte
		FROM entity_roles r JOIN documents d ON d.seq = r.seq
		WHERE r.entity IN (`+in+`) ORDER BY r.entity, d.published, r.seq, r.start_byte`, args...)
	if err != nil {
		return fmt.Errorf("read roles of entities: %w", err)
	}
	for rows.Next() {
		var num, ended int64
		var r roleRow
		if err := rows.Scan(&num, &r.role, &r.key, &ended, &r.doc, text{&r.published}, &r.start, &r.end); err != nil {
			rows.Close()
			return fmt.Errorf("read roles of entities: %w", err)
		}
		r.ended = ended != 0
		facts[index[num]] = append(facts[index[num]], r)
	}
	if err := rows.Close(); err != nil {
		return fmt.Errorf("read roles of entities: %w", err)
	}
	for i := range es {
		es[i].Roles = roleSpans(facts[i])
	}
	return nil
}

// SortedCounts returns counts as NameCounts, most used first, then by
// name.
func SortedCounts(counts map[string]int) []store.NameCount {
	out := make([]store.NameCount, 0, len(counts))
	for n, c := range counts {
		out = append(out, store.NameCount{Name: n, Count: c})
	}
	slices.SortFunc(out, func(a, b store.NameCount) int {
		return cmp.Or(b.Count-a.Count, strings.Compare(a.Name, b.Name))
	})
	return out
}

// roleRow is a role fact as read for an entity.
type roleRow struct {
	role, key, doc, published string
	ended                     bool
	start, end                int
}

// roleSpans folds an entity's role facts (ordered by date) into one span
// per role key: the dates of the first and last articles that give it the
// role, the first that says it had left it, and the earliest evidence. A
// role without a country ("President") is folded into the one role of
// that office with a country ("Iranian President"), when there is one.
func roleSpans(facts []roleRow) []store.RoleSpan {
	qualified := map[string][]string{} // office -> keys with a country
	for _, f := range facts {
		if office, country := names.RoleOffice(f.key); country != "" && !slices.Contains(qualified[office], f.key) {
			qualified[office] = append(qualified[office], f.key)
		}
	}
	var out []store.RoleSpan
	index := map[string]int{}
	for pass := range 2 {
		for _, f := range facts {
			key := f.key
			if ks := qualified[key]; len(ks) == 1 {
				key = ks[0]
			}
			// First the roles as written with their country, so that
			// they name the span; then the others.
			if (key == f.key) != (pass == 0) {
				continue
			}
			i, ok := index[key]
			if !ok {
				i = len(out)
				index[key] = i
				out = append(out, store.RoleSpan{Role: f.role, Evidence: f.doc, Start: f.start, End: f.end})
			}
			r := &out[i]
			r.Documents++
			day := news.Day(f.published)
			switch {
			case day == "":
			case f.ended:
				if r.EndedBy == "" || day < r.EndedBy {
					r.EndedBy = day
				}
			default:
				if r.From == "" || day < r.From {
					r.From = day
				}
				if day > r.To {
					r.To = day
				}
			}
		}
	}
	return out
}

// EntityDocuments returns the documents that mention entity id, newest
// first.
func (db *DB) EntityDocuments(ctx context.Context, id string, limit, offset int) ([]news.Document, error) {
	num, ok := entityNum(id)
	if !ok {
		return nil, nil
	}
	if limit <= 0 {
		limit = defaultEntityLimit
	}
	// The page is chosen on the dates alone, then its documents read
	// whole: an entity may be named in tens of thousands.
	rows, err := db.read.QueryContext(ctx, `SELECT `+DocumentColumns+` FROM documents d
		WHERE d.seq IN (SELECT p.seq FROM (SELECT DISTINCT x.seq, x.published FROM entity_links l
			JOIN documents x ON x.seq = l.seq WHERE l.entity = $1
			ORDER BY x.published DESC, x.seq DESC LIMIT $2 OFFSET $3) p)
		ORDER BY d.published DESC, d.seq DESC`, num, limit, max(offset, 0))
	if err != nil {
		return nil, fmt.Errorf("documents of entity %s: %w", id, err)
	}
	return scanDocuments(rows)
}

// EntityLinks returns the entity links of document id by local number.
func (db *DB) EntityLinks(ctx context.Context, id string) ([]store.EntityLink, error) {
	rows, err := db.read.QueryContext(ctx, `SELECT l.local_entity, l.entity, l.mentions, l.names, l.role_key
		FROM entity_links l JOIN documents d ON d.seq = l.seq
		WHERE d.id = $1 ORDER BY l.local_entity`, id)
	if err != nil {
		return nil, fmt.Errorf("entity links of %s: %w", id, err)
	}
	defer rows.Close()
	var out []store.EntityLink
	for rows.Next() {
		var l store.EntityLink
		var num sql.NullInt64
		var names string
		if err := rows.Scan(&l.Local, &num, &l.Mentions, &names, text{&l.RoleKey}); err != nil {
			return nil, fmt.Errorf("entity links of %s: %w", id, err)
		}
		if num.Valid {
			l.Entity = entityID(num.Int64)
		}
		if err := json.Unmarshal([]byte(names), &l.Names); err != nil {
			return nil, fmt.Errorf("entity links of %s: %w", id, err)
		}
		out = append(out, l)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("entity links of %s: %w", id, err)
	}
	return out, nil
}
