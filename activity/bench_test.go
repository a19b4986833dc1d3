package activity_test

import (
	"errors"
	"fmt"
	"testing"

	"github.com/regelkit/dfdg"
	"github.com/regelkit/dfdg/codelist"
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

// errHandWritten is the hand-written checks' rejection: a sentinel, made once.
var errHandWritten = errors.New("rejected")

// handWrittenPlanType is rule 3.1 written for this one case: the group at now, then the plan.
func handWrittenPlanType(c dfdg.Citizen) error {
	if kbh.Kind != dfdg.ActorMunicipality || c.Plan != nil && (c.Plan.Type == dfdg.Jobplan || c.Plan.Type == dfdg.Kombiplan) {
		return nil
	}
	for _, m := range c.Memberships {
		if !now.Before(m.Start) && (m.End.IsZero() || now.Before(m.End)) {
			if m.Group == dfdg.Dagpengemodtager {
				return errHandWritten
			}
			return nil
		}
	}
	return nil
}

// handWrittenDuplicate is rule 3.4 written for these cases: an active company-oriented activity with
// the same company, period, hours and job-offer type.
func handWrittenDuplicate(existing []dfdg.Activity, a *dfdg.Activity) error {
	if !a.CompanyOriented || a.Company.CVR == "" {
		return nil
	}
	for i := range existing {
		e := &existing[i]
		if e.Period == a.Period && e.JobOfferType == a.JobOfferType && e.Company.CVR == a.Company.CVR &&
			e.Company.PNumber == a.Company.PNumber && e.Status == dfdg.ActivityActive && e.CompanyOriented && e.Hours.Equal(a.Hours) {
			return errHandWritten
		}
	}
	return nil
}

// planTypeKept and duplicateKept are what the hand-written checks keep when they reject and keep
// their values, as the library does: the plan type the citizen has (or none), and the position and
// the whole of the existing activity.
type planTypeKept struct {
	have dfdg.PlanType
	none bool
}

func (*planTypeKept) Error() string { return "3.1: plan type missing" }

type duplicateKept struct {
	i        int
	existing dfdg.Activity
}

func (*duplicateKept) Error() string { return "3.4: duplicate" }

// handWrittenPlanTypeKept is handWrittenPlanType rejecting with what it found.
func handWrittenPlanTypeKept(c dfdg.Citizen) error {
	if kbh.Kind != dfdg.ActorMunicipality || c.Plan != nil && (c.Plan.Type == dfdg.Jobplan || c.Plan.Type == dfdg.Kombiplan) {
		return nil
	}
	for _, m := range c.Memberships {
		if !now.Before(m.Start) && (m.End.IsZero() || now.Before(m.End)) {
			if m.Group == dfdg.Dagpengemodtager {
				if c.Plan == nil {
					return &planTypeKept{none: true}
				}
				return &planTypeKept{have: c.Plan.Type}
			}
			return nil
		}
	}
	return nil
}

// handWrittenDuplicateKept is handWrittenDuplicate rejecting with what it found.
func handWrittenDuplicateKept(existing []dfdg.Activity, a *dfdg.Activity) error {
	if !a.CompanyOriented || a.Company.CVR == "" {
		return nil
	}
	for i := range existing {
		e := &existing[i]
		if e.Period == a.Period && e.JobOfferType == a.JobOfferType && e.Company.CVR == a.Company.CVR &&
			e.Company.PNumber == a.Company.PNumber && e.Status == dfdg.ActivityActive && e.CompanyOriented && e.Hours.Equal(a.Hours) {
			return &duplicateKept{i, *e}
		}
	}
	return nil
}

// withDuplicate is withActivities(n) with, last, the same praktik as the new one: the duplicate check
// reads every activity before it rejects.
func withDuplicate(n int) dfdg.Citizen {
	c := withActivities(n)
	c.Activities = append(c.Activities, praktik("same"))
	return c
}

// The library and the hand-written checks agree on the benchmarks' cases, and the library allocates
// nothing when it accepts, nothing for a 3.1 rejection after the first of its kind, the error for a
// 3.4 rejection, and through ValidateCreate at most the error and the list.
func TestRules3_1And3_4Allocations(t *testing.T) {
	accept, reject := dagpengemodtager(jobplan), dagpengemodtager(nil)
	require.NoError(t, rules.CheckPlanType(atKbh, accept))
	require.NoError(t, handWrittenPlanType(accept))
	require.ErrorIs(t, rules.CheckPlanType(atKbh, reject), dfdgerrors.ErrPlanTypeMissing)
	require.Error(t, handWrittenPlanType(reject))
	assert.Zero(t, testing.AllocsPerRun(100, func() { sinkErr = rules.CheckPlanType(atKbh, accept) }))
	assert.Zero(t, testing.AllocsPerRun(100, func() { sinkErr = rules.CheckPlanType(atKbh, reject) }))
	// The rejections name what the citizen has: no plan, or the plan's type.
	e, _ := dfdgerrors.As(rules.CheckPlanType(atKbh, reject))
	assert.Equal(t, "ingen plan", e.Value())
	e, _ = dfdgerrors.As(rules.CheckPlanType(atKbh, dagpengemodtager(&dfdg.Plan{Type: dfdg.Uddannelsesplan})))
	assert.Equal(t, dfdg.Uddannelsesplan.String(), e.Value())

	a := praktik("new")
	none, dup := withActivities(50), withDuplicate(50)
	require.NoError(t, rules.CheckDuplicate(atKbh, none, a))
	require.NoError(t, handWrittenDuplicate(none.Activities, &a))
	err := rules.CheckDuplicate(atKbh, dup, a)
	require.ErrorIs(t, err, dfdgerrors.ErrDuplicateActivity)
	require.Error(t, handWrittenDuplicate(dup.Activities, &a))
	e, _ = dfdgerrors.As(err)
	assert.Equal(t, dfdgerrors.Path("borger.aktiviteter[50]"), e.Field())
	da, _ := e.Detail()
	assert.Equal(t, "samme som same (CVR 12345678, 2025-10-01–2025-11-30, 37 timer, jobtilbudtype 1)", da)
	assert.Zero(t, testing.AllocsPerRun(100, func() { sinkErr = rules.CheckDuplicate(atKbh, none, a) }))
	assert.Equal(t, 1.0, testing.AllocsPerRun(100, func() { sinkErr = rules.CheckDuplicate(atKbh, dup, a) }))
	// A duplicate first among the activities is found too.
	first := dagpengemodtager(jobplan, praktik("same"))
	first.Activities = append(first.Activities, withActivities(3).Activities...)
	err = rules.CheckDuplicate(atKbh, first, a)
	require.ErrorIs(t, err, dfdgerrors.ErrDuplicateActivity)
	e, _ = dfdgerrors.As(err)
	assert.Equal(t, dfdgerrors.Path("borger.aktiviteter[0]"), e.Field())
	require.ErrorIs(t, rules.ValidateCreate(atKbh, first, a).Err(), dfdgerrors.ErrDuplicateActivity)
	require.Len(t, rules.ValidateCreate(atKbh, dup, a), 1)
	assert.LessOrEqual(t, testing.AllocsPerRun(100, func() { sinkErrs = rules.ValidateCreate(atKbh, dup, a) }), 2.0)
}

func BenchmarkValidateCreate50(b *testing.B) {
	c := withActivities(50)
	a := praktik("new")
	b.ReportAllocs()
	for b.Loop() {
		sinkErrs = rules.ValidateCreate(atKbh, c, a)
	}
}

// BenchmarkRule3_1 is the 3.1 check on its accepting path (a Jobplan) and its rejecting path (no
// plan), the library beside the same check written by hand.
func BenchmarkRule3_1(b *testing.B) {
	for _, path := range []struct {
		name string
		c    dfdg.Citizen
	}{{"accept", dagpengemodtager(jobplan)}, {"reject", dagpengemodtager(nil)}} {
		c := path.c
		b.Run(path.name+"/library", func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				sinkErr = rules.CheckPlanType(atKbh, c)
			}
		})
		b.Run(path.name+"/handwritten", func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				sinkErr = handWrittenPlanType(c)
			}
		})
		if path.name == "reject" {
			b.Run("reject/handwritten-kept", func(b *testing.B) {
				b.ReportAllocs()
				for b.Loop() {
					sinkErr = handWrittenPlanTypeKept(c)
				}
			})
		}
	}
}

