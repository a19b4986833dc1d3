package absence

import (
	"strconv"

	"github.com/regelkit/dfdg"
	dfdgerrors "github.com/regelkit/dfdg/errors"
	"github.com/regelkit/dfdg/internal/ids"
)

// Create registers the new absence a, reported by at.By, after ValidateCreate: DFDG's CreateFravaer
// (POST /v1/Fravaer; predecessor AbsenceRegistrationService.CreateAbsence; codelist operation
// "CreateFravaer"), or from Jobnet the citizen's own absence ("JobnetFravaer"). With a.ID, or a new id
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

// Update replaces the absence with a's id by a, after ValidateUpdate (DFDG's UpdateFravaer, PUT
// /v1/Fravaer/{fravaerIdentifier}; codelist operation "UpdateFravaer"; which skips the absence itself
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

// ReportSick registers the sick absence a that KSD, the sickness-benefit system, reports through its
// own service (IllnessRecoveryInformationService.CreateIllness; codelist operation "KSDSygemelding"),
// received at now: as Create does (one Fravaer.WSB Create), and with rule 1.6 for a citizen in no
// contact group: group 8 from the first sick day to now when that day is before the receipt date,
// without any message, and group 24 from now, with Kontaktgruppe.WSB Create. A start date the same day
// as a jobseeker registration is accepted (2.3). Only KSD calls it, and only with a sick absence: a
// type the code list knows and does not mark as sickness is rejected. A-kasser, jobcentres,
// municipalities and STAR report sickness with CreateSickness.
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

// checkNotSick rejects, for CreateFravaer (op), a type the code list marks as sickness: DFDG documents
// CreateFravaer for "en fraværsregistrering som ikke er sygdomsrelateret", and CreateSygemelding for
// sickness.
func (r Rules) checkNotSick(t dfdg.AbsenceType, op string) error {
	if e, ok := r.Catalog.AbsenceTypes().Get(int(t)); ok && e.Sickness {
		return dfdgerrors.New(dfdgerrors.ErrInvalidValue, "", "fravaerType", strconv.Itoa(int(t))).
			WithDetail(op+" er til fravær, som ikke er sygdomsrelateret; "+e.String()+" er sygefravær og indberettes med CreateSygemelding (absence.Rules.CreateSickness)",
				op+" is for absences that are not sickness; "+e.String()+" is sickness and is reported with CreateSygemelding (absence.Rules.CreateSickness)")
	}
	return nil
}

// checkSickType rejects a type the code list knows and does not mark as sickness.
func (r Rules) checkSickType(t dfdg.AbsenceType) error {
	if e, ok := r.Catalog.AbsenceTypes().Get(int(t)); ok && !e.Sickness {
		return dfdgerrors.New(dfdgerrors.ErrInvalidValue, "", "fravaerType", strconv.Itoa(int(t))).
			WithDetail("fraværstype "+e.String()+" er ikke sygefravær", "absence type "+e.String()+" is not a sick absence")
	}
	return nil
}
