package export

import (
	"context"
	"fmt"
	"strconv"

	"github.com/parallax-news/parallax/internal/news"
	"github.com/parallax-news/parallax/internal/store"
)

// Entity is an entity as exported. Until entities are linked across
// documents, each document's names are entities of their own, with ids
// made from the document's id.
type Entity struct {
	ID      string   `json:"id"`
	Name    string   `json:"name"`
	Type    string   `json:"type"` // person, organization, location or other
	Aliases []string `json:"aliases"`
	Roles   []Role   `json:"roles"`
}

// Role is a role an entity held, with the dates known.
type Role struct {
	Role string  `json:"role"`
	From *string `json:"from"`
	To   *string `json:"to"`
}

// Mention is a mention as exported: the contract's fields, then the
// mention's type and text, and the title before it, if any.
type Mention struct {
	Document string  `json:"document"`
	Start    int     `json:"start"`
	End      int     `json:"end"`
	Entity   string  `json:"entity"`
	Type     string  `json:"type"`
	Text     string  `json:"text"`
	Title    *string `json:"title"`
}

// DocumentEntities returns the entities and mentions of one analysed
// document.
func DocumentEntities(d news.Document, a news.Analysis) ([]Entity, []Mention) {
	var entities []Entity
	index := map[int]int{} // entity number -> position in entities
	mentions := make([]Mention, 0, len(a.Mentions))
	for _, m := range a.Mentions {
		text := d.Text[m.Start:m.End]
		i, ok := index[m.Entity]
		if !ok {
			i = len(entities)
			index[m.Entity] = i
			entities = append(entities, Entity{
				ID:      EntityID(d.ID, m.Entity),
				Name:    text,
				Type:    news.EntityTypeName(m.Type),
				Aliases: []string{},
				Roles:   []Role{},
			})
		}
		e := &entities[i]
		switch {
		case text == e.Name:
		case len(text) > len(e.Name): // the fullest form names it
			addAlias(e, e.Name)
			e.Name = text
		default:
			addAlias(e, text)
		}
		mentions = append(mentions, Mention{
			Document: d.ID, Start: m.Start, End: m.End, Entity: e.ID,
			Type: m.Type, Text: text, Title: spanText(d.Text, m.Title),
		})
	}
	return entities, mentions
}

func addAlias(e *Entity, alias string) {
	for _, a := range e.Aliases {
		if a == alias {
			return
		}
	}
	e.Aliases = append(e.Aliases, alias)
}

func spanText(text string, s news.Span) *string {
	if s.End <= s.Start {
		return nil
	}
	t := text[s.Start:s.End]
	return &t
}

// EntityID is the id of entity number n of document doc.
func EntityID(doc string, n int) string {
	return doc + "-e" + strconv.Itoa(n)
}

// eachAnalysed calls fn for every stored document with its analysis (a
// zero one when it has none), in ingest order.
func eachAnalysed(ctx context.Context, st store.Store, fn func(news.Document, news.Analysis) error) error {
	return eachDocument(ctx, st, func(d news.Document) error {
		a, err := st.Analysis(ctx, d.ID)
		if err != nil {
			return fmt.Errorf("read analysis of %s: %w", d.ID, err)
		}
		return fn(d, a)
	})
}
