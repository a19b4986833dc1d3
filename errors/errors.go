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
// An Error says where the offending value lies as a Path in the call's JSON (see Path), and what was
// wrong in Danish and English. It never shows a CPR number: everything it prints (Error, Value, Detail,
// MarshalJSON) passes through MaskCPR when it is read, so a number a caller put in a value by mistake
// never reaches a log.
//
// An Error keeps the values of a rejection as they are (Arg: a text, a number, a date, a period) and
// writes its texts and its path only when they are read, so that a rule's rejection costs one
// allocation, the Error's; a rejection that is the same every time is one shared Error, frozen so
// that the With methods change a copy, and costs none. A rule whose rejection lies on a hot path
// keeps exactly its values in a Detail of its own (NewDetail), which makes that allocation a small
// one. Errors made the same way with the same values are equal under reflect.DeepEqual.
//
// Validation functions return a List of every violation they find. A List is not itself an error:
// List.Err gives one, nil when the list is empty, so that a valid command gives a nil error.
package errors

import (
	"strconv"
	"strings"
	"unicode/utf8"
)

// RuleID names an item of the release note, such as "3.1". Package dfdg lists them (dfdg.Rule3_1,
// …); the type is declared here so that an Error can carry it without importing dfdg.
type RuleID string

// Code is a DFDG error code, such as 1003 or 110016. The zero Code means that DFDG documents no code
// for the rejection. A Code is also an error, so that it serves as a sentinel for any code DFDG
// documents, whether or not the library has a Kind for it: errors.Is(err, dfdgerrors.Code(4703))
// matches an *Error with code 4703, and errors.Is(err, dfdgerrors.Code(4405)) matches one with 4405
// or 60007, which DFDG documents for the same condition (see Documented).
type Code uint32

// String returns the code in decimal, or the empty string for the zero Code.
func (c Code) String() string {
	if c == 0 {
		return ""
	}
	return strconv.FormatUint(uint64(c), 10)
}

// Error returns the code in decimal, as String does.
func (c Code) Error() string { return c.String() }

// Error is one rejection: which catalogue entry, which rule rejected, where and what was wrong. Make
// one with New and the With methods, or with NewDetail; read it with the methods of the same names.
// The zero Error, and a nil *Error, are the catalogue's unknown entry and print as such.
//
// An Error is used through the pointer New and NewDetail return. A copy of an Error value shares
// what the With methods change with the original; Freeze an Error to hand out copies instead.
type Error struct {
	kind   Kind
	frozen bool // shared: the With methods change a copy
	owned  bool // detail is a *general this Error alone may change (a copy of a frozen one shares it)
	code   Code // the code DFDG answered with, when it is not the kind's (FromDFDG)
	rule   RuleID
	detail Detail // where and what; nil: nowhere and nothing
}

// New returns an Error of kind k with nothing else set, and room for what the With methods set, so
// that New and a chain of With methods cost one allocation (WithDetailArgs with more than three
// arguments adds one).
func New(k Kind) *Error {
	x := new(struct {
		e Error
		g general
	})
	x.e = Error{kind: k, owned: true, detail: &x.g}
	return &x.e
}

// Freeze marks e as shared and returns it: the With methods then return a changed copy and leave e
// as it is. A rule returns one frozen Error for a rejection that is the same every time, so that
// rejecting costs no allocation; nothing a caller does with it changes what another caller sees.
func (e *Error) Freeze() *Error {
	e = e.mutable()
	e.frozen = true
	return e
}

// mutable returns e, or a new Error when e is nil, or a copy when e is frozen (which shares e's
// detail until a With method changes it).
func (e *Error) mutable() *Error {
	if e == nil {
		return &Error{}
	}
	if e.frozen {
		c := *e
		c.frozen, c.owned = false, false
		return &c
	}
	return e
}

// WithKind sets the catalogue entry and returns e (a new Error when e is nil, a copy when e is
// frozen): a rule that gives a general check's rejection its own kind keeps the rest, values and
// texts unformatted.
func (e *Error) WithKind(k Kind) *Error {
	e = e.mutable()
	e.kind = k
	return e
}

