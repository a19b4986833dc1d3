package contactgroup

import (
	"time"

	"github.com/regelkit/dfdg"
	"github.com/regelkit/dfdg/codelist"
	dfdgerrors "github.com/regelkit/dfdg/errors"
)

// BenefitOutcome is the outcome of a benefit decision from KY.
type BenefitOutcome uint8

const (
	// BenefitGranted is a decision that grants the benefit.
	BenefitGranted BenefitOutcome = iota + 1
	// BenefitRejected is 'Ydelse afvist' (rule 1.2).
	BenefitRejected
)

// String returns "Ydelse bevilget" or "Ydelse afvist".
func (o BenefitOutcome) String() string {
	switch o {
	case BenefitGranted:
		return "Ydelse bevilget"
	case BenefitRejected:
		return "Ydelse afvist"
	}
	return "ukendt afgørelse"
}

// MarshalText writes String's text.
func (o BenefitOutcome) MarshalText() ([]byte, error) { return []byte(o.String()), nil }

// UnmarshalText reads "Ydelse afvist" or "Ydelse bevilget".
func (o *BenefitOutcome) UnmarshalText(b []byte) error {
	for _, v := range []BenefitOutcome{BenefitGranted, BenefitRejected} {
		if v.String() == string(b) {
			*o = v
			return nil
		}
	}
	return dfdgerrors.New(dfdgerrors.ErrInvalidValue).WithField("udfald", string(b)).
		WithDetail(`skriv "Ydelse afvist" eller "Ydelse bevilget"`, `write "Ydelse afvist" or "Ydelse bevilget"`)
}

// BenefitDecision is a decision on a benefit that KY (Kommunernes Ydelsessystem) sends.
type BenefitDecision struct {
	Outcome BenefitOutcome `json:"outcome"`
	// MembershipID is the id of the membership in contact group 8 that a rejection creates.
	MembershipID string `json:"membershipId"`
}

// IsApplicant reports whether registration r is an applicant's (ansøger): the code list decides for
// the categories it knows, r.Applicant for the others.
func IsApplicant(r Registration, cat *codelist.Catalog) bool {
	if e, ok := cat.RegistrationCategories().Get(r.Category); ok {
		return e.Applicant
	}
	return r.Applicant
}

// DecideBenefit applies rule 1.2 to a benefit decision from KY. 'Ydelse afvist' for a citizen with an
// open applicant registration ends that registration at now and moves the citizen to contact group 8
// 'Uden ydelse' at now: the contact group active at now ends there (Kontaktgruppe.WSB Update) and
// group 8 starts (Kontaktgruppe.WSB Create). A citizen already in group 8 stays in the membership they
// have. Any other decision, or a rejection for a citizen with no open applicant registration, changes
// nothing. A decision that does not come from KY is ErrActorNotAllowed.
func DecideBenefit(c Citizen, bd BenefitDecision, by dfdg.Actor, now time.Time, cat *codelist.Catalog) (Decision, error) {
	now, err := checkNow(now)
	if err != nil {
		return Decision{}, err
	}
	if by.Kind != dfdg.ActorKY {
		return Decision{}, dfdgerrors.New(dfdgerrors.ErrActorNotAllowed).WithRule(dfdg.Rule1_2).WithField("aktør", by.String()).
			WithDetail("afgørelser om ydelse kommer fra KY", "benefit decisions come from KY")
	}
	switch bd.Outcome {
	case BenefitGranted:
		return Decision{}, nil
	case BenefitRejected:
	default:
		return Decision{}, dfdgerrors.New(dfdgerrors.ErrInvalidValue).WithRule(dfdg.Rule1_2).WithField("afgørelse", bd.Outcome.String())
	}
	reg := c.Registration
	if !(reg.Open() || reg.End.After(now)) || !IsApplicant(reg, cat) {
		return Decision{}, nil
	}
	if err := checkJobcentre(c); err != nil {
		return Decision{}, err
	}
	if err := checkMemberships(c.Memberships, now, dfdg.Rule1_2); err != nil {
		return Decision{}, err
	}
	if err := checkRegistration(reg, now, dfdg.Rule1_2); err != nil {
		return Decision{}, err
	}
	reg.End = now
	d := Decision{
		Registrations: []dfdg.Change[Registration]{{Type: dfdg.Update, Record: reg}},
		Rules:         dfdg.RulesOf(dfdg.Rule1_2),
	}
	prev, inGroup := c.GroupAt(now)
	if inGroup && prev.Group == UdenYdelse {
		return d, nil
	}
	d.Memberships = make([]dfdg.Change[Membership], 0, 2)
	d.Messages = make([]dfdg.Message, 0, 2)
	if inGroup {
		prev.End = now
		d.Memberships = append(d.Memberships, dfdg.Change[Membership]{Type: dfdg.Update, Record: prev})
		d.Messages = appendKontaktgruppe(d.Messages, c, dfdg.Update, prev)
	}
	next := Membership{ID: bd.MembershipID, Group: UdenYdelse, Start: now}
	d.Memberships = append(d.Memberships, dfdg.Change[Membership]{Type: dfdg.Create, Record: next})
	d.Messages = appendKontaktgruppe(d.Messages, c, dfdg.Create, next)
	return d, nil
}
