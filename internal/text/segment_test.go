package text_test

import (
	"bufio"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/parallax-news/parallax/internal/text"
)

// Paths of the shared corpora, relative to this package.
const (
	seedsDir = "../../../shared/corpus/seeds"
	conllDev = "../../../shared/data/conll2003/dev.txt"
	bbcDir   = "../../../shared/data/bbc"
)

// conllFloor is the share of CoNLL-2003 dev sentences whose tokens Segment
// reproduces exactly from naturally spaced text. It only ever rises.
const conllFloor = 0.99

// tokenTexts returns the text of every token of s.
func tokenTexts(s string) []string {
	d := text.Segment(s)
	out := make([]string, len(d.Tokens))
	for i, tk := range d.Tokens {
		out[i] = s[tk.Start:tk.End]
	}
	return out
}

// sentenceTexts returns the text of every sentence of s.
func sentenceTexts(s string) []string {
	d := text.Segment(s)
	out := make([]string, len(d.Sentences))
	for i, se := range d.Sentences {
		out[i] = s[se.Start:se.End]
	}
	return out
}

// paragraphTexts returns the text of every paragraph of s.
func paragraphTexts(s string) []string {
	d := text.Segment(s)
	out := make([]string, len(d.Paragraphs))
	for i, p := range d.Paragraphs {
		out[i] = s[p.Start:p.End]
	}
	return out
}

// isSpace is Segment's definition of a space.
func isSpace(r rune) bool { return unicode.IsSpace(r) || r == 0x200B || r == 0xFEFF }

// checkDoc checks every invariant of d as the segmentation of s.
func checkDoc(s string, d text.Doc) error {
	boundary := make([]bool, len(s)+1)
	for i := 0; i < len(s); {
		boundary[i] = true
		_, n := utf8.DecodeRuneInString(s[i:])
		i += n
	}
	boundary[len(s)] = true
	span := func(what string, i, start, end, prevEnd int) error {
		switch {
		case start < 0 || end > len(s) || start >= end:
			return fmt.Errorf("%s %d [%d,%d) empty or out of bounds (len %d)", what, i, start, end, len(s))
		case !boundary[start] || !boundary[end]:
			return fmt.Errorf("%s %d [%d,%d) not on rune boundaries", what, i, start, end)
		case start < prevEnd:
			return fmt.Errorf("%s %d [%d,%d) overlaps or precedes the one before (end %d)", what, i, start, end, prevEnd)
		}
		return nil
	}
	covered := make([]bool, len(s))
	prev := 0
	for i, tk := range d.Tokens {
		if err := span("token", i, tk.Start, tk.End, prev); err != nil {
			return err
		}
		if tk.Kind < text.Word || tk.Kind > text.Symbol {
			return fmt.Errorf("token %d %q has kind %v", i, s[tk.Start:tk.End], tk.Kind)
		}
		for j := tk.Start; j < tk.End; j++ {
			covered[j] = true
		}
		prev = tk.End
	}
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		if !covered[i] && !isSpace(r) {
			return fmt.Errorf("byte %d (%q) is in no token", i, r)
		}
		i += n
	}
	prev, nextTok := 0, 0
	for i, se := range d.Sentences {
		if err := span("sentence", i, se.Start, se.End, prev); err != nil {
			return err
		}
		if se.FirstToken != nextTok || se.EndToken <= se.FirstToken || se.EndToken > len(d.Tokens) {
			return fmt.Errorf("sentence %d tokens [%d,%d), want from %d", i, se.FirstToken, se.EndToken, nextTok)
		}
		if d.Tokens[se.FirstToken].Start != se.Start || d.Tokens[se.EndToken-1].End != se.End {
			return fmt.Errorf("sentence %d [%d,%d) is not the span of its tokens", i, se.Start, se.End)
		}
		prev, nextTok = se.End, se.EndToken
	}
	if nextTok != len(d.Tokens) {
		return fmt.Errorf("tokens from %d are in no sentence", nextTok)
	}
	prev, nextSent := 0, 0
	for i, p := range d.Paragraphs {
		if err := span("paragraph", i, p.Start, p.End, prev); err != nil {
			return err
		}
		if p.FirstSentence != nextSent || p.EndSentence <= p.FirstSentence || p.EndSentence > len(d.Sentences) {
			return fmt.Errorf("paragraph %d sentences [%d,%d), want from %d", i, p.FirstSentence, p.EndSentence, nextSent)
		}
		if d.Sentences[p.FirstSentence].Start != p.Start || d.Sentences[p.EndSentence-1].End != p.End {
			return fmt.Errorf("paragraph %d [%d,%d) is not the span of its sentences", i, p.Start, p.End)
		}
		prev, nextSent = p.End, p.EndSentence
	}
	if nextSent != len(d.Sentences) {
		return fmt.Errorf("sentences from %d are in no paragraph", nextSent)
	}
	if len(d.Tokens) > 0 && len(d.Paragraphs) == 0 {
		return errors.New("tokens but no paragraphs")
	}
	return nil
}

