package dfdg_test

import (
	"encoding/json"
	"testing"

	"github.com/regelkit/dfdg"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestChangeTypeIDs(t *testing.T) {
	// DFDG's Aendringstype: Oprettelse (Id 1), Opdatering (Id 2), Sletning (Id 3).
	assert.Equal(t, dfdg.ChangeType(1), dfdg.Create)
	assert.Equal(t, dfdg.ChangeType(2), dfdg.Update)
	assert.Equal(t, dfdg.ChangeType(3), dfdg.Delete)
	assert.Equal(t, "Oprettelse", dfdg.Create.String())
	assert.Equal(t, "Opdatering", dfdg.Update.String())
	assert.Equal(t, "Sletning", dfdg.Delete.String())
	for _, in := range []string{"Opdatering", "2", "Update"} {
		var c dfdg.ChangeType
		require.NoError(t, c.UnmarshalText([]byte(in)))
		assert.Equal(t, dfdg.Update, c)
	}
	var c dfdg.ChangeType
	assert.Error(t, c.UnmarshalText([]byte("4")))
}

func TestMessageJSONAndString(t *testing.T) {
	m := dfdg.Message{
		Name: dfdg.KontaktgruppeWSB, Change: dfdg.Update,
		To:    dfdg.MunicipalityActor(101),
		About: dfdg.Ref{Kind: dfdg.RecordMembership, ID: "kg-1"},
	}
	assert.Equal(t, "Kontaktgruppe.WSB Opdatering til kommune 101 om Kontaktgruppe kg-1", m.String())
	b, err := json.Marshal(m)
	require.NoError(t, err)
	assert.JSONEq(t, `{"navn":"Kontaktgruppe.WSB","aendringstype":"Opdatering","til":"kommune 101","om":{"posttype":"Kontaktgruppe","id":"kg-1"}}`, string(b))
	var back dfdg.Message
	require.NoError(t, json.Unmarshal(b, &back))
	assert.Equal(t, m, back)
}

func TestMunicipality(t *testing.T) {
	for _, s := range []string{"101", "0101", "851", "0851", "1"} {
		m, err := dfdg.ParseMunicipality(s)
		require.NoError(t, err, s)
		assert.NotZero(t, m)
	}
	m, _ := dfdg.ParseMunicipality("0101")
	assert.Equal(t, dfdg.Municipality(101), m)
	assert.Equal(t, "101", m.String())
	assert.Equal(t, "0101", m.Code4())
	for _, s := range []string{"", "0", "000", "1010", "10101", "abc", "-101", " 101", "1e2"} {
		_, err := dfdg.ParseMunicipality(s)
		assert.Error(t, err, s)
	}
	var x struct{ M dfdg.Municipality }
	require.NoError(t, json.Unmarshal([]byte(`{"M":"0101"}`), &x))
	assert.Equal(t, dfdg.Municipality(101), x.M)
	require.NoError(t, json.Unmarshal([]byte(`{"M":851}`), &x))
	assert.Equal(t, dfdg.Municipality(851), x.M)
	// The zero Municipality, "none", marshals as 0 and reads back from 0, null and "".
	b, err := json.Marshal(struct{ M dfdg.Municipality }{})
	require.NoError(t, err)
	for _, in := range []string{string(b), `{"M":null}`, `{"M":""}`} {
		x.M = 101
		require.NoError(t, json.Unmarshal([]byte(in), &x), in)
		assert.Zero(t, x.M, in)
	}
}

func TestActor(t *testing.T) {
	kbh := dfdg.MunicipalityActor(101)
	assert.False(t, kbh.GuestOf(101))
	assert.True(t, kbh.GuestOf(147))
	assert.False(t, dfdg.AkasseActor("x").GuestOf(101), "only municipalities use guest access")
	assert.Equal(t, "kommune 101", kbh.String())
	assert.Equal(t, "KSD", dfdg.SystemActor(dfdg.ActorKSD).String())
	assert.True(t, dfdg.Actor{}.IsZero())
	for _, a := range []dfdg.Actor{dfdg.SystemActor(dfdg.ActorKY), dfdg.MunicipalityActor(851), dfdg.AkasseActor("3F A-kasse"), {}} {
		b, err := json.Marshal(a)
		require.NoError(t, err)
		var back dfdg.Actor
		require.NoError(t, json.Unmarshal(b, &back), string(b))
		assert.Equal(t, a, back)
	}
	b, _ := json.Marshal(dfdg.SystemActor(dfdg.ActorKY))
	assert.JSONEq(t, `"KY"`, string(b))
	got, err := dfdg.ParseActor("kommune 0101")
	require.NoError(t, err)
	assert.Equal(t, kbh, got)
	for _, bad := range []string{"kommunen", "kommune ", "kommune 1010", "a-kasse ", "kommune", "a-kasse"} {
		_, err := dfdg.ParseActor(bad)
		assert.Error(t, err, bad)
	}
}
