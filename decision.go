package dfdg

import (
	"slices"
	"time"
)

// Change is one thing a decision does to a record: creates it, updates it (an end set is an update) or
// deletes it. Record is the record as it is after the change.
type Change[T any] struct {
	Type   ChangeType `json:"aendringstype"`
	Record T          `json:"post"`
}

// Outcome is what every decision, sweep item and deletion says besides its records: the messages
// (WSB) it causes, to be delivered by the caller, and the release-note items that acted. No message
// is an empty list.
type Outcome struct {
	Messages []Message `json:"beskeder,omitempty"`
	Rules    RuleSet   `json:"regler"`
}

// Decision is what a command decides, in every package: the records to create, update or delete, the
// messages to send and the rules that acted. Citizen.Apply gives the citizen after it. The zero
// Decision changes nothing; a rejected command returns it with its error.
type Decision struct {
	Memberships      []Change[Membership]           `json:"kontaktgrupper,omitempty"`
	Registrations    []Change[Registration]         `json:"tilmeldinger,omitempty"`
	PersonCategories []Change[PersonCategorization] `json:"personkategorier,omitempty"`
	Deadlines        []Change[Deadline]             `json:"frister,omitempty"`
	Absences         []Change[Absence]              `json:"fravaer,omitempty"`
	Activities       []Change[Activity]             `json:"aktiviteter,omitempty"`
	Bookings         []Change[Booking]              `json:"indkaldelser,omitempty"`
	// Plans are changes of the citizen's plan, or of its draft (Plan.Draft).
	Plans       []Change[Plan]        `json:"planer,omitempty"`
	GuestAccess []Change[GuestAccess] `json:"gaesteadgange,omitempty"`
	Outcome
	// Overrode is the time a command asked for when rule 1.5 put now in its place; zero when it asked
	// for none, or for now.
	Overrode time.Time `json:"tilsidesatTidspunkt,omitzero"`
}

// Changes reports whether d changes any record or sends any message.
func (d Decision) Changes() bool {
	return len(d.Memberships)+len(d.Registrations)+len(d.PersonCategories)+len(d.Deadlines)+
		len(d.Absences)+len(d.Activities)+len(d.Bookings)+len(d.Plans)+len(d.GuestAccess)+len(d.Messages) > 0
}

// Merge returns d with e's changes, messages and rules after its own: a decision made of two parts,
// such as a sickness that also moves the citizen's contact group.
func (d Decision) Merge(e Decision) Decision {
	d.Memberships = append(d.Memberships, e.Memberships...)
	d.Registrations = append(d.Registrations, e.Registrations...)
	d.PersonCategories = append(d.PersonCategories, e.PersonCategories...)
	d.Deadlines = append(d.Deadlines, e.Deadlines...)
	d.Absences = append(d.Absences, e.Absences...)
	d.Activities = append(d.Activities, e.Activities...)
	d.Bookings = append(d.Bookings, e.Bookings...)
	d.Plans = append(d.Plans, e.Plans...)
	d.GuestAccess = append(d.GuestAccess, e.GuestAccess...)
	d.Messages = append(d.Messages, e.Messages...)
	d.Rules = d.Rules.Union(e.Rules)
	if d.Overrode.IsZero() {
		d.Overrode = e.Overrode
	}
	return d
}

// applyChanges returns a copy of records with changes applied: a Create appends its record, an Update
// replaces the record same reports as the same one (or appends it when there is none), a Delete
// removes it. records itself is never modified.
func applyChanges[T any](records []T, changes []Change[T], same func(a, b *T) bool) []T {
	if len(changes) == 0 {
		return records
	}
	// Room for every change as a creation, so that appending never copies the records twice.
	out := make([]T, len(records), len(records)+len(changes))
	copy(out, records)
	for _, ch := range changes {
		i := -1
		for j := range out {
			if same(&out[j], &ch.Record) {
				i = j
				break
			}
		}
		switch {
		case ch.Type == Delete:
			if i >= 0 {
				out = slices.Delete(out, i, i+1)
			}
		case ch.Type == Update && i >= 0:
			out[i] = ch.Record
		default:
			out = append(out, ch.Record)
		}
	}
	return out
}

// sameRecord matches two records by id, or by start when neither has one.
func sameRecord(idA, idB string, startA, startB time.Time) bool {
	if idA != "" || idB != "" {
		return idA == idB
	}
	return startA.Equal(startB)
}
