// Package scenario runs rule test cases written as data: JSON files of given/when/then cases that a
// caseworker or analyst can read and write without Go. Each case gives the call's context and the
// citizen ("given"), one command ("when") and what must come of it ("then"): an error, or the decision
// the command gives, in part.
//
// The file is the library's own types in JSON: "given.borger" is a dfdg.Citizen, "when.opretFravaer"
// a dfdg.Absence, "then.beslutning" a dfdg.Decision with only the fields the case cares about. So a
// scenario, a body for the test double (examples/dfdgsim) and a caller's own JSON read alike, and
// nothing here repeats the domain.
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
// testdata/scenarios/schema/scenario.schema.json, generated from the same Go types (Schema).
//
// A file is decoded strictly: an unknown field, a value of the wrong type, a date that does not exist,
// an expectation naming a field the result does not have, no command or two: each is an error naming
// the file, the case and the path of the field. Never a panic, and never a case silently skipped.
package scenario

import (
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"strconv"
	"testing"

	"github.com/regelkit/dfdg"
	"github.com/regelkit/dfdg/absence"
	"github.com/regelkit/dfdg/codelist"
	"github.com/regelkit/dfdg/contactgroup"
	dfdgerrors "github.com/regelkit/dfdg/errors"
	"github.com/regelkit/dfdg/gdpr"
	"github.com/regelkit/dfdg/internal/jsonx"
	"github.com/regelkit/dfdg/plan"
)

// File is one scenario file: a theme and its cases.
type File struct {
	// Path is where the file was read from; it is not part of the JSON.
	Path        string `json:"-"`
	Schema      string `json:"$schema,omitempty"`
	Theme       string `json:"tema"`
	Description string `json:"beskrivelse,omitempty"`
	Cases       []Case `json:"scenarier"`
}

// Case is one given/when/then case.
type Case struct {
	Name string `json:"navn"`
	// Rule is the item of the release note the case is about, such as "1.6".
	Rule  dfdg.RuleID `json:"regel,omitempty"`
	Given Given       `json:"given"`
	When  When        `json:"when"`
	Then  Then        `json:"then"`
}

// Given is the call's context and the citizen (or, for a sweep, the citizens or records).
type Given struct {
	// At is "nu" and "aktoer". Without "aktoer" the actor is the command's usual one: KY for
	// ydelsesafgoerelse, KSD for sygemelding, raskmelding and genoptagFravaer (KSD's feed; give
	// "aktoer" for DFDG's Raskmeld), the citizen's jobcentre municipality otherwise.
	dfdg.At
	Citizen  dfdg.Citizen   `json:"borger,omitzero"`
	Citizens []dfdg.Citizen `json:"borgere,omitempty"`
	Records  []gdpr.Record  `json:"poster,omitempty"`
	// NewIDs are the ids handed out, in order, to the records the decision creates without one;
	// without them the ids are derived from "nu" (dfdg.At).
	NewIDs []string `json:"nyeIder,omitempty"`
}

