package contactgroup

import (
	"github.com/regelkit/dfdg"
	dfdgerrors "github.com/regelkit/dfdg/errors"
	"github.com/regelkit/dfdg/internal/check"
	"github.com/regelkit/dfdg/internal/enum"
	"github.com/regelkit/dfdg/internal/ids"
	"github.com/regelkit/dfdg/internal/membership"
)

// BenefitOutcome is the outcome of a benefit decision from KY.
type BenefitOutcome uint8

const (
	// BenefitGranted is a decision that grants the benefit.
	BenefitGranted BenefitOutcome = iota + 1
	// BenefitRejected is 'Ydelse afvist' (rule 1.2).
	BenefitRejected
)

var outcomeText = enum.Text[BenefitOutcome]{Type: "BenefitOutcome", Field: "udfald", Rule: dfdg.Rule1_2,
	Names: []string{"", "Ydelse bevilget", "Ydelse afvist"}}

// String returns "Ydelse bevilget" or "Ydelse afvist"; "" for the zero BenefitOutcome.
func (o BenefitOutcome) String() string { return outcomeText.String(o) }

// MarshalText writes String's text.
func (o BenefitOutcome) MarshalText() ([]byte, error) { return outcomeText.Marshal(o) }

// UnmarshalText reads "Ydelse afvist" or "Ydelse bevilget"; the empty text is the zero BenefitOutcome.
func (o *BenefitOutcome) UnmarshalText(b []byte) error { return outcomeText.Unmarshal(o, b) }

// BenefitDecision is a decision on a benefit that KY (Kommunernes Ydelsessystem) sends.
type BenefitDecision struct {
	Outcome BenefitOutcome `json:"udfald,omitempty"`
}

var opBenefit = &check.Op{Name: "Ydelsesafgoerelse"}

// DecideBenefit applies rule 1.2 to a benefit decision from KY. 'Ydelse afvist' for a citizen with an
// open applicant registration "afmelder borgeren som ansøger": it ends the citizen's status as an
// applicant, not the citizen's registration as a jobseeker. The applicant registration ends at now and
// a registration as a jobseeker without benefit starts at now (not an applicant; its category is left
// to DFDG, since the id of that category is not public), and the citizen moves to contact group 8 'Uden
// ydelse' at now: the contact group active at now ends there (Kontaktgruppe.WSB Update) and group 8
// starts (Kontaktgruppe.WSB Create). The new registration and the new membership get ids from at, in
// that order. A citizen already in group 8 stays in the membership they have. Any other decision, or
// a rejection for a citizen with no open applicant registration, changes nothing. A decision that does
// not come from KY is ErrActorNotAllowed (codelist operation "Ydelsesafgoerelse": KY's call, which no
// STAR page documents).
func (r Rules) DecideBenefit(at dfdg.At, c dfdg.Citizen, bd BenefitDecision) (dfdg.Decision, error) {
	now, err := check.Now(&at)
	if err != nil {
		return dfdg.Decision{}, err
	}
	if err := check.Caller(&at, &c, r.Catalog, opBenefit.Get(), dfdg.Rule1_2); err != nil {
		return dfdg.Decision{}, err
	}
	switch bd.Outcome {
	case BenefitGranted:
		return dfdg.Decision{}, nil
	case BenefitRejected:
	default:
		return dfdg.Decision{}, dfdgerrors.New(dfdgerrors.ErrInvalidValue, dfdg.Rule1_2, "udfald", bd.Outcome.String())
	}
	if err := membership.CheckMemberships(c.Memberships, now, dfdg.Rule1_2); err != nil {
		return dfdg.Decision{}, err
	}
	if err := membership.CheckRegistrations(c.Registrations, now, dfdg.Rule1_2); err != nil {
		return dfdg.Decision{}, err
	}
	i := membership.Current(c.Registrations, now)
	if i < 0 || !r.IsApplicant(c.Registrations[i]) {
		return dfdg.Decision{}, nil
	}
	if err := check.Jobcentre(c.Jobcentre); err != nil {
		return dfdg.Decision{}, err
	}
	reg := c.Registrations[i]
	reg.End = now
	src := ids.For(at, &c)
	regID, err := src.New(dfdg.RecordRegistration)
	if err != nil {
		return dfdg.Decision{}, err
	}
	d := dfdg.Decision{Registrations: []dfdg.Change[dfdg.Registration]{
		{Type: dfdg.Update, Record: reg},
		{Type: dfdg.Create, Record: dfdg.Registration{ID: regID, Start: now}},
	}}
	if prev, inGroup := c.GroupAt(now); !inGroup || prev.Group != dfdg.UdenYdelse {
		id, err := src.New(dfdg.RecordMembership)
		if err != nil {
			return dfdg.Decision{}, err
		}
		placed, err := membership.Place(&c, dfdg.Membership{ID: id, Group: dfdg.UdenYdelse}, now, dfdg.Rule1_2)
		if err != nil {
			return dfdg.Decision{}, err
		}
		d = d.Merge(placed)
	}
	d.Rules = dfdg.RulesOf(dfdg.Rule1_2)
	return d, nil
}
