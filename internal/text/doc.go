// Package text holds Parallax's text primitives: the normalization every
// stored article goes through once at ingest, after which byte offsets into
// the text are stable.
package text
