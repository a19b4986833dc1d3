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
