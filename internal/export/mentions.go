package export

import (
	"context"
	"fmt"
	"strconv"
	"strings"

	"github.com/parallax-news/parallax/internal/names"
	"github.com/parallax-news/parallax/internal/news"
	"github.com/parallax-news/parallax/internal/store"
)

// Entity is an entity as exported: the contract's fields, then how many
// documents and mentions name it and its names with their counts.
type Entity struct {
	ID        string            `json:"id"`
	Name      string            `json:"name"`
	Type      string            `json:"type"` // person, organization, location or other
	Aliases   []string          `json:"aliases"`
	Roles     []Role            `json:"roles"`
	Documents int               `json:"documents"`
	Mentions  int               `json:"mentions"`
	Names     []store.NameCount `json:"names"` // every name it is given, most used first
}

// Role is a role an entity held, with the dates the articles give: From
// and To are the first and last publication dates of the articles that
// give the role while it was held ("Syrian President Bashar al-Assad");
// when the articles only say the holding had ended ("former President"),
// To is the first of them. Evidence is the earliest article's title.
type Role struct {
	Role      string    `json:"role"`
	From      *string   `json:"from"`
	To        *string   `json:"to"`
	Documents int       `json:"documents"`
	Evidence  *Evidence `json:"evidence"`
}

// Evidence points at the characters of a document that support a finding.
type Evidence struct {
	Document string `json:"document"`
	Start    int    `json:"start"`
	End      int    `json:"end"`
}

// NewEntity converts a stored corpus-wide entity to its exported form.
func NewEntity(e store.EntityInfo) Entity {
	out := Entity{
		ID: e.ID, Name: e.Name, Type: news.EntityTypeName(e.Type),
		Aliases: []string{}, Roles: []Role{},
		Documents: e.Documents, Mentions: e.Mentions, Names: nonNilSlice(e.Aliases),
	}
	for _, a := range e.Aliases {
		if a.Name != e.Name {
			out.Aliases = append(out.Aliases, a.Name)
		}
	}
	for _, r := range e.Roles {
		role := Role{Role: r.Role, From: null(r.From), To: null(r.To), Documents: r.Documents,
			Evidence: &Evidence{Document: r.Evidence, Start: r.Start, End: r.End}}
		if r.To == "" {
			role.To = null(r.EndedBy)
		}
		out.Roles = append(out.Roles, role)
	}
	return out
}

// Mention is a mention as exported: the contract's fields, then the
// mention's type and text, and the title before it, if any.
type Mention struct {
	Document string  `json:"document"`
	Start    int     `json:"start"`
	End      int     `json:"end"`
	Entity   string  `json:"entity"`
	Type     string  `json:"type"`
	Kind     string  `json:"kind"` // name, descriptor ("the Syrian president") or pronoun ("he")
	Text     string  `json:"text"`
	Title    *string `json:"title"`
}

// DocumentEntities returns the entities and mentions of one analysed
// document as the document gives them: its names and roles for each
// entity, with the corpus-wide ids of links (the document's entity links,
// see store.Store.EntityLinks). An entity without a corpus-wide id (a
// descriptor nobody is known to fit, or a document not linked yet) gets an
// id of the document's own (see LocalEntityID), named by its first
// mention.
func DocumentEntities(d news.Document, a news.Analysis, links []store.EntityLink) ([]Entity, []Mention) {
	corpusID := make(map[int]string, len(links))
	for _, l := range links {
		corpusID[l.Local] = l.Entity
	}
	var entities []Entity
	index := map[int]int{} // entity number -> position in entities
	mentions := make([]Mention, 0, len(a.Mentions))
	for _, m := range a.Mentions {
		text := d.Text[m.Start:m.End]
		i, ok := index[m.Entity]
		if !ok {
			i = len(entities)
			index[m.Entity] = i
			id := corpusID[m.Entity]
			if id == "" {
				id = LocalEntityID(d.ID, m.Entity)
			}
			entities = append(entities, Entity{
				ID:      id,
				Type:    news.EntityTypeName(m.Type),
				Aliases: []string{},
				Roles:   []Role{},
				Names:   []store.NameCount{},
			})
		}
		e := &entities[i]
		e.Mentions++
		switch {
		case m.Kind == news.KindPronoun:
		case m.Kind == news.KindDescriptor:
			if e.Name == "" && len(e.Names) == 0 {
				e.Name = text // until a name comes
			}
		default:
			addName(e, text)
		}
		if m.Type == news.TypePerson && m.Title.End > m.Title.Start {
			addRole(e, d, m.Title)
		}
		kind := m.Kind
		if kind == "" {
			kind = news.KindName
		}
		mentions = append(mentions, Mention{
			Document: d.ID, Start: m.Start, End: m.End, Entity: e.ID,
			Type: m.Type, Kind: kind, Text: text, Title: spanText(d.Text, m.Title),
		})
	}
	for i := range entities {
		e := &entities[i]
		e.Documents = 1
		for _, n := range e.Names {
			if n.Name != e.Name {
				e.Aliases = append(e.Aliases, n.Name)
			}
		}
	}
	return entities, mentions
}

