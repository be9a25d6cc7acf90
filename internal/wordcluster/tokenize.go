package wordcluster

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// tokenize splits raw text into sentences of CoNLL-2003-style tokens:
// punctuation is split off, possessive 's and the clitics n't, 're, 've,
// 'll, 'm, 'd are separate tokens, currency symbols are split from
// amounts, and hyphenated words, numbers (1,000.5) and abbreviations with
// periods (U.S., Mr.) stay whole. Curly quotes and apostrophes become
// ASCII, an em dash becomes "--" and an ellipsis "...", as in CoNLL-2003.
//
// Paragraphs are separated by blank lines; the lines of a paragraph are
// joined. Sentences end after ".", "?" or "!" (and a closing quote that
// follows them) and at the end of a paragraph. It is a heuristic meant for
// counting word contexts, not the project's tokenizer (internal/text).
func tokenize(text string) [][]string {
	var out [][]string
	for _, para := range paragraphs(text) {
		toks := tokenizeLine(para)
		out = appendSentences(out, toks)
	}
	return out
}

// paragraphs splits text at blank lines.
func paragraphs(text string) []string {
	var out []string
	var cur strings.Builder
	flush := func() {
		if cur.Len() > 0 {
			out = append(out, cur.String())
			cur.Reset()
		}
	}
	for line := range strings.Lines(text) {
		line = strings.TrimSpace(line)
		if line == "" {
			flush()
			continue
		}
		if cur.Len() > 0 {
			cur.WriteByte(' ')
		}
		cur.WriteString(line)
	}
	flush()
	return out
}

func appendSentences(out [][]string, toks []string) [][]string {
	var cur []string
	quotes := 0
	for i := 0; i < len(toks); i++ {
		t := toks[i]
		cur = append(cur, t)
		if t == `"` {
			quotes++
		}
		if t != "." && t != "?" && t != "!" {
			continue
		}
		// A quote left open is closed by a following quote mark.
		for i+1 < len(toks) && (toks[i+1] == ")" || (toks[i+1] == `"` && quotes%2 == 1)) {
			i++
			cur = append(cur, toks[i])
			if toks[i] == `"` {
				quotes++
			}
		}
		out = append(out, cur)
		cur, quotes = nil, 0
	}
	if len(cur) > 0 {
		out = append(out, cur)
	}
	return out
}

var replacer = strings.NewReplacer(
	"\u2018", "'", "\u2019", "'", "\u201a", "'", "\u201b", "'", "\u2032", "'",
	"\u201c", `"`, "\u201d", `"`, "\u201e", `"`, "\u201f", `"`, "\u2033", `"`,
	"\u00ab", `"`, "\u00bb", `"`, "``", `"`, "''", `"`,
	"\u2014", " -- ", "\u2015", " -- ", "\u2013", "-", "\u2012", "-", "\u2212", "-",
	"\u2026", " ... ", "\u00a0", " ", "\u200b", "", "\ufeff", "",
)

func tokenizeLine(line string) []string {
	line = replacer.Replace(line)
	var toks []string
	for _, chunk := range strings.Fields(line) {
		toks = splitChunk(toks, chunk)
	}
	return toks
}

const (
	leadPunct  = `"'([{<` + "`"
	trailPunct = `"')]}>,;:!?%`
)

// splitChunk appends the tokens of a whitespace-free chunk to toks.
func splitChunk(toks []string, s string) []string {
	if s == "" {
		return toks
	}
	// Leading punctuation, but not the apostrophe of a clitic ('s) or a
	// decade ('90s).
	for len(s) > 0 && strings.IndexByte(leadPunct, s[0]) >= 0 {
		if s[0] == '\'' && len(s) > 1 && (isClitic(s) || isDigit(s[1])) {
			break
		}
		if s == "''" || s == "'" {
			break
		}
		toks = append(toks, s[:1])
		s = s[1:]
	}
	// Currency symbols before an amount.
	for _, cur := range []string{"$", "£", "€", "¥"} {
		if len(s) > len(cur) && strings.HasPrefix(s, cur) && isDigit(s[len(cur)]) {
			toks = append(toks, cur)
			s = s[len(cur):]
			break
		}
	}
	// Trailing punctuation, collected in reverse order.
	var tail []string
peel:
	for len(s) > 0 {
		last := s[len(s)-1]
		switch {
		case strings.HasSuffix(s, "..."):
			tail = append(tail, "...")
			s = s[:len(s)-3]
			continue
		case last == '.':
			if len(s) > 1 && isAbbrev(s) {
				break peel
			}
			tail = append(tail, ".")
			s = s[:len(s)-1]
			continue
		case last == '\'' && len(s) > 1:
			// A plural possessive (parents') or a closing quote.
			tail = append(tail, "'")
			s = s[:len(s)-1]
			continue
		case strings.IndexByte(trailPunct, last) >= 0:
			tail = append(tail, s[len(s)-1:])
			s = s[:len(s)-1]
			continue
		}
		break
	}
	if s != "" {
		toks = splitClitic(toks, s)
	}
	for i := len(tail) - 1; i >= 0; i-- {
		toks = append(toks, tail[i])
	}
	return toks
}

