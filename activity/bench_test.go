package activity_test

import (
	"fmt"
	"testing"

	"github.com/regelkit/dfdg"
	dfdgerrors "github.com/regelkit/dfdg/errors"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// withActivities is a dagpengemodtager with a Jobplan and n company-oriented activities at other
// companies, so that a new praktik is accepted.
func withActivities(n int) dfdg.Citizen {
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
	a.References = []dfdg.Reference{{Type: dfdg.Handlekommune, Value: "0101"}}
	require.Empty(t, rules.ValidateCreate(atKbh, c, a))
	assert.Zero(t, testing.AllocsPerRun(100, func() { _ = rules.ValidateCreate(atKbh, c, a) }))
	assert.Zero(t, testing.AllocsPerRun(100, func() { _ = rules.CheckPlanType(atKbh, c) }))
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
		sinkErrs = rules.ValidateCreate(atKbh, c, a)
	}
}

// The 3.1 check, and the same check written by hand for comparison.
func BenchmarkCheckPlanType(b *testing.B) {
	c := dagpengemodtager(jobplan)
	b.ReportAllocs()
	for b.Loop() {
		sinkErr = rules.CheckPlanType(atKbh, c)
	}
}

func BenchmarkCheckPlanTypeHandWritten(b *testing.B) {
	c := dagpengemodtager(jobplan)
	b.ReportAllocs()
	for b.Loop() {
		sinkBool = handWrittenPlanType(c)
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
				sinkErrs = rules.ValidateCreate(atKbh, c, a)
			}
		})
	}
}

// handWrittenPlanType is rule 3.1 written for this one case: the group at now, then the plan.
func handWrittenPlanType(c dfdg.Citizen) bool {
	if kbh.Kind != dfdg.ActorMunicipality || c.Plan != nil && (c.Plan.Type == dfdg.Jobplan || c.Plan.Type == dfdg.Kombiplan) {
		return false
	}
	for _, m := range c.Memberships {
		if !now.Before(m.Start) && (m.End.IsZero() || now.Before(m.End)) {
			return m.Group == dfdg.Dagpengemodtager
		}
	}
	return false
}
