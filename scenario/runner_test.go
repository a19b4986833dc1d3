package scenario_test

import (
	"errors"
	"strings"
	"testing"

	"github.com/regelkit/dfdg"
	dfdgerrors "github.com/regelkit/dfdg/errors"
	"github.com/regelkit/dfdg/scenario"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// file wraps cases in a file with a theme.
func file(cases string) []byte {
	return []byte(`{"tema": "test", "scenarier": [` + cases + `]}`)
}

const okCase = `{
  "navn": "ok", "regel": "1.1",
  "given": {"nu": "2025-09-10T09:00:00+02:00", "borger": {"jobcenter": 101,
    "frister": [{"fristId": "f-1", "samtaletype": 7, "fristdato": "2025-09-01", "friststatus": "Overskredet frist"}]}},
  "when": {"opretFrist": {"fristId": "f-2", "samtaletype": 4, "fristdato": "2025-10-01"}},
  "then": {"beslutning": {"frister": [{"aendringstype": "Oprettelse", "post": {"fristId": "f-2"}}], "beskeder": []}, "regler": ["1.1"]}
}`

const okThen = `{"beslutning": {"frister": [{"aendringstype": "Oprettelse", "post": {"fristId": "f-2"}}], "beskeder": []}, "regler": ["1.1"]}`

func TestRunPassingCase(t *testing.T) {
	f, err := scenario.Parse("ok.json", file(okCase))
	require.NoError(t, err)
	rs := scenario.RunFile(f, nil)
	require.Len(t, rs, 1)
	assert.True(t, rs[0].Pass(), "%v", rs[0].Diffs)
	assert.Equal(t, "ok.json", rs[0].File)
	assert.Equal(t, "opretFrist", rs[0].Command)
	assert.True(t, rs[0].Rules.Has(dfdg.Rule1_1))
}

// A failing expectation is reported with what differed, never passed over.
func TestRunFailingExpectations(t *testing.T) {
	cases := map[string]struct {
		then string
		want []string
	}{
		"wrong change": {`{"beslutning": {"frister": [{"aendringstype": "Opdatering", "post": {"fristId": "f-2"}}]}}`, []string{
			`beslutning.frister[0]: forventet, men ikke fundet: {"aendringstype":"Opdatering","post":{"fristId":"f-2"}}`,
			`beslutning.frister: uventet {"aendringstype":"Oprettelse","post":{"fristId":"f-2","fristdato":"2025-10-01","samtaletype":4}}`}},
		"wrong field": {`{"beslutning": {"frister": [{"post": {"fristId": "f-2", "samtaletype": 7}}]}}`, []string{
			`beslutning.frister[0]: forventet, men ikke fundet: {"post":{"fristId":"f-2","samtaletype":7}}`,
			`beslutning.frister: uventet {"aendringstype":"Oprettelse","post":{"fristId":"f-2","fristdato":"2025-10-01","samtaletype":4}}`}},
		"missing message": {`{"beslutning": {"beskeder": [{"navn": "Fravaer.WSB"}]}}`,
			[]string{`beslutning.beskeder[0]: forventet, men ikke fundet: {"navn":"Fravaer.WSB"}`}},
		"rule not named": {`{"regler": ["2.1"]}`,
			[]string{"regler: forventede 2.1 blandt reglerne, fik [1.1]"}},
		"expected an error": {`{"fejl": {"kode": 1003}}`,
			[]string{"fejl: forventede en afvisning, men kommandoen blev godkendt"}},
		"expected no change": {`{"ingenAendringer": true}`,
			[]string{"ingenAendringer: beslutningen ændrer eller sender noget"}},
		"a result the command does not give": {`{"slettedato": {"aldrig": true}}`,
			[]string{"slettedato: kommandoen giver ikke et sådant resultat"}},
	}
	for name, c := range cases {
		t.Run(name, func(t *testing.T) {
			data := strings.Replace(okCase, okThen, c.then, 1)
			f, err := scenario.Parse("x.json", file(data))
			require.NoError(t, err)
			r := scenario.RunFile(f, nil)[0]
			assert.False(t, r.Pass())
			assert.Equal(t, c.want, r.Diffs)
		})
	}
	// An unexpected rejection is a failure that shows the error.
	data := strings.Replace(okCase, `"friststatus": "Overskredet frist"`, `"friststatus": "åben"`, 1)
	data = strings.Replace(data, `"2025-09-10T09:00:00+02:00"`, `"2025-08-10T09:00:00+02:00"`, 1)
	f, err := scenario.Parse("x.json", file(data))
	require.NoError(t, err)
	r := scenario.RunFile(f, nil)[0]
	require.Len(t, r.Diffs, 1)
	assert.Contains(t, r.Diffs[0], "uventet afvisning: dfdg OtherDeadlineOpen")
	assert.ErrorIs(t, r.Err, dfdgerrors.ErrOtherDeadlineOpen)
	assert.True(t, r.Rules.Has(dfdg.Rule1_1), "the rejecting rule is among the rules")
}

// An expected error is the error's own JSON, in part; a detail matches by what it contains.
func TestRunErrorExpectation(t *testing.T) {
	data := strings.Replace(okCase, `"friststatus": "Overskredet frist"`, `"friststatus": "åben"`, 1)
	data = strings.Replace(data, `"2025-09-10T09:00:00+02:00"`, `"2025-08-10T09:00:00+02:00"`, 1)
	for then, pass := range map[string]bool{
		`{"fejl": {"aarsag": "OtherDeadlineOpen", "regel": "1.1", "felt": "borger.frister[0]", "vaerdi": "f-1", "detalje": "er åben"}}`: true,
		`{"fejl": {"aarsag": "OtherDeadlineOpen", "detalje": "er lukket"}}`:                                                             false,
		`{"fejl": {"kode": 1003}}`: false,
	} {
		f, err := scenario.Parse("x.json", file(strings.Replace(data, okThen, then, 1)))
		require.NoError(t, err, then)
		r := scenario.RunFile(f, nil)[0]
		assert.Equal(t, pass, r.Pass(), "%s: %v", then, r.Diffs)
	}
}

// Every kind of malformed file is an error naming the file, the case and the field.
func TestMalformedFiles(t *testing.T) {
	cases := []struct {
		name     string
		data     string
		caseNo   int
		contains string
	}{
		{"not JSON", `{"tema": "x", `, -1, "unexpected EOF"},
		{"two documents", `{"tema": "x", "scenarier": []} {}`, -1, "more than one JSON value"},
		{"unknown top-level field", `{"tema": "x", "cases": []}`, -1, "cases: unknown field"},
		{"no theme", `{"scenarier": [` + okCase + `]}`, -1, "tema: missing"},
		{"no cases", `{"tema": "x", "scenarier": []}`, -1, "scenarier: no cases"},
		{"cases not an array", `{"tema": "x", "scenarier": {}}`, -1, "scenarier: want a list"},
		{"unknown field in a case", string(file(strings.Replace(okCase, `"jobcenter": 101,`, `"jobcenter": 101, "farve": "rød",`, 1))), 0, `given.borger.farve: unknown field`},
		{"unknown nested field", string(file(strings.Replace(okCase, `"friststatus": "Overskredet frist"`, `"friststatus": "Overskredet frist", "type": 3`, 1))), 0, "given.borger.frister[0].type: unknown field"},
		{"wrong type", string(file(strings.Replace(okCase, `"samtaletype": 4`, `"samtaletype": "fire"`, 1))), 0, `when.opretFrist.samtaletype: want dfdg.ConversationType, got the string "fire"`},
		{"bad date", string(file(strings.Replace(okCase, `"fristdato": "2025-10-01"`, `"fristdato": "2025-02-30"`, 1))), 0, `when.opretFrist.fristdato: dfdg InvalidDate`},
		{"bad instant", string(file(strings.Replace(okCase, `"nu": "2025-09-10T09:00:00+02:00"`, `"nu": "i går"`, 1))), 0, "given.nu:"},
		{"bad status", string(file(strings.Replace(okCase, `"Overskredet frist"`, `"overdue"`, 1))), 0, `given.borger.frister[0].friststatus: dfdg InvalidValue`},
		{"bad actor", string(file(strings.Replace(okCase, `"borger": {`, `"aktoer": "kommunen", "borger": {`, 1))), 0, "given.aktoer:"},
		{"bad change type", string(file(strings.Replace(okCase, `"aendringstype": "Oprettelse"`, `"aendringstype": "Ny"`, 1))), 0, "then.beslutning.frister[0].aendringstype:"},
		{"unknown field in an expectation", string(file(strings.Replace(okCase, `"post": {"fristId": "f-2"}`, `"post": {"fristIdent": "f-2"}`, 1))), 0, "then.beslutning.frister[0].post.fristIdent: unknown field"},
		{"unknown field in an expected error", string(file(strings.Replace(okCase, okThen, `{"fejl": {"kod": 1003}}`, 1))), 0, `then.fejl: json: unknown field "kod"`},
		{"no command", string(file(strings.Replace(okCase, `"when": {"opretFrist": {"fristId": "f-2", "samtaletype": 4, "fristdato": "2025-10-01"}}`, `"when": {}`, 1))), 0, "when: no command"},
		{"two commands", string(file(strings.Replace(okCase, `"when": {"opretFrist"`, `"when": {"minPlan": {}, "opretFrist"`, 1))), 0, "when: more than one command: [opretFrist minPlan]"},
		{"unknown command", string(file(strings.Replace(okCase, `"opretFrist"`, `"opretFristen"`, 1))), 0, "when.opretFristen: unknown field"},
		{"no name", string(file(strings.Replace(okCase, `"navn": "ok",`, ``, 1))), 0, "navn: missing"},
		{"unknown rule", string(file(strings.Replace(okCase, `"regel": "1.1"`, `"regel": "1.9"`, 1))), 0, `regel: "1.9" is not an item`},
		{"unknown expected rule", string(file(strings.Replace(okCase, `"regler": ["1.1"]`, `"regler": ["5.1"]`, 1))), 0, `then.regler[0]: "5.1" is not an item`},
		{"second case broken", string(file(okCase + `,` + strings.Replace(okCase, `"navn": "ok"`, `"navn": "to", "x": 1`, 1))), 1, "x: unknown field"},
		{"duplicate names", string(file(okCase + `,` + okCase)), 1, "navn: the same as scenarie 1"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			f, err := scenario.Parse("bad.json", []byte(c.data))
			require.Error(t, err)
			assert.Nil(t, f)
			var se *scenario.Error
			require.True(t, errors.As(err, &se), "%T", err)
			assert.True(t, scenario.IsMalformed(err))
			assert.Equal(t, "bad.json", se.File)
			assert.Equal(t, c.caseNo, se.Case, err.Error())
			assert.Contains(t, err.Error(), c.contains)
			assert.True(t, strings.HasPrefix(err.Error(), "bad.json: "), err.Error())
			if c.caseNo >= 0 {
				assert.Contains(t, err.Error(), "scenarie ")
			}
		})
	}
}

