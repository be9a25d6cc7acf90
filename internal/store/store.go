// Package store defines how Parallax keeps what it reads: one interface,
// implemented by the sqlite and postgres packages and checked by the
// conformance suite in storetest, so both behave the same.
package store

import (
	"context"
	"errors"

	"github.com/parallax-news/parallax/internal/news"
)

// ErrNotFound is returned when a requested object is not in the store.
var ErrNotFound = errors.New("not found")

// ErrBadDate is wrapped by the errors of queries whose date bounds are not
// ISO dates (YYYY-MM-DD, YYYY-MM or YYYY).
var ErrBadDate = errors.New("bad date: want YYYY-MM-DD, YYYY-MM or YYYY")

// Store is a Parallax store. Every method is safe for concurrent use.
type Store interface {
	// Update runs fn in one transaction: either all of its writes land or,
	// if fn or the commit fails or ctx is cancelled, none do.
	Update(ctx context.Context, fn func(Tx) error) error

	// Document returns the document with id, or ErrNotFound.
	Document(ctx context.Context, id string) (news.Document, error)
	// Documents returns documents in ingest order (by Seq) that match q.
	Documents(ctx context.Context, q DocumentQuery) ([]news.Document, error)
	// Search runs a full-text query over titles and texts, best first.
	// The query is plain words as a user types them; an empty query
	// returns no hits, unless it has filters (see SearchQuery). Query
	// syntax characters never cause an error.
	Search(ctx context.Context, q SearchQuery) ([]Hit, error)
	// Stats counts what the store holds.
	Stats(ctx context.Context) (Stats, error)
	// Analysis returns the stored analysis of document id: a zero Analysis
	// (Version 0) when the document has not been analysed, ErrNotFound when
	// there is no such document.
	Analysis(ctx context.Context, id string) (news.Analysis, error)
	// Unanalyzed returns up to limit documents, in Seq order after
	// afterSeq, whose analysis is missing or older than version.
	Unanalyzed(ctx context.Context, version int, afterSeq int64, limit int) ([]news.Document, error)
	// Duplicates returns the documents marked as near-duplicates of id, in
	// Seq order.
	Duplicates(ctx context.Context, id string) ([]news.Document, error)

	// Entity returns the corpus-wide entity id with what the documents
	// say of it, or ErrNotFound.
	Entity(ctx context.Context, id string) (EntityInfo, error)
	// Entities returns entities with what the documents say of them: most
	// documents first, or in id order with AfterID (keyset paging).
	Entities(ctx context.Context, q EntityQuery) ([]EntityInfo, error)
	// EntityDocuments returns the documents that mention entity id, newest
	// publication first.
	EntityDocuments(ctx context.Context, id string, limit, offset int) ([]news.Document, error)
	// EntityLinks returns the links of document id's entities to
	// corpus-wide entities, by local entity number.
	EntityLinks(ctx context.Context, id string) ([]EntityLink, error)

	// QuoteStatements returns the statement of each of document id's
	// quotes that has one, by the quote's Start.
	QuoteStatements(ctx context.Context, id string) (map[int]string, error)
	// Statement returns statement id with its renderings, or ErrNotFound.
	Statement(ctx context.Context, id string) (StatementInfo, error)
	// Statements returns statements with their renderings: most quoted
	// first, or in id order with AfterID (keyset paging).
	Statements(ctx context.Context, q StatementQuery) ([]StatementInfo, error)

	// Events returns events in id order after q.AfterID (or by date,
	// see EventQuery), at most q.Limit, that q's filters select: those
	// that documents report, and those that at least two documents
	// recall.
	Events(ctx context.Context, q EventQuery) ([]Event, error)
	// Event returns the event with id, or ErrNotFound.
	Event(ctx context.Context, id string) (Event, error)
	// EventReports returns what the documents say of event id: the main
	// reports first, then the mentions, each in document order.
	EventReports(ctx context.Context, id string) ([]EventReport, error)
	// EventFacts returns the facts documents give event id, in document
	// order.
	EventFacts(ctx context.Context, id string) ([]EventFact, error)

	// Quotes returns the quotes q selects, in document order (ingest
	// order, then position).
	Quotes(ctx context.Context, q QuoteQuery) ([]QuoteInfo, error)
	// Quote returns the quote of document doc that starts at byte start,
	// or ErrNotFound.
	Quote(ctx context.Context, doc string, start int) (QuoteInfo, error)
	// DocumentEvents returns what document doc says of events: its main
	// report first, then the events it recalls, by position. It returns
	// ErrNotFound when there is no such document.
	DocumentEvents(ctx context.Context, doc string) ([]EventReport, error)
	// EventStatements returns, for each document whose main event is event
	// id, the statements its quotes render, each once, in id order.
	EventStatements(ctx context.Context, id string) (map[string][]string, error)
	// ConflictCandidates returns, in id order after afterID, at most limit
	// events whose documents may disagree: at least two documents give it
	// dates they write out that are not all one day, or give one of its
	// facts different numbers. Every event with a conflict (as package
	// export defines it) is a candidate; callers confirm each.
	ConflictCandidates(ctx context.Context, afterID string, limit int) ([]string, error)
	// FirstEventReports returns the reports of event id of its first
	// documents (by ingest order), at most limit: a sample of an event too
	// large to read whole for a list.
	FirstEventReports(ctx context.Context, id string, limit int) ([]EventReport, error)
	// FirstEventFacts returns the facts of event id of its first
	// documents, at most limit.
	FirstEventFacts(ctx context.Context, id string, limit int) ([]EventFact, error)
	// RelatedEvents returns the events that make one story with event id
	// (see export.Stories), in id order: the events its documents recall,
	// and the main events of the documents that recall it.
	RelatedEvents(ctx context.Context, id string) ([]string, error)
	// Cooccurring returns the entities named in the same documents as
	// entity id, most shared documents first, at most limit of them,
	// counted over its MaxCooccurrenceDocuments latest documents.
	Cooccurring(ctx context.Context, id string, limit int) ([]Cooccurrence, error)

	// Close releases the store's resources.
	Close() error
}

