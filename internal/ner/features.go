package ner

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/parallax-news/parallax/internal/wordcluster"
)

// Feature templates. Their numbers are part of the model format: add new
// ones at the end and never renumber.
const (
	tBias = iota + 1
	tWord
	tLower
	tLowerM2
	tLowerM1
	tLowerP1
	tLowerP2
	tWordM1
	tWordP1
	tShape
	tShort
	tShapeM1
	tShapeP1
	tShortM2
	tShortP2
	tPrefix // + length 1…4
	_
	_
	_
	tSuffix // + length 1…4
	_
	_
	_
	tFlag
	tBigramM1
	tBigramP1
	tSkip
	tShapeBiM1
	tShapeBiP1
	tShortTri
	tLowerM1Shape
	tShapeLowerP1
	tFirstShort
	tCapsSent
	tCapsSentLower
	tCluster // + prefix index 0…3
	_
	_
	_
	tClusterM1
	tClusterP1
	tGaz
	tGazCap
	tDocLowerSeen
	tDocCapSeen
	tS1Label
	tS1LabelM1
	tS1LabelP1
	tS1TypeShort
	tDocHas
	tDocMaj
	tDocMajLabel
	tDocInLong
	tDocInLongShort
	tLen
	tLex
	tLexCap
	tS1LabelM2
	tS1LabelP2
	tAgg
	tAggStatic
	numTemplates
)

// templateKey gives each template a well-spread 64-bit constant.
var templateKey = func() (k [numTemplates]uint64) {
	for t := range k {
		k[t] = mix(0x5eed_1e55_ba5e_ba11, uint64(t)*0x100000001b3+7)
	}
	return k
}()

func fe1(t int, a uint64) uint64    { return mix(templateKey[t], a) }
func fe2(t int, a, b uint64) uint64 { return mix(mix(templateKey[t], a), b) }
func fe3(t int, a, b, c uint64) uint64 {
	return mix(mix(mix(templateKey[t], a), b), c)
}

// Token flags.
const (
	fInitCap = 1 << iota
	fAllCaps
	fHasDigit
	fAllDigit
	fHasHyphen
	fHasPeriod
	fHasLetter
	fHasLower
	fMixedCase // an upper-case letter after a lower-case one ("McDonald", "iPhone")
	fPunct     // no letter or digit
	fSingleCap // one upper-case letter, possibly with a period ("J", "J.")
	fHasApos
	fHasAmp
	numFlags = iota
)

// atoms are the hashes a token contributes to the features of itself and
// its neighbours.
type atoms struct {
	word, lower, shape, short uint64
	pre, suf                  [4]uint64
	clus                      [4]uint64
	flags                     uint32
	length                    uint64
}

var (
	padBefore = atoms{word: hashString("<s>"), lower: hashString("<s>"), shape: hashString("<s>"), short: hashString("<s>"), clus: [4]uint64{hashString("<s>")}}
	padAfter  = atoms{word: hashString("</s>"), lower: hashString("</s>"), shape: hashString("</s>"), short: hashString("</s>"), clus: [4]uint64{hashString("</s>")}}
)

// clusterPrefixes are the path prefix lengths used as cluster features.
var clusterPrefixes = [4]int{4, 6, 10, 20}

// featureSet says which feature groups a model uses; it is stored in the
// model file.
type featureSet uint32

const (
	useClusters featureSet = 1 << iota
	useGazetteer
	useDocStatic
	useStage2
	useLexicon // a lexicon of the training data's mentions
	useS1Window
	useAggregation
	useAggStatic
)

// featurizer computes features. It holds scratch space, so one per
// goroutine.
type featurizer struct {
	set      featureSet
	clusters *wordcluster.Clusters
	gaz      *gazetteer
	lex      *gazetteer // mentions of the training data

	atoms    []atoms
	buf      []byte
	gazFeats [][]uint64 // per token of the current sentence
	caps     bool       // the current sentence is all capitals
	docCase  map[uint64]uint8
	aggIndex map[uint64]int32 // capitalized word → its contexts in agg
	agg      [][]uint64
	lowers   []uint64
}

