package codelist

import (
	"iter"
	"slices"
	"sort"
	"strconv"

	"github.com/regelkit/dfdg"
)

// Entry is one value of a code list. Its zero value is no entry. Entries are values: changing one
// changes nothing in the list it came from.
type Entry struct {
	// ID is DFDG's id of the value.
	ID int
	// Name is the Danish name; empty when the true name is not known here (the list's notes say so).
	Name string
	// Description is the description, when there is one.
	Description string
	// ValidFrom is the first day the entry may be chosen; the zero Date means always.
	ValidFrom dfdg.Date
	// InactiveFrom is the first day the entry may no longer be chosen for a new registration; the
	// zero Date means it is still active. Records that already carry it stay valid.
	InactiveFrom dfdg.Date
	// Retired means the entry has been inactive since a date not known here, so it is inactive on
	// every date (authority area 6 'Selvejende', rule 3.7).
	Retired bool
	// Source says where the entry's id and name come from.
	Source string

	// Applicant, in registration categories, means the category is an applicant's (ansøger): the
	// citizen applies for a benefit (rule 1.2).
	Applicant bool
	// WithoutBenefit, in registration categories, means the category is 'uden ydelse': the only kind a
	// citizen of 65 or older may enroll in from Jobnet (DFDG 4763). The list's column uden_ydelse.
	WithoutBenefit bool
	// NotEnrollable, in registration categories, means a citizen may not be enrolled in the category
	// (DFDG 4641 "This category is not allowed to be enrolled"): the list's column kan_tilmeldes, nej.
	NotEnrollable bool
	// Internal means the value is for DFDG's internal use only (DFDG 6052 "Codelist value is only for
	// internal use"): the list's column intern, ja. Only registration categories have the column.
	Internal bool
	// CompanyOriented, in activity types, means the activity is company-oriented (virksomhedsrettet).
	CompanyOriented bool
	// Region, in municipalities, is the region the municipality lies in.
	Region string
	// Sickness, in absence types, means the type is a sick absence (sygefravær): what KSD reports,
	// and what the 60-day sweep of rule 2.2 closes.
	Sickness bool
	// Resetting, in conversation types, means an interview of the type is a resetting one
	// (nulstillende samtale): no later interview may be registered as held before it.
	Resetting bool
	// AkasseOnly and NotAkasse, in deregistration causes, mean that only a-kasser may use the cause
	// (DFDG 9118 for others), or that a-kasser may not (9298): the list's column akasse, "kun" or
	// "ikke".
	AkasseOnly, NotAkasse bool

	// rare holds what few entries have, so that an Entry stays small to copy.
	rare *rareFields
}

type rareFields struct {
	aliases []string
	overlap overlapPolicy
}

// overlapPolicy is an absence type's rule 2.1 policy: whether it restricts overlap at all, and if so
// the only types it may overlap.
type overlapPolicy struct {
	restricted bool
	only       []int
	small      [2]uint64 // the ids of only below 128, as bits: the check of every overlapping pair
}

// restrictTo returns the policy that allows only the types in only.
func restrictTo(only []int) overlapPolicy {
	p := overlapPolicy{restricted: true, only: only}
	for _, id := range only {
		if uint(id) < 128 {
			p.small[id>>6] |= 1 << (id & 63)
		}
	}
	return p
}

// ActiveOn reports whether e may be chosen on day d: d is on or after ValidFrom and before
// InactiveFrom, and e is not Retired.
func (e Entry) ActiveOn(d dfdg.Date) bool {
	if e.Retired {
		return false
	}
	if !e.ValidFrom.IsZero() && d.Before(e.ValidFrom) {
		return false
	}
	return e.InactiveFrom.IsZero() || d.Before(e.InactiveFrom)
}

// Aliases returns other names the entry is known by, such as "Kontaktforløb er hos a-kassen" for
// absence type 75, whose name in the release note is "Kontaktforløb er i a-kassen".
func (e Entry) Aliases() []string {
	if e.rare == nil {
		return nil
	}
	return slices.Clone(e.rare.aliases)
}

// RestrictsOverlap reports whether e, an absence type, has an overlap policy (rule 2.1).
func (e Entry) RestrictsOverlap() bool { return e.rare != nil && e.rare.overlap.restricted }

// MayOverlap reports whether an absence of type e may overlap one of type other under e's own
// policy (rule 2.1): always when e restricts nothing, else only the types its policy names. The
// policy of the type registered decides, one way; see absence.CheckOverlap.
func (e Entry) MayOverlap(other int) bool { return e.rare == nil || e.rare.overlap.allows(other) }

