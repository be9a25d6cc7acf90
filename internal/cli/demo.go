package cli

import (
	"cmp"
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/parallax-news/parallax/internal/analyze"
	"github.com/parallax-news/parallax/internal/demo"
	"github.com/parallax-news/parallax/internal/export"
	"github.com/parallax-news/parallax/internal/ingest"
	"github.com/parallax-news/parallax/internal/news"
	"github.com/parallax-news/parallax/internal/pipeline"
	"github.com/parallax-news/parallax/internal/store"
)

func runDemo(ctx context.Context, env Env, args []string) int {
	fs, db := newFlags(env, "demo", "[--addr HOST:PORT]", "Ingest the bundled demo corpus (fictional articles written for Parallax) into a fresh store, print what it found, and serve it")
	addr := fs.String("addr", DefaultAddr, "listen on `HOST:PORT`")
	token := fs.String("token", "", "the `TOKEN` a request must carry to add articles (as for serve)")
	noServe := fs.Bool("no-serve", false, "print what was found and exit without serving")
	if code, stop := parseNone(env, fs, args); stop {
		return code
	}
	// A fresh store: a temporary file, unless --db names one to keep.
	where := *db
	if where == "" {
		dir, err := os.MkdirTemp("", "parallax-demo-")
		if err != nil {
			fmt.Fprintf(env.Stderr, "parallax demo: %v\n", err)
			return ExitFailed
		}
		defer os.RemoveAll(dir)
		where = filepath.Join(dir, "demo.db")
	}
	st, err := openStore(ctx, where)
	if err != nil {
		fmt.Fprintf(env.Stderr, "parallax demo: %v\n", err)
		return ExitFailed
	}
	defer st.Close()

	files, err := demo.Inputs()
	if err != nil {
		fmt.Fprintf(env.Stderr, "parallax demo: %v\n", err)
		return ExitFailed
	}
	inputs := make([]pipeline.Input, len(files))
	for i, f := range files {
		inputs[i] = pipeline.Input{Source: f.Path, Defaults: ingest.Defaults{Published: f.Published}}
	}
	an, err := newAnalyzer()
	if err != nil {
		fmt.Fprintf(env.Stderr, "parallax demo: %v\n", err)
		return ExitFailed
	}
	failed := 0
	in := pipeline.New(st, pipeline.Options{Analyzer: an, OnFailure: func(f pipeline.Failure) {
		failed++
		fmt.Fprintf(env.Stderr, "%s\n", oneLine(f.Error()))
	}})
	rd := ingest.NewReader(ingest.ReaderOptions{FS: demo.FS()})
	counts, err := in.Run(ctx, rd, inputs)
	if err != nil {
		fmt.Fprintf(env.Stderr, "parallax demo: %v\n", err)
		return ExitFailed
	}
	if err := printFindings(ctx, env, st, counts); err != nil {
		fmt.Fprintf(env.Stderr, "parallax demo: %v\n", err)
		return ExitFailed
	}
	if failed > 0 {
		return ExitFailed
	}
	if *noServe {
		return ExitOK
	}
	return serve(ctx, env, st, serveOptions{addr: *addr, token: *token, who: "parallax demo",
		analyzer: func() (*analyze.Analyzer, error) { return an, nil }})
}