// BenchmarkRule3_4 is the 3.4 check against 50 company-oriented activities with the same dates,
// hours and job-offer type at other companies (every comparison reaches the company), on its
// accepting path and its rejecting path (the 51st is the same), then ValidateCreate rejecting.
func BenchmarkRule3_4(b *testing.B) {
	a := praktik("new")
	for _, path := range []struct {
		name string
		c    dfdg.Citizen
	}{{"accept", withActivities(50)}, {"reject", withDuplicate(50)}} {
		c := path.c
		b.Run(path.name+"/library", func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				sinkErr = rules.CheckDuplicate(atKbh, c, a)
			}
		})
		b.Run(path.name+"/handwritten", func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				sinkErr = handWrittenDuplicate(c.Activities, &a)
			}
		})
		if path.name == "reject" {
			b.Run("reject/handwritten-kept", func(b *testing.B) {
				b.ReportAllocs()
				for b.Loop() {
					sinkErr = handWrittenDuplicateKept(c.Activities, &a)
				}
			})
		}
	}
	c := withDuplicate(50)
	b.Run("reject/ValidateCreate", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			sinkErrs = rules.ValidateCreate(atKbh, c, a)
		}
	})
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

// isMunicipality is what the hand-written 3.2 check knows of the municipality list.
var isMunicipality = func() (out [1000]bool) {
	for e := range codelist.Default().Municipalities().All() {
		out[e.ID] = true
	}
	return out
}()

