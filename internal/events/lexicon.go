package events

import "strings"

// Event types of frames.
const (
	TypeVisit       = "visit"       // visited, trip to, arrived in
	TypeMeeting     = "meeting"     // met, held talks, summit
	TypeStatement   = "statement"   // said, announced, press conference
	TypeDeath       = "death"       // died, killed, assassinated
	TypeAttack      = "attack"      // attacked, shot, bombing, stabbed
	TypeAgreement   = "agreement"   // signed, deal, treaty
	TypeElection    = "election"    // elected, won the vote, election
	TypeAppointment = "appointment" // appointed, named, hired, nominated
	TypeDeparture   = "departure"   // resigned, fired, quit, stepped down
	TypeArrest      = "arrest"      // arrested, detained, charged, sentenced
	TypeDisaster    = "disaster"    // earthquake, fire, flood, crash
	TypeContest     = "contest"     // won, beat, defeated (games, awards)
	TypeBusiness    = "business"    // acquired, launched, released, cut jobs
	TypeAction      = "action"      // other actions: escaped, entered rehab, seized
)

// Participant roles.
const (
	RoleAgent   = "agent"   // the doer: who visited, met, killed, signed
	RolePatient = "patient" // the one it was done to: killed, arrested, appointed
	RoleVisitor = "visitor" // the agent of a visit
	RoleHost    = "host"    // who was visited or met
	RoleOther   = "participant"
)

// trigger is what the lexicon knows about a word that can report an event.
type trigger struct {
	typ string
	// verb: the word is a verb form; otherwise a noun.
	verb bool
	// light: the verb takes its type from an event noun nearby ("an
	// earthquake struck", "a fire hit"); alone it reports nothing.
	light bool
	// weak: the word often reports no event of its own (statements,
	// "named"): it is a trigger only when nothing stronger is near.
	weak bool
}

// lexicon maps lower-case word forms to triggers. Built once from the
// lists below; never written after.
var lexicon = buildLexicon()

// verbs lists the verbs by type: a base form for regular verbs, or
// "base|3sg|past|participle|gerund" for irregular ones.
var verbs = map[string][]string{
	TypeVisit: {"visit", "tour", "arrive", "travel", "fly|flies|flew|flown|flying", "land"},
	TypeMeeting: {"meet|meets|met|met|meeting", "confer", "negotiate", "host", "receive",
		"hold|holds|held|held|holding"},
	TypeStatement: {"say|says|said|said|saying", "announce", "declare", "state", "tell|tells|told|told|telling",
		"confirm", "report", "claim", "deny|denies|denied|denied|denying", "warn", "urge"},
	TypeDeath: {"die|dies|died|died|dying", "kill", "assassinate", "murder", "execute", "slay|slays|slew|slain|slaying",
		"drown", "perish"},
	TypeAttack: {"attack", "shoot|shoots|shot|shot|shooting", "stab|stabs|stabbed|stabbed|stabbing", "bomb", "invade",
		"raid", "ambush", "assault", "wound", "injure", "hijack", "storm", "explode", "detonate", "fire on|fires on|fired on|fired on|firing on",
		"rob|robs|robbed|robbed|robbing", "loot", "riot", "clash", "torch"},
	TypeAgreement: {"sign", "agree|agrees|agreed|agreed|agreeing", "ratify|ratifies|ratified|ratified|ratifying", "approve"},
	TypeElection:  {"elect", "vote", "re-elect", "reelect"},
	TypeAppointment: {"appoint", "name", "nominate", "hire", "choose|chooses|chose|chosen|choosing", "pick", "tap|taps|tapped|tapped|tapping",
		"promote", "select", "swear in|swears in|swore in|sworn in|swearing in", "inaugurate", "recruit"},
	TypeDeparture: {"resign", "quit|quits|quit|quit|quitting", "fire", "sack", "dismiss", "oust", "step down|steps down|stepped down|stepped down|stepping down",
		"retire", "leave|leaves|left|left|leaving", "replace", "axe", "depart"},
	TypeArrest: {"arrest", "detain", "charge", "indict", "convict", "sentence", "jail", "imprison", "capture",
		"catch|catches|caught|caught|catching", "apprehend", "prosecute", "sue", "plead", "extradite"},
	TypeDisaster: {"erupt", "flood", "collapse", "crash", "derail", "burn", "sink|sinks|sank|sunk|sinking", "capsize", "overturn"},
	TypeContest:  {"win|wins|won|won|winning", "beat|beats|beat|beaten|beating", "defeat", "lose|loses|lost|lost|losing", "score", "clinch", "rout", "edge"},
	TypeBusiness: {"acquire", "buy|buys|bought|bought|buying", "sell|sells|sold|sold|selling", "launch", "release", "unveil", "merge",
		"lay off|lays off|laid off|laid off|laying off", "cut|cuts|cut|cut|cutting", "introduce", "purchase", "invest", "trade"},
	TypeAction: {"escape", "flee|flees|fled|fled|fleeing", "enter", "check into|checks into|checked into|checked into|checking into",
		"rescue", "seize", "evacuate", "protest", "strike|strikes|struck|struck|striking", "hit|hits|hit|hit|hitting", "rock", "jolt",
		"cause", "damage", "destroy", "spark", "break out|breaks out|broke out|broken out|breaking out"},
}

