// Package scenario runs rule test cases written as data: JSON files of given/when/then cases that a
// caseworker or analyst can read and write without Go. Each case gives a citizen's state ("given"),
// one command ("when") and what must come of it ("then"): an error with its code, reason and rule,
// or the records created and ended, the messages (WSB) with their change types and recipients, the
// rules that acted, the dates computed.
//
// In a Go test:
//
//	func TestScenarios(t *testing.T) { scenario.Run(t, "testdata/scenarios/*.json") }
//
// From the command line, with PASS or FAIL for each case and an exit code of 1 on a failure:
//
//	go run ./examples/scenarios testdata/scenarios/*.json
//
// The format is documented in testdata/scenarios/README.md and described by the JSON Schema
// testdata/scenarios/schema/scenario.schema.json, which editors use to check a file as it is written. Names
// are the domain's Danish terms, written as DFDG writes them in its REST services (fravaer, aktoer).
//
// A malformed file is an error naming the file, the case and the field (unknown field, wrong type,
// bad date, no command or two): never a panic, and never a case silently skipped.
package scenario

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"testing"

	"github.com/regelkit/dfdg"
	"github.com/regelkit/dfdg/codelist"
	dfdgerrors "github.com/regelkit/dfdg/errors"
)

// Error is a malformed file: the file, the case (its index and name, when the error is in one) and
// what is wrong where.
type Error struct {
	File string
	// Case is the index of the case in the file's "scenarier", or -1 when the error is outside one.
	Case     int
	CaseName string
	Err      error
}

func (e *Error) Error() string {
	s := e.File
	if e.Case >= 0 {
		s += ": scenarie " + strconv.Itoa(e.Case+1)
		if e.CaseName != "" {
			s += " " + strconv.Quote(e.CaseName)
		}
	}
	return s + ": " + e.Err.Error()
}

func (e *Error) Unwrap() error { return e.Err }

// Parse reads a scenario file's bytes; name is used in errors.
func Parse(name string, data []byte) (*File, error) {
	var head struct {
		Schema      string       `json:"$schema"`
		Tema        string       `json:"tema"`
		Beskrivelse string       `json:"beskrivelse"`
		Scenarier   []rawMessage `json:"scenarier"`
	}
	if err := decodeStrict(data, &head); err != nil {
		return nil, &Error{File: name, Case: -1, Err: err}
	}
	if head.Tema == "" {
		return nil, &Error{File: name, Case: -1, Err: &FieldError{Path: "tema", Err: errors.New("missing")}}
	}
	if len(head.Scenarier) == 0 {
		return nil, &Error{File: name, Case: -1, Err: &FieldError{Path: "scenarier", Err: errors.New("no cases")}}
	}
	f := &File{Path: name, Schema: head.Schema, Tema: head.Tema, Beskrivelse: head.Beskrivelse}
	names := map[string]int{}
	for i, raw := range head.Scenarier {
		var c Case
		if err := decodeStrict(raw.data, &c); err != nil {
			return nil, &Error{File: name, Case: i, CaseName: nameOf(raw.data), Err: err}
		}
		if err := c.check(); err != nil {
			return nil, &Error{File: name, Case: i, CaseName: c.Navn, Err: err}
		}
		if j, dup := names[c.Navn]; dup {
			return nil, &Error{File: name, Case: i, CaseName: c.Navn, Err: fmt.Errorf("navn: the same as scenarie %d", j+1)}
		}
		names[c.Navn] = i
		f.Scenarier = append(f.Scenarier, c)
	}
	return f, nil
}

// rawMessage keeps a case's bytes so it can be decoded on its own, with the case named in errors.
type rawMessage struct{ data []byte }

func (r *rawMessage) UnmarshalJSON(b []byte) error {
	r.data = append([]byte(nil), b...)
	return nil
}

// nameOf digs the "navn" out of a case that did not decode, for the error.
func nameOf(data []byte) string {
	var c struct {
		Navn string `json:"navn"`
	}
	if err := jsonUnmarshal(data, &c); err != nil {
		return ""
	}
	return c.Navn
}

func (c Case) check() error {
	if c.Navn == "" {
		return &FieldError{Path: "navn", Err: errors.New("missing")}
	}
	if c.Regel != "" {
		if _, ok := dfdg.RuleByID(dfdg.RuleID(c.Regel)); !ok {
			return &FieldError{Path: "regel", Err: fmt.Errorf("%q is not an item of the release note", c.Regel)}
		}
	}
	if _, err := c.When.command(); err != nil {
		return err
	}
	for _, r := range c.Then.Regler {
		if _, ok := dfdg.RuleByID(r); !ok {
			return &FieldError{Path: "then.regler", Err: fmt.Errorf("%q is not an item of the release note", r)}
		}
	}
	return nil
}

// Load reads and parses the scenario file at path.
func Load(path string) (*File, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, &Error{File: path, Case: -1, Err: err}
	}
	return Parse(path, data)
}

// Result is the outcome of one case.
type Result struct {
	File    string
	Case    string
	Rule    string // the item the case is about
	Command string
	// Rules are the rules the decision named.
	Rules dfdg.RuleSet
	// Err is the command's error, when it gave one (expected or not).
	Err error
	// Diffs are the differences from the expectation; none means the case passed.
	Diffs []string
}

// Pass reports whether the case gave what it expected.
func (r Result) Pass() bool { return len(r.Diffs) == 0 }

// RunCase runs one case with the code lists cat (nil: the embedded ones).
func RunCase(c Case, cat *codelist.Catalog) Result {
	cmd, _ := c.When.command()
	o := execute(c, cat)
	r := Result{Case: c.Navn, Rule: c.Regel, Command: cmd, Rules: o.rules, Err: o.err}
	if rule := dfdgerrors.RuleOf(o.err); rule != "" {
		r.Rules = r.Rules.With(rule) // a rejection names the rule that rejected
	}
	var fe *FieldError
	if errors.As(o.err, &fe) {
		r.Diffs = []string{"scenariet kan ikke køres: " + fe.Error()}
		return r
	}
	r.Diffs = compare(c.Then, o)
	return r
}

// RunFile runs every case of f.
func RunFile(f *File, cat *codelist.Catalog) []Result {
	out := make([]Result, 0, len(f.Scenarier))
	for _, c := range f.Scenarier {
		r := RunCase(c, cat)
		r.File = f.Path
		out = append(out, r)
	}
	return out
}

// Run loads every file the patterns match (filepath.Glob patterns, or plain paths) and runs each
// case as a subtest of t named after the file and the case. A malformed file, or a pattern that
// matches nothing, fails t.
func Run(t *testing.T, patterns ...string) {
	t.Helper()
	for _, p := range patterns {
		paths, err := filepath.Glob(p)
		if err != nil || len(paths) == 0 {
			t.Errorf("scenario: %q matches no file", p)
			continue
		}
		for _, path := range paths {
			f, err := Load(path)
			if err != nil {
				t.Error(err)
				continue
			}
			t.Run(filepath.Base(path), func(t *testing.T) {
				for _, c := range f.Scenarier {
					t.Run(c.Navn, func(t *testing.T) {
						r := RunCase(c, nil)
						for _, d := range r.Diffs {
							t.Error(d)
						}
						if !r.Pass() {
							t.Logf("regel %s, kommando %s, regler der handlede: [%v]", r.Rule, r.Command, r.Rules)
						}
					})
				}
			})
		}
	}
}

// IsMalformed reports whether err is a malformed scenario file.
func IsMalformed(err error) bool {
	var e *Error
	return errors.As(err, &e)
}
