package absence_test

import (
	"fmt"
	"iter"
	"runtime"
	"testing"

	"github.com/regelkit/dfdg"
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

// handWritten is the same rule 2.1 check written for this one case, the figure to compare with.
func handWritten(existing []dfdg.Absence, a dfdg.Absence) bool {
	for i := range existing {
		e := &existing[i]
		if !a.Period.Overlaps(e.Period) {
			continue
		}
		if a.Type == 66 && e.Type != 10 && e.Type != 47 || e.Type == 66 && a.Type != 10 && a.Type != 47 {
			return false
		}
	}
	return true
}

var (
	sinkErr  error
	sinkBool bool
	sinkN    int
)

func TestOverlapCheckAllocatesNothing(t *testing.T) {
	ex := existing20()
	require.NoError(t, rules.CheckOverlap(dfdg.At{}, dfdg.Citizen{Absences: ex}, overlapNew))
	require.True(t, handWritten(ex, overlapNew))
	assert.Zero(t, testing.AllocsPerRun(100, func() { sinkErr = rules.CheckOverlap(dfdg.At{}, dfdg.Citizen{Absences: ex}, overlapNew) }))
	s := state(ex...)
	now := at("2025-06-20 10:00")
	assert.Zero(t, testing.AllocsPerRun(100, func() { _ = rules.ValidateCreate(muni(now), s, overlapNew) }))
}

func BenchmarkCheckOverlap20(b *testing.B) {
	ex := existing20()
	b.ReportAllocs()
	for b.Loop() {
		sinkErr = rules.CheckOverlap(dfdg.At{}, dfdg.Citizen{Absences: ex}, overlapNew)
	}
}

func BenchmarkCheckOverlap20HandWritten(b *testing.B) {
	ex := existing20()
	b.ReportAllocs()
	for b.Loop() {
		sinkBool = handWritten(ex, overlapNew)
	}
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
