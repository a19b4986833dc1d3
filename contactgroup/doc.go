// Package contactgroup applies section 1 of the release note, Kontaktforløb: deadlines (1.1), the
// benefit decision from KY (1.2), participation choices (1.3), inactive contact groups and
// registration categories (1.4), registration as jobseeker (1.5), the technical registration in
// contact group 8 on historical sickness (1.6) and person-category changes (1.7).
//
// A caller loads a citizen's state from its own storage into a Citizen, calls one function per event
// with "now", and gets back a Decision: the records to create and update, the messages (WSB) to send,
// and the rules that acted. Nothing is stored and nothing reads the clock. A rejected command returns
// an *errors.Error naming its rule and a zero Decision; Citizen.Apply gives the state after a decision,
// for callers that keep the state in memory and for tests.
//
//	d, err := contactgroup.RegisterJobseeker(citizen, contactgroup.RegistrationRequest{
//		ID: "reg-2", Category: 2, Group: contactgroup.Dagpengemodtager, MembershipID: "kg-9",
//	}, time.Now(), nil)
//
// Contact-group memberships, registrations and person categories are periods between instants
// (time.Time), half open: a membership that ends at 10:00 and one that starts at 10:00 do not
// overlap. Deadlines have due dates (dfdg.Date), judged on the Danish date of "now".
//
// Choices where the note is silent:
//   - 1.1: a deadline's status is derived on the decision date: an open deadline whose due date has
//     passed counts as 'Overskredet frist' even when the stored status still says open. A deadline of
//     the same conversation type does not block.
//   - 1.2: a rejection when the citizen has no open applicant registration changes nothing. Whether a
//     registration category is an applicant's comes from the code list when it knows the category,
//     else from Registration.Applicant.
//   - 1.5: the previous contact group is the one active at now; it ends at now even when it was due
//     to end later. A history with a membership that ends before it starts, two memberships that
//     overlap, or one that starts after now is rejected; CheckHistory lists every such problem so a
//     caller can repair its copy.
//   - 1.6: group 8 starts at the first sick day's start (00:00 in Denmark), or at the end of the
//     citizen's last membership when that is later, and ends at the receipt instant (now), where
//     group 24 starts. A citizen who is in a contact group when sickness is reported keeps it.
//   - Messages go to the citizen's jobcentre municipality. Kontaktgruppe.WSB also goes to the citizen's
//     a-kasse when the citizen moves into group 13 (jobafklaring), which is what STAR's public page
//     for the message says; its second a-kasse case is cut off in the only copy read, so it is not
//     implemented.
//   - Records are matched by ID in Apply; a record without an ID is matched by its kind and start.
package contactgroup

// Contact groups the rules name (ContactGroupTypeCodeList).
const (
	Dagpengemodtager           = 1  // 'Dagpengemodtager' (3.1, 2.2)
	UdenYdelse                 = 8  // 'Uden ydelse' (1.2, 1.6, 2.2)
	Jobafklaring               = 13 // jobafklaring; Kontaktgruppe.WSB also goes to the a-kasse
	SygedagpengeBeskaeftigelse = 24 // 'Sygedagpengemodtager fra beskæftigelse' (1.6, 2.4)
	SygedagpengeLedighed       = 25 // 'Sygedagpengemodtager fra ledighed' (2.2)
)

// The joint conversation and the participation choice of rule 1.3.
const (
	// FaellesJobsamtale is conversation type 17 'Fælles jobsamtale med dagpengemodtager'.
	FaellesJobsamtale = 17
	// AkassedeltagelseFoersteSamtale is participation choice 3 'Borger ønsker a-kassedeltagelse ved
	// første samtale i jobcenteret'.
	AkassedeltagelseFoersteSamtale = 3
)
