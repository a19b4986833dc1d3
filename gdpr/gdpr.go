// Package gdpr applies section 4 of the release note, Sletning af data: when each kind of DFDG record
// is deleted (4.1), the error 4589 'Id ikke fundet' for a registration that is due, whatever the
// caller's storage still holds (4.1), GdprSletAfdoede.WSB for a deceased person (4.1), and the
// messages for deleted logs (4.2). Callers use it to compute deletion dates for their own copies of
// DFDG's data and to answer as DFDG does.
//
// A Record names its kind and the dates its rule reads; DeletionDate gives the date it is deleted, or
// "never" with the reason; Sweep streams records and yields those that are due.
//
//	due, err := gdpr.DeletionDate(gdpr.Record{Kind: gdpr.Registration, ID: "reg-1",
//		Start: dfdg.MustParseDate("2019-03-01"), End: dfdg.MustParseDate("2019-08-31")}, today, nil)
//	// due.Date is 2025-08-31: 6 years after the deregistration date.
//
// The facts each kind needs:
//
//	Kind                Start                 End                          other
//	Registration        registration date     deregistration date (zero: open, never due)
//	KYDecision          —                     the KY case closed (zero: open, never due)
//	HealthLimitation    —                     the limitation ended (zero: never due)
//	DialogueMessage     sent (required)       answered (zero: unanswered)
//	PersonGroupMarking  —                     the marking's end (zero: never due)   ProjectType
//	Efterloen           —                     —                            Birth, or Person (a CPR)
//	Deceased            —                     the death notification (required)
//	JobLog, OtherLog, JobLogDocument: no deletion date in the note (never due); see LogMessages.
//
// Where both Start and End are given, an End before Start is error 1003. A missing date the rule
// needs is an error, never a silent "never due"; a death notified after today is an error; nothing
// is ever due before its date. Month and year arithmetic clamps to the month's end (EU 1182/71):
// 29 February + 6 years is 28 February, 31 August + 6 months is the end of February.
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

	"github.com/regelkit/dfdg"
	"github.com/regelkit/dfdg/codelist"
	dfdgerrors "github.com/regelkit/dfdg/errors"
)

// Kind is a kind of DFDG record with a deletion rule.
type Kind uint8

// The record kinds of rules 4.1 and 4.2.
const (
	// Registration is a registration as jobseeker (til- og afmelding).
	Registration Kind = iota + 1
	// KYDecision is a decision on a benefit from KY (afgørelse om ydelse).
	KYDecision
	// HealthLimitation is a decision on a health limitation (helbredsmæssig begrænsning).
	HealthLimitation
	// DialogueMessage is a message in the message tray or dialogue module (beskedbakke/dialogmodul).
	DialogueMessage
	// PersonGroupMarking is a person-group marking on a project (persongruppemarkering).
	PersonGroupMarking
	// Efterloen is efterløn data: certificate, transition dates, premiums.
	Efterloen
	// Deceased is all data of a deceased person.
	Deceased
	// JobLog is a log of job search (log vedrørende jobsøgning), rule 4.2.
	JobLog
	// OtherLog is any other log, rule 4.2.
	OtherLog
	// JobLogDocument is a job-log document, rule 4.2.
	JobLogDocument
	numKinds
)

var kindNames = [numKinds]string{"", "tilmelding", "KY-afgørelse", "helbredsbegrænsning", "besked", "persongruppemarkering",
	"efterløn", "afdød", "joblog", "anden log", "joblogdokument"}

// String returns the kind's Danish name.
func (k Kind) String() string {
	if k < numKinds {
		return kindNames[k]
	}
	return "ukendt posttype"
}

// MarshalText writes the Danish name.
func (k Kind) MarshalText() ([]byte, error) { return []byte(k.String()), nil }

// UnmarshalText reads the Danish name.
func (k *Kind) UnmarshalText(b []byte) error {
	for i := Kind(1); i < numKinds; i++ {
		if kindNames[i] == string(b) {
			*k = i
			return nil
		}
	}
	return dfdgerrors.New(dfdgerrors.ErrInvalidValue).WithField("posttype", string(b))
}

