package sqlstore

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"io/fs"
	"math"
	"strings"

	"github.com/parallax-news/parallax/internal/news"
	"github.com/parallax-news/parallax/internal/store"
)

// Dialect is what differs between the databases a DB runs on.
type Dialect struct {
	// Name names the database in error messages: "sqlite", "postgres".
	Name string

	// Migrations holds the schema migrations in its directory
	// "migrations", named NNNN_what.sql and applied in name order (see
	// Migrate).
	Migrations fs.FS

	// MigrationLock, if not empty, is run first in every migration
	// transaction, so that processes starting at once migrate one at a time.
	MigrationLock string

	// SearchSQL returns the query of a full-text search whose hits must
	// also meet filters, a condition on documents d ("TRUE" when there
	// is none). Its arguments are $1, the result of MatchQuery, $2, the
	// limit and $3, the offset, then those of filters. It returns the
	// DocumentColumns of each hit, then its plain-text snippet and its
	// rank (higher is better), best first.
	SearchSQL func(filters string) string

	// MatchQuery turns the text a user typed into the $1 argument of
	// SearchSQL, such that no character in text can make the query fail. It
	// returns "" when text has nothing to search for.
	MatchQuery func(text string) string

	// WriteLock, if not empty, is run first in every Update transaction,
	// so that processes writing to one database at once take turns: they
	// read what the others wrote (near-duplicates, entities) before
	// writing what depends on it.
	WriteLock string

	// IndexSQL, if not empty, adds the documents whose Seq is between $1
	// and $2 to the full-text index. InsertDocument then leaves indexing to
	// it, run once per transaction: before the commit, and before
	// UpdateMetadata, so that the index holds every row whose title may
	// change. SQLite's FTS5 writes its pending index out at every statement
	// that may need rolling back, so one write per transaction costs far
	// less than one per document. Leave it empty where the database indexes
	// rows itself (PostgreSQL's generated tsvector column).
	IndexSQL string
}

// DocumentColumns are the columns of the documents table (aliased d) that
// make a news.Document, in the order scanDocument reads them.
const DocumentColumns = `d.id, d.seq, d.origin, d.url, d.source, d.title, d.authors, d.published,
	d.language, d.dateline, d.text, d.inferred, d.duplicate_of, d.event, d.ingested_at`

// defaultSearchLimit is the number of hits a SearchQuery without a Limit gets.
const defaultSearchLimit = 20

// DB is a store.Store over a database/sql connection pool. Every method is
// safe for concurrent use.
type DB struct {
	read    *sql.DB // for reads outside transactions
	write   *sql.DB // for Update; may be read
	dialect Dialect
	stmts   statements // prepared on write
}

// New returns a store over read and write, after bringing the schema up to
// date with Migrate. Reads outside Update go to read and transactions to
// write; they may be the same pool (PostgreSQL), or write may hold a single
// connection so that writers queue in Go instead of failing (SQLite). New
// takes ownership of both pools: it closes them if it fails, and Close closes
// them.
func New(ctx context.Context, read, write *sql.DB, d Dialect) (*DB, error) {
	db := &DB{read: read, write: write, dialect: d}
	if err := Migrate(ctx, write, d.Migrations, d.MigrationLock); err != nil {
		_ = db.Close()
		return nil, fmt.Errorf("migrate %s: %w", d.Name, err)
	}
	if err := db.stmts.prepare(ctx, write); err != nil {
		_ = db.Close()
		return nil, fmt.Errorf("prepare %s statements: %w", d.Name, err)
	}
	return db, nil
}

// Close closes the connection pools. It waits for running queries to finish.
func (db *DB) Close() error {
	err := errors.Join(db.stmts.close(), db.write.Close())
	if db.read != db.write {
		err = errors.Join(err, db.read.Close())
	}
	if err != nil {
		return fmt.Errorf("close %s: %w", db.dialect.Name, err)
	}
	return nil
}

// Update runs fn in one transaction: either all of its writes land or, if fn
// or the commit fails or ctx is cancelled, none do. An error from fn is
// returned as it is. fn must not call Update itself: with SQLite's single
// writer that would wait forever.
func (db *DB) Update(ctx context.Context, fn func(store.Tx) error) error {
	sqlTx, err := db.write.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("begin %s transaction: %w", db.dialect.Name, err)
	}
	// Rollback after a successful Commit is a no-op returning ErrTxDone.
	defer func() { _ = sqlTx.Rollback() }()

	if db.dialect.WriteLock != "" {
		if _, err := sqlTx.ExecContext(ctx, db.dialect.WriteLock); err != nil {
			return fmt.Errorf("lock %s for writing: %w", db.dialect.Name, err)
		}
	}
	tx := &Tx{tx: sqlTx, db: db}
	if err := fn(tx); err != nil {
		// A cancelled ctx makes database/sql roll back at once and close
		// the transaction's statements, so the write that fails next says
		// "statement is closed": say why it was closed.
		if cerr := ctx.Err(); cerr != nil && !errors.Is(err, cerr) {
			return fmt.Errorf("%w (%v)", cerr, err)
		}
		return err
	}
	if err := tx.index(ctx); err != nil {
		return err
	}
	// database/sql refuses to commit once ctx is done, too; checking here
	// makes the error say why.
	if err := ctx.Err(); err != nil {
		return fmt.Errorf("commit %s transaction: %w", db.dialect.Name, err)
	}
	if err := sqlTx.Commit(); err != nil {
		return fmt.Errorf("commit %s transaction: %w", db.dialect.Name, err)
	}
	return nil
}

