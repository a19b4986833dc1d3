// Package gdpr applies section 4 of the release note, Sletning af data: when each kind of DFDG record
// is deleted (4.1), the error 4589 'Id ikke fundet' for a registration that is due, whatever the
// caller's storage still holds (4.1), GdprSletAfdoede.WSB for a deceased person (4.1), and the
// messages for deleted logs (4.2). Callers use it to compute deletion dates for their own copies of
// DFDG's data and to answer as DFDG does.
//
// A Record names its kind and the dates its rule reads. Rules.DeletionDate gives the date it is
// deleted, or "never" with the reason; Delete gives a deletion's messages; Sweep streams records and
// yields those that are due, each with the same outcome (messages and rules) as every decision of the
// library:
//
//	at := dfdg.At{Now: time.Now()}
//	due, err := gdpr.Rules{}.DeletionDate(at, gdpr.Record{Kind: dfdg.RecordRegistration, ID: "reg-1",
//		Start: dfdg.MustParseDate("2019-03-01"), End: dfdg.MustParseDate("2019-08-31")})
//	// due.Date is 2025-08-31: 6 years after the deregistration date.
//
// The facts each kind needs:
//
//	Kind                      Start                 End                          other
//	RecordRegistration        registration date     deregistration date (zero: open, never due)
//	RecordKYDecision          —                     the KY case closed (zero: open, never due)
//	RecordHealthLimitation    —                     the limitation ended (zero: never due)
//	RecordDialogueMessage     sent (required)       answered (zero: unanswered)
//	RecordPersonGroupMarking  —                     the marking's end (zero: never due)   ProjectType
//	RecordEfterloen           —                     —                            Birth, or Person (a CPR)
//	RecordDeceased            —                     the death notification (required)
//	RecordJobLog, RecordOtherLog, RecordJobLogDocument: no deletion date in the note (never due).
//
// Where both Start and End are given, an End before Start is ErrEndsBeforeStart (DFDG documents 1003
// only for an absence's period). A missing date the rule needs
// is an error, never a silent "never due"; a death notified after today is an error; nothing is ever
// due before its date. Month and year arithmetic clamps to the month's end (EU 1182/71): 29 February +
// 6 years is 28 February, 31 August + 6 months is the end of February.
//
// These are computations for the caller's own copy, so they check no actor; the day of at.Now is the
// day of the calculation.
//
// Choices where the note is silent:
//   - Person-group markings of project types other than 1, 3, 4 and 5 are never due, with that as
//     the reason; so are the log kinds, for which the note gives messages but no period.
//   - 4589 answers reads of every record kind whose date has come, not only registrations: the note
//     documents it for registrations and RULES.md says a deleted record "must be treated as not there".
//   - The recipients of GdprSletJoblog.WSB and GdprSletAndenlog.WSB are the citizen's jobcentre
//     municipality and a-kasse at the time of deletion, as the caller gives them: the note names none.
//   - GDPR messages have change type Sletning (3), as DFDG's other GDPR deletion messages do.
package gdpr

import (
	"strconv"
	"time"

	"github.com/regelkit/dfdg"
	"github.com/regelkit/dfdg/codelist"
	dfdgerrors "github.com/regelkit/dfdg/errors"
	"github.com/regelkit/dfdg/internal/check"
	"github.com/regelkit/dfdg/internal/enum"
)

// Record is one record whose deletion date is wanted: its kind, id and the dates its rule reads (see
// the package documentation for which), and for the messages, who receives them.
type Record struct {
	Kind  dfdg.RecordKind `json:"posttype,omitempty"`
	ID    string          `json:"id,omitempty"`
	Start dfdg.Date       `json:"startdato,omitzero"`
	End   dfdg.Date       `json:"slutdato,omitzero"`
	// ProjectType is a person-group marking's project type (1, 3, 4, 5; rule 4.1).
	ProjectType dfdg.ProjectType `json:"projekttype,omitempty"`
	// Birth is the person's birth date, for efterløn data; Person gives it when Birth is zero.
	Birth dfdg.Date `json:"foedselsdato,omitzero"`
	// Person is the person's CPR number, read for the birth date only. It is not written to JSON,
	// which would mask it.
	Person dfdg.CPR `json:"-"`
	// Municipalities and Akasser receive the deletion messages: for a deceased person every
	// municipality the person was attached to and every a-kasse the person was a member of; for a
	// log the citizen's jobcentre and a-kasse at the time of deletion.
	Municipalities []dfdg.Municipality `json:"kommuner,omitempty"`
	Akasser        []dfdg.Akasse       `json:"akasser,omitempty"`
}

// Basis says which line of rule 4.1 gave a deletion date, or why a record is never due.
type Basis uint8

