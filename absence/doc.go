// Package absence applies section 2 of the release note, Fravær og fritagelser: the overlap policy
// (2.1), the 60-day sweep of sick absences (2.2), error 1003 only for a start after the end (2.3),
// contact group 24 ending at every recovery (2.4), one Fravaer.WSB at recovery (2.5) and inactive
// absence types (2.6); with the couplings of section 1: ending absence 75 keeps the participation
// choice (1.3) and sickness for a citizen in no contact group gives groups 8 and 24 (1.6).
//
// Every command is a method of Rules with the library's one shape: the call's context, the citizen,
// the command; the result is a dfdg.Decision with the absences and contact-group memberships to create
// and update, the messages and the rules that acted.
//
//	at := dfdg.At{Now: time.Now(), By: dfdg.SystemActor(dfdg.ActorKSD)}
//	d, err := absence.Rules{}.Recover(at, citizen, absence.Recovery{ID: "fr-1", End: dfdg.MustParseDate("2025-10-01")})
//
// Each command pre-validates a DFDG operation, and who may call it is that operation's table of
// allowed organisations (codelist.Operations()): an a-kasse for its members, a municipality, or
// another actor for it, for the citizens attached to its jobcentre, STAR for all.
//   - Create is DFDG's CreateFravaer, for absences that are not sickness (a type the code list marks as
//     sickness is refused); from Jobnet it is the citizen's own absence.
//   - CreateSickness is CreateSygemelding, a sickness reported by an a-kasse, a jobcentre, a
//     municipality or STAR, with its documented checks (4685, 4686, 4980) and, in the same call, a
//     deregistration (4367, 4322).
//   - Recover is Raskmeld from the same callers, optionally with a registration and a change or end
//     of the contact group; from KSD it is KSD's recovery.
//   - ReportSick and Resume are KSD's feed (the sickness-benefit system's own service), under rule
//     1.6; ReportSick takes only a sick absence: a type the code list knows and does not mark as
//     sickness (a holiday, 10) is rejected.
//
// A refused caller gets DFDG's 4575 where the operation documents it (CreateFravaer,
// CreateSygemelding), the library's ErrActorNotAllowed where it does not.
//
// Choices where the note is silent:
//   - 2.1: the overlap policy is data, a column of the absence types' code list. Type 66 may overlap
//     only 10 and 47; types the note says nothing about restrict nothing. The policy of the type
//     registered decides: the note changes "the validation on" 66, so a new or moved 66 may not
//     overlap a sickness, and a sickness reported over an existing 66 is accepted. Periods overlap
//     when they share a day.
//   - 2.2: the sweep closes the open sick absences of citizens in group 1, 8 or none at the run's now,
//     not in 25. A sick absence is one whose type the code list marks as sickness (11
//     'SygdomSygemelding'), or one KSD reported. The first day the sweep closes it is the first sick
//     day plus 60 days; the end date is the run date; the closing sends Fravaer.WSB Update to the
//     jobcentre, when the citizen has one.
//   - 2.5: reporting an absence sends one Fravaer.WSB Create to the jobcentre; updating, ending,
//     recovering and resuming send one Fravaer.WSB Update each.
//   - 2.6: inactive types are checked on the decision date, for new absences and for updates that
//     change the type; an absence that already has an inactive type can still be updated and ended.
//   - 1.6: group 8 starts at the first sick day's start (00:00 in Denmark), or at the end of the
//     citizen's last membership when that is later, and ends at the receipt instant (now), where
//     group 24 starts. A citizen who is in a contact group when sickness is reported keeps it. The
//     memberships get new ids from the call's context.
//   - A recovery ends contact group 24 at the instant of the recovery (now), and sets the absence's
//     end date to the date given; rules 2.4 and 2.5 apply to every recovery, Raskmeld's and KSD's.
//   - CreateSygemelding: rule 1.6 does not apply (the citizen must be in a contact group, 4686, and
//     keeps it); a deregistration ends the registration at now, or at 00:00 of a later date. A resumed absence is open again and marked Resumed; a citizen
//     in no contact group is placed in group 24 again, from now.
//   - A new absence without an id gets one from the call's context.
package absence
