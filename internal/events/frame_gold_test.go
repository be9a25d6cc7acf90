package events_test

import (
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/parallax-news/parallax/internal/events"
	"github.com/parallax-news/parallax/internal/news"
)

// seedGold is testdata/seed_frames.json: what Extract should find in the
// seed articles.
type seedGold struct {
	Main []struct {
		Seed, Visitor, Date, Host string
		Types, Places             []string
	}
	Background []struct {
		Seed, Near string
		Types      []string
	}
}

// minSeedScore is the number of checks of the seed gold Extract passes
// (of 38); lower is a regression.
const minSeedScore = 30

// TestExtractSeedGold scores Extract against the seed gold and fails when
// it passes fewer checks than minSeedScore.
func TestExtractSeedGold(t *testing.T) {
	raw, err := os.ReadFile("testdata/seed_frames.json")
	if err != nil {
		t.Fatal(err)
	}
	var g seedGold
	if err := json.Unmarshal(raw, &g); err != nil {
		t.Fatal(err)
	}
	files := seedFiles(t)
	an := newAnalyzer(t)
	type doc struct {
		txt    string
		a      news.Analysis
		frames []events.Frame
	}
	docs := map[string]doc{}
	for _, p := range files {
		b, _ := os.ReadFile(p)
		d := doc{txt: string(b)}
		d.a = an.Analyze(d.txt)
		d.frames = events.Extract(d.txt, d.a)
		docs[filepath.Base(p)[:3]] = d
	}
	score, total := 0, 0
	check := func(ok bool, format string, args ...any) {
		total++
		if ok {
			score++
		} else {
			t.Logf("miss: "+format, args...)
		}
	}
	name := func(d doc, e int) string {
		best := ""
		for _, m := range d.a.Mentions {
			if m.Entity == e && m.Kind == news.KindName && m.End-m.Start > len(best) {
				best = d.txt[m.Start:m.End]
			}
		}
		return best
	}
	isLoc := func(d doc, e int) bool {
		for _, m := range d.a.Mentions {
			if m.Entity == e && m.Type == news.TypeLocation {
				return true
			}
		}
		return false
	}
	for _, w := range g.Main {
		d, ok := docs[w.Seed]
		if !ok {
			t.Fatalf("seed %s missing", w.Seed)
		}
		mi := slices.IndexFunc(d.frames, func(f events.Frame) bool { return f.Main })
		if mi < 0 {
			check(false, "%s: no main event", w.Seed)
			continue
		}
		f := d.frames[mi]
		check(slices.Contains(w.Types, f.Type), "%s: main type %s, want %v", w.Seed, f.Type, w.Types)
		visitor := false
		for _, p := range f.Participants {
			if (p.Role == events.RoleVisitor || p.Role == events.RoleAgent) && strings.Contains(name(d, p.Entity), w.Visitor) {
				visitor = true
			}
		}
		check(visitor, "%s: main %q has no visitor %s: %+v", w.Seed, d.txt[f.Trigger.Start:f.Trigger.End], w.Visitor, f.Participants)
		place := ""
		if f.Place >= 0 {
			place = d.txt[f.PlaceSpan.Start:f.PlaceSpan.End]
		}
		check(slices.Contains(w.Places, place), "%s: main place %q, want %v", w.Seed, place, w.Places)
		if w.Date != "" {
			dated := false
			for _, f := range d.frames {
				if f.Main && f.Time >= 0 && strings.HasPrefix(d.a.Times[f.Time].Expr, w.Date) {
					dated = true
				}
			}
			check(dated, "%s: no main frame dated %s", w.Seed, w.Date)
		}
		host, locHost := false, false
		for _, f := range d.frames {
			if f.Background || f.Type != events.TypeVisit && f.Type != events.TypeMeeting {
				continue
			}
			for _, p := range f.Participants {
				if p.Role != events.RoleHost {
					continue
				}
				host = host || strings.Contains(name(d, p.Entity), w.Host)
				locHost = locHost || isLoc(d, p.Entity)
			}
		}
		check(host, "%s: no visit or meeting hosted by %s", w.Seed, w.Host)
		check(!locHost, "%s: a place is a host", w.Seed)
		quotedContest := false
		for _, f := range d.frames {
			if f.Type != events.TypeContest || f.Weak {
				continue
			}
			for _, q := range d.a.Quotes {
				if q.Kind != news.QuoteIndirect && q.Start <= f.Trigger.Start && f.Trigger.End <= q.End {
					quotedContest = true
				}
			}
		}
		check(!quotedContest, "%s: a quoted contest frame is a strong one", w.Seed)
	}
	for _, w := range g.Background {
		d := docs[w.Seed]
		i := strings.Index(d.txt, w.Near)
		if i < 0 {
			t.Fatalf("%s: %q not in the text", w.Seed, w.Near)
		}
		fi := slices.IndexFunc(d.frames, func(f events.Frame) bool {
			return f.Trigger.Start >= i && f.Trigger.End <= i+len(w.Near) && slices.Contains(w.Types, f.Type)
		})
		check(fi >= 0 && d.frames[fi].Background && !d.frames[fi].Main, "%s: %q not a background frame: %+v", w.Seed, w.Near, fi)
	}
	t.Logf("seed gold: %d of %d checks", score, total)
	if score < minSeedScore {
		t.Errorf("seed gold: %d of %d checks, want at least %d", score, total, minSeedScore)
	}
}
