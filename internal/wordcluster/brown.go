package wordcluster

import (
	"cmp"
	"errors"
	"fmt"
	"io"
	"math"
	"runtime"
	"slices"
	"strings"
	"sync"
	"time"
)

// ErrNoData is returned by Train when no word reaches Options.MinCount.
var ErrNoData = errors.New("wordcluster: no words to cluster")

// Options configures Train. The zero value selects the defaults.
type Options struct {
	// Clusters is the number of leaf clusters C, which is also the size of
	// the window of active clusters (default 1000).
	Clusters int
	// MinCount is the number of occurrences a word needs to be clustered
	// (default 2). Rarer words are unknown to the result.
	MinCount int
	// Log receives progress lines if it is not nil.
	Log io.Writer
	// Workers is the number of goroutines that share the pair updates
	// (default runtime.GOMAXPROCS(0)).
	Workers int
}

const (
	defaultClusters = 1000
	defaultMinCount = 2
)

func (o Options) withDefaults() (Options, error) {
	if o.Clusters == 0 {
		o.Clusters = defaultClusters
	}
	if o.MinCount == 0 {
		o.MinCount = defaultMinCount
	}
	if o.Workers <= 0 {
		o.Workers = runtime.GOMAXPROCS(0)
	}
	if o.Clusters < 2 {
		return o, fmt.Errorf("wordcluster: options: %d clusters, need at least 2", o.Clusters)
	}
	if o.MinCount < 1 {
		return o, fmt.Errorf("wordcluster: options: min count %d, need at least 1", o.MinCount)
	}
	return o, nil
}

// Train learns clusters from tokenized sentences by Brown clustering (see
// the package documentation). Words are taken as written; bigrams do not
// cross sentence boundaries. The result is deterministic for given
// sentences and options, whatever the number of workers.
func Train(sentences [][]string, opts Options) (*Clusters, error) {
	opts, err := opts.withDefaults()
	if err != nil {
		return nil, err
	}
	start := time.Now()
	logf := func(format string, args ...any) {
		if opts.Log != nil {
			fmt.Fprintf(opts.Log, "wordcluster: %6.1fs ", time.Since(start).Seconds())
			fmt.Fprintf(opts.Log, format+"\n", args...)
		}
	}

	st := countStats(sentences, opts.MinCount)
	if len(st.words) == 0 {
		return nil, ErrNoData
	}
	logf("%d tokens, %d word types, %d with count >= %d, %d bigram tokens, %d bigram types",
		st.tokens, st.types, len(st.words), opts.MinCount, st.bigrams, len(st.outNbr))

	paths := cluster(st, opts, hooks{logf: logf, parallelMin: 20000})

	counts := make([]int64, len(st.words))
	for i := range counts {
		counts[i] = int64(st.count[i])
	}
	c := newClusters(st.words, paths, counts)
	logf("done: %d words in %d clusters", c.Len(), c.NumClusters())
	return c, nil
}

// stats holds the vocabulary, sorted by decreasing frequency, and the
// bigram counts between its words in both directions.
type stats struct {
	words   []string
	count   []int32
	tokens  int64
	types   int
	bigrams int64

	// Compressed sparse rows: the right neighbours of word i are
	// outNbr[outStart[i]:outStart[i+1]] with counts in outCnt; likewise the
	// left neighbours in the in* slices.
	outStart, inStart []int32
	outNbr, inNbr     []int32
	outCnt, inCnt     []int32
	nl, nr            []int64 // left and right marginals: row and column sums
}

