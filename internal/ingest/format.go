package ingest

import (
	"bytes"
	"path/filepath"
	"strings"
)

// Format is an input format.
type Format int

// The formats Parallax reads.
const (
	FormatUnknown Format = iota
	FormatText
	FormatHTML
	FormatJSON
	FormatJSONL
	FormatFeed
	FormatBinary
)

// String returns the format's name as used in messages.
func (f Format) String() string {
	return [...]string{"unknown", "text", "HTML", "JSON", "JSONL", "feed", "binary"}[f]
}

// Detect tells the format of data from its content, helped by the file name's
// extension and an HTTP Content-Type (either may be ""). Content wins where
// the two disagree: a .txt file holding a feed is read as a feed.
func Detect(name string, data []byte, contentType string) Format {
	head := data
	if len(head) > 4096 {
		head = head[:4096]
	}
	head = bytes.TrimPrefix(head, []byte("\xef\xbb\xbf"))
	trimmed := bytes.TrimLeft(head, " \t\r\n")
	ext := strings.ToLower(filepath.Ext(name))
	ct := strings.ToLower(contentType)

	if isBinary(head) {
		return FormatBinary
	}
	switch {
	case len(trimmed) > 0 && (trimmed[0] == '{' || trimmed[0] == '['):
		if ext == ".jsonl" || ext == ".ndjson" || strings.Contains(ct, "ndjson") || strings.Contains(ct, "jsonl") {
			return FormatJSONL
		}
		if trimmed[0] == '{' && looksLikeJSONLines(data) {
			return FormatJSONL
		}
		return FormatJSON
	case len(trimmed) > 0 && trimmed[0] == '<':
		if IsFeed(data) {
			return FormatFeed
		}
		if looksLikeHTML(trimmed) || ext == ".html" || ext == ".htm" || strings.Contains(ct, "html") {
			return FormatHTML
		}
		if ext == ".xml" || ext == ".rss" || ext == ".atom" || strings.Contains(ct, "xml") {
			return FormatFeed // reading it will say why it is not a feed
		}
	}
	switch ext {
	case ".html", ".htm", ".xhtml":
		return FormatHTML
	case ".json":
		return FormatJSON
	case ".jsonl", ".ndjson":
		return FormatJSONL
	case ".xml", ".rss", ".atom":
		return FormatFeed
	}
	return FormatText
}

// looksLikeJSONLines reports whether data holds more than one line that
// starts a JSON object.
func looksLikeJSONLines(data []byte) bool {
	data = bytes.TrimSpace(data)
	i := bytes.IndexByte(data, '\n')
	if i < 0 {
		return false
	}
	rest := bytes.TrimLeft(data[i+1:], " \t\r\n")
	return len(rest) > 0 && rest[0] == '{' && bytes.HasSuffix(bytes.TrimSpace(data[:i]), []byte("}"))
}

func looksLikeHTML(head []byte) bool {
	l := bytes.ToLower(head[:min(len(head), 512)])
	for _, p := range []string{"<!doctype html", "<html", "<head", "<body", "<article", "<p>", "<div", "<meta", "<title"} {
		if bytes.Contains(l, []byte(p)) {
			return true
		}
	}
	return false
}

var binaryMagic = []string{
	"%PDF-", "PK\x03\x04", "\x89PNG\r\n", "GIF87a", "GIF89a", "\xff\xd8\xff", "\x1f\x8b\x08",
	"\x7fELF", "RIFF", "OggS", "ID3", "\x00\x00\x00\x18ftyp", "\x00\x00\x00\x20ftyp", "SQLite format 3\x00",
	"\xd0\xcf\x11\xe0", "Rar!\x1a\x07", "7z\xbc\xaf\x27\x1c", "wOFF", "wOF2", "\x00asm",
}

// isBinary reports whether head looks like a binary file rather than text in
// some encoding: NUL bytes outside UTF-16 text, or a known binary signature.
func isBinary(head []byte) bool {
	if len(head) == 0 {
		return false
	}
	if bytes.HasPrefix(head, []byte{0xff, 0xfe}) || bytes.HasPrefix(head, []byte{0xfe, 0xff}) {
		return false // UTF-16 with a byte-order mark
	}
	// Only unmistakable signatures: sniffers that match two bytes call a
	// news story that starts with "BMW" a bitmap.
	for _, magic := range binaryMagic {
		if bytes.HasPrefix(head, []byte(magic)) {
			return true
		}
	}
	nul, ctl := 0, 0
	for _, c := range head {
		switch {
		case c == 0:
			nul++
		case c < 0x20 && c != '\n' && c != '\r' && c != '\t' && c != '\f':
			ctl++
		}
	}
	// A stray NUL or control byte is cleaned away later; many of them are
	// not text.
	return nul > 4 && nul > len(head)/100 || ctl > 8 && ctl > len(head)/20
}
