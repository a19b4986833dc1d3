package activity

import (
	"strconv"

	"github.com/regelkit/dfdg"
	dfdgerrors "github.com/regelkit/dfdg/errors"
)

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

// CheckDuplicate applies rule 3.4 on its own, as FindDuplicate finds duplicates: nil when a has
// none, else ErrDuplicateActivity naming the duplicate and where it lies (its cause is a
// Duplicate).
func (r Rules) CheckDuplicate(_ dfdg.At, c dfdg.Citizen, a dfdg.Activity) error {
	if i := r.findDuplicate(c.Activities, &a); i >= 0 {
		return duplicateError(&c.Activities[i], i)
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

// duplicateError names the duplicate found at position i of the citizen's activities: one
// allocation, the Error with its Duplicate.
func duplicateError(dup *dfdg.Activity, i int) *dfdgerrors.Error {
	return dfdgerrors.NewCause(dfdgerrors.ErrDuplicateActivity, dfdg.Rule3_4, Duplicate{Index: i, Existing: *dup})
}

// Duplicate is rule 3.4's rejection, the cause of its error (errors.As reaches it): the citizen's
// activity at position Index that the new one duplicates, in company, period, hours and job-offer
// type. Its id is the offending value.
type Duplicate struct {
	Index    int           `json:"indeks,omitempty"`
	Existing dfdg.Activity `json:"eksisterende,omitzero"`
}

// Where returns the path of the existing activity and its id.
func (d Duplicate) Where() (dfdgerrors.Path, string) {
	return pathActivities.Index(d.Index), d.Existing.ID
}

// Explain names the existing activity and what the two share.
func (d Duplicate) Explain() (danish, english string) {
	e := &d.Existing
	period, hours, jot := e.Period.String(), e.Hours.String(), strconv.Itoa(int(e.JobOfferType))
	return "samme som " + e.ID + " (CVR " + e.Company.CVR + ", " + period + ", " + hours + " timer, jobtilbudtype " + jot + ")",
		"the same as " + e.ID + " (CVR " + e.Company.CVR + ", " + period + ", " + hours + " hours, job-offer type " + jot + ")"
}

// Error returns what was wrong, in English.
func (d Duplicate) Error() string { _, en := d.Explain(); return en }
