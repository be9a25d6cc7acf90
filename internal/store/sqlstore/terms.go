package sqlstore

import (
	"strings"
	"unicode"
)

// MaxTerms is the most words Terms returns: longer queries are cut, which
// bounds what one search can cost.
const MaxTerms = 32

// Terms splits the text a user typed into search words: runs of letters,
// digits and combining marks, as full-text tokenizers see words. Everything
// else separates words, so quotes, operators and column filters ("title:")
// never reach a query parser as syntax. It returns at most MaxTerms words.
func Terms(text string) []string {
	words := strings.FieldsFunc(text, func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsNumber(r) && !unicode.IsMark(r)
	})
	if len(words) > MaxTerms {
		words = words[:MaxTerms]
	}
	return words
}
