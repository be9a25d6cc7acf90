package reconcile

import (
	"cmp"
	"context"
	"fmt"
	"maps"
	"slices"
	"strings"
	"time"

	"github.com/parallax-news/parallax/internal/names"
	"github.com/parallax-news/parallax/internal/news"
	"github.com/parallax-news/parallax/internal/store"
)

// BlockingKeys returns the keys under which an entity with these names is
// found when a new document names it: its type group (see group) with
// each name's last word (a person's surname, an organization's head), with
// the first word of each patronymic name ("Mohammed bin Zayed") and of
// each organization's name ("Northrop" of "Northrop Grumman"), and with
// each multi-word name's acronym. Two names that ChooseEntity may link
// always share a key, so a new document is compared only with the
// entities under its keys, never with the corpus.
func BlockingKeys(typ string, forms []string) []string {
	return blockingKeys(typ, forms, newNameCache(typ))
}

func blockingKeys(typ string, forms []string, c *nameCache) []string {
	g := group(typ)
	var keys []string
	add := func(k string) {
		if k != "" && !slices.Contains(keys, k) {
			keys = append(keys, k)
		}
	}
	for _, f := range forms {
		tokens := c.tokens(f)
		if len(tokens) == 0 {
			continue
		}
		add(g + ":" + tokens[len(tokens)-1])
		if c.org || len(tokens) > 1 && names.HasPatronymic(f) {
			add(g + ":first:" + tokens[0])
		}
		if a := names.Acronym(f); a != "" {
			add(g + ":" + a) // "IRGC" is found under the full name's initials
		}
	}
	return keys
}

// CandidateKeys returns the keys under which the candidates of an entity
// with these names are looked up (see BlockingKeys and lookupKeys).
func CandidateKeys(typ string, forms []string) []string {
	c := newNameCache(typ)
	return lookupKeys(blockingKeys(typ, forms, c), forms, c)
}

// lookupKeys returns the keys of keys (an entity's BlockingKeys) under
// which its candidates are looked up: an organization's first word only
// when it has a one-word name, as only a one-word name joins an
// organization by its first word ("Northrop", "Northrop Grumman"). Entities
// are filed under all their keys; looking up a full name under its first
// word would read every "National …" and "New …" of the corpus.
func lookupKeys(keys, forms []string, c *nameCache) []string {
	if !c.org {
		return keys
	}
	for _, f := range forms {
		if len(c.tokens(f)) == 1 {
			return keys
		}
	}
	out := make([]string, 0, len(keys))
	for _, k := range keys {
		if !strings.Contains(k, ":first:") {
			out = append(out, k)
		}
	}
	return out
}

// group is the type group of an entity type: names of one group may name
// one entity. Organizations and other names (MISC) are one group, as
// taggers call one company either ("Boeing"), and a brand is both.
func group(typ string) string {
	if typ == news.TypeMisc {
		return news.TypeOrganization
	}
	return typ
}

// nameCache holds the tokens of the names one document's linking
// compares, each worked out once: names.NameTokens, without the legal
// designators of organizations ("Apple Inc." is "Apple").
type nameCache struct {
	org bool
	m   map[string][]string
}

func newNameCache(typ string) *nameCache {
	return &nameCache{org: group(typ) == news.TypeOrganization, m: map[string][]string{}}
}

func (c *nameCache) tokens(name string) []string {
	t, ok := c.m[name]
	if !ok {
		t = names.NameTokens(name)
		if c.org {
			t = names.TrimDesignators(t)
		}
		c.m[name] = t
	}
	return t
}

func (c *nameCache) key(name string) string {
	return strings.Join(c.tokens(name), " ")
}

// prefix reports whether the organization name a is the first words of b
// or b of a ("Northrop", "Northrop Grumman"; "Ford", "Ford Motor
// Company").
func (c *nameCache) prefix(a, b string) bool {
	ta, tb := c.tokens(a), c.tokens(b)
	if len(ta) > len(tb) {
		ta, tb = tb, ta
	}
	return c.org && len(ta) > 0 && slices.Equal(ta, tb[:len(ta)])
}

