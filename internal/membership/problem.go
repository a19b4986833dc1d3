package membership

import (
	"time"

	"github.com/regelkit/dfdg"
	dfdgerrors "github.com/regelkit/dfdg/errors"
	"github.com/regelkit/dfdg/internal/check"
)

// problem is what is wrong with a stored history (a Cause): the membership at position i, and the
// other one when two overlap. It keeps the values and writes the path and texts when they are read,
// so that a rejected history costs one small allocation.
type problem struct {
	what       problemKind
	i          int
	id, other  string
	start, end time.Time // for an end before the start; start: the now a membership starts after
	// list is the one slot of the list a history check returns when this is its first problem
	// (Add), so that a history with one problem costs one allocation: the Error with this.
	list [1]*dfdgerrors.Error
}

type problemKind uint8

const (
	noStart problemKind = iota
	endsBeforeStart
	startsAfterNow
	startsAfter
	overlaps
)

func (p problem) Where() (dfdgerrors.Path, string) {
	path := Memberships.Index(p.i)
	switch p.what {
	case noStart:
		path = path.Child("starttidspunkt")
	case endsBeforeStart:
		path = path.Child("sluttidspunkt")
	}
	return path, p.id
}

func (p problem) Explain() (danish, english string) {
	switch p.what {
	case noStart:
		return "kontaktgruppeforløbet " + p.id + " har intet starttidspunkt",
			"the membership " + p.id + " has no start"
	case endsBeforeStart:
		end, start := Stamp(p.end), Stamp(p.start)
		return "kontaktgruppeforløbet " + p.id + " slutter " + end + ", før det starter " + start,
			"the membership " + p.id + " ends " + end + ", before it starts " + start
	case startsAfter:
		start := Stamp(p.start)
		return "kontaktgruppeforløbet " + p.id + " starter efter " + start,
			"the membership " + p.id + " starts after " + start
	case overlaps:
		return "kontaktgruppeforløbene " + p.other + " og " + p.id + " overlapper",
			"the memberships " + p.other + " and " + p.id + " overlap"
	}
	return "kontaktgruppeforløbet " + p.id + " starter efter beslutningstidspunktet",
		"the membership " + p.id + " starts after the decision time"
}

func (p problem) Error() string { _, en := p.Explain(); return en }

// Stamp writes an instant in Danish time, for a detail.
func Stamp(t time.Time) string { return dfdg.InDenmark(t).Format("2006-01-02 15:04:05 MST") }

func historyError(k dfdgerrors.Kind, rule dfdg.RuleID, p problem) *dfdgerrors.Error {
	return dfdgerrors.NewCause(k, rule, p)
}

// Add appends e, a rejection of a history, to l: the first one in the slot its own cause keeps (see
// problem), without an allocation of the list's own; a nil e leaves l as it is.
func Add(l dfdgerrors.List, e *dfdgerrors.Error) dfdgerrors.List {
	if e == nil {
		return l
	}
	if p, ok := e.Unwrap().(*problem); ok {
		return check.AddFirst(l, e, &p.list)
	}
	return append(l, e)
}