// The bases.
const (
	AfterDeregistration Basis = iota + 1
	AfterKYCaseClosed
	AfterLimitationEnded
	AfterAnswered
	AfterSent
	AfterMarkingEnd6Years
	AfterMarkingEnd6Months
	AfterPensionAge
	AfterDeathNotification
	NeverOpenRegistration
	NeverNotEnded
	NeverProjectTypeNotCovered
	NeverLogNoPeriod
	numBases
)

// basisDanish and basisEnglish say each basis in Danish and English.
var basisDanish = [numBases]string{
	AfterDeregistration:        "6 år efter afmeldedatoen",
	AfterKYCaseClosed:          "6 år efter at KY-sagen er afsluttet",
	AfterLimitationEnded:       "6 år efter at begrænsningen er afsluttet",
	AfterAnswered:              "6 år efter at beskeden er besvaret (besked og svar slettes)",
	AfterSent:                  "6 år efter at beskeden er afsendt (ikke besvaret)",
	AfterMarkingEnd6Years:      "6 år efter persongruppemarkeringens slutdato (projekttype 1 og 5)",
	AfterMarkingEnd6Months:     "6 måneder efter persongruppemarkeringens slutdato (projekttype 3 og 4)",
	AfterPensionAge:            "6 år efter personens folkepensionsalder",
	AfterDeathNotification:     "6 år efter dødemeldingen",
	NeverOpenRegistration:      "tilmeldingen er ikke afmeldt",
	NeverNotEnded:              "sagen, begrænsningen eller markeringen er ikke afsluttet",
	NeverProjectTypeNotCovered: "projekttypen er ikke omfattet af releasenotens sletteregler",
	NeverLogNoPeriod:           "releasenoten giver ingen slettefrist for log; sletningen besluttes andetsteds",
}

var basisEnglish = [numBases]string{
	AfterDeregistration:        "6 years after the deregistration date",
	AfterKYCaseClosed:          "6 years after the KY case was closed",
	AfterLimitationEnded:       "6 years after the limitation ended",
	AfterAnswered:              "6 years after the message was answered (message and answer)",
	AfterSent:                  "6 years after the message was sent (not answered)",
	AfterMarkingEnd6Years:      "6 years after the marking's end date (project types 1 and 5)",
	AfterMarkingEnd6Months:     "6 months after the marking's end date (project types 3 and 4)",
	AfterPensionAge:            "6 years after the person's state-pension age",
	AfterDeathNotification:     "6 years after the death notification",
	NeverOpenRegistration:      "the registration has not been deregistered",
	NeverNotEnded:              "the case, limitation or marking has not ended",
	NeverProjectTypeNotCovered: "the project type is not covered by the release note's deletion rules",
	NeverLogNoPeriod:           "the release note gives no period for logs; their deletion is decided elsewhere",
}

var basisText = enum.Text[Basis]{Type: "Basis", Field: "grundlag", Names: basisDanish[:], Other: basisEnglish[:]}

// Danish returns the basis in Danish; "" for a value that is no basis.
func (b Basis) Danish() string {
	if b < numBases {
		return basisDanish[b]
	}
	return ""
}

// English returns the basis in English; "" for a value that is no basis.
func (b Basis) English() string {
	if b < numBases {
		return basisEnglish[b]
	}
	return ""
}

// String returns the Danish text.
func (b Basis) String() string { return basisText.String(b) }

// MarshalText writes the Danish text; the zero Basis writes the empty text.
func (b Basis) MarshalText() ([]byte, error) { return basisText.Marshal(b) }

// UnmarshalText reads the Danish text MarshalText writes, or the English one.
func (b *Basis) UnmarshalText(t []byte) error { return basisText.Unmarshal(b, t) }

// Due is when a record is deleted: on Date and after, or Never; Basis says why, and Rule names the
// item of the note that gave it.
type Due struct {
	Date  dfdg.Date   `json:"dato,omitzero"`
	Never bool        `json:"aldrig,omitempty"`
	Basis Basis       `json:"grundlag,omitempty"`
	Rule  dfdg.RuleID `json:"regel,omitempty"`
}

// DueOn reports whether the record is deleted on day: day is on or after Date.
func (d Due) DueOn(day dfdg.Date) bool { return !d.Never && !d.Date.IsZero() && !day.Before(d.Date) }

// String returns "2031-07-01 (6 år efter afmeldedatoen)" or "aldrig (…)".
func (d Due) String() string {
	if d.Never {
		return "aldrig (" + d.Basis.Danish() + ")"
	}
	return d.Date.String() + " (" + d.Basis.Danish() + ")"
}

func dueAt(date dfdg.Date, b Basis) Due { return Due{Date: date, Basis: b, Rule: dfdg.Rule4_1} }

