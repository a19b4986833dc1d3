package main

import (
	"encoding"
	"encoding/json"
	"fmt"
	"reflect"
	"regexp"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/regelkit/dfdg"
	"github.com/regelkit/dfdg/codelist"
	dfdgerrors "github.com/regelkit/dfdg/errors"
	"github.com/shopspring/decimal"
)

// The OpenAPI description is built from the route table, the library's operations table and the
// library's types, never written by hand: GET /openapi.json serves it, openapi.json in this folder is
// the same text checked in (TestOpenAPIIsCheckedIn), and the tests' client validates every answer it
// gets, and every request the test double accepts, against it (conforms; TestMain requires every route
// accepted once).
//
// What it says of a body is what the decoder and encoder do: the JSON names of the library's types,
// no property the decoder would refuse (additionalProperties false), dates as "2025-09-15", instants
// as RFC 3339, hours as numbers, enumerations with their texts. No property of a request is marked
// required: the rules, not the decoder, refuse a missing value, with DFDG's codes (a type only
// answered, never sent, requires what its encoder always writes). The operation's x-dfdg-operation
// lists the documented constraints (felter) and codes (koder, afgoer). The decoder is more lenient
// than the description in two ways a client should not rely on: it matches names in any case, as
// encoding/json does, and reads hours sent as a decimal string ("37.5").

// openAPIVersion is the version of the test double's interface, not of DFDG's.
const openAPIVersion = "1.0.0"

var openAPIOnce struct {
	sync.Once
	text []byte
	err  error
}

// openAPIText returns the OpenAPI description as JSON, built once.
func openAPIText() ([]byte, error) {
	openAPIOnce.Do(func() {
		doc, err := describe((&Server{}).table())
		if err != nil {
			openAPIOnce.err = err
			return
		}
		b, err := json.MarshalIndent(doc, "", "  ")
		openAPIOnce.text, openAPIOnce.err = append(b, '\n'), err
	})
	return openAPIOnce.text, openAPIOnce.err
}

func (s *Server) openAPI(*call) (any, error) {
	b, err := openAPIText()
	if err != nil {
		return nil, err
	}
	return staticJSON(b), nil
}

// staticJSON is an answer written as it is: the test double's own text, not a citizen's data, so it
// is not masked (a STAR page id in a source's address has ten digits, as a CPR number has).
type staticJSON []byte

// describe returns the OpenAPI 3.1 document of the routes.
func describe(routes []route) (map[string]any, error) {
	g := &schemas{defs: map[string]any{}, names: map[reflect.Type]string{}, sent: map[reflect.Type]bool{}}
	for _, r := range routes {
		if r.body != nil {
			reach(r.body, g.sent)
		}
	}
	paths := map[string]map[string]any{}
	for _, r := range routes {
		p := strings.TrimSuffix(r.path, "{$}")
		if paths[p] == nil {
			paths[p] = map[string]any{}
		}
		op, err := g.operation(r)
		if err != nil {
			return nil, err
		}
		paths[p][strings.ToLower(r.method)] = op
	}
	afvisning := g.of(reflect.TypeFor[rejection]())
	return map[string]any{
		"openapi": "3.1.0",
		"info": map[string]any{
			"title":   "dfdgsim, a local test double of DFDG",
			"version": openAPIVersion,
			"description": "DFDG's business rules over HTTP (github.com/regelkit/dfdg/examples/dfdgsim). Each operation's " +
				"x-dfdg-operation is its row of the library's operations table: the call STAR documents, the allowed " +
				"organisations, the codes documented and those the test double answers, the request's constraints and the " +
				"sources, with addresses. A rejection is 400 unless another status is named, with DFDG's code where it has one. " +
				"No property of a request is marked required: the rules refuse a missing value, with DFDG's codes.",
		},
		"servers": []any{map[string]any{"url": "http://127.0.0.1:8040"}},
		"paths":   paths,
		"components": map[string]any{
			"schemas": g.defs,
			"responses": map[string]any{
				"Afvisning": map[string]any{
					"description": "A rejection: DFDG's code where it has one, the reason, DFDG's texts and the field",
					"content":     map[string]any{"application/json": map[string]any{"schema": afvisning}},
				},
			},
		},
	}, nil
}

