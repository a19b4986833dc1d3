package contactgroup_test

import (
	"testing"
	"time"

	"github.com/regelkit/dfdg"
	"github.com/regelkit/dfdg/contactgroup"
	dfdgerrors "github.com/regelkit/dfdg/errors"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

var ky = dfdg.SystemActor(dfdg.ActorKY)

// The note's fault: 'Ydelse afvist' from KY did not end the applicant registration nor move the
// citizen to 'Uden ydelse'.
func TestRule1_2_YdelseAfvistEndsApplicantRegistration(t *testing.T) {
	c := dfdg.Citizen{Jobcentre: kbh,
		Registrations: []dfdg.Registration{{ID: "reg-1", Category: 40, Applicant: true, Start: at("2025-08-01 09:00")}},
		Memberships:   []dfdg.Membership{{ID: "kg-1", Group: dfdg.Dagpengemodtager, Start: at("2025-08-01 09:00")}},
	}
	now := at("2025-08-20 13:15")
	d, err := rules.DecideBenefit(by(ky, now, "reg-2", "kg-8"), c, contactgroup.BenefitDecision{Outcome: contactgroup.BenefitRejected})
	require.NoError(t, err)
	assert.True(t, d.Rules.Has(dfdg.Rule1_2))

	require.Len(t, d.Registrations, 2)
	assert.Equal(t, dfdg.Update, d.Registrations[0].Type)
	assert.True(t, d.Registrations[0].Record.End.Equal(now), "the applicant registration ends at the decision time")
	assert.Equal(t, dfdg.Create, d.Registrations[1].Type)
	assert.Equal(t, dfdg.Registration{ID: "reg-2", Start: now}, d.Registrations[1].Record,
		"the citizen stays registered as a jobseeker, not as an applicant")

	require.Len(t, d.Memberships, 2)
	assert.True(t, d.Memberships[0].Record.End.Equal(now))
	assert.Equal(t, dfdg.Membership{ID: "kg-8", Group: dfdg.UdenYdelse, Start: now}, d.Memberships[1].Record)
	assert.Equal(t, []string{
		"Kontaktgruppe.WSB Opdatering til kommune 101 om Kontaktgruppe kg-1",
		"Kontaktgruppe.WSB Oprettelse til kommune 101 om Kontaktgruppe kg-8",
	}, messages(t, d))

	after := c.Apply(d)
	requireSound(t, after.Memberships)
	assert.False(t, after.Registrations[0].Open())
	reg, ok := after.RegistrationAt(now)
	require.True(t, ok, "a jobseeker without benefit")
	assert.False(t, rules.IsApplicant(reg))
	g, _ := after.GroupAt(now)
	assert.Equal(t, dfdg.UdenYdelse, g.Group)

	again, err := rules.DecideBenefit(by(ky, now.Add(time.Hour)), after, contactgroup.BenefitDecision{Outcome: contactgroup.BenefitRejected})
	require.NoError(t, err)
	assert.False(t, again.Changes(), "no applicant registration is left to end")
}

// The code list decides for the categories it knows: 12 is an applicant's, 13 a recipient's,
// whatever the flag says.
func TestRule1_2_CodeListDecidesApplicant(t *testing.T) {
	now := at("2025-06-20 13:15")
	for cat, want := range map[dfdg.RegistrationCategory]bool{12: true, 13: false, 16: true, 19: false} {
		c := dfdg.Citizen{Jobcentre: kbh,
			Registrations: []dfdg.Registration{{ID: "reg-1", Category: cat, Applicant: !want, Start: at("2025-06-01 09:00")}}}
		assert.Equal(t, want, rules.IsApplicant(c.Registrations[0]), cat)
		d, err := rules.DecideBenefit(by(ky, now, "reg-2", "kg-8"), c, contactgroup.BenefitDecision{Outcome: contactgroup.BenefitRejected})
		require.NoError(t, err)
		assert.Equal(t, want, d.Changes(), "category %d", cat)
	}
}

func TestRule1_2_OtherDecisionsChangeNothing(t *testing.T) {
	now := at("2025-08-20 13:15")
	applicant := dfdg.Citizen{Jobcentre: kbh,
		Registrations: []dfdg.Registration{{ID: "reg-1", Category: 40, Applicant: true, Start: at("2025-08-01 09:00")}}}

	d, err := rules.DecideBenefit(by(ky, now), applicant, contactgroup.BenefitDecision{Outcome: contactgroup.BenefitGranted})
	require.NoError(t, err)
	assert.False(t, d.Changes(), "a grant")

	recipient := applicant
	recipient.Registrations = []dfdg.Registration{applicant.Registrations[0]}
	recipient.Registrations[0].Applicant = false
	d, err = rules.DecideBenefit(by(ky, now), recipient, contactgroup.BenefitDecision{Outcome: contactgroup.BenefitRejected})
	require.NoError(t, err)
	assert.False(t, d.Changes(), "not an applicant")

	ended := applicant
	ended.Registrations = []dfdg.Registration{applicant.Registrations[0]}
	ended.Registrations[0].End = at("2025-08-10 09:00")
	d, err = rules.DecideBenefit(by(ky, now), ended, contactgroup.BenefitDecision{Outcome: contactgroup.BenefitRejected})
	require.NoError(t, err)
	assert.False(t, d.Changes(), "no open registration")

	_, err = rules.DecideBenefit(by(dfdg.MunicipalityActor(101), now), applicant, contactgroup.BenefitDecision{Outcome: contactgroup.BenefitRejected})
	assert.ErrorIs(t, err, dfdgerrors.ErrActorNotAllowed, "only KY decides on benefits")
	_, err = rules.DecideBenefit(by(ky, now), applicant, contactgroup.BenefitDecision{})
	assert.ErrorIs(t, err, dfdgerrors.ErrInvalidValue)
}

func TestRule1_2_AlreadyInGroup8KeepsMembership(t *testing.T) {
	c := dfdg.Citizen{Jobcentre: kbh,
		Registrations: []dfdg.Registration{{ID: "reg-1", Category: 40, Applicant: true, Start: at("2025-08-01 09:00")}},
		Memberships:   []dfdg.Membership{{ID: "kg-8", Group: dfdg.UdenYdelse, Start: at("2025-08-01 09:00")}},
	}
	d, err := rules.DecideBenefit(by(ky, at("2025-08-20 13:15"), "reg-2"), c, contactgroup.BenefitDecision{Outcome: contactgroup.BenefitRejected})
	require.NoError(t, err)
	assert.Len(t, d.Registrations, 2, "the applicant registration ends, one without benefit starts")
	assert.Empty(t, d.Memberships)
	assert.Empty(t, d.Messages)
}

// BenefitOutcome's texts are the note's, and read back.
func TestRule1_2_BenefitOutcomeText(t *testing.T) {
	assert.Equal(t, "Ydelse bevilget", contactgroup.BenefitGranted.String())
	assert.Equal(t, "Ydelse afvist", contactgroup.BenefitRejected.String())
	assert.Equal(t, "", contactgroup.BenefitOutcome(0).String())
	assert.Equal(t, "BenefitOutcome(3)", contactgroup.BenefitOutcome(3).String(), "an unknown value, as every enum of the library answers it")
	for _, o := range []contactgroup.BenefitOutcome{0, contactgroup.BenefitGranted, contactgroup.BenefitRejected} {
		b, err := o.MarshalText()
		require.NoError(t, err)
		var back contactgroup.BenefitOutcome
		require.NoError(t, back.UnmarshalText(b))
		assert.Equal(t, o, back)
	}
	_, err := contactgroup.BenefitOutcome(3).MarshalText()
	assert.ErrorIs(t, err, dfdgerrors.ErrInvalidValue)
	var o contactgroup.BenefitOutcome
	assert.ErrorIs(t, o.UnmarshalText([]byte("Ydelse afvist!")), dfdgerrors.ErrInvalidValue)
	assert.ErrorIs(t, (*contactgroup.BenefitOutcome)(nil).UnmarshalText([]byte("Ydelse afvist")), dfdgerrors.ErrInvalidValue)
}
