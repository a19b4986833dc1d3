package codelist_test

import (
	"testing"

	"github.com/regelkit/dfdg"
	"github.com/regelkit/dfdg/codelist"
)

var (
	sinkEntry codelist.Entry
	sinkInt   int
	sinkErr   error
)

// The lookup benchmarks read a field of the entry they get, as a caller does; the sum keeps the
// compiler from dropping the lookup.
func BenchmarkCatalogLookup(b *testing.B) {
	m := codelist.Default().Municipalities()
	sum := 0
	b.ReportAllocs()
	for b.Loop() {
		e, _ := m.Get(851)
		sum += e.ID
	}
	sinkInt = sum
}

func BenchmarkCatalogLookupNilCatalog(b *testing.B) {
	var c *codelist.Catalog
	sum := 0
	b.ReportAllocs()
	for b.Loop() {
		e, _ := c.AbsenceTypes().Get(66)
		sum += e.ID
	}
	sinkInt = sum
}

func BenchmarkCatalogLookupSparse(b *testing.B) {
	// Ids too large for the direct table fall back to binary search.
	sparse := []byte("# list: fravaerstyper\n# complete: nej\n# source: bench\nid,name\n")
	for id := 10000; id < 10000+200*37; id += 37 {
		sparse = append(sparse, []byte(itoa(id)+",x\n")...)
	}
	c, err := codelist.Load(mapFS("fravaerstyper.csv", sparse))
	if err != nil {
		b.Fatal(err)
	}
	l := c.AbsenceTypes()
	sum := 0
	b.ReportAllocs()
	for b.Loop() {
		e, _ := l.Get(10000 + 37*150)
		sum += e.ID
	}
	sinkInt = sum
}

// BenchmarkCatalogLookupCopyOut stores the whole entry in a package variable on every lookup, the
// worst case: the copy then goes through the garbage collector's write barrier.
func BenchmarkCatalogLookupCopyOut(b *testing.B) {
	m := codelist.Default().Municipalities()
	b.ReportAllocs()
	for b.Loop() {
		sinkEntry, _ = m.Get(851)
	}
}

func BenchmarkCheckNewAccepted(b *testing.B) {
	groups := codelist.Default().ContactGroups()
	day := dfdg.MustParseDate("2026-01-05")
	b.ReportAllocs()
	for b.Loop() {
		sinkErr = groups.CheckNew(1, day, "kontaktgruppe", dfdg.Rule1_4)
	}
}

// BenchmarkCheckNewRejected is the rejection every rule gives for a code its list does not accept:
// a contact group inactive on the day (rule 1.4) and a municipality the complete list lacks (rule
// 3.2), one allocation each. The error keeps its values and writes its texts when they are read.
func BenchmarkCheckNewRejected(b *testing.B) {
	day := dfdg.MustParseDate("2026-01-05")
	groups, munis := codelist.Default().ContactGroups(), codelist.Default().Municipalities()
	b.Run("inactive", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			sinkErr = groups.CheckNew(26, day, "kontaktgruppeType", dfdg.Rule1_4)
		}
	})
	b.Run("unknown", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			sinkErr = munis.CheckNew(411, day, "kommune", dfdg.Rule3_2)
		}
	})
}
