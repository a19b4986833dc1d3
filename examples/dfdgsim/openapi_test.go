package main

import (
	"bytes"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"net/http"
	"os"
	"strings"
	"sync"
	"testing"

	"github.com/getkin/kin-openapi/openapi3"
	"github.com/getkin/kin-openapi/openapi3filter"
	"github.com/getkin/kin-openapi/routers"
	"github.com/getkin/kin-openapi/routers/gorillamux"
	"github.com/regelkit/dfdg/codelist"
	dfdgerrors "github.com/regelkit/dfdg/errors"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

var updateOpenAPI = flag.Bool("update-openapi", false, "write openapi.json from the route table")

// openapi.json is the description GET /openapi.json serves, checked in for teams that generate a
// client without running the test double; go test -update-openapi rewrites it.
func TestOpenAPIIsCheckedIn(t *testing.T) {
	text, err := openAPIText()
	require.NoError(t, err)
	if *updateOpenAPI {
		require.NoError(t, os.WriteFile("openapi.json", text, 0o644))
	}
	file, err := os.ReadFile("openapi.json")
	require.NoError(t, err)
	assert.Equal(t, string(text), string(file), "openapi.json is stale: go test -update-openapi")
}

// The description is a valid OpenAPI 3.1 document, by kin-openapi's reading of the specification,
// and describes every route the server serves with its DFDG operation.
func TestOpenAPIDocumentIsValid(t *testing.T) {
	spec := specDoc(t)
	require.True(t, spec.IsOpenAPI31OrLater())
	require.NoError(t, spec.Validate(openapi3.NewLoader().Context))

	var doc struct {
		OpenAPI string                               `json:"openapi"`
		Paths   map[string]map[string]map[string]any `json:"paths"`
	}
	text, err := openAPIText()
	require.NoError(t, err)
	require.NoError(t, json.Unmarshal(text, &doc))
	assert.Equal(t, "3.1.0", doc.OpenAPI)
	ops := map[string]bool{}
	for _, r := range (&Server{}).table() {
		op, ok := doc.Paths[strings.TrimSuffix(r.path, "{$}")][strings.ToLower(r.method)]
		require.True(t, ok, "%s %s is described", r.method, r.path)
		if r.op != "" {
			row, ok := op["x-dfdg-operation"].(map[string]any)
			require.True(t, ok, "%s %s carries its row of the operations table", r.method, r.path)
			assert.Equal(t, r.op, row["navn"])
			ops[r.op] = true
		}
	}
	// Every operation of the operations table has a route but those named here, with where the test
	// double answers them.
	notServed := map[string]string{
		"JobnetFravaer":  "Jobnet's own absences: POST /v1/Fravaer with x-aktoer Jobnet",
		"KSDSygemelding": "KSD's feed: POST /v1/Fravaer with x-aktoer KSD",
		"KSDRaskmelding": "KSD's feed: PUT /v1/Fravaer/{id} with x-aktoer KSD and an end date",
	}
	for _, o := range codelist.Operations() {
		if !ops[o.Name] {
			assert.Contains(t, notServed, o.Name, "operation %s has no route", o.Name)
		}
	}
}

// The test double serves the same description at /openapi.json.
func TestOpenAPIServed(t *testing.T) {
	c, _ := start(t)
	status, body := c.do(req{method: "GET", path: "/openapi.json"})
	require.Equal(t, http.StatusOK, status)
	var want map[string]any
	text, err := openAPIText()
	require.NoError(t, err)
	require.NoError(t, json.Unmarshal(text, &want))
	assert.Equal(t, want, body)
}

// The description's rejection reads an Error's JSON strictly: a field the errors package adds fails
// here.
func TestRejectionIsTheErrorsJSON(t *testing.T) {
	e := dfdgerrors.New(dfdgerrors.ErrCommentHTML, "2.1", "begrundelse", "<b>").WithDetail("da", "en")
	raw, err := json.Marshal(e)
	require.NoError(t, err)
	dec := json.NewDecoder(bytes.NewReader(raw))
	dec.DisallowUnknownFields()
	var b rejection
	require.NoError(t, dec.Decode(&b), "%s", raw)
	assert.Equal(t, rejection{Code: 4933, Reason: "CommentHTML", Rule: "2.1", Text: e.Kind().Danish(), TextEN: e.Kind().English(),
		Field: "begrundelse", Value: "<b>", Detail: "da", DetailEN: "en", Translated: []string{"tekst"}}, b)
}

// spec is the description as kin-openapi reads it, with a router over it, made once for the test
// binary.
var spec = sync.OnceValues(func() (*openapi3.T, error) {
	text, err := openAPIText()
	if err != nil {
		return nil, err
	}
	return openapi3.NewLoader().LoadFromData(text)
})

var specRouter = sync.OnceValues(func() (routers.Router, error) {
	doc, err := spec()
	if err != nil {
		return nil, err
	}
	return gorillamux.NewRouter(doc)
})

func specDoc(t testing.TB) *openapi3.T {
	t.Helper()
	doc, err := spec()
	require.NoError(t, err)
	return doc
}

// validationMu serialises the validation: kin-openapi's documentation does not promise concurrent use.
var validationMu sync.Mutex

// conforms checks a live exchange against the description: the response always, the request when the
// test double accepted it (a request it refuses may break the description, which is why it was
// refused). An answer to an address or method the test double does not serve is not described.
func conforms(t testing.TB, r *http.Request, reqBody []byte, resp *http.Response, respBody []byte) {
	t.Helper()
	if resp.StatusCode == http.StatusMethodNotAllowed || resp.StatusCode == http.StatusNotFound && bytes.Contains(respBody, []byte(`"felt":"sti"`)) {
		return
	}
	router, err := specRouter()
	require.NoError(t, err)
	rq := r.Clone(r.Context())
	rq.Body = io.NopCloser(bytes.NewReader(reqBody))
	// The test server listens on a port of its own; the description's server is the default address.
	rq.URL.Scheme, rq.URL.Host, rq.Host = "http", "127.0.0.1:8040", "127.0.0.1:8040"
	route, params, err := router.FindRoute(rq)
	if err != nil {
		t.Errorf("%s %s → %d: not in openapi.json: %v", r.Method, r.URL.Path, resp.StatusCode, err)
		return
	}
	validationMu.Lock()
	defer validationMu.Unlock()
	fail := func(what string, err error) {
		t.Errorf("%s %s → %d: the %s breaks openapi.json: %v\nrequest: %s\nresponse: %s", r.Method, r.URL.Path, resp.StatusCode, what, err, reqBody, respBody)
	}
	opts := &openapi3filter.Options{MultiError: true, IncludeResponseStatus: true, AuthenticationFunc: openapi3filter.NoopAuthenticationFunc}
	in := &openapi3filter.RequestValidationInput{Request: rq, PathParams: params, Route: route, Options: opts}
	ok := true
	if resp.StatusCode/100 == 2 {
		if err := openapi3filter.ValidateRequest(rq.Context(), in); err != nil {
			fail("request", err)
			ok = false
		}
	}
	out := &openapi3filter.ResponseValidationInput{RequestValidationInput: in, Status: resp.StatusCode, Header: resp.Header, Options: opts}
	out.SetBodyBytes(respBody)
	if err := openapi3filter.ValidateResponse(rq.Context(), out); err != nil {
		fail("response", err)
		ok = false
	}
	if _, pattern := routeMux().Handler(r); ok && resp.StatusCode/100 == 2 {
		validatedMu.Lock()
		validated[pattern] = true
		validatedMu.Unlock()
	}
}

// validated holds the route patterns of the accepted exchanges conforms found valid.
var (
	validatedMu sync.Mutex
	validated   = map[string]bool{}
)

// routeMux matches a request to its route's pattern.
var routeMux = sync.OnceValue(func() *http.ServeMux {
	m := http.NewServeMux()
	for _, r := range (&Server{}).table() {
		m.Handle(r.method+" "+r.path, http.NotFoundHandler())
	}
	return m
})

// TestMain runs the tests, and after a whole run (no -run) requires that every route was called
// and accepted at least once through the validating client: a route the tests never accept is a
// route whose description nothing checks.
func TestMain(m *testing.M) {
	flag.Parse()
	code := m.Run()
	if code == 0 && flag.Lookup("test.run").Value.String() == "" && !testing.Short() {
		var missing []string
		for _, r := range (&Server{}).table() {
			if !validated[r.method+" "+r.path] {
				missing = append(missing, r.method+" "+r.path)
			}
		}
		if len(missing) > 0 {
			fmt.Fprintf(os.Stderr, "FAIL: no accepted call validated against openapi.json for:\n  %s\n", strings.Join(missing, "\n  "))
			code = 1
		}
	}
	os.Exit(code)
}

// conforms reports an answer the description does not allow: an extra property, a string for a
// number, an undeclared status.
func TestConformsCatchesADrift(t *testing.T) {
	for name, tc := range map[string]struct {
		status int
		body   string
	}{
		"an extra property":              {200, `{"status":"ok","extra":1}`},
		"a number as string":             {200, `{"status":1}`},
		"an undeclared status":           {418, `{"status":"ok"}`},
		"a rejection without its reason": {400, `{"tekst":"x","tekstEn":"x"}`},
	} {
		rec := &recordingTB{TB: t}
		r, err := http.NewRequest("GET", "http://127.0.0.1:8040/healthz", nil)
		require.NoError(t, err)
		resp := &http.Response{StatusCode: tc.status, Header: http.Header{"Content-Type": {"application/json"}}}
		conforms(rec, r, nil, resp, []byte(tc.body))
		assert.True(t, rec.failed, name)
	}
	rec := &recordingTB{TB: t}
	r, _ := http.NewRequest("GET", "http://127.0.0.1:8040/healthz", nil)
	conforms(rec, r, nil, &http.Response{StatusCode: 200, Header: http.Header{"Content-Type": {"application/json"}}}, []byte(`{"status":"ok"}`))
	assert.False(t, rec.failed, "the answer as described")
}

// recordingTB is a testing.TB whose Errorf records a failure instead of failing the test.
type recordingTB struct {
	testing.TB
	failed bool
}

func (r *recordingTB) Errorf(string, ...any) { r.failed = true }
func (r *recordingTB) Helper()               {}

// The calls the other tests make at other paths, accepted once each, so that every route's accepted
// request and answer are validated against the description (TestMain).
func TestEveryRouteAnswersAsDescribed(t *testing.T) {
	c, _ := start(t)
	c.seed(cpr1, map[string]any{"jobcenter": 101, "akasse": "ak-1"})
	now := "2025-09-15T09:00:00+02:00"
	ok := func(method, path, actor, at string, body any) map[string]any {
		t.Helper()
		status, answer := c.do(req{method: method, path: path, cpr: cpr1, now: at, actor: actor, body: body})
		require.Equal(t, http.StatusOK, status, "%s %s: %v", method, path, answer)
		return answer
	}
	ok("POST", "/v1/Tilmelding", "", now, map[string]any{"tilmeldingIdentifier": "reg-1", "klientKategori": 2, "kontaktgruppeType": 1})
	ok("POST", "/v1/Personkategori", "", now, map[string]any{"personkategoriIdentifier": "pk-1", "personkategori": 1})
	ok("POST", "/v1/Frist", "", now, map[string]any{"fristId": "f-1", "samtaletype": 17, "fristdato": "2025-10-15"})
	ok("POST", "/v1/Indkaldelse/ind-1", "", now, map[string]any{"samtaletype": 7, "moedeStarttidspunkt": "2025-09-22T10:00:00+02:00"})
	ok("PUT", "/v1/Indkaldelse/ind-1", "", now, map[string]any{"samtaletype": 7, "moedeStarttidspunkt": "2025-09-23T10:00:00+02:00"})
	ok("POST", "/v2/Indkaldelse/myndighedsdeltager/md-1", "", now,
		map[string]any{"indkaldelseIdentifier": "ind-1", "navn": "Anna Jensen", "kontaktdetaljer": "a-kasse ak-1", "telefonnummer": "+4512345678"})
	ok("POST", "/v1/Gaesteadgang", "kommune 147", now, map[string]any{"gaesteadgangskommentar": "opfølgning på praktik"})
	ok("POST", "/v1/Sygemelding", "", now, map[string]any{"fravaerIdentifier": "fr-1", "fravaerType": 11,
		"periode": map[string]any{"startdato": "2025-09-15"}, "anmeldelsesdato": "2025-09-15"})
	ok("PUT", "/v1/sygemelding/action/Raskmeld/fr-1", "", "2025-09-20T10:00:00+02:00", map[string]any{"slutdato": "2025-09-19"})
	ok("POST", "/v1/Fravaer/fr-1/genoptagelse", "KSD", "2025-09-22T10:00:00+02:00", map[string]any{})
}
