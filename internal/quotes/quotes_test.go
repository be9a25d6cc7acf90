package quotes_test

import (
	"fmt"
	"github.com/parallax-news/parallax/internal/benchtext"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/parallax-news/parallax/internal/news"
	"github.com/parallax-news/parallax/internal/quotes"
	"github.com/parallax-news/parallax/internal/text"
)

// want is an expected quote: its words, kind and speaker phrase, and
// optionally its cue, addressee and intermediary ("" skips the check).
type want struct {
	words, kind, speaker string
	cue, addressee, via  string
}

func TestExtract(t *testing.T) {
	an := newAnalyzer(t)
	tests := []struct {
		name string
		text string
		want []want
	}{
		{
			name: "curly marks, cue after",
			text: "“This bond is vital for both countries,” Ayatollah Khamenei emphasized.",
			want: []want{{words: "This bond is vital for both countries", kind: news.QuoteDirect, speaker: "Khamenei", cue: "emphasized"}},
		},
		{
			name: "straight marks, inverted cue",
			text: `"We are deeply proud to support the Syrian people," said President Bashar al-Assad.`,
			want: []want{{words: "We are deeply proud to support the Syrian people", kind: news.QuoteDirect, speaker: "Bashar al-Assad", cue: "said"}},
		},
		{
			name: "guillemets opened by a curly mark, cue before with colon",
			text: "Ayatollah Khamenei said: “Iran and Syria represent the strategic depth of each other. »",
			want: []want{{words: "Iran and Syria represent the strategic depth of each other.", kind: news.QuoteDirect, speaker: "Khamenei", cue: "said"}},
		},
		{
			name: "German marks",
			text: "Minister Hans Weber said: „We will rebuild the country.“",
			want: []want{{words: "We will rebuild the country.", kind: news.QuoteDirect, speaker: "Hans Weber", cue: "said"}},
		},
		{
			name: "single marks, British style",
			text: "‘We will never give up the fight for our country,’ the prime minister told reporters.",
			want: []want{{words: "We will never give up the fight for our country", kind: news.QuoteDirect, speaker: "the prime minister", cue: "told", addressee: "reporters"}},
		},
		{
			name: "doubled apostrophes",
			text: "''The lesson of this year is that none of the old rules apply,'' Mr. Bush said.",
			want: []want{{words: "The lesson of this year is that none of the old rules apply", kind: news.QuoteDirect, speaker: "Bush"}},
		},
		{
			name: "nested quotes stay inside",
			text: "“The character of Syria was formed with the founding of the ‘Resistance and Defiance Front’,” he asserted.",
			want: []want{{words: "The character of Syria was formed with the founding of the ‘Resistance and Defiance Front’", kind: news.QuoteDirect, speaker: "he", cue: "asserted"}},
		},
		{
			name: "an opening mark used as a closing one",
			text: "“The Americans and their allies have failed in Syria. So watch out for their new plots! “, said the Leader of the Islamic Revolution.",
			want: []want{{words: "The Americans and their allies have failed in Syria. So watch out for their new plots!", kind: news.QuoteDirect, speaker: "the Leader of the Islamic Revolution", cue: "said"}},
		},
		{
			name: "cue inside the quotation",
			text: "“Syria has emerged from the war,” the spokesman said, “and is in the process of reconstruction.”",
			want: []want{
				{words: "Syria has emerged from the war", kind: news.QuoteDirect, speaker: "the spokesman", cue: "said"},
				{words: "and is in the process of reconstruction.", kind: news.QuoteDirect, speaker: "the spokesman", cue: "said"},
			},
		},
		{
			name: "a quotation spanning paragraphs",
			text: "Assad went on to say: “Iran's path is the right path.\n\n“The destruction of war can be rebuilt, but principles cannot be restored.”",
			want: []want{
				{words: "Iran's path is the right path.", kind: news.QuoteDirect, speaker: "Assad", cue: "went on to say"},
				{words: "The destruction of war can be rebuilt, but principles cannot be restored.", kind: news.QuoteDirect, speaker: "Assad", cue: "went on to say"},
			},
		},
		{
			name: "a run of quoted paragraphs after the Leader said",
			text: "On this subject, Ayatollah Ali Khamenei said:\n\n“Iran and Syria represent the strategic depth of each other.”\n\n“The enemy will never be able to carry out its plans in the region.”",
			want: []want{
				{words: "Iran and Syria represent the strategic depth of each other.", kind: news.QuoteDirect, speaker: "Ali Khamenei"},
				{words: "The enemy will never be able to carry out its plans in the region.", kind: news.QuoteDirect, speaker: "Ali Khamenei"},
			},
		},
		{
			name: "unclosed quotation ends with its paragraph",
			text: "Raisi said: “The whole of the Syrian land must be liberated from foreign occupiers.\n\nThe meeting ended at noon.",
			want: []want{{words: "The whole of the Syrian land must be liberated from foreign occupiers.", kind: news.QuoteDirect, speaker: "Raisi"}},
		},
		{
			name: "partial quote",
			text: "Ayatollah Khamenei called it a “sacred duty and obligation” of the Iranian nation.",
			// The writer's clause is what Khamenei is reported to
			// have said; the quoted words in it are his own.
			want: []want{
				{words: "it a “sacred duty and obligation” of the Iranian nation", kind: news.QuoteIndirect, speaker: "Khamenei", cue: "called"},
				{words: "sacred duty and obligation", kind: news.QuotePartial, speaker: "Khamenei", cue: "called"},
			},
		},
		{
			name: "a clause that is all quotation is the quotation alone",
			text: "Khamenei said “this bond is vital for both countries.”",
			want: []want{{words: "this bond is vital for both countries.", kind: news.QuotePartial, speaker: "Khamenei", cue: "said"}},
		},
		{
			name: "scare quotes and names are no statements",
			text: "More than 100 countries, calling themselves “friends of Syria”, backed the opponents of its so-called “axis of resistance” on Fox’s “Hannity” show.",
			want: nil,
		},
		{
			name: "indirect speech with that",
			text: "Raisi said that parts of Syria are still occupied by foreign forces.",
			want: []want{{words: "parts of Syria are still occupied by foreign forces", kind: news.QuoteIndirect, speaker: "Raisi", cue: "said"}},
		},
		{
			name: "according to, opening the sentence",
			text: "According to Nournews, Assad left for Damascus the same day.",
			want: []want{{words: "Assad left for Damascus the same day", kind: news.QuoteIndirect, speaker: "Nournews", cue: "According to"}},
		},
		{
			name: "according to, relaying the speaker's own words",
			text: "According to the Leader's office, Ayatollah Khamenei told Assad that Syria is much stronger today.",
			want: []want{{words: "Syria is much stronger today", kind: news.QuoteIndirect, speaker: "Khamenei", cue: "told", addressee: "Assad", via: "the Leader's office"}},
		},
		{
			name: "stressed the need to",
			text: "The president stressed the need to strengthen cooperation between the two countries.",
			want: []want{{words: "the need to strengthen cooperation between the two countries", kind: news.QuoteIndirect, speaker: "The president", cue: "stressed"}},
		},
		{
			name: "reported clause before its cue",
			text: "Syria has entered a new phase of its history, the spokesman said in response to a question.",
			want: []want{{words: "Syria has entered a new phase of its history", kind: news.QuoteIndirect, speaker: "the spokesman", cue: "said"}},
		},
		{
			name: "quoted by an intermediary",
			text: "Bashar al-Assad was quoted by the supreme leader's website as saying the role of the United States is weakening.",
			want: []want{{words: "the role of the United States is weakening", kind: news.QuoteIndirect, speaker: "Bashar al-Assad", via: "the supreme leader's website"}},
		},
		{
			name: "reportedly",
			text: "“The destruction of war can be rebuilt,” Assad reportedly said.",
			want: []want{{words: "The destruction of war can be rebuilt", kind: news.QuoteDirect, speaker: "Assad", via: "reportedly"}},
		},
		{
			name: "a speaker that is no mention",
			text: "Officials familiar with the talks said the deal was close.",
			want: []want{{words: "the deal was close", kind: news.QuoteIndirect, speaker: "Officials familiar with the talks"}},
		},
		{
			name: "apposition between speaker and cue",
			text: "Saeed Khatibzadeh, the Foreign Ministry spokesman, said the visit carries an important message.",
			want: []want{{words: "the visit carries an important message", kind: news.QuoteIndirect, speaker: "Saeed Khatibzadeh"}},
		},
		{
			name: "infinitive after a cue",
			text: "Senator Ted Cruz wants to build a wall on the border.",
			want: []want{{words: "to build a wall on the border", kind: news.QuoteIndirect, speaker: "Ted Cruz", cue: "wants"}},
		},
		{
			name: "evidence as the speaker",
			text: "Polls show Clinton leading Trump by ten points in Ohio.",
			want: []want{{words: "Clinton leading Trump by ten points in Ohio", kind: news.QuoteIndirect, speaker: "Polls", cue: "show"}},
		},
		{
			name: "content on both sides of the cue",
			text: "The emails were on a variety of work-related topics, the Times said, including speeches and meetings.",
			want: []want{
				{words: "The emails were on a variety of work-related topics", kind: news.QuoteIndirect, speaker: "Times", cue: "said"},
				{words: "including speeches and meetings", kind: news.QuoteIndirect, speaker: "Times", cue: "said"},
			},
		},
		{
			name: "relative pronoun names its antecedent's entity",
			text: "Rubio met Donald Trump, who said the election was rigged.",
			want: []want{{words: "the election was rigged", kind: news.QuoteIndirect, speaker: "who", cue: "said"}},
		},
		{
			name: "interjection between subject and cue",
			text: "Trump, when asked by reporters, said the election was rigged.",
			want: []want{{words: "the election was rigged", kind: news.QuoteIndirect, speaker: "Trump", cue: "said"}},
		},
		{
			name: "headline quoting its speaker in pieces",
			text: "Issa: Hillary Clinton’s ‘Honesty Is In Question.’\n\nSunday on Fox News, Rep. Darrell Issa said the probe was serious.",
			want: []want{
				{words: "Hillary Clinton’s ‘Honesty Is In Question.’", kind: news.QuoteDirect, speaker: "Issa"},
				{words: "the probe was serious", kind: news.QuoteIndirect, speaker: "Darrell Issa", cue: "said"},
			},
		},
		{
			name: "a noun-like verb before a quoted sentence",
			text: "The ad claims “Jeb is the conservative you can trust.”",
			want: []want{{words: "Jeb is the conservative you can trust.", kind: news.QuotePartial, speaker: "The ad", cue: "claims"}},
		},
		{
			name: "doubled apostrophes end the sentence before the next cue",
			text: "''Let's make one thing clear right upfront,'' he wrote. ''If you get offended by this post, that's your fault.'' He added: ''This latest brew is beyond hilarious.''",
			want: []want{
				{words: "Let's make one thing clear right upfront", kind: news.QuoteDirect, speaker: "he", cue: "wrote"},
				{words: "If you get offended by this post, that's your fault.", kind: news.QuoteDirect, speaker: "he", cue: "wrote"},
				{words: "This latest brew is beyond hilarious.", kind: news.QuoteDirect, speaker: "He", cue: "added"},
			},
		},
		{
			name: "a shout",
			text: "Protesters scream “Lock her up!” at every rally.",
			want: []want{{words: "Lock her up!", kind: news.QuotePartial, speaker: "Protesters", cue: "scream"}},
		},
		{
			name: "a quoted paragraph whose cue follows in the next",
			text: "The rally went on into the night.\n\n“I am a proven champion for governance and liberty.”\n\n“I will take that same strength of conviction to Washington,” Espinoza said.",
			want: []want{
				{words: "I am a proven champion for governance and liberty.", kind: news.QuoteDirect, speaker: "Espinoza", cue: "said"},
				{words: "I will take that same strength of conviction to Washington", kind: news.QuoteDirect, speaker: "Espinoza", cue: "said"},
			},
		},
		{
			name: "a noun of saying with its that-clause",
			text: "Trump made the claim that thousands of people had cheered. The fear that prices would rise kept buyers away.",
			want: []want{
				{words: "thousands of people had cheered", kind: news.QuoteIndirect, speaker: "Trump", cue: "claim"},
				{words: "prices would rise kept buyers away", kind: news.QuoteIndirect, speaker: "", cue: "fear"},
			},
		},
		{
			name: "the writer's words leading into a quotation",
			text: "Not paying taxes “makes me smart,” Donald Trump said last week.",
			want: []want{
				{words: "Not paying taxes “makes me smart,”", kind: news.QuoteIndirect, speaker: "Donald Trump", cue: "said"},
				{words: "makes me smart", kind: news.QuotePartial, speaker: "Donald Trump", cue: "said"},
			},
		},
		{
			name: "a paragraph quoted without marks after a colon",
			text: "Limbaugh added:\n\nThis reeks of some of the greatest fear that I have ever seen.\n\nThe show went on.",
			want: []want{
				{words: "This reeks of some of the greatest fear that I have ever seen.", kind: news.QuoteDirect, speaker: "Limbaugh", cue: "added"},
			},
		},
		{
			name: "judging as",
			text: "PolitiFact rated 32% of Republican claims as false, compared to 11% of Democratic claims.",
			want: []want{
				{words: "32% of Republican claims as false, compared to 11% of Democratic claims", kind: news.QuoteIndirect, speaker: "PolitiFact", cue: "rated"},
			},
		},
		{
			name: "a transcript's label inside the quotation",
			text: "The exchange went like this:\n\n\"WALLACE: Do you really see those two as equivalent?\n\n\"PENCE: Well, the question really should be why she did it.\"",
			want: []want{
				{words: "Do you really see those two as equivalent?", kind: news.QuoteDirect, speaker: "WALLACE", cue: ":"},
				{words: "Well, the question really should be why she did it.", kind: news.QuoteDirect, speaker: "PENCE", cue: ":"},
			},
		},
		{
			name: "credit lines after a dash",
			text: "Readers wrote in.\n\n“He represents our greatest shame.” ― Sonya Herridge\n“He is ignorant of our culture and lives.”— Pamela Padilla, 41.",
			want: []want{
				{words: "He represents our greatest shame.", kind: news.QuoteDirect, speaker: "Sonya Herridge", cue: "―"},
				{words: "He is ignorant of our culture and lives.", kind: news.QuoteDirect, speaker: "Pamela Padilla", cue: "—"},
			},
		},
		{
			name: "mismatched and stray marks",
			text: "He said ” that “ it was fine » and « then “ left.",
			want: []want{
				{words: "” that “ it was fine » and « then “ left", kind: news.QuoteIndirect, speaker: "He", cue: "said"},
				{words: "it was fine", kind: news.QuotePartial, speaker: "He", cue: "said"},
				{words: "then", kind: news.QuotePartial, speaker: "He", cue: "said"},
			},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a := an.Analyze(tt.text)
			checkSpans(t, tt.text, a.Quotes)
			var got []string
			for _, q := range a.Quotes {
				got = append(got, describe(tt.text, q))
			}
			if len(a.Quotes) != len(tt.want) {
				t.Fatalf("got %d quotes, want %d:\n%s", len(a.Quotes), len(tt.want), strings.Join(got, "\n"))
			}
			for i, w := range tt.want {
				q := a.Quotes[i]
				cut := func(s news.Span) string { return tt.text[s.Start:s.End] }
				ok := cut(news.Span{Start: q.Start, End: q.End}) == w.words && q.Kind == w.kind && cut(q.Speaker) == w.speaker &&
					(w.cue == "" || cut(q.Cue) == w.cue) && (w.addressee == "" || cut(q.Addressee) == w.addressee) && (w.via == "" || cut(q.Via) == w.via)
				if !ok {
					t.Errorf("quote %d = %s\nwant %+v", i, got[i], w)
				}
			}
		})
	}
}

