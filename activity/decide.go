package activity

import (
	"strconv"

	"github.com/regelkit/dfdg"
	"github.com/regelkit/dfdg/internal/ids"
	"github.com/regelkit/dfdg/plan"
)

// Create creates activity a for the citizen, by at.By at at.Now, after ValidateCreate (DFDG's
// CreateActivity and the activity REST service; codelist operation "CreateActivity"); it returns the
// first violation. The decision creates the activity (with a.ID or a new id from at; its Owner is the
// creating municipality when not given) and sends Aktivitet.WSB Create to the citizen's jobcentre, and
// AktivitetAkasse.WSB Create to the citizen's a-kasse only when the plan is a Jobplan or Kombiplan
// (rule 3.1).
func (r Rules) Create(at dfdg.At, c dfdg.Citizen, a dfdg.Activity) (dfdg.Decision, error) {
	if errs := r.ValidateCreate(at, c, a); len(errs) > 0 {
		return dfdg.Decision{}, errs[0]
	}
	src := ids.For(at, &c)
	var err error
	if a.ID, err = src.Or(a.ID, dfdg.RecordActivity, "aktivitetIdentifier"); err != nil {
		return dfdg.Decision{}, err
	}
	if a.Owner == 0 && at.By.Kind == dfdg.ActorMunicipality {
		a.Owner = at.By.Municipality
	}
	d := dfdg.Decision{
		Activities: []dfdg.Change[dfdg.Activity]{{Type: dfdg.Create, Record: a}},
		Outcome: dfdg.Outcome{
			Messages: make([]dfdg.Message, 0, 2),
			Rules:    r.createRules(at, &c, &a),
		},
	}
	d.Messages = appendMessages(d.Messages, &c, dfdg.Create, a, at.By)
	return d, nil
}

// Update replaces the activity with a's id by a, updated by at.By at at.Now, after ValidateUpdate
// (codelist operation "UpdateActivity": no update method is in STAR's stored copies). It
// never validates the job title, so an activity whose title has expired can be cancelled, interrupted
// or changed (rule 3.5). A municipality other than the citizen's updates through guest access without
// the attachment changing (rule 3.2): DeltAktivitet.WSB Update goes to it and Aktivitet.WSB Update to
// the citizen's jobcentre. AktivitetAkasse.WSB Update goes to the a-kasse only under a Jobplan or
// Kombiplan (rule 3.1).
func (r Rules) Update(at dfdg.At, c dfdg.Citizen, a dfdg.Activity) (dfdg.Decision, error) {
	if errs := r.ValidateUpdate(at, c, a); len(errs) > 0 {
		return dfdg.Decision{}, errs[0]
	}
	old, _ := c.Activity(a.ID)
	if a.Owner == 0 {
		a.Owner = old.Owner
	}
	d := dfdg.Decision{
		Activities: []dfdg.Change[dfdg.Activity]{{Type: dfdg.Update, Record: a}},
		Outcome:    dfdg.Outcome{Messages: make([]dfdg.Message, 0, 3)},
	}
	if at.By.GuestOf(c.Jobcentre) || hasMunicipalityReference(&a) {
		d.Rules = d.Rules.With(dfdg.Rule3_2)
	}
	if a.JobTitle.ExpiredOn(at.Today()) {
		d.Rules = d.Rules.With(dfdg.Rule3_5)
	}
	if c.Akasse != "" {
		d.Rules = d.Rules.With(dfdg.Rule3_1)
	}
	d.Messages = appendMessages(d.Messages, &c, dfdg.Update, a, at.By)
	return d, nil
}

// appendMessages appends the messages a change of activity a causes: Aktivitet.WSB to the jobcentre,
// DeltAktivitet.WSB to a municipality updating through guest access, and AktivitetAkasse.WSB to the
// a-kasse under a Jobplan or Kombiplan. It is the only place that sends AktivitetAkasse.WSB.
func appendMessages(msgs []dfdg.Message, c *dfdg.Citizen, change dfdg.ChangeType, a dfdg.Activity, by dfdg.Actor) []dfdg.Message {
	about := dfdg.Ref{Kind: dfdg.RecordActivity, ID: a.ID}
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
func (r Rules) createRules(at dfdg.At, c *dfdg.Citizen, a *dfdg.Activity) dfdg.RuleSet {
	var rs dfdg.RuleSet
	g, _ := c.GroupAt(at.Now)
	if at.By.Kind == dfdg.ActorMunicipality && g.Group == dfdg.Dagpengemodtager || c.Akasse != "" {
		rs = rs.With(dfdg.Rule3_1)
	}
	if hasMunicipalityReference(a) || at.By.Kind == dfdg.ActorMunicipality {
		rs = rs.With(dfdg.Rule3_2)
	}
	if r.IsCompanyOriented(*a) {
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

func hasMunicipalityReference(a *dfdg.Activity) bool {
	for _, ref := range a.References {
		if ref.Type.CarriesMunicipality() {
			return true
		}
	}
	return false
}

// MinPlanItem returns activity a as Min plan shows it: its type's name from the code list (or its
// Description), its period and hours, and for a company-oriented activity the company and job title.
func (r Rules) MinPlanItem(a dfdg.Activity) plan.Item {
	title := a.Description
	if e, ok := r.Catalog.ActivityTypes().Get(int(a.Type)); ok && e.Name != "" {
		title = e.Name
	}
	if title == "" {
		title = "Aktivitet (type " + strconv.Itoa(int(a.Type)) + ")"
	}
	it := plan.Item{Title: title, Period: a.Period, Hours: a.Hours}
	if r.IsCompanyOriented(a) {
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
// not cancelled. A citizen without a plan gets a document whose plan type is unknown. It reads nothing
// of the call's context: Min plan shows what the citizen has.
func (r Rules) MinPlan(_ dfdg.At, c dfdg.Citizen) plan.Document {
	var p dfdg.Plan
	if c.Plan != nil {
		p = *c.Plan
	}
	items := make([]plan.Item, 0, len(c.Activities))
	for _, a := range c.Activities {
		if a.Status != dfdg.ActivityCancelled {
			items = append(items, r.MinPlanItem(a))
		}
	}
	return plan.MinPlan(p, items)
}
