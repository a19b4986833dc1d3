package activity

import (
	"strconv"
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
			if p == nil {
				return planTypeRejections[0]
			}
			return planTypeRejections[int(p.Type)+1]
		}
	}
	return nil
}

// planTypeRejections is rule 3.1's rejection for no plan (first) and for each plan type, shared
// (frozen): the rejection is the same every time, so it costs no allocation.
var planTypeRejections = func() (out [1 + 256]*dfdgerrors.Error) {
	for i := range out {
		have := "ingen plan"
		if i > 0 {
			have = dfdg.PlanType(i - 1).String()
		}
		out[i] = dfdgerrors.New(dfdgerrors.ErrPlanTypeMissing).WithRule(dfdg.Rule3_1).WithField(pathPlanType, have).Freeze()
	}
	return out
}()

func invalid(field dfdgerrors.Path, value string) *dfdgerrors.Error {
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

var activityCommand = [2]string{"en aktivitet", "an activity"}

// checkCommand returns every violation of what creation and update both need: now, an actor who may
// act on the citizen, the citizen's jobcentre, and the fields themselves: type, period (1003, rule
// 2.3) and hours.
func (r Rules) checkCommand(at dfdg.At, c *dfdg.Citizen, a *dfdg.Activity) dfdgerrors.List {
	var errs dfdgerrors.List
	errs = dfdgerrors.Append(errs, check.NowGiven(at))
	errs = dfdgerrors.Append(errs, check.By(at, r.Catalog, "", activityCommand, dfdg.ActorMunicipality, dfdg.ActorAkasse))
	if at.By.Kind == dfdg.ActorAkasse && at.By.Akasse != "" && at.By.Akasse != c.Akasse {
		errs = append(errs, dfdgerrors.New(dfdgerrors.ErrActorNotAllowed).WithField("aktoer", at.By.String()).
			WithDetail("borgeren er ikke medlem af a-kassen", "the citizen is not a member of the a-kasse"))
	}
	errs = dfdgerrors.Append(errs, check.Jobcentre(c.Jobcentre))
	if a.Type <= 0 {
		errs = append(errs, dfdgerrors.New(dfdgerrors.ErrMissingValue).WithField("aktivitetstype", strconv.Itoa(int(a.Type))))
	}
	errs = dfdgerrors.Append(errs, a.Period.Valid())
	return dfdgerrors.Append(errs, checkHours(a.Hours))
}

// checkReferences applies rule 3.2: every external reference has a type of the complete list 1–6,
// and types 5 (Handlekommune) and 6 (Betalingskommune) carry a valid Danish municipality code. It
// does not check that the code is the citizen's former or current municipality.
func (r Rules) checkReferences(errs dfdgerrors.List, a *dfdg.Activity, day dfdg.Date) dfdgerrors.List {
	types, munis := r.Catalog.ExternalReferenceTypes(), r.Catalog.Municipalities()
	for i := range a.References {
		if err := checkReference(types, munis, a.References, i, time.Time{}, &day); err != nil {
			errs = append(errs, err)
		}
	}
	return errs
}

// CheckReferences applies rule 3.2's check of a's external references on its own, on the day of
// at.Now: nil when every reference has a type of the list 1–6 and types 5 and 6 carry one of the 98
// municipality codes, else the first that does not. It allocates nothing when a is accepted.
func (r Rules) CheckReferences(at dfdg.At, _ dfdg.Citizen, a dfdg.Activity) error {
	return r.checkReferencesAt(at.Now, a.References)
}

func (r Rules) checkReferencesAt(now time.Time, refs []dfdg.Reference) error {
	types, munis := r.Catalog.ExternalReferenceTypes(), r.Catalog.Municipalities()
	var day dfdg.Date // the day of now, computed for the first type with validity dates
	for i := range refs {
		// The common case, a type without validity dates and a municipality that is one of the 98,
		// needs no call.
		if ref := &refs[i]; types.ActiveAlways(int(ref.Type)) && (!ref.Type.CarriesMunicipality() || isMunicipality(munis, ref.Value)) {
			continue
		}
		if err := checkReference(types, munis, refs, i, now, &day); err != nil {
			return err
		}
	}
	return nil
}

// checkReference checks the reference at position i of refs against the list of reference types and
// the municipalities. A type with validity dates is checked on *day, the day of now, which it
// computes when *day is zero.
func checkReference(types, munis *codelist.List, refs []dfdg.Reference, i int, now time.Time, day *dfdg.Date) *dfdgerrors.Error {
	ref := &refs[i]
	if !types.ActiveAlways(int(ref.Type)) {
		if day.IsZero() {
			*day = dfdg.DateOf(now)
		}
		if err := types.CheckNew(int(ref.Type), *day, "eksterneReferencer.type", dfdg.Rule3_2); err != nil {
			e, _ := dfdgerrors.As(err)
			return e.WithItem(pathReferences, i, "type", dfdgerrors.Int(int(ref.Type)))
		}
	}
	if !ref.Type.CarriesMunicipality() {
		return nil
	}
	if isMunicipality(munis, ref.Value) {
		return nil
	}
	return dfdgerrors.New(dfdgerrors.ErrInvalidMunicipality).WithRule(dfdg.Rule3_2).
		WithItem(pathReferences, i, "vaerdi", dfdgerrors.Text(ref.Value)).
		WithDetailArgs("{0} er ikke en af de 98 kommuner", "{0} is not one of the 98 municipalities", dfdgerrors.Formatted(quoted{}, ref.Value, 0))
}

// FindDuplicate applies rule 3.4 on its own: a company-oriented activity a with a company number is a
// duplicate of one of the citizen's company-oriented activities that is neither cancelled nor
// interrupted only when company (CVR and P-number), start, end, hours and job-offer type all equal;
// 37 and 37.00 hours are equal. It returns the first such activity and its position. An activity that
// is not company-oriented, or has no CVR number, is never a duplicate: the rule compares companies
// (RULES.md 3.4, correction of turn 2). It takes one pass over the activities and allocates only to
// compare hours written with different numbers of decimals.
func (r Rules) FindDuplicate(_ dfdg.At, c dfdg.Citizen, a dfdg.Activity) (dfdg.Activity, int, bool) {
	if i := r.findDuplicate(c.Activities, &a); i >= 0 {
		return c.Activities[i], i, true
	}
	return dfdg.Activity{}, -1, false
}

// municipalityCode reads a municipality code as dfdg.ParseMunicipality does (one to three digits, or
// four with a leading zero, 1 to 999), without making the error a caller of this rule never sees.
func municipalityCode(s string) (dfdg.Municipality, bool) {
	if len(s) == 4 && s[0] == '0' {
		s = s[1:]
	}
	if len(s) == 0 || len(s) > 3 {
		return 0, false
	}
	n := 0
	for i := 0; i < len(s); i++ {
		d := s[i] - '0'
		if d > 9 {
			return 0, false
		}
		n = n*10 + int(d)
	}
	return dfdg.Municipality(n), n >= 1
}

// isMunicipality reports whether s is the code of a municipality the list holds.
func isMunicipality(munis *codelist.List, s string) bool {
	m, ok := municipalityCode(s)
	return ok && munis.Has(int(m))
}

// quoted writes s as strconv.Quote does.
type quoted struct{}

func (quoted) AppendArg(b []byte, s string, _ int64) []byte { return strconv.AppendQuote(b, s) }

// CheckDuplicate applies rule 3.4 on its own, as FindDuplicate finds duplicates: nil when a has
// none, else ErrDuplicateActivity naming the duplicate and where it lies. It allocates nothing when a
// is accepted and only the error when it is rejected.
func (r Rules) CheckDuplicate(_ dfdg.At, c dfdg.Citizen, a dfdg.Activity) error {
	if i := r.findDuplicate(c.Activities, &a); i >= 0 {
		return duplicateError(&a, &c.Activities[i], i)
	}
	return nil
}

// findDuplicate returns the position of a's duplicate in existing, or -1.
func (r Rules) findDuplicate(existing []dfdg.Activity, a *dfdg.Activity) int {
	if a.Company.CVR == "" || !r.IsCompanyOriented(*a) {
		return -1
	}
	for i := range existing {
		e := &existing[i]
		if e.Period != a.Period || e.JobOfferType != a.JobOfferType || e.Company.CVR != a.Company.CVR ||
			e.Company.PNumber != a.Company.PNumber || e.Status != dfdg.ActivityActive || !e.Hours.Equal(a.Hours) ||
			!r.IsCompanyOriented(*e) {
			continue
		}
		return i
	}
	return -1
}

// duplicateError names the duplicate found at position i of the citizen's activities; its texts
// are formatted when they are read.
func duplicateError(a *dfdg.Activity, dup *dfdg.Activity, i int) *dfdgerrors.Error {
	return dfdgerrors.New(dfdgerrors.ErrDuplicateActivity).WithRule(dfdg.Rule3_4).WithItem(pathActivities, i, "", dfdgerrors.Text(dup.ID)).
		WithDetailArgs("samme som {0} (CVR {1}, {2}, {3} timer, jobtilbudtype {4})",
			"the same as {0} (CVR {1}, {2}, {3} hours, job-offer type {4})",
			dfdgerrors.Text(dup.ID), dfdgerrors.Text(a.Company.CVR), a.Period.Arg(), hoursArg(a.Hours), dfdgerrors.Int(int(a.JobOfferType)))
}

// hoursArg is h for an error's text, as h.String writes it, formatted when the text is read: its
// coefficient and exponent packed in one number. Only a value of more than 15 digits, or with an
// exponent beyond ±100, is formatted at once.
func hoursArg(h decimal.Decimal) dfdgerrors.Arg {
	if exp := h.Exponent(); h.NumDigits() <= 15 && exp >= -100 && exp <= 100 {
		return dfdgerrors.Formatted(hours{}, "", h.CoefficientInt64()<<8|int64(exp+128))
	}
	return dfdgerrors.Text(h.String())
}

// hours writes a packed decimal (see hoursArg) as decimal.Decimal.String does.
type hours struct{}

func (hours) AppendArg(b []byte, _ string, packed int64) []byte {
	return append(b, decimal.New(packed>>8, int32(packed&0xff)-128).String()...)
}

// ValidateCreate returns every reason Create would reject a, in the order the rules are checked: the
// context and input (now, actor, jobcentre, type, period with 1003, hours, an id the citizen already
// has), 3.1 (plan type for a dagpengemodtager, 110016), 3.2 (external references), 3.4 (duplicates),
// 3.5 (expired job title), 3.7 (expired authority area), and guest access (only the citizen's
// municipality creates). It does not allocate when a is accepted.
func (r Rules) ValidateCreate(at dfdg.At, c dfdg.Citizen, a dfdg.Activity) dfdgerrors.List {
	errs := r.checkCommand(at, &c, &a)
	if _, exists := c.Activity(a.ID); exists && a.ID != "" {
		errs = append(errs, dfdgerrors.New(dfdgerrors.ErrInvalidState).WithField("aktivitetIdentifier", a.ID).
			WithDetail("aktiviteten findes allerede", "the activity already exists"))
	}
	errs = dfdgerrors.Append(errs, checkPlanType(at.By.Kind, at.Now, c.Plan, c.Memberships))
	day := at.Today()
	errs = r.checkReferences(errs, &a, day)
	if i := r.findDuplicate(c.Activities, &a); i >= 0 {
		errs = append(errs, duplicateError(&a, &c.Activities[i], i))
	}
	if a.JobTitle.ExpiredOn(day) {
		errs = append(errs, dfdgerrors.New(dfdgerrors.ErrJobTitleExpired).WithRule(dfdg.Rule3_5).WithField("stillingsbetegnelse.udgaaetFra", a.JobTitle.Name).
			WithDetailArgs("{0} er udgået fra {1}", "{0} expired on {1}", dfdgerrors.Text(a.JobTitle.Name), a.JobTitle.ExpiredFrom.Arg()))
	}
	if a.AuthorityArea != 0 {
		if err := r.Catalog.AuthorityAreas().CheckNew(int(a.AuthorityArea), day, "myndighedsomraade", dfdg.Rule3_7); err != nil {
			e, _ := dfdgerrors.As(err)
			if e.Kind() == dfdgerrors.ErrInactiveCode {
				e = e.WithKind(dfdgerrors.ErrAuthorityAreaExpired)
			}
			errs = append(errs, e)
		}
	}
	if at.By.GuestOf(c.Jobcentre) {
		errs = append(errs, dfdgerrors.New(dfdgerrors.ErrGuestCreateNotAllowed).WithRule(dfdg.Rule3_2).WithFieldArg("aktoer", at.By.Arg()).
			WithDetailArgs("borgeren er tilknyttet kommune {0}", "the citizen is attached to municipality {0}", c.Jobcentre.Arg()))
	}
	return errs
}

// ValidateUpdate returns every reason Update would reject a, the new state of the activity with its
// id: the context and input as for creation, and an id the citizen does not have, and invalid external
// references (3.2). It never checks the job title (3.5), the plan type (3.1), duplicates (3.4) or the
// authority area (3.7), and any of the 98 municipalities may update, through guest access (3.2).
func (r Rules) ValidateUpdate(at dfdg.At, c dfdg.Citizen, a dfdg.Activity) dfdgerrors.List {
	errs := r.checkCommand(at, &c, &a)
	if a.ID == "" {
		errs = append(errs, dfdgerrors.New(dfdgerrors.ErrMissingValue).WithField("aktivitetIdentifier", ""))
	} else if _, ok := c.Activity(a.ID); !ok {
		errs = append(errs, dfdgerrors.New(dfdgerrors.ErrRecordNotFound).WithField("aktivitetIdentifier", a.ID).
			WithDetail("aktiviteten "+a.ID+" findes ikke hos borgeren", "the citizen has no activity "+a.ID))
	}
	return r.checkReferences(errs, &a, at.Today())
}
