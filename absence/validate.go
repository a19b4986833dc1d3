package absence

import (
	"strconv"
	"time"

	"github.com/regelkit/dfdg"
	"github.com/regelkit/dfdg/codelist"
	dfdgerrors "github.com/regelkit/dfdg/errors"
	"github.com/regelkit/dfdg/internal/check"
)

// command is what the validation of an absence command depends on: the DFDG operation it
// pre-validates (who may call it, its request's constraints, the codes it documents: an id the
// citizen has is 4977 where it documents 4977, the table of absence combinations applies where it
// documents 4591), whether it updates an absence the citizen has, and whether it refuses the sickness
// types, which belong to CreateSygemelding.
type command struct {
	op      *check.Op
	update  bool
	notSick bool
}

var (
	createAbsence  = command{op: &check.Op{Name: "CreateFravaer"}, notSick: true}
	jobnetAbsence  = command{op: &check.Op{Name: "JobnetFravaer"}}
	updateAbsence  = command{op: &check.Op{Name: "UpdateFravaer"}, update: true}
	reportSickness = command{op: &check.Op{Name: "KSDSygemelding"}}
	createSickness = command{op: &check.Op{Name: "CreateSygemelding"}}
	ksdRecovery    = command{op: &check.Op{Name: "KSDRaskmelding"}}
	raskmeld       = command{op: &check.Op{Name: "Raskmeld"}}
	ksdResumption  = command{op: &check.Op{Name: "KSDGenoptagelse"}}
)

// creating returns the command Create applies for the caller: Jobnet registers the citizen's own
// absence, every other caller DFDG's CreateFravaer.
func creating(by dfdg.Actor) *command {
	if by.Kind == dfdg.ActorJobnet {
		return &jobnetAbsence
	}
	return &createAbsence
}

// ValidateCreate returns every reason Create would reject a. For DFDG's CreateFravaer (POST
// /v1/Fravaer; codelist operation "CreateFravaer"): those of the input (see validate), a caller its
// table does not admit (4575), a type the absence types' list marks as sickness (sickness goes
// through CreateSygemelding: CreateSickness), an id the citizen already has (4977), and a type the
// table of absence combinations does not allow for the citizen's contact group and person category at
// now (4591 for Uddannelse; codelist's AbsenceCombinations, which has no cells unless the caller loads
// them). For the citizen's own absence from Jobnet (operation "JobnetFravaer"): those of the input.
func (r Rules) ValidateCreate(at dfdg.At, c dfdg.Citizen, a dfdg.Absence) dfdgerrors.List {
	return r.validate(at, &c, &a, creating(at.By))
}

// ValidateUpdate returns every reason Update would reject a, the new state of the absence with its
// id (UpdateFravaer, PUT /v1/Fravaer/{fravaerIdentifier}; codelist operation "UpdateFravaer"): those
// of the input (see validate), a caller the operation does not admit, and an id the citizen does not
// have.
func (r Rules) ValidateUpdate(at dfdg.At, c dfdg.Citizen, a dfdg.Absence) dfdgerrors.List {
	return r.validate(at, &c, &a, &updateAbsence)
}

