package main

import (
	"encoding/json"
	"errors"
	"io"
	"net/http"
	"strconv"
	"sync"
	"time"

	"github.com/regelkit/dfdg"
	"github.com/regelkit/dfdg/absence"
	"github.com/regelkit/dfdg/activity"
	"github.com/regelkit/dfdg/codelist"
	"github.com/regelkit/dfdg/contactgroup"
	dfdgerrors "github.com/regelkit/dfdg/errors"
	"github.com/regelkit/dfdg/internal/jsonx"
)

// Headers the test double reads.
const (
	// HeaderCPR carries the citizen's CPR number, as DFDG's REST services take it.
	HeaderCPR = "x-civilRegistrationIdentifier"
	// HeaderRequestID is the request's id; a repeated id answers 412, as DFDG does.
	HeaderRequestID = "x-requestId"
	// HeaderActor says who acts: "kommune 101", "a-kasse ak-1", "KY", "KSD", "STAR" or "Jobnet". DFDG
	// takes this from the caller's credentials; the test double takes it from this header.
	HeaderActor = "x-aktoer"
	// HeaderNow sets the request's "now" (RFC 3339), so that a test can play a story in time.
	HeaderNow = "x-sim-nu"
)

// maxRequestID is the longest x-requestId DFDG accepts.
const maxRequestID = 46

// Server is the test double: DFDG's rules over HTTP, with citizens kept in a Store and the messages
// the decisions cause queued in a Feed.
type Server struct {
	Store   Store
	Feed    *Feed
	Catalog *codelist.Catalog
	// Now is the clock; HeaderNow overrides it per request.
	Now func() time.Time
	// MaxBody is the largest request body accepted, in bytes.
	MaxBody int64

	requests *seenIDs
	mux      *http.ServeMux
}

// NewServer returns a Server over store with the embedded code lists and the real clock.
func NewServer(store Store) *Server {
	s := &Server{Store: store, Feed: NewFeed(), Now: time.Now, MaxBody: 64 << 10, requests: newSeenIDs(100_000)}
	s.routes()
	return s
}

func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) { s.mux.ServeHTTP(w, r) }

// call is one request being served.
type call struct {
	s     *Server
	w     http.ResponseWriter
	r     *http.Request
	cpr   dfdg.CPR
	actor dfdg.Actor
	now   time.Time
}

// handler adapts a function that serves a call; it reads the headers every DFDG call has first.
func (s *Server) handler(needsCPR bool, defaultActor func(c *call) dfdg.Actor, serve func(c *call) (any, error)) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		c := &call{s: s, w: w, r: r}
		if id := r.Header.Get(HeaderRequestID); id != "" {
			if len(id) > maxRequestID {
				writeError(w, http.StatusBadRequest, invalid(HeaderRequestID, "x-requestId må højst være 46 tegn", "x-requestId may be at most 46 characters"))
				return
			}
			if !s.requests.add(id) {
				writeError(w, http.StatusPreconditionFailed, dfdgerrors.New(dfdgerrors.ErrInvalidState).WithField(HeaderRequestID, id).
					WithDetail("x-requestId er allerede brugt", "x-requestId has been used before"))
				return
			}
		}
		if needsCPR {
			cpr, err := dfdg.ParseCPR(r.Header.Get(HeaderCPR))
			if err != nil {
				writeError(w, http.StatusBadRequest, err)
				return
			}
			c.cpr = cpr
		}
		c.now = s.Now()
		if v := r.Header.Get(HeaderNow); v != "" {
			t, err := time.Parse(time.RFC3339, v)
			if err != nil {
				writeError(w, http.StatusBadRequest, invalid(HeaderNow, "skriv tidspunktet som RFC 3339", "write the instant as RFC 3339"))
				return
			}
			c.now = t
		}
		if v := r.Header.Get(HeaderActor); v != "" {
			a, err := dfdg.ParseActor(v)
			if err != nil {
				writeError(w, http.StatusBadRequest, err)
				return
			}
			c.actor = a
		} else if defaultActor != nil {
			c.actor = defaultActor(c)
		}
		body, err := serve(c)
		if err != nil {
			status := http.StatusBadRequest
			var tooLarge *http.MaxBytesError
			if errors.As(err, &tooLarge) {
				status = http.StatusRequestEntityTooLarge
			}
			writeError(w, status, err)
			return
		}
		writeJSON(w, http.StatusOK, body)
	}
}

