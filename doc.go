// Package dfdg is the shared vocabulary of regelkit/dfdg, a library that holds the business rules of
// DFDG (Det Fælles Datagrundlag), the Danish national data platform that jobcentres, unemployment
// funds and benefit systems write to.
//
// This package has the values every rule speaks in:
//
//   - Citizen, what DFDG keeps about one citizen (contact groups, registrations, person categories,
//     deadlines, participation choices, absences, the plan, activities), loaded by the caller from
//     its own storage and handed, the same value, to every package;
//   - At, the context of a call: now, who acts, and where new ids come from;
//   - Decision, what every command decides (the records to create, update or delete), with its
//     Outcome (the messages, WSB, to send, and the rules that acted), and Citizen.Apply;
//   - the typed codes of DFDG's code lists (ContactGroup, AbsenceType, …) with the ids the release
//     note names, and RecordKind;
//   - Date, a civil date with month arithmetic that clamps to the month's end, and DateOf, the Danish
//     date of an instant, exact across summer time without zoneinfo on the machine;
//   - Period, a span of days whose only invalidity is DFDG error 1003 (start after end);
//   - CPR, a personal number that masks itself wherever it is printed;
//   - Actor and Municipality, who acts and who receives;
//   - Message, a web-service message (WSB) a decision causes, with DFDG's change types;
//   - RuleID, RuleSet and Rules, the 22 items of the release note that the rules carry.
//
// The rules themselves live in the packages contactgroup (section 1 of the note), absence (section 2),
// plan and activity (section 3) and gdpr (section 4); code lists in codelist; errors in errors.
//
// # The calling convention
//
// Every entry point of every rule package has one shape, so that a caller who learned one package
// knows them all:
//
//	func (r Rules) Command(at dfdg.At, c dfdg.Citizen, cmd Command) (dfdg.Decision, error)
//	func (r Rules) ValidateCommand(at dfdg.At, c dfdg.Citizen, cmd Command) dfdgerrors.List
//
// Its parts:
//
//   - Rules is a small value per package that holds the code lists; its zero value uses the ones
//     embedded in the library (contactgroup.Rules{}, absence.Rules{Catalog: cat}).
//   - at comes first: the instant DFDG receives the call (nothing reads the clock), who acts (each
//     command checks it: KSD reports sickness, KY decides benefits, a municipality is one of the 98),
//     and At.NewID for the ids of the records the decision creates, with a deterministic default.
//   - The citizen comes next, as the caller loaded it; the rules read what they need of it and derive
//     the rest (the contact group at now). Its slices are never modified.
//   - The command is last: the record to create (a dfdg.Absence, a dfdg.Activity) or a request of the
//     package's (contactgroup.RegistrationRequest, absence.Recovery).
//   - A decision is a dfdg.Decision: its changes, then its Outcome, the messages and rules. A rejected
//     command returns the first violation, an *errors.Error with its DFDG code where DFDG documents one,
//     and a zero Decision. A Validate… method returns every violation in a List, which is not an error:
//     List.Err gives one, nil when there is none.
//   - A sweep takes the same context and a stream of citizens or records (iter.Seq) and yields an item
//     per one it acts on, carrying the same Outcome.
//
// A program that uses them all:
//
//	at := dfdg.At{Now: time.Now(), By: dfdg.SystemActor(dfdg.ActorKSD)}
//	d, err := absence.Rules{}.ReportSick(at, citizen, dfdg.Absence{Type: dfdg.SygdomSygemelding,
//		Period: dfdg.Period{Start: firstDay}})
//	if err != nil { … }
//	deliver(d.Messages)
//	citizen = citizen.Apply(d)
//
// Every rule is a pure function: nothing is stored, nothing reads the clock, and everything is safe for
// concurrent use.
//
// # Danish and English names
//
// Go identifiers are English (Membership, ReportSick, Deadline), one word per concept. What DFDG
// names is written as DFDG writes it, in Danish: the code lists' entries and the constants of their
// ids (SygdomSygemelding, Dagpengemodtager), the messages (Kontaktgruppe.WSB, Aendringstype
// Oprettelse), the error texts, and the JSON names, which are DFDG's own where its documentation shows
// them (fravaerIdentifier, timerPrUge, kontaktgruppeIdentifier) and Danish camelCase otherwise. The
// Danish text of an error that carries a release-note item is the note's, letter for letter.
package dfdg
