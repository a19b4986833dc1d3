package audit

import (
	"errors"
	"slices"
	"strconv"

	"github.com/regelkit/dfdg"
	"github.com/regelkit/dfdg/codelist"
	dfdgerrors "github.com/regelkit/dfdg/errors"
	"github.com/regelkit/dfdg/gdpr"
)

// Where the records lie in a citizen's JSON.
const (
	pathMemberships   dfdgerrors.Path = "borger.kontaktgrupper"
	pathRegistrations dfdgerrors.Path = "borger.tilmeldinger"
	pathAbsences      dfdgerrors.Path = "borger.fravaer"
	pathActivities    dfdgerrors.Path = "borger.aktiviteter"
)

// inactiveOn returns the rejection of entry id of l for a record starting on day d, when the entry
// was not active that day (inactive, or not yet valid); an id the list does not hold is not this
// finding.
func inactiveOn(l *codelist.List, id int, d dfdg.Date, rule dfdg.RuleID) *dfdgerrors.Error {
	e, ok := dfdgerrors.As(l.CheckNew(id, d, "", rule))
	if !ok {
		return nil
	}
	var r *codelist.Rejected
	if !errors.As(e, &r) || r.Entry == nil {
		return nil // an id the list does not hold
	}
	return e
}

// inactive finds records that start on a day their code was inactive: rules 1.4 (contact groups and
// registration categories), 2.6 (absence types) and 3.7 (authority areas).
func (a *auditor) inactive(out []Finding, c *dfdg.Citizen) []Finding {
	one := func(out []Finding, e *dfdgerrors.Error, rule dfdg.RuleID, kind dfdg.RecordKind, id string, list dfdgerrors.Path, i int, child dfdgerrors.Path, code int) []Finding {
		return append(out, Finding{Rule: rule, Records: []dfdg.Ref{{Kind: kind, ID: id}},
			Problem: e.WithField(list.Index(i).Child(string(child)), strconv.Itoa(code))})
	}
	groups := a.cat.ContactGroups()
	for i := range c.Memberships {
		if m := &c.Memberships[i]; !m.Start.IsZero() {
			if e := inactiveOn(groups, int(m.Group), dfdg.DateOf(m.Start), dfdg.Rule1_4); e != nil {
				out = one(out, e, dfdg.Rule1_4, dfdg.RecordMembership, m.ID, pathMemberships, i, "kontaktgruppeType", int(m.Group))
			}
		}
	}
	categories := a.cat.RegistrationCategories()
	for i := range c.Registrations {
		if r := &c.Registrations[i]; !r.Start.IsZero() {
			if e := inactiveOn(categories, int(r.Category), dfdg.DateOf(r.Start), dfdg.Rule1_4); e != nil {
				out = one(out, e, dfdg.Rule1_4, dfdg.RecordRegistration, r.ID, pathRegistrations, i, "klientKategori", int(r.Category))
			}
		}
	}
	types := a.cat.AbsenceTypes()
	for i := range c.Absences {
		if ab := &c.Absences[i]; !ab.Period.Start.IsZero() {
			if e := inactiveOn(types, int(ab.Type), ab.Period.Start, dfdg.Rule2_6); e != nil {
				out = one(out, e, dfdg.Rule2_6, dfdg.RecordAbsence, ab.ID, pathAbsences, i, "fravaerType", int(ab.Type))
			}
		}
	}
	areas := a.cat.AuthorityAreas()
	for i := range c.Activities {
		if act := &c.Activities[i]; act.AuthorityArea != 0 && !act.Period.Start.IsZero() {
			if e := inactiveOn(areas, int(act.AuthorityArea), act.Period.Start, dfdg.Rule3_7); e != nil {
				out = one(out, e, dfdg.Rule3_7, dfdg.RecordActivity, act.ID, pathActivities, i, "myndighedsomraade", int(act.AuthorityArea))
			}
		}
	}
	return out
}

// history finds the memberships rule 1.5 cannot decide on, as contactgroup's CheckHistory lists them.
func (a *auditor) history(out []Finding, c *dfdg.Citizen) []Finding {
	for _, e := range a.groups.CheckHistory(a.at, *c) {
		out = append(out, Finding{Rule: dfdg.Rule1_5, Records: []dfdg.Ref{{Kind: dfdg.RecordMembership, ID: e.Value()}}, Problem: e})
	}
	return out
}

