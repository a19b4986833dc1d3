package gdpr_test

import (
	"errors"
	"fmt"
	"iter"
	"math/rand/v2"
	"runtime"
	"slices"
	"testing"
	"testing/fstest"

	"github.com/regelkit/dfdg"
	"github.com/regelkit/dfdg/codelist"
	dfdgerrors "github.com/regelkit/dfdg/errors"
	"github.com/regelkit/dfdg/gdpr"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// randomRecord returns a record of any kind, with dates around today, sometimes broken.
func randomRecord(r *rand.Rand, i int) gdpr.Record {
	rec := gdpr.Record{Kind: recordKinds[r.IntN(len(recordKinds))], ID: fmt.Sprint("r", i)}
	d := func() dfdg.Date { return today.AddDays(r.IntN(8000) - 6000) }
	if r.IntN(5) > 0 {
		rec.Start = d()
	}
	if r.IntN(4) > 0 {
		rec.End = d()
	}
	rec.ProjectType = dfdg.ProjectType(r.IntN(7))
	if r.IntN(2) == 0 {
		rec.Birth = day("1940-01-01").AddDays(r.IntN(30000))
	}
	return rec
}

// eventOf is the date a record's deletion counts from.
func eventOf(t *testing.T, rec gdpr.Record, d gdpr.Due) dfdg.Date {
	switch d.Basis {
	case gdpr.AfterSent:
		return rec.Start
	case gdpr.AfterPensionAge:
		return rec.Birth
	}
	return rec.End
}

// Deletion dates are never before the event they count from, nothing is due before its date, and a
// sweep yields every due record exactly once, in order.
func TestRule4_1_PropertyDeletionDates(t *testing.T) {
	r := rand.New(rand.NewPCG(41, 41))
	var records []gdpr.Record
	for i := range 20000 {
		records = append(records, randomRecord(r, i))
	}
	var wantDue []string
	for _, rec := range records {
		d, err := rules.DeletionDate(on(today), rec)
		if err != nil {
			continue
		}
		if d.Never {
			assert.False(t, d.DueOn(dfdg.MustParseDate("9999-12-31")))
			continue
		}
		ev := eventOf(t, rec, d)
		require.False(t, d.Date.Before(ev), "%+v due %s before its event %s", rec, d.Date, ev)
		require.False(t, d.DueOn(d.Date.AddDays(-1)), "due before its date")
		require.True(t, d.DueOn(d.Date))
		if d.DueOn(today) {
			wantDue = append(wantDue, rec.ID)
		}
	}
	require.NotEmpty(t, wantDue)
	var got []string
	errs := 0
	for del, err := range rules.Sweep(on(today), slices.Values(records)) {
		if err != nil {
			errs++
			continue
		}
		got = append(got, del.Record.ID)
		require.True(t, del.Due.DueOn(today))
	}
	assert.Equal(t, wantDue, got, "each due record exactly once")
	assert.Positive(t, errs, "broken records are reported")
}

func TestRule4_1_SweepYieldsErrorsAndGoesOn(t *testing.T) {
	in := []gdpr.Record{
		{Kind: dfdg.RecordDeceased, ID: "bad"},
		{Kind: dfdg.RecordDeceased, ID: "p-1", End: day("2019-01-01"), Municipalities: []dfdg.Municipality{101}},
		{Kind: dfdg.RecordRegistration, ID: "open", Start: day("2001-01-01")},
	}
	var ids []string
	for del, err := range rules.Sweep(on(today), slices.Values(in)) {
		if err != nil {
			assert.ErrorIs(t, err, dfdgerrors.ErrMissingValue)
			assert.Equal(t, "bad", del.Record.ID)
			continue
		}
		ids = append(ids, del.Record.ID)
		assert.Equal(t, []dfdg.Message{{Name: dfdg.GdprSletAfdoedeWSB, Change: dfdg.Delete, To: dfdg.MunicipalityActor(101),
			About: dfdg.Ref{Kind: dfdg.RecordDeceased, ID: "p-1"}}}, del.Messages)
	}
	assert.Equal(t, []string{"p-1"}, ids)
}

// records generates n records, one at a time; half of them are due.
func records(n int) iter.Seq[gdpr.Record] {
	return func(yield func(gdpr.Record) bool) {
		base := day("2018-01-01")
		for i := range n {
			rec := gdpr.Record{Kind: dfdg.RecordRegistration, ID: "r", Start: base, End: base.AddDays(i % 1000)}
			if i%2 == 1 {
				rec.Kind, rec.End = dfdg.RecordKYDecision, day("2024-01-01")
			}
			if !yield(rec) {
				return
			}
		}
	}
}

// A sweep whose deletions send no message allocates nothing for them.
func TestRule4_1_SweepOfRegistrationsAllocatesNothing(t *testing.T) {
	in := slices.Collect(records(1_000))
	at := on(today)
	assert.Zero(t, testing.AllocsPerRun(5, func() {
		for range rules.Sweep(at, slices.Values(in)) {
		}
	}))
}

func TestRule4_1_SweepMemoryIsFlat(t *testing.T) {
	count := func(n int) func() {
		return func() {
			k := 0
			for range rules.Sweep(on(today), records(n)) {
				k++
			}
			sinkN = k
		}
	}
	assert.Equal(t, testing.AllocsPerRun(3, count(1_000)), testing.AllocsPerRun(3, count(200_000)))
}

var (
	sinkN   int
	sinkDue gdpr.Due
	sinkErr error
)

// errHandWritten is the hand-written rule's rejection: a sentinel, made once.
var errHandWritten = errors.New("rejected")

// handWrittenDeletionDate is rule 4.1 for a registration, written by hand: 6 years after the
// deregistration date, never while it is open, and an error for one that ends before it starts.
func handWrittenDeletionDate(r gdpr.Record) (dfdg.Date, bool, error) {
	if !r.Start.IsZero() && !r.End.IsZero() && r.End.Before(r.Start) {
		return dfdg.Date{}, false, errHandWritten
	}
	if r.End.IsZero() {
		return dfdg.Date{}, true, nil
	}
	return r.End.AddYears(6), false, nil
}

func TestRule4_1_HandWrittenAgrees(t *testing.T) {
	for _, r := range []gdpr.Record{
		{Kind: dfdg.RecordRegistration, ID: "r", Start: day("2018-01-01"), End: day("2024-02-29")},
		{Kind: dfdg.RecordRegistration, ID: "r", Start: day("2018-01-01")},
		{Kind: dfdg.RecordRegistration, ID: "r", Start: day("2018-01-01"), End: day("2017-02-28")},
	} {
		due, err := rules.DeletionDate(on(today), r)
		date, never, hErr := handWrittenDeletionDate(r)
		assert.Equal(t, err == nil, hErr == nil)
		assert.Equal(t, due.Date, date)
		assert.Equal(t, due.Never, never)
	}
	assert.Zero(t, testing.AllocsPerRun(100, func() {
		sinkDue, sinkErr = rules.DeletionDate(on(today), gdpr.Record{Kind: dfdg.RecordRegistration, ID: "r", End: day("2024-02-29")})
	}))
}

// BenchmarkDeletionDate is rule 4.1 for a registration, the library beside the hand-written rule.
func BenchmarkDeletionDate(b *testing.B) {
	r := gdpr.Record{Kind: dfdg.RecordRegistration, ID: "r", Start: day("2018-01-01"), End: day("2024-02-29")}
	at := on(today)
	b.Run("library", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			sinkDue, sinkErr = rules.DeletionDate(at, r)
		}
	})
	b.Run("handwritten", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			sinkDue.Date, sinkDue.Never, sinkErr = handWrittenDeletionDate(r)
		}
	})
}

