package codelist_test

import (
	"fmt"
	"slices"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/regelkit/dfdg"
	"github.com/regelkit/dfdg/codelist"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// boundaryRows are absence types whose ids lie on both sides of the edges of a List's fast paths:
// ids below 64 and 128 are kept as bits (ActiveAlways, the overlap policies), ids below 4096 in a
// direct table; above, the list searches. Their policies name ids across the same edges.
var boundaryRows = []string{
	"1,,,,,kun 4096",
	"2,,,,,",
	"63,,,,,kun 64 127",
	"64,,,,,kun 63 128 4095",
	"65,,,2020-01-01,,",
	"127,,,,ukendt,",
	"128,,,,,kun 1 4096",
	"129,,,,2030-01-01,kun 128",
	"4094,,,,,",
	"4095,,,,,kun 127 70000",
}

// sparseRows are ids from 4096 on: a list holding any of them is searched, not indexed.
var sparseRows = []string{
	"4096,,,,,kun 129",
	"4097,,,2021-06-01,2031-06-01,",
	"70000,,,,,kun 63 4097",
}

// A list gives the answers its entries give, whatever its ids: near and across the edges of its fast
// paths, indexed by a table (every id below 4096) or searched (one id above), for Has, Get,
// ActiveAlways, CheckNew on days around the entries' validity, OverlapOf and MayOverlap (rule 2.1's
// policy as data, rule 2.6's validity).
func TestListAnswersAlikeAcrossItsFastPaths(t *testing.T) {
	var probes []int
	for _, edge := range []int{0, 64, 128, 4096, 70000} {
		for id := edge - 3; id <= edge+3; id++ {
			probes = append(probes, id)
		}
	}
	days := []dfdg.Date{dfdg.MustParseDate("2019-12-31"), dfdg.MustParseDate("2020-01-01"), dfdg.MustParseDate("2029-12-31"),
		dfdg.MustParseDate("2030-01-01"), dfdg.MustParseDate("2031-06-01")}
	for name, rows := range map[string][]string{
		"indexed":  boundaryRows,
		"searched": append(append([]string(nil), boundaryRows...), sparseRows...),
	} {
		// The indexed list's policies name ids only the searched one holds: it cannot be complete
		// (Load refuses a complete list whose policies name ids it lacks).
		complete := map[bool]string{true: "ja", false: "nej"}[name == "searched"]
		csv := "# list: fravaerstyper\n# complete: " + complete + "\n# source: test\nid,name,description,valid_from,inactive_from,overlap\n" +
			strings.Join(rows, "\n") + "\n"
		c, err := codelist.Load(fstest.MapFS{"fravaerstyper.csv": {Data: []byte(csv)}})
		require.NoError(t, err, name)
		l := c.AbsenceTypes()
		held := map[int]codelist.Entry{}
		for e := range l.All() {
			held[e.ID] = e
		}
		require.Len(t, held, len(rows), name)
		for _, a := range probes {
			e, ok := held[a]
			got, gotOK := l.Get(a)
			require.Equal(t, ok, gotOK, "%s: Get(%d)", name, a)
			assert.Equal(t, e, got, "%s: Get(%d)", name, a)
			assert.Equal(t, ok, l.Has(a), "%s: Has(%d)", name, a)
			always := ok && !e.Retired && e.ValidFrom.IsZero() && e.InactiveFrom.IsZero()
			if l.ActiveAlways(a) {
				assert.True(t, always, "%s: ActiveAlways(%d) of an entry with dates, retired or not held", name, a)
			} else if a < 128 {
				assert.False(t, always, "%s: ActiveAlways(%d) names every undated entry below 128", name, a)
			}
			for _, d := range days {
				want := ok && e.ActiveOn(d) || !ok && !l.Complete()
				assert.Equal(t, want, l.CheckNew(a, d, "fravaerstype", dfdg.Rule2_6) == nil, "%s: CheckNew(%d, %s)", name, a, d)
			}
			policy := l.OverlapOf(a)
			for _, b := range probes {
				want := !ok || e.MayOverlap(b)
				if policy.Allows(b) != want || l.MayOverlap(a, b) != want {
					t.Errorf("%s: %d over %d: OverlapOf %v, MayOverlap %v, the entry's policy %v", name, a, b, policy.Allows(b), l.MayOverlap(a, b), want)
				}
			}
		}
	}
}

// The policies above are what the rows say, read through the entries themselves, so that the test
// above compares the list's fast paths with something that is right.
func TestBoundaryPoliciesReadAsWritten(t *testing.T) {
	csv := "# list: fravaerstyper\n# complete: ja\n# source: test\nid,name,description,valid_from,inactive_from,overlap\n" +
		strings.Join(append(append([]string(nil), boundaryRows...), sparseRows...), "\n") + "\n"
	c, err := codelist.Load(fstest.MapFS{"fravaerstyper.csv": {Data: []byte(csv)}})
	require.NoError(t, err)
	for a, allowed := range map[int][]int{64: {63, 128, 4095}, 128: {1, 4096}, 4095: {127, 70000}, 70000: {63, 4097}} {
		e, ok := c.AbsenceTypes().Get(a)
		require.True(t, ok)
		for _, b := range []int{1, 2, 63, 64, 127, 128, 129, 4095, 4096, 4097, 70000} {
			assert.Equal(t, slices.Contains(allowed, b), e.MayOverlap(b), fmt.Sprint(a, " over ", b))
		}
	}
	e, _ := c.AbsenceTypes().Get(2)
	assert.True(t, e.MayOverlap(70000), "an empty policy restricts nothing")
}