// validate returns every reason a cannot be registered by the command cmd, as a new absence or (an
// update) as the new state of the one with its id: a missing now, a caller the operation does not
// admit, a missing jobcentre, a citizen who died on or before now's date (4405, for a new absence,
// where the operation documents it), a missing type, an element that breaks the operation's
// documented constraints (1014: a type or end cause above 10000, a comment over 1,500 characters), a
// period whose start is after its end (1003, rule 2.3) or that has no start, a type inactive on now's
// date (rule 2.6; for an update only when the type changes), a forbidden overlap (rule 2.1), and an id
// the citizen already has (a new absence) or does not have (an update).
func (r Rules) validate(at dfdg.At, c *dfdg.Citizen, a *dfdg.Absence, cmd *command) dfdgerrors.List {
	update, op := cmd.update, cmd.op.Get()
	var errs dfdgerrors.List
	errs = check.NowGiven(errs, &at)
	errs = dfdgerrors.Append(errs, check.Caller(&at, c, r.Catalog, op, ""))
	errs = dfdgerrors.Append(errs, check.Jobcentre(c.Jobcentre))
	if !update && !c.Died.IsZero() && !at.Now.IsZero() && op.Documents(4405) {
		errs = check.Alive(errs, c, at.Today())
	}
	errs = dfdgerrors.Append(errs, op.Check("fravaerskommentar", a.Comment))
	errs = dfdgerrors.Append(errs, op.CheckInt("fravaersafslutningsaarsag", a.EndCause))
	if cmd.notSick {
		errs = dfdgerrors.Append(errs, r.checkNotSick(a.Type, op.Name))
	}
	old, exists := c.Absence(a.ID)
	exists = exists && a.ID != ""
	switch {
	case update && a.ID == "":
		errs = append(errs, dfdgerrors.New(dfdgerrors.ErrMissingValue, "", "fravaerIdentifier", ""))
	case update && !exists:
		errs = append(errs, notFound(a.ID))
	case !update && exists && op.Documents(4977):
		// CreateFravaer documents 4977; the sickness services document no code for it.
		errs = append(errs, dfdgerrors.New(dfdgerrors.ErrIDExists, "", "fravaerIdentifier", a.ID))
	case !update && exists:
		errs = append(errs, dfdgerrors.New(dfdgerrors.ErrInvalidState, "", "fravaerIdentifier", a.ID).
			WithDetail("fraværet findes allerede", "the absence already exists"))
	}
	if a.Type <= 0 {
		errs = dfdgerrors.Append(errs, missing(op, "fravaerType", dfdgerrors.New(dfdgerrors.ErrMissingValue, "", "fravaerType", strconv.Itoa(int(a.Type)))))
	} else if err := op.CheckInt("fravaerType", int(a.Type)); err != nil {
		errs = dfdgerrors.Append(errs, err)
	} else if !exists || old.Type != a.Type {
		errs = dfdgerrors.Append(errs, r.Catalog.AbsenceTypes().CheckNew(int(a.Type), at.Today(), "fravaerType", dfdg.Rule2_6))
	}
	if err := a.Period.Valid(); err != nil {
		if a.Period.Start.IsZero() {
			err = missing(op, "periode.startdato", err)
		}
		errs = dfdgerrors.Append(errs, err)
	} else {
		errs = dfdgerrors.Append(errs, r.checkOverlap(c.Absences, a.ID, a.Type, a.Period))
	}
	if op.Documents(4591) && a.Type > 0 && !at.Now.IsZero() {
		errs = dfdgerrors.Append(errs, r.checkCombination(c, a.Type, at.Now))
	}
	return errs
}

// checkCombination rejects an absence of type t for a citizen whose contact group and person
// category at now the table of absence combinations does not allow: 4591 for Uddannelse (type 1),
// as CreateFravaer documents, and the library's ErrAbsenceTypeNotAllowed for the others.
func (r Rules) checkCombination(c *dfdg.Citizen, t dfdg.AbsenceType, now time.Time) error {
	table := r.Catalog.AbsenceCombinations()
	if !table.Restricts(t) {
		return nil // the common case, and every case with the embedded table: no need to look up the citizen
	}
	g, _ := c.GroupAt(now)
	p, _ := c.CategoryAt(now)
	if table.Allows(t, g.Group, p.Category) {
		return nil
	}
	kind := dfdgerrors.ErrAbsenceTypeNotAllowed
	if t == 1 {
		kind = dfdgerrors.ErrEducationNotAllowed
	}
	err := dfdgerrors.New(kind, "", "fravaerType", strconv.Itoa(int(t)))
	group := strconv.Itoa(int(g.Group))
	if p.Category == 0 {
		return err.WithDetail("kontaktgruppe "+group+", ingen personkategori", "contact group "+group+", no person category")
	}
	category := strconv.Itoa(int(p.Category))
	return err.WithDetail("kontaktgruppe "+group+", personkategori "+category, "contact group "+group+", person category "+category)
}

// missing returns the rejection op documents for the absent element at path (1014, where its request
// requires the element), or err where it documents none.
func missing(op *codelist.Operation, path string, err error) error {
	if e := op.Check(path, ""); e != nil {
		return e
	}
	return err
}

func notFound(id string) *dfdgerrors.Error {
	return dfdgerrors.New(dfdgerrors.ErrRecordNotFound, "", "fravaerIdentifier", id).
		WithDetail("fraværet "+id+" findes ikke hos borgeren", "the citizen has no absence "+id)
}
