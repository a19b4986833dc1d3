package contactgroup_test

import (
	"encoding/json"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/regelkit/dfdg"
	"github.com/regelkit/dfdg/codelist"
	"github.com/regelkit/dfdg/contactgroup"
	dfdgerrors "github.com/regelkit/dfdg/errors"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// registered is a citizen of København's jobcentre, member of ak-1, registered as jobseeker and in
// contact group 1 since August.
func registered() dfdg.Citizen {
	return dfdg.Citizen{Jobcentre: kbh, Akasse: "ak-1",
		Registrations: []dfdg.Registration{{ID: "reg-1", Category: 2, Start: at("2025-08-01 09:00")}},
		Memberships:   []dfdg.Membership{{ID: "kg-1", Group: 1, Start: at("2025-08-01 09:00")}},
	}
}

// jobsamtale is a booking of a job conversation (type 7) on day at 10:00.
func jobsamtale(id, date string) dfdg.Booking {
	return dfdg.Booking{ID: id, Conversation: 7, Start: at(date + " 10:00"), End: at(date + " 10:30")}
}

// CreateIndkaldelse: the booking is created, and Indkaldelse.WSB goes to the jobcentre and the a-kasse
// ("Jobcenter - Egne borger, Kommune - Egne borger, A-kasse - Egne medlemmer").
func TestCreateBooking(t *testing.T) {
	now := at("2025-09-15 11:00")
	d, err := rules.CreateBooking(muni(now), registered(), jobsamtale("ind-1", "2025-09-22"))
	require.NoError(t, err)
	require.Len(t, d.Bookings, 1)
	assert.Equal(t, dfdg.Create, d.Bookings[0].Type)
	assert.Equal(t, []string{
		"Indkaldelse.WSB Oprettelse til kommune 101 om Indkaldelse ind-1",
		"Indkaldelse.WSB Oprettelse til a-kasse ak-1 om Indkaldelse ind-1",
	}, messages(t, d))
	after := registered().Apply(d)
	b, ok := after.Booking("ind-1")
	require.True(t, ok)
	assert.Equal(t, at("2025-09-22 10:00"), b.Start)

	noID := jobsamtale("", "2025-09-22")
	d, err = rules.CreateBooking(muni(now, "ind-9"), registered(), noID)
	require.NoError(t, err)
	assert.Equal(t, "ind-9", d.Bookings[0].Record.ID, "a new id from the call's context")

	// A booking today, later than now, is fine; a digital meeting needs its link.
	_, err = rules.CreateBooking(muni(now), registered(), jobsamtale("ind-2", "2025-09-15"))
	assert.NoError(t, err)
	digital := jobsamtale("ind-3", "2025-09-22")
	digital.Form = dfdg.DigitalMeeting
	_, err = rules.CreateBooking(muni(now), registered(), digital)
	assert.ErrorIs(t, err, dfdgerrors.ErrMissingValue)
	digital.MeetingLink = "https://møde.example/abc"
	_, err = rules.CreateBooking(muni(now), registered(), digital)
	assert.NoError(t, err)
}

// DFDG 90002 (formerly 4783) 'MoedeStarttidspunkt kan ikke være tidligere end dags dato'.
func TestCode90002_BookingBeforeToday(t *testing.T) {
	now := at("2025-09-15 00:30")
	_, err := rules.CreateBooking(muni(now), registered(), jobsamtale("ind-1", "2025-09-14"))
	assert.ErrorIs(t, err, dfdgerrors.Code(90002))
	assert.ErrorIs(t, err, dfdgerrors.Code(4783), "the old number is the same condition")
	assert.Equal(t, "MoedeStarttidspunkt kan ikke være tidligere end dags dato", dfdgerrors.ErrBookingStartBeforeToday.Danish())
	assert.ErrorIs(t, dfdgerrors.FromDFDG(4783, ""), dfdgerrors.ErrBookingStartBeforeToday, "DFDG's answer with either number")
}

// DFDG 90004 (formerly 4792) 'MoedeSluttidspunkt kan ikke være tidligere end moedestarttidspunktet'.
func TestCode90004_BookingEndsBeforeItStarts(t *testing.T) {
	b := jobsamtale("ind-1", "2025-09-22")
	b.End = at("2025-09-22 09:59")
	_, err := rules.CreateBooking(muni(at("2025-09-15 11:00")), registered(), b)
	assert.ErrorIs(t, err, dfdgerrors.Code(90004))
	b.End = b.Start
	_, err = rules.CreateBooking(muni(at("2025-09-15 11:00")), registered(), b)
	assert.NoError(t, err, "an end at the start is not before it")
}

// DFDG 90001 (formerly 4709) "Den angivne samtaletype er ugyldig" (BOOK): a booking of a conversation
// type a complete samtaletyper list does not hold, on creation and on rebooking. The embedded list is
// not complete, so only a list the caller loads makes it; an interview keeps the list's UnknownCode,
// since the interview service documents no code for it.
func TestCode90001_BookingOfAnUnknownConversationType(t *testing.T) {
	cat, err := codelist.Load(fstest.MapFS{"samtaletyper.csv": {Data: []byte("# list: samtaletyper\n# complete: ja\n# source: a test\nid,name\n4,Opfølgningssamtale\n7,Jobsamtale\n")}})
	require.NoError(t, err)
	loaded := contactgroup.Rules{Catalog: cat}
	now := at("2025-09-15 11:00")
	b := jobsamtale("ind-1", "2025-09-22")
	b.Conversation = 12
	_, err = loaded.CreateBooking(muni(now), registered(), b)
	e, ok := dfdgerrors.As(err)
	require.True(t, ok, "%v", err)
	assert.Equal(t, dfdgerrors.ErrConversationTypeInvalid, e.Kind())
	assert.Equal(t, dfdgerrors.Code(90001), e.Code())
	assert.ErrorIs(t, err, dfdgerrors.Code(4709), "the old number is the same error")
	assert.Equal(t, "Den angivne samtaletype er ugyldig", e.Kind().Danish())
	assert.Equal(t, dfdgerrors.Path("samtaletype"), e.Field())
	assert.Equal(t, "12", e.Value())
	var rejected *codelist.Rejected
	require.ErrorAs(t, err, &rejected, "the list's rejection stays the cause")
	assert.Equal(t, 12, rejected.ID)

	stored := registered()
	stored.Bookings = []dfdg.Booking{jobsamtale("ind-1", "2025-09-22")}
	_, err = loaded.UpdateBooking(muni(now), stored, b)
	assert.ErrorIs(t, err, dfdgerrors.ErrConversationTypeInvalid, "a rebooking too")

	_, err = loaded.CreateBooking(muni(now), registered(), jobsamtale("ind-1", "2025-09-22"))
	assert.NoError(t, err, "a type the list holds")
	_, err = rules.CreateBooking(muni(now), registered(), b)
	assert.NoError(t, err, "the embedded list is not complete: 12 is not known to be wrong")
	err = loaded.ValidateInterview(muni(now), registered(), dfdg.Interview{ID: "s-1", Conversation: 12, Held: at("2025-09-15 10:00")}).Err()
	assert.ErrorIs(t, err, dfdgerrors.ErrUnknownCode, "an interview keeps the list's own kind")
}

// DFDG 90009, 90010 and 90014 (formerly 8125, 8126, 8127): the rebooking and cancellation deadlines
// against their flags.
func TestCode90009_And90010_And90014_RebookingAndCancellationDeadlines(t *testing.T) {
	now := at("2025-09-15 11:00")
	for _, c := range []struct {
		name   string
		change func(*dfdg.Booking)
		code   dfdgerrors.Code
	}{
		{"deadline without rebooking", func(b *dfdg.Booking) { b.RebookingDeadline = day("2025-09-20") }, 90009},
		{"rebooking without deadline", func(b *dfdg.Booking) { b.RebookingPossible = true }, 90010},
		{"cancellation deadline without cancellation", func(b *dfdg.Booking) { b.CancellationDeadline = day("2025-09-20") }, 90014},
	} {
		b := jobsamtale("ind-1", "2025-09-22")
		c.change(&b)
		_, err := rules.CreateBooking(muni(now), registered(), b)
		assert.ErrorIs(t, err, dfdgerrors.Code(c.code), c.name)
	}
	b := jobsamtale("ind-1", "2025-09-22")
	b.RebookingPossible, b.RebookingDeadline = true, day("2025-09-20")
	b.CancellationPossible, b.CancellationDeadline = true, day("2025-09-21")
	_, err := rules.CreateBooking(muni(now), registered(), b)
	assert.NoError(t, err)
	js, _ := json.Marshal(dfdgerrors.New(dfdgerrors.ErrCancellationDeadlineNotAllowed, "", "", ""))
	assert.Contains(t, string(js), `"oversat":["tekstEn"]`, "STAR gives 90014 in Danish only")
}

// DFDG 90006 and 90007 (formerly 4856, 4857): an a-kasse books its own members only.
func TestCode90006_And90007_TheCitizensAkasse(t *testing.T) {
	now := at("2025-09-15 11:00")
	c := registered()
	_, err := rules.CreateBooking(by(dfdg.AkasseActor("ak-2"), now), c, jobsamtale("ind-1", "2025-09-22"))
	assert.ErrorIs(t, err, dfdgerrors.Code(90007))
	c.Akasse = ""
	_, err = rules.CreateBooking(by(dfdg.AkasseActor("ak-2"), now), c, jobsamtale("ind-1", "2025-09-22"))
	assert.ErrorIs(t, err, dfdgerrors.Code(90006))
	assert.ErrorIs(t, err, dfdgerrors.Code(4856))
	_, err = rules.CreateBooking(by(dfdg.AkasseActor("ak-1"), now), registered(), jobsamtale("ind-1", "2025-09-22"))
	assert.NoError(t, err)
	_, err = rules.CreateBooking(by(dfdg.MunicipalityActor(147), now), registered(), jobsamtale("ind-1", "2025-09-22"))
	assert.ErrorIs(t, err, dfdgerrors.Code(4575), "another municipality")
}

// DFDG 4367 'Borger er ikke tilmeldt' on a new booking, checked against the citizen's registrations.
func TestCode4367_BookingForACitizenNotRegistered(t *testing.T) {
	c := registered()
	c.Registrations[0].End = at("2025-09-01 09:00")
	_, err := rules.CreateBooking(muni(at("2025-09-15 11:00")), c, jobsamtale("ind-1", "2025-09-22"))
	assert.ErrorIs(t, err, dfdgerrors.ErrNotEnrolled)
}

// DFDG 90036 (formerly 4768) 'Det angivne BookingId er ikke kendt i systemet': a rebooking, deletion
// or participant for a booking the citizen's stored bookings do not hold.
func TestCode90036_UnknownBooking(t *testing.T) {
	now := at("2025-09-15 11:00")
	c := registered()
	c.Bookings = []dfdg.Booking{jobsamtale("ind-1", "2025-09-22")}
	_, err := rules.UpdateBooking(muni(now), c, jobsamtale("ind-2", "2025-09-23"))
	assert.ErrorIs(t, err, dfdgerrors.Code(90036))
	_, err = rules.DeleteBooking(muni(now), c, contactgroup.BookingRef{ID: "ind-2"})
	assert.ErrorIs(t, err, dfdgerrors.Code(4768))
	_, err = rules.AddParticipant(muni(now), c, dfdg.Participant{ID: "md-1", Booking: "ind-2", Name: "Anna"})
	assert.ErrorIs(t, err, dfdgerrors.ErrBookingUnknown)

	// The known one is rebooked, with Indkaldelse.WSB Update, and deleted without a message.
	moved := jobsamtale("ind-1", "2025-09-23")
	d, err := rules.UpdateBooking(muni(now), c, moved)
	require.NoError(t, err)
	assert.Equal(t, dfdg.Update, d.Bookings[0].Type)
	assert.Contains(t, messages(t, d), "Indkaldelse.WSB Opdatering til kommune 101 om Indkaldelse ind-1")
	d, err = rules.DeleteBooking(muni(now), c, contactgroup.BookingRef{ID: "ind-1"})
	require.NoError(t, err)
	assert.Empty(t, d.Messages)
	assert.Empty(t, c.Apply(d).Bookings)
}

// CreateMyndighedsdeltager: a participant joins a booking with Indkaldelse.WSB Update; its fields are
// checked as STAR documents them (1014).
func TestCode1014_ParticipantFields(t *testing.T) {
	now := at("2025-09-15 11:00")
	c := registered()
	c.Bookings = []dfdg.Booking{jobsamtale("ind-1", "2025-09-22")}
	p := dfdg.Participant{ID: "md-1", Booking: "ind-1", Name: "Anna Jensen", Contact: "a-kasse ak-1", Phone: "+4512345678"}
	d, err := rules.AddParticipant(muni(now), c, p)
	require.NoError(t, err)
	assert.Equal(t, []dfdg.Participant{p}, d.Bookings[0].Record.Participants)
	assert.Contains(t, messages(t, d), "Indkaldelse.WSB Opdatering til kommune 101 om Indkaldelse ind-1")
	assert.Empty(t, c.Bookings[0].Participants, "the citizen given is not modified")

	for path, change := range map[string]func(*dfdg.Participant){
		"navn":                         func(p *dfdg.Participant) { p.Name = strings.Repeat("n", 257) },
		"kontaktdetaljer":              func(p *dfdg.Participant) { p.Contact = strings.Repeat("k", 257) },
		"telefonnummer":                func(p *dfdg.Participant) { p.Phone = "12" },
		"myndighedsdeltagerIdentifier": func(p *dfdg.Participant) { p.ID = "" },
		"indkaldelseIdentifier":        func(p *dfdg.Participant) { p.Booking = "" },
	} {
		q := p
		change(&q)
		errs := rules.ValidateAddParticipant(muni(now), c, q)
		require.NotEmpty(t, errs, path)
		assert.Equal(t, dfdgerrors.Code(1014), errs[0].Code(), path)
		assert.Equal(t, dfdgerrors.Path(path), errs[0].Field(), path)
	}
	c = c.Apply(d)
	_, err = rules.AddParticipant(muni(now), c, p)
	assert.ErrorIs(t, err, dfdgerrors.ErrInvalidState, "the same participant twice")
}
