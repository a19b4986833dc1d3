package main

import (
	"net/http"
	"strconv"
	"strings"
	"time"

	"github.com/regelkit/dfdg"
	"github.com/regelkit/dfdg/absence"
	"github.com/regelkit/dfdg/activity"
	"github.com/regelkit/dfdg/contactgroup"
	dfdgerrors "github.com/regelkit/dfdg/errors"
	"github.com/regelkit/dfdg/gdpr"
	"github.com/regelkit/dfdg/internal/apply"
	"github.com/regelkit/dfdg/plan"
	"github.com/shopspring/decimal"
)

func (s *Server) routes() {
	m := http.NewServeMux()
	muni := jobcentre
	// DFDG's own REST services, where its public documentation names them.
	m.Handle("POST /v1/PersonVisitering/kontaktgruppe", s.handler(true, muni, s.createKontaktgruppe))
	m.Handle("POST /v1/Fravaer", s.handler(true, muni, s.createFravaer))
	m.Handle("PUT /v1/Fravaer/{id}", s.handler(true, muni, s.updateFravaer))
	// The rest of the rules, under names of the test double's own.
	m.Handle("POST /v1/Fravaer/{id}/genoptagelse", s.handler(true, system(dfdg.ActorKSD), s.resumeFravaer))
	m.Handle("POST /v1/Tilmelding", s.handler(true, muni, s.register))
	m.Handle("GET /v1/Tilmelding/{id}", s.handler(true, muni, s.getRegistration))
	m.Handle("POST /v1/Ydelsesafgoerelse", s.handler(true, system(dfdg.ActorKY), s.benefit))
	m.Handle("POST /v1/Personkategori", s.handler(true, muni, s.personCategory))
	m.Handle("POST /v1/Frist", s.handler(true, muni, s.createFrist))
	m.Handle("POST /v1/Aktivitet", s.handler(true, muni, s.createAktivitet))
	m.Handle("PUT /v1/Aktivitet/{id}", s.handler(true, muni, s.updateAktivitet))
	m.Handle("GET /v1/MinPlan", s.handler(true, muni, s.minPlan))
	m.Handle("POST /v1/Gdpr/slettedato", s.handler(false, nil, s.deletionDate))
	// The test double's own: seeding a citizen and reading the message feeds.
	m.Handle("PUT /sim/borger", s.handler(true, nil, s.seed))
	m.Handle("GET /sim/borger", s.handler(true, nil, s.getCitizen))
	m.Handle("GET /sim/beskeder", s.handler(false, nil, s.feed))
	m.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) {
		if allowed := allowedMethods(m, r); allowed != "" {
			w.Header().Set("Allow", allowed)
			writeError(w, http.StatusMethodNotAllowed, dfdgerrors.New(dfdgerrors.ErrInvalidValue).WithField("metode", r.Method).
				WithDetail("metoden kan ikke bruges her; tilladt: "+allowed, "the method is not allowed here; allowed: "+allowed))
			return
		}
		writeError(w, http.StatusNotFound, dfdgerrors.New(dfdgerrors.ErrRecordNotFound).WithField("sti", r.URL.Path).
			WithDetail("ukendt adresse", "unknown route"))
	})
	s.mux = m
}

// allowedMethods lists the methods another route serves r's path with.
func allowedMethods(m *http.ServeMux, r *http.Request) string {
	var allowed []string
	for _, method := range []string{http.MethodGet, http.MethodPost, http.MethodPut} {
		probe := r.Clone(r.Context())
		probe.Method = method
		if _, pattern := m.Handler(probe); pattern != "/" && pattern != "" {
			allowed = append(allowed, method)
		}
	}
	return strings.Join(allowed, ", ")
}

