package sqlstore

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/parallax-news/parallax/internal/news"
	"github.com/parallax-news/parallax/internal/store"
)

// maxBandsPerInsert bounds the rows of one INSERT INTO bands, far below the
// parameter limits of SQLite (32766) and PostgreSQL (65535).
const maxBandsPerInsert = 256

// statements are the writes a Tx makes for every document, prepared once
// per DB: modernc.org/sqlite caches no statements, and parsing them again
// for each document would cost more than running them.
type statements struct {
	insertDocument, sketchOf, deleteBand, putSketch *sql.Stmt
}

// prepare prepares the statements on db.
func (s *statements) prepare(ctx context.Context, db *sql.DB) error {
	for _, p := range []struct {
		stmt  **sql.Stmt
		query string
	}{
		// ON CONFLICT DO NOTHING rather than catching the unique
		// violation: PostgreSQL aborts the whole transaction on an error,
		// and a caller that meets a document it already has should be
		// able to carry on.
		{&s.insertDocument, `INSERT INTO documents
			(id, origin, url, source, title, authors, published, language, dateline,
			 text, inferred, duplicate_of, event, ingested_at)
			VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14)
			ON CONFLICT (id) DO NOTHING
			RETURNING seq`},
		// The document's seq and the band keys it has now, if any.
		{&s.sketchOf, `SELECT d.seq, s.bands FROM documents d
			LEFT JOIN sketches s ON s.seq = d.seq WHERE d.id = $1`},
		{&s.deleteBand, `DELETE FROM bands WHERE key = $1 AND seq = $2`},
		{&s.putSketch, `INSERT INTO sketches (seq, signature, bands) VALUES ($1, $2, $3)
			ON CONFLICT (seq) DO UPDATE SET signature = excluded.signature, bands = excluded.bands`},
	} {
		stmt, err := db.PrepareContext(ctx, p.query)
		if err != nil {
			return err
		}
		*p.stmt = stmt
	}
	return nil
}

// close closes the statements that were prepared.
func (s *statements) close() error {
	var errs []error
	for _, stmt := range []*sql.Stmt{s.insertDocument, s.sketchOf, s.deleteBand, s.putSketch} {
		if stmt != nil {
			errs = append(errs, stmt.Close())
		}
	}
	return errors.Join(errs...)
}

// stmt returns prepared bound to the transaction, binding it into *bound on
// first use. On SQLite's single write connection, binding finds the
// statement already prepared there.
func (tx *Tx) stmt(ctx context.Context, bound **sql.Stmt, prepared *sql.Stmt) *sql.Stmt {
	if *bound == nil {
		*bound = tx.tx.StmtContext(ctx, prepared)
	}
	return *bound
}

// Tx is the store.Tx of an Update. It is valid only inside the function
// passed to Update.
type Tx struct {
	tx    *sql.Tx
	db    *DB
	stmts statements // db.stmts bound to tx, as they are first used

	// unindexed are the first and last Seq this transaction inserted
	// without indexing them (see Dialect.IndexSQL); 0 when none.
	unindexed [2]int64

	// bandInserts are the statements bandInsert prepared, by row count;
	// the transaction closes them when it ends.
	bandInserts map[int]*sql.Stmt
	// candidateQueries are the statements candidatesQuery prepared.
	candidateQueries map[int]*sql.Stmt
	// fresh are the documents this transaction inserted that have no
	// sketch yet, with their Seq.
	fresh map[string]int64
	// inserted are the documents this transaction inserted, with their
	// Seq; analysed those PutAnalysis wrote.
	inserted map[string]int64
	analysed map[string]bool
	// mentionInserts are the statements mentionInsert prepared.
	mentionInserts map[int]*sql.Stmt
	// prepared are the statements prepare prepared, by query.
	prepared map[string]*sql.Stmt
}

// prepare returns query prepared in the transaction, once: linking runs
// the same few statements for every entity of every document, and
// modernc.org/sqlite would parse them again each time.
func (tx *Tx) prepare(ctx context.Context, query string) (*sql.Stmt, error) {
	if stmt, ok := tx.prepared[query]; ok {
		return stmt, nil
	}
	stmt, err := tx.tx.PrepareContext(ctx, query)
	if err != nil {
		return nil, err
	}
	if tx.prepared == nil {
		tx.prepared = map[string]*sql.Stmt{}
	}
	tx.prepared[query] = stmt
	return stmt, nil
}

