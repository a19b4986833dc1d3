package dfdg

import "time"

// Citizen is what DFDG keeps about one citizen, as the caller loads it from its own storage: the same
// value goes to every package's rules, and each reads the part it needs (a sweep over absences needs
// only the memberships and absences to be loaded). Slices are read, never modified. Nothing the rules
// can derive is stored here: the contact group on a day is GroupAt's.
//
// The zero Citizen is a citizen with no records and no jobcentre; decisions that send messages need a
// jobcentre.
type Citizen struct {
	// ID is the caller's key for the citizen, carried to the results of sweeps. It is never a CPR
	// number: the library prints it.
	ID string `json:"id,omitempty"`
	// Jobcentre is the municipality whose jobcentre the citizen is attached to (jobcentertilknytning);
	// the messages go there.
	Jobcentre Municipality `json:"jobcenter,omitempty"`
	// Akasse is the citizen's a-kasse, when the citizen is a member of one.
	Akasse Akasse `json:"akasse,omitempty"`

	// Memberships is the contact-group history, in any order.
	Memberships []Membership `json:"kontaktgrupper,omitempty"`
	// Registrations is every registration as jobseeker, ended ones included, in any order.
	Registrations    []Registration         `json:"tilmeldinger,omitempty"`
	PersonCategories []PersonCategorization `json:"personkategorier,omitempty"`
	Deadlines        []Deadline             `json:"frister,omitempty"`
	Participation    []Participation        `json:"deltagelsesvalg,omitempty"`
	// Interviews are the held interviews (afholdte samtaler), in any order.
	Interviews []Interview `json:"samtaler,omitempty"`
	Absences   []Absence   `json:"fravaer,omitempty"`
	// Died is the citizen's date of death, when the citizen is dead; zero otherwise. DFDG then
	// rejects new absences, sick absences, contact groups and registrations with 4405.
	Died Date `json:"doedsdato,omitzero"`
	// Bookings are the summons to meetings (indkaldelser) the citizen has, in any order.
	Bookings []Booking `json:"indkaldelser,omitempty"`
	// GuestAccess is the guest access (gæsteadgang) organisations have to the citizen, which DFDG's
	// CreateGaesteadgang grants; an operation whose table admits guests admits their holders.
	GuestAccess []GuestAccess `json:"gaesteadgange,omitempty"`
	// Plan is the citizen's current plan, or nil when there is none.
	Plan *Plan `json:"plan,omitempty"`
	// DraftPlan is the citizen's draft of a plan (kladde), or nil when there is none.
	DraftPlan *Plan `json:"kladdeplan,omitempty"`
	// Born is the citizen's date of birth, where the caller knows it (from the CPR number: CPR's
	// BirthDate); the plan service's 8044 reads it. Zero when not given.
	Born       Date       `json:"foedselsdato,omitzero"`
	Activities []Activity `json:"aktiviteter,omitempty"`
}

// GuestAccess is one organisation's guest access (gæsteadgang) to a citizen, from Start until End (an
// open End: until it is ended). DFDG's CreateGaesteadgang grants it with a justification.
type GuestAccess struct {
	ID string `json:"gaesteadgangIdentifier,omitempty"`
	// Holder is the organisation that has it: a municipality, an a-kasse or another actor.
	Holder Actor     `json:"indehaver,omitzero"`
	Start  time.Time `json:"starttidspunkt,omitzero"`
	End    time.Time `json:"sluttidspunkt,omitzero"`
	// Comment is the justification (Gaesteadgangskommentar), 1 to 900 characters without HTML.
	Comment string `json:"gaesteadgangskommentar,omitempty"`
}

// ActiveAt reports whether g covers the instant t.
func (g GuestAccess) ActiveAt(t time.Time) bool {
	return activeAt(g.Start, g.End, t)
}

// GuestOf reports whether a has guest access to c at t.
func (c Citizen) GuestOf(a Actor, t time.Time) bool {
	for i := range c.GuestAccess {
		if c.GuestAccess[i].Holder == a && c.GuestAccess[i].ActiveAt(t) {
			return true
		}
	}
	return false
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

// CategoryAt returns the person categorization active at t, if any.
func (c Citizen) CategoryAt(t time.Time) (PersonCategorization, bool) {
	for i := range c.PersonCategories {
		if c.PersonCategories[i].ActiveAt(t) {
			return c.PersonCategories[i], true
		}
	}
	return PersonCategorization{}, false
}

// RegistrationAt returns the registration active at t, if any.
func (c Citizen) RegistrationAt(t time.Time) (Registration, bool) {
	for i := range c.Registrations {
		if c.Registrations[i].ActiveAt(t) {
			return c.Registrations[i], true
		}
	}
	return Registration{}, false
}

// Absence returns the absence with id.
func (c Citizen) Absence(id string) (Absence, bool) {
	for i := range c.Absences {
		if c.Absences[i].ID == id {
			return c.Absences[i], true
		}
	}
	return Absence{}, false
}

// Activity returns the activity with id.
func (c Citizen) Activity(id string) (Activity, bool) {
	for i := range c.Activities {
		if c.Activities[i].ID == id {
			return c.Activities[i], true
		}
	}
	return Activity{}, false
}

// Apply returns the citizen as it is after d: records created, updated and deleted, matched by id (or,
// for a record without one, by its start). c's slices are not modified; the result shares none that d
// changed.
func (c Citizen) Apply(d Decision) Citizen {
	c.Memberships = applyChanges(c.Memberships, d.Memberships, func(a, b *Membership) bool {
		return sameRecord(a.ID, b.ID, a.Start, b.Start) && (a.ID != "" || a.Group == b.Group)
	})
	c.Registrations = applyChanges(c.Registrations, d.Registrations, func(a, b *Registration) bool {
		return sameRecord(a.ID, b.ID, a.Start, b.Start)
	})
	c.PersonCategories = applyChanges(c.PersonCategories, d.PersonCategories, func(a, b *PersonCategorization) bool {
		return sameRecord(a.ID, b.ID, a.Start, b.Start) && (a.ID != "" || a.Category == b.Category)
	})
	c.Deadlines = applyChanges(c.Deadlines, d.Deadlines, func(a, b *Deadline) bool {
		if a.ID != "" || b.ID != "" {
			return a.ID == b.ID
		}
		return a.Conversation == b.Conversation && a.Due == b.Due
	})
	c.Absences = applyChanges(c.Absences, d.Absences, func(a, b *Absence) bool { return a.ID == b.ID })
	c.Activities = applyChanges(c.Activities, d.Activities, func(a, b *Activity) bool { return a.ID == b.ID })
	c.Bookings = applyChanges(c.Bookings, d.Bookings, func(a, b *Booking) bool { return a.ID == b.ID })
	for _, ch := range d.Plans {
		p := ch.Record
		target := &c.Plan
		if p.Draft {
			target = &c.DraftPlan
		}
		if ch.Type == Delete {
			*target = nil
		} else {
			*target = &p
		}
	}
	c.GuestAccess = applyChanges(c.GuestAccess, d.GuestAccess, func(a, b *GuestAccess) bool {
		return sameRecord(a.ID, b.ID, a.Start, b.Start) && (a.ID != "" || a.Holder == b.Holder)
	})
	return c
}