// conllSentences reads the token column of a CoNLL-2003 file, one slice of
// tokens per sentence, without -DOCSTART- lines.
func conllSentences(path string) ([][]string, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	var out [][]string
	var cur []string
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		fields := strings.Fields(sc.Text())
		if len(fields) == 0 {
			if len(cur) > 0 {
				out = append(out, cur)
				cur = nil
			}
			continue
		}
		if fields[0] == "-DOCSTART-" {
			continue
		}
		cur = append(cur, fields[0])
	}
	if len(cur) > 0 {
		out = append(out, cur)
	}
	return out, sc.Err()
}

// detokenize joins CoNLL tokens with the spacing of running text: no space
// before closing punctuation and clitics, none after opening brackets and
// currency signs, double quotes alternately opening and closing.
func detokenize(toks []string) string {
	var b strings.Builder
	noSpaceNext := true
	quoteOpen := false
	for i, tk := range toks {
		lower := strings.ToLower(tk)
		attach := false
		switch lower {
		case ",", ".", ";", ":", "?", "!", "%", ")", "]", "}", "'s", "n't", "'re", "'ve", "'ll", "'d", "'m", "'", "...":
			attach = true
		case "\"":
			attach = quoteOpen
		case "/":
			attach = !(i > 0 && isDigitString(toks[i-1]) && i+1 < len(toks) && isDigitString(toks[i+1]))
		}
		if i > 0 && toks[i-1] == "/" && !(i > 1 && isDigitString(toks[i-2]) && isDigitString(tk)) {
			attach = true
		}
		if !attach && !noSpaceNext {
			b.WriteByte(' ')
		}
		b.WriteString(tk)
		noSpaceNext = false
		switch {
		case tk == "(" || tk == "[" || tk == "{" || tk == "$" || strings.HasSuffix(tk, "$") && len(tk) <= 3:
			noSpaceNext = i+1 < len(toks) && (tk == "(" || tk == "[" || tk == "{" || isDigitString(toks[i+1]))
		case tk == "\"":
			noSpaceNext = !quoteOpen
			quoteOpen = !quoteOpen
		}
	}
	return b.String()
}

func isDigitString(s string) bool {
	return s != "" && strings.IndexFunc(s, func(r rune) bool { return (r < '0' || r > '9') && r != '.' && r != ',' }) < 0 && s[0] >= '0' && s[0] <= '9'
}

// TestCoNLLRetokenization rebuilds every CoNLL-2003 dev sentence as running
// text and checks that Segment cuts it into the CoNLL tokens, which the
// named-entity tagger is trained on.
func TestCoNLLRetokenization(t *testing.T) {
	sents, err := conllSentences(conllDev)
	if errors.Is(err, os.ErrNotExist) {
		t.Skip("../shared/data/conll2003 not present")
	}
	if err != nil {
		t.Fatal(err)
	}
	exact := 0
	var misses []string
	for _, want := range sents {
		s := detokenize(want)
		got := tokenTexts(s)
		if slices.Equal(got, want) {
			exact++
			continue
		}
		if len(misses) < 400 {
			misses = append(misses, fmt.Sprintf("%q\n  got  %q\n  want %q", s, got, want))
		}
	}
	share := float64(exact) / float64(len(sents))
	t.Logf("CoNLL-2003 dev: %d of %d sentences (%.2f%%) retokenized exactly", exact, len(sents), 100*share)
	if share < conllFloor || testing.Verbose() {
		for _, m := range misses {
			t.Log(m)
		}
	}
	if share < conllFloor {
		t.Errorf("agreement %.4f is below the floor %.4f", share, conllFloor)
	}
}