// describe renders a quote for messages.
func describe(txt string, q news.Quote) string {
	cut := func(s news.Span) string { return txt[s.Start:s.End] }
	return fmt.Sprintf("%s %q speaker=%q(%d) cue=%q addressee=%q via=%q", q.Kind, txt[q.Start:q.End], cut(q.Speaker), q.SpeakerEntity, cut(q.Cue), cut(q.Addressee), cut(q.Via))
}

// checkSpans checks what Extract promises of any text: spans in bounds,
// on character boundaries (of valid UTF-8), not inverted; quotes in
// order, not overlapping; known kinds.
func checkSpans(t *testing.T, txt string, qs []news.Quote) {
	t.Helper()
	// Character boundaries mean something in valid UTF-8 only; Segment
	// makes a token of each invalid byte.
	whole := !utf8.ValidString(txt)
	valid := func(s news.Span, empty bool) bool {
		if s == (news.Span{}) {
			return empty
		}
		return 0 <= s.Start && s.Start < s.End && s.End <= len(txt) &&
			(whole || utf8.RuneStart(txt[s.Start]) && (s.End == len(txt) || utf8.RuneStart(txt[s.End])))
	}
	prevEnd := 0
	var outer news.Quote // the last quote that no other holds
	for _, q := range qs {
		content := news.Span{Start: q.Start, End: q.End}
		// Quotes follow one another without overlapping, but for the
		// partial quotes a reported clause holds: same cue, inside it.
		held := outer.Kind == news.QuoteIndirect && q.Kind == news.QuotePartial && q.Cue == outer.Cue && q.Start >= outer.Start && q.End <= outer.End
		if !valid(content, false) || q.Start < prevEnd && !held {
			t.Errorf("bad content span %d-%d after %d", q.Start, q.End, prevEnd)
			continue
		}
		if !held {
			prevEnd, outer = q.End, q
		}
		if !valid(q.Cue, true) || !valid(q.Speaker, true) || !valid(q.Addressee, true) || !valid(q.Via, true) {
			t.Errorf("bad span in %+v", q)
		}
		switch q.Kind {
		case news.QuoteDirect, news.QuotePartial, news.QuoteIndirect:
		default:
			t.Errorf("kind %q", q.Kind)
		}
		if q.SpeakerEntity < -1 || q.Speaker == (news.Span{}) && q.SpeakerEntity != -1 {
			t.Errorf("speaker entity %d with speaker %v", q.SpeakerEntity, q.Speaker)
		}
	}
}

