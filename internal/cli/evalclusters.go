package cli

import (
	"context"
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/parallax-news/parallax/internal/ecbplus"
	"github.com/parallax-news/parallax/internal/events"
	"github.com/parallax-news/parallax/internal/giveme5w1h"
	"github.com/parallax-news/parallax/internal/news"
	"github.com/parallax-news/parallax/internal/timex"
)

// ecbTopics are the ECB+ topics eval clusters reads from the corpus
// directory: 1–35, the usual split (36–45 are kept for testing elsewhere).
func ecbTopics(t int) bool { return t >= 1 && t <= 35 }

// clusterDoc is one document of a clustering evaluation.
type clusterDoc struct {
	Name      string
	Gold      string // gold event, "" when the document has none
	Group     string // the group the per-group numbers pool by (ECB+ topic), or ""
	Text      string
	Published time.Time
	Answers   map[string][]string // Giveme5W1H's 5W1H phrases, or nil
}

// clusterEval is the outcome of clustering documents by main event.
type clusterEval struct {
	Documents, Words, Gold, Found int
	P, R, F1                      float64
	// Grouped is B³ when each group (ECB+ topic) is clustered on its own.
	Grouped struct{ P, R, F1 float64 }
	// Merged is B³ with clusters merged when they fit each other.
	Merged struct{ P, R, F1 float64 }
	// Ingest is B³ of the events ingest links the documents into, read
	// back from the store, and Ingested how long that took.
	Ingest   struct{ P, R, F1 float64 }
	Ingested time.Duration
	// Baseline is the best B³ of TF-IDF word overlap over a sweep of
	// thresholds, and Threshold the one that gave it.
	Baseline  struct{ P, R, F1, Threshold float64 }
	Frames    int // documents with a main event
	Where     struct{ Right, Total int }
	Who       struct{ Right, Total int }
	Elapsed   time.Duration // analysis, frames and signatures
	Clustered time.Duration // clustering
}

// evalClusters scores event clustering of documents on ECB+ and
// Giveme5W1H. Each document is analysed as in ingest, its event frames
// extracted and its main event signed; the documents then join event
// clusters one at a time in file order, as a stream of news would, and
// the clusters are scored with B³ against the gold events.
func evalClusters(ctx context.Context, env Env, paths []string) int {
	an, err := newAnalyzer()
	if err != nil {
		fmt.Fprintf(env.Stderr, "parallax eval clusters: %v\n", err)
		return ExitFailed
	}
	status := ExitOK
	for _, path := range paths {
		var docs []clusterDoc
		var kind string
		var ok bool
		switch {
		case ecbplus.IsCorpus(path):
			kind = "ECB+"
			docs, ok = readECB(env.Stderr, path)
		case giveme5w1h.IsCorpus(path):
			kind = "Giveme5W1H"
			docs, ok = readGiveme(env.Stderr, path)
		default:
			fmt.Fprintf(env.Stderr, "%s: not an ECB+ or Giveme5W1H directory\n", path)
			status = ExitFailed
			continue
		}
		if !ok {
			status = ExitFailed
		}
		if len(docs) == 0 {
			fmt.Fprintf(env.Stderr, "%s: no documents read\n", path)
			status = ExitFailed
			continue
		}
		ev, err := scoreClusters(ctx, an.Analyze, docs, timexDates)
		if err != nil {
			return ExitInterrupted
		}
		start := time.Now()
		if ev.Ingest.P, ev.Ingest.R, ev.Ingest.F1, err = linkThroughStore(ctx, an, docs); err != nil {
			if ctx.Err() != nil {
				return ExitInterrupted
			}
			fmt.Fprintf(env.Stderr, "%s: linking through a store: %v\n", path, err)
			status = ExitFailed
		}
		ev.Ingested = time.Since(start)
		printClusterEval(env.Stdout, kind, path, ev)
	}
	return status
}

