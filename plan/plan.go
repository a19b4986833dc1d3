// Package plan holds citizens' plans and contracts and builds the content of Min plan, the citizen's
// plan document, for section 3 of the release note: job titles with their aliases on company-oriented
// activities (3.3) and the Danish-acquisition section of an Integration Act contract (3.6). Rule 3.1
// reads a plan's type; package activity applies it.
//
// MinPlan returns a plain document model (a title, sections, lines) and Document.Text renders it as
// text; rendering it as PDF or HTML is the caller's (examples/minplanpdf does PDF).
package plan

import (
	"strings"

	"github.com/regelkit/dfdg"
	dfdgerrors "github.com/regelkit/dfdg/errors"
)

// Type is a plan's type (plantype). DFDG's ids for plan types are not public here, so this is the
// library's set of the kinds the rules tell apart; map DFDG's ids to it when loading a plan.
type Type uint8

const (
	// TypeUnknown is a plan whose type was not given. Rule 3.1 treats it as neither a Jobplan nor a
	// Kombiplan.
	TypeUnknown Type = iota
	// Jobplan is 'Jobplan'.
	Jobplan
	// Kombiplan is 'Uddannelsesplan med jobmål', called Kombiplan.
	Kombiplan
	// Uddannelsesplan is an education plan without a job goal.
	Uddannelsesplan
	// OtherType is any other plan type.
	OtherType
)

var typeNames = [...]string{"ukendt plantype", "Jobplan", "Uddannelsesplan med jobmål (Kombiplan)", "Uddannelsesplan", "anden plantype"}

// String returns the type's Danish name.
func (t Type) String() string {
	if int(t) < len(typeNames) {
		return typeNames[t]
	}
	return typeNames[OtherType]
}

// MarshalText writes a short name: "Jobplan", "Kombiplan", "Uddannelsesplan", "anden" or "ukendt".
func (t Type) MarshalText() ([]byte, error) {
	return []byte(typeKeys[min(int(t), len(typeKeys)-1)]), nil
}

var typeKeys = [...]string{"ukendt", "Jobplan", "Kombiplan", "Uddannelsesplan", "anden"}

// UnmarshalText reads a name MarshalText writes.
func (t *Type) UnmarshalText(b []byte) error {
	for i, k := range typeKeys {
		if strings.EqualFold(k, string(b)) {
			*t = Type(i)
			return nil
		}
	}
	return dfdgerrors.New(dfdgerrors.ErrInvalidValue).WithField("plantype", string(b))
}

// AkasseMayReceive reports whether the citizen's a-kasse may receive AktivitetAkasse.WSB and read
// activities under a plan of type t: only under a Jobplan or a Kombiplan, for GDPR reasons (rule 3.1).
func (t Type) AkasseMayReceive() bool { return t == Jobplan || t == Kombiplan }

// Act is the law a contract is made under.
type Act uint8

const (
	// OtherAct is a contract under another law.
	OtherAct Act = iota
	// IntegrationAct is Integrationsloven (rule 3.6).
	IntegrationAct
)

// String returns "integrationsloven" or "anden lov".
func (a Act) String() string {
	if a == IntegrationAct {
		return "integrationsloven"
	}
	return "anden lov"
}

// MarshalText writes "integrationsloven" or "anden".
func (a Act) MarshalText() ([]byte, error) {
	if a == IntegrationAct {
		return []byte("integrationsloven"), nil
	}
	return []byte("anden"), nil
}

// UnmarshalText reads what MarshalText writes.
func (a *Act) UnmarshalText(b []byte) error {
	switch strings.ToLower(string(b)) {
	case "integrationsloven":
		*a = IntegrationAct
	case "anden", "":
		*a = OtherAct
	default:
		return dfdgerrors.New(dfdgerrors.ErrInvalidValue).WithField("lov", string(b))
	}
	return nil
}

// Contract is a contract attached to a plan, such as an integration contract under the Integration
// Act with its information on Danish acquisition (dansktilegnelse).
type Contract struct {
	ID     string    `json:"id"`
	Act    Act       `json:"act"`
	Signed dfdg.Date `json:"signed,omitzero"`
	// DanishAcquisition is the contract's information on Danish acquisition, as text; one line a
	// paragraph.
	DanishAcquisition string `json:"danishAcquisition,omitempty"`
}

// Plan is a citizen's plan.
type Plan struct {
	ID   string `json:"id"`
	Type Type   `json:"type"`
	// Contract is the plan's contract, or nil.
	Contract *Contract `json:"contract,omitempty"`
}

// JobTitle is a job title (stillingsbetegnelse) on a company-oriented activity, with its alias when
// the caseworker gave one, and the date it expired (udgået), if it has.
type JobTitle struct {
	ID    string `json:"id,omitempty"`
	Name  string `json:"name"`
	Alias string `json:"alias,omitempty"`
	// ExpiredFrom is the first day the title may no longer be used for a new activity; zero when it
	// has not expired.
	ExpiredFrom dfdg.Date `json:"expiredFrom,omitzero"`
}

// IsZero reports whether no job title is given.
func (j JobTitle) IsZero() bool { return j.ID == "" && j.Name == "" && j.Alias == "" }

// ExpiredOn reports whether the title has expired on day d.
func (j JobTitle) ExpiredOn(d dfdg.Date) bool {
	return !j.ExpiredFrom.IsZero() && !d.Before(j.ExpiredFrom)
}

// String returns the title with its alias: "Pædagogmedhjælper (alias: Medhjælper i vuggestue)".
func (j JobTitle) String() string {
	if j.Alias == "" {
		return j.Name
	}
	return j.Name + " (alias: " + j.Alias + ")"
}