// ChooseEntity decides which of the candidate entities a document's
// entity (its type and name forms) is, and whether it is one of them at
// all.
//
// A document that gives a full name (two words or more) joins the one
// candidate with the same full name (names.NameKey); else the one it can
// be: for a person one with a full name of the same words in order
// (names.SameEntity: "Ali Khamenei", "Seyyed Ali Khamenei"), for anything an
// entity known only by the name's acronym ("IRGC").
//
// A document that gives only a one-word name joins the one candidate that
// name can be: one called by it, a person with that surname, an
// organization whose name starts with it ("Northrop", "Northrop Grumman"),
// or one whose name it abbreviates ("UAE"); else the one entity that has
// only ever been called by that word. So a lone "Assad" in a corpus with
// Bashar and Hafez al-Assad joins neither, and "SA" joins neither South
// Africa nor South America.
//
// A person's full name with no match joins the one entity known so far
// only by its surname, when no one else of that surname is known ("Bush",
// then "George W. Bush"). A person's surname alone that fits several
// people joins the one the
// corpus names far more often than any other (Salience): in news of 2005,
// "Blair" is Tony Blair, not Cherie or Ian Blair.
//
// Places and other names are never joined by a part of their name: York
// is not New York, Africa not South Africa, the World Cup not the Rugby
// World Cup. An organization and another name (MISC) join only when their
// names are the same.
func ChooseEntity(typ string, forms []string, candidates []store.Entity) (string, bool) {
	return chooseEntity(typ, forms, candidates, newNameCache(typ))
}

func chooseEntity(typ string, forms []string, candidates []store.Entity, c *nameCache) (string, bool) {
	var full, short []string
	for _, f := range forms {
		if n := len(c.tokens(f)); n > 1 {
			full = append(full, f)
		} else if n == 1 {
			short = append(short, f)
		}
	}
	person := group(typ) == news.TypePerson
	var exact, compatible, bare, surnamed []string
	docs := map[string]int{}
	for _, cand := range candidates {
		docs[cand.ID] = cand.Documents
		if group(cand.Type) != group(typ) {
			continue
		}
		allShort := true
		for _, n := range cand.Names {
			if len(c.tokens(n)) > 1 {
				allShort = false
			}
		}
		prefix := typ == news.TypeOrganization && cand.Type == news.TypeOrganization
		isExact, isCompatible, isSurnamed := false, false, false
		for _, n := range cand.Names {
			tn := c.tokens(n)
			if len(full) > 0 {
				for _, f := range full {
					tf := c.tokens(f)
					isSurnamed = isSurnamed || person && len(tn) > 0 && tn[len(tn)-1] == tf[len(tf)-1]
				}
				for _, f := range full {
					switch {
					case len(tn) > 1:
						isExact = isExact || c.key(f) == c.key(n)
						isCompatible = isCompatible || person && names.SameEntityTokens(f, n, c.tokens(f), tn)
					case allShort && names.IsAcronym(n) && c.key(n) == names.Acronym(f):
						isCompatible = true // "IRGC" for the Guard Corps
					}
				}
				continue
			}
			for _, f := range short {
				isExact = isExact || c.key(f) == c.key(n)
				isCompatible = isCompatible ||
					person && names.SameEntityTokens(f, n, c.tokens(f), tn) ||
					prefix && c.prefix(f, n) ||
					names.IsAcronym(f) && c.key(f) == names.Acronym(n)
			}
		}
		if cand.Type != typ && !isExact {
			continue // across types only by the same name
		}
		if isExact {
			exact = append(exact, cand.ID)
		}
		if isExact || isCompatible {
			compatible = append(compatible, cand.ID)
		}
		if isExact && allShort {
			bare = append(bare, cand.ID)
		}
		if isSurnamed {
			surnamed = append(surnamed, cand.ID)
		}
	}
	if len(full) > 0 && len(compatible) == 0 && len(surnamed) == 1 {
		// The one person of that surname, known so far by it alone
		// ("Bush", then "George W. Bush").
		for _, cand := range candidates {
			if cand.ID == surnamed[0] && onlyShort(cand, c) {
				return cand.ID, true
			}
		}
	}
	switch {
	case len(full) > 0 && len(exact) == 1:
		return exact[0], true
	case len(compatible) == 1:
		return compatible[0], true
	case len(full) == 0 && len(bare) == 1:
		return bare[0], true
	case len(full) == 0 && person:
		return salient(compatible, docs)
	}
	return "", false
}

