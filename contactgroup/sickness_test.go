package contactgroup_test

import (
	"testing"

	"github.com/regelkit/dfdg"
	"github.com/regelkit/dfdg/contactgroup"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// The note's situation: KSD reports sickness with a historical start date for a citizen in no
// contact group. Group 8 from the start date to the receipt, group 24 from the receipt, and a
// Kontaktgruppe.WSB for 24 only.
func TestRule1_6_HistoricalSicknessNoMessageForGroup8(t *testing.T) {
	c := contactgroup.Citizen{Jobcentre: kbh}
	now := at("2025-09-15 11:00")
	d, err := contactgroup.SicknessReported(c, contactgroup.Sickness{FirstDay: day("2025-09-01"), Group8ID: "kg-8", Group24ID: "kg-24"}, now)
	require.NoError(t, err)
	assert.True(t, d.Rules.Has(dfdg.Rule1_6))
	require.Len(t, d.Memberships, 2)
	assert.Equal(t, contactgroup.Membership{ID: "kg-8", Group: 8, Start: day("2025-09-01").Time(), End: now}, d.Memberships[0].Record)
	assert.Equal(t, contactgroup.Membership{ID: "kg-24", Group: 24, Start: now}, d.Memberships[1].Record)
	assert.Equal(t, []string{"Kontaktgruppe.WSB Oprettelse til kommune 101 om Kontaktgruppe kg-24"}, messages(t, d))
	for _, m := range d.Messages {
		assert.NotEqual(t, "kg-8", m.About.ID, "no message about group 8 at all")
	}
	requireSound(t, c.Apply(d).Memberships)
}

func TestRule1_6_SameDaySicknessOnlyGroup24(t *testing.T) {
	now := at("2025-09-15 11:00")
	d, err := contactgroup.SicknessReported(contactgroup.Citizen{Jobcentre: kbh}, contactgroup.Sickness{FirstDay: day("2025-09-15"), Group8ID: "kg-8", Group24ID: "kg-24"}, now)
	require.NoError(t, err)
	require.Len(t, d.Memberships, 1)
	assert.Equal(t, 24, d.Memberships[0].Record.Group)
	assert.Len(t, d.Messages, 1)
}

func TestRule1_6_Group8NeverOverlapsAnEarlierMembership(t *testing.T) {
	c := contactgroup.Citizen{Jobcentre: kbh, Memberships: []contactgroup.Membership{
		{ID: "kg-1", Group: 1, Start: at("2025-01-01 10:00"), End: at("2025-09-05 12:00")},
	}}
	now := at("2025-09-15 11:00")
	d, err := contactgroup.SicknessReported(c, contactgroup.Sickness{FirstDay: day("2025-09-01"), Group8ID: "kg-8", Group24ID: "kg-24"}, now)
	require.NoError(t, err)
	require.Len(t, d.Memberships, 2)
	assert.True(t, d.Memberships[0].Record.Start.Equal(at("2025-09-05 12:00")), "group 8 starts where kg-1 ended")
	requireSound(t, c.Apply(d).Memberships)

	// Ended after now's start of day but not later than now: no room for group 8 at all.
	c.Memberships[0].End = now
	d, err = contactgroup.SicknessReported(c, contactgroup.Sickness{FirstDay: day("2025-09-01"), Group24ID: "kg-24"}, now)
	require.NoError(t, err)
	require.Len(t, d.Memberships, 1)
	requireSound(t, c.Apply(d).Memberships)
}

func TestRule1_6_CitizenInAContactGroupKeepsIt(t *testing.T) {
	c := contactgroup.Citizen{Jobcentre: kbh, Memberships: []contactgroup.Membership{{ID: "kg-1", Group: 1, Start: at("2025-01-01 10:00")}}}
	d, err := contactgroup.SicknessReported(c, contactgroup.Sickness{FirstDay: day("2025-09-01")}, at("2025-09-15 11:00"))
	require.NoError(t, err)
	assert.False(t, d.Changes())
}

// Rule 2.4's contact-group part: every recovery ends group 24.
func TestRule2_4_SicknessEndedEndsGroup24(t *testing.T) {
	c := contactgroup.Citizen{Jobcentre: kbh, Memberships: []contactgroup.Membership{{ID: "kg-24", Group: 24, Start: at("2025-09-15 11:00")}}}
	now := at("2025-10-01 08:00")
	d, err := contactgroup.SicknessEnded(c, now)
	require.NoError(t, err)
	require.Len(t, d.Memberships, 1)
	assert.True(t, d.Memberships[0].Record.End.Equal(now))
	assert.Equal(t, []string{"Kontaktgruppe.WSB Opdatering til kommune 101 om Kontaktgruppe kg-24"}, messages(t, d))
	assert.True(t, d.Rules.Has(dfdg.Rule2_4))

	d, err = contactgroup.SicknessEnded(contactgroup.Citizen{Jobcentre: kbh, Memberships: []contactgroup.Membership{{ID: "kg-1", Group: 1, Start: at("2025-09-15 11:00")}}}, now)
	require.NoError(t, err)
	assert.False(t, d.Changes(), "another group is kept")
}
