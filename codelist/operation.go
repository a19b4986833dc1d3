package codelist

import (
	"embed"
	"errors"
	"fmt"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/regelkit/dfdg"
	dfdgerrors "github.com/regelkit/dfdg/errors"
)

// The operations table: which DFDG operation each command of the library pre-validates, who may call
// it, what its request must hold and which codes it answers, as STAR's public pages document it. It
// is data beside the code lists (data/operationer), and the rule packages read it: the access check
// and the request constraints come from here, not from code.

//go:embed data/operationer/*.csv
var operationFiles embed.FS

// Operation is one DFDG operation as STAR documents it, and what the library decides of it.
type Operation struct {
	// Name is the operation's name as STAR writes it ("CreateSygemelding"), or the library's name
	// for a national system's call that has no page ("KSDSygemelding").
	Name    string `json:"navn"`
	Service string `json:"tjeneste"`
	// Call is the HTTP method and path ("POST /v1/Sygemelding"), or "SOAP" and the method; empty
	// when the documentation does not give it.
	Call string `json:"kald,omitempty"`
	// Predecessors are the names and calls STAR gives for the operation's predecessors ("Tidl.
	// CreateIllness"), as one text.
	Predecessors string `json:"tidligere,omitempty"`
	// Entry is the library's entry point that pre-validates it, such as "absence.Rules.Create".
	Entry string `json:"indgang"`
	// Access is the table of allowed organisations (Tilladte organisationer).
	Access []Grant `json:"adgang"`
	// Matrix says how Access was read: "entydig" (as the page shows it), "moenster" (the page's copy
	// is ambiguous or has no table, so the pattern of the readable tables is followed), "ukendt" (no
	// table, and the pattern cannot hold: every organisation is admitted) or "system" (a national
	// system's own call).
	Matrix string `json:"matrix"`
	// Codes are the codes the operation's page documents; Decided those the library returns for it.
	Codes   []dfdgerrors.Code `json:"koder,omitempty"`
	Decided []dfdgerrors.Code `json:"afgoer,omitempty"`
	// Fields are the constraints on the request's elements.
	Fields  []Field  `json:"felter,omitempty"`
	Sources []Source `json:"kilder,omitempty"`
	Note    string   `json:"note,omitempty"`

	access [numOrgs]scope
}

// Grant is one row of an operation's table of allowed organisations: the organisation ("a-kasse",
// "jobcenter", "kommune", "STAR", or a national system, "KSD", "KY", "Jobnet") and the columns with
// an X: "alle", "egne", "tidligere-egne", "gaest", "aa-egne", "aa-gaest", "aa-alle", "system-alle",
// or "?" for an X whose column the documentation does not show.
type Grant struct {
	Organisation string   `json:"organisation"`
	Scopes       []string `json:"omfang"`
}

// Field is one constraint on an element of an operation's request.
type Field struct {
	// Path is the element's JSON path in the library's command, such as "fravaerskommentar".
	Path string `json:"felt"`
	// Rule is the constraint: "paakraevet" (occurrence 1), "laengde 0-1500" (characters), "max 10000"
	// (MaxInclusive), "moenster [0-9]{8}" (the whole value matches), "guid" or "uden-html" (no HTML
	// tag).
	Rule string `json:"regel"`
	// Code is the code DFDG answers when the constraint is broken; 0 where it documents none, and the
	// library's ErrInvalidValue answers.
	Code dfdgerrors.Code `json:"kode,omitempty"`
	// Checked says whether the library checks it; Note says why not, where it does not.
	Checked bool   `json:"kontrolleres"`
	Source  string `json:"kilde,omitempty"`
	Note    string `json:"note,omitempty"`

	check constraint
}

// Operations returns the operations table, in the order of its file. The operations are copies: a
// caller that changes one changes nothing the rules read.
func Operations() []Operation {
	ops := operations().list
	out := make([]Operation, len(ops))
	for i := range ops {
		out[i] = ops[i].clone()
	}
	return out
}

