package dfdg

import "time"

// Membership is a period the citizen is in a contact group (kontaktgruppe): from Start, included, to
// End, excluded. A zero End means the membership is open. The JSON names are those of DFDG's
// CreateKontaktgruppe; JSON decoding ignores case, so DFDG's "KontaktgruppeType" reads as well.
type Membership struct {
	ID    string       `json:"kontaktgruppeIdentifier,omitempty"`
	Group ContactGroup `json:"kontaktgruppeType,omitempty"`
	Start time.Time    `json:"starttidspunkt,omitzero"`
	End   time.Time    `json:"sluttidspunkt,omitzero"`
}

// Open reports whether m has no end.
func (m Membership) Open() bool { return m.End.IsZero() }

// ActiveAt reports whether m covers the instant t.
func (m Membership) ActiveAt(t time.Time) bool {
	return activeAt(m.Start, m.End, t)
}

// Registration is a registration as jobseeker (tilmelding), from Start to End (excluded); a zero End
// means it is open.
type Registration struct {
	ID string `json:"tilmeldingIdentifier,omitempty"`
	// Category is the registration category (tilmeldekategori).
	Category RegistrationCategory `json:"klientKategori,omitempty"`
	// Applicant says whether the category is an applicant's (ansøger), for categories the code list
	// does not know; for those it knows, the code list decides (rule 1.2).
	Applicant bool      `json:"ansoeger,omitempty"`
	Start     time.Time `json:"starttidspunkt,omitzero"`
	End       time.Time `json:"sluttidspunkt,omitzero"`
}

// Open reports whether r has started and not ended.
func (r Registration) Open() bool { return !r.Start.IsZero() && r.End.IsZero() }

// ActiveAt reports whether r covers the instant t.
func (r Registration) ActiveAt(t time.Time) bool {
	return activeAt(r.Start, r.End, t)
}

// PersonCategorization is a period in a person category (personkategorisering), such as 'Jobparat',
// from Start to End (excluded).
type PersonCategorization struct {
	ID       string         `json:"personkategoriIdentifier,omitempty"`
	Category PersonCategory `json:"personkategori,omitempty"`
	Start    time.Time      `json:"starttidspunkt,omitzero"`
	End      time.Time      `json:"sluttidspunkt,omitzero"`
}

// ActiveAt reports whether p covers the instant t.
func (p PersonCategorization) ActiveAt(t time.Time) bool {
	return activeAt(p.Start, p.End, t)
}

// activeAt reports whether the half-open period from start to end (an open end: no end) covers t;
// a period with no start covers nothing.
func activeAt(start, end, t time.Time) bool {
	return !start.IsZero() && !t.Before(start) && (end.IsZero() || t.Before(end))
}

// Deregistration is a deregistration as jobseeker (afmelding), alone or inside CreateSygemelding.
// STAR's stored copies do not show its elements, so the JSON names are the library's; its rules are
// the documented codes: the citizen must be registered (4367) and the date must be today or at most 30
// days ahead, 60 for a less intensive effort (4322). Whether the effort is less intensive is the
// caller's to say: the documentation does not say how DFDG knows it.
type Deregistration struct {
	Date          Date `json:"afmeldingsdato,omitzero"`
	LessIntensive bool `json:"mindreIntensivIndsats,omitempty"`
	// Cause is the cause of the deregistration (CauseTypeIdentifier); 0 when none is given. A cause a
	// complete list of causes does not hold is 4340; the list also says which causes only a-kasser
	// may use (9118 for others) and which they may not (9298).
	Cause int `json:"afmeldingsaarsag,omitempty"`
}