func countStats(sentences [][]string, minCount int) *stats {
	freq := make(map[string]int32)
	var tokens int64
	for _, s := range sentences {
		for _, w := range s {
			freq[w]++
		}
		tokens += int64(len(s))
	}
	st := &stats{tokens: tokens, types: len(freq)}
	for w, n := range freq {
		if int(n) >= minCount {
			st.words = append(st.words, w)
		}
	}
	slices.SortFunc(st.words, func(a, b string) int {
		if r := cmp.Compare(freq[b], freq[a]); r != 0 {
			return r
		}
		return strings.Compare(a, b)
	})
	id := make(map[string]int32, len(st.words))
	st.count = make([]int32, len(st.words))
	for i, w := range st.words {
		id[w] = int32(i)
		st.count[i] = freq[w]
	}

	big := make(map[uint64]int32)
	for _, s := range sentences {
		prev := int32(-1)
		for _, w := range s {
			cur, ok := id[w]
			if !ok {
				cur = -1
			}
			if prev >= 0 && cur >= 0 {
				big[uint64(prev)<<32|uint64(cur)]++
				st.bigrams++
			}
			prev = cur
		}
	}
	keys := make([]uint64, 0, len(big))
	for k := range big {
		keys = append(keys, k)
	}
	slices.Sort(keys)

	v := len(st.words)
	st.nl = make([]int64, v)
	st.nr = make([]int64, v)
	st.outStart = make([]int32, v+1)
	st.inStart = make([]int32, v+1)
	for _, k := range keys {
		a, b := int32(k>>32), int32(k)
		c := big[k]
		st.nl[a] += int64(c)
		st.nr[b] += int64(c)
		st.outStart[a+1]++
		st.inStart[b+1]++
	}
	for i := range v {
		st.outStart[i+1] += st.outStart[i]
		st.inStart[i+1] += st.inStart[i]
	}
	st.outNbr = make([]int32, len(keys))
	st.outCnt = make([]int32, len(keys))
	st.inNbr = make([]int32, len(keys))
	st.inCnt = make([]int32, len(keys))
	outPos := slices.Clone(st.outStart[:v])
	inPos := slices.Clone(st.inStart[:v])
	for _, k := range keys {
		a, b := int32(k>>32), int32(k)
		c := big[k]
		st.outNbr[outPos[a]], st.outCnt[outPos[a]] = b, c
		outPos[a]++
		st.inNbr[inPos[b]], st.inCnt[inPos[b]] = a, c
		inPos[b]++
	}
	return st
}

// hooks configures cluster.
type hooks struct {
	logf func(string, ...any)
	// check, if not nil, is called after every addition and merge; tests
	// use it to compare the incremental losses with a direct computation.
	check func(*brown)
	// parallelMin is the least work (in pair updates) worth spreading over
	// goroutines.
	parallelMin int
}

// brown is the state of the agglomeration: up to k = C+1 active clusters
// in slots 0..k-1, with dense k×k matrices.
type brown struct {
	k           int
	workers     int
	parallelMin int

	n    []int32   // n[s*k+t]: bigram count from cluster s to cluster t
	nt   []int32   // transpose of n: nt[t*k+s] = n[s*k+t]
	loss []float64 // loss[s*k+t], s < t: AMI lost by merging s and t, times N
	lu   []float64 // lu[s*k+t] = log(nl[s]+nl[t])
	ru   []float64 // ru[s*k+t] = log(nr[s]+nr[t])

	nl, nr    []int64   // marginals over the whole corpus
	ll, lr    []float64 // their logarithms (0 for 0)
	sout, sin []int64   // row and column sums of n over the active slots
	active    []bool
	slots     []int // active slots, ascending

	nlogn []float64 // nlogn[i] = i·log i

	inR  []bool     // scratch: slot is a neighbour of the cluster being updated
	list []int      // scratch
	acc  []float64  // scratch, per slot
	cnt  [4][]int32 // scratch: counts of the clusters in list with a merged pair
}

func newBrown(k, workers int, bigrams int64) *brown {
	b := &brown{
		k:       k,
		workers: workers,
		n:       make([]int32, k*k),
		nt:      make([]int32, k*k),
		loss:    make([]float64, k*k),
		lu:      make([]float64, k*k),
		ru:      make([]float64, k*k),
		nl:      make([]int64, k),
		nr:      make([]int64, k),
		ll:      make([]float64, k),
		lr:      make([]float64, k),
		sout:    make([]int64, k),
		sin:     make([]int64, k),
		active:  make([]bool, k),
		inR:     make([]bool, k),
		acc:     make([]float64, k),
	}
	for i := range b.cnt {
		b.cnt[i] = make([]int32, k)
	}
	size := min(bigrams+1, 1<<22)
	b.nlogn = make([]float64, size)
	for i := int64(1); i < size; i++ {
		b.nlogn[i] = float64(i) * math.Log(float64(i))
	}
	return b
}

func safeLog(x int64) float64 {
	if x <= 0 {
		return 0
	}
	return math.Log(float64(x))
}

