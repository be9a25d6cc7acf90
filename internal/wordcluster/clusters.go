package wordcluster

import (
	"bufio"
	"bytes"
	"cmp"
	"compress/gzip"
	_ "embed"
	"errors"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"
)

// ErrFormat is returned by Read for input that is not a cluster file.
var ErrFormat = errors.New("wordcluster: malformed cluster file")

// Clusters maps words to paths in a binary hierarchy of word classes.
// A Clusters is immutable once built and safe for concurrent use.
type Clusters struct {
	paths []string         // distinct paths, indexed by cluster id
	words []entry          // every known word, sorted by path, count desc, word
	exact map[string]int32 // word as written → cluster id
	// folded maps the lower-cased form of every word to the cluster of its
	// most frequent cased variant; it serves the case-insensitive fallback.
	folded map[string]int32
}

type entry struct {
	word    string
	cluster int32
	count   int64
}

// Path returns the bit-string path ("0110…") of word's cluster, or "" if
// the word is unknown.
//
// Lookup is case-sensitive first. If the word as written is unknown, Path
// looks up its lower-cased form among the lower-cased vocabulary and
// returns the path of the most frequent spelling with that form: "MONDAY"
// gets the path of "Monday", "SOCCER" that of "soccer", "Us" that of "us".
// Path does not allocate for words of up to 64 bytes.
func (c *Clusters) Path(word string) string {
	if c == nil {
		return ""
	}
	if id, ok := c.exact[word]; ok {
		return c.paths[id]
	}
	var buf [64]byte
	if b, ok := lowerInto(buf[:0], word); ok {
		if id, ok := c.folded[string(b)]; ok {
			return c.paths[id]
		}
		return ""
	}
	if id, ok := c.folded[strings.ToLower(word)]; ok {
		return c.paths[id]
	}
	return ""
}

