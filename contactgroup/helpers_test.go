package contactgroup_test

import (
	"testing"
	"time"

	"github.com/regelkit/dfdg"
	"github.com/regelkit/dfdg/contactgroup"
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

func messages(t *testing.T, d contactgroup.Decision) []string {
	t.Helper()
	var out []string
	for _, m := range d.Messages {
		out = append(out, m.String())
	}
	return out
}

// requireSound checks the invariants of rule 1.5 on a history: nothing ends before it starts and
// nothing overlaps.
func requireSound(t *testing.T, ms []contactgroup.Membership) {
	t.Helper()
	require.Empty(t, contactgroup.CheckHistory(ms), "history %+v", ms)
}
