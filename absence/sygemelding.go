package absence

import (
	"github.com/regelkit/dfdg"
	dfdgerrors "github.com/regelkit/dfdg/errors"
	"github.com/regelkit/dfdg/internal/membership"
)

// Sickness is a sickness report (sygemelding) as DFDG's CreateSygemelding takes it from an a-kasse, a
// jobcentre, a municipality or STAR: the sick absence, its notification date and the employer, and,
// in the same call, a deregistration.
type Sickness struct {
	// Absence is the sick absence: its id (a new one from the call's context when empty), type,
	// period, comment and, with an end date, the cause of its end.
	dfdg.Absence
	// NotificationDate is the date the sickness was reported (Anmeldelsesdato); required.
	NotificationDate dfdg.Date `json:"anmeldelsesdato,omitzero"`
	// Employer is the citizen's employer, for sickness from employment.
	Employer *Employer `json:"arbejdsgiver,omitempty"`
	// Deregistration deregisters the citizen as jobseeker in the same call.
	Deregistration *dfdg.Deregistration `json:"afmelding,omitempty"`
}

// Employer is the company a citizen reports sick from (ArbejdsgiverDto).
type Employer struct {
	// CVR is the company's CVR number, 8 digits (cvrEnhedsid).
	CVR string `json:"cvrEnhedsid,omitempty"`
	// PNumber is the production unit's P-nummer, 10 digits (pNummer).
	PNumber string `json:"pNummer,omitempty"`
}

// ValidateCreateSickness returns every reason CreateSickness would reject s, as DFDG's
// CreateSygemelding (POST /v1/Sygemelding; codelist operation "CreateSygemelding") documents them:
// those of every new absence (see validate: 4405 for a dead citizen, 1003, rules 2.1 and 2.6, the
// request's constraints as 1014), a caller its table does not admit (4575), a start before today
// (4685), an end date without an end cause (4980), a citizen in no contact group at now (4686), a
// missing notification date or a malformed employer (1014), and for a deregistration, a citizen not
// registered at now (4367) or a date outside its window (4322).
func (r Rules) ValidateCreateSickness(at dfdg.At, c dfdg.Citizen, s Sickness) dfdgerrors.List {
	op := createSickness.op.Get()
	errs := r.validate(at, &c, &s.Absence, &createSickness)
	errs = dfdgerrors.Append(errs, op.Check("anmeldelsesdato", s.NotificationDate.String()))
	if s.Employer != nil {
		errs = dfdgerrors.Append(errs, op.Check("arbejdsgiver.cvrEnhedsid", s.Employer.CVR))
		errs = dfdgerrors.Append(errs, op.Check("arbejdsgiver.pNummer", s.Employer.PNumber))
	}
	if !s.Period.End.IsZero() && s.EndCause == 0 {
		errs = append(errs, dfdgerrors.New(dfdgerrors.ErrEndCauseMissing, "", "fravaersafslutningsaarsag", ""))
	}
	if at.Now.IsZero() {
		return errs
	}
	now, today := at.Now.Round(0), at.Today()
	if !s.Period.Start.IsZero() && s.Period.Start.Before(today) {
		errs = append(errs, dfdgerrors.New(dfdgerrors.ErrSickStartBeforeToday, "", "periode.startdato", s.Period.Start.String()).
			WithDetail("i dag er "+today.String(), "today is "+today.String()))
	}
	if _, ok := c.GroupAt(now); !ok {
		errs = append(errs, dfdgerrors.New(dfdgerrors.ErrNoActiveContactGroup, "", "borger.kontaktgrupper", ""))
	}
	if dr := s.Deregistration; dr != nil {
		errs = append(errs, membership.CheckDeregistration(c.Registrations, *dr, now, "afmelding",
			r.Catalog.DeregistrationCauses(), at.By, op)...)
	}
	return errs
}

// CreateSickness registers the sickness s that an a-kasse, a jobcentre, a municipality or STAR
// reports through DFDG's CreateSygemelding (POST /v1/Sygemelding, formerly CreateIllness and
// ReportIllness; codelist operation "CreateSygemelding"), after ValidateCreateSickness. The decision creates the
// absence, with one Fravaer.WSB Create to the citizen's jobcentre (rule 2.5). Rule 1.6 is KSD's feed
// (ReportSick) and does not apply: CreateSygemelding requires the citizen to be in a contact group,
// which keeps it. A deregistration ends the citizen's registration at now when its date is today,
// and at the start of its date (00:00 in Denmark) when that is later. STAR's pages show no message
// for a deregistration.
func (r Rules) CreateSickness(at dfdg.At, c dfdg.Citizen, s Sickness) (dfdg.Decision, error) {
	if errs := r.ValidateCreateSickness(at, c, s); len(errs) > 0 {
		return dfdg.Decision{}, errs[0]
	}
	d, err := created(at, &c, s.Absence)
	if err != nil {
		return dfdg.Decision{}, err
	}
	if s.Deregistration == nil {
		return d, nil
	}
	d.Registrations = []dfdg.Change[dfdg.Registration]{membership.Deregistered(&c, *s.Deregistration, at.Now.Round(0))}
	return d, nil
}
