package codelist_test

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/regelkit/dfdg/codelist"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

const head = "# list: kontaktgrupper\n# complete: nej\n# source: a test\n"

const comboHead = "# list: fravaerskombinationer\n# complete: nej\n# source: a test\nfravaerstype,kontaktgruppe,tilladt\n"

// A malformed or inconsistent file is rejected whole, naming file, line and column.
func TestLoadRejectsMalformedFiles(t *testing.T) {
	cases := []struct {
		name         string
		file, data   string
		line, column int
		field        string
		contains     string
	}{
		{"duplicate id", "kontaktgrupper.csv", head + "id,name\n1,a\n8,b\n1,c\n", 7, 1, "id", "id 1 twice (first on line 5)"},
		{"unknown column", "kontaktgrupper.csv", head + "id,name,colour\n1,a,red\n", 4, 3, "colour", `unknown column "colour"`},
		{"column twice", "kontaktgrupper.csv", head + "id,name,name\n", 4, 3, "name", "twice"},
		{"missing column", "kontaktgrupper.csv", head + "id,description\n", 4, 0, "", `required column "name" missing`},
		{"bad date", "kontaktgrupper.csv", head + "id,name,inactive_from\n1,a,2025-02-30\n", 5, 3, "inactive_from", `"2025-02-30" is not a date`},
		{"inactive before valid", "kontaktgrupper.csv", head + "id,name,valid_from,inactive_from\n1,a,2025-07-01,2025-01-01\n", 5, 4, "inactive_from", "not after valid from"},
		{"inactive on valid", "kontaktgrupper.csv", head + "id,name,valid_from,inactive_from\n1,a,2025-07-01,2025-07-01\n", 5, 4, "inactive_from", "not after valid from"},
		{"bad id", "kontaktgrupper.csv", head + "id,name\n01,a\n", 5, 1, "id", "not a whole number"},
		{"negative id", "kontaktgrupper.csv", head + "id,name\n-1,a\n", 5, 1, "id", "not a whole number"},
		{"id zero", "kontaktgrupper.csv", head + "id,name\n0,a\n", 5, 1, "id", `"0" is not a whole number from 1 to 999999`},
		{"id too large", "kontaktgrupper.csv", head + "id,name\n1000000,a\n", 5, 1, "id", "from 1 to 999999"},
		{"field count", "kontaktgrupper.csv", head + "id,name\n1,a,b\n", 5, 0, "", "3 fields, the header has 2"},
		{"bad quote", "kontaktgrupper.csv", head + "id,name\n1,\"a\n", 5, 0, "", "quote"},
		{"bad bool", "tilmeldekategorier.csv", "# list: tilmeldekategorier\n# complete: nej\n# source: t\nid,name,applicant\n12,a,maybe\n", 5, 3, "applicant", "not ja or nej"},
		{"column of another list", "kontaktgrupper.csv", head + "id,name,applicant\n", 4, 3, "applicant", "unknown column"},
		{"bad overlap", "fravaerstyper.csv", "# list: fravaerstyper\n# complete: nej\n# source: t\nid,name,overlap\n66,a,except 10\n", 5, 3, "overlap", `write "kun"`},
		{"bad overlap id", "fravaerstyper.csv", "# list: fravaerstyper\n# complete: nej\n# source: t\nid,name,overlap\n66,a,kun 10 x\n", 5, 3, "overlap", `"x" is not an id`},
		{"overlap id zero", "fravaerstyper.csv", "# list: fravaerstyper\n# complete: nej\n# source: t\nid,name,overlap\n66,a,kun 10 0\n", 5, 3, "overlap", `"0" is not an id`},
		{"overlap id too large", "fravaerstyper.csv", "# list: fravaerstyper\n# complete: nej\n# source: t\nid,name,overlap\n66,a,kun 1000000\n", 5, 3, "overlap", `"1000000" is not an id`},
		{"empty alias", "fravaerstyper.csv", "# list: fravaerstyper\n# complete: nej\n# source: t\nid,name,aliases\n75,a,b||c\n", 5, 3, "aliases", "empty alias"},
		{"unknown file", "kontaktgruper.csv", head + "id,name\n", 0, 0, "", "not a code list this library knows"},
		{"no list key", "kontaktgrupper.csv", "# complete: nej\n# source: t\nid,name\n", 0, 0, "", "names no list"},
		{"list mismatch", "kontaktgrupper.csv", "# list: kommuner\n# complete: ja\n# source: t\nid,name\n", 0, 0, "", `names list "kommuner"`},
		{"no complete", "kontaktgrupper.csv", "# list: kontaktgrupper\n# source: t\nid,name\n", 0, 0, "", "complete"},
		{"no source", "kontaktgrupper.csv", "# list: kontaktgrupper\n# complete: ja\nid,name\n", 0, 0, "", "no source"},
		{"unknown key", "kontaktgrupper.csv", head + "# colour: red\nid,name\n", 4, 0, "", `unknown header key "colour"`},
		{"bad complete", "kontaktgrupper.csv", "# list: kontaktgrupper\n# complete: maybe\n", 2, 0, "", "ja or nej"},
		{"bad retrieved", "kontaktgrupper.csv", head + "# retrieved: yesterday\n", 4, 0, "", "retrieved"},
		{"not key value", "kontaktgrupper.csv", "# just a comment\n", 1, 0, "", "key: value"},
		{"no header", "kontaktgrupper.csv", head, 4, 0, "", "no column header"},
		{"combination token", "fravaerskombinationer.csv", comboHead + "1,1,null ja\n", 5, 3, "tilladt", `"ja" is neither null`},
		{"combination category zero", "fravaerskombinationer.csv", comboHead + "1,1,0\n", 5, 3, "tilladt", `"0" is neither null`},
		{"combination category too large", "fravaerskombinationer.csv", comboHead + "1,1,4 1000000\n", 5, 3, "tilladt", `"1000000" is neither null`},
		{"combination twice", "fravaerskombinationer.csv", comboHead + "1,1,4\n1,1,5\n", 6, 2, "kontaktgruppe", "twice"},
		{"combination category twice", "fravaerskombinationer.csv", comboHead + "1,1,4 4\n", 5, 3, "tilladt", "person category 4 twice"},
		{"combination group", "fravaerskombinationer.csv", comboHead + "1,0,4\n", 5, 2, "kontaktgruppe", "whole number"},
		{"combination complete empty", "fravaerskombinationer.csv", strings.Replace(comboHead, "nej", "ja", 1), 0, 0, "", "no cells"},
		{"pension gap", "folkepensionsalder.csv", "# list: folkepensionsalder\n# complete: ja\n# source: t\nborn_from,born_to,age_years,age_months\n,1953-12-31,65,0\n1954-02-01,,66,0\n", 6, 1, "born_from", "does not follow"},
		{"pension overlap", "folkepensionsalder.csv", "# list: folkepensionsalder\n# complete: ja\n# source: t\nborn_from,born_to,age_years,age_months\n,1953-12-31,65,0\n1953-06-01,,66,0\n", 6, 1, "born_from", "does not follow"},
		{"pension months", "folkepensionsalder.csv", "# list: folkepensionsalder\n# complete: ja\n# source: t\nborn_from,born_to,age_years,age_months\n,,65,12\n", 5, 4, "age_months", "from 0 to 11"},
		{"pension backwards", "folkepensionsalder.csv", "# list: folkepensionsalder\n# complete: ja\n# source: t\nborn_from,born_to,age_years,age_months\n1960-01-01,1959-01-01,65,0\n", 5, 2, "born_to", "before born_from"},
		{"pension after open", "folkepensionsalder.csv", "# list: folkepensionsalder\n# complete: ja\n# source: t\nborn_from,born_to,age_years,age_months\n,,65,0\n1960-01-01,,66,0\n", 6, 1, "born_from", "after an open-ended row"},
		{"pension empty", "folkepensionsalder.csv", "# list: folkepensionsalder\n# complete: ja\n# source: t\nborn_from,born_to,age_years,age_months\n", 0, 0, "", "no rows"},
		{"NUL byte", "kontaktgrupper.csv", head + "id,name\n1,a\x00b\n", 5, 0, "", "NUL"},
		{"not UTF-8", "kontaktgrupper.csv", head + "id,name\n1,a\xffb\n", 5, 0, "", "not UTF-8"},
		{"complete with no rows", "kontaktgrupper.csv", "# list: kontaktgrupper\n# complete: ja\n# source: t\nid,name\n", 0, 0, "", "complete list with no entries"},
		{"upper-case extension", "kommuner.CSV", "# list: kommuner\n# complete: ja\n# source: t\nid,name\n101,København\n", 0, 0, "", "name the file <list>.csv"},
		{"extra extension", "kommuner.csv.txt", "# list: kommuner\n# complete: ja\n# source: t\nid,name\n101,København\n", 0, 0, "", "name the file <list>.csv"},
		{"extra extension, the combinations", "fravaerskombinationer.csv.txt", "# list: fravaerskombinationer\n# complete: nej\n# source: t\n", 0, 0, "", "name the file <list>.csv"},
		{"header key twice", "kontaktgrupper.csv", "# list: kontaktgrupper\n# complete: nej\n# complete: ja\n# source: t\nid,name\n1,a\n", 3, 0, "", `the header key "complete" is repeated`},
		{"a FIFO named like a list", "kontaktgrupper.csv", "", 0, 0, "", "not a regular file"},
		{"municipality id past 999", "kommuner.csv", "# list: kommuner\n# complete: nej\n# source: t\nid,name\n5000,Nowhere\n", 0, 0, "id", "5000 is no municipality code"},
		{"policy names an id the complete list lacks", "fravaerstyper.csv", "# list: fravaerstyper\n# complete: ja\n# source: t\nid,name,overlap\n66,x,kun 10 47\n10,Ferie,\n", 0, 0, "overlap", "names 47"},
		{"too large", "kontaktgrupper.csv", head + "id,name\n" + strings.Repeat("1,a\n", codelist.MaxFileSize/4), 0, 0, "", "larger than 1048576 bytes"},
		{"pension open middle", "folkepensionsalder.csv", "# list: folkepensionsalder\n# complete: ja\n# source: t\nborn_from,born_to,age_years,age_months\n,1953-12-31,65,0\n,1960-01-01,66,0\n", 6, 1, "born_from", "only the first row"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			fsys := fstest.MapFS{
				"kommuner.csv":       {Data: []byte("# list: kommuner\n# complete: ja\n# source: t\nid,name\n101,København\n")},
				"samtaletyper.csv":   {Data: []byte("# list: samtaletyper\n# complete: nej\n# source: t\nid,name\n17,x\n")},
				"notes/whatever.csv": {Data: []byte("in a folder: ignored")},
			}
			fsys[c.file] = &fstest.MapFile{Data: []byte(c.data)}
			if c.data == "" {
				fsys[c.file].Mode = fs.ModeNamedPipe // fstest never blocks; a real FIFO would
			}
			cat, err := codelist.Load(fsys)
			require.Error(t, err)
			assert.Nil(t, cat, "nothing is loaded")
			var pe *codelist.ParseError
			require.True(t, errors.As(err, &pe), "%T %v", err, err)
			assert.Equal(t, c.file, pe.File)
			assert.Equal(t, c.line, pe.Line, err.Error())
			assert.Equal(t, c.column, pe.Column, err.Error())
			assert.Equal(t, c.field, pe.Field, err.Error())
			assert.Contains(t, err.Error(), c.contains)
			assert.Contains(t, err.Error(), c.file)
		})
	}
}

