package codelist_test

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"testing"
	"testing/fstest"

	"github.com/regelkit/dfdg"
	"github.com/regelkit/dfdg/codelist"
)

func mapFS(name string, data []byte) fstest.MapFS { return fstest.MapFS{name: {Data: data}} }

func itoa(n int) string { return strconv.Itoa(n) }

// listNames are the files Load reads: every list's, the pension ages and the absence combinations.
func listNames(t testing.TB) []string {
	var names []string
	for _, l := range codelist.Default().Lists() {
		names = append(names, l.Name())
	}
	return append(names, "folkepensionsalder", "fravaerskombinationer")
}

// FuzzLoad, over every list Load reads: no input panics; a rejection is a *ParseError naming the
// file; what loads, written back and loaded again, is the same list.
func FuzzLoad(f *testing.F) {
	names := listNames(f)
	for i, name := range names {
		data, err := os.ReadFile(filepath.Join("data", name+".csv"))
		if err != nil {
			f.Fatal(err)
		}
		f.Add(uint8(i), data)
	}
	f.Add(uint8(0), []byte(head+"id,name,valid_from,inactive_from\n1,a,2025-01-01,2025-07-01\n8,\"b,c\",,ukendt\n"))
	f.Add(uint8(0), []byte(head+"id,name\n1,a\n1,b\n"))
	f.Add(uint8(0), []byte("# list: kontaktgrupper\n# complete: ja\n# source: x\n# note: y\n# retrieved: 2026-11-26\nid,name,description,source\n29,\"q\"\"uote\",d,s\n"))
	f.Add(uint8(0), []byte(head+"id,name\n\"1\n"))
	f.Add(uint8(slices.Index(names, "fravaerskombinationer")), []byte("# list: fravaerskombinationer\n# complete: ja\n# source: t\nfravaerstype,kontaktgruppe,tilladt\n1,1,null 4\n1,2,\n2,1,5\n"))
	f.Add(uint8(slices.Index(names, "fravaerstyper")), []byte("# list: fravaerstyper\n# complete: nej\n# source: t\nid,name,overlap\n66,a, \n"))
	f.Fuzz(func(t *testing.T, i uint8, data []byte) {
		name := names[int(i)%len(names)]
		file := name + ".csv"
		c, err := codelist.Load(mapFS(file, data))
		if err != nil {
			var pe *codelist.ParseError
			if !errors.As(err, &pe) || pe.File != file {
				t.Fatalf("error without file: %v", err)
			}
			return
		}
		switch name {
		case "folkepensionsalder":
			checkPensionAges(t, c.PensionAges())
			return
		case "fravaerskombinationer":
			checkCombinations(t, c.AbsenceCombinations())
			return
		}
		l, ok := c.List(name)
		if !ok {
			t.Fatalf("no list %s after loading it", name)
		}
		var b bytes.Buffer
		if _, err := l.WriteTo(&b); err != nil {
			t.Fatal(err)
		}
		c2, err := codelist.Load(mapFS(file, b.Bytes()))
		if err != nil {
			t.Fatalf("written list does not load: %v\n%s", err, b.String())
		}
		l2, _ := c2.List(name)
		if l.Len() != l2.Len() || l.Complete() != l2.Complete() {
			t.Fatalf("round trip changed the list:\n%s", b.String())
		}
		for e := range l.All() {
			e2, ok := l2.Get(e.ID)
			if !ok || e2.String() != e.String() || e2.InactiveFrom != e.InactiveFrom || e2.ValidFrom != e.ValidFrom ||
				e2.Retired != e.Retired || e2.Description != e.Description || e2.Source != e.Source ||
				!slices.Equal(e2.OverlapAllowed(), e.OverlapAllowed()) || e2.RestrictsOverlap() != e.RestrictsOverlap() {
				t.Fatalf("entry %d changed: %+v → %+v", e.ID, e, e2)
			}
		}
	})
}

// checkCombinations checks that a loaded table decides each of its cells as the cell says.
func checkCombinations(t *testing.T, table *codelist.Combinations) {
	for _, c := range table.Rows() {
		if table.Allows(c.Absence, c.Group, 0) != c.WithoutCategory {
			t.Fatalf("%+v: without a category", c)
		}
		for _, p := range c.Categories {
			if !table.Allows(c.Absence, c.Group, p) {
				t.Fatalf("%+v: category %d", c, p)
			}
		}
	}
}

// checkPensionAges checks that loaded pension ages cover every birth date once, in order.
func checkPensionAges(t *testing.T, p *codelist.PensionAges) {
	rows := p.Rows()
	if len(rows) == 0 {
		t.Fatal("pension ages with no rows")
	}
	for i := 1; i < len(rows); i++ {
		if rows[i-1].BornTo.IsZero() || rows[i].BornFrom != rows[i-1].BornTo.AddDays(1) {
			t.Fatalf("rows %d and %d do not follow each other: %v, %v", i-1, i, rows[i-1], rows[i])
		}
	}
	for _, birth := range []string{"0001-01-01", "1953-12-31", "1967-06-30", "9999-12-31"} {
		d := dfdg.MustParseDate(birth)
		if _, err := p.Date(d); err != nil {
			if _, ok := p.For(d); ok {
				t.Fatalf("a row covers %s but Date fails: %v", d, err)
			}
		}
	}
}
