package dfdg_test

import (
	"encoding/json"
	"testing"

	"github.com/regelkit/dfdg"
	dfdgerrors "github.com/regelkit/dfdg/errors"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func p(start, end string) dfdg.Period {
	var q dfdg.Period
	q.Start = d(start)
	if end != "" {
		q.End = d(end)
	}
	return q
}

// Rule 2.3: 1003 only when the start is strictly after the end.
func TestRule2_3_PeriodValidOnlyFailsWhenStartAfterEnd(t *testing.T) {
	assert.NoError(t, p("2025-03-01", "2025-03-01").Valid(), "a one-day period is valid")
	assert.NoError(t, p("2025-03-01", "2025-03-02").Valid())
	assert.NoError(t, p("2025-03-01", "").Valid(), "an open period is valid")

	err := p("2025-03-02", "2025-03-01").Valid()
	require.Error(t, err)
	assert.ErrorIs(t, err, dfdgerrors.ErrNegativeDuration)
	assert.ErrorIs(t, err, dfdgerrors.Code(1003))
	if e, ok := dfdgerrors.As(err); assert.True(t, ok) {
		assert.Equal(t, dfdg.Rule2_3, e.Rule())
	}
	assert.Contains(t, err.Error(), "Den angivne varighed er negativ, startdato er større end slutdato")

	err = dfdg.Period{}.Valid()
	assert.ErrorIs(t, err, dfdgerrors.ErrMissingValue)
}

func TestPeriodContainsAndOverlaps(t *testing.T) {
	march := p("2025-03-01", "2025-03-31")
	assert.True(t, march.Contains(d("2025-03-01")))
	assert.True(t, march.Contains(d("2025-03-31")))
	assert.False(t, march.Contains(d("2025-04-01")))
	assert.False(t, march.Contains(d("2025-02-28")))
	assert.False(t, march.Contains(dfdg.Date{}))
	assert.True(t, p("2025-03-01", "").Contains(d("2999-01-01")))

	cases := []struct {
		a, b dfdg.Period
		want bool
	}{
		{march, p("2025-03-31", "2025-04-10"), true}, // touching on one day
		{march, p("2025-04-01", "2025-04-10"), false},
		{march, p("2025-02-01", "2025-02-28"), false},
		{march, p("2025-02-01", "2025-03-01"), true},
		{march, p("2025-03-10", "2025-03-11"), true},
		{march, p("2025-01-01", ""), true},
		{march, p("2025-04-01", ""), false},
		{p("2025-01-01", ""), p("2030-01-01", ""), true},
		{p("2025-03-05", "2025-03-05"), p("2025-03-05", "2025-03-05"), true},
	}
	for _, c := range cases {
		assert.Equal(t, c.want, c.a.Overlaps(c.b), "%s ∩ %s", c.a, c.b)
		assert.Equal(t, c.want, c.b.Overlaps(c.a), "%s ∩ %s", c.b, c.a)
	}
}

func TestPeriodTextAndJSON(t *testing.T) {
	assert.Equal(t, "2025-03-01–2025-03-31", p("2025-03-01", "2025-03-31").String())
	assert.Equal(t, "2025-03-01–", p("2025-03-01", "").String())
	assert.Equal(t, 31, p("2025-03-01", "2025-03-31").Days())
	assert.Equal(t, 0, p("2025-03-01", "").Days())

	b, err := json.Marshal(p("2025-03-01", ""))
	require.NoError(t, err)
	assert.JSONEq(t, `{"startdato":"2025-03-01"}`, string(b), "an open end is left out")
	var q dfdg.Period
	require.NoError(t, json.Unmarshal([]byte(`{"startdato":"2025-03-01","slutdato":"2025-03-02"}`), &q))
	assert.Equal(t, p("2025-03-01", "2025-03-02"), q)
	require.NoError(t, json.Unmarshal([]byte(`{"startdato":"2025-03-01","slutdato":null}`), &q))
	assert.Equal(t, p("2025-03-01", ""), q)
	assert.Error(t, json.Unmarshal([]byte(`{"startdato":"2025-03-01","slutdato":"2025-02-30"}`), &q))
}
