package ingest

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	stdhtml "html"
	"log/slog"
	"net/url"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	readability "codeberg.org/readeck/go-readability/v2"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"

	"github.com/parallax-news/parallax/internal/news"
)

// ErrNoText reports an input without article text: a page whose main
// content is too short to be an article (a login form, an index page), or
// a feed item with no content.
var ErrNoText = errors.New("no article text")

// minWords is the least text, in words, a page must yield to count as an
// article, and minParagraphWords the length of the longest paragraph in
// it: enough for the shortest news brief, more than the labels and links
// a login form or an error page leaves once navigation and footers are
// gone.
const (
	minWords          = 25
	minParagraphWords = 10
)

// maxBylineRunes bounds the text of an element taken as a byline; longer
// "author" elements are biographies, not bylines.
const maxBylineRunes = 100

// ReadHTML reads the article in the HTML page data, fetched from pageURL
// ("" if unknown) with the HTTP Content-Type contentType ("" if unknown).
//
// data may be the page as fetched or its UTF-8 from DecodeHTML: data that
// is valid UTF-8 is read as UTF-8 (so decoding twice is harmless), anything
// else is decoded with DecodeHTML first.
//
// Text is the page's main content, found by readability scoring, so that
// navigation, cookie banners, newsletter boxes, comments, related links and
// footers are left out. Each block element of it (paragraph, heading, list
// item, quotation, ...) is one paragraph; paragraphs are separated by a
// blank line, whitespace inside them is collapsed to single spaces and
// <br> becomes a line break. A heading repeating the title is dropped.
//
// Metadata comes from meta tags, JSON-LD (the first schema.org
// NewsArticle, Article, BlogPosting or kin, at top level, in an array or
// in @graph, with author and publisher references resolved by @id) and
// markup, the first found in this order:
//
//   - Title: og:title, twitter:title, JSON-LD headline, <title>, <h1>;
//     a site name before or after a separator (" | ", " - ", ...) is cut.
//   - Authors: meta author, article:author (not a URL), JSON-LD author
//     names, the byline element (rel=author, itemprop=author, class
//     byline or author), split into names without "By" and job titles.
//   - Published: article:published_time, JSON-LD datePublished, a <time>
//     in the article (not in comments or sidebars), meta date, pubdate,
//     dc.date and kin; normalized by news.ParsePublished, which must
//     read it or the next candidate is tried.
//   - Source: og:site_name, JSON-LD publisher name, application-name;
//     else the host of pageURL without "www.", listed in Inferred.
//   - URL: link rel=canonical, og:url, JSON-LD url, resolved against
//     pageURL; else pageURL.
//   - Language: <html lang>, og:locale, content-language, JSON-LD
//     inLanguage, as a lower-case ISO 639-1 code ("en-GB" gives "en").
//
// Malformed metadata (bad JSON-LD, unreadable dates) is ignored.
//
// ReadHTML returns ErrNoText if the page has no article text: fewer than
// about 25 words, or no paragraph of 10 words or more (what is left of a
// login form or a list of links). It never panics.
func ReadHTML(data []byte, pageURL string, contentType string) (Article, error) {
	page := data
	if !utf8.Valid(page) {
		var err error
		if page, err = DecodeHTML(data, contentType); err != nil {
			return Article{}, fmt.Errorf("read html: %w", err)
		}
	}
	page = bytes.TrimPrefix(page, []byte(bomUTF8))
	doc, err := html.Parse(bytes.NewReader(page))
	if err != nil {
		return Article{}, fmt.Errorf("parse html: %w", err)
	}
	pageURL = strings.TrimSpace(pageURL)
	base := absoluteURL(pageURL, nil)

	m := scanPage(doc)
	a := m.article(pageURL, base)

	// Bylines and date lines are metadata, not text; readability removes
	// a byline itself only when the page has no author metadata.
	for _, n := range m.remove {
		if n.Parent != nil {
			n.Parent.RemoveChild(n)
		}
	}
	content, err := extractContent(doc, base)
	if err != nil {
		return Article{}, fmt.Errorf("extract article: %w", err)
	}
	if content == nil {
		return Article{}, ErrNoText
	}
	a.Text = dropTitle(paragraphText(content), a.Title)
	if !isArticleText(a.Text) {
		return Article{}, ErrNoText
	}
	return a, nil
}