func TestParseErrorText(t *testing.T) {
	_, err := codelist.Load(fstest.MapFS{"kontaktgrupper.csv": {Data: []byte(head + "id,name,inactive_from\n1,a,2025-02-30\n")}})
	assert.EqualError(t, err, `codelist: kontaktgrupper.csv:5:3 (inactive_from): "2025-02-30" is not a date YYYY-MM-DD`)
	_, err = codelist.Load(fstest.MapFS{"kontaktgrupper.csv": {Data: []byte(head + "# colour: red\n")}})
	assert.EqualError(t, err, `codelist: kontaktgrupper.csv:4: unknown header key "colour" (known: list, title, complete, retrieved, source, note)`, "a line and no column")
	_, err = codelist.Load(fstest.MapFS{"kontaktgrupper.csv": {Data: []byte("# complete: nej\n")}})
	require.Error(t, err)
	assert.True(t, strings.HasPrefix(err.Error(), "codelist: kontaktgrupper.csv: "), "no line: %v", err)
}

// The ids a list, a policy and a combination may name run from 1 to 999999, both ends included, and
// a file may be MaxFileSize bytes long.
func TestLoadAcceptsTheEdges(t *testing.T) {
	fsys := fstest.MapFS{
		"fravaerstyper.csv":         {Data: []byte("# list: fravaerstyper\n# complete: nej\n# source: t\nid,name,overlap\n1,a,kun 999999\n999999,b,kun 1\n")},
		"fravaerskombinationer.csv": {Data: []byte(comboHead + "1,1,1 999999\n")},
	}
	c, err := codelist.Load(fsys)
	require.NoError(t, err)
	assert.True(t, c.AbsenceTypes().Has(999999))
	assert.True(t, c.AbsenceTypes().MayOverlap(1, 999999))
	assert.False(t, c.AbsenceTypes().MayOverlap(1, 2))
	assert.True(t, c.AbsenceCombinations().Allows(1, 1, 999999))
	assert.False(t, c.AbsenceCombinations().Complete())
	c, err = codelist.Load(fstest.MapFS{"fravaerskombinationer.csv": {Data: []byte(strings.Replace(comboHead, "nej", "ja", 1) + "1,1,4\n")}})
	require.NoError(t, err)
	assert.True(t, c.AbsenceCombinations().Complete(), "a table that says it is complete")

	full := head + "id,name\n1,"
	full += strings.Repeat("a", codelist.MaxFileSize-len(full)-1) + "\n"
	require.Len(t, full, codelist.MaxFileSize)
	c, err = codelist.Load(fstest.MapFS{"kontaktgrupper.csv": {Data: []byte(full)}})
	require.NoError(t, err, "a file of MaxFileSize bytes")
	assert.True(t, c.ContactGroups().Has(1))
}

