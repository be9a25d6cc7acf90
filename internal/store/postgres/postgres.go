package postgres

import (
	"context"
	"database/sql"
	"embed"
	"fmt"
	"runtime"
	"strings"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/stdlib"

	"github.com/parallax-news/parallax/internal/store/sqlstore"
)

//go:embed migrations/*.sql
var migrations embed.FS

// DB is a Parallax store in a PostgreSQL database. It implements
// store.Store; every method is safe for concurrent use.
type DB struct {
	*sqlstore.DB
}

// Open connects to the PostgreSQL database at dsn (a postgres:// URL or
// key=value settings, as libpq takes them) and applies the migrations it has
// not applied yet. Tables go to the first schema of the search_path, which
// the DSN may set (search_path=NAME). Many processes may Open the same
// database at once: they migrate one after another.
func Open(ctx context.Context, dsn string) (*DB, error) {
	cfg, err := pgx.ParseConfig(dsn)
	if err != nil {
		// pgx leaves the password out of its errors; so do we, by not
		// repeating dsn.
		return nil, fmt.Errorf("open postgres: %w", err)
	}
	where := fmt.Sprintf("%s@%s:%d/%s", cfg.User, cfg.Host, cfg.Port, cfg.Database)
	// Two pools, so that reads made while Update holds write connections
	// (even from inside an Update) never wait for one; both bounded, so
	// that many workers stay under the server's max_connections.
	write, read := stdlib.OpenDB(*cfg), stdlib.OpenDB(*cfg)
	setPoolSize(write, 4)
	setPoolSize(read, max(4, 2*runtime.GOMAXPROCS(0)))
	if err := write.PingContext(ctx); err != nil {
		_ = write.Close()
		_ = read.Close()
		return nil, fmt.Errorf("open postgres %s: %w", where, err)
	}
	db, err := sqlstore.New(ctx, read, write, dialect())
	if err != nil {
		return nil, fmt.Errorf("open postgres %s: %w", where, err)
	}
	return &DB{DB: db}, nil
}

// setPoolSize keeps up to n connections of pool open, idle or not.
func setPoolSize(pool *sql.DB, n int) {
	pool.SetMaxOpenConns(n)
	pool.SetMaxIdleConns(n)
}

// migrationLockID names the advisory lock migrations take: any constant
// will do, as long as it is always the same one.
const migrationLockID = 7_261_696_378

// writeLockID names the advisory lock every write transaction takes, so
// that workers ingesting into one database at once link near-duplicates
// and entities against each other's writes, never past them.
const writeLockID = 7_261_696_379

// headlineOptions make ts_headline return plain text: no <b> markers
// around matches.
const headlineOptions = `StartSel="", StopSel="", MinWords=15, MaxWords=35`

// dialect describes PostgreSQL to sqlstore.
func dialect() sqlstore.Dialect {
	return sqlstore.Dialect{
		Name:          "postgres",
		Migrations:    migrations,
		MigrationLock: fmt.Sprintf(`SELECT pg_advisory_xact_lock(%d)`, migrationLockID),
		WriteLock:     fmt.Sprintf(`SELECT pg_advisory_xact_lock(%d)`, writeLockID),
		// Rank and page first, then make headlines for that page only:
		// ts_headline parses the whole text again.
		SearchSQL: func(filters string) string {
			return `WITH q AS (SELECT plainto_tsquery('simple', $1) AS query),
			page AS (
				SELECT d.seq, ts_rank(d.search, q.query) AS rank
				FROM documents d, q
				WHERE d.search @@ q.query AND ` + filters + `
				ORDER BY rank DESC, d.seq
				LIMIT $2 OFFSET $3)
			SELECT ` + sqlstore.DocumentColumns + `,
				ts_headline('simple', d.text, q.query, '` + headlineOptions + `'),
				page.rank
			FROM page JOIN documents d ON d.seq = page.seq, q
			ORDER BY page.rank DESC, d.seq`
		},
		MatchQuery: matchQuery,
	}
}

// matchQuery returns the words of text, separated by spaces, for
// plainto_tsquery, which matches documents having all of them. Only the
// words go: plainto_tsquery ignores operators anyway, but PostgreSQL rejects
// a NUL byte or invalid UTF-8 in text, and both backends should read a query
// the same way.
func matchQuery(text string) string {
	return strings.Join(sqlstore.Terms(text), " ")
}
