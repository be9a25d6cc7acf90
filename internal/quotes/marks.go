package quotes

import (
	"unicode"
	"unicode/utf8"

	"github.com/parallax-news/parallax/internal/text"
)

// region is a stretch of text between quotation marks, as token indices:
// the marks' tokens and the content tokens between them.
type region struct {
	open  int // token of the opening mark, or -1 when there is none
	close int // token of the closing mark, or -1 when unclosed
	// first and end are the half-open range of content tokens; after is
	// the token after the closing mark (end when unclosed).
	first, end, after int
	para              int // paragraph index
	// continues is set on the part of a quote that goes on in the next
	// paragraph (unclosed here, reopened there); continued on the part
	// that takes it up.
	continues, continued bool
	// clause is set on a quotation that stands for the clause its cue
	// reports, being most of it: called Carson a “special person.”
	// absorbed is set on one that is a small part of such a clause, which
	// holds it.
	clause, absorbed bool
}

// markClass is what a quotation mark's glyph says about it.
type markClass uint8

const (
	notMark      markClass = iota
	doubleOpen             // “ „ «
	doubleClose            // ” »
	doubleEither           // "
	singleOpen             // ‘ ‚ ‹
	singleClose            // ’ ›
	singleEither           // ' `
)

// classify returns the class of the quotation mark r.
func classify(r rune) markClass {
	switch r {
	case '“', '„', '«', '‟':
		return doubleOpen
	case '”', '»':
		return doubleClose
	case '"', '＂':
		return doubleEither
	case '‘', '‚', '‹', '‛':
		return singleOpen
	case '’', '›':
		return singleClose
	case '\'', '`':
		return singleEither
	}
	return notMark
}

// maxDepth bounds how deep double quotation marks nest; deeper marks are
// taken for stray ones.
const maxDepth = 4

// findRegions pairs the quotation marks of each paragraph and returns the
// quoted regions, outermost only, in text order.
//
// Whether a mark opens or closes comes first from what touches it, as
// typographers set them: a mark with a space or an opening bracket before
// it and a word after it opens, one with a word or punctuation before it
// and a space or punctuation after it closes. Only when both sides (or
// neither) touch something does the glyph decide, and an ambiguous mark
// closes an open quote: “So watch out for their new plots! “, said the
// Leader" ends with an opening glyph used as a closing one, and « … » with
// spaces inside is read as French guillemets. Double marks nest (a stack);
// single marks inside double ones are the inner quotes of the outer quote
// and are left to it; single marks outside double ones pair only when they
// clearly open and close within the paragraph (British style), so that
// apostrophes (O'Brien, players’) never open anything.
//
// A paragraph that ends inside a quote closes it at the paragraph's end;
// when the next paragraph opens with a quotation mark, the two regions are
// marked as one quote going on (continues, continued), as newspapers
// print a quotation of several paragraphs.
func findRegions(txt string, doc text.Doc) []region {
	var out []region
	var stack, firsts [maxDepth]int // opening marks and the tokens after them
	for pi, p := range doc.Paragraphs {
		first := doc.Sentences[p.FirstSentence].FirstToken
		end := doc.Sentences[p.EndSentence-1].EndToken
		depth := 0
		single := -1    // open single mark at depth 0
		inAttr := false // inside a markup attribute's value
		from := len(out)
		for k := first; k < end; k++ {
			tok := doc.Tokens[k]
			if tok.Kind != text.Quote && tok.Kind != text.Clitic {
				continue
			}
			r, _ := utf8.DecodeRuneInString(txt[tok.Start:tok.End])
			class := classify(r)
			// Two apostrophes are a double mark, as some newspapers
			// print it: ''Meet the Press''.
			last := k
			if (r == '\'' || r == '’') && k+1 < end && doc.Tokens[k+1].Start == tok.End && txt[tok.Start:tok.End] == txt[doc.Tokens[k+1].Start:doc.Tokens[k+1].End] {
				class, last = doubleEither, k+1
				tok.End = doc.Tokens[k+1].End
			}
			if class == notMark || tok.Kind == text.Clitic && last == k {
				continue
			}
			if k > 0 && txt[tok.Start-1] == '=' {
				inAttr = true // an attribute's value in markup: id="…"
				continue
			}
			if inAttr && class == doubleEither {
				inAttr = false // and the mark that closes it
				continue
			}
			opens, closes := flanks(txt, tok, k == first, last == end-1)
			switch class {
			case doubleOpen, doubleClose, doubleEither:
				dir := class
				switch {
				case opens && !closes:
					dir = doubleOpen
				case closes && !opens:
					dir = doubleClose
				case depth > 0:
					dir = doubleClose
				case class == doubleEither:
					dir = doubleOpen
				}
				if dir == doubleOpen {
					if depth == maxDepth {
						continue
					}
					if depth == 0 {
						single = -1 // a double quote inside a single one: the single one was an apostrophe
					}
					stack[depth] = k
					firsts[depth] = last + 1
					depth++
					k = last
					continue
				}
				if depth == 0 {
					k = last
					continue // a stray closing mark
				}
				depth--
				if depth == 0 && firsts[0] < k {
					out = append(out, region{open: stack[0], close: k, first: firsts[0], end: k, after: last + 1, para: pi})
				}
				k = last
			default:
				if depth > 0 {
					continue
				}
				switch {
				case opens && !closes && class != singleClose:
					single = k
				case closes && !opens && class != singleOpen && single >= 0:
					if single+1 < k {
						out = append(out, region{open: single, close: k, first: single + 1, end: k, after: k + 1, para: pi})
					}
					single = -1
				}
			}
		}
		if depth > 0 && firsts[0] < end {
			out = append(out, region{open: stack[0], close: -1, first: firsts[0], end: end, after: end, para: pi})
		}
		// The regions of a paragraph come out in the order they close:
		// a single-quoted region can close after a double-quoted one that
		// opened later. Keep them in text order, outermost only.
		out = append(out[:from], outermost(out[from:])...)
	}
	// Quotes that go on in the next paragraph.
	for i := range out {
		r := &out[i]
		if r.close >= 0 || r.para+1 >= len(doc.Paragraphs) {
			continue
		}
		next := doc.Paragraphs[r.para+1]
		k := doc.Sentences[next.FirstSentence].FirstToken
		if i+1 < len(out) && out[i+1].para == r.para+1 && out[i+1].open == k {
			r.continues = true
			out[i+1].continued = true
		}
	}
	return out
}

