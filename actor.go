package dfdg

import (
	"strconv"
	"strings"

	dfdgerrors "github.com/regelkit/dfdg/errors"
	"github.com/regelkit/dfdg/internal/enum"
)

// Municipality is a Danish municipality code (kommunenummer), such as 101 for København. The type
// only holds a number from 1 to 999; whether it is one of the 98 municipalities is the code list's
// business (codelist.Catalog.Municipalities). The zero Municipality is "none".
type Municipality uint16

// ParseMunicipality reads a municipality code written with three digits ("101") or, as DAWA, CPR
// and FHIR write it, four with a leading zero ("0101"). It accepts any code from 001 to 999; use the
// code list to know whether it is a municipality.
func ParseMunicipality(s string) (Municipality, error) {
	m, ok := MunicipalityOf(s)
	if !ok {
		return 0, dfdgerrors.New(dfdgerrors.ErrInvalidMunicipality, "", "kommunenummer", strconv.Quote(s))
	}
	return m, nil
}

// MunicipalityOf reads a code as ParseMunicipality does and reports whether it is one, without
// making the error: for a check that makes its own, such as rule 3.2's.
func MunicipalityOf(s string) (Municipality, bool) {
	n, ok := atoiN(s)
	if !ok || len(s) < 1 || len(s) > 4 || (len(s) == 4 && s[0] != '0') || n < 1 || n > 999 {
		return 0, false
	}
	return Municipality(n), true
}

// String returns the code with three digits, such as "101".
func (m Municipality) String() string {
	if m == 0 {
		return ""
	}
	return string([]byte{byte('0' + m/100%10), byte('0' + m/10%10), byte('0' + m%10)})
}

// Code4 returns the code with four digits, such as "0101".
func (m Municipality) Code4() string {
	if m == 0 {
		return ""
	}
	return "0" + m.String()
}

// Akasse identifies an unemployment insurance fund (a-kasse) by the id the caller uses for it.
type Akasse string

// ActorKind is the kind of party that gives a command to DFDG or receives its messages.
type ActorKind uint8

// The actors the release note names.
const (
	// Municipality: a municipality and its jobcentre (kommune / jobcenter).
	ActorMunicipality ActorKind = iota + 1
	// ActorAkasse: an unemployment insurance fund.
	ActorAkasse
	// ActorSTAR: Styrelsen for Arbejdsmarked og Rekruttering.
	ActorSTAR
	// ActorKY: Kommunernes Ydelsessystem, which decides on benefits.
	ActorKY
	// ActorKSD: the sickness-benefit system (sygedagpengesystemet).
	ActorKSD
	// ActorJobnet: the citizens' portal.
	ActorJobnet
	// ActorOtherActor: another actor (anden aktør), a provider acting for a municipality's jobcentre;
	// its Municipality is that jobcentre's. STAR's access tables give it columns of its own in the
	// jobcentre's row ("Anden Aktør - egne borgere", "- gæsteadgang", "- alle borgere").
	ActorOtherActor
)

var actorKindText = enum.Text[ActorKind]{Type: "ActorKind", Field: "aktoer",
	Names: []string{"", "kommune", "a-kasse", "STAR", "KY", "KSD", "Jobnet", "anden aktør"}}

// String returns the kind's Danish name: "kommune", "a-kasse", "STAR", "KY", "KSD", "Jobnet" or
// "anden aktør".
func (k ActorKind) String() string { return actorKindText.String(k) }

// MarshalText writes the kind's name.
func (k ActorKind) MarshalText() ([]byte, error) { return actorKindText.Marshal(k) }

// UnmarshalText reads a name String returns; the empty text is the zero ActorKind.
func (k *ActorKind) UnmarshalText(b []byte) error { return actorKindText.Unmarshal(k, b) }

// Actor is who gives a command, or who receives a message: a municipality by its code, an a-kasse by
// its id, or one of the national systems.
type Actor struct {
	Kind         ActorKind    `json:"kind"`
	Municipality Municipality `json:"municipality,omitempty"` // when Kind is ActorMunicipality or ActorOtherActor
	Akasse       Akasse       `json:"akasse,omitempty"`       // when Kind is ActorAkasse
}