func BenchmarkDeletionDateEfterloen(b *testing.B) {
	r := gdpr.Record{Kind: dfdg.RecordEfterloen, ID: "r", Birth: day("1970-06-15")}
	at := on(today)
	b.ReportAllocs()
	for b.Loop() {
		sinkDue, sinkErr = rules.DeletionDate(at, r)
	}
}

// BenchmarkSweep sweeps 100,000, 1,000,000 and 10,000,000 generated records, half of them due;
// records/s is the figure of the issue, and peak-heap-B the most live heap seen during the sweep
// (read every 10,000 deletions), which stays flat in the number of records.
func BenchmarkSweep(b *testing.B) {
	for _, n := range []int{100_000, 1_000_000, 10_000_000} {
		b.Run(fmt.Sprint(n), func(b *testing.B) {
			var ms runtime.MemStats
			var peak uint64
			b.ReportAllocs()
			for b.Loop() {
				k, yields := 0, 0
				for _, err := range rules.Sweep(on(today), records(n)) {
					if err == nil {
						k++
					}
					if yields++; yields%10_000 == 0 {
						runtime.ReadMemStats(&ms)
						peak = max(peak, ms.HeapAlloc)
					}
				}
				sinkN = k
			}
			b.ReportMetric(float64(n)*float64(b.N)/b.Elapsed().Seconds(), "records/s")
			b.ReportMetric(float64(peak), "peak-heap-B")
		})
	}
}

