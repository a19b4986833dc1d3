// Package check holds the input checks every rule package makes the same way: the call's context,
// who acts, the citizen's jobcentre, ids.
package check

import (
	"strings"
	"sync/atomic"
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

// Caller checks who acts on the operation op for the citizen c: an actor is given, a municipality
// (or another actor's) is one of the 98 in the catalogue, an a-kasse is named, and op's table of
// allowed organisations admits the actor for c at now (codelist.Operation.Admits). A refused actor gets
// DFDG's 4575 where op documents it, and the library's ErrActorNotAllowed where it does not.
func Caller(at *dfdg.At, c *dfdg.Citizen, cat *codelist.Catalog, op *codelist.Operation, rule dfdg.RuleID) error {
	by := at.By
	switch {
	case by.IsZero():
		return dfdgerrors.New(dfdgerrors.ErrMissingValue, rule, "aktoer", "").
			WithDetail("det er ikke angivet, hvem der handler", "who acts is not given")
	case (by.Kind == dfdg.ActorMunicipality || by.Kind == dfdg.ActorOtherActor) && !cat.IsMunicipality(by.Municipality):
		return dfdgerrors.New(dfdgerrors.ErrInvalidMunicipality, rule, "aktoer", by.String()).
			WithDetail("aktøren er ikke en af de 98 kommuner", "the actor is not one of the 98 municipalities")
	case by.Kind == dfdg.ActorAkasse && by.Akasse == "":
		return dfdgerrors.New(dfdgerrors.ErrMissingValue, rule, "aktoer", by.String()).
			WithDetail("a-kassen er ikke angivet", "the a-kasse is not named")
	case op.Admits(by, c, at.Now):
		return nil
	}
	kind := dfdgerrors.ErrActorNotAllowed
	if op.Documents(4575) {
		kind = dfdgerrors.ErrNotAuthorized
	}
	grants := make([]string, len(op.Access))
	for i, g := range op.Access {
		grants[i] = g.Organisation + " (" + strings.Join(g.Scopes, ", ") + ")"
	}
	return dfdgerrors.New(kind, rule, "aktoer", by.String()).
		WithDetail(op.Name+" tillader "+strings.Join(grants, ", ")+"; "+by.String()+" er ikke blandt dem for denne borger",
			op.Name+" admits "+strings.Join(grants, ", ")+"; "+by.String()+" is not among them for this citizen")
}

// An Op is an operation of the embedded table, by name, read from it on first use: the rule
// packages declare one for each operation they pre-validate, as a package variable that needs no
// code at init (&check.Op{Name: "Frist"}). A name the table does not hold panics on first use; every
// command's tests use its operation.
type Op struct {
	Name string
	p    atomic.Pointer[codelist.Operation]
}

// Get returns the operation.
func (o *Op) Get() *codelist.Operation {
	if p := o.p.Load(); p != nil {
		return p
	}
	return o.load()
}

func (o *Op) load() *codelist.Operation {
	op, ok := codelist.OperationNamed(o.Name)
	if !ok {
		panic("dfdg: no operation " + o.Name + " in codelist's table")
	}
	o.p.CompareAndSwap(nil, &op)
	return o.p.Load()
}

// AddFirst appends e, a rejection just made, to l. The first one goes in slot, a field of e's own
// cause, so that a list that holds one rejection is that one allocation and no list of its own.
func AddFirst(l dfdgerrors.List, e *dfdgerrors.Error, slot *[1]*dfdgerrors.Error) dfdgerrors.List {
	if len(l) == 0 {
		slot[0] = e
		return slot[:1:1]
	}
	return append(l, e)
}
