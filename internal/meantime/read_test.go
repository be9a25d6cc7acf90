package meantime_test

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/parallax-news/parallax/internal/meantime"
)

// sample is a small document in MEANTIME's CAT XML: two sentences, a
// discontinuous mention, a mention linked to two entities, a mention of a
// document-level entity, a mention of nothing, and an event link that
// Read ignores.
const sample = `<?xml version="1.0" ?><Document doc_id="7" doc_name="7_Airbus" lang="en" url="http://en.wikinews.org/wiki/X">
<token number="0" sentence="0" t_id="1">Airbus</token>
<token number="1" sentence="0" t_id="2">flies</token>
<token number="2" sentence="0" t_id="3">to</token>
<token number="3" sentence="0" t_id="4">Mobile</token>
<token number="4" sentence="0" t_id="5">,</token>
<token number="5" sentence="0" t_id="6">Alabama</token>
<token number="6" sentence="1" t_id="7">It</token>
<token number="7" sentence="1" t_id="8">grew</token>
<token number="8" sentence="1" t_id="9">.</token>
<Markables>
<ENTITY_MENTION comment="" head="" m_id="1" syntactic_type="NAM"><token_anchor t_id="1"/></ENTITY_MENTION>
<ENTITY_MENTION comment="" head="" m_id="2" syntactic_type="NAM"><token_anchor t_id="4"/><token_anchor t_id="6"/></ENTITY_MENTION>
<ENTITY_MENTION comment="" head="" m_id="3" syntactic_type="PRO"><token_anchor t_id="7"/></ENTITY_MENTION>
<ENTITY_MENTION comment="" head="" m_id="4" syntactic_type=""><token_anchor t_id="4"/><token_anchor t_id="5"/><token_anchor t_id="6"/></ENTITY_MENTION>
<EVENT_MENTION m_id="5" pred="grow"><token_anchor t_id="8"/></EVENT_MENTION>
<ENTITY TAG_DESCRIPTOR="Mobile" comment="" ent_class="" ent_type="LOC" external_ref="" m_id="10"/>
<EVENT TAG_DESCRIPTOR="grow" m_id="11" instance_id="ev1"/>
<ENTITY TAG_DESCRIPTOR="Airbus" ent_type="ORG" external_ref="http://dbpedia.org/page/Airbus" instance_id="ORG1" m_id="12"/>
</Markables>
<Relations>
<REFERS_TO r_id="1"><source m_id="3"/><target m_id="10"/></REFERS_TO>
<REFERS_TO r_id="2"><source m_id="1"/><source m_id="3"/><target m_id="12"/></REFERS_TO>
<REFERS_TO r_id="3"><source m_id="2"/><target m_id="10"/></REFERS_TO>
<REFERS_TO r_id="4"><source m_id="5"/><target m_id="11"/></REFERS_TO>
</Relations>
</Document>
`

func writeFile(t *testing.T, path, content string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
}

