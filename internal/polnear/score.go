package polnear

import (
	"cmp"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/parallax-news/parallax/internal/news"
)

// PRF is a precision, recall and F1 score, each in [0, 1]. A ratio whose
// denominator is zero is 0.
type PRF struct {
	Precision, Recall, F1 float64
}

// Counts are the counts behind a score: gold items, predicted items and
// matched pairs. Counts of several documents add up.
type Counts struct {
	Gold, Predicted, Matched int
}

// Add returns the sum of c and o.
func (c Counts) Add(o Counts) Counts {
	return Counts{Gold: c.Gold + o.Gold, Predicted: c.Predicted + o.Predicted, Matched: c.Matched + o.Matched}
}

// PRF returns Matched/Predicted, Matched/Gold and their harmonic mean.
func (c Counts) PRF() PRF {
	p, r := ratio(c.Matched, c.Predicted), ratio(c.Matched, c.Gold)
	f := 0.0
	if p+r > 0 {
		f = 2 * p * r / (p + r)
	}
	return PRF{Precision: p, Recall: r, F1: f}
}

// Fraction is a count of right answers out of a total.
type Fraction struct {
	Right, Total int
}

// Add returns the sum of f and o.
func (f Fraction) Add(o Fraction) Fraction {
	return Fraction{Right: f.Right + o.Right, Total: f.Total + o.Total}
}

// Value returns Right/Total, or 0 when there is nothing to count.
func (f Fraction) Value() float64 { return ratio(f.Right, f.Total) }

// ratio returns a/b, or 0 when b is 0.
func ratio(a, b int) float64 {
	if b == 0 {
		return 0
	}
	return float64(a) / float64(b)
}

// Prediction is one attribution a system found: the content's
// fragments, whether it is a quotation (direct or partial), and the spans
// that name its speaker (the speaker phrase and every other mention of
// the same entity; none when the speaker is unknown).
type Prediction struct {
	Content []Span
	Quoted  bool
	Speaker []Span
}

// Scores are the scores of one or more documents.
type Scores struct {
	// Direct compares the gold direct quotes (contents at least half of
	// whose characters are inside quotation marks) with the predicted
	// quotations.
	Direct Counts
	// All compares every gold content with every prediction.
	All Counts
	// Speaker is, over the matched pairs of All whose gold attribution
	// has a source, how many predictions name it; DirectSpeaker the same
	// over the pairs of Direct.
	Speaker, DirectSpeaker Fraction
}

// Add returns the sum of s and o.
func (s Scores) Add(o Scores) Scores {
	return Scores{
		Direct: s.Direct.Add(o.Direct), All: s.All.Add(o.All),
		Speaker: s.Speaker.Add(o.Speaker), DirectSpeaker: s.DirectSpeaker.Add(o.DirectSpeaker),
	}
}

// Result is the scoring of one document: its scores and which gold
// attribution each prediction matched in the comparison of all
// attributions.
type Result struct {
	Scores
	// Gold holds the attributions with a content, GoldDirect says which are
	// direct quotes, GoldMatch the prediction each matched (-1 none) and
	// PredMatch the gold attribution each prediction matched (-1 none).
	Gold       []Attribution
	GoldDirect []bool
	GoldMatch  []int
	PredMatch  []int
}

