package contactgroup

import (
	"strconv"
	"time"

	"github.com/regelkit/dfdg"
	dfdgerrors "github.com/regelkit/dfdg/errors"
)

// ChangePersonCategory applies rule 1.7: the citizen's person category (personkategorisering)
// changes, for example from 'Ikke visiteret' to 'Jobparat'. The new category pc starts at pc.Start
// (now when zero); the category active then ends there. Messages: Personkategori.WSB Update for the
// category that ends and Create for the new one, to the jobcentre. A category that starts after
// pc.Start, or one that ends before it starts, is rejected rather than left overlapping.
func ChangePersonCategory(c Citizen, pc PersonCategory, now time.Time) (Decision, error) {
	now, err := checkNow(now)
	if err != nil {
		return Decision{}, err
	}
	if err := checkJobcentre(c); err != nil {
		return Decision{}, err
	}
	if pc.Category <= 0 {
		return Decision{}, dfdgerrors.New(dfdgerrors.ErrMissingValue).WithRule(dfdg.Rule1_7).WithField("personkategori", strconv.Itoa(pc.Category))
	}
	if pc.Start.IsZero() {
		pc.Start = now
	}
	if !pc.End.IsZero() && pc.End.Before(pc.Start) {
		return Decision{}, dfdgerrors.New(dfdgerrors.ErrNegativeDuration).WithRule(dfdg.Rule1_7).WithField("personkategori", pc.ID)
	}
	var prev PersonCategory
	found := false
	for _, p := range c.PersonCategories {
		if !p.End.IsZero() && p.End.Before(p.Start) {
			return Decision{}, dfdgerrors.New(dfdgerrors.ErrNegativeDuration).WithRule(dfdg.Rule1_7).WithField("personkategori", p.ID)
		}
		if p.Start.After(pc.Start) {
			return Decision{}, dfdgerrors.New(dfdgerrors.ErrInconsistentHistory).WithRule(dfdg.Rule1_7).WithField("personkategori", p.ID).
				WithDetail("personkategorien "+p.ID+" starter efter den nye", "the person category "+p.ID+" starts after the new one")
		}
		if p.End.IsZero() || p.End.After(pc.Start) {
			if found {
				return Decision{}, dfdgerrors.New(dfdgerrors.ErrInconsistentHistory).WithRule(dfdg.Rule1_7).WithField("personkategori", prev.ID+", "+p.ID).
					WithDetail("personkategorierne "+prev.ID+" og "+p.ID+" overlapper", "the person categories "+prev.ID+" and "+p.ID+" overlap")
			}
			prev, found = p, true
		}
	}
	d := Decision{Rules: dfdg.RulesOf(dfdg.Rule1_7)}
	to := dfdg.MunicipalityActor(c.Jobcentre)
	if found {
		prev.End = pc.Start
		d.PersonCategories = []dfdg.Change[PersonCategory]{{Type: dfdg.Update, Record: prev}, {Type: dfdg.Create, Record: pc}}
		d.Messages = []dfdg.Message{
			{Name: dfdg.PersonkategoriWSB, Change: dfdg.Update, To: to, About: dfdg.Ref{Kind: refPersonkategori, ID: prev.ID}},
			{Name: dfdg.PersonkategoriWSB, Change: dfdg.Create, To: to, About: dfdg.Ref{Kind: refPersonkategori, ID: pc.ID}},
		}
		return d, nil
	}
	d.PersonCategories = []dfdg.Change[PersonCategory]{{Type: dfdg.Create, Record: pc}}
	d.Messages = []dfdg.Message{{Name: dfdg.PersonkategoriWSB, Change: dfdg.Create, To: to, About: dfdg.Ref{Kind: refPersonkategori, ID: pc.ID}}}
	return d, nil
}