func TestSegmentTokens(t *testing.T) {
	tests := []struct {
		name, in string
		want     []string
	}{
		{"punctuation split off", "Tehran, Iran; (Syria) [sic] {x}: yes!",
			[]string{"Tehran", ",", "Iran", ";", "(", "Syria", ")", "[", "sic", "]", "{", "x", "}", ":", "yes", "!"}},
		{"possessives", "Iran's and Iran’s and IRAN'S, the players' union",
			[]string{"Iran", "'s", "and", "Iran", "’s", "and", "IRAN", "'S", ",", "the", "players", "'", "union"}},
		{"contractions", "don't can't won't didn’t we're I'm they've she'll he'd",
			[]string{"do", "n't", "ca", "n't", "wo", "n't", "did", "n’t", "we", "'re", "I", "'m", "they", "'ve", "she", "'ll", "he", "'d"}},
		{"inner apostrophes", "O'Brien d'Italia rock'n'roll Gov't",
			[]string{"O'Brien", "d'Italia", "rock'n'roll", "Gov't"}},
		{"quotes", `"Yes," he said. “No” ‘maybe’ «non» 'quoted'`,
			[]string{`"`, "Yes", ",", `"`, "he", "said", ".", "“", "No", "”", "‘", "maybe", "’", "«", "non", "»", "'", "quoted", "'"}},
		{"abbreviations", "Mr. Dr. Gen. Lt. St. Jan. Inc. Corp. Co. Ltd. Jr. vs. e.g. i.e. U.S. U.N. a.m. p.m. Ph.D. x",
			[]string{"Mr.", "Dr.", "Gen.", "Lt.", "St.", "Jan.", "Inc.", "Corp.", "Co.", "Ltd.", "Jr.", "vs.", "e.g.", "i.e.", "U.S.", "U.N.", "a.m.", "p.m.", "Ph.D.", "x"}},
		{"number abbreviation", "No. 10 Downing Street, no. 5, but No. We",
			[]string{"No.", "10", "Downing", "Street", ",", "no.", "5", ",", "but", "No", ".", "We"}},
		{"initials", "George W. Bush and J. K. Rowling",
			[]string{"George", "W.", "Bush", "and", "J.", "K.", "Rowling"}},
		{"upper-case abbreviation", "ST. LOUIS", []string{"ST.", "LOUIS"}},
		{"abbreviation at sentence end", "He lives in the U.S. The next day",
			[]string{"He", "lives", "in", "the", "U.S", ".", "The", "next", "day"}},
		{"abbreviation at paragraph end", "shares of Acme Inc.", []string{"shares", "of", "Acme", "Inc", "."}},
		{"abbreviation in brackets", "Pete Sampras (U.S.)", []string{"Pete", "Sampras", "(", "U.S.", ")"}},
		{"hyphenated", "Amir-Abdollahian al-Assad anti-Zionist high-ranking 11-year U.S.-led aid-U.N. Mo.-based",
			[]string{"Amir-Abdollahian", "al-Assad", "anti-Zionist", "high-ranking", "11-year", "U.S.-led", "aid-U.N.", "Mo.-based"}},
		{"suspended hyphen", "three- and five-year bonds", []string{"three-", "and", "five-year", "bonds"}},
		{"numbers", "1,000 3.5 76% -0.2 +44 .5 1/2 6-3 2:29.34 1990s 10th",
			[]string{"1,000", "3.5", "76", "%", "-0.2", "+44", ".5", "1/2", "6-3", "2:29.34", "1990s", "10th"}},
		{"number at sentence end", "It rose 3.5. Then 1,000.", []string{"It", "rose", "3.5", ".", "Then", "1,000", "."}},
		{"dates and times", "1996-08-22 22/08/1996 08/26/96 10:30 9:05:12",
			[]string{"1996-08-22", "22/08/1996", "08/26/96", "10:30", "9:05:12"}},
		{"currency", "$100 £5 €3.5 US$ 20 C$5 HK$1,000",
			[]string{"$", "100", "£", "5", "€", "3.5", "US", "$", "20", "C$", "5", "HK$", "1,000"}},
		{"urls", "See https://example.org/a?b=1&c=(2). Or www.bbc.co.uk/news, khamenei.ir and bbc.co.uk/x.",
			[]string{"See", "https://example.org/a?b=1&c=(2)", ".", "Or", "www.bbc.co.uk/news", ",", "khamenei.ir", "and", "bbc.co.uk/x", "."}},
		{"url in parentheses", "(see http://example.org/page)", []string{"(", "see", "http://example.org/page", ")"}},
		{"emails", "Write to derivatives@reuters.com or john.smith+news@mail.example.co.uk.",
			[]string{"Write", "to", "derivatives@reuters.com", "or", "john.smith+news@mail.example.co.uk", "."}},
		{"ellipses", "and so... the… approach . . .", []string{"and", "so", "...", "the", "…", "approach", ".", ".", "."}},
		{"dashes", "TEHRAN — Syrian – President -- said - yes", []string{"TEHRAN", "—", "Syrian", "–", "President", "--", "said", "-", "yes"}},
		{"question and exclamation runs", "Really?! Yes!!", []string{"Really", "?!", "Yes", "!!"}},
		{"ampersand", "S&P and AT&T but R & D", []string{"S&P", "and", "AT&T", "but", "R", "&", "D"}},
		{"slashes", "yr/yr and/or US/UK 1996/97", []string{"yr", "/", "yr", "and", "/", "or", "US", "/", "UK", "1996/97"}},
		{"list item", "1. Michelle Freeman (Jamaica) 12.71", []string{"1.", "Michelle", "Freeman", "(", "Jamaica", ")", "12.71"}},
		{"said.The typo", "he said.The end", []string{"he", "said", ".", "The", "end"}},
		{"non-latin", "Привет, мир. 你好。 مرحبا", []string{"Привет", ",", "мир", ".", "你好", "。", "مرحبا"}},
		{"combining marks and joiners", "Cafe\u0301 soft\u00adhyphen", []string{"Cafe\u0301", "soft\u00adhyphen"}},
		{"symbols", "a # b @ c * d = e 😀", []string{"a", "#", "b", "@", "c", "*", "d", "=", "e", "😀"}},
		{"invalid utf-8", "a\xffb \xfe", []string{"a", "\xff", "b", "\xfe"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := tokenTexts(tt.in)
			if !slices.Equal(got, tt.want) {
				t.Errorf("Segment(%q) tokens\n got  %q\n want %q", tt.in, got, tt.want)
			}
			if err := checkDoc(tt.in, text.Segment(tt.in)); err != nil {
				t.Error(err)
			}
		})
	}
}

