package main

import (
	"bytes"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/regelkit/dfdg"
)

// fuzzRoutes are the test double's routes; {id} takes the fuzzed id.
var fuzzRoutes = []string{
	"POST /v1/PersonVisitering/kontaktgruppe", "POST /v1/Fravaer", "PUT /v1/Fravaer/{id}", "POST /v1/Fravaer/{id}/genoptagelse",
	"POST /v1/Tilmelding", "GET /v1/Tilmelding/{id}", "POST /v1/Ydelsesafgoerelse", "POST /v1/Personkategori", "POST /v1/Frist", "POST /v1/Samtale",
	"POST /v1/Aktivitet", "PUT /v1/Aktivitet/{id}", "GET /v1/MinPlan", "POST /v1/Gdpr/slettedato", "PUT /sim/borger", "GET /sim/borger",
	"GET /sim/beskeder?til={id}&efter=0", "DELETE /sim", "GET /{id}",
}

// fuzzCPR is the citizen of the fuzzed requests.
const fuzzCPR = "0707614321"

// FuzzHandlers sends any request to the test double (issue 13): it never answers 5xx, an answer is
// JSON, and neither an answer nor the log holds anything shaped like a CPR number: not the citizen's,
// not one the request put in a body, a path or a header.
func FuzzHandlers(f *testing.F) {
	for i, body := range []string{
		`{"kontaktgruppeIdentifier": "kg-1", "kontaktgruppeType": 1}`,
		`{"fravaerIdentifier": "fr-2", "fravaerType": 11, "periode": {"startdato": "2025-09-15"}}`,
		`{"fravaerType": 11, "periode": {"startdato": "2025-09-01", "slutdato": "2025-09-30"}}`,
		`{}`,
		`{"tilmeldingIdentifier": "reg-1", "klientKategori": 40, "ansoeger": true, "kontaktgruppeType": 1}`,
		``,
		`{"udfald": "Ydelse afvist"}`,
		`{"personkategoriIdentifier": "pk-1", "personkategori": 1}`,
		`{"fristId": "f-1", "samtaletype": 17, "fristdato": "2025-10-15"}`,
		`{"aktivitetIdentifier": "a-2", "aktivitetstype": 7, "beskrivelse": "cpr 070761-4321", "periode": {"startdato": "2025-10-01", "slutdato": "2025-10-31"}}`,
		`{"aktivitetstype": 7, "beskrivelse": "Kursus", "periode": {"startdato": "2025-10-01", "slutdato": "2025-10-15"}}`,
		``,
		`{"posttype": "Efterloen", "id": "0707614321", "foedselsdato": "1961-07-07"}`,
		`{"jobcenter": 101, "akasse": "ak-1", "plan": {"planIdentifier": "p-1", "plantype": "Jobplan"}}`,
		``, ``, ``, ``,
	} {
		f.Add(uint8(i), "fr-1", "kommune 101", "r-1", "application/json", []byte(body))
		f.Add(uint8(i), "070761-4321", "KSD", "", "application/json", []byte(body))
	}
	f.Add(uint8(5), "0707614321", "a-kasse 0707614321", strings.Repeat("x", 47), "text/plain", []byte(`{"fravaerIdentifier": "0707614321"}`))
	f.Fuzz(func(t *testing.T, route uint8, id, actor, requestID, contentType string, body []byte) {
		s := NewServer(NewMemoryStore())
		s.Now = func() time.Time { return time.Date(2025, 9, 15, 9, 0, 0, 0, time.UTC) }
		cpr := dfdg.MustParseCPR(fuzzCPR)
		_ = s.Store.Update(cpr, func(dfdg.Citizen) (dfdg.Citizen, error) {
			return dfdg.Citizen{Jobcentre: 101, Akasse: "ak-1",
				Memberships: []dfdg.Membership{{ID: "kg-0", Group: dfdg.Dagpengemodtager, Start: time.Date(2025, 6, 2, 8, 0, 0, 0, time.UTC)}},
				Absences:    []dfdg.Absence{{ID: "fr-1", Type: dfdg.SygdomSygemelding, Period: dfdg.Period{Start: dfdg.MustParseDate("2025-09-01")}}},
				Activities:  []dfdg.Activity{{ID: "a-1", Type: 7, Description: "Kursus", Period: dfdg.Period{Start: dfdg.MustParseDate("2025-10-01")}}},
				Plan:        &dfdg.Plan{ID: "p-1", Type: dfdg.Jobplan}}, nil
		})
		method, path, _ := strings.Cut(fuzzRoutes[int(route)%len(fuzzRoutes)], " ")
		path = strings.ReplaceAll(path, "{id}", url.PathEscape(id))
		r, err := http.NewRequest(method, path, bytes.NewReader(body))
		if err != nil {
			return
		}
		r.Header.Set(HeaderCPR, fuzzCPR)
		r.Header.Set(HeaderActor, actor)
		r.Header.Set(HeaderRequestID, requestID)
		r.Header.Set("Content-Type", contentType)
		var logged strings.Builder
		w := httptest.NewRecorder()
		logRequests(s, testLogger(&logged)).ServeHTTP(w, r)

		if w.Code >= 500 {
			t.Fatalf("%s %s: %d %s", method, path, w.Code, w.Body)
		}
		answer := w.Body.String()
		var decoded any
		if answer != "" && json.Unmarshal(w.Body.Bytes(), &decoded) != nil {
			t.Fatalf("%s %s: the answer is not JSON: %s", method, path, answer)
		}
		if path == "/openapi.json" {
			decoded = nil // the test double's own description, whose sources' addresses hold STAR's ten-digit page ids
		}
		walkStrings(decoded, func(s string) {
			if dfdg.MaskCPR(s) != s {
				t.Fatalf("%s %s: the answer holds a CPR number: %s", method, path, answer)
			}
		})
		if dfdg.MaskCPR(logged.String()) != logged.String() {
			t.Fatalf("the log holds a CPR number: %s", logged.String())
		}
	})
}

// walkStrings calls fn with every string, key or value, in decoded JSON.
func walkStrings(v any, fn func(string)) {
	switch v := v.(type) {
	case string:
		fn(v)
	case []any:
		for _, e := range v {
			walkStrings(e, fn)
		}
	case map[string]any:
		for k, e := range v {
			fn(k)
			walkStrings(e, fn)
		}
	}
}
