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

-- A document's MinHash signature (little-endian uint32s) and its LSH band
-- keys (little-endian uint64s), kept so that PutSketch can remove the band
-- rows it replaces without an index on bands by document.
CREATE TABLE sketches (
	seq       BIGINT PRIMARY KEY REFERENCES documents (seq),
	signature BYTEA NOT NULL,
	bands     BYTEA NOT NULL
);

-- key: the uint64 LSH band key, stored as the int64 with the same bits;
-- seq: the document's. Every document writes one row per band, so the table
-- has only its primary key, no foreign key and no second index: either
-- would double the cost of the hottest write of ingest. PutSketch keeps it
-- consistent with sketches.
CREATE TABLE bands (
	key BIGINT NOT NULL,
	seq BIGINT NOT NULL,
	PRIMARY KEY (key, seq)
);