// exec runs a statement prepared once in the transaction.
func (tx *Tx) exec(ctx context.Context, query string, args ...any) (sql.Result, error) {
	stmt, err := tx.prepare(ctx, query)
	if err != nil {
		return nil, err
	}
	return stmt.ExecContext(ctx, args...)
}

// query runs a query prepared once in the transaction.
func (tx *Tx) query(ctx context.Context, query string, args ...any) (*sql.Rows, error) {
	stmt, err := tx.prepare(ctx, query)
	if err != nil {
		return nil, err
	}
	return stmt.QueryContext(ctx, args...)
}

// queryRow runs a one-row query prepared once in the transaction.
func (tx *Tx) queryRow(ctx context.Context, query string, args ...any) *sql.Row {
	stmt, err := tx.prepare(ctx, query)
	if err != nil {
		// A Row that reports err on Scan.
		return tx.tx.QueryRowContext(ctx, query, args...)
	}
	return stmt.QueryRowContext(ctx, args...)
}

// Document returns the document with id, or an error wrapping
// store.ErrNotFound. It sees the transaction's own writes.
func (tx *Tx) Document(ctx context.Context, id string) (news.Document, error) {
	return document(ctx, tx.tx, id)
}

// InsertDocument stores a new document and sets d.Seq and d.IngestedAt: the
// current time if it was zero, and in any case in UTC to the microsecond, as
// it is stored. If d.ID is already stored it changes nothing and returns an
// error wrapping store.ErrExists; the transaction stays usable.
func (tx *Tx) InsertDocument(ctx context.Context, d *news.Document) error {
	if d.ID == "" {
		return errors.New("insert document: empty id")
	}
	at := d.IngestedAt
	if at.IsZero() {
		at = time.Now()
	}
	at = timeArg(at)
	var seq int64
	err := tx.stmt(ctx, &tx.stmts.insertDocument, tx.db.stmts.insertDocument).QueryRowContext(ctx,
		d.ID, nullable(d.Origin), nullable(d.URL), nullable(d.Source), nullable(d.Title),
		listArg(d.Authors), nullable(d.Published), nullable(d.Language), nullable(d.Dateline),
		d.Text, listArg(d.Inferred), nullable(d.DuplicateOf), nullable(d.Event), at,
	).Scan(&seq)
	if errors.Is(err, sql.ErrNoRows) {
		return fmt.Errorf("insert document %s: %w", d.ID, store.ErrExists)
	}
	if err != nil {
		return fmt.Errorf("insert document %s: %w", d.ID, err)
	}
	if tx.db.dialect.IndexSQL != "" {
		if tx.unindexed[0] == 0 {
			tx.unindexed[0] = seq
		}
		tx.unindexed[1] = seq
	}
	d.Seq, d.IngestedAt = seq, at
	if tx.fresh == nil {
		tx.fresh = map[string]int64{}
		tx.inserted = map[string]int64{}
	}
	tx.fresh[d.ID] = seq
	tx.inserted[d.ID] = seq
	return nil
}

// index adds the documents this transaction inserted to the full-text
// index, if the dialect leaves that to us (see Dialect.IndexSQL).
func (tx *Tx) index(ctx context.Context) error {
	if tx.unindexed[0] == 0 {
		return nil
	}
	if _, err := tx.tx.ExecContext(ctx, tx.db.dialect.IndexSQL, tx.unindexed[0], tx.unindexed[1]); err != nil {
		return fmt.Errorf("index documents %d to %d: %w", tx.unindexed[0], tx.unindexed[1], err)
	}
	tx.unindexed = [2]int64{}
	return nil
}

// UpdateMetadata replaces the metadata of the stored document d.ID: URL,
// Source, Title, Authors, Published, Language, Dateline and Inferred. It
// returns an error wrapping store.ErrNotFound if d.ID is not stored.
func (tx *Tx) UpdateMetadata(ctx context.Context, d *news.Document) error {
	// The index must hold the old title before it can swap in the new one.
	if err := tx.index(ctx); err != nil {
		return fmt.Errorf("update metadata of %s: %w", d.ID, err)
	}
	res, err := tx.tx.ExecContext(ctx, `UPDATE documents SET
		url = $2, source = $3, title = $4, authors = $5, published = $6,
		language = $7, dateline = $8, inferred = $9
		WHERE id = $1`,
		d.ID, nullable(d.URL), nullable(d.Source), nullable(d.Title), listArg(d.Authors),
		nullable(d.Published), nullable(d.Language), nullable(d.Dateline), listArg(d.Inferred),
	)
	if err != nil {
		return fmt.Errorf("update metadata of %s: %w", d.ID, err)
	}
	return mustAffect(res, "update metadata of", d.ID)
}

