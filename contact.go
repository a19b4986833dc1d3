package dfdg

import (
	"time"

	dfdgerrors "github.com/regelkit/dfdg/errors"
	"github.com/regelkit/dfdg/internal/enum"
)

// Membership is a period the citizen is in a contact group (kontaktgruppe): from Start, included, to
// End, excluded. A zero End means the membership is open. The JSON names are those of DFDG's
// CreateKontaktgruppe; JSON decoding ignores case, so DFDG's "KontaktgruppeType" reads as well.
type Membership struct {
	ID    string       `json:"kontaktgruppeIdentifier,omitempty"`
	Group ContactGroup `json:"kontaktgruppeType,omitempty"`
	Start time.Time    `json:"starttidspunkt,omitzero"`
	End   time.Time    `json:"sluttidspunkt,omitzero"`
}

// Open reports whether m has no end.
func (m Membership) Open() bool { return m.End.IsZero() }

// ActiveAt reports whether m covers the instant t.
func (m Membership) ActiveAt(t time.Time) bool {
	return !m.Start.IsZero() && !t.Before(m.Start) && (m.End.IsZero() || t.Before(m.End))
}

// Registration is a registration as jobseeker (tilmelding), from Start to End (excluded); a zero End
// means it is open.
type Registration struct {
	ID string `json:"tilmeldingIdentifier,omitempty"`
	// Category is the registration category (tilmeldekategori).
	Category RegistrationCategory `json:"klientKategori,omitempty"`
	// Applicant says whether the category is an applicant's (ansøger), for categories the code list
	// does not know; for those it knows, the code list decides (rule 1.2).
	Applicant bool      `json:"ansoeger,omitempty"`
	Start     time.Time `json:"starttidspunkt,omitzero"`
	End       time.Time `json:"sluttidspunkt,omitzero"`
}

// Open reports whether r has started and not ended.
func (r Registration) Open() bool { return !r.Start.IsZero() && r.End.IsZero() }

// ActiveAt reports whether r covers the instant t.
func (r Registration) ActiveAt(t time.Time) bool {
	return !r.Start.IsZero() && !t.Before(r.Start) && (r.End.IsZero() || t.Before(r.End))
}

// PersonCategorization is a period in a person category (personkategorisering), such as 'Jobparat',
// from Start to End (excluded).
type PersonCategorization struct {
	ID       string         `json:"personkategoriIdentifier,omitempty"`
	Category PersonCategory `json:"personkategori,omitempty"`
	Start    time.Time      `json:"starttidspunkt,omitzero"`
	End      time.Time      `json:"sluttidspunkt,omitzero"`
}

// ActiveAt reports whether p covers the instant t.
func (p PersonCategorization) ActiveAt(t time.Time) bool {
	return !p.Start.IsZero() && !t.Before(p.Start) && (p.End.IsZero() || t.Before(p.End))
}

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

func invalidValue(field dfdgerrors.Path, value string) error {
	return dfdgerrors.New(dfdgerrors.ErrInvalidValue, "", field, value)
}

// nilTarget is the error of reading into a nil pointer.
func nilTarget(what string) error {
	return dfdgerrors.New(dfdgerrors.ErrInvalidValue, "", "", "").
		WithDetail("kan ikke læse "+what+" ind i en nil-pointer", "cannot read a "+what+" into a nil pointer")
}
