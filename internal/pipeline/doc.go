// Package pipeline wires the stages of Parallax together for one run:
// sources are read (ingest), each article is prepared on its own (pure,
// parallel-safe), then stored and reconciled with the corpus in batches,
// each batch one transaction, so an interrupted run leaves the store
// consistent and running it again completes the job.
package pipeline
