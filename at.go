package dfdg

import "time"

// At is the context of a call: the instant DFDG receives it, who acts, and where the ids of the records
// a decision creates come from. Every decision and validation of every package takes one, first:
//
//	at := dfdg.At{Now: time.Now(), By: dfdg.MunicipalityActor(101)}
//	d, err := activity.Rules{}.Create(at, citizen, a)
//
// Nothing in the library reads the clock: Now is the only "now" a rule knows.
type At struct {
	// Now is the instant of the call, as DFDG receives it. A zero Now is rejected.
	Now time.Time `json:"nu,omitzero"`
	// By is who acts: a municipality, an a-kasse or one of the national systems. Each command says
	// whom it accepts.
	By Actor `json:"aktoer,omitzero"`
	// NewID gives the id of a record a decision creates, for its kind: the contact-group memberships
	// a sickness or a rejected benefit causes, and a command's own record when the command names
	// none. When NewID is nil, ids are derived from Now, the kind and a counter within the decision,
	// so the same input always gives the same decision ("kontaktgruppe-20250915T073000Z-1"); an id
	// the citizen already has is never handed out. An id NewID returns empty, or that the citizen
	// already has for that kind, rejects the command.
	NewID func(kind RecordKind) string `json:"-"`
}

// Today returns the Danish date of Now (DateOf).
func (a At) Today() Date { return DateOf(a.Now) }
