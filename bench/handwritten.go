package bench

import (
	"errors"

	"github.com/regelkit/dfdg"
)

// ErrHandWritten is the hand-written checks' rejection: a sentinel made once, the cheapest rejection
// Go has, which the library's rejections (a value that names the rule, the records and the texts)
// are measured against.
var ErrHandWritten = errors.New("rejected")

// The hand-written baselines: each rule as the minimal Go function that does the same check on the
// same input as the library, for these cases (3.1 and 2.1 know the codes the cases use, as a
// programmer who wrote the rule into their own system would).

// HandPlan is rule 3.1: a municipality, the contact group at now is 1, and the plan is neither a
// Jobplan nor a Kombiplan.
func HandPlan(in LibPlanInput) error {
	if in.At.By.Kind != dfdg.ActorMunicipality || in.Citizen.Plan != nil &&
		(in.Citizen.Plan.Type == dfdg.Jobplan || in.Citizen.Plan.Type == dfdg.Kombiplan) {
		return nil
	}
	for _, m := range in.Citizen.Memberships {
		if !in.At.Now.Before(m.Start) && (m.End.IsZero() || in.At.Now.Before(m.End)) {
			if m.Group == dfdg.Dagpengemodtager {
				return ErrHandWritten
			}
			return nil
		}
	}
	return nil
}

// HandOverlap is rule 2.1 for the policy of 66: a new 66 may overlap only 10 and 47; other types
// restrict nothing.
func HandOverlap(c OverlapCase) error {
	if c.New.Type != 66 {
		return nil
	}
	for i := range c.Existing {
		e := &c.Existing[i]
		if c.New.Period.Overlaps(e.Period) && e.Type != 10 && e.Type != 47 && e.ID != c.New.ID {
			return ErrHandWritten
		}
	}
	return nil
}

// HandDuplicate is rule 3.4: an active company-oriented activity with the same company, period,
// hours and job-offer type as a new company-oriented one with a CVR number.
func HandDuplicate(c DuplicateCase) error {
	a := &c.New
	if !a.CompanyOriented || a.Company.CVR == "" {
		return nil
	}
	for i := range c.Existing {
		e := &c.Existing[i]
		if e.Period == a.Period && e.JobOfferType == a.JobOfferType && e.Company.CVR == a.Company.CVR &&
			e.Company.PNumber == a.Company.PNumber &&
			e.Status == dfdg.ActivityActive && e.CompanyOriented && e.Hours.Equal(a.Hours) {
			return ErrHandWritten
		}
	}
	return nil
}
