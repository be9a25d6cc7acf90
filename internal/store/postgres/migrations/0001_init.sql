-- Documents, their full-text index, and the sketches near-duplicate
-- detection keeps of them.

CREATE TABLE documents (
	id           TEXT PRIMARY KEY,
	seq          BIGINT GENERATED ALWAYS AS IDENTITY UNIQUE,
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
	ingested_at  TIMESTAMPTZ NOT NULL,
	-- 'simple': lowercased words, no stemming and no stop words, the same
	-- for every language, as SQLite's unicode61 tokenizer. Titles weigh
	-- more (A) than texts (B) in ts_rank.
	search       TSVECTOR GENERATED ALWAYS AS (
		setweight(to_tsvector('simple'::regconfig, coalesce(title, '')), 'A') ||
		setweight(to_tsvector('simple'::regconfig, text), 'B')
	) STORED
);

CREATE INDEX documents_search ON documents USING GIN (search);
CREATE INDEX documents_duplicate_of ON documents (duplicate_of);
CREATE INDEX documents_source ON documents (source, seq);

-- signature: the MinHash values as little-endian uint32s.
CREATE TABLE sketches (
	doc_id    TEXT PRIMARY KEY REFERENCES documents (id),
	signature BYTEA NOT NULL
);

-- key: the uint64 LSH band key, stored as the int64 with the same bits. The
-- primary key serves lookups by key; bands_doc_id serves PutSketch's
-- replacement of a document's bands.
CREATE TABLE bands (
	key    BIGINT NOT NULL,
	doc_id TEXT NOT NULL REFERENCES documents (id),
	PRIMARY KEY (key, doc_id)
);

CREATE INDEX bands_doc_id ON bands (doc_id);
