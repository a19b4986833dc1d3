package contactgroup

import (
	"errors"
	"time"

	"github.com/regelkit/dfdg"
	"github.com/regelkit/dfdg/codelist"
	dfdgerrors "github.com/regelkit/dfdg/errors"
	"github.com/regelkit/dfdg/internal/check"
	"github.com/regelkit/dfdg/internal/ids"
)

// Bookings (indkaldelser) are DFDG's Kontaktforloeb.IndkaldelseService, formerly BookingService:
// "Denne service anvendes til at indberette indkaldelser til DFDG og udtrække disse, så myndigheder
// kender til hinandens indkaldelser af en borger, og kan undvige dobbeltbooking." Its error table
// (STAR's BOOK page) gives each condition an old and a new number; the library returns the new one,
// and errors.Is matches both.

var (
	opCreateBooking  = &check.Op{Name: "CreateIndkaldelse"}
	opUpdateBooking  = &check.Op{Name: "UpdateIndkaldelse"}
	opDeleteBooking  = &check.Op{Name: "DeleteIndkaldelse"}
	opAddParticipant = &check.Op{Name: "CreateMyndighedsdeltager"}
)

// ValidateCreateBooking returns every reason CreateBooking would reject b, as STAR documents
// CreateIndkaldelse (codelist operation "CreateIndkaldelse"): a missing now, an a-kasse booking a
// citizen who is no member of an a-kasse (90006) or of another (90007), a caller the operation does
// not admit (4575), a missing jobcentre, a dead citizen (4405), a citizen not registered as jobseeker
// at now (4367), and the booking's own checks (see checkBooking): a conversation type a complete
// samtaletyper list does not hold (90001), start before today (90002), end before start (90004), the rebooking and cancellation deadlines against their flags (90009, 90010,
// 90014), a digital meeting without a link. An id the citizen's bookings hold already is the library's
// ErrInvalidState: DFDG documents no code for it.
func (r Rules) ValidateCreateBooking(at dfdg.At, c dfdg.Citizen, b dfdg.Booking) dfdgerrors.List {
	errs := r.checkBooking(at, &c, &b, opCreateBooking.Get())
	if b.ID != "" {
		if _, ok := c.Booking(b.ID); ok {
			errs = append(errs, dfdgerrors.New(dfdgerrors.ErrInvalidState, "", "indkaldelseIdentifier", b.ID).
				WithDetail("indkaldelsen findes allerede", "the booking exists already"))
		}
	}
	if !at.Now.IsZero() {
		if _, ok := c.RegistrationAt(at.Now); !ok {
			errs = append(errs, dfdgerrors.New(dfdgerrors.ErrNotEnrolled, "", "borger.tilmeldinger", ""))
		}
	}
	return errs
}

// CreateBooking reports the booking b (codelist operation "CreateIndkaldelse"), after
// ValidateCreateBooking, with b.ID or a new id from at.
// The decision creates it and sends Indkaldelse.WSB Create to the citizen's jobcentre and, when the
// citizen has one, a-kasse: the message's sending strategy is "Jobcenter - Egne borger, Kommune - Egne
// borger, A-kasse - Egne medlemmer". A booking of a conversation type a deadline is open for does not
// change the deadline here: STAR documents that the booking fulfils it when the meeting date comes,
// and that "Der valideres i BookingService på at man ikke må have en fremtidig aft[…]", a rule cut off
// in the only copy, which the library therefore does not apply.
func (r Rules) CreateBooking(at dfdg.At, c dfdg.Citizen, b dfdg.Booking) (dfdg.Decision, error) {
	if errs := r.ValidateCreateBooking(at, c, b); len(errs) > 0 {
		return dfdg.Decision{}, errs[0]
	}
	src := ids.For(at, &c)
	var err error
	if b.ID, err = src.Or(b.ID, dfdg.RecordBooking, "indkaldelseIdentifier"); err != nil {
		return dfdg.Decision{}, err
	}
	b.Start, b.End = b.Start.Round(0), b.End.Round(0)
	return bookingDecision(&c, dfdg.Create, b), nil
}

// ValidateUpdateBooking returns every reason UpdateBooking would reject b, the new state of the
// booking with its id (a rebooking; codelist operation "UpdateIndkaldelse"): an id the citizen's
// bookings do not hold (90036), and the checks of a new booking but 4367.
func (r Rules) ValidateUpdateBooking(at dfdg.At, c dfdg.Citizen, b dfdg.Booking) dfdgerrors.List {
	errs := r.checkBooking(at, &c, &b, opUpdateBooking.Get())
	return dfdgerrors.Append(errs, knownBooking(&c, b.ID, "indkaldelseIdentifier"))
}

// UpdateBooking replaces the booking with b's id by b (codelist operation "UpdateIndkaldelse"), after
// ValidateUpdateBooking; the participants
// it has stay when b names none. The decision sends Indkaldelse.WSB Update, as CreateBooking does.
func (r Rules) UpdateBooking(at dfdg.At, c dfdg.Citizen, b dfdg.Booking) (dfdg.Decision, error) {
	if errs := r.ValidateUpdateBooking(at, c, b); len(errs) > 0 {
		return dfdg.Decision{}, errs[0]
	}
	if old, _ := c.Booking(b.ID); len(b.Participants) == 0 {
		b.Participants = old.Participants
	}
	b.Start, b.End = b.Start.Round(0), b.End.Round(0)
	return bookingDecision(&c, dfdg.Update, b), nil
}

