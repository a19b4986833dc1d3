// Command report turns one performance run into the tables of both READMEs, so that they always come
// from the same run: the rules against the hand-written checks (README.md, from the library's
// benchmarks) and against the rule engines (bench/README.md, from this module's), with a summary that
// both carry word for word, naming the commit, the day, the machine and the number of runs.
//
//	.ci/perf            # runs both benchmark sets and then this command
//
// It reads the output of `go test -bench -benchmem -count N` and writes between the markers
// <!-- perf:NAME --> and <!-- /perf:NAME --> of each README. Every figure is a median over the runs;
// every ratio is the median of the runs' own ratios (the i-th run of one benchmark against the i-th
// of the other), which holds up better on a noisy machine than a ratio of medians.
package main

import (
	"bufio"
	"flag"
	"fmt"
	"io"
	"log"
	"os"
	"regexp"
	"slices"
	"strconv"
	"strings"
)

func main() {
	rules := flag.String("rules", "", "the library's benchmark output")
	engines := flag.String("engines", "", "this module's benchmark output")
	readme := flag.String("readme", "../README.md", "the library's README")
	benchReadme := flag.String("bench-readme", "README.md", "this module's README")
	run := flag.String("run", "", "the run: commit, day, machine, Go version")
	flag.Parse()
	lib, err := readFile(*rules)
	if err != nil {
		log.Fatal(err)
	}
	eng, err := readFile(*engines)
	if err != nil {
		log.Fatal(err)
	}
	ruleTable, ruleSum := rulesTable(lib)
	engineTable, engineSum := enginesTable(eng)
	summary := fmt.Sprintf("%s. %s %s", *run, ruleSum, engineSum)
	for file, blocks := range map[string]map[string]string{
		*readme:      {"summary": summary, "rules": ruleTable},
		*benchReadme: {"summary": summary, "engines": engineTable},
	} {
		if err := rewrite(file, blocks); err != nil {
			log.Fatal(err)
		}
	}
}

// results are a benchmark's runs, in order: ns/op, B/op, allocs/op.
type results map[string][][3]float64

var line = regexp.MustCompile(`^Benchmark(\S+?)(-\d+)?\s+\d+\s+([\d.]+) ns/op(?:.*?\s([\d.]+) B/op\s+([\d.]+) allocs/op)?`)

func readFile(name string) (results, error) {
	f, err := os.Open(name)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return read(f)
}

func read(r io.Reader) (results, error) {
	out := results{}
	sc := bufio.NewScanner(r)
	for sc.Scan() {
		m := line.FindStringSubmatch(sc.Text())
		if m == nil {
			continue
		}
		var v [3]float64
		for i, s := range []string{m[3], m[4], m[5]} {
			if s != "" {
				v[i], _ = strconv.ParseFloat(s, 64)
			}
		}
		out[m[1]] = append(out[m[1]], v)
	}
	return out, sc.Err()
}

func median(xs []float64) float64 {
	if len(xs) == 0 {
		return 0
	}
	s := slices.Clone(xs)
	slices.Sort(s)
	if len(s)%2 == 1 {
		return s[len(s)/2]
	}
	return (s[len(s)/2-1] + s[len(s)/2]) / 2
}

// stat is the median of column c of a benchmark's runs.
func (r results) stat(name string, c int) float64 {
	var xs []float64
	for _, v := range r[name] {
		xs = append(xs, v[c])
	}
	return median(xs)
}

// ratio is the median of the runs' ratios of a's time to b's.
func (r results) ratio(a, b string) float64 {
	ra, rb := r[a], r[b]
	var xs []float64
	for i := range min(len(ra), len(rb)) {
		if rb[i][0] > 0 {
			xs = append(xs, ra[i][0]/rb[i][0])
		}
	}
	return median(xs)
}

// ruleRows are the library's benchmarks the README's table shows, by rule and path.
var ruleRows = []struct{ name, label string }{
	{"Rule3_1/accept", "3.1 plan type, accept"},
	{"Rule3_1/reject", "3.1 plan type, reject"},
	{"Rule2_1/accept", "2.1 overlap vs 20, accept"},
	{"Rule2_1/all-overlap", "2.1 overlap vs 20, all overlap, accepted"},
	{"Rule2_1/reject", "2.1 overlap vs 20, reject"},
	{"Rule3_4/accept", "3.4 duplicate vs 50, accept"},
	{"Rule3_4/reject", "3.4 duplicate vs 50, reject"},
	{"Rule3_2/accept", "3.2 three external references, accept"},
	{"Rule3_2/reject", "3.2 a fourth that is no municipality, reject"},
	{"Rule1_1/accept", "1.1 deadline vs 20, accept (`ValidateCreateDeadline`)"},
	{"Rule1_1/reject", "1.1 deadline vs 20, reject (`ValidateCreateDeadline`)"},
	{"Rule1_5History/accept", "1.5 history of 50, accept (`CheckHistory`)"},
	{"Rule1_5History/reject", "1.5 history of 50, reject (`CheckHistory`, lists every problem)"},
	{"DeletionDate", "4.1 `DeletionDate`"},
}

// baseline is what a path is measured against, as issue 22 sets it: an accepting path against the
// hand-written check called as the library is (handwritten-v1) where the benchmark has one, a
// rejecting path against the hand-written check that keeps its values (handwritten-kept) where it
// has one, and otherwise against the plain hand-written check.
func baseline(r results, row string) (string, string) {
	suffix, label := "/handwritten-v1", "called as the library is"
	if strings.Contains(row, "reject") {
		suffix, label = "/handwritten-kept", "keeping its values"
	}
	if _, ok := r[row+suffix]; ok {
		return row + suffix, label
	}
	return row + "/handwritten", "hand-written"
}

