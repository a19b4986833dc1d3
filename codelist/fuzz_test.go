package codelist_test

import (
	"bytes"
	"errors"
	"strconv"
	"testing"
	"testing/fstest"

	"github.com/regelkit/dfdg/codelist"
)

func mapFS(name string, data []byte) fstest.MapFS { return fstest.MapFS{name: {Data: data}} }

func itoa(n int) string { return strconv.Itoa(n) }

// FuzzLoad: no input panics; what loads, written back and loaded again, is the same list.
func FuzzLoad(f *testing.F) {
	f.Add([]byte(head + "id,name,valid_from,inactive_from\n1,a,2025-01-01,2025-07-01\n8,\"b,c\",,ukendt\n"))
	f.Add([]byte(head + "id,name\n1,a\n1,b\n"))
	f.Add([]byte("# list: kontaktgrupper\n# complete: ja\n# source: x\n# note: y\n# retrieved: 2026-11-26\nid,name,description,source\n29,\"q\"\"uote\",d,s\n"))
	f.Add([]byte(head + "id,name\n\"1\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		c, err := codelist.Load(mapFS("kontaktgrupper.csv", data))
		if err != nil {
			var pe *codelist.ParseError
			if !errors.As(err, &pe) || pe.File != "kontaktgrupper.csv" {
				t.Fatalf("error without file: %v", err)
			}
			return
		}
		l := c.ContactGroups()
		var b bytes.Buffer
		if _, err := l.WriteTo(&b); err != nil {
			t.Fatal(err)
		}
		c2, err := codelist.Load(mapFS("kontaktgrupper.csv", b.Bytes()))
		if err != nil {
			t.Fatalf("written list does not load: %v\n%s", err, b.String())
		}
		l2 := c2.ContactGroups()
		if l.Len() != l2.Len() || l.Complete() != l2.Complete() {
			t.Fatalf("round trip changed the list:\n%s", b.String())
		}
		for e := range l.All() {
			e2, ok := l2.Get(e.ID)
			if !ok || e2.String() != e.String() || e2.InactiveFrom != e.InactiveFrom || e2.ValidFrom != e.ValidFrom ||
				e2.Retired != e.Retired || e2.Description != e.Description || e2.Source != e.Source {
				t.Fatalf("entry %d changed: %+v → %+v", e.ID, e, e2)
			}
		}
	})
}
