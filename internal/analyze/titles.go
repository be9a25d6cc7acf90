package analyze

import "strings"

// titleWords are the words of titles and honorifics that stand before a
// name and are not part of it ("President Ebrahim Raisi", "Ayatollah
// Seyyed Ali Khamenei", "Lieutenant General Qassem Soleimani", "Iranian
// Foreign Ministry spokesman Saeed Khatibzadeh"). Lower-cased, without a
// final period.
var titleWords = setOf(
	// honorifics
	"mr", "mrs", "ms", "miss", "dr", "prof", "professor", "sir", "dame", "lord", "lady", "madam",
	"ayatollah", "grand", "hojatoleslam", "sheikh", "shaikh", "sheik", "imam", "martyr", "mullah", "mufti",
	"rabbi", "reverend", "rev", "pope", "cardinal", "bishop", "archbishop", "patriarch",
	"majesty", "highness", "excellency", "emir", "amir", "sultan", "sayyid",
	// offices
	"president", "vice", "prime", "minister", "premier", "chancellor", "secretary", "general", "deputy",
	"foreign", "defense", "defence", "interior", "finance", "justice", "health", "economy", "trade",
	"supreme", "leader", "chief", "head", "chairman", "chairwoman", "chair", "director", "ambassador",
	"envoy", "spokesman", "spokeswoman", "spokesperson", "governor", "mayor", "senator", "sen",
	"congressman", "congresswoman", "rep", "representative", "speaker", "judge", "justice", "attorney",
	"king", "queen", "prince", "princess", "crown", "duke", "emperor", "monarch", "ruler",
	"commander", "commander-in-chief", "lieutenant", "lt", "colonel", "col", "major", "maj", "captain",
	"capt", "sergeant", "sgt", "admiral", "adm", "brigadier", "marshal", "field", "gen", "acting",
	"former", "late", "incumbent", "elect", "ministry", "national", "security", "adviser", "advisor",
	"coach", "manager", "striker", "midfielder", "defender", "goalkeeper", "ceo", "founder", "editor",
	"correspondent", "analyst", "official", "officer", "inspector", "detective", "agent",
)

func setOf(words ...string) map[string]bool {
	m := make(map[string]bool, len(words))
	for _, w := range words {
		m[w] = true
	}
	return m
}

// isTitleWord reports whether token is a title word ("President",
// "Mr.", "Lt.").
func isTitleWord(token string) bool {
	t := strings.TrimSuffix(token, ".")
	if t == "" {
		return false
	}
	if len(t) <= 24 {
		var buf [24]byte
		n := 0
		for i := 0; i < len(t); i++ {
			c := t[i]
			if 'A' <= c && c <= 'Z' {
				c += 'a' - 'A'
			}
			buf[n] = c
			n++
		}
		return titleWords[string(buf[:n])]
	}
	return titleWords[strings.ToLower(t)]
}

// personTitles are the honorifics and ranks that stand only before a
// person's name: a name the tagger reads as "General Soleimani" (ORG) is
// the person Soleimani with the title General.
var personTitles = setOf(
	"mr", "mrs", "ms", "miss", "dr", "prof", "professor", "sir", "dame", "lord", "lady",
	"ayatollah", "hojatoleslam", "sheikh", "shaikh", "sheik", "imam", "martyr", "mullah", "mufti",
	"rabbi", "reverend", "rev", "pope", "cardinal", "bishop", "archbishop", "patriarch",
	"emir", "sultan", "president", "king", "queen", "prince", "princess", "general", "gen",
	"lieutenant", "lt", "colonel", "col", "captain", "capt", "admiral", "adm", "brigadier",
	"marshal", "sergeant", "sgt", "senator", "sen", "congressman", "congresswoman", "governor",
	"mayor", "premier", "chancellor",
)

// isPersonTitle reports whether token is an honorific or rank that only
// precedes a person's name ("Mr.", "General", "Imam").
func isPersonTitle(token string) bool {
	return personTitles[strings.ToLower(strings.TrimSuffix(token, "."))]
}

