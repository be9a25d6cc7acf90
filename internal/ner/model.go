package ner

import (
	"bufio"
	"bytes"
	"compress/gzip"
	_ "embed"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"math"
	"math/bits"
	"slices"
	"sync"

	"github.com/parallax-news/parallax/internal/wordcluster"
)

// Model is a trained tagger model, from Train, ReadModel or Default. It is
// immutable and safe for concurrent use; tag with a Tagger from NewTagger.
type Model struct {
	set  featureSet
	keys []uint64 // feature hashes, sorted; keys[r] is row r
	// rows are the weights of keys in order, in units of scale, sparse: a
	// row is a 48-bit mask of its non-zero columns (3 int16s, low bits
	// first) and then those weights. Columns are labels of stage one, then
	// of stage two. Most rows have a handful of weights, so a row is
	// usually one cache line.
	rows  []int16
	scale float32
	trans [2][transLen]float32
	tt    [2]*transitions // trans laid out for viterbi
	table []uint64        // open-addressing index of keys: see index
	shift uint

	// vocab are the frequent training words; words and entries hold their
	// atoms and word scores (see wordEntry), computed once when the model is
	// made, so a new Tagger starts with the common words ready.
	vocab   []string
	words   map[string]int32
	entries []wordEntry
	pads    [2]wordEntry // padding before and after a sentence

	gaz      *gazetteer
	lex      *gazetteer // mentions of the training data
	clusters *wordcluster.Clusters
}

const rowLen = 2 * numLabels

