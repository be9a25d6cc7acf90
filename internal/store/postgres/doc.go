// Package postgres is the Parallax store on a PostgreSQL server, for a
// corpus shared by many workers. It connects with github.com/jackc/pgx/v5
// through its database/sql adapter and searches with a generated tsvector
// column under a GIN index.
package postgres
