package ingest

import (
	"bytes"
	"errors"
	"fmt"
	"net/url"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/mmcdole/gofeed"
	atomfeed "github.com/mmcdole/gofeed/atom"
	"github.com/mmcdole/gofeed/rss"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"

	"github.com/parallax-news/parallax/internal/news"
)

// ErrNotFeed reports a document that is not an RSS, Atom or RSS 1.0 feed:
// not XML, or XML with another root element.
var ErrNotFeed = errors.New("not a feed")

// feedSniffLimit is how far into a document IsFeed looks for the root
// element; the feed parser detects the feed type within the same window.
const feedSniffLimit = 4096

// IsFeed reports whether data looks like an XML feed: after an optional
// UTF-8 byte order mark, whitespace, XML declaration, processing
// instructions, comments and document type declaration, the root element
// is rss (RSS 0.9x and 2.0), feed (Atom) or rdf:RDF (RSS 1.0). It only
// sniffs the first few kilobytes; ReadFeed checks the rest.
func IsFeed(data []byte) bool {
	s := data[:min(len(data), feedSniffLimit)]
	s = bytes.TrimPrefix(s, []byte(bomUTF8))
	for {
		s = bytes.TrimLeft(s, " \t\r\n")
		var end []byte
		switch {
		case bytes.HasPrefix(s, []byte("<?")):
			end = []byte("?>")
		case bytes.HasPrefix(s, []byte("<!--")):
			end = []byte("-->")
		case len(s) >= 9 && bytes.EqualFold(s[:9], []byte("<!DOCTYPE")):
			end = []byte(">")
			if i, j := bytes.IndexByte(s, '['), bytes.IndexByte(s, '>'); i >= 0 && i < j {
				end = []byte("]>")
			}
		case bytes.HasPrefix(s, []byte("<")):
			return isFeedRoot(s[1:])
		default:
			return false
		}
		i := bytes.Index(s, end)
		if i < 0 {
			return false
		}
		s = s[i+len(end):]
	}
}

// isFeedRoot reports whether s starts with the name of a feed's root
// element, followed by the end of the name.
func isFeedRoot(s []byte) bool {
	i := bytes.IndexAny(s, " \t\r\n/>")
	if i <= 0 {
		return false
	}
	name := string(s[:i])
	local := name[strings.LastIndexByte(name, ':')+1:]
	return name == "rss" || local == "feed" || local == "RDF"
}

// ReadFeed reads the items of the RSS 2.0, Atom or RSS 1.0 feed data,
// fetched from feedURL ("" if unknown; it resolves relative item links).
// JSON Feed is not read.
//
// Each item gives one Article: Text from the fullest content the item has
// (content:encoded or Atom content, else description or summary), turned
// from HTML into paragraphs as ReadHTML does; Title; URL, the item link;
// ID, its guid or Atom id; Authors; Published, the item's publication date,
// else its update date, normalized by news.ParsePublished; Source, the
// item's source element, else the feed title; Language, the feed's.
//
// An item without text is skipped. ReadFeed then returns the articles it
// could read together with an error joining (errors.Join) one error per
// skipped item, each naming the item by position (from 1) and title and
// wrapping ErrNoText: `item 3 "Title": no article text`. A feed without
// items returns an error wrapping ErrNoText. A document that is not XML or
// not a feed returns an error wrapping ErrNotFeed and no articles.
func ReadFeed(data []byte, feedURL string) ([]Article, error) {
	if !IsFeed(data) {
		return nil, fmt.Errorf("%w: no rss, feed or rdf:RDF root element", ErrNotFeed)
	}
	feed, err := parseFeed(data)
	if err != nil && !utf8.Valid(data) {
		// A feed declared (or defaulting to) UTF-8 with a few stray
		// bytes is still worth reading.
		feed, err = parseFeed(bytes.ToValidUTF8(data, []byte(string(utf8.RuneError))))
	}
	if err != nil {
		// The parser's error is detail for the reader, not %w: an error
		// wrapping two would look like joined item errors to callers
		// that split them.
		return nil, fmt.Errorf("%w: %v", ErrNotFeed, err)
	}
	if len(feed.Items) == 0 {
		return nil, fmt.Errorf("feed has no items: %w", ErrNoText)
	}

	base := absoluteURL(feedURL, nil)
	if base == nil {
		base = absoluteURL(feed.Link, nil)
	}
	src := itemSources(feed)
	var arts []Article
	var errs []error
	for i, it := range feed.Items {
		if it == nil {
			continue
		}
		a := Article{
			ID:        validUTF8(oneLine(it.GUID)),
			Title:     validUTF8(fragmentTitle(it.Title)),
			URL:       validUTF8(itemURL(it, base)),
			Source:    validUTF8(firstNonEmpty(src[i].name, oneLine(feed.Title))),
			Authors:   itemAuthors(it, feed),
			Published: itemPublished(it),
			Language:  readLanguage(feed.Language),
		}
		a.Text = itemText(it, src[i].contentType)
		if a.Text == "" {
			if a.Title != "" {
				errs = append(errs, fmt.Errorf("item %d %q: %w", i+1, a.Title, ErrNoText))
			} else {
				errs = append(errs, fmt.Errorf("item %d: %w", i+1, ErrNoText))
			}
			continue
		}
		arts = append(arts, a)
	}
	return arts, errors.Join(errs...)
}

