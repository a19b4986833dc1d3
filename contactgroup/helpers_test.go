package contactgroup_test

import (
	"testing"
	"time"

	"github.com/regelkit/dfdg"
	"github.com/regelkit/dfdg/contactgroup"
	"github.com/regelkit/dfdg/internal/ids"
	"github.com/stretchr/testify/require"
)

var day = dfdg.MustParseDate

// at returns the instant "YYYY-MM-DD HH:MM" in Danish local time.
func at(s string) time.Time {
	t, err := time.Parse("2006-01-02 15:04", s)
	if err != nil {
		panic(err)
	}
	start := day(t.Format("2006-01-02")).Time()
	return start.Add(time.Duration(t.Hour())*time.Hour + time.Duration(t.Minute())*time.Minute)
}

const kbh = dfdg.Municipality(101)

// rules is the section's rules with the embedded code lists.
var rules contactgroup.Rules

// muni is the context of a call by København's jobcentre at now, handing out ids in order.
func muni(now time.Time, ids ...string) dfdg.At { return by(dfdg.MunicipalityActor(kbh), now, ids...) }

// by is the context of a call by a at now, handing out ids in order (then none: an error).
func by(a dfdg.Actor, now time.Time, list ...string) dfdg.At {
	at := dfdg.At{Now: now, By: a}
	if len(list) > 0 {
		at.NewID = ids.Sequence(list...)
	}
	return at
}

func messages(t *testing.T, d dfdg.Decision) []string {
	t.Helper()
	var out []string
	for _, m := range d.Messages {
		out = append(out, m.String())
	}
	return out
}

// requireSound checks the invariants of rule 1.5 on a history: nothing ends before it starts and
// nothing overlaps.
func requireSound(t *testing.T, ms []dfdg.Membership) {
	t.Helper()
	require.Empty(t, rules.CheckHistory(dfdg.At{}, dfdg.Citizen{Memberships: ms}), "history %+v", ms)
}