// personParticles are the lower-case words inside persons' names:
// "Mohammed bin Rashid Al Maktoum", "Ludwig van Beethoven".
var personParticles = setOf(
	"bin", "bint", "ibn", "ben", "al", "el", "abu", "abd", "de", "del", "della", "der", "den",
	"van", "von", "du", "da", "di", "dos", "das", "la", "le", "y", "ul",
)

// nameParticles are the lower-case words inside any name: persons'
// particles, and "Bank of England", "Marks and Spencer", "Party for
// Freedom".
var nameParticles = union(personParticles, setOf("of", "the", "and", "for", "&", "on", "upon", "in", "at", "de"))

func union(a, b map[string]bool) map[string]bool {
	m := make(map[string]bool, len(a)+len(b))
	for k := range a {
		m[k] = true
	}
	for k := range b {
		m[k] = true
	}
	return m
}

// orgHeads are the words that end organization names: a capitalized
// sequence the tagger calls MISC or leaves out but that ends in one names
// an organization ("Quds Force", "Foreign Ministry"). "League" is not one:
// leagues are competitions (MISC) as often as organizations.
var orgHeads = setOf(
	"ministry", "agency", "council", "committee", "commission", "party", "force", "forces", "army",
	"corps", "navy", "guard", "guards", "police", "bank", "university", "organization", "organisation",
	"union", "front", "court", "assembly", "parliament", "group", "company", "corporation",
	"association", "federation", "foundation", "institute", "authority", "office", "department",
	"bureau", "service", "network", "channel", "news", "newspaper", "times", "post", "herald",
	"movement", "brigade", "brigades", "militia", "alliance", "coalition", "senate", "congress",
	"cabinet", "government", "club", "fund", "exchange", "airlines", "airways",
)

// institutionHeads are the organization heads that no person's name ends
// in: a "person" named "Quds Force" is an organization.
var institutionHeads = setOf(
	"ministry", "agency", "council", "committee", "commission", "party", "force", "forces", "army",
	"corps", "navy", "university", "organization", "organisation", "front", "court", "assembly",
	"parliament", "corporation", "association", "federation", "institute", "authority", "department",
	"bureau", "movement", "brigade", "brigades", "militia", "alliance", "coalition",
)

// orgNouns are the nouns that, in an apposition or a list, say a name is
// an organization: "Nournews, an outlet affiliated with…", "Daesh and
// other terrorist groups".
var orgNouns = setOf(
	"outlet", "outlets", "agency", "agencies", "newspaper", "newspapers", "website", "websites",
	"broadcaster", "broadcasters", "channel", "channels", "network", "networks", "group", "groups",
	"organization", "organizations", "organisation", "organisations", "company", "companies",
	"firm", "firms", "party", "parties", "militia", "militias", "movement", "movements",
	"daily", "weekly", "magazine", "station", "ministry", "bank", "banks", "union", "unions",
)

// functionWords are words that start no name and end no noun phrase.
var functionWords = setOf(
	"the", "a", "an", "this", "that", "these", "those", "and", "or", "but", "of", "in", "on", "at",
	"to", "for", "with", "by", "from", "as", "which", "who", "whom", "whose", "that", "is", "are",
	"was", "were", "has", "have", "had", "said", "says", "he", "she", "it", "they", "we", "i", "you",
	"his", "her", "its", "their", "our", "my", "your", "when", "while", "after", "before", "since",
	"if", "because", "than", "then", "there", "here", "also", "not", "no", "all", "some", "many",
)

// honorifics are the titles that can only stand before a person's name:
// whatever capitalized words follow one name a person ("Mr. Mokhber").
var honorifics = setOf(
	"mr", "mrs", "ms", "dr", "ayatollah", "sheikh", "shaikh", "imam", "martyr", "hojatoleslam",
	"mullah", "mufti", "rabbi", "sir", "dame",
)