// onlyShort reports whether every name of cand is one word.
func onlyShort(cand store.Entity, c *nameCache) bool {
	for _, n := range cand.Names {
		if len(c.tokens(n)) > 1 {
			return false
		}
	}
	return true
}

// Salience is how many times more documents must name a person than any
// other who fits a lone surname for the surname to be theirs; MinSalient
// is how many documents at least.
const (
	Salience   = 4
	MinSalient = 4
)

// salient returns the entity of ids that documents name Salience times
// more than any other, if one is.
func salient(ids []string, docs map[string]int) (string, bool) {
	best, second := "", 0
	for _, id := range ids {
		switch n := docs[id]; {
		case best == "" || n > docs[best]:
			second = docs[best]
			best = id
		case n > second:
			second = n
		}
	}
	if best == "" || docs[best] < MinSalient || docs[best] < Salience*second {
		return "", false
	}
	return best, true
}

// LocalEntity is what one document says of one of its entities.
type LocalEntity struct {
	Local    int    // the entity's number in the document's analysis
	Type     string // the type of its first mention
	Mentions int
	Names    []store.NameCount // the names it is given, most used first
	Roles    []store.RoleFact  // the roles its titles give it
	// RoleKey is the role a descriptor names, for an entity the document
	// names only by descriptors ("the Iranian president").
	RoleKey string
}

// Forms returns the entity's names, fullest first (see fuller).
func (l LocalEntity) Forms() []string {
	forms := make([]string, len(l.Names))
	for i, n := range l.Names {
		forms[i] = n.Name
	}
	slices.SortStableFunc(forms, fuller)
	return forms
}

// fuller orders names fullest first: more name words, then written in
// mixed case rather than shouted ("Tehran", not a dateline's "TEHRAN"),
// then longer, then alphabetically.
func fuller(a, b string) int {
	return cmp.Or(len(names.NameTokens(b))-len(names.NameTokens(a)), shouted(a)-shouted(b),
		len(b)-len(a), strings.Compare(a, b))
}

// shouted is 1 for a name of more than one letter written all in capitals
// that is not an acronym ("TEHRAN"), else 0.
func shouted(name string) int {
	if name == strings.ToUpper(name) && name != strings.ToLower(name) && !names.IsAcronym(name) {
		return 1
	}
	return 0
}

// linkingForms returns the forms a document's entity is linked by: its
// names without a person's given name used alone ("Tony" beside "Tony
// Blair"), which would draw every other Tony to this one.
func linkingForms(typ string, forms []string) []string {
	if typ != news.TypePerson || len(forms) < 2 {
		return forms
	}
	given := map[string]bool{}
	for _, f := range forms {
		if t := names.NameTokens(f); len(t) > 1 {
			given[t[0]] = true
		}
	}
	out := make([]string, 0, len(forms))
	for _, f := range forms {
		if t := names.NameTokens(f); len(t) != 1 || !given[t[0]] {
			out = append(out, f)
		}
	}
	return out
}

