package dfdg

import (
	"time"

	"github.com/regelkit/dfdg/internal/enum"
)

// DeadlineStatus is a deadline's status (friststatus). DFDG's ids for the statuses are not public, so
// this is the library's own set of what the rules need; map DFDG's ids to it when loading.
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

var deadlineStatusText = enum.Text[DeadlineStatus]{Type: "DeadlineStatus", Field: "friststatus",
	Names: []string{"åben", "Overskredet frist", "indfriet", "Administrativt lukket"}}

// String returns the status's Danish name.
func (s DeadlineStatus) String() string { return deadlineStatusText.String(s) }

// MarshalText writes the Danish name.
func (s DeadlineStatus) MarshalText() ([]byte, error) { return deadlineStatusText.Marshal(s) }

// UnmarshalText reads the Danish name; the empty text is DeadlineOpen.
func (s *DeadlineStatus) UnmarshalText(b []byte) error { return deadlineStatusText.Unmarshal(s, b) }

// Deadline is a deadline (frist) for holding a conversation of a conversation type. Its JSON names are
// those of DFDG's Frist.WSB.
type Deadline struct {
	ID string `json:"fristId,omitempty"`
	// Conversation is the conversation type (samtaletype), such as 17.
	Conversation ConversationType `json:"samtaletype,omitempty"`
	Due          Date             `json:"fristdato,omitzero"`
	Status       DeadlineStatus   `json:"friststatus,omitempty"`
}

// StatusOn returns dl's status on day: a deadline stored as open whose due date has passed is
// 'Overskredet frist', whatever the stored status says (rule 1.1).
func (dl Deadline) StatusOn(day Date) DeadlineStatus {
	if dl.Status == DeadlineOpen && !dl.Due.IsZero() && day.After(dl.Due) {
		return DeadlineOverdue
	}
	return dl.Status
}

// Participation is a participation choice (deltagelsesvalg) registered on a conversation: for rule
// 1.3, choice 3 'Borger ønsker a-kassedeltagelse ved første samtale i jobcenteret' on conversation type
// 17 'Fælles jobsamtale med dagpengemodtager'. No rule of this library changes one; package absence
// proves that ending absence 75 leaves it as it was.
type Participation struct {
	ID           string              `json:"deltagelsesvalgIdentifier,omitempty"`
	Conversation ConversationType    `json:"samtaletype,omitempty"`
	Choice       ParticipationChoice `json:"deltagelsesvalg,omitempty"`
	Made         time.Time           `json:"tidspunkt,omitzero"`
}

// Interview is a held interview (afholdt samtale), as DFDG's CreateInterview registers it: its
// conversation type (InterviewTypeIdentifier), when it was held, whether several authorities took part
// (InterviewWithMoreAuthorities) and with which participation status (ParticipationStatusTypeIdentifier),
// and the booking it fulfils (BookingIdentifier). DFDG's REST names are not public; the JSON names are
// the library's, in Danish as the others.
type Interview struct {
	ID           string           `json:"samtaleIdentifier,omitempty"`
	Conversation ConversationType `json:"samtaletype,omitempty"`
	Held         time.Time        `json:"afholdelsestidspunkt,omitzero"`
	// MoreAuthorities says several authorities took part; Participation must then be given.
	MoreAuthorities bool `json:"flereMyndigheder,omitempty"`
	// Participation is the participation status's id (ParticipationStatusTypeIdentifier); 0 when not
	// given. Its code list is not public here.
	Participation int    `json:"deltagelsesstatus,omitempty"`
	Booking       string `json:"bookingIdentifier,omitempty"`
}