func newFeaturizer(set featureSet, clusters *wordcluster.Clusters, gaz *gazetteer) *featurizer {
	return &featurizer{set: set, clusters: clusters, gaz: gaz, docCase: make(map[uint64]uint8), aggIndex: make(map[uint64]int32)}
}

// tokenAtoms computes the atoms of one token.
func (fx *featurizer) tokenAtoms(tok string) atoms {
	var a atoms
	a.word = hashString(tok)
	// Lower-case form, its prefixes, shape and flags in one pass.
	var shapeBuf, shortBuf [64]byte
	shape, short := shapeBuf[:0], shortBuf[:0]
	var run int
	var prev byte
	var flags uint32
	nUpper, nRunes := 0, 0
	for i, r := range tok {
		nRunes++
		var cls byte
		switch {
		case r < utf8.RuneSelf && 'A' <= r && r <= 'Z', r >= utf8.RuneSelf && unicode.IsUpper(r):
			cls = 'X'
			nUpper++
			flags |= fHasLetter
			if flags&fHasLower != 0 {
				flags |= fMixedCase
			}
			if i == 0 {
				flags |= fInitCap
			}
		case r < utf8.RuneSelf && 'a' <= r && r <= 'z', r >= utf8.RuneSelf && unicode.IsLetter(r):
			cls = 'x'
			flags |= fHasLetter | fHasLower
		case '0' <= r && r <= '9':
			cls = 'd'
			flags |= fHasDigit
		default:
			switch r {
			case '-':
				flags |= fHasHyphen
			case '.':
				flags |= fHasPeriod
			case '\'':
				flags |= fHasApos
			case '&':
				flags |= fHasAmp
			}
			if r < utf8.RuneSelf {
				cls = byte(r)
			} else {
				cls = '*'
			}
		}
		if cls == prev {
			run++
		} else {
			run = 1
			short = append(short, cls)
		}
		if run <= 4 {
			shape = append(shape, cls)
		}
		prev = cls
	}
	if flags&fHasLetter != 0 && flags&fHasLower == 0 {
		flags |= fAllCaps
	}
	if flags&(fHasLetter|fHasDigit) == 0 {
		flags |= fPunct
	}
	if flags&fHasDigit != 0 && flags&fHasLetter == 0 && !strings.ContainsAny(tok, "-.,/:") {
		flags |= fAllDigit
	}
	if nUpper == 1 && (nRunes == 1 || nRunes == 2 && flags&fHasPeriod != 0) {
		flags |= fSingleCap
	}
	a.flags = flags
	a.shape = hashBytes(shape)
	a.short = hashBytes(short)

	b := fx.buf[:0]
	for _, r := range tok {
		if r < utf8.RuneSelf {
			b = append(b, lowerASCII(byte(r)))
		} else {
			b = utf8.AppendRune(b, unicode.ToLower(r))
		}
	}
	a.lower = hashBytes(b)
	for k := 1; k <= 4; k++ {
		if k <= len(b) {
			a.pre[k-1] = hashBytes(b[:k])
			a.suf[k-1] = hashBytes(b[len(b)-k:])
		}
	}
	n := nRunes
	if n > 12 {
		n = 12
	}
	a.length = uint64(n)
	fx.buf = b
	if fx.set&useClusters != 0 && fx.clusters != nil {
		if p := fx.clusters.Path(tok); p != "" {
			for k, l := range clusterPrefixes {
				a.clus[k] = hashString(p[:min(l, len(p))])
			}
		}
	}
	return a
}

// docCase flags: how a lower-cased word is written elsewhere in a document.
const (
	caseLowerMid = 1 << iota // lower-case, not first in its sentence
	caseCapMid               // capitalized, not first, in a mixed-case sentence
)

// allCaps reports whether a sentence has letters but no lower-case ones,
// as CoNLL's headlines do.
func allCaps(tokens []string) bool {
	letters := false
	for _, t := range tokens {
		for _, r := range t {
			if unicode.IsLower(r) {
				return false
			}
			if unicode.IsLetter(r) {
				letters = true
			}
		}
	}
	return letters
}