// overlaps finds an absence that ends before it starts (1003, rule 2.3), which no overlap can be
// judged for, and two absences that overlap where neither type's policy allows the other: whichever
// was registered second, rule 2.1 refused it.
func (a *auditor) overlaps(out []Finding, c *dfdg.Citizen) []Finding {
	abs := c.Absences
	for i := range abs {
		if ab := &abs[i]; !ab.Period.Start.IsZero() && !ab.Period.End.IsZero() && ab.Period.End.Before(ab.Period.Start) {
			e, _ := dfdgerrors.As(ab.Period.Valid())
			out = append(out, Finding{Rule: dfdg.Rule2_3, Records: []dfdg.Ref{{Kind: dfdg.RecordAbsence, ID: ab.ID}},
				Problem: e.WithField(pathAbsences.Index(i).Child("periode"), ab.Period.String())})
		}
	}
	types := a.cat.AbsenceTypes()
	for j := 1; j < len(abs); j++ {
		b := &abs[j]
		if b.Period.Start.IsZero() || b.Period.Valid() != nil {
			continue
		}
		policy := types.OverlapOf(int(b.Type))
		for i := range j {
			x := &abs[i]
			if x.Period.Start.IsZero() || x.Period.Valid() != nil || !x.Period.Overlaps(b.Period) ||
				policy.Allows(int(x.Type)) || types.OverlapOf(int(x.Type)).Allows(int(b.Type)) {
				continue
			}
			e, ok := dfdgerrors.As(a.absences.CheckOverlap(a.at, dfdg.Citizen{Absences: abs[i : i+1]}, *b))
			if !ok {
				continue // the same id twice: not an overlap of two absences
			}
			out = append(out, Finding{Rule: dfdg.Rule2_1, Records: []dfdg.Ref{{Kind: dfdg.RecordAbsence, ID: b.ID}, {Kind: dfdg.RecordAbsence, ID: x.ID}},
				Problem: e.WithField(pathAbsences.Index(j).Child("periode"), b.Period.String())})
		}
	}
	return out
}

// overdue finds the open sick absences rule 2.2's sweep ends today, with the sweep's closure as the
// repair, and a sick absence the sweep cannot judge (no first sick day, or no id to close it by).
func (a *auditor) overdue(out []Finding, c *dfdg.Citizen, swept sweep) []Finding {
	if e, ok := dfdgerrors.As(swept.err); ok {
		var refs []dfdg.Ref
		for i := range c.Absences {
			if ab := &c.Absences[i]; ab.Period.End.IsZero() && (ab.Period.Start.IsZero() || ab.ID == "") && a.absences.IsSickness(*ab) {
				refs = append(refs, dfdg.Ref{Kind: dfdg.RecordAbsence, ID: ab.ID})
			}
		}
		return append(out, Finding{Rule: dfdg.Rule2_2, Records: refs, Problem: e})
	}
	closure := swept.closure
	if closure == nil || len(closure.Absences) == 0 {
		return out
	}
	refs := make([]dfdg.Ref, len(closure.Absences))
	for k, ch := range closure.Absences {
		refs[k] = dfdg.Ref{Kind: dfdg.RecordAbsence, ID: ch.Record.ID}
	}
	first := closure.Absences[0].Record
	i := slices.IndexFunc(c.Absences, func(a dfdg.Absence) bool { return a.ID == first.ID })
	repair := closure.Decision
	return append(out, Finding{Rule: dfdg.Rule2_2, Records: refs, Repair: &repair,
		Problem: dfdgerrors.New(dfdgerrors.ErrSickAbsenceOverdue, dfdg.Rule2_2, pathAbsences.Index(i), first.ID).
			WithDetail(overdueTexts(first.Period.Start, a.today))})
}

// overdueTexts says when a sick absence that the sweep ends today began.
func overdueTexts(first, today dfdg.Date) (da, en string) {
	days := strconv.Itoa(today.Sub(first))
	return "første sygedag " + first.String() + ", " + days + " dage før " + today.String(),
		"first sick day " + first.String() + ", " + days + " days before " + today.String()
}

