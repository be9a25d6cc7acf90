package meantime

import (
	"encoding/xml"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/parallax-news/parallax/internal/news"
)

// Span is a byte range Text[Start:End] of a Document's Text. It is
// news.Span, so that a system's spans can be scored as they are.
type Span = news.Span

// Token is one <token> of a document.
type Token struct {
	ID       string // t_id, unique within the document
	Sentence int    // sentence number, from 0
	Text     string
	Span     Span // where Text sits in Document.Text
}

// Entity is an <ENTITY> element: the thing that mentions refer to.
type Entity struct {
	ID   string // m_id, unique within the document
	Type string // ent_type: PER, ORG, LOC, PRO, FIN or MIX
	// Descriptor is the annotator's name for the entity (TAG_DESCRIPTOR).
	Descriptor string
	// InstanceID is the corpus-level identifier shared by every document
	// in which the entity occurs; empty for a document-level entity.
	InstanceID string
	// ExternalRef is a DBpedia URI, when the annotators gave one.
	ExternalRef string
}

// Mention is an <ENTITY_MENTION>: a span of tokens that names or
// describes an entity.
type Mention struct {
	ID       string   // m_id, unique within the document
	TokenIDs []string // the t_ids of its token_anchor children, in order
	// Span runs from the start of its first token to the end of its last
	// in Document.Text, so Text[Span] is the tokens from the first to the
	// last joined as in Text. For a discontinuous mention it covers the
	// skipped tokens too.
	Span Span
	// Discontinuous reports that the mention skips tokens between its first
	// and last, as "Mobile [,] Alabama" does (9 mentions in the corpus).
	// Its Span can then equal the Span of another mention.
	Discontinuous bool
	// SyntacticType is syntactic_type: NAM, NOM, PRO, PRE.NAM, PRE.NOM,
	// APP, CONJ, ARC, HLS or PTV. It is empty for 1,801 of the 3,290
	// mentions, whose attribute is empty or missing.
	SyntacticType string
	// EntityID is the m_id of the Entity it refers to through REFERS_TO,
	// empty when it refers to none. Where the annotation links a mention to
	// two entities (two mentions in the English corpus), Read keeps the
	// corpus-level entity (one with an InstanceID) over a document-level
	// one, and otherwise the first REFERS_TO in file order.
	EntityID string
	// EntityType is that Entity's Type, empty when EntityID is.
	EntityType string
	// InstanceID is that Entity's corpus-level InstanceID: mentions with the
	// same InstanceID refer to the same entity across documents. Empty when
	// the entity is document-level or the mention refers to none.
	InstanceID string
}

// Document is one MEANTIME article.
type Document struct {
	Name  string // file name without the directory, such as "100911_….xml"
	Topic string // the corpus_* folder it was read from, "" if none
	DocID string // doc_id
	URL   string // the Wikinews URL
	// Text is rebuilt from the tokens: the tokens of a sentence joined by
	// single spaces, and a single newline between sentences, with no
	// leading or trailing space. The original spacing is not in the data.
	Text     string
	Tokens   []Token
	Mentions []Mention // in file order
	Entities []Entity  // in file order
}

type xmlDocument struct {
	DocID   string `xml:"doc_id,attr"`
	DocName string `xml:"doc_name,attr"`
	URL     string `xml:"url,attr"`
	Tokens  []struct {
		ID       string `xml:"t_id,attr"`
		Sentence int    `xml:"sentence,attr"`
		Text     string `xml:",chardata"`
	} `xml:"token"`
	Mentions []struct {
		ID            string `xml:"m_id,attr"`
		SyntacticType string `xml:"syntactic_type,attr"`
		Anchors       []struct {
			ID string `xml:"t_id,attr"`
		} `xml:"token_anchor"`
	} `xml:"Markables>ENTITY_MENTION"`
	Entities []struct {
		ID          string `xml:"m_id,attr"`
		Type        string `xml:"ent_type,attr"`
		Descriptor  string `xml:"TAG_DESCRIPTOR,attr"`
		InstanceID  string `xml:"instance_id,attr"`
		ExternalRef string `xml:"external_ref,attr"`
	} `xml:"Markables>ENTITY"`
	RefersTo []struct {
		Sources []struct {
			ID string `xml:"m_id,attr"`
		} `xml:"source"`
		Targets []struct {
			ID string `xml:"m_id,attr"`
		} `xml:"target"`
	} `xml:"Relations>REFERS_TO"`
}

// ErrInvalid reports a file that parses as XML but breaks the structure
// Read relies on: a repeated token id, a mention without tokens or with
// an unknown token, a REFERS_TO without exactly one target.
var ErrInvalid = errors.New("invalid MEANTIME document")

