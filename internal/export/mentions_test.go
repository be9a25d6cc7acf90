package export

import (
	"testing"

	"github.com/parallax-news/parallax/internal/news"
	"github.com/parallax-news/parallax/internal/store"
)

func TestDocumentEntities(t *testing.T) {
	text := "Syrian President Bashar al-Assad met former President Donald Trump. Assad said Mr. Trump agreed."
	d := news.Document{ID: "d1", Published: "2022-05-08T10:00:00Z", Text: text}
	span := func(s string, from int) news.Span {
		for i := from; i+len(s) <= len(text); i++ {
			if text[i:i+len(s)] == s {
				return news.Span{Start: i, End: i + len(s)}
			}
		}
		t.Fatalf("%q not in text", s)
		return news.Span{}
	}
	assad, trump := span("Bashar al-Assad", 0), span("Donald Trump", 0)
	assad2, trump2 := span("Assad", assad.End), span("Trump", trump.End)
	a := news.Analysis{Mentions: []news.Mention{
		{Start: assad.Start, End: assad.End, Type: news.TypePerson, Title: span("Syrian President", 0), Entity: 0},
		{Start: trump.Start, End: trump.End, Type: news.TypePerson, Title: span("former President", 0), Entity: 1},
		{Start: assad2.Start, End: assad2.End, Type: news.TypePerson, Entity: 0},
		{Start: trump2.Start, End: trump2.End, Type: news.TypePerson, Title: span("Mr.", 0), Entity: 1},
	}}
	entities, mentions := DocumentEntities(d, a, []store.EntityLink{{Local: 1, Entity: "E7"}})
	if len(entities) != 2 || len(mentions) != 4 {
		t.Fatalf("%d entities, %d mentions", len(entities), len(mentions))
	}
	e := entities[0]
	if e.ID != "d1-e0" || entities[1].ID != "E7" || mentions[1].Entity != "E7" || e.Name != "Bashar al-Assad" || e.Type != "person" || len(e.Aliases) != 1 || e.Aliases[0] != "Assad" {
		t.Errorf("entity 0 = %+v", e)
	}
	if len(e.Roles) != 1 || e.Roles[0].Role != "Syrian President" || *e.Roles[0].From != "2022-05-08" || *e.Roles[0].To != "2022-05-08" ||
		e.Roles[0].Evidence.Start != 0 {
		t.Errorf("roles of Assad = %+v", e.Roles)
	}
	tr := entities[1]
	if len(tr.Roles) != 1 || tr.Roles[0].Role != "President" || tr.Roles[0].From != nil || *tr.Roles[0].To != "2022-05-08" {
		t.Errorf("roles of Trump = %+v (Mr. is no role; a former President left by the article's date)", tr.Roles)
	}
	if mentions[3].Title == nil || *mentions[3].Title != "Mr." || mentions[2].Title != nil {
		t.Errorf("mention titles: %v %v", mentions[2].Title, mentions[3].Title)
	}
}

func TestWordDiff(t *testing.T) {
	got := WordDiff("This bond is vital for both countries.", "This connection and relationship is vital to both countries")
	want := []DiffPart{
		{"same", "This"}, {"added", "connection and relationship"}, {"removed", "bond"},
		{"same", "is vital"}, {"added", "to"}, {"removed", "for"}, {"same", "both countries"},
	}
	if len(got) != len(want) {
		t.Fatalf("WordDiff = %+v\nwant %+v", got, want)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("part %d = %+v, want %+v", i, got[i], want[i])
		}
	}
	if d := WordDiff("", ""); len(d) != 0 {
		t.Errorf("WordDiff of nothing = %+v", d)
	}
}
