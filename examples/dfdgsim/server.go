package main

import (
	"bytes"
	"encoding/json"
	"errors"
	"io"
	"mime"
	"net/http"
	"path"
	"strconv"
	"strings"
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

// Limits bound what the test double holds, so that a long test run or a stream of bad requests
// cannot grow it without end. A test suite sets them on the Server or with dfdgsim's flags, and
// empties the test double with DELETE /sim. A request that would pass a limit answers 507 and changes
// nothing; a zero field takes its default.
type Limits struct {
	// Citizens is the most citizens held (default 10,000).
	Citizens int
	// Records is the most records one citizen holds, all kinds together (default 1,000).
	Records int
	// Messages is the most messages queued per recipient; the oldest are dropped (default 10,000).
	Messages int
	// Recipients is the most recipients with a queue (default 1,000).
	Recipients int
	// RequestIDs is the most x-requestIds remembered; the oldest is forgotten first (default 100,000).
	RequestIDs int
	// RequestIDAge is how long an x-requestId is remembered (default 7 days, as DFDG documents).
	RequestIDAge time.Duration
	// CitizenBytes is the most bytes one citizen takes, as JSON (default 4 MiB); TotalBytes the most
	// all citizens take together (default 128 MiB). Records count, but a record of a 60 KB
	// description is not a record of an id: bytes bound what the memory holds.
	CitizenBytes, TotalBytes int64
}

// DefaultLimits are the limits a zero field takes.
var DefaultLimits = Limits{Citizens: 10_000, Records: 1_000, Messages: 10_000, Recipients: 1_000, RequestIDs: 100_000,
	RequestIDAge: 7 * 24 * time.Hour, CitizenBytes: 4 << 20, TotalBytes: 128 << 20}

// or returns l with each zero field taken from d.
func (l Limits) or(d Limits) Limits {
	pick := func(v, d int) int {
		if v > 0 {
			return v
		}
		return d
	}
	l.Citizens, l.Records, l.Messages = pick(l.Citizens, d.Citizens), pick(l.Records, d.Records), pick(l.Messages, d.Messages)
	l.Recipients, l.RequestIDs = pick(l.Recipients, d.Recipients), pick(l.RequestIDs, d.RequestIDs)
	if l.RequestIDAge <= 0 {
		l.RequestIDAge = d.RequestIDAge
	}
	if l.CitizenBytes <= 0 {
		l.CitizenBytes = d.CitizenBytes
	}
	if l.TotalBytes <= 0 {
		l.TotalBytes = d.TotalBytes
	}
	return l
}

// Server is the test double: DFDG's rules over HTTP, with citizens kept in a Store and the messages
// the decisions cause queued in a Feed.
type Server struct {
	Store   Store
	Feed    *Feed
	Catalog *codelist.Catalog
	// Now is the clock; HeaderNow overrides it per request, but not for how long request ids are kept.
	Now func() time.Time
	// MaxBody is the largest request body accepted, in bytes.
	MaxBody int64
	// Limits bound what the Server holds.
	Limits Limits

	requests   *requestIDs
	mux        *http.ServeMux
	newCitizen sync.Mutex // held while a citizen the Store does not hold is added (Server.store)
	bytes      byteCount
}

// byteCount is what the citizens take as JSON, each and in all.
type byteCount struct {
	mu    sync.Mutex
	each  map[dfdg.CPR]int64
	total int64
}

// reserve records that the citizen cpr takes n bytes, unless that would pass the total: then it
// reports false and records nothing.
func (b *byteCount) reserve(cpr dfdg.CPR, n, max int64) bool {
	b.mu.Lock()
	defer b.mu.Unlock()
	if b.each == nil {
		b.each = map[dfdg.CPR]int64{}
	}
	total := b.total - b.each[cpr] + n
	if total > max && n > b.each[cpr] {
		return false
	}
	b.total, b.each[cpr] = total, n
	return true
}

// of returns what the citizen cpr takes, as last recorded.
func (b *byteCount) of(cpr dfdg.CPR) int64 {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.each[cpr]
}

func (b *byteCount) reset() {
	b.mu.Lock()
	defer b.mu.Unlock()
	b.each, b.total = nil, 0
}

// NewServer returns a Server over store with the embedded code lists, the real clock and the
// default limits.
func NewServer(store Store) *Server {
	s := &Server{Store: store, Feed: NewFeed(), Now: time.Now, MaxBody: 64 << 10, Limits: DefaultLimits, requests: newRequestIDs()}
	s.routes()
	return s
}

// ServeHTTP serves r. A path that is not clean (".", "..", "//") is no route: ServeMux would redirect
// it with an HTML body, where a client of DFDG's REST services expects JSON.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	// A path must be clean; one trailing slash is allowed, since DFDG documents
	// CreateGaesteadgang as POST /v1/Gaesteadgang/.
	if p := r.URL.Path; p == "" || path.Clean(p) != p && path.Clean(p)+"/" != p {
		writeError(w, &statusError{http.StatusNotFound, dfdgerrors.New(dfdgerrors.ErrRecordNotFound, "", "sti", p).
			WithDetail("ukendt adresse", "unknown route")})
		return
	}
	s.mux.ServeHTTP(w, r)
}

