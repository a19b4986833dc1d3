package audit_test

import (
	"encoding/json"
	"fmt"
	"iter"
	"testing"

	"github.com/regelkit/dfdg"
	"github.com/regelkit/dfdg/audit"
	dfdgerrors "github.com/regelkit/dfdg/errors"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// population yields n citizens of about 20 records each, one at a time and without allocating, with
// one in ten carrying a defect (in turn: an overdue sickness, group 24 left open, a duplicate
// activity, a registration past its deletion date, an inactive contact group). The records are
// shared, read-only, between citizens.
func population(n int) iter.Seq[dfdg.Citizen] {
	base := sound()
	for i := range 8 {
		base.Absences = append(base.Absences, dfdg.Absence{ID: fmt.Sprintf("fr-%d", i), Type: 10,
			Period: dfdg.Period{Start: day("2024-01-01").AddDays(20 * i), End: day("2024-01-01").AddDays(20*i + 9)}})
	}
	for i := range 5 {
		base.Activities = append(base.Activities, company(fmt.Sprintf("a-x%d", i), fmt.Sprintf("2025-0%d-01", i+1)))
	}
	base.Memberships = append([]dfdg.Membership{{ID: "kg-0", Group: 8, Start: at("2024-01-01 10:00"), End: at("2025-02-01 10:00")}}, base.Memberships...)
	defects := make([]dfdg.Citizen, 5)
	for k := range defects {
		d := base
		d.Memberships = append([]dfdg.Membership(nil), base.Memberships...)
		d.Absences = append([]dfdg.Absence(nil), base.Absences...)
		d.Activities = append([]dfdg.Activity(nil), base.Activities...)
		d.Registrations = append([]dfdg.Registration(nil), base.Registrations...)
		switch k {
		case 0:
			d.Absences = append(d.Absences, dfdg.Absence{ID: "fr-s", Type: 11, Period: period("2025-08-01", "")})
		case 1:
			d.Memberships[1].End = at("2025-09-01 10:00")
			d.Memberships = append(d.Memberships, dfdg.Membership{ID: "kg-24", Group: 24, Start: at("2025-09-01 10:00")})
			d.Absences = append(d.Absences, dfdg.Absence{ID: "fr-s", Type: 11, Period: period("2025-09-01", "2025-09-30")})
		case 2:
			d.Activities = append(d.Activities, company("a-dup", "2025-09-01"))
		case 3:
			d.Registrations = append(d.Registrations, dfdg.Registration{ID: "reg-old", Category: 2, Start: at("2015-01-05 09:00"), End: at("2018-01-05 09:00")})
		case 4:
			d.Memberships[1].End = at("2025-07-01 10:00")
			d.Memberships = append(d.Memberships, dfdg.Membership{ID: "kg-28", Group: 28, Start: at("2025-07-01 10:00")})
		}
		defects[k] = d
	}
	return func(yield func(dfdg.Citizen) bool) {
		for i := range n {
			c := base
			if i%10 == 9 {
				c = defects[(i/10)%len(defects)]
			}
			if !yield(c) {
				return
			}
		}
	}
}

// Stream gives, citizen by citizen, what Check gives; its memory does not grow with the number of
// citizens.
func TestStreamIsCheckForEach(t *testing.T) {
	var want []audit.Finding
	for c := range population(100) {
		fs, err := rules.Check(run, c)
		require.NoError(t, err)
		want = append(want, fs...)
	}
	var got []audit.Finding
	for f, err := range rules.Stream(run, population(100)) {
		require.NoError(t, err)
		got = append(got, f)
	}
	require.Len(t, got, 10, "one finding for each defective citizen")
	assert.Equal(t, want, got)
	rulesSeen := map[dfdg.RuleID]bool{}
	for _, f := range got {
		rulesSeen[f.Rule] = true
	}
	assert.Equal(t, map[dfdg.RuleID]bool{dfdg.Rule2_2: true, dfdg.Rule2_4: true, dfdg.Rule3_4: true, dfdg.Rule4_1: true, dfdg.Rule1_4: true}, rulesSeen)

	for range rules.Stream(run, population(100)) {
		break // a consumer may stop
	}
	count := func(seq iter.Seq[dfdg.Citizen]) float64 {
		return testing.AllocsPerRun(3, func() {
			for range rules.Stream(run, seq) {
			}
		})
	}
	soundOnly := func(n int) iter.Seq[dfdg.Citizen] {
		c := sound()
		// An ended registration, not yet due for deletion, costs nothing either (rule 4.1's check).
		c.Registrations = append([]dfdg.Registration{{ID: "reg-0", Category: 2, Start: at("2024-06-03 09:00"), End: at("2025-01-31 16:00")}},
			c.Registrations...)
		return func(yield func(dfdg.Citizen) bool) {
			for range n {
				if !yield(c) {
					return
				}
			}
		}
	}
	assert.Equal(t, count(soundOnly(100)), count(soundOnly(10_000)), "sound citizens cost nothing")
	assert.LessOrEqual(t, count(population(2_000)), 200*12.0, "a finding costs a few allocations, its error and records")

	for f, err := range rules.Stream(dfdg.At{}, population(1)) {
		assert.ErrorIs(t, err, dfdgerrors.ErrMissingValue)
		assert.Zero(t, f.Rule)
	}
	for range rules.Stream(run, nil) {
		t.Fatal("a nil stream yields nothing")
	}
}

// A finding round-trips through JSON, its problem with it.
func TestFindingJSON(t *testing.T) {
	var fs []audit.Finding
	for f, err := range rules.Stream(run, population(50)) {
		require.NoError(t, err)
		fs = append(fs, f)
	}
	b, err := json.Marshal(fs)
	require.NoError(t, err)
	var back []audit.Finding
	require.NoError(t, json.Unmarshal(b, &back))
	require.Len(t, back, len(fs))
	for i := range fs {
		assert.Equal(t, fs[i].Rule, back[i].Rule)
		assert.Equal(t, fs[i].Records, back[i].Records)
		assert.Equal(t, fs[i].Problem.Error(), back[i].Problem.Error())
		assert.Equal(t, fs[i].Repair != nil, back[i].Repair != nil)
	}
	var zero audit.Finding
	b, err = json.Marshal(zero)
	require.NoError(t, err)
	require.NoError(t, json.Unmarshal(b, &zero))
}

// BenchmarkStream1M audits a million citizens of about 20 records each, one in ten with a defect.
func BenchmarkStream1M(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		n := 0
		for _, err := range rules.Stream(run, population(1_000_000)) {
			if err != nil {
				b.Fatal(err)
			}
			n++
		}
		if n != 100_000 {
			b.Fatalf("%d findings", n)
		}
	}
}

// BenchmarkCheckSound is one sound citizen of about 20 records.
func BenchmarkCheckSound(b *testing.B) {
	var c dfdg.Citizen
	for c = range population(1) {
	}
	b.ReportAllocs()
	for b.Loop() {
		if fs, _ := rules.Check(run, c); len(fs) != 0 {
			b.Fatal(fs)
		}
	}
}
