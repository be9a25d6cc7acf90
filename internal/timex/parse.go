package timex

import (
	"time"

	dps "github.com/markusmobius/go-dateparser"
	"github.com/markusmobius/go-dateparser/date"
)

// dateCache reads calendar phrases with go-dateparser and remembers the
// answers: the parser handles the many ways of writing a date ("Feb. 25,
// 2019", "25th of February 2019", "2019-02-25") well, but costs some
// 150 µs a call, so each phrase is parsed once. The cache is bounded.
type dateCache struct {
	cfg  *dps.Configuration
	seen map[string]string // phrase → ISO date, "" when the parser failed
}

// maxCached bounds the cache; past it, it starts afresh.
const maxCached = 4096

func newDateCache() *dateCache {
	return &dateCache{
		cfg: &dps.Configuration{
			Languages: []string{"en"},
			// The phrases given have a year; a fixed current time keeps
			// the answers a function of the phrase.
			CurrentTime:   time.Date(2000, 1, 1, 0, 0, 0, 0, time.UTC),
			StrictParsing: true,
			RequiredParts: []string{"day", "month", "year"},
			DateOrder:     dps.MDY,
		},
		seen: make(map[string]string),
	}
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
	if d, err := dps.Parse(c.cfg, phrase); err == nil && !d.Time.IsZero() && d.Period == date.Day {
		v = d.Time.Format("2006-01-02")
	}
	c.seen[phrase] = v
	return v, v != ""
}
