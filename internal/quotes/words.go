package quotes

import "strings"

// verbClass is how a cue verb takes what is said.
type verbClass uint8

const (
	// speech verbs report words: say, stress, warn.
	speech verbClass = iota + 1
	// tell verbs take the addressee first: told Assad that…, urged
	// Iran to….
	tell
	// thought verbs report an internal state: believe, think. PolNeAR
	// counts them as attribution; they take a clause, not a quotation.
	thought
)

// cueForms maps each inflected form of a cue verb to its class.
var cueForms = buildCueForms()

// buildCueForms builds cueForms.
func buildCueForms() map[string]verbClass {
	m := map[string]verbClass{}
	regular := func(c verbClass, bases ...string) {
		for _, b := range bases {
			for _, f := range inflect(b) {
				m[f] = c
			}
		}
	}
	forms := func(c verbClass, fs ...string) {
		for _, f := range fs {
			m[f] = c
		}
	}
	forms(speech, "say", "says", "said", "saying")
	forms(speech, "write", "writes", "wrote", "writing")
	regular(speech,
		// saying
		"add", "stress", "note", "emphasize", "emphasise", "assert", "remark",
		"explain", "declare", "announce", "insist", "argue", "claim", "state",
		"reply", "respond", "answer", "conclude", "acknowledge", "admit",
		"recall", "recount", "suggest", "predict", "complain", "deny",
		"confirm", "reveal", "disclose", "comment", "mention", "repeat",
		"reiterate", "continue", "elaborate", "counter", "retort", "testify",
		"allege", "contend", "proclaim", "exclaim", "underline", "underscore",
		"highlight", "affirm", "reaffirm", "caution", "report", "tweet",
		"opine", "hint", "describe", "question", "wonder", "agree", "object",
		"protest", "stipulate", "estimate", "talk",
		// manner of saying
		"quip", "joke", "boast", "brag", "concede", "lament", "scoff",
		"sneer", "snap", "grouse", "gush", "marvel", "tout",
		"shout", "yell", "scream", "whisper", "mutter",
		// committing and demanding
		"demand", "pledge", "promise", "vow", "threaten", "propose",
		"decline", "refuse",
		// judging
		"accuse", "blast", "criticize", "criticise", "praise", "condemn",
		"denounce", "dismiss", "mock", "ridicule", "slam", "defend",
		"endorse", "reject", "blame", "call", "cite",
		"attack", "applaud", "hail", "welcome", "bash", "fault", "rip",
		"challenge", "dispute", "express", "discuss", "describe",
		"decry", "imply", "portray", "voice", "rail", "assail", "interject",
		"retweet", "plead", "chant", "echo", "reference", "lash",
	)
	forms(speech, "speak", "speaks", "spoke", "speaking")
	forms(speech, "show", "shows", "showed", "showing", "shown")
	forms(speech, "find", "finds", "found")
	forms(speech, "refer", "refers", "referred", "referring")
	forms(tell, "tell", "tells", "told", "telling")
	regular(tell, "warn", "urge", "ask", "inform", "remind", "assure")
	forms(thought, "think", "thinks", "thought", "thinking")
	forms(thought, "feel", "feels", "felt")
	regular(thought, "believe", "fear", "hope", "worry", "doubt", "seem", "appear")
	// intentions, which count only before an infinitive or "that"
	// (see guarded): wants to run, plans to spend.
	regular(thought, "want", "plan", "intend", "expect", "decide", "offer", "aim", "seek")
	regular(thought, "learn", "realize", "realise", "understand", "assume", "suspect", "recognize", "imagine", "anticipate", "guess")
	regular(speech, "indicate", "signal", "recommend", "request", "advise")
	forms(thought, "understood")
	forms(thought, "sought", "planned", "planning")
	// knowing and seeing, guarded in cueStarting: knows that …, sees
	// Cruz as a uniter
	forms(thought, "know", "knows", "knew", "see", "sees", "saw")
	// judging as, guarded like seeing: rated the claim as “false”
	regular(thought, "rate", "regard")
	forms(thought, "viewed")
	// stances
	regular(thought, "support", "oppose", "favor", "prefer")
	forms(thought, "preferred", "preferring")
	return m
}

// guarded are cue forms that are cues only before "that" or an
// infinitive: "wants to win", "expects that …", not "his plans", "the
// offer", "expects a vote".
var guarded = func() map[string]bool {
	m := map[string]bool{}
	for _, b := range []string{"want", "plan", "intend", "expect", "decide", "offer", "aim", "seek", "learn", "realize", "realise", "understand", "assume", "suspect", "recognize", "imagine", "anticipate", "guess", "indicate", "signal", "recommend", "request", "advise"} {
		for _, f := range inflect(b) {
			m[f] = true
		}
	}
	m["sought"], m["planned"], m["planning"], m["understood"] = true, true, true, true
	delete(m, "planed")
	delete(m, "planing")
	return m
}()

