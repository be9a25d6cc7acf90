package sqlstore

import (
	"context"
	"database/sql"
	"encoding/binary"
	"encoding/json"
	"errors"
	"fmt"

	"github.com/parallax-news/parallax/internal/news"
	"github.com/parallax-news/parallax/internal/store"
)

// PutAnalysis stores the analysis of document id, replacing any it had. It
// returns an error wrapping store.ErrNotFound if id is not stored.
func (tx *Tx) PutAnalysis(ctx context.Context, id string, a news.Analysis) error {
	seq, inserted := tx.inserted[id]
	_, again := tx.analysed[id]
	if !inserted {
		err := tx.tx.QueryRowContext(ctx, `SELECT seq FROM documents WHERE id = $1`, id).Scan(&seq)
		if errors.Is(err, sql.ErrNoRows) {
			return fmt.Errorf("put analysis of %s: %w", id, store.ErrNotFound)
		}
		if err != nil {
			return fmt.Errorf("put analysis of %s: %w", id, err)
		}
	}
	if !inserted || again {
		// Replacing an analysis: its mentions go first. A document this
		// transaction inserted and has not analysed yet has none.
		if _, err := tx.tx.ExecContext(ctx, `DELETE FROM mentions WHERE seq = $1`, seq); err != nil {
			return fmt.Errorf("put analysis of %s: %w", id, err)
		}
		// The links name the old analysis's entity numbers.
		if err := tx.deleteEntityLinks(ctx, seq); err != nil {
			return fmt.Errorf("put analysis of %s: %w", id, err)
		}
		if err := tx.deleteQuotes(ctx, seq); err != nil {
			return fmt.Errorf("put analysis of %s: %w", id, err)
		}
		if err := tx.deleteEventReports(ctx, seq); err != nil {
			return fmt.Errorf("put analysis of %s: %w", id, err)
		}
	}
	if tx.analysed == nil {
		tx.analysed = map[string]bool{}
	}
	tx.analysed[id] = true
	times, err := encodeTimes(a.Times)
	if err != nil {
		return fmt.Errorf("put analysis of %s: %w", id, err)
	}
	_, err = tx.tx.ExecContext(ctx, `INSERT INTO analyses (seq, version, paragraphs, sentences, tokens, times)
		VALUES ($1, $2, $3, $4, $5, $6)
		ON CONFLICT (seq) DO UPDATE SET version = excluded.version, paragraphs = excluded.paragraphs,
			sentences = excluded.sentences, tokens = excluded.tokens, times = excluded.times`,
		seq, a.Version, encodeSpans(a.Paragraphs), encodeSpans(a.Sentences), encodeSpans(a.Tokens), times)
	if err != nil {
		return fmt.Errorf("put analysis of %s: %w", id, err)
	}
	for len(a.Mentions) > 0 {
		n := min(len(a.Mentions), maxMentionsPerInsert)
		insert, err := tx.mentionInsert(ctx, n)
		if err != nil {
			return fmt.Errorf("put mentions of %s: %w", id, err)
		}
		args := make([]any, 0, 1+7*n)
		args = append(args, seq)
		for _, m := range a.Mentions[:n] {
			kind := m.Kind
			if kind == "" {
				kind = news.KindName
			}
			args = append(args, m.Start, m.End, m.Type, kind, m.Title.Start, m.Title.End, m.Entity)
		}
		if _, err := insert.ExecContext(ctx, args...); err != nil {
			return fmt.Errorf("put mentions of %s: %w", id, err)
		}
		a.Mentions = a.Mentions[n:]
	}
	if err := tx.putQuotes(ctx, seq, a.Quotes); err != nil {
		return fmt.Errorf("put quotes of %s: %w", id, err)
	}
	return nil
}

// maxMentionsPerInsert bounds the rows of one INSERT INTO mentions (7
// parameters a row).
const maxMentionsPerInsert = 64

