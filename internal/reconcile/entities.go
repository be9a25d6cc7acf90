package reconcile

import (
	"slices"

	"github.com/parallax-news/parallax/internal/names"
)

// EntityRecord is a corpus-wide entity as linking sees it: its type and the
// names it has been given.
type EntityRecord struct {
	ID    string
	Type  string   // PER, ORG, LOC or MISC
	Names []string // every name form seen, fullest first
}

// BlockingKeys returns the keys under which an entity with these names is
// found when a new document names it: its type with each name's last word
// (a person's surname, an organization's head), with each patronymic
// name's first word, and with each multi-word name's acronym. Two names
// that names.SameEntity links always share a key, so a new document is
// compared only with the entities under its keys, never with the corpus.
func BlockingKeys(typ string, forms []string) []string {
	var keys []string
	add := func(k string) {
		if k != "" && !slices.Contains(keys, k) {
			keys = append(keys, k)
		}
	}
	for _, f := range forms {
		tokens := names.NameTokens(f)
		if len(tokens) == 0 {
			continue
		}
		add(typ + ":" + tokens[len(tokens)-1])
		if len(tokens) > 1 {
			add(typ + ":first:" + tokens[0])
		}
		if a := names.Acronym(f); a != "" {
			add(typ + ":" + a) // "IRGC" is found under the full name's initials
		}
	}
	return keys
}

// ChooseEntity decides which of the candidate entities a document's
// entity (its type and name forms) is, and whether it is one of them at
// all. A full name (two words or more) joins the one candidate it can be
// (names.SameEntity with one of its full names, or its exact key); a name
// of one word joins a candidate only when exactly one can be it, so a lone
// "Assad" in a corpus with Bashar and Hafez al-Assad starts no merge.
func ChooseEntity(typ string, forms []string, candidates []EntityRecord) (string, bool) {
	full := false
	for _, f := range forms {
		if len(names.NameTokens(f)) > 1 {
			full = true
		}
	}
	var exact, compatible []string
	for _, c := range candidates {
		if c.Type != typ {
			continue
		}
		isExact, isCompatible := false, false
		for _, f := range forms {
			fk := names.NameKey(f)
			for _, n := range c.Names {
				if fk == names.NameKey(n) {
					isExact = true
				}
				short := len(names.NameTokens(f)) == 1 || len(names.NameTokens(n)) == 1
				if names.SameEntity(f, n) && (!full || !short) {
					isCompatible = true
				}
				// An acronym and the name it abbreviates.
				if names.IsAcronym(f) && names.NameKey(f) == names.Acronym(n) || names.IsAcronym(n) && names.NameKey(n) == names.Acronym(f) {
					isCompatible = true
				}
			}
		}
		if isExact {
			exact = append(exact, c.ID)
		}
		if isCompatible || isExact {
			compatible = append(compatible, c.ID)
		}
	}
	switch {
	case full && len(exact) == 1:
		return exact[0], true
	case len(compatible) == 1:
		// A one-word name must fit one entity only, even one that has
		// been called by it before: "Assad" also fits Hafez al-Assad.
		return compatible[0], true
	}
	return "", false
}
