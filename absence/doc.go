// Package absence applies section 2 of the release note, Fravær og fritagelser: the overlap policy
// (2.1), the 60-day sweep of sick absences (2.2), error 1003 only for a start after the end (2.3),
// contact group 24 ending at every recovery (2.4), one Fravaer.WSB at recovery (2.5) and inactive
// absence types (2.6); with the couplings of section 1: ending absence 75 keeps the participation
// choice (1.3) and sickness for a citizen in no contact group gives groups 8 and 24 (1.6).
//
// A caller loads the citizen into a State (the contact-group state of package contactgroup and the
// absences), calls one function per event with "now", and gets a Decision: the absences and
// contact-group memberships to create and update, the messages, and the rules that acted. Nothing is
// stored and nothing reads the clock.
//
//	d, err := absence.Recover(state, "fr-1", dfdg.MustParseDate("2025-10-01"), time.Now())
//
// Choices where the note is silent:
//   - 2.1: the overlap policy is data, a column of the absence types' code list. Type 66 may overlap
//     only 10 and 47; types the note says nothing about restrict nothing; a policy binds both ways,
//     so no absence may overlap a 66 unless it is a 10 or a 47. Periods overlap when they share a day.
//   - 2.2: the first day the sweep closes an absence is the first sick day plus 60 days; the end date
//     is the run date; the closing sends Fravaer.WSB Update to the jobcentre, when the input names one.
//   - 2.5: reporting an absence sends one Fravaer.WSB Create to the jobcentre; updating, ending,
//     recovering and resuming send one Fravaer.WSB Update each.
//   - 2.6: inactive types are checked on the decision date, for new absences and for updates that
//     change the type; an absence that already has an inactive type can still be updated and ended.
//   - A recovery ends contact group 24 at the instant of the recovery (now), and sets the absence's
//     end date to the date KSD gives. A resumed absence is open again and marked Resumed; a citizen
//     in no contact group is placed in group 24 again, from now.
//   - Absences need an id: messages and changes name them by it.
package absence

// Absence types the rules name (AbsenceTypeCodeList).
const (
	// Ferie is holiday absence 10, which 66 may overlap (2.1).
	Ferie = 10
	// Ferie47 is holiday absence 47, which 66 may overlap (2.1); its name is not known here.
	Ferie47 = 47
	// ManglendePasningsmulighed is 66 'Inden for institutionens åbningstid – manglende
	// pasningsmulighed' (2.1).
	ManglendePasningsmulighed = 66
	// KontaktforloebIAkassen is 75 'Kontaktforløb er i a-kassen' (1.3); STAR's documentation calls it
	// 'Kontaktforløb er hos a-kassen'.
	KontaktforloebIAkassen = 75
)

// The release note never gives the id of the sick absence KSD reports; the code list's 11
// 'SygdomSygemelding' is the likely one, but the library does not assume it: the rules for sickness
// work on whatever type the caller's absence carries.
