package absence

import (
	"strconv"
	"time"

	"github.com/regelkit/dfdg"
	"github.com/regelkit/dfdg/codelist"
	dfdgerrors "github.com/regelkit/dfdg/errors"
	"github.com/regelkit/dfdg/internal/check"
)

// CheckOverlap applies rule 2.1: a overlaps an existing absence (sharing at least one day) only where
// the overlap policies of both types allow it; the absence with a's id is a itself and is skipped. A
// rejection names both absences. It does not allocate when a is accepted.
func CheckOverlap(existing []Absence, a Absence, cat *codelist.Catalog) error {
	types := cat.AbsenceTypes()
	for i := range existing {
		e := &existing[i]
		if !a.Period.Overlaps(e.Period) || types.MayOverlap(a.Type, e.Type) || (a.ID != "" && e.ID == a.ID) {
			continue
		}
		return overlapError(a, *e)
	}
	return nil
}

func overlapError(a, e Absence) error {
	describe := func(x Absence) string {
		return x.ID + " (type " + strconv.Itoa(x.Type) + ", " + x.Period.String() + ")"
	}
	return dfdgerrors.New(dfdgerrors.ErrOverlapNotAllowed).WithRule(dfdg.Rule2_1).WithField("fravær", a.ID+", "+e.ID).
		WithDetail("fravær "+describe(a)+" overlapper fravær "+describe(e), "absence "+describe(a)+" overlaps absence "+describe(e))
}

// Validate returns every reason a cannot be registered, as a new absence or as an update of the one
// with its id: a missing id or type, a period whose start is after its end (1003, rule 2.3) or that
// has no start, a type inactive on now's date (rule 2.6; for an update only when the type changes),
// and a forbidden overlap (rule 2.1). It does not allocate when a is accepted.
func Validate(s State, a Absence, now time.Time, cat *codelist.Catalog) dfdgerrors.List {
	var errs dfdgerrors.List
	errs = dfdgerrors.Append(errs, check.ID("fravær", a.ID, ""))
	_, err := check.Now(now)
	errs = dfdgerrors.Append(errs, err)
	if a.Type <= 0 {
		errs = append(errs, dfdgerrors.New(dfdgerrors.ErrMissingValue).WithField("fraværstype", strconv.Itoa(a.Type)))
	} else if old, ok := s.Find(a.ID); !ok || old.Type != a.Type {
		errs = dfdgerrors.Append(errs, cat.AbsenceTypes().CheckNew(a.Type, dfdg.DateOf(now), "fraværstype", dfdg.Rule2_6))
	}
	if err := a.Period.Valid(); err != nil {
		errs = dfdgerrors.Append(errs, err)
	} else {
		errs = dfdgerrors.Append(errs, CheckOverlap(s.Absences, a, cat))
	}
	return errs
}