func TestTokenKinds(t *testing.T) {
	in := `Mr. Raisi's "plan" (1996-08-22, 10:30) cost $3.5 — 76% of www.x.com … a@b.org 😀 U.S.`
	want := []text.TokenKind{
		text.Abbrev, text.Word, text.Clitic, text.Quote, text.Word, text.Quote,
		text.Bracket, text.Date, text.Punct, text.Time, text.Bracket, text.Word,
		text.Currency, text.Number, text.Dash, text.Number, text.Symbol, text.Word,
		text.URL, text.Ellipsis, text.Email, text.Symbol, text.Abbrev, text.Punct,
	}
	d := text.Segment(in)
	var got []text.TokenKind
	for _, tk := range d.Tokens {
		got = append(got, tk.Kind)
	}
	if !slices.Equal(got, want) {
		t.Errorf("kinds of %q\n got  %v\n want %v\n tokens %q", in, got, want, tokenTexts(in))
	}
	if s := text.TokenKind(0).String(); s != "TokenKind(0)" {
		t.Errorf("TokenKind(0).String() = %q", s)
	}
}

func TestSegmentSentences(t *testing.T) {
	tests := []struct {
		name, in string
		want     []string
	}{
		{"plain", "Assad met Raisi. They talked. Why? Because!",
			[]string{"Assad met Raisi.", "They talked.", "Why?", "Because!"}},
		{"interrobang", "Really?! Yes.", []string{"Really?!", "Yes."}},
		{"titles", "Mr. Raisi met Gen. Soleimani and Lt. Gen. Smith. Dr. Who came.",
			[]string{"Mr. Raisi met Gen. Soleimani and Lt. Gen. Smith.", "Dr. Who came."}},
		{"abbreviations mid-sentence", "U.S. officials met at No. 10 in St. Louis on Jan. 5 at 10 a.m. Monday with Acme Inc. staff.",
			[]string{"U.S. officials met at No. 10 in St. Louis on Jan. 5 at 10 a.m. Monday with Acme Inc. staff."}},
		{"abbreviation ends sentence", "It happened in the U.S. The next day he left.",
			[]string{"It happened in the U.S.", "The next day he left."}},
		{"abbreviation before a name", "He flew to the U.S. President Biden met him.",
			[]string{"He flew to the U.S. President Biden met him."}},
		{"a.m. at sentence end", "They met at 10 a.m. He left at noon.",
			[]string{"They met at 10 a.m.", "He left at noon."}},
		{"initials", "George W. Bush met J. K. Rowling. She smiled.",
			[]string{"George W. Bush met J. K. Rowling.", "She smiled."}},
		{"initial at sentence end", "He needs vitamin C. The doctor agreed.",
			[]string{"He needs vitamin C.", "The doctor agreed."}},
		{"closing quote", "It was a new approach.” He said so.",
			[]string{"It was a new approach.”", "He said so."}},
		{"quote ends with title", "“Mr. Mokhber said.” Then he left.",
			[]string{"“Mr. Mokhber said.”", "Then he left."}},
		{"closing bracket", "(See below.) Next comes the rest.",
			[]string{"(See below.)", "Next comes the rest."}},
		{"quote after colon", "He said: “Yes.” Then he left.",
			[]string{"He said: “Yes.”", "Then he left."}},
		{"quote over sentences", "“We won. The war is over,” he said. “Now we rebuild.”",
			[]string{"“We won.", "The war is over,” he said.", "“Now we rebuild.”"}},
		{"question in quote", `"Why?" he asked. "Because."`,
			[]string{`"Why?" he asked.`, `"Because."`}},
		{"opening quote after full stop", `He left. "Good," she said.`,
			[]string{"He left.", `"Good," she said.`}},
		{"left quote used as closing", "So watch out for their plots! “, said the Leader.",
			[]string{"So watch out for their plots! “, said the Leader."}},
		{"dateline with dash", "TEHRAN — Syrian President Bashar al-Assad arrived. He met Raisi.",
			[]string{"TEHRAN — Syrian President Bashar al-Assad arrived.", "He met Raisi."}},
		{"dateline with place", "Tehran, Iran – Syrian President Bashar al-Assad arrived.",
			[]string{"Tehran, Iran – Syrian President Bashar al-Assad arrived."}},
		{"dateline with agency", "MAROSH, Oct 15 (Continental Wire) — The talks ended. Both sides left.",
			[]string{"MAROSH, Oct 15 (Continental Wire) — The talks ended.", "Both sides left."}},
		{"dateline with abbreviated month", "WASHINGTON, Oct. 15 (Reuters) - The talks ended.",
			[]string{"WASHINGTON, Oct. 15 (Reuters) - The talks ended."}},
		{"ellipsis mid-sentence", "the… approach and so... on we go.",
			[]string{"the… approach and so... on we go."}},
		{"ellipsis before a capitalized name", "He thought of Iran… Syria too.",
			[]string{"He thought of Iran… Syria too."}},
		{"ellipsis before a sentence start", "And so... The end came. Or so… It was over.",
			[]string{"And so...", "The end came.", "Or so…", "It was over."}},
		{"numbers, versions, urls, emails", "It grew 3.5 percent in v1.2.3 per www.x.com and a.b@c.org today.",
			[]string{"It grew 3.5 percent in v1.2.3 per www.x.com and a.b@c.org today."}},
		{"lower case after period", "See e.g. the report. Also i.e. this one.",
			[]string{"See e.g. the report.", "Also i.e. this one."}},
		{"lower case after full stop", "It ended. and then more.", []string{"It ended. and then more."}},
		{"number after full stop", "It ended in 2011. 2012 was calm.", []string{"It ended in 2011.", "2012 was calm."}},
		{"headline without full stop", "Assad visits Tehran\nThe Syrian president arrived.",
			[]string{"Assad visits Tehran", "The Syrian president arrived."}},
		{"list items", "1. First point.\n2. Second point.", []string{"1. First point.", "2. Second point."}},
		{"full-width", "你好。我很好。", []string{"你好。", "我很好。"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := sentenceTexts(tt.in)
			if !slices.Equal(got, tt.want) {
				t.Errorf("Segment(%q) sentences\n got  %q\n want %q", tt.in, got, tt.want)
			}
			if err := checkDoc(tt.in, text.Segment(tt.in)); err != nil {
				t.Error(err)
			}
		})
	}
}

