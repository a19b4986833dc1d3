package dfdg

import (
	"encoding/json"
	"iter"
	"strings"

	dfdgerrors "github.com/regelkit/dfdg/errors"
	"github.com/regelkit/dfdg/internal/enum"
)

// RuleID names an item of the release note, "1.1" to "4.2". Decisions list the rules that acted and
// errors name the rule that rejected, so a caller can log why something happened and a reader can go
// from a line of the note to the code and back. The type is declared in package errors, so that an
// Error can carry it.
type RuleID = dfdgerrors.RuleID

// The 22 items of the release note.
const (
	Rule1_1 RuleID = "1.1" // new deadline while another type's deadline is overdue
	Rule1_2 RuleID = "1.2" // 'Ydelse afvist' from KY ends the applicant registration
	Rule1_3 RuleID = "1.3" // participation choice survives the end of absence 75
	Rule1_4 RuleID = "1.4" // inactive contact groups and registration categories
	Rule1_5 RuleID = "1.5" // registration time is always now
	Rule1_6 RuleID = "1.6" // technical group 8 on historical sickness: no message for group 8
	Rule1_7 RuleID = "1.7" // person category change: Update for the previous category
	Rule2_1 RuleID = "2.1" // absence 66 may overlap holiday absences 10 and 47
	Rule2_2 RuleID = "2.2" // sick absence closed after 60 days without group 25
	Rule2_3 RuleID = "2.3" // 1003 only when start is after end
	Rule2_4 RuleID = "2.4" // group 24 ends at every recovery
	Rule2_5 RuleID = "2.5" // one Fravaer.WSB (Update) at recovery
	Rule2_6 RuleID = "2.6" // inactive absence types
	Rule3_1 RuleID = "3.1" // plan type required for a dagpengemodtager's activity
	Rule3_2 RuleID = "3.2" // acting and paying municipality; guest-access updates
	Rule3_3 RuleID = "3.3" // job title and alias in Min plan
	Rule3_4 RuleID = "3.4" // duplicate check includes the job-offer type
	Rule3_5 RuleID = "3.5" // expired job title blocks creation, never updates
	Rule3_6 RuleID = "3.6" // Danish acquisition in Min plan with an integration contract
	Rule3_7 RuleID = "3.7" // authority area 'Selvejende' is expired
	Rule4_1 RuleID = "4.1" // GDPR retention rules
	Rule4_2 RuleID = "4.2" // messages for deleted logs
)

// Rule describes one item of the release note.
type Rule struct {
	ID RuleID
	// Heading is the item's heading in the note, letter for letter.
	Heading string
	// Summary says in one English line what the library does for it.
	Summary string
	// Package is the package that implements it.
	Package string
}

var rules = [...]Rule{
	{Rule1_1, "Fejlbesked ved oprettelse af ny frist på borgere med ’Overskredet frist’",
		"A deadline of another conversation type blocks a new deadline only while it is open; an overdue or closed one does not.", "contactgroup"},
	{Rule1_2, "Afslag på bevilling af ydelse ændrede ikke tilmelding som ansøger",
		"'Ydelse afvist' from KY ends the applicant registration and moves the citizen to contact group 8 'Uden ydelse'.", "contactgroup"},
	{Rule1_3, "Deltagelsesvalg på fællessamtale blev nulstillet ved afslutning af fravær 75",
		"Ending absence 75 keeps participation choice 3 on the joint conversation (type 17) as it was.", "absence"},
	{Rule1_4, "Inaktivering af udgående kontaktgrupper og tilmeldekategorier",
		"Contact groups 26, 28, 29 and registration categories 12, 13, 16–19 are inactive from 2025-07-01 for new registrations.", "codelist, contactgroup"},
	{Rule1_5, "Kontaktgrupper med slutdato før startdato",
		"The registration time is always now; the previous contact group ends there, never before its start.", "contactgroup"},
	{Rule1_6, "Webservicebesked efter teknisk oprettelse i kontaktgruppe 8 ved modtagelse af sygefravær",
		"Historical sickness for a citizen in no contact group gives group 8 then 24, and Kontaktgruppe.WSB for 24 only.", "contactgroup, absence"},
	{Rule1_7, "Manglende webservicebesked ved ændring af personkategorisering",
		"A new person category gives Personkategori.WSB Create for it and Update for the one it ends.", "contactgroup"},
	{Rule2_1, "’Inden for institutionens åbningstid – manglende pasningsmulighed’ må overlappe med feriefravær",
		"Absence 66 may not overlap other absences except holiday absences 10 and 47; the policy is data.", "absence, codelist"},
	{Rule2_2, "Gentilmelding ved lukning af sygefravær efter 60 dage uden skift til kontaktgruppe 25",
		"A batch sweep ends sick absences 60 days old for citizens in group 1, 8 or none and not in 25, without re-registering them.", "absence"},
	{Rule2_3, "Fejl ved indmelding/genoptagelse af sygefravær samme dag som borger er tilmeldt",
		"Error 1003 applies only when a start date is strictly after its end date; same-day sickness after registration is accepted.", "dfdg, absence"},
	{Rule2_4, "Kontaktgruppe 24 blev ikke lukket ved raskmelding",
		"Every recovery ends contact group 24, also after a resumed absence.", "absence"},
	{Rule2_5, "Dobbelt webservicebesked ved raskmelding af borger",
		"A recovery gives exactly one Fravaer.WSB, with change type Update.", "absence"},
	{Rule2_6, "Inaktivering af udgående fraværstyper",
		"Absence types 59, 60 and 62 are inactive from 2025-07-01 for new absences.", "codelist, absence"},
	{Rule3_1, "Validering på plantype ved oprettelse af indsats (aktivitet) som kommune",
		"A municipality creating an activity for a citizen in group 1 needs a Jobplan or Kombiplan (110016); AktivitetAkasse.WSB only with one.", "activity"},
	{Rule3_2, "Opholds- og/eller betalingskommune på indsats (aktivitet) og opdatering med gæsteadgang",
		"References 5 and 6 carry a valid municipality code; guest-access updates send DeltAktivitet.WSB and Aktivitet.WSB.", "activity"},
	{Rule3_3, "Visning af stillingsbetegnelse i Min plan-pdf",
		"Min plan shows the job title, with its alias, of every company-oriented activity.", "plan"},
	{Rule3_4, "Ændring til dubletvalidring ved registrering af virksomhedsrettede indsatser (aktiviteter)",
		"A company-oriented activity is a duplicate only when company, dates, hours and job-offer type all match.", "activity"},
	{Rule3_5, "Opdatering af virksomhedsrettet indsats (aktivitet), hvor stillingsbetegnelse er udgået",
		"An expired job title blocks creating a company-oriented activity and never an update.", "activity"},
	{Rule3_6, "Min plan-pdf med kontrakt manglede oplysninger om dansktilegnelse",
		"Min plan with an Integration Act contract includes the contract's Danish-acquisition section.", "plan"},
	{Rule3_7, "Virksomhedsrettede indsats (aktivitet) med udgået myndighedsområde ’Selvejende’",
		"Authority area 6 'Selvejende' is rejected when creating a company-oriented activity, whatever its start date.", "activity"},
	{Rule4_1, "GDPR-sletning af DFDG-data",
		"Deletion dates per record kind, 4589 for a deleted registration, and GdprSletAfdoede.WSB for a deceased person.", "gdpr"},
	{Rule4_2, "Nye webservicebeskeder ved GDPR-sletning af joblogdata",
		"Deleting a job-search log gives GdprSletJoblog.WSB, another log GdprSletAndenlog.WSB, job-log documents none.", "gdpr"},
}