// nouns lists the nouns by type (singular and plural forms are made).
var nouns = map[string][]string{
	TypeVisit:     {"visit", "trip", "tour", "arrival", "state visit", "journey"},
	TypeMeeting:   {"meeting", "talks", "summit", "conference", "sit-down", "audience", "negotiations"},
	TypeStatement: {"statement", "press conference", "news conference", "speech", "announcement", "interview", "address"},
	TypeDeath: {"death", "killing", "assassination", "murder", "execution", "homicide", "funeral", "slaying",
		"overdose", "suicide"},
	TypeAttack: {"attack", "shooting", "bombing", "stabbing", "strike", "airstrike", "air strike", "raid", "ambush",
		"assault", "explosion", "blast", "invasion", "massacre", "gunfire", "robbery", "heist", "hijacking", "riot", "riots",
		"clashes", "hostage", "siege", "gunman", "gunmen"},
	TypeAgreement:   {"agreement", "deal", "treaty", "accord", "pact", "contract", "ceasefire", "truce", "memorandum"},
	TypeElection:    {"election", "vote", "poll", "referendum", "ballot", "primary", "runoff", "reelection", "re-election"},
	TypeAppointment: {"appointment", "nomination", "nominee", "inauguration", "hiring", "promotion", "swearing-in"},
	TypeDeparture:   {"resignation", "dismissal", "firing", "ouster", "departure", "retirement", "sacking"},
	TypeArrest: {"arrest", "detention", "charges", "indictment", "conviction", "sentence", "trial", "custody",
		"lawsuit", "verdict", "extradition", "manhunt"},
	TypeDisaster: {"earthquake", "quake", "tremor", "aftershock", "tsunami", "fire", "wildfire", "blaze", "flood", "floods",
		"flooding", "hurricane", "storm", "typhoon", "cyclone", "tornado", "landslide", "avalanche", "eruption", "drought",
		"crash", "collision", "derailment", "accident", "disaster", "outbreak", "epidemic", "pandemic", "collapse", "shipwreck", "wreck"},
	TypeContest: {"victory", "win", "defeat", "title", "championship", "final", "game", "match", "race", "award", "trophy", "medal",
		"tournament", "playoff", "series", "cup"},
	TypeBusiness: {"acquisition", "takeover", "merger", "launch", "release", "layoffs", "job cuts", "bid", "sale", "ipo", "purchase", "deal"},
	TypeAction: {"escape", "rehab", "rescue", "evacuation", "protest", "protests", "demonstration", "seizure", "hijack",
		"piracy", "recall", "outage", "spill", "leak", "surgery", "injury"},
}

// weakTypes report events only when nothing stronger does.
var weakTypes = map[string]bool{TypeStatement: true}

