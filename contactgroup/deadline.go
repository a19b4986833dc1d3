package contactgroup

import (
	"strconv"

	"github.com/regelkit/dfdg"
	dfdgerrors "github.com/regelkit/dfdg/errors"
	"github.com/regelkit/dfdg/internal/check"
	"github.com/regelkit/dfdg/internal/ids"
)

var opDeadline = &check.Op{Name: "Frist"}

// ValidateCreateDeadline applies rule 1.1 to a new deadline dl and returns every violation: a
// deadline of another conversation type that is still open on the day of at.Now blocks it, with the
// note's text "Borgeren har en frist med en anden samtaletype som først skal lukkes"; one in
// 'Overskredet frist' (stored so, or open past its due date), fulfilled or closed does not. It also
// rejects a missing now, an actor that is not a municipality, a deadline without a conversation
// type or due date, and an inactive conversation type.
func (r Rules) ValidateCreateDeadline(at dfdg.At, c dfdg.Citizen, dl dfdg.Deadline) dfdgerrors.List {
	var errs dfdgerrors.List
	errs = check.NowGiven(errs, &at)
	cat := check.Catalog(r.Catalog)
	errs = dfdgerrors.Append(errs, check.Caller(&at, &c, cat, opDeadline.Get(), dfdg.Rule1_1))
	if dl.Conversation <= 0 {
		errs = append(errs, dfdgerrors.New(dfdgerrors.ErrMissingValue, dfdg.Rule1_1, "samtaletype", strconv.Itoa(int(dl.Conversation))))
	}
	if dl.Due.IsZero() {
		errs = append(errs, dfdgerrors.New(dfdgerrors.ErrMissingValue, dfdg.Rule1_1, "fristdato", ""))
	}
	today := at.Today()
	if dl.Conversation > 0 {
		errs = dfdgerrors.Append(errs, cat.ConversationTypes().CheckNew(int(dl.Conversation), today, "samtaletype", ""))
	}
	// Locals, so that the loop keeps them in registers instead of reading c, in memory, each time.
	conv, deadlines := dl.Conversation, c.Deadlines
	for i := range deadlines {
		if other := &deadlines[i]; other.Conversation != conv && other.StatusOn(today) == dfdg.DeadlineOpen {
			e := dfdgerrors.NewCause(dfdgerrors.ErrOtherDeadlineOpen, dfdg.Rule1_1, OpenDeadline{Index: i, Deadline: *other})
			errs = check.AddFirst(errs, e, &e.Unwrap().(*OpenDeadline).list)
		}
	}
	return errs
}

// OpenDeadline is rule 1.1's rejection, the cause of its error (errors.As reaches it): the
// citizen's open deadline of another conversation type, at position Index of its deadlines.
type OpenDeadline struct {
	Index    int           `json:"indeks,omitempty"`
	Deadline dfdg.Deadline `json:"frist,omitzero"`

	list [1]*dfdgerrors.Error // the slot of ValidateCreateDeadline's list when this is its first problem
}

// Where returns the path of the open deadline and its id.
func (d OpenDeadline) Where() (dfdgerrors.Path, string) {
	return pathDeadlines.Index(d.Index), d.Deadline.ID
}

// Explain names the open deadline.
func (d OpenDeadline) Explain() (danish, english string) {
	dl := &d.Deadline
	conv, due := strconv.Itoa(int(dl.Conversation)), dl.Due.String()
	return "frist " + dl.ID + " (samtaletype " + conv + ", fristdato " + due + ") er åben",
		"deadline " + dl.ID + " (conversation type " + conv + ", due " + due + ") is open"
}

// Error returns what was wrong, in English.
func (d OpenDeadline) Error() string { _, en := d.Explain(); return en }

// CreateDeadline creates the deadline dl, applying rule 1.1 (see ValidateCreateDeadline). The new
// deadline is open, with dl.ID or a new id from at. The decision creates it and sends no message; it
// names rule 1.1. It pre-validates the frist service's create method (codelist operation "Frist":
// "KSS / jobcentre og STAR har adgang til servicen"; the method's own table is not in STAR's stored
// copy).
func (r Rules) CreateDeadline(at dfdg.At, c dfdg.Citizen, dl dfdg.Deadline) (dfdg.Decision, error) {
	if errs := r.ValidateCreateDeadline(at, c, dl); len(errs) > 0 {
		return dfdg.Decision{}, errs[0]
	}
	src := ids.For(at, &c)
	var err error
	if dl.ID, err = src.Or(dl.ID, dfdg.RecordDeadline, "fristId"); err != nil {
		return dfdg.Decision{}, err
	}
	dl.Status = dfdg.DeadlineOpen
	return dfdg.Decision{
		Deadlines: []dfdg.Change[dfdg.Deadline]{{Type: dfdg.Create, Record: dl}},
		Outcome:   dfdg.Outcome{Rules: dfdg.RulesOf(dfdg.Rule1_1)},
	}, nil
}
