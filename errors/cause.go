package errors

// A Cause is a rejection that keeps its values: a rule whose rejection lies on a hot path, or whose
// values a caller may want (the absence a new one overlaps, the activity a new one duplicates),
// keeps them as exported fields of a type of its own, makes the Error with NewCause, and writes the
// path, the value and the texts from them only when they are read. A caller reaches the values with
// errors.As:
//
//	var o *absence.Overlap
//	if errors.As(err, &o) { … o.OtherID … }
//
// A Cause's methods have value receivers, so that errors.As reaches it as a pointer (the Error keeps
// it by pointer) and its zero value answers them.
//
// The Error masks what a Cause writes (see dfdg.MaskCPR), so a Cause writes its values as they are. It
// must not change once the Error is made.
type Cause interface {
	// Error returns what was wrong, in English, as Explain does.
	Error() string
	// Where returns the path of the offending value ("" when the rejection is about the call as a
	// whole) and the value as text.
	Where() (Path, string)
	// Explain returns what was wrong in this occurrence, in Danish and English.
	Explain() (danish, english string)
}

// NewCause returns the rejection of kind k by rule whose path, value and detail are c's. The Error
// keeps c (a copy) in the same allocation as itself, so that a rejection is one allocation.
func NewCause[C any, P interface {
	*C
	Cause
}](k Kind, rule RuleID, c C) *Error {
	x := &struct {
		e Error
		c C
	}{e: Error{kind: k, rule: rule}, c: c}
	x.e.cause = P(&x.c)
	return &x.e
}

// texts is a text in Danish and English.
type texts struct{ danish, english string }

// plain is the Cause of a rejection New makes from plain strings.
type plain struct {
	field  Path
	value  string
	detail texts
}

func (p *plain) Where() (Path, string)     { return p.field, p.value }
func (p *plain) Explain() (string, string) { return p.detail.danish, p.detail.english }
func (p *plain) Error() string             { return p.detail.english }

// overlay is what the With methods lay over a rule's own Cause (over), which stays reachable: a path
// and value that take its place when moved, and a detail that takes its place when given.
type overlay struct {
	plain
	moved bool // field and value are set over the cause's
	over  Cause
}

func (o *overlay) Where() (Path, string) {
	if !o.moved {
		return o.over.Where()
	}
	return o.field, o.value
}

func (o *overlay) Explain() (string, string) {
	if o.detail == (texts{}) {
		return o.over.Explain()
	}
	return o.detail.danish, o.detail.english
}

func (o *overlay) Error() string { _, en := o.Explain(); return en }
