package errors_test

import (
	"encoding/json"
	"errors"
	"fmt"
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

// noteTexts are the error texts of the release note, copied from it letter for letter, with the
// kind that carries each.
var noteTexts = []struct {
	kind dfdgerrors.Kind
	code dfdgerrors.Code
	text string
}{
	{dfdgerrors.ErrOtherDeadlineOpen, 0, "Borgeren har en frist med en anden samtaletype som først skal lukkes"}, // 1.1
	{dfdgerrors.ErrNegativeDuration, 1003, "Den angivne varighed er negativ, startdato er større end slutdato"},  // 2.3
	{dfdgerrors.ErrPlanTypeMissing, 110016, "Plantype mangler eller er forkert ved oprettelse af aktivitet for dagpengemodtager"},
	{dfdgerrors.ErrIDNotFound, 4589, "Id ikke fundet"}, // 4.1
}

func TestCatalogue(t *testing.T) {
	kinds := dfdgerrors.Kinds()
	require.NotEmpty(t, kinds)
	reasons := map[string]bool{}
	codes := map[dfdgerrors.Code]bool{}
	for _, k := range kinds {
		assert.NotEmpty(t, k.Danish(), k)
		assert.NotEmpty(t, k.English(), k)
		assert.Regexp(t, `^[A-Z][A-Za-z]+$`, k.Reason())
		assert.False(t, reasons[k.Reason()], "reason %s twice", k.Reason())
		reasons[k.Reason()] = true
		if c := k.Code(); c != 0 {
			assert.False(t, codes[c], "code %d twice", c)
			codes[c] = true
			back, ok := dfdgerrors.KindByCode(c)
			assert.True(t, ok)
			assert.Equal(t, k, back)
		}
		back, ok := dfdgerrors.KindByReason(k.Reason())
		assert.True(t, ok)
		assert.Equal(t, k, back)
	}
	// The zero Kind and every Kind after the last are no entry, and answer as the unknown one.
	for _, k := range []dfdgerrors.Kind{0, kinds[len(kinds)-1] + 1, kinds[len(kinds)-1] + 2, 1<<16 - 1} {
		assert.Equal(t, "Unknown", k.Reason(), k)
		assert.Equal(t, "Ukendt fejl", k.Danish(), k)
		assert.Zero(t, k.Code(), k)
	}
	// The library invents no DFDG number: the only codes are the note's and DFDG's documented ones.
	assert.Equal(t, map[dfdgerrors.Code]bool{1001: true, 1003: true, 1014: true, 4313: true, 4316: true, 4322: true, 4340: true, 4367: true, 4405: true, 4575: true, 4589: true, 4591: true, 4641: true, 4644: true, 4645: true, 4675: true, 4685: true, 4686: true, 4703: true, 4763: true, 4933: true, 4977: true, 4980: true, 6052: true, 8018: true, 8032: true, 8044: true, 8055: true, 8060: true, 8075: true, 9118: true, 9298: true, 90001: true, 90002: true, 90004: true, 90006: true, 90007: true, 90009: true, 90010: true, 90014: true, 90036: true, 110016: true}, codes)
}

// An Error's JSON names its kind by reason, or by code when the reason is the unknown one; an
// unknown reason is refused, never read as the zero Kind.
func TestErrorJSONNamesTheKind(t *testing.T) {
	var back dfdgerrors.Error
	require.NoError(t, json.Unmarshal([]byte(`{"aarsag":"ContactGroupOpen"}`), &back))
	assert.ErrorIs(t, &back, dfdgerrors.ErrContactGroupOpen)
	require.NoError(t, json.Unmarshal([]byte(`{"aarsag":"Unknown","kode":4644}`), &back))
	assert.ErrorIs(t, &back, dfdgerrors.ErrContactGroupOpen, "the code decides when the reason is the unknown one")
	require.ErrorIs(t, json.Unmarshal([]byte(`{"aarsag":"NoSuchReason"}`), &back), dfdgerrors.ErrInvalidValue)
}

// The texts of codes from STAR's service documentation are its own, letter for letter, as collected
// in the shared reference data (where it lies beside the repository).
func TestDocumentedTextsVerbatim(t *testing.T) {
	raw, err := os.ReadFile("../../shared/data/dfdg-public-errors.md")
	if err != nil {
		t.Skip("reference data not beside the repository")
	}
	data := string(raw)
	for _, k := range []dfdgerrors.Kind{dfdgerrors.ErrContactGroupOpen, dfdgerrors.ErrContactGroupTypeInvalid, dfdgerrors.ErrIDExists} {
		row := "| " + strconv.Itoa(int(k.Code())) + " | " + k.Danish()
		assert.Contains(t, data, row, "%s", k)
		if k != dfdgerrors.ErrIDExists { // documented in Danish only
			assert.Contains(t, data, "("+k.English()+")", "%s", k)
		}
	}
}

func TestNoteTextsVerbatim(t *testing.T) {
	for _, n := range noteTexts {
		assert.Equal(t, n.text, n.kind.Danish())
		assert.Equal(t, n.code, n.kind.Code())
	}
	// Against the note itself, where it lies beside the repository (not in CI's clean clone).
	entries, err := os.ReadDir("../../shared/seed")
	if err != nil {
		t.Skip("release note not beside the repository")
	}
	var b strings.Builder
	for _, e := range entries {
		raw, err := os.ReadFile("../../shared/seed/" + e.Name())
		require.NoError(t, err)
		b.Write(raw)
	}
	seed := regexp.MustCompile(`\s+`).ReplaceAllString(b.String(), " ")
	for _, n := range noteTexts {
		assert.Contains(t, seed, n.kind.Danish())
	}
	assert.Contains(t, seed, "110016: ”Plantype mangler")
	assert.Contains(t, seed, "1003 – ”Den angivne varighed")
	assert.Contains(t, seed, "4589 - ‘Id ikke fundet’")
}

func TestErrorMatching(t *testing.T) {
	err := dfdgerrors.New(dfdgerrors.ErrPlanTypeMissing, "3.1", "plantype", "")
	wrapped := fmt.Errorf("opret aktivitet: %w", err)

	assert.ErrorIs(t, wrapped, dfdgerrors.ErrPlanTypeMissing)
	assert.NotErrorIs(t, wrapped, dfdgerrors.ErrNegativeDuration)
	assert.ErrorIs(t, wrapped, dfdgerrors.New(dfdgerrors.ErrPlanTypeMissing, "", "", ""))
	assert.ErrorIs(t, wrapped, dfdgerrors.Code(110016))
	if e, ok := dfdgerrors.As(wrapped); assert.True(t, ok) {
		assert.Equal(t, dfdgerrors.RuleID("3.1"), e.Rule())
	}
	k, ok := dfdgerrors.As(wrapped)
	assert.True(t, ok)
	assert.Equal(t, dfdgerrors.ErrPlanTypeMissing, k.Kind())

	var e *dfdgerrors.Error
	require.True(t, errors.As(wrapped, &e))
	assert.Equal(t, "PlanTypeMissing", e.Kind().Reason())
	assert.Equal(t, dfdgerrors.Code(110016), e.Code())

	e, ok = dfdgerrors.As(errors.New("other"))
	assert.False(t, ok)
	assert.Zero(t, e.Code(), "a nil *Error answers")
	_, ok = dfdgerrors.As(nil)
	assert.False(t, ok)
	_, ok = dfdgerrors.As(errors.New("other"))
	assert.False(t, ok)

	// A sentinel is an error in its own right.
	assert.Equal(t, "dfdg 110016: Plantype mangler eller er forkert ved oprettelse af aktivitet for dagpengemodtager",
		dfdgerrors.ErrPlanTypeMissing.Error())
	assert.Equal(t, "dfdg OtherDeadlineOpen: Borgeren har en frist med en anden samtaletype som først skal lukkes",
		dfdgerrors.ErrOtherDeadlineOpen.Error())
}

func TestErrorTexts(t *testing.T) {
	err := dfdgerrors.New(dfdgerrors.ErrInactiveCode, "1.4", "kontaktgruppe", "26").
		WithDetail("kontaktgruppe 26 er inaktiv fra 2025-07-01", "contact group 26 is inactive from 2025-07-01")
	assert.Equal(t, "dfdg InactiveCode: Værdien er inaktiv i kodelisten og kan ikke vælges ved ny registrering: "+
		"kontaktgruppe 26 er inaktiv fra 2025-07-01 [regel 1.4; kontaktgruppe=26]", err.Error())
	assert.Equal(t, "The code-list entry is inactive and cannot be chosen for a new registration: "+
		"contact group 26 is inactive from 2025-07-01", err.English())

	coded := dfdgerrors.New(dfdgerrors.ErrNegativeDuration, "", "", "")
	assert.Equal(t, "dfdg 1003: Den angivne varighed er negativ, startdato er større end slutdato", coded.Error())
	assert.Equal(t, "Den angivne varighed er negativ, startdato er større end slutdato", coded.Danish())
}

func TestErrorJSON(t *testing.T) {
	err := dfdgerrors.New(dfdgerrors.ErrNegativeDuration, "2.3", "periode", "2025-03-02–2025-03-01")
	b, jerr := json.Marshal(err)
	require.NoError(t, jerr)
	assert.JSONEq(t, `{"kode":1003,"aarsag":"NegativeDuration","regel":"2.3",
		"tekst":"Den angivne varighed er negativ, startdato er større end slutdato",
		"tekstEn":"The reported duration is negative, start date is greater than end date",
		"felt":"periode","vaerdi":"2025-03-02–2025-03-01"}`, string(b))
	var back dfdgerrors.Error
	require.NoError(t, json.Unmarshal(b, &back))
	assert.Equal(t, err.Error(), back.Error(), "round trip")
	assert.ErrorIs(t, &back, dfdgerrors.ErrNegativeDuration)
	b, jerr = json.Marshal(dfdgerrors.New(dfdgerrors.ErrJobTitleExpired, "", "", ""))
	require.NoError(t, jerr)
	assert.NotContains(t, string(b), `"kode"`, "no invented code")
	assert.Error(t, json.Unmarshal([]byte(`{"aarsag":"NoSuchReason"}`), &back))
	assert.Error(t, json.Unmarshal([]byte(`{"aarsag":"InvalidValue","ukendt":1}`), &back), "an unknown field")
}

// The zero Error and a nil *Error print as the unknown entry, and every method answers.
func TestErrorZeroAndNil(t *testing.T) {
	var nilErr *dfdgerrors.Error
	for _, e := range []*dfdgerrors.Error{nilErr, {}} {
		assert.Equal(t, "dfdg Unknown: Ukendt fejl", e.Error())
		assert.Equal(t, dfdgerrors.Kind(0), e.Kind())
		assert.Empty(t, e.Rule())
		assert.Empty(t, e.Field())
		assert.Empty(t, e.Value())
		da, _ := e.Detail()
		assert.Empty(t, da)
		assert.Zero(t, e.Code())
		b, err := json.Marshal(e)
		require.NoError(t, err)
		var back dfdgerrors.Error
		require.NoError(t, json.Unmarshal(b, &back), string(b))
		assert.Equal(t, dfdgerrors.Error{}, back)
	}
	_, ok := dfdgerrors.As(nilErr)
	assert.False(t, ok, "a typed nil is no error")
}

// Texts are masked when they are read, so no way of making an Error lets a CPR number through.
func TestErrorMasksWhenRead(t *testing.T) {
	e := dfdgerrors.New(dfdgerrors.ErrInvalidValue, "", "x", "0101709876").WithDetail("cpr 010170-9876", "cpr 010170-9876")
	b, err := json.Marshal(e)
	require.NoError(t, err)
	da, en := e.Detail()
	for _, s := range []string{e.Error(), e.Value(), da, en, e.Danish(), e.English(), string(b)} {
		assert.NotContains(t, s, "9876", s)
	}
}

func TestList(t *testing.T) {
	var l dfdgerrors.List
	assert.NoError(t, l.Err())
	one := dfdgerrors.List{dfdgerrors.New(dfdgerrors.ErrPlanTypeMissing, "", "", "")}
	assert.Same(t, one[0], one.Err(), "a single violation is the error itself")
	l = append(l, dfdgerrors.New(dfdgerrors.ErrPlanTypeMissing, "", "", ""), dfdgerrors.New(dfdgerrors.ErrJobTitleExpired, "", "", ""))
	err := l.Err()
	require.Error(t, err)
	assert.ErrorIs(t, err, dfdgerrors.ErrPlanTypeMissing)
	assert.ErrorIs(t, err, dfdgerrors.ErrJobTitleExpired)
	assert.NotErrorIs(t, err, dfdgerrors.ErrDuplicateActivity)
	assert.ErrorIs(t, l.Err(), dfdgerrors.ErrJobTitleExpired)
	assert.NotErrorIs(t, l.Err(), dfdgerrors.ErrDuplicateActivity)
	assert.Contains(t, err.Error(), "110016")
	assert.Contains(t, err.Error(), "; ")
	assert.ErrorIs(t, err, dfdgerrors.Code(110016), "the first violation's code")

	// Append takes every violation an error joins back into a list.
	back := dfdgerrors.Append(nil, err)
	assert.Equal(t, l, back)
	back = dfdgerrors.Append(back, fmt.Errorf("wrapped: %w", dfdgerrors.New(dfdgerrors.ErrInvalidDate, "", "", "")))
	assert.ErrorIs(t, back.Err(), dfdgerrors.ErrInvalidDate)
	n := len(back)
	back = dfdgerrors.Append(back, nil)
	back = dfdgerrors.Append(back, (*dfdgerrors.Error)(nil))
	assert.Len(t, back, n, "a nil error, typed or not, adds nothing")
	back = dfdgerrors.Append(back, errors.New("plain"))
	assert.Equal(t, dfdgerrors.ErrInvalidValue, back[len(back)-1].Kind())
	assert.Len(t, dfdgerrors.Append(back, nil), len(back))
}

// Issue 13: a long value is cut when read, after masking, so a CPR at the cut never leaks in part,
// and a huge value never reaches a log whole.
func TestErrorValueIsMaskedThenCut(t *testing.T) {
	long := strings.Repeat("x", dfdgerrors.MaxValue-4) + "0707614321"
	e := dfdgerrors.New(dfdgerrors.ErrInvalidValue, "", "v", long)
	assert.NotContains(t, e.Value(), "432")
	assert.NotContains(t, e.Error(), "432")
	huge := dfdgerrors.New(dfdgerrors.ErrInvalidValue, "", "aktoer", strings.Repeat("k", 900_000))
	assert.LessOrEqual(t, len(huge.Value()), dfdgerrors.MaxValue+len("…"))
	assert.Less(t, len(huge.Error()), 1000)
	b, err := json.Marshal(huge)
	require.NoError(t, err)
	assert.Less(t, len(b), 1000)
}

// Issue 13: a value of MaxValue bytes is whole; a longer one is cut at the start of a rune, never
// inside one, and one with no rune start to cut at gives only the mark of the cut.
func TestValueCutAtARune(t *testing.T) {
	value := func(v string) string {
		return dfdgerrors.New(dfdgerrors.ErrInvalidValue, "", "v", v).Value()
	}
	whole := strings.Repeat("k", dfdgerrors.MaxValue)
	assert.Equal(t, whole, value(whole))
	assert.Equal(t, whole+"…", value(whole+"k"))
	straddling := strings.Repeat("k", dfdgerrors.MaxValue-1) + "æ" + "kk" // æ's two bytes lie across the cut
	assert.Equal(t, strings.Repeat("k", dfdgerrors.MaxValue-1)+"…", value(straddling))
	assert.Equal(t, "…", value(strings.Repeat("\x80", dfdgerrors.MaxValue+1)), "no rune starts before the cut")
}

// Issue 13, found by FuzzDateDecoding: cutting a long run of digits can leave ten at the end, which
// have a CPR's shape; they are masked too.
func TestValueCutNeverEndsInACPR(t *testing.T) {
	long := strings.Repeat("x", dfdgerrors.MaxValue-10) + strings.Repeat("0", 30)
	e := dfdgerrors.New(dfdgerrors.ErrInvalidValue, "", "v", long)
	assert.True(t, strings.HasSuffix(e.Value(), "000000xxxx…"), e.Value())
	assert.Equal(t, e.Value(), dfdg.MaskCPR(e.Value()))
	assert.Equal(t, e.Error(), dfdg.MaskCPR(e.Error()))
}
