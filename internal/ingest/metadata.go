package ingest

import (
	"net/url"
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/parallax-news/parallax/internal/text/lang"
)

// InferTitle returns the headline of a text whose first line is set apart
// (followed by a blank line, short, and not ending like a sentence), and
// whether it found one. A " | Section" or " - Site" tail is dropped.
func InferTitle(text string) (string, bool) {
	line, rest, ok := strings.Cut(text, "\n")
	if !ok || !strings.HasPrefix(strings.TrimLeft(rest, " \t\u00a0"), "\n") {
		return "", false
	}
	line = strings.TrimSpace(line)
	words := len(strings.Fields(line))
	if p, _ := dateline(line); words == 0 || words > 30 || len(line) > 250 || p != "" {
		return "", false
	}
	if strings.HasSuffix(line, ".") && !strings.HasSuffix(line, "..") && words > 12 {
		return "", false // a sentence, not a headline
	}
	if i := strings.LastIndex(line, " | "); i > 0 {
		line = strings.TrimSpace(line[:i])
	}
	return line, true
}

// datelineRE matches a dateline opening a paragraph: "TEHRAN —",
// "Tehran, Iran –", "MAROSH (Continental Wire) -", "LONDON, Oct 14 (Reuters) -".
var datelineRE = regexp.MustCompile(`^((?:[A-Z][\p{L}'.\-]*)(?: [A-Z][\p{L}'.\-]*){0,3}(?:, (?:[A-Z][\p{L}'.\-]*)(?: [A-Z][\p{L}'.\-]*){0,2})?)(?:,? [A-Z][a-z]{2,8}\.? \d{1,2}|, \d{1,2} [A-Z][a-z]{2,8})?(?:,? \d{4})?\s*(?:\(([^)\n]{1,40})\)\s*)?(?:—|–|--| - )\s*\S`)

// InferDateline returns the dateline place of a text: the place named at the
// start of the first or second paragraph ("TEHRAN —" gives "Tehran";
// "Tehran, Iran –" gives "Tehran, Iran"), or "".
func InferDateline(text string) string {
	place, _ := datelineOf(text)
	return place
}

// InferAgency returns the agency a dateline credits ("KORVANE, 16 October
// (VSNA) —" gives "VSNA"), or "".
func InferAgency(text string) string {
	_, agency := datelineOf(text)
	return agency
}

func datelineOf(text string) (place, agency string) {
	for i, para := range firstParagraphs(text, 2) {
		if p, a := dateline(para); p != "" {
			return p, a
		}
		if i == 0 {
			if _, ok := InferTitle(text); !ok {
				break // no headline: the dateline can only be first
			}
		}
	}
	return "", ""
}

func dateline(para string) (place, agency string) {
	m := datelineRE.FindStringSubmatch(para)
	if m == nil {
		return "", ""
	}
	place = m[1]
	// A dash after a sentence's first words ("Wood - who ...") is not a
	// dateline: a dateline place is in capitals ("TEHRAN —"), or names its
	// country ("Tehran, Iran –") or agency ("Marosh (Reuters) -").
	if place != strings.ToUpper(place) && !strings.Contains(place, ", ") && m[2] == "" {
		return "", ""
	}
	return titleCase(place), strings.TrimSpace(m[2])
}

// titleCase turns an all-capitals place ("ABU DHABI") into "Abu Dhabi";
// other spellings are kept.
func titleCase(s string) string {
	if s != strings.ToUpper(s) {
		return s
	}
	var b strings.Builder
	start := true
	for _, r := range s {
		if start {
			b.WriteRune(r)
		} else {
			b.WriteRune(unicode.ToLower(r))
		}
		start = r == ' ' || r == '-' || r == ','
	}
	return b.String()
}

func firstParagraphs(text string, n int) []string {
	var out []string
	for len(out) < n && text != "" {
		var p string
		p, text, _ = strings.Cut(text, "\n\n")
		if p = strings.TrimSpace(p); p != "" {
			out = append(out, p)
		}
	}
	return out
}

