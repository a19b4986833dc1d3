package activity

import (
	"errors"
	"strconv"
	"sync/atomic"
	"time"

	"github.com/regelkit/dfdg"
	"github.com/regelkit/dfdg/codelist"
	dfdgerrors "github.com/regelkit/dfdg/errors"
	"github.com/regelkit/dfdg/internal/check"
	"github.com/shopspring/decimal"
)

// Where the fields the rules reject lie, in the JSON of the call (see dfdgerrors.Path).
const (
	pathActivities dfdgerrors.Path = "borger.aktiviteter"
	pathPlanType   dfdgerrors.Path = "borger.plan.plantype"
	pathReferences dfdgerrors.Path = "eksterneReferencer"
)

// CheckPlanType applies rule 3.1 on its own: when a municipality (at.By) creates an activity, of any
// type, for a citizen in contact group 1 'Dagpengemodtager' at now, the citizen must have a plan of
// type Jobplan or Kombiplan; else DFDG error 110016 "Plantype mangler eller er forkert ved oprettelse
// af aktivitet for dagpengemodtager". Other actors, and updates, are not checked.
func (r Rules) CheckPlanType(at dfdg.At, c dfdg.Citizen) error {
	return checkPlanType(at.By.Kind, at.Now, c.Plan, c.Memberships)
}

func checkPlanType(by dfdg.ActorKind, now time.Time, p *dfdg.Plan, memberships []dfdg.Membership) error {
	if by != dfdg.ActorMunicipality || p.AkasseMayReceive() {
		return nil
	}
	for i := range memberships {
		if m := &memberships[i]; m.ActiveAt(now) {
			if m.Group != dfdg.Dagpengemodtager {
				return nil
			}
			return planTypeRejection(p)
		}
	}
	return nil
}

// planTypeRejections are rule 3.1's rejections, one for each plan type and, last, one for no plan,
// each made the first time it is given. A rule's own rejection never changes (the With methods
// leave it as it is), so it can be given again: rejecting a citizen costs no allocation after the
// first, and importing the package costs nothing.
var planTypeRejections [1<<8 + 1]atomic.Pointer[dfdgerrors.Error]

func planTypeRejection(p *dfdg.Plan) *dfdgerrors.Error {
	i, cause := 1<<8, planTypeMissing{none: true}
	if p != nil {
		i, cause = int(p.Type), planTypeMissing{have: p.Type}
	}
	if e := planTypeRejections[i].Load(); e != nil {
		return e
	}
	e := dfdgerrors.NewCause(dfdgerrors.ErrPlanTypeMissing, dfdg.Rule3_1, cause)
	if planTypeRejections[i].CompareAndSwap(nil, e) {
		return e
	}
	return planTypeRejections[i].Load()
}

// planTypeMissing is rule 3.1's rejection: the type of the citizen's plan, or no plan.
type planTypeMissing struct {
	have dfdg.PlanType
	none bool
}

func (p planTypeMissing) Where() (dfdgerrors.Path, string) {
	if p.none {
		return pathPlanType, "ingen plan"
	}
	return pathPlanType, p.have.String()
}

func (p planTypeMissing) Explain() (danish, english string) { return "", "" }

func (p planTypeMissing) Error() string { _, v := p.Where(); return "plan type " + v }

func invalid(field dfdgerrors.Path, value string) *dfdgerrors.Error {
	return dfdgerrors.New(dfdgerrors.ErrInvalidValue, "", field, value)
}

// checkHours accepts hours per week of at least 0 with at most two decimals. It allocates only for
// a value written with more than two decimals.
func checkHours(h decimal.Decimal) error {
	if h.Sign() < 0 {
		return invalid("timerPrUge", h.String()).WithDetail("timetallet må ikke være negativt", "hours may not be negative")
	}
	if h.Exponent() >= -2 || h.Round(2).Equal(h) {
		return nil
	}
	return invalid("timerPrUge", h.String()).WithDetail("timetallet må højst have to decimaler", "hours may have at most two decimals")
}

var (
	opCreate = &check.Op{Name: "CreateActivity"}
	opUpdate = &check.Op{Name: "UpdateActivity"}
)

