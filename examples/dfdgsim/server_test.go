package main

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"testing/fstest"
	"time"

	"github.com/regelkit/dfdg"
	"github.com/regelkit/dfdg/codelist"
	"github.com/regelkit/dfdg/contactgroup"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// client talks to a test double through a real listener on loopback.
type client struct {
	t   testing.TB
	url string
	hc  *http.Client
	// unchecked leaves out the validation against openapi.json (conforms), for the load runs, which
	// measure the server, not the validator.
	unchecked bool
}

func start(t testing.TB) (*client, *Server) {
	s := NewServer(NewMemoryStore())
	s.Now = func() time.Time { return time.Date(2025, 9, 15, 9, 0, 0, 0, time.UTC) }
	ts := httptest.NewServer(s)
	t.Cleanup(ts.Close)
	return &client{t: t, url: ts.URL, hc: ts.Client()}, s
}

type req struct {
	method, path string
	cpr, actor   string
	now          string
	requestID    string
	body         any
}

// do sends r and returns the status and the decoded JSON body.
func (c *client) do(r req) (int, map[string]any) {
	c.t.Helper()
	var body io.Reader
	switch b := r.body.(type) {
	case nil:
	case string:
		body = strings.NewReader(b)
	default:
		raw, err := json.Marshal(b)
		require.NoError(c.t, err)
		body = bytes.NewReader(raw)
	}
	hr, err := http.NewRequest(r.method, c.url+r.path, body)
	require.NoError(c.t, err)
	if r.cpr != "" {
		hr.Header.Set(HeaderCPR, r.cpr)
	}
	if r.actor != "" {
		hr.Header.Set(HeaderActor, r.actor)
	}
	if r.now != "" {
		hr.Header.Set(HeaderNow, r.now)
	}
	if r.requestID != "" {
		hr.Header.Set(HeaderRequestID, r.requestID)
	}
	if body != nil {
		hr.Header.Set("Content-Type", "application/json")
	}
	var sent []byte
	if body != nil {
		sent, _ = io.ReadAll(body)
		hr.Body = io.NopCloser(bytes.NewReader(sent))
	}
	resp, err := c.hc.Do(hr)
	require.NoError(c.t, err)
	defer resp.Body.Close()
	raw, err := io.ReadAll(resp.Body)
	require.NoError(c.t, err)
	if !c.unchecked {
		conforms(c.t, hr, sent, resp, raw)
	}
	var out map[string]any
	if len(raw) > 0 {
		require.NoError(c.t, json.Unmarshal(raw, &out), "the body is JSON: %s", raw)
	}
	return resp.StatusCode, out
}

// feed returns the messages queued for to, as "Name Change om ID".
func (c *client) feed(to string) []string {
	c.t.Helper()
	status, body := c.do(req{method: "GET", path: "/sim/beskeder?til=" + url.QueryEscape(to)})
	require.Equal(c.t, http.StatusOK, status, body)
	var out []string
	for _, item := range body["beskeder"].([]any) {
		m := item.(map[string]any)["besked"].(map[string]any)
		out = append(out, fmt.Sprintf("%s %s om %s", m["navn"], m["aendringstype"], m["om"].(map[string]any)["id"]))
	}
	return out
}

const cpr1 = "070761-4286"

func (c *client) seed(cpr string, body map[string]any) {
	c.t.Helper()
	status, out := c.do(req{method: "PUT", path: "/sim/borger", cpr: cpr, body: body})
	require.Equal(c.t, http.StatusOK, status, out)
}