// BookingRef names a booking by its id, for DeleteBooking.
type BookingRef struct {
	ID string `json:"indkaldelseIdentifier,omitempty"`
}

// DeleteBooking deletes the booking ref.ID (codelist operation "DeleteIndkaldelse"): a caller the
// operation does not admit is refused (an a-kasse with 90006 or 90007), and an id the citizen's
// bookings do not hold is 90036. STAR documents Indkaldelse.WSB for created and updated bookings only,
// so the decision sends no message.
func (r Rules) DeleteBooking(at dfdg.At, c dfdg.Citizen, ref BookingRef) (dfdg.Decision, error) {
	var errs dfdgerrors.List
	errs = check.NowGiven(errs, &at)
	errs = r.checkBooker(errs, &at, &c, opDeleteBooking.Get())
	errs = dfdgerrors.Append(errs, knownBooking(&c, ref.ID, "indkaldelseIdentifier"))
	if len(errs) > 0 {
		return dfdg.Decision{}, errs[0]
	}
	b, _ := c.Booking(ref.ID)
	return dfdg.Decision{Bookings: []dfdg.Change[dfdg.Booking]{{Type: dfdg.Delete, Record: b}}}, nil
}

// ValidateAddParticipant returns every reason AddParticipant would reject p (CreateMyndighedsdeltager,
// POST /v2/Indkaldelse/myndighedsdeltager/{myndighedsdeltagerid}): a missing now, a caller the
// operation does not admit, the request's documented constraints (1014: an id and a booking id, a name
// and contact details of 1–256 characters, a phone number "(\+)?[0-9]{3,20}"), a booking the citizen's
// bookings do not hold (90036) and an id the booking has already.
func (r Rules) ValidateAddParticipant(at dfdg.At, c dfdg.Citizen, p dfdg.Participant) dfdgerrors.List {
	op := opAddParticipant.Get()
	var errs dfdgerrors.List
	errs = check.NowGiven(errs, &at)
	errs = dfdgerrors.Append(errs, check.Caller(&at, &c, r.Catalog, op, ""))
	errs = dfdgerrors.Append(errs, check.Jobcentre(c.Jobcentre))
	for _, f := range [...]struct{ path, value string }{{"myndighedsdeltagerIdentifier", p.ID},
		{"indkaldelseIdentifier", p.Booking}, {"navn", p.Name}, {"kontaktdetaljer", p.Contact}, {"telefonnummer", p.Phone}} {
		errs = dfdgerrors.Append(errs, op.Check(f.path, f.value))
	}
	if p.Booking == "" {
		return errs
	}
	b, ok := c.Booking(p.Booking)
	if !ok {
		return dfdgerrors.Append(errs, knownBooking(&c, p.Booking, "indkaldelseIdentifier"))
	}
	for _, q := range b.Participants {
		if q.ID == p.ID && p.ID != "" {
			errs = append(errs, dfdgerrors.New(dfdgerrors.ErrInvalidState, "", "myndighedsdeltagerIdentifier", p.ID).
				WithDetail("deltageren findes allerede på indkaldelsen", "the booking has the participant already"))
		}
	}
	return errs
}

// AddParticipant adds the authority participant p to the booking p.Booking (codelist operation
// "CreateMyndighedsdeltager"), after ValidateAddParticipant. The decision updates the booking and sends Indkaldelse.WSB Update, "herunder
// når myndighedsdeltagere på fælles jobsamtale opdateres", as STAR's page for the message says.
func (r Rules) AddParticipant(at dfdg.At, c dfdg.Citizen, p dfdg.Participant) (dfdg.Decision, error) {
	if errs := r.ValidateAddParticipant(at, c, p); len(errs) > 0 {
		return dfdg.Decision{}, errs[0]
	}
	b, _ := c.Booking(p.Booking)
	b.Participants = append(append(make([]dfdg.Participant, 0, len(b.Participants)+1), b.Participants...), p)
	return bookingDecision(&c, dfdg.Update, b), nil
}