// When is the one command of a case: exactly one of its fields is given.
type When struct {
	CreateDeadline       *dfdg.Deadline                    `json:"opretFrist,omitempty"`           // 1.1
	DecideBenefit        *contactgroup.BenefitDecision     `json:"ydelsesafgoerelse,omitempty"`    // 1.2
	RegisterJobseeker    *contactgroup.RegistrationRequest `json:"tilmeldJobsoegende,omitempty"`   // 1.4, 1.5
	PlaceInGroup         *contactgroup.Placement           `json:"placerIKontaktgruppe,omitempty"` // 1.4, 1.5
	CheckHistory         *struct{}                         `json:"kontrollerHistorik,omitempty"`   // 1.5
	ChangePersonCategory *dfdg.PersonCategorization        `json:"skiftPersonkategori,omitempty"`  // 1.7
	EndGroup             *contactgroup.GroupEnd            `json:"afslutKontaktgruppe,omitempty"`  // UpdateContactGroup
	Deregister           *dfdg.Deregistration              `json:"afmeld,omitempty"`               // afmelding
	CreateBooking        *dfdg.Booking                     `json:"opretIndkaldelse,omitempty"`     // CreateIndkaldelse
	UpdateBooking        *dfdg.Booking                     `json:"opdaterIndkaldelse,omitempty"`   // UpdateIndkaldelse
	DeleteBooking        *contactgroup.BookingRef          `json:"sletIndkaldelse,omitempty"`      // DeleteIndkaldelse
	AddParticipant       *dfdg.Participant                 `json:"tilfoejDeltager,omitempty"`      // CreateMyndighedsdeltager
	GrantGuestAccess     *contactgroup.GuestRequest        `json:"opretGaesteadgang,omitempty"`    // CreateGaesteadgang
	CreateDraftPlan      *dfdg.Plan                        `json:"opretKladdeplan,omitempty"`      // CreateDraftPlan
	RectifyPlan          *plan.Rectification               `json:"berigtigPlan,omitempty"`         // the plan's rectification
	CreateAbsence        *dfdg.Absence                     `json:"opretFravaer,omitempty"`         // 2.1, 2.6
	UpdateAbsence        *dfdg.Absence                     `json:"opdaterFravaer,omitempty"`       // 1.3, 2.1
	ReportSick           *dfdg.Absence                     `json:"sygemelding,omitempty"`          // 1.6, 2.3 (KSD's feed)
	CreateSickness       *absence.Sickness                 `json:"opretSygemelding,omitempty"`     // CreateSygemelding
	Recover              *absence.Recovery                 `json:"raskmelding,omitempty"`          // 2.4, 2.5
	Resume               *absence.Resumption               `json:"genoptagFravaer,omitempty"`      // 2.3, 2.4
	SicknessSweep        *struct{}                         `json:"sygefravaerskoersel,omitempty"`  // 2.2
	CreateActivity       *dfdg.Activity                    `json:"opretAktivitet,omitempty"`       // 3.1–3.5, 3.7
	UpdateActivity       *dfdg.Activity                    `json:"opdaterAktivitet,omitempty"`     // 3.2, 3.5
	MinPlan              *struct{}                         `json:"minPlan,omitempty"`              // 3.3, 3.6
	DeletionDate         *gdpr.Record                      `json:"slettedato,omitempty"`           // 4.1
	Read                 *gdpr.Record                      `json:"hentPost,omitempty"`             // 4.1
	Delete               *gdpr.Record                      `json:"sletPost,omitempty"`             // 4.1, 4.2
	DeletionSweep        *struct{}                         `json:"slettekoersel,omitempty"`        // 4.1
}

// Then is what a case expects. Every field is optional; one that is given is checked. The expectations
// of results are the result's own JSON, in part: an object names only the fields it checks, a list is
// checked whole (the same items, in any order, each matching its expectation), instants compare as
// instants, and a "detalje" of an error matches when the error's detail contains it.
type Then struct {
	// Error expects the command to be rejected with this error (errors.Error's JSON, in part).
	Error json.RawMessage `json:"fejl,omitempty"`
	// Decision is the decision (dfdg.Decision), in part.
	Decision json.RawMessage `json:"beslutning,omitempty"`
	// Rules lists rules that must be among those that acted (a rejection's rule included).
	Rules []dfdg.RuleID `json:"regler,omitempty"`
	// NoChanges expects a decision that changes nothing and sends nothing (or, false, one that
	// does).
	NoChanges *bool `json:"ingenAendringer,omitempty"`
	// DeletionDate is gdpr's deletion date (gdpr.Due), in part.
	DeletionDate json.RawMessage `json:"slettedato,omitempty"`
	// Closures are the 60-day sweep's closures ([]absence.Closure); Deletions the deletions of a
	// deletion sweep or sletPost ([]gdpr.Deletion); Historikfejl the problems the history check finds
	// ([]errors.Error).
	Closures        json.RawMessage `json:"lukninger,omitempty"`
	Deletions       json.RawMessage `json:"sletninger,omitempty"`
	HistoryProblems json.RawMessage `json:"historikfejl,omitempty"`
	// MinPlan names text Min plan must and must not hold.
	MinPlan *MinPlanExpect `json:"minPlan,omitempty"`
}

// MinPlanExpect names lines Min plan must and must not hold.
type MinPlanExpect struct {
	Contains []string `json:"indeholder,omitempty"`
	Lacks    []string `json:"mangler,omitempty"`
}

