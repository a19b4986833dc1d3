package dfdg

// Absence is an absence or exemption (fravær) registered for the citizen.
type Absence struct {
	ID   string      `json:"fravaerIdentifier,omitempty"`
	Type AbsenceType `json:"fravaerType,omitempty"`
	// Period is the absence's days; an open end means it has not ended.
	Period Period `json:"periode,omitzero"`
	// ReportedBy is who reported it, such as KSD for sickness.
	ReportedBy Actor `json:"indberettetAf,omitzero"`
	// Resumed says the absence was resumed (genoptaget) after a recovery.
	Resumed bool `json:"genoptaget,omitempty"`
	// Comment is the comment on the absence (Fravaerskommentar), 0 to 1,500 characters.
	Comment string `json:"fravaerskommentar,omitempty"`
	// EndCause is the cause of the absence's end (Fravaersafslutningsaarsag), an id of DFDG's
	// FravaersafslutningsaarsagTypeCodeList (at most 10000); 0 when none is given.
	EndCause int `json:"fravaersafslutningsaarsag,omitempty"`
}
