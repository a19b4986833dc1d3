package contactgroup

import (
	"strconv"
	"time"

	"github.com/regelkit/dfdg"
	"github.com/regelkit/dfdg/codelist"
	dfdgerrors "github.com/regelkit/dfdg/errors"
)

// DeadlineStatus is a deadline's status (friststatus). DFDG's ids for the statuses are not public,
// so this is the library's own set of what the rules need; map DFDG's ids to it when loading.
type DeadlineStatus uint8

const (
	// DeadlineOpen is a deadline that is neither met, closed nor overdue. It is the zero value.
	DeadlineOpen DeadlineStatus = iota
	// DeadlineOverdue is 'Overskredet frist' (rule 1.1).
	DeadlineOverdue
	// DeadlineFulfilled is "indfriet": the conversation was held or booked.
	DeadlineFulfilled
	// DeadlineClosed is "Administrativt lukket".
	DeadlineClosed
)

var deadlineStatusNames = [...]string{"åben", "Overskredet frist", "indfriet", "Administrativt lukket"}

// String returns the status's Danish name.
func (s DeadlineStatus) String() string {
	if int(s) < len(deadlineStatusNames) {
		return deadlineStatusNames[s]
	}
	return "DeadlineStatus(" + strconv.Itoa(int(s)) + ")"
}

// MarshalText writes the Danish name.
func (s DeadlineStatus) MarshalText() ([]byte, error) { return []byte(s.String()), nil }

// UnmarshalText reads the Danish name.
func (s *DeadlineStatus) UnmarshalText(b []byte) error {
	for i, n := range deadlineStatusNames {
		if n == string(b) {
			*s = DeadlineStatus(i)
			return nil
		}
	}
	return dfdgerrors.New(dfdgerrors.ErrInvalidValue).WithField("friststatus", string(b))
}

// Deadline is a deadline (frist) for holding a conversation of a conversation type.
type Deadline struct {
	ID string `json:"id"`
	// Conversation is the conversation type (samtaletype), such as 17.
	Conversation int            `json:"conversation"`
	Due          dfdg.Date      `json:"due"`
	Status       DeadlineStatus `json:"status"`
}

func sameDeadline(a, b Deadline) bool {
	if a.ID != "" || b.ID != "" {
		return a.ID == b.ID
	}
	return a.Conversation == b.Conversation && a.Due == b.Due
}

// StatusOn returns dl's status on day: a deadline stored as open whose due date has passed is
// 'Overskredet frist', whatever the stored status says (rule 1.1).
func (dl Deadline) StatusOn(day dfdg.Date) DeadlineStatus {
	if dl.Status == DeadlineOpen && !dl.Due.IsZero() && day.After(dl.Due) {
		return DeadlineOverdue
	}
	return dl.Status
}

// ParticipationChoice is a participation choice (deltagelsesvalg) registered on a conversation: for
// rule 1.3, choice 3 'Borger ønsker a-kassedeltagelse ved første samtale i jobcenteret' on conversation
// type 17 'Fælles jobsamtale med dagpengemodtager'. No rule of this library changes one; the absence
// package proves that ending absence 75 leaves it as it was.
type ParticipationChoice struct {
	ID           string    `json:"id"`
	Conversation int       `json:"conversation"` // conversation type, such as FaellesJobsamtale
	Choice       int       `json:"choice"`       // participation choice, such as AkassedeltagelseFoersteSamtale
	Made         time.Time `json:"made,omitzero"`
}

// ValidateDeadline applies rule 1.1 to a new deadline and returns every violation: a deadline of
// another conversation type that is still open on now's date blocks it, with the note's text
// "Borgeren har en frist med en anden samtaletype som først skal lukkes"; one in 'Overskredet frist'
// (stored so, or open past its due date), fulfilled or closed does not. It also rejects a deadline
// without a conversation type or due date, and an inactive conversation type. It does not allocate
// when the deadline is accepted.
func ValidateDeadline(c Citizen, dl Deadline, now time.Time, cat *codelist.Catalog) dfdgerrors.List {
	var errs dfdgerrors.List
	if _, err := checkNow(now); err != nil {
		errs = dfdgerrors.Append(errs, err)
	}
	if dl.Conversation <= 0 {
		errs = append(errs, dfdgerrors.New(dfdgerrors.ErrMissingValue).WithRule(dfdg.Rule1_1).WithField("samtaletype", strconv.Itoa(dl.Conversation)))
	}
	if dl.Due.IsZero() {
		errs = append(errs, dfdgerrors.New(dfdgerrors.ErrMissingValue).WithRule(dfdg.Rule1_1).WithField("fristdato", ""))
	}
	today := dfdg.DateOf(now)
	if dl.Conversation > 0 {
		errs = dfdgerrors.Append(errs, cat.ConversationTypes().CheckNew(dl.Conversation, today, "samtaletype", ""))
	}
	for _, other := range c.Deadlines {
		if other.Conversation != dl.Conversation && other.StatusOn(today) == DeadlineOpen {
			errs = append(errs, dfdgerrors.New(dfdgerrors.ErrOtherDeadlineOpen).WithRule(dfdg.Rule1_1).
				WithField("frist", other.ID).
				WithDetail("frist "+other.ID+" (samtaletype "+strconv.Itoa(other.Conversation)+", fristdato "+other.Due.String()+") er åben",
					"deadline "+other.ID+" (conversation type "+strconv.Itoa(other.Conversation)+", due "+other.Due.String()+") is open"))
		}
	}
	return errs
}

// CreateDeadline creates a deadline, applying rule 1.1 (see ValidateDeadline). The new deadline is
// open. The decision creates it and sends no message; it names rule 1.1.
func CreateDeadline(c Citizen, dl Deadline, now time.Time, cat *codelist.Catalog) (Decision, error) {
	if errs := ValidateDeadline(c, dl, now, cat); len(errs) > 0 {
		return Decision{}, errs[0]
	}
	dl.Status = DeadlineOpen
	return Decision{
		Deadlines: []dfdg.Change[Deadline]{{Type: dfdg.Create, Record: dl}},
		Rules:     dfdg.RulesOf(dfdg.Rule1_1),
	}, nil
}
