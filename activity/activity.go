// Package activity applies section 3 of the release note to activities (indsatser): the plan type a
// municipality needs to create one for a dagpengemodtager (3.1), acting and paying municipality on
// external references and updates through guest access (3.2), the duplicate check with the job-offer
// type (3.4), expired job titles (3.5) and the expired authority area 'Selvejende' (3.7), and which
// messages go where, with AktivitetAkasse.WSB only under a Jobplan or Kombiplan (3.1).
//
// Every command is a method of Rules with the library's one shape: the call's context, the citizen,
// the command. ValidateCreate and ValidateUpdate return every violation, in the order the rules are
// checked; Create and Update return the first, or a dfdg.Decision with the activity and the messages
// to send.
//
//	at := dfdg.At{Now: time.Now(), By: dfdg.MunicipalityActor(101)}
//	d, err := activity.Rules{}.Create(at, citizen, a)
//
// Who may act is the operations table's (codelist operations "CreateActivity" and "UpdateActivity";
// STAR's copy of CreateActivity's table is ambiguous, so it follows the pattern of the readable
// ones): an a-kasse its members, a municipality (one of the 98) or another actor for it the citizens
// attached to it, STAR all; any municipality updates through guest access (3.2). The contact group
// rule 3.1 reads is the citizen's at now (dfdg.Citizen.GroupAt).
//
// Choices where the note is silent:
//   - Creation is checked in this order: the context and input (now, actor, id, type, period, hours),
//     3.1, 3.2, 3.4, 3.5, 3.7, and last the acting municipality (guest access covers updates only).
//   - A period that starts after it ends is the library's ErrEndsBeforeStart: DFDG documents 1003
//     for an absence's period (CreateAbsence), and no code for an activity's.
//   - Hours per week are exact decimals, at least 0 with at most two decimals; 37 and 37.00 are the
//     same hours.
//   - Whether an activity type is company-oriented comes from the code list when it knows the type,
//     else from Activity.CompanyOriented.
//   - An expired job title (3.5) and an inactive authority area (3.7) are checked on creation
//     whenever the activity has one, on the decision date: 'Selvejende' is rejected whatever the
//     activity's start date. Updates check neither.
//   - A cancelled activity is not a duplicate of anything (3.4).
//   - External references of types 5 and 6 are checked on updates too: registering the acting or
//     paying municipality is what guest access is mostly for.
//   - AktivitetAkasse.WSB goes to the citizen's a-kasse on creation and update when the plan is a
//     Jobplan or Kombiplan, and never otherwise.
//   - A new activity without an id gets one from the call's context.
package activity

import (
	"github.com/regelkit/dfdg"
	"github.com/regelkit/dfdg/codelist"
)

// Rules applies section 3 of the release note to activities. Its zero value uses the code lists
// embedded in the library; set Catalog to use others (codelist.Load). A Rules is a small value, safe
// for concurrent use, and its methods all take the call's context, the citizen and the command, in
// that order.
type Rules struct {
	// Catalog holds the code lists the rules read; nil means codelist.Default().
	Catalog *codelist.Catalog
}

// IsCompanyOriented reports whether a is company-oriented: the code list decides for the types it
// knows, a.CompanyOriented for the others.
func (r Rules) IsCompanyOriented(a dfdg.Activity) bool {
	if e, ok := r.Catalog.ActivityTypes().Get(int(a.Type)); ok {
		return e.CompanyOriented
	}
	return a.CompanyOriented
}