// decode reads the JSON body into v, the library's own type for the command, strictly: an unknown
// field, a value of the wrong type or a body over the limit is an error naming the field.
func (c *call) decode(v any) error {
	data, err := io.ReadAll(http.MaxBytesReader(c.w, c.r.Body, c.s.MaxBody))
	if err != nil {
		return err
	}
	if err := jsonx.Decode(data, v); err != nil {
		var je *jsonx.Error
		path := dfdgerrors.Path("body")
		if errors.As(err, &je) && je.Path != "" {
			path = dfdgerrors.Path(je.Path)
		}
		if e, ok := dfdgerrors.As(err); ok {
			return dfdgerrors.New(e.Kind()).WithRule(e.Rule()).WithField(path, e.Value()).WithDetail(e.Detail(), e.DetailEN())
		}
		return invalid(path, "ugyldig JSON: "+je.Err.Error(), "malformed JSON: "+je.Err.Error())
	}
	return nil
}

// at is the call's context for the rules.
func (c *call) at() dfdg.At { return dfdg.At{Now: c.now, By: c.actor} }

// jobcentre is the actor by default: the citizen's own municipality.
func jobcentre(c *call) dfdg.Actor {
	cit, _ := c.s.Store.Get(c.cpr)
	return dfdg.MunicipalityActor(cit.Jobcentre)
}

func (s *Server) contactgroups() contactgroup.Rules { return contactgroup.Rules{Catalog: s.Catalog} }
func (s *Server) absences() absence.Rules           { return absence.Rules{Catalog: s.Catalog} }
func (s *Server) activities() activity.Rules        { return activity.Rules{Catalog: s.Catalog} }

func system(k dfdg.ActorKind) func(*call) dfdg.Actor {
	return func(*call) dfdg.Actor { return dfdg.SystemActor(k) }
}

func invalid(field dfdgerrors.Path, da, en string) *dfdgerrors.Error {
	return dfdgerrors.New(dfdgerrors.ErrInvalidValue).WithField(field, "").WithDetail(da, en)
}

func writeJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.WriteHeader(status)
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	_ = enc.Encode(v)
}

// writeError answers as DFDG does: the status, and a JSON body with the code (when DFDG has one),
// the reason, the Danish text and the rule.
func writeError(w http.ResponseWriter, status int, err error) {
	e, ok := dfdgerrors.As(err)
	if !ok {
		var tooLarge *http.MaxBytesError
		if errors.As(err, &tooLarge) {
			e = invalid("body", "forespørgslen er større end "+strconv.FormatInt(tooLarge.Limit, 10)+" byte",
				"the request is larger than "+strconv.FormatInt(tooLarge.Limit, 10)+" bytes")
		} else {
			e = invalid("", err.Error(), err.Error())
		}
	}
	writeJSON(w, status, e)
}

// seenIDs remembers the last n request ids.
type seenIDs struct {
	mu   sync.Mutex
	set  map[string]struct{}
	ring []string
	next int
}

func newSeenIDs(n int) *seenIDs {
	return &seenIDs{set: make(map[string]struct{}, n), ring: make([]string, n)}
}

// add records id and reports whether it was new.
func (s *seenIDs) add(id string) bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	if _, dup := s.set[id]; dup {
		return false
	}
	if old := s.ring[s.next]; old != "" {
		delete(s.set, old)
	}
	s.ring[s.next] = id
	s.next = (s.next + 1) % len(s.ring)
	s.set[id] = struct{}{}
	return true
}