func (b *brown) g(n int64) float64 {
	if n < int64(len(b.nlogn)) {
		return b.nlogn[n]
	}
	return float64(n) * math.Log(float64(n))
}

// gain is G(x,y) = g(x)+g(y)-g(x+y): how the n·log n part of the AMI
// changes when two counts x and y against the same neighbour are split
// rather than merged.
func (b *brown) gain(x, y int32) float64 {
	if x == 0 || y == 0 {
		return 0
	}
	return b.g(int64(x)) + b.g(int64(y)) - b.g(int64(x)+int64(y))
}

// q is the AMI term of a cell with count n whose row and column
// log-marginals sum to l (the constant log N part is left out: it cancels
// in every loss).
func (b *brown) q(n int32, l float64) float64 {
	if n == 0 {
		return 0
	}
	return b.g(int64(n)) - float64(n)*l
}

// local is the part of loss(s,t) that depends only on s, t, their sums and
// the 2×2 block of counts between them.
func (b *brown) local(s, t int) float64 {
	k := b.k
	nss, ntt := b.n[s*k+s], b.n[t*k+t]
	nst, nts := b.n[s*k+t], b.n[t*k+s]
	lu, ru := b.lu[s*k+t], b.ru[s*k+t]
	var f float64
	if r := b.sout[s] - int64(nss) - int64(nst); r != 0 {
		f += float64(r) * (lu - b.ll[s])
	}
	if r := b.sout[t] - int64(ntt) - int64(nts); r != 0 {
		f += float64(r) * (lu - b.ll[t])
	}
	if r := b.sin[s] - int64(nss) - int64(nts); r != 0 {
		f += float64(r) * (ru - b.lr[s])
	}
	if r := b.sin[t] - int64(ntt) - int64(nst); r != 0 {
		f += float64(r) * (ru - b.lr[t])
	}
	f += b.q(nss, b.ll[s]+b.lr[s]) + b.q(nst, b.ll[s]+b.lr[t]) +
		b.q(nts, b.ll[t]+b.lr[s]) + b.q(ntt, b.ll[t]+b.lr[t]) -
		b.q(nss+nst+nts+ntt, lu+ru)
	return f
}

// parallel runs fn(w, workers) for w in [0, workers) and waits; with work
// below parallelMin it runs fn(0, 1) on the calling goroutine.
func (b *brown) parallel(work int, fn func(w, workers int)) {
	if b.workers == 1 || work < b.parallelMin {
		fn(0, 1)
		return
	}
	var wg sync.WaitGroup
	for w := range b.workers {
		wg.Go(func() { fn(w, b.workers) })
	}
	wg.Wait()
}

// at returns the index of loss(s,t) in b.loss, which holds the upper
// triangle only.
func (b *brown) at(s, t int) int {
	if s < t {
		return s*b.k + t
	}
	return t*b.k + s
}

// computeRow sets loss(z,t) for every active t from scratch.
func (b *brown) computeRow(z int) {
	k := b.k
	var outX, inX []int
	for _, x := range b.slots {
		if x == z {
			continue
		}
		if b.n[z*k+x] != 0 {
			outX = append(outX, x)
		}
		if b.n[x*k+z] != 0 {
			inX = append(inX, x)
		}
	}
	slots := b.slots
	acc := b.acc
	b.parallel(len(slots)*(len(outX)+len(inX)), func(w, workers int) {
		// Each worker takes a run of slots and walks the rows of n and nt
		// of z's neighbours sequentially.
		ts := slots[len(slots)*w/workers : len(slots)*(w+1)/workers]
		for _, t := range ts {
			acc[t] = 0
		}
		for _, x := range outX {
			zx := b.n[z*k+x]
			col := b.nt[x*k : (x+1)*k] // col[t] = n(t,x)
			for _, t := range ts {
				if c := col[t]; c != 0 && t != x {
					acc[t] += b.gain(zx, c)
				}
			}
		}
		for _, x := range inX {
			xz := b.n[x*k+z]
			row := b.n[x*k : (x+1)*k] // row[t] = n(x,t)
			for _, t := range ts {
				if c := row[t]; c != 0 && t != x {
					acc[t] += b.gain(xz, c)
				}
			}
		}
		for _, t := range ts {
			if t != z {
				b.loss[b.at(z, t)] = acc[t] + b.local(z, t)
			}
		}
	})
}

