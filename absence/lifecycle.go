package absence

import (
	"strconv"

	"github.com/regelkit/dfdg"
	dfdgerrors "github.com/regelkit/dfdg/errors"
	"github.com/regelkit/dfdg/internal/check"
	"github.com/regelkit/dfdg/internal/ids"
)

// Create registers the new absence a, reported by at.By, after ValidateCreate: with a.ID, or a new id
// from at when it has none. The decision creates it and sends one Fravaer.WSB Create to the citizen's
// jobcentre (rule 2.5).
func (r Rules) Create(at dfdg.At, c dfdg.Citizen, a dfdg.Absence) (dfdg.Decision, error) {
	if errs := r.ValidateCreate(at, c, a); len(errs) > 0 {
		return dfdg.Decision{}, errs[0]
	}
	return created(at, &c, a)
}

// created is the decision that creates the validated absence a.
func created(at dfdg.At, c *dfdg.Citizen, a dfdg.Absence) (dfdg.Decision, error) {
	src := ids.For(at, c)
	var err error
	if a.ID, err = src.Or(a.ID, dfdg.RecordAbsence, "fravaerIdentifier"); err != nil {
		return dfdg.Decision{}, err
	}
	if a.ReportedBy.IsZero() {
		a.ReportedBy = at.By
	}
	return dfdg.Decision{
		Absences: []dfdg.Change[dfdg.Absence]{{Type: dfdg.Create, Record: a}},
		Outcome: dfdg.Outcome{
			Messages: []dfdg.Message{fravaerMessage(c, dfdg.Create, a)},
			Rules:    dfdg.RulesOf(dfdg.Rule2_5),
		},
	}, nil
}

// Update replaces the absence with a's id by a, after ValidateUpdate (which skips the absence itself
// when it checks overlap); ending an absence is an update that gives it an end date (rule 2.3: the
// same day as its start is valid). The decision sends one Fravaer.WSB Update. Ending absence 75
// 'Kontaktforløb er i a-kassen' names rule 1.3: the decision changes absences only, so the citizen's
// participation choices stay as they were.
func (r Rules) Update(at dfdg.At, c dfdg.Citizen, a dfdg.Absence) (dfdg.Decision, error) {
	if errs := r.ValidateUpdate(at, c, a); len(errs) > 0 {
		return dfdg.Decision{}, errs[0]
	}
	old, _ := c.Absence(a.ID)
	if a.ReportedBy.IsZero() {
		a.ReportedBy = old.ReportedBy
	}
	d := updated(&c, a)
	if a.Type == dfdg.KontaktforloebIAkassen && !a.Period.End.IsZero() {
		d.Rules = d.Rules.With(dfdg.Rule1_3)
	}
	return d, nil
}

// updated is the decision that updates absence a: one Fravaer.WSB Update to the jobcentre (2.5).
func updated(c *dfdg.Citizen, a dfdg.Absence) dfdg.Decision {
	return dfdg.Decision{
		Absences: []dfdg.Change[dfdg.Absence]{{Type: dfdg.Update, Record: a}},
		Outcome: dfdg.Outcome{
			Messages: []dfdg.Message{fravaerMessage(c, dfdg.Update, a)},
			Rules:    dfdg.RulesOf(dfdg.Rule2_5),
		},
	}
}

// ReportSick registers the sick absence a that KSD reports, received at now: as Create does (one
// Fravaer.WSB Create), and with rule 1.6 for a citizen in no contact group: group 8 from the first sick
// day to now when that day is before the receipt date, without any message, and group 24 from now,
// with Kontaktgruppe.WSB Create. A start date the same day as a jobseeker registration is accepted
// (2.3). Only KSD reports sickness, and only a sick absence: a type the code list knows and does not
// mark as sickness is rejected.
func (r Rules) ReportSick(at dfdg.At, c dfdg.Citizen, a dfdg.Absence) (dfdg.Decision, error) {
	if errs := r.validate(at, &c, &a, &reportSickness); len(errs) > 0 {
		return dfdg.Decision{}, errs[0]
	}
	if err := r.checkSickType(a.Type); err != nil {
		return dfdg.Decision{}, err
	}
	d, err := created(at, &c, a)
	if err != nil {
		return dfdg.Decision{}, err
	}
	src := ids.For(at, &c)
	cd, err := sicknessReported(&c, a.Period.Start, at.Now.Round(0), &src)
	if err != nil {
		return dfdg.Decision{}, err
	}
	return d.Merge(cd), nil
}