func TestLoadAcceptsCRLFAndBOM(t *testing.T) {
	data := "\uFEFF# list: kontaktgrupper\r\n# complete: nej\r\n# source: t\r\nid,name\r\n1,Dagpengemodtager\r\n"
	c, err := codelist.Load(fstest.MapFS{"kontaktgrupper.csv": {Data: []byte(data)}})
	require.NoError(t, err)
	e, ok := c.ContactGroups().Get(1)
	require.True(t, ok)
	assert.Equal(t, "Dagpengemodtager", e.Name)
}

// Item 1 of issue 13: a whitespace-only overlap cell panicked; it means "no policy", like an empty one.
func TestLoadWhitespaceOverlapCellIsEmpty(t *testing.T) {
	c, err := codelist.Load(fstest.MapFS{"fravaerstyper.csv": {Data: []byte("# list: fravaerstyper\n# complete: nej\n# source: t\nid,name,overlap\n66,a, \n")}})
	require.NoError(t, err)
	e, ok := c.AbsenceTypes().Get(66)
	require.True(t, ok)
	assert.False(t, e.RestrictsOverlap())
}

// Files that are not code lists are still ignored: a README, a folder, a file with no extension.
func TestLoadIgnoresOtherFiles(t *testing.T) {
	c, err := codelist.Load(fstest.MapFS{
		"README.md":          {Data: []byte("about the lists")},
		"kommunerne":         {Data: []byte("no dot after the list name")},
		"old/kommuner.csv":   {Data: []byte("in a folder")},
		"kontaktgrupper.csv": {Data: []byte(head + "id,name\n1,a\n")},
	})
	require.NoError(t, err)
	assert.Equal(t, 1, c.ContactGroups().Len())
}

