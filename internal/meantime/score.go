package meantime

import (
	"cmp"
	"slices"
)

// PRF is a precision, recall and F1 score, each in [0, 1]. A ratio whose
// denominator is zero is 0.
type PRF struct {
	Precision, Recall, F1 float64
}

func newPRF(p, r float64) PRF {
	f := 0.0
	if p+r > 0 {
		f = 2 * p * r / (p + r)
	}
	return PRF{Precision: p, Recall: r, F1: f}
}

func ratio(a, b float64) float64 {
	if b == 0 {
		return 0
	}
	return a / b
}

// Counts are the counts behind a mention-detection score: the number of
// distinct gold and predicted spans and of matched pairs. Counts of
// several documents add up, so a corpus score is the PRF of their sum.
type Counts struct {
	Gold, Predicted, Matched int
}

// Add returns the sum of c and o.
func (c Counts) Add(o Counts) Counts {
	return Counts{Gold: c.Gold + o.Gold, Predicted: c.Predicted + o.Predicted, Matched: c.Matched + o.Matched}
}

// PRF returns Matched/Predicted, Matched/Gold and their harmonic mean.
func (c Counts) PRF() PRF {
	return newPRF(ratio(float64(c.Matched), float64(c.Predicted)), ratio(float64(c.Matched), float64(c.Gold)))
}

// ExactMatches counts the spans of one document that gold and predicted
// share. Both are taken as sets: a repeated span counts once.
func ExactMatches(gold, predicted []Span) Counts {
	g, p := distinct(gold), distinct(predicted)
	in := make(map[Span]bool, len(g))
	for _, s := range g {
		in[s] = true
	}
	c := Counts{Gold: len(g), Predicted: len(p)}
	for _, s := range p {
		if in[s] {
			c.Matched++
		}
	}
	return c
}

// LenientMatches counts the spans of one document that match under
// overlap: a predicted span matches a gold span when they share at least
// half of the longer one's bytes (and at least one byte). So "EADS N.V."
// matches "EADS", but "the company's chief executive" does not match
// "company". Matching is one-to-one, so a predicted span credits at most
// one gold span: exact matches are paired first, then the remaining
// pairs greedily by largest overlap. Repeated spans count once, as in
// ExactMatches; empty spans never match.
//
// Overlap is used rather than a shared head or last token because a
// system's spans need not fall on MEANTIME token boundaries, and the
// English head is often not the last token ("the CEO of Airbus").
func LenientMatches(gold, predicted []Span) Counts {
	g, p := distinct(gold), distinct(predicted)
	type pair struct{ gi, pi, overlap int }
	var pairs []pair
	for gi, gs := range g {
		for pi, ps := range p {
			o := min(gs.End, ps.End) - max(gs.Start, ps.Start)
			if o <= 0 || 2*o < max(gs.End-gs.Start, ps.End-ps.Start) {
				continue
			}
			if gs == ps {
				o = -1 // exact matches first
			}
			pairs = append(pairs, pair{gi, pi, o})
		}
	}
	slices.SortFunc(pairs, func(a, b pair) int {
		switch {
		case a.overlap == -1 && b.overlap != -1:
			return -1
		case b.overlap == -1 && a.overlap != -1:
			return 1
		}
		return cmp.Or(cmp.Compare(b.overlap, a.overlap), cmp.Compare(a.gi, b.gi), cmp.Compare(a.pi, b.pi))
	})
	usedG, usedP := make([]bool, len(g)), make([]bool, len(p))
	c := Counts{Gold: len(g), Predicted: len(p)}
	for _, x := range pairs {
		if usedG[x.gi] || usedP[x.pi] {
			continue
		}
		usedG[x.gi], usedP[x.pi] = true, true
		c.Matched++
	}
	return c
}

// MentionScores scores the predicted mention spans of one document
// against the gold ones by exact span match. To score a corpus, add up
// ExactMatches over its documents instead.
func MentionScores(gold, predicted []Span) PRF {
	return ExactMatches(gold, predicted).PRF()
}

// LenientMentionScores is MentionScores under the overlap match of
// LenientMatches.
func LenientMentionScores(gold, predicted []Span) PRF {
	return LenientMatches(gold, predicted).PRF()
}

