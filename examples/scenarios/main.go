// Command scenarios runs scenario files (rule test cases written as JSON) and prints PASS or FAIL for
// each case, with what differed and the rules that acted. It exits with 1 when a case fails and 2 when
// a file is malformed or none is given.
//
//	go run ./examples/scenarios testdata/scenarios/*.json
package main

import (
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/regelkit/dfdg/scenario"
)

func main() { os.Exit(run(os.Args[1:], os.Stdout, os.Stderr)) }

func run(args []string, stdout, stderr io.Writer) int {
	if len(args) == 0 {
		fmt.Fprintln(stderr, "brug: scenarios FIL.json ...  (usage: scenarios FILE.json ...)")
		return 2
	}
	passed, failed, malformed := 0, 0, 0
	for _, path := range args {
		f, err := scenario.Load(path)
		if err != nil {
			fmt.Fprintln(stderr, "FEJL I FIL", err)
			malformed++
			continue
		}
		fmt.Fprintf(stdout, "%s — %s\n", path, f.Theme)
		for _, r := range scenario.RunFile(f, nil) {
			status := "PASS"
			if r.Pass() {
				passed++
			} else {
				status = "FAIL"
				failed++
			}
			rules := r.Rules.String()
			if rules == "" {
				rules = "ingen"
			}
			fmt.Fprintf(stdout, "  %s  %s  [regel %s; regler der handlede: %s]\n", status, r.Case, orNone(string(r.Rule)), rules)
			for _, d := range r.Diffs {
				fmt.Fprintf(stdout, "        %s\n", d)
			}
		}
	}
	fmt.Fprintf(stdout, "%d scenarier: %d bestået, %d fejlet", passed+failed, passed, failed)
	if malformed > 0 {
		fmt.Fprintf(stdout, "; %d fil(er) kunne ikke læses", malformed)
	}
	fmt.Fprintln(stdout)
	switch {
	case malformed > 0:
		return 2
	case failed > 0:
		return 1
	}
	return 0
}

func orNone(s string) string {
	if strings.TrimSpace(s) == "" {
		return "-"
	}
	return s
}