// expectations are Then's fields that hold a result in part, with the result's type.
var expectations = []struct {
	name string
	typ  reflect.Type
	raw  func(*Then) json.RawMessage
}{
	{"fejl", reflect.TypeFor[dfdgerrors.Error](), func(t *Then) json.RawMessage { return t.Error }},
	{"beslutning", reflect.TypeFor[dfdg.Decision](), func(t *Then) json.RawMessage { return t.Decision }},
	{"slettedato", reflect.TypeFor[gdpr.Due](), func(t *Then) json.RawMessage { return t.DeletionDate }},
	{"lukninger", reflect.TypeFor[[]absence.Closure](), func(t *Then) json.RawMessage { return t.Closures }},
	{"sletninger", reflect.TypeFor[[]gdpr.Deletion](), func(t *Then) json.RawMessage { return t.Deletions }},
	{"historikfejl", reflect.TypeFor[[]*dfdgerrors.Error](), func(t *Then) json.RawMessage { return t.HistoryProblems }},
}

// Error is a malformed file: the file, the case (its index and name, when the error is in one) and
// what is wrong where. JSON holds Err as its text.
type Error struct {
	File string `json:"fil"`
	// Case is the index of the case in the file's "scenarier", or -1 when the error is outside one.
	Case     int    `json:"scenarie"`
	CaseName string `json:"navn,omitempty"`
	Err      error  `json:"-"`
}

// MarshalJSON writes the error, with what is wrong as its text under "fejl".
func (e *Error) MarshalJSON() ([]byte, error) {
	if e == nil {
		return []byte("null"), nil
	}
	type plain Error
	return json.Marshal(struct {
		*plain
		Err string `json:"fejl,omitempty"`
	}{(*plain)(e), errText(e.Err)})
}

// UnmarshalJSON reads what MarshalJSON writes; what is wrong comes back as its text.
func (e *Error) UnmarshalJSON(b []byte) error {
	if e == nil {
		return errors.New("scenario: cannot read an Error into a nil pointer")
	}
	type plain Error
	var w struct {
		plain
		Err string `json:"fejl,omitempty"`
	}
	if err := json.Unmarshal(b, &w); err != nil {
		return err
	}
	*e = Error(w.plain)
	if w.Err != "" {
		e.Err = errors.New(w.Err)
	}
	return nil
}

func (e *Error) Error() string {
	if e == nil {
		return "scenario: <nil>"
	}
	s := e.File
	if e.Case >= 0 {
		s += ": scenarie " + strconv.Itoa(e.Case+1)
		if e.CaseName != "" {
			s += " " + strconv.Quote(e.CaseName)
		}
	}
	if e.Err == nil {
		return s + ": ugyldig fil"
	}
	return s + ": " + e.Err.Error()
}

func (e *Error) Unwrap() error {
	if e == nil {
		return nil
	}
	return e.Err
}

// IsMalformed reports whether err is a malformed scenario file.
func IsMalformed(err error) bool {
	var e *Error
	return errors.As(err, &e)
}

// Parse reads a scenario file's bytes; name is used in errors.
func Parse(name string, data []byte) (*File, error) {
	var head struct {
		Schema      string            `json:"$schema"`
		Theme       string            `json:"tema"`
		Description string            `json:"beskrivelse"`
		Cases       []json.RawMessage `json:"scenarier"`
	}
	if err := jsonx.Decode(data, &head); err != nil {
		return nil, &Error{File: name, Case: -1, Err: err}
	}
	f := File{Path: name, Schema: head.Schema, Theme: head.Theme, Description: head.Description}
	switch {
	case f.Theme == "":
		return nil, &Error{File: name, Case: -1, Err: &jsonx.Error{Path: "tema", Err: errors.New("missing")}}
	case len(head.Cases) == 0:
		return nil, &Error{File: name, Case: -1, Err: &jsonx.Error{Path: "scenarier", Err: errors.New("no cases")}}
	}
	names := map[string]int{}
	for i, raw := range head.Cases {
		var c Case
		err := jsonx.Decode(raw, &c)
		if err == nil {
			err = c.check()
		}
		if err == nil {
			if j, dup := names[c.Name]; dup {
				err = &jsonx.Error{Path: "navn", Err: fmt.Errorf("the same as scenarie %d", j+1)}
			}
		}
		if err != nil {
			return nil, &Error{File: name, Case: i, CaseName: nameOf(raw), Err: err}
		}
		names[c.Name] = i
		f.Cases = append(f.Cases, c)
	}
	return &f, nil
}

