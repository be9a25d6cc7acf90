package ingest

import (
	"bytes"
	"fmt"
	"mime"
	"strings"
	"unicode/utf16"
	"unicode/utf8"

	"golang.org/x/net/html"
	"golang.org/x/net/html/charset"
	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/charmap"
)

// Byte order marks.
const (
	bomUTF8    = "\xef\xbb\xbf"
	bomUTF16LE = "\xff\xfe"
	bomUTF16BE = "\xfe\xff"
)

// metaScanLimit is how much of a page DecodeHTML searches for a <meta>
// charset declaration. HTML requires the declaration in the first 1024
// bytes; real pages often put it later, behind long comments or scripts,
// and a few more kilobytes cost nothing.
const metaScanLimit = 4096

// DecodeHTML converts the HTML page data to UTF-8. It takes the encoding,
// in order, from a byte order mark, the charset parameter of contentType
// (the HTTP Content-Type header; "" if unknown), and a <meta charset> or
// <meta http-equiv="Content-Type"> declaration in the page. An undeclared
// page is taken as UTF-8 if it is valid UTF-8, else as Windows-1252 (which
// browsers also use for pages labelled ISO-8859-1 or ASCII).
//
// The result is valid UTF-8 without a byte order mark: bytes invalid in the
// chosen encoding become U+FFFD. It may share memory with data. The error
// reports an encoding that cannot be decoded.
func DecodeHTML(data []byte, contentType string) ([]byte, error) {
	switch {
	case bytes.HasPrefix(data, []byte(bomUTF8)):
		return toValidUTF8(data[len(bomUTF8):]), nil
	case bytes.HasPrefix(data, []byte(bomUTF16LE)), bytes.HasPrefix(data, []byte(bomUTF16BE)):
		return []byte(DecodeText(data)), nil
	}
	if enc, name := contentTypeEncoding(contentType); enc != nil {
		return decodeWith(data, enc, name)
	}
	if label := metaCharset(data[:min(len(data), metaScanLimit)]); label != "" {
		if enc, name := charset.Lookup(label); enc != nil {
			// A page that could declare its charset in ASCII is not
			// UTF-16, whatever it says (HTML's rule).
			if strings.HasPrefix(name, "utf-16") {
				enc, name = encoding.Nop, "utf-8"
			}
			return decodeWith(data, enc, name)
		}
	}
	if utf8.Valid(data) {
		return data, nil
	}
	return decodeWith(data, charmap.Windows1252, "windows-1252")
}

// contentTypeEncoding returns the encoding named by the charset parameter
// of an HTTP Content-Type value, or nil.
func contentTypeEncoding(contentType string) (encoding.Encoding, string) {
	if contentType == "" {
		return nil, ""
	}
	_, params, err := mime.ParseMediaType(contentType)
	if err != nil || params["charset"] == "" {
		return nil, ""
	}
	return charset.Lookup(params["charset"])
}

// metaCharset returns the charset label a <meta> element in head declares,
// or "". head may end in the middle of a tag.
func metaCharset(head []byte) string {
	z := html.NewTokenizer(bytes.NewReader(head))
	for {
		switch z.Next() {
		case html.ErrorToken:
			return ""
		case html.StartTagToken, html.SelfClosingTagToken:
			name, hasAttr := z.TagName()
			if string(name) != "meta" {
				continue
			}
			var label, content string
			pragma := false
			for hasAttr {
				var key, val []byte
				key, val, hasAttr = z.TagAttr()
				switch string(key) {
				case "charset":
					label = strings.TrimSpace(string(val))
				case "http-equiv":
					pragma = strings.EqualFold(strings.TrimSpace(string(val)), "content-type")
				case "content":
					content = string(val)
				}
			}
			if label != "" {
				return label
			}
			if pragma {
				if _, params, err := mime.ParseMediaType(content); err == nil && params["charset"] != "" {
					return params["charset"]
				}
			}
		}
	}
}

// decodeWith decodes data from enc, whose canonical name is name.
func decodeWith(data []byte, enc encoding.Encoding, name string) ([]byte, error) {
	if name == "utf-8" {
		return toValidUTF8(data), nil
	}
	out, err := enc.NewDecoder().Bytes(data)
	if err != nil {
		return nil, fmt.Errorf("decode %s: %w", name, err)
	}
	out = bytes.TrimPrefix(out, []byte(bomUTF8))
	return toValidUTF8(out), nil
}

// toValidUTF8 returns data with each run of invalid UTF-8 replaced by
// U+FFFD, without copying data that is already valid.
func toValidUTF8(data []byte) []byte {
	if utf8.Valid(data) {
		return data
	}
	return bytes.ToValidUTF8(data, []byte(string(utf8.RuneError)))
}

// DecodeText converts a plain-text file to a UTF-8 string. A UTF-8 byte
// order mark is dropped; UTF-16 with a byte order mark (little- or
// big-endian) is decoded; other valid UTF-8 is kept as is; anything else is
// read as Windows-1252, the superset of Latin-1 that legacy text files use
// in practice, with its five undefined bytes becoming U+FFFD.
//
// The result is always valid UTF-8.
func DecodeText(data []byte) string {
	switch {
	case bytes.HasPrefix(data, []byte(bomUTF8)):
		data = data[len(bomUTF8):]
	case bytes.HasPrefix(data, []byte(bomUTF16LE)):
		return decodeUTF16(data[len(bomUTF16LE):], false)
	case bytes.HasPrefix(data, []byte(bomUTF16BE)):
		return decodeUTF16(data[len(bomUTF16BE):], true)
	}
	if utf8.Valid(data) {
		return string(data)
	}
	// Windows-1252 is a single-byte table: every byte decodes, so there
	// is no error to report.
	out, err := charmap.Windows1252.NewDecoder().Bytes(data)
	if err != nil {
		return strings.ToValidUTF8(string(data), string(utf8.RuneError))
	}
	return string(toValidUTF8(out))
}

// decodeUTF16 decodes UTF-16 without its byte order mark. Unpaired
// surrogates and a dangling odd byte become U+FFFD.
func decodeUTF16(data []byte, bigEndian bool) string {
	units := make([]uint16, len(data)/2)
	for i := range units {
		hi, lo := data[2*i+1], data[2*i]
		if bigEndian {
			hi, lo = lo, hi
		}
		units[i] = uint16(hi)<<8 | uint16(lo)
	}
	var b strings.Builder
	b.Grow(len(data))
	for _, r := range utf16.Decode(units) {
		b.WriteRune(r)
	}
	if len(data)%2 == 1 {
		b.WriteRune(utf8.RuneError)
	}
	return b.String()
}
