// Package polnear reads PolNeAR, the Political News Attribution Relations
// Corpus, and scores quote extraction against it, for `parallax eval
// quotes`.
//
// PolNeAR (Newell, Margolin and Ruths, 2018) is some 1,000 articles of US
// election news annotated with attributions: who (the Source) is reported,
// by which words (the Cue), to have said or thought what (the Content).
// A compartment (train, dev, test) holds text/NAME.txt and
// attributions/NAME_ANNOTATOR.ann, brat standoff with offsets in code
// points: text-bound annotations ("T1\tContent 120 211;215 230\t…", a
// span of several fragments when the content is interrupted) and
// relations linking them ("E1\tAttribution:T4 Content:T3 Cue:T2
// Source:T1"; Content2 adds fragments; Attribution-no-source has no
// Source). Read gives byte spans into the article.
//
// # Scoring
//
// Score compares a system's attributions (Predictions turns an analysis'
// quotes into them) with the annotation: a prediction matches a gold
// content when it covers at least half of its characters, each used once.
// Direct quotes are the gold contents at least half inside quotation
// marks, against the predictions that are quotations; all attributions
// are every content against every prediction; the speaker of a matched
// pair is right when it overlaps the gold source.
package polnear