// infinitival are cue forms whose content may be an infinitive:
// "declined to comment", "vowed to fight", "wants to win".
var infinitival = func() map[string]bool {
	m := map[string]bool{}
	for _, b := range []string{"decline", "refuse", "promise", "vow", "pledge", "threaten", "agree", "hope", "propose", "seem", "appear", "demand", "want", "plan", "intend", "expect", "decide", "offer", "aim", "seek"} {
		for _, f := range inflect(b) {
			m[f] = true
		}
	}
	m["sought"], m["planned"], m["planning"] = true, true, true
	return m
}()

// inflect returns a regular verb's base, third person, past and -ing
// forms: "note" → note, notes, noted, noting.
func inflect(base string) []string {
	switch {
	case strings.HasSuffix(base, "e"):
		stem := base[:len(base)-1]
		return []string{base, base + "s", base + "d", stem + "ing"}
	case strings.HasSuffix(base, "y") && !strings.HasSuffix(base, "ay") && !strings.HasSuffix(base, "ey"):
		stem := base[:len(base)-1]
		return []string{base, stem + "ies", stem + "ied", base + "ing"}
	case strings.HasSuffix(base, "ss") || strings.HasSuffix(base, "sh") || strings.HasSuffix(base, "ch") || strings.HasSuffix(base, "x"):
		return []string{base, base + "es", base + "ed", base + "ing"}
	case doubling[base]:
		// admit, admitted; slam, slammed: the last consonant doubles
		last := base[len(base)-1:]
		return []string{base, base + "s", base + last + "ed", base + last + "ing"}
	case strings.HasSuffix(base, "o"):
		return []string{base, base + "es", base + "ed", base + "ing"} // echo, echoes
	}
	return []string{base, base + "s", base + "ed", base + "ing"}
}

// doubling are the cue verbs whose last consonant doubles before -ed
// and -ing.
var doubling = setOf("snap", "admit", "commit", "regret", "slam", "rip", "quip", "rebut", "omit", "submit", "chat", "nod", "plan")

// evidenceVerbs attribute to what a study or a poll shows or finds, and
// count only after such a subject: "polls show", "the survey found".
var evidenceVerbs = setOf("show", "shows", "showed", "showing", "shown", "find", "finds", "found")

// evidence are the nouns that show and find.
var evidence = setOf("poll", "polls", "polling", "survey", "surveys", "data", "study", "studies", "results", "numbers", "figures", "records", "documents", "report", "reports", "analysis", "research", "researchers", "emails", "evidence", "statistics", "census", "count", "investigation", "investigators", "review", "audit", "court", "judge", "jury", "inspector", "probe", "tests", "test", "calculations", "estimates", "projections", "models", "model", "exit", "polls", "paper", "papers", "filings", "video", "footage", "authors", "analysts", "findings", "records", "surveys", "forecast", "slide", "slides", "average", "chart", "graphic", "map", "table", "photo", "photos", "image", "images", "memo", "letter", "ad", "advertisement", "document")

// nounLike are cue forms that are as often nouns ("the state", "his
// claims", "a promise"): they count only where a verb stands.
var nounLike = setOf(
	"state", "states", "report", "reports", "claim", "claims", "note", "notes",
	"comment", "comments", "answer", "answers", "question", "questions",
	"demand", "demands", "pledge", "pledges", "promise", "promises", "vow",
	"vows", "tweet", "tweets", "hint", "hints", "repeat", "counter", "joke",
	"jokes", "boast", "boasts", "fear", "fears", "hope", "hopes", "doubt",
	"doubts", "worry", "worries", "thought", "estimate", "estimates",
	"call", "calls", "want", "wants", "wish", "protest", "protests",
	"object", "objects", "blast", "mock", "slam", "praise", "snap",
	"dismiss", "know", "feel", "continue", "continues", "continued",
	"continuing", "add", "expect", "consider", "considered", "question",
	"warning", "writing", "thinking", "feeling", "wishing",
	"calling", "mocking", "reporting",
	"support", "supports", "supporting", "favor", "favors", "favoring", "opposing", "preferring",
)

// skipBefore are the words between a subject and its verb: auxiliaries,
// negations and adverbs ("has also said", "would later tell").
var skipBefore = setOf(
	"has", "have", "had", "will", "would", "could", "can", "may", "might",
	"should", "must", "did", "does", "do", "been", "'ve", "’ve", "'d", "’d",
	"'ll", "’ll", "also", "later", "then", "previously", "repeatedly",
	"publicly", "recently", "once", "often", "again", "further", "earlier",
	"even", "simply", "just", "still", "now", "never", "quickly",
	"officially", "flatly", "privately", "separately", "similarly",
	"likewise", "frequently", "already", "always", "clearly", "explicitly",
	"openly", "first", "finally", "reportedly", "allegedly", "apparently",
	"specifically", "directly", "only", "not", "n't", "firmly", "strongly",
	"angrily", "bluntly", "pointedly", "candidly", "too", "all", "both",
	"each", "initially", "subsequently", "immediately", "quietly", "loudly",
	"proudly", "confidently", "correctly", "falsely", "wrongly", "rightly",
	"erroneously", "famously", "memorably", "jokingly", "sarcastically",
	"emphatically", "repeatedly", "consistently", "long", "personally",
	"herself", "himself", "themselves", "itself", "ever",
	"is", "was", "are", "were", "am", "'s", "’s", "'re", "’re", "'m", "’m",
)

