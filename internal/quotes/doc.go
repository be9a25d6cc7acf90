// Package quotes finds who said what in one article: quotations in any
// style of quotation marks, partial quotes, reported speech, and the
// speaker, cue, addressee and intermediary of each, as byte spans into
// the text. Extract is a pure function of the text, its segmentation and
// its mentions, linear in the text; internal/analyze calls it after the
// mentions and pronouns are found.
//
// # Quotations
//
// Quotation marks pair within a paragraph by what touches them, so that
// “ ” " « » „ “ ‘ ’ and doubled apostrophes all work, mismatched marks
// («…” or “…“) still pair, and apostrophes open nothing (see
// findRegions). A quotation that a paragraph leaves open ends with it and
// goes on in the next paragraph when that one opens with a mark. Inner
// quotes stay part of the outer one.
//
// # Attribution
//
// A cue is a verb of saying or thinking (said, told, stressed, pointed
// out, went on to say, believes), "according to", "was quoted (by X) as
// saying", "in X's view", "in the following terms" or a transcript's
// "NAME:" label; a verb the lexicon lacks is recognized by its place
// (“…,” she elaborated). A quotation takes the cue right after it (“…,”
// he said), else the nearest cue before it in its sentence (he said: “…”;
// called it a “…”), else the attribution of the quotation before it in
// the paragraph, of a sentence or paragraph that introduced it (the
// Leader said:), or of the paragraph whose quotation it continues: a run
// of quoted paragraphs belongs to one speaker. The speaker is the subject
// of the cue (a name, a title or descriptor, a pronoun, or a noun phrase
// such as "officials familiar with the talks", past auxiliaries, adverbs,
// appositions and relative clauses), or the phrase after an inverted cue
// (said the Leader) or "according to". A speaking "he" or "she" is the
// subject of the sentence before, else the speaker last quoted.
//
// # Reported speech and scare quotes
//
// A cue with a speaker reports the clause after it (said that …; told
// Assad that …; stressed the need to …), or the clause before it
// (…, the spokesman said). Quoted words inside such a clause make it a
// partial quote when they are most of it, and stay inside the indirect
// quote otherwise. Words in quotation marks that are no statement are
// left out: a few words that no cue attributes, a name or title in Title
// Case, a label (so-called, calling themselves), and a word or two inside
// the writer's own sentence.
package quotes
