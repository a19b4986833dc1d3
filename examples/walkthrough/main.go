// Command walkthrough tells one citizen's story through the library's four sections: sickness
// reported while employed, recovery, registration as jobseeker and a same-day resumption, a deadline,
// a person category, the jobcentre's own sickness report and recovery (CreateSygemelding, Raskmeld),
// an activity rejected with 110016 and then accepted under a Jobplan, a guest-access update, Min
// plan, a day in the jobcentre (a booking with a participant, a held interview, a draft plan, a
// deregistration and the end of the contact group), and the GDPR deletion plan. Every decision is printed with its
// changes, messages and rule ids. Run it with
//
//	go run ./examples/walkthrough
package main

import (
	"fmt"
	"io"
	"os"
	"slices"
	"strconv"
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

// decision prints what a decision changes and sends.
func (s *story) decision(d dfdg.Decision) {
	s.absences(d.Absences)
	s.memberships(d.Memberships)
	s.messages(d.Messages, d.Rules)
}

func (s *story) messages(msgs []dfdg.Message, rules dfdg.RuleSet) {
	for _, m := range msgs {
		s.p("  besked: %v", m)
	}
	if len(msgs) == 0 {
		s.p("  besked: ingen")
	}
	if rules.Len() == 0 {
		s.p("  regler: ingen fra releasenoten (operationens egne, dokumenterede tjek)")
		return
	}
	s.p("  regler: %v", rules)
}

func (s *story) memberships(chs []dfdg.Change[dfdg.Membership]) {
	for _, ch := range chs {
		s.p("  %-10s kontaktgruppe %2d  %s – %s  (%s)", ch.Type, ch.Record.Group, stamp(ch.Record.Start), stamp(ch.Record.End), ch.Record.ID)
	}
}

func (s *story) absences(chs []dfdg.Change[dfdg.Absence]) {
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

// newIDs is the case-management system's own id generator: "kg-1", "kg-2", … per kind of record. The
// library asks it for the ids of the records a decision creates when the command names none.
func newIDs() func(dfdg.RecordKind) string {
	prefix := map[dfdg.RecordKind]string{dfdg.RecordMembership: "kg", dfdg.RecordRegistration: "reg", dfdg.RecordAbsence: "fr",
		dfdg.RecordActivity: "a", dfdg.RecordDeadline: "f", dfdg.RecordPersonCategory: "pk", dfdg.RecordPlan: "p",
		dfdg.RecordBooking: "ind", dfdg.RecordGuestAccess: "ga"}
	n := map[dfdg.RecordKind]int{}
	return func(k dfdg.RecordKind) string {
		n[k]++
		return prefix[k] + "-" + strconv.Itoa(n[k])
	}
}

func run(w io.Writer) error {
	s := &story{w: w}
	cat := codelist.Default()
	// One value of rules per package, with the code lists; their zero values would use the same.
	var (
		contacts   = contactgroup.Rules{Catalog: cat}
		absences   = absence.Rules{Catalog: cat}
		activities = activity.Rules{Catalog: cat}
		deletions  = gdpr.Rules{Catalog: cat}
	)
	newID := newIDs()
	// The call's context: when, who acts, and where new ids come from.
	by := func(actor dfdg.Actor, now time.Time) dfdg.At { return dfdg.At{Now: now, By: actor, NewID: newID} }
	var (
		ksd = dfdg.SystemActor(dfdg.ActorKSD)
		kbh = dfdg.MunicipalityActor(101)
		frb = dfdg.MunicipalityActor(147)
	)

	s.heading("Borgeren")
	cpr := dfdg.MustParseCPR("070761-4286")
	pension, err := cat.PensionAgeDate(cpr.BirthDate())
	if !s.check(err) {
		return s.err
	}
	age, _ := cat.PensionAges().For(cpr.BirthDate())
	s.p("cpr %v (modulus 11: %v, gyldigt alligevel), født %s, folkepensionsalder %s, nås %s", cpr, cpr.Modulus11(), cpr.BirthDate(), age, pension)
	s.p("jobcenter: København (101), a-kasse: ak-1; i arbejde og i ingen kontaktgruppe")
	// The one value every package reads: the caller loads it from its storage.
	citizen := dfdg.Citizen{Jobcentre: 101, Akasse: "ak-1", Born: cpr.BirthDate()}

	s.heading("1.6  KSD melder sygdom fra 1. september, modtaget 15. september")
	d, err := absences.ReportSick(by(ksd, at("2025-09-15", 9, 30)), citizen,
		dfdg.Absence{Type: dfdg.SygdomSygemelding, Period: dfdg.Period{Start: dfdg.MustParseDate("2025-09-01")}})
	if !s.check(err) {
		return s.err
	}
	s.decision(d)
	s.p("  (ingen Kontaktgruppe.WSB for den tekniske kontaktgruppe 8)")
	citizen = citizen.Apply(d)
	sick := d.Absences[0].Record.ID

	s.heading("2.4 og 2.5  KSD raskmelder 6. oktober")
	d, err = absences.Recover(by(ksd, at("2025-10-06", 8, 0)), citizen, absence.Recovery{ID: sick, End: dfdg.MustParseDate("2025-10-06")})
	if !s.check(err) {
		return s.err
	}
	s.decision(d)
	citizen = citizen.Apply(d)

	s.heading("1.5  Tilmelding som jobsøgende samme dag; kaldet beder om kl. 07:00")
	d, err = contacts.RegisterJobseeker(by(kbh, at("2025-10-06", 10, 15)), citizen, contactgroup.RegistrationRequest{
		Category: 2, Group: dfdg.Dagpengemodtager, RequestedAt: at("2025-10-06", 7, 0),
	})
	if !s.check(err) {
		return s.err
	}
	s.p("  tilmeldt %s (ønsket %s blev tilsidesat: tilmeldetidspunktet er altid nu)", stamp(d.Registrations[0].Record.Start), stamp(d.Overrode))
	s.memberships(d.Memberships)
	s.messages(d.Messages, d.Rules)
	citizen = citizen.Apply(d)

	s.heading("2.3  KSD genoptager sygefraværet samme dag")
	d, err = absences.Resume(by(ksd, at("2025-10-06", 14, 0)), citizen, absence.Resumption{ID: sick})
	if !s.check(err) {
		return s.err
	}
	s.absences(d.Absences)
	s.p("  ingen fejl 1003; borgeren bliver i kontaktgruppe 1")
	s.messages(d.Messages, d.Rules)
	citizen = citizen.Apply(d)
	d, err = absences.Recover(by(ksd, at("2025-10-10", 16, 0)), citizen, absence.Recovery{ID: sick, End: dfdg.MustParseDate("2025-10-10")})
	if !s.check(err) {
		return s.err
	}
	s.p("  raskmeldt igen 10. oktober: %d Fravaer.WSB (%v)", len(d.Messages), d.Messages[0].Change)
	citizen = citizen.Apply(d)

	s.heading("1.1  Ny frist, mens en anden samtaletypes frist er overskredet")
	citizen.Deadlines = []dfdg.Deadline{{ID: "f-1", Conversation: 7, Due: dfdg.MustParseDate("2025-10-08")}}
	now := at("2025-10-13", 9, 0)
	d, err = contacts.CreateDeadline(by(kbh, now), citizen, dfdg.Deadline{ID: "f-2", Conversation: dfdg.FaellesJobsamtale, Due: dfdg.MustParseDate("2025-11-03")})
	if !s.check(err) {
		return s.err
	}
	s.p("  frist f-1 (samtaletype 7, fristdato 2025-10-08) står som åben, men er %q den %s", citizen.Deadlines[0].StatusOn(dfdg.DateOf(now)), dfdg.DateOf(now))
	s.p("  %v frist %s (samtaletype 17, fristdato %s)", d.Deadlines[0].Type, d.Deadlines[0].Record.ID, d.Deadlines[0].Record.Due)
	s.messages(d.Messages, d.Rules)
	citizen = citizen.Apply(d)

	s.heading("1.7  Personkategori: 'Ikke visiteret' bliver 'Jobparat'")
	citizen.PersonCategories = []dfdg.PersonCategorization{{ID: "pk-0", Category: 901, Start: at("2025-10-06", 10, 15)}}
	d, err = contacts.ChangePersonCategory(by(kbh, at("2025-10-14", 11, 0)), citizen, dfdg.PersonCategorization{Category: 902})
	if !s.check(err) {
		return s.err
	}
	s.p("  (personkategoriernes DFDG-id'er er ikke offentlige; historien bruger 901 og 902)")
	s.messages(d.Messages, d.Rules)
	citizen = citizen.Apply(d)

	s.heading("CreateSygemelding  Jobcentret sygemelder borgeren 14. oktober")
	syg := absence.Sickness{Absence: dfdg.Absence{Type: dfdg.SygdomSygemelding, Period: dfdg.Period{Start: dfdg.MustParseDate("2025-10-13")}},
		NotificationDate: dfdg.MustParseDate("2025-10-14")}
	_, err = absences.CreateSickness(by(kbh, at("2025-10-14", 12, 0)), citizen, syg)
	s.p("  med startdato i går: %v", err)
	_, err = absences.CreateSickness(by(frb, at("2025-10-14", 12, 0)), citizen, syg)
	s.p("  fra Frederiksberg: %v", err)
	syg.Period.Start = dfdg.MustParseDate("2025-10-14")
	d, err = absences.CreateSickness(by(kbh, at("2025-10-14", 12, 0)), citizen, syg)
	if !s.check(err) {
		return s.err
	}
	s.absences(d.Absences)
	s.p("  borgeren bliver i kontaktgruppe 1 (regel 1.6 gælder KSD's indberetning)")
	s.messages(d.Messages, d.Rules)
	citizen = citizen.Apply(d)

	s.heading("Raskmeld  Jobcentret raskmelder borgeren samme dag")
	d, err = absences.Recover(by(kbh, at("2025-10-14", 16, 0)), citizen,
		absence.Recovery{ID: d.Absences[0].Record.ID, End: dfdg.MustParseDate("2025-10-14"), EndCause: 1})
	if !s.check(err) {
		return s.err
	}
	s.absences(d.Absences)
	s.messages(d.Messages, d.Rules)
	citizen = citizen.Apply(d)

	s.heading("3.1  København opretter en virksomhedspraktik uden jobplan")
	now = at("2025-10-15", 10, 0)
	citizen.Plan = &dfdg.Plan{ID: "p-1", Type: dfdg.Uddannelsesplan}
	praktik := dfdg.Activity{
		ID: "a-1", Type: 40, CompanyOriented: true, Description: "Virksomhedspraktik",
		Period: dfdg.Period{Start: dfdg.MustParseDate("2025-11-03"), End: dfdg.MustParseDate("2025-12-19")},
		Hours:  decimal.RequireFromString("25.5"), JobOfferType: 1,
		Company:  dfdg.Company{CVR: "12345678", PNumber: "1000000001", Name: "Bageriet ApS"},
		JobTitle: dfdg.JobTitle{Name: "Bagermedhjælper", Alias: "Hjælper i butik og bageri"},
	}
	_, err = activities.Create(by(kbh, now), citizen, praktik)
	s.p("  afvist: %v", err)
	g, _ := citizen.GroupAt(now)
	s.p("  (kontaktgruppen %d er borgerens den %s: reglerne finder den selv)", g.Group, dfdg.DateOf(now))

	s.heading("3.1  Med en jobplan")
	citizen.Plan = &dfdg.Plan{ID: "p-1", Type: dfdg.Jobplan, Contract: &dfdg.Contract{
		ID: "k-1", Act: dfdg.IntegrationAct, Signed: dfdg.MustParseDate("2025-10-15"),
		DanishAcquisition: "Danskuddannelse 2, modul 4, på sprogcentret\nFire lektioner om ugen ved siden af praktikken",
	}}
	d, err = activities.Create(by(kbh, now), citizen, praktik)
	if !s.check(err) {
		return s.err
	}
	s.p("  %v %s, %s", d.Activities[0].Type, praktik.ID, praktik.Description)
	s.messages(d.Messages, d.Rules)
	citizen = citizen.Apply(d)

	s.heading("3.4  Et ordinært job hos samme virksomhed med samme datoer og timetal")
	job := praktik
	job.ID, job.Description, job.JobOfferType = "a-2", "Ordinært job", 2
	job.Hours = decimal.RequireFromString("25.50")
	d, err = activities.Create(by(kbh, now), citizen, job)
	if !s.check(err) {
		return s.err
	}
	s.p("  oprettet: jobtilbudtypen er en anden, så det er ingen dublet")
	citizen = citizen.Apply(d)
	again := praktik
	again.ID = "a-3"
	_, err = activities.Create(by(kbh, now), citizen, again)
	s.p("  praktikken igen: %v", err)

	s.heading("3.2  Frederiksberg registrerer sig som betalingskommune via gæsteadgang")
	upd := praktik
	upd.References = []dfdg.Reference{{Type: dfdg.Betalingskommune, Value: "0147"}}
	d, err = activities.Update(by(frb, at("2025-10-20", 13, 0)), citizen, upd)
	if !s.check(err) {
		return s.err
	}
	s.messages(d.Messages, d.Rules)
	citizen = citizen.Apply(d)

	s.heading("3.3 og 3.6  Min plan")
	doc := activities.MinPlan(by(kbh, now), citizen)
	for _, line := range strings.Split(strings.TrimRight(doc.Text(), "\n"), "\n") {
		s.p("  | %s", line)
	}
	s.p("  regler: %v", doc.Rules)

	s.heading("En dag i jobcentret, 21. oktober: indkaldelse, samtale, ny plan, afmelding")
	now = at("2025-10-21", 9, 0)
	booking := dfdg.Booking{ID: "ind-1", Conversation: 7, Start: at("2025-10-28", 10, 0), End: at("2025-10-28", 10, 45),
		RebookingPossible: true, RebookingDeadline: dfdg.MustParseDate("2025-10-26")}
	d, err = contacts.CreateBooking(by(kbh, now), citizen, booking)
	if !s.check(err) {
		return s.err
	}
	s.p("  indkaldt til jobsamtale %s (ombooking mulig til %s)", stamp(booking.Start), booking.RebookingDeadline)
	s.messages(d.Messages, d.Rules)
	citizen = citizen.Apply(d)
	_, err = contacts.CreateBooking(by(dfdg.AkasseActor("ak-2"), now), citizen, dfdg.Booking{ID: "ind-2", Conversation: 7, Start: at("2025-10-29", 10, 0)})
	s.p("  en anden a-kasse forsøger: %v", err)
	d, err = contacts.AddParticipant(by(kbh, now), citizen, dfdg.Participant{ID: "md-1", Booking: "ind-1", Name: "Anna Jensen", Contact: "a-kasse ak-1"})
	if !s.check(err) {
		return s.err
	}
	s.p("  myndighedsdeltager md-1 tilføjet")
	s.messages(d.Messages, d.Rules)
	citizen = citizen.Apply(d)
	held := dfdg.Interview{ID: "s-1", Conversation: 4, Held: at("2025-10-21", 11, 0)}
	s.p("  afholdt opfølgningssamtale kl. 11: %d fejl efter CreateInterviews regler", len(contacts.ValidateInterview(by(kbh, at("2025-10-21", 12, 0)), citizen, held)))
	citizen.Interviews = append(citizen.Interviews, held)
	plans := plan.Rules{Catalog: cat}
	_, err = plans.CreateDraft(by(kbh, at("2025-10-21", 13, 0)), citizen, dfdg.Plan{Type: dfdg.Uddannelsesplan, Caseworker: "Sara Holm"})
	s.p("  kladde til uddannelsesplan: %v", err)
	d, err = plans.CreateDraft(by(kbh, at("2025-10-21", 13, 0)), citizen, dfdg.Plan{ID: "p-2", Type: dfdg.Jobplan, Goal: "Job som bagermedhjælper",
		Description: "Praktik hos Bageriet ApS og derefter job", Caseworker: "Sara Holm"})
	if !s.check(err) {
		return s.err
	}
	s.p("  kladde %s til ny jobplan (%s); den gældende plan %s står, til kladden offentliggøres", d.Plans[0].Record.ID, d.Plans[0].Record.Goal, citizen.Plan.ID)
	citizen = citizen.Apply(d)
	d, err = contacts.Deregister(by(kbh, at("2025-10-21", 14, 0)), citizen, dfdg.Deregistration{Date: dfdg.MustParseDate("2025-10-31")})
	if !s.check(err) {
		return s.err
	}
	s.p("  afmeldt som jobsøgende fra %s (i job); ingen besked", stamp(d.Registrations[0].Record.End))
	citizen = citizen.Apply(d)
	g, _ = citizen.GroupAt(now)
	d, err = contacts.EndGroup(by(kbh, at("2025-10-21", 14, 0)), citizen, contactgroup.GroupEnd{ID: g.ID, End: at("2025-10-31", 0, 0)})
	if !s.check(err) {
		return s.err
	}
	s.memberships(d.Memberships)
	s.messages(d.Messages, d.Rules)
	citizen = citizen.Apply(d)

	s.heading("4.1 og 4.2  Sletteplan, set fra 2026-11-26")
	today := by(dfdg.Actor{}, at("2026-11-26", 9, 0))
	records := []gdpr.Record{
		{Kind: dfdg.RecordRegistration, ID: "reg-0", Start: dfdg.MustParseDate("2012-01-02"), End: dfdg.MustParseDate("2020-11-26")},
		{Kind: dfdg.RecordRegistration, ID: citizen.Registrations[0].ID, Start: dfdg.DateOf(citizen.Registrations[0].Start)},
		{Kind: dfdg.RecordKYDecision, ID: "ky-1", End: dfdg.MustParseDate("2021-03-31")},
		{Kind: dfdg.RecordDialogueMessage, ID: "b-1", Start: dfdg.MustParseDate("2024-02-29")},
		{Kind: dfdg.RecordDialogueMessage, ID: "b-2", Start: dfdg.MustParseDate("2019-05-01"), End: dfdg.MustParseDate("2019-05-03")},
		{Kind: dfdg.RecordPersonGroupMarking, ID: "pg-1", ProjectType: dfdg.ProjektAkasse, End: dfdg.MustParseDate("2026-05-31")},
		{Kind: dfdg.RecordPersonGroupMarking, ID: "pg-2", ProjectType: 2, End: dfdg.MustParseDate("2019-01-31")},
		{Kind: dfdg.RecordEfterloen, ID: "el-1", Person: cpr},
	}
	for _, r := range records {
		due, err := deletions.DeletionDate(today, r)
		if !s.check(err) {
			return s.err
		}
		s.p("  %-22s %-6s slettes %s", r.Kind, r.ID, due)
	}
	s.p("  hent reg-0: %v", deletions.CheckRead(today, records[0]))
	var due []string
	for del, err := range deletions.Sweep(today, slices.Values(records)) {
		if s.check(err) {
			due = append(due, del.Record.ID)
		}
	}
	s.p("  slettekørslen %s sletter: %s", today.Today(), strings.Join(due, ", "))
	for _, kind := range []dfdg.RecordKind{dfdg.RecordJobLog, dfdg.RecordOtherLog, dfdg.RecordJobLogDocument} {
		del, err := deletions.Delete(today, gdpr.Record{Kind: kind, ID: "log-1", Municipalities: []dfdg.Municipality{101}, Akasser: []dfdg.Akasse{"ak-1"}})
		if !s.check(err) {
			return s.err
		}
		names := make([]string, 0, len(del.Messages))
		for _, m := range del.Messages {
			names = append(names, m.String())
		}
		if len(names) == 0 {
			names = append(names, "ingen besked")
		}
		s.p("  sletning af %s: %s (regel %v)", kind, strings.Join(names, "; "), del.Rules)
	}
	return s.err
}