// nameOf digs the "navn" out of a case that did not decode, for the error.
func nameOf(data []byte) string {
	var c struct {
		Name string `json:"navn"`
	}
	_ = json.Unmarshal(data, &c)
	return c.Name
}

func (c *Case) check() error {
	if c.Name == "" {
		return &jsonx.Error{Path: "navn", Err: errors.New("missing")}
	}
	if _, ok := dfdg.RuleByID(c.Rule); c.Rule != "" && !ok {
		return &jsonx.Error{Path: "regel", Err: fmt.Errorf("%q is not an item of the release note", c.Rule)}
	}
	if _, err := c.When.command(); err != nil {
		return err
	}
	for i, r := range c.Then.Rules {
		if _, ok := dfdg.RuleByID(r); !ok {
			return &jsonx.Error{Path: "then.regler[" + strconv.Itoa(i) + "]", Err: fmt.Errorf("%q is not an item of the release note", r)}
		}
	}
	for _, x := range expectations {
		raw := x.raw(&c.Then)
		if raw == nil {
			continue
		}
		v, err := jsonx.Parse(raw)
		if err == nil {
			err = jsonx.Check(v, x.typ, "then."+x.name)
		}
		if err != nil {
			return err
		}
	}
	return nil
}

// command returns the name of the one command set, or an error when none or several are.
func (w When) command() (string, error) {
	v := reflect.ValueOf(w)
	var set, known []string
	for i, f := range jsonx.Fields(v.Type()) {
		known = append(known, f.Name)
		if !v.Field(i).IsNil() {
			set = append(set, f.Name)
		}
	}
	switch len(set) {
	case 0:
		return "", &jsonx.Error{Path: "when", Err: fmt.Errorf("no command (known: %v)", known)}
	case 1:
		return set[0], nil
	}
	return "", &jsonx.Error{Path: "when", Err: fmt.Errorf("more than one command: %v", set)}
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
	File    string      `json:"fil,omitempty"`
	Case    string      `json:"scenarie,omitempty"`
	Rule    dfdg.RuleID `json:"regel,omitempty"` // the item the case is about
	Command string      `json:"kommando,omitempty"`
	// Rules are the rules that acted, the rejecting rule included.
	Rules dfdg.RuleSet `json:"regler"`
	// Err is the command's error, when it gave one (expected or not).
	Err *dfdgerrors.Error `json:"fejl,omitempty"`
	// Diffs are the differences from the expectation; none means the case passed.
	Diffs []string `json:"forskelle,omitempty"`
}

func errText(err error) string {
	if err == nil {
		return ""
	}
	return err.Error()
}

// Pass reports whether the case gave what it expected.
func (r Result) Pass() bool { return len(r.Diffs) == 0 }

// RunCase runs one case with the code lists cat (nil: the embedded ones).
func RunCase(c Case, cat *codelist.Catalog) Result {
	cmd, err := c.When.command()
	if err != nil {
		return Result{Case: c.Name, Rule: c.Rule, Diffs: []string{"scenariet kan ikke køres: " + err.Error()}}
	}
	o := execute(c, cmd, cat)
	r := Result{Case: c.Name, Rule: c.Rule, Command: cmd, Rules: o.rules}
	if errs := dfdgerrors.Append(nil, o.err); len(errs) > 0 {
		r.Err = errs[0]
	}
	r.Rules = r.Rules.With(r.Err.Rule())
	r.Diffs = compare(&c.Then, o, r.Rules)
	return r
}

// RunFile runs every case of f (none for a nil f).
func RunFile(f *File, cat *codelist.Catalog) []Result {
	if f == nil {
		return nil
	}
	out := make([]Result, 0, len(f.Cases))
	for _, c := range f.Cases {
		r := RunCase(c, cat)
		r.File = f.Path
		out = append(out, r)
	}
	return out
}

// Run loads every file the patterns match (filepath.Glob patterns, or plain paths) and runs each case
// as a subtest of t named after the file and the case. A malformed file, or a pattern that matches
// nothing, fails t. A nil t runs nothing.
func Run(t *testing.T, patterns ...string) {
	if t == nil {
		return
	}
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
				for _, c := range f.Cases {
					t.Run(c.Name, func(t *testing.T) {
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
