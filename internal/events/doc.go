// Package events finds the events news articles report and groups the
// articles by the event they report, across outlets.
//
// Per document, Extract (pure, like the rest of the analysis) reads event
// frames from trigger verbs and nouns: visits, meetings, statements,
// deaths, attacks, agreements, elections, appointments, departures,
// arrests, disasters, contests, business and other actions, each with its
// participants and their roles, place, time and evidence spans, and marks
// the main event (what the headline and lead report) and the background
// events (recalled ones: relative clauses, past perfect, other years).
//
// Across documents, Sign makes a document's Signature: its main event's
// type, date, place and participants, the names and content words of the
// document, the people and places it names, and, when it has no
// publication date, the years its text names (the latest most often the
// year it was written). A Clusterer assigns each new document to an event Cluster
// or starts one, looking only at the candidates its blocking keys (Keys)
// find in an Index: salient names, participants, place, salient words,
// and type by month. Decide and Score are pure functions of a signature
// and candidates; Memory is an in-memory Index and Stats, and a store can
// provide both (a table of clusters, one of keys, one of document
// frequencies). MatchBackground links a background event to the cluster
// of the event it recalls. BCubed scores a clustering.
package events