// errorStatuses are the statuses a rejection is answered with: 400 for a rule, 404 for an unknown
// citizen, record or address, 405 for a method, 412 for a repeated x-requestId, 413 for a body over
// the limit, 415 for a body that is not JSON, 507 for a request that would pass the test double's
// limits.
var errorStatuses = []string{"400", "404", "405", "412", "413", "415", "507"}

func (g *schemas) operation(r route) (map[string]any, error) {
	op := map[string]any{"summary": r.summary, "operationId": operationID(r)}
	if r.op != "" {
		o, ok := codelist.OperationNamed(r.op)
		if !ok {
			return nil, fmt.Errorf("route %s %s: no operation %q in the operations table", r.method, r.path, r.op)
		}
		op["description"] = operationText(&o)
		op["x-dfdg-operation"] = o
		op["tags"] = []string{o.Service}
	} else {
		op["tags"] = []string{"dfdgsim"}
	}
	var params []any
	for _, name := range pathParams.FindAllStringSubmatch(r.path, -1) {
		if name[1] == "$" {
			continue
		}
		params = append(params, map[string]any{"name": name[1], "in": "path", "required": true, "schema": map[string]any{"type": "string"}})
	}
	for _, q := range r.query {
		typ := "string"
		if q.integer {
			typ = "integer"
		}
		schema := map[string]any{"type": typ}
		if q.integer {
			schema["minimum"] = 0
		}
		params = append(params, map[string]any{"name": q.name, "in": "query", "required": q.required, "description": q.about, "schema": schema})
	}
	if r.cpr {
		params = append(params, header(HeaderCPR, "the citizen's CPR number (ten digits, with or without a hyphen)", true, nil))
	}
	params = append(params,
		header(HeaderActor, `who acts: "kommune 101", "a-kasse ak-1", "anden aktør 101", "KY", "KSD", "STAR" or "Jobnet" (DFDG takes this from the caller's credentials)`, false, nil),
		header(HeaderRequestID, "the request's id; a repeated one is 412, as DFDG answers", false, map[string]any{"maxLength": maxRequestID}),
		header(HeaderNow, `the request's "now" (RFC 3339), so that a test can play a story in time`, false, map[string]any{"format": "date-time"}))
	op["parameters"] = params
	if r.body != nil {
		op["requestBody"] = map[string]any{"required": true, "content": map[string]any{"application/json": map[string]any{"schema": g.of(r.body)}}}
	}
	responses := map[string]any{"200": map[string]any{
		"description": "the answer",
		"content":     map[string]any{"application/json": map[string]any{"schema": g.of(r.answer)}},
	}}
	for _, status := range errorStatuses {
		responses[status] = map[string]any{"$ref": "#/components/responses/Afvisning"}
	}
	op["responses"] = responses
	return op, nil
}

var pathParams = regexp.MustCompile(`\{([^}]+)\}`)

func header(name, about string, required bool, extra map[string]any) map[string]any {
	schema := map[string]any{"type": "string"}
	for k, v := range extra {
		schema[k] = v
	}
	return map[string]any{"name": name, "in": "header", "required": required, "description": about, "schema": schema}
}

// operationID names the route: its operation's name, with the path's distinguishing words where two
// routes answer one operation, or the method and path for the test double's own.
func operationID(r route) string {
	var b strings.Builder
	if r.op != "" {
		b.WriteString(r.op)
		b.WriteString("_")
	}
	b.WriteString(strings.ToLower(r.method))
	for _, part := range strings.FieldsFunc(r.path, func(c rune) bool { return !('a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9') }) {
		if part == "" || part == "v1" || part == "v2" {
			continue
		}
		b.WriteString(strings.ToUpper(part[:1]) + part[1:])
	}
	if strings.HasSuffix(r.path, "/{$}") {
		b.WriteString("Slash") // the same path with a trailing slash, as STAR writes it
	}
	return b.String()
}