func (p *overlapPolicy) allows(other int) bool {
	if !p.restricted {
		return true
	}
	if uint(other) < 128 {
		return p.small[other>>6]&(1<<(other&63)) != 0
	}
	return slices.Contains(p.only, other)
}

// OverlapAllowed returns the types e may overlap when it restricts overlap, and nil otherwise.
func (e Entry) OverlapAllowed() []int {
	if !e.RestrictsOverlap() {
		return nil
	}
	return slices.Clone(e.rare.overlap.only)
}

// String returns the id and the name, "26 Overgangsydelsesmodtager efter LAB (udgår 1.7.2025)".
func (e Entry) String() string {
	s := strconv.Itoa(e.ID)
	if e.Name != "" {
		s += " " + e.Name
	} else if e.Description != "" {
		s += " (" + e.Description + ")"
	}
	return s
}

// List is one code list: its entries, whether it is complete, and where it comes from. A List is
// immutable and safe for concurrent use. The zero List is empty and incomplete.
type List struct {
	name, title string
	complete    bool
	retrieved   dfdg.Date
	sources     []string
	notes       []string
	entries     []Entry   // sorted by ID
	dense       []int32   // dense[id] is the entry's index + 1, for lists with small ids
	always      [2]uint64 // the ids below 128 of entries active on every day, as bits
	policies    []Overlap // policies[id], for a list whose small ids restrict overlap (rule 2.1)
	kinds       kinds     // the rejections CheckNew gives
}

// maxDense bounds the ids a List indexes by a direct table; larger ids fall back to binary search.
const maxDense = 4096

func newList(name, title string, complete bool, retrieved dfdg.Date, sources, notes []string, entries []Entry) *List {
	l := &List{name: name, title: title, complete: complete, retrieved: retrieved,
		sources: sources, notes: notes, entries: entries, kinds: kindsFor(name)}
	sort.Slice(l.entries, func(i, j int) bool { return l.entries[i].ID < l.entries[j].ID })
	if n := len(entries); n > 0 && entries[n-1].ID < maxDense && entries[0].ID >= 0 {
		l.dense = make([]int32, entries[n-1].ID+1)
		for i, e := range l.entries {
			l.dense[e.ID] = int32(i + 1)
		}
	}
	for _, e := range l.entries {
		if uint(e.ID) < 128 && !e.Retired && e.ValidFrom.IsZero() && e.InactiveFrom.IsZero() {
			l.always[e.ID>>6] |= 1 << (e.ID & 63)
		}
		if r := e.rare; r != nil && r.overlap.restricted && uint(e.ID) < maxDense {
			if len(l.policies) <= e.ID {
				l.policies = append(l.policies, make([]Overlap, e.ID+1-len(l.policies))...)
			}
			l.policies[e.ID] = overlapOf(&r.overlap)
		}
	}
	return l
}

// ActiveAlways reports whether l holds id as an entry that is active on every day: no validity
// dates, not retired. A check of such an id needs no date.
func (l *List) ActiveAlways(id int) bool {
	return l != nil && uint(id) < 128 && l.always[id>>6]&(1<<(id&63)) != 0
}

// Name returns the list's name, which is also its file's name without ".csv", such as
// "kontaktgrupper"; "" for a nil List.
func (l *List) Name() string {
	if l == nil {
		return ""
	}
	return l.name
}

// Title returns a one-line description of the list.
func (l *List) Title() string {
	if l == nil {
		return ""
	}
	return l.title
}

// Complete reports whether the list holds every value DFDG has. An id missing from a complete list is
// invalid; an id missing from an incomplete one is only unknown here, and the rules do not reject it.
func (l *List) Complete() bool { return l != nil && l.complete }

// Retrieved returns the date the list's data was gathered.
func (l *List) Retrieved() dfdg.Date {
	if l == nil {
		return dfdg.Date{}
	}
	return l.retrieved
}

// Sources returns where the list's data comes from, one source a line.
func (l *List) Sources() []string {
	if l == nil {
		return nil
	}
	return slices.Clone(l.sources)
}

// Notes returns the list's notes: what is known, what is not, and the choices made.
func (l *List) Notes() []string {
	if l == nil {
		return nil
	}
	return slices.Clone(l.notes)
}

