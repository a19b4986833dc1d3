package dfdg

import (
	"github.com/regelkit/dfdg/internal/enum"
)

// RecordKind is a kind of record DFDG keeps: the records of a Citizen, the kinds of rule 4.1's
// deletion rules, and the logs of rule 4.2. Messages name what they are about by kind and id (Ref),
// generated ids start with the kind (At), and package gdpr gives each kind its deletion date.
type RecordKind uint8

// The kinds of record.
const (
	RecordMembership         RecordKind = iota + 1 // Kontaktgruppe: a contact-group membership
	RecordRegistration                             // Tilmelding: a registration as jobseeker
	RecordPersonCategory                           // Personkategori: a person categorization
	RecordDeadline                                 // Frist: a deadline for a conversation
	RecordParticipation                            // Deltagelsesvalg: a participation choice
	RecordAbsence                                  // Fravaer: an absence
	RecordPlan                                     // Plan: a plan
	RecordActivity                                 // Aktivitet: an activity (indsats)
	RecordKYDecision                               // KYAfgoerelse: a benefit decision from KY
	RecordHealthLimitation                         // Helbredsbegraensning: a health limitation
	RecordDialogueMessage                          // Besked: a message in the message tray or dialogue module
	RecordPersonGroupMarking                       // Persongruppemarkering: a person-group marking
	RecordEfterloen                                // Efterloen: efterløn data
	RecordDeceased                                 // Afdoed: all data of a deceased person
	RecordJobLog                                   // Joblog: a log of job search
	RecordOtherLog                                 // Andenlog: any other log
	RecordJobLogDocument                           // JoblogDokument: a job-log document
	RecordBooking                                  // Indkaldelse: a summons to a meeting
	RecordGuestAccess                              // Gaesteadgang: guest access to a citizen
	numRecordKinds
)

var recordKindNames = [numRecordKinds]string{"", "Kontaktgruppe", "Tilmelding", "Personkategori", "Frist",
	"Deltagelsesvalg", "Fravaer", "Plan", "Aktivitet", "KYAfgoerelse", "Helbredsbegraensning", "Besked",
	"Persongruppemarkering", "Efterloen", "Afdoed", "Joblog", "Andenlog", "JoblogDokument", "Indkaldelse",
	"Gaesteadgang"}

// RecordKinds returns every kind, in order.
func RecordKinds() []RecordKind {
	out := make([]RecordKind, 0, numRecordKinds-1)
	for k := RecordKind(1); k < numRecordKinds; k++ {
		out = append(out, k)
	}
	return out
}

// recordKindText is the kinds' names as DFDG's messages write them.
var recordKindText = enum.Text[RecordKind]{Type: "RecordKind", Field: "posttype", Names: recordKindNames[:]}

// String returns the kind's name as DFDG's messages write it, such as "Kontaktgruppe" or "Fravaer";
// "" for the zero RecordKind.
func (k RecordKind) String() string { return recordKindText.String(k) }

// MarshalText writes the name String returns.
func (k RecordKind) MarshalText() ([]byte, error) { return recordKindText.Marshal(k) }

// UnmarshalText reads a name String returns; the empty text is the zero RecordKind.
func (k *RecordKind) UnmarshalText(b []byte) error { return recordKindText.Unmarshal(k, b) }
