package news

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"strings"
	"time"
	"unsafe"
)

// Document is one stored article. Text is the normalized UTF-8 text every
// offset in Parallax refers to; it never changes once stored.
//
// String fields use "" for "not known"; exporters turn that into JSON null.
type Document struct {
	ID        string   // stable id derived from Text (see DocumentID)
	Origin    string   // where it came from: path, path:LINE, URL or the input's own origin
	URL       string   // canonical URL of the article, if known
	Source    string   // outlet name, e.g. "Mehr News Agency"
	Title     string   // headline
	Authors   []string // bylines
	Published string   // ISO 8601 with the precision known: 2022-05-08 or 2022-05-08T10:00:00Z
	Language  string   // ISO 639-1 code, e.g. "en"
	Dateline  string   // place of the dateline ("TEHRAN —" gives "Tehran")
	Text      string

	// Inferred lists the metadata fields that Parallax inferred instead of
	// reading them from the input ("source", "title", "language", ...).
	Inferred []string

	DuplicateOf string // id of the earliest near-duplicate copy, if any
	Event       string // id of the main event the article reports, if known

	Seq        int64     // ingest order within the store, assigned by the store
	IngestedAt time.Time // when the store first saw it
}

// Field names used in Document.Inferred.
const (
	FieldSource    = "source"
	FieldTitle     = "title"
	FieldLanguage  = "language"
	FieldPublished = "published"
	FieldDateline  = "dateline"
)

// IsInferred reports whether field was inferred rather than given.
func (d Document) IsInferred(field string) bool {
	for _, f := range d.Inferred {
		if f == field {
			return true
		}
	}
	return false
}

// DocumentID returns the stable id of a document with the given normalized
// text: the first 16 hex digits of its SHA-256. The same text always gets the
// same id, so ingesting an article twice stores it once.
func DocumentID(text string) string {
	// Hashing reads the bytes and keeps none of them, so the string's own
	// memory can be handed over instead of a copy of a whole article.
	sum := sha256.Sum256(unsafe.Slice(unsafe.StringData(text), len(text)))
	return hex.EncodeToString(sum[:8])
}

// Words counts the whitespace-separated words of s; throughput is reported in
// these units.
func Words(s string) int {
	return len(strings.Fields(s))
}

// ErrInvalidDate reports a publication date Parallax cannot read.
var ErrInvalidDate = errors.New("invalid date")

// ParsePublished reads a publication date as the inputs give it: RFC 3339,
// YYYY-MM-DD, YYYY-MM, YYYY, or a few common timestamp layouts. It returns
// the date in ISO 8601 at the precision given: "2022-05-08" stays a day,
// a timestamp becomes RFC 3339 in UTC.
func ParsePublished(s string) (string, error) {
	s = strings.TrimSpace(s)
	if s == "" {
		return "", nil
	}
	for _, l := range []struct{ layout, out string }{
		{"2006-01-02", "2006-01-02"},
		{"2006-01", "2006-01"},
		{"2006", "2006"},
	} {
		if t, err := time.Parse(l.layout, s); err == nil {
			return t.Format(l.out), nil
		}
	}
	for _, layout := range []string{
		time.RFC3339Nano,
		"2006-01-02T15:04:05",
		"2006-01-02 15:04:05",
		"2006-01-02T15:04",
		"2006-01-02 15:04:05Z07:00",
		"2006-01-02T15:04:05Z0700",
		time.RFC1123Z,
		time.RFC1123,
		time.RFC822Z,
		time.RFC822,
		"Mon, 2 Jan 2006 15:04:05 -0700",
		"Mon, 2 Jan 2006 15:04:05 MST",
	} {
		if t, err := time.Parse(layout, s); err == nil {
			return t.UTC().Format(time.RFC3339), nil
		}
	}
	for _, layout := range []string{"January 2, 2006", "2 January 2006", "Jan 2, 2006", "2 Jan 2006"} {
		if t, err := time.Parse(layout, s); err == nil {
			return t.Format("2006-01-02"), nil
		}
	}
	return "", fmt.Errorf("%w %q: want RFC 3339 or YYYY-MM-DD", ErrInvalidDate, s)
}

// Day returns the date part of a publication date: "2022-05-08" of
// "2022-05-08T10:00:00Z" or of "2022-05-08"; "" when published is not a
// full date ("", "2022-05").
func Day(published string) string {
	if len(published) < 10 || published[4] != '-' || published[7] != '-' {
		return ""
	}
	return published[:10]
}
