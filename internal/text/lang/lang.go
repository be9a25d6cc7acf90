package lang

import (
	"unicode"
	"unicode/utf8"
)

const (
	// SampleBytes is how much of the text Detect reads: the first
	// SampleBytes bytes, cut back to a UTF-8 boundary. Two kilobytes hold
	// some 300 Latin-script words, plenty for a clear vote, and keep the cost
	// per article flat however long the article is.
	SampleBytes = 2048

	// MinLetters is the fewest letters Detect decides on; with fewer it
	// returns "".
	MinLetters = 20

	// maxWord is the longest word, in bytes, worth looking up; it is longer
	// than every function word in the tables (building them checks).
	maxWord = 24
)

// Detect returns the ISO 639-1 code of the language text is written in, or ""
// when it cannot tell reliably: fewer than MinLetters letters, no script
// holding a clear majority of the letters, a script or language it does not
// know, or Latin-script text whose function words give no clear winner.
//
// Detect reads only the first SampleBytes bytes of text. It expects NFC text
// (as text.Normalize produces) but accepts any string, including invalid
// UTF-8, and never panics. Its answers are one of: the codes of Latin-script
// languages listed in this package (en, fr, de, es, it, pt, nl, sv, da, nb,
// fi, pl, cs, sk, ro, hu, tr, id, ms, hr, sl, et, lv, lt, ca, vi, sq, tl),
// Serbian and Bosnian in Latin script being reported as hr; ru, uk, be, bg,
// sr and mk for Cyrillic; ar, fa and ur for Arabic script; el, he, hi, bn,
// ta, th, hy, ka, ja, ko and zh.
func Detect(text string) string {
	sample, cut := prefix(text)
	var sc scan
	sc.latin.t = tables()
	sc.run(sample, cut)
	return sc.decide()
}

// prefix returns at most SampleBytes bytes of s, cut before a rune start,
// and whether it cut anything off.
func prefix(s string) (string, bool) {
	if len(s) <= SampleBytes {
		return s, false
	}
	cut := SampleBytes
	// A rune is at most utf8.UTFMax bytes; past that the bytes are invalid
	// anyway and any cut will do.
	for i := 0; i < utf8.UTFMax && !utf8.RuneStart(s[cut]); i++ {
		cut--
	}
	return s[:cut], true
}

// script is a writing system, as far as Detect needs to tell them apart.
type script uint8

const (
	scriptLatin script = iota
	scriptCyrillic
	scriptGreek
	scriptArabic
	scriptHebrew
	scriptDevanagari
	scriptBengali
	scriptTamil
	scriptThai
	scriptArmenian
	scriptGeorgian
	scriptHan
	scriptKana
	scriptHangul
	scriptOther // letters of a script Detect has no language for
	numScripts
)

// scan holds the counts one pass over the sample collects. It lives on the
// stack of Detect; nothing in it escapes.
type scan struct {
	letters [numScripts]int
	cyr     [numCyrMarks]int
	arab    [numArabMarks]int
	yiddish int
	latin   latinVote

	word      [maxWord]byte
	wordLen   int  // bytes of the current word, possibly > maxWord
	afterApos bool // the current word follows an apostrophe inside a word
}

// run counts the letters of sample per script and votes on every
// Latin-script word. cut reports that sample ends mid-text, so its last
// word may be a fragment and is not voted on.
func (sc *scan) run(sample string, cut bool) {
	for i := 0; i < len(sample); {
		c := sample[i]
		if c < utf8.RuneSelf {
			i++
			switch {
			case 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z':
				sc.letters[scriptLatin]++
				sc.addByte(c | 0x20)
			case c == '\'':
				sc.apostrophe(sample[i:])
			default:
				sc.endWord()
			}
			continue
		}
		r, size := utf8.DecodeRuneInString(sample[i:])
		i += size
		if r == '’' {
			sc.apostrophe(sample[i:])
			continue
		}
		sc.rune(r)
	}
	if cut {
		sc.wordLen = 0
	}
	sc.endWord()
}

// rune handles one non-ASCII rune.
func (sc *scan) rune(r rune) {
	switch {
	case r < 0x2B0: // Latin-1 Supplement, Latin Extended-A and -B, IPA (ɛ ɔ ə of African languages)
		if r == '×' || r == '÷' || !unicode.IsLetter(r) {
			sc.endWord()
			return
		}
		sc.latinLetter(r)
	case 0x1E00 <= r && r <= 0x1EFF: // Latin Extended Additional: Vietnamese
		sc.latinLetter(r)
	case 0x300 <= r && r <= 0x36F: // combining marks: part of the word, not letters
		sc.addRune(r)
	case 0x370 <= r && r <= 0x3FF || 0x1F00 <= r && r <= 0x1FFF:
		sc.other(scriptGreek)
	case 0x400 <= r && r <= 0x52F:
		sc.other(scriptCyrillic)
		sc.cyr[cyrMark(r)]++
	case 0x530 <= r && r <= 0x58F:
		sc.other(scriptArmenian)
	case 0x590 <= r && r <= 0x5FF:
		sc.other(scriptHebrew)
		if 0x5F0 <= r && r <= 0x5F2 { // װ ױ ײ: Yiddish
			sc.yiddish++
		}
	case 0x600 <= r && r <= 0x6FF || 0x750 <= r && r <= 0x77F || 0xFB50 <= r && r <= 0xFDFF || 0xFE70 <= r && r <= 0xFEFF:
		m := arabMark(r)
		if m == arabNotLetter {
			sc.endWord()
			return
		}
		sc.other(scriptArabic)
		sc.arab[m]++
	case 0x900 <= r && r <= 0x97F:
		sc.otherUnlessDigit(r, 0x964, 0x96F, scriptDevanagari)
	case 0x980 <= r && r <= 0x9FF:
		sc.otherUnlessDigit(r, 0x9E6, 0x9EF, scriptBengali)
	case 0xB80 <= r && r <= 0xBFF:
		sc.otherUnlessDigit(r, 0xBE6, 0xBEF, scriptTamil)
	case 0xE00 <= r && r <= 0xE7F:
		sc.otherUnlessDigit(r, 0xE50, 0xE59, scriptThai)
	case 0x10A0 <= r && r <= 0x10FF || 0x1C90 <= r && r <= 0x1CBF:
		sc.other(scriptGeorgian)
	case 0x3041 <= r && r <= 0x30FA || 0x30FC <= r && r <= 0x30FF || 0x31F0 <= r && r <= 0x31FF || 0xFF66 <= r && r <= 0xFF9F:
		sc.other(scriptKana)
	case 0x1100 <= r && r <= 0x11FF || 0x3130 <= r && r <= 0x318F || 0xAC00 <= r && r <= 0xD7AF:
		sc.other(scriptHangul)
	case 0x4E00 <= r && r <= 0x9FFF || 0x3400 <= r && r <= 0x4DBF || 0xF900 <= r && r <= 0xFAFF || 0x20000 <= r && r <= 0x3134F:
		sc.other(scriptHan)
	case unicode.IsLetter(r):
		sc.other(scriptOther)
	default:
		sc.endWord()
	}
}

