package ingest

// Article is what a reader found in one input, before normalization and
// identity: metadata as the input gives it and the article's text.
//
// Readers fill what their format carries; "" means not given. Text is
// plain text with paragraphs separated by a blank line ("\n\n"); it may
// still need normalization (see text.Normalize).
type Article struct {
	ID        string // the input's own id, if any (kept for reference only)
	Origin    string // where it came from; the reader's caller fills this in if empty
	URL       string
	Source    string // outlet
	Title     string
	Authors   []string
	Published string // ISO 8601, already checked with news.ParsePublished
	Language  string
	Text      string

	// Inferred names the fields above that the reader inferred rather than
	// read (for example Source from the URL host); see news.Field*.
	Inferred []string
}
