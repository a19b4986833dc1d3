package contactgroup

import (
	"github.com/regelkit/dfdg"
	dfdgerrors "github.com/regelkit/dfdg/errors"
	"github.com/regelkit/dfdg/internal/check"
	"github.com/regelkit/dfdg/internal/membership"
)

var opDeregister = &check.Op{Name: "Afmelding"}

// ValidateDeregister returns every reason Deregister would reject dr (a deregistration through the
// enrollment service; codelist operation "Afmelding"): a missing now, a caller the operation does not
// admit, a history of registrations it cannot decide on, a citizen with no registration open at now
// (DFDG 4367), and a date before today or more than 30 days ahead, 60 for a less intensive effort
// (DFDG 4322).
func (r Rules) ValidateDeregister(at dfdg.At, c dfdg.Citizen, dr dfdg.Deregistration) dfdgerrors.List {
	var errs dfdgerrors.List
	errs = check.NowGiven(errs, &at)
	errs = dfdgerrors.Append(errs, check.Caller(&at, &c, r.Catalog, opDeregister.Get(), ""))
	if at.Now.IsZero() {
		return errs
	}
	return append(errs, membership.CheckDeregistration(c.Registrations, dr, at.Now.Round(0), "",
		r.Catalog.DeregistrationCauses(), at.By, opDeregister.Get())...)
}

// Deregister deregisters the citizen as jobseeker (afmelding; codelist operation "Afmelding"), after
// ValidateDeregister: the
// registration open at now ends at now when the date is today, and at 00:00 of the date (in Denmark)
// when it is later, as CreateSygemelding's deregistration does. STAR's stored pages show no message and
// no contact-group consequence for it, so the decision has none: end or change the contact group with
// EndGroup and PlaceInGroup.
func (r Rules) Deregister(at dfdg.At, c dfdg.Citizen, dr dfdg.Deregistration) (dfdg.Decision, error) {
	if errs := r.ValidateDeregister(at, c, dr); len(errs) > 0 {
		return dfdg.Decision{}, errs[0]
	}
	return dfdg.Decision{Registrations: []dfdg.Change[dfdg.Registration]{membership.Deregistered(&c, dr, at.Now.Round(0))}}, nil
}
