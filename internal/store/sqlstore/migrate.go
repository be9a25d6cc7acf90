package sqlstore

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"io/fs"
	"path"
	"regexp"
	"slices"
	"time"
)

// Migrate applies the migrations in the directory "migrations" of fsys that
// db has not recorded yet, in name order, each in its own transaction together with its row in
// schema_migrations, so that a migration lands whole or not at all and never
// runs twice. Names must look like 0001_init.sql. If lock is not empty it
// runs first in every transaction (PostgreSQL's pg_advisory_xact_lock), so
// that processes starting at once take turns instead of racing to create the
// same tables.
func Migrate(ctx context.Context, db *sql.DB, fsys fs.FS, lock string) error {
	paths, err := fs.Glob(fsys, "migrations/*.sql")
	if err != nil {
		return fmt.Errorf("list migrations: %w", err)
	}
	if len(paths) == 0 {
		return errors.New("no migrations")
	}
	valid := regexp.MustCompile(`^[0-9]{4}_[a-z0-9_]+\.sql$`)
	for _, p := range paths {
		if !valid.MatchString(path.Base(p)) {
			return fmt.Errorf("migration %s: want a name like 0001_init.sql", p)
		}
	}
	slices.Sort(paths)
	for _, p := range paths {
		if err := migrateFile(ctx, db, fsys, p, lock); err != nil {
			return fmt.Errorf("migration %s: %w", path.Base(p), err)
		}
	}
	return nil
}

// migrateFile applies the migration file unless schema_migrations records
// its name.
func migrateFile(ctx context.Context, db *sql.DB, fsys fs.FS, file, lock string) error {
	name := path.Base(file)
	tx, err := db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer func() { _ = tx.Rollback() }()

	if lock != "" {
		if _, err := tx.ExecContext(ctx, lock); err != nil {
			return fmt.Errorf("lock: %w", err)
		}
	}
	// Created here, under the lock, rather than once up front: two
	// PostgreSQL sessions running CREATE TABLE IF NOT EXISTS at the same
	// time can still collide.
	if _, err := tx.ExecContext(ctx, `CREATE TABLE IF NOT EXISTS schema_migrations (
		name TEXT PRIMARY KEY,
		applied_at TEXT NOT NULL
	)`); err != nil {
		return fmt.Errorf("create schema_migrations: %w", err)
	}
	var n int
	if err := tx.QueryRowContext(ctx, `SELECT count(*) FROM schema_migrations WHERE name = $1`, name).Scan(&n); err != nil {
		return fmt.Errorf("read schema_migrations: %w", err)
	}
	if n > 0 {
		return nil
	}

	script, err := fs.ReadFile(fsys, file)
	if err != nil {
		return err
	}
	if _, err := tx.ExecContext(ctx, string(script)); err != nil {
		return err
	}
	if _, err := tx.ExecContext(ctx, `INSERT INTO schema_migrations (name, applied_at) VALUES ($1, $2)`,
		name, time.Now().UTC().Format(time.RFC3339)); err != nil {
		return fmt.Errorf("record: %w", err)
	}
	return tx.Commit()
}