// docStatic fills fx.docCase for a document.
func (fx *featurizer) docStatic(doc [][]string) {
	clear(fx.docCase)
	if fx.set&useDocStatic == 0 {
		return
	}
	if fx.set&useAggStatic != 0 {
		fx.aggregate(doc)
	}
	for _, s := range doc {
		if allCaps(s) {
			continue
		}
		for i := 1; i < len(s); i++ {
			t := s[i]
			c, _ := utf8.DecodeRuneInString(t)
			var f uint8
			switch {
			case unicode.IsUpper(c):
				f = caseCapMid
			case unicode.IsLower(c):
				f = caseLowerMid
			default:
				continue
			}
			h := fx.lowerHash(t)
			fx.docCase[h] |= f
		}
	}
}

// aggregate collects, for every capitalized word of a document, the
// distinct words seen left and right of it (context aggregation, Ratinov
// and Roth 2009).
func (fx *featurizer) aggregate(doc [][]string) {
	clear(fx.aggIndex)
	for i := range fx.agg {
		fx.agg[i] = fx.agg[i][:0]
	}
	n := 0
	for _, s := range doc {
		fx.lowers = fx.lowers[:0]
		for _, t := range s {
			fx.lowers = append(fx.lowers, fx.lowerHash(t))
		}
		for i, t := range s {
			c, _ := utf8.DecodeRuneInString(t)
			if !unicode.IsUpper(c) {
				continue
			}
			k, ok := fx.aggIndex[fx.lowers[i]]
			if !ok {
				k = int32(n)
				n++
				if int(k) == len(fx.agg) {
					fx.agg = append(fx.agg, nil)
				}
				fx.aggIndex[fx.lowers[i]] = k
			}
			left, right := aggPad, aggPad
			if i > 0 {
				left = fx.lowers[i-1]
			}
			if i+1 < len(s) {
				right = fx.lowers[i+1]
			}
			fx.agg[k] = addContext(fx.agg[k], mix(aggLeft, left))
			fx.agg[k] = addContext(fx.agg[k], mix(aggRight, right))
		}
	}
}

func (fx *featurizer) lowerHash(t string) uint64 {
	var h uint64
	fx.buf, h = lowerHash(fx.buf, t)
	return h
}

// sentence computes the static features of every token of a sentence,
// appending them to feats and the end offset of each token's features to
// ends. docStatic must have been called for the sentence's document.
func (fx *featurizer) sentence(tokens []string, feats []uint64, ends []int32) ([]uint64, []int32) {
	fx.atoms = fx.atoms[:0]
	for _, t := range tokens {
		fx.atoms = append(fx.atoms, fx.tokenAtoms(t))
	}
	fx.begin(tokens)
	for i := range tokens {
		feats = unigram(&fx.atoms[i], fx.set, feats)
		for _, rel := range neighbours {
			feats = neighbour(fx.at(i+rel), fx.set, rel, feats)
		}
		feats = fx.context(i, feats)
		ends = append(ends, int32(len(feats)))
	}
	return feats, ends
}

// neighbours are the positions, relative to a token, of the words whose
// own features are among its features.
var neighbours = [4]int{-2, -1, 1, 2}

// neighbour appends the features that a word at position rel (one of
// neighbours) relative to a token gives that token. They depend on the word
// alone, so a tagger can sum their weights once per word and position.
func neighbour(a *atoms, set featureSet, rel int, feats []uint64) []uint64 {
	switch rel {
	case -2:
		feats = append(feats, fe1(tLowerM2, a.lower), fe1(tShortM2, a.short))
	case -1:
		feats = append(feats, fe1(tLowerM1, a.lower), fe1(tWordM1, a.word), fe1(tShapeM1, a.shape))
		if set&useClusters != 0 && a.clus[2] != 0 {
			feats = append(feats, fe1(tClusterM1, a.clus[2]))
		}
	case 1:
		feats = append(feats, fe1(tLowerP1, a.lower), fe1(tWordP1, a.word), fe1(tShapeP1, a.shape))
		if set&useClusters != 0 && a.clus[2] != 0 {
			feats = append(feats, fe1(tClusterP1, a.clus[2]))
		}
	case 2:
		feats = append(feats, fe1(tLowerP2, a.lower), fe1(tShortP2, a.short))
	}
	return feats
}