// isArticleText reports whether text is long enough to be an article and
// has at least one paragraph of prose.
func isArticleText(text string) bool {
	if textWords(text) < minWords {
		return false
	}
	for p := range strings.SplitSeq(text, "\n\n") {
		if textWords(p) >= minParagraphWords {
			return true
		}
	}
	return false
}

// extractContent returns the main content of doc, found by readability,
// or nil. It changes doc. readability is a port of a large JavaScript
// library; a panic in it on hostile input becomes an error here, since no
// page may bring the ingester down.
func extractContent(doc *html.Node, base *url.URL) (content *html.Node, err error) {
	defer func() {
		if r := recover(); r != nil {
			content, err = nil, fmt.Errorf("readability: %v", r)
		}
	}()
	p := readability.NewParser()
	p.Logger = slog.New(slog.DiscardHandler)
	art, err := p.ParseAndMutate(doc, base)
	if err != nil {
		return nil, err
	}
	return art.Node, nil
}

// dropTitle removes the first paragraph of text if it repeats the title.
func dropTitle(text, title string) string {
	if title == "" {
		return text
	}
	first, rest, _ := strings.Cut(text, "\n\n")
	if strings.EqualFold(strings.Join(strings.Fields(first), " "), title) {
		return rest
	}
	return text
}

// textWords counts the words of text for the article-or-not decision.
// Scripts written without spaces between words count a word for every two
// characters.
func textWords(text string) int {
	words, dense := 0, 0
	inWord := false
	for _, r := range text {
		switch {
		case unicode.IsSpace(r):
			inWord = false
		case unicode.In(r, unicode.Han, unicode.Hiragana, unicode.Katakana, unicode.Thai, unicode.Lao, unicode.Khmer, unicode.Myanmar, unicode.Tibetan):
			dense++
			inWord = false
		default:
			if !inWord {
				words++
			}
			inWord = true
		}
	}
	return words + dense/2
}

// pageMeta is what one pass over a page finds for its metadata.
type pageMeta struct {
	lang      string              // <html lang>
	title     string              // <title>
	h1        string              // first <h1> outside boilerplate
	articleH1 string              // first <h1> in an <article>
	meta      map[string][]string // meta content by lower-case name, property, itemprop or http-equiv
	canonical string              // <link rel=canonical href>
	jsonLD    []string            // <script type="application/ld+json"> bodies
	times     []pageTime          // <time> elements outside boilerplate
	bylines   []*html.Node        // byline elements outside boilerplate
	remove    []*html.Node        // bylines and lines of article metadata, not text
}

// pageTime is a <time> element (or an element marked itemprop=datePublished).
type pageTime struct {
	value     string
	marked    bool // pubdate or itemprop=datePublished
	inArticle bool // inside <article>
	afterH1   bool // after the first <h1>
}

// scanContext is where in the page the scan is.
type scanContext struct {
	article, boilerplate, byline, metaLine bool
}

// scanPage walks doc once and gathers its metadata.
func scanPage(doc *html.Node) *pageMeta {
	m := &pageMeta{meta: make(map[string][]string)}
	m.scan(doc, scanContext{})
	return m
}

func (m *pageMeta) scan(n *html.Node, ctx scanContext) {
	if n.Type == html.ElementNode && n.Namespace == "" {
		if !m.element(n, &ctx) {
			return
		}
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		m.scan(c, ctx)
	}
}

