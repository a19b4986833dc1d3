package main

import (
	"encoding/json"
	"net/http"
	"slices"
	"strconv"
	"strings"

	"github.com/regelkit/dfdg"
	"github.com/regelkit/dfdg/absence"
	"github.com/regelkit/dfdg/contactgroup"
	dfdgerrors "github.com/regelkit/dfdg/errors"
	"github.com/regelkit/dfdg/gdpr"
	"github.com/regelkit/dfdg/plan"
)

// allowedMethods lists the methods another route serves r's path with.
func allowedMethods(m *http.ServeMux, r *http.Request) string {
	var allowed []string
	for _, method := range []string{http.MethodGet, http.MethodPost, http.MethodPut, http.MethodDelete} {
		probe := r.Clone(r.Context())
		probe.Method = method
		if _, pattern := m.Handler(probe); pattern != "/" && pattern != "" {
			allowed = append(allowed, method)
		}
	}
	return strings.Join(allowed, ", ")
}

// update runs decide on the citizen under its lock, queues the messages of the decision it returns
// once the store has saved the citizen after it, and returns the decision. A decision that would pass
// one of the Limits is refused, and the store keeps what it had.
func update(c *call, decide func(cit dfdg.Citizen) (dfdg.Decision, error)) (dfdg.Decision, error) {
	lim := c.s.limits()
	var d dfdg.Decision
	err := c.s.store(c.cpr, func(cit dfdg.Citizen) (dfdg.Citizen, error) {
		var err error
		if d, err = decide(cit); err != nil {
			return cit, err
		}
		next := cit.Apply(d)
		if records(next) > lim.Records && records(next) > records(cit) {
			return cit, full("borger", "borgeren har "+strconv.Itoa(lim.Records)+" poster, testdoublens grænse",
				"the citizen has "+strconv.Itoa(lim.Records)+" records, the test double's limit")
		}
		if !c.s.Feed.Reserve(d.Messages, lim.Recipients) {
			return cit, full("beskeder", "beskedkøerne har "+strconv.Itoa(lim.Recipients)+" modtagere, testdoublens grænse",
				"the message queues have "+strconv.Itoa(lim.Recipients)+" recipients, the test double's limit")
		}
		return next, nil
	})
	if err != nil {
		return dfdg.Decision{}, err
	}
	c.s.Feed.Add(d.Messages, lim.Messages)
	return d, nil
}

// store updates the citizen in the Store, refusing a citizen it does not hold when it holds as many
// as the limit allows. A new citizen is added under newCitizen, so that requests at once for new
// citizens cannot pass the limit together.
func (s *Server) store(cpr dfdg.CPR, fn func(dfdg.Citizen) (dfdg.Citizen, error)) error {
	fn = s.bounded(cpr, fn)
	if _, ok := s.Store.Get(cpr); ok {
		return s.Store.Update(cpr, fn)
	}
	s.newCitizen.Lock()
	defer s.newCitizen.Unlock()
	if max := s.limits().Citizens; s.Store.Len() >= max {
		if _, ok := s.Store.Get(cpr); !ok {
			return full("borger", "testdoublen har "+strconv.Itoa(max)+" borgere, dens grænse",
				"the test double holds "+strconv.Itoa(max)+" citizens, its limit")
		}
	}
	return s.Store.Update(cpr, fn)
}

// bounded wraps fn so that the citizen it returns takes at most Limits.CitizenBytes as JSON, and all
// citizens together at most Limits.TotalBytes; a citizen that grows past either is refused (507) and
// the store keeps what it had. A citizen that shrinks, or stays, is never refused.
func (s *Server) bounded(cpr dfdg.CPR, fn func(dfdg.Citizen) (dfdg.Citizen, error)) func(dfdg.Citizen) (dfdg.Citizen, error) {
	return func(cit dfdg.Citizen) (dfdg.Citizen, error) {
		next, err := fn(cit)
		if err != nil {
			return cit, err
		}
		lim := s.limits()
		b, err := json.Marshal(next)
		if err != nil {
			return cit, err
		}
		n := int64(len(b))
		if n > lim.CitizenBytes && n > s.bytes.of(cpr) {
			return cit, full("borger", "borgeren fylder "+strconv.FormatInt(n, 10)+" bytes; testdoublens grænse er "+strconv.FormatInt(lim.CitizenBytes, 10),
				"the citizen takes "+strconv.FormatInt(n, 10)+" bytes; the test double's limit is "+strconv.FormatInt(lim.CitizenBytes, 10))
		}
		if !s.bytes.reserve(cpr, n, lim.TotalBytes) {
			return cit, full("borger", "testdoublens borgere fylder op til dens grænse, "+strconv.FormatInt(lim.TotalBytes, 10)+" bytes",
				"the test double's citizens fill its limit, "+strconv.FormatInt(lim.TotalBytes, 10)+" bytes")
		}
		return next, nil
	}
}

