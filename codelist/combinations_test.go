package codelist_test

import (
	"encoding/json"
	"testing"
	"testing/fstest"

	"github.com/regelkit/dfdg"
	"github.com/regelkit/dfdg/codelist"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// The embedded table of absence types per contact group and person category has no cells, since
// they are not public (its notes say so), and allows everything.
func TestAbsenceCombinationsEmbeddedAllowEverything(t *testing.T) {
	table := codelist.Default().AbsenceCombinations()
	require.NotNil(t, table)
	assert.Empty(t, table.Rows())
	assert.False(t, table.Complete())
	assert.NotEmpty(t, table.Sources())
	assert.Contains(t, table.Notes()[1], "missing")
	assert.True(t, table.Allows(1, 1, 4))
	var none *codelist.Combinations
	assert.True(t, none.Allows(1, 1, 0), "a nil table allows everything")
}

// A loaded table: a cell's null allows a citizen without a person category, its ids allow those
// categories, and a blank cell allows none; a type without cells, and a citizen in no contact group,
// are not checked; a group without a cell is refused only by a complete table.
func TestAbsenceCombinationsAllows(t *testing.T) {
	load := func(complete string) *codelist.Combinations {
		cat, err := codelist.Load(fstest.MapFS{"fravaerskombinationer.csv": {Data: []byte(
			"# list: fravaerskombinationer\n# complete: " + complete + "\n# source: a test\nfravaerstype,kontaktgruppe,tilladt,source\n" +
				"1,2,4 5,t\n1,1,null 4,t\n1,3,,t\n")}})
		require.NoError(t, err)
		return cat.AbsenceCombinations()
	}
	table := load("nej")
	for _, tc := range []struct {
		typ   dfdg.AbsenceType
		group dfdg.ContactGroup
		cat   dfdg.PersonCategory
		want  bool
	}{
		{1, 1, 0, true}, {1, 1, 4, true}, {1, 1, 5, false},
		{1, 2, 0, false}, {1, 2, 4, true}, {1, 2, 5, true}, {1, 2, 6, false},
		{1, 3, 0, false}, {1, 3, 4, false},
		{1, 0, 6, true},   // no contact group
		{2, 3, 4, true},   // a type without cells
		{1, 20, 4, true},  // a group without a cell, incomplete table
		{10, 20, 4, true}, // neither
	} {
		assert.Equal(t, tc.want, table.Allows(tc.typ, tc.group, tc.cat), "%d in %d with %d", tc.typ, tc.group, tc.cat)
	}
	assert.True(t, table.Restricts(1))
	assert.False(t, table.Restricts(2), "no cells for type 2")
	assert.False(t, codelist.Default().AbsenceCombinations().Restricts(1), "the embedded table has no cells")
	assert.False(t, load("ja").Allows(1, 20, 4), "a complete table's missing cell is blank")
	assert.True(t, load("ja").Allows(2, 20, 4), "even a complete table checks only the types it has cells for")

	rows := table.Rows()
	require.Len(t, rows, 3)
	assert.Equal(t, codelist.Combination{Absence: 1, Group: 1, WithoutCategory: true, Categories: []dfdg.PersonCategory{4}, Source: "t"}, rows[0], "in order")
	rows[0].Categories[0] = 9
	assert.True(t, table.Allows(1, 1, 4), "Rows is a copy")

	b, err := json.Marshal(table)
	require.NoError(t, err)
	var back codelist.Combinations
	require.NoError(t, json.Unmarshal(b, &back))
	assert.Equal(t, table.Rows(), back.Rows())
	assert.Equal(t, table.Sources(), back.Sources())
	assert.Error(t, json.Unmarshal([]byte(`{"rows":[{"fravaerstype":1,"kontaktgruppe":1},{"fravaerstype":1,"kontaktgruppe":1}]}`), &back))
}
