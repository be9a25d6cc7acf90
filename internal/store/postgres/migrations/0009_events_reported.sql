-- The overview's most reported events: events by the documents that
-- report them, most first.
CREATE INDEX events_documents ON events (documents DESC, num);
