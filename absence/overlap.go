package absence

import (
	"strconv"

	"github.com/regelkit/dfdg"
	dfdgerrors "github.com/regelkit/dfdg/errors"
)

// CheckOverlap applies rule 2.1 on its own: a overlaps an absence of the citizen (sharing at least one
// day) only where the overlap policy of a's type allows the other's type; the policy of the type
// registered decides, so a sickness may be reported over an existing 66 though a 66 may not be
// registered over a sickness. The absence with a's id is a itself and is skipped. A rejection names
// both absences (its cause is an Overlap). It reads no more of the call's context than the catalogue.
func (r Rules) CheckOverlap(_ dfdg.At, c dfdg.Citizen, a dfdg.Absence) error {
	return r.checkOverlap(c.Absences, a.ID, a.Type, a.Period)
}

// checkOverlap is CheckOverlap for the new absence's id, type and period: values, so that the loop
// keeps them in registers.
func (r Rules) checkOverlap(existing []dfdg.Absence, id string, typ dfdg.AbsenceType, period dfdg.Period) error {
	// The policy of the registered type decides (one way), so it is looked up once, not per pair.
	policy := r.Catalog.AbsenceTypes().OverlapOf(int(typ))
	for i := range existing {
		e := &existing[i]
		if !period.Overlaps(e.Period) || policy.Allows(int(e.Type)) || (id != "" && e.ID == id) {
			continue
		}
		return overlapError(id, typ, period, i, e)
	}
	return nil
}

// overlapError names both absences, the other at position i of the citizen's: one allocation, the
// Error with its Overlap.
func overlapError(id string, typ dfdg.AbsenceType, period dfdg.Period, i int, e *dfdg.Absence) *dfdgerrors.Error {
	return dfdgerrors.NewCause(dfdgerrors.ErrOverlapNotAllowed, dfdg.Rule2_1, Overlap{ID: id, Type: typ, Period: period,
		Index: i, OtherID: e.ID, OtherType: e.Type, OtherPeriod: e.Period})
}

// Overlap is rule 2.1's rejection, the cause of its error (errors.As reaches it): the absence
// registered (its id, type and period, the offending value) and the citizen's absence it overlaps,
// at position Index of the citizen's absences, whose type the overlap policy of the absence
// registered does not allow.
type Overlap struct {
	ID          string           `json:"fravaerIdentifier,omitempty"`
	Type        dfdg.AbsenceType `json:"fravaerType,omitempty"`
	Period      dfdg.Period      `json:"periode,omitzero"`
	Index       int              `json:"indeks,omitempty"`
	OtherID     string           `json:"andetFravaerIdentifier,omitempty"`
	OtherType   dfdg.AbsenceType `json:"andetFravaerType,omitempty"`
	OtherPeriod dfdg.Period      `json:"andenPeriode,omitzero"`
}

// Where returns the period of the absence registered.
func (o Overlap) Where() (dfdgerrors.Path, string) { return "periode", o.Period.String() }

// Explain names both absences.
func (o Overlap) Explain() (danish, english string) {
	this := o.ID + " (type " + strconv.Itoa(int(o.Type)) + ", " + o.Period.String() + ")"
	other := o.OtherID + " (type " + strconv.Itoa(int(o.OtherType)) + ", " + o.OtherPeriod.String() + ")"
	return "fravær " + this + " overlapper fravær " + other,
		"absence " + this + " overlaps absence " + other
}

// Error returns what was wrong, in English.
func (o Overlap) Error() string { _, en := o.Explain(); return en }
