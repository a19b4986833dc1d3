package absence_test

import (
	"errors"
	"fmt"
	"iter"
	"runtime"
	"testing"

	"github.com/regelkit/dfdg"
	dfdgerrors "github.com/regelkit/dfdg/errors"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// existing20 is 20 absences of which two holidays (10, 47) overlap the new 66 of overlapNew, and the
// others lie before it.
func existing20() []dfdg.Absence {
	var out []dfdg.Absence
	for i := range 18 {
		start := day("2024-01-01").AddDays(i * 20)
		out = append(out, dfdg.Absence{ID: fmt.Sprint("e", i), Type: []dfdg.AbsenceType{1, 11, 8}[i%3], Period: dfdg.Period{Start: start, End: start.AddDays(10)}})
	}
	out = append(out,
		dfdg.Absence{ID: "h10", Type: dfdg.Ferie, Period: period("2025-07-07", "2025-07-18")},
		dfdg.Absence{ID: "h47", Type: dfdg.Feriefravaer47, Period: period("2025-07-21", "2025-07-25")})
	return out
}

var overlapNew = dfdg.Absence{ID: "new", Type: dfdg.ManglendePasningsmulighed, Period: period("2025-07-01", "2025-07-31")}

// allOverlap20 is 20 holidays (10 and 47), every one inside overlapNew's month: each pair reaches the
// policy, and all are allowed.
func allOverlap20() []dfdg.Absence {
	out := make([]dfdg.Absence, 20)
	for i := range out {
		start := day("2025-07-01").AddDays(i)
		out[i] = dfdg.Absence{ID: fmt.Sprint("h", i), Type: []dfdg.AbsenceType{dfdg.Ferie, dfdg.Feriefravaer47}[i%2], Period: dfdg.Period{Start: start, End: start.AddDays(1)}}
	}
	return out
}

// rejected20 is existing20 with the last absence a sickness inside overlapNew's month: the check
// reads all 20 before it rejects.
func rejected20() []dfdg.Absence {
	out := existing20()
	out[19] = dfdg.Absence{ID: "syg", Type: dfdg.SygdomSygemelding, Period: period("2025-07-21", "2025-07-25")}
	return out
}

// errHandWritten is the hand-written check's rejection: a sentinel, made once.
var errHandWritten = errors.New("2.1: overlap not allowed")

// handWritten is the same rule 2.1 check written for this one type, 66, the figure to compare with:
// the policy of the type registered decides, and 66 may overlap only 10 and 47.
func handWritten(existing []dfdg.Absence, a dfdg.Absence) error {
	for i := range existing {
		e := &existing[i]
		if a.Period.Overlaps(e.Period) && a.Type == 66 && e.Type != 10 && e.Type != 47 {
			return errHandWritten
		}
	}
	return nil
}

// overlapKept is the least a rejection that keeps its values can be: both absences' ids, types and
// periods, in one allocation, with no texts.
type overlapKept struct {
	id, otherID         string
	period, otherPeriod dfdg.Period
	typ, otherType      dfdg.AbsenceType
}

func (*overlapKept) Error() string { return "2.1: overlap not allowed" }

// handWrittenKept is handWritten rejecting with what it found (an overlapKept) instead of a
// sentinel: the figure that shows what keeping a rejection's values costs on its own, the floor for
// the library's rejection, which must keep them.
func handWrittenKept(existing []dfdg.Absence, a dfdg.Absence) error {
	for i := range existing {
		e := &existing[i]
		if a.Period.Overlaps(e.Period) && a.Type == 66 && e.Type != 10 && e.Type != 47 {
			return &overlapKept{a.ID, e.ID, a.Period, e.Period, a.Type, e.Type}
		}
	}
	return nil
}

// handWrittenV1 is handWritten called as the library is, with the call's context, the citizen and
// the absence as values (the v1 convention): the second figure to compare with, which separates what
// the rule's code costs from what passing a citizen by value does.
func handWrittenV1(_ dfdg.At, c dfdg.Citizen, a dfdg.Absence) error {
	return handWritten(c.Absences, a)
}

var (
	sinkErr  error
	sinkErrs dfdgerrors.List
	sinkN    int
)

// The library and the hand-written check give the same answers on the three cases.
func TestRule2_1_HandWrittenAgrees(t *testing.T) {
	for _, ex := range [][]dfdg.Absence{existing20(), allOverlap20(), rejected20()} {
		lib := rules.CheckOverlap(dfdg.At{}, dfdg.Citizen{Absences: ex}, overlapNew)
		assert.Equal(t, lib == nil, handWritten(ex, overlapNew) == nil)
		assert.Equal(t, lib == nil, handWrittenV1(dfdg.At{}, dfdg.Citizen{Absences: ex}, overlapNew) == nil)
		assert.Equal(t, lib == nil, handWrittenKept(ex, overlapNew) == nil)
	}
	require.Error(t, rules.CheckOverlap(dfdg.At{}, dfdg.Citizen{Absences: rejected20()}, overlapNew))
	syg := rejected20()[19]
	assert.Equal(t, &overlapKept{"new", "syg", overlapNew.Period, syg.Period, overlapNew.Type, syg.Type},
		handWrittenKept(rejected20(), overlapNew), "the two absences the library's rejection names")
}

// Rule 2.1 allocates nothing when it accepts, once when it rejects, and through ValidateCreate
// twice (the violation and the list that holds it).
func TestRule2_1_Allocations(t *testing.T) {
	now := at("2025-06-20 10:00")
	for _, ex := range [][]dfdg.Absence{existing20(), allOverlap20()} {
		require.NoError(t, rules.CheckOverlap(dfdg.At{}, dfdg.Citizen{Absences: ex}, overlapNew))
		assert.Zero(t, testing.AllocsPerRun(100, func() { sinkErr = rules.CheckOverlap(dfdg.At{}, dfdg.Citizen{Absences: ex}, overlapNew) }))
		s := state(ex...)
		require.Empty(t, rules.ValidateCreate(muni(now), s, overlapNew))
		assert.Zero(t, testing.AllocsPerRun(100, func() { sinkErrs = rules.ValidateCreate(muni(now), s, overlapNew) }))
	}
	rej := rejected20()
	assert.Equal(t, 1.0, testing.AllocsPerRun(100, func() { sinkErr = rules.CheckOverlap(dfdg.At{}, dfdg.Citizen{Absences: rej}, overlapNew) }))
	s := state(rej...)
	require.Len(t, rules.ValidateCreate(muni(now), s, overlapNew), 1)
	assert.LessOrEqual(t, testing.AllocsPerRun(100, func() { sinkErrs = rules.ValidateCreate(muni(now), s, overlapNew) }), 2.0)
	_, err := rules.Create(muni(now), s, overlapNew)
	require.ErrorIs(t, err, dfdgerrors.ErrOverlapNotAllowed)
	assert.LessOrEqual(t, testing.AllocsPerRun(100, func() { _, sinkErr = rules.Create(muni(now), s, overlapNew) }), 2.0)
}

// BenchmarkRule2_1 is rule 2.1 against 20 existing absences on each path, the library beside the
// hand-written check, called directly and as the library is (handWrittenV1): accept (two holidays
// overlap), all-overlap (20 holidays overlap, all allowed) and reject (the 20th is a sickness), then,
// rejecting, the hand-written check that keeps the values it found (handWrittenKept) and
// ValidateCreate.
func BenchmarkRule2_1(b *testing.B) {
	cases := []struct {
		name     string
		existing []dfdg.Absence
	}{{"accept", existing20()}, {"all-overlap", allOverlap20()}, {"reject", rejected20()}}
	for _, c := range cases {
		citizen := dfdg.Citizen{Absences: c.existing}
		b.Run(c.name+"/library", func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				sinkErr = rules.CheckOverlap(dfdg.At{}, citizen, overlapNew)
			}
		})
		b.Run(c.name+"/handwritten", func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				sinkErr = handWritten(c.existing, overlapNew)
			}
		})
		b.Run(c.name+"/handwritten-v1", func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				sinkErr = handWrittenV1(dfdg.At{}, citizen, overlapNew)
			}
		})
	}
	rejected := rejected20()
	b.Run("reject/handwritten-kept", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			sinkErr = handWrittenKept(rejected, overlapNew)
		}
	})
	s := state(rejected...)
	now := muni(at("2025-06-20 10:00"))
	b.Run("reject/ValidateCreate", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			sinkErrs = rules.ValidateCreate(now, s, overlapNew)
		}
	})
}

