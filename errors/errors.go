// Package errors is the catalogue of the rejections the library's rules give, with DFDG's error codes
// where the release note or DFDG's public documentation gives one, and the Error type that carries them.
//
// Import it under an alias, as Kubernetes code does with its api/errors:
//
//	import dfdgerrors "github.com/regelkit/dfdg/errors"
//
// Every rejection is an *Error. Its Kind names the catalogue entry: a stable reason string that every
// entry has, a DFDG code that only some have (the library never invents a DFDG number), a Danish text
// (the release note's, letter for letter, where the note gives one) and an English text. Each Kind is
// also an error value, so it serves as a sentinel:
//
//	if errors.Is(err, dfdgerrors.ErrPlanTypeMissing) { … }
//	if dfdgerrors.CodeOf(err) == 110016 { … }
//
// An Error never holds a CPR number: every text given to it passes through a filter that masks the
// serial of anything shaped like one (DDMMYY-xxxx).
package errors

import (
	"encoding/json"
	"errors"
	"strconv"
	"strings"
)

// RuleID names an item of the release note, such as "3.1". Package dfdg lists them (dfdg.Rule3_1,
// …); the type is declared here so that an Error can carry it without importing dfdg.
type RuleID string

// Code is a DFDG error code, such as 1003 or 110016. The zero Code means that DFDG documents no code
// for the rejection.
type Code uint32

// String returns the code in decimal, or the empty string for the zero Code.
func (c Code) String() string {
	if c == 0 {
		return ""
	}
	return strconv.FormatUint(uint64(c), 10)
}

// Error is one rejection: which catalogue entry, which rule rejected, and what was wrong.
// Construct one with New and the With methods.
type Error struct {
	// Kind is the catalogue entry. errors.Is(err, Kind) matches it.
	Kind Kind
	// Rule is the release-note item that rejected, or "" when the rejection is plain input
	// validation that no item of the note is about.
	Rule RuleID
	// Field names the offending field of the command or state, in DFDG's Danish terms where DFDG
	// has one (for example "periode.slutdato" or "kontaktgruppe").
	Field string
	// Value is the offending value as text. It is never a CPR number.
	Value string
	// Detail and DetailEN explain this occurrence in Danish and English (which absences overlap, which
	// date an entry became inactive). Either may be empty.
	Detail, DetailEN string
}

// New returns an Error of kind k with nothing else set.
func New(k Kind) *Error { return &Error{Kind: k} }

// WithRule sets the rule that rejected and returns e.
func (e *Error) WithRule(r RuleID) *Error { e.Rule = r; return e }

// WithField sets the offending field and value and returns e. Anything shaped like a CPR number in
// value is masked.
func (e *Error) WithField(field, value string) *Error {
	e.Field, e.Value = field, MaskCPR(value)
	return e
}

// WithDetail sets the Danish and English details and returns e. Anything shaped like a CPR number is
// masked.
func (e *Error) WithDetail(da, en string) *Error {
	e.Detail, e.DetailEN = MaskCPR(da), MaskCPR(en)
	return e
}

// Code returns the DFDG code of e's kind (0 when DFDG documents none).
func (e *Error) Code() Code { return e.Kind.Code() }

// Reason returns the stable library reason of e's kind, such as "PlanTypeMissing".
func (e *Error) Reason() string { return e.Kind.Reason() }

// Danish returns the Danish text of the rejection: the catalogue text, then the detail when there is
// one. For kinds whose text comes from the release note, Kind.Danish gives the note's text alone.
func (e *Error) Danish() string { return join(e.Kind.Danish(), e.Detail) }

// English returns the English text of the rejection, with the detail when there is one.
func (e *Error) English() string { return join(e.Kind.English(), e.DetailEN) }

func join(text, detail string) string {
	if detail == "" {
		return text
	}
	return text + ": " + detail
}