// checkSickType rejects a type the code list knows and does not mark as sickness.
func (r Rules) checkSickType(t dfdg.AbsenceType) error {
	if e, ok := r.Catalog.AbsenceTypes().Get(int(t)); ok && !e.Sickness {
		return dfdgerrors.New(dfdgerrors.ErrInvalidValue, "", "fravaerType", strconv.Itoa(int(t))).
			WithDetail("fraværstype "+e.String()+" er ikke sygefravær", "absence type "+e.String()+" is not a sick absence")
	}
	return nil
}

// Recovery is KSD's recovery (raskmelding) of a sick absence: which absence, and the date it ends.
type Recovery struct {
	ID  string    `json:"fravaerIdentifier,omitempty"`
	End dfdg.Date `json:"slutdato,omitzero"`
}

// Recover applies KSD's recovery (raskmelding) of the sick absence rec.ID at now: the absence ends on
// rec.End, and contact group 24 ends at now — also when the absence was resumed after an earlier
// recovery (rule 2.4). Exactly one Fravaer.WSB goes out, with change type Update, never a Create
// beside it (rule 2.5), and Kontaktgruppe.WSB Update when group 24 ends. An absence that has already
// ended is ErrInvalidState; an end before the absence's start is 1003 (rule 2.3). Only KSD recovers.
func (r Rules) Recover(at dfdg.At, c dfdg.Citizen, rec Recovery) (dfdg.Decision, error) {
	a, err := r.sickAbsence(at, &c, rec.ID)
	if err != nil {
		return dfdg.Decision{}, err
	}
	if !a.Period.Open() {
		return dfdg.Decision{}, dfdgerrors.New(dfdgerrors.ErrInvalidState, dfdg.Rule2_4, "fravaerIdentifier", rec.ID).
			WithDetail("fraværet er allerede afsluttet "+a.Period.End.String(), "the absence already ended "+a.Period.End.String())
	}
	if rec.End.IsZero() {
		return dfdg.Decision{}, dfdgerrors.New(dfdgerrors.ErrMissingValue, dfdg.Rule2_4, "slutdato", "")
	}
	a.Period.End = rec.End
	if err := a.Period.Valid(); err != nil {
		return dfdg.Decision{}, err
	}
	cd, err := sicknessEnded(&c, at.Now.Round(0))
	if err != nil {
		return dfdg.Decision{}, err
	}
	return updated(&c, a).Merge(cd), nil
}

// Resumption is KSD's resumption (genoptagelse) of a sick absence that had ended.
type Resumption struct {
	ID string `json:"fravaerIdentifier,omitempty"`
}

// Resume applies KSD's resumption (genoptagelse) of the sick absence res.ID at now: the absence is
// open again and marked Resumed, with one Fravaer.WSB Update. A citizen in no contact group is placed
// in group 24 from now, with Kontaktgruppe.WSB Create; a citizen in a group, such as one who registered
// as jobseeker the same day (rule 2.3), keeps it. The reopened absence must not overlap another where
// the policy forbids it (rule 2.1). An absence that is open is ErrInvalidState. Only KSD resumes.
func (r Rules) Resume(at dfdg.At, c dfdg.Citizen, res Resumption) (dfdg.Decision, error) {
	a, err := r.sickAbsence(at, &c, res.ID)
	if err != nil {
		return dfdg.Decision{}, err
	}
	if a.Period.Open() {
		return dfdg.Decision{}, dfdgerrors.New(dfdgerrors.ErrInvalidState, "", "fravaerIdentifier", res.ID).
			WithDetail("fraværet er ikke afsluttet", "the absence has not ended")
	}
	a.Period.End = dfdg.Date{}
	a.Resumed = true
	if err := r.checkOverlap(c.Absences, a.ID, a.Type, a.Period); err != nil {
		return dfdg.Decision{}, err
	}
	now := at.Now.Round(0)
	src := ids.For(at, &c)
	cd, err := sicknessReported(&c, dfdg.DateOf(now), now, &src)
	if err != nil {
		return dfdg.Decision{}, err
	}
	return updated(&c, a).Merge(cd), nil
}

// sickAbsence checks what recovery and resumption share: now, KSD acting, the jobcentre, and the
// sick absence with id, which it returns.
func (r Rules) sickAbsence(at dfdg.At, c *dfdg.Citizen, id string) (dfdg.Absence, error) {
	if _, err := check.Now(&at); err != nil {
		return dfdg.Absence{}, err
	}
	if err := check.By(&at, r.Catalog, dfdg.Rule2_4, reportSickness.what, reportSickness.allowed...); err != nil {
		return dfdg.Absence{}, err
	}
	if err := check.Jobcentre(c.Jobcentre); err != nil {
		return dfdg.Absence{}, err
	}
	a, ok := c.Absence(id)
	if !ok || id == "" {
		return dfdg.Absence{}, notFound(id)
	}
	if err := r.checkSickType(a.Type); err != nil {
		return dfdg.Absence{}, err
	}
	return a, nil
}
