package activity_test

import (
	"fmt"
	"testing"

	"github.com/regelkit/dfdg"
	"github.com/regelkit/dfdg/activity"
	dfdgerrors "github.com/regelkit/dfdg/errors"
	"github.com/regelkit/dfdg/plan"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// withActivities is a dagpengemodtager with a Jobplan and n company-oriented activities at other
// companies, so that a new praktik is accepted.
func withActivities(n int) activity.Citizen {
	c := dagpengemodtager(jobplan)
	for i := range n {
		a := praktik(fmt.Sprint("e", i))
		a.Company.CVR = fmt.Sprint(20000000 + i)
		c.Activities = append(c.Activities, a)
	}
	return c
}

func TestValidateCreateAllocatesNothing(t *testing.T) {
	c := withActivities(50)
	a := praktik("new")
	a.References = []activity.Reference{{Type: activity.Handlekommune, Value: "0101"}}
	require.Empty(t, activity.ValidateCreate(c, a, kbh, now, nil))
	assert.Zero(t, testing.AllocsPerRun(100, func() { _ = activity.ValidateCreate(c, a, kbh, now, nil) }))
	assert.Zero(t, testing.AllocsPerRun(100, func() { _ = activity.CheckPlanType(c.ContactGroup, c.Plan, kbh) }))
}

var (
	sinkErrs dfdgerrors.List
	sinkErr  error
	sinkBool bool
)

func BenchmarkValidateCreate50(b *testing.B) {
	c := withActivities(50)
	a := praktik("new")
	b.ReportAllocs()
	for b.Loop() {
		sinkErrs = activity.ValidateCreate(c, a, kbh, now, nil)
	}
}

// The 3.1 check, and the same check written by hand for comparison.
func BenchmarkCheckPlanType(b *testing.B) {
	c := dagpengemodtager(jobplan)
	b.ReportAllocs()
	for b.Loop() {
		sinkErr = activity.CheckPlanType(c.ContactGroup, c.Plan, kbh)
	}
}

func BenchmarkCheckPlanTypeHandWritten(b *testing.B) {
	c := dagpengemodtager(jobplan)
	b.ReportAllocs()
	for b.Loop() {
		sinkBool = kbh.Kind == dfdg.ActorMunicipality && c.ContactGroup == 1 && (c.Plan == nil || c.Plan.Type != plan.Jobplan && c.Plan.Type != plan.Kombiplan)
	}
}

// The duplicate check is linear in the number of activities.
func BenchmarkValidateCreateScaling(b *testing.B) {
	for _, n := range []int{10, 100, 1000} {
		c := withActivities(n)
		a := praktik("new")
		b.Run(fmt.Sprint(n), func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				sinkErrs = activity.ValidateCreate(c, a, kbh, now, nil)
			}
		})
	}
}