// Rules returns the 22 items of the release note, in the note's order.
func Rules() []Rule {
	out := make([]Rule, len(rules))
	copy(out, rules[:])
	return out
}

// RuleByID returns the item with id.
func RuleByID(id RuleID) (Rule, bool) {
	if i := ruleIndex(id); i >= 0 {
		return rules[i], true
	}
	return Rule{}, false
}

// ruleIndex returns id's position in rules, or -1.
func ruleIndex(id RuleID) int {
	if len(id) != 3 || id[1] != '.' {
		return -1
	}
	s, n := int(id[0]-'0'), int(id[2]-'0')
	// sectionStart[s] is the index of item s.1; sectionLen[s] the number of items in section s.
	sectionStart := [5]int{0, 0, 7, 13, 20}
	sectionLen := [5]int{0, 7, 6, 7, 2}
	if s < 1 || s > 4 || n < 1 || n > sectionLen[s] {
		return -1
	}
	return sectionStart[s] + n - 1
}

// RuleSet is a set of rule ids, such as the rules that acted in a decision. Its zero value is the
// empty set.
type RuleSet struct{ bits uint32 }

// RulesOf returns the set of ids; ids that are not items of the note are left out.
func RulesOf(ids ...RuleID) RuleSet {
	var s RuleSet
	for _, id := range ids {
		s = s.With(id)
	}
	return s
}

// With returns s with id added (unchanged when id is not an item of the note).
func (s RuleSet) With(id RuleID) RuleSet {
	if i := ruleIndex(id); i >= 0 {
		s.bits |= 1 << i
	}
	return s
}

// Union returns the rules in s or t.
func (s RuleSet) Union(t RuleSet) RuleSet { return RuleSet{s.bits | t.bits} }

// Has reports whether id is in s.
func (s RuleSet) Has(id RuleID) bool {
	i := ruleIndex(id)
	return i >= 0 && s.bits&(1<<i) != 0
}

// Len returns the number of rules in s.
func (s RuleSet) Len() int {
	n := 0
	for b := s.bits; b != 0; b &= b - 1 {
		n++
	}
	return n
}

// All yields the rules in s in the note's order.
func (s RuleSet) All() iter.Seq[RuleID] {
	return func(yield func(RuleID) bool) {
		for i := range rules {
			if s.bits&(1<<i) != 0 && !yield(rules[i].ID) {
				return
			}
		}
	}
}

// IDs returns the rules in s in the note's order.
func (s RuleSet) IDs() []RuleID {
	var ids []RuleID
	for id := range s.All() {
		ids = append(ids, id)
	}
	return ids
}

// String returns the ids joined by ", ", such as "1.5, 1.6".
func (s RuleSet) String() string {
	var b strings.Builder
	for id := range s.All() {
		if b.Len() > 0 {
			b.WriteString(", ")
		}
		b.WriteString(string(id))
	}
	return b.String()
}

// MarshalJSON writes the ids as an array of strings.
func (s RuleSet) MarshalJSON() ([]byte, error) {
	ids := s.IDs()
	if ids == nil {
		ids = []RuleID{}
	}
	return json.Marshal(ids)
}

// UnmarshalJSON reads an array of ids; an id that is not an item of the note is an error.
func (s *RuleSet) UnmarshalJSON(b []byte) error {
	if s == nil {
		return enum.NilTarget("RuleSet")
	}
	var ids []RuleID
	if err := json.Unmarshal(b, &ids); err != nil {
		return err
	}
	var t RuleSet
	for _, id := range ids {
		if ruleIndex(id) < 0 {
			return dfdgerrors.New(dfdgerrors.ErrInvalidValue, "", "regel", string(id)).
				WithDetail("ikke et punkt i releasenoten", "not an item of the release note")
		}
		t = t.With(id)
	}
	*s = t
	return nil
}