// build fills the model from trained weights, dropping features whose
// weights are all below prune in magnitude, and quantizes the weights to
// 16 bits, the precision of the model file, so a model tags the same before
// and after a round trip.
func (m *Model) build(dict map[uint64]int32, w1, t1, w2, t2 []float32, prune float64) error {
	copy(m.trans[0][:], t1)
	copy(m.trans[1][:], t2)
	keys := make([]uint64, 0, len(dict))
	for k := range dict {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	p := float32(prune)
	var rows []float32
	var row [rowLen]float32
	var maxAbs float32
	for _, k := range keys {
		id := int(dict[k])
		for l := range numLabels {
			row[l], row[numLabels+l] = 0, 0
			if o := id*numLabels + l; o < len(w1) {
				row[l] = w1[o]
			}
			if o := id*numLabels + l; o < len(w2) {
				row[numLabels+l] = w2[o]
			}
		}
		keep := false
		for i, v := range row {
			if v < p && v > -p {
				row[i] = 0
			} else {
				keep = true
				maxAbs = max(maxAbs, v, -v)
			}
		}
		if keep {
			m.keys = append(m.keys, k)
			rows = append(rows, row[:]...)
		}
	}
	m.scale = maxAbs / math.MaxInt16
	if m.scale == 0 {
		m.scale = 1
	}
	for r := range m.keys {
		var q [rowLen]int16
		for i, v := range rows[r*rowLen : (r+1)*rowLen] {
			q[i] = int16(math.Round(float64(v / m.scale)))
		}
		m.appendRow(q[:])
	}
	if err := m.index(); err != nil {
		return err
	}
	m.layoutTransitions()
	return nil
}

func (m *Model) layoutTransitions() {
	for s := range m.trans {
		m.tt[s] = newTransitions(m.trans[s][:])
	}
}

// prepareVocab computes the atoms and unigram scores of the vocabulary.
// It needs the index, clusters and gazetteer in place.
func (m *Model) prepareVocab() {
	fx := newFeaturizer(m.set, m.clusters, m.gaz)
	m.words = make(map[string]int32, len(m.vocab))
	m.entries = make([]wordEntry, len(m.vocab))
	var hashes []uint64
	for i, w := range m.vocab {
		e := &m.entries[i]
		e.a = fx.tokenAtoms(w)
		hashes = e.fill(m, hashes)
		m.words[w] = int32(i)
	}
	m.pads = [2]wordEntry{{a: padBefore}, {a: padAfter}}
	for i := range m.pads {
		hashes = m.pads[i].fill(m, hashes)
	}
}

// appendRow appends a dense row to m.rows in the sparse layout.
func (m *Model) appendRow(row []int16) {
	var mask uint64
	for i, v := range row {
		if v != 0 {
			mask |= 1 << i
		}
	}
	m.rows = append(m.rows, int16(mask), int16(mask>>16), int16(mask>>32))
	for _, v := range row {
		if v != 0 {
			m.rows = append(m.rows, v)
		}
	}
}

// rowMask returns the mask of the row at offset off in rows.
func rowMask(rows []int16, off int) uint64 {
	return uint64(uint16(rows[off])) | uint64(uint16(rows[off+1]))<<16 | uint64(uint16(rows[off+2]))<<32
}

// index builds the lookup table. Feature hashes are already well mixed:
// their top bits pick a slot, and a slot holds the low 40 bits of the hash
// above 1 + the row's offset in m.rows (0 marks an empty slot), 8 bytes
// that keep the table small enough to stay in cache. Two features that
// agree on all those 40 bits and on the slot bits are one in 2^40 apart;
// the table is at most half full.
func (m *Model) index() error {
	if len(m.rows) >= 1<<offBits-1 {
		return fmt.Errorf("ner: model has %d weights, more than %d", len(m.rows), 1<<offBits-1)
	}
	nb := uint(1)
	for 1<<nb < 2*len(m.keys) {
		nb++
	}
	m.table = make([]uint64, 1<<nb)
	m.shift = 64 - nb
	mask := uint64(len(m.table) - 1)
	off := 0
	for _, k := range m.keys {
		i := k >> m.shift
		for m.table[i] != 0 {
			i = (i + 1) & mask
		}
		m.table[i] = k<<offBits | uint64(off+1)
		off += 3 + bits.OnesCount64(rowMask(m.rows, off))
	}
	return nil
}

// offBits is the number of low bits of a table slot that hold 1 + a row's
// offset.
const offBits = 24

// lookup returns the offset in m.rows of the row of feature h, or -1.
func (m *Model) lookup(h uint64) int {
	mask := uint64(len(m.table) - 1)
	tag := h << offBits
	for i := h >> m.shift; ; i = (i + 1) & mask {
		s := m.table[i]
		if s == 0 {
			return -1
		}
		if s&^(1<<offBits-1) == tag {
			return int(s&(1<<offBits-1)) - 1
		}
	}
}

// Features returns the number of features with weights in the model.
func (m *Model) Features() int { return len(m.keys) }

const modelMagic = "parallax-ner-1\n"

// ErrModelFormat is returned by ReadModel for input that is not a model.
var ErrModelFormat = errors.New("ner: malformed model file")

// WriteTo writes the model in its file format: gzip-compressed, with
// feature hashes delta-coded and each weight row a bit set of its non-zero
// weights followed by them as varints.
func (m *Model) WriteTo(w io.Writer) (int64, error) {
	cw := &countWriter{w: w}
	zw, _ := gzip.NewWriterLevel(cw, gzip.BestCompression)
	bw := bufio.NewWriter(zw)
	var buf []byte
	buf = append(buf, modelMagic...)
	buf = binary.LittleEndian.AppendUint32(buf, uint32(m.set))
	buf = binary.LittleEndian.AppendUint32(buf, math.Float32bits(m.scale))
	for s := range m.trans {
		for _, v := range m.trans[s] {
			buf = binary.LittleEndian.AppendUint32(buf, math.Float32bits(v))
		}
	}
	buf = binary.AppendUvarint(buf, uint64(len(m.keys)))
	bw.Write(buf)
	var prev uint64
	off := 0
	for _, k := range m.keys {
		buf = binary.AppendUvarint(buf[:0], k-prev)
		prev = k
		mask := rowMask(m.rows, off)
		n := bits.OnesCount64(mask)
		buf = binary.AppendUvarint(buf, mask)
		for _, v := range m.rows[off+3 : off+3+n] {
			buf = binary.AppendVarint(buf, int64(v))
		}
		off += 3 + n
		bw.Write(buf)
	}
	if m.set&useLexicon != 0 {
		// The lexicon: its longest phrase, then phrase hashes, sorted and
		// delta-coded, each with its bit set of types.
		buf = binary.AppendUvarint(buf[:0], uint64(m.lex.maxLen))
		phrases := make([]uint64, 0, len(m.lex.phrases))
		for h := range m.lex.phrases {
			phrases = append(phrases, h)
		}
		slices.Sort(phrases)
		buf = binary.AppendUvarint(buf, uint64(len(phrases)))
		prev = 0
		for _, h := range phrases {
			buf = binary.AppendUvarint(buf, h-prev)
			buf = binary.AppendUvarint(buf, uint64(m.lex.phrases[h]))
			prev = h
		}
		bw.Write(buf)
	}
	buf = binary.AppendUvarint(buf[:0], uint64(len(m.vocab)))
	for _, w := range m.vocab {
		buf = binary.AppendUvarint(buf, uint64(len(w)))
		buf = append(buf, w...)
	}
	bw.Write(buf)
	if m.set&useClusters != 0 {
		// A copy of the word clusters the model was trained with, so that
		// retraining the clusters does not silently change its features.
		var cb bytes.Buffer
		if _, err := m.clusters.WriteTo(&cb); err != nil {
			return cw.n, fmt.Errorf("write model clusters: %w", err)
		}
		bw.Write(binary.AppendUvarint(buf[:0], uint64(cb.Len())))
		bw.Write(cb.Bytes())
	}
	if err := bw.Flush(); err != nil {
		return cw.n, fmt.Errorf("write model: %w", err)
	}
	if err := zw.Close(); err != nil {
		return cw.n, fmt.Errorf("write model: %w", err)
	}
	return cw.n, cw.err
}

type countWriter struct {
	w   io.Writer
	n   int64
	err error
}

func (c *countWriter) Write(p []byte) (int, error) {
	if c.err != nil {
		return 0, c.err
	}
	n, err := c.w.Write(p)
	c.n += int64(n)
	c.err = err
	return n, err
}

// ReadModel reads a model written by WriteTo.
func ReadModel(r io.Reader) (*Model, error) {
	zr, err := gzip.NewReader(r)
	if err != nil {
		return nil, fmt.Errorf("read model: %w: %w", ErrModelFormat, err)
	}
	data, err := io.ReadAll(zr)
	if err != nil {
		return nil, fmt.Errorf("read model: %w: %w", ErrModelFormat, err)
	}
	if !bytes.HasPrefix(data, []byte(modelMagic)) {
		return nil, fmt.Errorf("read model: %w", ErrModelFormat)
	}
	d := &decoder{b: data[len(modelMagic):]}
	m := &Model{set: featureSet(d.u32())}
	m.scale = math.Float32frombits(d.u32())
	for s := range m.trans {
		for i := range m.trans[s] {
			m.trans[s][i] = math.Float32frombits(d.u32())
		}
	}
	n := d.uvarint()
	if d.err != nil || n > uint64(len(d.b)) {
		return nil, fmt.Errorf("read model: %w", ErrModelFormat)
	}
	m.keys = make([]uint64, n)
	var row [rowLen]int16
	var key uint64
	for r := range m.keys {
		delta := d.uvarint()
		if r > 0 && delta == 0 || key+delta < key {
			d.err = ErrModelFormat
		}
		key += delta
		m.keys[r] = key
		mask := d.uvarint()
		if mask >= 1<<rowLen {
			d.err = ErrModelFormat
		}
		row = [rowLen]int16{}
		for j := range row {
			if mask&(1<<j) != 0 {
				v := d.varint()
				if v < math.MinInt16 || v > math.MaxInt16 {
					d.err = ErrModelFormat
				}
				row[j] = int16(v)
			}
		}
		if d.err != nil {
			break
		}
		m.appendRow(row[:])
	}
	if m.set&useLexicon != 0 && d.err == nil {
		m.lex = &gazetteer{phrases: make(map[uint64]uint32), lists: Types, tmpl: tLex, tmplCap: tLexCap}
		m.lex.maxLen = int(d.uvarint())
		n := d.uvarint()
		if n > uint64(len(d.b)) {
			d.err = ErrModelFormat
		}
		var h uint64
		for range n {
			h += d.uvarint()
			m.lex.phrases[h] = uint32(d.uvarint())
			if d.err != nil {
				break
			}
		}
	}
	if n := d.uvarint(); d.err == nil && n <= uint64(len(d.b)) {
		m.vocab = make([]string, n)
		for i := range m.vocab {
			l := d.uvarint()
			if d.err != nil || l > uint64(len(d.b)) {
				return nil, fmt.Errorf("read model: %w", ErrModelFormat)
			}
			m.vocab[i] = string(d.b[:l])
			d.b = d.b[l:]
		}
	}
	if m.set&useClusters != 0 && d.err == nil {
		n := d.uvarint()
		if d.err != nil || n > uint64(len(d.b)) {
			return nil, fmt.Errorf("read model: %w", ErrModelFormat)
		}
		c, err := wordcluster.Read(bytes.NewReader(d.b[:n]))
		if err != nil {
			return nil, fmt.Errorf("read model clusters: %w", err)
		}
		m.clusters = c
		d.b = d.b[n:]
	}
	if d.err != nil || len(d.b) != 0 {
		return nil, fmt.Errorf("read model: %w", ErrModelFormat)
	}
	if err := m.index(); err != nil {
		return nil, fmt.Errorf("read model: %w", err)
	}
	m.layoutTransitions()
	if m.set&useGazetteer != 0 {
		m.gaz = builtinGazetteer()
	}
	m.prepareVocab()
	return m, nil
}

type decoder struct {
	b   []byte
	err error
}

func (d *decoder) u32() uint32 {
	if len(d.b) < 4 {
		d.err = ErrModelFormat
		return 0
	}
	v := binary.LittleEndian.Uint32(d.b)
	d.b = d.b[4:]
	return v
}

func (d *decoder) uvarint() uint64 {
	v, n := binary.Uvarint(d.b)
	if n <= 0 {
		d.err = ErrModelFormat
		d.b = nil
		return 0
	}
	d.b = d.b[n:]
	return v
}

func (d *decoder) varint() int64 {
	v, n := binary.Varint(d.b)
	if n <= 0 {
		d.err = ErrModelFormat
		d.b = nil
		return 0
	}
	d.b = d.b[n:]
	return v
}

// DefaultModelPath is where the embedded model lives, relative to this
// package's directory; `parallax train ner` rewrites it.
const DefaultModelPath = "model/conll2003.model"

//go:embed model/conll2003.model
var defaultModel []byte

var loadDefault = sync.OnceValues(func() (*Model, error) {
	return ReadModel(bytes.NewReader(defaultModel))
})

// Default returns the embedded model, trained on CoNLL-2003. It is loaded
// once; the model is safe for concurrent use.
func Default() (*Model, error) { return loadDefault() }

// Evaluate tags the sentences of docs that have gold tags and scores the
// result against them.
func (m *Model) Evaluate(docs []Document) Scores {
	gold := taggedOnly(docs)
	pred := make([]Document, len(gold))
	t := m.NewTagger()
	for i, d := range gold {
		toks := make([][]string, len(d.Sentences))
		for j, s := range d.Sentences {
			toks[j] = s.Tokens
		}
		tags := t.TagDocument(toks)
		for j, s := range d.Sentences {
			pred[i].Sentences = append(pred[i].Sentences, Sentence{Tokens: s.Tokens, Tags: tags[j]})
		}
	}
	return Evaluate(gold, pred)
}
