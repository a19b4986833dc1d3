package errors_test

import (
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"testing"

	dfdgerrors "github.com/regelkit/dfdg/errors"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// pair is a Cause of a rule's own, as rule 2.1's is: two ids and a span, kept as values.
type pair struct {
	id, other string
	from, to  int
}

func (p pair) Where() (dfdgerrors.Path, string) {
	return "periode", fmt.Sprintf("%d–%d", p.from, p.to)
}

func (p pair) Explain() (danish, english string) {
	return p.id + " overlapper " + p.other, p.id + " overlaps " + p.other
}

func (p pair) Error() string { _, en := p.Explain(); return en }

func newPair(id, other string) *dfdgerrors.Error {
	return dfdgerrors.NewCause(dfdgerrors.ErrOverlapNotAllowed, "2.1", pair{id: id, other: other, from: 1, to: 2})
}

// An Error made with NewCause reads as one made with New and WithDetail that says the same.
func TestNewCauseReadsAsNew(t *testing.T) {
	caused := newPair("fr-1", "fr-2")
	plain := dfdgerrors.New(dfdgerrors.ErrOverlapNotAllowed, "2.1", "periode", "1–2").
		WithDetail("fr-1 overlapper fr-2", "fr-1 overlaps fr-2")
	for _, e := range []*dfdgerrors.Error{caused, plain} {
		assert.Equal(t, dfdgerrors.Path("periode"), e.Field())
		assert.Equal(t, "1–2", e.Value())
		da, en := e.Detail()
		assert.Equal(t, "fr-1 overlapper fr-2", da)
		assert.Equal(t, "fr-1 overlaps fr-2", en)
		assert.Equal(t, dfdgerrors.RuleID("2.1"), e.Rule())
		assert.True(t, errors.Is(e, dfdgerrors.ErrOverlapNotAllowed))
	}
	assert.Equal(t, plain.Error(), caused.Error())
	a, err := json.Marshal(caused)
	require.NoError(t, err)
	b, err := json.Marshal(plain)
	require.NoError(t, err)
	assert.JSONEq(t, string(b), string(a))
}

// errors.As reaches a cause's values; an Error without one unwraps to nothing.
func TestCauseIsReachedWithAs(t *testing.T) {
	var err error = fmt.Errorf("wrapped: %w", newPair("fr-1", "fr-2"))
	var p *pair
	require.True(t, errors.As(err, &p))
	assert.Equal(t, "fr-2", p.other)
	assert.Nil(t, dfdgerrors.New(dfdgerrors.ErrInvalidValue, "", "", "").Unwrap())
	assert.Nil(t, (*dfdgerrors.Error)(nil).Unwrap())
}

// A rejection costs one allocation, the Error with its values, made either way.
func TestRejectionCostsOneAllocation(t *testing.T) {
	id, other := "fr-1", "fr-2"
	assert.Equal(t, 1.0, testing.AllocsPerRun(100, func() {
		sinkError = dfdgerrors.NewCause(dfdgerrors.ErrOverlapNotAllowed, "2.1", pair{id: id, other: other})
	}))
	assert.Equal(t, 1.0, testing.AllocsPerRun(100, func() {
		sinkError = dfdgerrors.New(dfdgerrors.ErrOverlapNotAllowed, "2.1", "periode", id).WithDetail("a", "b")
	}))
}

// WithField moves a rejection: its path and value take the place of its cause's, and the cause stays.
func TestWithFieldMovesARejection(t *testing.T) {
	e := newPair("fr-1", "fr-2").WithField("borger.fravaer[3].periode", "x")
	assert.Equal(t, dfdgerrors.Path("borger.fravaer[3].periode"), e.Field())
	assert.Equal(t, "x", e.Value())
	da, _ := e.Detail()
	assert.Equal(t, "fr-1 overlapper fr-2", da)
	var p *pair
	assert.True(t, errors.As(e, &p))
	// WithDetail's texts come before a cause's.
	da, _ = e.WithDetail("eget", "own").Detail()
	assert.Equal(t, "eget", da)
	// A detail given over a cause keeps the cause's place.
	d := newPair("fr-1", "fr-2").WithDetail("eget", "own")
	assert.Equal(t, dfdgerrors.Path("periode"), d.Field())
	assert.Equal(t, "1–2", d.Value())
	assert.True(t, errors.As(d, &p), "and the cause stays reachable")
	// On a nil Error, both make one.
	assert.Equal(t, dfdgerrors.Path("f"), (*dfdgerrors.Error)(nil).WithField("f", "v").Field())
	da, _ = (*dfdgerrors.Error)(nil).WithDetail("d", "e").Detail()
	assert.Equal(t, "d", da)
}

// No verb of fmt shows a stored value unmasked, on an *Error or an Error value, and every one shows
// what Error shows.
func TestFormatMasksEveryVerb(t *testing.T) {
	const cpr = "0707614321"
	e := dfdgerrors.New(dfdgerrors.ErrInvalidValue, "regel "+cpr, dfdgerrors.Path("felt"+cpr), cpr).WithDetail(cpr, cpr)
	for _, verb := range []string{"%v", "%+v", "%#v", "%s", "%q", "%x", "%d", "%T %v"} {
		for _, v := range []any{e, *e} {
			s := fmt.Sprintf(verb, v)
			assert.NotContains(t, s, cpr, "%s", verb)
			if verb != "%q" && verb != "%T %v" {
				assert.Equal(t, e.Error(), s, "%s", verb)
			}
		}
	}
	assert.Equal(t, fmt.Sprintf("%q", e.Error()), fmt.Sprintf("%q", e))
}

// Everything an Error gives is masked, the rule and the path in its JSON too.
func TestErrorJSONIsMasked(t *testing.T) {
	const cpr = "0707614321"
	e := dfdgerrors.New(dfdgerrors.ErrInvalidValue, dfdgerrors.RuleID(cpr), dfdgerrors.Path("a."+cpr), cpr).WithDetail(cpr, cpr)
	b, err := json.Marshal(e)
	require.NoError(t, err)
	assert.NotContains(t, string(b), cpr)
	da, en := e.Detail()
	for _, s := range []string{e.Error(), e.Value(), da, en, e.Danish(), e.English()} {
		assert.NotContains(t, s, cpr)
	}
	caused := newPair(cpr, "x "+cpr)
	b, err = json.Marshal(caused)
	require.NoError(t, err)
	assert.NotContains(t, string(b), cpr)
	assert.False(t, strings.Contains(caused.Error(), cpr))
}

// WithField and WithDetail return the Error with them: the same one when New made it, a new one
// over a rule's own rejection, which stays as the rule made it, so that a rule may give it again.
func TestWithLeavesARulesOwnRejection(t *testing.T) {
	made := dfdgerrors.New(dfdgerrors.ErrInvalidValue, "", "a", "1")
	assert.Same(t, made, made.WithField("b", "2"))
	assert.Same(t, made, made.WithDetail("d", "e"))
	assert.Equal(t, dfdgerrors.Path("b"), made.Field())

	own := newPair("fr-1", "fr-2")
	moved := own.WithField("borger.fravaer[1]", "x")
	assert.NotSame(t, own, moved)
	assert.Equal(t, dfdgerrors.Path("periode"), own.Field())
	assert.Equal(t, "1–2", own.Value())
	assert.Equal(t, dfdgerrors.Path("borger.fravaer[1]"), moved.Field())
	detailed := moved.WithDetail("d", "e")
	assert.Same(t, moved, detailed, "a moved one is the caller's own")
	da, _ := own.Detail()
	assert.Equal(t, "fr-1 overlapper fr-2", da)
	da, _ = detailed.Detail()
	assert.Equal(t, "d", da)
	var p *pair
	assert.ErrorAs(t, moved, &p, "the cause stays reachable")
	assert.Equal(t, "fr-2", p.other)
	assert.Equal(t, 1.0, testing.AllocsPerRun(100, func() { _ = own.WithField("x", "y") }), "one allocation, as before")
}

// A rule of any form survives: "3.1" in the Error, a caller's own ("KG25") in its cause, through
// WithField, WithDetail and JSON.
func TestRuleOfAnyForm(t *testing.T) {
	for _, rule := range []dfdgerrors.RuleID{"3.1", "KG25", "", "9.9", "0.0"} {
		made := dfdgerrors.New(dfdgerrors.ErrInvalidValue, rule, "a", "1")
		caused := dfdgerrors.NewCause(dfdgerrors.ErrOverlapNotAllowed, rule, pair{id: "fr-1", other: "fr-2"})
		for _, e := range []*dfdgerrors.Error{made, caused, caused.WithField("b", "2"), caused.WithDetail("d", "e"),
			caused.WithField("b", "2").WithDetail("d", "e"), made.WithDetail("d", "e")} {
			assert.Equal(t, rule, e.Rule())
			if e.Kind() == dfdgerrors.ErrOverlapNotAllowed {
				var p *pair
				assert.ErrorAs(t, e, &p, "%q: the cause stays reachable under every overlay", rule)
			}
			b, err := json.Marshal(e)
			require.NoError(t, err)
			var back dfdgerrors.Error
			require.NoError(t, json.Unmarshal(b, &back))
			assert.Equal(t, rule, back.Rule(), "%s", b)
		}
		// A rule's own rejection stays as it was made, whatever its rule's form.
		_ = caused.WithField("c", "3").WithDetail("x", "y")
		assert.Equal(t, dfdgerrors.Path("periode"), caused.Field(), "%q", rule)
		da, _ := caused.Detail()
		assert.Equal(t, "fr-1 overlapper fr-2", da, "%q", rule)
	}
	assert.Equal(t, 1.0, testing.AllocsPerRun(100, func() {
		_ = dfdgerrors.NewCause(dfdgerrors.ErrOverlapNotAllowed, "2.1", pair{id: "a", other: "b"})
	}), "a rule of the note's form: one allocation")
	// The zero Code matches nothing, a code without a second number included.
	assert.NotErrorIs(t, dfdgerrors.New(dfdgerrors.ErrNegativeDuration, "2.3", "", ""), dfdgerrors.Code(0))
	assert.NotErrorIs(t, dfdgerrors.FromDFDG(1003, ""), dfdgerrors.Code(0))
}
