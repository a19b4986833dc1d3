package contactgroup_test

import (
	"testing"

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
	c := contactgroup.Citizen{Jobcentre: kbh,
		Registration: contactgroup.Registration{ID: "reg-1", Category: 40, Applicant: true, Start: at("2025-08-01 09:00")},
		Memberships:  []contactgroup.Membership{{ID: "kg-1", Group: contactgroup.Dagpengemodtager, Start: at("2025-08-01 09:00")}},
	}
	now := at("2025-08-20 13:15")
	d, err := contactgroup.DecideBenefit(c, contactgroup.BenefitDecision{Outcome: contactgroup.BenefitRejected, MembershipID: "kg-8"}, ky, now, nil)
	require.NoError(t, err)
	assert.True(t, d.Rules.Has(dfdg.Rule1_2))

	require.Len(t, d.Registrations, 1)
	assert.Equal(t, dfdg.Update, d.Registrations[0].Type)
	assert.True(t, d.Registrations[0].Record.End.Equal(now), "the applicant registration ends at the decision time")

	require.Len(t, d.Memberships, 2)
	assert.True(t, d.Memberships[0].Record.End.Equal(now))
	assert.Equal(t, contactgroup.Membership{ID: "kg-8", Group: contactgroup.UdenYdelse, Start: now}, d.Memberships[1].Record)
	assert.Equal(t, []string{
		"Kontaktgruppe.WSB Opdatering til kommune 101 om Kontaktgruppe kg-1",
		"Kontaktgruppe.WSB Oprettelse til kommune 101 om Kontaktgruppe kg-8",
	}, messages(t, d))

	after := c.Apply(d)
	requireSound(t, after.Memberships)
	assert.False(t, after.Registration.Open())
	g, _ := after.GroupAt(now)
	assert.Equal(t, contactgroup.UdenYdelse, g.Group)
}

// The code list decides for the categories it knows: 12 is an applicant's, 13 a recipient's,
// whatever the flag says.
func TestRule1_2_CodeListDecidesApplicant(t *testing.T) {
	now := at("2025-06-20 13:15")
	for cat, want := range map[int]bool{12: true, 13: false, 16: true, 19: false} {
		c := contactgroup.Citizen{Jobcentre: kbh,
			Registration: contactgroup.Registration{ID: "reg-1", Category: cat, Applicant: !want, Start: at("2025-06-01 09:00")}}
		assert.Equal(t, want, contactgroup.IsApplicant(c.Registration, nil), cat)
		d, err := contactgroup.DecideBenefit(c, contactgroup.BenefitDecision{Outcome: contactgroup.BenefitRejected, MembershipID: "kg-8"}, ky, now, nil)
		require.NoError(t, err)
		assert.Equal(t, want, d.Changes(), "category %d", cat)
	}
}

func TestRule1_2_OtherDecisionsChangeNothing(t *testing.T) {
	now := at("2025-08-20 13:15")
	applicant := contactgroup.Citizen{Jobcentre: kbh,
		Registration: contactgroup.Registration{ID: "reg-1", Category: 40, Applicant: true, Start: at("2025-08-01 09:00")}}

	d, err := contactgroup.DecideBenefit(applicant, contactgroup.BenefitDecision{Outcome: contactgroup.BenefitGranted}, ky, now, nil)
	require.NoError(t, err)
	assert.False(t, d.Changes(), "a grant")

	recipient := applicant
	recipient.Registration.Applicant = false
	d, err = contactgroup.DecideBenefit(recipient, contactgroup.BenefitDecision{Outcome: contactgroup.BenefitRejected}, ky, now, nil)
	require.NoError(t, err)
	assert.False(t, d.Changes(), "not an applicant")

	ended := applicant
	ended.Registration.End = at("2025-08-10 09:00")
	d, err = contactgroup.DecideBenefit(ended, contactgroup.BenefitDecision{Outcome: contactgroup.BenefitRejected}, ky, now, nil)
	require.NoError(t, err)
	assert.False(t, d.Changes(), "no open registration")

	_, err = contactgroup.DecideBenefit(applicant, contactgroup.BenefitDecision{Outcome: contactgroup.BenefitRejected}, dfdg.MunicipalityActor(101), now, nil)
	assert.ErrorIs(t, err, dfdgerrors.ErrActorNotAllowed, "only KY decides on benefits")
	_, err = contactgroup.DecideBenefit(applicant, contactgroup.BenefitDecision{}, ky, now, nil)
	assert.ErrorIs(t, err, dfdgerrors.ErrInvalidValue)
}

func TestRule1_2_AlreadyInGroup8KeepsMembership(t *testing.T) {
	c := contactgroup.Citizen{Jobcentre: kbh,
		Registration: contactgroup.Registration{ID: "reg-1", Category: 40, Applicant: true, Start: at("2025-08-01 09:00")},
		Memberships:  []contactgroup.Membership{{ID: "kg-8", Group: contactgroup.UdenYdelse, Start: at("2025-08-01 09:00")}},
	}
	d, err := contactgroup.DecideBenefit(c, contactgroup.BenefitDecision{Outcome: contactgroup.BenefitRejected, MembershipID: "kg-x"}, ky, at("2025-08-20 13:15"), nil)
	require.NoError(t, err)
	assert.Len(t, d.Registrations, 1)
	assert.Empty(t, d.Memberships)
	assert.Empty(t, d.Messages)
}
