package cli

import (
	"context"
	"fmt"
	"io"
	"time"

	"github.com/parallax-news/parallax/internal/news"
	"github.com/parallax-news/parallax/internal/tempeval"
	"github.com/parallax-news/parallax/internal/timex"
)

// timexEval is the outcome of scoring time expressions on TimeML files.
type timexEval struct {
	Documents, Words int
	Counts           tempeval.Counts
	Elapsed          time.Duration // tagging and resolving, reading and scoring left out
}

func (e timexEval) add(o timexEval) timexEval {
	return timexEval{
		Documents: e.Documents + o.Documents, Words: e.Words + o.Words,
		Counts: e.Counts.Add(o.Counts), Elapsed: e.Elapsed + o.Elapsed,
	}
}

// evalTimex scores time-expression tagging and normalization on TimeML
// files (TempEval-3): each path is a .tml file or a directory of them.
// Every document's text goes through timex.Tag and its times are resolved
// against the document creation time, as ingest resolves them against
// the publication date. A file that cannot be read is reported and
// skipped; the status is then 1.
func evalTimex(ctx context.Context, env Env, paths []string) int {
	status := ExitOK
	var all timexEval
	tagger := new(timex.Tagger)
	for _, path := range paths {
		files, err := tempeval.Files(path)
		if err != nil {
			fmt.Fprintf(env.Stderr, "parallax eval timex: %v\n", err)
			status = ExitFailed
			continue
		}
		var ev timexEval
		for _, f := range files {
			if ctx.Err() != nil {
				return ExitInterrupted
			}
			d, err := tempeval.ReadFile(f)
			if err != nil {
				fmt.Fprintf(env.Stderr, "parallax eval timex: %v\n", err)
				status = ExitFailed
				continue
			}
			ev = ev.add(scoreTimex(tagger, d))
		}
		printTimexEval(env.Stdout, "TempEval "+path, ev)
		all = all.add(ev)
	}
	if len(paths) > 1 {
		printTimexEval(env.Stdout, "Overall", all)
	}
	return status
}

// scoreTimex tags and resolves one document and scores it.
func scoreTimex(tagger *timex.Tagger, d tempeval.Document) timexEval {
	start := time.Now()
	times := tagger.Tag(d.Text)
	values := timex.ResolveDocument(times, d.DCT)
	elapsed := time.Since(start)
	found := make([]tempeval.Timex, len(times))
	for i, t := range times {
		found[i] = tempeval.Timex{Start: t.Start, End: t.End, Type: t.Type, Value: values[i].TIMEX}
	}
	return timexEval{Documents: 1, Words: news.Words(d.Text), Counts: tempeval.Score(d.Timexes, found), Elapsed: elapsed}
}

// printTimexEval writes the scores of one set of documents.
func printTimexEval(w io.Writer, label string, ev timexEval) {
	c := ev.Counts
	fmt.Fprintf(w, "%s: %d documents, %d words, %d timexes in the gold, %d found; tagged and resolved in %s (%.0f words/s)\n",
		label, ev.Documents, ev.Words, c.Gold, c.Found, ev.Elapsed.Round(time.Millisecond), float64(ev.Words)/ev.Elapsed.Seconds())
	line := func(name string, p tempeval.PRF) {
		fmt.Fprintf(w, "  %-8s precision %6.2f%%  recall %6.2f%%  F1 %6.2f\n", name, 100*p.Precision, 100*p.Recall, 100*p.F1)
	}
	line("strict", c.StrictPRF())
	line("relaxed", c.RelaxedPRF())
	fmt.Fprintf(w, "  %-8s accuracy %6.2f%%  F1 %6.2f\n", "type", 100*c.TypeAccuracy(), 100*c.TypePRF().F1)
	fmt.Fprintf(w, "  %-8s accuracy %6.2f%%  F1 %6.2f\n", "value", 100*c.ValueAccuracy(), 100*c.ValuePRF().F1)
}
