package ner

import (
	"errors"
	"fmt"
	"io"
	"math/rand/v2"
	"os"
	"runtime"
	"slices"
	"sync"
	"time"

	"github.com/parallax-news/parallax/internal/wordcluster"
)

// TrainOptions configure Train.
type TrainOptions struct {
	// Epochs is the most passes over the training data per stage (default
	// 15). Each stage keeps the averaged weights of its best epoch on dev.
	Epochs int
	// Folds is the number of jackknife folds that give stage two realistic
	// stage-one labels on the training data (default 5).
	Folds int
	// Seed seeds the order in which sentences are visited.
	Seed uint64
	// Log, if set, receives a line per epoch with the dev F1.
	Log io.Writer

	// NoClusters, NoGazetteer and NoDocument turn off feature groups, for
	// ablations; NoDocument drops stage two and the document case features.
	NoClusters, NoGazetteer, NoDocument bool
	// Clusters are the word clusters to use; nil means wordcluster.Default().
	// The model keeps a copy.
	Clusters *wordcluster.Clusters
	// NoLexicon turns off the lexicon of the training data's mentions.
	NoLexicon bool
	// Prune drops weights whose magnitude is below it from the model
	// (default 0.05; negative keeps all).
	Prune float64
}

func (o TrainOptions) withDefaults() TrainOptions {
	if o.Epochs <= 0 {
		o.Epochs = 15
	}
	if o.Folds <= 1 {
		o.Folds = 5
	}
	if o.Prune == 0 {
		o.Prune = 0.05
	}
	return o
}

// ErrNoData is returned by Train when the training documents have no
// tagged sentence.
var ErrNoData = errors.New("ner: no tagged training sentences")

// sentData is a sentence prepared for training: its features as indices
// into the feature dictionary.
type sentData struct {
	tokens []string
	gold   []int8
	feats  []int32 // static features, all tokens
	ends   []int32 // end of each token's features in feats
	info   []tokInfo
	feats2 []int32 // stage-two features
	ends2  []int32
}

type docData struct{ sents []*sentData }

// trainer holds the feature dictionary and the prepared data.
type trainer struct {
	opts    TrainOptions
	set     featureSet
	clus    *wordcluster.Clusters
	gaz     *gazetteer
	lex     *gazetteer   // mentions of all the training data
	lexFold []*gazetteer // mentions of all but one fold
	dict    map[uint64]int32
	train   []docData
	dev     []docData
	devGold []Document
}

