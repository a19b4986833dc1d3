package activity

import (
	"strconv"
	"time"

	"github.com/regelkit/dfdg"
	"github.com/regelkit/dfdg/codelist"
	dfdgerrors "github.com/regelkit/dfdg/errors"
)

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
// municipality codes, else the first that does not.
func (r Rules) CheckReferences(at dfdg.At, _ dfdg.Citizen, a dfdg.Activity) error {
	return r.checkReferencesAt(at.Now, a.References)
}

func (r Rules) checkReferencesAt(now time.Time, refs []dfdg.Reference) error {
	if len(refs) == 0 {
		return nil
	}
	cat := r.Catalog
	if cat == nil {
		cat = codelist.Default()
	}
	types, munis := cat.ExternalReferenceTypes(), cat.Municipalities()
	var day dfdg.Date // the day of now, computed for the first type with validity dates
	for i := range refs {
		// The common case, a type without validity dates and a municipality that is one of the 98,
		// needs no call.
		if ref := &refs[i]; types.ActiveAlways(int(ref.Type)) && (!ref.Type.CarriesMunicipality() || munis.Has(code3(ref.Value))) {
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
		if err := types.CheckNewItem(int(ref.Type), *day, pathReferences, i, "type", dfdg.Rule3_2); err != nil {
			e, _ := dfdgerrors.As(err)
			return e
		}
	}
	if !ref.Type.CarriesMunicipality() {
		return nil
	}
	if isMunicipality(munis, ref.Value) {
		return nil
	}
	return dfdgerrors.NewCause(dfdgerrors.ErrInvalidMunicipality, dfdg.Rule3_2, BadReference{Index: i, Reference: *ref})
}

// BadReference is rule 3.2's rejection of a reference of type 5 or 6 whose value is not the code
// of a municipality, the cause of its error (errors.As reaches it): the reference at position Index
// of the activity's references.
type BadReference struct {
	Index     int            `json:"indeks,omitempty"`
	Reference dfdg.Reference `json:"reference,omitzero"`
}

// Where returns the path of the reference's value, and the value.
func (b BadReference) Where() (dfdgerrors.Path, string) {
	return pathReferences.Index(b.Index).Child("vaerdi"), b.Reference.Value
}

// Explain says the value is not a municipality's code.
func (b BadReference) Explain() (danish, english string) {
	v := strconv.Quote(b.Reference.Value)
	return v + " er ikke en af de 98 kommuner",
		v + " is not one of the 98 municipalities"
}

// Error returns what was wrong, in English.
func (b BadReference) Error() string { _, en := b.Explain(); return en }

// isMunicipality reports whether s is the code of a municipality the list holds, in any spelling
// dfdg.MunicipalityOf reads.
func isMunicipality(munis *codelist.List, s string) bool {
	if n := code3(s); n >= 0 {
		return munis.Has(n)
	}
	m, ok := dfdg.MunicipalityOf(s)
	return ok && munis.Has(int(m))
}

// code3 returns the number s spells in the two ways references carry a municipality code ("0101",
// "101"), read without a call, or -1 for any other text.
func code3(s string) int {
	if len(s) == 4 && s[0] == '0' {
		s = s[1:]
	}
	if len(s) != 3 {
		return -1
	}
	a, b, c := s[0]-'0', s[1]-'0', s[2]-'0'
	if a > 9 || b > 9 || c > 9 {
		return -1
	}
	return int(a)*100 + int(b)*10 + int(c)
}
