package scenario

import (
	"strings"
	"time"

	"github.com/regelkit/dfdg"
	"github.com/regelkit/dfdg/absence"
	"github.com/regelkit/dfdg/activity"
	"github.com/regelkit/dfdg/contactgroup"
	dfdgerrors "github.com/regelkit/dfdg/errors"
	"github.com/regelkit/dfdg/gdpr"
	"github.com/regelkit/dfdg/plan"
	"github.com/shopspring/decimal"
)

// File is one scenario file: a theme and its cases. The format is documented in
// testdata/scenarios/README.md and described by testdata/scenarios/schema/scenario.schema.json.
type File struct {
	// Path is where the file was read from; it is not part of the JSON.
	Path        string `json:"-"`
	Schema      string `json:"$schema"`
	Tema        string `json:"tema"`
	Beskrivelse string `json:"beskrivelse"`
	Scenarier   []Case `json:"scenarier"`
}

// Case is one given/when/then case.
type Case struct {
	Navn string `json:"navn"`
	// Regel is the item of the release note the case is about, such as "1.6".
	Regel string `json:"regel"`
	Given Given  `json:"given"`
	When  When   `json:"when"`
	Then  Then   `json:"then"`
}

// Instant is an instant written "2025-09-15T11:00:00+02:00" (RFC 3339), or in Danish local time as
// "2025-09-15 11:00", "2025-09-15 11:00:00" or "2025-09-15" (00:00).
type Instant struct{ time.Time }

// UnmarshalJSON reads the forms Instant documents.
func (t *Instant) UnmarshalJSON(b []byte) error {
	if string(b) == "null" {
		*t = Instant{}
		return nil
	}
	s := strings.Trim(string(b), `"`)
	if len(b) < 2 || b[0] != '"' {
		return dfdgerrors.New(dfdgerrors.ErrInvalidValue).WithDetail("tidspunktet skal være en streng", "an instant is a string")
	}
	if v, err := time.Parse(time.RFC3339, s); err == nil {
		*t = Instant{v}
		return nil
	}
	for _, layout := range []string{"2006-01-02 15:04", "2006-01-02 15:04:05", "2006-01-02"} {
		if wall, err := time.ParseInLocation(layout, s, time.UTC); err == nil {
			*t = Instant{danish(wall)}
			return nil
		}
	}
	return dfdgerrors.New(dfdgerrors.ErrInvalidDate).WithDetail(
		"skriv 2025-09-15T11:00:00+02:00, 2025-09-15 11:00 (dansk tid) eller 2025-09-15",
		"write 2025-09-15T11:00:00+02:00, 2025-09-15 11:00 (Danish time) or 2025-09-15")
}

// danish returns the instant at which Danish clocks showed wall (given in UTC fields). In the hour
// that repeats when summer time ends it takes the first; in the hour that is skipped, the CET reading.
func danish(wall time.Time) time.Time {
	for _, off := range []int{7200, 3600} {
		u := wall.Add(-time.Duration(off) * time.Second)
		if _, got := dfdg.InDenmark(u).Zone(); got == off {
			return u
		}
	}
	return wall.Add(-time.Hour)
}

// Given is the citizen's state and who acts when.
type Given struct {
	Nu        Instant           `json:"nu"`
	Aktoer    *dfdg.Actor       `json:"aktoer"`
	Jobcenter dfdg.Municipality `json:"jobcenter"`
	Akasse    string            `json:"akasse"`

	Kontaktgrupper   []Membership     `json:"kontaktgrupper"`
	Tilmelding       *Registration    `json:"tilmelding"`
	Personkategorier []PersonCategory `json:"personkategorier"`
	Frister          []Deadline       `json:"frister"`
	Deltagelsesvalg  []Participation  `json:"deltagelsesvalg"`
	Fravaer          []Absence        `json:"fravaer"`
	// Kontaktgruppe is the contact group on the decision date for the activity rules; when absent it
	// is the group of Kontaktgrupper active at Nu.
	Kontaktgruppe *int           `json:"kontaktgruppe"`
	Plan          *Plan          `json:"plan"`
	Aktiviteter   []Activity     `json:"aktiviteter"`
	Borgere       []SweepCitizen `json:"borgere"`
	Poster        []Record       `json:"poster"`
}