// A complete municipality list with no rows would make every municipality invalid.
func TestLoadRejectsEmptyCompleteMunicipalities(t *testing.T) {
	_, err := codelist.Load(fstest.MapFS{"kommuner.csv": {Data: []byte("# list: kommuner\n# complete: ja\n# source: t\nid,name\n")}})
	var pe *codelist.ParseError
	require.ErrorAs(t, err, &pe)
	assert.Equal(t, "kommuner.csv", pe.File)
}

// A missing directory is a *ParseError, as every other reason Load refuses.
func TestLoadMissingDirectoryIsAParseError(t *testing.T) {
	_, err := codelist.Load(os.DirFS(filepath.Join(t.TempDir(), "nowhere")))
	var pe *codelist.ParseError
	require.ErrorAs(t, err, &pe)
	assert.ErrorIs(t, err, fs.ErrNotExist)
}

// A combination naming an id a complete list does not hold is refused at load.
func TestLoadChecksCombinationsAgainstCompleteLists(t *testing.T) {
	groups := "# list: kontaktgrupper\n# complete: ja\n# source: t\nid,name\n1,Dagpengemodtager\n"
	combos := comboHead + "1,8,null\n"
	_, err := codelist.Load(fstest.MapFS{"kontaktgrupper.csv": {Data: []byte(groups)}, "fravaerskombinationer.csv": {Data: []byte(combos)}})
	var pe *codelist.ParseError
	require.ErrorAs(t, err, &pe, "%v", err)
	assert.Contains(t, err.Error(), "contact group 8 is not in its complete list")
}
