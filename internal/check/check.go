// Package check holds the input checks every rule package makes the same way: the call's context,
// who acts, the citizen's jobcentre, ids.
package check

import (
	"strings"
	"time"

	"github.com/regelkit/dfdg"
	"github.com/regelkit/dfdg/codelist"
	dfdgerrors "github.com/regelkit/dfdg/errors"
)

// The checks take the call's context by pointer: they are called on every command, and a copy of it
// on every call is what a hand-written check does not pay.

// Catalog returns c, or the embedded catalogue when c is nil, for a rule that reads several lists:
// their accessors then inline without a call each.
func Catalog(c *codelist.Catalog) *codelist.Catalog {
	if c == nil {
		return codelist.Default()
	}
	return c
}

// Now rejects a zero "now" and strips the monotonic clock reading, so that the instants a decision
// writes compare equal to the ones a caller stores.
func Now(at *dfdg.At) (time.Time, error) {
	if at.Now.IsZero() {
		return time.Time{}, errNoNow()
	}
	return at.Now.Round(0), nil
}

// errNoNow is the rejection of a call without now.
func errNoNow() *dfdgerrors.Error {
	return dfdgerrors.New(dfdgerrors.ErrMissingValue, "", "nu", "").
		WithDetail("beslutningstidspunktet mangler", "the decision time is missing")
}

// NowGiven adds to errs the rejection Now gives when now is missing, for a validation that needs
// only to know that now is given.
func NowGiven(errs dfdgerrors.List, at *dfdg.At) dfdgerrors.List {
	if at.Now.IsZero() {
		return append(errs, errNoNow())
	}
	return errs
}

// Alive adds to errs DFDG's 4405 when the citizen died on or before today: the creating services
// (CreateFravaer, CreateKontaktgruppe, CreateSygemelding, enrollment) reject a dead person.
func Alive(errs dfdgerrors.List, c *dfdg.Citizen, today dfdg.Date) dfdgerrors.List {
	if c.Died.IsZero() || c.Died.After(today) {
		return errs
	}
	return append(errs, dfdgerrors.New(dfdgerrors.ErrPersonDead, "", "borger.doedsdato", c.Died.String()))
}

// Jobcentre rejects a missing jobcentre municipality, where a decision's messages go.
func Jobcentre(m dfdg.Municipality) error {
	if m == 0 {
		return dfdgerrors.New(dfdgerrors.ErrMissingValue, "", "borger.jobcenter", "").
			WithDetail("borgerens jobcenterkommune mangler; beskederne skal sendes dertil",
				"the citizen's jobcentre municipality is missing; the messages go there")
	}
	return nil
}

// By checks who acts: an actor is given, of one of the kinds allowed, and a municipality is one of the
// 98 in the catalogue. what names the command in the error's detail, in Danish and English.
func By(at *dfdg.At, cat *codelist.Catalog, rule dfdg.RuleID, what [2]string, allowed ...dfdg.ActorKind) error {
	by := at.By
	if by.IsZero() {
		return dfdgerrors.New(dfdgerrors.ErrMissingValue, rule, "aktoer", "").
			WithDetail("det er ikke angivet, hvem der handler", "who acts is not given")
	}
	ok := false
	for _, k := range allowed {
		ok = ok || by.Kind == k
	}
	if !ok {
		da, en := make([]string, len(allowed)), make([]string, len(allowed))
		for i, k := range allowed {
			da[i], en[i] = k.String(), k.String()
		}
		return dfdgerrors.New(dfdgerrors.ErrActorNotAllowed, rule, "aktoer", by.String()).
			WithDetail(what[0]+" kommer fra "+strings.Join(da, " eller "), what[1]+" comes from "+strings.Join(en, " or "))
	}
	if by.Kind == dfdg.ActorMunicipality && !cat.IsMunicipality(by.Municipality) {
		return dfdgerrors.New(dfdgerrors.ErrInvalidMunicipality, rule, "aktoer", by.String()).
			WithDetail("aktøren er ikke en af de 98 kommuner", "the actor is not one of the 98 municipalities")
	}
	if by.Kind == dfdg.ActorAkasse && by.Akasse == "" {
		return dfdgerrors.New(dfdgerrors.ErrMissingValue, rule, "aktoer", by.String()).
			WithDetail("a-kassen er ikke angivet", "the a-kasse is not named")
	}
	return nil
}
