package polnear_test

import (
	"math"
	"reflect"
	"strings"
	"testing"

	"github.com/parallax-news/parallax/internal/news"
	"github.com/parallax-news/parallax/internal/polnear"
)

func TestMatch(t *testing.T) {
	const txt = "0123456789abcdefghij"
	tests := []struct {
		name       string
		gold, pred [][]polnear.Span
		goldMatch  []int
		predMatch  []int
	}{
		{"exact", [][]polnear.Span{{span(0, 10)}}, [][]polnear.Span{{span(0, 10)}}, []int{0}, []int{0}},
		{"half is enough", [][]polnear.Span{{span(0, 10)}}, [][]polnear.Span{{span(5, 20)}}, []int{0}, []int{0}},
		{"less is not", [][]polnear.Span{{span(0, 10)}}, [][]polnear.Span{{span(6, 20)}}, []int{-1}, []int{-1}},
		{"fragments add up", [][]polnear.Span{{span(0, 4), span(10, 14)}}, [][]polnear.Span{{span(0, 2)}, {span(10, 14)}}, []int{1}, []int{-1, 0}},
		{"each once, largest share first",
			[][]polnear.Span{{span(0, 10)}, {span(2, 8)}},
			[][]polnear.Span{{span(2, 10)}},
			[]int{-1, 0}, []int{1}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			gm, pm := polnear.Match(txt, tt.gold, tt.pred)
			if !reflect.DeepEqual(gm, tt.goldMatch) || !reflect.DeepEqual(pm, tt.predMatch) {
				t.Errorf("Match = %v, %v; want %v, %v", gm, pm, tt.goldMatch, tt.predMatch)
			}
		})
	}
}

func TestQuotedMask(t *testing.T) {
	tests := []struct{ text, want string }{
		{`a "bc" d`, `  ^^^^  `},
		{"a “b” c", "  ^^^^^^^  "}, // curly marks are three bytes
		{"a ''b'' c", "  ^^^^^  "},
		{"“a\nb", "^^^^\n "},
		{"it’s ‘a’ b", "       ^^^^^^^  "},
	}
	for _, tt := range tests {
		mask := polnear.QuotedMask(tt.text)
		got := make([]byte, len(mask))
		for i, m := range mask {
			switch {
			case m:
				got[i] = '^'
			case tt.text[i] == '\n':
				got[i] = '\n'
			default:
				got[i] = ' '
			}
		}
		if string(got) != tt.want {
			t.Errorf("QuotedMask(%q) = %q, want %q", tt.text, got, tt.want)
		}
	}
}

func TestScore(t *testing.T) {
	d, err := polnear.Parse(exampleText, exampleAnn)
	if err != nil {
		t.Fatal(err)
	}
	// “We’ll win,” he said, “easily.” — found in two pieces that share
	// their cue, with the right speaker; the second attribution missed;
	// one false alarm.
	at := func(s string) polnear.Span {
		i := strings.Index(exampleText, s)
		return span(i, i+len(s))
	}
	he, said := at("he"), at("said")
	q1, q2, polls := at("We’ll win"), at("easily."), at("Polls")
	a := news.Analysis{
		Paragraphs: []news.Span{{Start: 0, End: at("Polls").Start - 1}, {Start: at("Polls").Start, End: len(exampleText) - 1}},
		Mentions:   []news.Mention{{Start: he.Start, End: he.End, Type: news.TypePerson, Kind: news.KindPronoun, Entity: 0}},
		Quotes: []news.Quote{
			{Start: q1.Start, End: q1.End, Kind: news.QuoteDirect, Cue: said, Speaker: he, SpeakerEntity: 0},
			{Start: q2.Start, End: q2.End, Kind: news.QuoteDirect, Cue: said, Speaker: he, SpeakerEntity: 0},
			{Start: polls.Start, End: polls.End, Kind: news.QuoteIndirect, SpeakerEntity: -1},
		},
	}
	preds := polnear.Predictions(a)
	if len(preds) != 2 || len(preds[0].Content) != 2 || !preds[0].Quoted || preds[1].Quoted {
		t.Fatalf("Predictions = %+v", preds)
	}
	res := polnear.Score(d, preds)
	want := polnear.Scores{
		Direct:        polnear.Counts{Gold: 1, Predicted: 1, Matched: 1},
		All:           polnear.Counts{Gold: 2, Predicted: 2, Matched: 1},
		Speaker:       polnear.Fraction{Right: 1, Total: 1},
		DirectSpeaker: polnear.Fraction{Right: 1, Total: 1},
	}
	if res.Scores != want {
		t.Errorf("Score = %+v, want %+v", res.Scores, want)
	}
	if p := res.All.PRF(); math.Abs(p.F1-0.5) > 1e-9 {
		t.Errorf("F1 = %v, want 0.5", p.F1)
	}
}