func rulesTable(r results) (string, string) {
	var b strings.Builder
	b.WriteString("| rule, path | library | B/op | allocs | hand-written | baseline | ratio to it | ratio to hand-written |\n")
	b.WriteString("| --- | ---: | ---: | ---: | ---: | --- | ---: | ---: |\n")
	var accept, reject []float64
	maxAllocsAccept, maxAllocsReject := 0.0, 0.0
	for _, row := range ruleRows {
		lib := row.name + "/library"
		if _, ok := r[lib]; !ok {
			continue
		}
		base, label := baseline(r, row.name)
		ratio := r.ratio(lib, base)
		fmt.Fprintf(&b, "| %s | %s ns | %.0f | %.0f | %s ns | %s, %s ns | %.2f× | %.2f× |\n", row.label,
			num(r.stat(lib, 0)), r.stat(lib, 1), r.stat(lib, 2), num(r.stat(row.name+"/handwritten", 0)),
			label, num(r.stat(base, 0)), ratio, r.ratio(lib, row.name+"/handwritten"))
		if strings.Contains(row.name, "reject") {
			reject = append(reject, ratio)
			maxAllocsReject = max(maxAllocsReject, r.stat(lib, 2))
		} else {
			accept = append(accept, ratio)
			maxAllocsAccept = max(maxAllocsAccept, r.stat(lib, 2))
		}
		for _, v := range []string{"ValidateCreate"} {
			if name := row.name + "/" + v; len(r[name]) > 0 {
				fmt.Fprintf(&b, "| %s through `%s` | %s ns | %.0f | %.0f | | | | |\n", row.label, v,
					num(r.stat(name, 0)), r.stat(name, 1), r.stat(name, 2))
			}
		}
	}
	sum := fmt.Sprintf("Rules: accepting, at most %s and %s× to %s× the baseline; rejecting, at most %s and %s× to %s× the baseline (the hand-written check that keeps its values where the benchmark has one).",
		allocations(maxAllocsAccept), ratioText(slices.Min(accept)), ratioText(slices.Max(accept)),
		allocations(maxAllocsReject), ratioText(slices.Min(reject)), ratioText(slices.Max(reject)))
	return b.String(), sum
}

func enginesTable(r results) (string, string) {
	var names []string
	for name := range r {
		if strings.HasSuffix(name, "/library") {
			names = append(names, strings.TrimSuffix(name, "/library"))
		}
	}
	slices.Sort(names)
	var b strings.Builder
	b.WriteString("| rule | path | runner | ns/op | B/op | allocs/op | × library | library × hand-written |\n")
	b.WriteString("| --- | --- | --- | ---: | ---: | ---: | ---: | ---: |\n")
	var engine []float64
	for _, key := range names {
		rule, path, _ := strings.Cut(key, "/")
		for i, runner := range []string{"library", "handwritten", "expr", "cel", "opa"} {
			name := key + "/" + runner
			if len(r[name]) == 0 {
				continue
			}
			times := r.ratio(name, key+"/library")
			vs := ""
			if runner == "library" {
				vs = fmt.Sprintf("%.2f", r.ratio(name, key+"/handwritten"))
			} else if runner != "handwritten" {
				engine = append(engine, times)
			}
			first, second := "", ""
			if i == 0 {
				first, second = rule, path
			}
			fmt.Fprintf(&b, "| %s | %s | %s | %s | %.0f | %.0f | %.1f | %s |\n", first, second, runner,
				num(r.stat(name, 0)), r.stat(name, 1), r.stat(name, 2), times, vs)
		}
	}
	sum := ""
	if len(engine) > 0 {
		sum = fmt.Sprintf("Engines: the library is %s× to %s× faster than expr, CEL and OPA on the same rules.",
			ratioText(slices.Min(engine)), ratioText(slices.Max(engine)))
	}
	return b.String(), sum
}

func allocations(n float64) string {
	if n == 1 {
		return "1 allocation"
	}
	return strconv.FormatFloat(n, 'f', 0, 64) + " allocations"
}

func num(x float64) string {
	switch {
	case x >= 1000:
		return strconv.FormatFloat(x, 'f', 0, 64)
	case x >= 100:
		return strconv.FormatFloat(x, 'f', 0, 64)
	}
	return strconv.FormatFloat(x, 'f', 1, 64)
}

func ratioText(x float64) string {
	if x >= 10 {
		return strconv.FormatFloat(x, 'f', 0, 64)
	}
	return strconv.FormatFloat(x, 'f', 2, 64)
}

// rewrite replaces what stands between <!-- perf:NAME --> and <!-- /perf:NAME --> in file with each
// block, and refuses a file that lacks a marker.
func rewrite(file string, blocks map[string]string) error {
	data, err := os.ReadFile(file)
	if err != nil {
		return err
	}
	s := string(data)
	for name, text := range blocks {
		open, close := "<!-- perf:"+name+" -->", "<!-- /perf:"+name+" -->"
		i, j := strings.Index(s, open), strings.Index(s, close)
		if i < 0 || j < i {
			return fmt.Errorf("%s: no %s … %s", file, open, close)
		}
		s = s[:i+len(open)] + "\n" + strings.TrimSpace(text) + "\n" + s[j:]
	}
	return os.WriteFile(file, []byte(s), 0o644)
}
