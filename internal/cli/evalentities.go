package cli

import (
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"time"

	"github.com/parallax-news/parallax/internal/export"
	"github.com/parallax-news/parallax/internal/meantime"
	"github.com/parallax-news/parallax/internal/news"
	"github.com/parallax-news/parallax/internal/reconcile"
	"github.com/parallax-news/parallax/internal/store"
	"github.com/parallax-news/parallax/internal/store/sqlite"
)

// evalEntities scores entity mentions and their clustering across
// documents on MEANTIME. Every document goes through what ingest does: it
// is analysed, stored in a throwaway SQLite store and linked to the
// corpus-wide entities of the documents before it
// (reconcile.LinkEntities); the mentions and the entities they are linked
// to are then compared with the gold annotation.
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
	tmp, err := os.MkdirTemp("", "parallax-eval-")
	if err != nil {
		fmt.Fprintf(env.Stderr, "parallax eval entities: %v\n", err)
		return ExitFailed
	}
	defer os.RemoveAll(tmp)
	st, err := sqlite.Open(ctx, filepath.Join(tmp, "eval.db"))
	if err != nil {
		fmt.Fprintf(env.Stderr, "parallax eval entities: %v\n", err)
		return ExitFailed
	}
	defer st.Close()

	start := time.Now()
	var exact, lenient, exactNames, lenientNames meantime.Counts
	predicted := map[meantime.MentionKey]string{}
	for i, d := range docs {
		if ctx.Err() != nil {
			return ExitInterrupted
		}
		a := an.Analyze(d.Text)
		doc := news.Document{ID: fmt.Sprintf("meantime%04d", i), Origin: d.Name, Text: d.Text}
		err := st.Update(ctx, func(tx store.Tx) error {
			if err := tx.InsertDocument(ctx, &doc); err != nil {
				return err
			}
			if err := tx.PutAnalysis(ctx, doc.ID, a); err != nil {
				return err
			}
			return reconcile.LinkEntities(ctx, tx, doc, a)
		})
		if err != nil {
			fmt.Fprintf(env.Stderr, "parallax eval entities: %s: %v\n", d.Name, err)
			return ExitFailed
		}
		var spans []meantime.Span
		for _, m := range a.Mentions {
			spans = append(spans, meantime.Span{Start: m.Start, End: m.End})
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
	// The entities as linked once every document is in: a descriptor may
	// be resolved by a later document.
	for i, d := range docs {
		id := fmt.Sprintf("meantime%04d", i)
		links, err := st.EntityLinks(ctx, id)
		if err != nil {
			fmt.Fprintf(env.Stderr, "parallax eval entities: %v\n", err)
			return ExitFailed
		}
		a, err := st.Analysis(ctx, id)
		if err != nil {
			fmt.Fprintf(env.Stderr, "parallax eval entities: %v\n", err)
			return ExitFailed
		}
		corpus := map[int]string{}
		for _, l := range links {
			corpus[l.Local] = l.Entity
		}
		for _, m := range a.Mentions {
			e := corpus[m.Entity]
			if e == "" {
				e = export.LocalEntityID(id, m.Entity)
			}
			predicted[meantime.MentionKey{Doc: d.Name, Span: meantime.Span{Start: m.Start, End: m.End}}] = e
		}
	}
	elapsed := time.Since(start)
	gold := meantime.CrossDocClusters(docs)
	// Linking on its own: the mentions both the gold and the system have.
	goldShared, predShared := map[meantime.MentionKey]string{}, map[meantime.MentionKey]string{}
	for k, g := range gold {
		if p, ok := predicted[k]; ok {
			goldShared[k], predShared[k] = g, p
		}
	}

	w := env.Stdout
	mentions := 0
	for _, d := range docs {
		mentions += len(d.Mentions)
	}
	fmt.Fprintf(w, "MEANTIME: %d documents, %d gold entity mentions, analysed and linked in %s\n\n", len(docs), mentions, elapsed.Round(time.Millisecond))
	fmt.Fprintln(w, "Mention detection (all gold mentions: names, nominals, pronouns):")
	printPRF(w, "  exact", exact.PRF())
	printPRF(w, "  lenient (half overlap)", lenient.PRF())
	fmt.Fprintln(w, "Mention detection against the gold names only (NAM), recall is what counts:")
	printPRF(w, "  exact", exactNames.PRF())
	printPRF(w, "  lenient (half overlap)", lenientNames.PRF())
	fmt.Fprintln(w, "Entity clustering across documents, B3 (CoNLL-2012 scorer's convention):")
	printPRF(w, "  end to end", meantime.BCubed(gold, predicted))
	fmt.Fprintf(w, "  on the %d mentions found exactly (linking alone):\n", len(goldShared))
	printPRF(w, "  cross-document", meantime.BCubed(goldShared, predShared))
	return status
}

func printPRF(w io.Writer, label string, s meantime.PRF) {
	fmt.Fprintf(w, "%-26s precision %6.2f%%  recall %6.2f%%  F1 %6.2f\n", label, 100*s.Precision, 100*s.Recall, 100*s.F1)
}
