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
	num       BIGINT PRIMARY KEY,
	type      TEXT NOT NULL,
	title     TEXT NOT NULL,
	date_from TEXT,
	date_to   TEXT,
	documents BIGINT NOT NULL DEFAULT 0,
	data      BYTEA NOT NULL
);

CREATE TABLE event_keys (
	key   TEXT NOT NULL,
	event BIGINT NOT NULL REFERENCES events (num),
	PRIMARY KEY (key, event)
);

CREATE TABLE event_terms (
	term TEXT PRIMARY KEY,
	docs BIGINT NOT NULL
);

-- What each document says of an event: its main report (main = 1) or a
-- mention of it in the background (main = 0), with the frame's trigger,
-- the date the document gives (TIMEX3 value, interval, and the span that
-- says so), its place and participants (corpus entity ids, JSON list).
CREATE TABLE event_reports (
	event         BIGINT NOT NULL REFERENCES events (num),
	seq           BIGINT NOT NULL REFERENCES documents (seq),
	main          BIGINT NOT NULL,
	trigger_start BIGINT NOT NULL,
	trigger_end   BIGINT NOT NULL,
	type          TEXT NOT NULL,
	date_value    TEXT NOT NULL,
	date_from     TEXT NOT NULL,
	date_to       TEXT NOT NULL,
	date_start    BIGINT NOT NULL,
	date_end      BIGINT NOT NULL,
	date_explicit BIGINT NOT NULL, -- 1 when the text writes the date out ("February 2019"), 0 for "on Sunday"
	place         TEXT NOT NULL,
	participants  TEXT NOT NULL,
	PRIMARY KEY (event, seq, trigger_start)
);

CREATE INDEX event_reports_seq ON event_reports (seq);

-- The countable facts each document gives an event (package events'
-- Fact): the ordinal of a visit, the numbers killed, injured, arrested.
CREATE TABLE event_facts (
	event      BIGINT NOT NULL REFERENCES events (num),
	seq        BIGINT NOT NULL REFERENCES documents (seq),
	kind       TEXT NOT NULL,
	value      BIGINT NOT NULL,
	start_byte BIGINT NOT NULL,
	end_byte   BIGINT NOT NULL,
	main       BIGINT NOT NULL,
	PRIMARY KEY (event, seq, kind, start_byte)
);

CREATE INDEX event_facts_seq ON event_facts (seq);