// lowerInto appends the lower-cased word to dst if it fits in dst's
// capacity; ok is false if it does not.
func lowerInto(dst []byte, word string) (_ []byte, ok bool) {
	for i := 0; i < len(word); {
		b := word[i]
		if b < utf8.RuneSelf {
			if 'A' <= b && b <= 'Z' {
				b += 'a' - 'A'
			}
			if len(dst) == cap(dst) {
				return dst, false
			}
			dst = append(dst, b)
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(word[i:])
		i += size
		if r != utf8.RuneError {
			r = unicode.ToLower(r)
		}
		if len(dst)+utf8.RuneLen(r) > cap(dst) {
			return dst, false
		}
		dst = utf8.AppendRune(dst, r)
	}
	return dst, true
}

// Len returns the number of known words.
func (c *Clusters) Len() int { return len(c.words) }

// NumClusters returns the number of leaves of the hierarchy, that is, of
// distinct paths.
func (c *Clusters) NumClusters() int { return len(c.paths) }

// Cluster returns the words whose path is path, most frequent first.
func (c *Clusters) Cluster(path string) []string {
	lo, _ := slices.BinarySearchFunc(c.words, path, func(e entry, p string) int {
		return strings.Compare(c.paths[e.cluster], p)
	})
	var out []string
	for _, e := range c.words[lo:] {
		if c.paths[e.cluster] != path {
			break
		}
		out = append(out, e.word)
	}
	return out
}

// newClusters builds a Clusters from words with their paths and counts.
func newClusters(words []string, paths []string, counts []int64) *Clusters {
	c := &Clusters{
		exact:  make(map[string]int32, len(words)),
		folded: make(map[string]int32, len(words)),
		words:  make([]entry, 0, len(words)),
	}
	ids := make(map[string]int32)
	for i, w := range words {
		id, ok := ids[paths[i]]
		if !ok {
			id = int32(len(c.paths))
			ids[paths[i]] = id
			c.paths = append(c.paths, paths[i])
		}
		c.words = append(c.words, entry{word: w, cluster: id, count: counts[i]})
	}
	slices.SortFunc(c.words, func(a, b entry) int {
		if r := strings.Compare(c.paths[a.cluster], c.paths[b.cluster]); r != 0 {
			return r
		}
		if r := cmp.Compare(b.count, a.count); r != 0 {
			return r
		}
		return strings.Compare(a.word, b.word)
	})
	best := make(map[string]int64, len(words))
	for _, e := range c.words {
		c.exact[e.word] = e.cluster
		low := strings.ToLower(e.word)
		if n, ok := best[low]; !ok || e.count > n || (e.count == n && low == e.word) {
			best[low] = e.count
			c.folded[low] = e.cluster
		}
	}
	return c
}

// WriteTo writes the clusters to w as gzip-compressed text, one
// "path<TAB>word<TAB>count" line per word (the format of Liang's wcluster
// paths file), sorted by path, then by decreasing count. The output is
// deterministic. Read reads it back.
func (c *Clusters) WriteTo(w io.Writer) (int64, error) {
	cw := &countWriter{w: w}
	zw, err := gzip.NewWriterLevel(cw, gzip.BestCompression)
	if err != nil {
		return 0, fmt.Errorf("write clusters: %w", err)
	}
	bw := bufio.NewWriter(zw)
	var line []byte
	for _, e := range c.words {
		line = append(line[:0], c.paths[e.cluster]...)
		line = append(line, '\t')
		line = append(line, e.word...)
		line = append(line, '\t')
		line = strconv.AppendInt(line, e.count, 10)
		line = append(line, '\n')
		if _, err := bw.Write(line); err != nil {
			return cw.n, fmt.Errorf("write clusters: %w", err)
		}
	}
	if err := bw.Flush(); err != nil {
		return cw.n, fmt.Errorf("write clusters: %w", err)
	}
	if err := zw.Close(); err != nil {
		return cw.n, fmt.Errorf("write clusters: %w", err)
	}
	return cw.n, nil
}

type countWriter struct {
	w io.Writer
	n int64
}

func (cw *countWriter) Write(p []byte) (int, error) {
	n, err := cw.w.Write(p)
	cw.n += int64(n)
	return n, err
}

// Read reads clusters in the format written by WriteTo. It also accepts
// the uncompressed text, so a wcluster paths file can be read as is.
// Malformed input yields an error wrapping ErrFormat.
func Read(r io.Reader) (*Clusters, error) {
	br := bufio.NewReader(r)
	if magic, err := br.Peek(2); err == nil && magic[0] == 0x1f && magic[1] == 0x8b {
		zr, err := gzip.NewReader(br)
		if err != nil {
			return nil, fmt.Errorf("read clusters: %w", err)
		}
		defer zr.Close()
		br = bufio.NewReader(zr)
	}
	var words, paths []string
	var counts []int64
	seen := make(map[string]bool)
	sc := bufio.NewScanner(br)
	sc.Buffer(make([]byte, 64*1024), 1024*1024)
	for lineNo := 1; sc.Scan(); lineNo++ {
		line := sc.Bytes()
		if len(line) == 0 {
			continue
		}
		path, rest, ok1 := bytes.Cut(line, []byte{'\t'})
		word, count, ok2 := bytes.Cut(rest, []byte{'\t'})
		if !ok1 || !ok2 || len(word) == 0 || !isPath(path) {
			return nil, fmt.Errorf("read clusters: line %d: %w", lineNo, ErrFormat)
		}
		n, err := strconv.ParseInt(string(count), 10, 64)
		if err != nil || n < 0 {
			return nil, fmt.Errorf("read clusters: line %d: bad count: %w", lineNo, ErrFormat)
		}
		w := string(word)
		if seen[w] {
			return nil, fmt.Errorf("read clusters: line %d: duplicate word %q: %w", lineNo, w, ErrFormat)
		}
		seen[w] = true
		words = append(words, w)
		paths = append(paths, string(path))
		counts = append(counts, n)
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("read clusters: %w", err)
	}
	if len(words) == 0 {
		return nil, fmt.Errorf("read clusters: no words: %w", ErrFormat)
	}
	return newClusters(words, paths, counts), nil
}

func isPath(p []byte) bool {
	if len(p) == 0 {
		return false
	}
	for _, b := range p {
		if b != '0' && b != '1' {
			return false
		}
	}
	return true
}

// DefaultPath is the file, in this package's directory, that Default
// reads: `parallax train clusters` writes it, and the build embeds it.
const DefaultPath = "clusters.tsv.gz"

//go:embed clusters.tsv.gz
var embedded []byte

var loadDefault = sync.OnceValue(func() *Clusters {
	c, err := Read(bytes.NewReader(embedded))
	if err != nil {
		// The embedded file is fixed at build time and checked by
		// TestDefault, so this is a build defect, not a run-time condition.
		panic(fmt.Sprintf("wordcluster: embedded clusters: %v", err))
	}
	return c
})

// Default returns the clusters embedded in the binary, trained by
// TrainShared on the unlabeled news text of the shared data directory.
// They are parsed on first use; Default is safe for concurrent use and
// always returns the same *Clusters.
func Default() *Clusters { return loadDefault() }