// update runs decide on the citizen under its lock, queues the messages it returns once the store has
// saved, and returns its result.
func update[D any](c *call, decide func(cit Citizen) (Citizen, D, []dfdg.Message, error)) (D, error) {
	var result D
	var msgs []dfdg.Message
	err := c.s.Store.Update(c.cpr, func(cit Citizen) (Citizen, error) {
		next, d, m, err := decide(cit)
		if err != nil {
			return cit, err
		}
		result, msgs = d, m
		return next, nil
	})
	if err != nil {
		var zero D
		return zero, err
	}
	c.s.Feed.Add(msgs)
	return result, nil
}

// contact applies a contact-group decision to the citizen and keeps every registration.
func contact(cit Citizen, d contactgroup.Decision) Citizen {
	cit.State.Citizen = cit.State.Citizen.Apply(d)
	cit.Registrations = apply.Changes(cit.Registrations, d.Registrations, func(a, b contactgroup.Registration) bool { return a.ID == b.ID })
	return cit
}

func (c *call) contactDecision(run func(cit Citizen) (contactgroup.Decision, error)) (any, error) {
	return update(c, func(cit Citizen) (Citizen, contactgroup.Decision, []dfdg.Message, error) {
		d, err := run(cit)
		return contact(cit, d), d, d.Messages, err
	})
}

func (c *call) absenceDecision(run func(cit Citizen) (absence.Decision, error)) (any, error) {
	return update(c, func(cit Citizen) (Citizen, absence.Decision, []dfdg.Message, error) {
		d, err := run(cit)
		cit.State = cit.State.Apply(d)
		return cit, d, d.Messages, err
	})
}

func (c *call) activityDecision(run func(ac activity.Citizen) (activity.Decision, error)) (any, error) {
	return update(c, func(cit Citizen) (Citizen, activity.Decision, []dfdg.Message, error) {
		g, _ := cit.State.Citizen.GroupAt(c.now)
		ac := cit.activityCitizen(g.Group)
		d, err := run(ac)
		cit.Activities = ac.Apply(d).Activities
		return cit, d, d.Messages, err
	})
}

// kontaktgruppeBody is CreateKontaktgruppe's body, with DFDG's field names.
type kontaktgruppeBody struct {
	KontaktgruppeIdentifier string    `json:"kontaktgruppeIdentifier"`
	KontaktgruppeType       int       `json:"KontaktgruppeType"`
	Haendelsestidspunkt     time.Time `json:"Haendelsestidspunkt"`
	Starttidspunkt          time.Time `json:"Starttidspunkt"`
}

func (s *Server) createKontaktgruppe(c *call) (any, error) {
	var b kontaktgruppeBody
	if err := c.decode(&b); err != nil {
		return nil, err
	}
	return c.contactDecision(func(cit Citizen) (contactgroup.Decision, error) {
		return contactgroup.PlaceInGroup(cit.State.Citizen, contactgroup.Placement{Group: b.KontaktgruppeType,
			MembershipID: b.KontaktgruppeIdentifier, RequestedAt: b.Starttidspunkt}, c.now, s.Catalog)
	})
}

type tilmeldingBody struct {
	TilmeldingIdentifier    string    `json:"tilmeldingIdentifier"`
	Tilmeldekategori        int       `json:"tilmeldekategori"`
	Ansoeger                bool      `json:"ansoeger"`
	KontaktgruppeType       int       `json:"kontaktgruppeType"`
	KontaktgruppeIdentifier string    `json:"kontaktgruppeIdentifier"`
	Tilmeldetidspunkt       time.Time `json:"tilmeldetidspunkt"`
}

func (s *Server) register(c *call) (any, error) {
	var b tilmeldingBody
	if err := c.decode(&b); err != nil {
		return nil, err
	}
	return c.contactDecision(func(cit Citizen) (contactgroup.Decision, error) {
		return contactgroup.RegisterJobseeker(cit.State.Citizen, contactgroup.RegistrationRequest{ID: b.TilmeldingIdentifier,
			Category: b.Tilmeldekategori, Applicant: b.Ansoeger, Group: b.KontaktgruppeType, MembershipID: b.KontaktgruppeIdentifier,
			RequestedAt: b.Tilmeldetidspunkt}, c.now, s.Catalog)
	})
}

