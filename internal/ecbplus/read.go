package ecbplus

import (
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Halves of a topic.
const (
	HalfECB     = "ecb"
	HalfECBPlus = "ecbplus"
)

// Document is one ECB+ article.
type Document struct {
	Name  string // file name, "1_10ecb.xml"
	Topic int    // 1, 2, …
	Half  string // HalfECB or HalfECBPlus
	URL   string // the source address ECB+ files give as sentence zero, or ""
	Text  string // rebuilt running text, one sentence a line
}

// Event returns the document's gold event: its topic and half, "1/ecb".
func (d Document) Event() string {
	return strconv.Itoa(d.Topic) + "/" + d.Half
}

// ErrName reports a file whose name is not TOPIC_Necb.xml or
// TOPIC_Necbplus.xml.
var ErrName = errors.New("not an ECB+ file name (TOPIC_Necb.xml or TOPIC_Necbplus.xml)")

// ErrEmpty reports a file with no tokens.
var ErrEmpty = errors.New("no tokens")

// ParseName reads the topic, document number and half from an ECB+ file
// name such as "1_10ecbplus.xml".
func ParseName(name string) (topic, num int, half string, err error) {
	base, ok := strings.CutSuffix(filepath.Base(name), ".xml")
	if !ok {
		return 0, 0, "", ErrName
	}
	t, rest, ok := strings.Cut(base, "_")
	if !ok {
		return 0, 0, "", ErrName
	}
	switch {
	case strings.HasSuffix(rest, HalfECBPlus):
		half, rest = HalfECBPlus, strings.TrimSuffix(rest, HalfECBPlus)
	case strings.HasSuffix(rest, HalfECB):
		half, rest = HalfECB, strings.TrimSuffix(rest, HalfECB)
	default:
		return 0, 0, "", ErrName
	}
	topic, err1 := strconv.Atoi(t)
	num, err2 := strconv.Atoi(rest)
	if err1 != nil || err2 != nil || topic < 0 || num < 0 {
		return 0, 0, "", ErrName
	}
	return topic, num, half, nil
}

// Files returns the ECB+ files under dir, which is either the corpus
// directory (holding one directory per topic) or one topic's directory,
// ordered by topic, document number and half (1_1ecb, 1_1ecbplus,
// 1_2ecb…). topics, when not nil, keeps only the topics it holds when dir
// is the corpus directory.
func Files(dir string, topics func(int) bool) ([]string, error) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return nil, err
	}
	var files []string
	for _, e := range entries {
		switch {
		case e.IsDir():
			t, err := strconv.Atoi(e.Name())
			if err != nil || topics != nil && !topics(t) {
				continue
			}
			sub, err := os.ReadDir(filepath.Join(dir, e.Name()))
			if err != nil {
				return nil, err
			}
			for _, s := range sub {
				if !s.IsDir() && strings.HasSuffix(s.Name(), ".xml") {
					files = append(files, filepath.Join(dir, e.Name(), s.Name()))
				}
			}
		case strings.HasSuffix(e.Name(), ".xml"):
			files = append(files, filepath.Join(dir, e.Name()))
		}
	}
	slices.SortFunc(files, func(a, b string) int {
		ta, na, ha, ea := ParseName(a)
		tb, nb, hb, eb := ParseName(b)
		if ea != nil || eb != nil {
			return strings.Compare(a, b)
		}
		if ta != tb {
			return ta - tb
		}
		if na != nb {
			return na - nb
		}
		return strings.Compare(ha, hb)
	})
	return files, nil
}

// IsCorpus reports whether dir looks like the ECB+ corpus directory or one
// of its topic directories: it holds ECB+ files, or directories named by
// topic numbers that do.
func IsCorpus(dir string) bool {
	files, err := Files(dir, nil)
	if err != nil {
		return false
	}
	for _, f := range files {
		if _, _, _, err := ParseName(f); err == nil {
			return true
		}
	}
	return false
}

// ReadFile reads one ECB+ file.
func ReadFile(path string) (Document, error) {
	topic, _, half, err := ParseName(path)
	if err != nil {
		return Document{}, err
	}
	f, err := os.Open(path)
	if err != nil {
		return Document{}, err
	}
	defer f.Close()
	sents, err := readTokens(f)
	if err != nil {
		return Document{}, err
	}
	d := Document{Name: filepath.Base(path), Topic: topic, Half: half}
	if len(sents) > 0 && isURL(sents[0]) {
		d.URL = strings.Join(sents[0], "")
		sents = sents[1:]
	}
	lines := make([]string, 0, len(sents))
	for _, s := range sents {
		if l := Join(s); l != "" {
			lines = append(lines, l)
		}
	}
	if len(lines) == 0 {
		return Document{}, ErrEmpty
	}
	d.Text = strings.Join(lines, "\n") + "\n"
	return d, nil
}

