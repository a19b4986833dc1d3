package contactgroup

import (
	"github.com/regelkit/dfdg"
	"github.com/regelkit/dfdg/codelist"
	dfdgerrors "github.com/regelkit/dfdg/errors"
)

// Rules applies section 1 of the release note. Its zero value uses the code lists embedded in the
// library; set Catalog to use others (codelist.Load). A Rules is a small value, safe for concurrent
// use, and its methods all take the call's context, the citizen and the command, in that order.
type Rules struct {
	// Catalog holds the code lists the rules read; nil means codelist.Default().
	Catalog *codelist.Catalog
}

// IsApplicant reports whether registration r is an applicant's (ansøger): the code list decides for
// the categories it knows, r.Applicant for the others (rule 1.2).
func (r Rules) IsApplicant(reg dfdg.Registration) bool {
	if e, ok := r.Catalog.RegistrationCategories().Get(int(reg.Category)); ok {
		return e.Applicant
	}
	return reg.Applicant
}

// Where the fields the rules reject lie, in the JSON of the call (see dfdgerrors.Path).
const (
	pathPersonCategories dfdgerrors.Path = "borger.personkategorier"
	pathDeadlines        dfdgerrors.Path = "borger.frister"
	pathAbsences         dfdgerrors.Path = "borger.fravaer"
)