// getRegistration answers 4589 'Id ikke fundet' for a registration whose GDPR deletion date has come
// (rule 4.1), although the store still holds it.
func (s *Server) getRegistration(c *call) (any, error) {
	cit, _ := s.Store.Get(c.cpr)
	id := c.r.PathValue("id")
	for _, r := range cit.Registrations {
		if r.ID != id {
			continue
		}
		rec := gdpr.Record{Kind: gdpr.Registration, ID: r.ID, Start: dfdg.DateOf(r.Start), End: dfdg.DateOf(r.End)}
		if err := gdpr.CheckRead(rec, dfdg.DateOf(c.now), s.Catalog); err != nil {
			return nil, err
		}
		return r, nil
	}
	return nil, dfdgerrors.New(dfdgerrors.ErrIDNotFound).WithField("id", id)
}

type ydelseBody struct {
	Udfald                  contactgroup.BenefitOutcome `json:"udfald"`
	KontaktgruppeIdentifier string                      `json:"kontaktgruppeIdentifier"`
}

func (s *Server) benefit(c *call) (any, error) {
	var b ydelseBody
	if err := c.decode(&b); err != nil {
		return nil, err
	}
	return c.contactDecision(func(cit Citizen) (contactgroup.Decision, error) {
		return contactgroup.DecideBenefit(cit.State.Citizen, contactgroup.BenefitDecision{Outcome: b.Udfald, MembershipID: b.KontaktgruppeIdentifier}, c.actor, c.now, s.Catalog)
	})
}

type personkategoriBody struct {
	PersonkategoriIdentifier string    `json:"personkategoriIdentifier"`
	Personkategori           int       `json:"personkategori"`
	Starttidspunkt           time.Time `json:"starttidspunkt"`
}

func (s *Server) personCategory(c *call) (any, error) {
	var b personkategoriBody
	if err := c.decode(&b); err != nil {
		return nil, err
	}
	return c.contactDecision(func(cit Citizen) (contactgroup.Decision, error) {
		return contactgroup.ChangePersonCategory(cit.State.Citizen, contactgroup.PersonCategory{ID: b.PersonkategoriIdentifier,
			Category: b.Personkategori, Start: b.Starttidspunkt}, c.now)
	})
}

type fristBody struct {
	FristIdentifier string    `json:"fristIdentifier"`
	Samtaletype     int       `json:"samtaletype"`
	Fristdato       dfdg.Date `json:"fristdato"`
}

func (s *Server) createFrist(c *call) (any, error) {
	var b fristBody
	if err := c.decode(&b); err != nil {
		return nil, err
	}
	return c.contactDecision(func(cit Citizen) (contactgroup.Decision, error) {
		return contactgroup.CreateDeadline(cit.State.Citizen, contactgroup.Deadline{ID: b.FristIdentifier, Conversation: b.Samtaletype, Due: b.Fristdato}, c.now, s.Catalog)
	})
}

type fravaerBody struct {
	FravaerIdentifier         string    `json:"fravaerIdentifier"`
	Fravaerstype              int       `json:"fravaerstype"`
	Startdato                 dfdg.Date `json:"startdato"`
	Slutdato                  dfdg.Date `json:"slutdato"`
	Kontaktgruppe8Identifier  string    `json:"kontaktgruppe8Identifier"`
	Kontaktgruppe24Identifier string    `json:"kontaktgruppe24Identifier"`
}

func (b fravaerBody) absence() absence.Absence {
	return absence.Absence{ID: b.FravaerIdentifier, Type: b.Fravaerstype, Period: dfdg.Period{Start: b.Startdato, End: b.Slutdato}}
}

