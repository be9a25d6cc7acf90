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

// writeEvents writes the stories: each story's timeline of events (when,
// what, which outlets report it and which recall it, whether their dates
// agree), the coverage of each event several outlets report (which of
// the statements made there each carried), and the facts outlets
// disagree on, each side with its words. outlet names a document by its
// outlet.
func writeEvents(ctx context.Context, st store.Store, w *bufio.Writer, outlet map[string]string) error {
	evs, stories, err := eventsWithStories(ctx, st)
	if err != nil || len(evs) == 0 {
		return err
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
	var order []string
	byStory := map[string][]Event{}
	for _, e := range evs {
		sid := stories[e.ID]
		if _, ok := byStory[sid]; !ok {
			order = append(order, sid)
		}
		byStory[sid] = append(byStory[sid], e)
	}
	names := func(ids []string) string {
		var l []string
		for _, id := range ids {
			if n := outlet[id]; n != "" && !slices.Contains(l, n) {
				l = append(l, n)
			}
		}
		return strings.Join(l, ", ")
	}
	carried, err := statementsByDocument(ctx, st)
	if err != nil {
		return err
	}
	dateOf := func(e Event) string {
		date := orDash(when(e))
		if e.Date.Value == nil && e.Date.Earliest != nil && e.Date.Latest != nil && *e.Date.Earliest != *e.Date.Latest {
			date = *e.Date.Earliest + " – " + *e.Date.Latest
		}
		return date
	}
	w.WriteString("\n## Timeline\n\n| when | precision | what | type | documents | story | id |\n| --- | --- | --- | --- | ---: | --- | --- |\n")
	for _, e := range evs {
		fmt.Fprintf(w, "| %s | %s | %s | %s | %d | `%s` | `%s` |\n", cell(dateOf(e)), Precision(e), cell(e.Title), e.Type, len(e.Documents), stories[e.ID], e.ID)
	}
	if err := writeEntityTimelines(ctx, st, w, evs, dateOf); err != nil {
		return err
	}
	w.WriteString("\n## Stories and their timelines\n")
	for _, sid := range order {
		story := byStory[sid]
		lead := story[0]
		for _, e := range story {
			if len(e.Documents) > len(lead.Documents) {
				lead = e
			}
		}
		fmt.Fprintf(w, "\n### %s (`%s`)\n\n| when | what | type | reported by | recalled by | dates | id |\n| --- | --- | --- | --- | --- | --- | --- |\n", cell(lead.Title), sid)
		for _, e := range story {
			date := dateOf(e)
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
		for _, e := range story {
			writeFacts(w, e)
			writeCoverage(w, e, carried, outlet, entityNames(ctx, st, e))
		}
		for _, e := range story {
			if err := writeConflicts(ctx, st, w, e, outlet); err != nil {
				return err
			}
		}
	}
	return nil
}

// Precision tells how precisely an event is dated: "day", "month",
// "year", "between" two dates, or "–" when it is not.
func Precision(e Event) string {
	if e.Date.Value != nil {
		switch len(*e.Date.Value) {
		case 4:
			return "year"
		case 7:
			return "month"
		}
		return "day"
	}
	if e.Date.Earliest != nil && e.Date.Latest != nil {
		if *e.Date.Earliest == *e.Date.Latest {
			return "day"
		}
		return "between"
	}
	return "–"
}

// maxEntityTimelines is how many people and organizations get a
// timeline of their own in the report: those in most events.
const maxEntityTimelines = 10

// writeEntityTimelines writes, for the entities that take part in most
// events (at least two), their events in order.
func writeEntityTimelines(ctx context.Context, st store.Store, w *bufio.Writer, evs []Event, dateOf func(Event) string) error {
	byEntity := map[string][]Event{}
	for _, e := range evs {
		for _, p := range e.Participants {
			byEntity[p] = append(byEntity[p], e)
		}
	}
	var ids []string
	for id, l := range byEntity {
		if len(l) >= 2 {
			ids = append(ids, id)
		}
	}
	if len(ids) == 0 {
		return nil
	}
	slices.SortFunc(ids, func(a, b string) int {
		return cmp.Or(cmp.Compare(len(byEntity[b]), len(byEntity[a])), cmp.Compare(a, b))
	})
	ids = ids[:min(len(ids), maxEntityTimelines)]
	w.WriteString("\n## Timelines of who took part\n")
	for _, id := range ids {
		name := id
		if e, err := st.Entity(ctx, id); err == nil {
			name = e.Name
		}
		fmt.Fprintf(w, "\n**%s** (`%s`):\n\n", cell(name), id)
		for _, e := range byEntity[id] {
			fmt.Fprintf(w, "- %s — %s (`%s`)\n", cell(dateOf(e)), cell(e.Title), e.ID)
		}
	}
	return nil
}

// writeFacts writes the countable facts documents give event e, and how
// many documents agree on each value: "second visit: 3 documents".
func writeFacts(w *bufio.Writer, e Event) {
	if len(e.Facts) == 0 {
		return
	}
	type value struct {
		kind string
		n    int
	}
	docs := map[value]map[string]bool{}
	var order []value
	for _, f := range e.Facts {
		v := value{f.Kind, f.Value}
		if docs[v] == nil {
			docs[v] = map[string]bool{}
			order = append(order, v)
		}
		docs[v][f.Document] = true
	}
	var parts []string
	for _, v := range order {
		parts = append(parts, fmt.Sprintf("%s %d (%d document%s)", v.kind, v.n, len(docs[v]), plural(len(docs[v]))))
	}
	fmt.Fprintf(w, "\n**Facts given for %s** (`%s`): %s.\n", cell(e.Title), e.ID, strings.Join(parts, "; "))
}

// plural is "s" unless n is 1.
func plural(n int) string {
	if n == 1 {
		return ""
	}
	return "s"
}

// entityNames returns the names of the entities event e's reports name
// as taking part; an entity the store cannot read keeps its id.
func entityNames(ctx context.Context, st store.Store, e Event) map[string]string {
	out := map[string]string{}
	for _, c := range e.Coverage {
		for _, p := range c.Participants {
			if _, ok := out[p]; ok {
				continue
			}
			out[p] = p
			if info, err := st.Entity(ctx, p); err == nil {
				out[p] = info.Name
			}
		}
	}
	return out
}

// carriedStatement is a statement as one document renders it.
type carriedStatement struct {
	id, speaker, words string
}

// statementsByDocument returns the statements each document renders.
func statementsByDocument(ctx context.Context, st store.Store) (map[string][]carriedStatement, error) {
	out := map[string][]carriedStatement{}
	err := eachStatement(ctx, st, func(s store.StatementInfo) error {
		if len(s.Renderings) == 0 {
			return nil
		}
		first := s.Renderings[0]
		words := strings.Fields(first.Text)
		text := strings.Join(words[:min(len(words), 14)], " ")
		if len(words) > 14 {
			text += " …"
		}
		c := carriedStatement{id: s.ID, speaker: first.Speaker, words: text}
		for _, r := range s.Renderings {
			if !slices.ContainsFunc(out[r.Document], func(x carriedStatement) bool { return x.id == s.ID }) {
				out[r.Document] = append(out[r.Document], c)
			}
		}
		return nil
	})
	return out, err
}

// writeCoverage writes, for an event several documents report, which of
// the statements they render each document carries.
func writeCoverage(w *bufio.Writer, e Event, carried map[string][]carriedStatement, outlet, names map[string]string) {
	if len(e.Documents) < 2 {
		return
	}
	var stmts []carriedStatement
	for _, d := range e.Documents {
		for _, c := range carried[d] {
			if !slices.ContainsFunc(stmts, func(x carriedStatement) bool { return x.id == c.id }) {
				stmts = append(stmts, c)
			}
		}
	}
	// The facts each gives: the date, and the countable facts.
	type fact struct{ label string }
	var facts []fact
	gives := map[fact]map[string]bool{}
	add := func(label, doc string) {
		f := fact{label}
		if gives[f] == nil {
			gives[f] = map[string]bool{}
			facts = append(facts, f)
		}
		gives[f][doc] = true
	}
	for _, c := range e.Claims {
		if slices.Contains(e.Documents, c.Document) {
			v := c.Value
			if c.From == c.To && c.From != "" {
				v = c.From // the day, whatever part of it
			}
			add("date: "+v, c.Document)
		}
	}
	for _, f := range e.Facts {
		if slices.Contains(e.Documents, f.Document) {
			add(fmt.Sprintf("%s: %d", f.Kind, f.Value), f.Document)
		}
	}
	for _, c := range e.Coverage {
		for _, p := range c.Participants {
			add("took part: "+names[p], c.Document)
		}
	}
	if len(stmts) == 0 && len(facts) == 0 {
		return
	}
	// Statements carried by most documents first.
	count := func(c carriedStatement) int {
		n := 0
		for _, d := range e.Documents {
			if slices.ContainsFunc(carried[d], func(x carriedStatement) bool { return x.id == c.id }) {
				n++
			}
		}
		return n
	}
	slices.SortStableFunc(stmts, func(a, b carriedStatement) int { return count(b) - count(a) })
	fmt.Fprintf(w, "\n**Coverage of %s** (`%s`): which facts and statements each document carries.\n\n| fact or statement |", cell(e.Title), e.ID)
	for _, d := range e.Documents {
		fmt.Fprintf(w, " %s (`%s`) |", cell(orDash(outlet[d])), d)
	}
	w.WriteString("\n| --- |" + strings.Repeat(" :---: |", len(e.Documents)) + "\n")
	for _, f := range facts {
		fmt.Fprintf(w, "| %s |", cell(f.label))
		for _, d := range e.Documents {
			mark := "—"
			if gives[f][d] {
				mark = "✓"
			}
			fmt.Fprintf(w, " %s |", mark)
		}
		w.WriteString("\n")
	}
	for _, c := range stmts {
		fmt.Fprintf(w, "| %s: “%s” (`%s`) |", cell(orDash(c.speaker)), cell(c.words), c.id)
		for _, d := range e.Documents {
			mark := "—"
			if slices.ContainsFunc(carried[d], func(x carriedStatement) bool { return x.id == c.id }) {
				mark = "✓"
			}
			fmt.Fprintf(w, " %s |", mark)
		}
		w.WriteString("\n")
	}
}

// writeConflicts writes the facts of event e its documents disagree on,
// each claim with the sentence that makes it.
func writeConflicts(ctx context.Context, st store.Store, w *bufio.Writer, e Event, outlet map[string]string) error {
	for _, c := range EventConflicts(e) {
		fmt.Fprintf(w, "\n**Where outlets disagree: the %s of %s** (`%s`)\n\n", c.Kind, cell(e.Title), e.ID)
		for _, cl := range c.Claims {
			d, err := st.Document(ctx, cl.Document)
			if err != nil {
				return fmt.Errorf("read %s: %w", cl.Document, err)
			}
			how := "recalls it"
			if cl.Main {
				how = "reports it"
			}
			fmt.Fprintf(w, "- **%s** — %s (`%s`, %s): %s\n", cl.Value, cell(orDash(outlet[cl.Document])), cl.Document, how, cell(SentenceAround(d.Text, cl.Start, cl.End)))
		}
	}
	return nil
}

// SentenceAround returns the sentence-like stretch of text around
// [start, end): from the last sentence end before to the next after.
func SentenceAround(text string, start, end int) string {
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
