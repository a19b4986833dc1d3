package dfdg_test

import (
	"encoding/csv"
	"encoding/json"
	"fmt"
	"log/slog"
	"math/rand/v2"
	"os"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/regelkit/dfdg"
	dfdgerrors "github.com/regelkit/dfdg/errors"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func readCSV(t *testing.T, path string) [][]string {
	t.Helper()
	f, err := os.Open(path)
	require.NoError(t, err)
	defer f.Close()
	rows, err := csv.NewReader(f).ReadAll()
	require.NoError(t, err)
	return rows[1:]
}

// Every row of the CPR office's century table (testdata/cpr_century.csv, copied from
// shared/data), at both ends of its year range.
func TestCPRCenturyTable(t *testing.T) {
	for _, row := range readCSV(t, "testdata/cpr_century.csv") {
		n := func(i int) int { v, err := strconv.Atoi(row[i]); require.NoError(t, err); return v }
		d7from, d7to, yyFrom, yyTo, base := n(0), n(1), n(2), n(3), n(4)
		for d7 := d7from; d7 <= d7to; d7++ {
			for _, yy := range []int{yyFrom, yyTo} {
				s := fmt.Sprintf("0101%02d-%d000", yy, d7)
				c, err := dfdg.ParseCPR(s)
				require.NoError(t, err, s)
				assert.Equal(t, base+yy, c.BirthDate().Year(), "digit 7 = %d, YY = %02d", d7, yy)
			}
		}
	}
}

func TestParseCPR(t *testing.T) {
	c, err := dfdg.ParseCPR("010170-1234")
	require.NoError(t, err)
	assert.Equal(t, "1970-01-01", c.BirthDate().String())
	c2, err := dfdg.ParseCPR("0101701234")
	require.NoError(t, err)
	assert.Equal(t, c, c2)
	assert.Equal(t, "0101701234", c.Unmasked())

	c, err = dfdg.ParseCPR("290200-4000") // 29 Feb 2000: digit 4, YY 00
	require.NoError(t, err)
	assert.Equal(t, "2000-02-29", c.BirthDate().String())

	for _, bad := range []string{"", "010170", "010170-123", "010170_1234", "01017012345", "320170-1234",
		"011370-1234", "000170-1234", "300201-4000", "310470-1234", "01017a-1234", "010170--234", " 010170-1234", "0101701234 "} {
		c, err := dfdg.ParseCPR(bad)
		require.Error(t, err, bad)
		assert.True(t, c.IsZero())
		assert.ErrorIs(t, err, dfdgerrors.ErrInvalidCPR, bad)
		assert.ErrorIs(t, err, dfdgerrors.Code(1001))
		assert.Contains(t, err.Error(), "Ugyldigt cpr-nummer")
		if len(bad) >= 10 {
			assert.NotContains(t, err.Error(), bad[len(bad)-4:], "an invalid number is not repeated either")
		}
	}
}

// dfdgCPRPattern is the pattern DFDG's service documentation gives for PersonCivilRegistrationIdentifier
// (../shared/data/dfdg-public-errors.md), anchored.
var dfdgCPRPattern = regexp.MustCompile(`^(((((0[1-9]|1[0-9]|2[0-9]|3[0-1])(01|03|05|07|08|10|12))|((0[1-9]|1[0-9]|2[0-9]|30)(04|06|09|11))|((0[1-9]|1[0-9]|2[0-9])(02)))[0-9]{6})|0000000000)$`)

// ParseCPR accepts exactly the ten-digit numbers DFDG's documented pattern accepts: every day and
// month, the serials of a few, 0000000000, and 29 February of any year, which names no birth date
// when the year is not a leap year.
func TestParseCPRFollowsDFDGsPattern(t *testing.T) {
	var inputs []string
	for day := 0; day <= 32; day++ {
		for month := 0; month <= 13; month++ {
			for _, rest := range []string{"000000", "254000", "701234", "999999"} {
				inputs = append(inputs, fmt.Sprintf("%02d%02d%s", day, month, rest))
			}
		}
	}
	r := rand.New(rand.NewPCG(10, 1))
	for range 20000 {
		inputs = append(inputs, fmt.Sprintf("%010d", r.Int64N(1e10)))
	}
	inputs = append(inputs, "0000000000", "0000001234", "1234567890", "0101701234")
	accepted := 0
	for _, s := range inputs {
		c, err := dfdg.ParseCPR(s)
		require.Equal(t, dfdgCPRPattern.MatchString(s), err == nil, s)
		if err == nil {
			accepted++
			dashed, err := dfdg.ParseCPR(s[:6] + "-" + s[6:])
			require.NoError(t, err)
			assert.Equal(t, c, dashed)
		}
	}
	assert.Positive(t, accepted)

	unknown, err := dfdg.ParseCPR("0000000000")
	require.NoError(t, err, "DFDG takes 0000000000 where a CPR number is required but unknown")
	assert.False(t, unknown.IsZero())
	assert.True(t, unknown.BirthDate().IsZero())
	feb29, err := dfdg.ParseCPR("290201-4000") // 29 February 2001 does not exist; the pattern lets it through
	require.NoError(t, err)
	assert.True(t, feb29.BirthDate().IsZero())
}

// Numbers failing modulus 11 have been issued since 2007 for the birth dates in
// testdata/cpr_no_mod11_dates.csv; they are valid.
func TestCPRWithoutModulus11IsValid(t *testing.T) {
	for _, row := range readCSV(t, "testdata/cpr_no_mod11_dates.csv") {
		birth := d(row[0])
		prefix := fmt.Sprintf("%02d%02d%02d", birth.Day(), int(birth.Month()), birth.Year()%100)
		for serial := 1000; serial < 1020; serial++ {
			s := prefix + strconv.Itoa(serial)
			c, err := dfdg.ParseCPR(s)
			require.NoError(t, err, s)
			assert.Equal(t, birth, c.BirthDate())
		}
		// At least one of those serials fails modulus 11, and is still accepted.
		failed := false
		for serial := 1000; serial < 1020; serial++ {
			if !dfdg.MustParseCPR(prefix + strconv.Itoa(serial)).Modulus11() {
				failed = true
			}
		}
		assert.True(t, failed)
	}
	assert.True(t, dfdg.MustParseCPR("070761-4285").Modulus11())
	assert.False(t, dfdg.MustParseCPR("070761-4286").Modulus11())
}

func TestCPRGender(t *testing.T) {
	assert.Equal(t, dfdg.Male, dfdg.MustParseCPR("010170-1231").Gender())
	assert.Equal(t, dfdg.Female, dfdg.MustParseCPR("010170-1232").Gender())
	assert.Equal(t, "mand", dfdg.Male.String())
	assert.Equal(t, "kvinde", dfdg.Female.String())
	assert.Equal(t, dfdg.Gender(0), dfdg.CPR{}.Gender())
}

// The serial never appears in a text the CPR produces, whichever way it is printed.
func TestCPRIsMaskedEverywhere(t *testing.T) {
	c := dfdg.MustParseCPR("010170-9876")
	type holder struct {
		Person dfdg.CPR
		Ptr    *dfdg.CPR
	}
	h := holder{Person: c, Ptr: &c}
	js, err := json.Marshal(h)
	require.NoError(t, err)
	var logged strings.Builder
	slog.New(slog.NewTextHandler(&logged, nil)).Info("citizen", "cpr", c)
	slog.New(slog.NewJSONHandler(&logged, nil)).Info("citizen", "cpr", c, "holder", h)
	texts := []string{
		c.String(), c.GoString(),
		fmt.Sprint(c), fmt.Sprintf("%v %+v %#v %s %q %x %X %d", c, c, c, c, c, c, c, c),
		fmt.Sprintf("%v %+v %#v", h, h, h), fmt.Sprintf("%v", &c),
		string(js), logged.String(),
	}
	for _, s := range texts {
		assert.NotContains(t, s, "9876", s)
		assert.NotContains(t, s, "0101709876", s)
		assert.NotContains(t, s, "39 38 37 36", s)
	}
	assert.Equal(t, "010170-xxxx", c.String())
	assert.Contains(t, string(js), "010170-xxxx")
	assert.Equal(t, "0101709876", c.Unmasked(), "only Unmasked gives the number")

	var back dfdg.CPR
	assert.Error(t, json.Unmarshal([]byte(`"010170-xxxx"`), &back), "a masked number does not parse")
	require.NoError(t, json.Unmarshal([]byte(`"010170-9876"`), &back))
	assert.Equal(t, c, back)
}

func TestCPRInErrorIsMasked(t *testing.T) {
	err := dfdgerrors.New(dfdgerrors.ErrInvalidValue, "", "note", "borger 010170-9876 og 0202809999").
		WithDetail("cpr 0101709876", "cpr 010170-9876")
	for _, s := range []string{err.Error(), err.Danish(), err.English(), fmt.Sprintf("%+v", err)} {
		assert.NotContains(t, s, "9876")
		assert.NotContains(t, s, "9999")
	}
	assert.Contains(t, err.Error(), "010170-xxxx")
	assert.Contains(t, err.Error(), "020280xxxx")
}

// Issue 13: a CPR in a caller's unexported struct field is printed by fmt without Format; it must not
// print its digits there either, in any verb.
func TestCPRInUnexportedFieldIsNotPrinted(t *testing.T) {
	type holder struct {
		cpr  dfdg.CPR
		cprs []dfdg.CPR
		ptr  *dfdg.CPR
	}
	c := dfdg.MustParseCPR("070761-4321")
	h := holder{cpr: c, cprs: []dfdg.CPR{c}, ptr: &c}
	for _, verb := range []string{"%v", "%+v", "%#v", "%s", "%q", "%x", "%X", "%d", "%o", "%b"} {
		for _, v := range []any{h, &h, []holder{h}, map[string]holder{"k": h}} {
			out := fmt.Sprintf(verb, v)
			assert.NotContains(t, out, "0707614321", verb)
			assert.NotContains(t, out, "30373037363134333231", verb, "ASCII in hex")
			assert.NotContains(t, out, "48 55 48 55 54 49 52 51 50 49", verb, "ASCII as bytes")
			assert.NotContains(t, out, "0 7 0 7 6 1 4 3 2 1", verb, "digits as bytes")
		}
	}
	assert.Equal(t, dfdg.MustParseCPR("0707614321"), c, "equal numbers are equal values")
	assert.Equal(t, "0707614321", c.Unmasked())
	assert.Equal(t, dfdg.Female, dfdg.MustParseCPR("070761-4322").Gender())
}

// Issue 13: a date cut short in an error never keeps part of a CPR.
func TestInvalidDateNeverLeaksAPartOfACPR(t *testing.T) {
	_, err := dfdg.ParseDate(strings.Repeat("x", 31) + "0707614321")
	require.Error(t, err)
	assert.NotContains(t, err.Error(), "432")
}

// DFDG 1001 "Invalid cpr" (the SOAP services: "The submitted cpr is either to long or short or
// contains data not interpretable as a date"; CreateFravaer: "Ugyldigt cpr-nummer", starwiki page
// 4606591271): a number that is not ten digits of a date is ErrInvalidCPR, which DFDG's answer is too.
func TestCode1001_InvalidCPR(t *testing.T) {
	for _, s := range []string{"", "123", "3213001234", "0101001234x", "01-01-00-1234"} {
		_, err := dfdg.ParseCPR(s)
		require.Error(t, err, s)
		assert.ErrorIs(t, err, dfdgerrors.ErrInvalidCPR, s)
		assert.ErrorIs(t, err, dfdgerrors.Code(1001), s)
	}
	assert.ErrorIs(t, dfdgerrors.FromDFDG(1001, "Ugyldigt cpr-nummer"), dfdgerrors.ErrInvalidCPR)
}

// Issue 22: a value the decoder cannot read never comes back unmasked, though shopspring/decimal's
// own error repeats the hours as they were sent.
func TestDecodingBadHoursMasksTheValue(t *testing.T) {
	var a dfdg.Activity
	err := json.Unmarshal([]byte(`{"timerPrUge": "070761-4321"}`), &a)
	require.ErrorIs(t, err, dfdgerrors.ErrInvalidValue)
	assert.NotContains(t, err.Error(), "4321")
	e, _ := dfdgerrors.As(err)
	assert.Equal(t, dfdgerrors.Path("timerPrUge"), e.Field())
	assert.Equal(t, `"070761-xxxx"`, e.Value())
	assert.Error(t, (*dfdg.Activity)(nil).UnmarshalJSON([]byte(`{}`)))
	var syntax *json.SyntaxError
	assert.ErrorAs(t, json.Unmarshal([]byte(`{"timerPrUge": 07}`), &a), &syntax, "a syntax error stays one")

	// Good hours, absent hours and null read as before; the other fields too.
	require.NoError(t, json.Unmarshal([]byte(`{"aktivitetIdentifier": "a-1", "timerPrUge": 37.5, "virksomhed": {"cvr": "12345678"}}`), &a))
	assert.Equal(t, "37.5", a.Hours.String())
	assert.Equal(t, "a-1", a.ID)
	assert.Equal(t, "12345678", a.Company.CVR)
	require.NoError(t, json.Unmarshal([]byte(`{"aktivitetIdentifier": "a-2"}`), &a))
	assert.Equal(t, "37.5", a.Hours.String(), "an absent field leaves the value, as encoding/json does")
	require.NoError(t, json.Unmarshal([]byte(`{"timerPrUge": null}`), &a))
}
