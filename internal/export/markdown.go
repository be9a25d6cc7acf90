package export

import (
	"bufio"
	"cmp"
	"context"
	"fmt"
	"slices"
	"strings"

	"github.com/parallax-news/parallax/internal/news"
	"github.com/parallax-news/parallax/internal/store"
)

// writeMarkdown writes a readable report: what the store holds, coverage by
// outlet, the documents in date order, the names most often mentioned, and
// the near-duplicate groups. The report keeps summaries, not texts, so it
// stays small.
func writeMarkdown(ctx context.Context, st store.Store, w *bufio.Writer) error {
	type summary struct {
		id, title, source, published, origin, dup string
		seq                                       int64
	}
	var docs []summary
	bySource := map[string]int{}
	err := eachDocument(ctx, st, func(d news.Document) error {
		docs = append(docs, summary{d.ID, d.Title, d.Source, d.Published, d.Origin, d.DuplicateOf, d.Seq})
		bySource[d.Source]++
		return nil
	})
	if err != nil {
		return err
	}
	stats, err := st.Stats(ctx)
	if err != nil {
		return fmt.Errorf("count: %w", err)
	}
	fmt.Fprintf(w, "# Parallax report\n\n%d documents from %d outlets; %d are near-duplicates of another.\n\n",
		stats.Documents, stats.Sources, stats.Duplicates)

	w.WriteString("## Coverage by outlet\n\n| outlet | documents |\n| --- | ---: |\n")
	sources := make([]string, 0, len(bySource))
	for s := range bySource {
		sources = append(sources, s)
	}
	slices.SortFunc(sources, func(a, b string) int {
		return cmp.Or(cmp.Compare(bySource[b], bySource[a]), cmp.Compare(a, b))
	})
	for _, s := range sources {
		fmt.Fprintf(w, "| %s | %d |\n", cell(orDash(s)), bySource[s])
	}

	names := map[string]string{}
	for _, d := range docs {
		names[d.id] = label(d.title, d.source)
		if d.source != "" {
			names[d.id] = d.source
		}
	}
	if err := writeEvents(ctx, st, w, names); err != nil {
		return err
	}

	w.WriteString("\n## Documents by date\n\n| published | outlet | title | id |\n| --- | --- | --- | --- |\n")
	sorted := slices.Clone(docs)
	slices.SortStableFunc(sorted, func(a, b summary) int {
		// Undated documents last.
		return cmp.Or(cmp.Compare(undated(a.published), undated(b.published)), cmp.Compare(a.published, b.published))
	})
	for _, d := range sorted {
		title := d.title
		if title == "" {
			title = d.origin
		}
		fmt.Fprintf(w, "| %s | %s | %s | `%s` |\n", cell(orDash(d.published)), cell(orDash(d.source)), cell(title), d.id)
	}

	top, err := st.Entities(ctx, store.EntityQuery{Limit: 30})
	if err != nil {
		return fmt.Errorf("read entities: %w", err)
	}
	if len(top) > 0 {
		w.WriteString("\n## Who and what is named most\n\n| name | type | also called | roles | documents | id |\n| --- | --- | --- | --- | ---: | --- |\n")
		for _, e := range top {
			x := NewEntity(e)
			var roles []string
			for _, r := range x.Roles {
				roles = append(roles, r.Role)
			}
			fmt.Fprintf(w, "| %s | %s | %s | %s | %d | `%s` |\n", cell(x.Name), x.Type,
				cell(strings.Join(x.Aliases[:min(len(x.Aliases), 5)], ", ")), cell(strings.Join(roles, ", ")), x.Documents, x.ID)
		}
	}

	if err := writeStatements(ctx, st, w); err != nil {
		return err
	}

	groups := map[string][]summary{}
	for _, d := range docs {
		if d.dup != "" {
			groups[d.dup] = append(groups[d.dup], d)
		}
	}
	if len(groups) > 0 {
		w.WriteString("\n## Near-duplicates\n\n")
		byID := map[string]summary{}
		for _, d := range docs {
			byID[d.id] = d
		}
		roots := make([]string, 0, len(groups))
		for r := range groups {
			roots = append(roots, r)
		}
		slices.SortFunc(roots, func(a, b string) int { return cmp.Compare(byID[a].seq, byID[b].seq) })
		for _, r := range roots {
			fmt.Fprintf(w, "- %s (`%s`), copied by:\n", cell(label(byID[r].title, byID[r].source)), r)
			for _, d := range groups[r] {
				fmt.Fprintf(w, "  - %s (`%s`)\n", cell(label(d.title, d.source)), d.id)
			}
		}
	}
	return nil
}

// maxTimeline is how many events the report lists one by one; past it,
// only those that several documents report.
const maxTimeline = 200

