package lang

// Within Cyrillic and Arabic script the language shows in a handful of
// letters that only some of the script's languages use. Counting them is as
// cheap as counting the script and settles the common cases; the rates
// below are well under these letters' usual frequency in running text
// (Ukrainian і alone is some 5% of letters, Russian ы 2%, Urdu ے 3%) and
// well above what a quoted name adds.

// cyrMarkClass is a class of telling Cyrillic letters.
type cyrMarkClass uint8

const (
	cyrPlain cyrMarkClass = iota // shared by Russian, Bulgarian, Serbian, ...
	cyrUk                        // і ї є ґ: Ukrainian (і also Belarusian)
	cyrBe                        // ў: Belarusian
	cyrRu                        // ы э ё: Russian, Belarusian; never Ukrainian, Bulgarian, Serbian, Macedonian
	cyrSrMk                      // ј љ њ џ: Serbian and Macedonian
	cyrSr                        // ћ ђ: Serbian
	cyrMk                        // ѓ ќ ѕ: Macedonian
	cyrBg                        // ъ: common in Bulgarian, rare in Russian
	cyrOther                     // letters of Kazakh, Tatar, Mongolian, ...: a language Detect does not know
	numCyrMarks
)

// cyrMark classifies r, a rune of the Cyrillic blocks U+0400–U+052F.
func cyrMark(r rune) cyrMarkClass {
	switch {
	case r < 0x410: // capitals with diacritics, Ѐ–Џ
		r += 0x50
	case r < 0x430: // basic capitals, А–Я
		r += 0x20
	}
	switch r {
	case 'і', 'ї', 'є', 'ґ', 'Ґ':
		return cyrUk
	case 'ў':
		return cyrBe
	case 'ы', 'э', 'ё':
		return cyrRu
	case 'ј', 'љ', 'њ', 'џ':
		return cyrSrMk
	case 'ћ', 'ђ':
		return cyrSr
	case 'ѓ', 'ќ', 'ѕ':
		return cyrMk
	case 'ъ':
		return cyrBg
	}
	if r >= 0x460 {
		return cyrOther
	}
	return cyrPlain
}

// cyrillicLang names the language of Cyrillic text with n letters and the
// given counts of telling letters, or "".
func cyrillicLang(m *[numCyrMarks]int, n int) string {
	ru := m[cyrRu]
	srmk := m[cyrSrMk] + m[cyrSr] + m[cyrMk]
	switch {
	case m[cyrOther]*100 >= n:
		return ""
	case m[cyrBe]*200 >= n:
		return "be"
	case m[cyrUk]*100 >= n && m[cyrUk] > 2*ru:
		return "uk"
	case srmk*200 >= n && srmk > 2*ru:
		// ј љ њ џ are both Serbian and Macedonian; only ћ ђ against
		// ѓ ќ ѕ tell them apart.
		switch {
		case m[cyrSr] > m[cyrMk]:
			return "sr"
		case m[cyrMk] > m[cyrSr]:
			return "mk"
		}
		return ""
	case m[cyrBg]*200 >= n && m[cyrBg] > 2*ru:
		return "bg"
	case ru > 0:
		return "ru"
	}
	// Without ы, э or ё the text may as well be Bulgarian or Serbian that
	// happens to lack their letters; only short texts get here.
	return ""
}

// arabMarkClass is a class of telling Arabic-script letters.
type arabMarkClass uint8

const (
	arabPlain     arabMarkClass = iota
	arabNotLetter               // digits, punctuation, vowel signs, tatweel
	arabFa                      // پ چ ژ گ ک ی: Persian (and Urdu)
	arabUr                      // ے ٹ ڈ ڑ ں ھ ہ: Urdu
	arabOther                   // letters of Pashto, Kurdish, Uyghur, Sindhi, ...
	numArabMarks
)

// arabMark classifies r, a rune of the Arabic blocks.
func arabMark(r rune) arabMarkClass {
	switch {
	case r <= 0x61F, r == 0x640, 0x64B <= r && r <= 0x66D, r == 0x670,
		0x6D4 <= r && r <= 0x6ED, 0x6F0 <= r && r <= 0x6F9, r == 0xFD3E, r == 0xFD3F:
		return arabNotLetter
	case 0x750 <= r && r <= 0x77F:
		return arabOther
	}
	switch r {
	case 'پ', 'چ', 'ژ', 'گ', 'ک', 'ی':
		return arabFa
	case 'ے', 'ۓ', 'ٹ', 'ڈ', 'ڑ', 'ں', 'ھ', 'ہ', 'ۃ':
		return arabUr
	case 'ښ', 'ږ', 'ځ', 'څ', 'ډ', 'ړ', 'ټ', 'ګ', 'ۍ', 'ې', 'ڼ', // Pashto
		'ە', 'ێ', 'ۆ', 'ڵ', 'ڕ', // Sorani Kurdish
		'ۇ', 'ۈ', 'ۋ', // Uyghur
		'ڄ', 'ڃ', 'ڦ', 'ڻ', 'ڳ', 'ڱ': // Sindhi
		return arabOther
	}
	return arabPlain
}

// arabicLang names the language of Arabic-script text with n letters and
// the given counts of telling letters, or "".
func arabicLang(m *[numArabMarks]int, n int) string {
	switch {
	case m[arabOther]*100 >= n:
		return ""
	case m[arabUr]*100 >= n:
		return "ur"
	case m[arabFa]*50 >= n:
		return "fa"
	}
	return "ar"
}
