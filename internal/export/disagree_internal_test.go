package export

import "testing"

// TestDisagree holds the linear check to the pairwise definition on
// random claims.
func TestDisagree(t *testing.T) {
	days := []string{"2019-02-01", "2019-02-03", "2019-02-05", "2019-02-10", "2019-03-01", "bad"}
	for seed := range 2000 {
		var cs []Claim
		n := seed%6 + 1
		for i := range n {
			k := (seed*7 + i*13) % len(days)
			l := (k + (seed+i)%3) % len(days)
			cs = append(cs, Claim{Document: string(rune('a' + (seed+i*5)%3)), From: days[min(k, l)], To: days[max(k, l)], Explicit: (seed+i)%4 != 0})
		}
		want := false
		for i, a := range cs {
			for _, b := range cs[i+1:] {
				if a.Document != b.Document && a.Explicit && b.Explicit && (daysBetween(a.To, b.From) > sameEvent || daysBetween(b.To, a.From) > sameEvent) {
					want = true
				}
			}
		}
		if got := disagree(cs); got != want {
			t.Fatalf("disagree(%+v) = %v, want %v", cs, got, want)
		}
	}
}
