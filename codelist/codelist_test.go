package codelist_test

import (
	"bytes"
	"os"
	"strconv"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/regelkit/dfdg"
	"github.com/regelkit/dfdg/codelist"
	dfdgerrors "github.com/regelkit/dfdg/errors"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

var d = dfdg.MustParseDate

func TestDefaultCatalogParses(t *testing.T) {
	c := codelist.Default()
	require.NotNil(t, c)
	assert.Same(t, c, codelist.Default(), "parsed once")
	lists := c.Lists()
	require.Len(t, lists, 15)
	names := map[string]bool{}
	for _, l := range lists {
		require.NotNil(t, l)
		assert.NotEmpty(t, l.Name())
		assert.False(t, names[l.Name()])
		names[l.Name()] = true
		assert.NotEmpty(t, l.Title(), l.Name())
		assert.NotEmpty(t, l.Sources(), "%s names its source", l.Name())
		assert.False(t, l.Retrieved().IsZero(), "%s records its date", l.Name())
		if l.Len() == 0 {
			assert.False(t, l.Complete(), "an empty list cannot be complete")
			assert.NotEmpty(t, l.Notes(), "%s says why it is empty", l.Name())
		}
		seen := map[int]bool{}
		perEntrySource := l.Name() != "kommuner" // the header's source covers every municipality
		for e := range l.All() {
			assert.False(t, seen[e.ID], "%s: id %d twice", l.Name(), e.ID)
			seen[e.ID] = true
			if perEntrySource {
				assert.NotEmpty(t, e.Source, "%s %d names its source", l.Name(), e.ID)
			}
			if e.Name == "" {
				assert.NotEmpty(t, e.Description, "%s %d: an unnamed entry says what it is", l.Name(), e.ID)
			}
			if !e.ValidFrom.IsZero() && !e.InactiveFrom.IsZero() {
				assert.True(t, e.InactiveFrom.After(e.ValidFrom))
			}
		}
		got, ok := c.List(l.Name())
		assert.True(t, ok)
		assert.Same(t, l, got)
	}
	_, ok := c.List("nope")
	assert.False(t, ok)
	var nilCat *codelist.Catalog
	assert.Same(t, c.ContactGroups(), nilCat.ContactGroups(), "a nil catalogue is the default")
}

// Rule 1.4: contact groups 26, 28, 29 and registration categories 12, 13, 16–19 are inactive from
// 2025-07-01, and remain in the lists.
func TestRule1_4_InactiveContactGroupsAndCategories(t *testing.T) {
	c := codelist.Default()
	for _, id := range []int{26, 28, 29} {
		e, ok := c.ContactGroups().Get(id)
		require.True(t, ok, id)
		assert.Equal(t, d("2025-07-01"), e.InactiveFrom)
		assert.True(t, e.ActiveOn(d("2025-06-30")))
		assert.False(t, e.ActiveOn(d("2025-07-01")))
	}
	e, _ := c.ContactGroups().Get(26)
	assert.Equal(t, "Overgangsydelsesmodtager efter LAB (udgår 1.7.2025)", e.Name)
	for _, id := range []int{12, 13, 16, 17, 18, 19} {
		e, ok := c.RegistrationCategories().Get(id)
		require.True(t, ok, id)
		assert.Equal(t, d("2025-07-01"), e.InactiveFrom)
		assert.False(t, e.ActiveOn(d("2025-07-01")))
	}
	e, _ = c.RegistrationCategories().Get(12)
	assert.True(t, e.Applicant, "12 is an applicant category")
	e, _ = c.RegistrationCategories().Get(13)
	assert.False(t, e.Applicant)

	ids := func(es []codelist.Entry) []int {
		var out []int
		for _, e := range es {
			out = append(out, e.ID)
		}
		return out
	}
	assert.Equal(t, []int{1, 8, 13, 24, 25, 26, 28, 29}, ids(c.ContactGroups().ActiveOn(d("2025-06-30"))))
	assert.Equal(t, []int{1, 8, 13, 24, 25}, ids(c.ContactGroups().ActiveOn(d("2025-07-01"))), "what a drop-down shows")
	assert.Empty(t, c.RegistrationCategories().ActiveOn(d("2026-01-01")))
}

func TestRule1_4_CheckNew(t *testing.T) {
	groups := codelist.Default().ContactGroups()
	assert.NoError(t, groups.CheckNew(26, d("2025-06-30"), "kontaktgruppeType", dfdg.Rule1_4))
	err := groups.CheckNew(26, d("2025-07-01"), "kontaktgruppeType", dfdg.Rule1_4)
	require.Error(t, err)
	assert.ErrorIs(t, err, dfdgerrors.ErrInactiveCode)
	if e, ok := dfdgerrors.As(err); assert.True(t, ok) {
		assert.Equal(t, dfdg.Rule1_4, e.Rule())
	}
	assert.Contains(t, err.Error(), "26 Overgangsydelsesmodtager efter LAB (udgår 1.7.2025) er inaktiv fra 2025-07-01")
	e, _ := dfdgerrors.As(err)
	assert.Contains(t, e.English(), "is inactive from 2025-07-01")
	assert.Equal(t, dfdgerrors.Path("kontaktgruppeType"), e.Field())
	if e, ok := dfdgerrors.As(err); assert.True(t, ok) {
		assert.Zero(t, e.Code(), "no invented DFDG number")
	}

	assert.NoError(t, groups.CheckNew(1, d("2026-01-01"), "kontaktgruppeType", dfdg.Rule1_4))
	assert.NoError(t, groups.CheckNew(2, d("2026-01-01"), "kontaktgruppeType", dfdg.Rule1_4), "not known here: not rejected")

	kommuner := codelist.Default().Municipalities()
	err = kommuner.CheckNew(411, d("2026-01-01"), "kommune", dfdg.Rule3_2)
	assert.ErrorIs(t, err, dfdgerrors.ErrUnknownCode, "a complete list rejects what it lacks")
}

// Rules 1.4 and 3.2: CheckNewItem rejects as CheckNew does, at an item of a list; both keep the
// entry and write the texts when they are read, one allocation each, none when the code is accepted.
func TestRule1_4_CheckNewItem(t *testing.T) {
	groups, types := codelist.Default().ContactGroups(), codelist.Default().ExternalReferenceTypes()
	day := d("2025-07-01")
	for _, c := range []struct {
		list   *codelist.List
		id     int
		detail string
	}{
		{groups, 26, "26 Overgangsydelsesmodtager efter LAB (udgår 1.7.2025) er inaktiv fra 2025-07-01"},
		{types, 7, "7 findes ikke i kodelisten eksternreferencetyper"},
	} {
		whole := c.list.CheckNew(c.id, day, "x", dfdg.Rule1_4)
		e, ok := dfdgerrors.As(c.list.CheckNewItem(c.id, day, "borger.aktiviteter", 2, "type", dfdg.Rule1_4))
		require.True(t, ok)
		w, _ := dfdgerrors.As(whole)
		da, en := e.Detail()
		assert.Equal(t, c.detail, da)
		wda, wen := w.Detail()
		assert.Equal(t, wda, da)
		assert.Equal(t, wen, en)
		assert.Equal(t, w.Kind(), e.Kind())
		assert.Equal(t, strconv.Itoa(c.id), e.Value())
		assert.Equal(t, dfdg.Rule1_4, e.Rule())
		assert.Equal(t, dfdgerrors.Path("x"), w.Field())
		assert.Equal(t, dfdgerrors.Path("borger.aktiviteter[2].type"), e.Field())
		e, _ = dfdgerrors.As(c.list.CheckNewItem(c.id, day, "l", 0, "", dfdg.Rule1_4))
		assert.Equal(t, dfdgerrors.Path("l[0]"), e.Field())
		e, _ = dfdgerrors.As(c.list.CheckNewItem(c.id, day, "l", -1, "type", dfdg.Rule1_4))
		assert.Equal(t, dfdgerrors.Path("l"), e.Field(), "a negative position is the list itself")
		e, _ = dfdgerrors.As(c.list.CheckNewItem(c.id, day, "l", 1<<31-2, "", dfdg.Rule1_4))
		assert.Equal(t, dfdgerrors.Path(dfdg.MaskCPR("l[2147483646]")), e.Field(), "the last position a Rejected holds (ten digits, masked as a CPR's shape)")
		e, _ = dfdgerrors.As(c.list.CheckNewItem(c.id, day, "l", 1<<31-1, "type", dfdg.Rule1_4))
		assert.Equal(t, dfdgerrors.Path("l"), e.Field(), "beyond it, the list itself")
		assert.Equal(t, 1.0, testing.AllocsPerRun(100, func() { sinkErr = c.list.CheckNew(c.id, day, "x", dfdg.Rule1_4) }))
		assert.Equal(t, 1.0, testing.AllocsPerRun(100, func() { sinkErr = c.list.CheckNewItem(c.id, day, "l", 2, "type", dfdg.Rule1_4) }))
	}
	assert.NoError(t, groups.CheckNewItem(26, d("2025-06-30"), "l", 0, "type", dfdg.Rule1_4))
	assert.Zero(t, testing.AllocsPerRun(100, func() { sinkErr = groups.CheckNewItem(1, day, "l", 2, "type", dfdg.Rule1_4) }))
	assert.NoError(t, groups.CheckNewItem(2, day, "l", 0, "type", dfdg.Rule1_4), "an incomplete list accepts what it lacks")
}

// Rule 2.6: absence types 59, 60, 62 inactive from 2025-07-01.
func TestRule2_6_InactiveAbsenceTypes(t *testing.T) {
	types := codelist.Default().AbsenceTypes()
	for _, id := range []int{59, 60, 62} {
		e, ok := types.Get(id)
		require.True(t, ok)
		assert.Equal(t, d("2025-07-01"), e.InactiveFrom)
		err := types.CheckNew(id, d("2025-07-01"), "fraværstype", dfdg.Rule2_6)
		assert.ErrorIs(t, err, dfdgerrors.ErrInactiveCode)
		assert.NoError(t, types.CheckNew(id, d("2025-06-30"), "fraværstype", dfdg.Rule2_6))
	}
	e, _ := types.Get(59)
	assert.Equal(t, "6 måneders bonus for danskkundskaber", e.Name)
}

// Rule 2.1: the overlap policy is data.
func TestRule2_1_OverlapPolicyIsData(t *testing.T) {
	types := codelist.Default().AbsenceTypes()
	e66, ok := types.Get(66)
	require.True(t, ok)
	assert.Equal(t, "Inden for institutionens åbningstid – manglende pasningsmulighed", e66.Name)
	assert.True(t, e66.RestrictsOverlap())
	assert.True(t, e66.MayOverlap(10))
	assert.True(t, e66.MayOverlap(47))
	assert.False(t, e66.MayOverlap(11))
	assert.Equal(t, []int{10, 47}, e66.OverlapAllowed())
	e11, _ := types.Get(11)
	assert.False(t, e11.RestrictsOverlap())
	assert.True(t, e11.MayOverlap(66), "11 restricts nothing of its own")

	assert.True(t, types.MayOverlap(66, 10))
	assert.True(t, types.MayOverlap(47, 66))
	assert.False(t, types.MayOverlap(66, 11))
	assert.True(t, types.MayOverlap(11, 66), "the policy of the type registered decides: 11 has none")
	assert.False(t, types.MayOverlap(66, 66))
	assert.True(t, types.MayOverlap(11, 10))
	assert.True(t, types.MayOverlap(11, 999), "unknown types restrict nothing")
}

// Rule 1.3: absence 75 keeps the note's name, with STAR's as an alias.
func TestRule1_3_Absence75Alias(t *testing.T) {
	e, ok := codelist.Default().AbsenceTypes().Get(75)
	require.True(t, ok)
	assert.Equal(t, "Kontaktforløb er i a-kassen", e.Name)
	assert.Equal(t, []string{"Kontaktforløb er hos a-kassen"}, e.Aliases())
	a := e.Aliases()
	a[0] = "changed"
	assert.Equal(t, []string{"Kontaktforløb er hos a-kassen"}, e.Aliases(), "entries are values")
	p, _ := codelist.Default().ParticipationChoices().Get(3)
	assert.Equal(t, "Borger ønsker a-kassedeltagelse ved første samtale i jobcenteret", p.Name)
	s, _ := codelist.Default().ConversationTypes().Get(17)
	assert.Equal(t, "Fælles jobsamtale med dagpengemodtager", s.Name)
}

// Rule 3.7: 'Selvejende' is inactive whatever the date.
func TestRule3_7_SelvejendeRetired(t *testing.T) {
	areas := codelist.Default().AuthorityAreas()
	e, ok := areas.Get(6)
	require.True(t, ok)
	assert.Equal(t, "Selvejende", e.Name)
	assert.True(t, e.Retired)
	for _, day := range []string{"1990-01-01", "2025-01-01", "2099-12-31"} {
		assert.False(t, e.ActiveOn(d(day)))
	}
	err := areas.CheckNew(6, d("2030-01-01"), "myndighedsområde", dfdg.Rule3_7)
	assert.ErrorIs(t, err, dfdgerrors.ErrAuthorityAreaExpired, "the authority areas' own kind for an inactive entry")
	assert.Contains(t, err.Error(), "6 Selvejende er udgået")
}

// Rule 3.2: the external reference types, and the 98 municipalities.
func TestRule3_2_ReferenceTypesAndMunicipalities(t *testing.T) {
	c := codelist.Default()
	refs := c.ExternalReferenceTypes()
	assert.True(t, refs.Complete())
	assert.Equal(t, 6, refs.Len())
	e, _ := refs.Get(5)
	assert.Equal(t, "Handlekommune", e.Name)
	e, _ = refs.Get(6)
	assert.Equal(t, "Betalingskommune", e.Name)

	m := c.Municipalities()
	assert.True(t, m.Complete())
	assert.Equal(t, 98, m.Len())
	for _, code := range []dfdg.Municipality{101, 147, 400, 461, 751, 851, 860} {
		assert.True(t, c.IsMunicipality(code), code)
	}
	for _, code := range []dfdg.Municipality{0, 411, 955, 956, 957, 959, 960, 999, 102} {
		assert.False(t, c.IsMunicipality(code), code)
	}
	e, _ = m.Get(101)
	assert.Equal(t, "København", e.Name)
	assert.Equal(t, "Region Hovedstaden", e.Region)
	regions := map[string]int{}
	for e := range m.All() {
		regions[e.Region]++
	}
	assert.Equal(t, map[string]int{"Region Hovedstaden": 29, "Region Syddanmark": 22, "Region Midtjylland": 19,
		"Region Sjælland": 17, "Region Nordjylland": 11}, regions)
}

func TestProjectTypes(t *testing.T) {
	pt := codelist.Default().ProjectTypes()
	for _, id := range []int{1, 3, 4, 5} {
		assert.True(t, pt.Has(id), id)
	}
	assert.False(t, pt.Has(2), "type 2 is not in the note")
	assert.False(t, pt.Complete())
}

// The embedded files agree with the reference data they were made from, where it lies beside the
// repository (a developer's machine; CI's clean clone has no copy).
func TestEmbeddedDataMatchesSharedReference(t *testing.T) {
	raw, err := os.ReadFile("../../shared/data/kommuner.csv")
	if err != nil {
		t.Skip("shared reference data not beside the repository")
	}
	lines := strings.Split(strings.TrimSpace(string(raw)), "\n")[1:]
	m := codelist.Default().Municipalities()
	require.Equal(t, len(lines), m.Len())
	for _, line := range lines {
		f := strings.Split(line, ",")
		code, err := dfdg.ParseMunicipality(f[0])
		require.NoError(t, err)
		e, ok := m.Get(int(code))
		require.True(t, ok, f[0])
		assert.Equal(t, f[2], e.Name)
		assert.Equal(t, f[3], e.Region)
	}
	raw, err = os.ReadFile("../../shared/data/folkepensionsalder.csv")
	require.NoError(t, err)
	rows := codelist.Default().PensionAges().Rows()
	assert.Len(t, rows, len(strings.Split(strings.TrimSpace(string(raw)), "\n"))-1)
}

func TestListWriteToRoundTrips(t *testing.T) {
	for _, l := range codelist.Default().Lists() {
		var b bytes.Buffer
		_, err := l.WriteTo(&b)
		require.NoError(t, err)
		c, err := codelist.Load(fstest.MapFS{l.Name() + ".csv": {Data: b.Bytes()}})
		require.NoError(t, err, l.Name())
		back, _ := c.List(l.Name())
		assert.Equal(t, l, back, l.Name())
	}
}

func TestGetOnSparseList(t *testing.T) {
	c, err := codelist.Load(fstest.MapFS{"fravaerstyper.csv": {Data: []byte(
		"# list: fravaerstyper\n# complete: nej\n# source: test\nid,name\n5,fem\n900000,stor\n70000,mellem\n")}})
	require.NoError(t, err)
	l := c.AbsenceTypes()
	for _, id := range []int{5, 70000, 900000} {
		assert.True(t, l.Has(id), id)
	}
	for _, id := range []int{-1, 0, 6, 69999, 999999} {
		assert.False(t, l.Has(id), id)
	}
	var empty *codelist.List
	assert.False(t, empty.Has(1))
	assert.Equal(t, 0, empty.Len())
}

func TestLoadReplacesLists(t *testing.T) {
	fsys := fstest.MapFS{
		"kontaktgrupper.csv": {Data: []byte(`# list: kontaktgrupper
# complete: ja
# source: a test
id,name,valid_from,inactive_from
1,Dagpengemodtager,,
8,Uden ydelse,2020-01-01,2030-01-01
`)},
		"README.md": {Data: []byte("not a list")},
	}
	c, err := codelist.Load(fsys)
	require.NoError(t, err)
	assert.True(t, c.ContactGroups().Complete())
	assert.Equal(t, 2, c.ContactGroups().Len())
	assert.False(t, c.ContactGroups().Has(24))
	assert.Same(t, codelist.Default().Municipalities(), c.Municipalities(), "other lists keep the default")
	e, _ := c.ContactGroups().Get(8)
	assert.False(t, e.ActiveOn(d("2019-12-31")))
	assert.True(t, e.ActiveOn(d("2020-01-01")))
	assert.False(t, e.ActiveOn(d("2030-01-01")))
	err = c.ContactGroups().CheckNew(8, d("2019-06-01"), "kontaktgruppe", "")
	assert.ErrorIs(t, err, dfdgerrors.ErrInactiveCode)
	assert.Contains(t, err.Error(), "er først gyldig fra 2020-01-01")
	assert.True(t, codelist.Default().ContactGroups().Has(26), "the default is not changed")
}

// A zero Catalog and a nil *Catalog are the embedded one; a nil *List, what List gives for a name it
// does not know, is an empty list.
func TestZeroCatalogAndNilList(t *testing.T) {
	for _, c := range []*codelist.Catalog{nil, {}} {
		assert.Equal(t, codelist.Default().ContactGroups().Len(), c.ContactGroups().Len())
		got, err := c.PensionAgeDate(d("1961-07-07"))
		require.NoError(t, err)
		assert.Equal(t, d("2028-07-07"), got)
	}
	l, ok := codelist.Default().List("ukendt")
	assert.False(t, ok)
	assert.Nil(t, l)
	assert.Empty(t, l.Name())
	assert.Empty(t, l.Title())
	assert.True(t, l.Retrieved().IsZero())
	assert.Nil(t, l.Sources())
	assert.Nil(t, l.Notes())
	assert.Zero(t, l.Len())
	assert.False(t, l.Complete())
	var b strings.Builder
	_, err := l.WriteTo(&b)
	require.NoError(t, err)
	_, err = codelist.Default().ContactGroups().WriteTo(nil)
	assert.Error(t, err, "a nil writer")
	var table *codelist.PensionAges
	assert.Nil(t, table.Rows())
	_, err = table.Date(d("1961-07-07"))
	assert.Error(t, err)
	_, err = codelist.Load(nil)
	assert.Error(t, err)
	assert.NotPanics(t, func() { _ = (&codelist.ParseError{}).Error() })
}

// 11 'SygdomSygemelding' is the absence type the code list marks as sickness (rules 1.6 and 2.2).
func TestRule2_2_SicknessColumn(t *testing.T) {
	types := codelist.Default().AbsenceTypes()
	e, ok := types.Get(11)
	require.True(t, ok)
	assert.True(t, e.Sickness)
	e, _ = types.Get(10)
	assert.False(t, e.Sickness, "a holiday is not sickness")
}
