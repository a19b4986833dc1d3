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
// also an error value, so it serves as a sentinel, and so does a Code, for any code DFDG documents
// (with the code it documents for the same condition, codelist.Documented's Also):
//
//	if errors.Is(err, dfdgerrors.ErrPlanTypeMissing) { … }
//	if errors.Is(err, dfdgerrors.Code(110016)) { … }
//
// As finds the *Error in a chain, to read its Kind, Code, Rule, Field, Value and Detail.
//
// A rejection is written one way: its kind, the rule that rejects ("" for plain input validation),
// the JSON path of the offending value and the value, and, where it helps, what was wrong in this
// occurrence in Danish and English:
//
//	return dfdgerrors.New(dfdgerrors.ErrMissingValue, dfdg.Rule1_5, "klientKategori", "0")
//	return dfdgerrors.New(dfdgerrors.ErrInvalidValue, "", "timerPrUge", "-1").
//		WithDetail("timetallet må ikke være negativt", "hours may not be negative")
//
// A rule whose rejection lies on a hot path, or whose values a caller may want, keeps them as the
// exported fields of a Cause of its own (NewCause): the Error is then one allocation, and errors.As
// reaches the values (absence.Overlap, activity.Duplicate, …).
//
// An Error never shows a CPR number: everything it prints (Error, Value, Detail, Danish, English,
// MarshalJSON, and fmt with any verb) passes through dfdg.MaskCPR when it is read, so a number a caller
// put in a value by mistake never reaches a log.
//
// Validation functions return a List of every violation they find. A List is not itself an error:
// List.Err gives one, nil when the list is empty, so that a valid command gives a nil error, and
// errors.Is(list.Err(), kind) asks whether it holds a violation of a kind.
//
// What DFDG's documentation says of each code (its wordings, the pages, why the library does not
// return it) is data in package codelist, beside the operations that answer with it.
package errors

import (
	"fmt"
	"io"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/regelkit/dfdg/internal/mask"
)

// RuleID names an item of the release note, such as "3.1". Package dfdg lists them (dfdg.Rule3_1,
// …); the type is declared here so that an Error can carry it without importing dfdg.
type RuleID string

// Code is a DFDG error code, such as 1003 or 110016. The zero Code means that DFDG documents no code
// for the rejection. A Code is also an error, so that it serves as a sentinel for any code DFDG
// documents, whether or not the library has a Kind for it: errors.Is(err, dfdgerrors.Code(4703))
// matches an *Error with code 4703, and errors.Is(err, dfdgerrors.Code(4405)) matches one with 4405
// or 60007, which DFDG documents for the same condition (see codelist.Documented).
type Code uint32

// Error returns the code in decimal, or the empty string for the zero Code, so that a Code prints
// as its number.
func (c Code) Error() string {
	if c == 0 {
		return ""
	}
	return strconv.FormatUint(uint64(c), 10)
}

// Error is one rejection: which catalogue entry, which rule rejected, where and what was wrong. Make
// one with New (and WithDetail), or with NewCause for a rejection that keeps its values; read it with
// the methods. The zero Error, and a nil *Error, are the catalogue's unknown entry and print as such.
type Error struct {
	kind  Kind
	rule  ruleCode // the rule, when it is an item of the note's form "d.d"; else the cause holds it
	code  Code     // the code DFDG answered with, when it is not the kind's (FromDFDG)
	cause Cause    // where and what: a rule's own Cause (NewCause), or the plain one New makes
}

// New returns the rejection of kind k by rule (a release-note item, or "" for plain input
// validation) of value at field (the JSON path of the offending value, "" for the call as a whole).
// The value is kept as given and masked whenever the Error prints it.
//
//	dfdgerrors.New(dfdgerrors.ErrMissingValue, dfdg.Rule1_5, "klientKategori", "0")
func New(k Kind, rule RuleID, field Path, value string) *Error {
	x := &struct {
		e Error
		p plain
	}{e: Error{kind: k}, p: plain{field: field, value: value}}
	if x.e.rule = encodeRule(rule); x.e.rule == 0 {
		x.p.rule = rule
	}
	x.e.cause = &x.p
	return &x.e
}

