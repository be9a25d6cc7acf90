package wordcluster_test

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"errors"
	"flag"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/parallax-news/parallax/internal/wordcluster"
)

var (
	update = flag.Bool("update", false, "retrain the embedded clusters from -data (takes minutes)")
	data   = flag.String("data", "../../../shared/data", "shared data directory")
)

// commonPrefix returns the length of the common prefix of a and b.
func commonPrefix(a, b string) int {
	n := 0
	for n < len(a) && n < len(b) && a[n] == b[n] {
		n++
	}
	return n
}

var (
	days    = []string{"Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"}
	months  = []string{"January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"}
	numbers = []string{"two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven"}
	verbs   = []string{"said", "added", "stated", "argued", "claimed"}
)

// syntheticCorpus returns sentences in which each word class has its own
// left and right contexts, embedded in random filler words shared by all
// sentences, so that the classes are separable by their contexts alone.
func syntheticCorpus(seed uint64) [][]string {
	rng := rand.New(rand.NewPCG(seed, 7))
	pick := func(ws ...string) string { return ws[rng.IntN(len(ws))] }
	filler := []string{"the", "a", "report", "officials", "and", "of", "market", "city", "police", "team", "were", "is", "also", "its", "new", "to"}
	slots := []func() []string{
		func() []string {
			return []string{pick("on", "last", "next", "every"), pick(days...), pick("morning", "night", "afternoon")}
		},
		func() []string {
			return []string{pick("in", "since", "until", "early"), pick(months...), pick("2004", "2005", "2006")}
		},
		func() []string {
			return []string{pick("arrested", "killed", "injured", "about"), pick(numbers...), pick("people", "men", "soldiers", "children")}
		},
		func() []string {
			return []string{pick("minister", "spokesman", "he", "she"), pick(verbs...), pick("that", "yesterday", "today")}
		},
	}
	var out [][]string
	for range 4000 {
		var s []string
		for range 1 + rng.IntN(4) {
			s = append(s, pick(filler...))
		}
		s = append(s, slots[rng.IntN(len(slots))]()...)
		for range rng.IntN(4) {
			s = append(s, pick(filler...))
		}
		out = append(out, append(s, "."))
	}
	return out
}

func TestTrainSeparatesClasses(t *testing.T) {
	classes := map[string][]string{"days": days, "months": months, "numbers": numbers, "verbs": verbs}
	sents := syntheticCorpus(1)
	for _, tc := range []struct {
		name     string
		clusters int
	}{
		{"narrow window", 20},
		{"wider window", 32},
		{"every word its own cluster", 100},
	} {
		t.Run(tc.name, func(t *testing.T) {
			c, err := wordcluster.Train(sents, wordcluster.Options{Clusters: tc.clusters, MinCount: 1, Workers: 2})
			if err != nil {
				t.Fatal(err)
			}
			// Each class must be a subtree: the common prefix within the
			// class is longer than any common prefix with another class.
			for name, ws := range classes {
				inner := 1 << 30
				for _, a := range ws {
					if c.Path(a) == "" {
						t.Fatalf("%s: no path", a)
					}
					for _, b := range ws {
						inner = min(inner, commonPrefix(c.Path(a), c.Path(b)))
					}
				}
				for other, others := range classes {
					if other == name {
						continue
					}
					for _, a := range ws {
						for _, b := range others {
							if n := commonPrefix(c.Path(a), c.Path(b)); n >= inner {
								t.Errorf("%s %q (%s) and %s %q (%s) share %d bits, as many as %s share among themselves",
									name, a, c.Path(a), other, b, c.Path(b), n, name)
							}
						}
					}
				}
			}
		})
	}
}

func TestTrainErrors(t *testing.T) {
	for _, tc := range []struct {
		name  string
		sents [][]string
		opts  wordcluster.Options
		want  error
	}{
		{"no sentences", nil, wordcluster.Options{}, wordcluster.ErrNoData},
		{"all words rare", [][]string{{"a", "b"}}, wordcluster.Options{MinCount: 2}, wordcluster.ErrNoData},
		{"one cluster", [][]string{{"a", "b"}}, wordcluster.Options{Clusters: 1}, nil},
		{"negative min count", [][]string{{"a", "b"}}, wordcluster.Options{MinCount: -1}, nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := wordcluster.Train(tc.sents, tc.opts)
			if err == nil {
				t.Fatal("no error")
			}
			if tc.want != nil && !errors.Is(err, tc.want) {
				t.Errorf("error %v, want %v", err, tc.want)
			}
		})
	}
}

