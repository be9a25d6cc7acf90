package export

import (
	"context"
	"fmt"
	"strconv"
	"strings"

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

// Role is a role an entity held, with the dates known: a title before a
// name ("Syrian President Bashar al-Assad") says its holder held it on the
// day the article was published; "former" or "late" says only that the
// holding ended by then. Evidence is where the article says so.
type Role struct {
	Role     string    `json:"role"`
	From     *string   `json:"from"`
	To       *string   `json:"to"`
	Evidence *Evidence `json:"evidence"`
}

// Evidence points at the characters of a document that support a finding.
type Evidence struct {
	Document string `json:"document"`
	Start    int    `json:"start"`
	End      int    `json:"end"`
}

// honorifics are titles that are no role: forms of address and religious
// or posthumous honorifics ("Mr.", "Ayatollah", "Martyr").
var honorifics = map[string]bool{
	"mr": true, "mrs": true, "ms": true, "miss": true, "sir": true, "dame": true, "dr": true,
	"ayatollah": true, "imam": true, "sheikh": true, "shaikh": true, "martyr": true, "seyyed": true,
	"seyed": true, "sayyid": true, "hojatoleslam": true, "his": true, "her": true, "excellency": true,
}

// roleOf returns the role a title names, and whether its holder had left it
// by the article's date ("former President" → "President", true). It
// returns "" for a title that names no role ("Mr.", "Ayatollah").
func roleOf(title string) (string, bool) {
	words := strings.Fields(title)
	ended := false
	for len(words) > 0 {
		w := strings.ToLower(strings.TrimSuffix(words[0], "."))
		switch {
		case w == "former" || w == "late" || w == "the" || w == "ex":
			ended = ended || w != "the"
		case honorifics[w]:
		default:
			goto end
		}
		words = words[1:]
	}
end:
	for len(words) > 0 && honorifics[strings.ToLower(strings.TrimSuffix(words[len(words)-1], "."))] {
		words = words[:len(words)-1]
	}
	return strings.Join(words, " "), ended
}

// addRole records that e held role per document d, once per role.
func addRole(e *Entity, d news.Document, title news.Span) {
	role, ended := roleOf(d.Text[title.Start:title.End])
	if role == "" {
		return
	}
	for _, r := range e.Roles {
		if strings.EqualFold(r.Role, role) {
			return
		}
	}
	r := Role{Role: role, Evidence: &Evidence{Document: d.ID, Start: title.Start, End: title.End}}
	if day := publishedDay(d.Published); day != "" {
		if ended {
			r.To = &day
		} else {
			from, to := day, day
			r.From, r.To = &from, &to
		}
	}
	e.Roles = append(e.Roles, r)
}

// publishedDay is the date part of a publication date ("2022-05-08" of
// "2022-05-08T10:00:00Z").
func publishedDay(p string) string {
	if len(p) > 10 {
		return p[:10]
	}
	return p
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
			name := text
			if m.Kind == news.KindDescriptor || m.Kind == news.KindPronoun {
				name = "" // named by its first name mention
			}
			entities = append(entities, Entity{
				ID:      EntityID(d.ID, m.Entity),
				Name:    name,
				Type:    news.EntityTypeName(m.Type),
				Aliases: []string{},
				Roles:   []Role{},
			})
		}
		e := &entities[i]
		switch {
		case m.Kind == news.KindDescriptor || m.Kind == news.KindPronoun:
			// "the president" and "he" point at the entity; they do not name it.
		case e.Name == "":
			e.Name = text
		case text == e.Name:
		case len(text) > len(e.Name): // the fullest form names it
			addAlias(e, e.Name)
			e.Name = text
		default:
			addAlias(e, text)
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
