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
}
