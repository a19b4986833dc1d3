package contactgroup

import (
	"github.com/regelkit/dfdg"
	dfdgerrors "github.com/regelkit/dfdg/errors"
	"github.com/regelkit/dfdg/internal/check"
	"github.com/regelkit/dfdg/internal/ids"
)

var opGuestAccess = &check.Op{Name: "CreateGaesteadgang"}

// GuestRequest asks for guest access (gæsteadgang) to a citizen, as DFDG's CreateGaesteadgang takes
// it: the justification, and the new grant's id (a new one from the call's context when empty).
type GuestRequest struct {
	ID      string `json:"gaesteadgangIdentifier,omitempty"`
	Comment string `json:"gaesteadgangskommentar,omitempty"`
}

// ValidateGrantGuestAccess returns every reason GrantGuestAccess would reject g (CreateGaesteadgang,
// POST /v1/Gaesteadgang/; codelist operation "CreateGaesteadgang"): a missing now, a caller the
// operation does not admit, a dead citizen (DFDG 4405, 60007 in the service's newer numbering), a
// justification that is missing or longer than 900 characters (no code documented: the library's
// ErrInvalidValue) or holds an HTML tag (DFDG 4933), and an id the citizen's grants hold already.
// DFDG's 4922 'User is not allowed to access the specified person' needs DFDG's own data.
func (r Rules) ValidateGrantGuestAccess(at dfdg.At, c dfdg.Citizen, g GuestRequest) dfdgerrors.List {
	op := opGuestAccess.Get()
	var errs dfdgerrors.List
	errs = check.NowGiven(errs, &at)
	errs = dfdgerrors.Append(errs, check.Caller(&at, &c, r.Catalog, op, ""))
	if !at.Now.IsZero() {
		errs = check.Alive(errs, &c, at.Today())
	}
	errs = dfdgerrors.Append(errs, op.Check("gaesteadgangskommentar", g.Comment))
	for _, a := range c.GuestAccess {
		if a.ID == g.ID && g.ID != "" {
			errs = append(errs, dfdgerrors.New(dfdgerrors.ErrInvalidState, "", "gaesteadgangIdentifier", g.ID).
				WithDetail("gæsteadgangen findes allerede", "the guest access exists already"))
		}
	}
	return errs
}

// GrantGuestAccess grants the caller guest access to the citizen from now (codelist operation
// "CreateGaesteadgang"), after ValidateGrantGuestAccess: the grant the access model reads (dfdg.Citizen.GuestAccess), which
// admits its holder where an operation's table has a Gæsteadgang column. STAR's pages show no message
// for it.
func (r Rules) GrantGuestAccess(at dfdg.At, c dfdg.Citizen, g GuestRequest) (dfdg.Decision, error) {
	if errs := r.ValidateGrantGuestAccess(at, c, g); len(errs) > 0 {
		return dfdg.Decision{}, errs[0]
	}
	src := ids.For(at, &c)
	id, err := src.Or(g.ID, dfdg.RecordGuestAccess, "gaesteadgangIdentifier")
	if err != nil {
		return dfdg.Decision{}, err
	}
	grant := dfdg.GuestAccess{ID: id, Holder: at.By, Start: at.Now.Round(0), Comment: g.Comment}
	return dfdg.Decision{GuestAccess: []dfdg.Change[dfdg.GuestAccess]{{Type: dfdg.Create, Record: grant}}}, nil
}