func TestSegmentParagraphs(t *testing.T) {
	wrapped := strings.Join([]string{
		"The Syrian president arrived in Tehran on Sunday morning and met",
		"with the Supreme Leader and President Raisi, according to the office",
		"of the Leader, which published photographs of the meeting later.",
		"",
		"Both sides called the visit a sign of a strong alliance between the",
		"two countries, which have cooperated closely since the beginning of",
		"the war in Syria in 2011.",
		"Iran has been a key military supporter of the government.",
	}, "\n")
	tests := []struct {
		name, in string
		want     []string
	}{
		{"empty", "", nil},
		{"only spaces", " \n\t\u00a0\n ", nil},
		{"blank lines", "One.\n\nTwo.\n\n\nThree.", []string{"One.", "Two.", "Three."}},
		{"blank line with spaces and nbsp", "One.\n \u00a0\t\nTwo.", []string{"One.", "Two."}},
		{"single newlines", "Headline\nFirst paragraph.\n Second paragraph.", []string{"Headline", "First paragraph.", "Second paragraph."}},
		{"surrounding space", "\n\n  One.  \n\n", []string{"One."}},
		{"soft wrap before lower case", "The Syrian president arrived in Tehran on Sunday and\nmet with the Supreme Leader.\nA new paragraph.",
			[]string{"The Syrian president arrived in Tehran on Sunday and\nmet with the Supreme Leader.", "A new paragraph."}},
		{"short line before lower case", "Bashar al-Assad\nmeets Raisi", []string{"Bashar al-Assad", "meets Raisi"}},
		{"full stop before lower case", "The Syrian president arrived in Tehran on Sunday morning.\nthen he left.",
			[]string{"The Syrian president arrived in Tehran on Sunday morning.", "then he left."}},
		{"hard-wrapped text", wrapped, []string{
			wrapped[:strings.Index(wrapped, "\n\n")],
			wrapped[strings.Index(wrapped, "Both") : strings.Index(wrapped, "2011.")+5],
			"Iran has been a key military supporter of the government.",
		}},
		{"hard-wrapped list", "Some items to follow in the next weeks of this long story:\n- the first item of the list here\n- the second item of the list here\n- and the third item of the list here",
			[]string{"Some items to follow in the next weeks of this long story:", "- the first item of the list here", "- the second item of the list here", "- and the third item of the list here"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := paragraphTexts(tt.in)
			if !slices.Equal(got, tt.want) {
				t.Errorf("Segment(%q) paragraphs\n got  %q\n want %q", tt.in, got, tt.want)
			}
			if err := checkDoc(tt.in, text.Segment(tt.in)); err != nil {
				t.Error(err)
			}
		})
	}
}

