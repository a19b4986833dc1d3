package plan

import (
	"github.com/regelkit/dfdg"
	"github.com/regelkit/dfdg/codelist"
	dfdgerrors "github.com/regelkit/dfdg/errors"
	"github.com/regelkit/dfdg/internal/check"
	"github.com/regelkit/dfdg/internal/ids"
)

// Rules applies what STAR documents for the plan service (SOAP; the stored copies give CreateDraftPlan
// and the two rectification methods, not the method that publishes). Its zero value uses the code
// lists embedded in the library. Rule 3.1 of the release note reads the plan these commands write
// (package activity).
type Rules struct {
	// Catalog holds the code lists; nil means codelist.Default().
	Catalog *codelist.Catalog
}

var (
	opDraft   = &check.Op{Name: "CreateDraftPlan"}
	opRectify = &check.Op{Name: "RectifyPlan"}
)

// ValidateCreateDraft returns every reason CreateDraft would reject p (CreateDraftPlan; codelist
// operation "CreateDraftPlan"): a missing now, a caller the operation does not admit, a citizen in no
// contact group at now (DFDG 8060), a missing responsible caseworker (8055), a description over 4,050
// characters (8075), an education plan's deadline on or before today (8018), and an education plan
// (Uddannelsesplan) for a citizen older than 30 by the birth date the caller gives (8044; a citizen
// without one is not refused). A citizen who has a draft already, and an id the citizen's plan or
// draft has, are the library's ErrInvalidState: DFDG documents no code for them.
func (r Rules) ValidateCreateDraft(at dfdg.At, c dfdg.Citizen, p dfdg.Plan) dfdgerrors.List {
	op := opDraft.Get()
	var errs dfdgerrors.List
	errs = check.NowGiven(errs, &at)
	errs = dfdgerrors.Append(errs, check.Caller(&at, &c, r.Catalog, op, ""))
	errs = dfdgerrors.Append(errs, op.Check("ansvarligSagsbehandler", p.Caseworker))
	errs = dfdgerrors.Append(errs, op.Check("planbeskrivelse", p.Description))
	if c.DraftPlan != nil {
		errs = append(errs, dfdgerrors.New(dfdgerrors.ErrInvalidState, "", "borger.kladdeplan", c.DraftPlan.ID).
			WithDetail("borgeren har allerede en kladde til en plan", "the citizen has a draft plan already"))
	}
	if p.ID != "" && c.Plan != nil && c.Plan.ID == p.ID {
		errs = append(errs, dfdgerrors.New(dfdgerrors.ErrInvalidState, "", "planIdentifier", p.ID).
			WithDetail("planen findes allerede", "the plan exists already"))
	}
	if at.Now.IsZero() {
		return errs
	}
	today := at.Today()
	if _, ok := c.GroupAt(at.Now); !ok {
		errs = append(errs, dfdgerrors.New(dfdgerrors.ErrPlanNoContactGroup, "", "borger.kontaktgrupper", ""))
	}
	if !p.EducationDeadline.IsZero() && !p.EducationDeadline.After(today) {
		errs = append(errs, dfdgerrors.New(dfdgerrors.ErrEducationDeadlineNotAfterToday, "", "paalaegsfrist", p.EducationDeadline.String()).
			WithDetail("i dag er "+today.String(), "today is "+today.String()))
	}
	if p.Type == dfdg.Uddannelsesplan && !c.Born.IsZero() && today.After(c.Born.AddYears(31).AddDays(-1)) {
		errs = append(errs, dfdgerrors.New(dfdgerrors.ErrEducationPlanAboveThirty, "", "borger.foedselsdato", c.Born.String()))
	}
	return errs
}

// CreateDraft makes p the citizen's draft plan (CreateDraftPlan; codelist operation
// "CreateDraftPlan"), after ValidateCreateDraft, with p.ID or a new id from at. STAR's pages show no
// message for it; the citizen's current plan, which rule 3.1 reads, stays as it is until the draft is
// published.
func (r Rules) CreateDraft(at dfdg.At, c dfdg.Citizen, p dfdg.Plan) (dfdg.Decision, error) {
	if errs := r.ValidateCreateDraft(at, c, p); len(errs) > 0 {
		return dfdg.Decision{}, errs[0]
	}
	src := ids.For(at, &c)
	var err error
	if p.ID, err = src.Or(p.ID, dfdg.RecordPlan, "planIdentifier"); err != nil {
		return dfdg.Decision{}, err
	}
	p.Draft = true
	return dfdg.Decision{Plans: []dfdg.Change[dfdg.Plan]{{Type: dfdg.Create, Record: p}}}, nil
}

// Rectification rectifies (berigtiger) the description of the citizen's plan version PlanVersion, as
// the plan service's rectification methods take it.
type Rectification struct {
	PlanVersion string `json:"planVersionIdentifier,omitempty"`
	Description string `json:"planbeskrivelse,omitempty"`
}

// Rectify replaces the description of the citizen's plan with the id rf.PlanVersion (codelist
// operation "RectifyPlan"): both are required (no code documented: the library's ErrInvalidValue), the
// description is 1 to 4,050 characters (8075), and a plan the citizen does not have is the library's
// ErrRecordNotFound. The decision updates the plan; STAR's pages show no message for it.
func (r Rules) Rectify(at dfdg.At, c dfdg.Citizen, rf Rectification) (dfdg.Decision, error) {
	op := opRectify.Get()
	if _, err := check.Now(&at); err != nil {
		return dfdg.Decision{}, err
	}
	if err := check.Caller(&at, &c, r.Catalog, op, ""); err != nil {
		return dfdg.Decision{}, err
	}
	if err := op.Check("planVersionIdentifier", rf.PlanVersion); err != nil {
		return dfdg.Decision{}, err
	}
	if err := op.Check("planbeskrivelse", rf.Description); err != nil {
		return dfdg.Decision{}, err
	}
	if c.Plan == nil || c.Plan.ID != rf.PlanVersion {
		return dfdg.Decision{}, dfdgerrors.New(dfdgerrors.ErrRecordNotFound, "", "planVersionIdentifier", rf.PlanVersion).
			WithDetail("borgeren har ingen plan "+rf.PlanVersion, "the citizen has no plan "+rf.PlanVersion)
	}
	p := *c.Plan
	p.Description = rf.Description
	return dfdg.Decision{Plans: []dfdg.Change[dfdg.Plan]{{Type: dfdg.Update, Record: p}}}, nil
}