// readECB reads the ECB+ files of a corpus or topic directory, reporting
// each unreadable file on w; ok is false when one was.
func readECB(w io.Writer, dir string) ([]clusterDoc, bool) {
	files, err := ecbplus.Files(dir, ecbTopics)
	if err != nil {
		fmt.Fprintf(w, "%s: %v\n", dir, cleanErr(err))
		return nil, false
	}
	ok := true
	var docs []clusterDoc
	for _, f := range files {
		d, err := ecbplus.ReadFile(f)
		if err != nil {
			fmt.Fprintf(w, "%s: %v\n", f, cleanErr(err))
			ok = false
			continue
		}
		docs = append(docs, clusterDoc{Name: d.Name, Gold: d.Event(), Group: fmt.Sprint(d.Topic), Text: d.Text})
	}
	return docs, ok
}

// readGiveme reads the Giveme5W1H gold standard, reporting each
// unreadable file on w; ok is false when one was.
func readGiveme(w io.Writer, dir string) ([]clusterDoc, bool) {
	files, err := giveme5w1h.Files(dir)
	if err != nil {
		fmt.Fprintln(w, err)
		return nil, false
	}
	ok := true
	var docs []clusterDoc
	for _, f := range files {
		d, err := giveme5w1h.ReadFile(f)
		if err != nil {
			fmt.Fprintf(w, "%s: %v\n", f, cleanErr(err))
			ok = false
			continue
		}
		docs = append(docs, clusterDoc{Name: d.ID, Gold: d.Category, Text: d.FullText(), Published: d.Published, Answers: d.Answers})
	}
	return docs, ok
}

// signed is a document ready for clustering.
type signed struct {
	sig, words events.Signature // main-event signature; TF-IDF baseline's
}

// dater dates the time expressions of an analysis: it returns the
// calendar interval of each of a.Times, tagging them first when the
// analysis has none.
type dater func(txt string, a *news.Analysis, published time.Time) []events.Interval

// timexDates is the dater of package timex: times tagged by timex.Tag
// when the analysis has none yet, resolved by timex.ResolveDocument
// against the publication date or, without one, the latest date the text
// fixes.
func timexDates(txt string, a *news.Analysis, published time.Time) []events.Interval {
	if len(a.Times) == 0 {
		a.Times = timex.Tag(txt)
	}
	pub := ""
	if !published.IsZero() {
		pub = published.Format("2006-01-02")
	}
	vals := timex.ResolveDocument(a.Times, pub)
	out := make([]events.Interval, len(vals))
	for i, v := range vals {
		from, err1 := time.Parse("2006-01-02", isoDay(v.Earliest))
		to, err2 := time.Parse("2006-01-02", isoDay(v.Latest))
		if err1 == nil && err2 == nil && !to.Before(from) {
			out[i] = events.Interval{From: from, To: to}
		}
	}
	return out
}

// isoDay returns the day part of an ISO date or date-time, "" when it
// has none.
func isoDay(s string) string {
	if len(s) < 10 {
		return ""
	}
	return s[:10]
}

