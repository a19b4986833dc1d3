package dfdg_test

import (
	"slices"
	"testing"
	"time"

	"github.com/regelkit/dfdg"
	"github.com/regelkit/dfdg/absence"
	"github.com/regelkit/dfdg/contactgroup"
	dfdgerrors "github.com/regelkit/dfdg/errors"
	"github.com/regelkit/dfdg/gdpr"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// No message ever names a record without an id: a decision that would send one about a stored record
// that has none is rejected, naming the field; the records a decision creates always get one.
func TestNoMessageNamesARecordWithoutAnID(t *testing.T) {
	now := time.Date(2025, 9, 15, 10, 0, 0, 0, time.UTC)
	since := now.AddDate(0, -1, 0)
	kbh, ksd := dfdg.MunicipalityActor(101), dfdg.SystemActor(dfdg.ActorKSD)
	noID := dfdg.Citizen{Jobcentre: 101,
		Memberships:      []dfdg.Membership{{Group: dfdg.SygedagpengeBeskaeftigelse, Start: since}},
		PersonCategories: []dfdg.PersonCategorization{{Category: 4, Start: since}},
		Absences:         []dfdg.Absence{{ID: "fr-1", Type: dfdg.SygdomSygemelding, Period: dfdg.Period{Start: dfdg.DateOf(since)}}},
	}
	_, err := contactgroup.Rules{}.RegisterJobseeker(dfdg.At{Now: now, By: kbh}, noID,
		contactgroup.RegistrationRequest{ID: "reg-1", Category: 2, Group: dfdg.Dagpengemodtager})
	assert.ErrorIs(t, err, dfdgerrors.ErrMissingValue, "the group to end has no id")
	e, _ := dfdgerrors.As(err)
	assert.Equal(t, dfdgerrors.Path("borger.kontaktgrupper[0].kontaktgruppeIdentifier"), e.Field())

	_, err = absence.Rules{}.Recover(dfdg.At{Now: now, By: ksd}, noID, absence.Recovery{ID: "fr-1", End: dfdg.DateOf(now)})
	assert.ErrorIs(t, err, dfdgerrors.ErrMissingValue, "group 24 to end has no id")

	_, err = contactgroup.Rules{}.ChangePersonCategory(dfdg.At{Now: now, By: kbh}, noID, dfdg.PersonCategorization{Category: 5})
	assert.ErrorIs(t, err, dfdgerrors.ErrMissingValue, "the category to end has no id")

	sick := dfdg.Citizen{ID: "c", Jobcentre: 101, Absences: []dfdg.Absence{{Type: dfdg.SygdomSygemelding, Period: dfdg.Period{Start: dfdg.MustParseDate("2025-01-01")}}}}
	for _, err := range (absence.Rules{}).Sweep(dfdg.At{Now: now}, slices.Values([]dfdg.Citizen{sick})) {
		assert.ErrorIs(t, err, dfdgerrors.ErrMissingValue, "the sweep closes no absence without an id")
	}

	deceased := gdpr.Record{Kind: dfdg.RecordDeceased, End: dfdg.MustParseDate("2019-01-01"), Municipalities: []dfdg.Municipality{101}}
	_, err = gdpr.Rules{}.Delete(dfdg.At{Now: now}, deceased)
	assert.ErrorIs(t, err, dfdgerrors.ErrMissingValue)
	n := 0
	for del, err := range (gdpr.Rules{}).Sweep(dfdg.At{Now: now}, slices.Values([]gdpr.Record{deceased})) {
		require.ErrorIs(t, err, dfdgerrors.ErrMissingValue)
		assert.Empty(t, del.Messages)
		n++
	}
	assert.Equal(t, 1, n)
}
