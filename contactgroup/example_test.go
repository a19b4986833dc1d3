package contactgroup_test

import (
	"fmt"
	"time"

	"github.com/regelkit/dfdg"
	"github.com/regelkit/dfdg/contactgroup"
)

// Rule 1.5: the registration time is now, whatever the call asks for, and the previous contact group
// ends there.
func ExampleRules_RegisterJobseeker() {
	citizen := dfdg.Citizen{
		Jobcentre: 101,
		Memberships: []dfdg.Membership{
			{ID: "kg-24", Group: dfdg.SygedagpengeBeskaeftigelse, Start: time.Date(2025, 9, 1, 8, 0, 0, 0, time.UTC)},
		},
	}
	at := dfdg.At{Now: time.Date(2025, 9, 1, 12, 30, 0, 0, time.UTC), By: dfdg.MunicipalityActor(101)}
	d, err := contactgroup.Rules{}.RegisterJobseeker(at, citizen, contactgroup.RegistrationRequest{
		ID: "reg-1", Category: 2, Group: dfdg.Dagpengemodtager,
		RequestedAt: time.Date(2025, 9, 1, 7, 0, 0, 0, time.UTC), // before kg-24 began: rule 1.5 ignores it
	})
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, ch := range d.Memberships {
		fmt.Println(ch.Type, ch.Record.ID, "gruppe", ch.Record.Group, dfdg.InDenmark(ch.Record.Start).Format("15:04"), "–", endOf(ch.Record))
	}
	for _, m := range d.Messages {
		fmt.Println(m)
	}
	fmt.Println("regler:", d.Rules, "; ønsket tidspunkt tilsidesat:", !d.Overrode.IsZero())
	// Output:
	// Opdatering kg-24 gruppe 24 10:00 – 14:30
	// Oprettelse kontaktgruppe-20250901T123000Z-1 gruppe 1 14:30 – åben
	// Kontaktgruppe.WSB Opdatering til kommune 101 om Kontaktgruppe kg-24
	// Kontaktgruppe.WSB Oprettelse til kommune 101 om Kontaktgruppe kontaktgruppe-20250901T123000Z-1
	// regler: 1.5 ; ønsket tidspunkt tilsidesat: true
}

func endOf(m dfdg.Membership) string {
	if m.Open() {
		return "åben"
	}
	return dfdg.InDenmark(m.End).Format("15:04")
}

// Rule 1.1: a deadline of another conversation type blocks only while it is open.
func ExampleRules_CreateDeadline() {
	citizen := dfdg.Citizen{Jobcentre: 101, Deadlines: []dfdg.Deadline{
		{ID: "f-1", Conversation: 7, Due: dfdg.MustParseDate("2025-09-01")}, // open, but past due: overdue
	}}
	next := dfdg.Deadline{ID: "f-2", Conversation: 4, Due: dfdg.MustParseDate("2025-10-01")}
	kbh := dfdg.MunicipalityActor(101)
	_, err := contactgroup.Rules{}.CreateDeadline(dfdg.At{Now: time.Date(2025, 9, 10, 8, 0, 0, 0, time.UTC), By: kbh}, citizen, next)
	fmt.Println(err)
	_, err = contactgroup.Rules{}.CreateDeadline(dfdg.At{Now: time.Date(2025, 8, 20, 8, 0, 0, 0, time.UTC), By: kbh}, citizen, next)
	fmt.Println(err)
	// Output:
	// <nil>
	// dfdg OtherDeadlineOpen: Borgeren har en frist med en anden samtaletype som først skal lukkes: frist f-1 (samtaletype 7, fristdato 2025-09-01) er åben [regel 1.1; borger.frister[0]=f-1]
}

// A validation returns every violation; nil (an empty list) is a valid command.
func ExampleRules_ValidatePlaceInGroup() {
	rules := contactgroup.Rules{}
	at := dfdg.At{Now: time.Date(2025, 9, 10, 8, 0, 0, 0, time.UTC), By: dfdg.MunicipalityActor(999)}
	for _, e := range rules.ValidatePlaceInGroup(at, dfdg.Citizen{}, contactgroup.Placement{Group: 26}) {
		fmt.Println(e.Kind().Reason(), e.Field())
	}
	at.By = dfdg.MunicipalityActor(101)
	fmt.Println(rules.ValidatePlaceInGroup(at, dfdg.Citizen{Jobcentre: 101}, contactgroup.Placement{Group: 1}).Err())
	// Output:
	// InvalidMunicipality aktoer
	// MissingValue borger.jobcenter
	// InactiveCode kontaktgruppeType
	// <nil>
}