// Score scores the predictions made for document d. A prediction matches
// a gold content when its fragments cover at least half of the
// content's characters; each gold content and each prediction is matched
// at most once, largest overlaps first. A matched prediction names the
// right speaker when one of its speaker spans overlaps the gold source.
func Score(d Document, preds []Prediction) Result {
	var res Result
	quoted := QuotedMask(d.Text)
	for _, a := range d.Attributions {
		if len(a.Content) > 0 {
			res.Gold = append(res.Gold, a)
			res.GoldDirect = append(res.GoldDirect, isQuoted(d.Text, quoted, a.Content))
		}
	}
	contents := make([][]Span, len(res.Gold))
	for i, a := range res.Gold {
		contents[i] = a.Content
	}
	predContents := make([][]Span, len(preds))
	for i, p := range preds {
		predContents[i] = p.Content
	}
	// All attributions.
	res.GoldMatch, res.PredMatch = Match(d.Text, contents, predContents)
	res.All = Counts{Gold: len(contents), Predicted: len(preds)}
	for g, p := range res.GoldMatch {
		if p < 0 {
			continue
		}
		res.All.Matched++
		if len(res.Gold[g].Source) > 0 {
			res.Speaker.Total++
			if overlapsAny(preds[p].Speaker, res.Gold[g].Source) {
				res.Speaker.Right++
			}
		}
	}
	// Direct quotes only.
	var dg, dp []int
	for i := range res.Gold {
		if res.GoldDirect[i] {
			dg = append(dg, i)
		}
	}
	for i, p := range preds {
		// A prediction is a direct quote when the system says it
		// quotes, or, by the rule the gold follows, when at least half
		// of its characters are inside quotation marks: a reported
		// clause that is mostly quoted words.
		if p.Quoted || isQuoted(d.Text, quoted, p.Content) {
			dp = append(dp, i)
		}
	}
	dgc, dpc := make([][]Span, len(dg)), make([][]Span, len(dp))
	for i, g := range dg {
		dgc[i] = contents[g]
	}
	for i, p := range dp {
		dpc[i] = predContents[p]
	}
	gm, _ := Match(d.Text, dgc, dpc)
	res.Scores.Direct.Gold, res.Scores.Direct.Predicted = len(dg), len(dp)
	for i, m := range gm {
		if m < 0 {
			continue
		}
		res.Scores.Direct.Matched++
		g, p := res.Gold[dg[i]], preds[dp[m]]
		if len(g.Source) > 0 {
			res.DirectSpeaker.Total++
			if overlapsAny(p.Speaker, g.Source) {
				res.DirectSpeaker.Right++
			}
		}
	}
	return res
}

// Match pairs gold and predicted contents of one text one to one: a pair
// qualifies when the predicted fragments cover at least half of the gold
// fragments' characters, and pairs are taken largest share first. It
// returns, for each gold content, the index of its prediction (-1 none),
// and for each prediction the index of its gold content (-1 none).
func Match(txt string, gold, pred [][]Span) (goldMatch, predMatch []int) {
	type pair struct {
		g, p  int
		share float64
	}
	var pairs []pair
	for g, gs := range gold {
		total := chars(txt, gs)
		if total == 0 {
			continue
		}
		for p, ps := range pred {
			if o := overlapChars(txt, gs, ps); 2*o >= total && o > 0 {
				pairs = append(pairs, pair{g, p, float64(o) / float64(total)})
			}
		}
	}
	slices.SortStableFunc(pairs, func(a, b pair) int { return cmp.Compare(b.share, a.share) })
	goldMatch, predMatch = make([]int, len(gold)), make([]int, len(pred))
	for i := range goldMatch {
		goldMatch[i] = -1
	}
	for i := range predMatch {
		predMatch[i] = -1
	}
	for _, pr := range pairs {
		if goldMatch[pr.g] < 0 && predMatch[pr.p] < 0 {
			goldMatch[pr.g], predMatch[pr.p] = pr.p, pr.g
		}
	}
	return goldMatch, predMatch
}

// chars counts the characters the spans cover.
func chars(txt string, spans []Span) int {
	n := 0
	for _, s := range spans {
		n += utf8.RuneCountInString(txt[s.Start:s.End])
	}
	return n
}

// overlapChars counts the characters that a and b both cover; the spans
// of each may not overlap one another.
func overlapChars(txt string, a, b []Span) int {
	n := 0
	for _, x := range a {
		for _, y := range b {
			if s, e := max(x.Start, y.Start), min(x.End, y.End); s < e {
				n += utf8.RuneCountInString(txt[s:e])
			}
		}
	}
	return n
}

// overlapsAny reports whether a span of a overlaps a span of b.
func overlapsAny(a, b []Span) bool {
	for _, x := range a {
		for _, y := range b {
			if x.Start < y.End && y.Start < x.End {
				return true
			}
		}
	}
	return false
}

