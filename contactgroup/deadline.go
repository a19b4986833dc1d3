package contactgroup

import (
	"strconv"

	"github.com/regelkit/dfdg"
	dfdgerrors "github.com/regelkit/dfdg/errors"
	"github.com/regelkit/dfdg/internal/check"
	"github.com/regelkit/dfdg/internal/ids"
)

var deadlineCommand = [2]string{"en frist", "a deadline"}

// ValidateCreateDeadline applies rule 1.1 to a new deadline dl and returns every violation: a deadline
// of another conversation type that is still open on the day of at.Now blocks it, with the note's text
// "Borgeren har en frist med en anden samtaletype som først skal lukkes"; one in 'Overskredet frist'
// (stored so, or open past its due date), fulfilled or closed does not. It also rejects a missing now,
// an actor that is not a municipality, a deadline without a conversation type or due date, and an
// inactive conversation type. It does not allocate when the deadline is accepted.
func (r Rules) ValidateCreateDeadline(at dfdg.At, c dfdg.Citizen, dl dfdg.Deadline) dfdgerrors.List {
	var errs dfdgerrors.List
	errs = check.NowGiven(errs, &at)
	cat := check.Catalog(r.Catalog)
	errs = dfdgerrors.Append(errs, check.By(&at, cat, dfdg.Rule1_1, deadlineCommand, dfdg.ActorMunicipality))
	if dl.Conversation <= 0 {
		errs = append(errs, dfdgerrors.New(dfdgerrors.ErrMissingValue).WithRule(dfdg.Rule1_1).WithField("samtaletype", strconv.Itoa(int(dl.Conversation))))
	}
	if dl.Due.IsZero() {
		errs = append(errs, dfdgerrors.New(dfdgerrors.ErrMissingValue).WithRule(dfdg.Rule1_1).WithField("fristdato", ""))
	}
	today := at.Today()
	if dl.Conversation > 0 {
		errs = dfdgerrors.Append(errs, cat.ConversationTypes().CheckNew(int(dl.Conversation), today, "samtaletype", ""))
	}
	// Locals, so that the loop keeps them in registers instead of reading c, in memory, each time.
	conv, deadlines := dl.Conversation, c.Deadlines
	for i := range deadlines {
		if other := &deadlines[i]; other.Conversation != conv && other.StatusOn(today) == dfdg.DeadlineOpen {
			errs = append(errs, dfdgerrors.NewDetail(dfdgerrors.ErrOtherDeadlineOpen,
				openDeadline{i: i, id: other.ID, conversation: other.Conversation, due: other.Due}).WithRule(dfdg.Rule1_1))
		}
	}
	return errs
}

// openDeadline is rule 1.1's rejection (a Detail): the open deadline of another conversation type,
// at position i of the citizen's deadlines, kept as it is and written when the error is read.
type openDeadline struct {
	i            int
	id           string
	conversation dfdg.ConversationType
	due          dfdg.Date
}

var openDeadlineTexts = dfdgerrors.Texts{
	"frist {0} (samtaletype {1}, fristdato {2}) er åben",
	"deadline {0} (conversation type {1}, due {2}) is open",
}

func (d *openDeadline) Where() (dfdgerrors.Path, dfdgerrors.Arg) {
	return pathDeadlines.Index(d.i), dfdgerrors.Text(d.id)
}

func (d *openDeadline) AppendDetail(b []byte, english bool) []byte {
	return openDeadlineTexts.Append(b, english, dfdgerrors.Text(d.id), dfdgerrors.Int(int(d.conversation)), d.due.Arg())
}

// CreateDeadline creates the deadline dl, applying rule 1.1 (see ValidateCreateDeadline). The new
// deadline is open, with dl.ID or a new id from at. The decision creates it and sends no message; it
// names rule 1.1.
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
