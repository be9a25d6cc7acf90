package analyze

import (
	"os"
	"testing"

	"github.com/parallax-news/parallax/internal/ner"
)

// TestRuleAblation measures each document rule on CoNLL-2003 dev: the F1
// with all rules, and without each one. Run with -v to see the numbers.
func TestRuleAblation(t *testing.T) {
	f, err := os.Open("../../../shared/data/conll2003/dev.txt")
	if err != nil {
		t.Skip("../shared/data/conll2003 not present")
	}
	defer f.Close()
	gold, err := ner.ReadCoNLL(f)
	if err != nil {
		t.Fatal(err)
	}
	m, err := ner.Default()
	if err != nil {
		t.Fatal(err)
	}
	tagger := m.NewTagger()
	raw := make([][][]string, len(gold))
	for i, d := range gold {
		s := make([][]string, len(d.Sentences))
		for j, x := range d.Sentences {
			s[j] = x.Tokens
		}
		raw[i] = tagger.TagDocument(s)
	}
	score := func(rules int) float64 {
		pred := make([]ner.Document, len(gold))
		for i, d := range gold {
			s := make([][]string, len(d.Sentences))
			for j, x := range d.Sentences {
				s[j] = x.Tokens
			}
			tags := refineTags(s, raw[i], rules)
			pred[i].Sentences = make([]ner.Sentence, len(s))
			for j := range s {
				pred[i].Sentences[j] = ner.Sentence{Tokens: s[j], Tags: tags[j]}
			}
		}
		return ner.Evaluate(gold, pred).Overall.F1
	}
	base := score(0)
	all := score(allRules)
	t.Logf("no rules %.4f, all rules %.4f", base, all)
	for _, r := range []struct {
		name string
		bit  int
	}{{"split", ruleSplit}, {"titles", ruleTitles}, {"particles", ruleParticles}, {"propagate", rulePropagate}, {"extend", ruleExtend}, {"organizations", ruleOrganizations}, {"relabel", ruleRelabel}, {"honorifics", ruleHonorifics}} {
		t.Logf("only %-13s %.4f   all but it %.4f", r.name, score(r.bit), score(allRules&^r.bit))
	}
}
