package contactgroup

import (
	"strconv"

	"github.com/regelkit/dfdg"
	dfdgerrors "github.com/regelkit/dfdg/errors"
	"github.com/regelkit/dfdg/internal/check"
	"github.com/regelkit/dfdg/internal/ids"
)

var opPersonCategory = &check.Op{Name: "Personkategori"}

// ChangePersonCategory applies rule 1.7: the citizen's person category (personkategorisering) changes,
// for example from 'Ikke visiteret' to 'Jobparat'. The new category pc starts at pc.Start (now when
// zero), with pc.ID or a new id from at; the category active then ends there. Messages:
// Personkategori.WSB Update for the category that ends and Create for the new one, to the jobcentre. A
// category that starts after pc.Start, or one that ends before it starts, is rejected rather than left
// overlapping. It pre-validates PersonRegistrationService's CreatePersonCategory and
// UpdatePersonCategory (SOAP; codelist operation "Personkategori"), whose table of allowed
// organisations is not in STAR's stored copy, so its callers follow the pattern of the readable ones.
func (r Rules) ChangePersonCategory(at dfdg.At, c dfdg.Citizen, pc dfdg.PersonCategorization) (dfdg.Decision, error) {
	now, err := check.Now(&at)
	if err != nil {
		return dfdg.Decision{}, err
	}
	if err := check.Caller(&at, &c, r.Catalog, opPersonCategory.Get(), dfdg.Rule1_7); err != nil {
		return dfdg.Decision{}, err
	}
	if err := check.Jobcentre(c.Jobcentre); err != nil {
		return dfdg.Decision{}, err
	}
	if pc.Category <= 0 {
		return dfdg.Decision{}, dfdgerrors.New(dfdgerrors.ErrMissingValue, dfdg.Rule1_7, "personkategori", strconv.Itoa(int(pc.Category)))
	}
	if pc.Start.IsZero() {
		pc.Start = now
	}
	if !pc.End.IsZero() && pc.End.Before(pc.Start) {
		return dfdg.Decision{}, dfdgerrors.New(dfdgerrors.ErrEndsBeforeStart, dfdg.Rule1_7, "sluttidspunkt", pc.ID)
	}
	prev := -1
	for i, p := range c.PersonCategories {
		where := pathPersonCategories.Index(i)
		if !p.End.IsZero() && p.End.Before(p.Start) {
			return dfdg.Decision{}, dfdgerrors.New(dfdgerrors.ErrEndsBeforeStart, dfdg.Rule1_7, where.Child("sluttidspunkt"), p.ID)
		}
		if p.Start.After(pc.Start) {
			return dfdg.Decision{}, dfdgerrors.New(dfdgerrors.ErrInconsistentHistory, dfdg.Rule1_7, where, p.ID).
				WithDetail("personkategorien "+p.ID+" starter efter den nye", "the person category "+p.ID+" starts after the new one")
		}
		if p.End.IsZero() || p.End.After(pc.Start) {
			if p.ID == "" {
				return dfdg.Decision{}, dfdgerrors.New(dfdgerrors.ErrMissingValue, dfdg.Rule1_7, where.Child("personkategoriIdentifier"), "").
					WithDetail("personkategorien, der skal afsluttes, har intet id", "the person category to end has no id")
			}
			if prev >= 0 {
				other := c.PersonCategories[prev].ID
				return dfdg.Decision{}, dfdgerrors.New(dfdgerrors.ErrInconsistentHistory, dfdg.Rule1_7, where, p.ID).
					WithDetail("personkategorierne "+other+" og "+p.ID+" overlapper", "the person categories "+other+" and "+p.ID+" overlap")
			}
			prev = i
		}
	}
	src := ids.For(at, &c)
	if pc.ID, err = src.Or(pc.ID, dfdg.RecordPersonCategory, "personkategoriIdentifier"); err != nil {
		return dfdg.Decision{}, err
	}
	to := dfdg.MunicipalityActor(c.Jobcentre)
	message := func(change dfdg.ChangeType, id string) dfdg.Message {
		return dfdg.Message{Name: dfdg.PersonkategoriWSB, Change: change, To: to, About: dfdg.Ref{Kind: dfdg.RecordPersonCategory, ID: id}}
	}
	d := dfdg.Decision{Outcome: dfdg.Outcome{Rules: dfdg.RulesOf(dfdg.Rule1_7)}}
	if prev >= 0 {
		old := c.PersonCategories[prev]
		old.End = pc.Start
		d.PersonCategories = append(d.PersonCategories, dfdg.Change[dfdg.PersonCategorization]{Type: dfdg.Update, Record: old})
		d.Messages = append(d.Messages, message(dfdg.Update, old.ID))
	}
	d.PersonCategories = append(d.PersonCategories, dfdg.Change[dfdg.PersonCategorization]{Type: dfdg.Create, Record: pc})
	d.Messages = append(d.Messages, message(dfdg.Create, pc.ID))
	return d, nil
}
