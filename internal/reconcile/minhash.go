package reconcile

import (
	"math/bits"
	"unicode"
	"unicode/utf8"
)

// MinHash parameters. Signatures have NumHashes values; the first
// NumBands*BandRows of them are cut into NumBands bands of BandRows values,
// and two documents become candidates when one band matches exactly. With 3
// rows and 30 bands a pair with Jaccard similarity 0.55 (the threshold) is a
// candidate with probability 0.996, a pair at 0.2 with 0.21 and a pair at
// 0.05 (unrelated articles on one subject) with 0.004, so the candidates of
// a new document stay few however large the corpus grows. Every band is a
// row written to the store, the costliest write of ingest, so there are no
// more bands than that; the whole signature serves the similarity estimate.
const (
	NumHashes   = 120
	BandRows    = 3
	NumBands    = 30
	ShingleSize = 3 // words per shingle
)

// DuplicateThreshold is the estimated Jaccard similarity of word 3-shingles
// from which two documents are near-duplicates. On the BBC corpus, pairs at
// 0.58 and above are one story re-published with edits or additions, pairs
// at 0.50 and below are different stories on one subject; with NumHashes
// values the estimate's standard error there is about 0.045, so the
// threshold sits between the two.
const DuplicateThreshold = 0.55

// hashSeeds are the fixed multipliers and offsets of the NumHashes hash
// functions h_i(x) = a_i*x + b_i (mod 2^64), high 32 bits. They are derived
// from a fixed splitmix64 stream so signatures are stable across runs,
// machines and versions: band keys are stored. (Computed once at start-up
// from constants; never written afterwards.)
var hashSeeds = func() (s [NumHashes][2]uint64) {
	x := uint64(0x9E3779B97F4A7C15)
	next := func() uint64 {
		x += 0x9E3779B97F4A7C15
		z := x
		z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9
		z = (z ^ (z >> 27)) * 0x94D049BB133111EB
		return z ^ (z >> 31)
	}
	for i := range s {
		s[i] = [2]uint64{next() | 1, next()}
	}
	return s
}()

// Signature returns the MinHash signature of text over lower-cased word
// 3-shingles. Texts with fewer than three words are one shingle. The result
// depends only on the words, not on spacing or punctuation.
func Signature(text string) []uint32 {
	var sig [NumHashes]uint32
	for i := range sig {
		sig[i] = ^uint32(0)
	}
	var window [ShingleSize]uint64
	n := 0
	forEachWord(text, func(w uint64) {
		window[0], window[1], window[2] = window[1], window[2], w // ShingleSize words
		n++
		if n >= ShingleSize {
			minInto(&sig, shingleHash(window))
		}
	})
	if n > 0 && n < ShingleSize {
		minInto(&sig, shingleHash(window))
	}
	return sig[:]
}

// minInto lowers each value of sig to the i-th hash of h where that is
// smaller. Fixed-size arrays let the compiler drop bounds checks from this,
// the hottest loop of ingest.
func minInto(sig *[NumHashes]uint32, h uint64) {
	for i := range sig {
		if v := uint32((h*hashSeeds[i][0] + hashSeeds[i][1]) >> 32); v < sig[i] {
			sig[i] = v
		}
	}
}

func shingleHash(w [ShingleSize]uint64) uint64 {
	h := w[0]
	for _, x := range w[1:] {
		h = bits.RotateLeft64(h, 23)*0x9E3779B97F4A7C15 ^ x
	}
	return mix64(h)
}

func mix64(z uint64) uint64 {
	z = (z ^ (z >> 33)) * 0xFF51AFD7ED558CCD
	z = (z ^ (z >> 33)) * 0xC4CEB9FE1A85EC53
	return z ^ (z >> 33)
}

// forEachWord calls fn with a hash of each lower-cased word (a run of
// letters and digits) of s.
func forEachWord(s string, fn func(uint64)) {
	const offset, prime = 14695981039346656037, 1099511628211 // FNV-1a
	h, in := uint64(offset), false
	for i := 0; i < len(s); {
		c := s[i]
		var r rune
		size := 1
		if c < utf8.RuneSelf {
			r = rune(c)
			if 'A' <= c && c <= 'Z' {
				r += 'a' - 'A'
			}
		} else {
			r, size = utf8.DecodeRuneInString(s[i:])
			r = unicode.ToLower(r)
		}
		i += size
		if r < utf8.RuneSelf && ('a' <= r && r <= 'z' || '0' <= r && r <= '9') || r >= utf8.RuneSelf && (unicode.IsLetter(r) || unicode.IsDigit(r)) {
			h = (h ^ uint64(r)) * prime
			in = true
			continue
		}
		if in {
			fn(h)
			h, in = offset, false
		}
	}
	if in {
		fn(h)
	}
}

// Bands returns the LSH band keys of a signature: one 64-bit key per band,
// mixing the band's index with its values so equal values in different
// bands give different keys.
func Bands(sig []uint32) []uint64 {
	keys := make([]uint64, 0, NumBands)
	for b := 0; b+BandRows <= len(sig) && len(keys) < NumBands; b += BandRows {
		k := mix64(uint64(b/BandRows) + 1)
		for _, v := range sig[b : b+BandRows] {
			k = mix64(k ^ uint64(v))
		}
		keys = append(keys, k)
	}
	return keys
}

// Similarity estimates the Jaccard similarity of the shingle sets behind two
// signatures: the share of positions where they agree.
func Similarity(a, b []uint32) float64 {
	if len(a) == 0 || len(a) != len(b) {
		return 0
	}
	same := 0
	for i := range a {
		if a[i] == b[i] {
			same++
		}
	}
	return float64(same) / float64(len(a))
}