// Train trains a model on train, using dev to pick the number of epochs of
// each stage (dev may be empty: then every stage runs opts.Epochs). Only
// sentences with tags are used. Training is deterministic for given data
// and options.
func Train(train, dev []Document, opts TrainOptions) (*Model, error) {
	opts = opts.withDefaults()
	t := &trainer{opts: opts, dict: make(map[uint64]int32)}
	if !opts.NoClusters {
		t.clus = opts.Clusters
		if t.clus == nil {
			t.clus = wordcluster.Default()
		}
		if t.clus != nil {
			t.set |= useClusters
		}
	}
	if !opts.NoGazetteer {
		t.set |= useGazetteer
		t.gaz = builtinGazetteer()
	}
	if !opts.NoDocument {
		t.set |= useDocStatic | useStage2 | useS1Window | useAggregation | useAggStatic
	}
	start := time.Now()
	// A training sentence sees the lexicon of the other folds' mentions,
	// as dev and new text see mentions of documents other than their own.
	full := func(int) *gazetteer { return nil }
	foldOf := func(int) *gazetteer { return nil }
	if !opts.NoLexicon {
		t.set |= useLexicon
		t.lex = lexiconFromMentions(train, nil)
		for k := range opts.Folds {
			t.lexFold = append(t.lexFold, lexiconFromMentions(train, func(d int) bool { return d%opts.Folds == k }))
		}
		full = func(int) *gazetteer { return t.lex }
		foldOf = func(d int) *gazetteer { return t.lexFold[d%opts.Folds] }
	}
	t.train = t.prepare(train, true, foldOf)
	t.dev = t.prepare(dev, false, full)
	t.devGold = taggedOnly(dev)
	var trainSents []*sentData
	for _, d := range t.train {
		trainSents = append(trainSents, d.sents...)
	}
	if len(trainSents) == 0 {
		return nil, ErrNoData
	}
	t.logf("features: %d from %d training sentences (%.1fs)", len(t.dict), len(trainSents), time.Since(start).Seconds())

	// Without dev sentences, each stage runs all its epochs.
	hasDev := false
	for _, d := range t.dev {
		hasDev = hasDev || len(d.sents) > 0
	}
	w1, tr1, best1 := t.trainStage(trainSents, false, opts.Epochs, hasDev)
	m := &Model{set: t.set, gaz: t.gaz, lex: t.lex, clusters: t.clus, vocab: vocabulary(train, 2)}
	if t.set&useStage2 == 0 {
		if err := m.build(t.dict, w1, tr1, nil, nil, opts.Prune); err != nil {
			return nil, err
		}
		m.prepareVocab()
		return m, nil
	}

	// Stage-one labels for the training data come from models that did not
	// see it, so stage two learns how far to trust them.
	folds := make([][]*sentData, opts.Folds)
	for i, d := range t.train {
		folds[i%opts.Folds] = append(folds[i%opts.Folds], d.sents...)
	}
	trainLabels := make(map[*sentData][]int8)
	var mu sync.Mutex
	var wg sync.WaitGroup
	sem := make(chan struct{}, max(1, runtime.GOMAXPROCS(0)))
	for k := range folds {
		wg.Add(1)
		go func() {
			defer wg.Done()
			sem <- struct{}{}
			defer func() { <-sem }()
			var rest []*sentData
			for j, f := range folds {
				if j != k {
					rest = append(rest, f...)
				}
			}
			w, tr, _ := t.trainStage(rest, false, best1, false)
			var sc scratch
			for _, s := range folds[k] {
				l := sc.decode(s, false, w, tr)
				mu.Lock()
				trainLabels[s] = l
				mu.Unlock()
			}
		}()
	}
	wg.Wait()
	t.logf("stage one jackknife: %d folds (%.1fs)", opts.Folds, time.Since(start).Seconds())
	var sc scratch
	devLabels := make(map[*sentData][]int8)
	for _, d := range t.dev {
		for _, s := range d.sents {
			devLabels[s] = sc.decode(s, false, w1, tr1)
		}
	}
	t.addStage2(t.train, trainLabels, true)
	t.addStage2(t.dev, devLabels, false)
	w2, tr2, _ := t.trainStage(trainSents, true, opts.Epochs, hasDev)
	if err := m.build(t.dict, w1, tr1, w2, tr2, opts.Prune); err != nil {
		return nil, err
	}
	m.prepareVocab()
	t.logf("trained in %.1fs", time.Since(start).Seconds())
	return m, nil
}

// TrainFiles trains on a CoNLL training file with a CoNLL dev file for
// model selection, and scores the trained model on dev.
func TrainFiles(trainPath, devPath string, opts TrainOptions) (*Model, Scores, error) {
	train, err := readFile(trainPath)
	if err != nil {
		return nil, Scores{}, err
	}
	dev, err := readFile(devPath)
	if err != nil {
		return nil, Scores{}, err
	}
	m, err := Train(train, dev, opts)
	if err != nil {
		return nil, Scores{}, err
	}
	return m, m.Evaluate(dev), nil
}

func readFile(path string) ([]Document, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("read conll: %w", err)
	}
	defer f.Close()
	docs, err := ReadCoNLL(f)
	if err != nil {
		return nil, fmt.Errorf("read %s: %w", path, err)
	}
	return docs, nil
}

// taggedOnly keeps the sentences that have tags.
func taggedOnly(docs []Document) []Document {
	out := make([]Document, 0, len(docs))
	for _, d := range docs {
		var nd Document
		for _, s := range d.Sentences {
			if s.Tags != nil {
				nd.Sentences = append(nd.Sentences, s)
			}
		}
		out = append(out, nd)
	}
	return out
}

