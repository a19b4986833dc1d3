package jsonx_test

import (
	"encoding/json"
	"reflect"
	"testing"
	"time"

	"github.com/regelkit/dfdg"
	"github.com/regelkit/dfdg/internal/jsonx"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestDecodeIsStrictWithPaths(t *testing.T) {
	var c dfdg.Citizen
	require.NoError(t, jsonx.Decode([]byte(`{"jobcenter": "0101", "KONTAKTGRUPPER": [{"kontaktgruppeType": 1}]}`), &c), "names in any case, as encoding/json")
	assert.Equal(t, dfdg.Municipality(101), c.Jobcentre)
	assert.Equal(t, dfdg.ContactGroup(1), c.Memberships[0].Group)

	for in, want := range map[string]string{
		`{"kontaktgrupper": [{"gruppe": 1}]}`:                     "kontaktgrupper[0].gruppe: unknown field",
		`{"fravaer": [{"periode": {"startdato": "2025-02-30"}}]}`: "fravaer[0].periode.startdato: dfdg InvalidDate",
		`{"jobcenter": true}`:                                     "jobcenter: ",
		`{"fravaer": {}}`:                                         "fravaer: want a list, got an object",
		`{"aktiviteter": [{"timerPrUge": "x"}]}`:                  "aktiviteter[0].timerPrUge: ",
		`{} {}`:                                                   "more than one JSON value",
		`{"plan": {"plantype": "Jobplan", "kontrakt": {"lov": "x"}}}`: "plan.kontrakt.lov: dfdg InvalidValue",
	} {
		err := jsonx.Decode([]byte(in), &dfdg.Citizen{})
		require.Error(t, err, in)
		assert.Contains(t, err.Error(), want, in)
	}
	assert.Error(t, jsonx.Decode([]byte(`{}`), nil), "not a pointer")
	// A decoder's own error that repeats the value is masked, and the walk stays strict inside an
	// activity (whose UnmarshalJSON checks its hours).
	err := jsonx.Decode([]byte(`{"aktiviteter": [{"timerPrUge": "070761-4321"}]}`), &dfdg.Citizen{})
	require.Error(t, err)
	assert.NotContains(t, err.Error(), "4321")
	assert.Contains(t, err.Error(), "aktiviteter[0].timerPrUge")
	assert.ErrorContains(t, jsonx.Decode([]byte(`{"aktiviteter": [{"farve": 1}]}`), &dfdg.Citizen{}), "aktiviteter[0].farve: unknown field")
}

func TestMatch(t *testing.T) {
	now := time.Date(2025, 9, 15, 9, 0, 0, 0, time.UTC)
	d := dfdg.Decision{
		Memberships: []dfdg.Change[dfdg.Membership]{{Type: dfdg.Create, Record: dfdg.Membership{ID: "kg-1", Group: 1, Start: now}}},
		Outcome:     dfdg.Outcome{Rules: dfdg.RulesOf(dfdg.Rule1_5)},
	}
	cases := map[string]int{
		`{"kontaktgrupper": [{"post": {"kontaktgruppeIdentifier": "kg-1"}}]}`:                    0,
		`{"kontaktgrupper": [{"post": {"starttidspunkt": "2025-09-15T11:00:00+02:00"}}]}`:        0, // the same instant
		`{"kontaktgrupper": [{"post": {"sluttidspunkt": null}}], "beskeder": [], "fravaer": []}`: 0, // what the result leaves out
		`{"kontaktgrupper": [{"post": {"kontaktgruppeType": 8}}]}`:                               2, // not found, and one left over
		`{"kontaktgrupper": []}`: 1,
		`{"kontaktgrupper": [{"aendringstype": "Oprettelse"}, {"aendringstype": "Oprettelse"}]}`: 1, // a list is checked whole
		`{"regler": ["1.5"], "tilsidesatTidspunkt": null}`:                                       0,
		`{"kontaktgrupper": [{"post": {"kontaktgruppeIdentifier": "kg"}}]}`:                      2, // no containment but where asked
	}
	for want, n := range cases {
		assert.Len(t, jsonx.Match("beslutning", json.RawMessage(want), d), n, want)
	}
	assert.Empty(t, jsonx.Match("x", json.RawMessage(`{"detalje": "er åben"}`), map[string]string{"detalje": "frist f-1 er åben"}, "detalje"))
	assert.Len(t, jsonx.Match("x", json.RawMessage(`{"tekst": "åben"}`), map[string]string{"tekst": "frist f-1 er åben"}, "detalje"), 1)
	assert.Empty(t, jsonx.Match("x", json.RawMessage(`{"timer": 37}`), map[string]string{"timer": "37.00"}), "numbers as numbers")
}

func TestSchemaEnumeratesTextTypes(t *testing.T) {
	var s map[string]any
	require.NoError(t, json.Unmarshal(jsonx.Schema(reflect.TypeFor[dfdg.Message](), jsonx.SchemaOptions{}), &s))
	props := s["properties"].(map[string]any)
	assert.Equal(t, []any{"", "Oprettelse", "Opdatering", "Sletning"}, props["aendringstype"].(map[string]any)["enum"])
	assert.Equal(t, false, s["additionalProperties"])
}