// setMarginals sets the marginals of slot z and the pairwise logarithms.
func (b *brown) setMarginals(z int, nl, nr int64) {
	k := b.k
	b.nl[z], b.nr[z] = nl, nr
	b.ll[z], b.lr[z] = safeLog(nl), safeLog(nr)
	for _, t := range b.slots {
		if t == z {
			continue
		}
		lu, ru := safeLog(nl+b.nl[t]), safeLog(nr+b.nr[t])
		b.lu[z*k+t], b.lu[t*k+z] = lu, lu
		b.ru[z*k+t], b.ru[t*k+z] = ru, ru
	}
}

func (b *brown) activate(z int) {
	b.active[z] = true
	i, _ := slices.BinarySearch(b.slots, z)
	b.slots = slices.Insert(b.slots, i, z)
}

func (b *brown) deactivate(z int) {
	b.active[z] = false
	i, _ := slices.BinarySearch(b.slots, z)
	b.slots = slices.Delete(b.slots, i, i+1)
}

// add makes the free slot z an active cluster whose bigram counts with the
// active clusters have already been stored in row and column z of n and
// nt, and updates the losses of all pairs.
func (b *brown) add(z int, nl, nr int64) {
	k := b.k
	// R: the active clusters adjacent to z. Only pairs with a member in R
	// change: their sums grow by their counts with z (the local part), and
	// pairs with both members in R gain the terms for neighbour z.
	r := b.list[:0]
	for _, s := range b.slots {
		if b.n[s*k+z] != 0 || b.n[z*k+s] != 0 {
			r = append(r, s)
			b.inR[s] = true
		}
	}
	b.list = r
	slots := b.slots
	b.parallel(len(r)*len(slots), func(w, workers int) {
		for i := w; i < len(r); i += workers {
			s := r[i]
			inS, outS := b.n[s*k+z], b.n[z*k+s]
			for _, t := range slots {
				if t == s || (b.inR[t] && t < s) {
					continue
				}
				d := float64(inS)*(b.lu[s*k+t]-b.ll[s]) + float64(outS)*(b.ru[s*k+t]-b.lr[s])
				if b.inR[t] {
					inT, outT := b.n[t*k+z], b.n[z*k+t]
					d += float64(inT)*(b.lu[s*k+t]-b.ll[t]) + float64(outT)*(b.ru[s*k+t]-b.lr[t])
					d += b.gain(inS, inT) + b.gain(outS, outT)
				}
				b.loss[b.at(s, t)] += d
			}
		}
	})
	var sout, sin int64
	for _, s := range r {
		b.inR[s] = false
		b.sout[s] += int64(b.n[s*k+z])
		b.sin[s] += int64(b.n[z*k+s])
		sout += int64(b.n[z*k+s])
		sin += int64(b.n[s*k+z])
	}
	b.sout[z] = sout + int64(b.n[z*k+z])
	b.sin[z] = sin + int64(b.n[z*k+z])
	b.setMarginals(z, nl, nr)
	b.activate(z)
	b.computeRow(z)
}