// Error returns one line: the code (or the reason when there is no code), the Danish text, then the
// rule and field in brackets, for example
//
//	dfdg 110016: Plantype mangler eller er forkert ved oprettelse af aktivitet for dagpengemodtager [regel 3.1]
func (e *Error) Error() string {
	var b strings.Builder
	b.WriteString("dfdg ")
	if c := e.Kind.Code(); c != 0 {
		b.WriteString(c.String())
	} else {
		b.WriteString(e.Kind.Reason())
	}
	b.WriteString(": ")
	b.WriteString(e.Danish())
	if e.Rule != "" || e.Field != "" {
		b.WriteString(" [")
		if e.Rule != "" {
			b.WriteString("regel ")
			b.WriteString(string(e.Rule))
		}
		if e.Field != "" {
			if e.Rule != "" {
				b.WriteString("; ")
			}
			b.WriteString(e.Field)
			if e.Value != "" {
				b.WriteString("=")
				b.WriteString(e.Value)
			}
		}
		b.WriteString("]")
	}
	return b.String()
}

// Is reports whether target is e's Kind, or an *Error of the same Kind, so that errors.Is works with
// both the sentinels and another Error.
func (e *Error) Is(target error) bool {
	switch t := target.(type) {
	case Kind:
		return t == e.Kind
	case *Error:
		return t != nil && t.Kind == e.Kind
	}
	return false
}

// errorJSON is the wire form of an Error, as the test double and the scenario runner print it.
type errorJSON struct {
	Code     Code   `json:"code,omitempty"`
	Reason   string `json:"reason"`
	Rule     RuleID `json:"rule,omitempty"`
	Text     string `json:"text"`
	TextEN   string `json:"textEn"`
	Field    string `json:"field,omitempty"`
	Value    string `json:"value,omitempty"`
	Detail   string `json:"detail,omitempty"`
	DetailEN string `json:"detailEn,omitempty"`
}

// MarshalJSON writes e with its code, reason, rule, texts and field. The text is the catalogue text
// (the release note's, verbatim); the detail is beside it.
func (e *Error) MarshalJSON() ([]byte, error) {
	return json.Marshal(errorJSON{
		Code: e.Kind.Code(), Reason: e.Kind.Reason(), Rule: e.Rule,
		Text: e.Kind.Danish(), TextEN: e.Kind.English(),
		Field: e.Field, Value: e.Value, Detail: e.Detail, DetailEN: e.DetailEN,
	})
}

// As returns the first *Error in err's chain.
func As(err error) (*Error, bool) {
	var e *Error
	if errors.As(err, &e) {
		return e, true
	}
	return nil, false
}

// CodeOf returns the DFDG code of the first *Error in err's chain, or 0 when there is none or its kind
// has no DFDG code.
func CodeOf(err error) Code {
	if e, ok := As(err); ok {
		return e.Kind.Code()
	}
	return 0
}

// KindOf returns the Kind of the first *Error in err's chain.
func KindOf(err error) (Kind, bool) {
	if e, ok := As(err); ok {
		return e.Kind, true
	}
	return 0, false
}

// RuleOf returns the rule of the first *Error in err's chain, or "".
func RuleOf(err error) RuleID {
	if e, ok := As(err); ok {
		return e.Rule
	}
	return ""
}

// List is every violation a validation found, in the order it checked them. Validation functions
// (ValidateCreate and the like) return a List; decision functions return only the first violation.
// A nil List means no violation.
type List []*Error

// Err returns l as an error, or nil when l is empty. Use it where an error is wanted: a nil List
// stored in an error interface would not compare equal to nil.
func (l List) Err() error {
	if len(l) == 0 {
		return nil
	}
	return l
}

// Error joins the violations' texts with "; ".
func (l List) Error() string {
	parts := make([]string, len(l))
	for i, e := range l {
		parts[i] = e.Error()
	}
	return strings.Join(parts, "; ")
}

// Unwrap returns the violations, so errors.Is and errors.As look at each of them.
func (l List) Unwrap() []error {
	errs := make([]error, len(l))
	for i, e := range l {
		errs[i] = e
	}
	return errs
}

// Has reports whether l holds a violation of kind k.
func (l List) Has(k Kind) bool {
	for _, e := range l {
		if e.Kind == k {
			return true
		}
	}
	return false
}

// Append adds err to l and returns the result: an *Error as it is, every violation of a List, and any
// other non-nil error as ErrInvalidValue with its text as the detail. A nil err leaves l as it is.
func Append(l List, err error) List {
	if err == nil {
		return l
	}
	var list List
	if errors.As(err, &list) {
		return append(l, list...)
	}
	if e, ok := As(err); ok {
		return append(l, e)
	}
	return append(l, New(ErrInvalidValue).WithDetail(err.Error(), err.Error()))
}
