// Package names gives the forms under which names are compared within and
// across documents: normalized keys that fold spellings and
// transliterations together, and acronyms. It is pure and depends on no
// other part of Parallax.
package names
