package errors_test

import (
	"encoding/json"
	"errors"
	"fmt"
	"strconv"
	"testing"

	dfdgerrors "github.com/regelkit/dfdg/errors"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// appendRange formats n–x, a stand-in for the formatters package dfdg passes to Formatted.
type appendRange struct{}

func (appendRange) AppendArg(b []byte, s string, n int64) []byte {
	b = append(b, s...)
	b = strconv.AppendInt(b, n>>32, 10)
	b = append(b, "–"...)
	return strconv.AppendInt(b, n&(1<<32-1), 10)
}

func span(from, to int64) int64 { return from<<32 | to }

func TestDetailArgsAreFormattedWhenRead(t *testing.T) {
	e := dfdgerrors.New(dfdgerrors.ErrOverlapNotAllowed).
		WithFieldArg("periode", dfdgerrors.Formatted(appendRange{}, "dag ", span(3, 9))).
		WithDetailArgs("{0} (type {1}) overlapper {2}; {9} og {x} bliver stående", "{0} (type {1}) overlaps {2}",
			dfdgerrors.Text("a1"), dfdgerrors.Int(66), dfdgerrors.Formatted(appendRange{}, "", span(1, 2)))
	assert.Equal(t, "dag 3–9", e.Value())
	assert.Equal(t, "a1 (type 66) overlapper 1–2; {9} og {x} bliver stående", e.Detail())
	assert.Equal(t, "a1 (type 66) overlaps 1–2", e.DetailEN())
	assert.Contains(t, e.Error(), "periode=dag 3–9")

	var back dfdgerrors.Error
	b, err := json.Marshal(e)
	require.NoError(t, err)
	require.NoError(t, json.Unmarshal(b, &back))
	assert.Equal(t, e.Detail(), back.Detail())
	assert.Equal(t, e.Value(), back.Value())
	assert.Equal(t, e.Error(), back.Error())

	// WithDetail after WithDetailArgs is plain text again: its braces are not placeholders.
	e.WithDetail("{0}", "{0}")
	assert.Equal(t, "{0}", e.Detail())
}

func TestDetailArgsBeyondSixAreDropped(t *testing.T) {
	args := make([]dfdgerrors.Arg, 8)
	for i := range args {
		args[i] = dfdgerrors.Int(i)
	}
	e := dfdgerrors.New(dfdgerrors.ErrInvalidValue).WithDetailArgs("{0}{5}{6}{7}", "", args...)
	assert.Equal(t, "05{6}{7}", e.Detail())
}

func TestArgsAreMaskedWhenRead(t *testing.T) {
	e := dfdgerrors.New(dfdgerrors.ErrInvalidValue).WithFieldArg("x", dfdgerrors.Text("0707614321")).
		WithDetailArgs("cpr {0}{1}", "cpr {0}{1}", dfdgerrors.Text("070761"), dfdgerrors.Int(4321))
	for _, s := range []string{e.Value(), e.Detail(), e.DetailEN(), e.Error(), fmt.Sprint(e)} {
		assert.NotContains(t, s, "4321")
	}
	// The Arg itself is a value for the Error to mask: it gives its text as it is.
	assert.Equal(t, "0707614321", dfdgerrors.Text("0707614321").String())
	assert.Equal(t, "", dfdgerrors.Arg{}.String())
	assert.Equal(t, "-12", dfdgerrors.Int(-12).String())
}

func TestFrozenErrorIsNeverChanged(t *testing.T) {
	shared := dfdgerrors.New(dfdgerrors.ErrPlanTypeMissing).WithRule("3.1").WithField("plan", "ingen plan").Freeze()
	before := shared.Error()
	changed := shared.WithRule("9.9").WithField("x", "y").WithDetail("d", "d").WithDetailArgs("{0}", "{0}", dfdgerrors.Int(1))
	assert.NotSame(t, shared, changed)
	assert.Equal(t, before, shared.Error())
	assert.Equal(t, dfdgerrors.RuleID("9.9"), changed.Rule())
	assert.Equal(t, "1", changed.Detail())
	// A changed copy is not frozen: its own With methods change it in place.
	assert.Same(t, changed, changed.WithRule("1.1"))
	assert.Error(t, json.Unmarshal([]byte(`{"aarsag":"InvalidValue","tekst":"","tekstEn":""}`), shared))
	assert.Equal(t, before, shared.Error())
	assert.True(t, errors.Is(shared, dfdgerrors.ErrPlanTypeMissing))
	var nilErr *dfdgerrors.Error
	assert.Equal(t, dfdgerrors.Kind(0), nilErr.Freeze().Kind())
}

func TestRejectionCostsOneAllocation(t *testing.T) {
	var sink *dfdgerrors.Error
	id, other := "a1", "a2"
	allocs := testing.AllocsPerRun(100, func() {
		sink = dfdgerrors.New(dfdgerrors.ErrOverlapNotAllowed).WithRule("2.1").
			WithFieldArg("periode", dfdgerrors.Formatted(appendRange{}, "", span(1, 2))).
			WithDetailArgs("{0} overlapper {1}", "{0} overlaps {1}", dfdgerrors.Text(id), dfdgerrors.Text(other))
	})
	assert.Equal(t, 1.0, allocs)
	assert.Equal(t, "a1 overlapper a2", sink.Detail())
}

func TestAsFindsTheErrorWithoutAllocating(t *testing.T) {
	inner := dfdgerrors.New(dfdgerrors.ErrMissingValue)
	wrapped := fmt.Errorf("kald: %w", inner)
	both := errors.Join(errors.New("andet"), wrapped)
	list := dfdgerrors.List{nil, inner}.Err()
	for _, err := range []error{inner, wrapped, both, list} {
		got, ok := dfdgerrors.As(err)
		assert.True(t, ok, "%v", err)
		assert.Same(t, inner, got)
	}
	for _, err := range []error{nil, errors.New("x"), (*dfdgerrors.Error)(nil), asOnly{}} {
		_, ok := dfdgerrors.As(err)
		assert.False(t, ok, "%v", err)
	}
	got, ok := dfdgerrors.As(asOnly{inner})
	assert.True(t, ok)
	assert.Same(t, inner, got)
	assert.Zero(t, testing.AllocsPerRun(100, func() { _, _ = dfdgerrors.As(wrapped) }))
}

// asOnly finds its error through an As method, as some wrapping errors do.
type asOnly struct{ e *dfdgerrors.Error }

func (a asOnly) Error() string { return "as" }
func (a asOnly) As(target any) bool {
	if t, ok := target.(**dfdgerrors.Error); ok && a.e != nil {
		*t = a.e
		return true
	}
	return false
}

func TestWithItemWritesThePathWhenRead(t *testing.T) {
	e := dfdgerrors.New(dfdgerrors.ErrInvalidValue).WithItem("borger.aktiviteter", 3, "", dfdgerrors.Text("a-3"))
	assert.Equal(t, dfdgerrors.Path("borger.aktiviteter[3]"), e.Field())
	assert.Equal(t, "a-3", e.Value())
	e.WithItem("eksterneReferencer", 0, "vaerdi", dfdgerrors.Int(7))
	assert.Equal(t, dfdgerrors.Path("eksterneReferencer[0].vaerdi"), e.Field())
	assert.Contains(t, e.Error(), "eksterneReferencer[0].vaerdi=7")
	e.WithItem("liste", -1, "x", dfdgerrors.Text(""))
	assert.Equal(t, dfdgerrors.Path("liste"), e.Field())
	e.WithItem("liste", 1<<31-2, "x", dfdgerrors.Text(""))
	assert.Equal(t, dfdgerrors.Path("liste[2147483646].x"), e.Field(), "the last position an Error holds")
	e.WithItem("liste", 1<<31-1, "x", dfdgerrors.Text(""))
	assert.Equal(t, dfdgerrors.Path("liste"), e.Field(), "beyond it, the list itself")
	e.WithItem("liste", 2, "x", dfdgerrors.Text("")).WithField("felt", "v")
	assert.Equal(t, dfdgerrors.Path("felt"), e.Field())
	var back dfdgerrors.Error
	b, err := json.Marshal(dfdgerrors.New(dfdgerrors.ErrInvalidValue).WithItem("l", 1, "c", dfdgerrors.Text("v")))
	require.NoError(t, err)
	require.NoError(t, json.Unmarshal(b, &back))
	assert.Equal(t, dfdgerrors.Path("l[1].c"), back.Field())
	assert.Equal(t, 1.0, testing.AllocsPerRun(100, func() {
		e = dfdgerrors.New(dfdgerrors.ErrInvalidValue).WithItem("l", 12, "c", dfdgerrors.Text("v"))
	}))
}

// Two rejections with the same arguments are equal, as a test that compares them whole expects.
func TestErrorsWithTheSameArgsAreEqual(t *testing.T) {
	make := func() *dfdgerrors.Error {
		return dfdgerrors.New(dfdgerrors.ErrOverlapNotAllowed).WithFieldArg("periode", dfdgerrors.Formatted(appendRange{}, "", span(1, 2))).
			WithDetailArgs("{0} {1}", "{0} {1}", dfdgerrors.Int(66), dfdgerrors.Text("a"))
	}
	assert.Equal(t, make(), make())
	assert.NotEqual(t, make(), make().WithDetailArgs("{0} {1}", "{0} {1}", dfdgerrors.Int(67), dfdgerrors.Text("a")))
}

// Up to three arguments live in the Error's own allocation; four to six take one of their own, and a
// frozen Error's arguments are never changed through a copy of it.
func TestDetailArgsBeyondThree(t *testing.T) {
	var sink *dfdgerrors.Error
	args := []dfdgerrors.Arg{dfdgerrors.Text("a"), dfdgerrors.Int(1), dfdgerrors.Text("b"), dfdgerrors.Int(2), dfdgerrors.Text("c")}
	assert.Equal(t, 1.0, testing.AllocsPerRun(100, func() {
		sink = dfdgerrors.New(dfdgerrors.ErrInvalidValue).WithDetailArgs("{0}{1}{2}", "", args[:3]...)
	}))
	assert.Equal(t, "a1b", sink.Detail())
	assert.Equal(t, 2.0, testing.AllocsPerRun(100, func() {
		sink = dfdgerrors.New(dfdgerrors.ErrInvalidValue).WithDetailArgs("{0}{1}{2}{3}{4}", "", args...)
	}))
	assert.Equal(t, "a1b2c", sink.Detail())

	shared := dfdgerrors.New(dfdgerrors.ErrInvalidValue).WithDetailArgs("{0}{4}", "{4}{0}", args...).Freeze()
	args[0] = dfdgerrors.Text("changed")
	assert.Equal(t, "ac", shared.Detail(), "the Error keeps its own copy of the arguments")
	changed := shared.WithRule("1.1")
	changed.WithDetailArgs("{0}{1}", "{0}", dfdgerrors.Int(8), dfdgerrors.Int(9))
	assert.Equal(t, "89", changed.Detail())
	assert.Equal(t, "ac", shared.Detail())
	assert.Equal(t, "ca", shared.DetailEN())
	changed.WithDetailArgs("{0}{1}{2}{3}", "", args[1:]...)
	assert.Equal(t, "1b2c", changed.Detail())
	assert.Equal(t, "ac", shared.Detail())
	changed.WithDetail("plain {0}", "plain {0}")
	assert.Equal(t, "plain {0}", changed.Detail(), "WithDetail drops the arguments")
}
