package timex

import (
	"strings"
	"time"

	"github.com/itlightning/dateparse"
)

// dateCache reads calendar phrases with dateparse (the maintained fork
// of araddon/dateparse, which reads the many ways of writing a date:
// "Feb. 25, 2019", "25 February 2019", "2019-02-25", "Thursday May 30,
// 2024") and remembers the answers, so that each phrase is parsed once.
// The cache is bounded.
//
// An earlier version used go-dateparser, whose language data cost every
// start of the program 200 ms and 95 MB before the first line was read.
type dateCache struct {
	seen map[string]string // phrase → ISO date, "" when the parser failed
}

// maxCached bounds the cache; past it, it starts afresh.
const maxCached = 4096

func newDateCache() *dateCache {
	return &dateCache{seen: make(map[string]string)}
}

// parse returns the ISO date of a phrase that fixes day, month and year,
// false when the parser cannot read it.
func (c *dateCache) parse(phrase string) (string, bool) {
	if v, ok := c.seen[phrase]; ok {
		return v, v != ""
	}
	if len(c.seen) >= maxCached {
		clear(c.seen)
	}
	v := ""
	// The parser reads "Feb 25, 2019" but not every abbreviation's
	// period or ordinal suffix: "Feb. 25th, 2019".
	p := strings.NewReplacer(".", "", "th,", ",", "st,", ",", "nd,", ",", "rd,", ",").Replace(phrase)
	if d, err := dateparse.ParseIn(p, time.UTC, dateparse.PreferMonthFirst(true)); err == nil && !d.IsZero() {
		v = d.Format("2006-01-02")
	}
	c.seen[phrase] = v
	return v, v != ""
}
