package codelist_test

import (
	"testing"
	"time"

	"github.com/regelkit/dfdg"
	"github.com/regelkit/dfdg/codelist"
	dfdgerrors "github.com/regelkit/dfdg/errors"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// The operations table reads, names every operation once with its entry point, and each code an
// operation says the library decides has a Kind; a code the operation's page does not document is the
// release note's (1003 for absences, 110016 for activities).
func TestOperationsTable(t *testing.T) {
	ops := codelist.Operations()
	require.NotEmpty(t, ops)
	note := map[dfdgerrors.Code]bool{1003: true, 110016: true}
	for _, op := range ops {
		assert.NotEmpty(t, op.Entry, op.Name)
		assert.NotEmpty(t, op.Access, op.Name)
		for _, c := range op.Decided {
			assert.Equal(t, c, dfdgerrors.FromDFDG(c, "").Kind().Code(), "%s decides %d, which has no Kind", op.Name, c)
			assert.True(t, op.Documents(c) || note[c], "%s decides %d, which its page does not document", op.Name, c)
		}
		for _, c := range op.Codes {
			_, ok := codelist.Documented(c)
			assert.True(t, ok, "%s documents %d, which dfdg-codes.csv does not have", op.Name, c)
		}
		// Every command checks its caller with the table: where the page documents 4575, a refusal is
		// 4575; a field checked with a code returns that code.
		if op.Documents(4575) {
			assert.Contains(t, op.Decided, dfdgerrors.Code(4575), "%s refuses callers with 4575", op.Name)
		}
		for _, f := range op.Fields {
			if f.Checked && f.Code != 0 {
				assert.Contains(t, op.Decided, f.Code, "%s checks %s with %d", op.Name, f.Path, f.Code)
			}
		}
		if op.Matrix != "system" {
			assert.NotEmpty(t, op.Sources, "%s names its pages", op.Name)
		}
		got, ok := codelist.OperationNamed(op.Name)
		assert.True(t, ok)
		assert.Equal(t, op.Name, got.Name)
	}
	_, ok := codelist.OperationNamed("NoSuchOperation")
	assert.False(t, ok)
}

// Admits reads the table as its doc says: an a-kasse its members, a municipality the citizen attached
// to it (both rows, jobcenter and kommune), another actor its jobcentre's citizens, a guest with
// access active at the instant, STAR all; "?" admits every citizen.
func TestOperationAdmits(t *testing.T) {
	now := time.Date(2025, 9, 15, 10, 0, 0, 0, time.UTC)
	c := dfdg.Citizen{Jobcentre: 101, Akasse: "ak-1"}
	raskmeld, _ := codelist.OperationNamed("Raskmeld")
	for by, want := range map[dfdg.Actor]bool{
		dfdg.MunicipalityActor(101): true, dfdg.MunicipalityActor(147): false,
		dfdg.OtherActor(101): true, dfdg.OtherActor(147): false,
		dfdg.AkasseActor("ak-1"): true, dfdg.AkasseActor("ak-2"): false,
		dfdg.SystemActor(dfdg.ActorSTAR): true, dfdg.SystemActor(dfdg.ActorKSD): false,
		dfdg.SystemActor(dfdg.ActorJobnet): false, {}: false,
	} {
		assert.Equal(t, want, raskmeld.Admits(by, &c, now), "Raskmeld by %v", by)
	}
	assert.False(t, raskmeld.Admits(dfdg.AkasseActor("ak-1"), &dfdg.Citizen{Jobcentre: 101}, now), "no a-kasse: no member")

	update, _ := codelist.OperationNamed("UpdateActivity")
	assert.True(t, update.Admits(dfdg.MunicipalityActor(147), &c, now), "rule 3.2: '?' admits every citizen")
	assert.True(t, update.Admits(dfdg.OtherActor(147), &c, now), "the unknown column may be an Anden Aktør one")

	kg, _ := codelist.OperationNamed("CreateKontaktgruppe")
	assert.False(t, kg.Admits(dfdg.AkasseActor("ak-1"), &c, now), "no a-kasse row")
	assert.True(t, kg.Admits(dfdg.MunicipalityActor(147), &c, now), "kommune's second X is not shown: every citizen")

	// A guest: the table's gaest column admits a holder of guest access, while it lasts.
	op := operationWith(t, "CreateFravaer")
	guest := c
	guest.GuestAccess = []dfdg.GuestAccess{{ID: "g", Holder: dfdg.MunicipalityActor(147), Start: now.Add(-time.Hour), End: now.Add(time.Hour)}}
	assert.False(t, op.Admits(dfdg.MunicipalityActor(147), &guest, now), "CreateFravaer has no gaest column")
	assert.True(t, guest.GuestOf(dfdg.MunicipalityActor(147), now))
	assert.False(t, guest.GuestOf(dfdg.MunicipalityActor(147), now.Add(time.Hour)), "ended")
}

func operationWith(t *testing.T, name string) codelist.Operation {
	op, ok := codelist.OperationNamed(name)
	require.True(t, ok, name)
	return op
}

// Check applies the documented constraints the library checks, with the field's code and path; an
// empty value is an absent element.
func TestOperationCheck(t *testing.T) {
	op := operationWith(t, "CreateSygemelding")
	long := make([]rune, 1501)
	for i := range long {
		long[i] = 'æ'
	}
	for _, c := range []struct {
		path, value string
		ok          bool
	}{
		{"fravaerskommentar", "", true}, {"fravaerskommentar", string(long[:1500]), true}, {"fravaerskommentar", string(long), false},
		{"arbejdsgiver.cvrEnhedsid", "12345678", true}, {"arbejdsgiver.cvrEnhedsid", "1234567", false},
		{"arbejdsgiver.cvrEnhedsid", "", false}, {"arbejdsgiver.cvrEnhedsid", "123456789", false},
		{"arbejdsgiver.pNummer", "", true}, {"arbejdsgiver.pNummer", "1234567890", true}, {"arbejdsgiver.pNummer", "12345678901", false},
		{"anmeldelsesdato", "", false}, {"anmeldelsesdato", "2025-09-15", true},
		{"fravaerIdentifier", "fr-1", true}, // documented as a guid, not checked: the library's ids are the caller's keys
		{"noSuchField", "x", true},
	} {
		err := op.Check(c.path, c.value)
		if c.ok {
			assert.NoError(t, err, "%s=%q", c.path, c.value)
			continue
		}
		assert.ErrorIs(t, err, dfdgerrors.Code(1014), "%s=%q", c.path, c.value)
		if e, ok := dfdgerrors.As(err); assert.True(t, ok) {
			assert.Equal(t, c.path, string(e.Field()))
		}
	}
	assert.NoError(t, op.CheckInt("fravaersafslutningsaarsag", 10000))
	assert.ErrorIs(t, op.CheckInt("fravaersafslutningsaarsag", 10001), dfdgerrors.ErrMessageInvalid)
	assert.ErrorIs(t, op.CheckInt("fravaerType", 0), dfdgerrors.ErrMessageInvalid, "required")
}

// A caller that changes what Operations returns changes nothing the rules read.
func TestOperationsAreCopies(t *testing.T) {
	ops := codelist.Operations()
	for i := range ops {
		if ops[i].Name == "CreateSygemelding" {
			for j := range ops[i].Fields {
				ops[i].Fields[j].Checked = false
			}
			ops[i].Access[0].Scopes[0] = "alle"
			ops[i].Codes[0] = 1
		}
	}
	op := operationWith(t, "CreateSygemelding")
	assert.Error(t, op.Check("anmeldelsesdato", ""), "still checked")
	assert.Equal(t, "egne", op.Access[0].Scopes[0])
	assert.Equal(t, dfdgerrors.Code(1001), op.Codes[0])
}
