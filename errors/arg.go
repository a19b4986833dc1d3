package errors

import (
	"strconv"
	"strings"
)

// Arg is a value an Error keeps as it is and turns into text only when the text is read (Error,
// Value, Detail, MarshalJSON), so that a rejection costs one allocation, the Error's, however much its
// texts say. Make one with Text, Int or Formatted; the zero Arg is the empty text.
//
// An Arg is a plain value: two Errors with the same arguments are equal under reflect.DeepEqual, so
// that tests can compare rejections whole.
type Arg struct {
	s      string
	n      int64
	format Formatter
}

// Formatter writes the text of an Arg made by Formatted: it appends it to b, from the Arg's s and n,
// and returns the result, without keeping b. Rules pass a zero-size type, which costs no
// allocation as a Formatter.
type Formatter interface {
	AppendArg(b []byte, s string, n int64) []byte
}

// Text is the Arg of a text, such as an id.
func Text(s string) Arg { return Arg{s: s} }

// Int is the Arg of a whole number, such as a code.
func Int(n int) Arg { return Arg{n: int64(n), format: decimal{}} }

// decimal writes n in decimal.
type decimal struct{}

func (decimal) AppendArg(b []byte, _ string, n int64) []byte { return strconv.AppendInt(b, n, 10) }

// Formatted is the Arg of a value that f turns into text from s and n when it is read: package dfdg
// makes dates and periods this way (a period's two days packed in n), without allocating.
func Formatted(f Formatter, s string, n int64) Arg {
	return Arg{s: s, n: n, format: f}
}

// AppendTo appends a's text to b, unmasked.
func (a Arg) AppendTo(b []byte) []byte {
	if a.format == nil {
		return append(b, a.s...)
	}
	return a.format.AppendArg(b, a.s, a.n)
}

// String returns a's text, unmasked.
func (a Arg) String() string {
	if a.format == nil {
		return a.s
	}
	var buf [64]byte
	return string(a.AppendTo(buf[:0]))
}

// MarshalText writes a's text, masked like every text of an Error.
func (a Arg) MarshalText() ([]byte, error) { return []byte(MaskCPR(a.String())), nil }

// UnmarshalText reads a text as Text does.
func (a *Arg) UnmarshalText(b []byte) error {
	if a == nil {
		return New(ErrInvalidValue).WithDetail("kan ikke læse ind i en nil-pointer", "cannot read into a nil pointer")
	}
	*a = Text(string(b))
	return nil
}

// maxArgs is the most arguments a detail takes.
const maxArgs = 6

// AppendTemplate appends template to b with each {k}, k a digit, replaced by the text of args[k],
// unmasked; any other brace is kept, and a placeholder without an argument stays as it is. A Detail
// of a rule's own writes its texts with it.
func AppendTemplate(b []byte, template string, args ...Arg) []byte {
	for {
		i := strings.IndexByte(template, '{')
		if i < 0 || i+2 >= len(template) {
			return append(b, template...)
		}
		b = append(b, template[:i]...)
		if k := int(template[i+1]) - '0'; template[i+2] == '}' && k >= 0 && k < len(args) {
			b = args[k].AppendTo(b)
			template = template[i+3:]
			continue
		}
		b = append(b, '{')
		template = template[i+1:]
	}
}
