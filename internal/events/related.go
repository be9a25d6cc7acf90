package events

// Related reports whether event type t is the same as, or related to,
// one of types (counted as in Cluster.Types): a visit is talks, an
// attack a killing.
func Related(t string, types map[string]int) bool {
	return types[t] > 0 || compatible(t, types)
}