func TestMalformedErrorNamesTheCase(t *testing.T) {
	_, err := scenario.Parse("bad.json", file(strings.Replace(okCase, `"fristdato": "2025-10-01"`, `"fristdato": "2025-13-01"`, 1)))
	require.Error(t, err)
	assert.Equal(t, `bad.json: scenarie 1 "ok": when.opretFrist.fristdato: dfdg InvalidDate: Ugyldig dato [dato="2025-13-01"]`, err.Error())
}

func TestLoadMissingFile(t *testing.T) {
	_, err := scenario.Load("testdata/none.json")
	assert.True(t, scenario.IsMalformed(err))
}

// A case whose given state lacks what its command needs is reported, not passed.
func TestRunCaseThatCannotRun(t *testing.T) {
	data := `{"navn": "x", "given": {}, "when": {"opretFrist": {"fristId": "f", "samtaletype": 4, "fristdato": "2025-10-01"}}, "then": {}}`
	f, err := scenario.Parse("x.json", file(data))
	require.NoError(t, err)
	r := scenario.RunFile(f, nil)[0]
	require.False(t, r.Pass())
	assert.Contains(t, r.Diffs[0], "uventet afvisning: dfdg MissingValue", "no now")
	_, err = scenario.Parse("x.json", file(`{"navn": "x", "given": {}, "when": {"ydelsesafgoerelse": {"udfald": "afvist"}}, "then": {}}`))
	assert.ErrorContains(t, err, `when.ydelsesafgoerelse.udfald: dfdg InvalidValue`)
}

