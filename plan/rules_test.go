package plan_test

import (
	"encoding/json"
	"strings"
	"testing"
	"time"

	"github.com/regelkit/dfdg"
	dfdgerrors "github.com/regelkit/dfdg/errors"
	"github.com/regelkit/dfdg/plan"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

var (
	rules   plan.Rules
	kbh     = dfdg.MunicipalityActor(101)
	planNow = time.Date(2025, 9, 15, 9, 0, 0, 0, time.UTC)
)

// inGroup is a citizen of København's jobcentre in contact group 1, born 1 October 1995.
func inGroup() dfdg.Citizen {
	return dfdg.Citizen{Jobcentre: 101, Born: dfdg.MustParseDate("1995-10-01"),
		Memberships: []dfdg.Membership{{ID: "kg-1", Group: 1, Start: planNow.AddDate(0, -1, 0)}},
		Plan:        &dfdg.Plan{ID: "p-1", Type: dfdg.Jobplan, Description: "Søg job som bager"}}
}

func draft() dfdg.Plan {
	return dfdg.Plan{ID: "p-2", Type: dfdg.Jobplan, Goal: "Job som bagermedhjælper", Description: "Praktik og kursus", Caseworker: "Sara Holm"}
}

// CreateDraftPlan: the draft is the citizen's draft, beside the current plan, which rule 3.1 reads.
func TestCreateDraft(t *testing.T) {
	d, err := rules.CreateDraft(dfdg.At{Now: planNow, By: kbh}, inGroup(), draft())
	require.NoError(t, err)
	require.Len(t, d.Plans, 1)
	assert.True(t, d.Plans[0].Record.Draft)
	after := inGroup().Apply(d)
	require.NotNil(t, after.DraftPlan)
	assert.Equal(t, "p-2", after.DraftPlan.ID)
	assert.Equal(t, "p-1", after.Plan.ID, "the current plan stays")
	_, err = rules.CreateDraft(dfdg.At{Now: planNow, By: kbh}, after, draft())
	assert.ErrorIs(t, err, dfdgerrors.ErrInvalidState, "one draft at a time")
	_, err = rules.CreateDraft(dfdg.At{Now: planNow, By: dfdg.AkasseActor("ak-1")}, inGroup(), draft())
	assert.ErrorIs(t, err, dfdgerrors.ErrActorNotAllowed, "no a-kasse row; the plan service documents no 4575")
}

// DFDG 8060 'Operation is not allowed when citizen has no active contact group'.
func TestCode8060_DraftWithoutContactGroup(t *testing.T) {
	c := inGroup()
	c.Memberships = nil
	_, err := rules.CreateDraft(dfdg.At{Now: planNow, By: kbh}, c, draft())
	assert.ErrorIs(t, err, dfdgerrors.Code(8060))
	assert.Equal(t, "Operation ikke lovlig da borger ikke har en aktiv kontaktgruppe", dfdgerrors.ErrPlanNoContactGroup.Danish())
}

// DFDG 8055 'Responsible caseworker needs to be specified'.
func TestCode8055_CaseworkerMissing(t *testing.T) {
	p := draft()
	p.Caseworker = ""
	_, err := rules.CreateDraft(dfdg.At{Now: planNow, By: kbh}, inGroup(), p)
	assert.ErrorIs(t, err, dfdgerrors.Code(8055))
}

// DFDG 8018: an education plan's deadline (pålægsfrist) must be after today.
func TestCode8018_EducationDeadline(t *testing.T) {
	p := draft()
	p.Type, p.EducationDeadline = dfdg.Kombiplan, dfdg.MustParseDate("2025-09-15")
	_, err := rules.CreateDraft(dfdg.At{Now: planNow, By: kbh}, inGroup(), p)
	assert.ErrorIs(t, err, dfdgerrors.Code(8018))
	p.EducationDeadline = dfdg.MustParseDate("2025-09-16")
	_, err = rules.CreateDraft(dfdg.At{Now: planNow, By: kbh}, inGroup(), p)
	assert.NoError(t, err)
}

// DFDG 8044 'Education plan type is not allowed for citizen above age 30': from the 31st birthday,
// by the birth date the caller gives; without one, nothing is refused.
func TestCode8044_EducationPlanAboveThirty(t *testing.T) {
	p := draft()
	p.Type = dfdg.Uddannelsesplan
	c := inGroup()
	for born, refused := range map[string]bool{"1994-09-16": false, "1994-09-15": true, "1960-01-01": true, "2000-01-01": false} {
		c.Born = dfdg.MustParseDate(born)
		_, err := rules.CreateDraft(dfdg.At{Now: planNow, By: kbh}, c, p)
		if refused {
			assert.ErrorIs(t, err, dfdgerrors.Code(8044), born)
		} else {
			assert.NoError(t, err, born)
		}
	}
	c.Born = dfdg.Date{}
	_, err := rules.CreateDraft(dfdg.At{Now: planNow, By: kbh}, c, p)
	assert.NoError(t, err, "no birth date: not refused")
	c.Born = dfdg.MustParseDate("1960-01-01")
	p.Type = dfdg.Kombiplan
	_, err = rules.CreateDraft(dfdg.At{Now: planNow, By: kbh}, c, p)
	assert.NoError(t, err, "a Kombiplan has a job goal")
}

// DFDG 8075, the plan description's limit (PlanDescription "Length: 1-4050"); both its texts are the
// library's, since STAR's is cut off. The rectification replaces the current plan's description.
func TestCode8075_PlanDescription(t *testing.T) {
	p := draft()
	p.Description = strings.Repeat("ø", 4051)
	_, err := rules.CreateDraft(dfdg.At{Now: planNow, By: kbh}, inGroup(), p)
	assert.ErrorIs(t, err, dfdgerrors.Code(8075))
	b, _ := json.Marshal(dfdgerrors.New(dfdgerrors.ErrPlanDescriptionTooLong, "", "", ""))
	assert.Contains(t, string(b), `"oversat":["tekst","tekstEn"]`)

	d, err := rules.Rectify(dfdg.At{Now: planNow, By: kbh}, inGroup(), plan.Rectification{PlanVersion: "p-1", Description: strings.Repeat("ø", 4050)})
	require.NoError(t, err)
	assert.Equal(t, dfdg.Update, d.Plans[0].Type)
	assert.Equal(t, 4050, len([]rune(inGroup().Apply(d).Plan.Description)))
	_, err = rules.Rectify(dfdg.At{Now: planNow, By: kbh}, inGroup(), plan.Rectification{PlanVersion: "p-1", Description: strings.Repeat("ø", 4051)})
	assert.ErrorIs(t, err, dfdgerrors.ErrPlanDescriptionTooLong)
	_, err = rules.Rectify(dfdg.At{Now: planNow, By: kbh}, inGroup(), plan.Rectification{PlanVersion: "p-1"})
	assert.ErrorIs(t, err, dfdgerrors.ErrInvalidValue, "required, no code documented")
	_, err = rules.Rectify(dfdg.At{Now: planNow, By: kbh}, inGroup(), plan.Rectification{PlanVersion: "p-9", Description: "x"})
	assert.ErrorIs(t, err, dfdgerrors.ErrRecordNotFound)
}
