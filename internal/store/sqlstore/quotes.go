package sqlstore

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strconv"
	"strings"

	"github.com/parallax-news/parallax/internal/news"
	"github.com/parallax-news/parallax/internal/store"
)

// statementID is the id of the statement numbered num: "S" and the number.
func statementID(num int64) string {
	return "S" + strconv.FormatInt(num, 10)
}

// statementNum is the number of the statement with id, and whether id is
// one.
func statementNum(id string) (int64, bool) { return idNum(id, "S") }

// putQuotes stores the quotes of document seq, with their words.
func (tx *Tx) putQuotes(ctx context.Context, seq int64, quotes []news.Quote) error {
	if len(quotes) == 0 {
		return nil
	}
	var text string
	if err := tx.queryRow(ctx, `SELECT text FROM documents WHERE seq = $1`, seq).Scan(&text); err != nil {
		return err
	}
	for _, q := range quotes {
		if q.Start < 0 || q.End > len(text) || q.Start > q.End {
			return fmt.Errorf("quote %d-%d out of the text", q.Start, q.End)
		}
		if _, err := tx.exec(ctx, `INSERT INTO quotes (seq, start_byte, end_byte, kind, cue_start, cue_end,
			speaker_start, speaker_end, speaker_entity, addressee_start, addressee_end, via_start, via_end, text)
			VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14)
			ON CONFLICT DO NOTHING`,
			seq, q.Start, q.End, q.Kind, q.Cue.Start, q.Cue.End, q.Speaker.Start, q.Speaker.End, q.SpeakerEntity,
			q.Addressee.Start, q.Addressee.End, q.Via.Start, q.Via.End, text[q.Start:q.End]); err != nil {
			return err
		}
	}
	return nil
}

// deleteQuotes removes the quotes of document seq and takes them off their
// statements' counts.
func (tx *Tx) deleteQuotes(ctx context.Context, seq int64) error {
	if _, err := tx.exec(ctx, `UPDATE statements SET quotes = quotes - (SELECT count(*) FROM quotes q
		WHERE q.seq = $1 AND q.statement = statements.num)
		WHERE num IN (SELECT statement FROM quotes WHERE seq = $1 AND statement IS NOT NULL)`, seq); err != nil {
		return err
	}
	_, err := tx.exec(ctx, `DELETE FROM quotes WHERE seq = $1`, seq)
	return err
}

// DocumentQuotes returns the quotes of document id, in the transaction.
func (tx *Tx) DocumentQuotes(ctx context.Context, id string) ([]news.Quote, error) {
	seq, err := tx.seqOf(ctx, id)
	if err != nil {
		return nil, fmt.Errorf("quotes of %s: %w", id, err)
	}
	out, err := readQuotes(ctx, tx.tx, seq)
	if err != nil {
		return nil, fmt.Errorf("quotes of %s: %w", id, err)
	}
	return out, nil
}

// DocumentEntityIDs returns the corpus-wide entities of document id's
// entities, in the transaction.
func (tx *Tx) DocumentEntityIDs(ctx context.Context, id string) (map[int]string, error) {
	seq, err := tx.seqOf(ctx, id)
	if err != nil {
		return nil, fmt.Errorf("entities of %s: %w", id, err)
	}
	rows, err := tx.query(ctx, `SELECT local_entity, entity FROM entity_links WHERE seq = $1 AND entity IS NOT NULL`, seq)
	if err != nil {
		return nil, fmt.Errorf("entities of %s: %w", id, err)
	}
	defer rows.Close()
	out := map[int]string{}
	for rows.Next() {
		var local int
		var num int64
		if err := rows.Scan(&local, &num); err != nil {
			return nil, fmt.Errorf("entities of %s: %w", id, err)
		}
		out[local] = entityID(num)
	}
	return out, rows.Err()
}

// quotes reads the quotes of document seq.
func (db *DB) quotes(ctx context.Context, seq int64) ([]news.Quote, error) {
	return readQuotes(ctx, db.read, seq)
}

// readQuotes reads the quotes of document seq through q.
func readQuotes(ctx context.Context, q querier, seq int64) ([]news.Quote, error) {
	rows, err := q.QueryContext(ctx, `SELECT start_byte, end_byte, kind, cue_start, cue_end,
		speaker_start, speaker_end, speaker_entity, addressee_start, addressee_end, via_start, via_end
		FROM quotes WHERE seq = $1 ORDER BY start_byte`, seq)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []news.Quote
	for rows.Next() {
		var q news.Quote
		if err := rows.Scan(&q.Start, &q.End, &q.Kind, &q.Cue.Start, &q.Cue.End, &q.Speaker.Start, &q.Speaker.End,
			&q.SpeakerEntity, &q.Addressee.Start, &q.Addressee.End, &q.Via.Start, &q.Via.End); err != nil {
			return nil, err
		}
		out = append(out, q)
	}
	return out, rows.Err()
}