// at returns the atoms of token i of the current sentence, or those of the
// padding before or after it.
func (fx *featurizer) at(i int) *atoms {
	switch {
	case i < 0:
		return &padBefore
	case i >= len(fx.atoms):
		return &padAfter
	}
	return &fx.atoms[i]
}

// unigram appends the features that depend on the token alone, so a tagger
// can sum their weights once per word.
func unigram(a *atoms, set featureSet, feats []uint64) []uint64 {
	feats = append(feats,
		fe1(tBias, 0),
		fe1(tWord, a.word),
		fe1(tLower, a.lower),
		fe1(tShape, a.shape),
		fe1(tShort, a.short),
		fe1(tLen, a.length),
	)
	for k := 0; k < 4; k++ {
		if a.pre[k] != 0 {
			feats = append(feats, fe1(tPrefix+k, a.pre[k]), fe1(tSuffix+k, a.suf[k]))
		}
	}
	for f := 0; f < numFlags; f++ {
		if a.flags&(1<<f) != 0 {
			feats = append(feats, fe1(tFlag, uint64(f)))
		}
	}
	if set&useClusters != 0 {
		for k := 0; k < 4; k++ {
			if a.clus[k] != 0 {
				feats = append(feats, fe1(tCluster+k, a.clus[k]))
			}
		}
	}
	return feats
}

// begin prepares context features for a sentence whose atoms are in
// fx.atoms.
func (fx *featurizer) begin(tokens []string) {
	fx.caps = allCaps(tokens)
	fx.gazFeats = resetFeats(fx.gazFeats, len(fx.atoms))
	if fx.set&useGazetteer != 0 && fx.gaz != nil {
		fx.gaz.match(fx.atoms, fx.gazFeats)
	}
	if fx.set&useLexicon != 0 && fx.lex != nil {
		fx.lex.match(fx.atoms, fx.gazFeats)
	}
}

// context appends the features of token i that combine it with its
// neighbours, or depend on its place in the sentence or the document.
func (fx *featurizer) context(i int, feats []uint64) []uint64 {
	a := &fx.atoms[i]
	m1, p1 := fx.at(i-1), fx.at(i+1)
	feats = append(feats,
		fe2(tBigramM1, m1.lower, a.lower),
		fe2(tBigramP1, a.lower, p1.lower),
		fe2(tSkip, m1.lower, p1.lower),
		fe2(tShapeBiM1, m1.shape, a.shape),
		fe2(tShapeBiP1, a.shape, p1.shape),
		fe3(tShortTri, m1.short, a.short, p1.short),
		fe2(tLowerM1Shape, m1.lower, a.shape),
		fe2(tShapeLowerP1, a.shape, p1.lower),
	)
	if i == 0 {
		feats = append(feats, fe1(tFirstShort, a.short))
	}
	if fx.caps {
		feats = append(feats, fe1(tCapsSent, a.short), fe1(tCapsSentLower, a.lower))
	}
	feats = append(feats, fx.gazFeats[i]...)
	if fx.set&useAggStatic != 0 && a.flags&(fInitCap|fAllCaps) != 0 {
		if k, ok := fx.aggIndex[a.lower]; ok {
			for _, x := range fx.agg[k] {
				feats = append(feats, fe1(tAggStatic, x))
			}
		}
	}
	if fx.set&useDocStatic != 0 && (i == 0 || fx.caps) && a.flags&fHasLetter != 0 {
		c := fx.docCase[a.lower]
		feats = append(feats, fe2(tDocLowerSeen, uint64(c), a.short))
	}
	return feats
}
