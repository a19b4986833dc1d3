package dfdg

import (
	"github.com/regelkit/dfdg/internal/enum"
)

// MessageName names a DFDG web-service message (webservicebesked, WSB).
type MessageName string

// The messages the release note names.
const (
	KontaktgruppeWSB    MessageName = "Kontaktgruppe.WSB"    // a contact group created, ended or deleted (EntitetId 100008)
	PersonkategoriWSB   MessageName = "Personkategori.WSB"   // a person category created or ended (1.7)
	FravaerWSB          MessageName = "Fravaer.WSB"          // an absence created or changed (2.5)
	AktivitetWSB        MessageName = "Aktivitet.WSB"        // an activity, to the citizen's jobcentre (3.2)
	DeltAktivitetWSB    MessageName = "DeltAktivitet.WSB"    // an activity updated through guest access, to the updater (3.2)
	AktivitetAkasseWSB  MessageName = "AktivitetAkasse.WSB"  // an activity, to the a-kasse, only with a Jobplan or Kombiplan (3.1)
	GdprSletAfdoedeWSB  MessageName = "GdprSletAfdoede.WSB"  // a deceased person's data deleted (4.1)
	GdprSletJoblogWSB   MessageName = "GdprSletJoblog.WSB"   // a job-search log deleted (4.2)
	GdprSletAndenlogWSB MessageName = "GdprSletAndenlog.WSB" // another log deleted (4.2)
	IndkaldelseWSB      MessageName = "Indkaldelse.WSB"      // a booking created or updated (EntitetId 90000)
)

// ChangeType is a message's change type (Aendringstype), with DFDG's ids. It also says what a
// decision does with a record: create it, update it (ending it is an update), or delete it.
type ChangeType uint8

// DFDG's change types.
const (
	Create ChangeType = 1 // Oprettelse
	Update ChangeType = 2 // Opdatering
	Delete ChangeType = 3 // Sletning
)

var changeText = enum.Text[ChangeType]{Type: "ChangeType", Field: "aendringstype",
	Names: []string{"", "Oprettelse", "Opdatering", "Sletning"},
	Also:  [][]string{nil, {"1", "Create"}, {"2", "Update"}, {"Slet", "3", "Delete"}}}

// String returns DFDG's Danish name: "Oprettelse", "Opdatering" or "Sletning"; "" for the zero
// ChangeType.
func (c ChangeType) String() string { return changeText.String(c) }

// MarshalText writes the Danish name.
func (c ChangeType) MarshalText() ([]byte, error) { return changeText.Marshal(c) }

// UnmarshalText reads the Danish name, DFDG's id (1, 2, 3) or the English word the release note
// uses (Create, Update, Delete); the empty text is the zero ChangeType.
func (c *ChangeType) UnmarshalText(b []byte) error { return changeText.Unmarshal(c, b) }

// Ref names the record a message is about: its kind and its id (DFDG's EksternIdentifier). It never
// holds a CPR number: the caller knows whose record it is.
type Ref struct {
	Kind RecordKind `json:"posttype,omitempty"`
	ID   string     `json:"id,omitempty"`
}

// Message is one web-service message a decision causes. The library decides which messages a
// change causes; the caller delivers them.
type Message struct {
	Name   MessageName `json:"navn"`
	Change ChangeType  `json:"aendringstype"`
	To     Actor       `json:"til"`
	About  Ref         `json:"om"`
}

// String returns "Kontaktgruppe.WSB Opdatering til kommune 101 om Kontaktgruppe kg-1".
func (m Message) String() string {
	s := string(m.Name) + " " + m.Change.String() + " til " + m.To.String()
	if m.About.Kind != 0 || m.About.ID != "" {
		s += " om " + m.About.Kind.String()
		if m.About.ID != "" {
			s += " " + m.About.ID
		}
	}
	return s
}
