package cli

import (
	"context"
	"fmt"
	"io"
	"time"

	"github.com/parallax-news/parallax/internal/meantime"
	"github.com/parallax-news/parallax/internal/names"
)

// evalEntities scores entity mentions and their clustering across
// documents on MEANTIME: every document's text is analysed as ingest
// would, names are linked across documents by their normalized form and
// type (names.NameKey), and both are compared with the gold
// annotation.
func evalEntities(ctx context.Context, env Env, dirs []string) int {
	an, err := newAnalyzer()
	if err != nil {
		fmt.Fprintf(env.Stderr, "parallax eval entities: %v\n", err)
		return ExitFailed
	}
	var docs []meantime.Document
	status := ExitOK
	for _, dir := range dirs {
		d, err := meantime.ReadDir(dir)
		if err != nil {
			fmt.Fprintf(env.Stderr, "%s: %v\n", dir, err)
			status = ExitFailed
		}
		docs = append(docs, d...)
	}
	if len(docs) == 0 {
		fmt.Fprintln(env.Stderr, "parallax eval entities: no MEANTIME documents read")
		return ExitFailed
	}
	start := time.Now()
	var exact, lenient, exactNames, lenientNames meantime.Counts
	predicted := map[meantime.MentionKey]string{}
	for _, d := range docs {
		if ctx.Err() != nil {
			return ExitInterrupted
		}
		a := an.Analyze(d.Text)
		var spans []meantime.Span
		fullest := map[int]string{} // entity number -> its fullest name
		for _, m := range a.Mentions {
			if n := d.Text[m.Start:m.End]; len(n) > len(fullest[m.Entity]) {
				fullest[m.Entity] = n
			}
		}
		for _, m := range a.Mentions {
			s := meantime.Span{Start: m.Start, End: m.End}
			spans = append(spans, s)
			predicted[meantime.MentionKey{Doc: d.Name, Span: s}] = m.Type + ":" + names.NameKey(fullest[m.Entity])
		}
		var gold, goldNames []meantime.Span
		for _, m := range d.Mentions {
			gold = append(gold, m.Span)
			if m.SyntacticType == "NAM" || m.SyntacticType == "PRE.NAM" {
				goldNames = append(goldNames, m.Span)
			}
		}
		exact = exact.Add(meantime.ExactMatches(gold, spans))
		lenient = lenient.Add(meantime.LenientMatches(gold, spans))
		exactNames = exactNames.Add(meantime.ExactMatches(goldNames, spans))
		lenientNames = lenientNames.Add(meantime.LenientMatches(goldNames, spans))
	}
	w := env.Stdout
	mentions := 0
	for _, d := range docs {
		mentions += len(d.Mentions)
	}
	fmt.Fprintf(w, "MEANTIME: %d documents, %d gold entity mentions, analysed in %s\n\n", len(docs), mentions, time.Since(start).Round(time.Millisecond))
	fmt.Fprintln(w, "Mention detection (all gold mentions: names, nominals, pronouns):")
	printPRF(w, "  exact", exact.PRF())
	printPRF(w, "  lenient (half overlap)", lenient.PRF())
	fmt.Fprintln(w, "Mention detection against the gold names only (NAM), recall is what counts:")
	printPRF(w, "  exact", exactNames.PRF())
	printPRF(w, "  lenient (half overlap)", lenientNames.PRF())
	fmt.Fprintln(w, "Entity clustering across documents, B3 (CoNLL-2012 scorer's convention):")
	printPRF(w, "  cross-document", meantime.BCubed(meantime.CrossDocClusters(docs), predicted))
	return status
}

func printPRF(w io.Writer, label string, s meantime.PRF) {
	fmt.Fprintf(w, "%-26s precision %6.2f%%  recall %6.2f%%  F1 %6.2f\n", label, 100*s.Precision, 100*s.Recall, 100*s.F1)
}
