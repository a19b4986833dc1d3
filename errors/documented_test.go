package errors_test

import (
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"os"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/regelkit/dfdg/codelist"
	dfdgerrors "github.com/regelkit/dfdg/errors"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// The documented codes load, every wording has a source with a page, and the codes of one condition
// name each other.
func TestDocumentedCodes(t *testing.T) {
	codes := codelist.DocumentedCodes()
	require.Greater(t, len(codes), 100)
	for i, c := range codes {
		if i > 0 {
			require.Less(t, codes[i-1], c, "in order, each once")
		}
		d, ok := codelist.Documented(c)
		require.True(t, ok, "%d", c)
		assert.Equal(t, c, d.Code)
		require.NotEmpty(t, d.Wordings, "%d", c)
		for _, w := range d.Wordings {
			assert.NotEmpty(t, w.Area, "%d", c)
			assert.NotEmpty(t, w.Text, "%d", c)
			assert.NotEmpty(t, w.When, "%d", c)
			require.NotEmpty(t, w.Sources, "%d", c)
			for _, s := range w.Sources {
				assert.NotEmpty(t, s.Page, "%d %s", c, s.Key)
				assert.NotEmpty(t, s.Address, "%d %s", c, s.Key)
			}
		}
		if d.Also != 0 {
			other, ok := codelist.Documented(d.Also)
			require.True(t, ok)
			assert.Equal(t, c, other.Also)
		}
	}
	d, ok := codelist.Documented(4644)
	require.True(t, ok)
	assert.Equal(t, "kontaktgruppe", d.Wordings[1].Area)
	assert.Equal(t, "Borger har allerede en åben kontaktgruppe", d.Wordings[1].Text)
	assert.Equal(t, "KG-B", d.Wordings[1].Sources[0].Key)
	assert.Contains(t, d.Wordings[1].Sources[0].Address, "pageId=4470112268")
	d, _ = codelist.Documented(4405)
	assert.Equal(t, dfdgerrors.Code(60007), d.Also)
	d, _ = codelist.Documented(90002)
	assert.Equal(t, dfdgerrors.Code(4783), d.Also)
	d, ok = codelist.Documented(4589)
	require.True(t, ok, "4589 is on a rehabilitation page, in English")
	assert.Equal(t, "Unknown identifier", d.Wordings[0].Text)
	_, ok = codelist.Documented(110016)
	assert.False(t, ok, "110016 is the release note's; STAR's pages do not give it")
	for _, k := range dfdgerrors.Kinds() {
		if c := k.Code(); c != 0 && c != 110016 {
			_, ok := codelist.Documented(c)
			assert.True(t, ok, "%s's code %d is documented", k.Reason(), c)
		}
	}
}

// The catalogue says of every documented code either which Kind returns it or why none does, never
// both.
func TestEveryDocumentedCodeIsReturnedOrSaysWhyNot(t *testing.T) {
	returned := 0
	for _, c := range codelist.DocumentedCodes() {
		d, _ := codelist.Documented(c)
		_, kind := dfdgerrors.KindByCode(c)
		if _, also := dfdgerrors.KindByCode(d.Also); also && d.Also != 0 {
			kind = true
		}
		if kind {
			returned++
			assert.Empty(t, d.NotReturned, "%d has a Kind", c)
		} else {
			assert.NotEmpty(t, d.NotReturned, "%d has no Kind and says nothing of why", c)
		}
	}
	assert.GreaterOrEqual(t, returned, 10)
	d, _ := codelist.Documented(1010)
	assert.Contains(t, d.NotReturned, "needs DFDG's data", "the issue's example: an unknown CPR")
}

// Every code row of the shared reference (where it lies beside the repository) is in the data, with
// its text verbatim.
func TestDocumentedCodesMatchTheReference(t *testing.T) {
	raw, err := os.ReadFile("../../shared/data/dfdg-public-errors.md")
	if err != nil {
		t.Skip("reference data not beside the repository")
	}
	row := regexp.MustCompile(`(?m)^\| (\d+) \| ([^|]+) \|`)
	n := 0
	for _, m := range row.FindAllStringSubmatch(string(raw), -1) {
		var code dfdgerrors.Code
		fmt.Sscan(m[1], &code)
		text := strings.TrimSpace(m[2])
		if strings.HasPrefix(text, "see §") || code < 100 || text == "–" || regexp.MustCompile(`^\d+$`).MatchString(text) {
			continue // a cross-reference, a code-list id, or the booking table's new code
		}
		d, ok := codelist.Documented(code)
		if !assert.True(t, ok, "%d", code) {
			continue
		}
		found := false
		for _, w := range d.Wordings {
			found = found || w.Text == text
		}
		assert.True(t, found, "%d %q", code, text)
		n++
	}
	assert.Greater(t, n, 100)
}

// errors.Is matches a code with the code documented for the same condition, and with no other: the
// pairs errors writes are exactly the documentation's Also.
func TestSameConditionIsTheDocumentedAlso(t *testing.T) {
	codes := codelist.DocumentedCodes()
	pairs := 0
	for _, c := range codes {
		d, _ := codelist.Documented(c)
		answer := dfdgerrors.FromDFDG(c, "")
		for _, other := range codes {
			want := other == c || other == d.Also
			assert.Equal(t, want, errors.Is(answer, dfdgerrors.Code(other)), "%d and %d", c, other)
		}
		if d.Also != 0 {
			pairs++
		}
	}
	assert.Equal(t, 24, pairs, "twelve conditions with two numbers each")
}

// DFDG's answer and the library's pre-validation are one error.
func TestFromDFDG(t *testing.T) {
	ours := dfdgerrors.New(dfdgerrors.ErrContactGroupOpen, "", "", "")
	theirs := dfdgerrors.FromDFDG(4644, "Borger har allerede en åben kontaktgruppe")
	for _, err := range []error{ours, theirs, fmt.Errorf("kald: %w", theirs)} {
		assert.ErrorIs(t, err, dfdgerrors.ErrContactGroupOpen)
		assert.ErrorIs(t, err, dfdgerrors.Code(4644))
		assert.ErrorIs(t, err, dfdgerrors.Code(4644))
	}
	da, _ := theirs.Detail()
	assert.Empty(t, da, "the catalogue's own text is no detail")

	unknown := dfdgerrors.FromDFDG(4731, "Registrering ikke tilladt pga. ugyldig kombinati")
	assert.ErrorIs(t, unknown, dfdgerrors.ErrDFDGAnswer)
	assert.ErrorIs(t, unknown, dfdgerrors.Code(4731))
	assert.NotErrorIs(t, unknown, dfdgerrors.Code(4644))
	assert.Equal(t, dfdgerrors.Code(4731), unknown.Code())
	assert.Equal(t, "dfdg 4731: DFDG afviste kaldet: Registrering ikke tilladt pga. ugyldig kombinati", unknown.Error())

	// One condition, two numbers.
	dead := dfdgerrors.FromDFDG(60007, "The person with specified cpr is dead")
	assert.ErrorIs(t, dead, dfdgerrors.Code(60007))
	assert.ErrorIs(t, dead, dfdgerrors.Code(4405))
	assert.ErrorIs(t, dead, dfdgerrors.ErrPersonDead, "60007 is the newer number of 4405, the catalogue's")
	assert.ErrorIs(t, dfdgerrors.FromDFDG(4405, ""), dfdgerrors.Code(60007))
	assert.ErrorIs(t, dfdgerrors.FromDFDG(90002, ""), dfdgerrors.Code(4783))
	assert.NotErrorIs(t, dead, dfdgerrors.Code(0))

	never := dfdgerrors.FromDFDG(999999, "noget nyt 0707614321")
	assert.Equal(t, dfdgerrors.Code(999999), never.Code(), "a code nobody documented still carries its code")
	da, _ = never.Detail()
	assert.Equal(t, "noget nyt 070761xxxx", da, "and its text, masked")

	// The answer survives JSON as the test double writes it.
	b, err := json.Marshal(unknown)
	require.NoError(t, err)
	var back dfdgerrors.Error
	require.NoError(t, json.Unmarshal(b, &back))
	assert.ErrorIs(t, &back, dfdgerrors.Code(4731))
	assert.Equal(t, unknown.Error(), back.Error())
	require.NoError(t, json.Unmarshal([]byte(`{"kode": 4644}`), &back))
	assert.ErrorIs(t, &back, dfdgerrors.ErrContactGroupOpen)
	assert.Error(t, json.Unmarshal([]byte(`{"kode": 4731, "aarsag": "InvalidCPR"}`), &back), "a code that is not the reason's")

	var target dfdgerrors.Code
	assert.False(t, errors.As(unknown, &target), "a Code is a sentinel, not what an Error holds")
	assert.Equal(t, "4644", fmt.Sprint(dfdgerrors.Code(4644)), "a Code prints as its number")
}

var updateCodes = flag.Bool("update-codes", false, "rewrite CODES.md from the data")

// CODES.md is generated from the data; run go test ./errors -update-codes after changing it.
func TestCodesDocIsGenerated(t *testing.T) {
	want := codesMarkdown()
	if *updateCodes {
		require.NoError(t, os.WriteFile("CODES.md", []byte(want), 0o644))
	}
	got, err := os.ReadFile("CODES.md")
	require.NoError(t, err)
	if string(got) != want {
		t.Fatal("CODES.md is stale: run go test ./errors -update-codes")
	}
}

// codesMarkdown writes the table of documented codes: code, the code of the same condition, area,
// each wording with where it is returned and its sources, and the library's Kind for it.
func codesMarkdown() string {
	var b strings.Builder
	cell := func(s string) string { return strings.ReplaceAll(s, "|", "\\|") }
	kinds := map[dfdgerrors.Code]string{}
	for _, k := range dfdgerrors.Kinds() {
		c := k.Code()
		if c == 0 {
			continue
		}
		kinds[c] = "`Err" + k.Reason() + "`"
		da, en := k.Translated()
		if da {
			kinds[c] += "; Danish text translated by the library: " + k.Danish()
		}
		if en {
			kinds[c] += "; English text translated by the library: " + k.English()
		}
	}
	b.WriteString("# DFDG's documented error codes\n\n")
	b.WriteString("Generated by `go test ./errors -update-codes` from `codelist/data/dokumentation/dfdg-codes.csv`, `dfdg-sources.csv` and `dfdg-not-returned.csv`; do not edit.\n\n")
	b.WriteString("Every error code STAR's public service documentation gives for the services DFDG offers, with every wording\n")
	b.WriteString("verbatim (a text the source cuts off ends in […] and is not completed), the services that return it as documented,\n")
	b.WriteString("and the pages it is on. Only the opening part of each page could be read, so more codes may exist. A code the\n")
	b.WriteString("library returns has its Kind in the last column, and a code it does not return says why (`dfdg-not-returned.csv`);\n")
	b.WriteString("`dfdgerrors.FromDFDG` turns any of them into the library's\n")
	b.WriteString("error, and `errors.Is(err, dfdgerrors.Code(n))` matches a code and the one documented for the same condition\n")
	b.WriteString("(\"also\"). The release note's 110016 is not in STAR's pages, and its 4589 is\n" +
		"there in English only. The last column marks a text the library translated, where DFDG gives the code's text in one language only.\n\n")
	b.WriteString("| code | also | area | text (verbatim) | returned by (as documented) | sources | library |\n")
	b.WriteString("| ---: | ---: | --- | --- | --- | --- | --- |\n")
	sources := map[string]codelist.Source{}
	for _, c := range codelist.DocumentedCodes() {
		d, _ := codelist.Documented(c)
		for i, w := range d.Wordings {
			var keys []string
			for _, s := range w.Sources {
				keys = append(keys, s.Key)
				sources[s.Key] = s
			}
			kind := kinds[c]
			if kind == "" {
				kind = kinds[d.Also]
			}
			if kind == "" {
				kind = "not returned: " + d.NotReturned
			}
			code, also, area := c.Error(), d.Also.Error(), w.Area
			if i > 0 {
				code, also, kind = "", "", ""
			}
			fmt.Fprintf(&b, "| %s | %s | %s | %s | %s | %s | %s |\n", code, also, area, cell(w.Text), cell(w.When), strings.Join(keys, ", "), kind)
		}
	}
	b.WriteString("\n## Sources\n\n| key | page | address |\n| --- | --- | --- |\n")
	var keys []string
	for k := range sources {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	for _, k := range keys {
		s := sources[k]
		fmt.Fprintf(&b, "| %s | %s | %s |\n", k, cell(s.Page), cell(s.Address))
	}
	return b.String()
}

// TestTextsAreDFDGsOrMarked checks the promise of the catalogue: under a DFDG code, a text the library
// does not mark as translated is one of the code's documented wordings letter for letter (a wording
// "short / long" and "Danish (English)" give both), or the release note's for 1003, 4589 and 110016; and a text marked
// translated is none of them.
func TestTextsAreDFDGsOrMarked(t *testing.T) {
	note := map[string]bool{ // the release note's Danish texts, letter for letter (RULES.md)
		"Den angivne varighed er negativ, startdato er større end slutdato": true,
		"Id ikke fundet": true,
		"Plantype mangler eller er forkert ved oprettelse af aktivitet for dagpengemodtager": true,
	}
	for _, k := range dfdgerrors.Kinds() {
		c := k.Code()
		if c == 0 {
			continue
		}
		documented := map[string]bool{}
		if d, ok := codelist.Documented(c); ok {
			for _, w := range d.Wordings {
				documented[w.Text] = true
				for part := range strings.SplitSeq(w.Text, " / ") {
					documented[strings.Trim(part, `"`)] = true
				}
				if da, en, ok := strings.Cut(strings.TrimSuffix(w.Text, ")"), " ("); ok { // "Danish (English)"
					documented[da], documented[en] = true, true
				}
			}
			for _, w := range d.Wordings {
				if i := strings.Index(w.When, `"`); i >= 0 { // a Beskrivelse quoted in When
					if j := strings.Index(w.When[i+1:], `"`); j >= 0 {
						documented[w.When[i+1:i+1+j]] = true
					}
				}
			}
		}
		da, en := k.Translated()
		for _, text := range []struct {
			s          string
			translated bool
		}{{k.Danish(), da}, {k.English(), en}} {
			dfdgs := documented[text.s] || note[text.s]
			if text.translated {
				assert.False(t, dfdgs, "%d: %q is documented, yet marked as the library's", c, text.s)
			} else {
				assert.True(t, dfdgs, "%d: %q is neither documented nor marked as the library's", c, text.s)
			}
		}
	}
}
