package main

import (
	"bytes"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestShippedScenariosPass(t *testing.T) {
	files, _ := filepath.Glob("../../testdata/scenarios/*.json")
	var out, errOut bytes.Buffer
	code := run(files, &out, &errOut)
	assert.Equal(t, 0, code, out.String())
	assert.Contains(t, out.String(), "PASS  1.6 Sygefravær med historisk startdato")
	assert.Contains(t, out.String(), "0 fejlet")
	assert.NotContains(t, out.String(), "FAIL")
}

func TestFailingCaseExitsOne(t *testing.T) {
	var out, errOut bytes.Buffer
	code := run([]string{"testdata/failing.json"}, &out, &errOut)
	assert.Equal(t, 1, code)
	assert.Contains(t, out.String(), "FAIL  1.6 forkert forventning")
	assert.Contains(t, out.String(), `beslutning.beskeder[1]: forventet, men ikke fundet: {"aendringstype":"Oprettelse","navn":"Kontaktgruppe.WSB","om":{"id":"kg-8"}}`)
	assert.Contains(t, out.String(), "[regel 1.6; regler der handlede: 1.6, 2.5]")
	assert.Contains(t, out.String(), "1 scenarier: 0 bestået, 1 fejlet")
}

func TestMalformedFileExitsTwo(t *testing.T) {
	var out, errOut bytes.Buffer
	code := run([]string{"testdata/malformed.json", "testdata/failing.json"}, &out, &errOut)
	assert.Equal(t, 2, code)
	assert.Contains(t, errOut.String(), `testdata/malformed.json: scenarie 1 "dato": when.slettedato.slutdato: dfdg InvalidDate`)
	assert.Contains(t, out.String(), "FAIL", "the other files still run")

	out.Reset()
	errOut.Reset()
	assert.Equal(t, 2, run(nil, &out, &errOut))
	assert.Contains(t, errOut.String(), "brug:")
	assert.Equal(t, 2, run([]string{"testdata/none.json"}, &out, &errOut))
}
