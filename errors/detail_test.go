package errors_test

import (
	"encoding/json"
	"errors"
	"fmt"
	"testing"

	dfdgerrors "github.com/regelkit/dfdg/errors"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// pair is a Detail of a rule's own, as rule 2.1's is: two ids and a span, kept as values.
type pair struct {
	id, other string
	from, to  int64
}

func (p *pair) Where() (dfdgerrors.Path, dfdgerrors.Arg) {
	return "periode", dfdgerrors.Formatted(appendRange{}, "", span(p.from, p.to))
}

func (p *pair) AppendDetail(b []byte, english bool) []byte {
	t := "{0} overlapper {1}"
	if english {
		t = "{0} overlaps {1}"
	}
	return dfdgerrors.AppendTemplate(b, t, dfdgerrors.Text(p.id), dfdgerrors.Text(p.other))
}

func newPair(id, other string) *dfdgerrors.Error {
	return dfdgerrors.NewDetail(dfdgerrors.ErrOverlapNotAllowed, pair{id: id, other: other, from: 1, to: 2})
}

// An Error made with NewDetail reads as one made with the With methods that say the same.
func TestNewDetailReadsAsTheWithMethods(t *testing.T) {
	e := newPair("a1", "a2").WithRule("2.1")
	same := dfdgerrors.New(dfdgerrors.ErrOverlapNotAllowed).WithRule("2.1").
		WithFieldArg("periode", dfdgerrors.Formatted(appendRange{}, "", span(1, 2))).
		WithDetailArgs("{0} overlapper {1}", "{0} overlaps {1}", dfdgerrors.Text("a1"), dfdgerrors.Text("a2"))
	assert.Equal(t, dfdgerrors.Path("periode"), e.Field())
	assert.Equal(t, "1–2", e.Value())
	assert.Equal(t, "a1 overlapper a2", e.Detail())
	assert.Equal(t, "a1 overlaps a2", e.DetailEN())
	for _, read := range []func(*dfdgerrors.Error) string{(*dfdgerrors.Error).Error, (*dfdgerrors.Error).Danish, (*dfdgerrors.Error).English} {
		assert.Equal(t, read(same), read(e))
	}
	b1, err := json.Marshal(e)
	require.NoError(t, err)
	b2, err := json.Marshal(same)
	require.NoError(t, err)
	assert.JSONEq(t, string(b2), string(b1))
	var back dfdgerrors.Error
	require.NoError(t, json.Unmarshal(b1, &back))
	assert.Equal(t, e.Error(), back.Error())
	assert.True(t, errors.Is(e, dfdgerrors.ErrOverlapNotAllowed))
	got, ok := dfdgerrors.As(fmt.Errorf("kald: %w", e))
	require.True(t, ok)
	assert.Same(t, e, got)

	// Two with the same values are equal; other values are not.
	assert.Equal(t, newPair("a1", "a2"), newPair("a1", "a2"))
	assert.NotEqual(t, newPair("a1", "a2"), newPair("a1", "a3"))
}

// The Error and its Detail are one allocation, and a With method that sets only the rule adds none.
func TestNewDetailCostsOneAllocation(t *testing.T) {
	var sink *dfdgerrors.Error
	id, other := "a1", "a2"
	assert.Equal(t, 1.0, testing.AllocsPerRun(100, func() { sink = newPair(id, other).WithRule("2.1") }))
	assert.Equal(t, "a1 overlapper a2", sink.Detail())
}

// What a Detail writes is masked like every text of an Error.
func TestNewDetailIsMaskedWhenRead(t *testing.T) {
	e := newPair("0707614321", "070761-4321")
	b, err := json.Marshal(e)
	require.NoError(t, err)
	for _, s := range []string{e.Detail(), e.DetailEN(), e.Error(), e.Danish(), e.English(), fmt.Sprint(e), string(b)} {
		assert.NotContains(t, s, "4321", s)
	}
}

// A With method that sets a path or a detail writes the rule's detail out as text first, keeps
// what it does not set, and leaves a frozen original as it was.
func TestWithMethodsOnANewDetail(t *testing.T) {
	e := newPair("a1", "a2").WithField("x", "v")
	assert.Equal(t, dfdgerrors.Path("x"), e.Field())
	assert.Equal(t, "v", e.Value())
	assert.Equal(t, "a1 overlapper a2", e.Detail(), "the detail is kept")
	assert.Equal(t, "a1 overlaps a2", e.DetailEN())

	e = newPair("a1", "a2").WithDetail("andet", "other")
	assert.Equal(t, dfdgerrors.Path("periode"), e.Field(), "the path is kept")
	assert.Equal(t, "1–2", e.Value())
	assert.Equal(t, "andet", e.Detail())

	shared := newPair("a1", "a2").WithRule("2.1").Freeze()
	before := shared.Error()
	changed := shared.WithRule("9.9").WithItem("l", 1, "c", dfdgerrors.Int(7)).WithDetailArgs("{0}", "{0}", dfdgerrors.Int(1))
	assert.NotSame(t, shared, changed)
	assert.Equal(t, before, shared.Error())
	assert.Equal(t, "dfdg OverlapNotAllowed: "+dfdgerrors.ErrOverlapNotAllowed.Danish()+": 1 [regel 9.9; l[1].c=7]", changed.Error())
	assert.Equal(t, "1", changed.DetailEN())
}

// A copy of a frozen Error shares its detail until a With method changes the copy, which then
// changes its own and never the original's.
func TestCopyOfAFrozenErrorChangesItsOwnDetail(t *testing.T) {
	shared := dfdgerrors.New(dfdgerrors.ErrInvalidValue).WithField("a", "1").WithDetail("d", "d").Freeze()
	copy1 := shared.WithRule("1.1")
	copy1.WithField("b", "2")
	copy2 := shared.WithRule("1.2")
	copy2.WithDetailArgs("{0}", "{0}", dfdgerrors.Int(3))
	assert.Equal(t, dfdgerrors.Path("a"), shared.Field())
	assert.Equal(t, "d", shared.Detail())
	assert.Equal(t, dfdgerrors.Path("b"), copy1.Field())
	assert.Equal(t, "d", copy1.Detail())
	assert.Equal(t, dfdgerrors.Path("a"), copy2.Field())
	assert.Equal(t, "3", copy2.Detail())
}

func TestAppendTemplate(t *testing.T) {
	args := []dfdgerrors.Arg{dfdgerrors.Text("a"), dfdgerrors.Int(-7), dfdgerrors.Formatted(appendRange{}, "", span(1, 2))}
	for template, want := range map[string]string{
		"":                 "",
		"plain":            "plain",
		"{0}":              "a",
		"{0}{1}{2}":        "a-71–2",
		"x {2} y":          "x 1–2 y",
		"{3} {9} {x} {} {": "{3} {9} {x} {} {",
		"{{0}}":            "{a}",
		"{0":               "{0",
		"ends {":           "ends {",
		"æ{0}ø{1}å":        "æaø-7å",
		"{0}{0}":           "aa",
		"}{0}{":            "}a{",
		"{-1} {/} {:}":     "{-1} {/} {:}",
		"{00}":             "{00}",
	} {
		assert.Equal(t, "pre:"+want, string(dfdgerrors.AppendTemplate([]byte("pre:"), template, args...)), template)
	}
	assert.Equal(t, "{0}", string(dfdgerrors.AppendTemplate(nil, "{0}")), "no arguments")
	ten := make([]dfdgerrors.Arg, 10)
	for i := range ten {
		ten[i] = dfdgerrors.Int(i * 11)
	}
	assert.Equal(t, "99 0 {10}", string(dfdgerrors.AppendTemplate(nil, "{9} {0} {10}", ten...)), "any digit")
}

func TestTextsAppend(t *testing.T) {
	texts := dfdgerrors.Texts{"fravær {0}", "absence {0}"}
	assert.Equal(t, "x: fravær a1", string(texts.Append([]byte("x: "), false, dfdgerrors.Text("a1"))))
	assert.Equal(t, "absence a1", string(texts.Append(nil, true, dfdgerrors.Text("a1"))))
	var none *dfdgerrors.Texts
	assert.Equal(t, "x", string(none.Append([]byte("x"), true, dfdgerrors.Text("a1"))))
}