// Section 1: contact groups through CreateKontaktgruppe's endpoint, with rules 1.4 and 1.5.
func TestSection1ContactGroup(t *testing.T) {
	c, _ := start(t)
	c.seed(cpr1, map[string]any{"jobcenter": 101})

	status, body := c.do(req{method: "POST", path: "/v1/PersonVisitering/kontaktgruppe", cpr: cpr1, now: "2025-07-01T08:00:00+02:00",
		body: map[string]any{"kontaktgruppeIdentifier": "kg-26", "KontaktgruppeType": 26}})
	assert.Equal(t, http.StatusBadRequest, status)
	assert.Equal(t, "InactiveCode", body["aarsag"])
	assert.Equal(t, "1.4", body["regel"])
	assert.Equal(t, "kontaktgruppeType", body["felt"])

	status, body = c.do(req{method: "POST", path: "/v1/PersonVisitering/kontaktgruppe", cpr: cpr1, now: "2025-07-01T08:00:00+02:00",
		body: map[string]any{"kontaktgruppeIdentifier": "kg-1", "kontaktgruppeType": 1, "starttidspunkt": "2025-06-01T08:00:00+02:00"}})
	require.Equal(t, http.StatusBadRequest, status, body)
	assert.EqualValues(t, 4703, body["kode"], "CreateKontaktgruppe: Startdatoen skal være i dag")
	assert.Equal(t, "Startdatoen skal være i dag", body["tekst"])
	assert.Equal(t, []any{"tekstEn"}, body["oversat"], "the English text is the library's")
	status, body = c.do(req{method: "POST", path: "/v1/PersonVisitering/kontaktgruppe", cpr: cpr1, now: "2025-07-01T08:00:00+02:00",
		body: map[string]any{"kontaktgruppeIdentifier": "kg-1", "kontaktgruppeType": 1, "starttidspunkt": "2025-07-01T00:00:00+02:00"}})
	require.Equal(t, http.StatusOK, status, body)
	ms := body["kontaktgrupper"].([]any)
	assert.Equal(t, "2025-07-01T00:00:00+02:00", ms[0].(map[string]any)["post"].(map[string]any)["starttidspunkt"], "00:00 today is today, and taken")
	assert.Nil(t, body["tilsidesatTidspunkt"], "nothing overridden")
	assert.Equal(t, []string{"Kontaktgruppe.WSB Oprettelse om kg-1"}, c.feed("kommune 101"))

	status, body = c.do(req{method: "POST", path: "/v1/PersonVisitering/kontaktgruppe", cpr: cpr1, now: "2025-07-02T08:00:00+02:00",
		body: map[string]any{"kontaktgruppeIdentifier": "kg-2", "kontaktgruppeType": 8}})
	assert.Equal(t, http.StatusBadRequest, status)
	assert.EqualValues(t, 4644, body["kode"], "a citizen in a contact group")
	assert.Equal(t, "Borger har allerede en åben kontaktgruppe", body["tekst"])
}

// Section 2: KSD's sickness, recovery and a 1003.
func TestSection2Sickness(t *testing.T) {
	c, _ := start(t)
	c.seed(cpr1, map[string]any{"jobcenter": 101})
	status, body := c.do(req{method: "POST", path: "/v1/Fravaer", cpr: cpr1, actor: "KSD", now: "2025-09-15T11:00:00+02:00",
		body: map[string]any{"fravaerIdentifier": "fr-1", "fravaerType": 11, "periode": map[string]any{"startdato": "2025-09-01"}}})
	require.Equal(t, http.StatusOK, status, body)
	assert.ElementsMatch(t, []any{"1.6", "2.5"}, body["regler"])
	kg24 := "kontaktgruppe-20250915T090000Z-2" // the ids the test double derives from now: group 8's is -1
	assert.Equal(t, []string{"Fravaer.WSB Oprettelse om fr-1", "Kontaktgruppe.WSB Oprettelse om " + kg24}, c.feed("kommune 101"), "none for group 8")

	status, body = c.do(req{method: "PUT", path: "/v1/Fravaer/fr-1", cpr: cpr1, actor: "KSD", now: "2025-10-01T08:00:00+02:00",
		body: map[string]any{"fravaerType": 11, "periode": map[string]any{"startdato": "2025-09-01", "slutdato": "2025-09-30"}}})
	require.Equal(t, http.StatusOK, status, body)
	assert.Equal(t, []string{"Fravaer.WSB Oprettelse om fr-1", "Kontaktgruppe.WSB Oprettelse om " + kg24,
		"Fravaer.WSB Opdatering om fr-1", "Kontaktgruppe.WSB Opdatering om " + kg24}, c.feed("kommune 101"), "one Fravaer.WSB at recovery")

	status, body = c.do(req{method: "POST", path: "/v1/Fravaer", cpr: cpr1, now: "2025-10-02T08:00:00+02:00",
		body: map[string]any{"fravaerIdentifier": "fr-2", "fravaerType": 1, "periode": map[string]any{"startdato": "2025-10-05", "slutdato": "2025-10-04"}}})
	assert.Equal(t, http.StatusBadRequest, status)
	assert.EqualValues(t, 1003, body["kode"])
	assert.Equal(t, "Den angivne varighed er negativ, startdato er større end slutdato", body["tekst"])

	status, body = c.do(req{method: "GET", path: "/sim/borger", cpr: cpr1})
	require.Equal(t, http.StatusOK, status)
	assert.Len(t, body["fravaer"], 1)
	assert.Len(t, body["kontaktgrupper"], 2)
}