// scoreClusters analyses, signs and clusters the documents and scores
// the clusters. dates, when not nil, dates the analysis's times (see
// timexDates); without it main events are dated by the years their times
// fix and by the publication date.
func scoreClusters(ctx context.Context, analyze func(string) news.Analysis, docs []clusterDoc, dates dater) (clusterEval, error) {
	var ev clusterEval
	ss := make([]signed, len(docs))
	gold := make([]string, len(docs))
	golds := map[string]bool{}
	for i, d := range docs {
		if err := ctx.Err(); err != nil {
			return ev, err
		}
		start := time.Now()
		a := analyze(d.Text)
		var ds []events.Interval
		if dates != nil {
			ds = dates(d.Text, &a, d.Published)
		}
		frames := events.Extract(d.Text, a)
		ss[i].sig = events.Sign(events.Input{ID: d.Name, Text: d.Text, Analysis: a, Frames: frames, Dates: ds, Published: d.Published})
		ev.Elapsed += time.Since(start)
		ss[i].words = wordSignature(d.Name, d.Text, a)
		ev.Documents++
		ev.Words += news.Words(d.Text)
		gold[i] = d.Gold
		if d.Gold != "" {
			golds[d.Gold] = true
		}
		scoreAnswers(&ev, d, a, frames)
	}
	ev.Gold = len(golds)

	// As the linker of `ingest` clusters, in memory: each document joins
	// an event or starts one (without merging).
	start := time.Now()
	found := cluster(ss, func(s signed) events.Signature { return s.sig }, linkerOptions)
	ev.Clustered = time.Since(start)
	ev.P, ev.R, ev.F1 = events.BCubed(gold, found)
	// With events merged as they come to fit each other (events.Merge),
	// as the linker also does.
	merged := cluster(ss, func(s signed) events.Signature { return s.sig }, events.DefaultOptions)
	ev.Merged.P, ev.Merged.R, ev.Merged.F1 = events.BCubed(gold, merged)
	seen := map[string]bool{}
	for _, f := range found {
		seen[f] = true
	}
	ev.Found = len(seen)

	// Each group alone, labels kept apart by the group's name.
	grouped := make([]string, len(docs))
	byGroup := map[string][]int{}
	for i, d := range docs {
		byGroup[d.Group] = append(byGroup[d.Group], i)
	}
	for g, idx := range byGroup {
		sub := make([]signed, len(idx))
		for j, i := range idx {
			sub[j] = ss[i]
		}
		f := cluster(sub, func(s signed) events.Signature { return s.sig }, linkerOptions)
		for j, i := range idx {
			grouped[i] = g + "/" + f[j]
		}
	}
	ev.Grouped.P, ev.Grouped.R, ev.Grouped.F1 = events.BCubed(gold, grouped)

	for t := 0.05; t < 0.7; t += 0.05 {
		opts := events.Options{WordWeight: 1, Threshold: t}
		f := cluster(ss, func(s signed) events.Signature { return s.words }, opts)
		p, r, f1 := events.BCubed(gold, f)
		if f1 > ev.Baseline.F1 {
			ev.Baseline.P, ev.Baseline.R, ev.Baseline.F1, ev.Baseline.Threshold = p, r, f1, t
		}
	}
	return ev, nil
}

// linkerOptions are the linker's options without merging (the linker
// merges; these show what merging adds).
var linkerOptions = func() events.Options {
	o := events.DefaultOptions
	o.MergeThreshold = 0
	return o
}()

// cluster runs the incremental clustering over the documents in order
// and returns each one's cluster ID: that of the cluster it joined, or
// of the one that cluster was merged into since.
func cluster(ss []signed, sig func(signed) events.Signature, opts events.Options) []string {
	mem := events.NewMemory()
	into := map[string]string{}
	cl := events.Clusterer{Index: mem, Stats: mem, Options: opts, Merged: func(from, to string) { into[from] = to }}
	out := make([]string, len(ss))
	for i, s := range ss {
		out[i], _ = cl.Add(sig(s))
	}
	for i, id := range out {
		for into[id] != "" {
			id = into[id]
		}
		out[i] = id
	}
	return out
}

// wordSignature is the TF-IDF baseline's view of a document: the counts
// of its content words, nothing else.
func wordSignature(id, txt string, a news.Analysis) events.Signature {
	sig := events.Signature{Doc: id, Words: map[string]float64{}}
	for _, t := range a.Tokens {
		w := strings.ToLower(txt[t.Start:t.End])
		if len(w) < 3 || !isWordish(w) {
			continue
		}
		sig.Words[w]++
	}
	return sig
}

// isWordish reports whether w starts with a letter.
func isWordish(w string) bool {
	c := w[0]
	return 'a' <= c && c <= 'z' || c >= 0x80
}

// scoreAnswers compares the place and participants of a document's main
// event with the where and who phrases of Giveme5W1H, when it has them.
func scoreAnswers(ev *clusterEval, d clusterDoc, a news.Analysis, frames []events.Frame) {
	main := -1
	for i, f := range frames {
		if f.Main {
			main = i
			break
		}
	}
	if main < 0 {
		return
	}
	ev.Frames++
	if d.Answers == nil {
		return
	}
	f := frames[main]
	if where := d.Answers["where"]; len(where) > 0 {
		ev.Where.Total++
		if f.Place >= 0 && matchesAny(d.Text[f.PlaceSpan.Start:f.PlaceSpan.End], where) {
			ev.Where.Right++
		}
	}
	if who := d.Answers["who"]; len(who) > 0 {
		ev.Who.Total++
		for _, p := range f.Participants {
			if matchesAny(entityName(d.Text, a, p.Entity), who) {
				ev.Who.Right++
				break
			}
		}
	}
}

