package events

import "testing"

// TestClustererMergesOnce: a document joins the later of two clusters
// of one event, which then moves into the earlier; the later's stale
// candidate is not merged a second time.
func TestClustererMergesOnce(t *testing.T) {
	sig := func(doc string, words ...string) Signature {
		s := Signature{Doc: doc, Type: TypeDisaster, Place: "brackenford",
			Names:  map[string]float64{"marlow mill": 1, "brackenford": 1, "dana whitcombe": 1},
			Words:  map[string]float64{"fire": 2, "mill": 2, "destroyed": 1},
			People: map[string]float64{"dana whitcombe": 1}, Locations: map[string]float64{"brackenford": 1}}
		for _, w := range words {
			s.Words[w] = 1
		}
		return s
	}
	mem := NewMemory()
	for _, s := range []Signature{sig("d1", "historic"), sig("d2", "gutted")} {
		mem.Observe(Terms(s))
		mem.Put(Join(Cluster{ID: mem.NewID()}, s, Keys(s, mem)))
	}
	merged := map[string]string{}
	cl := Clusterer{Index: mem, Stats: mem, Options: DefaultOptions, Merged: func(from, into string) { merged[from] = into }}
	id, _ := cl.Add(sig("d3", "gutted", "blaze"))
	c, _ := mem.Cluster(id)
	if id != "1" || len(c.Docs) != 3 || c.Types[TypeDisaster] != 3 || len(merged) != 1 || merged["2"] != "1" {
		t.Errorf("Add = %s with docs %v, types %v, merges %v; want cluster 1 with the three documents once, 2 merged into it", id, c.Docs, c.Types, merged)
	}
	if _, ok := mem.Cluster("2"); ok {
		t.Error("cluster 2 is still indexed")
	}
}
