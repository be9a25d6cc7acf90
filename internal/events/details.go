package events

import "slices"

// Details are what one report tells of its event that tells it from
// another event of its kind: whom and where its lead names, the numbers
// it gives and the year it was written in. Reports of one event agree on
// them; reports of two arrests of the same team's players, two
// earthquakes on one island or two heists in one city do not. A cluster
// keeps the details of its latest members (see Cluster.Details), so that
// a document is compared with each report, not with their sum, where the
// details of two events blur into one.
type Details struct {
	Doc        string
	Actors     []string `json:",omitempty"` // Signature.Actors
	Surnames   []string `json:",omitempty"` // Signature.Surnames
	LeadPlaces []string `json:",omitempty"` // Signature.LeadPlaces
	Places     []string `json:",omitempty"` // Signature.AllPlaces
	Numbers    []string `json:",omitempty"` // Signature.Numbers
	Weekdays   []string `json:",omitempty"` // Signature.Weekdays
	Year       int      `json:",omitempty"` // the latest of Signature.Years, 0 when none
}

// maxDetails is how many members' details a cluster keeps: its latest.
const maxDetails = 24

// detailsOf returns the details of a signature.
func detailsOf(sig Signature) Details {
	d := Details{Doc: sig.Doc, Actors: sig.Actors, Surnames: sig.Surnames, LeadPlaces: sig.LeadPlaces,
		Places: sig.AllPlaces, Numbers: sig.Numbers, Weekdays: sig.Weekdays}
	if n := len(sig.Years); n > 0 {
		d.Year = sig.Years[n-1]
	}
	return d
}

// Agreement returns how two reports' details agree: one for each of
// people, places, numbers, weekday and year on which they agree, minus
// one for each on which they disagree, nothing for what either leaves
// out. People (and places) agree when the leads name one in common, and
// disagree when neither names anywhere whom (where) the other's lead
// names; numbers (weekdays) agree when the leads give one in common,
// else disagree; years agree when they are the same.
func Agreement(a, b Details) int {
	v := 0
	if len(a.Actors) > 0 && len(b.Actors) > 0 {
		if intersects(a.Actors, b.Actors) {
			v++
		} else {
			v--
		}
	}
	v += overlap(a.LeadPlaces, a.Places, b.LeadPlaces, b.Places)
	if len(a.Numbers) > 0 && len(b.Numbers) > 0 {
		if intersects(a.Numbers, b.Numbers) {
			v++
		} else {
			v--
		}
	}
	if len(a.Weekdays) > 0 && len(b.Weekdays) > 0 {
		if intersects(a.Weekdays, b.Weekdays) {
			v++
		} else {
			v--
		}
	}
	if a.Year != 0 && b.Year != 0 {
		if a.Year == b.Year {
			v++
		} else {
			v--
		}
	}
	return v
}

// overlap returns 1 when two leads name something in common, -1 when
// neither report names anywhere what the other's lead names, else 0.
func overlap(leadA, allA, leadB, allB []string) int {
	switch {
	case len(leadA) == 0 || len(leadB) == 0:
		return 0
	case intersects(leadA, leadB):
		return 1
	case !intersects(leadA, allB) && !intersects(leadB, allA):
		return -1
	}
	return 0
}

// intersects reports whether two short lists share an element.
func intersects(a, b []string) bool {
	for _, x := range a {
		if slices.Contains(b, x) {
			return true
		}
	}
	return false
}

// detailFit returns the mean agreement of a document's details with
// those of the cluster's members it keeps, 0 when it keeps none.
func detailFit(d Details, c Cluster) float64 {
	if len(c.Details) == 0 {
		return 0
	}
	sum := 0
	for _, m := range c.Details {
		sum += Agreement(d, m)
	}
	return float64(sum) / float64(len(c.Details))
}

// addDetails returns the details of a cluster with a member's added
// (d = 1), the oldest dropped past maxDetails, or taken off (d = -1). The
// slice is copied, never changed.
func addDetails(ds []Details, x Details, d int) []Details {
	if d < 0 {
		return slices.DeleteFunc(slices.Clone(ds), func(m Details) bool { return m.Doc == x.Doc })
	}
	out := append(slices.Clone(ds), x)
	if len(out) > maxDetails {
		out = out[len(out)-maxDetails:]
	}
	return out
}

// clusterDetailFit returns the mean agreement of the details two
// clusters keep, pair by pair, 0 when either keeps none.
func clusterDetailFit(a, b Cluster) float64 {
	if len(a.Details) == 0 || len(b.Details) == 0 {
		return 0
	}
	sum := 0
	for _, x := range a.Details {
		for _, y := range b.Details {
			sum += Agreement(x, y)
		}
	}
	return float64(sum) / float64(len(a.Details)*len(b.Details))
}

// DetailsOf returns the details of a signature, as a cluster keeps them
// (see Cluster.Details).
func DetailsOf(sig Signature) Details { return detailsOf(sig) }