// entityName returns the longest name of an entity in the document.
func entityName(txt string, a news.Analysis, entity int) string {
	best := ""
	for _, m := range a.Mentions {
		if m.Entity == entity && m.Kind == news.KindName && m.End-m.Start > len(best) {
			best = txt[m.Start:m.End]
		}
	}
	return best
}

// matchesAny reports whether s and one of the phrases hold one another,
// ignoring case.
func matchesAny(s string, phrases []string) bool {
	s = strings.ToLower(strings.TrimSpace(s))
	if s == "" {
		return false
	}
	for _, p := range phrases {
		p = strings.ToLower(p)
		if strings.Contains(p, s) || strings.Contains(s, p) {
			return true
		}
	}
	return false
}

// printClusterEval writes the scores of one corpus.
func printClusterEval(w io.Writer, kind, path string, ev clusterEval) {
	fmt.Fprintf(w, "%s %s: %d documents, %d words, %d gold events, %d clusters found; analysed in %s (%.0f words/s), clustered in %s\n",
		kind, path, ev.Documents, ev.Words, ev.Gold, ev.Found, ev.Elapsed.Round(time.Millisecond),
		float64(ev.Words)/ev.Elapsed.Seconds(), ev.Clustered.Round(time.Millisecond))
	fmt.Fprintln(w, "Documents by main event, clustered incrementally in file order (in memory, as the linker decides; pooled without merging), B³:")
	fmt.Fprintf(w, "%-26s precision %6.2f%%  recall %6.2f%%  F1 %6.2f\n", "Events (all pooled)", 100*ev.P, 100*ev.R, 100*ev.F1)
	if ev.Ingest.F1 > 0 {
		fmt.Fprintf(w, "%-26s precision %6.2f%%  recall %6.2f%%  F1 %6.2f  (ingested one by one into a fresh store and read back, %s)\n", "Events (as ingest links)", 100*ev.Ingest.P, 100*ev.Ingest.R, 100*ev.Ingest.F1, ev.Ingested.Round(time.Second))
	}
	if ev.Merged.F1 > 0 && ev.Merged.F1 != ev.F1 {
		fmt.Fprintf(w, "%-26s precision %6.2f%%  recall %6.2f%%  F1 %6.2f  (events also merged when they fit each other, as ingest does)\n", "Events (merged)", 100*ev.Merged.P, 100*ev.Merged.R, 100*ev.Merged.F1)
	}
	if ev.Grouped.F1 > 0 && ev.Grouped.F1 != ev.F1 {
		fmt.Fprintf(w, "%-26s precision %6.2f%%  recall %6.2f%%  F1 %6.2f\n", "Events (each topic alone)", 100*ev.Grouped.P, 100*ev.Grouped.R, 100*ev.Grouped.F1)
	}
	fmt.Fprintf(w, "%-26s precision %6.2f%%  recall %6.2f%%  F1 %6.2f  (best threshold of a sweep, %.2f)\n", "TF-IDF baseline (pooled)",
		100*ev.Baseline.P, 100*ev.Baseline.R, 100*ev.Baseline.F1, ev.Baseline.Threshold)
	fmt.Fprintf(w, "Main event found in %d of %d documents\n", ev.Frames, ev.Documents)
	if ev.Where.Total > 0 || ev.Who.Total > 0 {
		fmt.Fprintf(w, "Main event against the 5W annotation: where %d of %d (%.1f%%), who %d of %d (%.1f%%)\n",
			ev.Where.Right, ev.Where.Total, pct(ev.Where.Right, ev.Where.Total), ev.Who.Right, ev.Who.Total, pct(ev.Who.Right, ev.Who.Total))
	}
	fmt.Fprintln(w)
}

// pct returns 100·a/b, 0 when b is 0.
func pct(a, b int) float64 {
	if b == 0 {
		return 0
	}
	return 100 * float64(a) / float64(b)
}