// element records what n says and updates ctx for its children. It
// reports whether to descend into n.
func (m *pageMeta) element(n *html.Node, ctx *scanContext) bool {
	switch n.DataAtom {
	case atom.Html:
		if m.lang == "" {
			m.lang = firstNonEmpty(attr(n, "lang"), attr(n, "xml:lang"))
		}
	case atom.Title:
		if m.title == "" {
			m.title = oneLine(textContent(n))
		}
		return false
	case atom.Meta:
		content := attr(n, "content")
		for _, k := range []string{"name", "property", "itemprop", "http-equiv"} {
			if key := strings.ToLower(strings.TrimSpace(attr(n, k))); key != "" && content != "" {
				m.meta[key] = append(m.meta[key], content)
			}
		}
		return false
	case atom.Link:
		if m.canonical == "" && hasToken(attr(n, "rel"), "canonical") {
			m.canonical = strings.TrimSpace(attr(n, "href"))
		}
		return false
	case atom.Script:
		typ, _, _ := strings.Cut(attr(n, "type"), ";")
		if strings.EqualFold(strings.TrimSpace(typ), "application/ld+json") {
			m.jsonLD = append(m.jsonLD, textContent(n))
		}
		return false
	case atom.Style, atom.Template, atom.Noscript:
		return false
	case atom.Article:
		ctx.article = true
	}
	if !ctx.boilerplate && isBoilerplate(n) {
		ctx.boilerplate = true
	}
	if ctx.boilerplate {
		return true
	}
	switch n.DataAtom {
	case atom.H1:
		text := oneLine(textContent(n))
		if m.h1 == "" {
			m.h1 = text
		}
		if ctx.article && m.articleH1 == "" {
			m.articleH1 = text
		}
	case atom.Time:
		m.addTime(n, firstNonEmpty(attr(n, "datetime"), textContent(n)), *ctx)
	default:
		if strings.EqualFold(attr(n, "itemprop"), "datePublished") {
			m.addTime(n, firstNonEmpty(attr(n, "datetime"), attr(n, "content")), *ctx)
		}
	}
	byline := !ctx.byline && isByline(n)
	metaLine := !ctx.byline && !ctx.metaLine && isBlock(n.DataAtom) && isMetaLine(n)
	if (byline || metaLine) && isShort(n) {
		if byline {
			m.bylines = append(m.bylines, n)
			ctx.byline = true
		} else {
			ctx.metaLine = true
		}
		m.remove = append(m.remove, n)
	}
	return true
}

// isShort reports whether n has some text, but no more than a byline.
func isShort(n *html.Node) bool {
	r := utf8.RuneCountInString(strings.TrimSpace(textContent(n)))
	return r > 0 && r <= maxBylineRunes
}

func (m *pageMeta) addTime(n *html.Node, value string, ctx scanContext) {
	value = strings.TrimSpace(value)
	if value == "" {
		return
	}
	m.times = append(m.times, pageTime{
		value:     value,
		marked:    hasAttr(n, "pubdate") || strings.EqualFold(attr(n, "itemprop"), "datePublished"),
		inArticle: ctx.article,
		afterH1:   m.h1 != "",
	})
}

// isBoilerplate reports whether n is page furniture rather than article.
// Dates and bylines found inside it belong to other stories or to
// comments.
func isBoilerplate(n *html.Node) bool {
	switch n.DataAtom {
	case atom.Nav, atom.Footer, atom.Aside, atom.Form:
		return true
	}
	switch strings.ToLower(attr(n, "role")) {
	case "navigation", "complementary", "contentinfo", "dialog", "alertdialog", "menu", "search":
		return true
	}
	words := [...]string{
		"comment", "related", "sidebar", "footer", "newsletter", "cookie",
		"consent", "promo", "recommend", "trending", "popular", "most-read",
		"share", "social", "widget", "subscribe", "signup", "menu",
		"breadcrumb", "navbar", "navigation", "disqus", "reply", "replies",
	}
	return containsAny(strings.ToLower(attr(n, "class")+" "+attr(n, "id")), words[:])
}

// isByline reports whether n is marked as an article's byline.
func isByline(n *html.Node) bool {
	if hasToken(attr(n, "rel"), "author") || strings.Contains(strings.ToLower(attr(n, "itemprop")), "author") {
		return true
	}
	return containsAny(strings.ToLower(attr(n, "class")+" "+attr(n, "id")), []string{"byline", "author", "writtenby"})
}

// isMetaLine reports whether n is marked, by a class or id, as a line of
// article metadata such as "Politics · Updated 3 March 2025".
// Callers only ask of block elements: an inline dateline (<span
// class="dateline">LONDON —</span>) belongs to the first paragraph.
func isMetaLine(n *html.Node) bool {
	words := [...]string{
		"dateline", "timestamp", "pubdate", "publish", "posted-on", "entry-meta", "post-meta",
		"article-meta", "story-meta", "article-info", "post-date", "article-date", "entry-date",
	}
	return containsAny(strings.ToLower(attr(n, "class")+" "+attr(n, "id")), words[:])
}

// article turns the metadata into an Article without text.
func (m *pageMeta) article(pageURL string, base *url.URL) Article {
	ld := readJSONLD(m.jsonLD)
	var a Article

	a.Source = firstNonEmpty(m.first("og:site_name"), ld.publisher, m.first("application-name"))
	if a.Source == "" && base != nil {
		if host := strings.TrimPrefix(strings.ToLower(base.Hostname()), "www."); host != "" {
			a.Source = host
			a.Inferred = append(a.Inferred, news.FieldSource)
		}
	}

	a.Title = m.readTitle(ld, a.Source, base)
	a.Authors = m.readAuthors(ld)
	a.Published = m.readPublished(ld)
	a.Language = readLanguage(m.lang, m.first("og:locale"), m.first("content-language"),
		m.first("language"), m.first("dc.language"), ld.language)

	a.URL = pageURL
	for _, u := range []string{m.canonical, m.first("og:url"), ld.url} {
		if abs := absoluteURL(u, base); abs != nil {
			a.URL = abs.String()
			break
		}
	}
	return a
}