// On any day, a sweep yields exactly the records DeletionDate finds due that day, and an error for
// each it cannot judge.
func TestRule4_1_SweepAgreesWithDeletionDateOnEveryDay(t *testing.T) {
	r := rand.New(rand.NewPCG(4, 11))
	var in []gdpr.Record
	for i := range 3000 {
		in = append(in, randomRecord(r, i))
	}
	for _, sweepDay := range []string{"2025-10-15", "2028-02-29", "2030-02-28", "2031-08-31", "2019-12-31", "2040-06-30"} {
		at := on(day(sweepDay))
		var want, got []string
		for _, rec := range in {
			d, err := rules.DeletionDate(at, rec)
			if err != nil {
				want = append(want, "fejl "+rec.ID)
			} else if d.DueOn(day(sweepDay)) {
				want = append(want, rec.ID)
			}
		}
		for del, err := range rules.Sweep(at, slices.Values(in)) {
			if err != nil {
				got = append(got, "fejl "+del.Record.ID)
			} else {
				got = append(got, del.Record.ID)
			}
		}
		assert.Equal(t, want, got, sweepDay)
	}
}

// The messages of the deletions a sweep yields come from shared blocks, but each deletion's are its
// own: appending to one never changes another's.
func TestRule4_1_SweepMessagesAreTheirOwn(t *testing.T) {
	var in []gdpr.Record
	for i := range 600 {
		in = append(in, gdpr.Record{Kind: dfdg.RecordDeceased, ID: fmt.Sprint("p-", i), End: day("2018-01-01"),
			Municipalities: []dfdg.Municipality{101, 147}, Akasser: []dfdg.Akasse{"ak-1"}})
	}
	var dels []gdpr.Deletion
	for del, err := range rules.Sweep(on(today), slices.Values(in)) {
		require.NoError(t, err)
		del.Messages = append(del.Messages, dfdg.Message{Name: dfdg.FravaerWSB})
		dels = append(dels, del)
	}
	require.Len(t, dels, 600)
	for i, del := range dels {
		require.Len(t, del.Messages, 4)
		for _, m := range del.Messages[:3] {
			assert.Equal(t, in[i].ID, m.About.ID)
			assert.Equal(t, dfdg.GdprSletAfdoedeWSB, m.Name)
		}
	}
	// A deletion that causes no message has none, nil, in a sweep too.
	for del, err := range rules.Sweep(on(today), slices.Values(append(in[:2:2],
		gdpr.Record{Kind: dfdg.RecordRegistration, ID: "reg-1", Start: day("2012-01-02"), End: day("2019-05-31")}))) {
		require.NoError(t, err)
		if del.Record.Kind == dfdg.RecordRegistration {
			assert.Nil(t, del.Messages)
		}
	}
	// Far fewer allocations than deletions.
	allocs := testing.AllocsPerRun(3, func() {
		for range rules.Sweep(on(today), slices.Values(in)) {
		}
	})
	assert.Less(t, allocs, 600.0/16)
}

