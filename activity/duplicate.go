package activity

import (
	"github.com/regelkit/dfdg"
	dfdgerrors "github.com/regelkit/dfdg/errors"
	"github.com/shopspring/decimal"
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

// duplicateError names the duplicate found at position i of the citizen's activities. The Error
// keeps what it names in one small allocation with it (a duplicate) and writes its texts when they are
// read.
func duplicateError(a *dfdg.Activity, dup *dfdg.Activity, i int) *dfdgerrors.Error {
	return dfdgerrors.NewDetail(dfdgerrors.ErrDuplicateActivity, duplicate{
		id: dup.ID, cvr: a.Company.CVR, period: a.Period, hours: a.Hours, jobOfferType: a.JobOfferType, i: i,
	}).WithRule(dfdg.Rule3_4)
}

// duplicate is rule 3.4's rejection (a Detail): the duplicate, at position i of the citizen's
// activities and whose id is the offending value, and what the two share. The hours are a decimal,
// which never changes once made, so keeping it shares nothing a caller can change.
type duplicate struct {
	id, cvr      string
	period       dfdg.Period
	hours        decimal.Decimal
	jobOfferType dfdg.JobOfferType
	i            int
}

var duplicateTexts = dfdgerrors.Texts{
	"samme som {0} (CVR {1}, {2}, {3} timer, jobtilbudtype {4})",
	"the same as {0} (CVR {1}, {2}, {3} hours, job-offer type {4})",
}

func (d *duplicate) Where() (dfdgerrors.Path, dfdgerrors.Arg) {
	return pathActivities.Index(d.i), dfdgerrors.Text(d.id)
}

func (d *duplicate) AppendDetail(b []byte, english bool) []byte {
	return duplicateTexts.Append(b, english, dfdgerrors.Text(d.id), dfdgerrors.Text(d.cvr), d.period.Arg(),
		dfdgerrors.Text(d.hours.String()), dfdgerrors.Int(int(d.jobOfferType)))
}
