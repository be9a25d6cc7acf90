package meantime_test

import (
	"fmt"
	"math"
	"testing"

	"github.com/parallax-news/parallax/internal/meantime"
)

// clusters builds a cluster map in which mention i (a one-byte span at
// i in document "d") is in cluster ids[i]; "" leaves the mention out.
func clusters(ids ...string) map[meantime.MentionKey]string {
	m := make(map[meantime.MentionKey]string)
	for i, id := range ids {
		if id != "" {
			m[meantime.MentionKey{Doc: "d", Span: meantime.Span{Start: i, End: i + 1}}] = id
		}
	}
	return m
}

func near(a, b float64) bool { return math.Abs(a-b) < 1e-9 }

func checkPRF(t *testing.T, got, want meantime.PRF) {
	t.Helper()
	if !near(got.Precision, want.Precision) || !near(got.Recall, want.Recall) || !near(got.F1, want.F1) {
		t.Errorf("got P=%.6f R=%.6f F1=%.6f, want P=%.6f R=%.6f F1=%.6f",
			got.Precision, got.Recall, got.F1, want.Precision, want.Recall, want.F1)
	}
}

func f1(p, r float64) float64 { return 2 * p * r / (p + r) }

func TestBCubed(t *testing.T) {
	// Bagga & Baldwin's (1998) example: twelve mentions in gold clusters
	// {1–5} {6–7} {8–12}.
	gold := clusters("A", "A", "A", "A", "A", "B", "B", "C", "C", "C", "C", "C")
	tests := []struct {
		name      string
		gold      map[meantime.MentionKey]string
		predicted map[meantime.MentionKey]string
		want      meantime.PRF
	}{
		{"identical", gold, clusters("x", "x", "x", "x", "x", "y", "y", "z", "z", "z", "z", "z"), meantime.PRF{Precision: 1, Recall: 1, F1: 1}},
		// Recall: 5·(1/5) + 2·(1/2) + 5·(1/5) = 3 over 12.
		{"all singletons", gold, clusters("1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "11", "12"),
			meantime.PRF{Precision: 1, Recall: 0.25, F1: f1(1, 0.25)}},
		// Precision: (5·5/12 + 2·2/12 + 5·5/12) = 54/12 over 12 = 0.375.
		{"one cluster", gold, clusters("x", "x", "x", "x", "x", "x", "x", "x", "x", "x", "x", "x"),
			meantime.PRF{Precision: 0.375, Recall: 1, F1: f1(0.375, 1)}},
		// {1–5} split into {1,2} {3,4,5}: recall (2·2/5 + 3·3/5 + 2 + 5)/12 = 0.8.
		{"split", gold, clusters("x", "x", "w", "w", "w", "y", "y", "z", "z", "z", "z", "z"),
			meantime.PRF{Precision: 1, Recall: 0.8, F1: f1(1, 0.8)}},
		// B&B's first error: {1–5} merged with {6–7}. Precision
		// (5·5/7 + 2·2/7 + 5)/12 = 16/21.
		{"merge small into big", gold, clusters("x", "x", "x", "x", "x", "x", "x", "z", "z", "z", "z", "z"),
			meantime.PRF{Precision: 16.0 / 21, Recall: 1, F1: 32.0 / 37}},
		// B&B's second error: {6–7} merged with {8–12}; B³ scores it the same.
		{"merge small into other big", gold, clusters("x", "x", "x", "x", "x", "z", "z", "z", "z", "z", "z", "z"),
			meantime.PRF{Precision: 16.0 / 21, Recall: 1, F1: 32.0 / 37}},
		// A spurious mention in a cluster of two gold mentions: it earns 0
		// and dilutes the others to 2/3 each: (2/3 + 2/3 + 0)/3 = 4/9.
		{"spurious mention", clusters("A", "A"), clusters("x", "x", "x"),
			meantime.PRF{Precision: 4.0 / 9, Recall: 1, F1: f1(4.0/9, 1)}},
		// A spurious singleton earns 0 too: precision (1 + 1 + 0)/3.
		{"spurious singleton", clusters("A", "A"), clusters("x", "x", "y"),
			meantime.PRF{Precision: 2.0 / 3, Recall: 1, F1: f1(2.0/3, 1)}},
		// A missed mention: recall (2/3 + 2/3 + 0)/3 = 4/9.
		{"missed mention", clusters("A", "A", "A"), clusters("x", "x"),
			meantime.PRF{Precision: 1, Recall: 4.0 / 9, F1: f1(1, 4.0/9)}},
		{"empty prediction", gold, clusters(), meantime.PRF{}},
		{"both empty", clusters(), clusters(), meantime.PRF{}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			checkPRF(t, meantime.BCubed(tt.gold, tt.predicted), tt.want)
		})
	}
}

