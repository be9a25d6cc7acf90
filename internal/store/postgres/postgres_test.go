package postgres_test

import (
	"context"
	"crypto/rand"
	"crypto/sha256"
	"database/sql"
	"encoding/hex"
	"io/fs"
	"net/url"
	"os"
	"strings"
	"sync"
	"testing"

	_ "github.com/jackc/pgx/v5/stdlib" // registers the "pgx" database/sql driver

	"github.com/parallax-news/parallax/internal/store"
	"github.com/parallax-news/parallax/internal/store/postgres"
	"github.com/parallax-news/parallax/internal/store/storetest"
)

// dsnEnv names the environment variable with the DSN of the server to test
// on, as scripts/pg.sh start prints it.
const dsnEnv = "PARALLAX_TEST_POSTGRES"

func TestStore(t *testing.T) {
	admin := adminDB(t)
	run := randomHex(t)
	var mu sync.Mutex
	created := map[string]bool{}
	storetest.Run(t, func(t *testing.T) store.Store {
		// Each test has its own schema; the same test gets the same schema
		// back, so that the suite can reopen it.
		sum := sha256.Sum256([]byte(t.Name()))
		schema := "parallax_test_" + run + "_" + hex.EncodeToString(sum[:6])
		mu.Lock()
		first := !created[schema]
		created[schema] = true
		mu.Unlock()
		if first {
			createSchema(t, admin, schema)
		}
		db, err := postgres.Open(t.Context(), withSearchPath(t, schema))
		if err != nil {
			t.Fatal(err)
		}
		return db
	})
}

// TestOpenConcurrently starts many stores on one fresh schema at once, as
// workers starting together do: the migration lock must make them take turns.
func TestOpenConcurrently(t *testing.T) {
	admin := adminDB(t)
	schema := "parallax_test_" + randomHex(t) + "_concurrent"
	createSchema(t, admin, schema)
	dsn := withSearchPath(t, schema)

	const n = 8
	var wg sync.WaitGroup
	errs := make(chan error, n)
	for range n {
		wg.Go(func() {
			db, err := postgres.Open(t.Context(), dsn)
			if err == nil {
				err = db.Close()
			}
			errs <- err
		})
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		if err != nil {
			t.Error(err)
		}
	}
	var applied int
	err := admin.QueryRowContext(t.Context(), `SELECT count(*) FROM `+schema+`.schema_migrations`).Scan(&applied)
	files, _ := fs.Glob(os.DirFS("migrations"), "*.sql")
	if err != nil || applied != len(files) {
		t.Errorf("schema_migrations has %d rows (%v), want 1 per migration", applied, err)
	}
}

// adminDB connects to the server named by PARALLAX_TEST_POSTGRES, skipping t
// when it is not set.
func adminDB(t *testing.T) *sql.DB {
	t.Helper()
	dsn := os.Getenv(dsnEnv)
	if dsn == "" {
		t.Skip(dsnEnv + " is not set: to run the PostgreSQL tests, start a server with\n" +
			"\texport " + dsnEnv + "=$(scripts/pg.sh start /tmp/parallax-pg)\n" +
			"and stop it afterwards with scripts/pg.sh stop /tmp/parallax-pg")
	}
	db, err := sql.Open("pgx", dsn)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	if err := db.PingContext(t.Context()); err != nil {
		t.Fatalf("connect to %s: %v", dsnEnv, err)
	}
	return db
}

// createSchema creates schema and drops it, with everything in it, when t
// ends.
func createSchema(t *testing.T, admin *sql.DB, schema string) {
	t.Helper()
	if _, err := admin.ExecContext(t.Context(), `CREATE SCHEMA `+schema); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		// t.Context is done by now.
		if _, err := admin.ExecContext(context.Background(), `DROP SCHEMA `+schema+` CASCADE`); err != nil {
			t.Errorf("drop schema %s: %v", schema, err)
		}
	})
}

// withSearchPath returns the DSN of PARALLAX_TEST_POSTGRES with schema as the
// search_path, so that the store's tables go there.
func withSearchPath(t *testing.T, schema string) string {
	t.Helper()
	dsn := os.Getenv(dsnEnv)
	if !strings.HasPrefix(dsn, "postgres://") && !strings.HasPrefix(dsn, "postgresql://") {
		return dsn + " search_path=" + schema // key=value form
	}
	u, err := url.Parse(dsn)
	if err != nil {
		t.Fatalf("parse %s: %v", dsnEnv, err)
	}
	q := u.Query()
	q.Set("search_path", schema)
	u.RawQuery = q.Encode()
	return u.String()
}

// randomHex returns 8 random hex digits, to keep the schemas of concurrent
// test runs apart.
func randomHex(t *testing.T) string {
	t.Helper()
	b := make([]byte, 4)
	if _, err := rand.Read(b); err != nil {
		t.Fatal(err)
	}
	return hex.EncodeToString(b)
}