func TestRead(t *testing.T) {
	path := filepath.Join(t.TempDir(), "corpus_airbus", "7_Airbus.xml")
	writeFile(t, path, sample)
	doc, err := meantime.Read(path)
	if err != nil {
		t.Fatal(err)
	}
	if doc.Name != "7_Airbus.xml" || doc.Topic != "corpus_airbus" || doc.DocID != "7" {
		t.Errorf("Name, Topic, DocID = %q, %q, %q", doc.Name, doc.Topic, doc.DocID)
	}
	if want := "Airbus flies to Mobile , Alabama\nIt grew ."; doc.Text != want {
		t.Errorf("Text = %q, want %q", doc.Text, want)
	}
	want := []struct {
		text, syn, entity, typ, instance string
		discontinuous                    bool
	}{
		{"Airbus", "NAM", "12", "ORG", "ORG1", false},
		{"Mobile , Alabama", "NAM", "10", "LOC", "", true},
		// Linked to 10 and 12: the corpus-level entity wins.
		{"It", "PRO", "12", "ORG", "ORG1", false},
		{"Mobile , Alabama", "", "", "", "", false},
	}
	if len(doc.Mentions) != len(want) {
		t.Fatalf("got %d mentions, want %d", len(doc.Mentions), len(want))
	}
	for i, w := range want {
		m := doc.Mentions[i]
		got := doc.Text[m.Span.Start:m.Span.End]
		if got != w.text || m.SyntacticType != w.syn || m.EntityID != w.entity || m.EntityType != w.typ ||
			m.InstanceID != w.instance || m.Discontinuous != w.discontinuous {
			t.Errorf("mention %s = %q %q %q %q %q %v, want %+v", m.ID, got, m.SyntacticType, m.EntityID,
				m.EntityType, m.InstanceID, m.Discontinuous, w)
		}
	}

	cross := meantime.CrossDocClusters([]meantime.Document{doc})
	within := meantime.WithinDocClusters([]meantime.Document{doc})
	key := func(a, b int) meantime.MentionKey {
		return meantime.MentionKey{Doc: doc.Name, Span: meantime.Span{Start: a, End: b}}
	}
	for _, c := range []struct {
		k             meantime.MentionKey
		cross, within string
	}{
		{key(0, 6), "ORG1", "7_Airbus.xml#ORG1"},
		{key(33, 35), "ORG1", "7_Airbus.xml#ORG1"},
		// The discontinuous mention 2 comes first and keeps the span.
		{key(16, 32), "7_Airbus.xml#10", "7_Airbus.xml#10"},
	} {
		if cross[c.k] != c.cross || within[c.k] != c.within {
			t.Errorf("%v: cross %q within %q, want %q %q", c.k, cross[c.k], within[c.k], c.cross, c.within)
		}
	}
	if len(cross) != 3 || len(within) != 3 {
		t.Errorf("got %d cross and %d within keys, want 3", len(cross), len(within))
	}
}

func TestReadDirSkipsBadFiles(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, filepath.Join(dir, "corpus_a", "good.xml"), sample)
	writeFile(t, filepath.Join(dir, "corpus_a", "notes.txt"), "not xml")
	writeFile(t, filepath.Join(dir, "corpus_b", "broken.xml"), "<Document><token")
	writeFile(t, filepath.Join(dir, "corpus_b", "dangling.xml"),
		strings.Replace(sample, `<token_anchor t_id="1"/>`, `<token_anchor t_id="99"/>`, 1))
	docs, err := meantime.ReadDir(dir)
	if len(docs) != 1 || docs[0].Name != "good.xml" {
		t.Errorf("got %d documents, want good.xml only", len(docs))
	}
	if err == nil || !strings.Contains(err.Error(), "broken.xml") || !strings.Contains(err.Error(), "dangling.xml") {
		t.Errorf("error %v does not name both bad files", err)
	}
	if !errors.Is(err, meantime.ErrInvalid) {
		t.Errorf("error %v does not wrap ErrInvalid", err)
	}
}

func FuzzRead(f *testing.F) {
	f.Add(sample)
	f.Add(`<Document><token sentence="0" t_id="1">a</token></Document>`)
	path := filepath.Join(f.TempDir(), "f.xml")
	f.Fuzz(func(t *testing.T, content string) {
		writeFile(t, path, content)
		doc, err := meantime.Read(path)
		if err != nil {
			return
		}
		for _, tk := range doc.Tokens {
			if tk.Span.Start < 0 || tk.Span.End > len(doc.Text) || doc.Text[tk.Span.Start:tk.Span.End] != tk.Text {
				t.Fatalf("token %s span %v does not hold %q", tk.ID, tk.Span, tk.Text)
			}
		}
		for _, m := range doc.Mentions {
			if m.Span.Start < 0 || m.Span.Start > m.Span.End || m.Span.End > len(doc.Text) {
				t.Fatalf("mention %s span %v out of bounds", m.ID, m.Span)
			}
		}
	})
}
