package absence

import (
	"github.com/regelkit/dfdg"
	"github.com/regelkit/dfdg/contactgroup"
	"github.com/regelkit/dfdg/internal/apply"
)

// Absence is an absence or exemption (fravær) registered for the citizen.
type Absence struct {
	ID string `json:"id"`
	// Type is the absence type (fraværstype), AbsenceTypeCodeList.
	Type int `json:"type"`
	// Period is the absence's days; an open end means it has not ended.
	Period dfdg.Period `json:"period"`
	// ReportedBy is who reported it, such as KSD for sickness.
	ReportedBy dfdg.Actor `json:"reportedBy,omitzero"`
	// Resumed says the absence was resumed (genoptaget) after a recovery.
	Resumed bool `json:"resumed,omitempty"`
}

func sameAbsence(a, b Absence) bool { return a.ID == b.ID }

// State is what section 2's rules read of a citizen: the contact-group state and the absences.
// Slices are read, never modified.
type State struct {
	Citizen  contactgroup.Citizen `json:"citizen"`
	Absences []Absence            `json:"absences,omitempty"`
}

// Find returns the absence with id.
func (s State) Find(id string) (Absence, bool) {
	for _, a := range s.Absences {
		if a.ID == id {
			return a, true
		}
	}
	return Absence{}, false
}

// Decision is what a command decides: the absences and contact-group memberships to create and
// update, every message to send, and the rules that acted. The zero Decision changes nothing.
type Decision struct {
	Absences    []dfdg.Change[Absence]                 `json:"absences,omitempty"`
	Memberships []dfdg.Change[contactgroup.Membership] `json:"memberships,omitempty"`
	Messages    []dfdg.Message                         `json:"messages,omitempty"`
	Rules       dfdg.RuleSet                           `json:"rules"`
}

// Changes reports whether d changes any record or sends any message.
func (d Decision) Changes() bool { return len(d.Absences)+len(d.Memberships)+len(d.Messages) > 0 }

// Apply returns the state after d. s's slices are not modified.
func (s State) Apply(d Decision) State {
	s.Absences = apply.Changes(s.Absences, d.Absences, sameAbsence)
	s.Citizen = s.Citizen.Apply(contactgroup.Decision{Memberships: d.Memberships})
	return s
}

// withContact adds the contact-group part of a decision: its memberships, messages and rules.
func (d Decision) withContact(cd contactgroup.Decision) Decision {
	d.Memberships = append(d.Memberships, cd.Memberships...)
	d.Messages = append(d.Messages, cd.Messages...)
	d.Rules = d.Rules.Union(cd.Rules)
	return d
}

const refFravaer = "Fravaer"

func fravaerMessage(c contactgroup.Citizen, change dfdg.ChangeType, a Absence) dfdg.Message {
	return dfdg.Message{Name: dfdg.FravaerWSB, Change: change, To: dfdg.MunicipalityActor(c.Jobcentre), About: dfdg.Ref{Kind: refFravaer, ID: a.ID}}
}
