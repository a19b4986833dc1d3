package dfdg

import (
	"crypto/rand"
	"encoding/binary"
	"fmt"
	"log/slog"
	"time"

	"github.com/regelkit/dfdg/internal/mask"

	dfdgerrors "github.com/regelkit/dfdg/errors"
	"github.com/regelkit/dfdg/internal/enum"
)

// CPR is a Danish personal identification number (personnummer), DDMMYY-SSSS. The zero CPR is "no
// number".
//
// A CPR masks its serial wherever it is printed: String, every fmt verb, JSON and text encoding and
// slog all give DDMMYY-xxxx. Only Unmasked gives the whole number, so that one never reaches a log or
// an error by accident. JSON therefore does not round-trip a CPR: marshalling masks it, and
// unmarshalling needs the whole number.
//
// The number is not kept as its digits either: fmt prints a CPR held in a caller's unexported struct
// field by reflection, without calling Format, so a CPR holds the number scrambled with a key drawn
// when the program starts. Such a field prints as a number that means nothing outside the process.
// CPRs compare with == and serve as map keys within a program; to store one, store Unmasked.
type CPR struct {
	v uint64 // (the number | present) ^ cprKey; 0 for the zero CPR
}

// present marks a number, so that no number scrambles to 0, the zero CPR: cprKey has the top bit set.
const present = 1 << 40

// cprKey scrambles the numbers of this process.
var cprKey = func() uint64 {
	var b [8]byte
	_, _ = rand.Read(b[:]) // since Go 1.24 it never fails, and always fills b
	return binary.LittleEndian.Uint64(b[:]) | 1<<63
}()

// number returns the CPR number as an integer, DDMMYYSSSS.
func (c CPR) number() uint64 { return (c.v ^ cprKey) &^ present }

// ParseCPR parses a CPR number as DFDG's services read one, by the pattern their documentation gives
// for PersonCivilRegistrationIdentifier: ten digits whose first four are a day and a month that exist
// in some year (31 only in the months that have it, 29 February whatever the year), or 0000000000,
// which DFDG takes where a CPR number is required but unknown. The number may also be written
// DDMMYY-SSSS. Like DFDG, it never checks modulus 11: the CPR office has issued numbers without it
// since 2007, and they are fully valid. A number the pattern refuses is DFDG error 1001 "Ugyldigt
// cpr-nummer"; the error does not repeat the number.
//
// BirthDate reads the date with the CPR office's century table; for the few numbers the pattern
// lets through that name no date (0000000000, 29 February of a year that is not a leap year) it is
// the zero Date.
func ParseCPR(s string) (CPR, error) {
	switch {
	case len(s) == 10:
	case len(s) == 11 && s[6] == '-':
		s = s[:6] + s[7:]
	default:
		return CPR{}, invalidCPR()
	}
	var n uint64
	for i := 0; i < 10; i++ {
		b := s[i]
		if b < '0' || b > '9' {
			return CPR{}, invalidCPR()
		}
		n = n*10 + uint64(b-'0')
	}
	if n != 0 && !dayOfSomeYear(int(s[0]-'0')*10+int(s[1]-'0'), int(s[2]-'0')*10+int(s[3]-'0')) {
		return CPR{}, invalidCPR()
	}
	return CPR{v: (n | present) ^ cprKey}, nil
}

// dayOfSomeYear reports whether day and month make a date in some year: DFDG's pattern.
func dayOfSomeYear(day, month int) bool {
	if month < 1 || month > 12 || day < 1 {
		return false
	}
	return day <= [...]int{31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31}[month-1]
}

// MustParseCPR is like ParseCPR but panics on a malformed number; for tests and examples.
func MustParseCPR(s string) CPR {
	c, err := ParseCPR(s)
	if err != nil {
		panic(err)
	}
	return c
}

// MaskCPR returns s with the serial of everything shaped like a CPR number masked: ten digits, not part
// of a longer run of digits, written together (0707614321), or in groups split after the second,
// fourth or sixth digit by one to three separators people type or paste: any space (no-break, narrow,
// thin, figure, en, ideographic, …), a zero-width space, word joiner or byte-order mark, a hyphen or
// any dash (en dash, figure dash, horizontal bar, minus, soft hyphen, small and fullwidth
// hyphen-minus, …), a slash or a full stop. The serial may be split in two by spaces too, when the
// date is split from it by spaces (07 07 61 43 21, 070761 43 21): that way a timestamp such as
// 2010-09-15 11:00 keeps its shape. Fullwidth digits (０７０７６１…) count as digits. So 070761-4321,
// 070761 4321, 07-07-61-4321 and 07.07.61-4321 all come back with their last four digits as x (a
// fullwidth digit as a fullwidth x), separators kept, at the same length in bytes.
//
// What it deliberately does not mask: ten digits inside a longer run of digits (an account number,
// 12070761432100, is no CPR), groups split elsewhere (070 761 4321), four or more separators in a
// row, and digits of other scripts.
//
// The library runs every text an error of package errors gives through it, so that a CPR number a caller put in a value
// by mistake never reaches a log. It masks anything of that shape, a CPR number or not, and masks
// until nothing of that shape is left: masking a serial can end a longer run of digits, and what
// stands before it may then have a CPR's shape (in "0000 0000000000" it does), so that
// MaskCPR(MaskCPR(s)) == MaskCPR(s) and a log scanner that reads the result finds nothing.
func MaskCPR(s string) string { return mask.CPR(s) }

