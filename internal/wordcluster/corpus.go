package wordcluster

import (
	"bufio"
	"bytes"
	"encoding/json"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/parallax-news/parallax/internal/ingest"
)

// Corpus reads the unlabeled news text of the shared data directory and
// returns it as tokenized sentences, in a fixed order:
//
//   - bbc/*/*.txt: BBC News articles (UTF-8 or Windows-1252);
//   - polnear/{train,dev}/text/*.txt: US political news;
//   - meantime/**/*.xml: Wikinews articles, <token> elements by sentence
//     (the same article in several folders is read once);
//   - ecbplus/**/*.xml: ECB+ news, <token> elements by sentence;
//   - giveme5w1h/**/*.json: news-please title, description and text;
//   - tempeval3/**/*.tml: TimeML news, the text of <TEXT>
//     (a document in several folders is read once);
//   - conll2003/train.txt: the first column of the CoNLL-2003 training
//     set. The CoNLL-2003 dev and test sets are never read: they are for
//     evaluating the tagger.
//
// Raw text is tokenized CoNLL-2003-style (see tokenize); pre-tokenized
// sources keep their tokens, with curly quotes made ASCII and punctuation
// that ECB+ leaves glued to words split off. Sentences of
// three or more tokens that occur more than once (a paragraph repeated in
// a description, a document in two collections) are kept once. Every
// source must be present.
func Corpus(sharedData string) ([][]string, error) {
	c := corpus{seen: make(map[string]bool)}
	readers := []struct {
		name string
		read func(dir string) error
	}{
		{"bbc", c.readBBC},
		{"polnear", c.readPolnear},
		{"meantime", c.readTokenXML},
		{"ecbplus", c.readTokenXML},
		{"giveme5w1h", c.readGiveMe},
		{"tempeval3", c.readTimeML},
		{"conll2003", c.readCoNLL},
	}
	for _, r := range readers {
		dir := filepath.Join(sharedData, r.name)
		if _, err := os.Stat(dir); err != nil {
			return nil, fmt.Errorf("read corpus: %w", err)
		}
		if err := r.read(dir); err != nil {
			return nil, fmt.Errorf("read corpus %s: %w", r.name, err)
		}
	}
	return c.sentences, nil
}

// TrainShared reads the corpus of the shared data directory and trains
// clusters on it: Corpus followed by Train.
func TrainShared(sharedData string, opts Options) (*Clusters, error) {
	sents, err := Corpus(sharedData)
	if err != nil {
		return nil, err
	}
	return Train(sents, opts)
}

type corpus struct {
	sentences [][]string
	seen      map[string]bool // sentences of 3+ tokens, joined by NUL
}

func (c *corpus) add(sents ...[]string) {
	for _, s := range sents {
		if len(s) == 0 {
			continue
		}
		if len(s) >= 3 {
			key := strings.Join(s, "\x00")
			if c.seen[key] {
				continue
			}
			c.seen[key] = true
		}
		c.sentences = append(c.sentences, s)
	}
}

func (c *corpus) addText(text string) { c.add(tokenize(text)...) }

// files returns the paths under dir whose names end in ext, sorted.
func files(dir, ext string) ([]string, error) {
	var out []string
	err := filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if !d.IsDir() && strings.HasSuffix(d.Name(), ext) {
			out = append(out, path)
		}
		return nil
	})
	slices.Sort(out)
	return out, err
}

// uniqueFiles is files without the repeats of a file name: corpora that
// ship one article in several folders (MEANTIME, TempEval-3) count it once,
// the first in sorted order.
func uniqueFiles(dir, ext string) ([]string, error) {
	paths, err := files(dir, ext)
	seen := make(map[string]bool)
	out := paths[:0]
	for _, p := range paths {
		if base := filepath.Base(p); !seen[base] {
			seen[base] = true
			out = append(out, p)
		}
	}
	return out, err
}

func (c *corpus) readBBC(dir string) error {
	paths, err := files(dir, ".txt")
	if err != nil {
		return err
	}
	for _, p := range paths {
		if filepath.Dir(p) == dir {
			continue // README.TXT and the like
		}
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		c.addText(ingest.DecodeText(data))
	}
	return nil
}