func BenchmarkValidateAbsence20(b *testing.B) {
	s := state(existing20()...)
	now := at("2025-06-20 10:00")
	b.ReportAllocs()
	for b.Loop() {
		_ = rules.ValidateCreate(muni(now), s, overlapNew)
	}
}

// citizens generates n citizens for the sweep, one at a time, without allocating: a third are due
// when due is set, none otherwise. The records are shared, read-only, between citizens.
func citizens(n int, due bool) iter.Seq[dfdg.Citizen] {
	since := at("2025-01-06 10:00")
	groups := [][]dfdg.Membership{
		{{ID: "kg-1", Group: 1, Start: since}}, {{ID: "kg-8", Group: 8, Start: since}}, nil,
		{{ID: "kg-25", Group: 25, Start: since}}, {{ID: "kg-24", Group: 24, Start: since}},
	}
	start := day("2025-06-01")
	if !due {
		start = day("2025-10-01")
	}
	var sick [150][]dfdg.Absence
	for i := range sick {
		sick[i] = []dfdg.Absence{{ID: "fr", Type: sygdom, Period: dfdg.Period{Start: start.AddDays(i % 30)}}}
	}
	return func(yield func(dfdg.Citizen) bool) {
		for i := range n {
			if !yield(dfdg.Citizen{ID: "c", Jobcentre: kbh, Memberships: groups[i%5], Absences: sick[i%150]}) {
				return
			}
		}
	}
}