// Tx is the view of the store inside an Update transaction. It sees its own
// writes.
type Tx interface {
	// Document returns the document with id, or ErrNotFound.
	Document(ctx context.Context, id string) (news.Document, error)
	// InsertDocument stores a new document. It sets d.Seq (increasing in
	// insertion order) and d.IngestedAt (if zero, to the current time).
	// It returns an error wrapping ErrExists if d.ID is already stored.
	InsertDocument(ctx context.Context, d *news.Document) error
	// UpdateMetadata replaces the metadata of the stored document d.ID:
	// URL, Source, Title, Authors, Published, Language, Dateline and
	// Inferred. Text, Origin, Seq and IngestedAt never change.
	UpdateMetadata(ctx context.Context, d *news.Document) error

	// PutSketch stores the MinHash signature of document id and its LSH band
	// keys, replacing any it had.
	PutSketch(ctx context.Context, id string, signature []uint32, bands []uint64) error
	// Candidates returns the sketch of every document that shares at least
	// one band key with bands, each once, in Seq order.
	Candidates(ctx context.Context, bands []uint64) ([]Sketch, error)
	// SetDuplicateOf records that each of ids is a near-duplicate of the
	// document of; an empty of clears the mark.
	SetDuplicateOf(ctx context.Context, ids []string, of string) error
	// Duplicates returns the ids of the documents marked as duplicates of id,
	// in Seq order.
	Duplicates(ctx context.Context, id string) ([]string, error)

	// PutAnalysis stores the analysis of document id, replacing any it
	// had. It returns an error wrapping ErrNotFound if id is not stored.
	PutAnalysis(ctx context.Context, id string, a news.Analysis) error
	// Analysis returns the stored analysis of document id (see
	// Store.Analysis).
	Analysis(ctx context.Context, id string) (news.Analysis, error)

	// EntityCandidates returns the entities filed under any of keys (see
	// PutEntity), each once, in id order, with their names.
	EntityCandidates(ctx context.Context, keys []string) ([]Entity, error)
	// PutEntity stores e: a new entity when e.ID is empty (PutEntity then
	// sets it), else it sets the entity's Name and adds Names. Either way
	// the entity is filed under keys, besides those it has.
	PutEntity(ctx context.Context, e *Entity, keys []string) error
	// PutEntityLinks replaces the links of document id's entities, and the
	// role facts they carry. PutAnalysis removes them.
	PutEntityLinks(ctx context.Context, id string, links []EntityLink) error
	// RoleHolders returns the role facts whose Key is key, from the
	// documents published from from to to (dates; "" for no bound), with
	// the date of their document.
	RoleHolders(ctx context.Context, key, from, to string) ([]RoleHolding, error)
	// RoleDescriptors returns the links, in the documents published from
	// from to to ("" for no bound), of entities known only by a
	// descriptor naming role key ("the Iranian president"), with their
	// documents' publication dates.
	RoleDescriptors(ctx context.Context, key, from, to string) ([]Descriptor, error)
	// RoleKeys returns the role keys of document id's role facts and
	// descriptors, each once.
	RoleKeys(ctx context.Context, id string) ([]string, error)
	// SpeakerQuotes returns the quotes that have a statement of speaker
	// (a corpus-wide entity id) published from from to to (dates; "" for
	// no bound), at most limit of them, newest statements first.
	SpeakerQuotes(ctx context.Context, speaker, from, to string, limit int) ([]StoredQuote, error)
	// DocumentQuotes returns the quotes of document id's analysis, as
	// PutAnalysis stored them.
	DocumentQuotes(ctx context.Context, id string) ([]news.Quote, error)
	// DocumentEntityIDs returns the corpus-wide entity of each of document
	// id's entities that has one, by the document's entity number.
	DocumentEntityIDs(ctx context.Context, id string) (map[int]string, error)
	// PutStatement stores a new statement of speaker ("" for none) and
	// returns its id.
	PutStatement(ctx context.Context, speaker string) (string, error)
	// SetQuoteStatement makes the quote of document id that starts at
	// start a rendering of statement.
	SetQuoteStatement(ctx context.Context, id string, start int, statement string) error
	// SetLinkEntity points the link of document id's entity local at
	// entity ("" for none).
	SetLinkEntity(ctx context.Context, id string, local int, entity string) error

	// EventCandidates returns the events filed under any of keys, each
	// once, in id order, with their Data: of the events filed under one
	// key, the MaxEventsPerKey latest.
	EventCandidates(ctx context.Context, keys []string) ([]Event, error)
	// PutEvent stores e: a new event when e.ID is empty (PutEvent then
	// sets it), else it replaces the event's fields. Either way the event
	// is filed under keys, besides those it has.
	PutEvent(ctx context.Context, e *Event, keys []string) error
	// EventTerms returns how many documents hold each of terms that has
	// been counted so far (terms never counted are left out), and how
	// many documents were counted (see ObserveEventTerms). It reads only
	// the terms asked for, however large the vocabulary.
	EventTerms(ctx context.Context, terms []string) (map[string]int, int, error)
	// ObserveEventTerms counts one more document holding terms.
	ObserveEventTerms(ctx context.Context, terms []string) error
	// PutEventReports replaces what document id says of events, and sets
	// the document's Event to the event of its main report (none when it
	// has none).
	PutEventReports(ctx context.Context, id string, reports []EventReport) error
	// PutEventFacts replaces the facts document id gives events.
	PutEventFacts(ctx context.Context, id string, facts []EventFact) error
	// MoveEventReports makes the reports and facts of event from those of
	// event to, points the documents whose main event from was at to, and
	// files to under from's keys instead of from: from was known only
	// from mentions of what to is, or was found to be the same event as
	// to (a merge). The caller updates both events' Data and Documents.
	MoveEventReports(ctx context.Context, from, to string) error
}

