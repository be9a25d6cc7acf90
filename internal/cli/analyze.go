package cli

import (
	"context"
	"fmt"
	"time"

	"github.com/parallax-news/parallax/internal/analyze"
	"github.com/parallax-news/parallax/internal/ner"
	"github.com/parallax-news/parallax/internal/reconcile"
	"github.com/parallax-news/parallax/internal/store"
)

// newAnalyzer builds the analyzer with the embedded models.
func newAnalyzer() (*analyze.Analyzer, error) {
	model, err := ner.Default()
	if err != nil {
		return nil, fmt.Errorf("load the named-entity model: %w", err)
	}
	return analyze.New(model), nil
}

func runAnalyze(ctx context.Context, env Env, args []string) int {
	fs, db := newFlags(env, "analyze", "[--db DSN]", "Analyse the stored documents that have no analysis or one made by an older version (after ingest --no-analyze, or an upgrade)")
	if code, stop := parseNone(env, fs, args); stop {
		return code
	}
	an, err := newAnalyzer()
	if err != nil {
		fmt.Fprintf(env.Stderr, "parallax analyze: %v\n", err)
		return ExitFailed
	}
	st, err := openStore(ctx, dsn(env, *db))
	if err != nil {
		fmt.Fprintf(env.Stderr, "parallax analyze: %v\n", err)
		return ExitFailed
	}
	defer st.Close()
	start := time.Now()
	n, err := analyzeStored(ctx, st, an)
	fmt.Fprintf(env.Stderr, "analysed %d documents in %s\n", n, time.Since(start).Round(time.Millisecond))
	if err != nil {
		fmt.Fprintf(env.Stderr, "parallax analyze: %v\n", err)
		if ctx.Err() != nil {
			return ExitInterrupted
		}
		return ExitFailed
	}
	return ExitOK
}

// analyzeStored analyses, a batch at a time, every stored document whose
// analysis is missing or outdated, and returns how many it did.
func analyzeStored(ctx context.Context, st store.Store, an *analyze.Analyzer) (int, error) {
	const batch = 256
	done := 0
	var after int64
	terms := reconcile.NewEventTerms()
	for {
		if err := ctx.Err(); err != nil {
			return done, err
		}
		docs, err := st.Unanalyzed(ctx, analyze.Version, after, batch)
		if err != nil || len(docs) == 0 {
			return done, err
		}
		err = st.Update(ctx, func(tx store.Tx) error {
			for _, d := range docs {
				// The event it reported loses what the old analysis
				// gave it before the new one is linked.
				old, err := tx.Analysis(ctx, d.ID)
				if err != nil {
					return err
				}
				if err := reconcile.UnlinkEvents(ctx, tx, d, old, terms); err != nil {
					return err
				}
				a := an.Analyze(d.Text)
				if err := tx.PutAnalysis(ctx, d.ID, a); err != nil {
					return err
				}
				if err := reconcile.LinkEntities(ctx, tx, d, a); err != nil {
					return err
				}
				if err := reconcile.LinkEvents(ctx, tx, d, a, terms); err != nil {
					return err
				}
			}
			return nil
		})
		if err != nil {
			return done, err
		}
		done += len(docs)
		after = docs[len(docs)-1].Seq
	}
}