// weakWords are triggers that often report no event of their own ("a man
// named", "left for Damascus", "in charge of", "the final"): like
// statements, they make a frame that is main only when nothing stronger
// is near.
var weakWords = map[string]bool{"name": true, "leave": true, "hold": true, "receive": true, "host": true, "cut": true,
	"score": true, "edge": true, "enter": true, "charge": true, "land": true, "trade": true, "release": true,
	"report": true, "claim": true, "title": true, "game": true, "final": true, "series": true, "cup": true,
	"address": true, "interview": true, "sale": true, "introduce": true, "state": true, "select": true,
	"pick": true, "tap": true, "lose": true, "cause": true, "damage": true, "storm": true, "confirm": true,
	"replace": true, "invest": true, "race": true, "primary": true, "poll": true, "custody": true, "sentence": true,
	"audience": true, "journey": true, "deal": true, "bid": true, "strike": true, "fire": true, "approve": true}

// lightVerbs take their type from an event noun near them.
var lightVerbs = map[string]bool{"strike": true, "hit": true, "rock": true, "jolt": true, "cause": true,
	"damage": true, "destroy": true, "spark": true, "break out": true}

// buildLexicon makes the word-form table from verbs and nouns. Multi-word
// entries are keyed by their first word; their other words are checked
// at the match (see phraseAt).
func buildLexicon() map[string][]phrase {
	lex := map[string][]phrase{}
	add := func(form, base, typ string, verb, light bool) {
		words := strings.Fields(form)
		p := phrase{words: words, t: trigger{typ: typ, verb: verb, light: light, weak: weakTypes[typ] || weakWords[base]}}
		lex[words[0]] = append(lex[words[0]], p)
	}
	for typ, list := range verbs {
		for _, v := range list {
			forms := verbForms(v)
			light := lightVerbs[forms[0]]
			for _, f := range forms {
				add(f, forms[0], typ, true, light)
			}
		}
	}
	for typ, list := range nouns {
		for _, n := range list {
			add(n, n, typ, false, false)
			if !strings.HasSuffix(n, "s") {
				add(plural(n), n, typ, false, false)
			}
		}
	}
	// Longer phrases first, so that "state visit" wins over "state".
	for k, ps := range lex {
		for i := 1; i < len(ps); i++ {
			for j := i; j > 0 && len(ps[j].words) > len(ps[j-1].words); j-- {
				ps[j], ps[j-1] = ps[j-1], ps[j]
			}
		}
		lex[k] = ps
	}
	return lex
}

// phrase is a lexicon entry of one or more words.
type phrase struct {
	words []string
	t     trigger
}

// verbForms returns the forms of a verb: base, third person, past,
// participle, gerund (irregular verbs spell them out with |).
func verbForms(v string) []string {
	if strings.Contains(v, "|") {
		return strings.Split(v, "|")
	}
	if w, particle, ok := strings.Cut(v, " "); ok {
		fs := verbForms(w)
		for i := range fs {
			fs[i] += " " + particle
		}
		return fs
	}
	third, past, ing := v+"s", v+"ed", v+"ing"
	switch {
	case strings.HasSuffix(v, "e"):
		past, ing = v+"d", v[:len(v)-1]+"ing"
	case strings.HasSuffix(v, "y") && len(v) > 2 && !strings.ContainsRune("aeiou", rune(v[len(v)-2])):
		third, past = v[:len(v)-1]+"ies", v[:len(v)-1]+"ied"
	case strings.HasSuffix(v, "s") || strings.HasSuffix(v, "sh") || strings.HasSuffix(v, "ch") || strings.HasSuffix(v, "x"):
		third = v + "es"
	}
	return []string{v, third, past, past, ing}
}

// plural returns the plural of an English noun, for the regular cases the
// lexicon needs.
func plural(n string) string {
	switch {
	case strings.HasSuffix(n, "y") && len(n) > 2 && !strings.ContainsRune("aeiou", rune(n[len(n)-2])):
		return n[:len(n)-1] + "ies"
	case strings.HasSuffix(n, "sh") || strings.HasSuffix(n, "ch") || strings.HasSuffix(n, "x"):
		return n + "es"
	}
	return n + "s"
}