// Document returns the document with id, or an error wrapping
// store.ErrNotFound.
func (db *DB) Document(ctx context.Context, id string) (news.Document, error) {
	return document(ctx, db.read, id)
}

// Documents returns the documents that match q in Seq order.
func (db *DB) Documents(ctx context.Context, q store.DocumentQuery) ([]news.Document, error) {
	query := `SELECT ` + DocumentColumns + ` FROM documents d WHERE d.seq > $1`
	args := []any{q.AfterSeq}
	if q.Source != "" {
		args = append(args, q.Source)
		query += ` AND d.source = $2`
	}
	limit := int64(q.Limit)
	if limit <= 0 {
		limit = math.MaxInt64 // LIMIT ALL is PostgreSQL only, LIMIT -1 SQLite only
	}
	args = append(args, limit, max(q.Offset, 0))
	query += fmt.Sprintf(` ORDER BY d.seq LIMIT $%d OFFSET $%d`, len(args)-1, len(args))

	rows, err := db.read.QueryContext(ctx, query, args...)
	if err != nil {
		return nil, fmt.Errorf("list documents: %w", err)
	}
	docs, err := scanDocuments(rows)
	if err != nil {
		return nil, fmt.Errorf("list documents: %w", err)
	}
	return docs, nil
}

// Search runs a full-text query over titles and texts, best first. Text is
// plain words; an empty query, or one with no letters or digits, returns no
// hits, unless it has filters: then it lists what they select.
func (db *DB) Search(ctx context.Context, q store.SearchQuery) ([]store.Hit, error) {
	if strings.TrimSpace(q.Text) == "" && q.Filtered() {
		return db.filtered(ctx, q)
	}
	match := db.dialect.MatchQuery(q.Text)
	if match == "" {
		return nil, nil
	}
	limit := q.Limit
	if limit <= 0 {
		limit = defaultSearchLimit
	}
	w := where{args: []any{match, limit, max(q.Offset, 0)}}
	if err := searchFilters(&w, q); err != nil {
		return nil, fmt.Errorf("search %q: %w", q.Text, err)
	}
	filters := "TRUE"
	if len(w.conds) > 0 {
		filters = strings.Join(w.conds, " AND ")
	}
	rows, err := db.read.QueryContext(ctx, db.dialect.SearchSQL(filters), w.args...)
	if err != nil {
		return nil, fmt.Errorf("search %q: %w", q.Text, err)
	}
	defer rows.Close()
	var hits []store.Hit
	for rows.Next() {
		var h store.Hit
		var snippet sql.NullString
		if h.Document, err = scanDocument(rows, &snippet, &h.Rank); err != nil {
			return nil, fmt.Errorf("search %q: %w", q.Text, err)
		}
		h.Snippet = snippet.String
		hits = append(hits, h)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("search %q: %w", q.Text, err)
	}
	return hits, nil
}

// Stats counts what the store holds.
func (db *DB) Stats(ctx context.Context) (store.Stats, error) {
	var s store.Stats
	err := db.read.QueryRowContext(ctx,
		`SELECT count(*), count(duplicate_of), count(DISTINCT source),
			(SELECT count(*) FROM analyses), (SELECT count(*) FROM mentions),
			(SELECT count(*) FROM entities WHERE documents > 0),
			(SELECT count(*) FROM quotes), (SELECT count(*) FROM statements WHERE quotes > 0),
			(SELECT count(*) FROM events e WHERE `+listedEvent+`) FROM documents`,
	).Scan(&s.Documents, &s.Duplicates, &s.Sources, &s.Analyzed, &s.Mentions, &s.Entities,
		&s.Quotes, &s.Statements, &s.Events)
	if err != nil {
		return store.Stats{}, fmt.Errorf("count documents: %w", err)
	}
	return s, nil
}

// querier is what *sql.DB and *sql.Tx share, so that reads are written once
// for both.
type querier interface {
	QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error)
	QueryRowContext(ctx context.Context, query string, args ...any) *sql.Row
}

// document reads the document with id through q.
func document(ctx context.Context, q querier, id string) (news.Document, error) {
	row := q.QueryRowContext(ctx, `SELECT `+DocumentColumns+` FROM documents d WHERE d.id = $1`, id)
	d, err := scanDocument(row)
	if errors.Is(err, sql.ErrNoRows) {
		return news.Document{}, fmt.Errorf("document %s: %w", id, store.ErrNotFound)
	}
	if err != nil {
		return news.Document{}, fmt.Errorf("read document %s: %w", id, err)
	}
	return d, nil
}
