package jsonx

import (
	"bytes"
	"encoding"
	"encoding/json"
	"reflect"
	"regexp"
	"slices"
)

// SchemaOptions adjust what Schema writes; every one may be left out.
type SchemaOptions struct {
	// Head holds the fields of the schema's head: $schema, $id, title, description.
	Head map[string]any
	// Special gives the schema of the types it knows, in place of the one Schema would write.
	Special func(reflect.Type) (map[string]any, bool)
	// Field may put another type in place of a struct field's (nil: the field's own).
	Field func(parent reflect.Type, f Field) reflect.Type
	// Object may adjust the schema of a struct.
	Object func(t reflect.Type, schema map[string]any)
}

// Schema returns the JSON Schema (draft 2020-12) of the type root. Every struct is an object of its
// JSON fields and no others; a type that writes itself as text is a string, an enumeration of the texts
// it reads back when it is a small integer type; o adjusts the rest.
func Schema(root reflect.Type, o SchemaOptions) []byte {
	g := &schemaGen{defs: map[string]any{}, o: o}
	s := g.object(root)
	for k, v := range o.Head {
		s[k] = v
	}
	s["$defs"] = g.defs
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	_ = enc.Encode(s) // maps of strings, slices and bools: it cannot fail
	return b.Bytes()
}

type schemaGen struct {
	defs map[string]any
	o    SchemaOptions
}

var (
	textMarshaler   = reflect.TypeFor[encoding.TextMarshaler]()
	jsonMarshaler   = reflect.TypeFor[json.Marshaler]()
	genericArgs     = regexp.MustCompile(`[\w./-]+\.`)
	notIdentifier   = regexp.MustCompile(`[^A-Za-z0-9]+`)
	maxEnumeration  = 1024
	enumerableKinds = []reflect.Kind{reflect.Uint8, reflect.Uint16, reflect.Int}
)

func (g *schemaGen) own(t reflect.Type) (map[string]any, bool) {
	if g.o.Special != nil {
		if s, ok := g.o.Special(t); ok {
			return s, true
		}
	}
	if t.Implements(textMarshaler) && !t.Implements(jsonMarshaler) {
		return map[string]any{"type": "string", "enum": enumOf(t)}, true
	}
	return nil, false
}

// enumOf lists the texts a small enumerated type writes, each one it also reads back.
func enumOf(t reflect.Type) []string {
	if !slices.Contains(enumerableKinds, t.Kind()) {
		return nil
	}
	var out []string
	for n := range maxEnumeration {
		v := reflect.New(t).Elem()
		if t.Kind() == reflect.Int {
			v.SetInt(int64(n))
		} else {
			v.SetUint(uint64(n))
		}
		b, err := v.Interface().(encoding.TextMarshaler).MarshalText()
		if err != nil || slices.Contains(out, string(b)) {
			continue
		}
		back := reflect.New(t)
		if back.Interface().(encoding.TextUnmarshaler).UnmarshalText(b) == nil && back.Elem().Equal(v) {
			out = append(out, string(b))
		}
	}
	return out
}

// ref puts t's schema among the definitions and returns a reference to it.
func (g *schemaGen) ref(t reflect.Type) string {
	name := notIdentifier.ReplaceAllString(genericArgs.ReplaceAllString(t.Name(), ""), "_")
	if _, done := g.defs[name]; !done {
		g.defs[name] = true // a placeholder, for recursive types
		if s, ok := g.own(t); ok {
			g.defs[name] = s
		} else {
			g.defs[name] = g.object(t)
		}
	}
	return "#/$defs/" + name
}

func (g *schemaGen) of(t reflect.Type) map[string]any {
	if s, ok := g.own(t); ok && t.Kind() != reflect.Struct {
		return s
	}
	switch t.Kind() {
	case reflect.Pointer:
		return g.of(t.Elem())
	case reflect.Struct:
		if t.NumField() == 0 {
			return map[string]any{"type": "object", "additionalProperties": false}
		}
		return map[string]any{"$ref": g.ref(t)}
	case reflect.Slice, reflect.Array:
		return map[string]any{"type": []string{"array", "null"}, "items": g.of(t.Elem())}
	case reflect.Map:
		return map[string]any{"type": "object", "additionalProperties": g.of(t.Elem())}
	case reflect.String:
		return map[string]any{"type": "string"}
	case reflect.Bool:
		return map[string]any{"type": "boolean"}
	case reflect.Float32, reflect.Float64:
		return map[string]any{"type": "number"}
	case reflect.Interface:
		return map[string]any{}
	}
	return map[string]any{"type": "integer"}
}

// object is the schema of a struct: its JSON fields and no others.
func (g *schemaGen) object(t reflect.Type) map[string]any {
	props := map[string]any{}
	for _, f := range Fields(t) {
		ft := f.Type
		if g.o.Field != nil {
			if other := g.o.Field(t, f); other != nil {
				ft = other
			}
		}
		props[f.Name] = g.of(ft)
	}
	s := map[string]any{"type": "object", "additionalProperties": false, "properties": props}
	if g.o.Object != nil {
		g.o.Object(t, s)
	}
	return s
}
