package errors

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