// Record is one record whose deletion date is wanted: its kind, id and the dates its rule reads (see
// the package documentation for which), and for the messages, who receives them.
type Record struct {
	Kind  Kind      `json:"kind"`
	ID    string    `json:"id"`
	Start dfdg.Date `json:"start,omitzero"`
	End   dfdg.Date `json:"end,omitzero"`
	// ProjectType is a person-group marking's project type (1, 3, 4, 5; rule 4.1).
	ProjectType int `json:"projectType,omitempty"`
	// Birth is the person's birth date, for efterløn data; Person gives it when Birth is zero.
	Birth  dfdg.Date `json:"birth,omitzero"`
	Person dfdg.CPR  `json:"-"`
	// Municipalities and Akasser receive the deletion messages: for a deceased person every
	// municipality the person was attached to and every a-kasse the person was a member of; for a
	// log the citizen's jobcentre and a-kasse at the time of deletion.
	Municipalities []dfdg.Municipality `json:"municipalities,omitempty"`
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

var basisText = [numBases][2]string{
	AfterDeregistration:        {"6 år efter afmeldedatoen", "6 years after the deregistration date"},
	AfterKYCaseClosed:          {"6 år efter at KY-sagen er afsluttet", "6 years after the KY case was closed"},
	AfterLimitationEnded:       {"6 år efter at begrænsningen er afsluttet", "6 years after the limitation ended"},
	AfterAnswered:              {"6 år efter at beskeden er besvaret (besked og svar slettes)", "6 years after the message was answered (message and answer)"},
	AfterSent:                  {"6 år efter at beskeden er afsendt (ikke besvaret)", "6 years after the message was sent (not answered)"},
	AfterMarkingEnd6Years:      {"6 år efter persongruppemarkeringens slutdato (projekttype 1 og 5)", "6 years after the marking's end date (project types 1 and 5)"},
	AfterMarkingEnd6Months:     {"6 måneder efter persongruppemarkeringens slutdato (projekttype 3 og 4)", "6 months after the marking's end date (project types 3 and 4)"},
	AfterPensionAge:            {"6 år efter personens folkepensionsalder", "6 years after the person's state-pension age"},
	AfterDeathNotification:     {"6 år efter dødemeldingen", "6 years after the death notification"},
	NeverOpenRegistration:      {"tilmeldingen er ikke afmeldt", "the registration has not been deregistered"},
	NeverNotEnded:              {"sagen, begrænsningen eller markeringen er ikke afsluttet", "the case, limitation or marking has not ended"},
	NeverProjectTypeNotCovered: {"projekttypen er ikke omfattet af releasenotens sletteregler", "the project type is not covered by the release note's deletion rules"},
	NeverLogNoPeriod:           {"releasenoten giver ingen slettefrist for log; sletningen besluttes andetsteds", "the release note gives no period for logs; their deletion is decided elsewhere"},
}

// Danish returns the basis in Danish.
func (b Basis) Danish() string {
	if b < numBases {
		return basisText[b][0]
	}
	return ""
}

// English returns the basis in English.
func (b Basis) English() string {
	if b < numBases {
		return basisText[b][1]
	}
	return ""
}

// String returns the Danish text.
func (b Basis) String() string { return b.Danish() }

// MarshalText writes the Danish text.
func (b Basis) MarshalText() ([]byte, error) { return []byte(b.Danish()), nil }

// Due is when a record is deleted: on Date and after, or Never; Basis says why, and Rule names the
// item of the note that gave it.
type Due struct {
	Date  dfdg.Date   `json:"date,omitzero"`
	Never bool        `json:"never,omitempty"`
	Basis Basis       `json:"basis"`
	Rule  dfdg.RuleID `json:"rule"`
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

func at(date dfdg.Date, b Basis) Due { return Due{Date: date, Basis: b, Rule: dfdg.Rule4_1} }

func never(b Basis, rule dfdg.RuleID) Due { return Due{Never: true, Basis: b, Rule: rule} }

func missing(field string, r Record) error {
	return dfdgerrors.New(dfdgerrors.ErrMissingValue).WithRule(dfdg.Rule4_1).WithField(field, r.ID).
		WithDetail(r.Kind.String()+" "+r.ID+" mangler "+field, r.Kind.String()+" "+r.ID+" lacks "+field)
}

// DeletionDate applies rule 4.1 to r: the date r is deleted, with the basis, or never with the
// reason. today is the date of the calculation: a death notified after it is an error. An End before
// Start is 1003; a missing date the rule needs is ErrMissingValue. The date is never before the event
// it counts from. It does not allocate.
func DeletionDate(r Record, today dfdg.Date, cat *codelist.Catalog) (Due, error) {
	if !r.Start.IsZero() && !r.End.IsZero() && r.End.Before(r.Start) {
		return Due{}, dfdgerrors.New(dfdgerrors.ErrNegativeDuration).WithRule(dfdg.Rule4_1).WithField(r.Kind.String(), r.ID)
	}
	switch r.Kind {
	case Registration:
		if r.End.IsZero() {
			return never(NeverOpenRegistration, dfdg.Rule4_1), nil
		}
		return at(r.End.AddYears(6), AfterDeregistration), nil
	case KYDecision:
		if r.End.IsZero() {
			return never(NeverNotEnded, dfdg.Rule4_1), nil
		}
		return at(r.End.AddYears(6), AfterKYCaseClosed), nil
	case HealthLimitation:
		if r.End.IsZero() {
			return never(NeverNotEnded, dfdg.Rule4_1), nil
		}
		return at(r.End.AddYears(6), AfterLimitationEnded), nil
	case DialogueMessage:
		if !r.End.IsZero() {
			return at(r.End.AddYears(6), AfterAnswered), nil
		}
		if r.Start.IsZero() {
			return Due{}, missing("afsendelsesdato", r)
		}
		return at(r.Start.AddYears(6), AfterSent), nil
	case PersonGroupMarking:
		switch r.ProjectType {
		case 1, 5:
			if r.End.IsZero() {
				return never(NeverNotEnded, dfdg.Rule4_1), nil
			}
			return at(r.End.AddYears(6), AfterMarkingEnd6Years), nil
		case 3, 4:
			if r.End.IsZero() {
				return never(NeverNotEnded, dfdg.Rule4_1), nil
			}
			return at(r.End.AddMonths(6), AfterMarkingEnd6Months), nil
		}
		return never(NeverProjectTypeNotCovered, dfdg.Rule4_1), nil
	case Efterloen:
		birth := r.Birth
		if birth.IsZero() {
			birth = r.Person.BirthDate()
		}
		if birth.IsZero() {
			return Due{}, missing("fødselsdato", r)
		}
		pension, err := cat.PensionAgeDate(birth)
		if err != nil {
			return Due{}, err
		}
		return at(pension.AddYears(6), AfterPensionAge), nil
	case Deceased:
		if r.End.IsZero() {
			return Due{}, missing("dødemeldingsdato", r)
		}
		if !today.IsZero() && r.End.After(today) {
			return Due{}, dfdgerrors.New(dfdgerrors.ErrInvalidValue).WithRule(dfdg.Rule4_1).WithField("dødemeldingsdato", r.End.String()).
				WithDetail("dødemeldingen ligger efter "+today.String(), "the death notification is after "+today.String())
		}
		return at(r.End.AddYears(6), AfterDeathNotification), nil
	case JobLog, OtherLog, JobLogDocument:
		return never(NeverLogNoPeriod, dfdg.Rule4_2), nil
	}
	return Due{}, dfdgerrors.New(dfdgerrors.ErrInvalidValue).WithRule(dfdg.Rule4_1).WithField("posttype", strconv.Itoa(int(r.Kind)))
}

// CheckRead is the guard a caller puts in front of its own "get" or "update" of a record (rule
// 4.1): when the record's deletion date has come by today, it answers DFDG error 4589 'Id ikke
// fundet', even though the caller's storage still holds the record. It returns DeletionDate's error
// for a record it cannot judge, and nil otherwise, without allocating.
func CheckRead(r Record, today dfdg.Date, cat *codelist.Catalog) error {
	due, err := DeletionDate(r, today, cat)
	if err != nil {
		return err
	}
	if due.DueOn(today) {
		return dfdgerrors.New(dfdgerrors.ErrIDNotFound).WithRule(dfdg.Rule4_1).WithField("id", r.ID)
	}
	return nil
}
