package sqlite

import (
	"context"
	"database/sql"
	"embed"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"runtime"
	"strings"

	_ "modernc.org/sqlite" // registers the "sqlite" database/sql driver

	"github.com/parallax-news/parallax/internal/store/sqlstore"
)

//go:embed migrations/*.sql
var migrations embed.FS

// busyTimeoutMillis is how long a connection waits for a lock held by
// another process (another parallax on the same file) before failing.
const busyTimeoutMillis = 10_000

// DB is a Parallax store in one SQLite file. It implements store.Store; every
// method is safe for concurrent use.
type DB struct {
	*sqlstore.DB
}

// Open opens the SQLite store at path, creating the file and its directory if
// needed, and applies the migrations it has not applied yet. path is a file
// path; an in-memory database is not supported, since readers and the writer
// use separate connections.
func Open(ctx context.Context, path string) (*DB, error) {
	if path == "" || path == ":memory:" || strings.HasPrefix(path, "file:") {
		return nil, fmt.Errorf("open sqlite %q: want a file path", path)
	}
	abs, err := filepath.Abs(path)
	if err != nil {
		return nil, fmt.Errorf("open sqlite %s: %w", path, err)
	}
	if err := os.MkdirAll(filepath.Dir(abs), 0o755); err != nil {
		return nil, fmt.Errorf("open sqlite %s: %w", path, err)
	}

	// Every connection gets these settings from the DSN, so that a pooled
	// connection opened later has them too.
	params := url.Values{
		"_busy_timeout": {fmt.Sprint(busyTimeoutMillis)},
		// WAL: readers work on a snapshot and never block the writer, nor
		// it them, and a crash mid-write leaves the last commit intact.
		"_journal_mode": {"WAL"},
		// NORMAL is safe in WAL mode: a power cut can lose the last
		// commits, never corrupt the file; FULL would fsync every commit.
		"_synchronous":  {"NORMAL"},
		"_foreign_keys": {"1"},
		"_time_format":  {"sqlite"}, // times as sortable UTC text, not Go's String()
	}
	dsn := func(extra url.Values) string {
		q := url.Values{}
		for k, v := range params {
			q[k] = v
		}
		for k, v := range extra {
			q[k] = v
		}
		return (&url.URL{Scheme: "file", Path: abs, RawQuery: q.Encode()}).String()
	}

	// One connection for writes: SQLite has one writer at a time, and
	// queueing for the connection in Go honours ctx where SQLite's own
	// busy wait would not. BEGIN IMMEDIATE takes the write lock up front,
	// so that another process writing to the file makes us wait at BEGIN
	// rather than fail midway when a read would upgrade to a write. Its
	// page cache is 64 MiB rather than 2: a batch of documents dirties
	// pages all over the band index, and a full cache spills them to the
	// WAL before the commit. Temporary storage is in memory: statement
	// journals of multi-row writes otherwise go to temporary files, a
	// write system call per page (most of ingest's I/O when measured).
	// The WAL is checkpointed every 64 MiB rather than 4: a page that
	// several batches change is copied into the database once.
	write, err := sql.Open("sqlite", dsn(url.Values{
		"_txlock": {"immediate"},
		"_pragma": {"cache_size(-65536)", "temp_store(memory)", "wal_autocheckpoint(16384)"},
	}))
	if err != nil {
		return nil, fmt.Errorf("open sqlite %s: %w", path, err)
	}
	write.SetMaxOpenConns(1)
	write.SetMaxIdleConns(1)
	write.SetConnMaxLifetime(0)
	write.SetConnMaxIdleTime(0)
	if err := write.PingContext(ctx); err != nil {
		_ = write.Close()
		return nil, fmt.Errorf("open sqlite %s: %w", path, err)
	}

	// Readers map the file into memory (up to 1 GiB) and keep 16 MiB of
	// pages each rather than 2: the pages a request reads (a page of
	// documents, an event's thousands of reports) are all over the file,
	// and with the default cache every one is a read system call, most of
	// the time a large store takes to answer.
	read, err := sql.Open("sqlite", dsn(url.Values{"_query_only": {"1"},
		"_pragma": {"cache_size(-16384)", "mmap_size(1073741824)"}}))
	if err != nil {
		_ = write.Close()
		return nil, fmt.Errorf("open sqlite %s: %w", path, err)
	}
	readers := max(4, runtime.GOMAXPROCS(0))
	read.SetMaxOpenConns(readers)
	read.SetMaxIdleConns(readers)

	db, err := sqlstore.New(ctx, read, write, dialect())
	if err != nil {
		return nil, fmt.Errorf("open sqlite %s: %w", path, err)
	}
	return &DB{DB: db}, nil
}

// dialect describes SQLite to sqlstore.
func dialect() sqlstore.Dialect {
	return sqlstore.Dialect{
		Name:       "sqlite",
		Migrations: migrations,
		// bm25 is lower for better matches; titles weigh as much as four
		// texts. The snippet comes from the text (column 1) with no
		// markers, as plain text. CROSS JOIN keeps the full-text match as
		// the outer loop: with filters on indexed columns (outlet, dates)
		// SQLite would otherwise scan the filtered documents and run the
		// match once for each.
		SearchSQL: func(filters string) string {
			return `SELECT ` + sqlstore.DocumentColumns + `,
				snippet(documents_fts, 1, '', '', '', 24),
				-bm25(documents_fts, 4.0, 1.0)
			FROM documents_fts CROSS JOIN documents d ON d.seq = documents_fts.rowid
			WHERE documents_fts MATCH $1 AND ` + filters + `
			ORDER BY bm25(documents_fts, 4.0, 1.0), d.seq
			LIMIT $2 OFFSET $3`
		},
		MatchQuery: matchQuery,
		IndexSQL: `INSERT INTO documents_fts (rowid, title, text)
			SELECT seq, title, text FROM documents WHERE seq BETWEEN $1 AND $2`,
	}
}

// matchQuery turns the words of text into an FTS5 query that matches
// documents having all of them. Each word is an FTS5 string, so nothing the
// user typed is read as FTS5 syntax (AND, NEAR, *, ^, column:, ...).
func matchQuery(text string) string {
	terms := sqlstore.Terms(text)
	quoted := make([]string, len(terms))
	for i, t := range terms {
		quoted[i] = `"` + strings.ReplaceAll(t, `"`, `""`) + `"`
	}
	return strings.Join(quoted, " ")
}
