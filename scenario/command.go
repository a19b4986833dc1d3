package scenario

import (
	"errors"
	"reflect"
	"slices"
	"time"

	"github.com/regelkit/dfdg"
	"github.com/regelkit/dfdg/absence"
	"github.com/regelkit/dfdg/activity"
	"github.com/regelkit/dfdg/codelist"
	"github.com/regelkit/dfdg/contactgroup"
	dfdgerrors "github.com/regelkit/dfdg/errors"
	"github.com/regelkit/dfdg/gdpr"
	"github.com/regelkit/dfdg/plan"
)

// When is the one command of a case: exactly one of its fields is given.
type When struct {
	OpretFrist          *Deadline            `json:"opretFrist"`          // 1.1
	Ydelsesafgoerelse   *BenefitDecision     `json:"ydelsesafgoerelse"`   // 1.2
	TilmeldJobsoegende  *RegistrationRequest `json:"tilmeldJobsoegende"`  // 1.4, 1.5
	KontrollerHistorik  *struct{}            `json:"kontrollerHistorik"`  // 1.5
	SkiftPersonkategori *PersonCategory      `json:"skiftPersonkategori"` // 1.7
	OpretFravaer        *Absence             `json:"opretFravaer"`        // 2.1, 2.6
	OpdaterFravaer      *Absence             `json:"opdaterFravaer"`      // 2.1
	AfslutFravaer       *EndAbsence          `json:"afslutFravaer"`       // 1.3
	Sygemelding         *SickReport          `json:"sygemelding"`         // 1.6, 2.3
	Raskmelding         *EndAbsence          `json:"raskmelding"`         // 2.4, 2.5
	GenoptagFravaer     *Resume              `json:"genoptagFravaer"`     // 2.3, 2.4
	Sygefravaerskoersel *SweepRun            `json:"sygefravaerskoersel"` // 2.2
	OpretAktivitet      *Activity            `json:"opretAktivitet"`      // 3.1–3.5, 3.7
	OpdaterAktivitet    *Activity            `json:"opdaterAktivitet"`    // 3.2, 3.5
	MinPlan             *struct{}            `json:"minPlan"`             // 3.3, 3.6
	Slettedato          *Record              `json:"slettedato"`          // 4.1
	HentPost            *Record              `json:"hentPost"`            // 4.1
	SletPost            *Record              `json:"sletPost"`            // 4.1, 4.2
	Slettekoersel       *struct{}            `json:"slettekoersel"`       // 4.1
}

// BenefitDecision is a decision on a benefit from KY.
type BenefitDecision struct {
	// Udfald is "Ydelse afvist" or "Ydelse bevilget".
	Udfald          contactgroup.BenefitOutcome `json:"udfald"`
	KontaktgruppeID string                      `json:"kontaktgruppeId"`
}

// RegistrationRequest asks to register the citizen as jobseeker.
type RegistrationRequest struct {
	ID               string  `json:"id"`
	Kategori         int     `json:"kategori"`
	Ansoeger         bool    `json:"ansoeger"`
	Gruppe           int     `json:"gruppe"`
	KontaktgruppeID  string  `json:"kontaktgruppeId"`
	OensketTidspunkt Instant `json:"oensketTidspunkt"`
}

// EndAbsence ends an absence, or recovers a sick one, on Slutdato.
type EndAbsence struct {
	ID       string    `json:"id"`
	Slutdato dfdg.Date `json:"slutdato"`
}

// SickReport is KSD's report of a sick absence.
type SickReport struct {
	Fravaer    Absence `json:"fravaer"`
	Gruppe8ID  string  `json:"gruppe8Id"`
	Gruppe24ID string  `json:"gruppe24Id"`
}

// Resume resumes a sick absence.
type Resume struct {
	ID         string `json:"id"`
	Gruppe24ID string `json:"gruppe24Id"`
}

// SweepRun runs the 60-day sweep over Given.Borgere.
type SweepRun struct {
	Koerselsdato dfdg.Date `json:"koerselsdato"`
}