// createFravaer registers an absence; from KSD it is sickness, with rule 1.6's contact groups.
func (s *Server) createFravaer(c *call) (any, error) {
	var b fravaerBody
	if err := c.decode(&b); err != nil {
		return nil, err
	}
	return c.absenceDecision(func(cit Citizen) (absence.Decision, error) {
		if c.actor.Kind == dfdg.ActorKSD {
			return absence.ReportSick(cit.State, absence.SickReport{Absence: b.absence(), Group8ID: b.Kontaktgruppe8Identifier,
				Group24ID: b.Kontaktgruppe24Identifier}, c.now, s.Catalog)
		}
		return absence.Create(cit.State, b.absence(), c.actor, c.now, s.Catalog)
	})
}

// updateFravaer changes an absence; KSD giving an end date to an open absence is a recovery
// (raskmelding, rules 2.4 and 2.5).
func (s *Server) updateFravaer(c *call) (any, error) {
	var b fravaerBody
	if err := c.decode(&b); err != nil {
		return nil, err
	}
	b.FravaerIdentifier = c.r.PathValue("id")
	return c.absenceDecision(func(cit Citizen) (absence.Decision, error) {
		if old, ok := cit.State.Find(b.FravaerIdentifier); ok && c.actor.Kind == dfdg.ActorKSD && old.Period.Open() && !b.Slutdato.IsZero() {
			return absence.Recover(cit.State, b.FravaerIdentifier, b.Slutdato, c.now)
		}
		return absence.Update(cit.State, b.absence(), c.actor, c.now, s.Catalog)
	})
}

type genoptagelseBody struct {
	Kontaktgruppe24Identifier string `json:"kontaktgruppe24Identifier"`
}

func (s *Server) resumeFravaer(c *call) (any, error) {
	var b genoptagelseBody
	if err := c.decode(&b); err != nil {
		return nil, err
	}
	return c.absenceDecision(func(cit Citizen) (absence.Decision, error) {
		return absence.Resume(cit.State, c.r.PathValue("id"), b.Kontaktgruppe24Identifier, c.now, s.Catalog)
	})
}

type aktivitetBody struct {
	AktivitetIdentifier string            `json:"aktivitetIdentifier"`
	Aktivitetstype      int               `json:"aktivitetstype"`
	Virksomhedsrettet   bool              `json:"virksomhedsrettet"`
	Beskrivelse         string            `json:"beskrivelse"`
	Startdato           dfdg.Date         `json:"startdato"`
	Slutdato            dfdg.Date         `json:"slutdato"`
	TimerPrUge          decimal.Decimal   `json:"timerPrUge"`
	Virksomhed          activity.Company  `json:"virksomhed"`
	Jobtilbudtype       int               `json:"jobtilbudtype"`
	Stillingsbetegnelse plan.JobTitle     `json:"stillingsbetegnelse"`
	Myndighedsomraade   int               `json:"myndighedsomraade"`
	EksterneReferencer  []referenceBody   `json:"eksterneReferencer"`
	Status              activity.Status   `json:"status"`
	Ejer                dfdg.Municipality `json:"ejer"`
}

type referenceBody struct {
	Type   int    `json:"type"`
	Vaerdi string `json:"vaerdi"`
}

func (b aktivitetBody) activity() activity.Activity {
	a := activity.Activity{ID: b.AktivitetIdentifier, Type: b.Aktivitetstype, CompanyOriented: b.Virksomhedsrettet, Description: b.Beskrivelse,
		Period: dfdg.Period{Start: b.Startdato, End: b.Slutdato}, Hours: b.TimerPrUge, Company: b.Virksomhed, JobOfferType: b.Jobtilbudtype,
		JobTitle: b.Stillingsbetegnelse, AuthorityArea: b.Myndighedsomraade, Status: b.Status, Owner: b.Ejer}
	for _, r := range b.EksterneReferencer {
		a.References = append(a.References, activity.Reference{Type: r.Type, Value: r.Vaerdi})
	}
	return a
}

