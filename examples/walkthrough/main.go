// Command walkthrough tells one citizen's story through the library's four sections: sickness
// reported while employed, recovery, registration as jobseeker and a same-day resumption, a deadline,
// a person category, an activity rejected with 110016 and then accepted under a Jobplan, a
// guest-access update, Min plan, and the GDPR deletion plan. Every decision is printed with its
// changes, messages and rule ids. Run it with
//
//	go run ./examples/walkthrough
package main

import (
	"fmt"
	"io"
	"os"
	"slices"
	"strings"
	"time"

	"github.com/regelkit/dfdg"
	"github.com/regelkit/dfdg/absence"
	"github.com/regelkit/dfdg/activity"
	"github.com/regelkit/dfdg/codelist"
	"github.com/regelkit/dfdg/contactgroup"
	"github.com/regelkit/dfdg/gdpr"
	"github.com/regelkit/dfdg/plan"
	"github.com/shopspring/decimal"
)

func main() {
	if err := run(os.Stdout); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
}

// story prints decisions; the first unexpected error stops it.
type story struct {
	w       io.Writer
	err     error
	started bool
}

func (s *story) p(format string, a ...any) { fmt.Fprintf(s.w, format+"\n", a...) }

func (s *story) heading(h string) {
	if s.started {
		s.p("")
	}
	s.started = true
	s.p("== %s", h)
}

// at is 2025-MM-DD HH:MM in Danish time.
func at(date string, hh, mm int) time.Time {
	return dfdg.MustParseDate(date).Time().Add(time.Duration(hh)*time.Hour + time.Duration(mm)*time.Minute)
}

func stamp(t time.Time) string {
	if t.IsZero() {
		return "…"
	}
	return dfdg.InDenmark(t).Format("2006-01-02 15:04")
}

func (s *story) messages(msgs []dfdg.Message, rules dfdg.RuleSet) {
	for _, m := range msgs {
		s.p("  besked: %v", m)
	}
	if len(msgs) == 0 {
		s.p("  besked: ingen")
	}
	s.p("  regler: %v", rules)
}

func (s *story) memberships(chs []dfdg.Change[contactgroup.Membership]) {
	for _, ch := range chs {
		s.p("  %-10s kontaktgruppe %2d  %s – %s  (%s)", ch.Type, ch.Record.Group, stamp(ch.Record.Start), stamp(ch.Record.End), ch.Record.ID)
	}
}

func (s *story) absences(chs []dfdg.Change[absence.Absence]) {
	for _, ch := range chs {
		s.p("  %-10s fravær type %d  %s  (%s)", ch.Type, ch.Record.Type, ch.Record.Period, ch.Record.ID)
	}
}

// check records an unexpected error.
func (s *story) check(err error) bool {
	if err != nil && s.err == nil {
		s.err = err
	}
	return err == nil
}

// sick is the absence type the story uses for sickness: 11 'SygdomSygemelding' in the code list.
// The release note does not say which type KSD reports.
const sick = 11

