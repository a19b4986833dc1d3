package contactgroup_test

import (
	"strings"
	"testing"
	"testing/fstest"

	"github.com/regelkit/dfdg"
	"github.com/regelkit/dfdg/activity"
	"github.com/regelkit/dfdg/codelist"
	"github.com/regelkit/dfdg/contactgroup"
	dfdgerrors "github.com/regelkit/dfdg/errors"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// CreateGaesteadgang: the caller gets guest access from now, the record the access model reads; an
// operation whose table has a Gæsteadgang column then admits it.
func TestGrantGuestAccess(t *testing.T) {
	now := at("2025-09-15 11:00")
	frb := dfdg.MunicipalityActor(147)
	c := registered()
	d, err := rules.GrantGuestAccess(by(frb, now, "ga-1"), c, contactgroup.GuestRequest{Comment: "Borgeren er flyttet; opfølgning på praktik"})
	require.NoError(t, err)
	assert.Equal(t, []dfdg.Change[dfdg.GuestAccess]{{Type: dfdg.Create, Record: dfdg.GuestAccess{ID: "ga-1", Holder: frb, Start: now,
		Comment: "Borgeren er flyttet; opfølgning på praktik"}}}, d.GuestAccess)
	assert.Empty(t, d.Messages, "STAR's pages show none")
	after := c.Apply(d)
	assert.True(t, after.GuestOf(frb, now))

	// With the grant, rule 3.2's update through guest access goes through (UpdateActivity admits any
	// municipality, since the note says guest access covers updates).
	a := dfdg.Activity{ID: "a-1", Type: 7, Period: dfdg.Period{Start: day("2025-10-01")}}
	after.Activities = []dfdg.Activity{a}
	_, err = activity.Rules{}.Update(by(frb, now), after, a)
	assert.NoError(t, err)

	// A dead citizen, and an id the citizen's grants hold already.
	dead := registered()
	dead.Died = day("2025-09-01")
	_, err = rules.GrantGuestAccess(by(frb, now), dead, contactgroup.GuestRequest{Comment: "x"})
	assert.ErrorIs(t, err, dfdgerrors.Code(60007), "4405 and its newer number")
	_, err = rules.GrantGuestAccess(by(frb, now), after, contactgroup.GuestRequest{ID: "ga-1", Comment: "x"})
	assert.ErrorIs(t, err, dfdgerrors.ErrInvalidState)
}

// DFDG 4933 'The comment text cannot contain html tags' (CreateGaesteadgang); the length 1–900 has no
// documented code, so the library's ErrInvalidValue answers it.
func TestCode4933_GuestAccessComment(t *testing.T) {
	now := at("2025-09-15 11:00")
	frb := by(dfdg.MunicipalityActor(147), now)
	for _, comment := range []string{"<b>haster</b>", "se <a href='x'>her</a>", "<!-- x -->"} {
		_, err := rules.GrantGuestAccess(frb, registered(), contactgroup.GuestRequest{Comment: comment})
		assert.ErrorIs(t, err, dfdgerrors.Code(4933), comment)
	}
	for _, comment := range []string{"a < b og c > d", "3<4", strings.Repeat("æ", 900)} {
		_, err := rules.GrantGuestAccess(frb, registered(), contactgroup.GuestRequest{Comment: comment})
		assert.NoError(t, err, "not a tag: %q", comment)
	}
	for _, comment := range []string{"", strings.Repeat("æ", 901)} {
		_, err := rules.GrantGuestAccess(frb, registered(), contactgroup.GuestRequest{Comment: comment})
		assert.ErrorIs(t, err, dfdgerrors.ErrInvalidValue, "%d characters", len([]rune(comment)))
		if e, ok := dfdgerrors.As(err); assert.True(t, ok) {
			assert.Zero(t, e.Code(), "no code documented")
		}
	}
}

// Afmelding through the enrollment service: 4367 for a citizen not registered, 4322 for a date
// outside today … today + 30 (60 for a less intensive effort); the registration ends at now, or at
// 00:00 of a later date. No contact group changes, no message: STAR's pages show none.
func TestCode4367_And4322_Deregister(t *testing.T) {
	now := at("2025-09-15 11:00")
	d, err := rules.Deregister(muni(now), registered(), dfdg.Deregistration{Date: day("2025-09-15")})
	require.NoError(t, err)
	assert.Equal(t, []dfdg.Change[dfdg.Registration]{{Type: dfdg.Update, Record: dfdg.Registration{ID: "reg-1", Category: 2,
		Start: at("2025-08-01 09:00"), End: now}}}, d.Registrations)
	assert.Empty(t, d.Memberships)
	assert.Empty(t, d.Messages)
	d, err = rules.Deregister(muni(now), registered(), dfdg.Deregistration{Date: day("2025-10-15")})
	require.NoError(t, err)
	assert.Equal(t, at("2025-10-15 00:00"), d.Registrations[0].Record.End)

	_, err = rules.Deregister(muni(now), registered(), dfdg.Deregistration{Date: day("2025-10-16")})
	assert.ErrorIs(t, err, dfdgerrors.Code(4322))
	_, err = rules.Deregister(muni(now), registered(), dfdg.Deregistration{Date: day("2025-11-14"), LessIntensive: true})
	assert.NoError(t, err)
	_, err = rules.Deregister(muni(now), registered(), dfdg.Deregistration{Date: day("2025-09-14")})
	assert.ErrorIs(t, err, dfdgerrors.ErrCancellationDate)
	unregistered := registered()
	unregistered.Registrations = nil
	_, err = rules.Deregister(muni(now), unregistered, dfdg.Deregistration{Date: day("2025-09-15")})
	assert.ErrorIs(t, err, dfdgerrors.Code(4367))
	_, err = rules.Deregister(by(dfdg.AkasseActor("ak-2"), now), registered(), dfdg.Deregistration{Date: day("2025-09-15")})
	assert.ErrorIs(t, err, dfdgerrors.ErrNotAuthorized, "the enrollment service documents 4575 (ENR-C)")
}

// EndGroup ends a membership at the end time given (or now), with Kontaktgruppe.WSB Update; a change
// of group is EndGroup, then PlaceInGroup, and the history stays sound.
func TestEndGroupThenPlaceInGroup(t *testing.T) {
	now := at("2025-09-15 11:00")
	c := registered()
	d, err := rules.EndGroup(muni(now), c, contactgroup.GroupEnd{ID: "kg-1"})
	require.NoError(t, err)
	assert.Equal(t, now, d.Memberships[0].Record.End)
	assert.Equal(t, []string{"Kontaktgruppe.WSB Opdatering til kommune 101 om Kontaktgruppe kg-1"}, messages(t, d))
	c = c.Apply(d)
	d, err = rules.PlaceInGroup(muni(now, "kg-2"), c, contactgroup.Placement{Group: dfdg.UdenYdelse})
	require.NoError(t, err)
	c = c.Apply(d)
	requireSound(t, c.Memberships)
	g, _ := c.GroupAt(now)
	assert.Equal(t, dfdg.UdenYdelse, g.Group)

	_, err = rules.EndGroup(muni(now), c, contactgroup.GroupEnd{ID: "kg-1"})
	assert.ErrorIs(t, err, dfdgerrors.ErrInvalidState, "ended already")
	_, err = rules.EndGroup(muni(now), c, contactgroup.GroupEnd{ID: "kg-9"})
	assert.ErrorIs(t, err, dfdgerrors.ErrRecordNotFound)
	_, err = rules.EndGroup(muni(now), c, contactgroup.GroupEnd{ID: "kg-2", End: at("2025-09-15 10:00")})
	assert.ErrorIs(t, err, dfdgerrors.ErrEndsBeforeStart, "no membership ends before it starts")
	d, err = rules.EndGroup(muni(now), c, contactgroup.GroupEnd{ID: "kg-2", End: at("2025-10-01 00:00")})
	require.NoError(t, err, "a documented end time ahead")
	assert.Equal(t, at("2025-10-01 00:00"), d.Memberships[0].Record.End)
	_, err = rules.EndGroup(by(dfdg.AkasseActor("ak-1"), now), c, contactgroup.GroupEnd{ID: "kg-2"})
	assert.Error(t, err, "CreateKontaktgruppe's table has no a-kasse row")
}

// DFDG 4340, 9118 and 9298: the deregistration's cause, from a list of causes the caller loads (the
// embedded one is empty, since the causes are not public): one a complete list does not hold, one
// only a-kasser may use from another caller, one a-kasser may not use from an a-kasse.
func TestCode4340_And9118_And9298_DeregistrationCause(t *testing.T) {
	cat, err := codelist.Load(fstest.MapFS{"afmeldingsaarsager.csv": {Data: []byte(
		"# list: afmeldingsaarsager\n# complete: ja\n# source: a test\nid,name,akasse\n1,I arbejde,\n2,Udmeldt af a-kassen,kun\n3,Flyttet til anden kommune,ikke\n")}})
	require.NoError(t, err)
	loaded := contactgroup.Rules{Catalog: cat}
	now := at("2025-09-15 11:00")
	akasse := by(dfdg.AkasseActor("ak-1"), now)
	c := registered()
	dr := func(cause int) dfdg.Deregistration { return dfdg.Deregistration{Date: day("2025-09-15"), Cause: cause} }
	_, err = loaded.Deregister(muni(now), c, dr(9))
	assert.ErrorIs(t, err, dfdgerrors.Code(4340))
	_, err = loaded.Deregister(muni(now), c, dr(2))
	assert.ErrorIs(t, err, dfdgerrors.Code(9118))
	_, err = loaded.Deregister(akasse, c, dr(2))
	assert.NoError(t, err)
	_, err = loaded.Deregister(akasse, c, dr(3))
	assert.ErrorIs(t, err, dfdgerrors.Code(9298))
	_, err = loaded.Deregister(muni(now), c, dr(3))
	assert.NoError(t, err)
	_, err = loaded.Deregister(muni(now), c, dr(1))
	assert.NoError(t, err)
	_, err = rules.Deregister(muni(now), c, dr(9))
	assert.NoError(t, err, "the embedded list is empty and not complete: 9 is not known to be wrong")
}
