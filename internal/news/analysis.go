package news

// Span is a byte range Text[Start:End] of a document's text.
type Span struct {
	Start, End int
}

// Entity types of mentions, as the named-entity tagger reports them.
const (
	TypePerson       = "PER"
	TypeOrganization = "ORG"
	TypeLocation     = "LOC"
	TypeMisc         = "MISC"
)

// Mention kinds.
const (
	KindName       = "name"
	KindDescriptor = "descriptor"
	KindPronoun    = "pronoun"
)

// Mention is a name in a document: a person, organization, location or
// other named thing (MISC: nationalities, events, named things).
type Mention struct {
	Start, End int    // byte span of the name in the document's text
	Type       string // TypePerson, TypeOrganization, TypeLocation or TypeMisc
	// Kind is KindName for a name, KindDescriptor for a phrase that
	// points back to a named entity of the document ("the Syrian
	// president"), KindPronoun for a personal pronoun that does ("he").
	Kind string
	// Title is the span of the title or honorific right before the name,
	// kept out of the name's span as a role cue for later stages:
	// "President", "Ayatollah", "Syrian Foreign Minister". Empty (zero
	// length) when there is none.
	Title Span
	// Entity numbers the entity the mention refers to within its document
	// (0, 1, …): mentions of one name in one document share it.
	Entity int
}

// Analysis is what the per-document analysis finds in one document's
// text: its segmentation, its mentions and its quotes. Every offset is a
// byte offset into the document's text.
type Analysis struct {
	// Version identifies the analyzer that produced it, so that stored
	// analyses can be redone when the analyzer changes.
	Version    int
	Paragraphs []Span
	Sentences  []Span
	Tokens     []Span
	Mentions   []Mention
	Quotes     []Quote
	Times      []Time
}

// TIMEX3 types of time expressions.
const (
	TimeDate     = "DATE"
	TimeTime     = "TIME"
	TimeDuration = "DURATION"
	TimeSet      = "SET"
)

// Time is a time expression in a document: "on Sunday", "last week",
// "25 February 2019", "the 11-year war". What it means often depends on
// the article's date, which the text alone does not give, so the analysis
// keeps an anchor-independent reading (Expr) that package timex resolves
// against the publication date into a TIMEX3 value.
type Time struct {
	Start, End int    // byte span of the expression
	Type       string // TimeDate, TimeTime, TimeDuration or TimeSet
	// Expr is the reading of the expression before anchoring, in the
	// notation of package timex: a TIMEX3 value when the text fixes it
	// alone ("2019-02-25", "P11Y"), a relative form otherwise.
	Expr string
}

// Quote kinds.
const (
	// QuoteDirect is a whole quotation in quote marks: “This bond is
	// vital for both countries,” Khamenei said.
	QuoteDirect = "direct"
	// QuotePartial is a few quoted words inside the writer's own sentence:
	// called it a “sacred duty and obligation”.
	QuotePartial = "partial"
	// QuoteIndirect is reported speech: Raisi said that parts of Syria are
	// still occupied.
	QuoteIndirect = "indirect"
)

// Quote is a statement a document attributes to someone: the words, who
// said them, and the cue that says so. Spans are zero (Start == End == 0)
// when absent.
type Quote struct {
	// Start and End span the content: the quoted words without their
	// marks, or the reported clause.
	Start, End int
	Kind       string // QuoteDirect, QuotePartial or QuoteIndirect
	// Cue is the word or phrase that attributes it: "said", "according
	// to", "went on to say".
	Cue Span
	// Speaker is the mention that names who said it: a name, a title, a
	// descriptor ("the Syrian president"), a pronoun ("he").
	Speaker Span
	// SpeakerEntity is the document's entity number of the speaker (see
	// Mention.Entity), or -1 when the speaker is not one of its mentions.
	SpeakerEntity int
	// Addressee is whom it was said to ("told Assad").
	Addressee Span
	// Via is the intermediary it was reported through ("the supreme
	// leader's website" in "Assad was quoted by the supreme leader's
	// website as telling…", "reportedly").
	Via Span
}

// EntityTypeName maps a mention type to the entity type of the export
// contract: person, organization, location or other.
func EntityTypeName(t string) string {
	switch t {
	case TypePerson:
		return "person"
	case TypeOrganization:
		return "organization"
	case TypeLocation:
		return "location"
	}
	return "other"
}