// first returns the first non-empty content of the meta tags named key,
// on one line.
func (m *pageMeta) first(key string) string {
	for _, v := range m.meta[key] {
		if v = oneLine(stdhtml.UnescapeString(v)); v != "" {
			return v
		}
	}
	return ""
}

// readTitle returns the headline: og:title, twitter:title, JSON-LD
// headline, <title>, then the first <h1>; a site name the title carries
// as a prefix or suffix is removed.
func (m *pageMeta) readTitle(ld ldArticle, site string, base *url.URL) string {
	h1 := firstNonEmpty(m.articleH1, m.h1)
	title := firstNonEmpty(m.first("og:title"), m.first("twitter:title"), ld.headline, m.title, h1)
	host := ""
	if base != nil {
		host = base.Hostname()
	}
	return stripSiteName(title, site, host, h1)
}

// stripSiteName removes from title a leading or trailing part, after or
// before a separator, that names the site: it equals site, spells the
// host's name, or is what remains beside a part equal to the page's h1.
func stripSiteName(title, site, host, h1 string) string {
	hostName := squash(strings.TrimPrefix(strings.ToLower(host), "www."))
	if i := strings.IndexByte(hostName, '.'); i > 0 {
		hostName = hostName[:i]
	}
	isSite := func(part string) bool {
		p := squash(part)
		return p != "" && (strings.EqualFold(part, site) ||
			hostName != "" && (p == hostName || strings.TrimPrefix(p, "the") == hostName))
	}
	for _, sep := range [...]string{" | ", " - ", " – ", " — ", " · ", " :: ", " » "} {
		if i := strings.LastIndex(title, sep); i > 0 {
			head, tail := strings.TrimSpace(title[:i]), strings.TrimSpace(title[i+len(sep):])
			if isSite(tail) || (h1 != "" && strings.EqualFold(head, h1)) {
				return head
			}
		}
		if i := strings.Index(title, sep); i > 0 {
			head, tail := strings.TrimSpace(title[:i]), strings.TrimSpace(title[i+len(sep):])
			if isSite(head) || (h1 != "" && strings.EqualFold(tail, h1)) {
				return tail
			}
		}
	}
	return title
}

// squash returns the lower-case letters and digits of s, for comparing
// "Daily Planet" with "dailyplanet.example".
func squash(s string) string {
	var b strings.Builder
	for _, r := range s {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			b.WriteRune(unicode.ToLower(r))
		}
	}
	return b.String()
}

// readAuthors returns the bylines: meta author, article:author (unless it
// is a profile URL), JSON-LD author names, then the byline elements.
func (m *pageMeta) readAuthors(ld ldArticle) []string {
	for _, key := range []string{"author", "article:author"} {
		var names []string
		for _, v := range m.meta[key] {
			if !strings.Contains(v, "://") {
				names = append(names, splitAuthors(stdhtml.UnescapeString(v))...)
			}
		}
		if names = dedupe(names); len(names) > 0 {
			return names
		}
	}
	var names []string
	for _, n := range ld.authors {
		names = append(names, splitAuthors(n)...)
	}
	if names = dedupe(names); len(names) > 0 {
		return names
	}
	names = nil
	for _, n := range m.bylines {
		names = append(names, bylineNames(n)...)
	}
	return dedupe(names)
}

// bylineNames returns the author names in a byline element: each author
// link or itemprop=name in it, else its text split into names.
func bylineNames(n *html.Node) []string {
	var parts []string
	var walk func(*html.Node)
	walk = func(c *html.Node) {
		for ; c != nil; c = c.NextSibling {
			if c.Type != html.ElementNode {
				continue
			}
			if hasToken(attr(c, "rel"), "author") || strings.EqualFold(attr(c, "itemprop"), "name") {
				parts = append(parts, textContent(c))
				continue
			}
			walk(c.FirstChild)
		}
	}
	walk(n.FirstChild)
	if len(parts) == 0 {
		parts = []string{textContent(n)}
	}
	var names []string
	for _, p := range parts {
		names = append(names, splitAuthors(p)...)
	}
	return names
}

