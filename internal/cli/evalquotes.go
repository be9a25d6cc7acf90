package cli

import (
	"context"
	"fmt"
	"io"
	"time"

	"github.com/parallax-news/parallax/internal/news"
	"github.com/parallax-news/parallax/internal/polnear"
)

// quoteEval is the outcome of scoring quote extraction on PolNeAR
// compartments.
type quoteEval struct {
	Documents, Words int
	Scores           polnear.Scores
	Elapsed          time.Duration // analysing the texts, scoring left out
}

// evalQuotes scores quote extraction and attribution on PolNeAR
// compartments (directories with text/ and attributions/): each text goes
// through the analyzer, as in ingest, and its quotes are compared with
// the annotated attributions.
func evalQuotes(ctx context.Context, env Env, dirs []string) int {
	an, err := newAnalyzer()
	if err != nil {
		fmt.Fprintf(env.Stderr, "parallax eval quotes: %v\n", err)
		return ExitFailed
	}
	status := ExitOK
	for _, dir := range dirs {
		docs, err := polnear.ReadDir(dir)
		if err != nil {
			fmt.Fprintf(env.Stderr, "parallax eval quotes: %v\n", err)
			status = ExitFailed
			continue
		}
		ev, err := scoreQuotes(ctx, an.Analyze, docs)
		if err != nil {
			return ExitInterrupted
		}
		printQuoteEval(env.Stdout, dir, ev)
	}
	return status
}

// scoreQuotes analyses the documents with analyze and scores their quotes.
func scoreQuotes(ctx context.Context, analyze func(string) news.Analysis, docs []polnear.Document) (quoteEval, error) {
	var ev quoteEval
	for _, d := range docs {
		if err := ctx.Err(); err != nil {
			return ev, err
		}
		start := time.Now()
		a := analyze(d.Text)
		ev.Elapsed += time.Since(start)
		ev.Documents++
		ev.Words += news.Words(d.Text)
		ev.Scores = ev.Scores.Add(polnear.Score(d, polnear.Predictions(a)).Scores)
	}
	return ev, nil
}

// printQuoteEval writes the scores of one compartment.
func printQuoteEval(w io.Writer, dir string, ev quoteEval) {
	s := ev.Scores
	fmt.Fprintf(w, "PolNeAR %s: %d documents, %d words, %d attributions (%d direct quotes); analysed in %s (%.0f words/s)\n\n",
		dir, ev.Documents, ev.Words, s.All.Gold, s.Direct.Gold, ev.Elapsed.Round(time.Millisecond), float64(ev.Words)/ev.Elapsed.Seconds())
	fmt.Fprintln(w, "A hit covers at least half of the gold content; quotes that share their cue are one attribution, as PolNeAR annotates them.")
	printCounts(w, "Direct quotes", s.Direct)
	printCounts(w, "All attributions", s.All)
	fmt.Fprintf(w, "%-18s direct quotes %6.2f%% (%d of %d), all attributions %6.2f%% (%d of %d)\n", "Speaker",
		100*s.DirectSpeaker.Value(), s.DirectSpeaker.Right, s.DirectSpeaker.Total,
		100*s.Speaker.Value(), s.Speaker.Right, s.Speaker.Total)
}

// printCounts writes one line of precision, recall and F1.
func printCounts(w io.Writer, label string, c polnear.Counts) {
	p := c.PRF()
	fmt.Fprintf(w, "%-18s precision %6.2f%%  recall %6.2f%%  F1 %6.2f  (%d found of %d, %d predicted)\n",
		label, 100*p.Precision, 100*p.Recall, 100*p.F1, c.Matched, c.Gold, c.Predicted)
}