// Section 3: 110016, a guest-access update and Min plan.
func TestSection3Activities(t *testing.T) {
	c, _ := start(t)
	c.seed(cpr1, map[string]any{"jobcenter": 101, "akasse": "ak-1"})
	status, _ := c.do(req{method: "POST", path: "/v1/PersonVisitering/kontaktgruppe", cpr: cpr1, now: "2025-09-01T08:00:00+02:00",
		body: map[string]any{"kontaktgruppeIdentifier": "kg-1", "kontaktgruppeType": 1}})
	require.Equal(t, http.StatusOK, status)
	praktik := map[string]any{"aktivitetIdentifier": "a-1", "aktivitetstype": 40, "virksomhedsrettet": true, "beskrivelse": "Virksomhedspraktik",
		"periode": map[string]any{"startdato": "2025-10-01", "slutdato": "2025-11-30"}, "timerPrUge": 25.5, "jobtilbudType": 1,
		"virksomhed":          map[string]any{"cvr": "12345678", "navn": "Bageriet ApS"},
		"stillingsbetegnelse": map[string]any{"navn": "Bagermedhjælper", "alias": "Hjælper i bageri"}}

	status, body := c.do(req{method: "POST", path: "/v1/Aktivitet", cpr: cpr1, body: praktik})
	assert.Equal(t, http.StatusBadRequest, status)
	assert.EqualValues(t, 110016, body["kode"])
	assert.Equal(t, "Plantype mangler eller er forkert ved oprettelse af aktivitet for dagpengemodtager", body["tekst"])
	assert.Equal(t, "3.1", body["regel"])

	c.seed(cpr1, map[string]any{"jobcenter": 101, "akasse": "ak-1", "plan": map[string]any{"planIdentifier": "p-1", "plantype": "Jobplan"}})
	status, body = c.do(req{method: "POST", path: "/v1/Aktivitet", cpr: cpr1, body: praktik})
	require.Equal(t, http.StatusOK, status, body)
	assert.Equal(t, []string{"AktivitetAkasse.WSB Oprettelse om a-1"}, c.feed("a-kasse ak-1"))

	praktik["eksterneReferencer"] = []any{map[string]any{"type": 6, "vaerdi": "0147"}}
	status, body = c.do(req{method: "PUT", path: "/v1/Aktivitet/a-1", cpr: cpr1, actor: "kommune 147", body: praktik})
	require.Equal(t, http.StatusOK, status, body)
	assert.Equal(t, []string{"DeltAktivitet.WSB Opdatering om a-1"}, c.feed("kommune 147"))
	assert.Contains(t, c.feed("kommune 101"), "Aktivitet.WSB Opdatering om a-1")

	status, body = c.do(req{method: "GET", path: "/v1/MinPlan", cpr: cpr1})
	require.Equal(t, http.StatusOK, status)
	item := body["indsatser"].([]any)[0].(map[string]any)
	assert.Equal(t, map[string]any{"navn": "Bagermedhjælper", "alias": "Hjælper i bageri"}, item["stillingsbetegnelse"], "rule 3.3")
	assert.Equal(t, 25.5, item["timerPrUge"], "hours as a JSON number")
	assert.Contains(t, body["regler"], "3.3")
}

// Section 4: a registration deleted by GDPR answers 4589 though the store holds it.
func TestSection4DeletedRegistration(t *testing.T) {
	c, _ := start(t)
	c.seed(cpr1, map[string]any{"jobcenter": 101})
	status, body := c.do(req{method: "POST", path: "/v1/Tilmelding", cpr: cpr1, now: "2015-01-05T09:00:00+01:00",
		body: map[string]any{"tilmeldingIdentifier": "reg-1", "klientKategori": 40, "ansoeger": true, "kontaktgruppeType": 1}})
	require.Equal(t, http.StatusOK, status, body)
	status, body = c.do(req{method: "POST", path: "/v1/Ydelsesafgoerelse", cpr: cpr1, now: "2018-03-01T09:00:00+01:00",
		actor: "KY", body: map[string]any{"udfald": "Ydelse afvist"}})
	require.Equal(t, http.StatusOK, status, body)
	assert.Contains(t, body["regler"], "1.2")

	status, body = c.do(req{method: "GET", path: "/v1/Tilmelding/reg-1", cpr: cpr1, now: "2024-02-29T12:00:00+01:00"})
	assert.Equal(t, http.StatusOK, status, body)
	status, body = c.do(req{method: "GET", path: "/v1/Tilmelding/reg-1", cpr: cpr1, now: "2024-03-01T12:00:00+01:00"})
	assert.Equal(t, http.StatusNotFound, status, "deleted: unknown to DFDG")
	assert.EqualValues(t, 4589, body["kode"])
	assert.Equal(t, "Id ikke fundet", body["tekst"])

	status, body = c.do(req{method: "POST", path: "/v1/Gdpr/slettedato", body: map[string]any{"posttype": "Efterloen", "id": "el-1", "foedselsdato": "1971-01-01"}})
	require.Equal(t, http.StatusOK, status, body)
	assert.Equal(t, "2047-01-01", body["dato"])
}

