package contactgroup_test

import (
	"testing"

	"github.com/regelkit/dfdg"
	dfdgerrors "github.com/regelkit/dfdg/errors"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// DFDG's ids for 'Ikke visiteret' and 'Jobparat' are not public; the test uses ids of its own.
const (
	ikkeVisiteret = 901
	jobparat      = 902
)

// The note's fault: a change from 'Ikke visiteret' to 'Jobparat' sent Personkategori.WSB for the new
// category only, not for the one it ended.
func TestRule1_7_PersonCategoryChangeSendsUpdateForThePrevious(t *testing.T) {
	c := dfdg.Citizen{Jobcentre: kbh, PersonCategories: []dfdg.PersonCategorization{
		{ID: "pk-1", Category: ikkeVisiteret, Start: at("2025-08-01 09:00")},
	}}
	now := at("2025-08-15 10:00")
	d, err := rules.ChangePersonCategory(muni(now), c, dfdg.PersonCategorization{ID: "pk-2", Category: jobparat})
	require.NoError(t, err)
	assert.True(t, d.Rules.Has(dfdg.Rule1_7))
	assert.ElementsMatch(t, []string{
		"Personkategori.WSB Oprettelse til kommune 101 om Personkategori pk-2",
		"Personkategori.WSB Opdatering til kommune 101 om Personkategori pk-1",
	}, messages(t, d))
	require.Len(t, d.PersonCategories, 2)
	prev, next := d.PersonCategories[0].Record, d.PersonCategories[1].Record
	assert.True(t, prev.End.Equal(next.Start), "the previous ends where the new one starts")
	assert.True(t, next.Start.Equal(now))

	after := c.Apply(d)
	require.Len(t, after.PersonCategories, 2)
	assert.True(t, after.PersonCategories[0].End.Equal(now))
	assert.Len(t, c.PersonCategories, 1, "the input is not modified")
	assert.True(t, c.PersonCategories[0].End.IsZero())
}

func TestRule1_7_FirstCategoryOnlyCreate(t *testing.T) {
	d, err := rules.ChangePersonCategory(muni(at("2025-08-15 10:00")), dfdg.Citizen{Jobcentre: kbh}, dfdg.PersonCategorization{ID: "pk-1", Category: ikkeVisiteret})
	require.NoError(t, err)
	assert.Equal(t, []string{"Personkategori.WSB Oprettelse til kommune 101 om Personkategori pk-1"}, messages(t, d))
}

func TestRule1_7_RejectsWhatWouldOverlap(t *testing.T) {
	now := at("2025-08-15 10:00")
	later := dfdg.Citizen{Jobcentre: kbh, PersonCategories: []dfdg.PersonCategorization{{ID: "pk-1", Category: 1, Start: at("2025-09-01 09:00")}}}
	_, err := rules.ChangePersonCategory(muni(now), later, dfdg.PersonCategorization{ID: "pk-2", Category: 2})
	assert.ErrorIs(t, err, dfdgerrors.ErrInconsistentHistory)
	two := dfdg.Citizen{Jobcentre: kbh, PersonCategories: []dfdg.PersonCategorization{
		{ID: "pk-1", Category: 1, Start: at("2025-07-01 09:00")}, {ID: "pk-2", Category: 2, Start: at("2025-08-01 09:00")}}}
	_, err = rules.ChangePersonCategory(muni(now), two, dfdg.PersonCategorization{ID: "pk-3", Category: 3})
	assert.ErrorIs(t, err, dfdgerrors.ErrInconsistentHistory)
	backwards := dfdg.Citizen{Jobcentre: kbh, PersonCategories: []dfdg.PersonCategorization{
		{ID: "pk-1", Category: 1, Start: at("2025-07-01 09:00"), End: at("2025-06-01 09:00")}}}
	_, err = rules.ChangePersonCategory(muni(now), backwards, dfdg.PersonCategorization{ID: "pk-3", Category: 3})
	assert.ErrorIs(t, err, dfdgerrors.ErrEndsBeforeStart)
	_, err = rules.ChangePersonCategory(muni(now), dfdg.Citizen{Jobcentre: kbh}, dfdg.PersonCategorization{ID: "pk-3"})
	assert.ErrorIs(t, err, dfdgerrors.ErrMissingValue)
	_, err = rules.ChangePersonCategory(muni(now), dfdg.Citizen{}, dfdg.PersonCategorization{ID: "pk-3", Category: 3})
	assert.ErrorIs(t, err, dfdgerrors.ErrMissingValue, "no jobcentre to send to")
}