// OperationNamed returns (a copy of) the operation with name, such as "CreateFravaer".
func OperationNamed(name string) (Operation, bool) {
	if op := operations().named(name); op != nil {
		return op.clone(), true
	}
	return Operation{}, false
}

// clone returns o with slices of its own.
func (o *Operation) clone() Operation {
	c := *o
	c.Access = slices.Clone(o.Access)
	for i := range c.Access {
		c.Access[i].Scopes = slices.Clone(c.Access[i].Scopes)
	}
	c.Codes, c.Decided = slices.Clone(o.Codes), slices.Clone(o.Decided)
	c.Fields, c.Sources = slices.Clone(o.Fields), slices.Clone(o.Sources)
	return c
}

// Documents reports whether the operation's page documents code c.
func (o Operation) Documents(c dfdgerrors.Code) bool { return slices.Contains(o.Codes, c) }

// Admits reports whether the operation's table admits by acting on c at t. An a-kasse's own citizens
// are its members (c.Akasse); a municipality's, and another actor's, those attached to its jobcentre
// (c.Jobcentre; a citizen with none is not refused for it: the commands that need a jobcentre reject
// its absence themselves); a guest is a holder of guest access active at t (c.GuestAccess). A
// municipality is both rows, jobcenter and kommune. Former own citizens cannot be known from c, so a row that admits
// them admits every citizen, as does a "?". The citizen is read, never modified; a nil citizen or
// operation admits no one.
func (o *Operation) Admits(by dfdg.Actor, c *dfdg.Citizen, t time.Time) bool {
	if o == nil || c == nil {
		return false
	}
	switch by.Kind {
	case dfdg.ActorMunicipality:
		rows := o.access[orgJobcentre] | o.access[orgMunicipality]
		own := c.Jobcentre == 0 || c.Jobcentre == by.Municipality
		return rows&(scopeAll|scopeSystem|scopeFormer|scopeUnknown) != 0 || own && rows&scopeOwn != 0 ||
			rows&scopeGuest != 0 && c.GuestOf(by, t)
	case dfdg.ActorOtherActor:
		row := o.access[orgJobcentre]
		own := c.Jobcentre == 0 || c.Jobcentre == by.Municipality
		return row&(scopeOtherAll|scopeUnknown) != 0 || own && row&scopeOtherOwn != 0 ||
			row&scopeOtherGuest != 0 && c.GuestOf(by, t)
	case dfdg.ActorAkasse:
		row := o.access[orgAkasse]
		own := c.Akasse != "" && c.Akasse == by.Akasse
		return row&(scopeAll|scopeSystem|scopeFormer|scopeUnknown) != 0 || own && row&scopeOwn != 0 ||
			row&scopeGuest != 0 && c.GuestOf(by, t)
	case dfdg.ActorSTAR, dfdg.ActorKSD, dfdg.ActorKY, dfdg.ActorJobnet:
		return o.access[systemOrg(by.Kind)] != 0
	}
	return false
}

// Check checks value, the element at path of a request to the operation, against the constraints the
// library checks (Fields with Checked): an empty value is an absent element. A broken constraint is
// an error with the field's code (1014: ErrMessageInvalid), the path and the constraint; nil
// otherwise, and for a nil operation.
func (o *Operation) Check(path, value string) error {
	if o == nil {
		return nil
	}
	for i := range o.Fields {
		if f := &o.Fields[i]; f.Checked && f.Path == path && !f.check.holds(value) {
			return f.reject(o.Name, value)
		}
	}
	return nil
}

// CheckInt checks the number n at path as Check does; 0 is an absent element.
func (o *Operation) CheckInt(path string, n int) error {
	if o == nil {
		return nil
	}
	for i := range o.Fields {
		if f := &o.Fields[i]; f.Checked && f.Path == path && !f.check.holdsInt(n) {
			return f.reject(o.Name, fmt.Sprint(n))
		}
	}
	return nil
}