// group24 finds a membership of group 24 open at now though every sick absence of the citizen has
// ended before today, one of them on or after the membership started: rule 2.4 ends group 24 at
// every recovery.
func (a *auditor) group24(out []Finding, c *dfdg.Citizen) []Finding {
	g := -1
	for i := range c.Memberships {
		if m := &c.Memberships[i]; m.Group == dfdg.SygedagpengeBeskaeftigelse && m.ActiveAt(a.at.Now) {
			g = i
			break
		}
	}
	if g < 0 {
		return out
	}
	m := &c.Memberships[g]
	since := dfdg.DateOf(m.Start)
	last := -1
	for i := range c.Absences {
		ab := &c.Absences[i]
		if !a.absences.IsSickness(*ab) {
			continue
		}
		if ab.Period.End.IsZero() || !ab.Period.End.Before(a.today) {
			return out // still sick
		}
		if !ab.Period.End.Before(since) && (last < 0 || ab.Period.End.After(c.Absences[last].Period.End)) {
			last = i
		}
	}
	if last < 0 {
		return out
	}
	ab := &c.Absences[last]
	return append(out, Finding{Rule: dfdg.Rule2_4, Records: []dfdg.Ref{{Kind: dfdg.RecordMembership, ID: m.ID}, {Kind: dfdg.RecordAbsence, ID: ab.ID}},
		Problem: dfdgerrors.New(dfdgerrors.ErrGroup24OpenAfterRecovery, dfdg.Rule2_4, pathMemberships.Index(g), m.ID).
			WithDetail("sygefraværet "+ab.ID+" sluttede "+ab.Period.End.String(), "the sick absence "+ab.ID+" ended on "+ab.Period.End.String())})
}

// duplicates finds active company-oriented activities that duplicate an earlier one under today's
// rule 3.4.
func (a *auditor) duplicates(out []Finding, c *dfdg.Citizen) []Finding {
	acts := c.Activities
	for j := 1; j < len(acts); j++ {
		b := &acts[j]
		if b.Status != dfdg.ActivityActive || b.Company.CVR == "" {
			continue
		}
		earlier := dfdg.Citizen{Activities: acts[:j]}
		dup, _, found := a.acts.FindDuplicate(a.at, earlier, *b)
		if !found {
			continue
		}
		e, _ := dfdgerrors.As(a.acts.CheckDuplicate(a.at, earlier, *b))
		out = append(out, Finding{Rule: dfdg.Rule3_4, Records: []dfdg.Ref{{Kind: dfdg.RecordActivity, ID: b.ID}, {Kind: dfdg.RecordActivity, ID: dup.ID}},
			Problem: e.WithField(pathActivities.Index(j), b.ID)})
	}
	return out
}

// retention finds registrations kept on or after their deletion date under rule 4.1, with their
// deletion as the repair.
func (a *auditor) retention(out []Finding, c *dfdg.Citizen) []Finding {
	for i := range c.Registrations {
		reg := &c.Registrations[i]
		if reg.End.IsZero() || reg.Start.IsZero() {
			continue // an open registration is never due
		}
		// The date does not depend on who holds the record; the municipalities (an allocation) are
		// named only for a record that is due, whose deletion messages go to them.
		rec := gdpr.Record{Kind: dfdg.RecordRegistration, ID: reg.ID, Start: dfdg.DateOf(reg.Start), End: dfdg.DateOf(reg.End)}
		due, err := a.gdpr.DeletionDate(a.at, rec)
		if e, ok := dfdgerrors.As(err); ok {
			// A registration that ends before it starts has no deletion date: reported, not passed over.
			out = append(out, Finding{Rule: dfdg.Rule4_1, Records: []dfdg.Ref{{Kind: dfdg.RecordRegistration, ID: reg.ID}},
				Problem: e.WithField(pathRegistrations.Index(i).Child("sluttidspunkt"), reg.ID)})
			continue
		}
		if !due.DueOn(a.today) {
			continue
		}
		rec.Municipalities = []dfdg.Municipality{c.Jobcentre}
		del, err := a.gdpr.Delete(a.at, rec)
		if err != nil {
			continue
		}
		repair := dfdg.Decision{Registrations: []dfdg.Change[dfdg.Registration]{{Type: dfdg.Delete, Record: *reg}}, Outcome: del.Outcome}
		out = append(out, Finding{Rule: dfdg.Rule4_1, Records: []dfdg.Ref{{Kind: dfdg.RecordRegistration, ID: reg.ID}}, Repair: &repair,
			Problem: dfdgerrors.New(dfdgerrors.ErrPastDeletionDate, dfdg.Rule4_1, pathRegistrations.Index(i), reg.ID).
				WithDetail("slettedato "+due.Date.String()+" ("+due.Basis.Danish()+")", "deletion date "+due.Date.String()+" ("+due.Basis.English()+")")})
	}
	return out
}
