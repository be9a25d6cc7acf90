package names

import (
	"slices"
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

// nameParticles are the words in names that spellings keep or drop at will
// ("Bashar al-Assad" and "Bashar Assad"); they do not tell names apart.
var nameParticles = map[string]bool{
	"al": true, "el": true, "ul": true, "bin": true, "ibn": true, "ben": true, "bint": true,
	"de": true, "da": true, "di": true, "du": true, "van": true, "von": true, "der": true,
	"the": true, "of": true, "and": true, "&": true,
}

// NameTokens returns the words of a name as they are compared across
// documents and outlets: lower-cased, accents removed, hyphens and
// apostrophes as word breaks, particles dropped, and doubled letters
// collapsed (except in a word of capitals no longer than an acronym), so that transliteration variants meet ("Seyyed"/"Seyed",
// "Qassem"/"Qasem", "Amir-Abdollahian"/"Amir Abdollahian",
// "al-Assad"/"Assad").
func NameTokens(name string) []string {
	var words []string
	var b strings.Builder
	lower := false // the word has a lower-case letter: it is no acronym
	flush := func() {
		if b.Len() == 0 {
			return
		}
		w := b.String()
		b.Reset()
		if !nameParticles[w] {
			if lower || len(w) > 6 {
				w = collapseDoubles(w)
			}
			// An acronym keeps its letters: "BBC" is not "BC".
			words = append(words, w)
		}
		lower = false
	}
	for _, r := range norm.NFKD.String(name) {
		switch {
		case unicode.Is(unicode.Mn, r):
			// accents go
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			lower = lower || unicode.IsLower(r)
			b.WriteRune(unicode.ToLower(r))
		case r == '.' && b.Len() == 1:
			// "U.S." stays "us": an initial's period joins the letters
		case r == '.':
		default:
			flush()
		}
	}
	flush()
	return words
}

// collapseDoubles turns runs of one letter into one ("seyyed" → "seyed").
func collapseDoubles(w string) string {
	var b strings.Builder
	var prev rune
	for i, r := range w {
		if i > 0 && r == prev {
			continue
		}
		b.WriteRune(r)
		prev = r
	}
	return b.String()
}

// NameKey returns the normalized form of a whole name (see NameTokens):
// two names with the same key are spellings of one name.
func NameKey(name string) string {
	return strings.Join(NameTokens(name), " ")
}

// Acronym returns the initials of a name of several words ("Islamic
// Revolutionary Guard Corps" → "irgc", "United Arab Emirates" → "uae"),
// or "" for a name of one word. Particles count only when written
// capitalized.
func Acronym(name string) string {
	fields := strings.FieldsFunc(name, func(r rune) bool { return unicode.IsSpace(r) || r == '-' })
	if len(fields) < 2 {
		return ""
	}
	var b strings.Builder
	for _, f := range fields {
		r := []rune(f)[0]
		if !unicode.IsUpper(r) {
			continue // "of", "the"
		}
		b.WriteRune(unicode.ToLower(r))
	}
	if b.Len() < 2 {
		return ""
	}
	return b.String()
}

// IsAcronym reports whether name is written as an acronym: one word of two
// to six capital letters, possibly with periods ("IRGC", "U.S.").
func IsAcronym(name string) bool {
	n := 0
	for _, r := range name {
		switch {
		case unicode.IsUpper(r):
			n++
		case r == '.':
		default:
			return false
		}
	}
	return n >= 2 && n <= 6
}

// SameEntity reports whether two names of one type can name the same
// entity: their keys are equal, or one's words are all among the other's
// with the same last word (a person's surname, an organization's head):
// "Ali Khamenei" and "Seyyed Ali Khamenei" can; "Bashar al-Assad" and
// "Hafez al-Assad", "Mohammed bin Rashid Al Maktoum" and "Mohammed bin
// Zayed Al Nahyan" cannot; "Mohammed bin Zayed" names "Mohammed bin Zayed
// Al Nahyan", as patronymic names are shortened. A one-word name matches a longer one only by
// its last word ("Raisi", "Ebrahim Raisi"): callers decide whether such a
// match is unique enough to trust.
func SameEntity(a, b string) bool {
	return SameEntityTokens(a, b, NameTokens(a), NameTokens(b))
}

// SameEntityTokens is SameEntity for names whose NameTokens are known:
// ta of a, tb of b.
func SameEntityTokens(a, b string, ta, tb []string) bool {
	if len(ta) == 0 || len(tb) == 0 {
		return false
	}
	if len(ta) > len(tb) {
		ta, tb = tb, ta
		a, b = b, a
	}
	if ta[len(ta)-1] != tb[len(tb)-1] {
		// A patronymic name shortened after the father's name:
		// "Mohammed bin Zayed" of "Mohammed bin Zayed Al Nahyan".
		return len(ta) >= 2 && HasPatronymic(a) && slices.Equal(ta, tb[:len(ta)])
	}
	// Every word of the shorter in the longer, in order.
	j := 0
	for _, w := range tb {
		if j < len(ta) && w == ta[j] {
			j++
		}
	}
	return j == len(ta)
}

// HasPatronymic reports whether a name holds "bin", "ibn", "bint" or "ben"
// as a word.
func HasPatronymic(name string) bool {
	for _, w := range strings.Fields(strings.ToLower(name)) {
		switch w {
		case "bin", "ibn", "bint", "ben":
			return true
		}
	}
	return false
}

// honorifics are the words of titles that name no role: forms of address
// and religious or posthumous honorifics ("Mr.", "Ayatollah", "Martyr").
var honorifics = map[string]bool{
	"mr": true, "mrs": true, "ms": true, "miss": true, "sir": true, "dame": true, "dr": true,
	"ayatollah": true, "imam": true, "sheikh": true, "shaikh": true, "martyr": true, "seyyed": true,
	"seyed": true, "sayyid": true, "hojatoleslam": true, "his": true, "her": true, "excellency": true,
	"majesty": true, "highness": true, "royal": true, "honourable": true, "honorable": true, "hon": true,
}

// Role returns the role a title or descriptor names, and whether its
// holder had left it by the time of writing ("former President" →
// "President", true; "the late President" → "President", true). It
// returns "" for a title that names no role ("Mr.", "Ayatollah").
// "acting" and "interim" are kept out of the role: an acting president
// holds the presidency.
func Role(title string) (role string, ended bool) {
	words := strings.Fields(title)
	for len(words) > 0 {
		w := strings.ToLower(strings.TrimSuffix(words[0], "."))
		switch {
		case w == "former" || w == "late" || w == "ex" || w == "ex-":
			ended = true
		case w == "the" || w == "acting" || w == "interim" || honorifics[w]:
		default:
			goto end
		}
		words = words[1:]
	}
end:
	for len(words) > 0 && honorifics[strings.ToLower(strings.TrimSuffix(words[len(words)-1], "."))] {
		words = words[:len(words)-1]
	}
	return strings.Join(words, " "), ended
}

// RoleKey returns the form in which roles are compared: lower-cased,
// without "former", "acting" or honorifics, and with a country or
// nationality before the office written as the country ("Syrian Foreign
// Minister", "the Syrian foreign minister" and "Syria's foreign minister"
// share "syria foreign minister"; "U.S. President" and "the American
// president" share "united states president"). It returns "" when the
// title names no role.
func RoleKey(title string) string {
	role, _ := Role(title)
	words := strings.Fields(strings.ToLower(role))
	for n := min(3, len(words)-1); n >= 1; n-- {
		place := strings.Join(words[:n], " ")
		place = strings.TrimSuffix(strings.TrimSuffix(place, "'s"), "’s")
		if c, ok := places[place]; ok {
			return c + " " + strings.Join(words[n:], " ")
		}
	}
	return strings.Join(words, " ")
}

// RoleOffice returns the office of a role key without its country
// ("president" of "iran president"), and the country ("iran"), or "" when
// the key names none.
func RoleOffice(key string) (office, country string) {
	words := strings.Fields(key)
	for n := min(3, len(words)-1); n >= 1; n-- {
		place := strings.Join(words[:n], " ")
		if canon, ok := places[place]; ok && canon == place {
			return strings.Join(words[n:], " "), place
		}
	}
	return key, ""
}

// designators are the words that say what legal form an organization
// takes ("Apple Inc.", "General Motors Corporation", "Fiat Group SpA"),
// as NameTokens writes them.
var designators = map[string]bool{
	"inc": true, "incorporated": true, "corp": true, "corporation": true, "co": true,
	"company": true, "ltd": true, "limited": true, "lc": true, "plc": true, "spa": true,
	"sa": true, "ag": true, "nv": true, "bv": true, "gmbh": true, "group": true,
	"holdings": true, "holding": true, "lp": true,
}

// TrimDesignators returns the tokens of an organization's name (see
// NameTokens) without the legal designators that end it: "Apple Inc." and
// "Apple" name one company. A name made only of designators is kept.
func TrimDesignators(tokens []string) []string {
	n := len(tokens)
	for n > 1 && designators[tokens[n-1]] {
		n--
	}
	return tokens[:n]
}