// splitAuthors splits a byline such as "By Ana Ruiz and Tom Bell, Staff
// Writers" into names, dropping roles, dates and addresses.
func splitAuthors(s string) []string {
	s = strings.Join(strings.Fields(s), " ")
	separators := [...]string{",", ";", "|", "·", "•", "/", "\n", " and ", " And ", " & ", " und ", " et "}
	prefixes := [...]string{"by ", "written by ", "words by ", "reporting by ", "story by ", "author: ", "authors: ", "von ", "par ", "por ", "door "}
	for _, sep := range separators {
		s = strings.ReplaceAll(s, sep, "\x00")
	}
	var names []string
	for _, p := range strings.Split(s, "\x00") {
		p = strings.Trim(p, " -–—:()[]")
		lower := strings.ToLower(p)
		for _, pre := range prefixes { // in lower case
			if strings.HasPrefix(lower, pre) {
				p = strings.TrimSpace(p[len(pre):])
				break
			}
		}
		names = append(names, p)
	}
	return filterNames(names)
}

// filterNames keeps the strings that look like a person's or an
// organisation's name: short, starting with a capital or an uncased
// letter, without digits, addresses or role words.
func filterNames(names []string) []string {
	var out []string
	for _, n := range names {
		n = oneLine(n)
		r, _ := utf8.DecodeRuneInString(n)
		words := strings.Fields(strings.ToLower(n))
		switch {
		case n == "", len(words) > 7, utf8.RuneCountInString(n) > 80,
			!unicode.IsLetter(r), unicode.IsLower(r),
			strings.ContainsAny(n, "0123456789@"), strings.Contains(n, "://"):
			continue
		}
		if slices.ContainsFunc(words, isRoleWord) {
			continue
		}
		out = append(out, n)
	}
	return out
}

// readPublished returns the publication date: article:published_time,
// JSON-LD datePublished, a <time> in the article, then other date meta
// tags. The first that news.ParsePublished reads wins.
func (m *pageMeta) readPublished(ld ldArticle) string {
	cands := append([]string(nil), m.meta["article:published_time"]...)
	cands = append(cands, ld.published)
	cands = append(cands, m.articleTimes()...)
	for _, key := range []string{"datepublished", "date", "pubdate", "publishdate", "publish-date",
		"publication_date", "dc.date", "dc.date.issued", "dcterms.date", "dcterms.issued",
		"dcterms.created", "og:published_time", "parsely-pub-date", "sailthru.date"} {
		cands = append(cands, m.meta[key]...)
	}
	for _, c := range cands {
		if p, err := news.ParsePublished(c); err == nil && p != "" {
			return p
		}
	}
	return ""
}

// articleTimes returns the <time> values that date the article, best
// first: those marked as publication dates, those inside <article>, then
// those after the headline.
func (m *pageMeta) articleTimes() []string {
	var out []string
	for _, pick := range []func(pageTime) bool{
		func(t pageTime) bool { return t.marked },
		func(t pageTime) bool { return !t.marked && t.inArticle },
		func(t pageTime) bool { return !t.marked && !t.inArticle && t.afterH1 },
	} {
		for _, t := range m.times {
			if pick(t) {
				out = append(out, t.value)
			}
		}
	}
	return out
}

// readLanguage returns the primary subtag of the first language tag in
// tags that has a two-letter one, in lower case ("en-GB" gives "en").
func readLanguage(tags ...string) string {
	for _, t := range tags {
		t = strings.TrimSpace(t)
		if i := strings.IndexAny(t, "-_, ;"); i >= 0 {
			t = t[:i]
		}
		if len(t) == 2 && isASCIILetter(t[0]) && isASCIILetter(t[1]) {
			return strings.ToLower(t)
		}
	}
	return ""
}

func isASCIILetter(c byte) bool {
	return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z'
}

// absoluteURL returns raw resolved against base if that gives an http or
// https URL with a host, else nil.
func absoluteURL(raw string, base *url.URL) *url.URL {
	raw = strings.TrimSpace(raw)
	if raw == "" {
		return nil
	}
	u, err := url.Parse(raw)
	if err != nil {
		return nil
	}
	if base != nil {
		u = base.ResolveReference(u)
	}
	if (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return nil
	}
	return u
}

// ldArticle is what JSON-LD says about the article.
type ldArticle struct {
	headline, published, publisher, language, url string
	authors                                       []string
}