// records counts the citizen's records of every kind.
func records(c dfdg.Citizen) int {
	return len(c.Memberships) + len(c.Registrations) + len(c.PersonCategories) + len(c.Deadlines) +
		len(c.Participation) + len(c.Interviews) + len(c.Absences) + len(c.Activities) + len(c.Bookings) + len(c.GuestAccess)
}

// decided decodes the body into a command of type C and decides it on the citizen.
func decided[C any](c *call, decide func(at dfdg.At, cit dfdg.Citizen, cmd C) (dfdg.Decision, error)) (any, error) {
	var cmd C
	if err := c.decode(&cmd); err != nil {
		return nil, err
	}
	return update(c, func(cit dfdg.Citizen) (dfdg.Decision, error) { return decide(c.at(), cit, cmd) })
}

func (s *Server) createKontaktgruppe(c *call) (any, error) {
	return decided(c, s.contactgroups().PlaceInGroup)
}

func (s *Server) register(c *call) (any, error) {
	return decided(c, s.contactgroups().RegisterJobseeker)
}

func (s *Server) benefit(c *call) (any, error) { return decided(c, s.contactgroups().DecideBenefit) }

func (s *Server) personCategory(c *call) (any, error) {
	return decided(c, s.contactgroups().ChangePersonCategory)
}

func (s *Server) createFrist(c *call) (any, error) {
	return decided(c, s.contactgroups().CreateDeadline)
}

// createSamtale registers a held interview (CreateInterview), refused by the business rules DFDG
// documents for it (contactgroup.ValidateInterview). An interview without an id gets one.
func (s *Server) createSamtale(c *call) (any, error) {
	var iv dfdg.Interview
	if err := c.decode(&iv); err != nil {
		return nil, err
	}
	lim := s.limits()
	err := s.store(c.cpr, func(cit dfdg.Citizen) (dfdg.Citizen, error) {
		if errs := s.contactgroups().ValidateInterview(c.at(), cit, iv); len(errs) > 0 {
			return cit, errs[0]
		}
		if records(cit) >= lim.Records {
			return cit, full("borger", "borgeren har "+strconv.Itoa(lim.Records)+" poster, testdoublens grænse",
				"the citizen has "+strconv.Itoa(lim.Records)+" records, the test double's limit")
		}
		if iv.ID == "" {
			iv.ID = "samtale-" + strconv.Itoa(len(cit.Interviews)+1)
		}
		cit.Interviews = append(slices.Clip(cit.Interviews), iv)
		return cit, nil
	})
	if err != nil {
		return nil, err
	}
	return iv, nil
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
		rec := gdpr.Record{Kind: dfdg.RecordRegistration, ID: r.ID, Start: dfdg.DateOf(r.Start), End: dfdg.DateOf(r.End)}
		if err := (gdpr.Rules{Catalog: s.Catalog}).CheckRead(c.at(), rec); err != nil {
			if e, ok := dfdgerrors.As(err); ok && e.Kind() == dfdgerrors.ErrIDNotFound {
				return nil, &statusError{http.StatusNotFound, e} // deleted: unknown to DFDG
			}
			return nil, err
		}
		return r, nil
	}
	return nil, &statusError{http.StatusNotFound, dfdgerrors.New(dfdgerrors.ErrIDNotFound, "", "tilmeldingIdentifier", id)}
}

// createSygemelding registers a sickness as CreateSygemelding does (absence.Rules.CreateSickness),
// with the id from the path when the call has one.
func (s *Server) createSygemelding(c *call) (any, error) {
	return decided(c, func(at dfdg.At, cit dfdg.Citizen, sk absence.Sickness) (dfdg.Decision, error) {
		if id := c.r.PathValue("fravaerIdentifier"); id != "" {
			sk.ID = id
		}
		return s.absences().CreateSickness(at, cit, sk)
	})
}

