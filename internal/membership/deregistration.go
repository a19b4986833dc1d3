package membership

import (
	"slices"
	"strconv"
	"time"

	"github.com/regelkit/dfdg"
	"github.com/regelkit/dfdg/codelist"
	dfdgerrors "github.com/regelkit/dfdg/errors"
)

// The days ahead a deregistration date may lie (4322).
const (
	deregistrationDays              = 30
	deregistrationDaysLessIntensive = 60
)

// CheckDeregistration returns every reason the deregistration dr at now, by the caller by through
// the operation op, is refused, its fields under path: a history of registrations it cannot decide
// on, a citizen with no registration open at now (DFDG 4367 'The person is not enrolled'), a missing
// date, a date before today or more than 30 days ahead, 60 for a less intensive effort (DFDG 4322), and
// a cause the list of causes refuses: one a complete list does not hold (4340), or, where op documents
// them, one only a-kasser may use from another caller (9118) or one a-kasser may not use from an
// a-kasse (9298).
func CheckDeregistration(regs []dfdg.Registration, dr dfdg.Deregistration, now time.Time, path dfdgerrors.Path,
	causes *codelist.List, by dfdg.Actor, op *codelist.Operation) dfdgerrors.List {
	var errs dfdgerrors.List
	errs = dfdgerrors.Append(errs, CheckRegistrations(regs, now, ""))
	if !slices.ContainsFunc(regs, func(r dfdg.Registration) bool { return r.ActiveAt(now) }) {
		errs = append(errs, dfdgerrors.New(dfdgerrors.ErrNotEnrolled, "", path, ""))
	}
	today := dfdg.DateOf(now)
	days := deregistrationDays
	if dr.LessIntensive {
		days = deregistrationDaysLessIntensive
	}
	switch {
	case dr.Date.IsZero():
		errs = append(errs, dfdgerrors.New(dfdgerrors.ErrMissingValue, "", path.Child("afmeldingsdato"), ""))
	case dr.Date.Before(today) || dr.Date.After(today.AddDays(days)):
		errs = append(errs, dfdgerrors.New(dfdgerrors.ErrCancellationDate, "", path.Child("afmeldingsdato"), dr.Date.String()).
			WithDetail("i dag er "+today.String()+"; seneste dato er "+today.AddDays(days).String(),
				"today is "+today.String()+"; the latest date is "+today.AddDays(days).String()))
	}
	if dr.Cause == 0 {
		return errs
	}
	causePath := path.Child("afmeldingsaarsag")
	errs = dfdgerrors.Append(errs, causes.CheckNew(dr.Cause, today, causePath, ""))
	e, ok := causes.Get(dr.Cause)
	switch {
	case !ok:
	case e.AkasseOnly && by.Kind != dfdg.ActorAkasse && op.Documents(9118):
		errs = append(errs, dfdgerrors.New(dfdgerrors.ErrCauseOnlyAkasse, "", causePath, strconv.Itoa(dr.Cause)))
	case e.NotAkasse && by.Kind == dfdg.ActorAkasse && op.Documents(9298):
		errs = append(errs, dfdgerrors.New(dfdgerrors.ErrCauseNotAkasse, "", causePath, strconv.Itoa(dr.Cause)))
	}
	return errs
}

// Deregistered is the change a checked deregistration dr at now makes: the registration open at now
// ends at now when the date is today, and at the start of the date (00:00 in Denmark) when that is
// later. A registration that started at or before now never ends before it starts.
func Deregistered(c *dfdg.Citizen, dr dfdg.Deregistration, now time.Time) dfdg.Change[dfdg.Registration] {
	reg, _ := c.RegistrationAt(now)
	reg.End = now
	if dr.Date.After(dfdg.DateOf(now)) {
		reg.End = dr.Date.Time()
	}
	return dfdg.Change[dfdg.Registration]{Type: dfdg.Update, Record: reg}
}
