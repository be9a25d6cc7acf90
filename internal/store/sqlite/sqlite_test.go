package sqlite_test

import (
	"crypto/sha256"
	"database/sql"
	"encoding/hex"
	"errors"
	"fmt"
	"hash/fnv"
	"io/fs"
	"net/url"
	"os"
	"path/filepath"
	"testing"
	"unicode/utf8"

	"github.com/parallax-news/parallax/internal/news"
	"github.com/parallax-news/parallax/internal/store"
	"github.com/parallax-news/parallax/internal/store/sqlite"
	"github.com/parallax-news/parallax/internal/store/storetest"
)

func TestStore(t *testing.T) {
	dir := t.TempDir()
	storetest.Run(t, func(t *testing.T) store.Store {
		// The same test gets the same file, so that the suite can reopen it.
		sum := sha256.Sum256([]byte(t.Name()))
		db, err := sqlite.Open(t.Context(), filepath.Join(dir, hex.EncodeToString(sum[:8])+".db"))
		if err != nil {
			t.Fatal(err)
		}
		return db
	})
}

func TestOpen(t *testing.T) {
	ctx := t.Context()
	path := filepath.Join(t.TempDir(), "new dir", "parallax?#%.db")
	for range 2 {
		db, err := sqlite.Open(ctx, path)
		if err != nil {
			t.Fatal(err)
		}
		if err := db.Close(); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := os.Stat(path); err != nil {
		t.Fatalf("database file: %v", err)
	}

	// Look at the file as any SQLite client would.
	raw, err := sql.Open("sqlite", (&url.URL{Scheme: "file", Path: path}).String())
	if err != nil {
		t.Fatal(err)
	}
	defer raw.Close()
	var mode string
	if err := raw.QueryRowContext(ctx, `PRAGMA journal_mode`).Scan(&mode); err != nil || mode != "wal" {
		t.Errorf("journal_mode = %q (%v), want wal", mode, err)
	}
	files, _ := fs.Glob(os.DirFS("migrations"), "*.sql")
	var n int
	if err := raw.QueryRowContext(ctx, `SELECT count(*) FROM schema_migrations`).Scan(&n); err != nil || n != len(files) {
		t.Errorf("schema_migrations has %d rows (%v) after opening twice, want 1 per migration", n, err)
	}

	for _, bad := range []string{"", ":memory:", "file:x.db"} {
		if db, err := sqlite.Open(ctx, bad); err == nil {
			db.Close()
			t.Errorf("Open(%q) succeeded, want an error", bad)
		}
	}
}

// TestSearchIndex checks the FTS5 index against the documents after the
// writes that touch it: the store indexes new documents at commit, and
// triggers follow later changes.
func TestSearchIndex(t *testing.T) {
	ctx := t.Context()
	path := filepath.Join(t.TempDir(), "parallax.db")
	db, err := sqlite.Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	doc := func(id, title string) *news.Document {
		return &news.Document{ID: id, Title: title, Text: "Text of " + id + " about rivers."}
	}
	steps := []func(tx store.Tx) error{
		func(tx store.Tx) error { return tx.InsertDocument(ctx, doc("a", "First")) },
		func(tx store.Tx) error {
			b := doc("b", "Second")
			if err := tx.InsertDocument(ctx, b); err != nil {
				return err
			}
			b.Title = "Second, retitled"
			if err := tx.UpdateMetadata(ctx, b); err != nil {
				return err
			}
			return tx.InsertDocument(ctx, doc("c", "Third"))
		},
		func(tx store.Tx) error { return tx.UpdateMetadata(ctx, doc("a", "")) },
		func(tx store.Tx) error {
			if err := tx.InsertDocument(ctx, doc("d", "Rolled back")); err != nil {
				return err
			}
			return errors.New("roll back")
		},
		func(tx store.Tx) error { return tx.InsertDocument(ctx, doc("e", "Fifth")) },
	}
	for _, step := range steps {
		_ = db.Update(ctx, step)
	}

	raw, err := sql.Open("sqlite", path)
	if err != nil {
		t.Fatal(err)
	}
	defer raw.Close()
	// rank 1: compare the index with the content of the documents table.
	if _, err := raw.ExecContext(ctx, `INSERT INTO documents_fts (documents_fts, rank) VALUES ('integrity-check', 1)`); err != nil {
		t.Errorf("full-text index out of step with the documents: %v", err)
	}
	hits, err := db.Search(ctx, store.SearchQuery{Text: "rivers"})
	if err != nil || len(hits) != 4 {
		t.Errorf("search: %d hits (%v), want 4", len(hits), err)
	}
}

// BenchmarkInsert stores BBC articles with their sketches, 200 per Update as
// ingest does, to show the store keeps up with ~2,000 articles/s.
func BenchmarkInsert(b *testing.B) {
	texts := bbcTexts(b)
	db, err := sqlite.Open(b.Context(), filepath.Join(b.TempDir(), "bench.db"))
	if err != nil {
		b.Fatal(err)
	}
	defer db.Close()

	const batch, hashes, bands = 200, 128, 32
	var n, bytes int
	b.ReportAllocs()
	for b.Loop() {
		err := db.Update(b.Context(), func(tx store.Tx) error {
			for range batch {
				text := texts[n%len(texts)]
				d := &news.Document{
					ID:     fmt.Sprintf("%016x", n), // texts repeat; ids must not
					Origin: "bbc", Source: "BBC News", Title: fmt.Sprintf("Article %d", n),
					Language: "en", Published: "2005-02-14", Text: text,
				}
				if err := tx.InsertDocument(b.Context(), d); err != nil {
					return err
				}
				sig, keys := sketch(n, hashes, bands)
				if err := tx.PutSketch(b.Context(), d.ID, sig, keys); err != nil {
					return err
				}
				n++
				bytes += len(text)
			}
			return nil
		})
		if err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(n)/b.Elapsed().Seconds(), "docs/s")
	b.ReportMetric(float64(bytes)/1e6/b.Elapsed().Seconds(), "MB/s")
}

// bbcTexts returns the BBC articles of the shared data, skipping b if they
// are not there.
func bbcTexts(b *testing.B) []string {
	b.Helper()
	files, _ := filepath.Glob("../../../../shared/data/bbc/*/*.txt")
	var texts []string
	for _, f := range files {
		buf, err := os.ReadFile(f)
		if err != nil {
			b.Fatal(err)
		}
		if utf8.Valid(buf) {
			texts = append(texts, string(buf))
		}
	}
	if len(texts) == 0 {
		b.Skip("no BBC articles in ../shared/data/bbc")
	}
	return texts
}

// sketch returns a made-up MinHash signature and band keys for document n:
// the store only moves them, so their values do not matter, only their size.
func sketch(n, hashes, bands int) ([]uint32, []uint64) {
	sig := make([]uint32, hashes)
	for i := range sig {
		h := fnv.New32a()
		fmt.Fprintf(h, "%d/%d", n, i)
		sig[i] = h.Sum32()
	}
	keys := make([]uint64, bands)
	for i := range keys {
		h := fnv.New64a()
		fmt.Fprintf(h, "%d/%d", n%1000, i) // documents share keys, as near-duplicates do
		keys[i] = h.Sum64()
	}
	return sig, keys
}