// maxLDNodes and maxLDDepth bound the work on JSON-LD blocks.
const (
	maxLDNodes = 1000
	maxLDDepth = 8
)

// readJSONLD finds the first article object in the JSON-LD blocks (top
// level, in arrays, in @graph or as mainEntity) and reads it, resolving
// author and publisher references by @id. Blocks that are not JSON are
// skipped.
func readJSONLD(blocks []string) ldArticle {
	var nodes []map[string]any
	for _, b := range blocks {
		if v, ok := parseJSONLD(b); ok {
			collectLD(v, &nodes, 0)
		}
	}
	byID := make(map[string]map[string]any)
	for _, n := range nodes {
		if id := ldString(n["@id"]); id != "" {
			if _, seen := byID[id]; !seen {
				byID[id] = n
			}
		}
	}
	for _, n := range nodes {
		if !isArticleType(n["@type"]) {
			continue
		}
		ld := ldArticle{
			headline:  firstNonEmpty(ldString(n["headline"]), ldString(n["name"])),
			published: ldString(n["datePublished"]),
			authors:   ldNames(n["author"], byID),
			language:  ldLanguage(n["inLanguage"]),
			url:       firstNonEmpty(ldString(n["url"]), ldID(n["mainEntityOfPage"])),
		}
		if pub := ldNames(n["publisher"], byID); len(pub) > 0 {
			ld.publisher = pub[0]
		}
		return ld
	}
	return ldArticle{}
}

// parseJSONLD decodes a JSON-LD block, forgiving the CDATA and comment
// wrappers and raw line breaks in strings that pages often have.
func parseJSONLD(s string) (any, bool) {
	s = strings.TrimSpace(s)
	for _, w := range [][2]string{{"<!--", "-->"}, {"<![CDATA[", "]]>"}, {"//<![CDATA[", "//]]>"}} {
		if strings.HasPrefix(s, w[0]) {
			s = strings.TrimSpace(strings.TrimSuffix(strings.TrimPrefix(s, w[0]), w[1]))
		}
	}
	s = strings.TrimSuffix(s, ";")
	var v any
	if err := json.Unmarshal([]byte(s), &v); err == nil {
		return v, true
	}
	// Whitespace between tokens means nothing, so mapping every control
	// character to a space only repairs strings broken across lines.
	fixed := strings.Map(func(r rune) rune {
		if r < 0x20 {
			return ' '
		}
		return r
	}, s)
	if err := json.Unmarshal([]byte(fixed), &v); err == nil {
		return v, true
	}
	return nil, false
}

// collectLD appends to out every object in v that may describe a thing.
func collectLD(v any, out *[]map[string]any, depth int) {
	if depth > maxLDDepth || len(*out) >= maxLDNodes {
		return
	}
	switch v := v.(type) {
	case []any:
		for _, e := range v {
			collectLD(e, out, depth+1)
		}
	case map[string]any:
		*out = append(*out, v)
		collectLD(v["@graph"], out, depth+1)
		collectLD(v["mainEntity"], out, depth+1)
	}
}

// isArticleType reports whether a JSON-LD @type names an article type.
func isArticleType(t any) bool {
	switch t := t.(type) {
	case string:
		if i := strings.LastIndexAny(t, "/:#"); i >= 0 {
			t = t[i+1:]
		}
		switch t {
		case "NewsArticle", "Article", "ReportageNewsArticle", "BlogPosting", "AnalysisNewsArticle",
			"OpinionNewsArticle", "BackgroundNewsArticle", "ReviewNewsArticle", "AskPublicNewsArticle",
			"LiveBlogPosting", "SatiricalArticle", "Report":
			return true
		}
	case []any:
		for _, e := range t {
			if isArticleType(e) {
				return true
			}
		}
	}
	return false
}

// ldString returns a JSON-LD text value: a string, a {"@value": ...}
// object or the first of a list, unescaped and on one line.
func ldString(v any) string {
	switch v := v.(type) {
	case string:
		return oneLine(stdhtml.UnescapeString(v))
	case map[string]any:
		if s, ok := v["@value"].(string); ok {
			return oneLine(stdhtml.UnescapeString(s))
		}
	case []any:
		for _, e := range v {
			if _, nested := e.([]any); nested {
				continue
			}
			if s := ldString(e); s != "" {
				return s
			}
		}
	}
	return ""
}

