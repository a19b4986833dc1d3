// Package activity applies section 3 of the release note to activities (indsatser): the plan type a
// municipality needs to create one for a dagpengemodtager (3.1), acting and paying municipality on
// external references and updates through guest access (3.2), the duplicate check with the job-offer
// type (3.4), expired job titles (3.5) and the expired authority area 'Selvejende' (3.7), and which
// messages go where, with AktivitetAkasse.WSB only under a Jobplan or Kombiplan (3.1).
//
// ValidateCreate and ValidateUpdate return every violation, in the order the rules are checked;
// Create and Update return the first, or a Decision with the activity and the messages to send.
//
//	d, err := activity.Create(citizen, a, dfdg.MunicipalityActor(101), time.Now(), nil)
//
// Choices where the note is silent:
//   - Creation is checked in this order: the input (id, type, period with 1003, hours), 3.1, 3.2,
//     3.4, 3.5, 3.7, and last the acting municipality (guest access covers updates only).
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
package activity

import (
	"time"

	"github.com/regelkit/dfdg"
	"github.com/regelkit/dfdg/codelist"
	"github.com/regelkit/dfdg/internal/apply"
	"github.com/regelkit/dfdg/plan"
	"github.com/shopspring/decimal"
)

// External reference types that carry a municipality code (rule 3.2).
const (
	Handlekommune    = 5 // the acting municipality
	Betalingskommune = 6 // the paying municipality
)

// Selvejende is authority area 6 'Selvejende', expired (rule 3.7).
const Selvejende = 6

// Status is an activity's state.
type Status uint8

const (
	// Active is an activity that is neither cancelled nor interrupted. It is the zero value.
	Active Status = iota
	// Cancelled is an activity that was cancelled (annulleret).
	Cancelled
	// Interrupted is an activity that was interrupted (afbrudt).
	Interrupted
)

var statusNames = [...]string{"aktiv", "annulleret", "afbrudt"}

// String returns the status's Danish name.
func (s Status) String() string {
	if int(s) < len(statusNames) {
		return statusNames[s]
	}
	return "ukendt status"
}

// MarshalText writes the Danish name.
func (s Status) MarshalText() ([]byte, error) { return []byte(s.String()), nil }

// UnmarshalText reads the Danish name.
func (s *Status) UnmarshalText(b []byte) error {
	for i, n := range statusNames {
		if n == string(b) {
			*s = Status(i)
			return nil
		}
	}
	return invalid("status", string(b))
}

// Company is the company of a company-oriented activity.
type Company struct {
	CVR     string `json:"cvr,omitempty"`
	PNumber string `json:"pNumber,omitempty"` // the production unit (P-nummer)
	Name    string `json:"name,omitempty"`
}

// Reference is an external reference (EksternReference) on an activity: its type (1–6, rule 3.2)
// and value. Types 5 and 6 carry a municipality code.
type Reference struct {
	Type  int    `json:"type"`
	Value string `json:"value"`
}

// Activity is an activity (indsats) in the citizen's plan.
type Activity struct {
	ID string `json:"id"`
	// Type is the activity type (aktivitetstype).
	Type int `json:"type"`
	// CompanyOriented says whether the activity is company-oriented (virksomhedsrettet), for types
	// the code list does not know; for those it knows, the code list decides.
	CompanyOriented bool `json:"companyOriented,omitempty"`
	// Description says what the activity is, for Min plan when the code list has no name for Type.
	Description string      `json:"description,omitempty"`
	Period      dfdg.Period `json:"period"`
	// Hours is hours per week, an exact decimal with at most two decimals.
	Hours         decimal.Decimal   `json:"hours"`
	Company       Company           `json:"company,omitzero"`
	JobOfferType  int               `json:"jobOfferType,omitempty"` // jobtilbudtype
	JobTitle      plan.JobTitle     `json:"jobTitle,omitzero"`
	AuthorityArea int               `json:"authorityArea,omitempty"` // myndighedsområde
	References    []Reference       `json:"references,omitempty"`
	Owner         dfdg.Municipality `json:"owner,omitempty"` // the municipality that created it
	Status        Status            `json:"status,omitempty"`
}

// IsCompanyOriented reports whether a is company-oriented: the code list decides for the types it
// knows, a.CompanyOriented for the others.
func IsCompanyOriented(a Activity, cat *codelist.Catalog) bool {
	if e, ok := cat.ActivityTypes().Get(a.Type); ok {
		return e.CompanyOriented
	}
	return a.CompanyOriented
}

// Citizen is what the activity rules read of a citizen. Slices are read, never modified.
type Citizen struct {
	// Jobcentre is the municipality the citizen is attached to (jobcentertilknytning).
	Jobcentre dfdg.Municipality `json:"jobcentre"`
	// Akasse is the citizen's a-kasse, when the citizen is a member of one.
	Akasse dfdg.Akasse `json:"akasse,omitempty"`
	// ContactGroup is the contact group the citizen is in on the decision date; 0 for none.
	// contactgroup.Citizen.GroupAt gives it.
	ContactGroup int `json:"contactGroup,omitempty"`
	// Plan is the citizen's plan, or nil when there is none.
	Plan       *plan.Plan `json:"plan,omitempty"`
	Activities []Activity `json:"activities,omitempty"`
}

// Find returns the activity with id.
func (c Citizen) Find(id string) (Activity, bool) {
	for _, a := range c.Activities {
		if a.ID == id {
			return a, true
		}
	}
	return Activity{}, false
}

// Decision is what Create or Update decides: the activity as it becomes, the messages to send and
// the rules that acted.
type Decision struct {
	Activities []dfdg.Change[Activity] `json:"activities,omitempty"`
	Messages   []dfdg.Message          `json:"messages,omitempty"`
	Rules      dfdg.RuleSet            `json:"rules"`
}

// Changes reports whether d changes anything or sends any message.
func (d Decision) Changes() bool { return len(d.Activities)+len(d.Messages) > 0 }

// Apply returns the citizen after d; c's slices are not modified.
func (c Citizen) Apply(d Decision) Citizen {
	c.Activities = apply.Changes(c.Activities, d.Activities, func(a, b Activity) bool { return a.ID == b.ID })
	return c
}

// now is the decision date of an instant.
func today(now time.Time) dfdg.Date { return dfdg.DateOf(now) }
