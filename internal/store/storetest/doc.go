// Package storetest is the conformance suite of store.Store: every
// implementation runs Run from its own tests, on a real database, so that
// the SQLite and PostgreSQL stores (and any fake) behave the same.
package storetest