// LocalEntities gathers the mentions of an analysed document by entity, in
// entity number order. It is a pure function of the document and its
// analysis.
func LocalEntities(d news.Document, a news.Analysis) []LocalEntity {
	var out []LocalEntity
	index := map[int]int{}
	counts := map[int]map[string]int{}
	descriptor := map[int]string{}
	for _, m := range a.Mentions {
		i, ok := index[m.Entity]
		if !ok {
			i = len(out)
			index[m.Entity] = i
			out = append(out, LocalEntity{Local: m.Entity, Type: m.Type})
			counts[m.Entity] = map[string]int{}
		}
		l := &out[i]
		l.Mentions++
		text := d.Text[m.Start:m.End]
		switch m.Kind {
		case news.KindDescriptor:
			// Only a person's role resolves across documents: "the
			// company" is whichever company the article was about.
			if descriptor[m.Entity] == "" && m.Type == news.TypePerson {
				descriptor[m.Entity] = names.RoleKey(text)
			}
		case news.KindPronoun:
		default:
			counts[m.Entity][text]++
		}
		if m.Title.End > m.Title.Start {
			if role, ended := names.Role(d.Text[m.Title.Start:m.Title.End]); role != "" && m.Type == news.TypePerson {
				l.Roles = append(l.Roles, store.RoleFact{
					Role: role, Key: names.RoleKey(role), Ended: ended,
					Start: m.Title.Start, End: m.Title.End,
				})
			}
		}
	}
	for i := range out {
		l := &out[i]
		for n, c := range counts[l.Local] {
			l.Names = append(l.Names, store.NameCount{Name: n, Count: c})
		}
		slices.SortFunc(l.Names, func(a, b store.NameCount) int {
			return cmp.Or(b.Count-a.Count, fuller(a.Name, b.Name))
		})
		if len(l.Names) == 0 {
			l.RoleKey = descriptor[l.Local]
		}
	}
	return out
}

