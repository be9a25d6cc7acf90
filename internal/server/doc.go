// Package server is Parallax's HTTP API and web UI over a store. Every route
// is declared in routes.go; handlers return errors to one adapter that turns
// them into status codes without leaking internals. Templates and static
// files are embedded, parsed once at start-up, and everything taken from an
// article is escaped by html/template.
package server
