package absence

import (
	"github.com/regelkit/dfdg"
	"github.com/regelkit/dfdg/codelist"
)

// Rules applies section 2 of the release note. Its zero value uses the code lists embedded in the
// library; set Catalog to use others (codelist.Load). A Rules is a small value, safe for concurrent
// use, and its methods all take the call's context, the citizen and the command, in that order.
type Rules struct {
	// Catalog holds the code lists the rules read, among them the overlap policy; nil means
	// codelist.Default().
	Catalog *codelist.Catalog
}

// SweepDays is the age in days at which the sweep of rule 2.2 closes a sick absence: the
// municipality has 8 weeks to start the follow-up, and DFDG adds 4 days.
const SweepDays = 60

// IsSickness reports whether a is a sick absence (sygefravær): its type is one the code list marks as
// sickness, or KSD reported it.
func (r Rules) IsSickness(a dfdg.Absence) bool { return isSickness(r.Catalog.AbsenceTypes(), &a) }

func isSickness(types *codelist.List, a *dfdg.Absence) bool {
	if e, ok := types.Get(int(a.Type)); ok && e.Sickness {
		return true
	}
	return a.ReportedBy.Kind == dfdg.ActorKSD
}

func fravaerMessage(c *dfdg.Citizen, change dfdg.ChangeType, a dfdg.Absence) dfdg.Message {
	return dfdg.Message{Name: dfdg.FravaerWSB, Change: change, To: dfdg.MunicipalityActor(c.Jobcentre), About: dfdg.Ref{Kind: dfdg.RecordAbsence, ID: a.ID}}
}
