package codelist

import (
	"testing"

	"github.com/regelkit/dfdg"
	"github.com/stretchr/testify/assert"
)

// An id ActiveAlways names is accepted by CheckNew on any day, and it names exactly the entries
// with no validity dates that are not retired.
func TestActiveAlways(t *testing.T) {
	days := []dfdg.Date{{}, dfdg.MustParseDate("1990-01-01"), dfdg.MustParseDate("2025-07-01"), dfdg.MustParseDate("2090-01-01")}
	always := 0
	for _, l := range Default().Lists() {
		for id := -1; id < 200; id++ {
			e, ok := l.Get(id)
			want := ok && id < 128 && !e.Retired && e.ValidFrom.IsZero() && e.InactiveFrom.IsZero()
			assert.Equal(t, want, l.ActiveAlways(id), "%s %d", l.Name(), id)
			if !want {
				continue
			}
			always++
			for _, d := range days {
				assert.NoError(t, l.CheckNew(id, d, "x", ""))
			}
		}
	}
	assert.Positive(t, always)
	var nilList *List
	assert.False(t, nilList.ActiveAlways(1))
}

// OverlapOf gives the answers of each entry's own policy (Entry.MayOverlap), for every pair of types;
// a type the list does not hold restricts nothing.
func TestOverlapOfAgreesWithMayOverlap(t *testing.T) {
	l := Default().AbsenceTypes()
	restricted := 0
	for a := -1; a < 140; a++ {
		o := l.OverlapOf(a)
		if o != (Overlap{}) {
			restricted++
		}
		e, held := l.Get(a)
		for b := -1; b < 140; b++ {
			want := !held || e.MayOverlap(b)
			if o.Allows(b) != want || l.MayOverlap(a, b) != want {
				t.Fatalf("%d over %d: OverlapOf %v, MayOverlap %v, the entry's policy %v", a, b, o.Allows(b), l.MayOverlap(a, b), want)
			}
		}
	}
	assert.Positive(t, restricted)
	var nilList *List
	assert.True(t, nilList.OverlapOf(66).Allows(1))
}
