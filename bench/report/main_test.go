package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

const sample = `goos: linux
BenchmarkRule2_1/accept/library-2         	1000	        20.0 ns/op	       0 B/op	       0 allocs/op
BenchmarkRule2_1/accept/library-2         	1000	        22.0 ns/op	       0 B/op	       0 allocs/op
BenchmarkRule2_1/accept/handwritten-2     	1000	        10.0 ns/op	       0 B/op	       0 allocs/op
BenchmarkRule2_1/accept/handwritten-2     	1000	        11.0 ns/op	       0 B/op	       0 allocs/op
BenchmarkRule2_1/accept/handwritten-v1-2  	1000	        16.0 ns/op	       0 B/op	       0 allocs/op
BenchmarkRule2_1/accept/handwritten-v1-2  	1000	        22.0 ns/op	       0 B/op	       0 allocs/op
BenchmarkRule2_1/reject/library-2         	1000	       100.0 ns/op	     112 B/op	       1 allocs/op
BenchmarkRule2_1/reject/library-2         	1000	       120.0 ns/op	     112 B/op	       1 allocs/op
BenchmarkRule2_1/reject/handwritten-2     	1000	        10.0 ns/op	       0 B/op	       0 allocs/op
BenchmarkRule2_1/reject/handwritten-2     	1000	        10.0 ns/op	       0 B/op	       0 allocs/op
BenchmarkRule2_1/reject/handwritten-v1-2  	1000	        15.0 ns/op	       0 B/op	       0 allocs/op
BenchmarkRule2_1/reject/handwritten-v1-2  	1000	        15.0 ns/op	       0 B/op	       0 allocs/op
BenchmarkRule2_1/reject/handwritten-kept-2	1000	        50.0 ns/op	      64 B/op	       1 allocs/op
BenchmarkRule2_1/reject/handwritten-kept-2	1000	        60.0 ns/op	      64 B/op	       1 allocs/op
BenchmarkRule3_1PlanType/accept/library-2 	1000	        10.0 ns/op	       0 B/op	       0 allocs/op
BenchmarkRule3_1PlanType/accept/handwritten-2	1000	     5.0 ns/op	       0 B/op	       0 allocs/op
BenchmarkRule3_1PlanType/accept/opa-2     	1000	     10000 ns/op	    4000 B/op	      80 allocs/op
`

// The report measures an accepting path against the check called as the library is, a rejecting
// one against the check that keeps its values, with medians of the runs' own ratios, and writes
// only between the markers.
func TestReport(t *testing.T) {
	r, err := read(strings.NewReader(sample))
	if err != nil {
		t.Fatal(err)
	}
	table, sum := rulesTable(r)
	for _, want := range []string{
		"| 2.1 overlap vs 20, accept | 21.0 ns | 0 | 0 | 10.5 ns | called as the library is, 19.0 ns | 1.12× | 2.00× |",
		"| 2.1 overlap vs 20, reject | 110 ns | 112 | 1 | 10.0 ns | keeping its values, 55.0 ns | 2.00× | 11.00× |",
	} {
		if !strings.Contains(table, want) {
			t.Errorf("the table lacks %q:\n%s", want, table)
		}
	}
	if !strings.Contains(sum, "accepting, at most 0 allocations and 1.12× to 1.12×") || !strings.Contains(sum, "rejecting, at most 1 allocation and 2.00× to 2.00×") {
		t.Errorf("summary: %s", sum)
	}
	engines, esum := enginesTable(r)
	if !strings.Contains(engines, "| opa | 10000 | 4000 | 80 | 1000.0 |") || !strings.Contains(esum, "1000× to 1000×") {
		t.Errorf("engines:\n%s\n%s", engines, esum)
	}

	file := filepath.Join(t.TempDir(), "README.md")
	if err := os.WriteFile(file, []byte("a\n<!-- perf:x -->\nold\n<!-- /perf:x -->\nb\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := rewrite(file, map[string]string{"x": "new"}); err != nil {
		t.Fatal(err)
	}
	if got, _ := os.ReadFile(file); string(got) != "a\n<!-- perf:x -->\nnew\n<!-- /perf:x -->\nb\n" {
		t.Errorf("rewrite: %q", got)
	}
	if err := rewrite(file, map[string]string{"y": "new"}); err == nil {
		t.Error("a missing marker is an error")
	}
}
