// Package sqlstore implements store.Store over database/sql, once, for the
// SQL databases Parallax runs on. The sqlite and postgres packages open a
// connection pool, describe what differs in a Dialect (migrations, the
// full-text query) and hand both to New; everything else, from row scanning
// to transactions and migrations, lives here.
//
// Queries use $1, $2, ... placeholders, which PostgreSQL and SQLite (through
// modernc.org/sqlite) both accept, and only SQL the two share:
// INSERT ... ON CONFLICT ... RETURNING, LIMIT/OFFSET, count(DISTINCT).
package sqlstore