var clitics = []string{"'s", "'re", "'ve", "'ll", "'m", "'d"}

func isClitic(s string) bool {
	for _, c := range clitics {
		if strings.EqualFold(s, c) {
			return true
		}
	}
	return false
}

// splitClitic appends s, with n't or a clitic split off its end.
func splitClitic(toks []string, s string) []string {
	if len(s) > 3 && strings.EqualFold(s[len(s)-3:], "n't") && isLetter(s[len(s)-4]) {
		return append(toks, s[:len(s)-3], s[len(s)-3:])
	}
	for _, c := range clitics {
		if len(s) > len(c) && strings.EqualFold(s[len(s)-len(c):], c) && isLetterOrDigit(s[len(s)-len(c)-1]) {
			return append(toks, s[:len(s)-len(c)], s[len(s)-len(c):])
		}
	}
	// Clitics and quotes glued to words by a missing space are left alone.
	return append(toks, s)
}

var abbrevs = map[string]bool{
	"Mr": true, "Mrs": true, "Ms": true, "Dr": true, "St": true, "Jr": true, "Sr": true,
	"Inc": true, "Corp": true, "Ltd": true, "Co": true, "Bros": true, "Plc": true,
	"Gov": true, "Sen": true, "Rep": true, "Gen": true, "Col": true, "Lt": true,
	"Sgt": true, "Capt": true, "Cmdr": true, "Adm": true, "Maj": true, "Prof": true,
	"Rev": true, "Hon": true, "Pres": true, "Supt": true, "Det": true, "Insp": true,
	"vs": true, "v": true, "etc": true, "No": true, "Nos": true, "Mt": true, "Ave": true,
	"Jan": true, "Feb": true, "Mar": true, "Apr": true, "Jun": true, "Jul": true,
	"Aug": true, "Sep": true, "Sept": true, "Oct": true, "Nov": true, "Dec": true,
	"Ariz": true, "Calif": true, "Colo": true, "Conn": true, "Fla": true, "Ga": true,
	"Ill": true, "Ind": true, "Kan": true, "Ky": true, "La": true, "Md": true,
	"Mass": true, "Mich": true, "Minn": true, "Miss": true, "Mo": true, "Neb": true,
	"Nev": true, "Okla": true, "Ore": true, "Pa": true, "Tenn": true, "Tex": true,
	"Va": true, "Wash": true, "Wis": true, "Wyo": true,
}

// isAbbrev reports whether s, which ends in a period, is an abbreviation
// that keeps it: U.S., a.m., J., Mr.
func isAbbrev(s string) bool {
	body := s[:len(s)-1]
	if abbrevs[body] {
		return true
	}
	r, size := utf8.DecodeRuneInString(body)
	if size == len(body) && unicode.IsUpper(r) {
		return true // an initial
	}
	if !strings.Contains(body, ".") {
		return false
	}
	for _, r := range body {
		if r != '.' && !unicode.IsLetter(r) {
			return false
		}
	}
	return true
}

func isDigit(b byte) bool  { return '0' <= b && b <= '9' }
func isLetter(b byte) bool { return 'a' <= b && b <= 'z' || 'A' <= b && b <= 'Z' }
func isLetterOrDigit(b byte) bool {
	return isLetter(b) || isDigit(b) || b >= utf8.RuneSelf
}