func TestSegmentIntoReuses(t *testing.T) {
	in := "Mr. Raisi met Assad in Tehran. “We won,” he said.\n\nThe U.S. objected."
	var d text.Doc
	text.SegmentInto(&d, in)
	want := text.Segment(in)
	if !slices.Equal(d.Tokens, want.Tokens) || !slices.Equal(d.Sentences, want.Sentences) || !slices.Equal(d.Paragraphs, want.Paragraphs) {
		t.Fatalf("SegmentInto differs from Segment")
	}
	allocs := testing.AllocsPerRun(100, func() { text.SegmentInto(&d, in) })
	if allocs != 0 {
		t.Errorf("SegmentInto allocates %.1f times per run on a reused Doc, want 0", allocs)
	}
	text.SegmentInto(&d, "Short.")
	if len(d.Tokens) != 2 || len(d.Sentences) != 1 || len(d.Paragraphs) != 1 {
		t.Errorf("reused Doc keeps old results: %+v", d)
	}
}

// seedGold is the expected segmentation of one seed article: counts, words
// that must start a sentence, and snippets that must lie inside one.
type seedGold struct {
	File       string   `json:"file"`
	Paragraphs int      `json:"paragraphs"`
	Sentences  int      `json:"sentences"`
	Starts     []string `json:"starts"`
	Inside     []string `json:"inside"`
}

