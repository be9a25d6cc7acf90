package cli

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"

	"github.com/parallax-news/parallax/internal/analyze"
	"github.com/parallax-news/parallax/internal/events"
	"github.com/parallax-news/parallax/internal/ingest"
	"github.com/parallax-news/parallax/internal/pipeline"
	"github.com/parallax-news/parallax/internal/store"
	"github.com/parallax-news/parallax/internal/store/sqlite"
)

// linkThroughStore clusters documents as `parallax ingest` does: each is
// stored, analysed and linked into a fresh SQLite store one at a time, in
// order, and its cluster is the event its main report joined in the end
// (after any merging). It returns B³ against the documents' gold events.
func linkThroughStore(ctx context.Context, an *analyze.Analyzer, docs []clusterDoc) (p, r, f1 float64, err error) {
	dir, err := os.MkdirTemp("", "parallax-eval-")
	if err != nil {
		return 0, 0, 0, err
	}
	defer os.RemoveAll(dir)
	st, err := sqlite.Open(ctx, filepath.Join(dir, "eval.db"))
	if err != nil {
		return 0, 0, 0, err
	}
	defer st.Close()
	in := pipeline.New(st, pipeline.Options{Analyzer: an})
	ids := make([]string, len(docs))
	for i, d := range docs {
		a := ingest.Article{Origin: d.Name, Text: d.Text}
		if !d.Published.IsZero() {
			a.Published = d.Published.Format("2006-01-02")
		}
		stored, _, err := in.Add(ctx, []ingest.Article{a})
		var bad *pipeline.ArticleError
		switch {
		case errors.As(err, &bad):
			continue // no text: a cluster of its own
		case err != nil:
			return 0, 0, 0, fmt.Errorf("%s: %w", d.Name, err)
		}
		ids[i] = stored[0].ID
	}
	gold := make([]string, len(docs))
	found := make([]string, len(docs))
	for i, d := range docs {
		gold[i] = d.Gold
		found[i] = "alone:" + d.Name
		if ids[i] == "" {
			continue
		}
		reps, err := st.DocumentEvents(ctx, ids[i])
		if err != nil && !errors.Is(err, store.ErrNotFound) {
			return 0, 0, 0, err
		}
		for _, rep := range reps {
			if rep.Main {
				found[i] = rep.Event
				break
			}
		}
	}
	p, r, f1 = events.BCubed(gold, found)
	return p, r, f1, nil
}