// Bad input gets a clear 4xx, never a 500.
func TestTransportErrors(t *testing.T) {
	c, s := start(t)
	s.MaxBody = 1 << 10
	c.seed(cpr1, map[string]any{"jobcenter": 101})
	absenceBody := map[string]any{"fravaerIdentifier": "fr-1", "fravaerType": 1, "periode": map[string]any{"startdato": "2025-10-01"}}

	status, _ := c.do(req{method: "POST", path: "/v1/Fravaer", cpr: cpr1, requestID: "req-1", body: absenceBody})
	assert.Equal(t, http.StatusOK, status)
	status, body := c.do(req{method: "POST", path: "/v1/Fravaer", cpr: cpr1, requestID: "req-1", body: absenceBody})
	assert.Equal(t, http.StatusPreconditionFailed, status, "a repeated x-requestId")
	assert.Contains(t, body["detalje"], "allerede brugt")
	status, _ = c.do(req{method: "POST", path: "/v1/Fravaer", cpr: cpr1, requestID: strings.Repeat("x", 47), body: absenceBody})
	assert.Equal(t, http.StatusBadRequest, status, "an x-requestId over 46 characters")

	cases := []struct {
		name   string
		r      req
		status int
		reason string
	}{
		{"unknown route", req{method: "GET", path: "/v1/Nope"}, http.StatusNotFound, "RecordNotFound"},
		{"no CPR", req{method: "POST", path: "/v1/Fravaer", body: absenceBody}, http.StatusBadRequest, "InvalidCPR"},
		{"bad CPR", req{method: "POST", path: "/v1/Fravaer", cpr: "320161-4286", body: absenceBody}, http.StatusBadRequest, "InvalidCPR"},
		{"malformed JSON", req{method: "POST", path: "/v1/Fravaer", cpr: cpr1, body: `{"fravaerIdentifier": `}, http.StatusBadRequest, "InvalidValue"},
		{"unknown field", req{method: "POST", path: "/v1/Fravaer", cpr: cpr1, body: `{"fravaerId": "x"}`}, http.StatusBadRequest, "InvalidValue"},
		{"bad date", req{method: "POST", path: "/v1/Fravaer", cpr: cpr1, body: `{"fravaerIdentifier": "x", "fravaerType": 1, "periode": {"startdato": "2025-02-30"}}`}, http.StatusBadRequest, "InvalidDate"},
		{"two objects", req{method: "POST", path: "/v1/Fravaer", cpr: cpr1, body: `{} {}`}, http.StatusBadRequest, "InvalidValue"},
		{"too large", req{method: "POST", path: "/v1/Fravaer", cpr: cpr1, body: `{"fravaerIdentifier": "` + strings.Repeat("x", 2000) + `"}`}, http.StatusRequestEntityTooLarge, "InvalidValue"},
		{"bad actor", req{method: "POST", path: "/v1/Fravaer", cpr: cpr1, actor: "kommunen", body: absenceBody}, http.StatusBadRequest, "InvalidValue"},
		{"bad now", req{method: "POST", path: "/v1/Fravaer", cpr: cpr1, now: "i går", body: absenceBody}, http.StatusBadRequest, "InvalidValue"},
		{"bad feed recipient", req{method: "GET", path: "/sim/beskeder?til=nogen"}, http.StatusBadRequest, "InvalidValue"},
		{"unknown absence", req{method: "PUT", path: "/v1/Fravaer/nope", cpr: cpr1, body: absenceBody}, http.StatusBadRequest, "RecordNotFound"},
	}
	for _, tc := range cases {
		status, body := c.do(tc.r)
		assert.Equal(t, tc.status, status, tc.name)
		assert.Equal(t, tc.reason, body["aarsag"], tc.name)
		assert.NotEmpty(t, body["tekst"], tc.name)
	}
	hr, _ := http.NewRequest("DELETE", c.url+"/v1/Fravaer", nil)
	resp, err := c.hc.Do(hr)
	require.NoError(t, err)
	resp.Body.Close()
	assert.Equal(t, http.StatusMethodNotAllowed, resp.StatusCode)
	assert.Equal(t, "POST", resp.Header.Get("Allow"))
}

// Many goroutines on one citizen lose no update.
func TestConcurrentRequestsForOneCitizen(t *testing.T) {
	c, _ := start(t)
	c.seed(cpr1, map[string]any{"jobcenter": 101})
	const n = 100
	var wg sync.WaitGroup
	var failed, placed atomic.Int32
	for i := range n {
		wg.Add(1)
		go func() {
			defer wg.Done()
			status, _ := c.do(req{method: "POST", path: "/v1/Fravaer", cpr: cpr1, requestID: fmt.Sprint("r-", i),
				body: map[string]any{"fravaerIdentifier": fmt.Sprint("fr-", i), "fravaerType": 1, "periode": map[string]any{"startdato": "2025-10-01"}}})
			if status != http.StatusOK {
				failed.Add(1)
			}
			status, _ = c.do(req{method: "POST", path: "/v1/PersonVisitering/kontaktgruppe", cpr: cpr1,
				body: map[string]any{"kontaktgruppeIdentifier": fmt.Sprint("kg-", i), "kontaktgruppeType": 1 + 7*(i%2)}})
			if status == http.StatusOK {
				placed.Add(1)
			}
		}()
	}
	wg.Wait()
	assert.Zero(t, failed.Load())
	status, body := c.do(req{method: "GET", path: "/sim/borger", cpr: cpr1})
	require.Equal(t, http.StatusOK, status)
	raw, _ := json.Marshal(body)
	var st dfdg.Citizen
	require.NoError(t, json.Unmarshal(raw, &st), "the test double's citizen is the library's")
	assert.Len(t, st.Absences, n, "every absence is there")
	assert.EqualValues(t, 1, placed.Load(), "one placement wins; the others find its group open (4644)")
	assert.Len(t, st.Memberships, 1, "and only it is stored")
	assert.Empty(t, contactgroup.Rules{}.CheckHistory(dfdg.At{}, st), "the history is sound")
	assert.Len(t, c.feed("kommune 101"), n+1, "Fravaer.WSB per absence, Kontaktgruppe.WSB Create for the one placement")
}

