package ner

// tokInfo is what stage two needs to know about a token besides its
// stage-one label.
type tokInfo struct {
	lower, short uint64
	flags        uint32
}

// docState computes stage-two features: what stage one said about the
// same word elsewhere in the document. It holds scratch maps, so one per
// goroutine.
type docState struct {
	set featureSet

	// index maps a capitalized word to its counts: how often stage one
	// labelled it with each label, and with each label of a mention of two
	// or more tokens.
	index  map[uint64]int32
	counts []wordCounts
}

type wordCounts struct {
	labels [numLabels]uint16
	inLong [4 * numTypes]uint16 // by label - 1
	// ctx holds the distinct words seen left and right of the word in the
	// document (context aggregation, Ratinov and Roth 2009), at most
	// maxAggregated.
	ctx []uint64
}

const maxAggregated = 16

var (
	aggLeft  = hashString("agg:left")
	aggRight = hashString("agg:right")
	aggPad   = hashString("agg:pad")
)

// addContext adds h to the set ctx unless it is there or full.
func addContext(ctx []uint64, h uint64) []uint64 {
	if len(ctx) >= maxAggregated {
		return ctx
	}
	for _, x := range ctx {
		if x == h {
			return ctx
		}
	}
	return append(ctx, h)
}

func newDocState(set featureSet) *docState {
	return &docState{set: set, index: make(map[uint64]int32)}
}

func capitalized(f uint32) bool { return f&(fInitCap|fAllCaps) != 0 && f&fHasLetter != 0 }

// features appends the stage-two features of every token of a document
// (sentences in order) to feats, and each token's end offset to ends.
func (ds *docState) features(info [][]tokInfo, labels [][]int8, feats []uint64, ends []int32) ([]uint64, []int32) {
	clear(ds.index)
	ds.counts = ds.counts[:0]
	for s, sent := range info {
		ls := labels[s]
		for i, t := range sent {
			if !capitalized(t.flags) {
				continue
			}
			k, ok := ds.index[t.lower]
			if !ok {
				k = int32(len(ds.counts))
				if len(ds.counts) < cap(ds.counts) {
					ds.counts = ds.counts[:k+1]
					c := &ds.counts[k]
					c.labels, c.inLong, c.ctx = [numLabels]uint16{}, [4 * numTypes]uint16{}, c.ctx[:0]
				} else {
					ds.counts = append(ds.counts, wordCounts{})
				}
				ds.index[t.lower] = k
			}
			c := &ds.counts[k]
			c.labels[ls[i]]++
			if l := ls[i]; l != labelO && labelPos(int(l)) != posU {
				c.inLong[l-1]++
			}
			if ds.set&useAggregation != 0 {
				left, right := aggPad, aggPad
				if i > 0 {
					left = sent[i-1].lower
				}
				if i+1 < len(sent) {
					right = sent[i+1].lower
				}
				c.ctx = addContext(c.ctx, mix(aggLeft, left))
				c.ctx = addContext(c.ctx, mix(aggRight, right))
			}
		}
	}
	const pad = numLabels + 1
	for s, sent := range info {
		ls := labels[s]
		for i, t := range sent {
			l0 := ls[i]
			lm1, lp1 := int8(pad), int8(pad)
			if i > 0 {
				lm1 = ls[i-1]
			}
			if i+1 < len(sent) {
				lp1 = ls[i+1]
			}
			t0 := uint64(numTypes) // O
			if l0 != labelO {
				t0 = uint64(labelType(int(l0)))
			}
			feats = append(feats,
				fe1(tS1Label, uint64(l0)),
				fe1(tS1LabelM1, uint64(lm1)),
				fe1(tS1LabelP1, uint64(lp1)),
				fe2(tS1TypeShort, t0, t.short),
			)
			if ds.set&useS1Window != 0 {
				lm2, lp2 := int8(pad), int8(pad)
				if i > 1 {
					lm2 = ls[i-2]
				}
				if i+2 < len(sent) {
					lp2 = ls[i+2]
				}
				feats = append(feats, fe1(tS1LabelM2, uint64(lm2)), fe1(tS1LabelP2, uint64(lp2)))
			}
			if capitalized(t.flags) {
				wc := &ds.counts[ds.index[t.lower]]
				feats = wordFeatures(wc, l0, t0, feats)
				for _, x := range wc.ctx {
					feats = append(feats, fe1(tAgg, x))
				}
			}
			ends = append(ends, int32(len(feats)))
		}
	}
	return feats, ends
}

// wordFeatures appends the features of a capitalized token with stage-one
// label l0 (type t0) from the counts of its word in the document, less
// this occurrence.
func wordFeatures(wc *wordCounts, l0 int8, t0 uint64, feats []uint64) []uint64 {
	var byType [numTypes + 1]int // O last
	total, bestL, bestN := 0, -1, 0
	for l, n := range wc.labels {
		n := int(n)
		if l == int(l0) {
			n--
		}
		if n <= 0 {
			continue
		}
		total += n
		if n > bestN {
			bestL, bestN = l, n
		}
		if l == labelO {
			byType[numTypes] += n
		} else {
			byType[labelType(l)] += n
		}
	}
	if total > 0 {
		maj, majN := 0, -1
		for ty, n := range byType {
			if n > 0 {
				feats = append(feats, fe1(tDocHas, uint64(ty)))
			}
			if n > majN {
				maj, majN = ty, n
			}
		}
		all := uint64(0)
		if majN == total {
			all = 1
		}
		feats = append(feats, fe2(tDocMaj, uint64(maj), all), fe1(tDocMajLabel, uint64(bestL)))
	}
	for k, n := range wc.inLong {
		n := int(n)
		if int(l0) == k+1 {
			n--
		}
		if n > 0 {
			feats = append(feats, fe1(tDocInLong, uint64(k)), fe2(tDocInLongShort, uint64(k), t0))
		}
	}
	return feats
}