// parseFeed parses data with gofeed, keeping the original RSS or Atom
// items for what the universal ones lack. A panic in the parser on
// hostile input becomes an error.
func parseFeed(data []byte) (feed *gofeed.Feed, err error) {
	defer func() {
		if r := recover(); r != nil {
			feed, err = nil, fmt.Errorf("feed parser: %v", r)
		}
	}()
	p := gofeed.NewParser()
	p.KeepOriginalFeed = true
	feed, err = p.Parse(bytes.NewReader(data))
	if err != nil {
		return nil, err
	}
	return feed, nil
}

// itemSource is what the original RSS item or Atom entry says that the
// universal item does not.
type itemSource struct {
	name        string // <source> element: the feed the item came from
	contentType string // Atom content type: "text", "html" or "xhtml"
}

// itemSources returns, for each item of feed, its itemSource.
func itemSources(feed *gofeed.Feed) []itemSource {
	out := make([]itemSource, len(feed.Items))
	switch orig := feed.OriginalFeed().(type) {
	case *rss.Feed:
		for i, it := range orig.Items {
			if i < len(out) && it != nil && it.Source != nil {
				out[i].name = oneLine(it.Source.Title)
			}
		}
	case *atomfeed.Feed:
		for i, e := range orig.Entries {
			if i >= len(out) || e == nil {
				continue
			}
			if e.Source != nil {
				out[i].name = oneLine(e.Source.Title)
			}
			if e.Content != nil {
				out[i].contentType = strings.ToLower(strings.TrimSpace(e.Content.Type))
			}
		}
	}
	return out
}

// itemText returns the fullest text the item carries: its content or its
// description, whichever gives more.
func itemText(it *gofeed.Item, contentType string) string {
	var content string
	if contentType == "text" {
		content = plainParagraphs(it.Content)
	} else {
		content = fragmentText(it.Content)
	}
	desc := fragmentText(it.Description)
	if len(desc) > len(content) {
		return desc
	}
	return content
}

// fragmentText returns the text of s, an HTML fragment or plain text, as
// paragraphs.
func fragmentText(s string) string {
	if strings.TrimSpace(s) == "" {
		return ""
	}
	if !looksLikeMarkup(s) {
		return plainParagraphs(s)
	}
	body := &html.Node{Type: html.ElementNode, Data: "body", DataAtom: atom.Body}
	nodes, err := html.ParseFragment(strings.NewReader(validUTF8(s)), body)
	if err != nil {
		return plainParagraphs(s)
	}
	return paragraphText(nodes...)
}

// fragmentTitle returns a title that may hold markup as one line of text.
func fragmentTitle(s string) string {
	if !looksLikeMarkup(s) {
		return oneLine(s)
	}
	return oneLine(fragmentText(s))
}

// looksLikeMarkup reports whether s holds an HTML tag, comment or
// character reference.
func looksLikeMarkup(s string) bool {
	for i := 0; i < len(s)-1; i++ {
		switch s[i] {
		case '<':
			if c := s[i+1]; c == '/' || c == '!' || isASCIILetter(c) {
				return true
			}
		case '&':
			if c := s[i+1]; c == '#' || isASCIILetter(c) {
				if j := strings.IndexByte(s[i:min(len(s), i+12)], ';'); j > 0 {
					return true
				}
			}
		}
	}
	return false
}

// plainParagraphs returns plain text as paragraphs: blank lines separate
// them, and the line breaks and spaces inside one collapse to single
// spaces.
func plainParagraphs(s string) string {
	var paras []string
	var cur []string
	flush := func() {
		if len(cur) > 0 {
			paras = append(paras, strings.Join(cur, " "))
			cur = cur[:0]
		}
	}
	for line := range strings.Lines(validUTF8(s)) {
		if f := strings.Fields(line); len(f) > 0 {
			cur = append(cur, strings.Join(f, " "))
		} else {
			flush()
		}
	}
	flush()
	return strings.Join(paras, "\n\n")
}

// itemURL returns the item's link resolved against base, if it can be.
func itemURL(it *gofeed.Item, base *url.URL) string {
	link := strings.TrimSpace(it.Link)
	if link == "" && len(it.Links) > 0 {
		link = strings.TrimSpace(it.Links[0])
	}
	if u := absoluteURL(link, base); u != nil {
		return u.String()
	}
	return link
}

// itemAuthors returns the item's authors; an Atom entry without any has
// its feed's.
func itemAuthors(it *gofeed.Item, feed *gofeed.Feed) []string {
	people := it.Authors
	if len(people) == 0 && it.Author != nil {
		people = []*gofeed.Person{it.Author}
	}
	if len(people) == 0 && feed.FeedType == "atom" {
		people = feed.Authors
	}
	var names []string
	for _, p := range people {
		if p != nil {
			names = append(names, splitAuthors(validUTF8(p.Name))...)
		}
	}
	return dedupe(names)
}

// itemPublished returns the item's publication date, else its update
// date, as news.ParsePublished gives it. A date news.ParsePublished cannot
// read but gofeed could is taken from gofeed's reading of it.
func itemPublished(it *gofeed.Item) string {
	for _, d := range []struct {
		raw    string
		parsed *time.Time
	}{{it.Published, it.PublishedParsed}, {it.Updated, it.UpdatedParsed}} {
		if p, err := news.ParsePublished(d.raw); err == nil && p != "" {
			return p
		}
		if d.parsed != nil && !d.parsed.IsZero() {
			if p, err := news.ParsePublished(d.parsed.UTC().Format(time.RFC3339)); err == nil && p != "" {
				return p
			}
		}
	}
	return ""
}

// validUTF8 returns s with invalid UTF-8 replaced by U+FFFD.
func validUTF8(s string) string {
	return strings.ToValidUTF8(s, string(utf8.RuneError))
}
