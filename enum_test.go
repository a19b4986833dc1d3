package dfdg_test

import (
	"encoding"
	"fmt"
	"testing"

	"github.com/regelkit/dfdg"
	"github.com/regelkit/dfdg/contactgroup"
	dfdgerrors "github.com/regelkit/dfdg/errors"
	"github.com/regelkit/dfdg/gdpr"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// enumText is an enum value as its type's text methods see it.
type enumText interface {
	fmt.Stringer
	encoding.TextMarshaler
}

// Issue 22: every enum of the library answers alike. Its values round-trip through their text; a
// value outside the list prints as "Type(n)" and is refused by MarshalText; a text it does not read
// is an ErrInvalidValue at the field's path; the empty text is the zero value; a nil pointer is
// refused.
func TestEveryEnumAnswersAlike(t *testing.T) {
	check := func(name string, values []enumText, outside enumText, read func([]byte) (enumText, error), readNil func() error) {
		t.Run(name, func(t *testing.T) {
			for _, v := range values {
				b, err := v.MarshalText()
				require.NoError(t, err, "%v", v)
				back, err := read(b)
				require.NoError(t, err, "%s", b)
				assert.Equal(t, v, back)
			}
			assert.Equal(t, fmt.Sprintf("%s(%d)", name, 200), outside.String())
			_, err := outside.MarshalText()
			assert.ErrorIs(t, err, dfdgerrors.ErrInvalidValue)
			_, err = read([]byte("ingen sådan værdi"))
			e, ok := dfdgerrors.As(err)
			require.True(t, ok, "%v", err)
			assert.Equal(t, dfdgerrors.ErrInvalidValue, e.Kind())
			assert.NotEmpty(t, e.Field())
			assert.Equal(t, "ingen sådan værdi", e.Value())
			assert.Contains(t, e.Danish(), "skriv ")
			zero, err := read(nil)
			require.NoError(t, err)
			assert.Equal(t, values[0], zero, "the empty text is the zero value")
			assert.ErrorIs(t, readNil(), dfdgerrors.ErrInvalidValue)
		})
	}
	check("ActivityStatus", []enumText{dfdg.ActivityActive, dfdg.ActivityCancelled, dfdg.ActivityInterrupted}, dfdg.ActivityStatus(200),
		func(b []byte) (enumText, error) { var v dfdg.ActivityStatus; err := v.UnmarshalText(b); return v, err },
		func() error { return (*dfdg.ActivityStatus)(nil).UnmarshalText(nil) })
	check("DeadlineStatus", []enumText{dfdg.DeadlineOpen, dfdg.DeadlineOverdue, dfdg.DeadlineFulfilled, dfdg.DeadlineClosed}, dfdg.DeadlineStatus(200),
		func(b []byte) (enumText, error) { var v dfdg.DeadlineStatus; err := v.UnmarshalText(b); return v, err },
		func() error { return (*dfdg.DeadlineStatus)(nil).UnmarshalText(nil) })
	var kinds []enumText
	for _, k := range append([]dfdg.RecordKind{0}, dfdg.RecordKinds()...) {
		kinds = append(kinds, k)
	}
	check("RecordKind", kinds, dfdg.RecordKind(200),
		func(b []byte) (enumText, error) { var v dfdg.RecordKind; err := v.UnmarshalText(b); return v, err },
		func() error { return (*dfdg.RecordKind)(nil).UnmarshalText(nil) })
	check("ChangeType", []enumText{dfdg.ChangeType(0), dfdg.Create, dfdg.Update, dfdg.Delete}, dfdg.ChangeType(200),
		func(b []byte) (enumText, error) { var v dfdg.ChangeType; err := v.UnmarshalText(b); return v, err },
		func() error { return (*dfdg.ChangeType)(nil).UnmarshalText(nil) })
	check("ActorKind", []enumText{dfdg.ActorKind(0), dfdg.ActorMunicipality, dfdg.ActorAkasse, dfdg.ActorSTAR, dfdg.ActorKY, dfdg.ActorKSD, dfdg.ActorJobnet}, dfdg.ActorKind(200),
		func(b []byte) (enumText, error) { var v dfdg.ActorKind; err := v.UnmarshalText(b); return v, err },
		func() error { return (*dfdg.ActorKind)(nil).UnmarshalText(nil) })
	check("PlanType", []enumText{dfdg.PlanTypeUnknown, dfdg.Jobplan, dfdg.Kombiplan, dfdg.Uddannelsesplan, dfdg.OtherPlanType}, dfdg.PlanType(200),
		func(b []byte) (enumText, error) { var v dfdg.PlanType; err := v.UnmarshalText(b); return v, err },
		func() error { return (*dfdg.PlanType)(nil).UnmarshalText(nil) })
	check("Act", []enumText{dfdg.OtherAct, dfdg.IntegrationAct}, dfdg.Act(200),
		func(b []byte) (enumText, error) { var v dfdg.Act; err := v.UnmarshalText(b); return v, err },
		func() error { return (*dfdg.Act)(nil).UnmarshalText(nil) })
	check("BenefitOutcome", []enumText{contactgroup.BenefitOutcome(0), contactgroup.BenefitGranted, contactgroup.BenefitRejected}, contactgroup.BenefitOutcome(200),
		func(b []byte) (enumText, error) {
			var v contactgroup.BenefitOutcome
			err := v.UnmarshalText(b)
			return v, err
		},
		func() error { return (*contactgroup.BenefitOutcome)(nil).UnmarshalText(nil) })
	check("Basis", []enumText{gdpr.Basis(0), gdpr.AfterDeregistration, gdpr.NeverLogNoPeriod}, gdpr.Basis(200),
		func(b []byte) (enumText, error) { var v gdpr.Basis; err := v.UnmarshalText(b); return v, err },
		func() error { return (*gdpr.Basis)(nil).UnmarshalText(nil) })

	// The other spellings each type reads.
	var c dfdg.ChangeType
	for in, want := range map[string]dfdg.ChangeType{"1": dfdg.Create, "Update": dfdg.Update, "Slet": dfdg.Delete, "3": dfdg.Delete} {
		require.NoError(t, c.UnmarshalText([]byte(in)))
		assert.Equal(t, want, c, in)
	}
	var p dfdg.PlanType
	require.NoError(t, p.UnmarshalText([]byte("kombiplan")))
	assert.Equal(t, dfdg.Kombiplan, p, "in any case")
	var b gdpr.Basis
	require.NoError(t, b.UnmarshalText([]byte(gdpr.AfterSent.English())))
	assert.Equal(t, gdpr.AfterSent, b, "the English text too")
}
