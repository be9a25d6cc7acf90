// Package wordcluster provides hierarchical word clusters (Brown clusters)
// learned from unlabeled news text, for use as features by the named-entity
// tagger.
//
// Every known word maps to a leaf of a binary tree of word classes; the
// word's Path is the sequence of left (0) and right (1) turns from the root
// to that leaf. Words that are used in similar contexts share long path
// prefixes, so prefixes of a few lengths (4, 6, 10, 20) act as word classes
// of increasing granularity (Ratinov and Roth 2009; Turian et al. 2010).
//
// # Algorithm
//
// Train implements Brown et al. (1992) class-based bigram clustering with
// the windowed agglomeration of Liang (2005): words are sorted by
// frequency; the C most frequent start as singleton clusters; each further
// word becomes a new cluster and the pair of the C+1 active clusters whose
// merge loses the least average mutual information (AMI) between adjacent
// clusters is merged. When every word has been added, the remaining C
// clusters are merged the same way down to one, and the order of those
// final merges is the binary tree. Words merged during the windowed phase
// share the path of their cluster, as in Liang's wcluster.
//
// The merge losses are kept for all pairs of active clusters and updated
// incrementally. Writing the loss of merging s and t as
//
//	L(s,t) = W(s,t) + f(s,t),
//	W(s,t) = Σx [G(n(s,x), n(t,x)) + G(n(x,s), n(x,t))],
//	G(a,b) = a·log a + b·log b − (a+b)·log(a+b),
//
// where n counts bigrams, x ranges over the other active clusters (G is 0
// unless s and t both neighbour x) and f depends only on s,
// t, their row sums and the counts between them, shows that adding a
// cluster z changes W only for pairs whose members both neighbour z, and
// merging a and c changes it only for pairs that both neighbour a or c;
// the merged cluster's row is derived from the kept cluster's row by
// walking the neighbours of the smaller one. With integer counts the
// n·log n terms come from a table. Exact Brown clustering with C = 1000
// clusters of a 41,000-word vocabulary thus takes under two minutes on
// two cores in pure Go; the pair updates and the search for the best pair
// are spread over Options.Workers goroutines, with results independent of
// their number.
//
// Statistics are collected on the words as written (case is kept, since
// capitalization is what the tagger needs). Bigrams are counted within
// sentences; words below Options.MinCount are dropped, together with the
// bigrams they take part in. Left and right marginals of a cluster are its
// words' bigram counts over the whole corpus.
//
// # Data
//
// Default returns the clusters embedded in the binary (clusters.tsv.gz),
// trained by TrainShared on the unlabeled news text in the shared data
// directory (see Corpus). The file is a gzip-compressed text file in the
// format of Liang's wcluster "paths" file: one "path<TAB>word<TAB>count"
// line per word, sorted by path, then by decreasing count.
package wordcluster
