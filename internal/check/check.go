// Package check holds the input checks every rule package makes the same way.
package check

import (
	"time"

	"github.com/regelkit/dfdg"
	dfdgerrors "github.com/regelkit/dfdg/errors"
)

// Now rejects a zero "now" and strips the monotonic clock reading, so that the instants a decision
// writes compare equal to the ones a caller stores.
func Now(now time.Time) (time.Time, error) {
	if now.IsZero() {
		return now, dfdgerrors.New(dfdgerrors.ErrMissingValue).WithField("nu", "").
			WithDetail("beslutningstidspunktet mangler", "the decision time is missing")
	}
	return now.Round(0), nil
}

// Jobcentre rejects a missing jobcentre municipality, where a decision's messages go.
func Jobcentre(m dfdg.Municipality) error {
	if m == 0 {
		return dfdgerrors.New(dfdgerrors.ErrMissingValue).WithField("jobcenter", "").
			WithDetail("borgerens jobcenterkommune mangler; beskederne skal sendes dertil",
				"the citizen's jobcentre municipality is missing; the messages go there")
	}
	return nil
}

// ID rejects an empty record id: decisions name records by id in their messages and changes.
func ID(field, id string, rule dfdg.RuleID) error {
	if id == "" {
		return dfdgerrors.New(dfdgerrors.ErrMissingValue).WithRule(rule).WithField(field, "").
			WithDetail("id mangler", "the id is missing")
	}
	return nil
}
