-- The time expressions of each analysis (news.Time), as a JSON array:
-- they are read with their document, never queried on their own.
ALTER TABLE analyses ADD COLUMN times BLOB;
