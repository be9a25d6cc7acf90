package tempeval

// PRF is precision, recall and F1, each in [0, 1].
type PRF struct {
	Precision, Recall, F1 float64
}

// Counts are the counts behind the TempEval-3 time-expression scores.
// Counts of several documents add up.
type Counts struct {
	Gold, Found int // expressions in the annotation and in the system's output
	Strict      int // pairs with equal spans
	Relaxed     int // pairs with overlapping spans, one-to-one
	TypeRight   int // relaxed pairs whose types agree
	ValueRight  int // relaxed pairs whose values agree
}

// Add returns the sum of c and o.
func (c Counts) Add(o Counts) Counts {
	return Counts{
		Gold: c.Gold + o.Gold, Found: c.Found + o.Found,
		Strict: c.Strict + o.Strict, Relaxed: c.Relaxed + o.Relaxed,
		TypeRight: c.TypeRight + o.TypeRight, ValueRight: c.ValueRight + o.ValueRight,
	}
}

// StrictPRF scores exact-span matches.
func (c Counts) StrictPRF() PRF { return prf(c.Strict, c.Found, c.Gold) }

// RelaxedPRF scores overlapping matches.
func (c Counts) RelaxedPRF() PRF { return prf(c.Relaxed, c.Found, c.Gold) }

// TypePRF scores the type attribute: relaxed matches with the right type
// count as hits, as the TempEval-3 scorer counts them.
func (c Counts) TypePRF() PRF { return prf(c.TypeRight, c.Found, c.Gold) }

// ValuePRF scores the value attribute like TypePRF.
func (c Counts) ValuePRF() PRF { return prf(c.ValueRight, c.Found, c.Gold) }

// TypeAccuracy is the share of relaxed matches with the right type.
func (c Counts) TypeAccuracy() float64 { return ratio(c.TypeRight, c.Relaxed) }

// ValueAccuracy is the share of relaxed matches with the right value.
func (c Counts) ValueAccuracy() float64 { return ratio(c.ValueRight, c.Relaxed) }

func prf(hit, found, gold int) PRF {
	p, r := ratio(hit, found), ratio(hit, gold)
	f := 0.0
	if p+r > 0 {
		f = 2 * p * r / (p + r)
	}
	return PRF{Precision: p, Recall: r, F1: f}
}

func ratio(a, b int) float64 {
	if b == 0 {
		return 0
	}
	return float64(a) / float64(b)
}

// Score compares a system's expressions with the gold ones of one
// document. Both lists may come in any order. Each gold expression is
// paired with at most one predicted one: the one with the same span if
// any, otherwise the first overlapping one still free.
func Score(gold, found []Timex) Counts {
	c := Counts{Gold: len(gold), Found: len(found)}
	used := make([]bool, len(found))
	pair := make([]int, len(gold))
	for i, g := range gold {
		pair[i] = -1
		for j, f := range found {
			if !used[j] && f.Start == g.Start && f.End == g.End {
				pair[i] = j
				used[j] = true
				c.Strict++
				break
			}
		}
	}
	for i, g := range gold {
		if pair[i] >= 0 {
			continue
		}
		for j, f := range found {
			if !used[j] && f.Start < g.End && g.Start < f.End {
				pair[i] = j
				used[j] = true
				break
			}
		}
	}
	for i, g := range gold {
		j := pair[i]
		if j < 0 {
			continue
		}
		c.Relaxed++
		if found[j].Type == g.Type {
			c.TypeRight++
		}
		if found[j].Value == g.Value {
			c.ValueRight++
		}
	}
	return c
}