// handWrittenReferences is rule 3.2's check of external references written by hand: types 1 to 6,
// and for 5 and 6 a code of three digits, or four with a leading zero, that is one of the 98
// municipalities.
func handWrittenReferences(a *dfdg.Activity) error {
	for i := range a.References {
		ref := &a.References[i]
		if ref.Type < 1 || ref.Type > 6 {
			return errHandWritten
		}
		if ref.Type < 5 {
			continue
		}
		v := ref.Value
		if len(v) == 4 && v[0] == '0' {
			v = v[1:]
		}
		if len(v) != 3 || v[0] < '0' || v[0] > '9' || v[1] < '0' || v[1] > '9' || v[2] < '0' || v[2] > '9' ||
			!isMunicipality[int(v[0]-'0')*100+int(v[1]-'0')*10+int(v[2]-'0')] {
			return errHandWritten
		}
	}
	return nil
}

// referenceKept is the least a rejection of a reference that keeps its values can be: the position
// and the value, in one allocation, with no texts.
type referenceKept struct {
	i     int
	value string
}

func (*referenceKept) Error() string { return "3.2: invalid reference" }

// handWrittenReferencesKept is handWrittenReferences rejecting with what it found (a referenceKept)
// instead of a sentinel: the figure that shows what keeping a rejection's values costs on its own,
// the floor for the library's rejection, which must keep them.
func handWrittenReferencesKept(a *dfdg.Activity) error {
	for i := range a.References {
		ref := &a.References[i]
		if ref.Type < 1 || ref.Type > 6 {
			return &referenceKept{i, ref.Value}
		}
		if ref.Type < 5 {
			continue
		}
		v := ref.Value
		if len(v) == 4 && v[0] == '0' {
			v = v[1:]
		}
		if len(v) != 3 || v[0] < '0' || v[0] > '9' || v[1] < '0' || v[1] > '9' || v[2] < '0' || v[2] > '9' ||
			!isMunicipality[int(v[0]-'0')*100+int(v[1]-'0')*10+int(v[2]-'0')] {
			return &referenceKept{i, ref.Value}
		}
	}
	return nil
}