// EventFact is a countable fact one document gives one event: "his second
// visit" (ordinal 2), "killed 45 people" (killed 45).
type EventFact struct {
	Event    string
	Document string
	Kind     string // ordinal, killed, injured, arrested
	Value    int
	Span     news.Span
	Main     bool // the document reports the event, not only recalls it
}

// MaxEventsPerKey bounds the events EventCandidates returns for one key:
// the latest. A key as common as a capital's name would otherwise bring
// every event of the archive, and a new report is nearly always of a
// recent event; an old one recalled later is still found by its rarer
// keys (its participants, its place and month).
const MaxEventsPerKey = 12

// Event is an event across documents: what one or more documents report
// as their main event.
type Event struct {
	ID    string // "V12"
	Type  string // visit, meeting, statement, death, attack, …
	Title string // the headline of the first document that reported it
	// DateFrom and DateTo bound the dates its reports give (ISO days; ""
	// when none gives one).
	DateFrom, DateTo string
	Documents        int    // documents whose main event it is
	Data             []byte // the clustering state (package reconcile's)
}

// EventReport is what one document says of one event: its main report of
// it, or a mention of it in the background ("his previous visit, in
// February 2019").
type EventReport struct {
	Event    string
	Document string
	Main     bool
	Type     string
	Trigger  news.Span // the word that reports it
	// Date is the TIMEX3 value of the date the document gives it, with
	// its interval and the span that says so; "" and zero spans when it
	// gives none.
	Date             string
	DateFrom, DateTo string
	DateSpan         news.Span
	// DateExplicit reports that the text writes the date out ("February
	// 2019", "Monday, February 25"), rather than leaving it to be worked
	// out ("on Sunday", "last week").
	DateExplicit bool
	Place        string   // corpus entity id of its place, or ""
	Participants []string // corpus entity ids
	// Published and Source are the document's, filled in on reading.
	Published, Source string
}