func never(b Basis, rule dfdg.RuleID) Due { return Due{Never: true, Basis: b, Rule: rule} }

func missing(field dfdgerrors.Path, r *Record) error {
	return dfdgerrors.New(dfdgerrors.ErrMissingValue, dfdg.Rule4_1, field, r.ID).
		WithDetail(r.Kind.String()+" "+r.ID+" mangler "+string(field), r.Kind.String()+" "+r.ID+" lacks "+string(field))
}

// Rules applies section 4 of the release note. Its zero value uses the code lists embedded in the
// library (the state-pension-age table among them); set Catalog to use others (codelist.Load). A Rules
// is a small value, safe for concurrent use.
type Rules struct {
	// Catalog holds the state-pension-age table the efterløn rule reads; nil means codelist.Default().
	Catalog *codelist.Catalog
}

// DeletionDate applies rule 4.1 to the record r: the date it is deleted, with the basis, or never with
// the reason. The day of at.Now is the date of the calculation: a death notified after it is an error
// (with a zero at.Now nothing is checked against it). An End before Start is ErrEndsBeforeStart
// (DFDG documents 1003 only for an absence's period); a missing date the rule needs is
// ErrMissingValue. The date is never before the event it counts from. It needs no actor.
func (rs Rules) DeletionDate(at dfdg.At, r Record) (Due, error) {
	return rs.deletionDate(dfdg.Date{}, at.Now, &r)
}

// deletionDate is DeletionDate on the day today, for sweeps that compute the day once; a zero today
// is the day of now, computed only for the one kind that reads it.
func (rs Rules) deletionDate(today dfdg.Date, now time.Time, r *Record) (Due, error) {
	cat := rs.Catalog
	if !r.Start.IsZero() && !r.End.IsZero() && r.End.Before(r.Start) {
		return Due{}, dfdgerrors.New(dfdgerrors.ErrEndsBeforeStart, dfdg.Rule4_1, "slutdato", r.ID)
	}
	if line, ok := retentionOf(r); ok {
		if due, ok := line.due(r); ok {
			return due, nil
		}
		return Due{}, missing("startdato", r)
	}
	switch r.Kind {
	case dfdg.RecordPersonGroupMarking:
		return never(NeverProjectTypeNotCovered, dfdg.Rule4_1), nil
	case dfdg.RecordEfterloen:
		birth := r.Birth
		if birth.IsZero() {
			birth = r.Person.BirthDate()
		}
		if birth.IsZero() {
			return Due{}, missing("foedselsdato", r)
		}
		pension, err := cat.PensionAgeDate(birth)
		if err != nil {
			return Due{}, err
		}
		return dueAt(pension.AddMonths(periods[sixYears]), AfterPensionAge), nil
	case dfdg.RecordDeceased:
		if r.End.IsZero() {
			return Due{}, missing("slutdato", r)
		}
		if today.IsZero() {
			today = dfdg.DateOf(now)
		}
		if !today.IsZero() && r.End.After(today) {
			return Due{}, dfdgerrors.New(dfdgerrors.ErrInvalidValue, dfdg.Rule4_1, "slutdato", r.End.String()).
				WithDetail("dødemeldingen ligger efter "+today.String(), "the death notification is after "+today.String())
		}
		return dueAt(r.End.AddMonths(periods[sixYears]), AfterDeathNotification), nil
	case dfdg.RecordJobLog, dfdg.RecordOtherLog, dfdg.RecordJobLogDocument:
		return never(NeverLogNoPeriod, dfdg.Rule4_2), nil
	}
	return Due{}, dfdgerrors.New(dfdgerrors.ErrInvalidValue, dfdg.Rule4_1, "posttype", strconv.Itoa(int(r.Kind))).
		WithDetail("posttypen har ingen sletteregel", "the record kind has no deletion rule")
}

// CheckRead is the guard a caller puts in front of its own "get" or "update" of a record (rule
// 4.1): when the record's deletion date has come by the day of at.Now, it answers DFDG error 4589 'Id
// ikke fundet', even though the caller's storage still holds the record. It returns DeletionDate's
// error for a record it cannot judge, and nil otherwise, without allocating. A zero at.Now is an
// error: the guard needs the day.
func (rs Rules) CheckRead(at dfdg.At, r Record) error {
	if _, err := check.Now(&at); err != nil {
		return err
	}
	today := at.Today()
	due, err := rs.deletionDate(today, at.Now, &r)
	if err != nil {
		return err
	}
	if due.DueOn(today) {
		return dfdgerrors.New(dfdgerrors.ErrIDNotFound, dfdg.Rule4_1, "id", r.ID)
	}
	return nil
}
