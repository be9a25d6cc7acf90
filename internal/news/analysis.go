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
// text: its segmentation and its mentions. Every offset is a byte offset
// into the document's text.
type Analysis struct {
	// Version identifies the analyzer that produced it, so that stored
	// analyses can be redone when the analyzer changes.
	Version    int
	Paragraphs []Span
	Sentences  []Span
	Tokens     []Span
	Mentions   []Mention
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
