package dfdg

import "time"

// Booking is a summons (indkaldelse) to a meeting about a conversation, which authorities report to
// DFDG so that they know each other's bookings of a citizen (Kontaktforloeb.IndkaldelseService,
// formerly BookingService). The JSON names are those of STAR's error texts for the service
// (MoedeStarttidspunkt, OmbookingFrist, Aflysningsfrist, DigitaltMoedelink); the stored copies of its
// request do not show the element names.
type Booking struct {
	ID string `json:"indkaldelseIdentifier,omitempty"`
	// Conversation is the conversation type (samtaletype), such as 7 'Jobsamtale'.
	Conversation ConversationType `json:"samtaletype,omitempty"`
	// Form is the form of the meeting (samtaleform, afholdelsesform): 8 is a digital meeting, which
	// needs a MeetingLink.
	Form int `json:"samtaleform,omitempty"`
	// Start and End are the meeting's start and end (End optional).
	Start time.Time `json:"moedeStarttidspunkt,omitzero"`
	End   time.Time `json:"moedeSluttidspunkt,omitzero"`
	// RebookingPossible says whether the citizen may rebook (OmbookingMulig); then RebookingDeadline
	// (OmbookingFrist) is required, and otherwise it may not be set.
	RebookingPossible bool `json:"ombookingMulig,omitempty"`
	RebookingDeadline Date `json:"ombookingFrist,omitzero"`
	// CancellationPossible says whether the citizen may cancel; CancellationDeadline (Aflysningsfrist)
	// may be set only then.
	CancellationPossible bool `json:"aflysningMulig,omitempty"`
	CancellationDeadline Date `json:"aflysningsfrist,omitzero"`
	// SelfBooked says the citizen booked it (selvbooket).
	SelfBooked bool `json:"selvbooket,omitempty"`
	// MeetingLink is the link to a digital meeting (DigitaltMoedelink), shown to the citizen on Jobnet.
	MeetingLink string `json:"digitaltMoedelink,omitempty"`
	// Participants are the other authorities' participants (myndighedsdeltagere), as
	// CreateMyndighedsdeltager adds them.
	Participants []Participant `json:"myndighedsdeltagere,omitempty"`
}

// DigitalMeeting is the form (afholdelsesform) of a digital meeting, which needs a meeting link.
const DigitalMeeting = 8

// Participant is an authority's participant in a booked meeting (myndighedsdeltager), as
// CreateMyndighedsdeltager takes it.
type Participant struct {
	ID string `json:"myndighedsdeltagerIdentifier,omitempty"`
	// Booking is the id of the booking the participant takes part in (indkaldelseIdentifier).
	Booking string `json:"indkaldelseIdentifier,omitempty"`
	// Name, Contact, Phone and Email are the participant's full name, other contact information,
	// phone number and e-mail address.
	Name    string `json:"navn,omitempty"`
	Contact string `json:"kontaktdetaljer,omitempty"`
	Phone   string `json:"telefonnummer,omitempty"`
	Email   string `json:"email,omitempty"`
}

// Booking returns the citizen's booking with id.
func (c Citizen) Booking(id string) (Booking, bool) {
	for i := range c.Bookings {
		if c.Bookings[i].ID == id {
			return c.Bookings[i], true
		}
	}
	return Booking{}, false
}
