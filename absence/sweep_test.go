package absence_test

import (
	"iter"
	"slices"
	"testing"

	"github.com/regelkit/dfdg"
	"github.com/regelkit/dfdg/absence"
	dfdgerrors "github.com/regelkit/dfdg/errors"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func sick(id, start string) absence.Absence {
	return absence.Absence{ID: id, Type: sygdom, Period: period(start, "")}
}

// The note: 60 days after the first sick day without group 25, the batch job ends the sick absence,
// for dagpengemodtagere, 'Uden ydelse' and citizens with no active contact group, and no longer
// registers them as jobseekers.
func TestRule2_2_SweepClosesSickAbsencesAfter60Days(t *testing.T) {
	run := day("2025-11-01")
	sixty := run.AddDays(-60).String() // 2025-09-02
	cases := []struct {
		name  string
		c     absence.SweepCitizen
		close bool
	}{
		{"dagpengemodtager at 60 days", absence.SweepCitizen{Key: "a", Group: 1, Sick: sick("fr-a", sixty)}, true},
		{"uden ydelse at 61 days", absence.SweepCitizen{Key: "b", Group: 8, Sick: sick("fr-b", run.AddDays(-61).String())}, true},
		{"no active group", absence.SweepCitizen{Key: "c", Group: 0, Sick: sick("fr-c", "2025-01-01")}, true},
		{"59 days", absence.SweepCitizen{Key: "d", Group: 1, Sick: sick("fr-d", run.AddDays(-59).String())}, false},
		{"in group 25", absence.SweepCitizen{Key: "e", Group: 25, Sick: sick("fr-e", "2025-01-01")}, false},
		{"in group 24", absence.SweepCitizen{Key: "f", Group: 24, Sick: sick("fr-f", "2025-01-01")}, false},
		{"already ended", absence.SweepCitizen{Key: "g", Group: 1, Sick: absence.Absence{ID: "fr-g", Type: sygdom, Period: period("2025-01-01", "2025-02-01")}}, false},
	}
	for _, c := range cases {
		assert.Equal(t, c.close, absence.Closes(c.c, run), c.name)
	}
	var in []absence.SweepCitizen
	for _, c := range cases {
		c.c.Jobcentre = kbh
		in = append(in, c.c)
	}
	var got []absence.Closure
	for cl, err := range absence.Sweep(slices.Values(in), run) {
		require.NoError(t, err)
		got = append(got, cl)
	}
	require.Len(t, got, 3)
	for _, cl := range got {
		assert.Equal(t, run, cl.Absence.Period.End, "ends on the run date")
		assert.NoError(t, cl.Absence.Period.Valid())
		assert.Equal(t, dfdg.Message{Name: dfdg.FravaerWSB, Change: dfdg.Update, To: dfdg.MunicipalityActor(kbh),
			About: dfdg.Ref{Kind: "Fravaer", ID: cl.Absence.ID}}, cl.Message)
	}
	assert.Equal(t, []string{"a", "b", "c"}, []string{got[0].Key, got[1].Key, got[2].Key})
}

// The sweep carries no contact-group change at all: it cannot register anyone as jobseeker.
func TestRule2_2_SweepNeverRegisters(t *testing.T) {
	var cl absence.Closure
	for c := range absence.Sweep(slices.Values([]absence.SweepCitizen{{Key: "a", Sick: sick("fr-a", "2025-01-01")}}), day("2025-11-01")) {
		cl = c
	}
	assert.Equal(t, "fr-a", cl.Absence.ID)
	assert.Empty(t, cl.Message.Name, "no jobcentre in the input: no message")
}

func TestRule2_2_SweepReportsBadInputAndGoesOn(t *testing.T) {
	in := []absence.SweepCitizen{
		{Key: "bad", Group: 1, Sick: absence.Absence{ID: "fr-x", Type: sygdom}},
		{Key: "ok", Group: 1, Sick: sick("fr-y", "2025-01-01")},
	}
	var keys []string
	var errs []error
	for cl, err := range absence.Sweep(slices.Values(in), day("2025-11-01")) {
		if err != nil {
			errs = append(errs, err)
			assert.Equal(t, "bad", cl.Key)
			continue
		}
		keys = append(keys, cl.Key)
	}
	require.Len(t, errs, 1)
	assert.ErrorIs(t, errs[0], dfdgerrors.ErrMissingValue)
	assert.Equal(t, dfdg.Rule2_2, dfdgerrors.RuleOf(errs[0]))
	assert.Equal(t, []string{"ok"}, keys)

	for _, err := range absence.Sweep(slices.Values(in[1:]), dfdg.Date{}) {
		assert.ErrorIs(t, err, dfdgerrors.ErrMissingValue, "no run date")
	}
}

func TestRule2_2_SweepStopsWhenTheConsumerStops(t *testing.T) {
	pulled := 0
	gen := func(yield func(absence.SweepCitizen) bool) {
		for i := 0; i < 1000; i++ {
			pulled++
			if !yield(absence.SweepCitizen{Key: "k", Group: 1, Sick: sick("fr", "2025-01-01")}) {
				return
			}
		}
	}
	n := 0
	for range absence.Sweep(iter.Seq[absence.SweepCitizen](gen), day("2025-11-01")) {
		n++
		if n == 3 {
			break
		}
	}
	assert.Equal(t, 3, pulled)
}
