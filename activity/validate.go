package activity

import (
	"strconv"
	"time"

	"github.com/regelkit/dfdg"
	"github.com/regelkit/dfdg/codelist"
	dfdgerrors "github.com/regelkit/dfdg/errors"
	"github.com/regelkit/dfdg/internal/check"
	"github.com/regelkit/dfdg/plan"
	"github.com/shopspring/decimal"
)

// dagpengemodtager is contact group 1 'Dagpengemodtager' (contactgroup.Dagpengemodtager).
const dagpengemodtager = 1

// CheckPlanType applies rule 3.1 to the creation of an activity: when a municipality (by) creates an
// activity, of any type, for a citizen in contact group 1 'Dagpengemodtager' (contactGroup), the
// citizen must have a plan (p) of type Jobplan or Kombiplan; else DFDG error 110016 "Plantype mangler
// eller er forkert ved oprettelse af aktivitet for dagpengemodtager". Other actors, and updates, are
// not checked. It takes only what the rule reads, which keeps the call a few nanoseconds:
//
//	err := activity.CheckPlanType(citizen.ContactGroup, citizen.Plan, by)
func CheckPlanType(contactGroup int, p *plan.Plan, by dfdg.Actor) error {
	if by.Kind == dfdg.ActorMunicipality && contactGroup == dagpengemodtager && (p == nil || !p.Type.AkasseMayReceive()) {
		return planTypeError(p)
	}
	return nil
}

func planTypeError(p *plan.Plan) error {
	have := "ingen plan"
	if p != nil {
		have = p.Type.String()
	}
	return dfdgerrors.New(dfdgerrors.ErrPlanTypeMissing).WithRule(dfdg.Rule3_1).WithField("plantype", have)
}

