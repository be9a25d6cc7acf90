-- Quotes, stored with their document's analysis (PutAnalysis), and
-- statements: the quotes of one speaker that render one utterance, across
-- documents. text is the quote's content, kept for aligning quotes
-- without reading whole documents. An empty span is stored as 0, 0.
-- speaker is the corpus-wide entity; published the earliest publication
-- date of its quotes, by which statements near a new quote are found.
CREATE TABLE statements (
	num       INTEGER PRIMARY KEY,
	speaker   INTEGER REFERENCES entities (num),
	published TEXT,
	quotes    INTEGER NOT NULL DEFAULT 0
) STRICT;

CREATE INDEX statements_speaker ON statements (speaker, published);

CREATE TABLE quotes (
	seq             INTEGER NOT NULL REFERENCES documents (seq),
	start_byte      INTEGER NOT NULL,
	end_byte        INTEGER NOT NULL,
	kind            TEXT NOT NULL,
	cue_start       INTEGER NOT NULL,
	cue_end         INTEGER NOT NULL,
	speaker_start   INTEGER NOT NULL,
	speaker_end     INTEGER NOT NULL,
	speaker_entity  INTEGER NOT NULL, -- the document's entity number, -1 for none
	addressee_start INTEGER NOT NULL,
	addressee_end   INTEGER NOT NULL,
	via_start       INTEGER NOT NULL,
	via_end         INTEGER NOT NULL,
	text            TEXT NOT NULL,
	statement       INTEGER REFERENCES statements (num),
	PRIMARY KEY (seq, start_byte)
) STRICT, WITHOUT ROWID;

CREATE INDEX quotes_statement ON quotes (statement) WHERE statement IS NOT NULL;
