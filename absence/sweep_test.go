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

func sick(id, start string) dfdg.Absence {
	return dfdg.Absence{ID: id, Type: sygdom, Period: period(start, "")}
}

// sweepCitizen is a citizen of København's jobcentre in group g (none when 0) with the absences.
func sweepCitizen(id string, g dfdg.ContactGroup, abs ...dfdg.Absence) dfdg.Citizen {
	c := dfdg.Citizen{ID: id, Jobcentre: kbh, Absences: abs}
	if g != 0 {
		c.Memberships = []dfdg.Membership{{ID: "kg-" + id, Group: g, Start: at("2025-01-06 10:00")}}
	}
	return c
}

func sweep(t *testing.T, run string, cs ...dfdg.Citizen) []absence.Closure {
	t.Helper()
	var got []absence.Closure
	for cl, err := range rules.Sweep(dfdg.At{Now: at(run + " 12:00")}, slices.Values(cs)) {
		require.NoError(t, err)
		got = append(got, cl)
	}
	return got
}

// The note: 60 days after the first sick day without group 25, the batch job ends the sick absence,
// for dagpengemodtagere, 'Uden ydelse' and citizens with no active contact group, and no longer
// registers them as jobseekers.
func TestRule2_2_SweepClosesSickAbsencesAfter60Days(t *testing.T) {
	run := day("2025-11-01")
	sixty := run.AddDays(-60).String() // 2025-09-02
	cases := []struct {
		name  string
		c     dfdg.Citizen
		close bool
	}{
		{"dagpengemodtager at 60 days", sweepCitizen("a", 1, sick("fr-a", sixty)), true},
		{"uden ydelse at 61 days", sweepCitizen("b", 8, sick("fr-b", run.AddDays(-61).String())), true},
		{"no active group", sweepCitizen("c", 0, sick("fr-c", "2025-01-01")), true},
		{"59 days", sweepCitizen("d", 1, sick("fr-d", run.AddDays(-59).String())), false},
		{"in group 25", sweepCitizen("e", 25, sick("fr-e", "2025-01-01")), false},
		{"in group 24", sweepCitizen("f", 24, sick("fr-f", "2025-01-01")), false},
		{"already ended", sweepCitizen("g", 1, dfdg.Absence{ID: "fr-g", Type: sygdom, Period: period("2025-01-01", "2025-02-01")}), false},
		{"not a sickness", sweepCitizen("h", 1, dfdg.Absence{ID: "fr-h", Type: dfdg.Ferie, Period: period("2025-01-01", "")}), false},
		{"reported by KSD, a type the list does not know", sweepCitizen("i", 1, dfdg.Absence{ID: "fr-i", Type: 500, Period: period("2025-01-01", ""), ReportedBy: ksd}), true},
	}
	var in []dfdg.Citizen
	for _, c := range cases {
		assert.Equal(t, c.close, len(sweep(t, run.String(), c.c)) == 1, c.name)
		in = append(in, c.c)
	}
	got := sweep(t, run.String(), in...)
	require.Len(t, got, 4)
	for _, cl := range got {
		require.Len(t, cl.Absences, 1)
		a := cl.Absences[0].Record
		assert.Equal(t, dfdg.Update, cl.Absences[0].Type)
		assert.Equal(t, run, a.Period.End, "ends on the run date")
		assert.NoError(t, a.Period.Valid())
		assert.Equal(t, []dfdg.Message{{Name: dfdg.FravaerWSB, Change: dfdg.Update, To: dfdg.MunicipalityActor(kbh),
			About: dfdg.Ref{Kind: dfdg.RecordAbsence, ID: a.ID}}}, cl.Messages)
		assert.Equal(t, dfdg.RulesOf(dfdg.Rule2_2), cl.Rules)
	}
	assert.Equal(t, []string{"a", "b", "c", "i"}, []string{got[0].Citizen, got[1].Citizen, got[2].Citizen, got[3].Citizen})
}

// The sweep carries no contact-group change at all: it cannot register anyone as jobseeker.
func TestRule2_2_SweepNeverRegisters(t *testing.T) {
	c := sweepCitizen("a", 0, sick("fr-a", "2025-01-01"))
	c.Jobcentre = 0
	got := sweep(t, "2025-11-01", c)
	require.Len(t, got, 1)
	assert.Equal(t, "fr-a", got[0].Absences[0].Record.ID)
	assert.Empty(t, got[0].Memberships)
	assert.Empty(t, got[0].Registrations)
	assert.Empty(t, got[0].Messages, "no jobcentre in the input: no message")
}

func TestRule2_2_SweepReportsBadInputAndGoesOn(t *testing.T) {
	in := []dfdg.Citizen{
		sweepCitizen("bad", 1, dfdg.Absence{ID: "fr-x", Type: sygdom}),
		sweepCitizen("ok", 1, sick("fr-y", "2025-01-01")),
	}
	var keys []string
	var errs []error
	for cl, err := range rules.Sweep(dfdg.At{Now: at("2025-11-01 12:00")}, slices.Values(in)) {
		if err != nil {
			errs = append(errs, err)
			assert.Equal(t, "bad", cl.Citizen)
			continue
		}
		keys = append(keys, cl.Citizen)
	}
	require.Len(t, errs, 1)
	assert.ErrorIs(t, errs[0], dfdgerrors.ErrMissingValue)
	if e, ok := dfdgerrors.As(errs[0]); assert.True(t, ok) {
		assert.Equal(t, dfdg.Rule2_2, e.Rule())
	}
	assert.Equal(t, []string{"ok"}, keys)

	n := 0
	for _, err := range rules.Sweep(dfdg.At{}, slices.Values(in[1:])) {
		assert.ErrorIs(t, err, dfdgerrors.ErrMissingValue, "no run date")
		n++
	}
	assert.Equal(t, 1, n)
	for range rules.Sweep(dfdg.At{Now: at("2025-11-01 12:00")}, nil) {
		t.Fatal("a nil stream yields nothing")
	}
}

func TestRule2_2_SweepStopsWhenTheConsumerStops(t *testing.T) {
	pulled := 0
	gen := func(yield func(dfdg.Citizen) bool) {
		for i := 0; i < 1000; i++ {
			pulled++
			if !yield(sweepCitizen("k", 1, sick("fr", "2025-01-01"))) {
				return
			}
		}
	}
	n := 0
	for range rules.Sweep(dfdg.At{Now: at("2025-11-01 12:00")}, iter.Seq[dfdg.Citizen](gen)) {
		n++
		if n == 3 {
			break
		}
	}
	assert.Equal(t, 3, pulled)
}

// A citizen with two open sick absences past 60 days gets one closure that ends both, with a
// Fravaer.WSB for each.
func TestRule2_2_SweepClosesEverySickAbsenceOfACitizen(t *testing.T) {
	got := sweep(t, "2025-11-01", sweepCitizen("a", 1, sick("fr-1", "2025-01-01"), dfdg.Absence{ID: "fr-x", Type: dfdg.Ferie, Period: period("2025-01-01", "")},
		sick("fr-2", "2025-03-01")))
	require.Len(t, got, 1)
	var ids, about []string
	for _, ch := range got[0].Absences {
		ids = append(ids, ch.Record.ID)
		assert.Equal(t, day("2025-11-01"), ch.Record.Period.End)
	}
	for _, m := range got[0].Messages {
		about = append(about, m.About.ID)
	}
	assert.Equal(t, []string{"fr-1", "fr-2"}, ids)
	assert.Equal(t, []string{"fr-1", "fr-2"}, about)
}
