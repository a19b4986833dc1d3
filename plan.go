package dfdg

import "github.com/regelkit/dfdg/internal/enum"

// PlanType is a plan's type (plantype). DFDG's ids for plan types are not public here, so this is the
// library's set of the kinds the rules tell apart; map DFDG's ids to it when loading a plan.
type PlanType uint8

const (
	// PlanTypeUnknown is a plan whose type was not given. Rule 3.1 treats it as neither a Jobplan
	// nor a Kombiplan.
	PlanTypeUnknown PlanType = iota
	// Jobplan is 'Jobplan'.
	Jobplan
	// Kombiplan is 'Uddannelsesplan med jobmål', called Kombiplan.
	Kombiplan
	// Uddannelsesplan is an education plan without a job goal.
	Uddannelsesplan
	// OtherPlanType is any other plan type.
	OtherPlanType
)

var planTypeText = enum.Text[PlanType]{Type: "PlanType", Field: "plan.plantype", Fold: true,
	Names: []string{"ukendt plantype", "Jobplan", "Uddannelsesplan med jobmål (Kombiplan)", "Uddannelsesplan", "anden plantype"},
	Keys:  []string{"ukendt", "Jobplan", "Kombiplan", "Uddannelsesplan", "anden"}}

// String returns the type's Danish name.
func (t PlanType) String() string { return planTypeText.String(t) }

// MarshalText writes a short name: "Jobplan", "Kombiplan", "Uddannelsesplan", "anden" or "ukendt".
func (t PlanType) MarshalText() ([]byte, error) { return planTypeText.Marshal(t) }

// UnmarshalText reads a name MarshalText writes, or String's, in any case; the empty text is
// PlanTypeUnknown.
func (t *PlanType) UnmarshalText(b []byte) error { return planTypeText.Unmarshal(t, b) }

// AkasseMayReceive reports whether the citizen's a-kasse may receive AktivitetAkasse.WSB and read
// activities under a plan of type t: only under a Jobplan or a Kombiplan, for GDPR reasons (rule 3.1).
func (t PlanType) AkasseMayReceive() bool { return t == Jobplan || t == Kombiplan }

// AkasseMayReceive reports whether p is a plan whose type an a-kasse receives (see
// PlanType.AkasseMayReceive); false for no plan (a nil p).
func (p *Plan) AkasseMayReceive() bool { return p != nil && p.Type.AkasseMayReceive() }

// Act is the law a contract is made under.
type Act uint8

const (
	// OtherAct is a contract under another law.
	OtherAct Act = iota
	// IntegrationAct is Integrationsloven (rule 3.6).
	IntegrationAct
)

var actText = enum.Text[Act]{Type: "Act", Field: "plan.kontrakt.lov", Fold: true,
	Names: []string{"anden lov", "integrationsloven"}, Keys: []string{"anden", "integrationsloven"}}

// String returns "integrationsloven" or "anden lov".
func (a Act) String() string { return actText.String(a) }

// MarshalText writes "integrationsloven" or "anden".
func (a Act) MarshalText() ([]byte, error) { return actText.Marshal(a) }

// UnmarshalText reads what MarshalText writes, or String's, in any case; the empty text is OtherAct.
func (a *Act) UnmarshalText(b []byte) error { return actText.Unmarshal(a, b) }

// Contract is a contract attached to a plan, such as an integration contract under the Integration
// Act with its information on Danish acquisition (dansktilegnelse).
type Contract struct {
	ID     string `json:"kontraktIdentifier,omitempty"`
	Act    Act    `json:"lov,omitempty"`
	Signed Date   `json:"underskrevet,omitzero"`
	// DanishAcquisition is the contract's information on Danish acquisition, as text; one line a
	// paragraph.
	DanishAcquisition string `json:"dansktilegnelse,omitempty"`
}

// Plan is a citizen's plan, or a draft of one.
type Plan struct {
	ID   string   `json:"planIdentifier,omitempty"`
	Type PlanType `json:"plantype,omitempty"`
	// Contract is the plan's contract, or nil.
	Contract *Contract `json:"kontrakt,omitempty"`
	// Draft says the plan is a draft (kladde), not yet published to the citizen.
	Draft bool `json:"kladde,omitempty"`
	// Goal is the plan's goal (mål), such as a job goal.
	Goal string `json:"maal,omitempty"`
	// Description is the description of the effort the citizen sees (PlanDescription, formerly
	// JobplanDescription), 1 to 4,050 characters.
	Description string `json:"planbeskrivelse,omitempty"`
	// Caseworker is the responsible caseworker (ansvarlig sagsbehandler).
	Caseworker string `json:"ansvarligSagsbehandler,omitempty"`
	// EducationDeadline is an education plan's deadline (pålægsfrist, EducationPlanType.DeadlineDate).
	EducationDeadline Date `json:"paalaegsfrist,omitzero"`
}

// JobTitle is a job title (stillingsbetegnelse) on a company-oriented activity, with its alias when
// the caseworker gave one, and the date it expired (udgået), if it has.
type JobTitle struct {
	ID    string `json:"id,omitempty"`
	Name  string `json:"navn,omitempty"`
	Alias string `json:"alias,omitempty"`
	// ExpiredFrom is the first day the title may no longer be used for a new activity; zero when it
	// has not expired.
	ExpiredFrom Date `json:"udgaaetFra,omitzero"`
}

// IsZero reports whether no job title is given.
func (j JobTitle) IsZero() bool { return j.ID == "" && j.Name == "" && j.Alias == "" }

// ExpiredOn reports whether the title has expired on day d.
func (j JobTitle) ExpiredOn(d Date) bool {
	return !j.ExpiredFrom.IsZero() && !d.Before(j.ExpiredFrom)
}

// String returns the title with its alias: "Pædagogmedhjælper (alias: Medhjælper i vuggestue)".
func (j JobTitle) String() string {
	if j.Alias == "" {
		return j.Name
	}
	return j.Name + " (alias: " + j.Alias + ")"
}
