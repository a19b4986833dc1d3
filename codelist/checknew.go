package codelist

import (
	"slices"
	"strconv"

	"github.com/regelkit/dfdg"
	dfdgerrors "github.com/regelkit/dfdg/errors"
)

// CheckNew checks id for a new registration made on day d: an id a complete list does not hold, or an
// entry inactive on d, is a rejection naming field and rule, with a *Rejected as its cause. Its kind
// is the one DFDG answers for the list where DFDG documents one for every operation that takes it
// (4313 for an unknown registration category, 8032 for an unknown job-offer type, 3.7's
// ErrAuthorityAreaExpired for an inactive authority area), else ErrUnknownCode or ErrInactiveCode.
// An id an incomplete list does not hold is accepted, since DFDG may know it.
//
// Reading or deciding on an existing record that carries an inactive entry needs no check: such
// records stay valid (rule 1.4).
func (l *List) CheckNew(id int, d dfdg.Date, field dfdgerrors.Path, rule dfdg.RuleID) error {
	if l.ActiveAlways(id) {
		return nil
	}
	return l.checkNew(id, d, Rejected{field: field}, rule)
}

// CheckNewItem is CheckNew for a code at child of item i of the list at list, the path
// list[i].child (list[i] when child is "", the list itself when i is negative): a rule that checks a
// code in each item of a list names the item without a second allocation, since the path is
// written only when it is read.
func (l *List) CheckNewItem(id int, d dfdg.Date, list dfdgerrors.Path, i int, child dfdgerrors.Path, rule dfdg.RuleID) error {
	if l.ActiveAlways(id) {
		return nil
	}
	r := Rejected{field: list}
	if i >= 0 && i < 1<<31-1 {
		r.item, r.child = int32(i+1), child
	}
	return l.checkNew(id, d, r, rule)
}

func (l *List) checkNew(id int, d dfdg.Date, r Rejected, rule dfdg.RuleID) error {
	var kind dfdgerrors.Kind
	if i := l.index(id); i >= 0 {
		if r.Entry = &l.entries[i]; r.Entry.ActiveOn(d) {
			return nil
		}
		kind = l.kinds.inactive
	} else if l.Complete() {
		kind = l.kinds.unknown
	} else {
		return nil
	}
	r.ID, r.List, r.Day = id, l.Name(), d
	return dfdgerrors.NewCause(kind, rule, r)
}

// kinds are the rejections a list's CheckNew gives: for an id a complete list does not hold, and
// for an entry inactive on the day.
type kinds struct{ unknown, inactive dfdgerrors.Kind }

// listKinds are the kinds of the lists whose rejections DFDG answers with a code of its own, or a
// rule names; the others take defaultKinds.
var listKinds = [numLists]kinds{
	registrationCategories: {unknown: dfdgerrors.ErrClientCategoryInvalid},
	jobOfferTypes:          {unknown: dfdgerrors.ErrJobOfferTypeInvalid},
	authorityAreas:         {inactive: dfdgerrors.ErrAuthorityAreaExpired},
	deregistrationCauses:   {unknown: dfdgerrors.ErrCauseInvalid},
}

var defaultKinds = kinds{dfdgerrors.ErrUnknownCode, dfdgerrors.ErrInactiveCode}

// kindsFor returns the kinds of the list with the name (its file's, without ".csv").
func kindsFor(name string) kinds {
	var k kinds
	if i := slices.Index(listFiles[:], name); i >= 0 {
		k = listKinds[i]
	}
	if k.unknown == 0 {
		k.unknown = defaultKinds.unknown
	}
	if k.inactive == 0 {
		k.inactive = defaultKinds.inactive
	}
	return k
}

// Rejected is CheckNew's rejection, the cause of its error (errors.As reaches it): the code ID,
// which the complete list does not hold (Entry nil) or whose Entry is not active on Day.
type Rejected struct {
	ID    int       `json:"id,omitempty"`
	List  string    `json:"liste,omitempty"` // the list's name (List.Name)
	Entry *Entry    `json:"post,omitempty"`  // nil when the list does not hold ID
	Day   dfdg.Date `json:"dato,omitzero"`

	field dfdgerrors.Path
	child dfdgerrors.Path
	item  int32 // with field and child: the path field[item-1].child; 0: the path is field
}

// Where returns the path CheckNew or CheckNewItem was given, and the id.
func (r Rejected) Where() (dfdgerrors.Path, string) {
	p := r.field
	if r.item > 0 {
		p = p.Index(int(r.item - 1))
		if r.child != "" {
			p = p.Child(string(r.child))
		}
	}
	return p, strconv.Itoa(r.ID)
}

// Explain says which list does not hold the id, or how the entry is not active on the day.
func (r Rejected) Explain() (danish, english string) {
	e := r.Entry
	switch {
	case e == nil:
		id := strconv.Itoa(r.ID)
		return id + " findes ikke i kodelisten " + r.List,
			id + " is not in the code list " + r.List
	case e.Retired:
		return e.String() + " er udgået",
			e.String() + " has expired"
	case !e.InactiveFrom.IsZero() && !r.Day.Before(e.InactiveFrom):
		from := e.InactiveFrom.String()
		return e.String() + " er inaktiv fra " + from,
			e.String() + " is inactive from " + from
	}
	from := e.ValidFrom.String()
	return e.String() + " er først gyldig fra " + from,
		e.String() + " is valid only from " + from
}

// Error returns what was wrong, in English.
func (r Rejected) Error() string { _, en := r.Explain(); return en }
