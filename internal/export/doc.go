// Package export writes what a store holds in the formats of the export
// contract (docs/export.md): json (schema parallax/v1), jsonl, csv and md.
// Writers stream: memory does not grow with the size of the store.
package export