// MunicipalityActor returns the municipality m as an actor.
func MunicipalityActor(m Municipality) Actor {
	return Actor{Kind: ActorMunicipality, Municipality: m}
}

// OtherActor returns another actor (anden aktør) acting for the jobcentre of municipality m.
func OtherActor(m Municipality) Actor { return Actor{Kind: ActorOtherActor, Municipality: m} }

// AkasseActor returns the a-kasse a as an actor.
func AkasseActor(a Akasse) Actor { return Actor{Kind: ActorAkasse, Akasse: a} }

// SystemActor returns one of the national systems (ActorSTAR, ActorKY, ActorKSD, ActorJobnet).
func SystemActor(k ActorKind) Actor { return Actor{Kind: k} }

// IsZero reports whether a is the zero Actor, "nobody".
func (a Actor) IsZero() bool { return a == Actor{} }

// GuestOf reports whether a acts on a citizen attached to jobcentre through guest access
// (gæsteadgang): a is a municipality, and not that one (rule 3.2).
func (a Actor) GuestOf(jobcentre Municipality) bool {
	return a.Kind == ActorMunicipality && a.Municipality != jobcentre
}

// ParseActor reads what Actor.String writes: "kommune 101" (or "kommune 0101"), "anden aktør 101",
// "a-kasse X", or the name of a national system, "STAR", "KY", "KSD" or "Jobnet". The empty string is the zero Actor.
func ParseActor(s string) (Actor, error) {
	if s == "" {
		return Actor{}, nil
	}
	if m, ok := strings.CutPrefix(s, "kommune "); ok {
		code, err := ParseMunicipality(m)
		if err != nil {
			return Actor{}, err
		}
		return MunicipalityActor(code), nil
	}
	if m, ok := strings.CutPrefix(s, "anden aktør "); ok {
		code, err := ParseMunicipality(m)
		if err != nil {
			return Actor{}, err
		}
		return OtherActor(code), nil
	}
	if a, ok := strings.CutPrefix(s, "a-kasse "); ok && a != "" {
		return AkasseActor(Akasse(a)), nil
	}
	var k ActorKind
	if err := k.UnmarshalText([]byte(s)); err != nil || k == ActorMunicipality || k == ActorAkasse || k == ActorOtherActor {
		return Actor{}, dfdgerrors.New(dfdgerrors.ErrInvalidValue, "", "aktoer", s).
			WithDetail(`skriv "kommune 101", "anden aktør 101", "a-kasse ak-1", "KY", "KSD", "STAR" eller "Jobnet"`,
				`write "kommune 101", "anden aktør 101", "a-kasse ak-1", "KY", "KSD", "STAR" or "Jobnet"`)
	}
	return SystemActor(k), nil
}

// MarshalText writes a as String does, so JSON holds "kommune 101".
func (a Actor) MarshalText() ([]byte, error) { return []byte(a.String()), nil }

// UnmarshalText reads what ParseActor reads.
func (a *Actor) UnmarshalText(b []byte) error {
	if a == nil {
		return enum.NilTarget("Actor")
	}
	v, err := ParseActor(string(b))
	if err != nil {
		return err
	}
	*a = v
	return nil
}

// String returns "kommune 101", "anden aktør 101", "a-kasse X" or the system's name; "" for the zero
// Actor.
func (a Actor) String() string {
	switch a.Kind {
	case 0:
		return ""
	case ActorMunicipality:
		return "kommune " + a.Municipality.String()
	case ActorOtherActor:
		return "anden aktør " + a.Municipality.String()
	case ActorAkasse:
		return "a-kasse " + string(a.Akasse)
	}
	return a.Kind.String()
}

// UnmarshalJSON reads a municipality code given as a number (101) or a string ("101", "0101"); null,
// 0 and "" are the zero Municipality, "none", as the zero value marshals.
func (m *Municipality) UnmarshalJSON(b []byte) error {
	if m == nil {
		return enum.NilTarget("Municipality")
	}
	s := string(b)
	if len(s) >= 2 && s[0] == '"' && s[len(s)-1] == '"' {
		s = s[1 : len(s)-1]
	}
	if s == "null" || s == "0" || s == "" {
		*m = 0
		return nil
	}
	v, err := ParseMunicipality(s)
	if err != nil {
		return err
	}
	*m = v
	return nil
}
