// Package reconcile holds Parallax's cross-document work. Each step is
// incremental: a new document is compared only with its candidates, found
// through keys kept in the store, never with the whole corpus.
//
//   - Near-duplicates (LinkDuplicates): MinHash sketches, LSH bands.
//   - Entities (LinkEntities): a document's entities join the corpus-wide
//     entities filed under their blocking keys (surname, head word,
//     acronym); roles are dated, and descriptors ("the Iranian president")
//     resolved by date.
//   - Statements (within LinkEntities): a speaker's quotes that render one
//     utterance, across documents and translations.
//   - Events (LinkEvents): a document's main event joins the event its
//     candidates make likely, or starts one (package events decides);
//     what it only recalls links to the event recalled; what it says of
//     each (the date, with its span; countable facts) is kept as its
//     reports, from which exports read conflicts and coverage.
package reconcile