// command returns the name of the one command set, or an error when none or several are.
func (w When) command() (string, error) {
	v := reflect.ValueOf(w)
	var set []string
	for i := range v.NumField() {
		if !v.Field(i).IsNil() {
			set = append(set, jsonName(v.Type().Field(i)))
		}
	}
	switch len(set) {
	case 0:
		return "", &FieldError{Path: "when", Err: errors.New("no command (known: " + knownFields(v.Type()) + ")")}
	case 1:
		return set[0], nil
	}
	return "", &FieldError{Path: "when", Err: errors.New("more than one command: " + joinStrings(set))}
}

func joinStrings(s []string) string {
	out := ""
	for i, x := range s {
		if i > 0 {
			out += ", "
		}
		out += x
	}
	return out
}

// outcome is what a command gave: an error, or the parts of a decision the expectations compare.
type outcome struct {
	err              error
	memberships      []dfdg.Change[contactgroup.Membership]
	registrations    []dfdg.Change[contactgroup.Registration]
	personCategories []dfdg.Change[contactgroup.PersonCategory]
	deadlines        []dfdg.Change[contactgroup.Deadline]
	absences         []dfdg.Change[absence.Absence]
	activities       []dfdg.Change[activity.Activity]
	messages         []dfdg.Message
	rules            dfdg.RuleSet
	overrode         time.Time
	due              *gdpr.Due
	closures         []string
	deletions        []string
	doc              *plan.Document
	history          dfdgerrors.List
	changes          bool
}

func fromContact(d contactgroup.Decision, err error) outcome {
	return outcome{err: err, memberships: d.Memberships, registrations: d.Registrations, personCategories: d.PersonCategories,
		deadlines: d.Deadlines, messages: d.Messages, rules: d.Rules, overrode: d.Overrode, changes: d.Changes()}
}

func fromAbsence(d absence.Decision, err error) outcome {
	return outcome{err: err, absences: d.Absences, memberships: d.Memberships, messages: d.Messages, rules: d.Rules, changes: d.Changes()}
}

func fromActivity(d activity.Decision, err error) outcome {
	return outcome{err: err, activities: d.Activities, messages: d.Messages, rules: d.Rules, changes: d.Changes()}
}