func TestTrainTinyVocabularies(t *testing.T) {
	for _, tc := range []struct {
		name  string
		sents [][]string
	}{
		{"one word", [][]string{{"a", "a"}}},
		{"two words", [][]string{{"a", "b"}}},
		{"no bigrams", [][]string{{"a"}, {"b"}, {"c"}}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			c, err := wordcluster.Train(tc.sents, wordcluster.Options{MinCount: 1})
			if err != nil {
				t.Fatal(err)
			}
			seen := map[string]string{}
			for _, s := range tc.sents {
				for _, w := range s {
					p := c.Path(w)
					if p == "" {
						t.Errorf("%q: no path", w)
					}
					if other, ok := seen[p]; ok && other != w {
						t.Errorf("%q and %q share leaf %s", w, other, p)
					}
					seen[p] = w
				}
			}
		})
	}
}

func TestTrainDeterministic(t *testing.T) {
	sents := syntheticCorpus(2)
	var outs [][]byte
	for _, workers := range []int{1, 2, 3} {
		c, err := wordcluster.Train(sents, wordcluster.Options{Clusters: 8, MinCount: 1, Workers: workers})
		if err != nil {
			t.Fatal(err)
		}
		var buf bytes.Buffer
		if _, err := c.WriteTo(&buf); err != nil {
			t.Fatal(err)
		}
		outs = append(outs, buf.Bytes())
	}
	for i := 1; i < len(outs); i++ {
		if !bytes.Equal(outs[0], outs[i]) {
			t.Errorf("output with %d workers differs from output with 1", i+1)
		}
	}
}

func TestRoundTrip(t *testing.T) {
	c, err := wordcluster.Train(syntheticCorpus(3), wordcluster.Options{Clusters: 10, MinCount: 1})
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	n, err := c.WriteTo(&buf)
	if err != nil {
		t.Fatal(err)
	}
	if n != int64(buf.Len()) {
		t.Errorf("WriteTo returned %d, wrote %d bytes", n, buf.Len())
	}
	gz := bytes.Clone(buf.Bytes())
	zr, err := gzip.NewReader(bytes.NewReader(gz))
	if err != nil {
		t.Fatal(err)
	}
	var plain bytes.Buffer
	if _, err := plain.ReadFrom(zr); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		name  string
		input []byte
	}{
		{"gzip", gz},
		{"plain text", plain.Bytes()},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got, err := wordcluster.Read(bytes.NewReader(tc.input))
			if err != nil {
				t.Fatal(err)
			}
			if got.Len() != c.Len() || got.NumClusters() != c.NumClusters() {
				t.Errorf("read %d words in %d clusters, want %d in %d", got.Len(), got.NumClusters(), c.Len(), c.NumClusters())
			}
			for _, w := range append(append(days, months...), "the", "minister", "MONDAY", "unknown") {
				if got.Path(w) != c.Path(w) {
					t.Errorf("Path(%q) = %q, want %q", w, got.Path(w), c.Path(w))
				}
			}
			var again bytes.Buffer
			if _, err := got.WriteTo(&again); err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(again.Bytes(), gz) {
				t.Error("writing what was read gives different bytes")
			}
		})
	}
}

func TestReadMalformed(t *testing.T) {
	for _, tc := range []struct {
		name, input string
	}{
		{"empty", ""},
		{"no tabs", "0101 word 3\n"},
		{"bad path", "01x1\tword\t3\n"},
		{"empty path", "\tword\t3\n"},
		{"bad count", "0101\tword\tmany\n"},
		{"negative count", "0101\tword\t-1\n"},
		{"empty word", "0101\t\t1\n"},
		{"duplicate word", "0\tword\t1\n1\tword\t1\n"},
		{"truncated gzip", "\x1f\x8b\x08\x00"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if _, err := wordcluster.Read(strings.NewReader(tc.input)); err == nil {
				t.Error("no error")
			}
		})
	}
}

