-- What the API and the pages filter and order by (issue 7), so that no
-- request reads a whole table.

-- Search by publication date, and by outlet and date.
CREATE INDEX documents_published ON documents (published, seq);
CREATE INDEX documents_source_published ON documents (source, published);

-- Statements, most quoted first.
CREATE INDEX statements_quotes ON statements (quotes DESC, num) WHERE quotes > 0;

-- The timeline (events by date) and events by type.
CREATE INDEX events_date ON events (date_from, num);
CREATE INDEX events_type ON events (type, num);

-- Candidate date conflicts: the dates written out, by event.
CREATE INDEX event_reports_explicit ON event_reports (event, seq, date_from, date_to)
	WHERE date_explicit = 1 AND date_value <> '';

-- The entities each event report names as a participant or as the place
-- (corpus-wide ids, "E12"), one row a report and entity, kept by the
-- triggers below from event_reports, whose rows are only ever inserted
-- and deleted: the events an entity takes part in are one indexed read.
CREATE TABLE event_entities (
	entity        TEXT NOT NULL,
	event         INTEGER NOT NULL,
	seq           INTEGER NOT NULL,
	trigger_start INTEGER NOT NULL,
	PRIMARY KEY (entity, event, seq, trigger_start)
) STRICT, WITHOUT ROWID;

CREATE INDEX event_entities_report ON event_entities (event, seq, trigger_start);

INSERT OR IGNORE INTO event_entities (entity, event, seq, trigger_start)
	SELECT j.value, r.event, r.seq, r.trigger_start FROM event_reports r, json_each(r.participants) j
	WHERE j.type = 'text' AND j.value <> ''
	UNION ALL
	SELECT r.place, r.event, r.seq, r.trigger_start FROM event_reports r WHERE r.place <> '';

CREATE TRIGGER event_reports_entities_insert AFTER INSERT ON event_reports BEGIN
	INSERT OR IGNORE INTO event_entities (entity, event, seq, trigger_start)
		SELECT j.value, NEW.event, NEW.seq, NEW.trigger_start FROM json_each(NEW.participants) j
		WHERE j.type = 'text' AND j.value <> ''
		UNION ALL
		SELECT NEW.place, NEW.event, NEW.seq, NEW.trigger_start WHERE NEW.place <> '';
END;

CREATE TRIGGER event_reports_entities_delete AFTER DELETE ON event_reports BEGIN
	DELETE FROM event_entities WHERE event = OLD.event AND seq = OLD.seq AND trigger_start = OLD.trigger_start;
END;