func TestGracefulShutdown(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- serve(ctx, "127.0.0.1:0", NewServer(NewMemoryStore()), testLogger(io.Discard)) }()
	time.Sleep(50 * time.Millisecond)
	cancel()
	select {
	case err := <-done:
		assert.NoError(t, err)
	case <-time.After(5 * time.Second):
		t.Fatal("serve did not return")
	}
}

// Issue 13: the log never holds a CPR number, not even one a caller put in a path.
func TestLogMasksCPRInPaths(t *testing.T) {
	var logged strings.Builder
	h := logRequests(NewServer(NewMemoryStore()), testLogger(&logged))
	for _, path := range []string{"/v1/Tilmelding/0707614321", "/v1/Tilmelding/070761-4321", "/v1/Fravaer/07.07.61-4321"} {
		h.ServeHTTP(httptest.NewRecorder(), httptest.NewRequest("GET", path, nil))
	}
	assert.NotContains(t, logged.String(), "4321")
	assert.Contains(t, logged.String(), "070761xxxx")
}

// DFDG 4316 "Enrollment overlap" (UnemploymentEnrollmentService): a registration sent with a clock
// before one the citizen already has would lie before it.
func TestEnrollmentBeforeAStoredOneGets4316(t *testing.T) {
	c, _ := start(t)
	c.seed(cpr1, map[string]any{"jobcenter": 101})
	reg := func(id, now string) (int, map[string]any) {
		return c.do(req{method: "POST", path: "/v1/Tilmelding", cpr: cpr1, now: now,
			body: map[string]any{"tilmeldingIdentifier": id, "klientKategori": 2, "kontaktgruppeType": 1}})
	}
	status, body := reg("reg-1", "2025-09-02T09:00:00+02:00")
	require.Equal(t, http.StatusOK, status, body)
	status, body = reg("reg-2", "2025-09-01T09:00:00+02:00")
	require.Equal(t, http.StatusBadRequest, status, body)
	assert.EqualValues(t, 4316, body["kode"])
	assert.Equal(t, "Tilmeldingen overlapper en eksisterende tilmelding", body["tekst"])
	status, body = reg("reg-2", "2025-09-03T09:00:00+02:00")
	require.Equal(t, http.StatusBadRequest, status, body)
	assert.EqualValues(t, 4316, body["kode"], "within an existing enrollment period: DFDG's 4316; nothing ends a registration")
}

// POST /v1/Samtale registers a held interview and refuses it by the business rules DFDG documents
// for CreateInterview, answered with the library's reason and DFDG's rule as the text; code lists a
// caller loads (-kodelister) say which conversation types reset.
func TestSamtaleFollowsCreateInterviewsRules(t *testing.T) {
	c, s := start(t)
	cat, err := codelist.Load(fstest.MapFS{"samtaletyper.csv": {Data: []byte(
		"# list: samtaletyper\n# complete: nej\n# source: a test\nid,name,resetting\n4,Opfølgningssamtale,nej\n7,Jobsamtale,ja\n")}})
	require.NoError(t, err)
	s.Catalog = cat
	c.seed(cpr1, map[string]any{"jobcenter": 101})
	held := func(typ int, at string) map[string]any {
		return map[string]any{"samtaletype": typ, "afholdelsestidspunkt": at}
	}
	status, body := c.do(req{method: "POST", path: "/v1/Samtale", cpr: cpr1, body: held(7, "2025-09-10T10:00:00+02:00")})
	require.Equal(t, http.StatusOK, status, body)
	assert.Equal(t, "samtale-1", body["samtaleIdentifier"])

	status, body = c.do(req{method: "POST", path: "/v1/Samtale", cpr: cpr1, body: held(7, "2025-09-10T10:00:00+02:00")})
	require.Equal(t, http.StatusBadRequest, status)
	assert.Equal(t, "InterviewExists", body["aarsag"])
	assert.Equal(t, "Samtaler med samme samtaletype og afholdelsestidspunkt er ikke tilladt.", body["tekst"])

	status, body = c.do(req{method: "POST", path: "/v1/Samtale", cpr: cpr1, body: held(4, "2025-09-09T10:00:00+02:00")})
	require.Equal(t, http.StatusBadRequest, status)
	assert.Equal(t, "InterviewBeforeResetting", body["aarsag"])

	status, body = c.do(req{method: "POST", path: "/v1/Samtale", cpr: cpr1, actor: "kommune 147", body: held(4, "2025-09-12T10:00:00+02:00")})
	require.Equal(t, http.StatusBadRequest, status)
	assert.Equal(t, "ActorNotAllowed", body["aarsag"])

	status, body = c.do(req{method: "POST", path: "/v1/Samtale", cpr: cpr1, body: held(4, "2025-09-12T10:00:00+02:00")})
	require.Equal(t, http.StatusOK, status, body)
	assert.Len(t, c.citizen(cpr1)["samtaler"], 2)
}

