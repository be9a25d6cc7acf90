package quotes

import (
	"github.com/parallax-news/parallax/internal/news"
	"github.com/parallax-news/parallax/internal/text"
)

// headlineQuote finds a headline that quotes its speaker in pieces:
// "Issa: Hillary Clinton’s ‘Honesty Is In Question.’". The first
// paragraph opens with a name and a colon, and the rest of it holds
// quoted words; the whole rest is what the speaker said.
func (x *extractor) headlineQuote() (news.Quote, bool) {
	p := x.doc.Paragraphs[0]
	s := x.doc.Sentences[p.FirstSentence]
	first := s.FirstToken
	last := x.doc.Sentences[p.EndSentence-1].EndToken
	if last-first > 40 {
		return news.Quote{}, false
	}
	colon := -1
	for k := first + 1; k < last && k <= first+6; k++ {
		if x.cueAt[k] >= 0 && !x.isPunct(k, ":") {
			return news.Quote{}, false // he said: “…”, no headline
		}
		if x.isPunct(k, ":") {
			colon = k
			break
		}
	}
	if colon < 0 || !x.personIn(first, colon) || notLabels[x.lower(first)] {
		return news.Quote{}, false
	}
	quoted, all := 0, 0
	for k := colon + 1; k < last; k++ {
		if x.doc.Tokens[k].Kind != text.Word {
			continue
		}
		all++
		if i := x.inRegion[k]; i >= 0 && x.regions[i].para == 0 {
			quoted++
		}
	}
	if 2*quoted < all {
		return news.Quote{}, false
	}
	end := last
	for end > colon+1 && x.isPunct(end-1, ".") {
		end--
	}
	sp := x.span(colon+1, end)
	if sp.Start >= sp.End {
		return news.Quote{}, false
	}
	a := x.colonCue(first, colon)
	if !a.hasSpeaker() {
		return news.Quote{}, false
	}
	q := news.Quote{Start: sp.Start, End: sp.End, Kind: news.QuoteDirect, SpeakerEntity: -1}
	x.fill(&q, a)
	return q, true
}
