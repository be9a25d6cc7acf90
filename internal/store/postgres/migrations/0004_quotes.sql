-- Quotes, stored with their document's analysis (PutAnalysis), and
-- statements: the quotes of one speaker that render one utterance, across
-- documents. text is the quote's content, kept for aligning quotes
-- without reading whole documents. An empty span is stored as 0, 0.
-- speaker is the corpus-wide entity; published the earliest publication
-- date of its quotes, by which statements near a new quote are found.
CREATE TABLE statements (
	num       BIGINT PRIMARY KEY,
	speaker   BIGINT REFERENCES entities (num),
	published TEXT,
	quotes    BIGINT NOT NULL DEFAULT 0
);

CREATE INDEX statements_speaker ON statements (speaker, published);

CREATE TABLE quotes (
	seq             BIGINT NOT NULL REFERENCES documents (seq),
	start_byte      BIGINT NOT NULL,
	end_byte        BIGINT NOT NULL,
	kind            TEXT NOT NULL,
	cue_start       BIGINT NOT NULL,
	cue_end         BIGINT NOT NULL,
	speaker_start   BIGINT NOT NULL,
	speaker_end     BIGINT NOT NULL,
	speaker_entity  BIGINT NOT NULL, -- the document's entity number, -1 for none
	addressee_start BIGINT NOT NULL,
	addressee_end   BIGINT NOT NULL,
	via_start       BIGINT NOT NULL,
	via_end         BIGINT NOT NULL,
	text            TEXT NOT NULL,
	statement       BIGINT REFERENCES statements (num),
	PRIMARY KEY (seq, start_byte)
);

CREATE INDEX quotes_statement ON quotes (statement) WHERE statement IS NOT NULL;
