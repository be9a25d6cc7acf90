// Package news holds Parallax's domain types: the articles it reads and the
// findings it derives from them. It has no behaviour beyond small helpers on
// those types, and imports nothing from the rest of the project.
package news
