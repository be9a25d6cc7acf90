-- The per-document analysis: segmentation as compact span lists (see
-- sqlstore.encodeSpans), and mentions as rows so later stages can query
-- them. version identifies the analyzer, so outdated analyses can be redone.
CREATE TABLE analyses (
	seq        INTEGER PRIMARY KEY REFERENCES documents (seq),
	version    INTEGER NOT NULL,
	paragraphs BLOB NOT NULL,
	sentences  BLOB NOT NULL,
	tokens     BLOB NOT NULL
) STRICT;

CREATE TABLE mentions (
	seq         INTEGER NOT NULL REFERENCES documents (seq),
	start_byte  INTEGER NOT NULL,
	end_byte    INTEGER NOT NULL,
	type        TEXT NOT NULL,
	kind        TEXT NOT NULL,
	title_start INTEGER NOT NULL,
	title_end   INTEGER NOT NULL,
	entity      INTEGER NOT NULL,
	PRIMARY KEY (seq, start_byte)
) STRICT, WITHOUT ROWID;
