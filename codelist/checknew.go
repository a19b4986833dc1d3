package codelist

import (
	"strconv"

	"github.com/regelkit/dfdg"
	dfdgerrors "github.com/regelkit/dfdg/errors"
)

// CheckNew checks id for a new registration made on day d: an id a complete list does not hold is
// ErrUnknownCode; an entry inactive on d is ErrInactiveCode, naming the entry and the date it
// became inactive. An id an incomplete list does not hold is accepted, since DFDG may know it. The
// error names field and rule. CheckNew does not allocate when id is accepted, and once when it
// rejects it: the error keeps the entry and writes its texts when they are read.
//
// Reading or deciding on an existing record that carries an inactive entry needs no check: such
// records stay valid (rule 1.4).
func (l *List) CheckNew(id int, d dfdg.Date, field dfdgerrors.Path, rule dfdg.RuleID) error {
	if l.ActiveAlways(id) {
		return nil
	}
	return l.checkNew(id, d, rejected{field: field}, rule)
}

// CheckNewItem is CheckNew for a code at child of item i of the list at list (the path
// list[i].child, as errors.Error.WithItem writes it): a rule that checks a code in each item of a
// list names the item without a second allocation.
func (l *List) CheckNewItem(id int, d dfdg.Date, list dfdgerrors.Path, i int, child dfdgerrors.Path, rule dfdg.RuleID) error {
	if l.ActiveAlways(id) {
		return nil
	}
	r := rejected{field: list}
	if i >= 0 && i < 1<<31-1 {
		r.item, r.child = int32(i+1), child
	}
	return l.checkNew(id, d, r, rule)
}

func (l *List) checkNew(id int, d dfdg.Date, r rejected, rule dfdg.RuleID) error {
	kind := dfdgerrors.ErrInactiveCode
	if i := l.index(id); i >= 0 {
		if r.entry = &l.entries[i]; r.entry.ActiveOn(d) {
			return nil
		}
		r.why = whyOf(r.entry, d)
	} else if l.Complete() {
		kind, r.list = dfdgerrors.ErrUnknownCode, l
	} else {
		return nil
	}
	r.id = id
	return dfdgerrors.NewDetail(kind, r).WithRule(rule)
}

// rejected is CheckNew's rejection (a Detail): the code id, which a complete list does not hold
// (list set) or whose entry is not active on the day (entry set, why says how), at field, or at
// child of item item-1 of the list at field.
type rejected struct {
	list  *List
	entry *Entry
	id    int
	field dfdgerrors.Path
	child dfdgerrors.Path
	item  int32
	why   why
}

// why says how an entry is not active on a day.
type why uint8

const (
	whyRetired      why = iota // retired, with no date
	whyInactiveFrom            // inactive from a date on or before the day
	whyValidFrom               // valid only from a date after the day
)

func whyOf(e *Entry, d dfdg.Date) why {
	switch {
	case e.Retired:
		return whyRetired
	case !e.InactiveFrom.IsZero() && !d.Before(e.InactiveFrom):
		return whyInactiveFrom
	}
	return whyValidFrom
}

var (
	unknownTexts      = dfdgerrors.Texts{"{0} findes ikke i kodelisten {1}", "{0} is not in the code list {1}"}
	retiredTexts      = dfdgerrors.Texts{"{0} er udgået", "{0} has expired"}
	inactiveFromTexts = dfdgerrors.Texts{"{0} er inaktiv fra {1}", "{0} is inactive from {1}"}
	validFromTexts    = dfdgerrors.Texts{"{0} er først gyldig fra {1}", "{0} is valid only from {1}"}
)

func (r *rejected) Where() (dfdgerrors.Path, dfdgerrors.Arg) {
	p := r.field
	if r.item > 0 {
		p = p.Index(int(r.item - 1))
		if r.child != "" {
			p = p.Child(string(r.child))
		}
	}
	return p, dfdgerrors.Int(r.id)
}

func (r *rejected) AppendDetail(b []byte, english bool) []byte {
	e := r.entry
	switch {
	case e == nil:
		return unknownTexts.Append(b, english, dfdgerrors.Int(r.id), dfdgerrors.Text(r.list.Name()))
	case r.why == whyRetired:
		return retiredTexts.Append(b, english, e.arg())
	case r.why == whyInactiveFrom:
		return inactiveFromTexts.Append(b, english, e.arg(), e.InactiveFrom.Arg())
	}
	return validFromTexts.Append(b, english, e.arg(), e.ValidFrom.Arg())
}

// arg is e for an error's text, as String writes it, formatted when the text is read.
func (e *Entry) arg() dfdgerrors.Arg {
	switch {
	case e.Name != "":
		return dfdgerrors.Formatted(entryText{}, e.Name, int64(e.ID)<<1)
	case e.Description != "":
		return dfdgerrors.Formatted(entryText{}, e.Description, int64(e.ID)<<1|1)
	}
	return dfdgerrors.Int(e.ID)
}

// entryText writes "id name", or "id (description)"; n is the id shifted left once, with the low
// bit set for a description.
type entryText struct{}

func (entryText) AppendArg(b []byte, text string, n int64) []byte {
	b = strconv.AppendInt(b, n>>1, 10)
	if n&1 == 1 {
		return append(append(append(b, " ("...), text...), ')')
	}
	return append(append(b, ' '), text...)
}