func TestPathCase(t *testing.T) {
	input := "0\tMonday\t10\n0\tmonday\t1\n10\tus\t50\n11\tUS\t40\n11\tUs\t2\n10\tsoccer\t5\n11\tSoccer\t3\n10\tÉcole\t3\n"
	c, err := wordcluster.Read(strings.NewReader(input))
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct{ word, want string }{
		{"Monday", "0"},
		{"MONDAY", "0"},  // no exact match: most frequent of Monday, monday
		{"US", "11"},     // exact match wins over the more frequent "us"
		{"Us", "11"},     // exact
		{"uS", "10"},     // folded: "us" is more frequent than "US" and "Us"
		{"SOCCER", "10"}, // folded: "soccer"
		{"ÉCOLE", "10"},  // non-ASCII folding
		{"Tuesday", ""},
		{"", ""},
		{strings.Repeat("X", 100), ""}, // longer than the allocation-free buffer
	} {
		t.Run(tc.word, func(t *testing.T) {
			if got := c.Path(tc.word); got != tc.want {
				t.Errorf("Path(%q) = %q, want %q", tc.word, got, tc.want)
			}
		})
	}
	var nilClusters *wordcluster.Clusters
	if got := nilClusters.Path("Monday"); got != "" {
		t.Errorf("nil Clusters: Path = %q", got)
	}
}

func TestDefault(t *testing.T) {
	c := wordcluster.Default()
	if c != wordcluster.Default() {
		t.Error("Default returns different values")
	}
	if c.Len() < 20000 || c.NumClusters() < 200 {
		t.Errorf("Default has %d words in %d clusters", c.Len(), c.NumClusters())
	}
	for _, w := range []string{"the", "said", "Monday", "London", "Clinton", "government", "U.S.", "'s", ","} {
		if c.Path(w) == "" {
			t.Errorf("Path(%q) unknown", w)
		}
	}
	// Pairs of the same kind share long prefixes; pairs of different
	// kinds diverge early.
	for _, tc := range []struct {
		a, b    string
		minBits int // at least this many bits in common (0: no floor)
		maxBits int // at most this many (0: no ceiling)
	}{
		{"Monday", "Tuesday", 8, 0},
		{"London", "Paris", 6, 0},
		{"January", "March", 8, 0},
		{"said", "London", 0, 3},
		{"said", "Monday", 0, 3},
	} {
		t.Run(tc.a+"-"+tc.b, func(t *testing.T) {
			pa, pb := c.Path(tc.a), c.Path(tc.b)
			n := commonPrefix(pa, pb)
			if n < tc.minBits || (tc.maxBits > 0 && n > tc.maxBits) {
				t.Errorf("%s (%s) and %s (%s) share %d bits, want [%d, %d]", tc.a, pa, tc.b, pb, n, tc.minBits, tc.maxBits)
			}
		})
	}
}

func TestPathAllocs(t *testing.T) {
	c := wordcluster.Default()
	for _, w := range []string{"Monday", "MONDAY", "unknownword", "ÉCOLE"} {
		if n := testing.AllocsPerRun(100, func() { c.Path(w) }); n != 0 {
			t.Errorf("Path(%q): %v allocations", w, n)
		}
	}
}

// newsText is a news paragraph, tokenized, for the benchmark.
const newsText = `LONDON ( Reuters ) - British Prime Minister Tony Blair said on Tuesday
that the government would not raise taxes , despite warnings from the Bank of England
that inflation could rise above 2.5 percent in March . Shares in Vodafone fell 3 percent
to 120 pence after the company 's chief executive , Chris Gent , told analysts in Paris
that sales in Germany and France had slowed . " We are confident , " Gent said .
MANCHESTER UNITED BEAT ARSENAL 2-1 ON SUNDAY .`

func BenchmarkPath(b *testing.B) {
	c := wordcluster.Default()
	words := strings.Fields(newsText)
	known := 0
	for _, w := range words {
		if c.Path(w) != "" {
			known++
		}
	}
	b.ReportAllocs()
	var bytesIn int
	for _, w := range words {
		bytesIn += len(w)
	}
	b.SetBytes(int64(bytesIn))
	for b.Loop() {
		n := 0
		for _, w := range words {
			if c.Path(w) != "" {
				n++
			}
		}
		if n != known {
			b.Fatalf("%d known words, want %d", n, known)
		}
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*len(words)), "ns/word")
}

func FuzzRead(f *testing.F) {
	f.Add([]byte("0\tthe\t5\n1\tof\t3\n"))
	f.Add([]byte("01\tMonday\t1\n"))
	f.Fuzz(func(t *testing.T, input []byte) {
		c, err := wordcluster.Read(bytes.NewReader(input))
		if err != nil {
			return
		}
		var buf bytes.Buffer
		if _, err := c.WriteTo(&buf); err != nil {
			t.Fatal(err)
		}
		again, err := wordcluster.Read(&buf)
		if err != nil {
			t.Fatalf("reading what was written: %v", err)
		}
		if again.Len() != c.Len() || again.NumClusters() != c.NumClusters() {
			t.Errorf("round trip changed size")
		}
	})
}

