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
	}{e: Error{kind: k, rule: encodeRule(rule)}, c: c}
	x.e.cause = P(&x.c)
	if x.e.rule == 0 && rule != "" {
		// A rule not of the note's form, a caller's own: it lies over the cause, at the cost of a
		// second allocation.
		return x.e.over(overlay{plain: plain{rule: rule}, own: true, over: x.e.cause})
	}
	return &x.e
}

// texts is a text in Danish and English.
type texts struct{ danish, english string }

// plain is the Cause of a rejection New makes from plain strings.
type plain struct {
	field  Path
	value  string
	detail texts
	rule   RuleID // when it is not of the note's form (see ruleCode)
}

func (p *plain) Where() (Path, string)     { return p.field, p.value }
func (p *plain) Explain() (string, string) { return p.detail.danish, p.detail.english }
func (p *plain) Error() string             { return p.detail.english }

// overlay is what the With methods lay over a rule's own Cause (over), which stays reachable: a path
// and value that take its place when moved, and a detail that takes its place when given.
type overlay struct {
	plain
	moved bool // field and value are set over the cause's
	own   bool // part of a rule's own rejection (NewCause's, with a rule of another form): never changed
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

// ruleCode is a rule of the release note's form "d.d" ("3.1"), as one byte: 1 + 10×d + d, so that
// an Error is small. 0 is no rule, or one of another form, which the cause holds.
type ruleCode uint8

// ruleTexts are the rules ruleCode encodes, three bytes each, "0.0" to "9.9".
const ruleTexts = "0.00.10.20.30.40.50.60.70.80.91.01.11.21.31.41.51.61.71.81.92.02.12.22.32.42.52.62.72.82.9" +
	"3.03.13.23.33.43.53.63.73.83.94.04.14.24.34.44.54.64.74.84.95.05.15.25.35.45.55.65.75.85.9" +
	"6.06.16.26.36.46.56.66.76.86.97.07.17.27.37.47.57.67.77.87.98.08.18.28.38.48.58.68.78.88.9" +
	"9.09.19.29.39.49.59.69.79.89.9"

func encodeRule(r RuleID) ruleCode {
	if len(r) != 3 || r[1] != '.' || r[0] < '0' || r[0] > '9' || r[2] < '0' || r[2] > '9' {
		return 0
	}
	return ruleCode(1 + 10*(r[0]-'0') + (r[2] - '0'))
}

func (c ruleCode) id() RuleID {
	i := 3 * int(c-1)
	return RuleID(ruleTexts[i : i+3])
}