// quoteColumns select a StoredQuote from quotes q joined with documents d,
// in the order scanQuotes reads them.
const quoteColumns = `d.id, q.start_byte, q.end_byte, q.kind, q.text, q.statement, d.published, d.source, d.title,
	q.speaker_start, q.speaker_end, d.seq`

// scanQuotes reads rows of quoteColumns. The speaker's text is cut from the
// document's text by the caller (speakers), as SQL counts characters and
// spans are bytes.
func scanQuotes(rows *sql.Rows) ([]store.StoredQuote, []quoteSpeaker, error) {
	defer rows.Close()
	var out []store.StoredQuote
	var sp []quoteSpeaker
	for rows.Next() {
		var q store.StoredQuote
		var stmt sql.NullInt64
		var s quoteSpeaker
		if err := rows.Scan(&q.Document, &q.Start, &q.End, &q.Kind, &q.Text, &stmt, text{&q.Published}, text{&q.Source},
			text{&q.Title}, &s.start, &s.end, &s.seq); err != nil {
			return nil, nil, err
		}
		if stmt.Valid {
			q.Statement = statementID(stmt.Int64)
		}
		out = append(out, q)
		sp = append(sp, s)
	}
	return out, sp, rows.Err()
}

// quoteSpeaker is where a stored quote's speaker is.
type quoteSpeaker struct {
	seq        int64
	start, end int
}

// speakers sets the Speaker of each quote from its document's text.
func speakers(ctx context.Context, q querier, quotes []store.StoredQuote, sp []quoteSpeaker) error {
	texts := map[int64]string{}
	for i, s := range sp {
		if s.end <= s.start {
			continue
		}
		t, ok := texts[s.seq]
		if !ok {
			if err := q.QueryRowContext(ctx, `SELECT text FROM documents WHERE seq = $1`, s.seq).Scan(&t); err != nil {
				return err
			}
			texts[s.seq] = t
		}
		if s.end <= len(t) {
			quotes[i].Speaker = t[s.start:s.end]
		}
	}
	return nil
}

// SpeakerQuotes returns the quotes of the statements of speaker published
// from from to to.
func (tx *Tx) SpeakerQuotes(ctx context.Context, speaker, from, to string, limit int) ([]store.StoredQuote, error) {
	num, ok := entityNum(speaker)
	if !ok {
		return nil, nil
	}
	if limit <= 0 {
		limit = 500
	}
	rows, err := tx.query(ctx, `SELECT `+quoteColumns+` FROM statements s
		JOIN quotes q ON q.statement = s.num JOIN documents d ON d.seq = q.seq
		WHERE s.speaker = $1 AND ($2 = '' OR s.published >= $2) AND ($3 = '' OR s.published <= $3)
		ORDER BY s.published DESC, s.num DESC, q.seq, q.start_byte LIMIT $4`, num, from, to, limit)
	if err != nil {
		return nil, fmt.Errorf("quotes of %s: %w", speaker, err)
	}
	out, _, err := scanQuotes(rows)
	if err != nil {
		return nil, fmt.Errorf("quotes of %s: %w", speaker, err)
	}
	return out, nil
}

// PutStatement stores a new statement of speaker and returns its id.
func (tx *Tx) PutStatement(ctx context.Context, speaker string) (string, error) {
	ent, err := nullableEntity(speaker)
	if err != nil {
		return "", fmt.Errorf("store statement: %w", err)
	}
	var num int64
	if err := tx.queryRow(ctx, `SELECT COALESCE(MAX(num), 0) + 1 FROM statements`).Scan(&num); err != nil {
		return "", fmt.Errorf("number a new statement: %w", err)
	}
	if _, err := tx.exec(ctx, `INSERT INTO statements (num, speaker) VALUES ($1, $2)`, num, ent); err != nil {
		return "", fmt.Errorf("store statement: %w", err)
	}
	return statementID(num), nil
}

// SetQuoteStatement makes the quote of document id at start a rendering of
// statement, and dates the statement by its earliest rendering.
func (tx *Tx) SetQuoteStatement(ctx context.Context, id string, start int, statement string) error {
	num, ok := statementNum(statement)
	if !ok {
		return fmt.Errorf("quote %s@%d: %q is no statement id", id, start, statement)
	}
	seq, err := tx.seqOf(ctx, id)
	if err != nil {
		return fmt.Errorf("quote %s@%d: %w", id, start, err)
	}
	var old sql.NullInt64
	err = tx.queryRow(ctx, `SELECT statement FROM quotes WHERE seq = $1 AND start_byte = $2`, seq, start).Scan(&old)
	if errors.Is(err, sql.ErrNoRows) {
		return fmt.Errorf("quote %s@%d: %w", id, start, store.ErrNotFound)
	}
	if err != nil {
		return fmt.Errorf("quote %s@%d: %w", id, start, err)
	}
	if old.Valid && old.Int64 == num {
		return nil
	}
	for _, q := range []struct {
		sql  string
		args []any
	}{
		{`UPDATE quotes SET statement = $3 WHERE seq = $1 AND start_byte = $2`, []any{seq, start, num}},
		{`UPDATE statements SET quotes = quotes - 1 WHERE num = $1`, []any{old.Int64}},
		{`UPDATE statements SET quotes = quotes + 1,
			published = (SELECT MIN(d.published) FROM quotes q JOIN documents d ON d.seq = q.seq WHERE q.statement = $1)
			WHERE num = $1`, []any{num}},
	} {
		if _, err := tx.exec(ctx, q.sql, q.args...); err != nil {
			return fmt.Errorf("quote %s@%d: %w", id, start, err)
		}
	}
	return nil
}