// LinkEntities links the entities of the stored, analysed document d to
// corpus-wide entities, creating those it is the first to name, and
// stores what d says of them (store.Tx.PutEntityLinks). An entity d knows
// only by a descriptor ("the Iranian president") is whoever held that
// role on d's date (ResolveRole); the roles d gives its entities may
// change whom other documents' descriptors resolve to, so those are
// resolved again.
//
// Then each of d's quotes whose speaker is a corpus-wide entity becomes a
// rendering of a statement of that speaker (see linkStatements).
//
// Only the entities filed under d's names' blocking keys are read, only
// the descriptors of the roles d names, and only the statements of d's
// speakers near d's date, so the cost of a document does not grow with
// the corpus.
func LinkEntities(ctx context.Context, tx store.Tx, d news.Document, a news.Analysis) error {
	locals := LocalEntities(d, a)
	caches := map[string]*nameCache{}
	cache := func(typ string) *nameCache {
		g := group(typ)
		if caches[g] == nil {
			caches[g] = newNameCache(typ)
		}
		return caches[g]
	}
	keys := make([][]string, len(locals))   // filed under
	lookup := make([][]string, len(locals)) // looked up under
	forms := make([][]string, len(locals))
	var all []string
	for i, l := range locals {
		if len(l.Names) > 0 {
			forms[i] = linkingForms(l.Type, l.Forms())
			keys[i] = blockingKeys(l.Type, forms[i], cache(l.Type))
			lookup[i] = lookupKeys(keys[i], forms[i], cache(l.Type))
			all = append(all, lookup[i]...)
		}
	}
	cands, err := tx.EntityCandidates(ctx, all)
	if err != nil {
		return fmt.Errorf("link entities of %s: %w", d.ID, err)
	}
	byKey := map[string][]int{} // key -> positions in cands
	for j, e := range cands {
		for _, k := range e.Keys {
			byKey[k] = append(byKey[k], j)
		}
	}
	links := make([]store.EntityLink, 0, len(locals))
	roleKeys := map[string]bool{}
	var mine []store.Entity
	for i, l := range locals {
		link := store.EntityLink{Local: l.Local, Mentions: l.Mentions, Names: l.Names, Roles: l.Roles, RoleKey: l.RoleKey}
		for _, r := range l.Roles {
			roleKeys[r.Key] = true
		}
		if l.RoleKey != "" {
			roleKeys[l.RoleKey] = true
		}
		if len(l.Names) == 0 {
			links = append(links, link)
			continue
		}
		// The candidates filed under this entity's keys.
		var seen []int
		for _, k := range lookup[i] {
			for _, j := range byKey[k] {
				if !slices.Contains(seen, j) {
					seen = append(seen, j)
				}
			}
		}
		slices.Sort(seen)
		mine = mine[:0]
		for _, j := range seen {
			mine = append(mine, cands[j])
		}
		e := store.Entity{Type: l.Type, Name: forms[i][0], Names: forms[i], Keys: keys[i]}
		c := cache(l.Type)
		if id, ok := chooseEntity(l.Type, forms[i], mine, c); ok {
			j := seen[slices.IndexFunc(mine, func(m store.Entity) bool { return m.ID == id })]
			e = cands[j]
			changed := false
			if fuller(forms[i][0], e.Name) < 0 {
				e.Name, changed = forms[i][0], true
			}
			var added []string
			for _, f := range forms[i] {
				if !slices.Contains(e.Names, f) {
					e.Names = append(e.Names, f)
					added = append(added, f)
				}
			}
			if changed || len(added) > 0 {
				newKeys := blockingKeys(l.Type, added, c)
				if err := tx.PutEntity(ctx, &store.Entity{ID: e.ID, Type: e.Type, Name: e.Name, Names: added}, newKeys); err != nil {
					return fmt.Errorf("link entities of %s: %w", d.ID, err)
				}
				for _, k := range newKeys {
					if !slices.Contains(e.Keys, k) {
						e.Keys = append(e.Keys, k)
						byKey[k] = append(byKey[k], j)
					}
				}
			}
			cands[j] = e
		} else {
			if err := tx.PutEntity(ctx, &e, keys[i]); err != nil {
				return fmt.Errorf("link entities of %s: %w", d.ID, err)
			}
			cands = append(cands, e)
			for _, k := range keys[i] {
				byKey[k] = append(byKey[k], len(cands)-1)
			}
		}
		link.Entity = e.ID
		links = append(links, link)
	}
	if err := tx.PutEntityLinks(ctx, d.ID, links); err != nil {
		return err
	}
	ids := make(map[int]string, len(links))
	for _, l := range links {
		ids[l.Local] = l.Entity
	}
	for _, key := range slices.Sorted(maps.Keys(roleKeys)) {
		resolved, err := resolveDescriptors(ctx, tx, key, d.Published)
		if err != nil {
			return fmt.Errorf("link entities of %s: %w", d.ID, err)
		}
		for _, r := range resolved {
			if r.Document == d.ID {
				ids[r.Local] = r.Entity
			}
		}
	}
	if err := linkStatements(ctx, tx, d, a.Quotes, ids); err != nil {
		return quoteError(d, err)
	}
	return nil
}

// ResolveRoles resolves again the descriptors of the roles the stored
// document id names (see LinkEntities): after its publication date
// changed, its descriptors and the role facts it gives may point at
// other people.
func ResolveRoles(ctx context.Context, tx store.Tx, id string) error {
	keys, err := tx.RoleKeys(ctx, id)
	if err != nil {
		return err
	}
	d, err := tx.Document(ctx, id)
	if err != nil {
		return err
	}
	for _, key := range keys {
		if _, err := resolveDescriptors(ctx, tx, key, d.Published); err != nil {
			return fmt.Errorf("resolve roles of %s: %w", id, err)
		}
	}
	return nil
}