func (s *Server) createAktivitet(c *call) (any, error) {
	var b aktivitetBody
	if err := c.decode(&b); err != nil {
		return nil, err
	}
	return c.activityDecision(func(ac activity.Citizen) (activity.Decision, error) {
		return activity.Create(ac, b.activity(), c.actor, c.now, s.Catalog)
	})
}

func (s *Server) updateAktivitet(c *call) (any, error) {
	var b aktivitetBody
	if err := c.decode(&b); err != nil {
		return nil, err
	}
	b.AktivitetIdentifier = c.r.PathValue("id")
	return c.activityDecision(func(ac activity.Citizen) (activity.Decision, error) {
		return activity.Update(ac, b.activity(), c.actor, c.now, s.Catalog)
	})
}

func (s *Server) minPlan(c *call) (any, error) {
	cit, _ := s.Store.Get(c.cpr)
	g, _ := cit.State.Citizen.GroupAt(c.now)
	return activity.MinPlan(cit.activityCitizen(g.Group), s.Catalog), nil
}

type slettedatoBody struct {
	Type         gdpr.Kind `json:"type"`
	ID           string    `json:"id"`
	Startdato    dfdg.Date `json:"startdato"`
	Slutdato     dfdg.Date `json:"slutdato"`
	Projekttype  int       `json:"projekttype"`
	Foedselsdato dfdg.Date `json:"foedselsdato"`
}

func (s *Server) deletionDate(c *call) (any, error) {
	var b slettedatoBody
	if err := c.decode(&b); err != nil {
		return nil, err
	}
	return gdpr.DeletionDate(gdpr.Record{Kind: b.Type, ID: b.ID, Start: b.Startdato, End: b.Slutdato, ProjectType: b.Projekttype,
		Birth: b.Foedselsdato}, dfdg.DateOf(c.now), s.Catalog)
}

type seedBody struct {
	Jobcenter dfdg.Municipality `json:"jobcenter"`
	Akasse    dfdg.Akasse       `json:"akasse"`
	Plan      *plan.Plan        `json:"plan"`
}

// seed sets the citizen's jobcentre, a-kasse and plan, which DFDG learns from other services.
func (s *Server) seed(c *call) (any, error) {
	var b seedBody
	if err := c.decode(&b); err != nil {
		return nil, err
	}
	if !s.Catalog.IsMunicipality(b.Jobcenter) {
		return nil, dfdgerrors.New(dfdgerrors.ErrInvalidMunicipality).WithField("jobcenter", b.Jobcenter.String())
	}
	return update(c, func(cit Citizen) (Citizen, Citizen, []dfdg.Message, error) {
		cit.State.Citizen.Jobcentre, cit.State.Citizen.Akasse, cit.Plan = b.Jobcenter, b.Akasse, b.Plan
		return cit, cit, nil, nil
	})
}

func (s *Server) getCitizen(c *call) (any, error) {
	cit, ok := s.Store.Get(c.cpr)
	if !ok {
		return nil, dfdgerrors.New(dfdgerrors.ErrIDNotFound).WithField("borger", "")
	}
	return cit, nil
}

// feedBody is a recipient's messages after a number.
type feedBody struct {
	Messages []FeedItem `json:"beskeder"`
	Next     int        `json:"naeste"`
}

func (s *Server) feed(c *call) (any, error) {
	to, err := dfdg.ParseActor(c.r.URL.Query().Get("til"))
	if err != nil {
		return nil, err
	}
	after := 0
	if v := c.r.URL.Query().Get("efter"); v != "" {
		if after, err = strconv.Atoi(v); err != nil || after < 0 {
			return nil, invalid("efter", "efter skal være et tal fra 0", "efter must be a whole number from 0")
		}
	}
	items := s.Feed.After(to, after)
	next := after
	if len(items) > 0 {
		next = items[len(items)-1].N
	}
	return feedBody{Messages: items, Next: next}, nil
}
