package text

import (
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Span is a byte range text[Start:End] of a document's text; End is
// exclusive.
type Span struct{ Start, End int }

// Text returns the bytes of text that s covers. It panics, as slicing does,
// if s is out of range for text.
func (s Span) Text(text string) string { return text[s.Start:s.End] }

// TokenKind classifies a token so that later stages can dispatch on it
// without reading its bytes again. The zero TokenKind is not a kind.
type TokenKind uint8

// Token kinds. Examples show tokens as Segment cuts them.
const (
	// Word is a run of letters, marks and digits that contains a letter,
	// with the joiners news puts inside words: hyphens (al-Assad,
	// 11-year), inner apostrophes (O'Brien), dots between letters
	// (khamenei.ir is a URL though), ampersands between capitals (S&P).
	Word TokenKind = iota + 1
	// Abbrev is a word that ends with its abbreviation period (Mr., U.S.,
	// a.m., e.g., Jan., J.) or, where the abbreviation ends a sentence, the
	// same word without the period, which is then a Punct token of its own
	// ("in the U.S." gives "U.S" "."), as in CoNLL-2003.
	Abbrev
	// Number is digits with their separators and sign: 1,000, 3.5, +44,
	// 1/2, 6-3, 2:29.34. A number followed directly by letters is a Word
	// (1990s, 10th, 11-year).
	Number
	// Date is a numeric date: 1996-08-22, 22/08/1996, 08/26/96, 22.08.1996.
	Date
	// Time is a clock time: 10:30, 9:05:12.
	Time
	// Punct is sentence and clause punctuation: . , ; : and runs of ? and !
	// (?!), and any other Unicode punctuation not covered by a more
	// specific kind.
	Punct
	// Quote is a quotation mark: " ' ` “ ” ‘ ’ „ ‚ « » ‹ ›.
	Quote
	// Bracket is one of ( ) [ ] { }.
	Bracket
	// Dash is a standalone hyphen, a run of hyphens (--) or an en, em or
	// other dash (– —).
	Dash
	// Ellipsis is "..." (any run of two or more periods) or a run of "…".
	Ellipsis
	// Clitic is a split-off possessive or contraction: 's ’s 're 've 'll 'd
	// 'm n't, and the bare apostrophe of a plural possessive (players').
	Clitic
	// Currency is a currency sign ($ £ € ¥ and every other Unicode Sc),
	// including prefixed dollars such as US$, C$, HK$ before a number.
	Currency
	// URL is a web address: with a scheme (https://…), starting with www.,
	// or a bare domain with a common top-level domain (khamenei.ir).
	URL
	// Email is an e-mail address.
	Email
	// Symbol is any other character: % & @ # / + = * and the like, emoji,
	// control and format characters, invalid UTF-8 bytes.
	Symbol
)

var kindNames = [...]string{
	Word: "Word", Abbrev: "Abbrev", Number: "Number", Date: "Date", Time: "Time",
	Punct: "Punct", Quote: "Quote", Bracket: "Bracket", Dash: "Dash",
	Ellipsis: "Ellipsis", Clitic: "Clitic", Currency: "Currency", URL: "URL",
	Email: "Email", Symbol: "Symbol",
}

// String returns the kind's name, as in the constant's identifier.
func (k TokenKind) String() string {
	if int(k) < len(kindNames) && kindNames[k] != "" {
		return kindNames[k]
	}
	return "TokenKind(" + strconv.Itoa(int(k)) + ")"
}

// Token is one token: text[Start:End], never empty.
type Token struct {
	Start, End int
	Kind       TokenKind
}

// Span returns the token's byte range.
func (t Token) Span() Span { return Span{t.Start, t.End} }

// Sentence is one sentence: its byte span text[Start:End], from the start
// of its first token to the end of its last, and the half-open range
// Doc.Tokens[FirstToken:EndToken] of its tokens, never empty.
type Sentence struct {
	Start, End           int
	FirstToken, EndToken int
}

// Span returns the sentence's byte range.
func (s Sentence) Span() Span { return Span{s.Start, s.End} }

// Paragraph is one paragraph: its byte span text[Start:End], from its first
// non-space character to its last, and the half-open range
// Doc.Sentences[FirstSentence:EndSentence] of its sentences, never empty.
type Paragraph struct {
	Start, End                 int
	FirstSentence, EndSentence int
}

// Span returns the paragraph's byte range.
func (p Paragraph) Span() Span { return Span{p.Start, p.End} }

// Doc is the segmentation of one text. Paragraphs partition the sentences,
// sentences partition the tokens, and the tokens cover every character of
// the text that is not a space (see Segment), in order.
type Doc struct {
	Paragraphs []Paragraph
	Sentences  []Sentence
	Tokens     []Token
}

// Segment splits text into paragraphs, sentences and tokens. It is a pure
// function of text, accepts any input (invalid UTF-8 bytes become Symbol
// tokens of one byte) and returns only byte offsets into text.
//
// A space, for Segment, is a character for which unicode.IsSpace is true
// (this includes no-break spaces), the zero-width space U+200B and U+FEFF.
// The package documentation describes the rules.
func Segment(text string) Doc {
	var d Doc
	SegmentInto(&d, text)
	return d
}

// SegmentInto is Segment writing into dst, whose slices it truncates and
// reuses, so that segmenting many texts with one Doc allocates only when a
// text needs more room than an earlier one did.
func SegmentInto(dst *Doc, text string) {
	if need := len(text)/5 + 16; cap(dst.Tokens) < need {
		dst.Tokens = make([]Token, 0, need)
	}
	if need := len(text)/64 + 4; cap(dst.Sentences) < need {
		dst.Sentences = make([]Sentence, 0, need)
	}
	if need := len(text)/256 + 2; cap(dst.Paragraphs) < need {
		dst.Paragraphs = make([]Paragraph, 0, need)
	}
	s := segmenter{text: text, d: dst}
	s.d.Tokens = s.d.Tokens[:0]
	s.d.Sentences = s.d.Sentences[:0]
	s.d.Paragraphs = s.d.Paragraphs[:0]
	s.paragraphs()
}

type segmenter struct {
	text     string
	d        *Doc
	parStart int // start of the paragraph being tokenized
	noAt     int // t[:noAt] has been scanned for an e-mail @ and has none
}

// Character classes of ASCII bytes; bytes of non-ASCII characters have
// none.
const (
	cSpace = 1 << iota
	cUpper
	cLower
	cDigit

	cLetter = cUpper | cLower
	cAlnum  = cLetter | cDigit
)

var ascii = func() (t [256]uint8) {
	for c := 0; c < 128; c++ {
		switch {
		case c == ' ', c >= '\t' && c <= '\r':
			t[c] = cSpace
		case c >= 'A' && c <= 'Z':
			t[c] = cUpper
		case c >= 'a' && c <= 'z':
			t[c] = cLower
		case c >= '0' && c <= '9':
			t[c] = cDigit
		}
	}
	return t
}()

func isSpaceRune(r rune) bool {
	return unicode.IsSpace(r) || r == 0x200B || r == 0xFEFF
}

// isWordRune reports whether r is a letter, mark or digit.
func isWordRune(r rune) bool {
	if r < utf8.RuneSelf {
		return ascii[r]&cAlnum != 0
	}
	return unicode.IsLetter(r) || unicode.IsMark(r) || unicode.IsDigit(r)
}

// isJoiner reports whether r is an invisible character that belongs inside
// a word: zero-width joiners, the word joiner, the soft hyphen.
func isJoiner(r rune) bool {
	return r == 0x200C || r == 0x200D || r == 0x2060 || r == 0x00AD
}

// decode returns the rune at t[i] and its size.
func decode(t string, i int) (rune, int) {
	if c := t[i]; c < utf8.RuneSelf {
		return rune(c), 1
	}
	return utf8.DecodeRuneInString(t[i:])
}

// spaceAt returns the size of the space character at t[i], or 0.
func spaceAt(t string, i int) int {
	if c := t[i]; c < utf8.RuneSelf {
		if ascii[c]&cSpace != 0 {
			return 1
		}
		return 0
	}
	r, size := utf8.DecodeRuneInString(t[i:])
	if isSpaceRune(r) {
		return size
	}
	return 0
}

// wordAt reports whether a letter, mark or digit starts at t[i] (i < end).
func wordAt(t string, i, end int) bool {
	if i >= end {
		return false
	}
	if c := t[i]; c < utf8.RuneSelf {
		return ascii[c]&cAlnum != 0
	}
	r, _ := utf8.DecodeRuneInString(t[i:end])
	return isWordRune(r)
}

// lowerAt reports whether a lower-case letter starts at t[i] (i < end).
func lowerAt(t string, i, end int) bool {
	if i >= end {
		return false
	}
	if c := t[i]; c < utf8.RuneSelf {
		return ascii[c]&cLower != 0
	}
	r, _ := utf8.DecodeRuneInString(t[i:end])
	return unicode.IsLower(r)
}

// upperAt reports whether an upper-case (or title-case) letter starts at
// t[i] (i < end).
func upperAt(t string, i, end int) bool {
	if i >= end {
		return false
	}
	if c := t[i]; c < utf8.RuneSelf {
		return ascii[c]&cUpper != 0
	}
	r, _ := utf8.DecodeRuneInString(t[i:end])
	return unicode.IsUpper(r) || unicode.IsTitle(r)
}

// trimSpan returns [i, j) without leading and trailing spaces.
func trimSpan(t string, i, j int) (int, int) {
	for i < j {
		n := spaceAt(t, i)
		if n == 0 {
			break
		}
		i += n
	}
	for j > i {
		c := t[j-1]
		if c < utf8.RuneSelf {
			if ascii[c]&cSpace == 0 {
				break
			}
			j--
			continue
		}
		r, size := utf8.DecodeLastRuneInString(t[i:j])
		if !isSpaceRune(r) {
			break
		}
		j -= size
	}
	return i, j
}

// Paragraphs.

// Limits of the hard-wrap detection: a text is hard-wrapped when it has at
// least wrapMinLines lines followed by a single newline, none of its lines
// is longer than wrapMaxWidth runes, and at least wrapLowerShare of the
// single-newline lines are followed by a line that starts in lower case.
const (
	wrapMinLines   = 3
	wrapMaxWidth   = 100
	wrapLowerShare = 0.4
	// wrapSlack is how much shorter than the widest line a line of a
	// hard-wrapped text may be and still continue on the next line.
	wrapSlack = 25
	// softWrapMinLen is the shortest line (in bytes) that continues on a
	// next line starting in lower case, in a text that is not hard-wrapped.
	softWrapMinLen = 40
)

// paragraphs splits the text at blank lines and at single newlines that are
// not soft wraps, and segments each paragraph.
func (s *segmenter) paragraphs() {
	t := s.text
	width := hardWrapWidth(t)
	parStart, prevStart, prevEnd := -1, 0, 0
	for pos := 0; pos <= len(t); {
		lineEnd := strings.IndexByte(t[pos:], '\n')
		if lineEnd < 0 {
			lineEnd = len(t)
		} else {
			lineEnd += pos
		}
		ls, le := trimSpan(t, pos, lineEnd)
		if ls == le {
			if parStart >= 0 {
				s.paragraph(parStart, prevEnd)
				parStart = -1
			}
		} else {
			if parStart >= 0 && !softWrap(t, prevStart, prevEnd, ls, le, width) {
				s.paragraph(parStart, prevEnd)
				parStart = -1
			}
			if parStart < 0 {
				parStart = ls
			}
			prevStart, prevEnd = ls, le
		}
		pos = lineEnd + 1
	}
	if parStart >= 0 {
		s.paragraph(parStart, prevEnd)
	}
}

// hardWrapWidth returns the width in runes of the widest line if t looks
// hard-wrapped (see wrapMinLines), and 0 if it does not.
func hardWrapWidth(t string) int {
	width, single, lower := 0, 0, 0
	prevBlank := true
	for pos := 0; pos < len(t); {
		lineEnd := strings.IndexByte(t[pos:], '\n')
		if lineEnd < 0 {
			lineEnd = len(t)
		} else {
			lineEnd += pos
		}
		ls, le := trimSpan(t, pos, lineEnd)
		blank := ls == le
		if !blank {
			n := le - ls
			if n > wrapMaxWidth {
				n = utf8.RuneCountInString(t[ls:le])
				if n > wrapMaxWidth {
					return 0
				}
			}
			width = max(width, n)
			if !prevBlank {
				single++
				if lowerAt(t, ls, le) {
					lower++
				}
			}
		}
		prevBlank = blank
		pos = lineEnd + 1
	}
	if single < wrapMinLines || float64(lower) < wrapLowerShare*float64(single) {
		return 0
	}
	return width
}

// softWrap reports whether the single newline between the lines
// t[ps:pe] and t[ns:ne] (both trimmed, not blank) continues a paragraph.
func softWrap(t string, ps, pe, ns, ne, width int) bool {
	if width > 0 {
		if bulletAt(t, ns, ne) {
			return false
		}
		n := pe - ps
		if n > width-wrapSlack {
			return true // bytes ≥ runes; count only when it matters
		}
		return utf8.RuneCountInString(t[ps:pe]) > width-wrapSlack
	}
	if pe-ps < softWrapMinLen || !lowerAt(t, ns, ne) {
		return false
	}
	r, _ := utf8.DecodeLastRuneInString(t[ps:pe])
	switch r {
	case '.', '!', '?', ':', '…', '"', '”', '’', '»', ')':
		return false
	}
	return true
}

// bulletAt reports whether a list bullet starts the line at t[i:end].
func bulletAt(t string, i, end int) bool {
	r, size := decode(t, i)
	switch r {
	case '-', '*', '•', '–', '—', '·', '▪', '◦', '‣':
		return i+size < end && spaceAt(t, i+size) > 0
	}
	return false
}

// paragraph segments the paragraph t[start:end] (trimmed, not empty).
func (s *segmenter) paragraph(start, end int) {
	d := s.d
	firstTok := len(d.Tokens)
	s.tokens(start, end)
	firstSent := len(d.Sentences)
	s.sentences(firstTok, len(d.Tokens))
	d.Paragraphs = append(d.Paragraphs, Paragraph{
		Start: start, End: end,
		FirstSentence: firstSent, EndSentence: len(d.Sentences),
	})
}

// Sentences.

// sentences splits the tokens d.Tokens[first:end] of one paragraph into
// sentences.
func (s *segmenter) sentences(first, end int) {
	toks := s.d.Tokens
	start := first
	for k := first; k < end; k++ {
		tk := toks[k]
		ellipsis := tk.Kind == Ellipsis
		if !ellipsis && !s.terminal(tk) {
			continue
		}
		j := k + 1
		for j < end && s.closer(toks[j]) {
			j++
		}
		if j == end {
			break
		}
		if s.startsSentence(j, end, ellipsis) {
			s.sentence(start, j)
			start = j
		}
		k = j - 1
	}
	s.sentence(start, end)
}

func (s *segmenter) sentence(first, end int) {
	toks := s.d.Tokens
	s.d.Sentences = append(s.d.Sentences, Sentence{
		Start: toks[first].Start, End: toks[end-1].End,
		FirstToken: first, EndToken: end,
	})
}

// terminal reports whether tk is a full stop, question or exclamation mark.
func (s *segmenter) terminal(tk Token) bool {
	if tk.Kind != Punct {
		return false
	}
	switch c := s.text[tk.Start]; c {
	case '.', '!', '?':
		return true
	case 0xE3, 0xEF: // 。！？ (CJK and full-width)
		r, _ := utf8.DecodeRuneInString(s.text[tk.Start:])
		return r == '。' || r == '！' || r == '？'
	}
	return false
}

// closer reports whether tk is a closing quotation mark or bracket, which
// stays with the sentence that ends before it.
func (s *segmenter) closer(tk Token) bool {
	switch tk.Kind {
	case Bracket:
		c := s.text[tk.Start]
		return c == ')' || c == ']' || c == '}'
	case Quote:
		return !s.openingQuote(tk)
	}
	return false
}

// openingQuote reports whether the quotation mark tk opens a quotation: it
// is directly followed by a letter, digit, or another opening mark, and is
// not a right-hand mark (” ’ » ›) directly preceded by a non-space.
func (s *segmenter) openingQuote(tk Token) bool {
	t := s.text
	if tk.End >= len(t) {
		return false
	}
	next := tk.End
	if !wordAt(t, next, len(t)) {
		r, _ := decode(t, next)
		switch r {
		case '(', '[', '“', '‘', '«', '"', '\'':
		default:
			return false
		}
	}
	r, _ := decode(t, tk.Start)
	switch r {
	case '”', '’', '»', '›':
		return tk.Start == 0 || spaceBefore(t, tk.Start)
	}
	return true
}

// spaceBefore reports whether the character before t[i] is a space.
func spaceBefore(t string, i int) bool {
	if i == 0 {
		return true
	}
	c := t[i-1]
	if c < utf8.RuneSelf {
		return ascii[c]&cSpace != 0
	}
	r, _ := utf8.DecodeLastRuneInString(t[:i])
	return isSpaceRune(r)
}

// startsSentence reports whether the token at d.Tokens[j] starts a new
// sentence after a terminal mark (or, with ellipsis, after an ellipsis).
func (s *segmenter) startsSentence(j, end int, ellipsis bool) bool {
	t := s.text
	tk := s.d.Tokens[j]
	if ellipsis {
		if tk.Kind == Quote && j+1 < end {
			tk = s.d.Tokens[j+1]
		}
		return (tk.Kind == Word || tk.Kind == Abbrev) && starter(t[tk.Start:tk.End])
	}
	switch tk.Kind {
	case Word, Abbrev, URL, Email:
		return !lowerAt(t, tk.Start, tk.End)
	case Punct, Clitic, Ellipsis:
		return false
	}
	return true
}

// starter reports whether w is a capitalized word that commonly starts a
// sentence in news and is rarely part of a name: function words, pronouns,
// sentence adverbs. After an abbreviation or an ellipsis, only such a word
// ends the sentence.
func starter(w string) bool {
	if len(w) == 0 || len(w) > 12 || ascii[w[0]]&cUpper == 0 {
		return false
	}
	switch w {
	case "A", "An", "The", "This", "That", "These", "Those", "There", "Here",
		"He", "She", "It", "We", "They", "I", "You", "His", "Her", "Its",
		"Their", "Our", "My", "Your", "Some", "Many", "Most", "All", "Both",
		"Each", "Every", "Several", "Such", "Other", "Others", "Another",
		"And", "But", "Or", "Nor", "So", "Yet", "Still", "Also", "Then",
		"Now", "Thus", "Hence", "Instead", "Indeed", "However", "Meanwhile",
		"Moreover", "Furthermore", "Nevertheless", "Later", "Earlier",
		"In", "On", "At", "For", "From", "With", "By", "To", "Of", "As",
		"After", "Before", "During", "Since", "Until", "Under", "Over",
		"If", "When", "While", "Where", "Whether", "Although", "Though",
		"Because", "Once", "What", "Who", "Whom", "Whose", "Which", "Why",
		"How", "No", "Not", "None", "Neither", "Either", "According",
		"Asked", "Yes", "Last", "One", "Two", "Three", "Four", "Five":
		return true
	}
	return false
}

// Tokens.

func (s *segmenter) emit(start, end int, kind TokenKind) {
	s.d.Tokens = append(s.d.Tokens, Token{Start: start, End: end, Kind: kind})
}

// tokens tokenizes the paragraph t[start:end].
func (s *segmenter) tokens(start, end int) {
	t := s.text
	s.parStart = start
	for i := start; i < end; {
		c := t[i]
		if c < utf8.RuneSelf {
			switch cls := ascii[c]; {
			case cls&cSpace != 0:
				i++
			case cls&cLetter != 0:
				i = s.word(i, i, end)
			case cls&cDigit != 0:
				i = s.number(i, i, end)
			default:
				i = s.asciiPunct(i, end)
			}
			continue
		}
		r, size := utf8.DecodeRuneInString(t[i:end])
		switch {
		case isSpaceRune(r):
			i += size
		case r == utf8.RuneError && size == 1:
			s.emit(i, i+1, Symbol)
			i++
		case isWordRune(r):
			i = s.word(i, i, end)
		default:
			i = s.otherRune(i, r, size, end)
		}
	}
}

// asciiPunct tokenizes at the ASCII non-alphanumeric byte t[i].
func (s *segmenter) asciiPunct(i, end int) int {
	t := s.text
	c := t[i]
	switch c {
	case '.':
		j := i + 1
		for j < end && t[j] == '.' {
			j++
		}
		if j-i >= 2 {
			s.emit(i, j, Ellipsis)
			return j
		}
		if j < end && ascii[t[j]]&cDigit != 0 && signContext(t, i) {
			return s.number(i, j, end) // .5
		}
		s.emit(i, j, Punct)
		return j
	case '?', '!':
		j := i + 1
		for j < end && (t[j] == '?' || t[j] == '!') {
			j++
		}
		s.emit(i, j, Punct)
		return j
	case ',', ';', ':':
		s.emit(i, i+1, Punct)
	case '(', ')', '[', ']', '{', '}':
		s.emit(i, i+1, Bracket)
	case '"':
		s.emit(i, i+1, Quote)
	case '`':
		j := i + 1
		for j < end && t[j] == '`' {
			j++
		}
		s.emit(i, j, Quote)
		return j
	case '\'':
		return s.apostrophe(i, 1, end)
	case '-':
		j := i + 1
		for j < end && t[j] == '-' {
			j++
		}
		if j == i+1 && j < end && ascii[t[j]]&cDigit != 0 && signContext(t, i) {
			return s.number(i, j, end) // -0.2
		}
		s.emit(i, j, Dash)
		return j
	case '+':
		if i+1 < end && ascii[t[i+1]]&cDigit != 0 && signContext(t, i) {
			return s.number(i, i+1, end) // +44
		}
		s.emit(i, i+1, Symbol)
	case '$':
		s.emit(i, i+1, Currency)
	default:
		s.emit(i, i+1, Symbol)
	}
	return i + 1
}

// signContext reports whether a sign or decimal point at t[i] may start a
// number: it follows a space, an opening bracket or the paragraph start.
func signContext(t string, i int) bool {
	if i == 0 || spaceBefore(t, i) {
		return true
	}
	c := t[i-1]
	return c == '(' || c == '[' || c == '/'
}

// otherRune tokenizes at the non-ASCII, non-word, non-space rune r at t[i].
func (s *segmenter) otherRune(i int, r rune, size, end int) int {
	t := s.text
	switch r {
	case '’', '‘', '‛', '′':
		if r == '’' {
			return s.apostrophe(i, size, end)
		}
		s.emit(i, i+size, Quote)
	case '“', '”', '„', '‟', '«', '»', '‹', '›', '‚', '″':
		s.emit(i, i+size, Quote)
	case '…':
		j := i + size
		for j+size <= end && t[j:j+size] == "…" {
			j += size
		}
		s.emit(i, j, Ellipsis)
		return j
	case '–', '—', '‒', '―', '⸺', '⸻', '‐', '‑', '﹘', '﹣', '－':
		s.emit(i, i+size, Dash)
	case '−':
		if j := i + size; j < end && ascii[t[j]]&cDigit != 0 && t[j] < utf8.RuneSelf && signContext(t, i) {
			return s.number(i, j, end)
		}
		s.emit(i, i+size, Symbol)
	default:
		switch {
		case unicode.Is(unicode.Sc, r):
			s.emit(i, i+size, Currency)
		case unicode.IsPunct(r):
			s.emit(i, i+size, Punct)
		default:
			s.emit(i, i+size, Symbol)
		}
	}
	return i + size
}

// apostrophe tokenizes at an apostrophe (' or ’, of n bytes) that does not
// continue a word: a clitic ('s, 're, …; the apostrophe of players'), or a
// quotation mark.
func (s *segmenter) apostrophe(i, n, end int) int {
	t := s.text
	if k := cliticLen(t, i+n, end); k > 0 {
		s.emit(i, i+n+k, Clitic)
		return i + n + k
	}
	if i > 0 && (t[i-1] == 's' || t[i-1] == 'S') && !wordAt(t, i+n, end) {
		s.emit(i, i+n, Clitic)
		return i + n
	}
	s.emit(i, i+n, Quote)
	return i + n
}

// cliticLen returns the length of the letters of a clitic starting at t[i]
// (after its apostrophe): s, re, ve, ll, d, m in either case, followed by a
// non-word character; 0 if there is none.
func cliticLen(t string, i, end int) int {
	k := 0
	for i+k < end && k < 3 && ascii[t[i+k]]&cLetter != 0 && t[i+k] < utf8.RuneSelf {
		k++
	}
	if k == 0 || k == 3 || wordAt(t, i+k, end) {
		return 0
	}
	a := t[i] | 0x20
	if k == 1 {
		if a == 's' || a == 'd' || a == 'm' {
			return 1
		}
		return 0
	}
	b := t[i+1] | 0x20
	if a == 'r' && b == 'e' || a == 'v' && b == 'e' || a == 'l' && b == 'l' {
		return 2
	}
	return 0
}

// number scans a number that starts at t[start] (a digit, or a sign or
// decimal point at start and a digit at i).
func (s *segmenter) number(start, i, end int) int {
	t := s.text
	seps := 0
	for i < end {
		c := t[i]
		if ascii[c]&cDigit != 0 && c < utf8.RuneSelf {
			i++
			continue
		}
		if (c == ',' || c == '.' || c == ':' || c == '/' || c == '-') &&
			i+1 < end && t[i+1] >= '0' && t[i+1] <= '9' {
			seps++
			i++
			continue
		}
		break
	}
	if i < end {
		// Letters directly after digits make a word: 1990s, 10th, 3D,
		// 11-year.
		if wordAt(t, i, end) || t[i] == '-' && wordAt(t, i+1, end) && ascii[t[start]]&cDigit != 0 {
			return s.word(start, i, end)
		}
	}
	if i < end && start == s.parStart && seps == 0 && i-start <= 3 && t[i] == '.' && (i+1 == end || spaceAt(t, i+1) > 0) {
		s.emit(start, i+1, Number) // a list item: "1. Michelle Freeman"
		return i + 1
	}
	if i+1 < end && t[i] == '-' && spaceAt(t, i+1) > 0 {
		s.emit(start, i+1, Number) // 5- and 10-year
		return i + 1
	}
	kind := Number
	if seps >= 1 && ascii[t[start]]&cDigit != 0 {
		kind = numberKind(t[start:i])
	}
	s.emit(start, i, kind)
	return i
}

// numberKind tells dates (1996-08-22, 22/08/1996, 08/26/96, 22.08.1996) and
// times (10:30, 9:05:12) from other numbers made of digits and separators.
func numberKind(n string) TokenKind {
	var groups [4]int
	var sep byte
	g := 0
	for i := 0; i < len(n); i++ {
		c := n[i]
		if c >= '0' && c <= '9' {
			groups[g]++
			continue
		}
		if sep == 0 {
			sep = c
		} else if c != sep {
			return Number
		}
		g++
		if g == len(groups) {
			return Number
		}
	}
	switch {
	case sep == ':' && (g == 1 || g == 2) && groups[0] <= 2 && groups[1] == 2 && (g == 1 || groups[2] == 2):
		return Time
	case g != 2:
		return Number
	case sep == '-' && groups[0] == 4 && groups[1] <= 2 && groups[2] <= 2:
		return Date
	case (sep == '/' || sep == '.') && groups[0] <= 2 && groups[1] <= 2 && (groups[2] == 2 || groups[2] == 4):
		return Date
	case sep == '/' && groups[0] == 4 && groups[1] <= 2 && groups[2] <= 2:
		return Date
	}
	return Number
}

// word scans a word-like token that starts at t[start] and has been read
// up to t[i]: a word, an abbreviation, a URL, an e-mail address, a
// currency prefix such as US$, or a word followed by a clitic.
func (s *segmenter) word(start, i, end int) int {
	t := s.text
	if i == start && hasURLPrefix(t[start:end]) {
		return s.url(start, end)
	}
	seg := i - start        // letters and digits in the current dot-separated segment
	dots := 0               // inner dots (U.S, khamenei.ir)
	shortSegs := true       // every dot-separated segment has at most 3 characters
	upperOnly := true       // only ASCII capitals so far (for US$)
	fromNumber := i > start // digits before i were read by number()
loop:
	for i < end {
		c := t[i]
		if c < utf8.RuneSelf {
			if ascii[c]&cAlnum != 0 {
				if ascii[c]&cUpper == 0 {
					upperOnly = false
				}
				seg++
				i++
				continue
			}
			switch c {
			case '-':
				if seg > 0 && wordAt(t, i+1, end) {
					// A hyphen starts afresh: aid-U.N., al-monitor.com.
					upperOnly, shortSegs, dots, seg = false, true, 0, 0
					i++
					continue
				}
			case '.':
				if seg == 0 || i+1 >= end {
					break loop
				}
				if n := t[i+1]; n < utf8.RuneSelf && (ascii[n]&(cLower|cDigit) != 0 || ascii[n]&cUpper != 0 && seg <= 2) {
					// U.S, e.g, a.m, No.2, khamenei.ir, but not said.The
					dots++
					if seg > 3 {
						shortSegs = false
					}
					seg = 0
					upperOnly = false
					i++
					continue
				}
				if t[i+1] == '-' && wordAt(t, i+2, end) && (dots > 0 && shortSegs && seg <= 3 || abbreviations[t[start:i]] != abbrNone) {
					i += 2 // U.S.-led, Mo.-based
					upperOnly, shortSegs, dots, seg = false, true, 0, 0
					continue
				}
				break loop
			case '\'':
				if k := s.wordApostrophe(start, i, 1, end); k >= 0 {
					return k
				}
				seg++
				i++
				continue
			case '&':
				if upperOnly && seg > 0 && upperAt(t, i+1, end) {
					seg++
					i++
					continue // S&P, AT&T
				}
			case '_':
				if seg > 0 && wordAt(t, i+1, end) {
					seg++
					i++
					continue
				}
			case '@', '+', '%':
				if i < s.noAt {
					break
				}
				at := i
				for at < end && t[at] != '@' && (ascii[t[at]]&cAlnum != 0 || strings.IndexByte("._%+-", t[at]) >= 0) {
					at++
				}
				if at < end && t[at] == '@' {
					if j := emailEnd(t, start, at, end); j > 0 {
						s.emit(start, j, Email)
						return j
					}
				} else {
					s.noAt = at // a+a+a+… must not be scanned again at each +
				}
			case '$':
				if upperOnly && i-start <= 3 && !fromNumber && i+1 < end && ascii[t[i+1]]&cDigit != 0 {
					s.emit(start, i+1, Currency) // US$
					return i + 1
				}
			}
			break
		}
		r, size := utf8.DecodeRuneInString(t[i:end])
		switch {
		case isWordRune(r):
			upperOnly = false
			seg++
			i += size
			continue
		case r == '’':
			if k := s.wordApostrophe(start, i, size, end); k >= 0 {
				return k
			}
			seg++
			i += size
			continue
		case r == '‐' || r == '‑':
			if seg > 0 && wordAt(t, i+size, end) {
				upperOnly, shortSegs, dots, seg = false, true, 0, 0
				i += size
				continue
			}
		case isJoiner(r):
			if wordAt(t, i+size, end) {
				i += size
				continue
			}
		}
		break
	}
	if seg > 3 {
		shortSegs = false
	}
	w := t[start:i]
	if i+1 < end && t[i] == '-' && spaceAt(t, i+1) > 0 && lowerAt(t, i-1, end) && dots == 0 {
		s.emit(start, i+1, Word) // pre- and post-war
		return i + 1
	}
	domain := dots > 0 && isDomain(w)
	if !domain && i < end && t[i] == '.' && (i+1 == end || t[i+1] != '.') {
		if kind := s.abbrev(w, i, end, dots, shortSegs); kind != abbrNone {
			if s.abbrevEndsSentence(start, i+1, end, kind) {
				s.emit(start, i, Abbrev)
				s.emit(i, i+1, Punct)
			} else {
				s.emit(start, i+1, Abbrev)
			}
			return i + 1
		}
	}
	if domain {
		if i+1 < end && t[i] == '/' && spaceAt(t, i+1) == 0 {
			return s.urlFrom(start, i, end)
		}
		s.emit(start, i, URL)
		return i
	}
	s.emit(start, i, Word)
	return i
}

// wordApostrophe handles an apostrophe of n bytes at t[i] inside the word
// that starts at t[start]: it emits the word and a clitic ('s, n't, …) and
// returns where to go on; or, if the apostrophe continues the word
// (O'Brien), it returns -1. A word that ends before the apostrophe
// (players') is emitted, and the apostrophe left to the caller.
func (s *segmenter) wordApostrophe(start, i, n, end int) int {
	t := s.text
	if k := cliticLen(t, i+n, end); k > 0 {
		s.emit(start, i, Word)
		s.emit(i, i+n+k, Clitic)
		return i + n + k
	}
	if i+n < end && t[i+n]|0x20 == 't' && !wordAt(t, i+n+1, end) && t[i-1]|0x20 == 'n' {
		if i-1 > start {
			s.emit(start, i-1, Word) // do n't, ca n't
		}
		s.emit(i-1, i+n+1, Clitic)
		return i + n + 1
	}
	if wordAt(t, i+n, end) {
		return -1
	}
	s.emit(start, i, Word)
	return i
}

// abbrev returns the kind of abbreviation of the word w followed by a
// period at t[dot], or abbrNone if w does not keep its period. The last
// part of a hyphenated word counts (aid-U.N.), and so does the title-case
// form of an upper-case word (ST. LOUIS).
func (s *segmenter) abbrev(w string, dot, end, dots int, shortSegs bool) abbrKind {
	if dots > 0 {
		// U.S., U.N., a.m., e.g., i.e., Ph.D.: short segments only.
		if shortSegs && !strings.ContainsAny(w, "0123456789") {
			return abbrAcronym
		}
		return abbrNone
	}
	if h := strings.LastIndexByte(w, '-'); h >= 0 {
		w = w[h+1:]
	}
	r, n := utf8.DecodeRuneInString(w)
	if n == len(w) {
		if unicode.IsUpper(r) {
			return abbrInitial // J. K. Rowling
		}
		if w != "p" {
			return abbrNone
		}
	}
	kind := abbreviations[w]
	if kind == abbrNone && len(w) <= 8 && isUpperASCII(w) {
		var b [8]byte
		copy(b[:], w)
		for i := 1; i < len(w); i++ {
			b[i] |= 0x20
		}
		kind = abbreviations[string(b[:len(w)])]
	}
	if kind == abbrNumber {
		t := s.text
		i := dot + 1
		for i < end && spaceAt(t, i) > 0 {
			i += spaceAt(t, i)
		}
		if i >= end || ascii[t[i]]&cDigit == 0 {
			return abbrNone
		}
	}
	return kind
}

func isUpperASCII(w string) bool {
	for i := 0; i < len(w); i++ {
		if ascii[w[i]]&cUpper == 0 {
			return false
		}
	}
	return true
}

// abbrevEndsSentence reports whether the abbreviation t[start:i-1] of the
// given kind, whose period is t[i-1], also ends its sentence. One followed
// by a closing bracket, as in "(U.S.)", does not. Otherwise, one at the end
// of the paragraph (after quotation marks, if any) does. Within a
// paragraph, a title (Mr.) or a number abbreviation (No. 10) never does;
// any other does when the next word, after quotation marks, is a sentence
// starter (see starter); an initial (J.) only if, in addition, the word
// before it is in lower case (vitamin C. The), since in a name (George W.
// Bush, P. Such) it is not.
func (s *segmenter) abbrevEndsSentence(start, i, end int, kind abbrKind) bool {
	t := s.text
	for i < end {
		if n := spaceAt(t, i); n > 0 {
			i += n
			continue
		}
		r, size := decode(t, i)
		switch r {
		case '"', '”', '’', '»', '\'', '“', '‘', '«':
			i += size
			continue
		case ')', ']', '}':
			return false // (U.S.)
		}
		break
	}
	if i >= end {
		return true
	}
	switch kind {
	case abbrTitle, abbrNumber:
		return false
	case abbrInitial:
		if n := len(s.d.Tokens); n == 0 || s.d.Tokens[n-1].Kind != Word || !lowerAt(t, s.d.Tokens[n-1].Start, start) {
			return false
		}
	}
	j := i
	for j < end && ascii[t[j]]&cLetter != 0 {
		j++
	}
	return starter(t[i:j])
}

type abbrKind uint8

const (
	abbrNone    abbrKind = iota
	abbrPlain            // Inc. Jan. etc.
	abbrAcronym          // U.S. a.m. e.g.: letters and inner periods
	abbrInitial          // J.: one capital letter
	abbrTitle            // Mr. Dr. Gen.: never ends a sentence within a paragraph
	abbrNumber           // No. Nos. Art.: an abbreviation only before a digit
)

// abbreviations are the words that keep their period. Case matters:
// "Gen." is a title, "gen." is not an abbreviation.
var abbreviations = map[string]abbrKind{
	// Titles and ranks.
	"Mr": abbrTitle, "Mrs": abbrTitle, "Ms": abbrTitle, "Mx": abbrTitle, "Messrs": abbrTitle,
	"Dr": abbrTitle, "Prof": abbrTitle, "Rev": abbrTitle, "Fr": abbrTitle, "Hon": abbrTitle,
	"Gen": abbrTitle, "Lt": abbrTitle, "Col": abbrTitle, "Maj": abbrTitle, "Capt": abbrTitle,
	"Cmdr": abbrTitle, "Cdr": abbrTitle, "Adm": abbrTitle, "Sgt": abbrTitle, "Cpl": abbrTitle,
	"Pvt": abbrTitle, "Brig": abbrTitle, "Lieut": abbrTitle, "Gov": abbrTitle, "Sen": abbrTitle,
	"Rep": abbrTitle, "Reps": abbrTitle, "Sens": abbrTitle, "Pres": abbrTitle, "Amb": abbrTitle,
	"Supt": abbrTitle, "Insp": abbrTitle, "Det": abbrTitle, "Mme": abbrTitle, "Mlle": abbrTitle,
	"Mt": abbrTitle, "Ft": abbrTitle, "Sr": abbrPlain, "Jr": abbrPlain, "St": abbrPlain,
	// Companies.
	"Inc": abbrPlain, "Corp": abbrPlain, "Co": abbrPlain, "Ltd": abbrPlain, "Bros": abbrPlain,
	"Cos": abbrPlain, "Esq": abbrPlain, "Dept": abbrPlain, "Univ": abbrPlain, "Assn": abbrPlain,
	// Months and weekdays.
	"Jan": abbrPlain, "Feb": abbrPlain, "Mar": abbrPlain, "Apr": abbrPlain, "Jun": abbrPlain,
	"Jul": abbrPlain, "Aug": abbrPlain, "Sep": abbrPlain, "Sept": abbrPlain, "Oct": abbrPlain,
	"Nov": abbrPlain, "Dec": abbrPlain, "Mon": abbrPlain, "Tue": abbrPlain, "Tues": abbrPlain,
	"Wed": abbrPlain, "Thu": abbrPlain, "Thur": abbrPlain, "Thurs": abbrPlain, "Fri": abbrPlain,
	// Places.
	"Ave": abbrPlain, "Blvd": abbrPlain, "Rd": abbrPlain, "Hwy": abbrPlain,
	"Ala": abbrPlain, "Ariz": abbrPlain, "Ark": abbrPlain, "Calif": abbrPlain, "Colo": abbrPlain,
	"Conn": abbrPlain, "Del": abbrPlain, "Fla": abbrPlain, "Ga": abbrPlain, "Ill": abbrPlain,
	"Ind": abbrPlain, "Kan": abbrPlain, "Kans": abbrPlain, "Ky": abbrPlain, "La": abbrPlain,
	"Md": abbrPlain, "Mass": abbrPlain, "Mich": abbrPlain, "Minn": abbrPlain, "Miss": abbrPlain,
	"Mo": abbrPlain, "Mont": abbrPlain, "Neb": abbrPlain, "Nev": abbrPlain, "Okla": abbrPlain,
	"Ore": abbrPlain, "Pa": abbrPlain, "Penn": abbrPlain, "Tenn": abbrPlain, "Tex": abbrPlain,
	"Va": abbrPlain, "Vt": abbrPlain, "Wash": abbrPlain, "Wis": abbrPlain, "Wyo": abbrPlain,
	// Latin and other lower-case abbreviations.
	"vs": abbrPlain, "etc": abbrPlain, "al": abbrPlain, "approx": abbrPlain, "cf": abbrPlain,
	"ca": abbrPlain, "viz": abbrPlain, "esp": abbrPlain, "incl": abbrPlain, "est": abbrPlain,
	"pp": abbrPlain, "vol": abbrPlain, "Vol": abbrPlain, "Fig": abbrPlain, "fig": abbrPlain,
	"Gov't": abbrPlain, "govt": abbrPlain,
	// Only before a number.
	"No": abbrNumber, "no": abbrNumber, "Nos": abbrNumber, "Nr": abbrNumber,
	"Art": abbrNumber, "art": abbrNumber, "p": abbrNumber, "Ch": abbrNumber, "ch": abbrNumber,
}

// hasURLPrefix reports whether w starts with http://, https://, ftp:// or
// www. followed by a letter or digit (in any case).
func hasURLPrefix(w string) bool {
	switch w[0] | 0x20 {
	case 'h':
		if len(w) > 8 && strings.EqualFold(w[:7], "http://") || len(w) > 9 && strings.EqualFold(w[:8], "https://") {
			return true
		}
	case 'f':
		return len(w) > 7 && strings.EqualFold(w[:6], "ftp://")
	case 'w':
		return len(w) > 5 && strings.EqualFold(w[:4], "www.") && wordAt(w, 4, len(w))
	}
	return false
}

// url scans a URL that starts at t[start].
func (s *segmenter) url(start, end int) int {
	return s.urlFrom(start, start, end)
}

// urlFrom scans a URL that starts at t[start] and has been read up to t[i]:
// up to a space, a quotation mark or angle bracket, without trailing
// punctuation (and without a closing bracket that has no opening one).
func (s *segmenter) urlFrom(start, i, end int) int {
	t := s.text
	for i < end {
		c := t[i]
		if c < utf8.RuneSelf {
			if ascii[c]&cSpace != 0 || c == '"' || c == '<' || c == '>' || c == '`' {
				break
			}
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(t[i:end])
		if isSpaceRune(r) || r == '“' || r == '”' || r == '‘' || r == '’' || r == '«' || r == '»' || r == '…' {
			break
		}
		i += size
	}
	// Brackets the URL opens minus those it closes, to keep the closing
	// bracket of "(see http://x.org/a_(b))" but not of "(see http://x.org)".
	var open [3]int
	for j := start; j < i; j++ {
		switch t[j] {
		case '(':
			open[0]++
		case ')':
			open[0]--
		case '[':
			open[1]++
		case ']':
			open[1]--
		case '{':
			open[2]++
		case '}':
			open[2]--
		}
	}
	for i > start+1 {
		switch c := t[i-1]; c {
		case '.', ',', ';', ':', '!', '?', '\'', '*':
			i--
			continue
		case ')', ']', '}':
			k := 0
			if c == ']' {
				k = 1
			} else if c == '}' {
				k = 2
			}
			if open[k] < 0 {
				open[k]++
				i--
				continue
			}
		}
		break
	}
	s.emit(start, i, URL)
	return i
}

// isDomain reports whether w (which has inner dots) is a host name under a
// common top-level domain, such as khamenei.ir or bbc.co.uk.
func isDomain(w string) bool {
	dot := strings.LastIndexByte(w, '.')
	if dot < 2 {
		return false
	}
	switch w[dot+1:] {
	case "com", "org", "net", "edu", "gov", "mil", "int", "info", "biz", "io",
		"uk", "us", "ir", "ru", "cn", "de", "fr", "jp", "in", "au", "ca", "eu",
		"sy", "iq", "il", "tr", "ae", "sa", "qa", "lb", "eg", "pk", "af", "ua",
		"tv", "me", "news", "ch", "nl", "it", "es", "se", "no", "pl", "br", "za":
		for i := 0; i < dot; i++ {
			if c := w[i]; c >= utf8.RuneSelf || ascii[c]&cAlnum == 0 && c != '.' && c != '-' {
				return false
			}
		}
		return true
	}
	return false
}

// emailEnd returns the end of the e-mail address whose local part is
// t[start:at] and whose @ is at t[at], or 0 if there is none.
func emailEnd(t string, start, at, end int) int {
	for i := start; i < at; i++ {
		c := t[i]
		if ascii[c]&cAlnum == 0 && strings.IndexByte("._%+-", c) < 0 {
			return 0
		}
	}
	i, dots := at+1, 0
	for i < end {
		c := t[i]
		if c < utf8.RuneSelf && ascii[c]&cAlnum != 0 || c == '-' {
			i++
			continue
		}
		if c == '.' && i+1 < end && t[i+1] < utf8.RuneSelf && ascii[t[i+1]]&cAlnum != 0 && t[i-1] != '.' && t[i-1] != '@' {
			dots++
			i++
			continue
		}
		break
	}
	for i > at+1 && t[i-1] == '-' {
		i--
	}
	if dots == 0 || i <= at+1 {
		return 0
	}
	return i
}