// PutSketch stores the MinHash signature of document id and its LSH band
// keys, replacing any it had. Band keys are stored as the int64 with the same
// bits. It returns an error wrapping store.ErrNotFound if id is not stored.
func (tx *Tx) PutSketch(ctx context.Context, id string, signature []uint32, bands []uint64) error {
	var seq int64
	var old []byte
	if s, ok := tx.fresh[id]; ok {
		// Inserted by this transaction and given no sketch yet: nothing
		// to look up or replace. The common case of ingest.
		seq = s
		delete(tx.fresh, id)
	} else {
		err := tx.stmt(ctx, &tx.stmts.sketchOf, tx.db.stmts.sketchOf).QueryRowContext(ctx, id).Scan(&seq, &old)
		if errors.Is(err, sql.ErrNoRows) {
			return fmt.Errorf("put sketch of %s: %w", id, store.ErrNotFound)
		}
		if err != nil {
			return fmt.Errorf("put sketch of %s: %w", id, err)
		}
	}
	oldKeys, err := decodeKeys(old)
	if err != nil {
		return fmt.Errorf("put sketch of %s: stored bands: %w", id, err)
	}
	for _, k := range oldKeys {
		if _, err := tx.stmt(ctx, &tx.stmts.deleteBand, tx.db.stmts.deleteBand).ExecContext(ctx, k, seq); err != nil {
			return fmt.Errorf("put sketch of %s: %w", id, err)
		}
	}
	keys := bandKeys(bands)
	if _, err := tx.stmt(ctx, &tx.stmts.putSketch, tx.db.stmts.putSketch).ExecContext(ctx,
		seq, encodeSignature(signature), encodeKeys(keys)); err != nil {
		return fmt.Errorf("put sketch of %s: %w", id, err)
	}
	for len(keys) > 0 {
		n := min(len(keys), maxBandsPerInsert)
		insert, err := tx.bandInsert(ctx, n)
		if err != nil {
			return fmt.Errorf("put bands of %s: %w", id, err)
		}
		args := make([]any, 0, n+1)
		args = append(args, seq)
		for _, k := range keys[:n] {
			args = append(args, k)
		}
		if _, err := insert.ExecContext(ctx, args...); err != nil {
			return fmt.Errorf("put bands of %s: %w", id, err)
		}
		keys = keys[n:]
	}
	return nil
}

// bandInsert returns the statement that inserts n band keys ($2...) of one
// document (seq $1), prepared once per transaction and n: one statement per
// document is much faster than one per key, and every document has as many
// bands as the LSH configuration says, so one n serves a whole batch.
func (tx *Tx) bandInsert(ctx context.Context, n int) (*sql.Stmt, error) {
	if stmt, ok := tx.bandInserts[n]; ok {
		return stmt, nil
	}
	var b strings.Builder
	b.WriteString(`INSERT INTO bands (key, seq) VALUES `)
	for i := range n {
		if i > 0 {
			b.WriteString(", ")
		}
		b.WriteString("($" + strconv.Itoa(i+2) + ", $1)")
	}
	b.WriteString(` ON CONFLICT DO NOTHING`)
	stmt, err := tx.tx.PrepareContext(ctx, b.String())
	if err != nil {
		return nil, err
	}
	if tx.bandInserts == nil {
		tx.bandInserts = map[int]*sql.Stmt{}
	}
	tx.bandInserts[n] = stmt
	return stmt, nil
}

// candidatesQuery returns the statement that finds the candidates of n band
// keys, prepared once per transaction and n, as bandInsert.
func (tx *Tx) candidatesQuery(ctx context.Context, n int) (*sql.Stmt, error) {
	if stmt, ok := tx.candidateQueries[n]; ok {
		return stmt, nil
	}
	stmt, err := tx.tx.PrepareContext(ctx, `SELECT d.id, s.signature, d.published, d.seq, d.duplicate_of
		FROM sketches s JOIN documents d ON d.seq = s.seq
		WHERE s.seq IN (SELECT seq FROM bands WHERE key IN (`+placeholders(1, n)+`))
		ORDER BY d.seq`)
	if err != nil {
		return nil, err
	}
	if tx.candidateQueries == nil {
		tx.candidateQueries = map[int]*sql.Stmt{}
	}
	tx.candidateQueries[n] = stmt
	return stmt, nil
}

