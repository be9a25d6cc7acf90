// Package text holds Parallax's text primitives: the normalization every
// stored article goes through once at ingest, after which byte offsets into
// the text are stable, and the segmentation of a normalized text into
// paragraphs, sentences and tokens that every later stage reads.
//
// # Segmentation
//
// Segment (and SegmentInto, which reuses a Doc's slices) returns byte spans
// into the text, never copies: paragraphs hold sentences, sentences hold
// tokens, and the tokens cover every character that is not a space. It is a
// pure function, linear in the text, and accepts any input.
//
// Paragraphs end at a blank line (spaces and no-break spaces allowed on it)
// and at a single newline, as in plain-text sources that put a paragraph on
// each line, unless the newline is a soft wrap: in a hard-wrapped text (at
// least three single newlines, no line longer than 100 characters, and at
// least 40% of the lines after a single newline starting in lower case), a
// line continues on the next unless it is more than 25 characters shorter
// than the widest line or the next line starts with a bullet; in any other
// text, a line of at least 40 bytes that does not end with . ! ? : … or a
// closing quotation mark or bracket continues on a next line that starts in
// lower case. A paragraph break always ends a sentence, so a headline
// without a full stop is a sentence of its own.
//
// Tokens follow CoNLL-2003 (Penn Treebank) conventions, because the
// named-entity tagger is trained on them: punctuation, quotation marks,
// brackets, dashes, % and currency signs are tokens of their own (US$ and
// C$ before a number stay whole); possessives and contractions are split
// (Iran 's, Iran ’s, do n't, we 're); hyphenated words (al-Assad, 11-year,
// U.S.-led), numbers with separators (1,000 3.5 +44 6-3 1/2), dates
// (1996-08-22, 22/08/1996), times (10:30), URLs, e-mail addresses and
// ellipses (... …) are one token each. Abbreviations keep their period:
// those in a list (titles such as Mr. Gen. Lt.; Inc. Corp. Jr. St. Jan. vs.
// etc.; No. only before a number), letter sequences with inner periods
// (U.S. a.m. e.g. Ph.D.) and single capital initials (J.). Where an
// abbreviation ends a sentence, its period is split off (U.S .), as in
// CoNLL. Each Token carries a TokenKind so that later stages need not read
// its bytes again.
//
// Sentences end after . ! ? (and runs such as ?!), together with the
// closing quotation marks and brackets that follow (…approach.” | He), when
// the next token does not continue the sentence: a word in lower case, a
// comma, semicolon or colon, or a clitic continues it; anything else (a
// capitalized word, a number, an opening quotation mark) starts a new one.
// Abbreviations and ellipses end a sentence only before a common sentence
// starter (The, He, But, In, However, …; see starter in segment.go) or at
// the end of the paragraph: "in the U.S. The next day" splits, "U.S.
// officials" and "the U.S. President" do not. Titles (Mr. Gen.) and initials
// in a name (George W. Bush, J. K. Rowling) never end one within a
// paragraph; an initial after a lower-case word may (vitamin C. The). Dashes
// never split, so datelines (TEHRAN — Syrian President…) belong to the first
// sentence.
//
// On the CoNLL-2003 development set, rebuilt as running text, Segment
// reproduces the tokens of 99.6% of the sentences exactly.
package text