func (f *Field) reject(op, value string) error {
	kind := dfdgerrors.ErrInvalidValue // no code documented: the library's reason
	if k := kindOf(f.Code); k != 0 {
		kind = k
	}
	if len(value) > 64 {
		value = value[:64] + "…"
	}
	return dfdgerrors.New(kind, "", dfdgerrors.Path(f.Path), value).
		WithDetail(op+": "+f.Path+" skal opfylde "+f.Rule+" (STAR's dokumentation, "+f.Source+")",
			op+": "+f.Path+" must meet "+f.Rule+" (STAR's documentation, "+f.Source+")")
}

// The organisations of the tables, and the library's national systems.
const (
	orgAkasse = iota
	orgJobcentre
	orgMunicipality
	orgSTAR
	orgKSD
	orgKY
	orgJobnet
	numOrgs
)

var orgNames = [numOrgs]string{"a-kasse", "jobcenter", "kommune", "STAR", "KSD", "KY", "Jobnet"}

// systemOrg returns the row of a national system's actor kind.
func systemOrg(k dfdg.ActorKind) int {
	switch k {
	case dfdg.ActorSTAR:
		return orgSTAR
	case dfdg.ActorKSD:
		return orgKSD
	case dfdg.ActorKY:
		return orgKY
	}
	return orgJobnet
}

// scope is the set of columns with an X in one row.
type scope uint16

const (
	scopeAll scope = 1 << iota
	scopeOwn
	scopeFormer
	scopeGuest
	scopeOtherOwn
	scopeOtherGuest
	scopeOtherAll
	scopeSystem
	scopeUnknown
)

// scopeNames are the columns' names, in the order of the scopes' bits.
var scopeNames = [...]string{"alle", "egne", "tidligere-egne", "gaest", "aa-egne", "aa-gaest", "aa-alle", "system-alle", "?"}

type operationTable struct {
	list []Operation
}

func (t *operationTable) named(name string) *Operation {
	for i := range t.list {
		if t.list[i].Name == name {
			return &t.list[i]
		}
	}
	return nil
}

var (
	operationsOnce sync.Once // a variable, not sync.OnceValue's call, so that init does nothing
	operationsData *operationTable
)

// operations returns the embedded operations table, parsed on first use.
func operations() *operationTable {
	operationsOnce.Do(func() {
		ops, err := parseOperations()
		if err != nil {
			panic("codelist: the embedded operations table is malformed: " + err.Error())
		}
		operationsData = &operationTable{list: ops}
	})
	return operationsData
}