// ldID returns a URL given as a string or as an object's @id.
func ldID(v any) string {
	if m, ok := v.(map[string]any); ok {
		return ldString(m["@id"])
	}
	return ldString(v)
}

// ldNames returns the names of the people or organisations in v: names as
// strings, objects with a name, references by @id to such objects, or a
// list of these.
func ldNames(v any, byID map[string]map[string]any) []string {
	var names []string
	add := func(e any) {
		switch e := e.(type) {
		case string:
			names = append(names, oneLine(stdhtml.UnescapeString(e)))
		case map[string]any:
			name := ldString(e["name"])
			if name == "" {
				if ref, ok := byID[ldString(e["@id"])]; ok {
					name = ldString(ref["name"])
				}
			}
			if name == "" {
				name = oneLine(ldString(e["givenName"]) + " " + ldString(e["familyName"]))
			}
			if name != "" {
				names = append(names, name)
			}
		}
	}
	if list, ok := v.([]any); ok {
		for _, e := range list {
			add(e)
		}
	} else {
		add(v)
	}
	return names
}

// ldLanguage returns the language tag of a JSON-LD inLanguage value: a
// string or a Language object.
func ldLanguage(v any) string {
	if m, ok := v.(map[string]any); ok {
		return firstNonEmpty(ldString(m["alternateName"]), ldString(m["name"]))
	}
	return ldString(v)
}

// paragraphText returns the text of the HTML node trees as paragraphs:
// each block element (p, h1-h6, li, blockquote, pre, div, table row, ...)
// is one paragraph, paragraphs are separated by "\n\n", runs of whitespace
// inside a paragraph become one space, <br> and the line ends in <pre>
// become "\n" (two in a row end the paragraph) and table cells are
// separated by a space. Scripts, styles, forms controls, embedded objects
// and hidden elements contribute nothing.
func paragraphText(nodes ...*html.Node) string {
	var w paragraphWriter
	for _, n := range nodes {
		w.node(n, false)
	}
	w.endParagraph()
	return w.text.String()
}

// paragraphWriter accumulates paragraph text.
type paragraphWriter struct {
	text  strings.Builder // finished paragraphs
	para  []byte          // the paragraph being written
	space bool            // whitespace seen since the last character of para
}

func (w *paragraphWriter) node(n *html.Node, pre bool) {
	switch n.Type {
	case html.TextNode:
		w.write(n.Data, pre)
		return
	case html.DocumentNode:
		w.children(n, pre)
		return
	case html.ElementNode:
	default:
		return
	}
	tag := tagAtom(n)
	if n.Namespace != "" || skipElement(n, tag) {
		return
	}
	switch tag {
	case atom.Br:
		w.lineBreak()
		return
	case atom.Hr:
		w.endParagraph()
		return
	case atom.Td, atom.Th:
		w.space = true
		w.children(n, pre)
		w.space = true
		return
	case atom.Pre, atom.Textarea, atom.Listing, atom.Plaintext:
		pre = true
	}
	if !isBlock(tag) {
		w.children(n, pre)
		return
	}
	w.endParagraph()
	w.children(n, pre)
	w.endParagraph()
}

func (w *paragraphWriter) children(n *html.Node, pre bool) {
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		w.node(c, pre)
	}
}

// write adds text to the paragraph, collapsing whitespace; in
// preformatted text line ends are kept.
func (w *paragraphWriter) write(s string, pre bool) {
	for _, r := range s {
		switch {
		case pre && r == '\n':
			w.lineBreak()
		case unicode.IsSpace(r):
			w.space = true
		default:
			if w.space && len(w.para) > 0 && w.para[len(w.para)-1] != '\n' {
				w.para = append(w.para, ' ')
			}
			w.space = false
			w.para = utf8.AppendRune(w.para, r)
		}
	}
}

// lineBreak ends the line; a second break in a row ends the paragraph.
func (w *paragraphWriter) lineBreak() {
	w.space = false
	switch {
	case len(w.para) == 0:
	case w.para[len(w.para)-1] == '\n':
		w.endParagraph()
	default:
		w.para = append(w.para, '\n')
	}
}

// endParagraph moves the paragraph being written, if any, to the text.
func (w *paragraphWriter) endParagraph() {
	w.space = false
	p := bytes.TrimRight(w.para, " \n")
	if len(p) > 0 {
		if w.text.Len() > 0 {
			w.text.WriteString("\n\n")
		}
		w.text.Write(p)
	}
	w.para = w.para[:0]
}