// Issue 23: CreateSygemelding and Raskmeld at DFDG's documented paths, for the jobcentre (the default
// caller) and refused, 4575, for another municipality; STAR's Raskmeld{fravaerIdentifier} form too.
func TestSygemeldingAndRaskmeld(t *testing.T) {
	c, _ := start(t)
	c.seed(cpr1, map[string]any{"jobcenter": 101})
	now := "2025-09-15T11:00:00+02:00"
	status, body := c.do(req{method: "POST", path: "/v1/PersonVisitering/kontaktgruppe", cpr: cpr1, now: now,
		body: map[string]any{"kontaktgruppeIdentifier": "kg-1", "kontaktgruppeType": 1}})
	require.Equal(t, http.StatusOK, status, body)
	sick := map[string]any{"fravaerType": 11, "periode": map[string]any{"startdato": "2025-09-15"}, "anmeldelsesdato": "2025-09-15"}
	status, body = c.do(req{method: "POST", path: "/v1/Sygemelding/fr-1", cpr: cpr1, now: now, actor: "kommune 147", body: sick})
	require.Equal(t, http.StatusBadRequest, status, body)
	assert.EqualValues(t, 4575, body["kode"])
	assert.Equal(t, "You are not authorized to execute the operation", body["tekstEn"])
	status, body = c.do(req{method: "POST", path: "/v1/Sygemelding/fr-1", cpr: cpr1, now: now, body: sick})
	require.Equal(t, http.StatusOK, status, body)
	assert.Equal(t, "fr-1", body["fravaer"].([]any)[0].(map[string]any)["post"].(map[string]any)["fravaerIdentifier"])

	before := map[string]any{"fravaerType": 11, "periode": map[string]any{"startdato": "2025-09-14"}, "anmeldelsesdato": "2025-09-15"}
	status, body = c.do(req{method: "POST", path: "/v1/Sygemelding", cpr: cpr1, now: now, body: before})
	require.Equal(t, http.StatusBadRequest, status, body)
	assert.EqualValues(t, 4685, body["kode"])
	assert.Equal(t, []any{"tekst"}, body["oversat"], "DFDG documents 4685 in English only")

	status, body = c.do(req{method: "PUT", path: "/v1/sygemelding/action/Raskmeldfr-1", cpr: cpr1, now: "2025-09-20T10:00:00+02:00",
		body: map[string]any{"slutdato": "2025-09-19", "fravaersafslutningsaarsag": 1}})
	require.Equal(t, http.StatusOK, status, body)
	assert.ElementsMatch(t, []any{"2.5"}, body["regler"])
	status, body = c.do(req{method: "PUT", path: "/v1/sygemelding/action/Raskmeld/fr-1", cpr: cpr1, now: "2025-09-20T10:00:00+02:00",
		body: map[string]any{"slutdato": "2025-09-19"}})
	require.Equal(t, http.StatusBadRequest, status, body)
	assert.Equal(t, "InvalidState", body["aarsag"], "already recovered")
	status, _ = c.do(req{method: "PUT", path: "/v1/sygemelding/action/Andet", cpr: cpr1, body: map[string]any{}})
	assert.Equal(t, http.StatusNotFound, status)
}

