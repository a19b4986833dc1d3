package dfdg

import (
	"encoding/json"

	dfdgerrors "github.com/regelkit/dfdg/errors"
	"github.com/regelkit/dfdg/internal/enum"
	"github.com/shopspring/decimal"
)

// ActivityStatus is an activity's state.
type ActivityStatus uint8

const (
	// ActivityActive is an activity that is neither cancelled nor interrupted. It is the zero value.
	ActivityActive ActivityStatus = iota
	// ActivityCancelled is an activity that was cancelled (annulleret).
	ActivityCancelled
	// ActivityInterrupted is an activity that was interrupted (afbrudt).
	ActivityInterrupted
)

var activityStatusText = enum.Text[ActivityStatus]{Type: "ActivityStatus", Field: "status",
	Names: []string{"aktiv", "annulleret", "afbrudt"}}

// String returns the status's Danish name.
func (s ActivityStatus) String() string { return activityStatusText.String(s) }

// MarshalText writes the Danish name.
func (s ActivityStatus) MarshalText() ([]byte, error) { return activityStatusText.Marshal(s) }

// UnmarshalText reads the Danish name; the empty text is ActivityActive.
func (s *ActivityStatus) UnmarshalText(b []byte) error { return activityStatusText.Unmarshal(s, b) }

// Company is the company of a company-oriented activity.
type Company struct {
	CVR     string `json:"cvr,omitempty"`
	PNumber string `json:"pNummer,omitempty"` // the production unit (P-nummer)
	Name    string `json:"navn,omitempty"`
}

// Reference is an external reference (EksternReference) on an activity: its type (1–6, rule 3.2)
// and value. Types 5 and 6 carry a municipality code.
type Reference struct {
	Type  ReferenceType `json:"type,omitempty"`
	Value string        `json:"vaerdi,omitempty"`
}

// Activity is an activity (indsats) in the citizen's plan. Its JSON names are those of DFDG's activity
// REST service where it shows them (aktivitetIdentifier, timerPrUge, jobtilbudType).
type Activity struct {
	ID   string       `json:"aktivitetIdentifier,omitempty"`
	Type ActivityType `json:"aktivitetstype,omitempty"`
	// CompanyOriented says whether the activity is company-oriented (virksomhedsrettet), for types
	// the code list does not know; for those it knows, the code list decides.
	CompanyOriented bool `json:"virksomhedsrettet,omitempty"`
	// Description says what the activity is, for Min plan when the code list has no name for Type.
	Description string `json:"beskrivelse,omitempty"`
	Period      Period `json:"periode,omitzero"`
	// Hours is hours per week, an exact decimal with at most two decimals.
	Hours         decimal.Decimal `json:"timerPrUge,omitzero"`
	Company       Company         `json:"virksomhed,omitzero"`
	JobOfferType  JobOfferType    `json:"jobtilbudType,omitempty"`
	JobTitle      JobTitle        `json:"stillingsbetegnelse,omitzero"`
	AuthorityArea AuthorityArea   `json:"myndighedsomraade,omitempty"`
	References    []Reference     `json:"eksterneReferencer,omitempty"`
	// Owner is the municipality that created the activity.
	Owner  Municipality   `json:"ejer,omitempty"`
	Status ActivityStatus `json:"status,omitempty"`
}

// MarshalJSON writes the activity with its JSON names, and the hours as a JSON number (37.5), which
// every client reads into a decimal; shopspring/decimal alone writes a string. Zero hours are left out.
func (a Activity) MarshalJSON() ([]byte, error) {
	type fields Activity // the same fields, without this method
	var hours json.Number
	if !a.Hours.IsZero() {
		hours = json.Number(a.Hours.String())
	}
	return json.Marshal(struct {
		fields
		Hours json.Number `json:"timerPrUge,omitempty"` // shadows fields.Hours
	}{fields(a), hours})
}

// UnmarshalJSON reads the activity as its JSON names say. Hours that are no decimal are an
// ErrInvalidValue at timerPrUge, which masks the value as every Error does: shopspring/decimal's own
// error repeats the value as it was sent, so a CPR number sent there by mistake would reach a log.
func (a *Activity) UnmarshalJSON(b []byte) error {
	if a == nil {
		return enum.NilTarget("Activity")
	}
	type fields Activity // the same fields, without this method
	var w struct {
		*fields
		Hours json.RawMessage `json:"timerPrUge"` // shadows fields.Hours, which it is read into below
	}
	w.fields = (*fields)(a)
	if err := json.Unmarshal(b, &w); err != nil {
		return err
	}
	if len(w.Hours) == 0 {
		return nil
	}
	if err := a.Hours.UnmarshalJSON(w.Hours); err != nil {
		return dfdgerrors.New(dfdgerrors.ErrInvalidValue, "", "timerPrUge", string(w.Hours)).
			WithDetail("timetallet er ikke et decimaltal", "the hours are not a decimal number")
	}
	return nil
}
