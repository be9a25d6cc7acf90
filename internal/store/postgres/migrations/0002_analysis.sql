-- The per-document analysis: segmentation as compact span lists (see
-- sqlstore.encodeSpans), and mentions as rows so later stages can query
-- them. version identifies the analyzer, so outdated analyses can be redone.
CREATE TABLE analyses (
	seq        BIGINT PRIMARY KEY REFERENCES documents (seq),
	version    BIGINT NOT NULL,
	paragraphs BYTEA NOT NULL,
	sentences  BYTEA NOT NULL,
	tokens     BYTEA NOT NULL
);

CREATE TABLE mentions (
	seq         BIGINT NOT NULL REFERENCES documents (seq),
	start_byte  BIGINT NOT NULL,
	end_byte    BIGINT NOT NULL,
	type        TEXT NOT NULL,
	kind        TEXT NOT NULL,
	title_start BIGINT NOT NULL,
	title_end   BIGINT NOT NULL,
	entity      BIGINT NOT NULL,
	PRIMARY KEY (seq, start_byte)
);