// writeEvents writes the timeline of events, and the facts of an event
// on which outlets disagree, each side with its words. outlet names a
// document by its outlet.
func writeEvents(ctx context.Context, st store.Store, w *bufio.Writer, outlet map[string]string) error {
	var evs []Event
	if err := eachEvent(ctx, st, func(e Event) error {
		evs = append(evs, e)
		return nil
	}); err != nil {
		return err
	}
	if len(evs) == 0 {
		return nil
	}
	if len(evs) > maxTimeline {
		evs = slices.DeleteFunc(evs, func(e Event) bool { return len(e.Documents) < 2 })
	}
	when := func(e Event) string {
		if e.Date.Value != nil {
			return *e.Date.Value
		}
		if e.Date.Earliest != nil {
			return *e.Date.Earliest
		}
		return ""
	}
	slices.SortStableFunc(evs, func(a, b Event) int {
		return cmp.Or(cmp.Compare(undated(when(a)), undated(when(b))), cmp.Compare(when(a), when(b)))
	})
	names := func(ids []string) string {
		var l []string
		for _, id := range ids {
			if n := outlet[id]; n != "" && !slices.Contains(l, n) {
				l = append(l, n)
			}
		}
		return strings.Join(l, ", ")
	}
	w.WriteString("\n## Timeline of events\n\n| when | what | type | reported by | recalled by | dates | id |\n| --- | --- | --- | --- | --- | --- | --- |\n")
	for _, e := range evs {
		date := orDash(when(e))
		if e.Date.Value == nil && e.Date.Earliest != nil && e.Date.Latest != nil && *e.Date.Earliest != *e.Date.Latest {
			date = *e.Date.Earliest + " – " + *e.Date.Latest
		}
		agree := "–"
		if e.Agreed != nil {
			agree = "agree"
			if !*e.Agreed {
				agree = "**disagree**"
			}
		}
		fmt.Fprintf(w, "| %s | %s | %s | %s | %s | %s | `%s` |\n", cell(date), cell(e.Title), e.Type,
			cell(orDash(names(e.Documents))), cell(orDash(names(e.Mentions))), agree, e.ID)
	}
	first := true
	for _, e := range evs {
		for _, c := range EventConflicts(e) {
			if first {
				w.WriteString("\n## Where outlets disagree\n")
				first = false
			}
			fmt.Fprintf(w, "\n### The %s of %s (`%s`)\n\n", c.Kind, cell(e.Title), e.ID)
			for _, cl := range c.Claims {
				d, err := st.Document(ctx, cl.Document)
				if err != nil {
					return fmt.Errorf("read %s: %w", cl.Document, err)
				}
				how := "recalls it"
				if cl.Main {
					how = "reports it"
				}
				fmt.Fprintf(w, "- **%s** — %s (`%s`, %s): %s\n", cl.Value, cell(orDash(outlet[cl.Document])), cl.Document, how, cell(sentenceAround(d.Text, cl.Start, cl.End)))
			}
		}
	}
	return nil
}

// sentenceAround returns the sentence-like stretch of text around
// [start, end): from the last sentence end before to the next after.
func sentenceAround(text string, start, end int) string {
	if start < 0 || end > len(text) || start >= end {
		return ""
	}
	a := strings.LastIndexAny(text[:start], ".!?\n") + 1
	b := strings.IndexAny(text[end:], ".!?\n")
	if b < 0 {
		b = len(text)
	} else {
		b += end + 1
	}
	return strings.TrimSpace(text[a:b])
}

func undated(published string) int {
	if published == "" {
		return 1
	}
	return 0
}

func label(title, source string) string {
	if source == "" {
		return title
	}
	return title + " — " + source
}

func orDash(s string) string {
	if s == "" {
		return "—"
	}
	return s
}

// cell escapes article-supplied text for a Markdown table cell: no raw
// HTML, no table breaks, no links or emphasis smuggled in.
var cellReplacer = strings.NewReplacer(
	"&", "&amp;", "<", "&lt;", ">", "&gt;", "|", "\\|", "\n", " ",
	"[", "\\[", "]", "\\]", "*", "\\*", "_", "\\_", "`", "\\`", "#", "\\#",
)

func cell(s string) string { return cellReplacer.Replace(s) }

// mdStatements is how many statements the report shows.
const mdStatements = 20

// writeStatements writes the statements most outlets carry, each outlet's
// wording under the speaker's name.
func writeStatements(ctx context.Context, st store.Store, w *bufio.Writer) error {
	ss, err := st.Statements(ctx, store.StatementQuery{Limit: mdStatements})
	if err != nil {
		return fmt.Errorf("read statements: %w", err)
	}
	header := false
	for _, s := range ss {
		if len(s.Renderings) < 2 {
			continue // the most quoted come first: the rest are single
		}
		if !header {
			w.WriteString("\n## Statements carried by several documents\n")
			header = true
		}
		speaker := "unknown speaker"
		if s.Speaker != "" {
			if e, err := st.Entity(ctx, s.Speaker); err == nil {
				speaker = e.Name
			}
		}
		fmt.Fprintf(w, "\n### %s, %s (`%s`)\n\n", cell(speaker), orDash(news.Day(s.Published)), s.ID)
		for _, r := range s.Renderings {
			text := r.Text
			if len(text) > 400 {
				text = text[:strings.LastIndex(text[:400], " ")+1] + "…"
			}
			fmt.Fprintf(w, "- %s, %s (%s): %s\n", cell(orDash(r.Source)), orDash(news.Day(r.Published)), r.Kind, cell(text))
		}
	}
	return nil
}
