package absence_test

import (
	"fmt"
	"iter"
	"runtime"
	"testing"

	"github.com/regelkit/dfdg"
	"github.com/regelkit/dfdg/absence"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// existing20 is 20 absences of which two holidays (10, 47) overlap the new 66 of overlapNew, and the
// others lie before it.
func existing20() []absence.Absence {
	var out []absence.Absence
	for i := range 18 {
		start := day("2024-01-01").AddDays(i * 20)
		out = append(out, absence.Absence{ID: fmt.Sprint("e", i), Type: []int{1, 11, 8}[i%3], Period: dfdg.Period{Start: start, End: start.AddDays(10)}})
	}
	out = append(out,
		absence.Absence{ID: "h10", Type: absence.Ferie, Period: period("2025-07-07", "2025-07-18")},
		absence.Absence{ID: "h47", Type: absence.Ferie47, Period: period("2025-07-21", "2025-07-25")})
	return out
}

var overlapNew = absence.Absence{ID: "new", Type: absence.ManglendePasningsmulighed, Period: period("2025-07-01", "2025-07-31")}

// handWritten is the same rule 2.1 check written for this one case, the figure to compare with.
func handWritten(existing []absence.Absence, a absence.Absence) bool {
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
	require.NoError(t, absence.CheckOverlap(ex, overlapNew, nil))
	require.True(t, handWritten(ex, overlapNew))
	assert.Zero(t, testing.AllocsPerRun(100, func() { sinkErr = absence.CheckOverlap(ex, overlapNew, nil) }))
	s := state(ex...)
	now := at("2025-06-20 10:00")
	assert.Zero(t, testing.AllocsPerRun(100, func() { _ = absence.Validate(s, overlapNew, now, nil) }))
}

func BenchmarkCheckOverlap20(b *testing.B) {
	ex := existing20()
	b.ReportAllocs()
	for b.Loop() {
		sinkErr = absence.CheckOverlap(ex, overlapNew, nil)
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
		_ = absence.Validate(s, overlapNew, now, nil)
	}
}

// citizens generates n citizens for the sweep, one at a time: a third are due.
func citizens(n int) iter.Seq[absence.SweepCitizen] {
	groups := [...]int{1, 8, 0, 25, 24}
	return func(yield func(absence.SweepCitizen) bool) {
		start := day("2025-06-01")
		for i := range n {
			c := absence.SweepCitizen{Key: "c", Jobcentre: kbh, Group: groups[i%5],
				Sick: absence.Absence{ID: "fr", Type: sygdom, Period: dfdg.Period{Start: start.AddDays(i % 150)}}}
			if !yield(c) {
				return
			}
		}
	}
}

// The sweep's memory does not grow with the number of citizens.
func TestRule2_2_SweepMemoryIsFlat(t *testing.T) {
	run := day("2025-11-01")
	count := func(n int) func() {
		return func() {
			k := 0
			for range absence.Sweep(citizens(n), run) {
				k++
			}
			sinkN = k
		}
	}
	small := testing.AllocsPerRun(5, count(1_000))
	large := testing.AllocsPerRun(5, count(100_000))
	assert.Equal(t, small, large, "allocations do not depend on the number of citizens")
	assert.LessOrEqual(t, large, 10.0)
}

func BenchmarkSweep1M(b *testing.B) {
	run := day("2025-11-01")
	b.ReportAllocs()
	var peak uint64
	var ms runtime.MemStats
	for b.Loop() {
		n := 0
		for cl, err := range absence.Sweep(citizens(1_000_000), run) {
			if err == nil && cl.Message.Change == dfdg.Update {
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
