package ner

import (
	"fmt"
	"slices"
	"strings"
)

// Types are the CoNLL-2003 entity types, in the order the package uses.
var Types = []string{"PER", "ORG", "LOC", "MISC"}

// Tags are the nine IOB2 tags the tagger produces.
var Tags = []string{"O", "B-PER", "I-PER", "B-ORG", "I-ORG", "B-LOC", "I-LOC", "B-MISC", "I-MISC"}

// Mention is a tagged entity mention: the token range [Start, End) within
// sentence Sentence and its type (PER, ORG, LOC, MISC).
type Mention struct {
	Sentence, Start, End int
	Type                 string
}

// Mentions turns IOB2 tags, one slice per sentence, into mentions. As in
// conlleval, an I-X that does not continue a mention of type X starts one;
// IOB1 tags therefore give the same mentions as their IOB2 form.
func Mentions(tags [][]string) []Mention {
	var out []Mention
	for s, sent := range tags {
		out = appendMentions(out, s, sent)
	}
	return out
}

func appendMentions(out []Mention, s int, tags []string) []Mention {
	start, typ := -1, ""
	for i, t := range tags {
		prefix, ty := splitTag(t)
		cont := prefix == 'I' && start >= 0 && ty == typ
		if start >= 0 && !cont {
			out = append(out, Mention{Sentence: s, Start: start, End: i, Type: typ})
			start = -1
		}
		if (prefix == 'B' || prefix == 'I') && !cont {
			start, typ = i, ty
		}
	}
	if start >= 0 {
		out = append(out, Mention{Sentence: s, Start: start, End: len(tags), Type: typ})
	}
	return out
}

// splitTag splits "B-PER" into 'B' and "PER"; "O" and anything without a
// B-/I- prefix give 'O'.
func splitTag(t string) (byte, string) {
	if len(t) > 2 && t[1] == '-' && (t[0] == 'B' || t[0] == 'I') {
		return t[0], t[2:]
	}
	return 'O', ""
}

// PRF is precision, recall and F1 with the counts they come from.
type PRF struct {
	Precision, Recall, F1    float64
	Gold, Predicted, Correct int
}

func (p *PRF) finish() {
	p.Precision, p.Recall, p.F1 = 0, 0, 0
	if p.Predicted > 0 {
		p.Precision = float64(p.Correct) / float64(p.Predicted)
	}
	if p.Gold > 0 {
		p.Recall = float64(p.Correct) / float64(p.Gold)
	}
	if p.Precision+p.Recall > 0 {
		p.F1 = 2 * p.Precision * p.Recall / (p.Precision + p.Recall)
	}
}

// Scores are conlleval's scores: entity-level exact match overall and per
// type, and the fraction of tokens whose tag is right.
type Scores struct {
	Overall       PRF
	ByType        map[string]PRF
	TokenAccuracy float64
	Tokens        int
}

// Evaluate scores predicted against gold tags the way conlleval does: a
// mention is correct when its type and its token range both match. The
// documents must align sentence by sentence and token by token; sentences
// past the shorter side, or without tags, are skipped.
func Evaluate(gold, predicted []Document) Scores {
	sc := Scores{ByType: make(map[string]PRF)}
	var correctTags int
	var gm, pm []Mention
	for d := range min(len(gold), len(predicted)) {
		gs, ps := gold[d].Sentences, predicted[d].Sentences
		for s := range min(len(gs), len(ps)) {
			g, p := gs[s].Tags, ps[s].Tags
			if g == nil || p == nil || len(g) != len(p) {
				continue
			}
			sc.Tokens += len(g)
			for i := range g {
				if g[i] == p[i] {
					correctTags++
				}
			}
			gm = appendMentions(gm[:0], 0, g)
			pm = appendMentions(pm[:0], 0, p)
			for _, m := range gm {
				sc.count(m.Type, func(r *PRF) { r.Gold++ })
			}
			for _, m := range pm {
				sc.count(m.Type, func(r *PRF) { r.Predicted++ })
				if slices.Contains(gm, m) {
					sc.count(m.Type, func(r *PRF) { r.Correct++ })
				}
			}
		}
	}
	sc.Overall.finish()
	for t, r := range sc.ByType {
		r.finish()
		sc.ByType[t] = r
	}
	if sc.Tokens > 0 {
		sc.TokenAccuracy = float64(correctTags) / float64(sc.Tokens)
	}
	return sc
}

func (sc *Scores) count(typ string, f func(*PRF)) {
	f(&sc.Overall)
	r := sc.ByType[typ]
	f(&r)
	sc.ByType[typ] = r
}

// String formats the scores in conlleval's layout.
func (sc Scores) String() string {
	var b strings.Builder
	o := sc.Overall
	fmt.Fprintf(&b, "processed %d tokens with %d phrases; found: %d phrases; correct: %d.\n",
		sc.Tokens, o.Gold, o.Predicted, o.Correct)
	fmt.Fprintf(&b, "accuracy: %6.2f%%; precision: %6.2f%%; recall: %6.2f%%; FB1: %6.2f\n",
		100*sc.TokenAccuracy, 100*o.Precision, 100*o.Recall, 100*o.F1)
	types := make([]string, 0, len(sc.ByType))
	for t := range sc.ByType {
		types = append(types, t)
	}
	slices.Sort(types)
	for _, t := range types {
		r := sc.ByType[t]
		fmt.Fprintf(&b, "%17s: precision: %6.2f%%; recall: %6.2f%%; FB1: %6.2f  %d\n",
			t, 100*r.Precision, 100*r.Recall, 100*r.F1, r.Predicted)
	}
	return b.String()
}