// Membership is a contact-group membership.
type Membership struct {
	ID     string  `json:"id"`
	Gruppe int     `json:"gruppe"`
	Start  Instant `json:"start"`
	Slut   Instant `json:"slut"`
}

// Registration is a registration as jobseeker.
type Registration struct {
	ID       string  `json:"id"`
	Kategori int     `json:"kategori"`
	Ansoeger bool    `json:"ansoeger"`
	Start    Instant `json:"start"`
	Slut     Instant `json:"slut"`
}

// PersonCategory is a person category.
type PersonCategory struct {
	ID       string  `json:"id"`
	Kategori int     `json:"kategori"`
	Start    Instant `json:"start"`
	Slut     Instant `json:"slut"`
}

// Deadline is a deadline (frist).
type Deadline struct {
	ID          string                      `json:"id"`
	Samtaletype int                         `json:"samtaletype"`
	Fristdato   dfdg.Date                   `json:"fristdato"`
	Status      contactgroup.DeadlineStatus `json:"status"`
}

// Participation is a participation choice (deltagelsesvalg).
type Participation struct {
	ID          string `json:"id"`
	Samtaletype int    `json:"samtaletype"`
	Valg        int    `json:"valg"`
}

// Absence is an absence (fravær).
type Absence struct {
	ID         string    `json:"id"`
	Type       int       `json:"type"`
	Start      dfdg.Date `json:"start"`
	Slut       dfdg.Date `json:"slut"`
	Genoptaget bool      `json:"genoptaget"`
}

// Plan is a plan with an optional contract.
type Plan struct {
	ID       string    `json:"id"`
	Type     plan.Type `json:"type"`
	Kontrakt *Contract `json:"kontrakt"`
}

// Contract is a plan's contract.
type Contract struct {
	ID              string    `json:"id"`
	Lov             plan.Act  `json:"lov"`
	Underskrevet    dfdg.Date `json:"underskrevet"`
	Dansktilegnelse string    `json:"dansktilegnelse"`
}

// Activity is an activity (indsats).
type Activity struct {
	ID                  string            `json:"id"`
	Type                int               `json:"type"`
	Virksomhedsrettet   bool              `json:"virksomhedsrettet"`
	Beskrivelse         string            `json:"beskrivelse"`
	Start               dfdg.Date         `json:"start"`
	Slut                dfdg.Date         `json:"slut"`
	Timer               decimal.Decimal   `json:"timer"`
	Virksomhed          Company           `json:"virksomhed"`
	Jobtilbudtype       int               `json:"jobtilbudtype"`
	Stillingsbetegnelse JobTitle          `json:"stillingsbetegnelse"`
	Myndighedsomraade   int               `json:"myndighedsomraade"`
	EksterneReferencer  []Reference       `json:"eksterneReferencer"`
	Ejer                dfdg.Municipality `json:"ejer"`
	Status              activity.Status   `json:"status"`
}

// Company is an activity's company.
type Company struct {
	CVR     string `json:"cvr"`
	Pnummer string `json:"pnummer"`
	Navn    string `json:"navn"`
}

// JobTitle is a job title with its alias.
type JobTitle struct {
	Navn       string    `json:"navn"`
	Alias      string    `json:"alias"`
	UdgaaetFra dfdg.Date `json:"udgaaetFra"`
}

// Reference is an external reference.
type Reference struct {
	Type   int    `json:"type"`
	Vaerdi string `json:"vaerdi"`
}

// SweepCitizen is a citizen for the 60-day sweep (rule 2.2).
type SweepCitizen struct {
	Noegle    string            `json:"noegle"`
	Jobcenter dfdg.Municipality `json:"jobcenter"`
	Gruppe    int               `json:"gruppe"`
	Fravaer   Absence           `json:"fravaer"`
}

// Record is a record for the GDPR rules (4.1, 4.2).
type Record struct {
	Type         gdpr.Kind           `json:"type"`
	ID           string              `json:"id"`
	Start        dfdg.Date           `json:"start"`
	Slut         dfdg.Date           `json:"slut"`
	Projekttype  int                 `json:"projekttype"`
	Foedselsdato dfdg.Date           `json:"foedselsdato"`
	Kommuner     []dfdg.Municipality `json:"kommuner"`
	Akasser      []string            `json:"akasser"`
}

func (m Membership) lib() contactgroup.Membership {
	return contactgroup.Membership{ID: m.ID, Group: m.Gruppe, Start: m.Start.Time, End: m.Slut.Time}
}

