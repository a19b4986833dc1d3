package contactgroup

import (
	"time"

	"github.com/regelkit/dfdg"
	"github.com/regelkit/dfdg/internal/apply"
)

// Membership is a period the citizen is in a contact group (kontaktgruppe): from Start, included,
// to End, excluded. A zero End means the membership is open.
type Membership struct {
	ID    string    `json:"id"`    // the caller's or DFDG's id (kontaktgruppeIdentifier)
	Group int       `json:"group"` // the contact group, ContactGroupTypeCodeList
	Start time.Time `json:"start"`
	End   time.Time `json:"end,omitzero"`
}

// Open reports whether m has no end.
func (m Membership) Open() bool { return m.End.IsZero() }

// ActiveAt reports whether m covers the instant t.
func (m Membership) ActiveAt(t time.Time) bool {
	return !t.Before(m.Start) && (m.End.IsZero() || t.Before(m.End))
}

func sameMembership(a, b Membership) bool {
	return sameRecord(a.ID, b.ID, a.Start, b.Start) && a.Group == b.Group
}

// Registration is a registration as jobseeker (tilmelding), from Start to End.
type Registration struct {
	ID string `json:"id"`
	// Category is the registration category (tilmeldekategori).
	Category int `json:"category"`
	// Applicant says whether the category is an applicant's (ansøger), for categories the code list
	// does not know; for those it knows, the code list decides (rule 1.2).
	Applicant bool      `json:"applicant,omitempty"`
	Start     time.Time `json:"start"`
	End       time.Time `json:"end,omitzero"`
}

// IsZero reports whether r is no registration.
func (r Registration) IsZero() bool { return r == Registration{} }

// Open reports whether r is a registration that has not ended.
func (r Registration) Open() bool { return !r.Start.IsZero() && r.End.IsZero() }

// PersonCategory is a period in a person category (personkategorisering), such as 'Jobparat'.
type PersonCategory struct {
	ID       string    `json:"id"`
	Category int       `json:"category"`
	Start    time.Time `json:"start"`
	End      time.Time `json:"end,omitzero"`
}

func samePersonCategory(a, b PersonCategory) bool {
	return sameRecord(a.ID, b.ID, a.Start, b.Start) && (a.ID != "" || a.Category == b.Category)
}

// sameRecord matches two records by id, or by start when neither has one.
func sameRecord(idA, idB string, startA, startB time.Time) bool {
	if idA != "" || idB != "" {
		return idA == idB
	}
	return startA.Equal(startB)
}

// Citizen is what section 1's rules read of a citizen, loaded by the caller from its own storage.
// Slices are read, never modified. The zero Citizen is a citizen in no contact group, with no
// registration, no deadlines and no jobcentre (decisions that send messages need one).
type Citizen struct {
	// Jobcentre is the municipality whose jobcentre the citizen is attached to; the messages go there.
	Jobcentre dfdg.Municipality `json:"jobcentre"`
	// Akasse is the citizen's a-kasse, when the citizen is a member of one.
	Akasse dfdg.Akasse `json:"akasse,omitempty"`
	// Memberships is the contact-group history, in any order.
	Memberships []Membership `json:"memberships,omitempty"`
	// Registration is the current or latest registration as jobseeker; zero when there is none.
	Registration     Registration          `json:"registration,omitzero"`
	PersonCategories []PersonCategory      `json:"personCategories,omitempty"`
	Deadlines        []Deadline            `json:"deadlines,omitempty"`
	Participation    []ParticipationChoice `json:"participation,omitempty"`
}

// GroupAt returns the membership active at t, if any.
func (c Citizen) GroupAt(t time.Time) (Membership, bool) {
	for i := range c.Memberships {
		if c.Memberships[i].ActiveAt(t) {
			return c.Memberships[i], true
		}
	}
	return Membership{}, false
}

// Apply returns the citizen as it is after d: records created, updated and deleted. c's slices are
// not modified; the result shares none that d changed.
func (c Citizen) Apply(d Decision) Citizen {
	c.Memberships = apply.Changes(c.Memberships, d.Memberships, sameMembership)
	c.PersonCategories = apply.Changes(c.PersonCategories, d.PersonCategories, samePersonCategory)
	c.Deadlines = apply.Changes(c.Deadlines, d.Deadlines, sameDeadline)
	for _, ch := range d.Registrations {
		switch {
		case ch.Type == dfdg.Delete:
			c.Registration = Registration{}
		case ch.Type == dfdg.Create || ch.Record.ID == c.Registration.ID:
			c.Registration = ch.Record
		}
	}
	return c
}