// EventQuery selects events. Every filter set must hold.
type EventQuery struct {
	AfterID string // keyset paging in id order
	Limit   int    // 0 means 50
	Offset  int
	// ByDate orders the events by their earliest date, then id, and
	// leaves out the events no report dates (the timeline). AfterID is
	// then ignored.
	ByDate bool
	// ByDocuments orders the events by the documents that report them,
	// most first, then id (the most reported); AfterID is then ignored.
	ByDocuments bool
	Type        string // only events of this type
	// Entity keeps the events that a report of theirs names as a
	// participant or as the place: a corpus-wide entity id.
	Entity string
	Source string // only events that a document of this outlet reports or recalls
	// From and To keep the events whose dates meet the interval: ISO
	// dates at any precision ("2022-05-08", "2022-05", "2022"), To
	// inclusive; "" for no bound. Undated events are left out when
	// either is set.
	From, To string
	IDs      []string // only these events, if set
}

// MaxCooccurrenceDocuments bounds the documents Cooccurring counts over:
// an entity's latest, so that the cost does not grow with its fame.
const MaxCooccurrenceDocuments = 400

// Cooccurrence is an entity named in documents that name another, with
// the number of those documents.
type Cooccurrence struct {
	Entity    Entity // ID, Type and Name
	Documents int
}

// QuoteQuery selects quotes. Every filter set must hold.
type QuoteQuery struct {
	Speaker   string // a corpus-wide entity id
	Document  string
	Statement string
	Limit     int // 0 means 50
	Offset    int
}

// QuoteInfo is a stored quote with where it is, who says it and the words
// of its spans.
type QuoteInfo struct {
	Document string
	Quote    news.Quote // as the document's analysis found it
	// Speaker is the corpus-wide entity of its speaker: "" when the
	// quote has no speaker or the speaker's entity is linked to none.
	Speaker   string
	Statement string // "" for none
	// Published, Source and Title are its document's.
	Published, Source, Title string
	// Text is the quoted or reported words; the others are the words of
	// the quote's other spans, "" where a span is empty.
	Text, SpeakerText, CueText, AddresseeText, ViaText string
}

// Entity is a corpus-wide entity: what the names in many documents refer
// to.
type Entity struct {
	ID    string   // "E1", "E2", … in the order entities were first seen
	Type  string   // news.TypePerson, TypeOrganization, TypeLocation or TypeMisc
	Name  string   // its fullest name
	Names []string // the name forms it has been given, as linking compares them
	// Keys are blocking keys it is filed under: EntityCandidates gives
	// those of the keys asked for.
	Keys []string
	// Documents counts the documents that name it (set by
	// EntityCandidates).
	Documents int
}

// EntityLink is what one document says of one corpus-wide entity: it links
// the document's entity number Local to Entity, with the names the
// document gives it and the roles its titles give it.
type EntityLink struct {
	Local  int
	Entity string // "" for a descriptor that names no known holder
	// Mentions counts the document's mentions of it: names, descriptors,
	// pronouns.
	Mentions int
	Names    []NameCount // the names it is given, most used first
	Roles    []RoleFact
	// RoleKey is, for an entity the document names only by a descriptor
	// ("the Iranian president"), the role it names (names.RoleKey):
	// Entity is then whoever held that role on the document's date.
	RoleKey string
}

// NameCount is a name form and how many times it is used.
type NameCount struct {
	Name  string `json:"name"`
	Count int    `json:"count"`
}

// RoleFact is a role a document gives an entity: "Syrian President" in
// "Syrian President Bashar al-Assad". Start and End are the title's span.
type RoleFact struct {
	Role       string // as written, without honorifics ("Syrian President")
	Key        string // names.RoleKey(Role)
	Ended      bool   // "former", "late": the holder had left the role
	Start, End int
}

// RoleHolding is a role fact with where it comes from: the date of its
// document.
type RoleHolding struct {
	Entity    string
	Document  string
	Published string // the document's publication date, "" if unknown
	Ended     bool
}

