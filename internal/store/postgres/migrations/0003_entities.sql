-- Corpus-wide entities. An entity's id is 'E' || num. Linking finds the
-- entities a document may name through entity_keys (blocking keys: a
-- type with a surname, a head word or an acronym) and compares names
-- with entity_names; entity_links says which entity each of a document's
-- entities is, with the names and roles the document gives it.
CREATE TABLE entities (
	num       BIGINT PRIMARY KEY,
	type      TEXT NOT NULL,
	name      TEXT NOT NULL,
	documents BIGINT NOT NULL DEFAULT 0, -- kept by PutEntityLinks
	mentions  BIGINT NOT NULL DEFAULT 0
);

CREATE INDEX entities_documents ON entities (documents DESC, num);

CREATE TABLE entity_names (
	entity BIGINT NOT NULL REFERENCES entities (num),
	name   TEXT NOT NULL,
	PRIMARY KEY (entity, name)
);

CREATE TABLE entity_keys (
	key    TEXT NOT NULL,
	entity BIGINT NOT NULL REFERENCES entities (num),
	PRIMARY KEY (key, entity)
);

-- entity is NULL for a descriptor that resolves to nobody (yet);
-- role_key is set for an entity a document knows only by a descriptor.
CREATE TABLE entity_links (
	seq      BIGINT NOT NULL REFERENCES documents (seq),
	local_entity BIGINT NOT NULL,
	entity   BIGINT REFERENCES entities (num),
	mentions BIGINT NOT NULL,
	names    TEXT NOT NULL, -- JSON array of {"name", "count"}
	role_key TEXT,
	PRIMARY KEY (seq, local_entity)
);

CREATE INDEX entity_links_entity ON entity_links (entity, seq);
CREATE INDEX entity_links_role_key ON entity_links (role_key) WHERE role_key IS NOT NULL;

CREATE TABLE entity_roles (
	seq        BIGINT NOT NULL REFERENCES documents (seq),
	local_entity BIGINT NOT NULL,
	start_byte BIGINT NOT NULL,
	end_byte   BIGINT NOT NULL,
	entity     BIGINT REFERENCES entities (num),
	role       TEXT NOT NULL,
	role_key   TEXT NOT NULL,
	ended      BIGINT NOT NULL,
	PRIMARY KEY (seq, start_byte)
);

CREATE INDEX entity_roles_entity ON entity_roles (entity, seq);
CREATE INDEX entity_roles_key ON entity_roles (role_key, seq);