// flanks reports whether the quotation mark tok can open a quote (it
// touches a word on its right) and whether it can close one (it touches a
// word or punctuation on its left). A paragraph's edges count as space.
func flanks(txt string, tok text.Token, paraStart, paraEnd bool) (opens, closes bool) {
	if !paraEnd && tok.End < len(txt) {
		r, _ := utf8.DecodeRuneInString(txt[tok.End:])
		opens = !unicode.IsSpace(r) && !closingPunct(r)
	}
	if !paraStart && tok.Start > 0 {
		r, _ := utf8.DecodeLastRuneInString(txt[:tok.Start])
		closes = !unicode.IsSpace(r) && !openingPunct(r)
	}
	return opens, closes
}

// closingPunct reports whether r is punctuation that follows a closing
// quotation mark rather than starts a quotation.
func closingPunct(r rune) bool {
	switch r {
	case ',', '.', ';', ':', '!', '?', ')', ']', '}', '…', '\u00a0':
		return true
	}
	return false
}

// openingPunct reports whether r is punctuation that precedes an opening
// quotation mark rather than ends a quotation.
func openingPunct(r rune) bool {
	switch r {
	case '(', '[', '{', '—', '–', '-', '/', '\u00a0':
		return true
	}
	return false
}

// outermost returns the regions of rs not inside another, in text order.
func outermost(rs []region) []region {
	if len(rs) < 2 {
		return rs
	}
	// Insertion sort by first token: a paragraph holds few regions.
	for i := 1; i < len(rs); i++ {
		for j := i; j > 0 && rs[j].first < rs[j-1].first; j-- {
			rs[j], rs[j-1] = rs[j-1], rs[j]
		}
	}
	out := rs[:1]
	for _, r := range rs[1:] {
		last := &out[len(out)-1]
		if r.first < last.end {
			continue // inside (or crossing) the one before
		}
		out = append(out, r)
	}
	return out
}
