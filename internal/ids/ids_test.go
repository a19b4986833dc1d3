package ids_test

import (
	"strings"
	"testing"
	"time"

	"github.com/regelkit/dfdg"
	dfdgerrors "github.com/regelkit/dfdg/errors"
	"github.com/regelkit/dfdg/internal/ids"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestDefaultIDsAreDeterministicAndFree(t *testing.T) {
	at := dfdg.At{Now: time.Date(2025, 9, 15, 9, 30, 0, 0, time.FixedZone("CEST", 7200))}
	c := dfdg.Citizen{Memberships: []dfdg.Membership{{ID: "kontaktgruppe-20250915T073000Z-1"}}}
	src := ids.For(at, &c)
	a, err := src.New(dfdg.RecordMembership)
	require.NoError(t, err)
	assert.Equal(t, "kontaktgruppe-20250915T073000Z-2", a, "never one the citizen has")
	b, err := src.New(dfdg.RecordMembership)
	require.NoError(t, err)
	assert.Equal(t, "kontaktgruppe-20250915T073000Z-3", b, "never one handed out before")
	f, err := src.New(dfdg.RecordAbsence)
	require.NoError(t, err)
	assert.Equal(t, "fravaer-20250915T073000Z-4", f)
	again := ids.For(at, &c)
	x, _ := again.New(dfdg.RecordMembership)
	assert.Equal(t, a, x, "the same input gives the same id")

	at.Now = at.Now.Add(1500 * time.Millisecond)
	src = ids.For(at, nil)
	a, _ = src.New(dfdg.RecordActivity)
	assert.Equal(t, "aktivitet-20250915T073001.5Z-1", a)
	given, err := src.Or("a-9", dfdg.RecordActivity, "aktivitetIdentifier")
	require.NoError(t, err)
	assert.Equal(t, "a-9", given, "the command's own id is kept")
}

func TestCallersGeneratorIsChecked(t *testing.T) {
	c := dfdg.Citizen{Absences: []dfdg.Absence{{ID: "fr-1"}}}
	for id, kind := range map[string]dfdgerrors.Kind{"": dfdgerrors.ErrMissingValue, "fr-1": dfdgerrors.ErrInvalidState} {
		at := dfdg.At{Now: time.Now(), NewID: func(dfdg.RecordKind) string { return id }}
		src := ids.For(at, &c)
		_, err := src.Or("", dfdg.RecordAbsence, "fravaerIdentifier")
		assert.ErrorIs(t, err, kind, "%q", id)
	}
	at := dfdg.At{Now: time.Now(), NewID: func(dfdg.RecordKind) string { return "same" }}
	src := ids.For(at, &c)
	_, err := src.New(dfdg.RecordMembership)
	require.NoError(t, err)
	_, err = src.New(dfdg.RecordMembership)
	assert.ErrorIs(t, err, dfdgerrors.ErrInvalidState, "a generator that repeats itself within a decision")
}

// A generated id is never one the citizen has for the kind: bookings, guest access and plans too.
func TestUsedKnowsEveryKindACommandCreates(t *testing.T) {
	c := dfdg.Citizen{Bookings: []dfdg.Booking{{ID: "indkaldelse-20250915T090000Z-1"}},
		GuestAccess: []dfdg.GuestAccess{{ID: "gaesteadgang-20250915T090000Z-1"}},
		DraftPlan:   &dfdg.Plan{ID: "plan-20250915T090000Z-1"}}
	at := dfdg.At{Now: time.Date(2025, 9, 15, 9, 0, 0, 0, time.UTC)}
	for _, k := range []dfdg.RecordKind{dfdg.RecordBooking, dfdg.RecordGuestAccess, dfdg.RecordPlan} {
		src := ids.For(at, &c) // a source of its own: its first id would be the fixture's "-1"
		id, err := src.New(k)
		if err != nil {
			t.Fatal(err)
		}
		if strings.HasSuffix(id, "-1") {
			t.Errorf("%v: %s is the citizen's already", k, id)
		}
	}
}