// QuoteStatements returns the statements of document id's quotes by Start.
func (db *DB) QuoteStatements(ctx context.Context, id string) (map[int]string, error) {
	rows, err := db.read.QueryContext(ctx, `SELECT q.start_byte, q.statement FROM quotes q
		JOIN documents d ON d.seq = q.seq WHERE d.id = $1 AND q.statement IS NOT NULL`, id)
	if err != nil {
		return nil, fmt.Errorf("statements of %s: %w", id, err)
	}
	defer rows.Close()
	out := map[int]string{}
	for rows.Next() {
		var start int
		var num int64
		if err := rows.Scan(&start, &num); err != nil {
			return nil, fmt.Errorf("statements of %s: %w", id, err)
		}
		out[start] = statementID(num)
	}
	return out, rows.Err()
}

// Statement returns statement id with its renderings.
func (db *DB) Statement(ctx context.Context, id string) (store.StatementInfo, error) {
	num, ok := statementNum(id)
	if !ok {
		return store.StatementInfo{}, fmt.Errorf("statement %s: %w", id, store.ErrNotFound)
	}
	ss, err := db.statements(ctx, `SELECT num, speaker, published FROM statements WHERE num = $1 AND quotes > 0`, num)
	if err != nil {
		return store.StatementInfo{}, err
	}
	if len(ss) == 0 {
		return store.StatementInfo{}, fmt.Errorf("statement %s: %w", id, store.ErrNotFound)
	}
	return ss[0], nil
}

// Statements returns the statements q selects.
func (db *DB) Statements(ctx context.Context, q store.StatementQuery) ([]store.StatementInfo, error) {
	where := []string{"quotes > 0"}
	var args []any
	arg := func(v any) string {
		args = append(args, v)
		return "$" + strconv.Itoa(len(args))
	}
	if q.Speaker != "" {
		num, _ := entityNum(q.Speaker)
		where = append(where, "speaker = "+arg(num))
	}
	order := "quotes DESC, num"
	if q.AfterID != "" {
		num, _ := statementNum(q.AfterID)
		where = append(where, "num > "+arg(num))
		order = "num"
	}
	limit := q.Limit
	if limit <= 0 {
		limit = defaultEntityLimit
	}
	return db.statements(ctx, `SELECT num, speaker, published FROM statements WHERE `+strings.Join(where, " AND ")+
		` ORDER BY `+order+` LIMIT `+arg(limit)+` OFFSET `+arg(max(q.Offset, 0)), args...)
}

// statements runs query (selecting num, speaker, published) and reads each
// statement's renderings.
func (db *DB) statements(ctx context.Context, query string, args ...any) ([]store.StatementInfo, error) {
	rows, err := db.read.QueryContext(ctx, query, args...)
	if err != nil {
		return nil, fmt.Errorf("read statements: %w", err)
	}
	var out []store.StatementInfo
	for rows.Next() {
		var num int64
		var speaker sql.NullInt64
		var s store.StatementInfo
		if err := rows.Scan(&num, &speaker, text{&s.Published}); err != nil {
			rows.Close()
			return nil, fmt.Errorf("read statements: %w", err)
		}
		s.ID = statementID(num)
		if speaker.Valid {
			s.Speaker = entityID(speaker.Int64)
		}
		out = append(out, s)
	}
	if err := rows.Close(); err != nil {
		return nil, fmt.Errorf("read statements: %w", err)
	}
	if len(out) == 0 {
		return out, nil
	}
	// The renderings of the whole page in one query.
	index := make(map[string]int, len(out))
	nums := make([]any, len(out))
	for i, st := range out {
		index[st.ID] = i
		nums[i], _ = statementNum(st.ID)
	}
	rows, err = db.read.QueryContext(ctx, `SELECT `+quoteColumns+` FROM quotes q JOIN documents d ON d.seq = q.seq
		WHERE q.statement IN (`+placeholders(1, len(out))+`) ORDER BY q.statement, d.published, d.seq, q.start_byte`, nums...)
	if err != nil {
		return nil, fmt.Errorf("read renderings: %w", err)
	}
	qs, sp, err := scanQuotes(rows)
	if err != nil {
		return nil, fmt.Errorf("read renderings: %w", err)
	}
	if err := speakers(ctx, db.read, qs, sp); err != nil {
		return nil, fmt.Errorf("read renderings: %w", err)
	}
	for _, q := range qs {
		i := index[q.Statement]
		out[i].Renderings = append(out[i].Renderings, q)
	}
	return out, nil
}