// merge merges cluster c into cluster a and frees slot c.
func (b *brown) merge(a, c int) {
	k := b.k
	// Pairs (s,t) of other clusters change only in their terms for
	// neighbours a and c, which become one neighbour; the local parts are
	// unchanged because the sums of s and t are.
	r := b.list[:0]
	for _, s := range b.slots {
		if s != a && s != c && (b.n[s*k+a] != 0 || b.n[s*k+c] != 0 || b.n[a*k+s] != 0 || b.n[c*k+s] != 0) {
			r = append(r, s)
		}
	}
	b.list = r
	sa, sc, as, cs := b.cnt[0][:len(r)], b.cnt[1][:len(r)], b.cnt[2][:len(r)], b.cnt[3][:len(r)]
	for i, s := range r {
		sa[i], sc[i] = b.n[s*k+a], b.n[s*k+c]
		as[i], cs[i] = b.n[a*k+s], b.n[c*k+s]
	}
	b.parallel(len(r)*len(r)/2, func(w, workers int) {
		for i := w; i < len(r); i += workers {
			row := b.loss[r[i]*k : (r[i]+1)*k] // r is ascending: r[i] < r[j]
			sai, sci, asi, csi := sa[i], sc[i], as[i], cs[i]
			for j := i + 1; j < len(r); j++ {
				saj, scj, asj, csj := sa[j], sc[j], as[j], cs[j]
				d := b.gain(sai+sci, saj+scj) - b.gain(sai, saj) - b.gain(sci, scj) +
					b.gain(asi+csi, asj+csj) - b.gain(asi, asj) - b.gain(csi, csj)
				row[r[j]] += d
			}
		}
	})

	// Row a. W(a∪c,t) follows from W(a,t) = loss(a,t) − local(a,t), which
	// loses its terms for neighbour c and changes in its term for each
	// neighbour x of c; walking c's neighbours is cheaper than walking
	// those of the merged cluster, as c is the cluster with fewer.
	var outX, inX []int
	for _, x := range b.slots {
		if x == a || x == c {
			continue
		}
		if b.n[c*k+x] != 0 {
			outX = append(outX, x)
		}
		if b.n[x*k+c] != 0 {
			inX = append(inX, x)
		}
	}
	slots, acc := b.slots, b.acc
	b.parallel(len(slots)*(len(outX)+len(inX)+1), func(w, workers int) {
		ts := slots[len(slots)*w/workers : len(slots)*(w+1)/workers]
		nac, nca := b.n[a*k+c], b.n[c*k+a]
		for _, t := range ts {
			if t != a && t != c {
				acc[t] = b.loss[b.at(a, t)] - b.local(a, t) - b.gain(nac, b.n[t*k+c]) - b.gain(nca, b.n[c*k+t])
			}
		}
		for _, x := range outX {
			ax, cx := b.n[a*k+x], b.n[c*k+x]
			col := b.nt[x*k : (x+1)*k] // col[t] = n(t,x)
			for _, t := range ts {
				if tx := col[t]; tx != 0 && t != x && t != a && t != c {
					acc[t] += b.gain(ax+cx, tx) - b.gain(ax, tx)
				}
			}
		}
		for _, x := range inX {
			xa, xc := b.n[x*k+a], b.n[x*k+c]
			row := b.n[x*k : (x+1)*k] // row[t] = n(x,t)
			for _, t := range ts {
				if xt := row[t]; xt != 0 && t != x && t != a && t != c {
					acc[t] += b.gain(xa+xc, xt) - b.gain(xa, xt)
				}
			}
		}
	})

	naa := b.n[a*k+a] + b.n[a*k+c] + b.n[c*k+a] + b.n[c*k+c]
	for _, x := range b.slots {
		if x == a || x == c {
			continue
		}
		b.n[a*k+x] += b.n[c*k+x]
		b.nt[x*k+a] = b.n[a*k+x]
		b.n[x*k+a] += b.n[x*k+c]
		b.nt[a*k+x] = b.n[x*k+a]
	}
	b.n[a*k+a], b.nt[a*k+a] = naa, naa
	for _, x := range b.slots {
		b.n[c*k+x], b.n[x*k+c] = 0, 0
		b.nt[c*k+x], b.nt[x*k+c] = 0, 0
	}
	b.sout[a] += b.sout[c]
	b.sin[a] += b.sin[c]
	b.sout[c], b.sin[c] = 0, 0
	nl, nr := b.nl[a]+b.nl[c], b.nr[a]+b.nr[c]
	b.nl[c], b.nr[c] = 0, 0
	b.deactivate(c)
	b.setMarginals(a, nl, nr)
	for _, t := range b.slots {
		if t != a {
			b.loss[b.at(a, t)] = acc[t] + b.local(a, t)
		}
	}
}

// order returns s and t with first the cluster to keep in a merge: the one
// with more neighbours, so that merge walks the neighbours of the other.
func (b *brown) order(s, t int) (keep, gone int) {
	k := b.k
	var ds, dt int
	for _, x := range b.slots {
		if b.n[s*k+x] != 0 {
			ds++
		}
		if b.n[x*k+s] != 0 {
			ds++
		}
		if b.n[t*k+x] != 0 {
			dt++
		}
		if b.n[x*k+t] != 0 {
			dt++
		}
	}
	if ds < dt || (ds == dt && t < s) {
		return t, s
	}
	return s, t
}