// other counts a letter of a script without word voting; it ends any
// Latin-script word in progress.
func (sc *scan) other(s script) {
	sc.endWord()
	sc.letters[s]++
}

// otherUnlessDigit counts r as a letter of s unless it lies in [lo, hi], the
// script's punctuation and digits.
func (sc *scan) otherUnlessDigit(r, lo, hi rune, s script) {
	if lo <= r && r <= hi {
		sc.endWord()
		return
	}
	sc.other(s)
}

// latinLetter counts a non-ASCII Latin letter, adds it to the word in
// progress and to the diacritic evidence.
func (sc *scan) latinLetter(r rune) {
	sc.letters[scriptLatin]++
	r = unicode.ToLower(r)
	sc.latin.diacritic(r)
	sc.addRune(r)
}

func (sc *scan) addByte(c byte) {
	if sc.wordLen < maxWord {
		sc.word[sc.wordLen] = c
	}
	sc.wordLen++
}

func (sc *scan) addRune(r rune) {
	if sc.wordLen+utf8.UTFMax <= maxWord {
		sc.wordLen += utf8.EncodeRune(sc.word[sc.wordLen:], r)
		return
	}
	sc.wordLen += utf8.RuneLen(r)
}

// apostrophe handles an apostrophe followed by rest. Inside a word it ends
// the word, keeping the apostrophe so that elided articles (French l',
// Italian dell') are words of their own, and the fragment after it (English
// 't, 's) is not voted on. Elsewhere it is a quotation mark.
func (sc *scan) apostrophe(rest string) {
	if sc.wordLen == 0 || rest == "" || !letterStart(rest[0]) {
		sc.endWord()
		return
	}
	sc.addByte('\'')
	sc.endWord()
	sc.afterApos = true
}

// letterStart reports whether a text starting with byte c may start with a
// letter; any non-ASCII rune is given the benefit of the doubt.
func letterStart(c byte) bool {
	return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || c >= utf8.RuneSelf
}

// endWord votes on the word in progress, if any, and starts a new one.
func (sc *scan) endWord() {
	if sc.wordLen == 0 {
		sc.afterApos = false
		return
	}
	if !sc.afterApos && sc.wordLen <= maxWord {
		sc.latin.word(sc.word[:sc.wordLen])
	}
	sc.wordLen = 0
	sc.afterApos = false
}

// decide turns the counts into an answer.
func (sc *scan) decide() string {
	total := 0
	for _, n := range sc.letters {
		total += n
	}
	if total < MinLetters {
		return ""
	}
	// Han, kana and Hangul are weighed together: Japanese mixes Han and kana,
	// Korean may mix Han and Hangul.
	cjk := sc.letters[scriptHan] + sc.letters[scriptKana] + sc.letters[scriptHangul]
	best, bestN := scriptHan, cjk
	for s := scriptLatin; s < scriptHan; s++ {
		if sc.letters[s] > bestN {
			best, bestN = s, sc.letters[s]
		}
	}
	if sc.letters[scriptOther] > bestN {
		return ""
	}
	// A clear majority of the letters: a quoted name or term in another
	// script does not matter, but half-and-half text has no one language.
	if bestN*10 < total*6 {
		return ""
	}
	switch best {
	case scriptLatin:
		return sc.latin.decide(sc.letters[scriptLatin])
	case scriptCyrillic:
		return cyrillicLang(&sc.cyr, bestN)
	case scriptArabic:
		return arabicLang(&sc.arab, bestN)
	case scriptHebrew:
		if sc.yiddish*100 >= bestN {
			return "" // Yiddish, which Detect does not know
		}
		return "he"
	case scriptHan:
		switch {
		case sc.letters[scriptHangul]*2 > cjk:
			return "ko"
		case sc.letters[scriptKana]*10 >= cjk:
			return "ja"
		case sc.letters[scriptHan]*10 >= cjk*8:
			return "zh"
		}
		return ""
	}
	return scriptLang(best)
}

// scriptLang returns the language of a script that, for Detect, has only
// one.
func scriptLang(s script) string {
	switch s {
	case scriptGreek:
		return "el"
	case scriptDevanagari:
		return "hi"
	case scriptBengali:
		return "bn"
	case scriptTamil:
		return "ta"
	case scriptThai:
		return "th"
	case scriptArmenian:
		return "hy"
	case scriptGeorgian:
		return "ka"
	}
	return ""
}