// distinct returns the spans in order of first occurrence, without
// repeats.
func distinct(spans []Span) []Span {
	seen := make(map[Span]bool, len(spans))
	out := make([]Span, 0, len(spans))
	for _, s := range spans {
		if !seen[s] {
			seen[s] = true
			out = append(out, s)
		}
	}
	return out
}

// MentionKey identifies a mention of a corpus by its document's Name and
// its span in that document's Text.
type MentionKey struct {
	Doc  string
	Span Span
}

// BCubed scores a clustering of mentions against the gold one with B³
// (Bagga & Baldwin 1998). Each map gives a cluster id per mention; ids
// are only compared within one map, so the two maps may name clusters
// differently.
//
// For mention m, with G(m) its gold cluster and P(m) its predicted
// cluster, precision is the mean over predicted mentions of
// |G(m)∩P(m)|/|P(m)| and recall the mean over gold mentions of
// |G(m)∩P(m)|/|G(m)|.
//
// When the mention sets differ, BCubed follows the CoNLL-2012 reference
// scorer (Pradhan et al. 2014), which applies B³ unchanged to system
// mentions: a mention present in only one map still counts in that
// map's denominator and in the size of its cluster, but it is in no
// cluster of the other map, so it earns 0. A spurious predicted mention
// thus lowers precision, and a missed gold mention lowers recall, even
// when it is a singleton. This is stricter than treating it as a
// singleton of the other map (which would give it 1/|cluster| credit)
// and than Cai & Strube's (2010) B³sys. With the same mentions in both
// maps all of these conventions agree.
func BCubed(gold, predicted map[MentionKey]string) PRF {
	goldSize := make(map[string]int)
	for _, c := range gold {
		goldSize[c]++
	}
	predSize := make(map[string]int)
	for _, c := range predicted {
		predSize[c]++
	}
	type cell struct{ g, p string }
	overlap := make(map[cell]int)
	for m, g := range gold {
		if p, ok := predicted[m]; ok {
			overlap[cell{g, p}]++
		}
	}
	var pNum, rNum float64
	for c, n := range overlap {
		sq := float64(n) * float64(n)
		pNum += sq / float64(predSize[c.p])
		rNum += sq / float64(goldSize[c.g])
	}
	return newPRF(ratio(pNum, float64(len(predicted))), ratio(rNum, float64(len(gold))))
}

// Spans returns the spans of the document's gold mentions, in file
// order. Discontinuous mentions can repeat a span.
func Spans(doc Document) []Span {
	out := make([]Span, len(doc.Mentions))
	for i, m := range doc.Mentions {
		out[i] = m.Span
	}
	return out
}

// CrossDocClusters returns the gold clustering of the documents' mentions
// across documents. A mention's cluster id is its InstanceID; a mention
// of a document-level entity gets "Name#EntityID", and a mention that
// refers to no entity gets "Name#mID", a singleton. Where two mentions
// of a document share a span (possible only with discontinuous mentions,
// 8 times in the corpus) the first in file order keeps the key.
func CrossDocClusters(docs []Document) map[MentionKey]string {
	return clusters(docs, true)
}

// WithinDocClusters returns the gold clustering of each document's
// mentions on its own: as CrossDocClusters, but every id is prefixed with
// the document's Name, so no cluster spans two documents.
func WithinDocClusters(docs []Document) map[MentionKey]string {
	return clusters(docs, false)
}

func clusters(docs []Document, cross bool) map[MentionKey]string {
	out := make(map[MentionKey]string)
	for _, d := range docs {
		for _, m := range d.Mentions {
			k := MentionKey{Doc: d.Name, Span: m.Span}
			if _, ok := out[k]; ok {
				continue
			}
			var id string
			switch {
			case m.InstanceID != "" && cross:
				id = m.InstanceID
			case m.InstanceID != "":
				id = d.Name + "#" + m.InstanceID
			case m.EntityID != "":
				id = d.Name + "#" + m.EntityID
			default:
				id = d.Name + "#m" + m.ID
			}
			out[k] = id
		}
	}
	return out
}