// operationText is the description of a DFDG operation, from its row of the operations table.
func operationText(o *codelist.Operation) string {
	var b strings.Builder
	fmt.Fprintf(&b, "DFDG operation %s (%s)", o.Name, o.Service)
	if o.Call != "" {
		fmt.Fprintf(&b, ", documented as %s", o.Call)
	}
	fmt.Fprintf(&b, "; the library's %s pre-validates it.\n\nAllowed organisations (%s):", o.Entry, o.Matrix)
	for _, g := range o.Access {
		fmt.Fprintf(&b, " %s: %s;", g.Organisation, strings.Join(g.Scopes, " "))
	}
	fmt.Fprintf(&b, "\n\nCodes documented: %s. Answered by the test double: %s.", codes(o.Codes), codes(o.Decided))
	if len(o.Sources) > 0 {
		b.WriteString("\n\nSources:")
		for _, s := range o.Sources {
			fmt.Fprintf(&b, " %s %s;", s.Key, s.Address)
		}
	}
	return b.String()
}

func codes(cs []dfdgerrors.Code) string {
	if len(cs) == 0 {
		return "none"
	}
	out := make([]string, len(cs))
	for i, c := range cs {
		out[i] = c.Error()
	}
	return strings.Join(out, ", ")
}

// rejection is a rejection's JSON as dfdgerrors.Error writes it; TestRejectionIsTheErrorsJSON reads
// an Error's JSON into it strictly, so the two cannot drift.
type rejection struct {
	Code       dfdgerrors.Code `json:"kode,omitempty"`
	Reason     string          `json:"aarsag"`
	Rule       dfdg.RuleID     `json:"regel,omitempty"`
	Text       string          `json:"tekst"`
	TextEN     string          `json:"tekstEn"`
	Field      string          `json:"felt,omitempty"`
	Value      string          `json:"vaerdi,omitempty"`
	Detail     string          `json:"detalje,omitempty"`
	DetailEN   string          `json:"detaljeEn,omitempty"`
	Translated []string        `json:"oversat,omitempty"`
}

// schemas builds the JSON Schemas of Go types, as encoding/json and the library's own marshalers
// write them; a named struct is a component, referred to by name.
type schemas struct {
	defs  map[string]any
	names map[reflect.Type]string
	// sent are the types a request body holds; the others are only answered, and their properties
	// written whatever their value (no omitempty) are required.
	sent map[reflect.Type]bool
}

// reach adds t and the types its values hold to set.
func reach(t reflect.Type, set map[reflect.Type]bool) {
	if set[t] {
		return
	}
	set[t] = true
	switch t.Kind() {
	case reflect.Pointer, reflect.Slice, reflect.Array:
		reach(t.Elem(), set)
	case reflect.Map:
		reach(t.Elem(), set)
	case reflect.Struct:
		for i := range t.NumField() {
			reach(t.Field(i).Type, set)
		}
	}
}

var (
	timeType    = reflect.TypeFor[time.Time]()
	dateType    = reflect.TypeFor[dfdg.Date]()
	decimalType = reflect.TypeFor[decimal.Decimal]()
	ruleSetType = reflect.TypeFor[dfdg.RuleSet]()
	errorType   = reflect.TypeFor[dfdgerrors.Error]()
	rawType     = reflect.TypeFor[json.RawMessage]()
	textType    = reflect.TypeFor[encoding.TextMarshaler]()
)

// of returns the schema of t, or a reference to it.
func (g *schemas) of(t reflect.Type) map[string]any {
	switch t {
	case timeType:
		return map[string]any{"type": "string", "format": "date-time"}
	case dateType:
		return map[string]any{"type": "string", "format": "date"}
	case decimalType:
		return map[string]any{"type": "number"}
	case ruleSetType:
		return map[string]any{"type": "array", "items": map[string]any{"type": "string"}, "description": "ids of the release note's items"}
	case errorType:
		return g.of(reflect.TypeFor[rejection]())
	}
	switch t.Kind() {
	case reflect.Pointer:
		return map[string]any{"anyOf": []any{g.of(t.Elem()), map[string]any{"type": "null"}}}
	case reflect.Slice:
		if t == rawType {
			return map[string]any{}
		}
		return map[string]any{"type": []string{"array", "null"}, "items": g.of(t.Elem())}
	case reflect.Map:
		return map[string]any{"type": []string{"object", "null"}, "additionalProperties": g.of(t.Elem())}
	case reflect.Interface:
		return map[string]any{}
	}
	if t.Implements(textType) {
		s := map[string]any{"type": "string"}
		if texts := enumTexts(t); len(texts) > 0 {
			s["enum"] = texts
		}
		return s
	}
	switch t.Kind() {
	case reflect.Struct:
		return g.object(t)
	case reflect.String:
		return map[string]any{"type": "string"}
	case reflect.Bool:
		return map[string]any{"type": "boolean"}
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		return map[string]any{"type": "integer"}
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		return map[string]any{"type": "integer", "minimum": 0}
	case reflect.Float32, reflect.Float64:
		return map[string]any{"type": "number"}
	}
	panic("dfdgsim: no JSON schema for " + t.String()) // a new kind of field: TestOpenAPIIsCheckedIn finds it
}