// WithDetail sets what was wrong in this occurrence, in Danish and English (which absences overlap,
// the date an entry became inactive), and returns the Error with it: e itself when New made it (call
// it where e is made), and a new Error over e when a rule made e with its own cause (NewCause),
// which it leaves as it is, since a rule may return that one more than once.
func (e *Error) WithDetail(da, en string) *Error {
	if e == nil {
		e = new(Error)
	}
	switch c := e.cause.(type) {
	case *plain:
		c.detail = texts{da, en}
	case *overlay:
		if c.own {
			return e.over(overlay{plain: plain{detail: texts{da, en}}, over: c})
		}
		c.detail = texts{da, en}
	case nil:
		e.cause = &plain{detail: texts{da, en}}
	default:
		return e.over(overlay{plain: plain{detail: texts{da, en}}, over: c})
	}
	return e
}

// WithField moves e to another place: it sets the path and value it names, which take precedence
// over its cause's, and returns the Error with them, as WithDetail does: e itself when New made it,
// a new Error over e when a rule made e with its own cause. A check that reports a rule's rejection
// where the rule did not look (the audit, at a stored record's path) moves the rejection the rule
// returned.
func (e *Error) WithField(field Path, value string) *Error {
	if e == nil {
		e = new(Error)
	}
	switch c := e.cause.(type) {
	case *plain:
		c.field, c.value = field, value
	case *overlay:
		if c.own {
			return e.over(overlay{plain: plain{field: field, value: value}, moved: true, over: c})
		}
		c.field, c.value, c.moved = field, value, true
	case nil:
		e.cause = &plain{field: field, value: value}
	default:
		return e.over(overlay{plain: plain{field: field, value: value}, moved: true, over: c})
	}
	return e
}

// over returns a copy of e whose cause is o, laid over e's own, in one allocation.
func (e *Error) over(o overlay) *Error {
	if e.rule == 0 && o.rule == "" {
		o.rule = e.Rule()
	}
	x := &struct {
		e Error
		o overlay
	}{e: *e, o: o}
	x.e.cause = &x.o
	return &x.e
}

// Kind returns the catalogue entry. errors.Is(err, kind) matches it.
func (e *Error) Kind() Kind {
	if e == nil {
		return 0
	}
	return e.kind
}

// Rule returns the release-note item that rejected, or "" when the rejection is plain input validation
// that no item of the note is about.
func (e *Error) Rule() RuleID {
	if e == nil {
		return ""
	}
	if e.rule != 0 {
		return e.rule.id()
	}
	switch c := e.cause.(type) {
	case *plain:
		return c.rule
	case *overlay:
		return c.rule
	}
	return ""
}

// Field returns where the offending value lies, as a path of JSON names (see Path), masked like
// Value; "" when the rejection is about the call as a whole.
func (e *Error) Field() Path {
	if e == nil || e.cause == nil {
		return ""
	}
	p, _ := e.cause.Where()
	return Path(mask.CPR(string(p)))
}

// Value returns the offending value as text, with anything shaped like a CPR number masked, and cut
// after 200 bytes (maxValue; marked "…"), since a value can be as long as whatever a caller sent.
func (e *Error) Value() string {
	if e == nil || e.cause == nil {
		return ""
	}
	_, v := e.cause.Where()
	// Masked before the cut, so that a number at the cut is masked whole, and after it, since the
	// cut can end a longer run of digits in ten.
	return mask.CPR(shorten(mask.CPR(v), maxValue))
}

// maxValue is the most bytes of an offending value an Error gives.
const maxValue = 200

// shorten cuts s to at most max bytes, at a rune's start, and marks the cut with "…".
func shorten(s string, max int) string {
	if len(s) <= max {
		return s
	}
	for max > 0 && !utf8.RuneStart(s[max]) {
		max--
	}
	return s[:max] + "…"
}

