// Package ingest turns sources (files, directories, URLs, standard input) in
// the formats news comes in (plain text, HTML pages, JSON and JSONL articles,
// RSS and Atom feeds) into normalized documents with their metadata, kept
// where the input gives it and inferred, and marked so, where it doesn't.
//
// Reading never stops at a bad input: every failure is reported with the
// source (and line or item) it came from, and reading goes on.
package ingest