// Issue 24: a day's calls of a jobcentre at the test double: a booking with a participant (at
// CreateMyndighedsdeltager's documented path), another municipality's guest access (CreateGaesteadgang,
// 4933 for HTML), a deregistration and the end of the contact group.
func TestBookingGuestAccessDeregistration(t *testing.T) {
	c, _ := start(t)
	c.seed(cpr1, map[string]any{"jobcenter": 101, "akasse": "ak-1"})
	now := "2025-09-15T09:00:00+02:00"
	status, body := c.do(req{method: "POST", path: "/v1/Tilmelding", cpr: cpr1, now: now,
		body: map[string]any{"tilmeldingIdentifier": "reg-1", "klientKategori": 2, "kontaktgruppeType": 1}})
	require.Equal(t, http.StatusOK, status, body)

	booking := map[string]any{"samtaletype": 7, "moedeStarttidspunkt": "2025-09-22T10:00:00+02:00"}
	status, body = c.do(req{method: "POST", path: "/v1/Indkaldelse/ind-1", cpr: cpr1, now: now, actor: "a-kasse ak-2", body: booking})
	require.Equal(t, http.StatusBadRequest, status, body)
	assert.EqualValues(t, 90007, body["kode"], "another a-kasse's member")
	status, body = c.do(req{method: "POST", path: "/v1/Indkaldelse/ind-1", cpr: cpr1, now: now, body: booking})
	require.Equal(t, http.StatusOK, status, body)
	assert.ElementsMatch(t, []string{"Kontaktgruppe.WSB Oprettelse om kontaktgruppe-20250915T070000Z-1", "Indkaldelse.WSB Oprettelse om ind-1"}, c.feed("kommune 101"))
	status, body = c.do(req{method: "POST", path: "/v2/Indkaldelse/myndighedsdeltager/md-1", cpr: cpr1, now: now,
		body: map[string]any{"indkaldelseIdentifier": "ind-1", "navn": "Anna Jensen", "telefonnummer": "12"}})
	require.Equal(t, http.StatusBadRequest, status, body)
	assert.EqualValues(t, 1014, body["kode"])
	assert.Equal(t, "telefonnummer", body["felt"])
	status, body = c.do(req{method: "POST", path: "/v2/Indkaldelse/myndighedsdeltager/md-1", cpr: cpr1, now: now,
		body: map[string]any{"indkaldelseIdentifier": "ind-9", "navn": "Anna Jensen"}})
	require.Equal(t, http.StatusBadRequest, status, body)
	assert.EqualValues(t, 90036, body["kode"])

	status, body = c.do(req{method: "POST", path: "/v1/Gaesteadgang/", cpr: cpr1, now: now, actor: "kommune 147",
		body: map[string]any{"gaesteadgangskommentar": "<b>haster</b>"}})
	require.Equal(t, http.StatusBadRequest, status, body)
	assert.EqualValues(t, 4933, body["kode"])
	status, body = c.do(req{method: "POST", path: "/v1/Gaesteadgang/", cpr: cpr1, now: now, actor: "kommune 147",
		body: map[string]any{"gaesteadgangskommentar": "opfølgning på praktik"}})
	require.Equal(t, http.StatusOK, status, body)

	status, body = c.do(req{method: "POST", path: "/v1/Afmelding", cpr: cpr1, now: "2025-09-30T09:00:00+02:00",
		body: map[string]any{"afmeldingsdato": "2025-11-30"}})
	require.Equal(t, http.StatusBadRequest, status, body)
	assert.EqualValues(t, 4322, body["kode"])
	status, body = c.do(req{method: "POST", path: "/v1/Afmelding", cpr: cpr1, now: "2025-09-30T09:00:00+02:00",
		body: map[string]any{"afmeldingsdato": "2025-09-30"}})
	require.Equal(t, http.StatusOK, status, body)
	status, body = c.do(req{method: "PUT", path: "/v1/PersonVisitering/kontaktgruppe/kontaktgruppe-20250915T070000Z-1/afslut", cpr: cpr1,
		now: "2025-09-30T09:00:00+02:00", body: map[string]any{}})
	require.Equal(t, http.StatusOK, status, body)
	status, body = c.do(req{method: "DELETE", path: "/v1/Indkaldelse/ind-1", cpr: cpr1, now: "2025-09-30T09:00:00+02:00"})
	require.Equal(t, http.StatusOK, status, body)
	status, body = c.do(req{method: "GET", path: "/sim/borger", cpr: cpr1})
	require.Equal(t, http.StatusOK, status)
	assert.Empty(t, body["indkaldelser"])
	assert.Len(t, body["gaesteadgange"], 1)
}

// The plan service's draft and rectification at the test double's paths.
func TestDraftPlanAndRectification(t *testing.T) {
	c, _ := start(t)
	c.seed(cpr1, map[string]any{"jobcenter": 101, "plan": map[string]any{"planIdentifier": "p-1", "plantype": "Jobplan"}})
	now := "2025-09-15T09:00:00+02:00"
	status, body := c.do(req{method: "POST", path: "/v1/Plan/kladde", cpr: cpr1, now: now,
		body: map[string]any{"planIdentifier": "p-2", "plantype": "Jobplan", "ansvarligSagsbehandler": "Sara Holm"}})
	require.Equal(t, http.StatusBadRequest, status, body)
	assert.EqualValues(t, 8060, body["kode"], "no contact group yet")
	status, body = c.do(req{method: "POST", path: "/v1/PersonVisitering/kontaktgruppe", cpr: cpr1, now: now,
		body: map[string]any{"kontaktgruppeIdentifier": "kg-1", "kontaktgruppeType": 1}})
	require.Equal(t, http.StatusOK, status, body)
	status, body = c.do(req{method: "POST", path: "/v1/Plan/kladde", cpr: cpr1, now: now,
		body: map[string]any{"planIdentifier": "p-2", "plantype": "Jobplan", "ansvarligSagsbehandler": "Sara Holm"}})
	require.Equal(t, http.StatusOK, status, body)
	status, body = c.do(req{method: "PUT", path: "/v1/Plan/p-1/beskrivelse", cpr: cpr1, now: now,
		body: map[string]any{"planbeskrivelse": "Søg job som bager"}})
	require.Equal(t, http.StatusOK, status, body)
	status, body = c.do(req{method: "GET", path: "/sim/borger", cpr: cpr1})
	require.Equal(t, http.StatusOK, status)
	assert.Equal(t, "Søg job som bager", body["plan"].(map[string]any)["planbeskrivelse"])
	assert.Equal(t, "p-2", body["kladdeplan"].(map[string]any)["planIdentifier"])
}