func TestCorpus(t *testing.T) {
	if testing.Short() {
		t.Skip("reads the shared data")
	}
	if _, err := os.Stat(*data); err != nil {
		t.Skipf("no shared data: %v", err)
	}
	sents, err := wordcluster.Corpus(*data)
	if err != nil {
		t.Fatal(err)
	}
	tokens := 0
	for _, s := range sents {
		for _, w := range s {
			if w == "" || strings.ContainsAny(w, " \t\n") {
				t.Fatalf("bad token %q in %q", w, s)
			}
		}
		tokens += len(s)
	}
	if len(sents) < 100000 || tokens < 2000000 {
		t.Errorf("%d sentences, %d tokens; want at least 100,000 and 2,000,000", len(sents), tokens)
	}
}

// TestUpdateEmbedded retrains the embedded clusters:
//
//	go test ./internal/wordcluster -run TestUpdateEmbedded -update -timeout 60m
func TestUpdateEmbedded(t *testing.T) {
	if !*update {
		t.Skip("run with -update to retrain clusters.tsv.gz")
	}
	c, err := wordcluster.TrainShared(*data, wordcluster.Options{Log: os.Stderr})
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if _, err := c.WriteTo(&buf); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(".", "clusters.tsv.gz"), buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	fmt.Fprintf(os.Stderr, "wrote clusters.tsv.gz: %d words, %d clusters, %d bytes\n", c.Len(), c.NumClusters(), buf.Len())
}

// TestDefaultPredictsEntityTypes measures what the clusters tell the
// tagger about words it has not seen: for each path prefix length, the
// majority entity type (PER, LOC, ORG, MISC or O) of the prefix is learned
// on the first 80% of the CoNLL-2003 training sentences and used to
// predict the type of the tokens in the last 20% whose word does not occur
// in the first 80%. The floors only ever rise.
func TestDefaultPredictsEntityTypes(t *testing.T) {
	f, err := os.Open(filepath.Join(*data, "conll2003", "train.txt"))
	if err != nil {
		t.Skipf("no CoNLL-2003 training data: %v", err)
	}
	defer f.Close()
	type token struct{ word, typ string }
	var sents [][]token
	var cur []token
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		fields := strings.Fields(sc.Text())
		if len(fields) < 2 {
			if len(cur) > 0 {
				sents = append(sents, cur)
			}
			cur = nil
			continue
		}
		tag := fields[len(fields)-1]
		if _, typ, ok := strings.Cut(tag, "-"); ok {
			tag = typ
		}
		cur = append(cur, token{fields[0], tag})
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	split := len(sents) * 8 / 10
	seen := make(map[string]bool)
	for _, s := range sents[:split] {
		for _, tok := range s {
			seen[tok.word] = true
		}
	}
	c := wordcluster.Default()
	for _, tc := range []struct {
		prefix         int
		minAcc, minEnt float64 // accuracy on all unseen tokens, on entity tokens
	}{
		{4, 0.70, 0.15},
		{6, 0.70, 0.20},
		{10, 0.73, 0.28},
		{20, 0.73, 0.30},
	} {
		t.Run(fmt.Sprint(tc.prefix), func(t *testing.T) {
			key := func(w string) string {
				p := c.Path(w)
				return p[:min(tc.prefix, len(p))]
			}
			counts := make(map[string]map[string]int)
			for _, s := range sents[:split] {
				for _, tok := range s {
					k := key(tok.word)
					if counts[k] == nil {
						counts[k] = make(map[string]int)
					}
					counts[k][tok.typ]++
				}
			}
			var n, ok, ents, entsOK int
			for _, s := range sents[split:] {
				for _, tok := range s {
					if seen[tok.word] {
						continue
					}
					best, bestN := "O", 0
					for typ, m := range counts[key(tok.word)] {
						if m > bestN || (m == bestN && typ < best) {
							best, bestN = typ, m
						}
					}
					n++
					if best == tok.typ {
						ok++
					}
					if tok.typ != "O" {
						ents++
						if best == tok.typ {
							entsOK++
						}
					}
				}
			}
			acc, entAcc := float64(ok)/float64(n), float64(entsOK)/float64(ents)
			t.Logf("prefix %d: %d unseen tokens, accuracy %.3f; %d entity tokens, accuracy %.3f", tc.prefix, n, acc, ents, entAcc)
			if acc < tc.minAcc || entAcc < tc.minEnt {
				t.Errorf("accuracy %.3f, entity accuracy %.3f; floors %.2f, %.2f", acc, entAcc, tc.minAcc, tc.minEnt)
			}
		})
	}
}
