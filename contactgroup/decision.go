package contactgroup

import (
	"time"

	"github.com/regelkit/dfdg"
	"github.com/regelkit/dfdg/internal/check"
)

// Decision is what a command decides: the records to create and update, the messages to send and
// the rules that acted. The zero Decision changes nothing.
type Decision struct {
	Memberships      []dfdg.Change[Membership]     `json:"memberships,omitempty"`
	Registrations    []dfdg.Change[Registration]   `json:"registrations,omitempty"`
	PersonCategories []dfdg.Change[PersonCategory] `json:"personCategories,omitempty"`
	Deadlines        []dfdg.Change[Deadline]       `json:"deadlines,omitempty"`
	Messages         []dfdg.Message                `json:"messages,omitempty"`
	Rules            dfdg.RuleSet                  `json:"rules"`
	// Overrode is the registration time a request asked for when rule 1.5 put now in its place;
	// zero when the request asked for none, or for now.
	Overrode time.Time `json:"overrode,omitzero"`
}

// Changes reports whether d changes any record or sends any message.
func (d Decision) Changes() bool {
	return len(d.Memberships)+len(d.Registrations)+len(d.PersonCategories)+len(d.Deadlines)+len(d.Messages) > 0
}

// Kinds of record, as messages name them.
const (
	refKontaktgruppe  = "Kontaktgruppe"
	refPersonkategori = "Personkategori"
)

// appendKontaktgruppe appends the Kontaktgruppe.WSB messages for a change of membership m: one to
// the jobcentre, and one to the a-kasse when the citizen moves into jobafklaring (13).
func appendKontaktgruppe(msgs []dfdg.Message, c Citizen, change dfdg.ChangeType, m Membership) []dfdg.Message {
	about := dfdg.Ref{Kind: refKontaktgruppe, ID: m.ID}
	msgs = append(msgs, dfdg.Message{Name: dfdg.KontaktgruppeWSB, Change: change, To: dfdg.MunicipalityActor(c.Jobcentre), About: about})
	if change == dfdg.Create && m.Group == Jobafklaring && c.Akasse != "" {
		msgs = append(msgs, dfdg.Message{Name: dfdg.KontaktgruppeWSB, Change: change, To: dfdg.AkasseActor(c.Akasse), About: about})
	}
	return msgs
}

func checkNow(now time.Time) (time.Time, error) { return check.Now(now) }

func checkJobcentre(c Citizen) error { return check.Jobcentre(c.Jobcentre) }