// printFindings prints a short account of what the store holds.
func printFindings(ctx context.Context, env Env, st store.Store, c pipeline.Counts) error {
	stats, err := st.Stats(ctx)
	if err != nil {
		return err
	}
	docs, err := st.Documents(ctx, store.DocumentQuery{})
	if err != nil {
		return err
	}
	w := env.Stdout
	fmt.Fprintf(w, "Parallax demo: %d articles read, %d documents from %d outlets, %d near-duplicates.\n\n",
		c.Read, stats.Documents, stats.Sources, stats.Duplicates)
	slices.SortStableFunc(docs, func(a, b news.Document) int { return cmp.Compare(a.Published, b.Published) })
	byID := map[string]news.Document{}
	for _, d := range docs {
		byID[d.ID] = d
	}
	fmt.Fprintln(w, "Documents by publication date:")
	for _, d := range docs {
		pub := d.Published
		if len(pub) > 10 {
			pub = pub[:10]
		}
		fmt.Fprintf(w, "  %-10s  %-36s  %s\n", cmp.Or(pub, "undated"), cmp.Or(d.Source, "unknown outlet"), cmp.Or(d.Title, d.Origin))
	}
	var dups []string
	for _, d := range docs {
		if d.DuplicateOf != "" {
			o := byID[d.DuplicateOf]
			dups = append(dups, fmt.Sprintf("%s (%s) copies %s (%s)", d.Origin, d.Source, o.Origin, o.Source))
		}
	}
	if len(dups) > 0 {
		fmt.Fprintln(w, "\nNear-duplicates (syndicated or lightly edited copies):")
		for _, s := range dups {
			fmt.Fprintf(w, "  %s\n", s)
		}
	}
	people, err := st.Entities(ctx, store.EntityQuery{Type: news.TypePerson, Limit: 8})
	if err != nil {
		return err
	}
	if len(people) > 0 {
		fmt.Fprintln(w, "\nWho is who (the people named in most documents):")
		for _, p := range people {
			e := export.NewEntity(p)
			line := fmt.Sprintf("  %-28s %2d documents", e.Name, e.Documents)
			if len(e.Aliases) > 0 {
				line += "; also " + strings.Join(e.Aliases[:min(len(e.Aliases), 3)], ", ")
			}
			for i, r := range e.Roles {
				if i == 0 {
					line += "; "
				} else {
					line += ", "
				}
				line += r.Role
				if r.From != nil {
					line += " (" + *r.From + ")"
				}
			}
			fmt.Fprintln(w, line)
		}
	}
	if err := printEvents(ctx, w, st); err != nil {
		return err
	}
	fmt.Fprintln(w)
	return nil
}

// printEvents prints what happened, in date order, and the facts outlets
// disagree on.
func printEvents(ctx context.Context, w io.Writer, st store.Store) error {
	evs, err := export.Events(ctx, st)
	if err != nil || len(evs) == 0 {
		return err
	}
	day := func(e export.Event) string {
		switch {
		case e.Date.Value != nil:
			return *e.Date.Value
		case e.Date.Earliest != nil:
			return *e.Date.Earliest
		}
		return "undated"
	}
	slices.SortStableFunc(evs, func(a, b export.Event) int { return strings.Compare(day(a), day(b)) })
	fmt.Fprintln(w, "\nWhat happened (events, by date; reported by / recalled by so many documents):")
	for _, e := range evs {
		fmt.Fprintf(w, "  %-10s  %-10s  %s (%d / %d)\n", day(e), e.Type, e.Title, len(e.Documents), len(e.Mentions))
	}
	var lines []string
	for _, e := range evs {
		for _, c := range export.EventConflicts(e) {
			count := map[string]int{}
			var order []string
			for _, cl := range c.Claims {
				v := cl.Value
				if cl.From != "" && cl.From == cl.To {
					v = cl.From // the day, whatever part of it
				}
				if count[v] == 0 {
					order = append(order, v)
				}
				count[v]++
			}
			var sides []string
			for _, v := range order {
				sides = append(sides, fmt.Sprintf("%s (%d)", v, count[v]))
			}
			lines = append(lines, fmt.Sprintf("  the %s of %s: %s", c.Kind, e.Title, strings.Join(sides, " against ")))
		}
	}
	if len(lines) > 0 {
		fmt.Fprintln(w, "\nWhere outlets disagree (each value with the number of documents that give it):")
		for _, l := range lines {
			fmt.Fprintln(w, l)
		}
	}
	return nil
}
