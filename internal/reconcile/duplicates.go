package reconcile

import (
	"context"
	"fmt"

	"github.com/parallax-news/parallax/internal/news"
	"github.com/parallax-news/parallax/internal/store"
)

// Fingerprint is what near-duplicate detection needs of a document. It is a
// pure function of the text, so it can be computed before the store is
// touched, in parallel.
type Fingerprint struct {
	Signature []uint32
	Bands     []uint64
}

// NewFingerprint computes the fingerprint of a normalized text.
func NewFingerprint(text string) Fingerprint {
	sig := Signature(text)
	return Fingerprint{Signature: sig, Bands: Bands(sig)}
}

// LinkDuplicates records the fingerprint of the stored document doc and
// links it with its near-duplicates: every document whose estimated
// similarity reaches DuplicateThreshold. All copies of one text point, via
// DuplicateOf, at the earliest copy (by publication date where both are
// known, else by ingest order); when doc is earlier than the copies already
// stored, they are moved to point at doc. doc.DuplicateOf is updated.
//
// Only the documents sharing an LSH band with doc are read, so the cost does
// not grow with the size of the corpus.
func LinkDuplicates(ctx context.Context, tx store.Tx, doc *news.Document, fp Fingerprint) error {
	cands, err := tx.Candidates(ctx, fp.Bands)
	if err != nil {
		return fmt.Errorf("find near-duplicates of %s: %w", doc.ID, err)
	}
	if err := tx.PutSketch(ctx, doc.ID, fp.Signature, fp.Bands); err != nil {
		return fmt.Errorf("store sketch of %s: %w", doc.ID, err)
	}
	self := store.Sketch{ID: doc.ID, Published: doc.Published, Seq: doc.Seq}
	root := self
	roots := map[string]bool{}
	for _, c := range cands {
		if c.ID == doc.ID || Similarity(fp.Signature, c.Signature) < DuplicateThreshold {
			continue
		}
		r := c
		if c.DuplicateOf != "" {
			if roots[c.DuplicateOf] {
				continue
			}
			rd, err := tx.Document(ctx, c.DuplicateOf)
			if err != nil {
				return fmt.Errorf("read copy %s of %s: %w", c.DuplicateOf, doc.ID, err)
			}
			r = store.Sketch{ID: rd.ID, Published: rd.Published, Seq: rd.Seq}
		}
		if roots[r.ID] {
			continue
		}
		roots[r.ID] = true
		if earlier(r, root) {
			root = r
		}
	}
	if len(roots) == 0 {
		return nil
	}
	// Every copy found, and every copy already pointing at one of them, now
	// points at the earliest.
	var moved []string
	for r := range roots {
		if r == root.ID {
			continue
		}
		dups, err := tx.Duplicates(ctx, r)
		if err != nil {
			return fmt.Errorf("read copies of %s: %w", r, err)
		}
		moved = append(moved, r)
		moved = append(moved, dups...)
	}
	if root.ID != doc.ID {
		moved = append(moved, doc.ID)
		doc.DuplicateOf = root.ID
	}
	if err := tx.SetDuplicateOf(ctx, moved, root.ID); err != nil {
		return fmt.Errorf("mark copies of %s: %w", root.ID, err)
	}
	return nil
}

// earlier reports whether a was published before b: by publication date
// where both are known and differ, else by ingest order.
func earlier(a, b store.Sketch) bool {
	if a.Published != "" && b.Published != "" && a.Published[:min(10, len(a.Published))] != b.Published[:min(10, len(b.Published))] {
		return a.Published < b.Published
	}
	return a.Seq < b.Seq
}