// checkCommand returns every violation of what creation and update both need: now, an actor who may
// act on the citizen, the citizen's jobcentre, and the fields themselves: type, period (a start and
// no start after the end), hours, and a job-offer type a complete list does not hold (DFDG 8032, which the activity REST
// service documents).
func (r Rules) checkCommand(at dfdg.At, c *dfdg.Citizen, a *dfdg.Activity, op *codelist.Operation) dfdgerrors.List {
	var errs dfdgerrors.List
	errs = check.NowGiven(errs, &at)
	err := check.Caller(&at, c, r.Catalog, op, "")
	if at.By.GuestOf(c.Jobcentre) && errors.Is(err, dfdgerrors.ErrActorNotAllowed) {
		err = nil // a guest creating: rule 3.2 says why (ValidateCreate)
	}
	errs = dfdgerrors.Append(errs, err)
	errs = dfdgerrors.Append(errs, check.Jobcentre(c.Jobcentre))
	if a.Type <= 0 {
		errs = append(errs, dfdgerrors.New(dfdgerrors.ErrMissingValue, "", "aktivitetstype", strconv.Itoa(int(a.Type))))
	}
	errs = dfdgerrors.Append(errs, checkPeriod(a.Period))
	errs = dfdgerrors.Append(errs, checkHours(a.Hours))
	if a.JobOfferType != 0 {
		if l := r.Catalog.JobOfferTypes(); l.Complete() && !l.Has(int(a.JobOfferType)) {
			errs = append(errs, dfdgerrors.New(dfdgerrors.ErrJobOfferTypeInvalid, "", "jobtilbudType", strconv.Itoa(int(a.JobOfferType))))
		}
	}
	return errs
}

// ValidateCreate returns every reason Create would reject a, in the order the rules are checked:
// the context and input (now, actor, jobcentre, type, period, hours, an id the citizen
// already has), 3.1 (plan type for a dagpengemodtager, 110016), 3.2 (external references), 3.4
// (duplicates), 3.5 (expired job title), 3.7 (expired authority area), and guest access (only the
// citizen's municipality creates).
func (r Rules) ValidateCreate(at dfdg.At, c dfdg.Citizen, a dfdg.Activity) dfdgerrors.List {
	errs := r.checkCommand(at, &c, &a, opCreate.Get())
	if _, exists := c.Activity(a.ID); exists && a.ID != "" {
		errs = append(errs, dfdgerrors.New(dfdgerrors.ErrInvalidState, "", "aktivitetIdentifier", a.ID).
			WithDetail("aktiviteten findes allerede", "the activity already exists"))
	}
	errs = dfdgerrors.Append(errs, checkPlanType(at.By.Kind, at.Now, c.Plan, c.Memberships))
	day := at.Today()
	errs = r.checkReferences(errs, &a, day)
	if i := r.findDuplicate(c.Activities, &a); i >= 0 {
		errs = append(errs, duplicateError(&c.Activities[i], i))
	}
	if a.JobTitle.ExpiredOn(day) {
		errs = append(errs, dfdgerrors.New(dfdgerrors.ErrJobTitleExpired, dfdg.Rule3_5, "stillingsbetegnelse.udgaaetFra", a.JobTitle.Name).
			WithDetail(a.JobTitle.Name+" er udgået fra "+a.JobTitle.ExpiredFrom.String(), a.JobTitle.Name+" expired on "+a.JobTitle.ExpiredFrom.String()))
	}
	if a.AuthorityArea != 0 {
		errs = dfdgerrors.Append(errs, r.Catalog.AuthorityAreas().CheckNew(int(a.AuthorityArea), day, "myndighedsomraade", dfdg.Rule3_7))
	}
	if at.By.GuestOf(c.Jobcentre) {
		errs = append(errs, dfdgerrors.New(dfdgerrors.ErrGuestCreateNotAllowed, dfdg.Rule3_2, "aktoer", at.By.String()).
			WithDetail("borgeren er tilknyttet kommune "+c.Jobcentre.String(), "the citizen is attached to municipality "+c.Jobcentre.String()))
	}
	return errs
}

// ValidateUpdate returns every reason Update would reject a, the new state of the activity with its
// id: the context and input as for creation, and an id the citizen does not have, and invalid external
// references (3.2). It never checks the job title (3.5), the plan type (3.1), duplicates (3.4) or the
// authority area (3.7), and any of the 98 municipalities may update, through guest access (3.2).
func (r Rules) ValidateUpdate(at dfdg.At, c dfdg.Citizen, a dfdg.Activity) dfdgerrors.List {
	errs := r.checkCommand(at, &c, &a, opUpdate.Get())
	if a.ID == "" {
		errs = append(errs, dfdgerrors.New(dfdgerrors.ErrMissingValue, "", "aktivitetIdentifier", ""))
	} else if _, ok := c.Activity(a.ID); !ok {
		errs = append(errs, dfdgerrors.New(dfdgerrors.ErrRecordNotFound, "", "aktivitetIdentifier", a.ID).
			WithDetail("aktiviteten "+a.ID+" findes ikke hos borgeren", "the citizen has no activity "+a.ID))
	}
	return r.checkReferences(errs, &a, at.Today())
}

// checkPeriod rejects a period without a start, or one that starts after it ends: the library's
// ErrEndsBeforeStart, since DFDG documents 1003 only for an absence's period.
func checkPeriod(p dfdg.Period) error {
	err := p.Valid()
	if e, ok := dfdgerrors.As(err); ok && e.Kind() == dfdgerrors.ErrNegativeDuration {
		return dfdgerrors.New(dfdgerrors.ErrEndsBeforeStart, "", e.Field(), e.Value())
	}
	return err
}