// addName counts a name of e; the fullest names it.
func addName(e *Entity, name string) {
	if len(e.Names) == 0 || len(name) > len(e.Name) {
		e.Name = name
	}
	for i := range e.Names {
		if e.Names[i].Name == name {
			e.Names[i].Count++
			return
		}
	}
	e.Names = append(e.Names, store.NameCount{Name: name, Count: 1})
}

// addRole records that e held the role of title per document d, once per
// role.
func addRole(e *Entity, d news.Document, title news.Span) {
	role, ended := names.Role(d.Text[title.Start:title.End])
	if role == "" {
		return
	}
	for _, r := range e.Roles {
		if strings.EqualFold(r.Role, role) {
			return
		}
	}
	r := Role{Role: role, Documents: 1, Evidence: &Evidence{Document: d.ID, Start: title.Start, End: title.End}}
	if day := news.Day(d.Published); day != "" {
		if ended {
			r.To = &day
		} else {
			from, to := day, day
			r.From, r.To = &from, &to
		}
	}
	e.Roles = append(e.Roles, r)
}

func spanText(text string, s news.Span) *string {
	if s.End <= s.Start {
		return nil
	}
	t := text[s.Start:s.End]
	return &t
}

// LocalEntityID is the id of entity number n of document doc, for an
// entity that has no corpus-wide id.
func LocalEntityID(doc string, n int) string {
	return doc + "-e" + strconv.Itoa(n)
}

// eachAnalysed calls fn for every stored document with its analysis (a
// zero one when it has none) and its entity links, in ingest order.
func eachAnalysed(ctx context.Context, st store.Store, fn func(news.Document, news.Analysis, []store.EntityLink) error) error {
	return eachDocument(ctx, st, func(d news.Document) error {
		a, err := st.Analysis(ctx, d.ID)
		if err != nil {
			return fmt.Errorf("read analysis of %s: %w", d.ID, err)
		}
		links, err := st.EntityLinks(ctx, d.ID)
		if err != nil {
			return err
		}
		return fn(d, a, links)
	})
}

// eachStatement calls fn for every statement, in id order, reading the
// store a page at a time.
func eachStatement(ctx context.Context, st store.Store, fn func(store.StatementInfo) error) error {
	return eachPage(ctx, "S0", func(after string) ([]store.StatementInfo, error) {
		return st.Statements(ctx, store.StatementQuery{AfterID: after, Limit: pageSize})
	}, func(s store.StatementInfo) string { return s.ID }, fn)
}

// eachEntity calls fn for every corpus-wide entity that documents name, in
// id order, reading the store a page at a time.
func eachEntity(ctx context.Context, st store.Store, fn func(store.EntityInfo) error) error {
	return eachPage(ctx, "E0", func(after string) ([]store.EntityInfo, error) {
		return st.Entities(ctx, store.EntityQuery{AfterID: after, Limit: pageSize})
	}, func(e store.EntityInfo) string { return e.ID }, fn)
}

// eachPage calls fn for every item that page returns, reading pages of
// pageSize after the id of the last item of the one before, from first.
func eachPage[T any](ctx context.Context, first string, page func(after string) ([]T, error), id func(T) string, fn func(T) error) error {
	after := first
	for {
		if err := ctx.Err(); err != nil {
			return err
		}
		items, err := page(after)
		if err != nil {
			return fmt.Errorf("read the store: %w", err)
		}
		for _, it := range items {
			if err := fn(it); err != nil {
				return err
			}
		}
		if len(items) < pageSize {
			return nil
		}
		after = id(items[len(items)-1])
	}
}
