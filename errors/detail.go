package errors

import "slices"

// A Detail is where a rejection lies and what was wrong in this occurrence: the values it keeps, and
// the path and texts it writes from them when they are read. The With methods keep theirs in one of
// the package's own; a rule whose rejection lies on a hot path keeps exactly its values in a type of
// its own and makes the Error with NewDetail, so that the rejection is one small allocation.
//
// An Error masks what a Detail writes (see MaskCPR), so a Detail writes its values as they are. It
// must not change once the Error is made: the Error may be shared.
type Detail interface {
	// Where returns the path of the offending value ("" when the rejection is about the call as a
	// whole) and the value.
	Where() (Path, Arg)
	// AppendDetail appends what was wrong, in Danish or (english) English, to b and returns the
	// result; it appends nothing when there is nothing to say.
	AppendDetail(b []byte, english bool) []byte
}

// withDetail is an Error and its Detail in one allocation.
type withDetail[D any] struct {
	e Error
	d D
}

// NewDetail returns an Error of kind k whose path, value and detail are d's (a pointer to a copy of
// d, kept in the same allocation as the Error). The With methods work on it as on any Error; one
// that sets a path or a detail writes d out as text first.
func NewDetail[D any, P interface {
	*D
	Detail
}](k Kind, d D) *Error {
	x := &withDetail[D]{e: Error{kind: k}, d: d}
	x.e.detail = P(&x.d)
	return &x.e
}

// general is the Detail the With methods fill in: a path, a value and texts with arguments.
type general struct {
	item  int32 // with field and child: the path field[item-1].child; 0: the path is field
	nargs uint8 // the arguments of the texts; with none, the texts are plain
	field Path
	child Path
	value Arg
	texts Texts // plain text, or templates with {0} … {5} when nargs > 0
	// args holds up to three arguments, which every detail of the library's has enough of, so that
	// the Error stays small; more go to more, a slice of their own that is never changed once set.
	args [inlineArgs]Arg
	more []Arg
}

// inlineArgs is how many arguments a general detail holds without an allocation of their own.
const inlineArgs = 3

// argList returns the arguments of the texts.
func (g *general) argList() []Arg {
	if g.more != nil {
		return g.more
	}
	return g.args[:g.nargs]
}

// setArgs sets the arguments, at most maxArgs of them.
func (g *general) setArgs(args []Arg) {
	args = args[:min(len(args), maxArgs)]
	g.nargs, g.args, g.more = uint8(len(args)), [inlineArgs]Arg{}, nil
	if len(args) > inlineArgs {
		g.more = slices.Clone(args)
		return
	}
	copy(g.args[:], args)
}

// Where returns the path, written from its parts, and the value.
func (g *general) Where() (Path, Arg) {
	p := g.field
	if g.item > 0 {
		p = p.Index(int(g.item - 1))
		if g.child != "" {
			p = p.Child(string(g.child))
		}
	}
	return p, g.value
}

// AppendDetail appends the Danish or English text with its arguments written in.
func (g *general) AppendDetail(b []byte, english bool) []byte {
	return g.texts.Append(b, english, g.argList()...)
}

// general returns e (as mutable does) and a general detail it alone may change: its own, or a new
// one holding what e's detail says (a rule's own detail is written out as text).
func (e *Error) general() (*Error, *general) {
	e = e.mutable()
	if g, ok := e.detail.(*general); ok && e.owned {
		return e, g
	}
	g := new(general)
	switch d := e.detail.(type) {
	case nil:
	case *general:
		*g = *d
	default:
		g.field, g.value = d.Where()
		g.texts = Texts{string(d.AppendDetail(nil, false)), string(d.AppendDetail(nil, true))}
	}
	e.detail, e.owned = g, true
	return e, g
}

// Texts is a Detail's pair of templates, Danish then English, in which {0} … {5} stand for
// arguments (see AppendTemplate).
type Texts [2]string

// Append appends the Danish template, or the English one when english is set, to b with args
// written in, as a Detail's AppendDetail does.
func (t *Texts) Append(b []byte, english bool, args ...Arg) []byte {
	if t == nil {
		return b
	}
	if english {
		return AppendTemplate(b, t[1], args...)
	}
	return AppendTemplate(b, t[0], args...)
}
