package scenario

import (
	"iter"
	"slices"

	"github.com/regelkit/dfdg"
	"github.com/regelkit/dfdg/absence"
	"github.com/regelkit/dfdg/activity"
	"github.com/regelkit/dfdg/codelist"
	"github.com/regelkit/dfdg/contactgroup"
	"github.com/regelkit/dfdg/gdpr"
	"github.com/regelkit/dfdg/internal/ids"
	"github.com/regelkit/dfdg/plan"
)

// outcome is what a command gave: an error, or its result (a dfdg.Decision, gdpr.Due, closures,
// deletions, a Min plan document or the problems of a history), with the rules that acted.
type outcome struct {
	err    error
	result any
	rules  dfdg.RuleSet
}

func decided(d dfdg.Decision, err error) outcome { return outcome{err: err, result: d, rules: d.Rules} }

// at is the call's context of the case: the given actor, or the command's usual one, and the ids to
// hand out.
func (g Given) at(usual dfdg.Actor) dfdg.At {
	at := g.At
	if at.By.IsZero() {
		at.By = usual
	}
	if len(g.NewIDs) > 0 {
		at.NewID = ids.Sequence(g.NewIDs...)
	}
	return at
}

// execute runs the case's command, named cmd, on its given state.
func execute(c Case, cmd string, cat *codelist.Catalog) outcome {
	g, w := c.Given, c.When
	cg, ab, ac, gd := contactgroup.Rules{Catalog: cat}, absence.Rules{Catalog: cat}, activity.Rules{Catalog: cat}, gdpr.Rules{Catalog: cat}
	municipal := g.at(dfdg.MunicipalityActor(g.Citizen.Jobcentre))
	ksd := g.at(dfdg.SystemActor(dfdg.ActorKSD))
	b := g.Citizen
	switch cmd {
	case "opretFrist":
		return decided(cg.CreateDeadline(municipal, b, *w.CreateDeadline))
	case "ydelsesafgoerelse":
		return decided(cg.DecideBenefit(g.at(dfdg.SystemActor(dfdg.ActorKY)), b, *w.DecideBenefit))
	case "tilmeldJobsoegende":
		return decided(cg.RegisterJobseeker(municipal, b, *w.RegisterJobseeker))
	case "placerIKontaktgruppe":
		return decided(cg.PlaceInGroup(municipal, b, *w.PlaceInGroup))
	case "kontrollerHistorik":
		return outcome{result: cg.CheckHistory(municipal, b), rules: dfdg.RulesOf(dfdg.Rule1_5)}
	case "afslutKontaktgruppe":
		return decided(cg.EndGroup(municipal, b, *w.EndGroup))
	case "afmeld":
		return decided(cg.Deregister(municipal, b, *w.Deregister))
	case "opretIndkaldelse":
		return decided(cg.CreateBooking(municipal, b, *w.CreateBooking))
	case "opdaterIndkaldelse":
		return decided(cg.UpdateBooking(municipal, b, *w.UpdateBooking))
	case "sletIndkaldelse":
		return decided(cg.DeleteBooking(municipal, b, *w.DeleteBooking))
	case "tilfoejDeltager":
		return decided(cg.AddParticipant(municipal, b, *w.AddParticipant))
	case "opretGaesteadgang":
		return decided(cg.GrantGuestAccess(municipal, b, *w.GrantGuestAccess))
	case "opretKladdeplan":
		return decided(plan.Rules{Catalog: cat}.CreateDraft(municipal, b, *w.CreateDraftPlan))
	case "berigtigPlan":
		return decided(plan.Rules{Catalog: cat}.Rectify(municipal, b, *w.RectifyPlan))
	case "skiftPersonkategori":
		return decided(cg.ChangePersonCategory(municipal, b, *w.ChangePersonCategory))
	case "opretFravaer":
		return decided(ab.Create(municipal, b, *w.CreateAbsence))
	case "opdaterFravaer":
		return decided(ab.Update(municipal, b, *w.UpdateAbsence))
	case "sygemelding":
		return decided(ab.ReportSick(ksd, b, *w.ReportSick))
	case "opretSygemelding":
		return decided(ab.CreateSickness(municipal, b, *w.CreateSickness))
	case "raskmelding":
		return decided(ab.Recover(ksd, b, *w.Recover))
	case "genoptagFravaer":
		return decided(ab.Resume(ksd, b, *w.Resume))
	case "sygefravaerskoersel":
		closures, err := collect(ab.Sweep(g.At, slices.Values(g.Citizens)))
		return outcome{err: err, result: closures, rules: dfdg.RulesOf(dfdg.Rule2_2)}
	case "opretAktivitet":
		return decided(ac.Create(municipal, b, *w.CreateActivity))
	case "opdaterAktivitet":
		return decided(ac.Update(municipal, b, *w.UpdateActivity))
	case "minPlan":
		doc := ac.MinPlan(municipal, b)
		return outcome{result: doc, rules: doc.Rules}
	case "slettedato":
		due, err := gd.DeletionDate(g.At, *w.DeletionDate)
		return outcome{err: err, result: due, rules: dfdg.RulesOf(due.Rule)}
	case "hentPost":
		return outcome{err: gd.CheckRead(g.At, *w.Read), rules: dfdg.RulesOf(dfdg.Rule4_1)}
	case "sletPost":
		del, err := gd.Delete(g.At, *w.Delete)
		return outcome{err: err, result: []gdpr.Deletion{del}, rules: del.Rules}
	case "slettekoersel":
		deletions, err := collect(gd.Sweep(g.At, slices.Values(g.Records)))
		out := outcome{err: err, result: deletions, rules: dfdg.RulesOf(dfdg.Rule4_1)}
		for _, del := range deletions {
			out.rules = out.rules.Union(del.Rules)
		}
		return out
	}
	return outcome{}
}

// collect gathers what a sweep yields, up to its first error.
func collect[T any](seq iter.Seq2[T, error]) ([]T, error) {
	out := []T{}
	for v, err := range seq {
		if err != nil {
			return nil, err
		}
		out = append(out, v)
	}
	return out, nil
}