// Issue 25, in part: a health endpoint, 404 for an unknown citizen or record, 400 for a missing
// required query parameter, and -addr's listener.
func TestHealthNotFoundAndMissingQuery(t *testing.T) {
	c, _ := start(t)
	status, body := c.do(req{method: "GET", path: "/healthz"})
	require.Equal(t, http.StatusOK, status, body)
	assert.Equal(t, "ok", body["status"])
	status, _ = c.do(req{method: "GET", path: "/sim/borger", cpr: cpr1})
	assert.Equal(t, http.StatusNotFound, status, "an unknown citizen")
	c.seed(cpr1, map[string]any{"jobcenter": 101})
	status, body = c.do(req{method: "GET", path: "/v1/Tilmelding/reg-9", cpr: cpr1})
	assert.Equal(t, http.StatusNotFound, status)
	assert.EqualValues(t, 4589, body["kode"], "Unknown identifier")
	status, body = c.do(req{method: "GET", path: "/sim/beskeder"})
	assert.Equal(t, http.StatusBadRequest, status)
	assert.Equal(t, "til", body["felt"])
}

// testLogger is the test double's text logger writing to w.
func testLogger(w io.Writer) *slog.Logger {
	l, err := newLogger(w, "text")
	if err != nil {
		panic(err)
	}
	return l
}

// Issue 25: no request forges a log line or leaves a CPR number in it, through the method, the path or
// the server's own messages; the JSON log escapes as the text one does.
func TestLogCannotBeForged(t *testing.T) {
	for _, format := range []string{"text", "json"} {
		var logged strings.Builder
		logger, err := newLogger(&logged, format)
		require.NoError(t, err)
		h := logRequests(NewServer(NewMemoryStore()), logger)
		for _, r := range []*http.Request{
			httptest.NewRequest("0707614321", "/v1/Fravaer", nil),
			httptest.NewRequest("GET", "/v1/Tilmelding/x%0Alevel=ERROR%20msg=forged", nil),
			httptest.NewRequest("GET", "/v1/Tilmelding/%0D%0A0707614321", nil),
		} {
			h.ServeHTTP(httptest.NewRecorder(), r)
		}
		lines := strings.Split(strings.TrimSpace(logged.String()), "\n")
		assert.Len(t, lines, 3, "%s: one line per request: %q", format, logged.String())
		assert.NotContains(t, logged.String(), "4321", format)
		for _, l := range lines {
			// The text a caller sent stays inside one quoted value of its request's line.
			if format == "text" {
				assert.True(t, strings.HasPrefix(l, "time=") && strings.Contains(l, " msg=request "), l)
			} else {
				assert.True(t, json.Valid([]byte(l)), l)
			}
		}
		logger.Warn("http: error from 0707614321")
		assert.NotContains(t, logged.String(), "4321", "%s: the server's own messages are masked", format)
	}
	_, err := newLogger(io.Discard, "xml")
	assert.Error(t, err)
}

// The container's health check: -health exits well against a running test double, and fails against
// nothing or a wrong path.
func TestCheckHealth(t *testing.T) {
	ts := httptest.NewServer(NewServer(NewMemoryStore()))
	defer ts.Close()
	assert.NoError(t, checkHealth(ts.URL+"/healthz"))
	assert.Error(t, checkHealth(ts.URL+"/nothing"))
	assert.Error(t, checkHealth("http://127.0.0.1:1/healthz"))
}

// The Dockerfile's build: a static binary, without cgo. (Building the image needs a Docker daemon,
// which the test suite does not assume; this is the step that can fail with the code.)
func TestStaticBuild(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the binary")
	}
	dockerfile, err := os.ReadFile("Dockerfile")
	require.NoError(t, err)
	const build = `CGO_ENABLED=0 go build -trimpath -ldflags="-s -w" -o /dfdgsim .`
	require.Contains(t, string(dockerfile), build)
	cmd := exec.Command("go", "build", "-trimpath", "-ldflags=-s -w", "-o", filepath.Join(t.TempDir(), "dfdgsim"), ".")
	cmd.Env = append(os.Environ(), "CGO_ENABLED=0")
	out, err := cmd.CombinedOutput()
	require.NoError(t, err, "%s", out)
}
