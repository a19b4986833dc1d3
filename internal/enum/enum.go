// Package enum writes and reads the text of the library's small enumerations (a change type, a
// record kind, an actor kind, …), one way for all of them, so that every one answers an unknown value
// alike:
//
//   - String gives the value's name, or "Type(n)" for a value outside the list;
//   - MarshalText writes the name (or the key, where the JSON writes a shorter one) and refuses a
//     value outside the list with ErrInvalidValue at the field's JSON path;
//   - UnmarshalText reads a name, a key or another spelling, and refuses any other text the same way,
//     naming the texts it reads; the empty text is the zero value; a nil pointer is refused.
//
// A Text is a package variable of constant data: it costs nothing at init.
package enum

import (
	"strconv"
	"strings"

	dfdgerrors "github.com/regelkit/dfdg/errors"
)

// Text is the text of an enumeration T whose values are 0 to len(Names)-1.
type Text[T ~uint8] struct {
	Type  string          // the Go type's name, for a value outside the list: "ChangeType(9)"
	Field dfdgerrors.Path // where a value of T lies in a call's JSON
	Rule  dfdgerrors.RuleID
	Names []string   // by value: what String gives, and MarshalText when Keys is nil
	Keys  []string   // by value, when the JSON writes a shorter text than the name
	Other []string   // by value: one more text UnmarshalText reads (an English name)
	Also  [][]string // by value: further spellings UnmarshalText reads (DFDG's ids, English words)
	Fold  bool       // UnmarshalText ignores case
}

// String returns v's name, or "Type(n)" for a value outside the list.
func (t *Text[T]) String(v T) string {
	if int(v) < len(t.Names) {
		return t.Names[v]
	}
	return t.Type + "(" + strconv.Itoa(int(v)) + ")"
}

// Marshal writes v's key (its name when there are no keys), refusing a value outside the list.
func (t *Text[T]) Marshal(v T) ([]byte, error) {
	if int(v) >= len(t.Names) {
		return nil, t.invalid(t.String(v))
	}
	return []byte(t.key(int(v))), nil
}

// Unmarshal reads a name, a key or another spelling into *p; the empty text is the zero value.
func (t *Text[T]) Unmarshal(p *T, b []byte) error {
	if p == nil {
		return NilTarget(t.Type)
	}
	s := string(b)
	if s == "" {
		*p = 0
		return nil
	}
	for i := range t.Names {
		if t.is(t.Names[i], s) || t.is(t.key(i), s) || i < len(t.Other) && t.Other[i] != "" && t.is(t.Other[i], s) {
			*p = T(i)
			return nil
		}
		if i < len(t.Also) {
			for _, a := range t.Also[i] {
				if t.is(a, s) {
					*p = T(i)
					return nil
				}
			}
		}
	}
	return t.invalid(s)
}

func (t *Text[T]) key(i int) string {
	if i < len(t.Keys) {
		return t.Keys[i]
	}
	return t.Names[i]
}

func (t *Text[T]) is(name, s string) bool {
	if t.Fold {
		return strings.EqualFold(name, s)
	}
	return name == s
}

// invalid is the rejection of the text s, or of a value outside the list written as s, naming the
// texts a value of T is written as.
func (t *Text[T]) invalid(s string) *dfdgerrors.Error {
	var known []string
	for i := range t.Names {
		if k := t.key(i); k != "" {
			known = append(known, strconv.Quote(k))
		}
	}
	list := strings.Join(known, ", ")
	return dfdgerrors.New(dfdgerrors.ErrInvalidValue, t.Rule, t.Field, s).
		WithDetail("ukendt værdi; skriv "+list, "unknown value; write "+list)
}

// NilTarget is the rejection of reading a value of the type what (its Go name) into a nil pointer,
// for every UnmarshalText and UnmarshalJSON of the library's types.
func NilTarget(what string) error {
	return dfdgerrors.New(dfdgerrors.ErrInvalidValue, "", "", "").
		WithDetail("kan ikke læse "+what+" ind i en nil-pointer", "cannot read a "+what+" into a nil pointer")
}
