// Package store defines how Parallax keeps what it reads: one interface,
// implemented by the sqlite and postgres packages and checked by the
// conformance suite in storetest, so both behave the same.
package store

import (
	"context"
	"errors"

	"github.com/parallax-news/parallax/internal/news"
)

// ErrNotFound is returned when a requested object is not in the store.
var ErrNotFound = errors.New("not found")

// Store is a Parallax store. Every method is safe for concurrent use.
type Store interface {
	// Update runs fn in one transaction: either all of its writes land or,
	// if fn or the commit fails or ctx is cancelled, none do.
	Update(ctx context.Context, fn func(Tx) error) error

	// Document returns the document with id, or ErrNotFound.
	Document(ctx context.Context, id string) (news.Document, error)
	// Documents returns documents in ingest order (by Seq) that match q.
	Documents(ctx context.Context, q DocumentQuery) ([]news.Document, error)
	// Search runs a full-text query over titles and texts, best first.
	// The query is plain words as a user types them; an empty query returns
	// no hits. Query syntax characters never cause an error.
	Search(ctx context.Context, q SearchQuery) ([]Hit, error)
	// Stats counts what the store holds.
	Stats(ctx context.Context) (Stats, error)
	// Analysis returns the stored analysis of document id: a zero Analysis
	// (Version 0) when the document has not been analysed, ErrNotFound when
	// there is no such document.
	Analysis(ctx context.Context, id string) (news.Analysis, error)
	// Unanalyzed returns up to limit documents, in Seq order after
	// afterSeq, whose analysis is missing or older than version.
	Unanalyzed(ctx context.Context, version int, afterSeq int64, limit int) ([]news.Document, error)
	// Duplicates returns the documents marked as near-duplicates of id, in
	// Seq order.
	Duplicates(ctx context.Context, id string) ([]news.Document, error)

	// Close releases the store's resources.
	Close() error
}

// Tx is the view of the store inside an Update transaction. It sees its own
// writes.
type Tx interface {
	// Document returns the document with id, or ErrNotFound.
	Document(ctx context.Context, id string) (news.Document, error)
	// InsertDocument stores a new document. It sets d.Seq (increasing in
	// insertion order) and d.IngestedAt (if zero, to the current time).
	// It returns an error wrapping ErrExists if d.ID is already stored.
	InsertDocument(ctx context.Context, d *news.Document) error
	// UpdateMetadata replaces the metadata of the stored document d.ID:
	// URL, Source, Title, Authors, Published, Language, Dateline and
	// Inferred. Text, Origin, Seq and IngestedAt never change.
	UpdateMetadata(ctx context.Context, d *news.Document) error

	// PutSketch stores the MinHash signature of document id and its LSH band
	// keys, replacing any it had.
	PutSketch(ctx context.Context, id string, signature []uint32, bands []uint64) error
	// Candidates returns the sketch of every document that shares at least
	// one band key with bands, each once, in Seq order.
	Candidates(ctx context.Context, bands []uint64) ([]Sketch, error)
	// SetDuplicateOf records that each of ids is a near-duplicate of the
	// document of; an empty of clears the mark.
	SetDuplicateOf(ctx context.Context, ids []string, of string) error
	// Duplicates returns the ids of the documents marked as duplicates of id,
	// in Seq order.
	Duplicates(ctx context.Context, id string) ([]string, error)

	// PutAnalysis stores the analysis of document id, replacing any it
	// had. It returns an error wrapping ErrNotFound if id is not stored.
	PutAnalysis(ctx context.Context, id string, a news.Analysis) error
}

// ErrExists is returned when inserting an object whose id is already stored.
var ErrExists = errors.New("already exists")

// Sketch is what near-duplicate detection keeps of a stored document.
type Sketch struct {
	ID          string
	Signature   []uint32
	Published   string
	Seq         int64
	DuplicateOf string
}

// DocumentQuery selects documents. The zero value selects all of them.
type DocumentQuery struct {
	AfterSeq int64  // only documents with Seq > AfterSeq (keyset paging)
	Source   string // only documents of this outlet, if set
	Limit    int    // at most this many; 0 means no limit
	Offset   int    // skip this many first
}

// SearchQuery is a full-text search.
type SearchQuery struct {
	Text   string
	Limit  int // 0 means 20
	Offset int
}

// Hit is one search result.
type Hit struct {
	Document news.Document
	// Snippet is plain text from the document around the match; callers
	// escape it before showing it.
	Snippet string
	Rank    float64 // higher is better; only comparable within one search
}

// Stats counts what the store holds.
type Stats struct {
	Documents  int // every stored document
	Duplicates int // documents marked as near-duplicates of another
	Sources    int // distinct outlets
	Analyzed   int // documents with an analysis
	Mentions   int // names found in them
}