// mentionInsert returns the statement inserting n mentions of one document,
// prepared once per transaction and n.
func (tx *Tx) mentionInsert(ctx context.Context, n int) (*sql.Stmt, error) {
	if stmt, ok := tx.mentionInserts[n]; ok {
		return stmt, nil
	}
	q := `INSERT INTO mentions (seq, start_byte, end_byte, type, kind, title_start, title_end, entity) VALUES `
	for i := range n {
		if i > 0 {
			q += ", "
		}
		q += "($1, " + placeholders(2+7*i, 7) + ")"
	}
	stmt, err := tx.tx.PrepareContext(ctx, q)
	if err != nil {
		return nil, err
	}
	if tx.mentionInserts == nil {
		tx.mentionInserts = map[int]*sql.Stmt{}
	}
	tx.mentionInserts[n] = stmt
	return stmt, nil
}

// Analysis returns the stored analysis of document id: a zero Analysis when
// it has none, an error wrapping store.ErrNotFound when there is no such
// document.
func (db *DB) Analysis(ctx context.Context, id string) (news.Analysis, error) {
	return readAnalysis(ctx, db.read, id)
}

// Analysis returns the analysis of document id as the transaction sees
// it (see DB.Analysis).
func (tx *Tx) Analysis(ctx context.Context, id string) (news.Analysis, error) {
	return readAnalysis(ctx, tx.tx, id)
}

// readAnalysis reads the analysis of document id through q.
func readAnalysis(ctx context.Context, q querier, id string) (news.Analysis, error) {
	var seq int64
	var version sql.NullInt64
	var paras, sents, toks, times []byte
	err := q.QueryRowContext(ctx, `SELECT d.seq, a.version, a.paragraphs, a.sentences, a.tokens, a.times
		FROM documents d LEFT JOIN analyses a ON a.seq = d.seq WHERE d.id = $1`, id).
		Scan(&seq, &version, &paras, &sents, &toks, &times)
	if errors.Is(err, sql.ErrNoRows) {
		return news.Analysis{}, fmt.Errorf("analysis of %s: %w", id, store.ErrNotFound)
	}
	if err != nil {
		return news.Analysis{}, fmt.Errorf("read analysis of %s: %w", id, err)
	}
	if !version.Valid {
		return news.Analysis{}, nil
	}
	a := news.Analysis{Version: int(version.Int64)}
	for _, f := range []struct {
		dst *[]news.Span
		src []byte
	}{{&a.Paragraphs, paras}, {&a.Sentences, sents}, {&a.Tokens, toks}} {
		if *f.dst, err = decodeSpans(f.src); err != nil {
			return news.Analysis{}, fmt.Errorf("read analysis of %s: %w", id, err)
		}
	}
	if a.Times, err = decodeTimes(times); err != nil {
		return news.Analysis{}, fmt.Errorf("read times of %s: %w", id, err)
	}
	rows, err := q.QueryContext(ctx, `SELECT start_byte, end_byte, type, kind, title_start, title_end, entity
		FROM mentions WHERE seq = $1 ORDER BY start_byte`, seq)
	if err != nil {
		return news.Analysis{}, fmt.Errorf("read mentions of %s: %w", id, err)
	}
	defer rows.Close()
	for rows.Next() {
		var m news.Mention
		if err := rows.Scan(&m.Start, &m.End, &m.Type, &m.Kind, &m.Title.Start, &m.Title.End, &m.Entity); err != nil {
			return news.Analysis{}, fmt.Errorf("read mentions of %s: %w", id, err)
		}
		a.Mentions = append(a.Mentions, m)
	}
	if err := rows.Err(); err != nil {
		return news.Analysis{}, fmt.Errorf("read mentions of %s: %w", id, err)
	}
	if a.Quotes, err = readQuotes(ctx, q, seq); err != nil {
		return news.Analysis{}, fmt.Errorf("read quotes of %s: %w", id, err)
	}
	return a, nil
}

