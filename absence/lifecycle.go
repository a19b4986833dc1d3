package absence

import (
	"time"

	"github.com/regelkit/dfdg"
	"github.com/regelkit/dfdg/codelist"
	"github.com/regelkit/dfdg/contactgroup"
	dfdgerrors "github.com/regelkit/dfdg/errors"
	"github.com/regelkit/dfdg/internal/check"
)

// Create registers a new absence a, reported by by, after Validate. The decision creates it and sends
// one Fravaer.WSB Create to the citizen's jobcentre.
func Create(s State, a Absence, by dfdg.Actor, now time.Time, cat *codelist.Catalog) (Decision, error) {
	if _, exists := s.Find(a.ID); exists && a.ID != "" {
		return Decision{}, dfdgerrors.New(dfdgerrors.ErrInvalidState).WithField("fravær", a.ID).
			WithDetail("fraværet findes allerede", "the absence already exists")
	}
	if err := prepare(s, &a, by, now, cat); err != nil {
		return Decision{}, err
	}
	return Decision{
		Absences: []dfdg.Change[Absence]{{Type: dfdg.Create, Record: a}},
		Messages: []dfdg.Message{fravaerMessage(s.Citizen, dfdg.Create, a)},
		Rules:    dfdg.RulesOf(dfdg.Rule2_5),
	}, nil
}

// prepare validates a new or changed absence and fills in who reported it.
func prepare(s State, a *Absence, by dfdg.Actor, now time.Time, cat *codelist.Catalog) error {
	if errs := Validate(s, *a, now, cat); len(errs) > 0 {
		return errs[0]
	}
	if err := check.Jobcentre(s.Citizen.Jobcentre); err != nil {
		return err
	}
	if a.ReportedBy.IsZero() {
		a.ReportedBy = by
	}
	return nil
}

// Update replaces the absence with a's id by a, after Validate (which skips the absence itself when
// it checks overlap). The decision sends one Fravaer.WSB Update. Ending absence 75 'Kontaktforløb er i
// a-kassen' this way names rule 1.3: the citizen's participation choices are left as they are.
func Update(s State, a Absence, by dfdg.Actor, now time.Time, cat *codelist.Catalog) (Decision, error) {
	old, ok := s.Find(a.ID)
	if !ok {
		return Decision{}, notFound(a.ID)
	}
	if a.ReportedBy.IsZero() {
		a.ReportedBy = old.ReportedBy
	}
	if err := prepare(s, &a, by, now, cat); err != nil {
		return Decision{}, err
	}
	d := updated(s, a)
	if a.Type == KontaktforloebIAkassen && !a.Period.End.IsZero() {
		d.Rules = d.Rules.With(dfdg.Rule1_3)
	}
	return d, nil
}

// End gives the absence with id the end date end (rule 2.3: the same day as its start is valid).
// Ending absence 75 'Kontaktforløb er i a-kassen' keeps every participation choice of the citizen as
// it was (rule 1.3): the decision changes absences only. One Fravaer.WSB Update.
func End(s State, id string, end dfdg.Date, by dfdg.Actor, now time.Time, cat *codelist.Catalog) (Decision, error) {
	a, ok := s.Find(id)
	if !ok {
		return Decision{}, notFound(id)
	}
	if end.IsZero() {
		return Decision{}, dfdgerrors.New(dfdgerrors.ErrMissingValue).WithField("slutdato", "")
	}
	a.Period.End = end
	return Update(s, a, by, now, cat)
}

// updated is the decision that updates absence a: one Fravaer.WSB Update to the jobcentre (2.5).
func updated(s State, a Absence) Decision {
	return Decision{
		Absences: []dfdg.Change[Absence]{{Type: dfdg.Update, Record: a}},
		Messages: []dfdg.Message{fravaerMessage(s.Citizen, dfdg.Update, a)},
		Rules:    dfdg.RulesOf(dfdg.Rule2_5),
	}
}

func notFound(id string) error {
	return dfdgerrors.New(dfdgerrors.ErrRecordNotFound).WithField("fravær", id).
		WithDetail("fraværet "+id+" findes ikke hos borgeren", "the citizen has no absence "+id)
}

