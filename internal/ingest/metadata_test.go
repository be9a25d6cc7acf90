package ingest_test

import (
	"testing"

	"github.com/parallax-news/parallax/internal/ingest"
)

func TestInferTitle(t *testing.T) {
	tests := []struct {
		name, text, want string
		ok               bool
	}{
		{"headline set apart", "Ad sales boost Time Warner profit\n\nQuarterly profits at US media giant TimeWarner jumped 76%.", "Ad sales boost Time Warner profit", true},
		{"site suffix dropped", "Syria’s Assad meets top Iranian leaders | Bashar al-Assad News\n\nTehran, Iran – Syrian President…", "Syria’s Assad meets top Iranian leaders", true},
		{"no blank line after", "TEHRAN — Syrian President Bashar al-Assad made a visit.\n This is the second time.", "", false},
		{"dateline paragraph is no title", "TEHRAN — Assad visited.\n\nMore text.", "", false},
		{"long sentence is no title", "This is a long first sentence of an article that goes on and on for quite some words indeed.\n\nNext.", "", false},
		{"single paragraph", "Just one paragraph of text.", "", false},
		{"quote in headline", "Verhel defends deal: “We have agreed not to fight”\n\nMarosh, Essaria – Prime Minister…", "Verhel defends deal: “We have agreed not to fight”", true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, ok := ingest.InferTitle(tt.text)
			if got != tt.want || ok != tt.ok {
				t.Errorf("InferTitle = %q, %v; want %q, %v", got, ok, tt.want, tt.ok)
			}
		})
	}
}

func TestInferDateline(t *testing.T) {
	tests := []struct {
		name, text, place, agency string
	}{
		{"capitals em dash", "TEHRAN — Syrian President Bashar al-Assad made an unannounced visit.", "Tehran", ""},
		{"capitals en dash", "TEHRAN – Iranian Foreign Ministry spokesman Saeed Khatibzadeh has said…", "Tehran", ""},
		{"city and country", "Headline here\n\nTehran, Iran – Syrian President Bashar al-Assad has met…", "Tehran, Iran", ""},
		{"two words", "ABU DHABI — The UAE said…", "Abu Dhabi", ""},
		{"agency and date", "Headline\n\nMAROSH, Oct 15 (Continental Wire) — The two governments…", "Marosh", "Continental Wire"},
		{"day month agency", "Headline\n\nKORVANE, 16 October (VSNA) — The agreement…", "Korvane", "VSNA"},
		{"reuters style", "LONDON (Reuters) - Shares rose on Monday.", "London", "Reuters"},
		{"sentence dash is no dateline", "Title\n\nWood - who scored twice - was named man of the match.", "", ""},
		{"name dash is no dateline", "Actor Gerard Jugnot - star of the film - said he was delighted.", "", ""},
		{"no dateline", "Headline\n\nQuarterly profits at US media giant TimeWarner jumped 76%.", "", ""},
		{"second paragraph needs a headline", "Quarterly profits at the media giant rose sharply in the three months to December, the firm said.\n\nLONDON — text", "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := ingest.InferDateline(tt.text); got != tt.place {
				t.Errorf("InferDateline = %q, want %q", got, tt.place)
			}
			if got := ingest.InferAgency(tt.text); got != tt.agency {
				t.Errorf("InferAgency = %q, want %q", got, tt.agency)
			}
		})
	}
}

func TestInferSource(t *testing.T) {
	tests := []struct {
		name, text, want string
	}{
		{"creative commons footer", "…and indebted to Iran.”    All Content by Mehr News Agency is licensed under a Creative Commons Attribution 4.0 International License.", "Mehr News Agency"},
		{"lower-case content", "Body.\n\nAll content by Essaria Herald is licensed under a Creative Commons Attribution 4.0 International License.", "Essaria Herald"},
		{"copyright all rights reserved", "Body.\n\n© 2025 Continental Wire. All rights reserved.", "Continental Wire"},
		{"copyright word", "Body.\n\nCopyright 2024 The Daily Example. All Rights Reserved.", "The Daily Example"},
		{"republished wins over copyright", "Body.\n\nThis story was written by Continental Wire and is republished by the Essaria Herald under a syndication agreement. © 2025 Continental Wire.", "Essaria Herald"},
		{"about line", "Body.\n\nThe Seren Observer is an independent, reader-funded newsroom covering both banks of the river.", "The Seren Observer"},
		{"editor of a magazine is no outlet", "Body.\n\nOwain Bennallack is the editor of Develop magazine.", ""},
		{"published by in a sentence is no outlet", "The claims were made in a book published by Philippe Sands QC, a member of the chambers. More text.", ""},
		{"nothing", "Just an article with no footer at all.", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := ingest.InferSource(tt.text); got != tt.want {
				t.Errorf("InferSource = %q, want %q", got, tt.want)
			}
		})
	}
}

