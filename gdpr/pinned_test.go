package gdpr_test

import (
	"slices"
	"testing"
	"testing/fstest"

	"github.com/regelkit/dfdg"
	"github.com/regelkit/dfdg/codelist"
	dfdgerrors "github.com/regelkit/dfdg/errors"
	"github.com/regelkit/dfdg/gdpr"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// Rule 4.1: a deceased person with more a-kasser than municipalities gets a message to each.
func TestRule4_1_DeceasedWithMoreAkasserThanMunicipalities(t *testing.T) {
	r := gdpr.Record{Kind: dfdg.RecordDeceased, ID: "p-1", End: day("2019-05-01"),
		Municipalities: []dfdg.Municipality{101}, Akasser: []dfdg.Akasse{"ak-1", "ak-2", "ak-3", "ak-2"}}
	var to []string
	for _, m := range messagesOf(t, r) {
		to = append(to, m.To.String())
	}
	assert.Equal(t, []string{"kommune 101", "a-kasse ak-1", "a-kasse ak-2", "a-kasse ak-3"}, to)
	r.Municipalities = nil
	to = to[:0]
	for _, m := range messagesOf(t, r) {
		to = append(to, m.To.String())
	}
	assert.Equal(t, []string{"a-kasse ak-1", "a-kasse ak-2", "a-kasse ak-3"}, to, "no municipality at all")
}

// Rule 4.1: the sweep reads the pension ages of the catalogue it is given.
func TestRule4_1_SweepUsesTheCatalogueGiven(t *testing.T) {
	cat, err := codelist.Load(fstest.MapFS{"folkepensionsalder.csv": {Data: []byte(
		"# list: folkepensionsalder\n# complete: ja\n# source: a test\nborn_from,born_to,age_years,age_months\n,,60,0\n")}})
	require.NoError(t, err)
	r := gdpr.Record{Kind: dfdg.RecordEfterloen, ID: "el-1", Birth: day("1960-01-01")}
	// Pension at 60: 2020-01-01, due 2026-01-01. The embedded table (67): due 2033-01-01.
	count := func(rs gdpr.Rules) int {
		n := 0
		for del, err := range rs.Sweep(on(today), slices.Values([]gdpr.Record{r})) {
			require.NoError(t, err)
			assert.Equal(t, day("2026-01-01"), del.Due.Date)
			n++
		}
		return n
	}
	assert.Equal(t, 1, count(gdpr.Rules{Catalog: cat}))
	assert.Equal(t, 0, count(rules))
}

// A due record without an id is the sweep's error, with the record, and the sweep goes on.
func TestRule4_1_SweepDueRecordWithoutID(t *testing.T) {
	noID := gdpr.Record{Kind: dfdg.RecordDeceased, End: day("2019-05-01")}
	withID := gdpr.Record{Kind: dfdg.RecordDeceased, ID: "p-2", End: day("2019-05-01")}
	var got []string
	for del, err := range rules.Sweep(on(today), slices.Values([]gdpr.Record{noID, withID})) {
		if err != nil {
			assert.ErrorIs(t, err, dfdgerrors.ErrMissingValue)
			assert.Equal(t, noID, del.Record, "the error carries the record")
			assert.Empty(t, del.Messages)
			got = append(got, "error")
			continue
		}
		got = append(got, del.Record.ID)
	}
	assert.Equal(t, []string{"error", "p-2"}, got)
}

// Every Basis has a Danish and an English text that read back; no other value has one.
func TestBasisText(t *testing.T) {
	seen := map[string]bool{}
	for b := gdpr.AfterDeregistration; b <= gdpr.NeverLogNoPeriod; b++ {
		require.NotEmpty(t, b.Danish(), "%d", b)
		require.NotEmpty(t, b.English(), "%d", b)
		assert.Equal(t, b.Danish(), b.String())
		assert.False(t, seen[b.Danish()], "%q twice", b.Danish())
		seen[b.Danish()] = true
		text, err := b.MarshalText()
		require.NoError(t, err)
		var back, fromEnglish gdpr.Basis
		require.NoError(t, back.UnmarshalText(text))
		require.NoError(t, fromEnglish.UnmarshalText([]byte(b.English())))
		assert.Equal(t, b, back)
		assert.Equal(t, b, fromEnglish)
	}
	var zero gdpr.Basis
	assert.Empty(t, zero.Danish())
	text, err := zero.MarshalText()
	require.NoError(t, err)
	assert.Empty(t, text)
	b := gdpr.AfterSent
	require.NoError(t, b.UnmarshalText(nil))
	assert.Zero(t, b, "the empty text is the zero Basis")

	after := gdpr.NeverLogNoPeriod + 1
	assert.Empty(t, after.Danish())
	assert.Empty(t, after.English())
	_, err = after.MarshalText()
	assert.ErrorIs(t, err, dfdgerrors.ErrInvalidValue)
	assert.ErrorIs(t, b.UnmarshalText([]byte("aldrig")), dfdgerrors.ErrInvalidValue)
	assert.ErrorIs(t, (*gdpr.Basis)(nil).UnmarshalText([]byte("x")), dfdgerrors.ErrInvalidValue)
}