// best returns the active pair with the least loss; ties go to the
// lowest (s, t) in slot order, whatever the number of workers.
func (b *brown) best() (int, int) {
	type cand struct {
		l    float64
		s, t int
	}
	slots := b.slots
	res := make([]cand, b.workers)
	for i := range res {
		res[i] = cand{l: math.Inf(1), s: -1}
	}
	b.parallel(len(slots)*len(slots)/2, func(w, workers int) {
		c := cand{l: math.Inf(1), s: -1}
		for i := w; i < len(slots); i += workers {
			s := slots[i]
			row := b.loss[s*b.k : (s+1)*b.k]
			for _, t := range slots[i+1:] {
				if l := row[t]; l < c.l {
					c = cand{l, s, t}
				}
			}
		}
		res[w] = c
	})
	best := cand{l: math.Inf(1), s: -1}
	for _, c := range res {
		if c.s < 0 {
			continue
		}
		if c.l < best.l || (c.l == best.l && (c.s < best.s || (c.s == best.s && c.t < best.t))) {
			best = c
		}
	}
	return best.s, best.t
}

// cluster runs the windowed agglomeration over st and returns the path of
// every word.
func cluster(st *stats, opts Options, h hooks) []string {
	logf, check := h.logf, h.check
	v := len(st.words)
	if v == 1 {
		return []string{"0"}
	}
	c := min(opts.Clusters, v)
	k := c + 1
	b := newBrown(k, opts.Workers, st.bigrams)
	b.parallelMin = h.parallelMin

	slotOf := make([]int32, v) // slot of each added word's cluster; -1 before
	for i := range slotOf {
		slotOf[i] = -1
	}
	members := make([][]int32, k)
	free := make([]int, 0, k)
	for z := k - 1; z >= 0; z-- {
		free = append(free, z)
	}

	mergeBest := func() {
		s, t := b.order(b.best())
		b.merge(s, t)
		for _, w := range members[t] {
			slotOf[w] = int32(s)
		}
		members[s] = append(members[s], members[t]...)
		members[t] = members[t][:0]
		free = append(free, t)
	}

	lastLog := time.Now()
	for w := range v {
		z := free[len(free)-1]
		free = free[:len(free)-1]
		slotOf[w] = int32(z)
		members[z] = append(members[z], int32(w))
		for i := st.outStart[w]; i < st.outStart[w+1]; i++ {
			if s := slotOf[st.outNbr[i]]; s >= 0 {
				b.n[z*k+int(s)] += st.outCnt[i]
				b.nt[int(s)*k+z] += st.outCnt[i]
			}
		}
		for i := st.inStart[w]; i < st.inStart[w+1]; i++ {
			if u := st.inNbr[i]; u != int32(w) {
				if s := slotOf[u]; s >= 0 {
					b.n[int(s)*k+z] += st.inCnt[i]
					b.nt[z*k+int(s)] += st.inCnt[i]
				}
			}
		}
		b.add(z, st.nl[w], st.nr[w])
		if check != nil {
			check(b)
		}
		if len(b.slots) > c {
			mergeBest()
			if check != nil {
				check(b)
			}
		}
		if time.Since(lastLog) > 10*time.Second {
			logf("added %d/%d words", w+1, v)
			lastLog = time.Now()
		}
	}
	logf("added all %d words; building the hierarchy of %d clusters", v, c)

	// The final merges form the tree: node ids below k are the leaves
	// (one per slot), the others are internal nodes.
	type node struct{ left, right int }
	var nodes []node
	nodeOf := make([]int, k)
	for z := range k {
		nodeOf[z] = z
		nodes = append(nodes, node{-1, -1})
	}
	for len(b.slots) > 1 {
		s, t := b.order(b.best())
		nodes = append(nodes, node{nodeOf[s], nodeOf[t]})
		nodeOf[s] = len(nodes) - 1
		b.merge(s, t)
		if check != nil {
			check(b)
		}
	}
	paths := make([]string, v)
	var walk func(id int, path []byte)
	walk = func(id int, path []byte) {
		nd := nodes[id]
		if nd.left < 0 {
			p := string(path)
			for _, w := range members[id] {
				paths[w] = p
			}
			return
		}
		walk(nd.left, append(path, '0'))
		walk(nd.right, append(path, '1'))
	}
	walk(nodeOf[b.slots[0]], make([]byte, 0, 64))
	return paths
}