func TestBCubedKeysByDocument(t *testing.T) {
	// The same span in two documents is two mentions.
	s := meantime.Span{Start: 0, End: 4}
	gold := map[meantime.MentionKey]string{{Doc: "a", Span: s}: "E", {Doc: "b", Span: s}: "E"}
	split := map[meantime.MentionKey]string{{Doc: "a", Span: s}: "1", {Doc: "b", Span: s}: "2"}
	checkPRF(t, meantime.BCubed(gold, split), meantime.PRF{Precision: 1, Recall: 0.5, F1: f1(1, 0.5)})
}

func span(a, b int) meantime.Span { return meantime.Span{Start: a, End: b} }

func TestMentionScores(t *testing.T) {
	tests := []struct {
		name            string
		gold, predicted []meantime.Span
		exact, lenient  meantime.Counts
	}{
		{"identical", []meantime.Span{span(0, 4), span(10, 20)}, []meantime.Span{span(10, 20), span(0, 4)},
			meantime.Counts{Gold: 2, Predicted: 2, Matched: 2}, meantime.Counts{Gold: 2, Predicted: 2, Matched: 2}},
		{"repeats count once", []meantime.Span{span(0, 4), span(0, 4)}, []meantime.Span{span(0, 4), span(0, 4), span(0, 4)},
			meantime.Counts{Gold: 1, Predicted: 1, Matched: 1}, meantime.Counts{Gold: 1, Predicted: 1, Matched: 1}},
		// 6 of the longer span's 10 bytes overlap: lenient only.
		{"overlap over half", []meantime.Span{span(0, 10)}, []meantime.Span{span(4, 10)},
			meantime.Counts{Gold: 1, Predicted: 1, Matched: 0}, meantime.Counts{Gold: 1, Predicted: 1, Matched: 1}},
		{"overlap exactly half", []meantime.Span{span(0, 10)}, []meantime.Span{span(5, 12)},
			meantime.Counts{Gold: 1, Predicted: 1}, meantime.Counts{Gold: 1, Predicted: 1, Matched: 1}},
		{"overlap under half", []meantime.Span{span(0, 10)}, []meantime.Span{span(6, 10)},
			meantime.Counts{Gold: 1, Predicted: 1}, meantime.Counts{Gold: 1, Predicted: 1}},
		{"touching", []meantime.Span{span(0, 10)}, []meantime.Span{span(10, 20)},
			meantime.Counts{Gold: 1, Predicted: 1}, meantime.Counts{Gold: 1, Predicted: 1}},
		// One predicted span near two gold spans credits only one; the exact
		// match is taken first.
		{"one to one", []meantime.Span{span(0, 10), span(0, 8)}, []meantime.Span{span(0, 8)},
			meantime.Counts{Gold: 2, Predicted: 1, Matched: 1}, meantime.Counts{Gold: 2, Predicted: 1, Matched: 1}},
		{"empty span never matches", []meantime.Span{span(3, 3)}, []meantime.Span{span(3, 3)},
			meantime.Counts{Gold: 1, Predicted: 1, Matched: 1}, meantime.Counts{Gold: 1, Predicted: 1}},
		{"nothing predicted", []meantime.Span{span(0, 4)}, nil,
			meantime.Counts{Gold: 1}, meantime.Counts{Gold: 1}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := meantime.ExactMatches(tt.gold, tt.predicted); got != tt.exact {
				t.Errorf("ExactMatches = %+v, want %+v", got, tt.exact)
			}
			if got := meantime.LenientMatches(tt.gold, tt.predicted); got != tt.lenient {
				t.Errorf("LenientMatches = %+v, want %+v", got, tt.lenient)
			}
			checkPRF(t, meantime.MentionScores(tt.gold, tt.predicted), tt.exact.PRF())
			checkPRF(t, meantime.LenientMentionScores(tt.gold, tt.predicted), tt.lenient.PRF())
		})
	}
}

func TestCountsPRF(t *testing.T) {
	c := meantime.Counts{Gold: 4, Predicted: 2, Matched: 2}.Add(meantime.Counts{Gold: 6, Predicted: 3, Matched: 1})
	// 3 matched of 5 predicted and 10 gold.
	checkPRF(t, c.PRF(), meantime.PRF{Precision: 0.6, Recall: 0.3, F1: f1(0.6, 0.3)})
	if got := fmt.Sprint(meantime.Counts{}.PRF()); got != fmt.Sprint(meantime.PRF{}) {
		t.Errorf("zero counts: got %s", got)
	}
}
