package text

import (
	"strings"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// Normalize returns s as Parallax stores it: valid UTF-8 (invalid bytes
// become U+FFFD), NFC, "\n" line endings (CRLF, CR, U+2028 and U+2029
// converted), without byte-order marks, NUL bytes or other control
// characters except tab and newline, and without leading and trailing
// whitespace. Paragraph breaks and spacing inside the text are kept as they
// are, so offsets found in the input mostly stay meaningful.
//
// Normalize is idempotent: Normalize(Normalize(s)) == Normalize(s).
func Normalize(s string) string {
	if needsCleaning(s) {
		s = clean(s)
	}
	if !norm.NFC.IsNormalString(s) {
		s = norm.NFC.String(s)
	}
	return strings.TrimSpace(s)
}

// needsCleaning reports whether clean would change s; most input needs no
// cleaning, and checking is much cheaper than rebuilding.
func needsCleaning(s string) bool {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c < 0x20 && c != '\n' && c != '\t' || c == 0x7f {
			return true
		}
		if c >= 0x80 {
			r, size := utf8.DecodeRuneInString(s[i:])
			if r == utf8.RuneError && size == 1 || r == 0xFEFF || r == 0x2028 || r == 0x2029 || r >= 0x80 && r < 0xA0 {
				return true
			}
			i += size - 1
		}
	}
	return false
}

func clean(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		i += size
		switch {
		case r == '\r':
			b.WriteByte('\n')
			if i < len(s) && s[i] == '\n' {
				i++
			}
		case r == 0x2028 || r == 0x2029:
			b.WriteByte('\n')
		case r == '\n' || r == '\t':
			b.WriteRune(r)
		case r == utf8.RuneError && size == 1:
			b.WriteRune(utf8.RuneError)
		case r < 0x20 || r == 0x7f || r >= 0x80 && r < 0xA0 || r == 0xFEFF:
			// Control characters and byte-order marks carry no text.
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}