// Detail returns what was wrong in this occurrence, in Danish and English, masked like Value; empty
// texts when the rejection says no more than its kind. WithDetail's texts come before a cause's.
func (e *Error) Detail() (danish, english string) {
	if e == nil || e.cause == nil {
		return "", ""
	}
	da, en := e.cause.Explain()
	return mask.CPR(da), mask.CPR(en)
}

// Code returns the DFDG code of e: the one DFDG answered with for an Error made by FromDFDG, else its
// kind's (0 when DFDG documents none).
func (e *Error) Code() Code {
	if e != nil && e.code != 0 {
		return e.code
	}
	return e.Kind().Code()
}

// Danish returns the Danish text of the rejection: the catalogue text, then the detail when there is
// one. For kinds whose text comes from the release note, Kind.Danish gives the note's text alone.
func (e *Error) Danish() string { da, _ := e.Detail(); return join(e.Kind().Danish(), da) }

// English returns the English text of the rejection, with the detail when there is one.
func (e *Error) English() string { _, en := e.Detail(); return join(e.Kind().English(), en) }

func join(text, detail string) string {
	if detail == "" {
		return text
	}
	return text + ": " + detail
}

// Error returns one line: the code (or the reason when there is no code), the Danish text, then the
// rule and field in brackets, for example
//
//	dfdg 110016: Plantype mangler eller er forkert ved oprettelse af aktivitet for dagpengemodtager [regel 3.1; plan.plantype=ingen plan]
func (e *Error) Error() string {
	var b strings.Builder
	b.WriteString("dfdg ")
	if c := e.Code(); c != 0 {
		b.WriteString(c.Error())
	} else {
		b.WriteString(e.Kind().Reason())
	}
	b.WriteString(": ")
	b.WriteString(e.Danish())
	rule, field := e.Rule(), e.Field()
	if rule != "" || field != "" {
		b.WriteString(" [")
		if rule != "" {
			b.WriteString("regel ")
			b.WriteString(string(rule))
		}
		if field != "" {
			if rule != "" {
				b.WriteString("; ")
			}
			b.WriteString(string(field))
			if v := e.Value(); v != "" {
				b.WriteString("=")
				b.WriteString(v)
			}
		}
		b.WriteString("]")
	}
	// Each part is masked; the whole is too, since parts side by side can make a CPR's shape.
	return mask.CPR(b.String())
}

// Is reports whether target is e's Kind, an *Error of the same Kind, or e's Code (or the code DFDG
// documents for the same condition), so that errors.Is works with the sentinels, another Error and a
// bare code.
func (e *Error) Is(target error) bool {
	switch t := target.(type) {
	case Kind:
		return t == e.Kind()
	case *Error:
		return t != nil && t.Kind() == e.Kind()
	case Code:
		return sameCondition(e.Code(), t)
	}
	return false
}

// Unwrap returns e's cause (see NewCause), so that errors.As reaches the values it keeps; nil when
// e has none (New's plain rejection keeps no values of its own).
func (e *Error) Unwrap() error {
	if e == nil {
		return nil
	}
	switch c := e.cause.(type) {
	case nil, *plain:
		return nil
	case *overlay:
		// Under the overlays, the rule's own cause.
		var inner Cause = c
		for {
			o, ok := inner.(*overlay)
			if !ok {
				return inner
			}
			inner = o.over
		}
	}
	return e.cause
}

// Format writes e as Error does, masked, for every verb (%v, %+v, %#v, %s; %q quotes it), so that no
// verb prints a stored value as it is. It has a value receiver, so an Error value prints alike.
func (e Error) Format(f fmt.State, verb rune) {
	if f == nil {
		return
	}
	s := e.Error()
	if verb == 'q' {
		s = strconv.Quote(s)
	}
	io.WriteString(f, s)
}