// raskmeld recovers the sick absence the path names, as Raskmeld does (absence.Rules.Recover).
func (s *Server) raskmeld(c *call) (any, error) {
	id := c.r.PathValue("fravaerIdentifier")
	if id == "" {
		var ok bool
		if id, ok = strings.CutPrefix(c.r.PathValue("action"), "Raskmeld"); !ok || id == "" {
			return nil, &statusError{http.StatusNotFound, dfdgerrors.New(dfdgerrors.ErrRecordNotFound, "", "sti", c.r.URL.Path).
				WithDetail("ukendt handling; kun Raskmeld{fravaerIdentifier}", "unknown action; only Raskmeld{fravaerIdentifier}")}
		}
	}
	return decided(c, func(at dfdg.At, cit dfdg.Citizen, rec absence.Recovery) (dfdg.Decision, error) {
		rec.ID = id
		return s.absences().Recover(at, cit, rec)
	})
}

// createIndkaldelse reports a booking (CreateIndkaldelse), with the id from the path.
func (s *Server) createIndkaldelse(c *call) (any, error) {
	return decided(c, func(at dfdg.At, cit dfdg.Citizen, b dfdg.Booking) (dfdg.Decision, error) {
		b.ID = c.r.PathValue("indkaldelseIdentifier")
		return s.contactgroups().CreateBooking(at, cit, b)
	})
}

// updateIndkaldelse rebooks the booking the path names (UpdateIndkaldelse).
func (s *Server) updateIndkaldelse(c *call) (any, error) {
	return decided(c, func(at dfdg.At, cit dfdg.Citizen, b dfdg.Booking) (dfdg.Decision, error) {
		b.ID = c.r.PathValue("indkaldelseIdentifier")
		return s.contactgroups().UpdateBooking(at, cit, b)
	})
}

// deleteIndkaldelse deletes the booking the path names (DeleteIndkaldelse); it takes no body.
func (s *Server) deleteIndkaldelse(c *call) (any, error) {
	return update(c, func(cit dfdg.Citizen) (dfdg.Decision, error) {
		return s.contactgroups().DeleteBooking(c.at(), cit, contactgroup.BookingRef{ID: c.r.PathValue("indkaldelseIdentifier")})
	})
}

// addParticipant adds an authority participant to a booking (CreateMyndighedsdeltager), with the
// participant's id from the path.
func (s *Server) addParticipant(c *call) (any, error) {
	return decided(c, func(at dfdg.At, cit dfdg.Citizen, p dfdg.Participant) (dfdg.Decision, error) {
		p.ID = c.r.PathValue("myndighedsdeltagerid")
		return s.contactgroups().AddParticipant(at, cit, p)
	})
}

func (s *Server) grantGuestAccess(c *call) (any, error) {
	return decided(c, s.contactgroups().GrantGuestAccess)
}

func (s *Server) deregister(c *call) (any, error) { return decided(c, s.contactgroups().Deregister) }

func (s *Server) createDraftPlan(c *call) (any, error) {
	return decided(c, plan.Rules{Catalog: s.Catalog}.CreateDraft)
}

// rectifyPlan rectifies the description of the plan version the path names.
func (s *Server) rectifyPlan(c *call) (any, error) {
	return decided(c, func(at dfdg.At, cit dfdg.Citizen, rf plan.Rectification) (dfdg.Decision, error) {
		rf.PlanVersion = c.r.PathValue("planVersionIdentifier")
		return plan.Rules{Catalog: s.Catalog}.Rectify(at, cit, rf)
	})
}

// endKontaktgruppe ends the membership the path names, at the body's sluttidspunkt or now.
func (s *Server) endKontaktgruppe(c *call) (any, error) {
	return decided(c, func(at dfdg.At, cit dfdg.Citizen, g contactgroup.GroupEnd) (dfdg.Decision, error) {
		g.ID = c.r.PathValue("kontaktgruppeIdentifier")
		return s.contactgroups().EndGroup(at, cit, g)
	})
}

// createFravaer registers an absence (CreateFravaer); from KSD it is sickness through KSD's feed,
// with rule 1.6's contact groups: an alias kept for one release, since KSD's service is SOAP.
func (s *Server) createFravaer(c *call) (any, error) {
	if c.actor.Kind == dfdg.ActorKSD {
		return decided(c, s.absences().ReportSick)
	}
	return decided(c, s.absences().Create)
}