// Unanalyzed returns up to limit documents after afterSeq, in Seq order,
// whose analysis is missing or older than version.
func (db *DB) Unanalyzed(ctx context.Context, version int, afterSeq int64, limit int) ([]news.Document, error) {
	rows, err := db.read.QueryContext(ctx, `SELECT `+DocumentColumns+` FROM documents d
		LEFT JOIN analyses a ON a.seq = d.seq
		WHERE d.seq > $1 AND (a.version IS NULL OR a.version < $2)
		ORDER BY d.seq LIMIT $3`, afterSeq, version, limit)
	if err != nil {
		return nil, fmt.Errorf("list unanalysed documents: %w", err)
	}
	docs, err := scanDocuments(rows)
	if err != nil {
		return nil, fmt.Errorf("list unanalysed documents: %w", err)
	}
	return docs, nil
}

// Duplicates returns the documents marked as near-duplicates of id, in Seq
// order.
func (db *DB) Duplicates(ctx context.Context, id string) ([]news.Document, error) {
	rows, err := db.read.QueryContext(ctx, `SELECT `+DocumentColumns+` FROM documents d
		WHERE d.duplicate_of = $1 ORDER BY d.seq`, id)
	if err != nil {
		return nil, fmt.Errorf("list duplicates of %s: %w", id, err)
	}
	docs, err := scanDocuments(rows)
	if err != nil {
		return nil, fmt.Errorf("list duplicates of %s: %w", id, err)
	}
	return docs, nil
}

// storedTime is how a time expression is kept in analyses.times.
type storedTime struct {
	Start int    `json:"s"`
	End   int    `json:"e"`
	Type  string `json:"t"`
	Expr  string `json:"x"`
}

// encodeTimes stores the time expressions of an analysis as JSON; none
// is NULL.
func encodeTimes(ts []news.Time) ([]byte, error) {
	if len(ts) == 0 {
		return nil, nil
	}
	st := make([]storedTime, len(ts))
	for i, t := range ts {
		st[i] = storedTime{Start: t.Start, End: t.End, Type: t.Type, Expr: t.Expr}
	}
	return json.Marshal(st)
}

// decodeTimes reads what encodeTimes stored.
func decodeTimes(b []byte) ([]news.Time, error) {
	if len(b) == 0 {
		return nil, nil
	}
	var st []storedTime
	if err := json.Unmarshal(b, &st); err != nil {
		return nil, err
	}
	ts := make([]news.Time, len(st))
	for i, t := range st {
		ts[i] = news.Time{Start: t.Start, End: t.End, Type: t.Type, Expr: t.Expr}
	}
	return ts, nil
}

// encodeSpans stores spans compactly: each as two unsigned varints, the gap
// from the previous span's end (or from its start when spans overlap) and
// the length. A document's tokens take two or three bytes each.
func encodeSpans(spans []news.Span) []byte {
	b := make([]byte, 0, 3*len(spans)+1)
	b = binary.AppendUvarint(b, uint64(len(spans)))
	prev := 0
	for _, s := range spans {
		b = binary.AppendVarint(b, int64(s.Start-prev))
		b = binary.AppendUvarint(b, uint64(s.End-s.Start))
		prev = s.End
	}
	return b
}

// decodeSpans reverses encodeSpans.
func decodeSpans(b []byte) ([]news.Span, error) {
	n, k := binary.Uvarint(b)
	if k <= 0 || n > uint64(len(b)) {
		return nil, fmt.Errorf("bad span list")
	}
	b = b[k:]
	spans := make([]news.Span, 0, n)
	prev := 0
	for range n {
		gap, k1 := binary.Varint(b)
		if k1 <= 0 {
			return nil, fmt.Errorf("bad span list")
		}
		length, k2 := binary.Uvarint(b[k1:])
		if k2 <= 0 {
			return nil, fmt.Errorf("bad span list")
		}
		b = b[k1+k2:]
		start := prev + int(gap)
		spans = append(spans, news.Span{Start: start, End: start + int(length)})
		prev = start + int(length)
	}
	return spans, nil
}
