// Package ner finds named entities (persons, organizations, locations and
// miscellaneous names, as in CoNLL-2003) in tokenized sentences.
//
// # Model
//
// The tagger is a two-stage structured averaged perceptron over BILOU
// labels, decoded with first-order Viterbi under the BILOU constraints
// (Ratinov and Roth 2009, "Design Challenges and Misconceptions in Named
// Entity Recognition"). Tags in and out of the package are IOB2.
//
// Stage one sees the sentence and a little of the document: the word, its
// lower-cased form, shape, affixes and Brown cluster path prefixes, a ±2
// window of words and shapes, word and shape bigrams, whether the sentence
// is an all-capitals headline, matches in word lists written for this
// package (lexicon/: countries, cities, regions, nationalities, given names,
// titles, organizations, organization suffixes) and in a lexicon of the
// training data's mentions, how a sentence-initial or headline word is
// written elsewhere in the document, and the words seen around the same
// capitalized word elsewhere in the document (context aggregation).
//
// Stage two adds what stage one said: its labels of the token and its
// neighbours, how it labelled the same word elsewhere in the document, and
// whether the word was part of a longer mention there ("Blackburn" after
// "Peter Blackburn"). On the training data stage two learns from stage-one
// labels made by jackknifed models that did not see the sentence, so it
// learns how far to trust them.
//
// Features are 64-bit hashes looked up in an open-addressing table; weights
// are 16-bit. A Tagger caches each word's own features' scores, and the
// model precomputes them for frequent training words, so tagging allocates
// little beyond its result.
//
// # Data and training
//
// ReadCoNLL reads CoNLL files. Train (or TrainFiles) trains on the training
// file and picks each stage's number of epochs on the dev file; training is
// deterministic. The trained model is embedded (DefaultModelPath,
// model/conll2003.model) and returned by Default. It carries a copy of the
// word clusters it was trained with, so retraining internal/wordcluster does
// not change it; retrain this model afterwards to use the new clusters:
//
//	NER_TRAIN=1 go test ./internal/ner -run TestTrainModel -v
//
// (or `parallax train ner`) writes model/conll2003.model. TestAccuracyFloor
// holds the embedded model to its CoNLL-2003 dev F1.
package ner
