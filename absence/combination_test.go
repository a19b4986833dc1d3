package absence_test

import (
	"testing"
	"testing/fstest"

	"github.com/regelkit/dfdg"
	"github.com/regelkit/dfdg/absence"
	"github.com/regelkit/dfdg/codelist"
	dfdgerrors "github.com/regelkit/dfdg/errors"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// combinations are the rules with a table of absence combinations a caller loaded: Uddannelse (1)
// in contact group 1 only without a person category or with category 4; MidlertidigtArbejde (2) not
// in contact group 1 at all.
func combinations(t *testing.T) absence.Rules {
	cat, err := codelist.Load(fstest.MapFS{"fravaerskombinationer.csv": {Data: []byte(
		"# list: fravaerskombinationer\n# complete: nej\n# source: a test\nfravaerstype,kontaktgruppe,tilladt\n1,1,null 4\n2,1,\n")}})
	require.NoError(t, err)
	return absence.Rules{Catalog: cat}
}

// DFDG 4591 "Uddanelse ikke tilladt for borgere i denne kombination af kontaktgrupppe og
// personkategori" (CreateFravaer, POST /v1/Fravaer, starwiki page 4606591271; the table is "Absence -
// ContactGroup - PersonCategory", page 3562831892): an education absence for a citizen whose contact
// group and person category at now the table does not allow. Its cells are not public, so only a
// table the caller loads makes it; other types get the library's ErrAbsenceTypeNotAllowed.
func TestCode4591_EducationNotAllowedForTheCombination(t *testing.T) {
	r := combinations(t)
	now := at("2025-09-03 10:00")
	c := state()
	c.Memberships = []dfdg.Membership{{ID: "kg-1", Group: 1, Start: at("2025-01-01 10:00")}}
	c.PersonCategories = []dfdg.PersonCategorization{
		{ID: "pk-4", Category: 4, Start: at("2025-01-01 10:00"), End: at("2025-09-01 10:00")},
		{ID: "pk-5", Category: 5, Start: at("2025-09-01 10:00")},
	}
	education := dfdg.Absence{ID: "fr-1", Type: 1, Period: period("2025-09-10", "2025-09-20")}

	d, err := r.Create(muni(now), c, education)
	e, ok := dfdgerrors.As(err)
	require.True(t, ok, "%v", err)
	assert.Equal(t, dfdgerrors.ErrEducationNotAllowed, e.Kind())
	assert.Equal(t, dfdgerrors.Code(4591), e.Code())
	assert.Equal(t, "Uddanelse ikke tilladt for borgere i denne kombination af kontaktgrupppe og personkategori", e.Kind().Danish())
	assert.Equal(t, dfdgerrors.Path("fravaerType"), e.Field())
	da, _ := e.Detail()
	assert.Equal(t, "kontaktgruppe 1, personkategori 5", da)
	assert.False(t, d.Changes())
	assert.ErrorIs(t, dfdgerrors.FromDFDG(4591, ""), dfdgerrors.ErrEducationNotAllowed, "DFDG's answer is the same error")

	// With category 4 at now, or none, the table allows it.
	_, err = r.Create(muni(at("2025-08-03 10:00")), c, education)
	assert.NoError(t, err, "category 4")
	none := c
	none.PersonCategories = nil
	_, err = r.Create(muni(now), none, education)
	assert.NoError(t, err, "no person category: null")
	_, err = rules.Create(muni(now), c, education)
	assert.NoError(t, err, "the embedded table has no cells")
	inNoGroup := c
	inNoGroup.Memberships = nil
	_, err = r.Create(muni(now), inNoGroup, education)
	assert.NoError(t, err, "the table has no column for no contact group")
	_, err = r.Update(muni(now), state(education), education)
	assert.NoError(t, err, "CreateFravaer documents it, an update does not")

	// Another type the table refuses: the library's reason, no code.
	_, err = r.Create(muni(now), none, dfdg.Absence{ID: "fr-2", Type: 2, Period: period("2025-09-10", "2025-09-20")})
	e, ok = dfdgerrors.As(err)
	require.True(t, ok, "%v", err)
	assert.Equal(t, dfdgerrors.ErrAbsenceTypeNotAllowed, e.Kind())
	assert.Equal(t, dfdgerrors.Code(0), e.Code(), "4592's condition is not the table's alone")
	_, en := e.Detail()
	assert.Equal(t, "contact group 1, no person category", en)
}