// withReferences is a praktik with three external references, one of each kind the rule reads.
func withReferences() dfdg.Activity {
	a := praktik("a-1")
	a.References = []dfdg.Reference{{Type: 1, Value: "sag-17"}, {Type: dfdg.Handlekommune, Value: "0101"}, {Type: dfdg.Betalingskommune, Value: "0147"}}
	return a
}

// handWrittenReferencesV1 is handWrittenReferences called as the library is, with the call's
// context, the citizen and the activity as values (the v1 convention): the second figure to compare
// with, which separates what the rule's code costs from what passing the activity by value does.
func handWrittenReferencesV1(_ dfdg.At, _ dfdg.Citizen, a dfdg.Activity) error {
	return handWrittenReferences(&a)
}

func TestRule3_2_HandWrittenAgrees(t *testing.T) {
	a, c := withReferences(), dagpengemodtager(jobplan)
	require.NoError(t, rules.CheckReferences(atKbh, c, a))
	require.NoError(t, handWrittenReferences(&a))
	require.NoError(t, handWrittenReferencesV1(atKbh, c, a))
	require.NoError(t, handWrittenReferencesKept(&a))
	assert.Zero(t, testing.AllocsPerRun(100, func() { sinkErr = rules.CheckReferences(atKbh, c, a) }))
	for _, bad := range []dfdg.Reference{{Type: 7, Value: "x"}, {Type: 5, Value: "0999"}, {Type: 6, Value: "01x1"}, {Type: 5, Value: "00101"}} {
		b := withReferences()
		b.References = append(b.References, bad)
		err := rules.CheckReferences(atKbh, c, b)
		require.Error(t, err, "%v", bad)
		if e, ok := dfdgerrors.As(err); assert.True(t, ok) {
			assert.Equal(t, dfdg.Rule3_2, e.Rule())
		}
		require.Error(t, handWrittenReferences(&b))
		require.Error(t, handWrittenReferencesV1(atKbh, c, b))
		require.Equal(t, &referenceKept{3, bad.Value}, handWrittenReferencesKept(&b))
		assert.Equal(t, 1.0, testing.AllocsPerRun(100, func() { sinkErr = rules.CheckReferences(atKbh, c, b) }))
	}
}

// BenchmarkRule3_2 is the check of three external references, accepted, and of four whose last is
// not a municipality, rejected, beside the same check written by hand: called directly; accepting,
// also called as the library is (handWrittenReferencesV1); rejecting, also keeping the values it
// found (handWrittenReferencesKept).
func BenchmarkRule3_2(b *testing.B) {
	c := dagpengemodtager(jobplan)
	rejected := withReferences()
	rejected.References = append(rejected.References, dfdg.Reference{Type: dfdg.Betalingskommune, Value: "0999"})
	for _, path := range []struct {
		name string
		a    dfdg.Activity
	}{{"accept", withReferences()}, {"reject", rejected}} {
		a := path.a
		b.Run(path.name+"/library", func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				sinkErr = rules.CheckReferences(atKbh, c, a)
			}
		})
		b.Run(path.name+"/handwritten", func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				sinkErr = handWrittenReferences(&a)
			}
		})
		if path.name == "accept" {
			b.Run(path.name+"/handwritten-v1", func(b *testing.B) {
				b.ReportAllocs()
				for b.Loop() {
					sinkErr = handWrittenReferencesV1(atKbh, c, a)
				}
			})
		} else {
			b.Run(path.name+"/handwritten-kept", func(b *testing.B) {
				b.ReportAllocs()
				for b.Loop() {
					sinkErr = handWrittenReferencesKept(&a)
				}
			})
		}
	}
}