// Len returns the number of entries.
func (l *List) Len() int {
	if l == nil {
		return 0
	}
	return len(l.entries)
}

// Get returns the entry with id.
func (l *List) Get(id int) (Entry, bool) {
	if i := l.index(id); i >= 0 {
		return l.entries[i], true
	}
	return Entry{}, false
}

// index returns the position of id in l.entries, or -1.
func (l *List) index(id int) int {
	if l == nil {
		return -1
	}
	if l.dense != nil {
		if uint(id) >= uint(len(l.dense)) {
			return -1
		}
		return int(l.dense[id]) - 1
	}
	return l.search(id)
}

// search finds id in a list with ids too large for a dense index.
func (l *List) search(id int) int {
	lo, hi := 0, len(l.entries)
	for lo < hi {
		mid := int(uint(lo+hi) >> 1)
		if l.entries[mid].ID < id {
			lo = mid + 1
		} else {
			hi = mid
		}
	}
	if lo < len(l.entries) && l.entries[lo].ID == id {
		return lo
	}
	return -1
}

// Has reports whether the list holds id.
func (l *List) Has(id int) bool {
	if l != nil && uint(id) < uint(len(l.dense)) {
		return l.dense[id] != 0
	}
	return l.hasSparse(id)
}

// hasSparse is Has for an id outside the dense index: in a list that has one, never. It is kept out
// of line so that Has inlines as one load for the small ids of most lists.
//
//go:noinline
func (l *List) hasSparse(id int) bool { return l != nil && l.dense == nil && l.search(id) >= 0 }

// All yields the entries in order of id, active or not.
func (l *List) All() iter.Seq[Entry] {
	return func(yield func(Entry) bool) {
		if l == nil {
			return
		}
		for _, e := range l.entries {
			if !yield(e) {
				return
			}
		}
	}
}

// MayOverlap reports whether an absence of type a, being registered, may overlap an existing
// absence of type b (rule 2.1): the policy of the type registered decides. The note changes "the
// validation on" 66: a new 66 may overlap only 10 and 47, and it says nothing of what may overlap
// an existing 66, so a sickness reported over a 66 is accepted. A type the list does not hold
// restricts nothing.
func (l *List) MayOverlap(a, b int) bool { return l.OverlapOf(a).Allows(b) }

// Overlap is an absence type's rule 2.1 policy, as List.OverlapOf gives it: a small value to ask of
// every absence an absence of the type would overlap. The zero Overlap restricts nothing.
//
// It carries the allowed ids below 128 as two words, so that a loop over a citizen's absences keeps
// the policy in registers instead of following a pointer for each.
type Overlap struct {
	p      *overlapPolicy // nil: restricts nothing
	lo, hi uint64         // the allowed ids below 64, and 64 to 127, as bits
}

// overlapOf is the Overlap of policy p.
func overlapOf(p *overlapPolicy) Overlap {
	if p == nil || !p.restricted {
		return Overlap{}
	}
	return Overlap{p: p, lo: p.small[0], hi: p.small[1]}
}

// OverlapOf returns the overlap policy of absence type a, being registered (see MayOverlap): one
// lookup for a check against many absences. A type the list does not hold restricts nothing.
func (l *List) OverlapOf(a int) Overlap {
	if l != nil && uint(a) < uint(len(l.policies)) {
		return l.policies[a]
	}
	return l.overlapOfLarge(a)
}

func (l *List) overlapOfLarge(a int) Overlap {
	if uint(a) < maxDense {
		return Overlap{} // policies holds every restricted id below maxDense
	}
	if i := l.index(a); i >= 0 {
		if r := l.entries[i].rare; r != nil && r.overlap.restricted {
			return overlapOf(&r.overlap)
		}
	}
	return Overlap{}
}

// Allows reports whether the policy lets an absence of its type overlap one of type b.
func (o Overlap) Allows(b int) bool {
	switch {
	case o.p == nil:
		return true
	case uint(b) < 64:
		return o.lo&(1<<b) != 0
	case uint(b) < 128:
		return o.hi&(1<<(b-64)) != 0
	}
	return slices.Contains(o.p.only, b)
}

// ActiveOn returns the entries that may be chosen on day d, in order of id: what a drop-down shows
// that day (rules 1.4 and 2.6).
func (l *List) ActiveOn(d dfdg.Date) []Entry {
	var out []Entry
	for e := range l.All() {
		if e.ActiveOn(d) {
			out = append(out, e)
		}
	}
	return out
}