// resolveDescriptors points every descriptor of role key in the documents
// published near published (within MaxRoleGap: those a role fact of that
// date can concern) at the entity that held the role on its document's
// date, and returns those descriptors with whom they point at now. An
// undated document neither resolves a descriptor nor dates a role, so
// there is nothing to do for it. Only the facts within MaxRoleGap of those
// descriptors are read, so the cost follows the news of those weeks, not
// the archive.
func resolveDescriptors(ctx context.Context, tx store.Tx, key, published string) ([]store.Descriptor, error) {
	day, err := time.Parse(time.DateOnly, news.Day(published))
	if err != nil {
		return nil, nil
	}
	bound := func(d time.Time) string { return d.Format(time.DateOnly) }
	descs, err := tx.RoleDescriptors(ctx, key, bound(day.Add(-MaxRoleGap)), bound(day.Add(MaxRoleGap))+"\uffff")
	if err != nil || len(descs) == 0 {
		return nil, err
	}
	from, to := bound(day.Add(-2*MaxRoleGap)), bound(day.Add(2*MaxRoleGap))+"\uffff"
	holders, err := tx.RoleHolders(ctx, key, from, to)
	if err != nil {
		return nil, err
	}
	if office, country := names.RoleOffice(key); country != "" {
		// "President Raisi" says which office, not which country's: it
		// counts for "the Iranian president" if Raisi is known elsewhere
		// as the Iranian president.
		known := map[string]bool{}
		for _, h := range holders {
			known[h.Entity] = true
		}
		bare, err := tx.RoleHolders(ctx, office, from, to)
		if err != nil {
			return nil, err
		}
		for _, h := range bare {
			if known[h.Entity] {
				holders = append(holders, h)
			}
		}
	}
	for i, d := range descs {
		if want := ResolveRole(d.Published, holders); want != d.Entity {
			if err := tx.SetLinkEntity(ctx, d.Document, d.Local, want); err != nil {
				return nil, err
			}
			descs[i].Entity = want
		}
	}
	return descs, nil
}

// MaxRoleGap is how far from the nearest article that gives someone a role
// a descriptor of that role may still resolve to them: about half a term
// of office.
const MaxRoleGap = 2 * 365 * 24 * time.Hour

// ResolveRole returns the entity that most likely held a role on the date
// published, given the articles that give the role (holders): the holder
// of the latest article dated on or before that date, within MaxRoleGap,
// leaving out whoever an article dated by then calls former or late; when
// there is none, the holder of the earliest article after it, within
// MaxRoleGap. It returns "" when the date is unknown, nobody is near
// enough, or two people are named on the deciding day.
func ResolveRole(published string, holders []store.RoleHolding) string {
	day, err := time.Parse(time.DateOnly, news.Day(published))
	if err != nil {
		return ""
	}
	type dated struct {
		entity string
		day    time.Time
	}
	left := map[string]bool{}
	var facts []dated
	for _, h := range holders {
		hd, err := time.Parse(time.DateOnly, news.Day(h.Published))
		switch {
		case err != nil:
		case h.Ended:
			if !hd.After(day) {
				left[h.Entity] = true
			}
		case day.Sub(hd).Abs() <= MaxRoleGap:
			facts = append(facts, dated{h.Entity, hd})
		}
	}
	var before, after []dated // the latest on or before day, the earliest after
	for _, f := range facts {
		if left[f.entity] {
			continue
		}
		if !f.day.After(day) {
			if len(before) == 0 || f.day.After(before[0].day) {
				before = []dated{f}
			} else if f.day.Equal(before[0].day) {
				before = append(before, f)
			}
		} else if len(after) == 0 || f.day.Before(after[0].day) {
			after = []dated{f}
		} else if f.day.Equal(after[0].day) {
			after = append(after, f)
		}
	}
	pick := before
	if len(pick) == 0 {
		pick = after
	}
	if len(pick) == 0 {
		return ""
	}
	for _, f := range pick[1:] {
		if f.entity != pick[0].entity {
			return ""
		}
	}
	return pick[0].entity
}
