// Package audit checks the citizens a case-management or a-kasse system keeps as a local copy of DFDG
// against the release note's rules, and gives the repair where the rules determine it
// (datagenopretning): the states DFDG itself wrote for years, which live on in the copies fed by its
// messages.
//
// Check reports every finding for one citizen; Stream does the same for a stream of citizens, one at a
// time, so that its memory does not grow with their number. A Finding names its rule, the records
// involved, what is wrong (an *errors.Error, with its Danish and English texts and the path of the
// record in the citizen's JSON) and, where the rules determine it, the repair as a dfdg.Decision: the
// changes to make and the messages DFDG's repair would send.
//
// The rules and what is reported:
//
//   - 1.4, 2.6 and 3.7: a contact group, registration category, absence type or authority area that
//     was inactive on the day its record starts (ErrInactiveCode, ErrAuthorityAreaExpired). No
//     repair: the record is history, and the rules only refuse new ones.
//   - 1.5: memberships that end before they start, have no start, start after now, or overlap (the
//     findings of contactgroup's CheckHistory). No repair: which record is wrong is not determined.
//   - 2.1: two absences that overlap where neither type's policy allows the other, so that no order of
//     registration was legal (ErrOverlapNotAllowed). No repair. An absence that ends before it starts
//     is reported under 2.3 (1003, ErrNegativeDuration).
//   - 2.2: open sick absences at or past 60 days for a citizen in group 1, 8 or none, and not in 25
//     (ErrSickAbsenceOverdue). Repair: the sweep's closure, ending them today with Fravaer.WSB. An
//     open sick absence the sweep cannot judge (no first sick day, or no id to close it by) is
//     reported with the sweep's error, without a repair.
//   - 2.4: a membership of group 24 open though every sick absence has ended
//     (ErrGroup24OpenAfterRecovery). No repair: DFDG ends group 24 at the time it receives the
//     recovery, which a stored copy does not hold.
//   - 3.4: company-oriented activities that duplicate an earlier one under today's rule
//     (ErrDuplicateActivity). No repair: which one the caseworker meant is not determined.
//   - 4.1: registrations kept on or after their deletion date (ErrPastDeletionDate). Repair: their
//     deletion, with the messages rule 4.1 gives (none for a registration). A registration that ends
//     before it starts has no deletion date and is reported with ErrEndsBeforeStart.
package audit