func TestURLMetadata(t *testing.T) {
	if got := ingest.SourceFromURL("https://www.Example.org/a/b"); got != "example.org" {
		t.Errorf("SourceFromURL = %q", got)
	}
	if got := ingest.SourceFromURL("not a url"); got != "" {
		t.Errorf("SourceFromURL(bad) = %q", got)
	}
	for url, want := range map[string]string{
		"https://x.example/2022/05/08/assad-visit": "2022-05-08",
		"https://x.example/news/2025-10-15-deal":   "2025-10-15",
		"https://x.example/2022/13/08/not-a-date":  "",
		"https://x.example/news/1234/story":        "",
		"https://x.example/world/2019/02/26/":      "2019-02-26",
	} {
		if got := ingest.PublishedFromURL(url); got != want {
			t.Errorf("PublishedFromURL(%s) = %q, want %q", url, got, want)
		}
	}
}

func TestPrepare(t *testing.T) {
	a := ingest.Article{
		Origin: "x.txt",
		Text:   "\ufeffTalks end in Marosh\r\n\r\nMAROSH — The talks ended on Wednesday with an agreement on the river, officials said.\r\n\r\n© 2025 Continental Wire. All rights reserved.\x00",
	}
	d, err := ingest.Prepare(a, ingest.Defaults{Published: "2025-10-15"})
	if err != nil {
		t.Fatal(err)
	}
	if d.Title != "Talks end in Marosh" || d.Source != "Continental Wire" || d.Published != "2025-10-15" || d.Dateline != "Marosh" || d.Language != "en" {
		t.Errorf("metadata: %+v", d)
	}
	for _, f := range []string{"title", "source", "dateline", "language"} {
		if !d.IsInferred(f) {
			t.Errorf("%s not marked inferred: %v", f, d.Inferred)
		}
	}
	if d.IsInferred("published") {
		t.Error("published came from the defaults, not inferred")
	}
	if d.Text != "Talks end in Marosh\n\nMAROSH — The talks ended on Wednesday with an agreement on the river, officials said.\n\n© 2025 Continental Wire. All rights reserved." {
		t.Errorf("text = %q", d.Text)
	}
	d2, _ := ingest.Prepare(ingest.Article{Text: d.Text}, ingest.Defaults{})
	if d2.ID != d.ID {
		t.Error("the same normalized text got another id")
	}
	if _, err := ingest.Prepare(ingest.Article{Text: " \n\x00 "}, ingest.Defaults{}); err == nil {
		t.Error("no error for an empty text")
	}
	// Given metadata wins over defaults and inference.
	g, _ := ingest.Prepare(ingest.Article{Text: a.Text, Source: "Given", Title: "Given title"}, ingest.Defaults{Source: "Default"})
	if g.Source != "Given" || g.Title != "Given title" || g.IsInferred("source") || g.IsInferred("title") {
		t.Errorf("given metadata: %+v", g)
	}
}

func TestEnrich(t *testing.T) {
	stored, _ := ingest.Prepare(ingest.Article{Text: "Headline\n\nBody text of the article in English, long enough to tell."}, ingest.Defaults{})
	fresh, _ := ingest.Prepare(ingest.Article{Text: stored.Text, Published: "2022-05-08", Title: "Real title"}, ingest.Defaults{})
	if !ingest.Enrich(&stored, fresh) {
		t.Fatal("nothing enriched")
	}
	if stored.Published != "2022-05-08" || stored.Title != "Real title" || stored.IsInferred("title") {
		t.Errorf("after Enrich: %+v", stored)
	}
	if ingest.Enrich(&stored, fresh) {
		t.Error("enriching twice changed something")
	}
}