// limits returns the Server's limits with defaults for zero fields.
func (s *Server) limits() Limits { return s.Limits.or(DefaultLimits) }

// call is one request being served.
type call struct {
	s     *Server
	w     http.ResponseWriter
	r     *http.Request
	cpr   dfdg.CPR
	actor dfdg.Actor
	now   time.Time
}

// statusError is an error answered with a status other than 400.
type statusError struct {
	status int
	err    *dfdgerrors.Error
}

func (e *statusError) Error() string { return e.err.Error() }
func (e *statusError) Unwrap() error { return e.err }

// full is the answer to a request that would pass one of the Limits.
func full(field dfdgerrors.Path, da, en string) error {
	return &statusError{http.StatusInsufficientStorage, dfdgerrors.New(dfdgerrors.ErrInvalidState, "", field, "").
		WithDetail(da+"; DELETE /sim tømmer testdoublen", en+"; DELETE /sim empties the test double")}
}

// handler adapts a function that serves a call; it reads the headers every DFDG call has first. An
// x-requestId is spent only when the call succeeds.
func (s *Server) handler(needsCPR bool, defaultActor func(c *call) dfdg.Actor, serve func(c *call) (any, error)) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		c := &call{s: s, w: w, r: r}
		if needsCPR {
			cpr, err := dfdg.ParseCPR(r.Header.Get(HeaderCPR))
			if err != nil {
				writeError(w, err)
				return
			}
			c.cpr = cpr
		}
		c.now = s.Now()
		if v := r.Header.Get(HeaderNow); v != "" {
			t, err := time.Parse(time.RFC3339, v)
			if err != nil {
				writeError(w, invalid(HeaderNow, "skriv tidspunktet som RFC 3339", "write the instant as RFC 3339"))
				return
			}
			c.now = t
		}
		if v := r.Header.Get(HeaderActor); v != "" {
			a, err := dfdg.ParseActor(v)
			if err != nil {
				writeError(w, err)
				return
			}
			c.actor = a
		} else if defaultActor != nil {
			c.actor = defaultActor(c)
		}
		id := r.Header.Get(HeaderRequestID)
		if id != "" {
			if len(id) > maxRequestID {
				writeError(w, invalid(HeaderRequestID, "x-requestId må højst være 46 tegn", "x-requestId may be at most 46 characters"))
				return
			}
			if !s.requests.reserve(id, s.Now(), s.limits().RequestIDAge) {
				writeError(w, &statusError{http.StatusPreconditionFailed, dfdgerrors.New(dfdgerrors.ErrInvalidState, "", HeaderRequestID, id).
					WithDetail("x-requestId er allerede brugt", "x-requestId has been used before")})
				return
			}
		}
		body, err := serve(c)
		if id != "" {
			if err != nil {
				s.requests.release(id)
			} else {
				s.requests.commit(id, s.Now(), s.limits().RequestIDs)
			}
		}
		if err != nil {
			writeError(w, err)
			return
		}
		if b, ok := body.(staticJSON); ok {
			w.Header().Set("Content-Type", "application/json; charset=utf-8")
			_, _ = w.Write(b)
			return
		}
		writeJSON(w, http.StatusOK, body)
	}
}