// WithRule sets the rule that rejected and returns e (a new Error when e is nil, a copy when e is
// frozen).
func (e *Error) WithRule(r RuleID) *Error {
	e = e.mutable()
	e.rule = r
	return e
}

// WithField sets where the offending value lies and the value as text, and returns e (a new Error
// when e is nil, a copy when e is frozen).
func (e *Error) WithField(p Path, value string) *Error { return e.WithFieldArg(p, Text(value)) }

// WithFieldArg is WithField with a value that is formatted only when it is read.
func (e *Error) WithFieldArg(p Path, value Arg) *Error {
	e, g := e.general()
	g.field, g.item, g.child, g.value = p, 0, "", value
	return e
}

// WithItem is WithFieldArg for the field child of item i of the list at list: the path
// list[i].child (list[i] when child is ""), written only when it is read. A negative i is the list
// itself.
func (e *Error) WithItem(list Path, i int, child Path, value Arg) *Error {
	e, g := e.general()
	g.field, g.item, g.child, g.value = list, 0, "", value
	if i >= 0 && i < 1<<31-1 {
		g.item, g.child = int32(i+1), child
	}
	return e
}

// WithDetail sets what was wrong in this occurrence, in Danish and English (which absences overlap,
// the date an entry became inactive), and returns e (a new Error when e is nil, a copy when e is
// frozen).
func (e *Error) WithDetail(da, en string) *Error {
	e, g := e.general()
	g.texts = Texts{da, en}
	g.setArgs(nil)
	return e
}

// WithDetailArgs is WithDetail with texts in which {0} … {5} stand for the arguments, in the order
// given, formatted only when the detail is read: a rejection that names several records then costs
// no more than the Error itself (with up to three arguments; four to six cost an allocation of their
// own). Arguments after the sixth are dropped, and a placeholder without an argument stays as it is.
func (e *Error) WithDetailArgs(da, en string, args ...Arg) *Error {
	e, g := e.general()
	g.texts = Texts{da, en}
	g.setArgs(args)
	return e
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
	return e.rule
}

// Field returns where the offending value lies, as a path of JSON names (see Path); "" when the
// rejection is about the call as a whole.
func (e *Error) Field() Path {
	if e == nil || e.detail == nil {
		return ""
	}
	p, _ := e.detail.Where()
	return p
}

// Value returns the offending value as text, with anything shaped like a CPR number masked, and cut
// after MaxValue bytes (marked "…"), since a value can be as long as whatever a caller sent.
func (e *Error) Value() string {
	if e == nil || e.detail == nil {
		return ""
	}
	_, v := e.detail.Where()
	// Masked before the cut, so that a number at the cut is masked whole, and after it, since the
	// cut can end a longer run of digits in ten.
	return MaskCPR(shorten(MaskCPR(v.String()), MaxValue))
}

// MaxValue is the most bytes of an offending value an Error gives.
const MaxValue = 200

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

// Detail returns what was wrong in this occurrence, in Danish, masked like Value; "" when there is no
// detail.
func (e *Error) Detail() string { return e.detailText(false) }

// DetailEN returns the detail in English, masked like Value.
func (e *Error) DetailEN() string { return e.detailText(true) }

func (e *Error) detailText(english bool) string {
	if e == nil || e.detail == nil {
		return ""
	}
	return MaskCPR(string(e.detail.AppendDetail(nil, english)))
}

// Code returns the DFDG code of e: the one DFDG answered with for an Error made by FromDFDG, else its
// kind's (0 when DFDG documents none).
func (e *Error) Code() Code {
	if e != nil && e.code != 0 {
		return e.code
	}
	return e.Kind().Code()
}

// Reason returns the stable library reason of e's kind, such as "PlanTypeMissing".
func (e *Error) Reason() string { return e.Kind().Reason() }

// Danish returns the Danish text of the rejection: the catalogue text, then the detail when there is
// one. For kinds whose text comes from the release note, Kind.Danish gives the note's text alone.
func (e *Error) Danish() string { return join(e.Kind().Danish(), e.Detail()) }

// English returns the English text of the rejection, with the detail when there is one.
func (e *Error) English() string { return join(e.Kind().English(), e.DetailEN()) }

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
		b.WriteString(c.String())
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
	return MaskCPR(b.String())
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