// Descriptor is the link of an entity known in a document only by a
// descriptor naming a role.
type Descriptor struct {
	Document  string
	Published string
	Local     int
	Entity    string // whom it resolves to now, "" for nobody
}

// EntityInfo is an entity with what all documents say of it.
type EntityInfo struct {
	Entity
	Documents int         // documents that mention it
	Mentions  int         // its mentions in them
	Aliases   []NameCount // the names it is given, most used first
	Roles     []RoleSpan  // the roles it holds, by first date
}

// RoleSpan is a role an entity held as the documents date it: from the
// first to the last article that gives it the role (while holding it),
// and the date of the first article that says it had left the role.
type RoleSpan struct {
	Role      string
	From, To  string // "" when no dated article gives it
	EndedBy   string // "" when no article says it has ended
	Documents int    // the articles that give it
	// Evidence is the earliest article's title span.
	Evidence   string // document id
	Start, End int
}

// StoredQuote is a quote as statements see it: where it is, its words and
// its statement.
type StoredQuote struct {
	Document   string
	Start, End int
	Kind       string
	Text       string // the quoted or reported words
	Statement  string // "" for none
	Published  string // its document's publication date
	Source     string // its document's outlet
	Title      string // its document's title
	// Speaker is the text of the mention that attributes it, "" for none.
	Speaker string
}

// StatementInfo is a statement: one utterance of a speaker as the
// documents render it.
type StatementInfo struct {
	ID         string
	Speaker    string        // corpus-wide entity id, "" for none
	Published  string        // the earliest publication date of its renderings
	Renderings []StoredQuote // by publication date, then ingest order
}

// StatementQuery selects statements.
type StatementQuery struct {
	Speaker string // only those of this entity, if set
	AfterID string // keyset paging in id order; "" orders by renderings
	Limit   int    // 0 means 50
	Offset  int
}

// EntityQuery selects entities.
type EntityQuery struct {
	Type    string // only entities of this type, if set
	Name    string // only entities with a name containing this, if set (case-insensitive)
	AfterID string // keyset paging in id order; "" orders by documents
	Limit   int    // 0 means 50
	Offset  int
	// MaxDocuments, if set, bounds the documents each entity's aliases
	// and roles are gathered from: its latest, so that a page of famous
	// entities costs no more than a page of others. 0 reads them all.
	MaxDocuments int
	// IDs, if set, keeps only these entities (unknown ids are left out).
	IDs []string
}

// ErrExists is returned when inserting an object whose id is already stored.
var ErrExists = errors.New("already exists")

// Sketch is what near-duplicate detection keeps of a stored document.
type Sketch struct {
	ID          string
	Signature   []uint32
	Published   string
	Seq         int64
	DuplicateOf string
}

// DocumentQuery selects documents. The zero value selects all of them.
type DocumentQuery struct {
	AfterSeq int64  // only documents with Seq > AfterSeq (keyset paging)
	Source   string // only documents of this outlet, if set
	Limit    int    // at most this many; 0 means no limit
	Offset   int    // skip this many first
}

// SearchQuery is a full-text search, with filters that every hit must
// meet. With no Text and some filter, it lists the documents the filters
// select, newest publication first.
type SearchQuery struct {
	Text   string
	Source string // only documents of this outlet
	Entity string // only documents that name this corpus-wide entity
	// From and To bound the publication date: ISO dates at any precision
	// ("2022-05-08", "2022-05", "2022"), To inclusive; "" for no bound.
	// Undated documents are left out when either is set.
	From, To string
	Limit    int // 0 means 20
	Offset   int
}

// Filtered reports whether q has a filter besides its text.
func (q SearchQuery) Filtered() bool {
	return q.Source != "" || q.Entity != "" || q.From != "" || q.To != ""
}

// Hit is one search result.
type Hit struct {
	Document news.Document
	// Snippet is plain text from the document around the match; callers
	// escape it before showing it.
	Snippet string
	Rank    float64 // higher is better; only comparable within one search
}

// Stats counts what the store holds.
type Stats struct {
	Documents  int // every stored document
	Duplicates int // documents marked as near-duplicates of another
	Sources    int // distinct outlets
	Analyzed   int // documents with an analysis
	Mentions   int // names found in them
	Entities   int // corpus-wide entities they name
	Quotes     int // quotes found in them
	Statements int // statements the quotes render
	Events     int // events (as Events lists them)
}
