package errors

import (
	"errors"
	"strings"
)

// List is every violation a validation found, in the order it checked them. Validation functions
// (ValidateCreate and the like) return a List; decision functions return only the first violation. An
// empty List means no violation.
//
// A List is not an error, so that a valid command never gives a non-nil error by accident; Err gives
// one.
type List []*Error

// Err returns nil when l is empty, the violation itself when there is one, and otherwise an error
// whose text joins the violations' and that errors.Is and errors.As see through to each of them.
func (l List) Err() error {
	switch len(l) {
	case 0:
		return nil
	case 1:
		return l[0]
	}
	return joined(l)
}

// joined is the error of a List with more than one violation.
type joined []*Error

func (j joined) Error() string {
	parts := make([]string, len(j))
	for i, e := range j {
		parts[i] = e.Error()
	}
	return strings.Join(parts, "; ")
}

func (j joined) Unwrap() []error {
	errs := make([]error, len(j))
	for i, e := range j {
		errs[i] = e
	}
	return errs
}

// Append adds err to l and returns the result: an *Error as it is, every violation err joins (an error
// from List.Err, or any error whose Unwrap gives several), and any other non-nil error as
// ErrInvalidValue with its text as the detail. A nil err leaves l as it is.
func Append(l List, err error) List {
	if err == nil {
		return l // inlined: a check that passes costs its caller no call
	}
	return appendErr(l, err)
}

func appendErr(l List, err error) List {
	switch e := err.(type) {
	case *Error:
		if e == nil {
			return l
		}
		return append(l, e)
	case joined:
		return append(l, e...)
	case interface{ Unwrap() []error }:
		for _, inner := range e.Unwrap() {
			l = Append(l, inner)
		}
		return l
	}
	if e, ok := As(err); ok {
		return append(l, e)
	}
	var j joined
	if errors.As(err, &j) {
		return append(l, j...)
	}
	return append(l, New(ErrInvalidValue, "", "", "").WithDetail(err.Error(), err.Error()))
}