func (t *trainer) logf(format string, args ...any) {
	if t.opts.Log != nil {
		fmt.Fprintf(t.opts.Log, format+"\n", args...)
	}
}

func (t *trainer) index(hashes []uint64, dst []int32, grow bool) []int32 {
	for _, h := range hashes {
		id, ok := t.dict[h]
		if !ok {
			if !grow {
				continue
			}
			id = int32(len(t.dict))
			t.dict[h] = id
		}
		dst = append(dst, id)
	}
	return dst
}

// prepare computes the static features of the tagged sentences of docs.
func (t *trainer) prepare(docs []Document, grow bool, lex func(doc int) *gazetteer) []docData {
	fx := newFeaturizer(t.set, t.clus, t.gaz)
	var hashes []uint64
	var ends []int32
	out := make([]docData, 0, len(docs))
	for di, d := range docs {
		fx.lex = lex(di)
		toks := make([][]string, 0, len(d.Sentences))
		for _, s := range d.Sentences {
			toks = append(toks, s.Tokens)
		}
		fx.docStatic(toks)
		var dd docData
		for _, s := range d.Sentences {
			if s.Tags == nil {
				continue
			}
			hashes, ends = fx.sentence(s.Tokens, hashes[:0], ends[:0])
			sd := &sentData{tokens: s.Tokens, gold: bilouLabels(nil, s.Tags)}
			var prev int32
			for i, e := range ends {
				sd.feats = t.index(hashes[prev:e], sd.feats, grow)
				sd.ends = append(sd.ends, int32(len(sd.feats)))
				a := &fx.atoms[i]
				sd.info = append(sd.info, tokInfo{lower: a.lower, short: a.short, flags: a.flags})
				prev = e
			}
			dd.sents = append(dd.sents, sd)
		}
		out = append(out, dd)
	}
	return out
}

// addStage2 computes the stage-two features of docs from stage-one labels.
func (t *trainer) addStage2(docs []docData, labels map[*sentData][]int8, grow bool) {
	ds := newDocState(t.set)
	var hashes []uint64
	var ends []int32
	for _, d := range docs {
		info := make([][]tokInfo, len(d.sents))
		ls := make([][]int8, len(d.sents))
		for i, s := range d.sents {
			info[i], ls[i] = s.info, labels[s]
		}
		hashes, ends = ds.features(info, ls, hashes[:0], ends[:0])
		k := 0
		var prev int32
		for _, s := range d.sents {
			s.feats2, s.ends2 = s.feats2[:0], s.ends2[:0]
			for range s.tokens {
				s.feats2 = t.index(hashes[prev:ends[k]], s.feats2, grow)
				s.ends2 = append(s.ends2, int32(len(s.feats2)))
				prev = ends[k]
				k++
			}
		}
	}
}

const transLen = (numLabels + 1) * numLabels

// scratch is per-goroutine decoding space.
type scratch struct {
	em   []float32
	back []int8
}

// decode labels a prepared sentence with weights w and transitions tr.
func (sc *scratch) decode(s *sentData, stage2 bool, w, tr []float32) []int8 {
	n := len(s.tokens)
	sc.em = sc.em[:0]
	for range n * numLabels {
		sc.em = append(sc.em, 0)
	}
	if cap(sc.back) < n*numLabels {
		sc.back = make([]int8, n*numLabels)
	}
	addScores := func(feats, ends []int32) {
		var prev int32
		for i, e := range ends {
			row := sc.em[i*numLabels : (i+1)*numLabels : (i+1)*numLabels]
			for _, f := range feats[prev:e] {
				off := int(f) * numLabels
				if off >= len(w) {
					continue
				}
				ws := w[off : off+numLabels : off+numLabels]
				for l := range row {
					row[l] += ws[l]
				}
			}
			prev = e
		}
	}
	addScores(s.feats, s.ends)
	if stage2 {
		addScores(s.feats2, s.ends2)
	}
	out := make([]int8, n)
	viterbi(sc.em, numLabels, 0, 1, newTransitions(tr), out, sc.back[:n*numLabels])
	return out
}