// pronouns are the subject pronouns that may speak.
var pronouns = setOf("he", "she", "they", "i", "we", "you", "it", "who")

// determiners open a noun phrase.
var determiners = setOf("a", "an", "the", "this", "that", "these", "those", "some", "many", "most", "several", "one", "two", "three", "other", "another", "his", "her", "their", "its", "our", "my", "your", "both", "each", "few", "all", "no", "any", "such")

// standalone are the determiners that may be a subject on their own.
var standalone = setOf("some", "many", "most", "several", "both", "all", "others", "few", "one", "two", "three", "those", "neither", "either", "none")

// sentenceAdverbs open a sentence before a comma without being its
// subject: "However, he said".
var sentenceAdverbs = setOf("however", "meanwhile", "still", "instead", "yet", "also", "later", "then", "now", "earlier", "today", "yesterday", "indeed", "moreover", "furthermore", "nevertheless", "finally", "first", "second", "third", "again", "afterwards", "overall", "separately", "otherwise", "besides", "thus", "therefore", "hence", "last", "but", "and", "so", "well", "yes", "no", "instead", "sometimes", "often", "here", "there", "tonight", "ultimately", "similarly", "likewise", "specifically", "notably", "meanwhile", "nonetheless", "regardless", "though", "anyway", "plus", "thursday", "monday", "tuesday", "wednesday", "friday", "saturday", "sunday")

// prepositions are the words after which a cue form is a noun or an
// infinitive, and with which no reported clause starts.
var prepositions = setOf("of", "in", "for", "on", "at", "by", "with", "from", "about", "into", "over", "after", "before", "during", "against", "without", "under", "between", "through", "to", "upon", "via", "like", "than", "toward", "towards", "amid", "despite", "within", "across", "behind")

// phraseModifiers are the prepositions of a phrase that modifies the
// noun of a speaker: "officials familiar with the talks", "a source close
// to the campaign", "a spokesman for the company".
var phraseModifiers = setOf("with", "to", "for", "of", "from", "at", "in", "on", "within")

// nounStops end a noun phrase read backwards from a verb: words that
// cannot be inside the subject of that verb.
var nounStops = setOf("that", "which", "who", "whom", "whose", "and", "but", "or", "as", "if", "when", "while", "because", "since", "although", "though", "after", "before", "where", "than", "so", "yet", "is", "was", "are", "were", "has", "have", "had", "be", "been", "not", "there", "what", "how", "why", "said", "says", "say", "told")

// phraseEnds end a noun phrase read forwards from a verb ("said a
// spokesman for the campaign on Tuesday").
var phraseEnds = setOf("on", "in", "at", "during", "after", "before", "when", "while", "who", "which", "that", "as", "last", "this", "yesterday", "today", "tonight", "earlier", "later", "told", "adding", "saying", "referring", "according", "because", "since", "and", "but", "to", "from", "with", "about", "via", "through", "is", "was", "has", "had", "will", "would")

// addresseeWords open the phrase of the hearer of "told …".
var addresseeWords = setOf("him", "her", "them", "us", "me", "you", "reporters", "journalists", "supporters", "the", "a", "an", "his", "their", "its", "our", "audience", "crowd", "lawmakers", "voters", "people", "everyone", "everybody")

// finiteVerbs are the auxiliaries and common irregular past forms by
// which a reported clause shows its verb.
var finiteVerbs = setOf(
	"is", "was", "are", "were", "am", "has", "have", "had", "will", "would",
	"can", "could", "should", "may", "might", "must", "shall", "did", "does",
	"do", "cannot", "won't", "made", "got", "went", "came", "took", "gave",
	"saw", "knew", "thought", "told", "said", "found", "left", "won", "lost",
	"ran", "met", "sent", "built", "paid", "kept", "held", "brought", "began",
	"became", "felt", "meant", "put", "set", "led", "spent", "stood", "wrote",
	"needs", "wants", "plans", "knows", "thinks", "says", "believes", "hopes",
	"remains", "seems", "appears", "means", "makes", "takes", "gets", "goes",
	"lacks", "supports", "opposes", "deserves", "belongs", "exists",
)

// setOf returns the set of the words ws.
func setOf(ws ...string) map[string]bool {
	m := make(map[string]bool, len(ws))
	for _, w := range ws {
		m[w] = true
	}
	return m
}
