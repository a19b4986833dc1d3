package codelist_test

import (
	"testing"

	"github.com/regelkit/dfdg"
	"github.com/regelkit/dfdg/codelist"
	dfdgerrors "github.com/regelkit/dfdg/errors"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestPensionAgeDate(t *testing.T) {
	c := codelist.Default()
	cases := []struct{ birth, want string }{
		{"1953-12-31", "2018-12-31"}, // 65
		{"1954-01-01", "2019-07-01"}, // 65½
		{"1954-03-31", "2019-09-30"}, // 65½, clamped: Go's AddDate gives 2019-10-01
		{"1954-07-01", "2020-07-01"}, // 66
		{"1955-06-30", "2021-12-30"}, // 66½
		{"1956-02-29", "2023-02-28"}, // 67, clamped: AddDate gives 2023-03-01
		{"1962-12-31", "2029-12-31"}, // 67
		{"1963-01-01", "2031-01-01"}, // 68
		{"1970-06-15", "2039-06-15"}, // 69
		{"1970-12-31", "2039-12-31"}, // 69
		{"1971-01-01", "2041-01-01"}, // 70
		{"1988-02-29", "2058-02-28"}, // 70, clamped
		{"1900-01-01", "1965-01-01"},
	}
	for _, tc := range cases {
		got, err := c.PensionAgeDate(d(tc.birth))
		require.NoError(t, err, tc.birth)
		assert.Equal(t, tc.want, got.String(), tc.birth)
	}
	_, err := c.PensionAgeDate(dfdg.Date{})
	assert.ErrorIs(t, err, dfdgerrors.ErrMissingValue)

	row, ok := c.PensionAges().For(d("1971-01-01"))
	require.True(t, ok)
	assert.Equal(t, 70, row.Years)
	assert.Equal(t, "VERIFIED_SECONDARY", row.Status)
	assert.Contains(t, row.LegalBasis, "L 149")
	assert.Equal(t, "70 år", row.String())
	row, _ = c.PensionAges().For(d("1954-01-01"))
	assert.Equal(t, "65 år og 6 måneder", row.String())
	assert.NotEmpty(t, c.PensionAges().Sources())
	assert.NotEmpty(t, c.PensionAges().Notes())
}

func TestPensionTableCoversEveryBirthDate(t *testing.T) {
	rows := codelist.Default().PensionAges().Rows()
	require.NotEmpty(t, rows)
	assert.True(t, rows[0].BornFrom.IsZero(), "open at the start")
	assert.True(t, rows[len(rows)-1].BornTo.IsZero(), "open at the end")
	for i := 1; i < len(rows); i++ {
		assert.Equal(t, rows[i-1].BornTo.AddDays(1), rows[i].BornFrom, "no gap or overlap before row %d", i)
		assert.NotEmpty(t, rows[i].LegalBasis)
	}
}