// QuotedMask reports, for each byte of txt, whether it lies inside double
// quotation marks (the marks included). Marks pair within a line: “ „ «
// and “ open, ” » close, and a straight " or a doubled apostrophe ”
// (as The New York Times prints quotation marks) opens or closes by
// turns; a line that ends inside a quote closes it. It is deliberately
// simple and knows nothing of the system it scores.
func QuotedMask(txt string) []bool {
	mask := make([]bool, len(txt))
	inside, single := false, false
	for i := 0; i < len(txt); {
		r, size := utf8.DecodeRuneInString(txt[i:])
		mark := 0 // 1 opens, 2 closes, 3 toggles
		switch {
		case r == '\n':
			inside, single = false, false
		case r == '‘' && !inside:
			single = true
		case r == '’' && single && !inside:
			next, _ := utf8.DecodeRuneInString(txt[i+size:])
			if !unicode.IsLetter(next) {
				setTrue(mask[i : i+size])
				single = false
			}
		case r == '“' || r == '„' || r == '«':
			mark = 1
		case r == '`' && strings.HasPrefix(txt[i:], "``"):
			mark, size = 1, 2
		case r == '”' || r == '»':
			mark = 2
		case r == '"':
			mark = 3
		case r == '\'' && strings.HasPrefix(txt[i:], "''"):
			mark, size = 3, 2
		}
		switch {
		case mark == 1 || mark == 3 && !inside:
			inside = true
		case mark == 2 || mark == 3:
			setTrue(mask[i : i+size])
			inside = false
		}
		if inside || single {
			setTrue(mask[i : i+size])
		}
		i += size
	}
	return mask
}

// setTrue sets every element of b.
func setTrue(b []bool) {
	for i := range b {
		b[i] = true
	}
}

// isQuoted reports whether at least half of the characters of spans lie
// inside quotation marks.
func isQuoted(txt string, mask []bool, spans []Span) bool {
	in, total := 0, 0
	for _, s := range spans {
		for i := s.Start; i < s.End; i++ {
			if utf8.RuneStart(txt[i]) {
				total++
				if mask[i] {
					in++
				}
			}
		}
	}
	return total > 0 && 2*in >= total
}

// Predictions turns the quotes of an analysis into PolNeAR attributions:
// quotes that share their cue are one attribution of several fragments,
// as PolNeAR annotates a quotation interrupted by its attribution ("“A,”
// he said, “B.”") or going on over several paragraphs. The speaker spans
// are the quote's speaker and every mention of its speaker entity.
func Predictions(a news.Analysis) []Prediction {
	var out []Prediction
	group := map[Span]int{} // cue -> prediction
	held := Span{}          // the reported clause that holds the partial quotes after it
	for _, q := range a.Quotes {
		content := Span{Start: q.Start, End: q.End}
		// A partial quote inside a reported clause is part of the
		// clause's attribution, which is a direct quote only when mostly
		// quoted (see Score).
		inside := q.Kind == news.QuotePartial && held.Start <= q.Start && q.End <= held.End
		quoted := q.Kind == news.QuoteDirect || q.Kind == news.QuotePartial && !inside
		if q.Kind == news.QuoteIndirect {
			held = content
		}
		if q.Cue.End > q.Cue.Start {
			if i, ok := group[q.Cue]; ok {
				if !inside { // the clause's fragment covers it already
					out[i].Content = append(out[i].Content, content)
				}
				out[i].Quoted = out[i].Quoted || quoted
				continue
			}
			group[q.Cue] = len(out)
		}
		p := Prediction{Content: []Span{content}, Quoted: quoted}
		if q.Speaker.End > q.Speaker.Start {
			p.Speaker = append(p.Speaker, q.Speaker)
		}
		if q.SpeakerEntity >= 0 {
			for _, m := range a.Mentions {
				if m.Entity == q.SpeakerEntity {
					p.Speaker = append(p.Speaker, Span{Start: m.Start, End: m.End})
				}
			}
		}
		out = append(out, p)
	}
	return out
}
