package ner

import (
	"bufio"
	"fmt"
	"io"
	"strings"
)

// Sentence is one sentence of a CoNLL file: its tokens and, when read from
// annotated data, their gold tags in IOB2 (Tags is nil for unannotated text).
type Sentence struct {
	Tokens []string
	Tags   []string
}

// Document is the sentences between two -DOCSTART- lines.
type Document struct {
	Sentences []Sentence
}

// ReadCoNLL reads a CoNLL file: one token a line, the first field the token
// and, when a line has two or more fields, the last field its tag. Blank lines
// end sentences and -DOCSTART- lines end documents. Tags are converted to
// IOB2 (IOB1 files, where I- may start a mention, are accepted).
//
// Some copies of CoNLL-2003 have lost their -DOCSTART- lines. For a file
// with none, ReadCoNLL recovers the Reuters document boundaries from the
// dateline that opens every story ("LONDON 1996-08-30"): a new document
// starts at the sentence before a dateline, the headline.
func ReadCoNLL(r io.Reader) ([]Document, error) {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 64*1024), 1<<20)
	var (
		docs     []Document
		cur      Document
		sent     Sentence
		tagged   int // lines of sent with a tag
		docstart bool
		line     int
	)
	endSentence := func() error {
		if len(sent.Tokens) == 0 {
			return nil
		}
		switch tagged {
		case 0:
			sent.Tags = nil
		case len(sent.Tokens):
			sent.Tags = ToIOB2(sent.Tags)
		default:
			return fmt.Errorf("line %d: sentence has tags on %d of %d tokens", line, tagged, len(sent.Tokens))
		}
		cur.Sentences = append(cur.Sentences, sent)
		sent, tagged = Sentence{}, 0
		return nil
	}
	endDocument := func() {
		if len(cur.Sentences) > 0 {
			docs = append(docs, cur)
		}
		cur = Document{}
	}
	for sc.Scan() {
		line++
		fields := strings.Fields(sc.Text())
		if len(fields) == 0 {
			if err := endSentence(); err != nil {
				return nil, err
			}
			continue
		}
		if fields[0] == "-DOCSTART-" {
			if err := endSentence(); err != nil {
				return nil, err
			}
			endDocument()
			docstart = true
			continue
		}
		sent.Tokens = append(sent.Tokens, fields[0])
		if len(fields) >= 2 {
			sent.Tags = append(sent.Tags, fields[len(fields)-1])
			tagged++
		}
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("read conll: %w", err)
	}
	if err := endSentence(); err != nil {
		return nil, err
	}
	endDocument()
	if !docstart {
		docs = splitDatelines(docs)
	}
	return docs, nil
}

// splitDatelines splits documents at Reuters datelines (see ReadCoNLL).
func splitDatelines(docs []Document) []Document {
	var out []Document
	for _, d := range docs {
		start := 0
		for i := 1; i < len(d.Sentences); i++ {
			if isDateline(d.Sentences[i].Tokens) && i-1 > start {
				out = append(out, Document{Sentences: d.Sentences[start : i-1 : i-1]})
				start = i - 1
			}
		}
		out = append(out, Document{Sentences: d.Sentences[start:]})
	}
	return out
}

// isDateline reports whether a sentence is a short line ending in an ISO
// date, as "BRUSSELS 1996-08-22".
func isDateline(tokens []string) bool {
	if len(tokens) < 2 || len(tokens) > 8 {
		return false
	}
	d := tokens[len(tokens)-1]
	if len(d) != 10 || d[4] != '-' || d[7] != '-' {
		return false
	}
	for i := 0; i < len(d); i++ {
		if i != 4 && i != 7 && (d[i] < '0' || d[i] > '9') {
			return false
		}
	}
	return true
}

// ToIOB2 returns tags in IOB2: an I-X that does not continue a mention of
// type X becomes B-X. IOB2 input comes back unchanged. The slice is
// modified in place and returned.
func ToIOB2(tags []string) []string {
	prev := "O"
	for i, t := range tags {
		if strings.HasPrefix(t, "I-") && (len(prev) < 2 || prev[2:] != t[2:]) {
			tags[i] = "B-" + t[2:]
		}
		prev = t
	}
	return tags
}

// WriteCoNLL writes documents in the two-column format ReadCoNLL reads,
// with a -DOCSTART- line before each document. Sentences without tags get
// "O".
func WriteCoNLL(w io.Writer, docs []Document) error {
	bw := bufio.NewWriter(w)
	for _, d := range docs {
		bw.WriteString("-DOCSTART- O\n\n")
		for _, s := range d.Sentences {
			for i, tok := range s.Tokens {
				tag := "O"
				if s.Tags != nil {
					tag = s.Tags[i]
				}
				bw.WriteString(tok)
				bw.WriteByte(' ')
				bw.WriteString(tag)
				bw.WriteByte('\n')
			}
			bw.WriteByte('\n')
		}
	}
	if err := bw.Flush(); err != nil {
		return fmt.Errorf("write conll: %w", err)
	}
	return nil
}