func parseOperations() ([]Operation, error) {
	ops, err := readTable("operationer.csv",
		[]string{"navn", "tjeneste", "kald", "tidligere", "indgang", "adgang", "matrix", "koder", "afgoer", "kilder", "note"})
	if err != nil {
		return nil, err
	}
	var out []Operation
	for _, r := range ops {
		op := Operation{Name: r.get("navn"), Service: r.get("tjeneste"), Call: r.get("kald"), Predecessors: r.get("tidligere"),
			Entry: r.get("indgang"), Matrix: r.get("matrix"), Note: r.get("note")}
		if op.Name == "" || op.Entry == "" || slices.ContainsFunc(out, func(o Operation) bool { return o.Name == op.Name }) {
			return nil, r.errorAt("navn", errors.New("every operation has a name of its own and an entry point"))
		}
		if !slices.Contains([]string{"entydig", "moenster", "ukendt", "system"}, op.Matrix) {
			return nil, r.errorAt("matrix", fmt.Errorf("%q is not entydig, moenster, ukendt or system", op.Matrix))
		}
		if err := op.parseAccess(r.get("adgang")); err != nil {
			return nil, r.errorAt("adgang", err)
		}
		if op.Codes, err = parseCodes(r.get("koder")); err != nil {
			return nil, r.errorAt("koder", err)
		}
		if op.Decided, err = parseCodes(r.get("afgoer")); err != nil {
			return nil, r.errorAt("afgoer", err)
		}
		if op.Sources, err = parseSources(r.get("kilder")); err != nil {
			return nil, r.errorAt("kilder", err)
		}
		out = append(out, op)
	}
	fields, err := readTable("felter.csv", []string{"operation", "felt", "regel", "kode", "kontrolleres", "kilde", "note"})
	if err != nil {
		return nil, err
	}
	for _, r := range fields {
		i := slices.IndexFunc(out, func(o Operation) bool { return o.Name == r.get("operation") })
		if i < 0 {
			return nil, r.errorAt("operation", fmt.Errorf("no operation %q", r.get("operation")))
		}
		f := Field{Path: r.get("felt"), Rule: r.get("regel"), Source: r.get("kilde"), Note: r.get("note")}
		if f.check, err = parseConstraint(f.Rule); err != nil {
			return nil, r.errorAt("regel", err)
		}
		codes, err := parseCodes(r.get("kode"))
		if err != nil || len(codes) > 1 {
			return nil, r.errorAt("kode", errors.New("one code"))
		}
		if len(codes) == 1 {
			f.Code = codes[0]
		}
		if f.Checked, err = r.boolean("kontrolleres"); err != nil {
			return nil, err
		}
		if _, err := parseSources(f.Source); err != nil {
			return nil, r.errorAt("kilde", err)
		}
		out[i].Fields = append(out[i].Fields, f)
	}
	return out, nil
}

// readTable reads one of the embedded operation files.
func readTable(file string, columns []string) ([]row, error) {
	data, err := operationFiles.ReadFile("data/operationer/" + file)
	if err != nil {
		return nil, err
	}
	m, err := parseHeader(file, data)
	if err != nil {
		return nil, err
	}
	t, err := newTable(file, m, columns, columns)
	if err != nil {
		return nil, err
	}
	var rows []row
	for r, err := range t.rows() {
		if err != nil {
			return nil, err
		}
		rows = append(rows, r)
	}
	return rows, nil
}

func (o *Operation) parseAccess(s string) error {
	for cell := range strings.SplitSeq(s, ";") {
		org, cols, ok := strings.Cut(strings.TrimSpace(cell), ":")
		i := slices.Index(orgNames[:], org)
		if !ok || i < 0 || o.access[i] != 0 {
			return fmt.Errorf("%q is not \"organisation: columns\" for an organisation named once (%s)", cell, strings.Join(orgNames[:], ", "))
		}
		g := Grant{Organisation: org}
		for col := range strings.FieldsSeq(cols) {
			bit := slices.Index(scopeNames[:], col)
			if bit < 0 {
				return fmt.Errorf("unknown column %q in %q", col, cell)
			}
			o.access[i] |= 1 << bit
			g.Scopes = append(g.Scopes, col)
		}
		if len(g.Scopes) == 0 {
			return fmt.Errorf("no column in %q", cell)
		}
		o.Access = append(o.Access, g)
	}
	return nil
}

func parseCodes(s string) ([]dfdgerrors.Code, error) {
	var codes []dfdgerrors.Code
	for f := range strings.FieldsSeq(s) {
		var n uint32
		if _, err := fmt.Sscan(f, &n); err != nil || n == 0 || fmt.Sprint(n) != f {
			return nil, fmt.Errorf("%q is not a code", f)
		}
		codes = append(codes, dfdgerrors.Code(n))
	}
	return codes, nil
}

func parseSources(s string) ([]Source, error) {
	var out []Source
	for key := range strings.SplitSeq(s, ",") {
		if key = strings.TrimSpace(key); key == "" {
			continue
		}
		src, ok := SourceByKey(key)
		if !ok {
			return nil, fmt.Errorf("unknown source %q (data/dokumentation/dfdg-sources.csv)", key)
		}
		out = append(out, src)
	}
	return out, nil
}