// skipElement reports whether n contributes no text: code, styling,
// embedded objects, form controls, ruby annotations and hidden elements.
func skipElement(n *html.Node, tag atom.Atom) bool {
	switch tag {
	case atom.Script, atom.Style, atom.Noscript, atom.Template, atom.Head, atom.Title,
		atom.Iframe, atom.Object, atom.Embed, atom.Canvas, atom.Audio, atom.Video,
		atom.Button, atom.Select, atom.Option, atom.Input, atom.Textarea,
		atom.Rt, atom.Rp, atom.Img, atom.Picture, atom.Source, atom.Map:
		return true
	}
	return hasAttr(n, "hidden") || strings.EqualFold(attr(n, "aria-hidden"), "true")
}

// tagAtom returns the atom of n's tag name. Readability renames elements
// by their Data alone, leaving a stale or zero DataAtom.
func tagAtom(n *html.Node) atom.Atom {
	if n.DataAtom != 0 && n.DataAtom.String() == n.Data {
		return n.DataAtom
	}
	return atom.Lookup([]byte(n.Data))
}

// isBlock reports whether elements of kind a start and end a paragraph.
func isBlock(a atom.Atom) bool {
	switch a {
	case atom.Address, atom.Article, atom.Aside, atom.Blockquote, atom.Body, atom.Caption,
		atom.Center, atom.Dd, atom.Details, atom.Dialog, atom.Dir, atom.Div, atom.Dl, atom.Dt,
		atom.Fieldset, atom.Figcaption, atom.Figure, atom.Footer, atom.Form,
		atom.H1, atom.H2, atom.H3, atom.H4, atom.H5, atom.H6, atom.Header, atom.Hgroup,
		atom.Html, atom.Legend, atom.Li, atom.Listing, atom.Main, atom.Menu, atom.Nav,
		atom.Ol, atom.P, atom.Plaintext, atom.Pre, atom.Section, atom.Summary, atom.Table,
		atom.Tbody, atom.Tfoot, atom.Thead, atom.Tr, atom.Ul, atom.Xmp:
		return true
	}
	return false
}

// attr returns the value of n's attribute key, or "".
func attr(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if a.Namespace == "" && a.Key == key {
			return a.Val
		}
	}
	return ""
}

// hasAttr reports whether n has the attribute key.
func hasAttr(n *html.Node, key string) bool {
	for _, a := range n.Attr {
		if a.Namespace == "" && a.Key == key {
			return true
		}
	}
	return false
}

// hasToken reports whether the space-separated list s holds tok, ignoring
// case (as in rel="author noopener").
func hasToken(s, tok string) bool {
	for _, f := range strings.Fields(s) {
		if strings.EqualFold(f, tok) {
			return true
		}
	}
	return false
}

// textContent returns the text of n and its descendants, as is.
func textContent(n *html.Node) string {
	if n.Type == html.TextNode {
		return n.Data
	}
	var b strings.Builder
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			switch c.Type {
			case html.TextNode:
				b.WriteString(c.Data)
			case html.ElementNode:
				if c.DataAtom != atom.Script && c.DataAtom != atom.Style {
					walk(c)
				}
			}
		}
	}
	walk(n)
	return b.String()
}

// oneLine returns s with its runs of whitespace collapsed to single spaces
// and trimmed.
func oneLine(s string) string {
	return strings.Join(strings.Fields(s), " ")
}

func firstNonEmpty(ss ...string) string {
	for _, s := range ss {
		if s = strings.TrimSpace(s); s != "" {
			return s
		}
	}
	return ""
}

func containsAny(s string, subs []string) bool {
	for _, sub := range subs {
		if strings.Contains(s, sub) {
			return true
		}
	}
	return false
}

// isRoleWord reports whether a lower-case word of a byline names a role
// or a time, not a person.
func isRoleWord(w string) bool {
	switch strings.Trim(w, ".,:;") {
	case "staff", "reporter", "reporters", "correspondent", "correspondents", "editor", "editors",
		"writer", "writers", "contributor", "contributors", "columnist", "journalist",
		"desk", "bureau", "newsroom", "published", "updated", "posted", "min", "read":
		return true
	}
	return false
}

// dedupe returns names without repeats, ignoring case, in order.
func dedupe(names []string) []string {
	var out []string
	seen := make(map[string]bool, len(names))
	for _, n := range names {
		k := strings.ToLower(n)
		if n == "" || seen[k] {
			continue
		}
		seen[k] = true
		out = append(out, n)
	}
	return out
}
