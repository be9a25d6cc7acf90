// Package demo holds the demo corpus that `parallax demo` ingests: fictional
// articles written for Parallax about one diplomatic event and its
// background, as several outlets cover it, in every input format Parallax
// reads (see corpus/README.md for the ground truth).
package demo

import (
	"bufio"
	"embed"
	"fmt"
	"io/fs"
	"path"
	"strings"
)

//go:embed corpus
var corpus embed.FS

// Dir is the corpus's directory inside FS.
const Dir = "corpus"

// FS returns the embedded corpus.
func FS() fs.FS { return corpus }

// Input is one file of the corpus with the publication date to assume for
// it when the file itself carries none.
type Input struct {
	Path      string // inside FS, e.g. "corpus/07_continental-wire.txt"
	Published string // "" when the file carries its own dates
}

// Inputs lists the corpus's article files in order, with the publication
// dates of the plain-text ones (from corpus/published.tsv).
func Inputs() ([]Input, error) {
	dates := map[string]string{}
	f, err := corpus.Open(path.Join(Dir, "published.tsv"))
	if err != nil {
		return nil, fmt.Errorf("open demo manifest: %w", err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		line := sc.Text()
		if strings.HasPrefix(line, "#") || strings.TrimSpace(line) == "" {
			continue
		}
		name, date, ok := strings.Cut(line, "\t")
		if !ok {
			return nil, fmt.Errorf("demo manifest: bad line %q", line)
		}
		dates[name] = strings.TrimSpace(date)
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("read demo manifest: %w", err)
	}
	entries, err := fs.ReadDir(corpus, Dir)
	if err != nil {
		return nil, fmt.Errorf("list demo corpus: %w", err)
	}
	var in []Input
	for _, e := range entries {
		n := e.Name()
		if n == "README.md" || n == "published.tsv" || e.IsDir() {
			continue
		}
		in = append(in, Input{Path: path.Join(Dir, n), Published: dates[n]})
	}
	return in, nil
}