func (c *corpus) readPolnear(dir string) error {
	for _, split := range []string{"train", "dev"} {
		paths, err := files(filepath.Join(dir, split, "text"), ".txt")
		if err != nil {
			return err
		}
		for _, p := range paths {
			data, err := os.ReadFile(p)
			if err != nil {
				return err
			}
			c.addText(ingest.DecodeText(data))
		}
	}
	return nil
}

// readTokenXML reads the <token sentence="…"> elements of CAT XML files
// (MEANTIME, ECB+), one sentence per distinct sentence attribute.
func (c *corpus) readTokenXML(dir string) error {
	paths, err := uniqueFiles(dir, ".xml")
	if err != nil {
		return err
	}
	for _, p := range paths {
		f, err := os.Open(p)
		if err != nil {
			return err
		}
		sents, err := xmlTokens(f)
		f.Close()
		if err != nil {
			return fmt.Errorf("%s: %w", p, err)
		}
		c.add(sents...)
	}
	return nil
}

func xmlTokens(r io.Reader) ([][]string, error) {
	d := xml.NewDecoder(bufio.NewReader(r))
	var sents [][]string
	var cur []string
	curSent := ""
	for {
		tok, err := d.Token()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return nil, err
		}
		se, ok := tok.(xml.StartElement)
		if !ok || se.Name.Local != "token" {
			continue
		}
		sent := ""
		for _, a := range se.Attr {
			if a.Name.Local == "sentence" {
				sent = a.Value
			}
		}
		var text string
		if err := d.DecodeElement(&text, &se); err != nil {
			return nil, err
		}
		if sent != curSent && len(cur) > 0 {
			sents = append(sents, cur)
			cur = nil
		}
		curSent = sent
		cur = append(cur, normTokens(text)...)
	}
	if len(cur) > 0 {
		sents = append(sents, cur)
	}
	return sents, nil
}

// normTokens normalizes a pre-tokenized token like tokenizeLine does
// (curly quotes, dashes) and splits what the source left glued ("The,
// life., Wanted"); it is usually one token, rarely none or several.
func normTokens(t string) []string {
	return tokenizeLine(t)
}

func (c *corpus) readGiveMe(dir string) error {
	paths, err := files(dir, ".json")
	if err != nil {
		return err
	}
	for _, p := range paths {
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		var doc struct {
			Title, Description, Text string
		}
		if err := json.Unmarshal(data, &doc); err != nil {
			return fmt.Errorf("%s: %w", p, err)
		}
		c.addText(doc.Title)
		c.addText(doc.Description)
		c.addText(doc.Text)
	}
	return nil
}

// readTimeML reads the text inside <TEXT> of TimeML files, tags removed.
func (c *corpus) readTimeML(dir string) error {
	paths, err := uniqueFiles(dir, ".tml")
	if err != nil {
		return err
	}
	for _, p := range paths {
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		text, err := timeMLText(data)
		if err != nil {
			return fmt.Errorf("%s: %w", p, err)
		}
		c.addText(text)
	}
	return nil
}

func timeMLText(data []byte) (string, error) {
	d := xml.NewDecoder(bytes.NewReader(data))
	d.Strict = false
	var b strings.Builder
	depth := 0
	for {
		tok, err := d.Token()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return "", err
		}
		switch t := tok.(type) {
		case xml.StartElement:
			if t.Name.Local == "TEXT" || depth > 0 {
				depth++
			}
		case xml.EndElement:
			if depth > 0 {
				depth--
			}
		case xml.CharData:
			if depth > 0 {
				b.Write(t)
			}
		}
	}
	return b.String(), nil
}

func (c *corpus) readCoNLL(dir string) error {
	f, err := os.Open(filepath.Join(dir, "train.txt"))
	if err != nil {
		return err
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	var cur []string
	for sc.Scan() {
		line := sc.Text()
		word, _, _ := strings.Cut(line, " ")
		if word == "" {
			c.add(cur)
			cur = nil
			continue
		}
		if word == "-DOCSTART-" {
			continue
		}
		cur = append(cur, word)
	}
	c.add(cur)
	return sc.Err()
}
