// Package sqlite is the embedded Parallax store: one SQLite file, opened
// with the pure-Go driver modernc.org/sqlite, so Parallax needs no C
// toolchain and no server. Full-text search uses FTS5.
//
// SQLite allows one writer at a time. DB keeps a single connection for
// writes, so concurrent Update calls queue in Go (and honour their context)
// rather than fail with SQLITE_BUSY, and a pool of read-only connections for
// everything else; in WAL mode the readers never wait for the writer.
package sqlite