// checkBooking returns what a new or rebooked booking needs: now, a caller op admits, the jobcentre
// the messages go to, a living citizen, the documented required elements, and the booking's own
// fields.
func (r Rules) checkBooking(at dfdg.At, c *dfdg.Citizen, b *dfdg.Booking, op *codelist.Operation) dfdgerrors.List {
	var errs dfdgerrors.List
	errs = check.NowGiven(errs, &at)
	errs = r.checkBooker(errs, &at, c, op)
	errs = dfdgerrors.Append(errs, check.Jobcentre(c.Jobcentre))
	if !at.Now.IsZero() {
		errs = check.Alive(errs, c, at.Today())
	}
	errs = dfdgerrors.Append(errs, op.Check("moedeStarttidspunkt", instant(b.Start)))
	errs = dfdgerrors.Append(errs, op.CheckInt("samtaletype", int(b.Conversation)))
	if b.Conversation > 0 {
		errs = dfdgerrors.Append(errs, conversationType(r.Catalog.ConversationTypes().CheckNew(int(b.Conversation), at.Today(), "samtaletype", "")))
	}
	if !b.Start.IsZero() && !at.Now.IsZero() && dfdg.DateOf(b.Start).Before(at.Today()) {
		errs = append(errs, dfdgerrors.New(dfdgerrors.ErrBookingStartBeforeToday, "", "moedeStarttidspunkt", instant(b.Start)).
			WithDetail("i dag er "+at.Today().String(), "today is "+at.Today().String()))
	}
	if !b.End.IsZero() && b.End.Before(b.Start) {
		errs = append(errs, dfdgerrors.New(dfdgerrors.ErrBookingEndBeforeStart, "", "moedeSluttidspunkt", instant(b.End)))
	}
	switch {
	case b.RebookingPossible && b.RebookingDeadline.IsZero():
		errs = append(errs, dfdgerrors.New(dfdgerrors.ErrRebookingDeadlineRequired, "", "ombookingFrist", ""))
	case !b.RebookingPossible && !b.RebookingDeadline.IsZero():
		errs = append(errs, dfdgerrors.New(dfdgerrors.ErrRebookingDeadlineNotAllowed, "", "ombookingFrist", b.RebookingDeadline.String()))
	}
	if !b.CancellationPossible && !b.CancellationDeadline.IsZero() {
		errs = append(errs, dfdgerrors.New(dfdgerrors.ErrCancellationDeadlineNotAllowed, "", "aflysningsfrist", b.CancellationDeadline.String()))
	}
	if b.Form == dfdg.DigitalMeeting && b.MeetingLink == "" {
		errs = append(errs, dfdgerrors.New(dfdgerrors.ErrMissingValue, "", "digitaltMoedelink", "").
			WithDetail("DigitaltMoedelink skal være til stede når mødet er afholdelsesform id 8 Digitalt møde, og vises da for borger på Jobnet.",
				"A meeting link is required for a meeting of form 8, digital meeting, and is shown to the citizen on Jobnet."))
	}
	return errs
}

// conversationType gives the service's own code, 90001, to a conversation type a complete list does
// not hold; an inactive one keeps the list's ErrInactiveCode, for which BOOK documents no code.
func conversationType(err error) error {
	var unknown *codelist.Rejected
	if e, ok := dfdgerrors.As(err); ok && e.Kind() == dfdgerrors.ErrUnknownCode && errors.As(err, &unknown) {
		return dfdgerrors.NewCause(dfdgerrors.ErrConversationTypeInvalid, e.Rule(), *unknown)
	}
	return err
}

// checkBooker adds to errs the refusal of a caller: an a-kasse gets the service's own codes for a
// citizen who is not its member (90006 no a-kasse, 90007 another), any other caller the operation's
// table does not admit 4575.
func (r Rules) checkBooker(errs dfdgerrors.List, at *dfdg.At, c *dfdg.Citizen, op *codelist.Operation) dfdgerrors.List {
	if by := at.By; by.Kind == dfdg.ActorAkasse && by.Akasse != "" && c.Akasse != by.Akasse {
		kind := dfdgerrors.ErrOtherAkasse
		if c.Akasse == "" {
			kind = dfdgerrors.ErrNotAkasseMember
		}
		return append(errs, dfdgerrors.New(kind, "", "borger.akasse", string(c.Akasse)))
	}
	return dfdgerrors.Append(errs, check.Caller(at, c, r.Catalog, op, ""))
}

// knownBooking rejects an id the citizen's bookings do not hold: 90036.
func knownBooking(c *dfdg.Citizen, id string, path dfdgerrors.Path) error {
	if _, ok := c.Booking(id); ok && id != "" {
		return nil
	}
	return dfdgerrors.New(dfdgerrors.ErrBookingUnknown, "", path, id)
}

// bookingDecision is the decision that creates or updates b: Indkaldelse.WSB to the citizen's
// jobcentre and a-kasse.
func bookingDecision(c *dfdg.Citizen, change dfdg.ChangeType, b dfdg.Booking) dfdg.Decision {
	about := dfdg.Ref{Kind: dfdg.RecordBooking, ID: b.ID}
	msgs := []dfdg.Message{{Name: dfdg.IndkaldelseWSB, Change: change, To: dfdg.MunicipalityActor(c.Jobcentre), About: about}}
	if c.Akasse != "" {
		msgs = append(msgs, dfdg.Message{Name: dfdg.IndkaldelseWSB, Change: change, To: dfdg.AkasseActor(c.Akasse), About: about})
	}
	return dfdg.Decision{Bookings: []dfdg.Change[dfdg.Booking]{{Type: change, Record: b}}, Outcome: dfdg.Outcome{Messages: msgs}}
}

// instant writes t for an error's value, or "" for the zero instant.
func instant(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return dfdg.InDenmark(t).Format(time.RFC3339)
}