// decode reads the JSON body into v, the library's own type for the command, strictly: a content
// type other than JSON, an unknown field, a value of the wrong type or a body over the limit is an
// error naming the field.
func (c *call) decode(v any) error {
	if !isJSON(c.r.Header.Get("Content-Type")) {
		return &statusError{http.StatusUnsupportedMediaType, dfdgerrors.New(dfdgerrors.ErrInvalidValue, "", "Content-Type", c.r.Header.Get("Content-Type")).
			WithDetail("send kroppen som application/json", "send the body as application/json")}
	}
	data, err := io.ReadAll(http.MaxBytesReader(c.w, c.r.Body, c.s.MaxBody))
	if err != nil {
		var tooLarge *http.MaxBytesError
		if errors.As(err, &tooLarge) {
			return &statusError{http.StatusRequestEntityTooLarge, invalid("body", "forespørgslen er større end "+strconv.FormatInt(tooLarge.Limit, 10)+" byte",
				"the request is larger than "+strconv.FormatInt(tooLarge.Limit, 10)+" bytes")}
		}
		return invalid("body", "kroppen kunne ikke læses", "the body could not be read")
	}
	if err := jsonx.Decode(data, v); err != nil {
		var je *jsonx.Error
		path := dfdgerrors.Path("body")
		if errors.As(err, &je) && je.Path != "" {
			path = dfdgerrors.Path(je.Path)
		}
		if e, ok := dfdgerrors.As(err); ok {
			return e.WithField(path, e.Value())
		}
		return invalid(path, "ugyldig JSON: "+je.Err.Error(), "malformed JSON: "+je.Err.Error())
	}
	return nil
}

// isJSON reports whether the content type is application/json or a +json type.
func isJSON(contentType string) bool {
	t, _, err := mime.ParseMediaType(contentType)
	return err == nil && (t == "application/json" || strings.HasPrefix(t, "application/") && strings.HasSuffix(t, "+json"))
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
	return dfdgerrors.New(dfdgerrors.ErrInvalidValue, "", field, "").WithDetail(da, en)
}

// writeJSON answers with v as JSON, with anything shaped like a CPR number masked in every string:
// a caller may put one in a description or an id, and the test double never writes one back (what it
// stores keeps what was sent).
func writeJSON(w http.ResponseWriter, status int, v any) {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		http.Error(w, `{"aarsag":"InternalError"}`, http.StatusInternalServerError) // a bug: FuzzHandlers looks for it
		return
	}
	if text := buf.String(); dfdg.MaskCPR(text) != text {
		// Mask the strings, not the JSON text: a number of ten digits is no CPR number, and an escape
		// (\u0026) can put digits side by side that are not side by side in the value.
		var decoded any
		dec := json.NewDecoder(strings.NewReader(text))
		dec.UseNumber()
		if err := dec.Decode(&decoded); err != nil {
			http.Error(w, `{"aarsag":"InternalError"}`, http.StatusInternalServerError)
			return
		}
		buf.Reset()
		_ = enc.Encode(maskStrings(decoded))
	}
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.WriteHeader(status)
	_, _ = w.Write(buf.Bytes())
}

// maskStrings returns decoded JSON with MaskCPR applied to every string, keys included.
func maskStrings(v any) any {
	switch v := v.(type) {
	case string:
		return dfdg.MaskCPR(v)
	case []any:
		for i, e := range v {
			v[i] = maskStrings(e)
		}
	case map[string]any:
		out := make(map[string]any, len(v))
		for k, e := range v {
			out[dfdg.MaskCPR(k)] = maskStrings(e)
		}
		return out
	}
	return v
}

// writeError answers as DFDG does: the status (400 unless err says another), and a JSON body with
// the code (when DFDG has one), the reason, the Danish text and the rule.
func writeError(w http.ResponseWriter, err error) {
	status := http.StatusBadRequest
	var se *statusError
	if errors.As(err, &se) {
		status = se.status
	}
	e, ok := dfdgerrors.As(err)
	if !ok {
		e = invalid("", err.Error(), err.Error())
	}
	writeJSON(w, status, e)
}