func invalidCPR() error { return dfdgerrors.New(dfdgerrors.ErrInvalidCPR, "", "cpr", "") }

// digits returns the number's ten ASCII digits.
func (c CPR) digits() [10]byte {
	var d [10]byte
	n := c.number()
	for i := 9; i >= 0; i-- {
		d[i] = byte('0' + n%10)
		n /= 10
	}
	return d
}

func (c CPR) digit(i int) int {
	n := c.number()
	for range 9 - i {
		n /= 10
	}
	return int(n % 10)
}

// IsZero reports whether c is the zero CPR.
func (c CPR) IsZero() bool { return c.v == 0 }

// BirthDate returns the birth date c encodes, with the century from the seventh digit (see
// ParseCPR). It returns the zero Date for the zero CPR and for a number that names no date
// (0000000000, 29 February of a year that is not a leap year).
func (c CPR) BirthDate() Date {
	if c.IsZero() {
		return Date{}
	}
	day := c.digit(0)*10 + c.digit(1)
	month := c.digit(2)*10 + c.digit(3)
	yy := c.digit(4)*10 + c.digit(5)
	year := centuryOf(c.digit(6), yy) + yy
	d, err := NewDate(year, time.Month(month), day)
	if err != nil {
		return Date{}
	}
	return d
}

// centuryOf applies the CPR office's century table (testdata/cpr_century.csv).
func centuryOf(digit7, yy int) int {
	switch {
	case digit7 <= 3:
		return 1900
	case digit7 == 4 || digit7 == 9:
		if yy <= 36 {
			return 2000
		}
		return 1900
	default: // 5–8
		if yy <= 57 {
			return 2000
		}
		return 1800
	}
}

// Gender is the legal gender a CPR number encodes in its last digit.
type Gender uint8

const (
	// Female is an even last digit.
	Female Gender = iota + 1
	// Male is an odd last digit.
	Male
)

// String returns "kvinde" or "mand".
func (g Gender) String() string {
	switch g {
	case Female:
		return "kvinde"
	case Male:
		return "mand"
	}
	return ""
}

// Gender returns the gender of the last digit: odd is Male, even is Female; 0 for the zero CPR.
// The CPR office issues a new number on a change of legal gender.
func (c CPR) Gender() Gender {
	if c.IsZero() {
		return 0
	}
	if c.digit(9)%2 == 1 {
		return Male
	}
	return Female
}

// Modulus11 reports whether c passes the modulus 11 check (weights 4,3,2,7,6,5,4,3,2,1). It is
// information only: numbers issued since 2007 may fail it and are valid.
func (c CPR) Modulus11() bool {
	if c.IsZero() {
		return false
	}
	w := [10]int{4, 3, 2, 7, 6, 5, 4, 3, 2, 1}
	sum := 0
	for i, x := range w {
		sum += x * c.digit(i)
	}
	return sum%11 == 0
}

// String returns c masked, DDMMYY-xxxx, or "" for the zero CPR.
func (c CPR) String() string {
	if c.IsZero() {
		return ""
	}
	d := c.digits()
	b := [11]byte{d[0], d[1], d[2], d[3], d[4], d[5], '-', 'x', 'x', 'x', 'x'}
	return string(b[:])
}

// Unmasked returns the whole number, DDMMYYSSSS. Call it only where the number must leave the
// program, such as the x-civilRegistrationIdentifier header of a DFDG call.
func (c CPR) Unmasked() string {
	if c.IsZero() {
		return ""
	}
	d := c.digits()
	return string(d[:])
}

// Format prints c masked for every verb, %#v and %x included.
func (c CPR) Format(f fmt.State, verb rune) {
	if f == nil {
		return
	}
	if verb == 'v' && f.Flag('#') {
		fmt.Fprint(f, c.GoString())
		return
	}
	fmt.Fprint(f, c.String())
}

// GoString returns c masked.
func (c CPR) GoString() string { return `dfdg.CPR("` + c.String() + `")` }

// LogValue gives slog the masked number.
func (c CPR) LogValue() slog.Value { return slog.StringValue(c.String()) }

// MarshalText writes c masked, so JSON and other text encodings never hold the whole number.
func (c CPR) MarshalText() ([]byte, error) { return []byte(c.String()), nil }

// UnmarshalText parses a whole CPR number (a masked one is an error). The empty text is the zero CPR.
func (c *CPR) UnmarshalText(b []byte) error {
	if c == nil {
		return enum.NilTarget("CPR")
	}
	if len(b) == 0 {
		*c = CPR{}
		return nil
	}
	v, err := ParseCPR(string(b))
	if err != nil {
		return err
	}
	*c = v
	return nil
}
