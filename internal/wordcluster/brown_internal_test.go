package wordcluster

import (
	"fmt"
	"math"
	"math/rand/v2"
	"testing"
)

// ami returns the clustering's average mutual information times N, less
// the constant N·log N, computed directly from the counts between the
// given clusters (each a list of slots whose counts are summed).
func ami(b *brown, groups [][]int) float64 {
	var sum float64
	for _, gs := range groups {
		var nl int64
		for _, s := range gs {
			nl += b.nl[s]
		}
		for _, gt := range groups {
			var nr int64
			var n int32
			for _, t := range gt {
				nr += b.nr[t]
				for _, s := range gs {
					n += b.n[s*b.k+t]
				}
			}
			sum += b.q(n, safeLog(nl)+safeLog(nr))
		}
	}
	return sum
}

func checkLosses(t *testing.T, b *brown) {
	t.Helper()
	k := b.k
	for _, s := range b.slots {
		var sout, sin int64
		for _, x := range b.slots {
			sout += int64(b.n[s*k+x])
			sin += int64(b.n[x*k+s])
			if b.n[s*k+x] != b.nt[x*k+s] {
				t.Fatalf("nt[%d][%d] = %d, n[%d][%d] = %d", x, s, b.nt[x*k+s], s, x, b.n[s*k+x])
			}
		}
		if sout != b.sout[s] || sin != b.sin[s] {
			t.Fatalf("slot %d: sums %d %d, want %d %d", s, b.sout[s], b.sin[s], sout, sin)
		}
	}
	var single [][]int
	for _, s := range b.slots {
		single = append(single, []int{s})
	}
	before := ami(b, single)
	for i, s := range b.slots {
		for _, u := range b.slots[i+1:] {
			var merged [][]int
			for _, x := range b.slots {
				switch x {
				case s:
					merged = append(merged, []int{s, u})
				case u:
				default:
					merged = append(merged, []int{x})
				}
			}
			want := before - ami(b, merged)
			got := b.loss[s*k+u]
			if math.Abs(got-want) > 1e-6*(1+math.Abs(want)) {
				t.Fatalf("loss(%d,%d) = %g, direct computation gives %g", s, u, got, want)
			}
		}
	}
}

// TestIncrementalLoss checks the incremental loss bookkeeping against a
// direct computation of the AMI after every step, on random corpora.
func TestIncrementalLoss(t *testing.T) {
	for _, tc := range []struct {
		vocab, clusters, workers int
	}{
		{12, 4, 1},
		{30, 6, 1},
		{30, 6, 3},
		{50, 10, 2},
		{8, 20, 1}, // fewer words than clusters
	} {
		t.Run(fmt.Sprintf("v%d-c%d-w%d", tc.vocab, tc.clusters, tc.workers), func(t *testing.T) {
			rng := rand.New(rand.NewPCG(1, uint64(tc.vocab)))
			var sents [][]string
			for range 300 {
				var s []string
				for range 1 + rng.IntN(12) {
					// Zipf-like: small ids are frequent.
					id := int(float64(tc.vocab) * math.Pow(rng.Float64(), 2))
					s = append(s, fmt.Sprintf("w%d", id))
				}
				sents = append(sents, s)
			}
			st := countStats(sents, 1)
			opts := Options{Clusters: tc.clusters, MinCount: 1, Workers: tc.workers}
			steps := 0
			paths := cluster(st, opts, hooks{
				logf:        func(string, ...any) {},
				parallelMin: 0, // exercise the parallel code on small data
				check: func(b *brown) {
					steps++
					checkLosses(t, b)
				},
			})
			if steps == 0 {
				t.Fatal("check never called")
			}
			for i, p := range paths {
				if p == "" {
					t.Errorf("word %s has no path", st.words[i])
				}
			}
		})
	}
}
