package events_test

import (
	"testing"

	"github.com/parallax-news/parallax/internal/events"
	"github.com/parallax-news/parallax/internal/news"
)

func TestFacts(t *testing.T) {
	tests := []struct {
		text string
		want []events.Fact
	}{
		{"It was Assad's second visit to Tehran since 2011.", []events.Fact{{Kind: events.FactOrdinal, Value: 2}}},
		{"He met Khamenei for the first time since the war.", []events.Fact{{Kind: events.FactOrdinal, Value: 1}}},
		{"The 3rd official visit came a year later.", []events.Fact{{Kind: events.FactOrdinal, Value: 3}}},
		{"At least 1,200 people were killed and 45 wounded.", []events.Fact{{Kind: events.FactKilled, Value: 1200}, {Kind: events.FactInjured, Value: 45}}},
		{"The blast killed twelve people, police said.", []events.Fact{{Kind: events.FactKilled, Value: 12}}},
		{"Police arrested 30 protesters.", []events.Fact{{Kind: events.FactArrested, Value: 30}}},
		{"Dozens of people were injured.", nil},
		{"The first lady spoke.", nil},
	}
	for _, tt := range tests {
		a := news.Analysis{Sentences: []news.Span{{Start: 0, End: len(tt.text)}}}
		got := events.Facts(tt.text, a)
		if len(got) != len(tt.want) {
			t.Errorf("Facts(%q) = %+v, want %+v", tt.text, got, tt.want)
			continue
		}
		for i, f := range got {
			if f.Kind != tt.want[i].Kind || f.Value != tt.want[i].Value || f.Span.End <= f.Span.Start || f.Span.End > len(tt.text) {
				t.Errorf("Facts(%q)[%d] = %+v, want %s %d", tt.text, i, f, tt.want[i].Kind, tt.want[i].Value)
			}
		}
	}
}