// credits find an outlet in a licence or credit line near the end of an
// article. Each pattern runs only when one of its cue words is present:
// most articles have no such line, and a regular expression costs far more
// than a substring search.
var credits = []struct {
	cues []string
	re   *regexp.Regexp
}{
	{[]string{"published by"}, regexp.MustCompile(`[Rr]e-?published (?:here )?by (?:the )?([A-Z][\p{L}&.' -]{1,60}?)(?: under| with| by|\.|,)`)},
	{[]string{"licensed"}, regexp.MustCompile(`All (?:[Cc]ontent|[Rr]ights) (?:by|of) ([A-Z][\p{L}&.' -]{1,60}?) (?:is|are) licensed`)},
	{[]string{"ights reserved", "ights Reserved"}, regexp.MustCompile(`(?:©|\([Cc]\)|Copyright)\s*(?:©\s*)?(?:\d{4}(?:\s*[-–]\s*\d{4})?\s+)?([A-Z][\p{L}&.' -]{1,60}?)\.?\s+All [Rr]ights [Rr]eserved`)},
	{[]string{"ublished by"}, regexp.MustCompile(`(?m)^(?:This (?:article|story|report) (?:was|is) (?:originally )?|Originally )[Pp]ublished by ([A-Z][\p{L}&.' -]{1,60}?)(?:\.|,| under| and| on)`)},
	{[]string{"Source: ", "Courtesy of ", "Credit: "}, regexp.MustCompile(`(?:Source|Courtesy of|Credit): ([A-Z][\p{L}&.' -]{1,60}?)\s*$`)},
	{[]string{"newsroom", "newspaper", "news agency", "news site", "news service", "news organi", "publication", "broadcaster", "magazine"},
		regexp.MustCompile(`(?m)^([A-Z][\p{L}&.' -]{1,60}?) is (?:an?|the) (?:[a-z-]+,? ){0,4}(?:newsroom|newspaper|news agency|news site|news service|news organi[sz]ation|publication|broadcaster|magazine)\b`)},
}

// InferSource returns the outlet named in a licence or credit line in the
// last part of text ("All Content by Mehr News Agency is licensed under…",
// "© 2025 Continental Wire. All rights reserved."), or "".
func InferSource(text string) string {
	tail := text
	if len(tail) > 600 {
		tail = tail[len(tail)-600:]
		for !utf8.RuneStart(tail[0]) {
			tail = tail[1:]
		}
	}
	for _, c := range credits {
		if !containsAny(tail, c.cues) {
			continue
		}
		if m := c.re.FindAllStringSubmatch(tail, -1); m != nil {
			return strings.TrimSpace(m[len(m)-1][1])
		}
	}
	return ""
}

// SourceFromURL returns the host of a URL without "www.", or "".
func SourceFromURL(raw string) string {
	u, err := url.Parse(raw)
	if err != nil || u.Host == "" {
		return ""
	}
	return strings.TrimPrefix(strings.ToLower(u.Hostname()), "www.")
}

// urlDateRE finds a date in an article URL path: /2022/05/08/ or /2022-05-08/.
var urlDateRE = regexp.MustCompile(`/((?:19|20)\d\d)[/-](0[1-9]|1[0-2])[/-](0[1-9]|[12]\d|3[01])(?:/|-|$)`)

// PublishedFromURL returns the date in an article URL's path, or "".
func PublishedFromURL(raw string) string {
	m := urlDateRE.FindStringSubmatch(raw)
	if m == nil {
		return ""
	}
	return m[1] + "-" + m[2] + "-" + m[3]
}

// DetectLanguage returns the ISO 639-1 code of the language text is written
// in, or "" when it cannot tell reliably (see lang.Detect).
func DetectLanguage(text string) string {
	return lang.Detect(text)
}