// TestExtractInvariants runs Extract on real articles: the seeds, the BBC
// corpus and PolNeAR, where they are present.
func TestExtractInvariants(t *testing.T) {
	var files []string
	for _, g := range []string{seedsDir + "/*.txt", "../../../shared/data/bbc/*/*.txt", "../../../shared/data/polnear/dev/text/*.txt"} {
		more, _ := filepath.Glob(g)
		files = append(files, more...)
	}
	if len(files) == 0 {
		t.Skip("../shared not present")
	}
	if testing.Short() && len(files) > 200 {
		files = files[:200]
	}
	an := newAnalyzer(t)
	n := 0
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil || !utf8.Valid(b) {
			continue
		}
		a := an.Analyze(string(b))
		checkSpans(t, string(b), a.Quotes)
		n += len(a.Quotes)
	}
	t.Logf("%d quotes in %d articles", n, len(files))
}

// FuzzExtract checks that Extract accepts any text: no panic, and spans
// that keep their promises, with and without mentions.
func FuzzExtract(f *testing.F) {
	for _, s := range []string{
		"“A,” he said. “B.”",
		"He said: “unclosed\n\n“and reopened,” she added. »",
		`"a" "b" ''c'' ‘d’ „e“ «f» ”g“ ’h‘`,
		"According to X, Y told Z that W. Q was quoted by R as saying S.",
		"“",
		"said that",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		doc := text.Segment(s)
		checkSpans(t, s, quotes.Extract(s, doc, nil))
		// Every capitalized word a person: mentions in every odd place.
		var ms []news.Mention
		for _, tk := range doc.Tokens {
			if r, _ := utf8.DecodeRuneInString(s[tk.Start:]); tk.Kind == text.Word && r >= 'A' && r <= 'Z' {
				ms = append(ms, news.Mention{Start: tk.Start, End: tk.End, Type: news.TypePerson, Kind: news.KindName, Entity: len(ms) % 3})
			}
		}
		checkSpans(t, s, quotes.Extract(s, doc, ms))
	})
}

// BenchmarkExtract measures quote extraction alone on the BBC articles,
// segmented and analysed beforehand; BenchmarkAnalyze in
// internal/analyze measures the whole analysis, quotes included. The
// words/s of both compare the cost per word.
func BenchmarkExtract(b *testing.B) {
	texts, size, words := benchtext.BBC(b)
	an := newAnalyzer(b)
	type input struct {
		txt string
		doc text.Doc
		ms  []news.Mention
	}
	var in []input
	for _, txt := range texts {
		in = append(in, input{txt, text.Segment(txt), an.Analyze(txt).Mentions})
	}
	b.SetBytes(size / int64(len(in)))
	b.ReportAllocs()
	i, n := 0, 0
	for b.Loop() {
		d := in[i%len(in)]
		n += len(quotes.Extract(d.txt, d.doc, d.ms))
		i++
	}
	if n == 0 {
		b.Fatal("no quotes in the BBC articles")
	}
	b.ReportMetric(float64(words)/float64(len(in))*float64(i)/b.Elapsed().Seconds(), "words/s")
}