// BenchmarkSweepSlice1M sweeps 1,000,000 records held in memory: the mix of BenchmarkSweep (half of
// them due), and a daily sweep's (one in a hundred due); records/s is the figure of the issue.
func BenchmarkSweepSlice1M(b *testing.B) {
	half := slices.Collect(records(1_000_000))
	daily := slices.Clone(half)
	for i := range daily {
		if i%100 != 0 {
			daily[i].Kind, daily[i].End = dfdg.RecordKYDecision, day("2024-01-01")
		}
	}
	at := on(today)
	for _, mix := range []struct {
		name string
		in   []gdpr.Record
	}{{"half-due", half}, {"one-in-100-due", daily}} {
		b.Run(mix.name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				k := 0
				for _, err := range rules.Sweep(at, slices.Values(mix.in)) {
					if err == nil {
						k++
					}
				}
				sinkN = k
			}
			b.ReportMetric(float64(len(mix.in))*float64(b.N)/b.Elapsed().Seconds(), "records/s")
		})
	}
}

// A deletion with more messages than a block holds gets them all, and the deletions before and after
// it keep theirs.
func TestRule4_1_SweepMessagesBeyondABlock(t *testing.T) {
	many := make([]dfdg.Municipality, 300)
	for i := range many {
		many[i] = dfdg.Municipality(i + 1)
	}
	dead := func(id string, ms ...dfdg.Municipality) gdpr.Record {
		return gdpr.Record{Kind: dfdg.RecordDeceased, ID: id, End: day("2018-01-01"), Municipalities: ms}
	}
	in := []gdpr.Record{dead("p-1", 101, 147), dead("p-2", many...), dead("p-3", 751)}
	var got [][]dfdg.Message
	for del, err := range rules.Sweep(on(today), slices.Values(in)) {
		require.NoError(t, err)
		got = append(got, del.Messages)
	}
	require.Len(t, got, 3)
	assert.Len(t, got[0], 2)
	assert.Len(t, got[1], 300)
	assert.Len(t, got[2], 1)
	for i, msgs := range got {
		for _, m := range msgs {
			assert.Equal(t, in[i].ID, m.About.ID)
		}
	}
	assert.Equal(t, dfdg.MunicipalityActor(300), got[1][299].To)
}

// Rule 4.1: the sweep reads the pension ages of the catalogue it is given.
func TestRule4_1_SweepUsesTheCatalogueGiven(t *testing.T) {
	cat, err := codelist.Load(fstest.MapFS{"folkepensionsalder.csv": {Data: []byte(
		"# list: folkepensionsalder\n# complete: ja\n# source: a test\nborn_from,born_to,age_years,age_months\n,,60,0\n")}})
	require.NoError(t, err)
	r := gdpr.Record{Kind: dfdg.RecordEfterloen, ID: "el-1", Birth: day("1960-01-01")}
	// Pension at 60: 2020-01-01, due 2026-01-01. The embedded table (67): due 2033-01-01.
	count := func(rs gdpr.Rules) int {
		n := 0
		for del, err := range rs.Sweep(on(today), slices.Values([]gdpr.Record{r})) {
			require.NoError(t, err)
			assert.Equal(t, day("2026-01-01"), del.Due.Date)
			n++
		}
		return n
	}
	assert.Equal(t, 1, count(gdpr.Rules{Catalog: cat}))
	assert.Equal(t, 0, count(rules))
}

// A due record without an id is the sweep's error, with the record, and the sweep goes on.
func TestRule4_1_SweepDueRecordWithoutID(t *testing.T) {
	noID := gdpr.Record{Kind: dfdg.RecordDeceased, End: day("2019-05-01")}
	withID := gdpr.Record{Kind: dfdg.RecordDeceased, ID: "p-2", End: day("2019-05-01")}
	var got []string
	for del, err := range rules.Sweep(on(today), slices.Values([]gdpr.Record{noID, withID})) {
		if err != nil {
			assert.ErrorIs(t, err, dfdgerrors.ErrMissingValue)
			assert.Equal(t, noID, del.Record, "the error carries the record")
			assert.Empty(t, del.Messages)
			got = append(got, "error")
			continue
		}
		got = append(got, del.Record.ID)
	}
	assert.Equal(t, []string{"error", "p-2"}, got)
}
