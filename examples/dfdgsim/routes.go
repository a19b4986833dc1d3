package main

import (
	"net/http"
	"reflect"

	"github.com/regelkit/dfdg"
	"github.com/regelkit/dfdg/absence"
	"github.com/regelkit/dfdg/contactgroup"
	dfdgerrors "github.com/regelkit/dfdg/errors"
	"github.com/regelkit/dfdg/gdpr"
	"github.com/regelkit/dfdg/plan"
)

// route is one address the test double serves. The table of routes is what the server serves and
// what its OpenAPI description (openapi.go) is built from, so the two cannot drift.
type route struct {
	method, path string
	// op is the DFDG operation the route answers, by its name in the library's operations table
	// (codelist.OperationNamed); "" for the test double's own routes and reads.
	op      string
	summary string
	// cpr says the call names a citizen (HeaderCPR); actor gives the caller when HeaderActor is
	// absent (nil: none).
	cpr   bool
	actor func(*call) dfdg.Actor
	// body is the request's JSON body (nil: none); answer is the 200 answer's.
	body, answer reflect.Type
	query        []queryParam
	serve        func(*call) (any, error)
}

// queryParam is a query parameter a route reads.
type queryParam struct {
	name, about string
	required    bool
	integer     bool
}

func typeFor[T any]() reflect.Type { return reflect.TypeFor[T]() }

var decision = typeFor[dfdg.Decision]()