func TestSeeds(t *testing.T) {
	b, err := os.ReadFile("testdata/seeds.json")
	if err != nil {
		t.Fatal(err)
	}
	var gold []seedGold
	if err := json.Unmarshal(b, &gold); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(seedsDir); err != nil {
		t.Skip("../shared/corpus/seeds not present")
	}
	for _, g := range gold {
		t.Run(g.File, func(t *testing.T) {
			raw, err := os.ReadFile(filepath.Join(seedsDir, g.File))
			if err != nil {
				t.Fatal(err)
			}
			s := text.Normalize(string(raw))
			d := text.Segment(s)
			if err := checkDoc(s, d); err != nil {
				t.Fatal(err)
			}
			if len(d.Paragraphs) != g.Paragraphs || len(d.Sentences) != g.Sentences {
				t.Errorf("%d paragraphs and %d sentences, want %d and %d", len(d.Paragraphs), len(d.Sentences), g.Paragraphs, g.Sentences)
			}
			for _, w := range g.Starts {
				i := strings.Index(s, w)
				if i < 0 {
					t.Errorf("%q is not in the text", w)
					continue
				}
				if !slices.ContainsFunc(d.Sentences, func(se text.Sentence) bool { return se.Start == i }) {
					t.Errorf("no sentence starts at %q; it is in %q", w, sentenceAt(s, d, i))
				}
			}
			for _, w := range g.Inside {
				i := strings.Index(s, w)
				if i < 0 {
					t.Errorf("%q is not in the text", w)
					continue
				}
				if se := sentenceAt(s, d, i); !strings.Contains(se, w) {
					t.Errorf("%q is split; it starts in %q", w, se)
				}
			}
		})
	}
}

// sentenceAt returns the sentence of d that contains byte i of s.
func sentenceAt(s string, d text.Doc, i int) string {
	for _, se := range d.Sentences {
		if se.Start <= i && i < se.End {
			return s[se.Start:se.End]
		}
	}
	return ""
}

// bbcTexts returns the normalized BBC articles, or skips t (or b).
func bbcTexts(tb testing.TB) []string {
	files, _ := filepath.Glob(filepath.Join(bbcDir, "*", "*.txt"))
	if len(files) == 0 {
		tb.Skip("../shared/data/bbc not present")
	}
	texts := make([]string, 0, len(files))
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			tb.Fatal(err)
		}
		texts = append(texts, text.Normalize(string(b)))
	}
	return texts
}

func TestBBC(t *testing.T) {
	texts := bbcTexts(t)
	var d text.Doc
	sentences, tokens := 0, 0
	for i, s := range texts {
		text.SegmentInto(&d, s)
		if err := checkDoc(s, d); err != nil {
			t.Errorf("article %d: %v", i, err)
		}
		sentences += len(d.Sentences)
		tokens += len(d.Tokens)
	}
	t.Logf("%d BBC articles: %d sentences, %d tokens", len(texts), sentences, tokens)
}

func FuzzSegment(f *testing.F) {
	for _, s := range []string{
		"",
		"TEHRAN — Syrian President Bashar al-Assad met Mr. Raisi. “We won,” he said.\n\nThe U.S. objected.",
		"in the U.S. The next day… and so... e.g. the 1,000.5 10:30 1996-08-22 (See below.) Next",
		"don't Iran's Iran’s O'Brien players' 'quoted' US$5 C$ 3 www.x.com/a(b) a@b.co",
		"1. Item\n2. Item\n \u00a0\nline one that is long enough to be wrapped and\ncontinues",
		"a\xffb\xfe\u200b\u00ad\ufeff-+-.5 .. ?! 。 «» ’ ‘ \"",
		"Mr.\nNo. J.\n'\n's\nn't\n1.\n-5- x-",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		d := text.Segment(s)
		if err := checkDoc(s, d); err != nil {
			t.Fatalf("Segment(%q): %v", s, err)
		}
	})
}

// BenchmarkSegment segments the BBC corpus into a reused Doc.
func BenchmarkSegment(b *testing.B) {
	texts := bbcTexts(b)
	total, words := 0, 0
	var d text.Doc
	for _, s := range texts {
		total += len(s)
		text.SegmentInto(&d, s)
		for _, tk := range d.Tokens {
			if tk.Kind == text.Word || tk.Kind == text.Abbrev {
				words++
			}
		}
	}
	b.SetBytes(int64(total))
	b.ReportAllocs()
	for b.Loop() {
		n := 0
		for _, s := range texts {
			text.SegmentInto(&d, s)
			n += len(d.Tokens)
		}
		if n == 0 {
			b.Fatal("no tokens")
		}
	}
	b.ReportMetric(float64(words)*float64(b.N)/b.Elapsed().Seconds(), "words/s")
}