// execute runs the case's command on its given state.
func execute(c Case, cat *codelist.Catalog) outcome {
	g, w := c.Given, c.When
	now := g.Nu.Time
	today := dfdg.DateOf(now)
	municipality := dfdg.MunicipalityActor(g.Jobcenter)
	switch {
	case w.OpretFrist != nil:
		d := w.OpretFrist
		return fromContact(contactgroup.CreateDeadline(g.contact(), contactgroup.Deadline{ID: d.ID, Conversation: d.Samtaletype, Due: d.Fristdato, Status: d.Status}, now, cat))
	case w.Ydelsesafgoerelse != nil:
		b := w.Ydelsesafgoerelse
		return fromContact(contactgroup.DecideBenefit(g.contact(), contactgroup.BenefitDecision{Outcome: b.Udfald, MembershipID: b.KontaktgruppeID},
			g.actor(dfdg.SystemActor(dfdg.ActorKY)), now, cat))
	case w.TilmeldJobsoegende != nil:
		r := w.TilmeldJobsoegende
		return fromContact(contactgroup.RegisterJobseeker(g.contact(), contactgroup.RegistrationRequest{ID: r.ID, Category: r.Kategori,
			Applicant: r.Ansoeger, Group: r.Gruppe, MembershipID: r.KontaktgruppeID, RequestedAt: r.OensketTidspunkt.Time}, now, cat))
	case w.KontrollerHistorik != nil:
		return outcome{history: contactgroup.CheckHistory(g.contact().Memberships)}
	case w.SkiftPersonkategori != nil:
		p := w.SkiftPersonkategori
		return fromContact(contactgroup.ChangePersonCategory(g.contact(), contactgroup.PersonCategory{ID: p.ID, Category: p.Kategori,
			Start: p.Start.Time, End: p.Slut.Time}, now))
	case w.OpretFravaer != nil:
		return fromAbsence(absence.Create(g.absences(), w.OpretFravaer.lib(), g.actor(municipality), now, cat))
	case w.OpdaterFravaer != nil:
		return fromAbsence(absence.Update(g.absences(), w.OpdaterFravaer.lib(), g.actor(municipality), now, cat))
	case w.AfslutFravaer != nil:
		return fromAbsence(absence.End(g.absences(), w.AfslutFravaer.ID, w.AfslutFravaer.Slutdato, g.actor(municipality), now, cat))
	case w.Sygemelding != nil:
		s := w.Sygemelding
		return fromAbsence(absence.ReportSick(g.absences(), absence.SickReport{Absence: s.Fravaer.lib(), Group8ID: s.Gruppe8ID, Group24ID: s.Gruppe24ID}, now, cat))
	case w.Raskmelding != nil:
		return fromAbsence(absence.Recover(g.absences(), w.Raskmelding.ID, w.Raskmelding.Slutdato, now))
	case w.GenoptagFravaer != nil:
		return fromAbsence(absence.Resume(g.absences(), w.GenoptagFravaer.ID, w.GenoptagFravaer.Gruppe24ID, now, cat))
	case w.Sygefravaerskoersel != nil:
		var in []absence.SweepCitizen
		for _, b := range g.Borgere {
			in = append(in, absence.SweepCitizen{Key: b.Noegle, Jobcentre: b.Jobcenter, Group: b.Gruppe, Sick: b.Fravaer.lib()})
		}
		out := outcome{rules: dfdg.RulesOf(dfdg.Rule2_2), closures: []string{}}
		for cl, err := range absence.Sweep(slices.Values(in), w.Sygefravaerskoersel.Koerselsdato) {
			if err != nil {
				return outcome{err: err}
			}
			out.closures = append(out.closures, cl.Key)
			out.absences = append(out.absences, dfdg.Change[absence.Absence]{Type: dfdg.Update, Record: cl.Absence})
			if cl.Message.Name != "" {
				out.messages = append(out.messages, cl.Message)
			}
		}
		return out
	case w.OpretAktivitet != nil:
		return fromActivity(activity.Create(g.activities(), w.OpretAktivitet.lib(), g.actor(municipality), now, cat))
	case w.OpdaterAktivitet != nil:
		return fromActivity(activity.Update(g.activities(), w.OpdaterAktivitet.lib(), g.actor(municipality), now, cat))
	case w.MinPlan != nil:
		doc := activity.MinPlan(g.activities(), cat)
		return outcome{doc: &doc, rules: doc.Rules}
	case w.Slettedato != nil:
		due, err := gdpr.DeletionDate(w.Slettedato.lib(), today, cat)
		return outcome{err: err, due: &due, rules: dfdg.RulesOf(due.Rule)}
	case w.HentPost != nil:
		return outcome{err: gdpr.CheckRead(w.HentPost.lib(), today, cat), rules: dfdg.RulesOf(dfdg.Rule4_1)}
	case w.SletPost != nil:
		r := w.SletPost.lib()
		rules := dfdg.RulesOf(dfdg.Rule4_1)
		if r.Kind == gdpr.JobLog || r.Kind == gdpr.OtherLog || r.Kind == gdpr.JobLogDocument {
			rules = dfdg.RulesOf(dfdg.Rule4_2)
		}
		return outcome{messages: gdpr.Messages(r), rules: rules}
	case w.Slettekoersel != nil:
		var in []gdpr.Record
		for _, r := range g.Poster {
			in = append(in, r.lib())
		}
		out := outcome{rules: dfdg.RulesOf(dfdg.Rule4_1), deletions: []string{}}
		for del, err := range gdpr.Sweep(slices.Values(in), today, cat) {
			if err != nil {
				return outcome{err: err}
			}
			out.deletions = append(out.deletions, del.Record.ID)
			out.messages = append(out.messages, del.Messages()...)
		}
		return out
	}
	return outcome{err: &FieldError{Path: "when", Err: errors.New("no command")}}
}
