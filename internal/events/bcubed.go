package events

// BCubed scores a clustering of items against the gold one with B³ (Bagga
// and Baldwin, 1998): for each item, precision is the share of its found
// cluster that is in its gold cluster and recall the share of its gold
// cluster that is in its found cluster; both are averaged over the items.
// gold[i] and found[i] label item i; items with an empty gold label are
// left out.
func BCubed(gold, found []string) (precision, recall, f1 float64) {
	type pair struct{ g, f string }
	inter := map[pair]int{}
	gsize := map[string]int{}
	fsize := map[string]int{}
	n := 0
	for i, g := range gold {
		if g == "" {
			continue
		}
		f := found[i]
		inter[pair{g, f}]++
		gsize[g]++
		fsize[f]++
		n++
	}
	if n == 0 {
		return 0, 0, 0
	}
	for i, g := range gold {
		if g == "" {
			continue
		}
		c := float64(inter[pair{g, found[i]}])
		precision += c / float64(fsize[found[i]])
		recall += c / float64(gsize[g])
	}
	precision /= float64(n)
	recall /= float64(n)
	if precision+recall > 0 {
		f1 = 2 * precision * recall / (precision + recall)
	}
	return precision, recall, f1
}