func invalid(field, value string) *dfdgerrors.Error {
	return dfdgerrors.New(dfdgerrors.ErrInvalidValue).WithField(field, value)
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

// checkCommand returns every violation of what creation and update both need: now, the citizen's
// jobcentre, an actor, and the fields themselves: id, type, period (1003, rule 2.3) and hours.
func checkCommand(c Citizen, a Activity, by dfdg.Actor, now time.Time) dfdgerrors.List {
	var errs dfdgerrors.List
	_, err := check.Now(now)
	errs = dfdgerrors.Append(errs, err)
	errs = dfdgerrors.Append(errs, check.Jobcentre(c.Jobcentre))
	if by.IsZero() {
		errs = append(errs, dfdgerrors.New(dfdgerrors.ErrMissingValue).WithField("aktør", ""))
	}
	errs = dfdgerrors.Append(errs, check.ID("aktivitet", a.ID, ""))
	if a.Type <= 0 {
		errs = append(errs, dfdgerrors.New(dfdgerrors.ErrMissingValue).WithField("aktivitetstype", strconv.Itoa(a.Type)))
	}
	errs = dfdgerrors.Append(errs, a.Period.Valid())
	return dfdgerrors.Append(errs, checkHours(a.Hours))
}

// checkReferences applies rule 3.2: every external reference has a type of the complete list 1–6,
// and types 5 (Handlekommune) and 6 (Betalingskommune) carry a valid Danish municipality code. It
// does not check that the code is the citizen's former or current municipality.
func checkReferences(errs dfdgerrors.List, a Activity, day dfdg.Date, cat *codelist.Catalog) dfdgerrors.List {
	for _, r := range a.References {
		if err := cat.ExternalReferenceTypes().CheckNew(r.Type, day, "eksternReferencetype", dfdg.Rule3_2); err != nil {
			errs = dfdgerrors.Append(errs, err)
			continue
		}
		if r.Type != Handlekommune && r.Type != Betalingskommune {
			continue
		}
		m, err := dfdg.ParseMunicipality(r.Value)
		if err == nil && cat.IsMunicipality(m) {
			continue
		}
		errs = append(errs, dfdgerrors.New(dfdgerrors.ErrInvalidMunicipality).WithRule(dfdg.Rule3_2).
			WithField("eksternReference["+strconv.Itoa(r.Type)+"]", r.Value).
			WithDetail(strconv.Quote(r.Value)+" er ikke en af de 98 kommuner", strconv.Quote(r.Value)+" is not one of the 98 municipalities"))
	}
	return errs
}

// FindDuplicate applies rule 3.4 on its own: a company-oriented activity a is a duplicate of an
// existing one that is not cancelled only when company (CVR and P-number), start, end, hours and
// job-offer type all equal; 37 and 37.00 hours are equal. It returns the first such activity. It
// takes one pass over existing and allocates only to compare hours written with different numbers of
// decimals. ValidateCreate applies it to company-oriented activities.
func FindDuplicate(existing []Activity, a Activity) (Activity, bool) {
	for i := range existing {
		e := &existing[i]
		if e.Period != a.Period || e.JobOfferType != a.JobOfferType || e.Company.CVR != a.Company.CVR ||
			e.Company.PNumber != a.Company.PNumber || e.Status == Cancelled || !e.Hours.Equal(a.Hours) {
			continue
		}
		return *e, true
	}
	return Activity{}, false
}

// ValidateCreate returns every reason Create would reject a, created by by at now, in the order the
// rules are checked: the input (id, type, period with 1003, hours), 3.1 (plan type for a
// dagpengemodtager, 110016), 3.2 (external references), 3.4 (duplicates), 3.5 (expired job title),
// 3.7 (expired authority area), and guest access (only the citizen's municipality creates). It does
// not allocate when a is accepted.
func ValidateCreate(c Citizen, a Activity, by dfdg.Actor, now time.Time, cat *codelist.Catalog) dfdgerrors.List {
	errs := checkCommand(c, a, by, now)
	if _, exists := c.Find(a.ID); exists && a.ID != "" {
		errs = append(errs, dfdgerrors.New(dfdgerrors.ErrInvalidState).WithField("aktivitet", a.ID).
			WithDetail("aktiviteten findes allerede", "the activity already exists"))
	}
	errs = dfdgerrors.Append(errs, CheckPlanType(c.ContactGroup, c.Plan, by))
	day := today(now)
	errs = checkReferences(errs, a, day, cat)
	if IsCompanyOriented(a, cat) {
		if dup, ok := FindDuplicate(c.Activities, a); ok {
			errs = append(errs, dfdgerrors.New(dfdgerrors.ErrDuplicateActivity).WithRule(dfdg.Rule3_4).WithField("aktivitet", dup.ID).
				WithDetail("samme som "+dup.ID+" (CVR "+a.Company.CVR+", "+a.Period.String()+", "+a.Hours.String()+" timer, jobtilbudtype "+strconv.Itoa(a.JobOfferType)+")",
					"the same as "+dup.ID+" (CVR "+a.Company.CVR+", "+a.Period.String()+", "+a.Hours.String()+" hours, job-offer type "+strconv.Itoa(a.JobOfferType)+")"))
		}
	}
	if a.JobTitle.ExpiredOn(day) {
		errs = append(errs, dfdgerrors.New(dfdgerrors.ErrJobTitleExpired).WithRule(dfdg.Rule3_5).WithField("stillingsbetegnelse", a.JobTitle.Name).
			WithDetail(a.JobTitle.Name+" er udgået fra "+a.JobTitle.ExpiredFrom.String(), a.JobTitle.Name+" expired on "+a.JobTitle.ExpiredFrom.String()))
	}
	if a.AuthorityArea != 0 {
		if err := cat.AuthorityAreas().CheckNew(a.AuthorityArea, day, "myndighedsområde", dfdg.Rule3_7); err != nil {
			e, _ := dfdgerrors.As(err)
			if e.Kind == dfdgerrors.ErrInactiveCode {
				e.Kind = dfdgerrors.ErrAuthorityAreaExpired
			}
			errs = append(errs, e)
		}
	}
	if by.GuestOf(c.Jobcentre) {
		errs = append(errs, dfdgerrors.New(dfdgerrors.ErrGuestCreateNotAllowed).WithRule(dfdg.Rule3_2).WithField("kommune", by.Municipality.String()).
			WithDetail("borgeren er tilknyttet kommune "+c.Jobcentre.String(), "the citizen is attached to municipality "+c.Jobcentre.String()))
	}
	return errs
}

// ValidateUpdate returns every reason Update would reject a, the new state of the activity with its
// id, updated by by at now: a missing activity or actor, invalid input (1003, hours) and invalid
// external references (3.2). It never checks the job title (3.5), the plan type (3.1), duplicates
// (3.4) or the authority area (3.7), and any municipality may update, through guest access (3.2).
func ValidateUpdate(c Citizen, a Activity, by dfdg.Actor, now time.Time, cat *codelist.Catalog) dfdgerrors.List {
	errs := checkCommand(c, a, by, now)
	if _, ok := c.Find(a.ID); !ok && a.ID != "" {
		errs = append(errs, dfdgerrors.New(dfdgerrors.ErrRecordNotFound).WithField("aktivitet", a.ID).
			WithDetail("aktiviteten "+a.ID+" findes ikke hos borgeren", "the citizen has no activity "+a.ID))
	}
	return checkReferences(errs, a, today(now), cat)
}