func run(w io.Writer) error {
	s := &story{w: w}
	cat := codelist.Default()

	s.heading("Borgeren")
	cpr := dfdg.MustParseCPR("070761-4286")
	pension, err := cat.PensionAgeDate(cpr.BirthDate())
	if !s.check(err) {
		return s.err
	}
	age, _ := cat.PensionAges().For(cpr.BirthDate())
	s.p("cpr %v (modulus 11: %v, gyldigt alligevel), født %s, folkepensionsalder %s, nås %s", cpr, cpr.Modulus11(), cpr.BirthDate(), age, pension)
	s.p("jobcenter: København (101), a-kasse: ak-1; i arbejde og i ingen kontaktgruppe")

	state := absence.State{Citizen: contactgroup.Citizen{Jobcentre: 101, Akasse: "ak-1"}}

	s.heading("1.6  KSD melder sygdom fra 1. september, modtaget 15. september")
	now := at("2025-09-15", 9, 30)
	d, err := absence.ReportSick(state, absence.SickReport{
		Absence:  absence.Absence{ID: "fr-1", Type: sick, Period: dfdg.Period{Start: dfdg.MustParseDate("2025-09-01")}},
		Group8ID: "kg-8", Group24ID: "kg-24",
	}, now, cat)
	if !s.check(err) {
		return s.err
	}
	s.absences(d.Absences)
	s.memberships(d.Memberships)
	s.messages(d.Messages, d.Rules)
	s.p("  (ingen Kontaktgruppe.WSB for den tekniske kontaktgruppe 8)")
	state = state.Apply(d)

	s.heading("2.4 og 2.5  KSD raskmelder 6. oktober")
	now = at("2025-10-06", 8, 0)
	d, err = absence.Recover(state, "fr-1", dfdg.MustParseDate("2025-10-06"), now)
	if !s.check(err) {
		return s.err
	}
	s.absences(d.Absences)
	s.memberships(d.Memberships)
	s.messages(d.Messages, d.Rules)
	state = state.Apply(d)

	s.heading("1.5  Tilmelding som jobsøgende samme dag; kaldet beder om kl. 07:00")
	now = at("2025-10-06", 10, 15)
	cd, err := contactgroup.RegisterJobseeker(state.Citizen, contactgroup.RegistrationRequest{
		ID: "reg-1", Category: 2, Group: contactgroup.Dagpengemodtager, MembershipID: "kg-1",
		RequestedAt: at("2025-10-06", 7, 0),
	}, now, cat)
	if !s.check(err) {
		return s.err
	}
	s.p("  tilmeldt %s (ønsket %s blev tilsidesat: tilmeldetidspunktet er altid nu)", stamp(cd.Registrations[0].Record.Start), stamp(cd.Overrode))
	s.memberships(cd.Memberships)
	s.messages(cd.Messages, cd.Rules)
	state.Citizen = state.Citizen.Apply(cd)

	s.heading("2.3  KSD genoptager sygefraværet samme dag")
	now = at("2025-10-06", 14, 0)
	d, err = absence.Resume(state, "fr-1", "kg-24b", now, cat)
	if !s.check(err) {
		return s.err
	}
	s.absences(d.Absences)
	s.p("  ingen fejl 1003; borgeren bliver i kontaktgruppe 1")
	s.messages(d.Messages, d.Rules)
	state = state.Apply(d)
	d, err = absence.Recover(state, "fr-1", dfdg.MustParseDate("2025-10-10"), at("2025-10-10", 16, 0))
	if !s.check(err) {
		return s.err
	}
	s.p("  raskmeldt igen 10. oktober: %d Fravaer.WSB (%v)", len(d.Messages), d.Messages[0].Change)
	state = state.Apply(d)

	s.heading("1.1  Ny frist, mens en anden samtaletypes frist er overskredet")
	state.Citizen.Deadlines = []contactgroup.Deadline{{ID: "f-1", Conversation: 7, Due: dfdg.MustParseDate("2025-10-08")}}
	now = at("2025-10-13", 9, 0)
	cd, err = contactgroup.CreateDeadline(state.Citizen, contactgroup.Deadline{ID: "f-2", Conversation: contactgroup.FaellesJobsamtale, Due: dfdg.MustParseDate("2025-11-03")}, now, cat)
	if !s.check(err) {
		return s.err
	}
	s.p("  frist f-1 (samtaletype 7, fristdato 2025-10-08) står som åben, men er %q den %s", state.Citizen.Deadlines[0].StatusOn(dfdg.DateOf(now)), dfdg.DateOf(now))
	s.p("  %v frist f-2 (samtaletype 17, fristdato %s)", cd.Deadlines[0].Type, cd.Deadlines[0].Record.Due)
	s.messages(cd.Messages, cd.Rules)
	state.Citizen = state.Citizen.Apply(cd)

	s.heading("1.7  Personkategori: 'Ikke visiteret' bliver 'Jobparat'")
	state.Citizen.PersonCategories = []contactgroup.PersonCategory{{ID: "pk-1", Category: 901, Start: at("2025-10-06", 10, 15)}}
	cd, err = contactgroup.ChangePersonCategory(state.Citizen, contactgroup.PersonCategory{ID: "pk-2", Category: 902}, at("2025-10-14", 11, 0))
	if !s.check(err) {
		return s.err
	}
	s.p("  (personkategoriernes DFDG-id'er er ikke offentlige; historien bruger 901 og 902)")
	s.messages(cd.Messages, cd.Rules)
	state.Citizen = state.Citizen.Apply(cd)

	s.heading("3.1  København opretter en virksomhedspraktik uden jobplan")
	now = at("2025-10-15", 10, 0)
	group, _ := state.Citizen.GroupAt(now)
	citizen := activity.Citizen{Jobcentre: 101, Akasse: "ak-1", ContactGroup: group.Group, Plan: &plan.Plan{ID: "p-1", Type: plan.Uddannelsesplan}}
	praktik := activity.Activity{
		ID: "a-1", Type: 40, CompanyOriented: true, Description: "Virksomhedspraktik",
		Period: dfdg.Period{Start: dfdg.MustParseDate("2025-11-03"), End: dfdg.MustParseDate("2025-12-19")},
		Hours:  decimal.RequireFromString("25.5"), JobOfferType: 1,
		Company:  activity.Company{CVR: "12345678", PNumber: "1000000001", Name: "Bageriet ApS"},
		JobTitle: plan.JobTitle{Name: "Bagermedhjælper", Alias: "Hjælper i butik og bageri"},
	}
	_, err = activity.Create(citizen, praktik, dfdg.MunicipalityActor(101), now, cat)
	s.p("  afvist: %v", err)

	s.heading("3.1  Med en jobplan")
	citizen.Plan = &plan.Plan{ID: "p-1", Type: plan.Jobplan, Contract: &plan.Contract{
		ID: "k-1", Act: plan.IntegrationAct, Signed: dfdg.MustParseDate("2025-10-15"),
		DanishAcquisition: "Danskuddannelse 2, modul 4, på sprogcentret\nFire lektioner om ugen ved siden af praktikken",
	}}
	ad, err := activity.Create(citizen, praktik, dfdg.MunicipalityActor(101), now, cat)
	if !s.check(err) {
		return s.err
	}
	s.p("  %v %s, %s", ad.Activities[0].Type, praktik.ID, praktik.Description)
	s.messages(ad.Messages, ad.Rules)
	citizen = citizen.Apply(ad)

	s.heading("3.4  Et ordinært job hos samme virksomhed med samme datoer og timetal")
	job := praktik
	job.ID, job.Description, job.JobOfferType = "a-2", "Ordinært job", 2
	job.Hours = decimal.RequireFromString("25.50")
	ad, err = activity.Create(citizen, job, dfdg.MunicipalityActor(101), now, cat)
	if !s.check(err) {
		return s.err
	}
	s.p("  oprettet: jobtilbudtypen er en anden, så det er ingen dublet")
	citizen = citizen.Apply(ad)
	again := praktik
	again.ID = "a-3"
	_, err = activity.Create(citizen, again, dfdg.MunicipalityActor(101), now, cat)
	s.p("  praktikken igen: %v", err)

	s.heading("3.2  Frederiksberg registrerer sig som betalingskommune via gæsteadgang")
	upd := praktik
	upd.References = []activity.Reference{{Type: activity.Betalingskommune, Value: "0147"}}
	ad, err = activity.Update(citizen, upd, dfdg.MunicipalityActor(147), at("2025-10-20", 13, 0), cat)
	if !s.check(err) {
		return s.err
	}
	s.messages(ad.Messages, ad.Rules)
	citizen = citizen.Apply(ad)

	s.heading("3.3 og 3.6  Min plan")
	doc := activity.MinPlan(citizen, cat)
	for _, line := range strings.Split(strings.TrimRight(doc.Text(), "\n"), "\n") {
		s.p("  | %s", line)
	}
	s.p("  regler: %v", doc.Rules)

	s.heading("4.1 og 4.2  Sletteplan, set fra 2026-11-26")
	today := dfdg.MustParseDate("2026-11-26")
	records := []gdpr.Record{
		{Kind: gdpr.Registration, ID: "reg-0", Start: dfdg.MustParseDate("2012-01-02"), End: dfdg.MustParseDate("2020-11-26")},
		{Kind: gdpr.Registration, ID: "reg-1", Start: dfdg.DateOf(state.Citizen.Registration.Start)},
		{Kind: gdpr.KYDecision, ID: "ky-1", End: dfdg.MustParseDate("2021-03-31")},
		{Kind: gdpr.DialogueMessage, ID: "b-1", Start: dfdg.MustParseDate("2024-02-29")},
		{Kind: gdpr.DialogueMessage, ID: "b-2", Start: dfdg.MustParseDate("2019-05-01"), End: dfdg.MustParseDate("2019-05-03")},
		{Kind: gdpr.PersonGroupMarking, ID: "pg-1", ProjectType: 4, End: dfdg.MustParseDate("2026-05-31")},
		{Kind: gdpr.PersonGroupMarking, ID: "pg-2", ProjectType: 2, End: dfdg.MustParseDate("2019-01-31")},
		{Kind: gdpr.Efterloen, ID: "el-1", Person: cpr},
	}
	for _, r := range records {
		due, err := gdpr.DeletionDate(r, today, cat)
		if !s.check(err) {
			return s.err
		}
		s.p("  %-22s %-6s slettes %s", r.Kind, r.ID, due)
	}
	s.p("  hent reg-0: %v", gdpr.CheckRead(records[0], today, cat))
	var due []string
	for del, err := range gdpr.Sweep(slices.Values(records), today, cat) {
		if s.check(err) {
			due = append(due, del.Record.ID)
		}
	}
	s.p("  slettekørslen %s sletter: %s", today, strings.Join(due, ", "))
	for _, kind := range []gdpr.Kind{gdpr.JobLog, gdpr.OtherLog, gdpr.JobLogDocument} {
		msgs := gdpr.Messages(gdpr.Record{Kind: kind, ID: "log-1", Municipalities: []dfdg.Municipality{101}, Akasser: []dfdg.Akasse{"ak-1"}})
		names := make([]string, 0, len(msgs))
		for _, m := range msgs {
			names = append(names, m.String())
		}
		if len(names) == 0 {
			names = append(names, "ingen besked")
		}
		s.p("  sletning af %s: %s", kind, strings.Join(names, "; "))
	}
	return s.err
}