var sweepAt = dfdg.At{Now: at("2025-11-01 12:00")}

// The sweep's memory does not grow with the number of citizens: it holds one at a time, allocates
// nothing for a citizen it does not close, and only the closure (its change and its message) for one
// it does.
func TestRule2_2_SweepMemoryIsFlat(t *testing.T) {
	count := func(n int, due bool) func() {
		seq := citizens(n, due)
		return func() {
			k := 0
			for range rules.Sweep(sweepAt, seq) {
				k++
			}
			sinkN = k
		}
	}
	small := testing.AllocsPerRun(5, count(1_000, false))
	large := testing.AllocsPerRun(5, count(100_000, false))
	assert.Equal(t, small, large, "allocations do not depend on the number of citizens")
	assert.LessOrEqual(t, large, 10.0)

	closures := 0
	for range rules.Sweep(sweepAt, citizens(1_000, true)) {
		closures++
	}
	require.Positive(t, closures)
	// A closure's change and message come from blocks shared by many closures.
	assert.LessOrEqual(t, testing.AllocsPerRun(5, count(1_000, true)), float64(closures/16+10), "far fewer than one a closure")

	// The live heap stays flat while a consumer drops what it is given.
	live := func(n int) uint64 {
		var peak uint64
		var ms runtime.MemStats
		k := 0
		for range rules.Sweep(sweepAt, citizens(n, true)) {
			if k++; k%5_000 == 0 {
				runtime.GC()
				runtime.ReadMemStats(&ms)
				peak = max(peak, ms.HeapAlloc)
			}
		}
		return peak
	}
	assert.Less(t, live(300_000), live(30_000)+1<<20)
}

func BenchmarkSweep1M(b *testing.B) {
	b.ReportAllocs()
	var peak uint64
	var ms runtime.MemStats
	for b.Loop() {
		n := 0
		for cl, err := range rules.Sweep(sweepAt, citizens(1_000_000, true)) {
			if err == nil && len(cl.Messages) == 1 && cl.Messages[0].Change == dfdg.Update {
				n++
			}
			if n%200_000 == 0 {
				runtime.ReadMemStats(&ms)
				peak = max(peak, ms.HeapInuse)
			}
		}
		sinkN = n
	}
	b.ReportMetric(float64(peak), "peak-heap-B")
}
