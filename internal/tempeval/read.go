package tempeval

import (
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strings"
)

// Timex is one annotated time expression: Text[Start:End] of its
// document, with its TIMEX3 type and value.
type Timex struct {
	Start, End int
	ID         string // tid
	Type       string // DATE, TIME, DURATION or SET
	Value      string // TIMEX3 value, "2019-02-25", "P2Y", "PRESENT_REF"…
}

// Document is a TimeML document with its markup stripped.
type Document struct {
	Name    string  // the file it was read from
	DCT     string  // value of the document creation time, "" if none
	Text    string  // the content of TEXT without tags, entities unescaped
	Timexes []Timex // the TIMEX3 of TEXT in text order
}

// ErrNoText reports a TimeML file without a TEXT element.
var ErrNoText = errors.New("no TEXT element")

// ReadFile reads one TimeML file.
func ReadFile(path string) (Document, error) {
	f, err := os.Open(path)
	if err != nil {
		return Document{}, err
	}
	defer f.Close()
	d, err := Read(f)
	d.Name = path
	if err != nil {
		return d, fmt.Errorf("read %s: %w", path, err)
	}
	return d, nil
}

// ReadDir reads every .tml file of a directory, in name order. It stops
// at the first file it cannot read; ReadPaths reads on past bad files.
func ReadDir(dir string) ([]Document, error) {
	files, err := Files(dir)
	if err != nil {
		return nil, err
	}
	docs := make([]Document, 0, len(files))
	for _, f := range files {
		d, err := ReadFile(f)
		if err != nil {
			return docs, err
		}
		docs = append(docs, d)
	}
	return docs, nil
}

// Files lists the .tml files of path: path itself when it is a file, the
// .tml files below it, walked recursively and sorted, when it is a
// directory.
func Files(path string) ([]string, error) {
	st, err := os.Stat(path)
	if err != nil {
		return nil, err
	}
	if !st.IsDir() {
		return []string{path}, nil
	}
	var files []string
	err = filepath.WalkDir(path, func(p string, e os.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if !e.IsDir() && strings.EqualFold(filepath.Ext(p), ".tml") {
			files = append(files, p)
		}
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("list %s: %w", path, err)
	}
	sort.Strings(files)
	return files, nil
}

// Read reads one TimeML document. The XML decoder unescapes entities, so
// the offsets are into the text as a reader sees it ("AT&T", not
// "AT&amp;T").
func Read(r io.Reader) (Document, error) {
	var d Document
	dec := xml.NewDecoder(r)
	dec.Strict = false // a few files carry entity-like garbage in EXTRAINFO
	dec.AutoClose = xml.HTMLAutoClose
	dec.Entity = xml.HTMLEntity
	var (
		text     strings.Builder
		inText   bool
		inDCT    bool
		sawText  bool
		open     []Timex // TIMEX3 started in TEXT, not yet closed
		timexTag []bool  // for each open element in TEXT: is it a TIMEX3
	)
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			return d, fmt.Errorf("parse: %w", err)
		}
		switch t := tok.(type) {
		case xml.StartElement:
			switch {
			case t.Name.Local == "TEXT" && !inText:
				inText, sawText = true, true
				timexTag = timexTag[:0]
			case t.Name.Local == "DCT":
				inDCT = true
			case t.Name.Local == "TIMEX3" && inDCT && d.DCT == "":
				d.DCT = attr(t, "value")
			case inText:
				isTimex := t.Name.Local == "TIMEX3"
				timexTag = append(timexTag, isTimex)
				if isTimex {
					open = append(open, Timex{Start: text.Len(), ID: attr(t, "tid"), Type: attr(t, "type"), Value: attr(t, "value")})
				}
			}
		case xml.EndElement:
			switch {
			case t.Name.Local == "TEXT" && inText && len(timexTag) == 0:
				inText = false
			case t.Name.Local == "DCT":
				inDCT = false
			case inText && len(timexTag) > 0:
				isTimex := timexTag[len(timexTag)-1]
				timexTag = timexTag[:len(timexTag)-1]
				if isTimex && len(open) > 0 {
					x := open[len(open)-1]
					open = open[:len(open)-1]
					x.End = text.Len()
					d.Timexes = append(d.Timexes, x)
				}
			}
		case xml.CharData:
			if inText {
				text.Write(t)
			}
		}
	}
	if !sawText {
		return d, ErrNoText
	}
	d.Text = text.String()
	sort.SliceStable(d.Timexes, func(i, j int) bool { return d.Timexes[i].Start < d.Timexes[j].Start })
	return d, nil
}

// attr returns the value of the attribute name of e, "" if absent.
func attr(e xml.StartElement, name string) string {
	for _, a := range e.Attr {
		if a.Name.Local == name {
			return a.Value
		}
	}
	return ""
}
