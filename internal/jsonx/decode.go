// Package jsonx is the JSON tooling that lets the scenario runner and the test double read and check
// the library's own types, with no copy of them:
//
//   - Decode reads JSON into a type as encoding/json does, but strictly and with the path of every
//     error: a field the Go type does not have is an error, and an error names where in the document
//     it is ("scenarier[2].given.borger.kontaktgrupper[0].kontaktgruppeType");
//   - Match compares an expectation, a value's JSON in part, with the value's JSON;
//   - Schema writes the JSON Schema of a type.
package jsonx

import (
	"bytes"
	"encoding"
	"encoding/json"
	"errors"
	"reflect"
	"sort"
	"strconv"
	"strings"

	"github.com/regelkit/dfdg"
)

// Error is a decoding error at a path of the document.
type Error struct {
	Path string // "" for the document as a whole
	Err  error
}

// Error returns the path and what was wrong, masked (see dfdg.MaskCPR): a decoder's own error
// can repeat the value as it was sent.
func (e *Error) Error() string {
	if e.Path == "" {
		return dfdg.MaskCPR(e.Err.Error())
	}
	return dfdg.MaskCPR(e.Path + ": " + e.Err.Error())
}

func (e *Error) Unwrap() error { return e.Err }

// Decode decodes the one JSON value in data into v, a non-nil pointer. It rejects a field v's type does
// not have, trailing data, and every value encoding/json would reject, each as an *Error with its path.
func Decode(data []byte, v any) error {
	raw, err := Parse(data)
	if err != nil {
		return err
	}
	rv := reflect.ValueOf(v)
	if rv.Kind() != reflect.Pointer || rv.IsNil() {
		return &Error{Err: errors.New("jsonstrict: Decode needs a non-nil pointer")}
	}
	if err := Check(raw, rv.Type().Elem(), ""); err != nil {
		return err
	}
	if err := json.Unmarshal(data, v); err != nil {
		return &Error{Err: err}
	}
	return nil
}

// Parse reads the one JSON value in data as encoding/json's generic values (maps, slices, strings,
// json.Number, bools, nil).
func Parse(data []byte) (any, error) {
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.UseNumber()
	var raw any
	if err := dec.Decode(&raw); err != nil {
		return nil, &Error{Err: err}
	}
	if dec.More() {
		return nil, &Error{Err: errors.New("more than one JSON value")}
	}
	return raw, nil
}

// fieldwise reports whether t's UnmarshalJSON reads its fields as encoding/json would, only checking
// one more closely (dfdg.Activity's hours): Check walks the fields of such a type, strictly and with
// paths, instead of taking it whole.
func fieldwise(t reflect.Type) bool { return t == reflect.TypeFor[dfdg.Activity]() }

var (
	jsonUnmarshaler = reflect.TypeFor[json.Unmarshaler]()
	textUnmarshaler = reflect.TypeFor[encoding.TextUnmarshaler]()
)

// Check reports whether the generic value raw (as Parse gives it) decodes into a value of type t, with
// the errors Decode gives; path is raw's place in the document.
func Check(raw any, t reflect.Type, path string) error {
	if (reflect.PointerTo(t).Implements(jsonUnmarshaler) || reflect.PointerTo(t).Implements(textUnmarshaler)) && !fieldwise(t) {
		return decodeLeaf(raw, t, path)
	}
	switch t.Kind() {
	case reflect.Pointer:
		if raw == nil {
			return nil
		}
		return Check(raw, t.Elem(), path)
	case reflect.Interface:
		return nil
	case reflect.Struct:
		if raw == nil {
			return nil
		}
		obj, ok := raw.(map[string]any)
		if !ok {
			return &Error{Path: path, Err: errors.New("want an object, got " + describe(raw))}
		}
		fields := Fields(t)
		for _, key := range sortedKeys(obj) {
			f, ok := lookup(fields, key)
			if !ok {
				return &Error{Path: join(path, key), Err: errors.New("unknown field (known: " + strings.Join(names(fields), ", ") + ")")}
			}
			if err := Check(obj[key], f.Type, join(path, key)); err != nil {
				return err
			}
		}
		return nil
	case reflect.Slice, reflect.Array:
		if raw == nil || t.Elem().Kind() == reflect.Uint8 {
			return decodeLeaf(raw, t, path)
		}
		list, ok := raw.([]any)
		if !ok {
			return &Error{Path: path, Err: errors.New("want a list, got " + describe(raw))}
		}
		for i, item := range list {
			if err := Check(item, t.Elem(), path+"["+strconv.Itoa(i)+"]"); err != nil {
				return err
			}
		}
		return nil
	case reflect.Map:
		obj, ok := raw.(map[string]any)
		if !ok || t.Key().Kind() != reflect.String {
			return decodeLeaf(raw, t, path)
		}
		for _, key := range sortedKeys(obj) {
			if err := Check(obj[key], t.Elem(), join(path, key)); err != nil {
				return err
			}
		}
		return nil
	}
	return decodeLeaf(raw, t, path)
}

// decodeLeaf decodes raw into a new value of type t, with encoding/json's own rules and the value's own
// UnmarshalJSON or UnmarshalText.
func decodeLeaf(raw any, t reflect.Type, path string) error {
	b, err := json.Marshal(raw)
	if err != nil {
		return &Error{Path: path, Err: err}
	}
	dec := json.NewDecoder(bytes.NewReader(b))
	dec.DisallowUnknownFields()
	if err := dec.Decode(reflect.New(t).Interface()); err != nil {
		var te *json.UnmarshalTypeError
		if errors.As(err, &te) {
			err = errors.New("want " + te.Type.String() + ", got " + describe(raw))
		}
		return &Error{Path: path, Err: err}
	}
	return nil
}

// Field is a field of a struct as JSON sees it.
type Field struct {
	Name string
	Type reflect.Type
}

// Fields returns the fields of struct type t as encoding/json names them, with those of embedded
// structs in their place, in order.
func Fields(t reflect.Type) []Field {
	var out []Field
	for i := range t.NumField() {
		f := t.Field(i)
		tag := f.Tag.Get("json")
		if tag == "-" {
			continue
		}
		name, _, _ := strings.Cut(tag, ",")
		ft := f.Type
		if f.Anonymous && name == "" {
			if ft.Kind() == reflect.Pointer {
				ft = ft.Elem()
			}
			if ft.Kind() == reflect.Struct {
				out = append(out, Fields(ft)...)
				continue
			}
		}
		if !f.IsExported() {
			continue
		}
		if name == "" {
			name = f.Name
		}
		out = append(out, Field{Name: name, Type: f.Type})
	}
	return out
}

// lookup finds key among fields as encoding/json does: the exact name, else one that differs only in
// case.
func lookup(fields []Field, key string) (Field, bool) {
	for _, f := range fields {
		if f.Name == key {
			return f, true
		}
	}
	for _, f := range fields {
		if strings.EqualFold(f.Name, key) {
			return f, true
		}
	}
	return Field{}, false
}

func names(fields []Field) []string {
	out := make([]string, len(fields))
	for i, f := range fields {
		out[i] = f.Name
	}
	return out
}

func sortedKeys(m map[string]any) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

func join(path, key string) string {
	if path == "" {
		return key
	}
	return path + "." + key
}

// describe names the JSON type of a generic value, for an error.
func describe(raw any) string {
	switch v := raw.(type) {
	case nil:
		return "null"
	case string:
		return "the string " + strconv.Quote(v)
	case json.Number:
		return "the number " + v.String()
	case bool:
		return "a boolean"
	case []any:
		return "a list"
	case map[string]any:
		return "an object"
	}
	return "a value"
}
