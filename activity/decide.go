package activity

import (
	"strconv"
	"time"

	"github.com/regelkit/dfdg"
	"github.com/regelkit/dfdg/codelist"
	"github.com/regelkit/dfdg/plan"
)

const refAktivitet = "Aktivitet"

// Create creates activity a for the citizen, by actor by at now, after ValidateCreate; it returns the
// first violation. The decision creates the activity (its Owner is the creating municipality when not
// given) and sends Aktivitet.WSB Create to the citizen's jobcentre, and AktivitetAkasse.WSB Create to
// the citizen's a-kasse only when the plan is a Jobplan or Kombiplan (rule 3.1).
func Create(c Citizen, a Activity, by dfdg.Actor, now time.Time, cat *codelist.Catalog) (Decision, error) {
	if errs := ValidateCreate(c, a, by, now, cat); len(errs) > 0 {
		return Decision{}, errs[0]
	}
	if a.Owner == 0 && by.Kind == dfdg.ActorMunicipality {
		a.Owner = by.Municipality
	}
	d := Decision{
		Activities: []dfdg.Change[Activity]{{Type: dfdg.Create, Record: a}},
		Messages:   make([]dfdg.Message, 0, 2),
		Rules:      createRules(c, a, by, today(now), cat),
	}
	d.Messages = appendMessages(d.Messages, c, dfdg.Create, a, by)
	return d, nil
}

// Update replaces the activity with a's id by a, updated by by at now, after ValidateUpdate. It never
// validates the job title, so an activity whose title has expired can be cancelled, interrupted or
// changed (rule 3.5). A municipality other than the citizen's updates through guest access without
// the attachment changing (rule 3.2): DeltAktivitet.WSB Update goes to it and Aktivitet.WSB Update to
// the citizen's jobcentre. AktivitetAkasse.WSB Update goes to the a-kasse only under a Jobplan or
// Kombiplan (rule 3.1).
func Update(c Citizen, a Activity, by dfdg.Actor, now time.Time, cat *codelist.Catalog) (Decision, error) {
	if errs := ValidateUpdate(c, a, by, now, cat); len(errs) > 0 {
		return Decision{}, errs[0]
	}
	old, _ := c.Find(a.ID)
	if a.Owner == 0 {
		a.Owner = old.Owner
	}
	d := Decision{
		Activities: []dfdg.Change[Activity]{{Type: dfdg.Update, Record: a}},
		Messages:   make([]dfdg.Message, 0, 3),
	}
	if by.GuestOf(c.Jobcentre) || hasMunicipalityReference(a) {
		d.Rules = d.Rules.With(dfdg.Rule3_2)
	}
	if a.JobTitle.ExpiredOn(today(now)) {
		d.Rules = d.Rules.With(dfdg.Rule3_5)
	}
	if c.Akasse != "" {
		d.Rules = d.Rules.With(dfdg.Rule3_1)
	}
	d.Messages = appendMessages(d.Messages, c, dfdg.Update, a, by)
	return d, nil
}

// appendMessages appends the messages a change of activity a causes: Aktivitet.WSB to the jobcentre,
// DeltAktivitet.WSB to a municipality updating through guest access, and AktivitetAkasse.WSB to the
// a-kasse under a Jobplan or Kombiplan. It is the only place that sends AktivitetAkasse.WSB.
func appendMessages(msgs []dfdg.Message, c Citizen, change dfdg.ChangeType, a Activity, by dfdg.Actor) []dfdg.Message {
	about := dfdg.Ref{Kind: refAktivitet, ID: a.ID}
	msgs = append(msgs, dfdg.Message{Name: dfdg.AktivitetWSB, Change: change, To: dfdg.MunicipalityActor(c.Jobcentre), About: about})
	if change == dfdg.Update && by.GuestOf(c.Jobcentre) {
		msgs = append(msgs, dfdg.Message{Name: dfdg.DeltAktivitetWSB, Change: change, To: by, About: about})
	}
	if c.Akasse != "" && c.Plan != nil && c.Plan.Type.AkasseMayReceive() {
		msgs = append(msgs, dfdg.Message{Name: dfdg.AktivitetAkasseWSB, Change: change, To: dfdg.AkasseActor(c.Akasse), About: about})
	}
	return msgs
}

// createRules names the rules that applied to a creation that was accepted.
func createRules(c Citizen, a Activity, by dfdg.Actor, day dfdg.Date, cat *codelist.Catalog) dfdg.RuleSet {
	var rs dfdg.RuleSet
	if by.Kind == dfdg.ActorMunicipality && c.ContactGroup == dagpengemodtager || c.Akasse != "" {
		rs = rs.With(dfdg.Rule3_1)
	}
	if hasMunicipalityReference(a) || by.Kind == dfdg.ActorMunicipality {
		rs = rs.With(dfdg.Rule3_2)
	}
	if IsCompanyOriented(a, cat) {
		rs = rs.With(dfdg.Rule3_4)
	}
	if !a.JobTitle.IsZero() {
		rs = rs.With(dfdg.Rule3_5)
	}
	if a.AuthorityArea != 0 {
		rs = rs.With(dfdg.Rule3_7)
	}
	return rs
}

func hasMunicipalityReference(a Activity) bool {
	for _, r := range a.References {
		if r.Type == Handlekommune || r.Type == Betalingskommune {
			return true
		}
	}
	return false
}

// MinPlanItem returns activity a as Min plan shows it: its type's name from the code list (or its
// Description), its period and hours, and for a company-oriented activity the company and job title.
func MinPlanItem(a Activity, cat *codelist.Catalog) plan.Item {
	title := a.Description
	if e, ok := cat.ActivityTypes().Get(a.Type); ok && e.Name != "" {
		title = e.Name
	}
	if title == "" {
		title = "Aktivitet (type " + strconv.Itoa(a.Type) + ")"
	}
	it := plan.Item{Title: title, Period: a.Period, Hours: a.Hours}
	if IsCompanyOriented(a, cat) {
		it.CompanyOriented = true
		it.Company = a.Company.Name
		if it.Company == "" && a.Company.CVR != "" {
			it.Company = "CVR " + a.Company.CVR
		}
		it.JobTitle = a.JobTitle
	}
	return it
}

// MinPlan builds the citizen's Min plan (rules 3.3 and 3.6) from the plan and the activities that are
// not cancelled. A citizen without a plan gets a document whose plan type is unknown.
func MinPlan(c Citizen, cat *codelist.Catalog) plan.Document {
	var p plan.Plan
	if c.Plan != nil {
		p = *c.Plan
	}
	items := make([]plan.Item, 0, len(c.Activities))
	for _, a := range c.Activities {
		if a.Status != Cancelled {
			items = append(items, MinPlanItem(a, cat))
		}
	}
	return plan.MinPlan(p, items)
}
