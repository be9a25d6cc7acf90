package sqlstore

import (
	"database/sql"
	"encoding/binary"
	"encoding/json"
	"fmt"
	"time"

	"github.com/parallax-news/parallax/internal/news"
)

// scanner is a *sql.Row or *sql.Rows.
type scanner interface {
	Scan(dest ...any) error
}

// scanDocument reads the DocumentColumns of one row, then the extra columns
// into extra.
func scanDocument(s scanner, extra ...any) (news.Document, error) {
	var d news.Document
	dest := append([]any{
		&d.ID, &d.Seq, text{&d.Origin}, text{&d.URL}, text{&d.Source}, text{&d.Title},
		list{&d.Authors}, text{&d.Published}, text{&d.Language}, text{&d.Dateline},
		text{&d.Text}, list{&d.Inferred}, text{&d.DuplicateOf}, text{&d.Event},
		timestamp{&d.IngestedAt},
	}, extra...)
	if err := s.Scan(dest...); err != nil {
		return news.Document{}, err
	}
	return d, nil
}

// scanDocuments reads every row of rows as DocumentColumns and closes rows.
func scanDocuments(rows *sql.Rows) ([]news.Document, error) {
	defer rows.Close()
	var docs []news.Document
	for rows.Next() {
		d, err := scanDocument(rows)
		if err != nil {
			return nil, err
		}
		docs = append(docs, d)
	}
	return docs, rows.Err()
}

// nullable returns s as a query argument, with "" as NULL: the store keeps
// "not known" as NULL so that SQL sees it as missing.
func nullable(s string) any {
	if s == "" {
		return nil
	}
	return s
}

// text scans a nullable text column into a string, NULL as "".
type text struct{ s *string }

// Scan implements sql.Scanner.
func (t text) Scan(v any) error {
	switch v := v.(type) {
	case nil:
		*t.s = ""
	case string:
		*t.s = v
	case []byte:
		*t.s = string(v)
	default:
		return fmt.Errorf("scan %T into a string", v)
	}
	return nil
}

// listArg returns l as a query argument: a JSON array, or NULL when empty.
func listArg(l []string) any {
	if len(l) == 0 {
		return nil
	}
	b, _ := json.Marshal(l) // cannot fail: strings always encode
	return string(b)
}

// list scans a nullable JSON array of strings; NULL and [] both give nil.
type list struct{ l *[]string }

// Scan implements sql.Scanner.
func (l list) Scan(v any) error {
	var s string
	if err := (text{&s}).Scan(v); err != nil {
		return err
	}
	*l.l = nil
	if s == "" {
		return nil
	}
	if err := json.Unmarshal([]byte(s), l.l); err != nil {
		return fmt.Errorf("decode list %q: %w", s, err)
	}
	if len(*l.l) == 0 {
		*l.l = nil
	}
	return nil
}

// timeArg returns t as stored: in UTC, to the microsecond, since PostgreSQL
// keeps no more and both backends must read back the same time.
func timeArg(t time.Time) time.Time {
	return t.UTC().Truncate(time.Microsecond)
}

// timestamp scans a time column: a time.Time from PostgreSQL, a string in
// the format modernc.org/sqlite writes (_time_format=sqlite) from SQLite.
type timestamp struct{ t *time.Time }

// Scan implements sql.Scanner.
func (ts timestamp) Scan(v any) error {
	switch v := v.(type) {
	case time.Time:
		*ts.t = v.UTC()
		return nil
	case string, []byte:
		var s string
		_ = text{&s}.Scan(v)
		for _, layout := range []string{"2006-01-02 15:04:05.999999999-07:00", time.RFC3339Nano} {
			if t, err := time.Parse(layout, s); err == nil {
				*ts.t = t.UTC()
				return nil
			}
		}
		return fmt.Errorf("parse time %q", s)
	}
	return fmt.Errorf("scan %T into a time", v)
}

// encodeSignature returns sig as little-endian uint32s.
func encodeSignature(sig []uint32) []byte {
	b := make([]byte, 0, 4*len(sig))
	for _, v := range sig {
		b = binary.LittleEndian.AppendUint32(b, v)
	}
	return b
}

// decodeSignature reverses encodeSignature.
func decodeSignature(b []byte) ([]uint32, error) {
	if len(b)%4 != 0 {
		return nil, fmt.Errorf("signature of %d bytes: want a multiple of 4", len(b))
	}
	if len(b) == 0 {
		return nil, nil
	}
	sig := make([]uint32, len(b)/4)
	for i := range sig {
		sig[i] = binary.LittleEndian.Uint32(b[4*i:])
	}
	return sig, nil
}

// encodeKeys stores band keys as little-endian 64-bit values.
func encodeKeys(keys []int64) []byte {
	b := make([]byte, 0, 8*len(keys))
	for _, k := range keys {
		b = binary.LittleEndian.AppendUint64(b, uint64(k))
	}
	return b
}

// decodeKeys reverses encodeKeys; nil (no sketch yet) gives no keys.
func decodeKeys(b []byte) ([]int64, error) {
	if len(b)%8 != 0 {
		return nil, fmt.Errorf("band keys of %d bytes: want a multiple of 8", len(b))
	}
	keys := make([]int64, len(b)/8)
	for i := range keys {
		keys[i] = int64(binary.LittleEndian.Uint64(b[8*i:]))
	}
	return keys, nil
}
