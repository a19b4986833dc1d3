package errors

import "errors"

// As returns the first *Error in err's chain, as errors.As finds it, but without the allocation
// errors.As costs its target.
func As(err error) (*Error, bool) {
	for {
		switch e := err.(type) {
		case nil:
			return nil, false
		case *Error:
			return e, e != nil
		case joined:
			for _, t := range e {
				if t != nil {
					return t, true
				}
			}
			return nil, false
		case interface{ As(any) bool }:
			var t *Error
			if errors.As(err, &t) && t != nil {
				return t, true
			}
			return nil, false
		case interface{ Unwrap() error }:
			err = e.Unwrap()
		case interface{ Unwrap() []error }:
			for _, inner := range e.Unwrap() {
				if t, ok := As(inner); ok {
					return t, true
				}
			}
			return nil, false
		default:
			return nil, false
		}
	}
}
