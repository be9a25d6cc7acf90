package ner

import (
	"math"
	"math/rand/v2"
	"testing"
)

// viterbiRef is the plain O(n·L²) Viterbi over the allowed table.
func viterbiRef(em []float32, trans []float32, out []int8) {
	n := len(out)
	const neg = -math.MaxFloat64
	score := make([][]float64, n)
	back := make([][]int, n)
	for i := range score {
		score[i] = make([]float64, numLabels)
		back[i] = make([]int, numLabels)
	}
	for c := 0; c < numLabels; c++ {
		score[0][c] = neg
		if allowed[numLabels][c] {
			score[0][c] = float64(em[c]) + float64(trans[numLabels*numLabels+c])
		}
	}
	for i := 1; i < n; i++ {
		for c := 0; c < numLabels; c++ {
			score[i][c] = neg
			for p := 0; p < numLabels; p++ {
				if !allowed[p][c] || score[i-1][p] == neg {
					continue
				}
				if s := score[i-1][p] + float64(trans[p*numLabels+c]) + float64(em[i*numLabels+c]); s > score[i][c] {
					score[i][c], back[i][c] = s, p
				}
			}
		}
	}
	best := 0
	for c := 0; c < numLabels; c++ {
		if allowedEnd[c] && (best < 0 || score[n-1][c] > score[n-1][best] || !allowedEnd[best]) {
			best = c
		}
	}
	out[n-1] = int8(best)
	for i := n - 1; i > 0; i-- {
		out[i-1] = int8(back[i][out[i]])
	}
}

func TestViterbiMatchesReference(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	for iter := range 2000 {
		n := 1 + rng.IntN(12)
		em := make([]float32, n*numLabels)
		for i := range em {
			em[i] = float32(rng.NormFloat64() * 3)
		}
		trans := make([]float32, transLen)
		for i := range trans {
			trans[i] = float32(rng.NormFloat64())
		}
		got, want := make([]int8, n), make([]int8, n)
		viterbi(em, numLabels, 0, 1, newTransitions(trans), got, make([]int8, n*numLabels))
		viterbiRef(em, trans, want)
		for i := range got {
			if got[i] != want[i] {
				t.Fatalf("case %d: got %v, want %v", iter, got, want)
			}
		}
	}
}
