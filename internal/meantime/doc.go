// Package meantime reads the NewsReader MEANTIME corpus and scores entity
// mention detection and entity clustering against it, for
// `parallax eval entities`.
//
// MEANTIME (CC BY 4.0) is a set of English Wikinews articles annotated in
// CAT XML. This package reads the intra_cross-doc_annotation section, in
// which every article carries both document-level coreference and
// corpus-level (cross-document) entity identity.
//
// # The CAT XML format, as this package reads it
//
// A file is one <Document doc_id doc_name url>. Its text is given only as
// <token t_id number sentence> elements: there is no raw text, so Read
// rebuilds one (see Document.Text). Under <Markables>:
//
//   - <ENTITY_MENTION m_id syntactic_type> lists the tokens of a mention
//     as <token_anchor t_id/> children. syntactic_type is NAM, NOM, PRO,
//     PRE.NAM, APP, CONJ, …, or empty or missing.
//   - <ENTITY m_id ent_type …> is an entity, not a mention: it has no
//     tokens. Document-level entities have external_ref="" and no
//     instance_id; corpus-level entities carry instance_id (such as
//     "ORG37154720003835631", the identifier in the CROMER instance list,
//     shared by every article in which the entity occurs) and, for some,
//     external_ref, a DBpedia URI.
//
// Under <Relations>, <REFERS_TO> links one or more <source m_id/> mentions
// to one <target m_id/> ENTITY (or EVENT, which this package ignores). Two
// mentions of one document corefer when they refer to the same ENTITY;
// mentions of different documents corefer when their ENTITY elements
// carry the same instance_id. Mentions that refer to a document-level
// entity (no instance_id) have no cross-document identity, and mentions
// with no REFERS_TO are singletons.
//
// # Scoring
//
// MentionScores and LenientMentionScores measure mention detection;
// BCubed measures clustering, within or across documents, given cluster
// maps such as those CrossDocClusters and WithinDocClusters build from
// the gold data.
package meantime
