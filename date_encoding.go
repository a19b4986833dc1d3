package dfdg

import (
	"database/sql/driver"
	"fmt"
	"time"

	dfdgerrors "github.com/regelkit/dfdg/errors"
	"github.com/regelkit/dfdg/internal/enum"
)

// MarshalJSON writes d as "YYYY-MM-DD", and the zero Date as null.
func (d Date) MarshalJSON() ([]byte, error) {
	if d.IsZero() {
		return []byte("null"), nil
	}
	b := make([]byte, 0, 12)
	b = append(b, '"')
	b = d.appendTo(b)
	return append(b, '"'), nil
}

// UnmarshalJSON reads "YYYY-MM-DD" or null (the zero Date). Any other value, the empty string
// included, is an error: a malformed date never becomes the zero Date.
func (d *Date) UnmarshalJSON(b []byte) error {
	if d == nil {
		return enum.NilTarget("Date")
	}
	if string(b) == "null" {
		*d = Date{}
		return nil
	}
	if len(b) < 2 || b[0] != '"' || b[len(b)-1] != '"' {
		return invalidDate(string(b))
	}
	v, err := ParseDate(string(b[1 : len(b)-1]))
	if err != nil {
		return err
	}
	*d = v
	return nil
}

// MarshalText writes d as YYYY-MM-DD, and the zero Date as the empty text, so that a Date serves as a
// map key in JSON and in any text encoding.
func (d Date) MarshalText() ([]byte, error) { return d.AppendFormat(make([]byte, 0, 10)), nil }

// UnmarshalText reads YYYY-MM-DD, or the empty text as the zero Date. Anything else is an error.
func (d *Date) UnmarshalText(b []byte) error {
	if d == nil {
		return enum.NilTarget("Date")
	}
	if len(b) == 0 {
		*d = Date{}
		return nil
	}
	v, err := ParseDate(string(b))
	if err != nil {
		return err
	}
	*d = v
	return nil
}

// Scan implements sql.Scanner. It reads NULL as the zero Date, a string or []byte of the form
// YYYY-MM-DD (a longer value such as "2025-07-01T00:00:00Z" is read by its first ten characters),
// and a time.Time by its year, month and day as the driver gives them, without moving it to
// another zone: a DATE column comes back as midnight UTC of its date.
func (d *Date) Scan(src any) error {
	if d == nil {
		return enum.NilTarget("Date")
	}
	switch v := src.(type) {
	case nil:
		*d = Date{}
		return nil
	case time.Time:
		nd, err := NewDate(v.Date())
		if err != nil {
			return err
		}
		*d = nd
		return nil
	case string:
		return d.scanText(v)
	case []byte:
		return d.scanText(string(v))
	}
	return dfdgerrors.New(dfdgerrors.ErrInvalidDate, "", "dato", fmt.Sprintf("%T", src))
}

func (d *Date) scanText(s string) error {
	if len(s) > 10 && (s[10] == 'T' || s[10] == ' ') {
		s = s[:10]
	}
	v, err := ParseDate(s)
	if err != nil {
		return err
	}
	*d = v
	return nil
}

// Value implements driver.Valuer: "YYYY-MM-DD", or NULL for the zero Date.
func (d Date) Value() (driver.Value, error) {
	if d.IsZero() {
		return nil, nil
	}
	return d.String(), nil
}