// table returns the test double's routes.
func (s *Server) table() []route {
	muni := jobcentre
	return []route{
		// DFDG's own REST services, where its public documentation names them.
		{method: "POST", path: "/v1/PersonVisitering/kontaktgruppe", op: "CreateKontaktgruppe", summary: "Place the citizen in a contact group",
			cpr: true, actor: muni, body: typeFor[contactgroup.Placement](), answer: decision, serve: s.createKontaktgruppe},
		{method: "POST", path: "/v1/Fravaer", op: "CreateFravaer", summary: "Register an absence (from KSD: sickness through KSD's feed)",
			cpr: true, actor: muni, body: typeFor[dfdg.Absence](), answer: decision, serve: s.createFravaer},
		{method: "PUT", path: "/v1/Fravaer/{id}", op: "UpdateFravaer", summary: "Change an absence (from KSD, an end date on an open absence is a recovery)",
			cpr: true, actor: muni, body: typeFor[dfdg.Absence](), answer: decision, serve: s.updateFravaer},
		{method: "POST", path: "/v1/Sygemelding", op: "CreateSygemelding", summary: "Register a sickness",
			cpr: true, actor: muni, body: typeFor[absence.Sickness](), answer: decision, serve: s.createSygemelding},
		{method: "POST", path: "/v1/Sygemelding/{fravaerIdentifier}", op: "CreateSygemelding", summary: "Register a sickness with the id the path gives",
			cpr: true, actor: muni, body: typeFor[absence.Sickness](), answer: decision, serve: s.createSygemelding},
		// STAR writes Raskmeld's path "PUT/V1/sygemelding/action/Raskmeld{fravaerIdentifier}", the id
		// right after the word; both that and .../Raskmeld/{fravaerIdentifier} are served.
		{method: "PUT", path: "/v1/sygemelding/action/Raskmeld/{fravaerIdentifier}", op: "Raskmeld", summary: "Report the citizen recovered",
			cpr: true, actor: muni, body: typeFor[absence.Recovery](), answer: decision, serve: s.raskmeld},
		{method: "PUT", path: "/v1/sygemelding/action/{action}", op: "Raskmeld", summary: "Report the citizen recovered, as STAR writes the path: Raskmeld{fravaerIdentifier}",
			cpr: true, actor: muni, body: typeFor[absence.Recovery](), answer: decision, serve: s.raskmeld},
		{method: "POST", path: "/v2/Indkaldelse/myndighedsdeltager/{myndighedsdeltagerid}", op: "CreateMyndighedsdeltager", summary: "Add an authority participant to a booking",
			cpr: true, actor: muni, body: typeFor[dfdg.Participant](), answer: decision, serve: s.addParticipant},
		{method: "POST", path: "/v1/Gaesteadgang/{$}", op: "CreateGaesteadgang", summary: "Grant the caller guest access to the citizen",
			cpr: true, actor: muni, body: typeFor[contactgroup.GuestRequest](), answer: decision, serve: s.grantGuestAccess},
		{method: "POST", path: "/v1/Gaesteadgang", op: "CreateGaesteadgang", summary: "Grant the caller guest access to the citizen (without the trailing slash)",
			cpr: true, actor: muni, body: typeFor[contactgroup.GuestRequest](), answer: decision, serve: s.grantGuestAccess},
		// CreateIndkaldelse's path is not in STAR's stored copy ("[IndkaldelseId i URL]"); these follow
		// the service's other paths.
		{method: "POST", path: "/v1/Indkaldelse/{indkaldelseIdentifier}", op: "CreateIndkaldelse", summary: "Report a booking (summons)",
			cpr: true, actor: muni, body: typeFor[dfdg.Booking](), answer: decision, serve: s.createIndkaldelse},
		{method: "PUT", path: "/v1/Indkaldelse/{indkaldelseIdentifier}", op: "UpdateIndkaldelse", summary: "Rebook a booking",
			cpr: true, actor: muni, body: typeFor[dfdg.Booking](), answer: decision, serve: s.updateIndkaldelse},
		{method: "DELETE", path: "/v1/Indkaldelse/{indkaldelseIdentifier}", op: "DeleteIndkaldelse", summary: "Delete a booking",
			cpr: true, actor: muni, answer: decision, serve: s.deleteIndkaldelse},
		// The rest of the rules, under names of the test double's own.
		{method: "POST", path: "/v1/Afmelding", op: "Afmelding", summary: "Deregister the citizen as jobseeker",
			cpr: true, actor: muni, body: typeFor[dfdg.Deregistration](), answer: decision, serve: s.deregister},
		{method: "POST", path: "/v1/Plan/kladde", op: "CreateDraftPlan", summary: "Create the citizen's draft plan",
			cpr: true, actor: muni, body: typeFor[dfdg.Plan](), answer: decision, serve: s.createDraftPlan},
		{method: "PUT", path: "/v1/Plan/{planVersionIdentifier}/beskrivelse", op: "RectifyPlan", summary: "Rectify a plan's description",
			cpr: true, actor: muni, body: typeFor[plan.Rectification](), answer: decision, serve: s.rectifyPlan},
		{method: "PUT", path: "/v1/PersonVisitering/kontaktgruppe/{kontaktgruppeIdentifier}/afslut", op: "UpdateContactGroup", summary: "End the citizen's contact group",
			cpr: true, actor: muni, body: typeFor[contactgroup.GroupEnd](), answer: decision, serve: s.endKontaktgruppe},
		{method: "POST", path: "/v1/Fravaer/{id}/genoptagelse", op: "KSDGenoptagelse", summary: "KSD: the sickness is resumed",
			cpr: true, actor: system(dfdg.ActorKSD), body: typeFor[struct{}](), answer: decision, serve: s.resumeFravaer},
		{method: "POST", path: "/v1/Tilmelding", op: "Tilmelding", summary: "Register the citizen as jobseeker",
			cpr: true, actor: muni, body: typeFor[contactgroup.RegistrationRequest](), answer: decision, serve: s.register},
		{method: "GET", path: "/v1/Tilmelding/{id}", summary: "Read a registration (404 once its GDPR deletion date has come)",
			cpr: true, actor: muni, answer: typeFor[dfdg.Registration](), serve: s.getRegistration},
		{method: "POST", path: "/v1/Ydelsesafgoerelse", op: "Ydelsesafgoerelse", summary: "KY: a benefit decision",
			cpr: true, actor: system(dfdg.ActorKY), body: typeFor[contactgroup.BenefitDecision](), answer: decision, serve: s.benefit},
		{method: "POST", path: "/v1/Personkategori", op: "Personkategori", summary: "Change the citizen's person category",
			cpr: true, actor: muni, body: typeFor[dfdg.PersonCategorization](), answer: decision, serve: s.personCategory},
		{method: "POST", path: "/v1/Frist", op: "Frist", summary: "Create a deadline",
			cpr: true, actor: muni, body: typeFor[dfdg.Deadline](), answer: decision, serve: s.createFrist},
		{method: "POST", path: "/v1/Samtale", op: "CreatePersonInterview", summary: "Register a held interview",
			cpr: true, actor: muni, body: typeFor[dfdg.Interview](), answer: typeFor[dfdg.Interview](), serve: s.createSamtale},
		{method: "POST", path: "/v1/Aktivitet", op: "CreateActivity", summary: "Create an activity",
			cpr: true, actor: muni, body: typeFor[dfdg.Activity](), answer: decision, serve: s.createAktivitet},
		{method: "PUT", path: "/v1/Aktivitet/{id}", op: "UpdateActivity", summary: "Change an activity",
			cpr: true, actor: muni, body: typeFor[dfdg.Activity](), answer: decision, serve: s.updateAktivitet},
		{method: "GET", path: "/v1/MinPlan", summary: "The citizen's Min plan",
			cpr: true, actor: muni, answer: typeFor[plan.Document](), serve: s.minPlan},
		{method: "POST", path: "/v1/Gdpr/slettedato", summary: "A record's GDPR deletion date (rule 4.1)",
			body: typeFor[gdpr.Record](), answer: typeFor[gdpr.Due](), serve: s.deletionDate},
		// The test double's own: seeding a citizen, reading it and the message feeds, emptying it.
		{method: "PUT", path: "/sim/borger", summary: "Test double: set the citizen's jobcentre, a-kasse, plan and date of death",
			cpr: true, body: typeFor[seedBody](), answer: typeFor[dfdg.Citizen](), serve: s.seed},
		{method: "GET", path: "/sim/borger", summary: "Test double: the citizen as it holds it",
			cpr: true, answer: typeFor[dfdg.Citizen](), serve: s.getCitizen},
		{method: "GET", path: "/sim/beskeder", summary: "Test double: a recipient's messages (WSB) after a number",
			query: []queryParam{{name: "til", about: `the recipient, as x-aktoer names callers ("kommune 101", "a-kasse ak-1")`, required: true},
				{name: "efter", about: "the number of the last message read (0: from the first)", integer: true}},
			answer: typeFor[feedBody](), serve: s.feed},
		{method: "DELETE", path: "/sim", summary: "Test double: forget every citizen, message and request id",
			answer: typeFor[struct{}](), serve: s.reset},
		{method: "GET", path: "/healthz", summary: "Test double: alive", answer: typeFor[health](), serve: s.health},
		{method: "GET", path: "/openapi.json", summary: "Test double: this description", answer: typeFor[map[string]any](), serve: s.openAPI},
	}
}

// health is GET /healthz's answer.
type health struct {
	Status string `json:"status"`
}

func (s *Server) health(*call) (any, error) { return health{Status: "ok"}, nil }

// routes serves the table, and answers any other address or method as DFDG's REST services do.
func (s *Server) routes() {
	m := http.NewServeMux()
	for _, r := range s.table() {
		m.Handle(r.method+" "+r.path, s.handler(r.cpr, r.actor, r.serve))
	}
	m.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) {
		if allowed := allowedMethods(m, r); allowed != "" {
			w.Header().Set("Allow", allowed)
			writeError(w, &statusError{http.StatusMethodNotAllowed, dfdgerrors.New(dfdgerrors.ErrInvalidValue, "", "metode", r.Method).
				WithDetail("metoden kan ikke bruges her; tilladt: "+allowed, "the method is not allowed here; allowed: "+allowed)})
			return
		}
		writeError(w, &statusError{http.StatusNotFound, dfdgerrors.New(dfdgerrors.ErrRecordNotFound, "", "sti", r.URL.Path).
			WithDetail("ukendt adresse", "unknown route")})
	})
	s.mux = m
}