// token is the part of the ECB+ token element that matters here.
type token struct {
	Sentence int    `xml:"sentence,attr"`
	Text     string `xml:",chardata"`
}

// readTokens reads the token elements of an ECB+ file, grouped by
// sentence, in document order.
func readTokens(r io.Reader) ([][]string, error) {
	dec := xml.NewDecoder(r)
	var sents [][]string
	last := -1
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, fmt.Errorf("parse XML: %w", err)
		}
		se, ok := tok.(xml.StartElement)
		if !ok || se.Name.Local != "token" {
			continue
		}
		var t token
		if err := dec.DecodeElement(&t, &se); err != nil {
			return nil, fmt.Errorf("parse XML: %w", err)
		}
		w := strings.TrimSpace(t.Text)
		if w == "" {
			continue
		}
		if t.Sentence != last || len(sents) == 0 {
			sents = append(sents, nil)
			last = t.Sentence
		}
		sents[len(sents)-1] = append(sents[len(sents)-1], w)
	}
	if len(sents) == 0 {
		return nil, ErrEmpty
	}
	return sents, nil
}

// isURL reports whether the tokens of a sentence spell a web address, as
// the sentence zero of the ECB+ files does.
func isURL(toks []string) bool {
	if len(toks) == 0 {
		return false
	}
	return toks[0] == "http" || toks[0] == "https" || toks[0] == "www" ||
		len(toks) > 2 && toks[1] == ":" && toks[2] == "/"
}

// Join rebuilds a sentence from its tokens with the spacing of written
// text: no space before closing punctuation and clitics or after opening
// brackets, quotes paired, "90 - day" as "90-day", "a . m ." as "a.m.",
// "5 . 9" as "5.9",
// "9 : 25" as "9:25". “ and ” become “ and ”.
func Join(toks []string) string {
	var b strings.Builder
	open := false // inside a pair of plain " quotes
	glue := true  // no space before the next token
	for i, t := range toks {
		next := ""
		if i+1 < len(toks) {
			next = toks[i+1]
		}
		prev := ""
		if i > 0 {
			prev = toks[i-1]
		}
		space := !glue
		glueAfter := false
		switch {
		case t == "``" || t == "“":
			t = "“"
			glueAfter = true
		case t == "''" || t == "”":
			t = "”"
			space = false
		case t == `"`:
			if open {
				space = false
			} else {
				glueAfter = true
			}
			open = !open
		case t == "(" || t == "[" || t == "{" || t == "$" || t == "£" || t == "€" || t == "#":
			glueAfter = true
		case t == "," || t == ";" || t == "!" || t == "?" || t == ")" || t == "]" || t == "}" || t == "%" || t == "..." || t == "…":
			space = false
		case t == ".":
			space = false
			// "a . m ." and "Jr . ," are abbreviations: the letter after
			// the period joins it. Between digits within a sentence it
			// is a decimal point or a version's ("5 . 9" is "5.9", "4 .
			// 0" "4.0"): a period that ends a sentence ends its tokens.
			glueAfter = isLetters(prev, 2) && isLetters(next, 1) && len(next) == 1 || isDigits(prev) && next != "" && next[0] >= '0' && next[0] <= '9'
		case t == ":":
			space = false
			glueAfter = isDigits(prev) && isDigits(next)
		case t == "-":
			if wordy(prev) && wordy(next) {
				space = false
				glueAfter = true
			}
		case isClitic(t):
			space = false
		case t == "'" || t == "’":
			space = false // a possessive or a closing single quote
		}
		if space && b.Len() > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(t)
		glue = glueAfter
	}
	return strings.TrimSpace(b.String())
}

// isClitic reports whether t is a possessive or contraction the tokenizer
// split off: 's, ’s, n't, 're, 'll…
func isClitic(t string) bool {
	switch strings.ToLower(strings.ReplaceAll(t, "’", "'")) {
	case "'s", "n't", "'re", "'ll", "'ve", "'d", "'m", "s":
		return t != "s"
	}
	return false
}

// wordy reports whether a token next to a hyphen is part of a compound:
// a number or a word starting in lower case ("90 - day",
// "court - mandated"); capitalized neighbours make it a dash between
// phrases ("California - the same facility").
func wordy(t string) bool {
	r, _ := utf8.DecodeRuneInString(t)
	return r != utf8.RuneError && (unicode.IsDigit(r) || unicode.IsLower(r))
}

// isLetters reports whether t is one to max letters.
func isLetters(t string, max int) bool {
	if t == "" || len(t) > max {
		return false
	}
	for _, r := range t {
		if !unicode.IsLetter(r) {
			return false
		}
	}
	return true
}

// isDigits reports whether t is a number written in digits.
func isDigits(t string) bool {
	if t == "" {
		return false
	}
	for _, r := range t {
		if r < '0' || r > '9' {
			return false
		}
	}
	return true
}