// updateFravaer changes an absence; KSD giving an end date to an open absence is a recovery
// (raskmelding, rules 2.4 and 2.5).
func (s *Server) updateFravaer(c *call) (any, error) {
	var a dfdg.Absence
	if err := c.decode(&a); err != nil {
		return nil, err
	}
	a.ID = c.r.PathValue("id")
	return update(c, func(cit dfdg.Citizen) (dfdg.Decision, error) {
		if old, ok := cit.Absence(a.ID); ok && c.actor.Kind == dfdg.ActorKSD && old.Period.Open() && !a.Period.End.IsZero() {
			return s.absences().Recover(c.at(), cit, absence.Recovery{ID: a.ID, End: a.Period.End})
		}
		return s.absences().Update(c.at(), cit, a)
	})
}

func (s *Server) resumeFravaer(c *call) (any, error) {
	var empty struct{}
	if err := c.decode(&empty); err != nil {
		return nil, err
	}
	return update(c, func(cit dfdg.Citizen) (dfdg.Decision, error) {
		return s.absences().Resume(c.at(), cit, absence.Resumption{ID: c.r.PathValue("id")})
	})
}

func (s *Server) createAktivitet(c *call) (any, error) { return decided(c, s.activities().Create) }

func (s *Server) updateAktivitet(c *call) (any, error) {
	return decided(c, func(at dfdg.At, cit dfdg.Citizen, a dfdg.Activity) (dfdg.Decision, error) {
		a.ID = c.r.PathValue("id")
		return s.activities().Update(at, cit, a)
	})
}

func (s *Server) minPlan(c *call) (any, error) {
	cit, _ := s.Store.Get(c.cpr)
	return s.activities().MinPlan(c.at(), cit), nil
}

func (s *Server) deletionDate(c *call) (any, error) {
	var r gdpr.Record
	if err := c.decode(&r); err != nil {
		return nil, err
	}
	return gdpr.Rules{Catalog: s.Catalog}.DeletionDate(c.at(), r)
}

// seedBody is what DFDG learns of a citizen from other services: the jobcentre, the a-kasse and the
// plan, with the citizen's JSON names.
type seedBody struct {
	Jobcentre dfdg.Municipality `json:"jobcenter,omitempty"`
	Akasse    dfdg.Akasse       `json:"akasse,omitempty"`
	Plan      *dfdg.Plan        `json:"plan,omitempty"`
	Died      dfdg.Date         `json:"doedsdato,omitzero"`
}

// seed sets the citizen's jobcentre, a-kasse, plan and date of death.
func (s *Server) seed(c *call) (any, error) {
	var b seedBody
	if err := c.decode(&b); err != nil {
		return nil, err
	}
	if !s.Catalog.IsMunicipality(b.Jobcentre) {
		return nil, dfdgerrors.New(dfdgerrors.ErrInvalidMunicipality, "", "jobcenter", b.Jobcentre.String())
	}
	var out dfdg.Citizen
	err := s.store(c.cpr, func(cit dfdg.Citizen) (dfdg.Citizen, error) {
		cit.Jobcentre, cit.Akasse, cit.Plan, cit.Died = b.Jobcentre, b.Akasse, b.Plan, b.Died
		out = cit
		return cit, nil
	})
	return out, err
}

func (s *Server) getCitizen(c *call) (any, error) {
	cit, ok := s.Store.Get(c.cpr)
	if !ok {
		return nil, &statusError{http.StatusNotFound, dfdgerrors.New(dfdgerrors.ErrIDNotFound, "", "borger", "")}
	}
	return cit, nil
}

// feedBody is a recipient's messages after a number.
type feedBody struct {
	Messages []FeedItem `json:"beskeder"`
	Next     int        `json:"naeste"`
}

func (s *Server) feed(c *call) (any, error) {
	if !c.r.URL.Query().Has("til") {
		return nil, dfdgerrors.New(dfdgerrors.ErrMissingValue, "", "til", "").
			WithDetail("angiv modtageren: ?til=kommune%20101", "name the recipient: ?til=kommune%20101")
	}
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

// reset empties the test double: citizens, message queues and request ids. The limits stay.
func (s *Server) reset(c *call) (any, error) {
	s.Store.Reset()
	s.Feed.Reset()
	s.bytes.reset()
	s.requests.reset()
	return struct{}{}, nil
}
