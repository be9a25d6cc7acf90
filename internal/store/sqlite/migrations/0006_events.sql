-- Events across documents (reconcile.LinkEvents): the documents whose
-- main event is one, and the documents that recall it.
--
-- events holds what pages and exports show (type, a title, the union of
-- the dates its reports give, how many documents report it) and, in
-- data, the clustering state that later documents are compared with
-- (package events' Cluster, as JSON). event_keys files events under the
-- blocking keys new documents look them up by; event_terms counts the
-- documents holding each name and word, for their weights.
CREATE TABLE events (
	num       INTEGER PRIMARY KEY,
	type      TEXT NOT NULL,
	title     TEXT NOT NULL,
	date_from TEXT,
	date_to   TEXT,
	documents INTEGER NOT NULL DEFAULT 0,
	data      BLOB NOT NULL
) STRICT;

CREATE TABLE event_keys (
	key   TEXT NOT NULL,
	event INTEGER NOT NULL REFERENCES events (num),
	PRIMARY KEY (key, event)
) STRICT, WITHOUT ROWID;

CREATE TABLE event_terms (
	term TEXT PRIMARY KEY,
	docs INTEGER NOT NULL
) STRICT, WITHOUT ROWID;

-- What each document says of an event: its main report (main = 1) or a
-- mention of it in the background (main = 0), with the frame's trigger,
-- the date the document gives (TIMEX3 value, interval, and the span that
-- says so), its place and participants (corpus entity ids, JSON list).
CREATE TABLE event_reports (
	event         INTEGER NOT NULL REFERENCES events (num),
	seq           INTEGER NOT NULL REFERENCES documents (seq),
	main          INTEGER NOT NULL,
	trigger_start INTEGER NOT NULL,
	trigger_end   INTEGER NOT NULL,
	type          TEXT NOT NULL,
	date_value    TEXT NOT NULL,
	date_from     TEXT NOT NULL,
	date_to       TEXT NOT NULL,
	date_start    INTEGER NOT NULL,
	date_end      INTEGER NOT NULL,
	date_explicit INTEGER NOT NULL, -- 1 when the text writes the date out ("February 2019"), 0 for "on Sunday"
	place         TEXT NOT NULL,
	participants  TEXT NOT NULL,
	PRIMARY KEY (event, seq, trigger_start)
) STRICT, WITHOUT ROWID;

CREATE INDEX event_reports_seq ON event_reports (seq);

-- The countable facts each document gives an event (package events'
-- Fact): the ordinal of a visit, the numbers killed, injured, arrested.
CREATE TABLE event_facts (
	event      INTEGER NOT NULL REFERENCES events (num),
	seq        INTEGER NOT NULL REFERENCES documents (seq),
	kind       TEXT NOT NULL,
	value      INTEGER NOT NULL,
	start_byte INTEGER NOT NULL,
	end_byte   INTEGER NOT NULL,
	main       INTEGER NOT NULL,
	PRIMARY KEY (event, seq, kind, start_byte)
) STRICT, WITHOUT ROWID;

CREATE INDEX event_facts_seq ON event_facts (seq);
