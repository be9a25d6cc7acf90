package ner

import "math"

// The tagger works in BILOU internally: a mention is B(egin) I(nside)…
// L(ast), or U(nit) when it has one token. BILOU lets the model learn what
// ends a mention as well as what begins it (Ratinov and Roth 2009).
const (
	labelO    = 0
	numTypes  = 4
	numLabels = 1 + 4*numTypes // O, then B, I, L, U for each type
)

const (
	posB = iota
	posI
	posL
	posU
)

func label(typ, pos int) int { return 1 + typ*4 + pos }

func labelType(l int) int { return (l - 1) / 4 } // meaningless for O
func labelPos(l int) int  { return (l - 1) % 4 }

// iob2Tags holds the IOB2 tag strings, indexed by [type][0=B,1=I], so
// converting labels to tags does not allocate.
var iob2Tags = [numTypes][2]string{
	{"B-PER", "I-PER"}, {"B-ORG", "I-ORG"}, {"B-LOC", "I-LOC"}, {"B-MISC", "I-MISC"},
}

func typeIndex(t string) int {
	switch t {
	case "PER":
		return 0
	case "ORG":
		return 1
	case "LOC":
		return 2
	case "MISC":
		return 3
	}
	return -1
}

// bilouLabels converts IOB2 tags to BILOU labels; tags of unknown types
// become O.
func bilouLabels(dst []int8, tags []string) []int8 {
	dst = dst[:0]
	for range tags {
		dst = append(dst, labelO)
	}
	for _, m := range appendMentions(nil, 0, tags) {
		t := typeIndex(m.Type)
		if t < 0 {
			continue
		}
		if m.End-m.Start == 1 {
			dst[m.Start] = int8(label(t, posU))
			continue
		}
		dst[m.Start] = int8(label(t, posB))
		for i := m.Start + 1; i < m.End-1; i++ {
			dst[i] = int8(label(t, posI))
		}
		dst[m.End-1] = int8(label(t, posL))
	}
	return dst
}

// appendIOB2 converts BILOU labels to IOB2 tags.
func appendIOB2(dst []string, labels []int8) []string {
	for _, l := range labels {
		if l == labelO {
			dst = append(dst, "O")
			continue
		}
		t, p := labelType(int(l)), labelPos(int(l))
		if p == posB || p == posU {
			dst = append(dst, iob2Tags[t][0])
		} else {
			dst = append(dst, iob2Tags[t][1])
		}
	}
	return dst
}

// allowed[prev][cur] says whether label cur may follow label prev;
// prev == numLabels stands for the start of the sentence. allowedEnd says
// which labels may end a sentence.
var allowed, allowedEnd = func() (a [numLabels + 1][numLabels]bool, e [numLabels]bool) {
	open := func(l int) bool { // a mention is open after l
		return l != labelO && l < numLabels && (labelPos(l) == posB || labelPos(l) == posI)
	}
	for p := 0; p <= numLabels; p++ {
		for c := 0; c < numLabels; c++ {
			if open(p) {
				a[p][c] = c != labelO && labelType(c) == labelType(p) && (labelPos(c) == posI || labelPos(c) == posL)
			} else {
				a[p][c] = c == labelO || labelPos(c) == posB || labelPos(c) == posU
			}
		}
	}
	for c := 0; c < numLabels; c++ {
		e[c] = !open(c)
	}
	return a, e
}()

// closedLabels are the labels after which a new mention may start: O, and
// the L and U labels. openingLabels are those that may follow them: O, B
// and U.
var (
	closedLabels  = [1 + 2*numTypes]int8{0, 3, 4, 7, 8, 11, 12, 15, 16}
	openingLabels = [1 + 2*numTypes]int8{0, 1, 4, 5, 8, 9, 12, 13, 16}
)

// transitions are transition scores laid out for viterbi.
type transitions struct {
	start [numLabels]float32
	// open[k][j] scores openingLabels[k] after closedLabels[j].
	open [len(openingLabels)][len(closedLabels)]float32
	// inside[t][c][p] scores I (c=0) or L (c=1) of type t after its B (p=0)
	// or I (p=1).
	inside [numTypes][2][2]float32
}

// newTransitions lays out trans ((numLabels+1)×numLabels, row = previous
// label, the last row for the start of a sentence).
func newTransitions(trans []float32) *transitions {
	var t transitions
	copy(t.start[:], trans[numLabels*numLabels:])
	for k, c := range openingLabels {
		for j, p := range closedLabels {
			t.open[k][j] = trans[int(p)*numLabels+int(c)]
		}
	}
	for ty := range numTypes {
		for c := range 2 {
			for p := range 2 {
				t.inside[ty][c][p] = trans[label(ty, posB+p)*numLabels+label(ty, posI+c)]
			}
		}
	}
	return &t
}

// viterbi finds the best allowed label sequence for emission scores em
// (token i's scores at em[i*stride+off:][:numLabels], times scale) and
// transitions tr. It writes the labels to out and uses back
// (len(out)×numLabels) as scratch. The BILOU constraints are built into
// the transitions' layout: I and L of a type follow only B or I of that
// type; O, B and U follow only O, L or U; a sentence starts with O, B or U
// and ends with O, L or U.
func viterbi[E int32 | float32](em []E, stride, off int, scale float32, tr *transitions, out []int8, back []int8) {
	n := len(out)
	if n == 0 {
		return
	}
	const neg = -math.MaxFloat32
	var cur, prev [numLabels]float32
	row := (*[numLabels]E)(em[off:])
	for c := range numLabels {
		prev[c] = neg
		if p := labelPos(c); c == labelO || p == posB || p == posU {
			prev[c] = float32(row[c])*scale + tr.start[c]
		}
	}
	var pc [len(closedLabels)]float32
	for i := 1; i < n; i++ {
		row := (*[numLabels]E)(em[i*stride+off:])
		bk := (*[numLabels]int8)(back[i*numLabels:])
		for j, p := range closedLabels {
			pc[j] = prev[p]
		}
		for k, c := range openingLabels {
			t := &tr.open[k]
			best, arg := pc[0]+t[0], 0
			for j := 1; j < len(pc); j++ {
				if s := pc[j] + t[j]; s > best {
					best, arg = s, j
				}
			}
			cur[c] = best + float32(row[c])*scale
			bk[c] = closedLabels[arg]
		}
		for ty := range numTypes {
			b, in := 1+4*ty, 2+4*ty
			for k := range 2 {
				c := in + k
				t := &tr.inside[ty][k]
				sb, si := prev[b]+t[0], prev[in]+t[1]
				if sb >= si {
					cur[c], bk[c] = sb, int8(b)
				} else {
					cur[c], bk[c] = si, int8(in)
				}
				cur[c] += float32(row[c]) * scale
			}
		}
		prev = cur
	}
	best, arg := float32(neg), 0
	for c := range numLabels {
		if allowedEnd[c] && prev[c] > best {
			best, arg = prev[c], c
		}
	}
	out[n-1] = int8(arg)
	for i := n - 1; i > 0; i-- {
		out[i-1] = back[i*numLabels+int(out[i])]
	}
}
