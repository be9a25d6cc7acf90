-- Documents, their full-text index, and the sketches near-duplicate
-- detection keeps of them.

-- seq is the rowid (an INTEGER PRIMARY KEY), and id a unique key beside it:
-- the FTS5 index below refers to rows by an integer rowid, and an implicit
-- rowid may be renumbered by VACUUM. AUTOINCREMENT: a seq is never reused.
CREATE TABLE documents (
	seq          INTEGER PRIMARY KEY AUTOINCREMENT,
	id           TEXT NOT NULL UNIQUE,
	origin       TEXT,
	url          TEXT,
	source       TEXT,
	title        TEXT,
	authors      TEXT,    -- JSON array of strings
	published    TEXT,    -- ISO 8601 at the precision known
	language     TEXT,
	dateline     TEXT,
	text         TEXT NOT NULL,
	inferred     TEXT,    -- JSON array of field names
	duplicate_of TEXT REFERENCES documents (id),
	event        TEXT,
	ingested_at  TEXT NOT NULL -- UTC, "2006-01-02 15:04:05.999999-07:00"
) STRICT;

CREATE INDEX documents_duplicate_of ON documents (duplicate_of);
CREATE INDEX documents_source ON documents (source, seq);

-- External content: the index keeps no second copy of the text. New
-- documents are indexed by the store in the transaction that inserts them,
-- all at once before it commits (see sqlstore.Dialect.IndexSQL); the
-- triggers keep the index in step with later changes.
CREATE VIRTUAL TABLE documents_fts USING fts5 (
	title,
	text,
	content = 'documents',
	content_rowid = 'seq',
	tokenize = 'unicode61 remove_diacritics 2'
);

CREATE TRIGGER documents_fts_delete AFTER DELETE ON documents BEGIN
	INSERT INTO documents_fts (documents_fts, rowid, title, text)
	VALUES ('delete', old.seq, old.title, old.text);
END;

CREATE TRIGGER documents_fts_update AFTER UPDATE OF title, text ON documents BEGIN
	INSERT INTO documents_fts (documents_fts, rowid, title, text)
	VALUES ('delete', old.seq, old.title, old.text);
	INSERT INTO documents_fts (rowid, title, text) VALUES (new.seq, new.title, new.text);
END;

-- A document's MinHash signature (little-endian uint32s) and its LSH band
-- keys (little-endian uint64s), kept so that PutSketch can remove the band
-- rows it replaces without an index on bands by document.
CREATE TABLE sketches (
	seq       INTEGER PRIMARY KEY REFERENCES documents (seq),
	signature BLOB NOT NULL,
	bands     BLOB NOT NULL
) STRICT;

-- key: the uint64 LSH band key, stored as the int64 with the same bits;
-- seq: the document's. Every document writes one row per band, so the table
-- is one B-tree with no foreign key and no second index: either would
-- double the cost of the hottest write of ingest. PutSketch keeps it
-- consistent with sketches.
CREATE TABLE bands (
	key INTEGER NOT NULL,
	seq INTEGER NOT NULL,
	PRIMARY KEY (key, seq)
) STRICT, WITHOUT ROWID;