// FuzzParse: no bytes panic the decoder or the runner.
func FuzzParse(f *testing.F) {
	f.Add(file(okCase))
	f.Add([]byte(`{"tema": "x", "scenarier": [{"navn": "n", "given": {"nu": null, "borger": {"kontaktgrupper": [{}]}}, "when": {"minPlan": {}}, "then": {"sletninger": null}}]}`))
	f.Add([]byte(`{"tema": 1}`))
	f.Add([]byte(`[]`))
	f.Add([]byte(`{"tema": "x", "scenarier": [{"navn": "n", "given": {"borger": {"aktiviteter": [{"timerPrUge": 1e400}]}}, "when": {"minPlan": {}}, "then": {}}]}`))
	f.Add([]byte(`{"tema": "x", "scenarier": [{"navn": "n", "given": {"borgere": [{}], "nu": "2025-01-01T00:00:00Z"}, "when": {"sygefravaerskoersel": {}}, "then": {"lukninger": [{"borger": "x"}]}}]}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		fl, err := scenario.Parse("fuzz.json", data)
		if err != nil {
			if !scenario.IsMalformed(err) {
				t.Fatalf("an error that is not a malformed-file error: %v", err)
			}
			return
		}
		for _, r := range scenario.RunFile(fl, nil) {
			_ = r.Pass()
		}
	})
}
