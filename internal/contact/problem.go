package contact

import (
	"time"

	"github.com/regelkit/dfdg"
	dfdgerrors "github.com/regelkit/dfdg/errors"
)

// problem is what is wrong with a stored history (a Detail): the membership at position i, and the
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

func (p *problem) Where() (dfdgerrors.Path, dfdgerrors.Arg) {
	path := Memberships.Index(p.i)
	switch p.what {
	case noStart:
		path = path.Child("starttidspunkt")
	case endsBeforeStart:
		path = path.Child("sluttidspunkt")
	}
	return path, dfdgerrors.Text(p.id)
}

func (p *problem) AppendDetail(b []byte, english bool) []byte {
	t := &problemTexts[p.what]
	switch p.what {
	case endsBeforeStart:
		return t.Append(b, english, dfdgerrors.Text(p.id), stampArg(p.end), stampArg(p.start))
	case startsAfter:
		return t.Append(b, english, dfdgerrors.Text(p.id), stampArg(p.start))
	case overlaps:
		return t.Append(b, english, dfdgerrors.Text(p.other), dfdgerrors.Text(p.id))
	}
	return t.Append(b, english, dfdgerrors.Text(p.id))
}

var problemTexts = [...]dfdgerrors.Texts{
	noStart:         {"kontaktgruppeforløbet {0} har intet starttidspunkt", "the membership {0} has no start"},
	endsBeforeStart: {"kontaktgruppeforløbet {0} slutter {1}, før det starter {2}", "the membership {0} ends {1}, before it starts {2}"},
	startsAfterNow:  {"kontaktgruppeforløbet {0} starter efter beslutningstidspunktet", "the membership {0} starts after the decision time"},
	startsAfter:     {"kontaktgruppeforløbet {0} starter efter {1}", "the membership {0} starts after {1}"},
	overlaps:        {"kontaktgruppeforløbene {0} og {1} overlapper", "the memberships {0} and {1} overlap"},
}

// stampArg is t as Stamp writes it, for a text being read.
func stampArg(t time.Time) dfdgerrors.Arg { return dfdgerrors.Text(Stamp(t)) }

// Stamp writes an instant in Danish time, for a detail.
func Stamp(t time.Time) string { return dfdg.InDenmark(t).Format("2006-01-02 15:04:05 MST") }

func historyError(k dfdgerrors.Kind, rule dfdg.RuleID, p problem) *dfdgerrors.Error {
	return dfdgerrors.NewDetail(k, p).WithRule(rule)
}
