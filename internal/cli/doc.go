// Package cli is Parallax's command line: it parses arguments, wires the
// store, readers, pipeline, exporters and server together in one place, and
// turns outcomes into the exit statuses of the contract (docs/cli.md):
// 0 success, 1 some inputs failed, 2 usage error, 130 interrupted.
package cli