// enumTexts returns the texts of an enumeration: an integer type whose MarshalText answers for a
// run of values from 0 and fails after it.
func enumTexts(t reflect.Type) []string {
	var texts []string
	for i := 0; i < 256; i++ {
		v := reflect.New(t).Elem()
		switch t.Kind() {
		case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
			v.SetInt(int64(i))
		case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
			v.SetUint(uint64(i))
		default:
			return nil
		}
		b, err := v.Interface().(encoding.TextMarshaler).MarshalText()
		if err != nil {
			break
		}
		if !slices.Contains(texts, string(b)) {
			texts = append(texts, string(b))
		}
	}
	return texts
}

// object returns a reference to the schema of the struct t, made once.
func (g *schemas) object(t reflect.Type) map[string]any {
	ref := func(name string) map[string]any { return map[string]any{"$ref": "#/components/schemas/" + name} }
	if name, ok := g.names[t]; ok {
		return ref(name)
	}
	if t.Name() == "" {
		return g.properties(t)
	}
	name := componentName(t)
	if g.defs[name] != nil { // another package's type of that name: qualify it ("PlanContract")
		pkg := t.PkgPath()[strings.LastIndex(t.PkgPath(), "/")+1:]
		name = strings.ToUpper(pkg[:1]) + pkg[1:] + name
	}
	for n := 2; g.defs[name] != nil; n++ {
		name = componentName(t) + fmt.Sprint(n)
	}
	g.names[t] = name
	g.defs[name] = map[string]any{} // taken, for a type that refers to itself
	g.defs[name] = g.properties(t)
	return ref(name)
}

// properties is the object schema of the struct t's JSON fields, embedded structs' included.
func (g *schemas) properties(t reflect.Type) map[string]any {
	props := map[string]any{}
	var required []string
	g.fields(t, props, &required)
	s := map[string]any{"type": "object", "properties": props, "additionalProperties": false}
	if len(required) > 0 && !g.sent[t] {
		slices.Sort(required)
		s["required"] = required
	}
	return s
}

func (g *schemas) fields(t reflect.Type, props map[string]any, required *[]string) {
	for i := range t.NumField() {
		f := t.Field(i)
		tag := f.Tag.Get("json")
		if tag == "-" {
			continue
		}
		name, opts, _ := strings.Cut(tag, ",")
		if f.Anonymous && name == "" && f.Type.Kind() == reflect.Struct && !f.Type.Implements(textType) {
			g.fields(f.Type, props, required)
			continue
		}
		if !f.IsExported() {
			continue
		}
		if name == "" {
			name = f.Name
		}
		if !strings.Contains(opts, "omitempty") && !strings.Contains(opts, "omitzero") {
			*required = append(*required, name)
		}
		if strings.Contains(opts, "string") {
			props[name] = map[string]any{"type": "string"}
			continue
		}
		props[name] = g.of(f.Type)
	}
}

// componentName is the component name of a named type: its name, with a generic type's arguments
// by their own names ("Change_Booking").
func componentName(t reflect.Type) string {
	name, args, ok := strings.Cut(t.Name(), "[")
	name = strings.ToUpper(name[:1]) + name[1:] // the test double's own unexported types too ("Rejection")
	if !ok {
		return name
	}
	for _, a := range strings.Split(strings.TrimSuffix(args, "]"), ",") {
		name += "_" + a[strings.LastIndexAny(a, "./")+1:]
	}
	return name
}