// SickReport is KSD's report of a sick absence.
type SickReport struct {
	Absence Absence `json:"absence"`
	// Group8ID and Group24ID are the ids of the contact-group memberships rule 1.6 may create.
	Group8ID  string `json:"group8Id,omitempty"`
	Group24ID string `json:"group24Id,omitempty"`
}

var ksd = dfdg.SystemActor(dfdg.ActorKSD)

// ReportSick registers a sick absence reported by KSD, received at now: as Create (one Fravaer.WSB
// Create), and with rule 1.6 for a citizen in no contact group: group 8 from the first sick day to now
// when that day is before the receipt date, without any message, and group 24 from now, with
// Kontaktgruppe.WSB Create. A start date the same day as a jobseeker registration is accepted (2.3).
func ReportSick(s State, r SickReport, now time.Time, cat *codelist.Catalog) (Decision, error) {
	d, err := Create(s, r.Absence, ksd, now, cat)
	if err != nil {
		return Decision{}, err
	}
	cd, err := contactgroup.SicknessReported(s.Citizen, contactgroup.Sickness{
		FirstDay: r.Absence.Period.Start, Group8ID: r.Group8ID, Group24ID: r.Group24ID,
	}, now)
	if err != nil {
		return Decision{}, err
	}
	return d.withContact(cd), nil
}

// Recover applies KSD's recovery (raskmelding) of the sick absence id at now: the absence ends on
// the date end, and contact group 24 ends at now — also when the absence was resumed after an
// earlier recovery (rule 2.4). Exactly one Fravaer.WSB goes out, with change type Update, never a
// Create beside it (rule 2.5), and Kontaktgruppe.WSB Update when group 24 ends. An absence that has
// already ended is ErrInvalidState; an end before the absence's start is 1003 (rule 2.3).
func Recover(s State, id string, end dfdg.Date, now time.Time) (Decision, error) {
	a, ok := s.Find(id)
	if !ok {
		return Decision{}, notFound(id)
	}
	if !a.Period.Open() {
		return Decision{}, dfdgerrors.New(dfdgerrors.ErrInvalidState).WithRule(dfdg.Rule2_4).WithField("fravær", id).
			WithDetail("fraværet er allerede afsluttet "+a.Period.End.String(), "the absence already ended "+a.Period.End.String())
	}
	if end.IsZero() {
		return Decision{}, dfdgerrors.New(dfdgerrors.ErrMissingValue).WithRule(dfdg.Rule2_4).WithField("slutdato", "")
	}
	a.Period.End = end
	if err := a.Period.Valid(); err != nil {
		return Decision{}, err
	}
	if err := check.Jobcentre(s.Citizen.Jobcentre); err != nil {
		return Decision{}, err
	}
	cd, err := contactgroup.SicknessEnded(s.Citizen, now)
	if err != nil {
		return Decision{}, err
	}
	return updated(s, a).withContact(cd), nil
}

// Resume applies KSD's resumption (genoptagelse) of the sick absence id at now: the absence is open
// again and marked Resumed, with one Fravaer.WSB Update. A citizen in no contact group is placed in
// group 24 from now, with Kontaktgruppe.WSB Create; a citizen in a group, such as one who registered
// as jobseeker the same day (rule 2.3), keeps it. The reopened absence must not overlap another where
// the policy forbids it (rule 2.1). An absence that is open is ErrInvalidState.
func Resume(s State, id string, group24ID string, now time.Time, cat *codelist.Catalog) (Decision, error) {
	a, ok := s.Find(id)
	if !ok {
		return Decision{}, notFound(id)
	}
	if a.Period.Open() {
		return Decision{}, dfdgerrors.New(dfdgerrors.ErrInvalidState).WithField("fravær", id).
			WithDetail("fraværet er ikke afsluttet", "the absence has not ended")
	}
	now, err := check.Now(now)
	if err != nil {
		return Decision{}, err
	}
	a.Period.End = dfdg.Date{}
	a.Resumed = true
	if err := check.Jobcentre(s.Citizen.Jobcentre); err != nil {
		return Decision{}, err
	}
	if err := CheckOverlap(s.Absences, a, cat); err != nil {
		return Decision{}, err
	}
	cd, err := contactgroup.SicknessReported(s.Citizen, contactgroup.Sickness{FirstDay: dfdg.DateOf(now), Group24ID: group24ID}, now)
	if err != nil {
		return Decision{}, err
	}
	return updated(s, a).withContact(cd), nil
}
