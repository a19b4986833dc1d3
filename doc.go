// Package dfdg is the shared vocabulary of regelkit/dfdg, a library that holds the business rules of
// DFDG (Det Fælles Datagrundlag), the Danish national data platform that jobcentres, unemployment
// funds and benefit systems write to.
//
// This package has the values every rule speaks in:
//
//   - Date, a civil date with month arithmetic that clamps to the month's end, and DateOf, the Danish
//     date of an instant, exact across summer time without zoneinfo on the machine;
//   - Period, a span of days whose only invalidity is DFDG error 1003 (start after end);
//   - CPR, a personal number that masks itself wherever it is printed;
//   - Actor and Municipality, who acts and who receives;
//   - Message, a web-service message (WSB) a decision causes, with DFDG's change types;
//   - RuleID, RuleSet and Rules, the 22 items of the release note that the rules carry.
//
// The rules themselves live in the packages contactgroup (section 1 of the note), absence (section 2),
// plan and activity (section 3) and gdpr (section 4); code lists in codelist; errors in errors. Every
// rule is a pure function of the state the caller loads from its own storage, the command and "now":
// nothing is stored, nothing reads the clock, and everything is safe for concurrent use.
package dfdg