func (a Absence) lib() absence.Absence {
	return absence.Absence{ID: a.ID, Type: a.Type, Period: dfdg.Period{Start: a.Start, End: a.Slut}, Resumed: a.Genoptaget}
}

func (a Activity) lib() activity.Activity {
	out := activity.Activity{
		ID: a.ID, Type: a.Type, CompanyOriented: a.Virksomhedsrettet, Description: a.Beskrivelse,
		Period: dfdg.Period{Start: a.Start, End: a.Slut}, Hours: a.Timer, JobOfferType: a.Jobtilbudtype,
		Company:       activity.Company{CVR: a.Virksomhed.CVR, PNumber: a.Virksomhed.Pnummer, Name: a.Virksomhed.Navn},
		JobTitle:      plan.JobTitle{Name: a.Stillingsbetegnelse.Navn, Alias: a.Stillingsbetegnelse.Alias, ExpiredFrom: a.Stillingsbetegnelse.UdgaaetFra},
		AuthorityArea: a.Myndighedsomraade, Owner: a.Ejer, Status: a.Status,
	}
	for _, r := range a.EksterneReferencer {
		out.References = append(out.References, activity.Reference{Type: r.Type, Value: r.Vaerdi})
	}
	return out
}

func (r Record) lib() gdpr.Record {
	out := gdpr.Record{Kind: r.Type, ID: r.ID, Start: r.Start, End: r.Slut, ProjectType: r.Projekttype, Birth: r.Foedselsdato,
		Municipalities: r.Kommuner}
	for _, a := range r.Akasser {
		out.Akasser = append(out.Akasser, dfdg.Akasse(a))
	}
	return out
}

// contact is the given state as package contactgroup reads it.
func (g Given) contact() contactgroup.Citizen {
	c := contactgroup.Citizen{Jobcentre: g.Jobcenter, Akasse: dfdg.Akasse(g.Akasse)}
	for _, m := range g.Kontaktgrupper {
		c.Memberships = append(c.Memberships, m.lib())
	}
	if r := g.Tilmelding; r != nil {
		c.Registration = contactgroup.Registration{ID: r.ID, Category: r.Kategori, Applicant: r.Ansoeger, Start: r.Start.Time, End: r.Slut.Time}
	}
	for _, p := range g.Personkategorier {
		c.PersonCategories = append(c.PersonCategories, contactgroup.PersonCategory{ID: p.ID, Category: p.Kategori, Start: p.Start.Time, End: p.Slut.Time})
	}
	for _, d := range g.Frister {
		c.Deadlines = append(c.Deadlines, contactgroup.Deadline{ID: d.ID, Conversation: d.Samtaletype, Due: d.Fristdato, Status: d.Status})
	}
	for _, p := range g.Deltagelsesvalg {
		c.Participation = append(c.Participation, contactgroup.ParticipationChoice{ID: p.ID, Conversation: p.Samtaletype, Choice: p.Valg})
	}
	return c
}

// absences is the given state as package absence reads it.
func (g Given) absences() absence.State {
	s := absence.State{Citizen: g.contact()}
	for _, a := range g.Fravaer {
		s.Absences = append(s.Absences, a.lib())
	}
	return s
}

// activities is the given state as package activity reads it.
func (g Given) activities() activity.Citizen {
	c := activity.Citizen{Jobcentre: g.Jobcenter, Akasse: dfdg.Akasse(g.Akasse)}
	if g.Kontaktgruppe != nil {
		c.ContactGroup = *g.Kontaktgruppe
	} else if m, ok := g.contact().GroupAt(g.Nu.Time); ok {
		c.ContactGroup = m.Group
	}
	if p := g.Plan; p != nil {
		c.Plan = &plan.Plan{ID: p.ID, Type: p.Type}
		if k := p.Kontrakt; k != nil {
			c.Plan.Contract = &plan.Contract{ID: k.ID, Act: k.Lov, Signed: k.Underskrevet, DanishAcquisition: k.Dansktilegnelse}
		}
	}
	for _, a := range g.Aktiviteter {
		c.Activities = append(c.Activities, a.lib())
	}
	return c
}

// actor returns who acts: the given actor, or def.
func (g Given) actor(def dfdg.Actor) dfdg.Actor {
	if g.Aktoer != nil {
		return *g.Aktoer
	}
	return def
}
