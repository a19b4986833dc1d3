package scenario

import (
	"bytes"
	"encoding"
	"encoding/json"
	"fmt"
	"maps"
	"reflect"
	"slices"
	"strconv"
	"strings"
)

// decodeStrict decodes JSON into dst, rejecting unknown fields and values of the wrong type, and
// naming the path of the offending field in every error ("given.kontaktgrupper[0].start"). A key given
// as null for a pointer field makes the pointer non-nil and its value zero, so that "present" and
// "absent" differ: "slut": null in an expectation means "expect no end".
func decodeStrict(data []byte, dst any) error {
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.UseNumber()
	var v any
	if err := dec.Decode(&v); err != nil {
		return &FieldError{Err: fmt.Errorf("not valid JSON: %w", err)}
	}
	if dec.More() {
		return &FieldError{Err: fmt.Errorf("not valid JSON: data after the end")}
	}
	return decodeValue(v, reflect.ValueOf(dst).Elem(), "")
}

// FieldError is a value that does not fit the format, at a path such as "when.opretFrist.fristdato".
type FieldError struct {
	Path string
	Err  error
}

func (e *FieldError) Error() string {
	if e.Path == "" {
		return e.Err.Error()
	}
	return e.Path + ": " + e.Err.Error()
}

func (e *FieldError) Unwrap() error { return e.Err }

func fieldErr(path string, format string, a ...any) error {
	return &FieldError{Path: path, Err: fmt.Errorf(format, a...)}
}

var (
	jsonUnmarshaler = reflect.TypeFor[json.Unmarshaler]()
	textUnmarshaler = reflect.TypeFor[encoding.TextUnmarshaler]()
)

func decodeValue(v any, dst reflect.Value, path string) error {
	if dst.Kind() == reflect.Pointer {
		if dst.IsNil() {
			dst.Set(reflect.New(dst.Type().Elem()))
		}
		if v == nil {
			return nil
		}
		return decodeValue(v, dst.Elem(), path)
	}
	if dst.CanAddr() && dst.Addr().Type().Implements(jsonUnmarshaler) {
		raw, err := json.Marshal(v)
		if err != nil {
			return fieldErr(path, "%v", err)
		}
		if err := dst.Addr().Interface().(json.Unmarshaler).UnmarshalJSON(raw); err != nil {
			return fieldErr(path, "%s: %v", string(raw), err)
		}
		return nil
	}
	if dst.CanAddr() && dst.Addr().Type().Implements(textUnmarshaler) {
		s, ok := v.(string)
		if !ok {
			return fieldErr(path, "expected a string, got %s", kindOf(v))
		}
		if err := dst.Addr().Interface().(encoding.TextUnmarshaler).UnmarshalText([]byte(s)); err != nil {
			return fieldErr(path, "%q: %v", s, err)
		}
		return nil
	}
	if v == nil {
		dst.SetZero()
		return nil
	}
	switch dst.Kind() {
	case reflect.Struct:
		obj, ok := v.(map[string]any)
		if !ok {
			return fieldErr(path, "expected an object, got %s", kindOf(v))
		}
		fields := structFields(dst.Type())
		for _, key := range slices.Sorted(maps.Keys(obj)) {
			val := obj[key]
			i, ok := fields[key]
			if !ok {
				return fieldErr(join(path, key), "unknown field (known: %s)", knownFields(dst.Type()))
			}
			if err := decodeValue(val, dst.Field(i), join(path, key)); err != nil {
				return err
			}
		}
		return nil
	case reflect.Slice:
		arr, ok := v.([]any)
		if !ok {
			return fieldErr(path, "expected an array, got %s", kindOf(v))
		}
		s := reflect.MakeSlice(dst.Type(), len(arr), len(arr))
		for i, el := range arr {
			if err := decodeValue(el, s.Index(i), path+"["+strconv.Itoa(i)+"]"); err != nil {
				return err
			}
		}
		dst.Set(s)
		return nil
	case reflect.String:
		s, ok := v.(string)
		if !ok {
			return fieldErr(path, "expected a string, got %s", kindOf(v))
		}
		dst.SetString(s)
		return nil
	case reflect.Bool:
		b, ok := v.(bool)
		if !ok {
			return fieldErr(path, "expected true or false, got %s", kindOf(v))
		}
		dst.SetBool(b)
		return nil
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		n, ok := v.(json.Number)
		if !ok {
			return fieldErr(path, "expected a whole number, got %s", kindOf(v))
		}
		i, err := strconv.ParseInt(string(n), 10, dst.Type().Bits())
		if err != nil {
			return fieldErr(path, "expected a whole number, got %s", n)
		}
		dst.SetInt(i)
		return nil
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		n, ok := v.(json.Number)
		if !ok {
			return fieldErr(path, "expected a whole number, got %s", kindOf(v))
		}
		i, err := strconv.ParseUint(string(n), 10, dst.Type().Bits())
		if err != nil {
			return fieldErr(path, "expected a whole number from 0, got %s", n)
		}
		dst.SetUint(i)
		return nil
	}
	return fieldErr(path, "cannot hold a value of Go type %s", dst.Type())
}

func structFields(t reflect.Type) map[string]int {
	m := make(map[string]int, t.NumField())
	for i := range t.NumField() {
		f := t.Field(i)
		if name := jsonName(f); name != "" {
			m[name] = i
		}
	}
	return m
}

func jsonName(f reflect.StructField) string {
	if !f.IsExported() {
		return ""
	}
	name, _, _ := strings.Cut(f.Tag.Get("json"), ",")
	if name == "-" {
		return ""
	}
	if name == "" {
		return f.Name
	}
	return name
}

func knownFields(t reflect.Type) string {
	var names []string
	for i := range t.NumField() {
		if n := jsonName(t.Field(i)); n != "" {
			names = append(names, n)
		}
	}
	return strings.Join(names, ", ")
}

func join(path, key string) string {
	if path == "" {
		return key
	}
	return path + "." + key
}

func kindOf(v any) string {
	switch x := v.(type) {
	case nil:
		return "null"
	case string:
		return strconv.Quote(x)
	case json.Number:
		return "the number " + string(x)
	case bool:
		return strconv.FormatBool(x)
	case []any:
		return "an array"
	case map[string]any:
		return "an object"
	}
	return fmt.Sprintf("%T", v)
}

func jsonUnmarshal(data []byte, v any) error { return json.Unmarshal(data, v) }
