// Package lang identifies the language an article is written in, cheaply
// enough to run on every article at ingest.
//
// Detect looks at a prefix of the text only. It first counts letters per
// Unicode script, which settles most non-Latin languages outright (with a
// few letter-frequency tests inside Cyrillic and Arabic script), and scores
// Latin-script text by the function words and diacritic letters of each
// language it knows. It answers with an ISO 639-1 code, or "" when the
// evidence is too thin to be trusted: callers should treat "" as
// "unknown", not as an error.
//
// The package holds no mutable state; Detect is safe for concurrent use.
package lang
