package events

import (
	"regexp"
	"strconv"
	"strings"

	"github.com/parallax-news/parallax/internal/news"
)

// Fact kinds: what outlets may disagree on about one event besides its
// date.
const (
	FactOrdinal  = "ordinal"  // "his second visit to Tehran since 2011": 2
	FactKilled   = "killed"   // "killed 45 people", "45 dead": 45
	FactInjured  = "injured"  // "wounded 120": 120
	FactArrested = "arrested" // "arrested 12 suspects": 12
)

// Fact is a countable fact a sentence gives: its kind, its value as a
// number, and the span that gives it.
type Fact struct {
	Kind     string
	Value    int
	Span     news.Span
	Sentence int // index into Analysis.Sentences
}

var (
	ordinalRE = regexp.MustCompile(`(?i)\b(first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|[0-9]{1,2}(?:st|nd|rd|th))\s+(?:(?:official|state|foreign|overseas|known|such|ever)\s+)?(visit|trip|time|meeting|tour|journey)\b`)
	countRE   = regexp.MustCompile(`(?i)\b(?:at least |nearly |about |some |more than |over )?([0-9][0-9,]*|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|dozens of|hundreds of)\s+(?:[a-z-]+\s+){0,3}?(?:(?:were|have been|had been|was)\s+)?(killed|dead|died|injured|wounded|arrested|detained)\b`)
	verbRE    = regexp.MustCompile(`(?i)\b(killing|killed|injuring|injured|wounding|wounded|arresting|arrested|detaining|detained)\s+(?:at least |nearly |about |some |more than |over )?([0-9][0-9,]*|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty)\b`)
)

var ordinals = map[string]int{"first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7, "eighth": 8, "ninth": 9, "tenth": 10}

var numberWords = map[string]int{"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10,
	"eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
	"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90, "hundred": 100}

// Facts finds the countable facts of one analysed document: the ordinals
// of visits and meetings, and the counts of the killed, injured and
// arrested. It is a pure function of the text and its segmentation.
func Facts(txt string, a news.Analysis) []Fact {
	var out []Fact
	for si, s := range a.Sentences {
		sent := txt[s.Start:s.End]
		// The expressions are slow to match: first, a look for their
		// nouns and verbs.
		low := strings.ToLower(sent)
		ordinal := containsAny(low, ordinalNouns)
		counts := containsAny(low, countWords)
		if !ordinal && !counts {
			continue
		}
		for _, m := range ordinalRE.FindAllStringSubmatchIndex(sent, -1) {
			w := strings.ToLower(sent[m[2]:m[3]])
			n, ok := ordinals[w]
			if !ok {
				n, _ = strconv.Atoi(strings.TrimRight(w, "stndrh"))
			}
			if n > 0 {
				out = append(out, Fact{Kind: FactOrdinal, Value: n, Span: news.Span{Start: s.Start + m[0], End: s.Start + m[1]}, Sentence: si})
			}
		}
		if !counts {
			continue
		}
		for _, m := range countRE.FindAllStringSubmatchIndex(sent, -1) {
			if n, ok := count(sent[m[2]:m[3]]); ok {
				out = append(out, Fact{Kind: factKind(sent[m[4]:m[5]]), Value: n, Span: news.Span{Start: s.Start + m[0], End: s.Start + m[1]}, Sentence: si})
			}
		}
		for _, m := range verbRE.FindAllStringSubmatchIndex(sent, -1) {
			if n, ok := count(sent[m[4]:m[5]]); ok {
				out = append(out, Fact{Kind: factKind(sent[m[2]:m[3]]), Value: n, Span: news.Span{Start: s.Start + m[0], End: s.Start + m[1]}, Sentence: si})
			}
		}
	}
	return out
}

// ordinalNouns and countWords are what a sentence must hold for the
// ordinal and count expressions to match.
var (
	ordinalNouns = []string{"visit", "trip", "time", "meeting", "tour", "journey"}
	countWords   = []string{"kill", "dead", "died", "injur", "wound", "arrest", "detain"}
)

// containsAny reports whether s holds one of the words.
func containsAny(s string, words []string) bool {
	for _, w := range words {
		if strings.Contains(s, w) {
			return true
		}
	}
	return false
}

// count reads a count: digits (with thousands commas) or a number word.
func count(s string) (int, bool) {
	s = strings.ToLower(s)
	if n, ok := numberWords[s]; ok {
		return n, true
	}
	n, err := strconv.Atoi(strings.ReplaceAll(s, ",", ""))
	return n, err == nil && n > 0
}

// factKind is the fact a verb or adjective counts.
func factKind(w string) string {
	switch strings.ToLower(w) {
	case "killed", "dead", "died", "killing":
		return FactKilled
	case "injured", "wounded", "injuring", "wounding":
		return FactInjured
	}
	return FactArrested
}
