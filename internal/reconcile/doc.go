// Package reconcile holds Parallax's cross-document work. Each step is
// incremental: a new document is compared only with its candidates, found
// through keys kept in the store (LSH bands for near-duplicates), never with
// the whole corpus.
package reconcile
