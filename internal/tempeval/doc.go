// Package tempeval reads TimeML documents, the annotation format of
// TimeBank, AQUAINT and TempEval-3, and scores time-expression tagging
// against them the way the TempEval-3 scorer does, for `parallax eval
// timex`.
//
// A TimeML file (.tml) is XML: a DCT element holding the document
// creation time as a TIMEX3 with functionInDocument="CREATION_TIME", and
// a TEXT element whose text carries inline TIMEX3, EVENT and SIGNAL tags.
// Read strips the tags, unescapes the entities and gives each TIMEX3 of
// the text as a byte span into the stripped text with its type and value.
//
// # Scoring
//
// Score follows TempEval-3 (UzZaman et al., 2013), task A: a predicted
// expression matches a gold one strictly when the spans are equal and in
// the relaxed sense when they overlap, each expression used once.
// Precision, recall and F1 are given for both. Type and value are
// judged on the relaxed matches; their F1 is the relaxed F1 times the
// share of relaxed matches whose attribute is right (which is what the
// official scorer's attribute precision and recall amount to).
package tempeval
