package membership

import (
	"time"

	"github.com/regelkit/dfdg"
	dfdgerrors "github.com/regelkit/dfdg/errors"
)

// problem is what is wrong with a stored history (a Cause): the membership at position i, and the
// other one when two overlap. It keeps the values and writes the path and texts when they are read,
// so that a rejected history costs one small allocation.
type problem struct {
	what       problemKind
	i          int
	id, other  string
	start, end time.Time // for an end before the start; start: the now a membership starts after
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

func (p problem) Explain() dfdgerrors.Texts {
	switch p.what {
	case noStart:
		return dfdgerrors.Texts{
			Danish:  "kontaktgruppeforløbet " + p.id + " har intet starttidspunkt",
			English: "the membership " + p.id + " has no start"}
	case endsBeforeStart:
		end, start := Stamp(p.end), Stamp(p.start)
		return dfdgerrors.Texts{
			Danish:  "kontaktgruppeforløbet " + p.id + " slutter " + end + ", før det starter " + start,
			English: "the membership " + p.id + " ends " + end + ", before it starts " + start}
	case startsAfter:
		start := Stamp(p.start)
		return dfdgerrors.Texts{
			Danish:  "kontaktgruppeforløbet " + p.id + " starter efter " + start,
			English: "the membership " + p.id + " starts after " + start}
	case overlaps:
		return dfdgerrors.Texts{
			Danish:  "kontaktgruppeforløbene " + p.other + " og " + p.id + " overlapper",
			English: "the memberships " + p.other + " and " + p.id + " overlap"}
	}
	return dfdgerrors.Texts{
		Danish:  "kontaktgruppeforløbet " + p.id + " starter efter beslutningstidspunktet",
		English: "the membership " + p.id + " starts after the decision time"}
}

func (p problem) Error() string { return p.Explain().English }

// Stamp writes an instant in Danish time, for a detail.
func Stamp(t time.Time) string { return dfdg.InDenmark(t).Format("2006-01-02 15:04:05 MST") }

func historyError(k dfdgerrors.Kind, rule dfdg.RuleID, p problem) *dfdgerrors.Error {
	return dfdgerrors.NewCause(k, rule, p)
}