// Candidates returns the sketch of every document that shares at least one
// band key with bands, each once, in Seq order.
func (tx *Tx) Candidates(ctx context.Context, bands []uint64) ([]store.Sketch, error) {
	keys := bandKeys(bands)
	if len(keys) == 0 {
		return nil, nil
	}
	args := make([]any, len(keys))
	for i, k := range keys {
		args[i] = k
	}
	query, err := tx.candidatesQuery(ctx, len(args))
	if err != nil {
		return nil, fmt.Errorf("find candidates: %w", err)
	}
	rows, err := query.QueryContext(ctx, args...)
	if err != nil {
		return nil, fmt.Errorf("find candidates: %w", err)
	}
	defer rows.Close()
	var sketches []store.Sketch
	for rows.Next() {
		var s store.Sketch
		var sig []byte
		if err := rows.Scan(&s.ID, &sig, text{&s.Published}, &s.Seq, text{&s.DuplicateOf}); err != nil {
			return nil, fmt.Errorf("find candidates: %w", err)
		}
		if s.Signature, err = decodeSignature(sig); err != nil {
			return nil, fmt.Errorf("find candidates: sketch of %s: %w", s.ID, err)
		}
		sketches = append(sketches, s)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("find candidates: %w", err)
	}
	return sketches, nil
}

// SetDuplicateOf records that each of ids is a near-duplicate of the document
// of; an empty of clears the mark. It returns an error wrapping
// store.ErrNotFound if of or one of ids is not stored.
func (tx *Tx) SetDuplicateOf(ctx context.Context, ids []string, of string) error {
	if of != "" {
		// Checked here rather than left to the foreign key, whose violation
		// would abort a PostgreSQL transaction.
		if _, err := tx.Document(ctx, of); err != nil {
			return fmt.Errorf("mark duplicates of %s: %w", of, err)
		}
	}
	for _, id := range ids {
		res, err := tx.tx.ExecContext(ctx, `UPDATE documents SET duplicate_of = $2 WHERE id = $1`, id, nullable(of))
		if err != nil {
			return fmt.Errorf("mark %s as a duplicate: %w", id, err)
		}
		if err := mustAffect(res, "mark duplicate", id); err != nil {
			return err
		}
	}
	return nil
}

// Duplicates returns the ids of the documents marked as duplicates of id, in
// Seq order.
func (tx *Tx) Duplicates(ctx context.Context, id string) ([]string, error) {
	rows, err := tx.tx.QueryContext(ctx, `SELECT id FROM documents WHERE duplicate_of = $1 ORDER BY seq`, id)
	if err != nil {
		return nil, fmt.Errorf("list duplicates of %s: %w", id, err)
	}
	defer rows.Close()
	var ids []string
	for rows.Next() {
		var dup string
		if err := rows.Scan(&dup); err != nil {
			return nil, fmt.Errorf("list duplicates of %s: %w", id, err)
		}
		ids = append(ids, dup)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("list duplicates of %s: %w", id, err)
	}
	return ids, nil
}

// mustAffect returns an error wrapping store.ErrNotFound if res changed no
// row: the document id the statement was about is not stored.
func mustAffect(res sql.Result, action, id string) error {
	n, err := res.RowsAffected()
	if err != nil {
		return fmt.Errorf("%s %s: %w", action, id, err)
	}
	if n == 0 {
		return fmt.Errorf("%s %s: %w", action, id, store.ErrNotFound)
	}
	return nil
}

// bandKeys returns bands without repeats, as the int64s with the same bits
// that the bands table keeps (SQL has no unsigned 64-bit integer).
func bandKeys(bands []uint64) []int64 {
	keys := make([]int64, 0, len(bands))
	for _, b := range bands {
		// A linear scan: a document has a few dozen bands, too few for a
		// map to pay for itself.
		if !slices.Contains(keys, int64(b)) {
			keys = append(keys, int64(b))
		}
	}
	return keys
}

// placeholders returns "$first, ..., $(first+n-1)".
func placeholders(first, n int) string {
	var b strings.Builder
	for i := range n {
		if i > 0 {
			b.WriteString(", ")
		}
		b.WriteString("$" + strconv.Itoa(first+i))
	}
	return b.String()
}
