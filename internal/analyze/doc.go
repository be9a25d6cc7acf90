// Package analyze composes the per-document stages into one pure function
// of an article's text: segmentation (paragraphs, sentences, tokens), named
// entities with the titles before them kept as role cues, and the grouping
// of a document's mentions into the entities they name. It reads no store
// and no network; everything it returns is byte spans into the text.
package analyze
