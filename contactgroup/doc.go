// Package contactgroup applies section 1 of the release note, Kontaktforløb: deadlines (1.1), the
// benefit decision from KY (1.2), inactive contact groups and registration categories (1.4),
// registration as jobseeker and placement in a contact group (1.5) and person-category changes (1.7).
// The participation choice of 1.3 and the contact groups sickness moves (1.6, 2.4) belong to the
// absence commands that cause them, in package absence. Beyond the note, ValidateInterview applies the
// business rules DFDG documents for a held interview (CreateInterview).
//
// Every command is a method of Rules and has the library's one shape: the call's context (who acts,
// when, and where new ids come from), the citizen as the caller loaded it, the command; the result is a
// dfdg.Decision, with the records to create and update, the messages (WSB) to send and the rules that
// acted, or the first violation and a zero Decision. Validate… methods return every violation.
//
//	at := dfdg.At{Now: time.Now(), By: dfdg.MunicipalityActor(101)}
//	d, err := contactgroup.Rules{}.RegisterJobseeker(at, citizen, contactgroup.RegistrationRequest{
//		Category: 2, Group: dfdg.Dagpengemodtager,
//	})
//	citizen = citizen.Apply(d)
//
// Contact-group memberships, registrations and person categories are periods between instants
// (time.Time), half open: a membership that ends at 10:00 and one that starts at 10:00 do not
// overlap. Deadlines have due dates (dfdg.Date), judged on the Danish date of now.
//
// Beyond the note, the package pre-validates the contact-course operations a jobcentre calls every
// day, as STAR documents them: bookings (CreateBooking, UpdateBooking, DeleteBooking, AddParticipant:
// Kontaktforloeb.IndkaldelseService), deregistration (Deregister), the end of a contact group
// (EndGroup) and guest access (GrantGuestAccess: CreateGaesteadgang).
//
// Who may act is each operation's table of allowed organisations (codelist.Operations()): a placement
// is CreateKontaktgruppe (a municipality or STAR; no a-kasse), a registration the enrollment service
// (an a-kasse for its members, a municipality for its citizens, STAR, Jobnet), a deadline the frist
// service (a jobcentre or STAR), a person category PersonRegistrationService, a benefit decision KY's,
// a booking the IndkaldelseService (an a-kasse booking a citizen who is not its member gets 90006 or
// 90007), guest access any organisation.
// Where STAR's copy of a table is ambiguous, the pattern of its readable tables is followed. A
// municipality must be one of the 98.
//
// Choices where the note is silent:
//   - 1.1: a deadline's status is derived on the decision date: an open deadline whose due date has
//     passed counts as 'Overskredet frist' even when the stored status still says open. A deadline of
//     the same conversation type does not block.
//   - 1.2: "afmeldte borgeren som ansøger" ends the citizen's status as an applicant, not the
//     registration as a jobseeker: the applicant registration ends at now and a registration without
//     benefit, not an applicant's, starts at now, with no category (the id of that category is not
//     public; DFDG sets it). Reading it as the end of all registration would leave a citizen in
//     'Uden ydelse' who is registered nowhere, which group 8 does not mean. A rejection when the
//     citizen has no open applicant registration changes nothing. Whether a registration category is
//     an applicant's comes from the code list when it knows the category, else from
//     Registration.Applicant.
//   - 1.5: the previous contact group is the one active at now; it ends at now even when it was due
//     to end later. Rule 1.5 is about registration as a jobseeker: CreateKontaktgruppe takes the start
//     it is given, which must be today (4703), and a registration never ends another: a citizen
//     registered at now, or later, is 4316. A history with a membership that ends before it starts, two memberships or
//     registrations that overlap, or one that starts after now is rejected; CheckHistory lists every
//     such problem so a caller can repair its copy.
//   - Messages go to the citizen's jobcentre municipality. Kontaktgruppe.WSB also goes to the citizen's
//     a-kasse when the citizen moves into group 13 (jobafklaring), which is what STAR's public page
//     for the message says; its second a-kasse case is cut off in the only copy read, so it is not
//     implemented.
//   - A record a decision creates gets the command's id when it names one, else a new id from the
//     call's context (dfdg.At.NewID); the membership a registration or a rejected benefit creates
//     always gets a new one.
package contactgroup
