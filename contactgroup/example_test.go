package contactgroup_test

import (
	"fmt"
	"time"

	"github.com/regelkit/dfdg"
	"github.com/regelkit/dfdg/contactgroup"
)

func ExampleRegisterJobseeker() {
	citizen := contactgroup.Citizen{
		Jobcentre: 101,
		Memberships: []contactgroup.Membership{
			{ID: "kg-24", Group: contactgroup.SygedagpengeBeskaeftigelse, Start: time.Date(2025, 9, 1, 8, 0, 0, 0, time.UTC)},
		},
	}
	now := time.Date(2025, 9, 1, 12, 30, 0, 0, time.UTC)
	d, err := contactgroup.RegisterJobseeker(citizen, contactgroup.RegistrationRequest{
		ID: "reg-1", Category: 2, Group: contactgroup.Dagpengemodtager, MembershipID: "kg-1",
		RequestedAt: time.Date(2025, 9, 1, 7, 0, 0, 0, time.UTC), // before kg-24 began: rule 1.5 ignores it
	}, now, nil)
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
	// Oprettelse kg-1 gruppe 1 14:30 – åben
	// Kontaktgruppe.WSB Opdatering til kommune 101 om Kontaktgruppe kg-24
	// Kontaktgruppe.WSB Oprettelse til kommune 101 om Kontaktgruppe kg-1
	// regler: 1.5 ; ønsket tidspunkt tilsidesat: true
}

func endOf(m contactgroup.Membership) string {
	if m.Open() {
		return "åben"
	}
	return dfdg.InDenmark(m.End).Format("15:04")
}

// Rule 1.6: KSD reports sickness from 1 September, received on 15 September, for a citizen in no
// contact group. Group 8 covers the days before the receipt and no message is sent for it.
func ExampleSicknessReported() {
	now := time.Date(2025, 9, 15, 9, 0, 0, 0, time.UTC)
	d, _ := contactgroup.SicknessReported(contactgroup.Citizen{Jobcentre: 101}, contactgroup.Sickness{
		FirstDay: dfdg.MustParseDate("2025-09-01"), Group8ID: "kg-8", Group24ID: "kg-24",
	}, now)
	for _, ch := range d.Memberships {
		fmt.Printf("%v %s %s–%s\n", ch.Type, ch.Record.ID, dfdg.DateOf(ch.Record.Start), dfdg.DateOf(ch.Record.End))
	}
	for _, m := range d.Messages {
		fmt.Println(m)
	}
	// Output:
	// Oprettelse kg-8 2025-09-01–2025-09-15
	// Oprettelse kg-24 2025-09-15–
	// Kontaktgruppe.WSB Oprettelse til kommune 101 om Kontaktgruppe kg-24
}

func ExampleCreateDeadline() {
	citizen := contactgroup.Citizen{Deadlines: []contactgroup.Deadline{
		{ID: "f-1", Conversation: 7, Due: dfdg.MustParseDate("2025-09-01")}, // open, but past due: overdue
	}}
	_, err := contactgroup.CreateDeadline(citizen, contactgroup.Deadline{ID: "f-2", Conversation: 4, Due: dfdg.MustParseDate("2025-10-01")},
		time.Date(2025, 9, 10, 8, 0, 0, 0, time.UTC), nil)
	fmt.Println(err)
	_, err = contactgroup.CreateDeadline(citizen, contactgroup.Deadline{ID: "f-2", Conversation: 4, Due: dfdg.MustParseDate("2025-10-01")},
		time.Date(2025, 8, 20, 8, 0, 0, 0, time.UTC), nil)
	fmt.Println(err)
	// Output:
	// <nil>
	// dfdg OtherDeadlineOpen: Borgeren har en frist med en anden samtaletype som først skal lukkes: frist f-1 (samtaletype 7, fristdato 2025-09-01) er åben [regel 1.1; frist=f-1]
}