// Read reads one CAT XML file. The Topic is the name of the file's
// directory when it starts with "corpus_".
func Read(path string) (Document, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return Document{}, fmt.Errorf("read meantime %s: %w", path, err)
	}
	doc, err := parse(data)
	if err != nil {
		return Document{}, fmt.Errorf("read meantime %s: %w", path, err)
	}
	doc.Name = filepath.Base(path)
	if dir := filepath.Base(filepath.Dir(path)); strings.HasPrefix(dir, "corpus_") {
		doc.Topic = dir
	}
	return doc, nil
}

func parse(data []byte) (Document, error) {
	var x xmlDocument
	if err := xml.Unmarshal(data, &x); err != nil {
		return Document{}, fmt.Errorf("parse xml: %w", err)
	}
	doc := Document{DocID: x.DocID, URL: x.URL}

	var b strings.Builder
	tokenAt := make(map[string]int, len(x.Tokens))
	for i, t := range x.Tokens {
		if i > 0 {
			if t.Sentence != x.Tokens[i-1].Sentence {
				b.WriteByte('\n')
			} else {
				b.WriteByte(' ')
			}
		}
		if _, dup := tokenAt[t.ID]; dup {
			return Document{}, fmt.Errorf("%w: token t_id %q twice", ErrInvalid, t.ID)
		}
		tokenAt[t.ID] = i
		start := b.Len()
		b.WriteString(t.Text)
		doc.Tokens = append(doc.Tokens, Token{ID: t.ID, Sentence: t.Sentence, Text: t.Text, Span: Span{Start: start, End: b.Len()}})
	}
	doc.Text = b.String()

	entities := make(map[string]int, len(x.Entities))
	for i, e := range x.Entities {
		entities[e.ID] = i
		doc.Entities = append(doc.Entities, Entity{
			ID: e.ID, Type: e.Type, Descriptor: e.Descriptor,
			InstanceID: e.InstanceID, ExternalRef: e.ExternalRef,
		})
	}

	// REFERS_TO also links event mentions to events; keep only the links
	// whose target is an ENTITY.
	refers := make(map[string]string)
	for _, r := range x.RefersTo {
		if len(r.Targets) != 1 {
			return Document{}, fmt.Errorf("%w: REFERS_TO with %d targets", ErrInvalid, len(r.Targets))
		}
		target := r.Targets[0].ID
		if _, ok := entities[target]; !ok {
			continue
		}
		for _, s := range r.Sources {
			// Two files link one mention to two entities. Keep a
			// corpus-level entity over a document-level one, and
			// otherwise the first link in file order.
			if old, ok := refers[s.ID]; ok {
				if doc.Entities[entities[old]].InstanceID != "" || doc.Entities[entities[target]].InstanceID == "" {
					continue
				}
			}
			refers[s.ID] = target
		}
	}

	for _, m := range x.Mentions {
		if len(m.Anchors) == 0 {
			return Document{}, fmt.Errorf("%w: mention %s has no tokens", ErrInvalid, m.ID)
		}
		idx := make([]int, len(m.Anchors))
		ids := make([]string, len(m.Anchors))
		for i, a := range m.Anchors {
			j, ok := tokenAt[a.ID]
			if !ok {
				return Document{}, fmt.Errorf("%w: mention %s anchors unknown token %q", ErrInvalid, m.ID, a.ID)
			}
			idx[i], ids[i] = j, a.ID
		}
		first, last := idx[0], idx[0]
		for _, j := range idx {
			first, last = min(first, j), max(last, j)
		}
		seen := make(map[int]bool, len(idx))
		for _, j := range idx {
			seen[j] = true
		}
		mention := Mention{
			ID:            m.ID,
			TokenIDs:      ids,
			Span:          Span{Start: doc.Tokens[first].Span.Start, End: doc.Tokens[last].Span.End},
			SyntacticType: m.SyntacticType,
			Discontinuous: len(seen) != last-first+1,
		}
		if e, ok := refers[m.ID]; ok {
			ent := doc.Entities[entities[e]]
			mention.EntityID, mention.EntityType, mention.InstanceID = ent.ID, ent.Type, ent.InstanceID
		}
		doc.Mentions = append(doc.Mentions, mention)
	}
	return doc, nil
}

// ReadDir reads every .xml file under dir, recursively, in lexical path
// order. A file that does not read is skipped: ReadDir returns the
// documents it could read together with an error joining one error per
// skipped file, each naming the file, so a caller may stop or go on.
func ReadDir(dir string) ([]Document, error) {
	var paths []string
	err := filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if !d.IsDir() && strings.EqualFold(filepath.Ext(path), ".xml") {
			paths = append(paths, path)
		}
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("read meantime dir %s: %w", dir, err)
	}
	sort.Strings(paths)
	docs := make([]Document, 0, len(paths))
	var errs []error
	for _, p := range paths {
		doc, err := Read(p)
		if err != nil {
			errs = append(errs, err)
			continue
		}
		docs = append(docs, doc)
	}
	return docs, errors.Join(errs...)
}