// trainStage trains one stage with the averaged structured perceptron for
// up to epochs passes. With evalDev it scores every epoch on dev and
// returns the averaged weights of the best one; otherwise those of the
// last. It returns the weights, the transitions and the chosen epoch.
func (t *trainer) trainStage(sents []*sentData, stage2 bool, epochs int, evalDev bool) ([]float32, []float32, int) {
	nf := len(t.dict)
	w := make([]float32, nf*numLabels)
	u := make([]float64, nf*numLabels)
	tr := make([]float32, transLen)
	tu := make([]float64, transLen)
	c := 1.0
	order := make([]int, len(sents))
	for i := range order {
		order[i] = i
	}
	rng := rand.New(rand.NewPCG(t.opts.Seed, 0x6e6572))
	var sc scratch
	avg := func() ([]float32, []float32) {
		aw := make([]float32, len(w))
		for i := range w {
			aw[i] = w[i] - float32(u[i]/c)
		}
		at := make([]float32, transLen)
		for i := range tr {
			at[i] = tr[i] - float32(tu[i]/c)
		}
		return aw, at
	}
	var bestW, bestT []float32
	bestF, bestE := -1.0, 0
	stage := 1
	if stage2 {
		stage = 2
	}
	for e := 1; e <= epochs; e++ {
		rng.Shuffle(len(order), func(i, j int) { order[i], order[j] = order[j], order[i] })
		errs := 0
		for _, oi := range order {
			s := sents[oi]
			pred := sc.decode(s, stage2, w, tr)
			wrong := false
			for i := range pred {
				if pred[i] != s.gold[i] {
					wrong = true
					break
				}
			}
			if wrong {
				errs++
				upd := func(feats, ends []int32) {
					var prev int32
					for i, e := range ends {
						g, p := int(s.gold[i]), int(pred[i])
						if g != p {
							for _, f := range feats[prev:e] {
								o := int(f) * numLabels
								w[o+g]++
								u[o+g] += c
								w[o+p]--
								u[o+p] -= c
							}
						}
						prev = e
					}
				}
				upd(s.feats, s.ends)
				if stage2 {
					upd(s.feats2, s.ends2)
				}
				gp, pp := numLabels, numLabels
				for i := range pred {
					g, p := int(s.gold[i]), int(pred[i])
					if g != p || gp != pp {
						tr[gp*numLabels+g]++
						tu[gp*numLabels+g] += c
						tr[pp*numLabels+p]--
						tu[pp*numLabels+p] -= c
					}
					gp, pp = g, p
				}
			}
			c++
		}
		if !evalDev {
			continue
		}
		aw, at := avg()
		f := t.devF1(aw, at, stage2, &sc)
		t.logf("stage %d epoch %2d: %5d sentence errors, dev F1 %.4f", stage, e, errs, f)
		if f > bestF {
			bestF, bestE, bestW, bestT = f, e, aw, at
		}
		if e-bestE >= 4 {
			break // no gain for a while
		}
	}
	if !evalDev {
		aw, at := avg()
		return aw, at, epochs
	}
	t.logf("stage %d: best epoch %d, dev F1 %.4f", stage, bestE, bestF)
	return bestW, bestT, bestE
}

// devF1 scores weights on the prepared dev data.
func (t *trainer) devF1(w, tr []float32, stage2 bool, sc *scratch) float64 {
	pred := make([]Document, len(t.dev))
	for d, dd := range t.dev {
		for _, s := range dd.sents {
			l := sc.decode(s, stage2, w, tr)
			pred[d].Sentences = append(pred[d].Sentences, Sentence{Tokens: s.tokens, Tags: appendIOB2(nil, l)})
		}
	}
	return Evaluate(t.devGold, pred).Overall.F1
}

// vocabulary returns the tokens of docs that occur at least minCount
// times, sorted.
func vocabulary(docs []Document, minCount int) []string {
	counts := make(map[string]int)
	for _, d := range docs {
		for _, s := range d.Sentences {
			for _, w := range s.Tokens {
				counts[w]++
			}
		}
	}
	var out []string
	for w, n := range counts {
		if n >= minCount {
			out = append(out, w)
		}
	}
	slices.Sort(out)
	return out
}
