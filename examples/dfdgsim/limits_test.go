package main

import (
	"bufio"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/regelkit/dfdg"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// distinctCPR returns a valid CPR number for each i below 28*12*10000.
func distinctCPR(i int) string {
	return fmt.Sprintf("%02d%02d70%04d", 1+i%28, 1+i/28%12, i/(28*12))
}

func absenceBody(id string) map[string]any {
	return map[string]any{"fravaerIdentifier": id, "fravaerType": 1, "periode": map[string]any{"startdato": "2025-10-01"}}
}

// Issue 13: a rejected request stores nothing, not even the citizen it names.
func TestRejectedRequestStoresNothing(t *testing.T) {
	c, s := start(t)
	for i := range 50 {
		status, _ := c.do(req{method: "POST", path: "/v1/Fravaer", cpr: distinctCPR(i), body: `{"fravaerIdentifier": "x", "fravaerType": 1, "periode": {"startdato": "2025-10-05", "slutdato": "2025-10-04"}}`})
		require.Equal(t, http.StatusBadRequest, status)
	}
	status, _ := c.do(req{method: "PUT", path: "/sim/borger", cpr: distinctCPR(99), body: map[string]any{"jobcenter": 1}})
	require.Equal(t, http.StatusBadRequest, status, "an unknown municipality")
	assert.Zero(t, s.Store.Len())
	status, body := c.do(req{method: "GET", path: "/sim/borger", cpr: distinctCPR(0)})
	assert.Equal(t, http.StatusNotFound, status, "an unknown citizen")
	assert.Equal(t, "IDNotFound", body["aarsag"])

	c.seed(cpr1, map[string]any{"jobcenter": 101})
	status, _ = c.do(req{method: "POST", path: "/v1/Fravaer", cpr: cpr1, body: absenceBody("fr-1")})
	require.Equal(t, http.StatusOK, status)
	before := c.citizen(cpr1)
	status, body = c.do(req{method: "POST", path: "/v1/Fravaer", cpr: cpr1, body: absenceBody("fr-1")})
	require.Equal(t, http.StatusBadRequest, status, "the id is taken")
	assert.EqualValues(t, 4977, body["kode"], "as DFDG's CreateFravaer answers")
	assert.Equal(t, before, c.citizen(cpr1), "a rejection leaves a stored citizen as it was")
	assert.Equal(t, 1, s.Store.Len())
}

// A rejected update racing a successful one for a new citizen loses nothing.
func TestMemoryStoreRejectionDoesNotDropAConcurrentUpdate(t *testing.T) {
	store := NewMemoryStore()
	cpr := mustCPR(t, cpr1)
	var wg sync.WaitGroup
	for i := range 200 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			_ = store.Update(cpr, func(c dfdg.Citizen) (dfdg.Citizen, error) {
				if i%2 == 0 {
					return c, errors.New("rejected")
				}
				c.Jobcentre = 101
				c.Deadlines = append(c.Deadlines, dfdg.Deadline{ID: fmt.Sprint(i)})
				return c, nil
			})
		}()
	}
	wg.Wait()
	c, ok := store.Get(cpr)
	require.True(t, ok)
	assert.Len(t, c.Deadlines, 100)
	assert.Equal(t, 1, store.Len())
}

func (c *client) citizen(cpr string) map[string]any {
	c.t.Helper()
	status, body := c.do(req{method: "GET", path: "/sim/borger", cpr: cpr})
	require.Equal(c.t, http.StatusOK, status, body)
	return body
}

func TestLimits(t *testing.T) {
	t.Run("citizens", func(t *testing.T) {
		c, s := start(t)
		s.Limits.Citizens = 2
		c.seed(distinctCPR(0), map[string]any{"jobcenter": 101})
		c.seed(distinctCPR(1), map[string]any{"jobcenter": 101})
		status, body := c.do(req{method: "PUT", path: "/sim/borger", cpr: distinctCPR(2), body: map[string]any{"jobcenter": 101}})
		assert.Equal(t, http.StatusInsufficientStorage, status)
		assert.Contains(t, body["detalje"], "2 borgere")
		assert.Contains(t, body["detaljeEn"], "DELETE /sim")
		status, _ = c.do(req{method: "POST", path: "/v1/Fravaer", cpr: distinctCPR(3), body: absenceBody("fr-1")})
		assert.Equal(t, http.StatusInsufficientStorage, status)
		status, _ = c.do(req{method: "POST", path: "/v1/Fravaer", cpr: distinctCPR(1), body: absenceBody("fr-1")})
		assert.Equal(t, http.StatusOK, status, "a citizen held is served")
		assert.Equal(t, 2, s.Store.Len())
	})
	t.Run("records", func(t *testing.T) {
		c, s := start(t)
		s.Limits.Records = 3
		c.seed(cpr1, map[string]any{"jobcenter": 101})
		for i := range 3 {
			status, _ := c.do(req{method: "POST", path: "/v1/Fravaer", cpr: cpr1, body: absenceBody(fmt.Sprint("fr-", i))})
			require.Equal(t, http.StatusOK, status)
		}
		status, body := c.do(req{method: "POST", path: "/v1/Fravaer", cpr: cpr1, body: absenceBody("fr-3")})
		assert.Equal(t, http.StatusInsufficientStorage, status, body)
		assert.Len(t, c.citizen(cpr1)["fravaer"], 3)
		status, _ = c.do(req{method: "PUT", path: "/v1/Fravaer/fr-0", cpr: cpr1,
			body: map[string]any{"fravaerType": 1, "periode": map[string]any{"startdato": "2025-10-01", "slutdato": "2025-10-02"}}})
		assert.Equal(t, http.StatusOK, status, "an update that adds no record passes at the limit")
	})
	t.Run("messages", func(t *testing.T) {
		c, s := start(t)
		s.Limits.Messages = 2
		c.seed(cpr1, map[string]any{"jobcenter": 101})
		for i := range 5 {
			status, _ := c.do(req{method: "POST", path: "/v1/Fravaer", cpr: cpr1, body: absenceBody(fmt.Sprint("fr-", i))})
			require.Equal(t, http.StatusOK, status)
		}
		status, body := c.do(req{method: "GET", path: "/sim/beskeder?til=kommune%20101"})
		require.Equal(t, http.StatusOK, status)
		items := body["beskeder"].([]any)
		require.Len(t, items, 2, "the newest two")
		assert.EqualValues(t, 4, items[0].(map[string]any)["nr"], "numbers go on")
		assert.EqualValues(t, 5, body["naeste"])
		status, body = c.do(req{method: "GET", path: "/sim/beskeder?til=kommune%20101&efter=4"})
		require.Equal(t, http.StatusOK, status)
		assert.Len(t, body["beskeder"], 1)
	})
	t.Run("recipients", func(t *testing.T) {
		c, s := start(t)
		s.Limits.Recipients = 1
		c.seed(cpr1, map[string]any{"jobcenter": 101})
		c.seed(distinctCPR(0), map[string]any{"jobcenter": 147})
		status, _ := c.do(req{method: "POST", path: "/v1/Fravaer", cpr: cpr1, body: absenceBody("fr-1")})
		require.Equal(t, http.StatusOK, status)
		status, _ = c.do(req{method: "POST", path: "/v1/Fravaer", cpr: distinctCPR(0), body: absenceBody("fr-1")})
		assert.Equal(t, http.StatusInsufficientStorage, status, "a second recipient")
		_, ok := s.Store.Get(mustCPR(t, distinctCPR(0)))
		assert.True(t, ok, "the seeded citizen stays")
		assert.Empty(t, c.citizen(distinctCPR(0))["fravaer"], "the refused decision is not stored")
	})
}

// DELETE /sim empties the test double for the next test.
func TestReset(t *testing.T) {
	c, s := start(t)
	c.seed(cpr1, map[string]any{"jobcenter": 101})
	status, _ := c.do(req{method: "POST", path: "/v1/Fravaer", cpr: cpr1, requestID: "r-1", body: absenceBody("fr-1")})
	require.Equal(t, http.StatusOK, status)
	status, _ = c.do(req{method: "DELETE", path: "/sim"})
	require.Equal(t, http.StatusOK, status)
	assert.Zero(t, s.Store.Len())
	assert.Empty(t, c.feed("kommune 101"))
	c.seed(cpr1, map[string]any{"jobcenter": 101})
	status, _ = c.do(req{method: "POST", path: "/v1/Fravaer", cpr: cpr1, requestID: "r-1", body: absenceBody("fr-1")})
	assert.Equal(t, http.StatusOK, status, "request ids are forgotten too")
}

// x-requestId as DFDG documents it: a repeat of a request that succeeded answers 412 for 7 days; a
// rejected request does not spend its id, so the client can correct it and retry.
func TestRequestIDs(t *testing.T) {
	c, s := start(t)
	clock := time.Date(2025, 9, 15, 9, 0, 0, 0, time.UTC)
	var mu sync.Mutex
	s.Now = func() time.Time { mu.Lock(); defer mu.Unlock(); return clock }
	advance := func(d time.Duration) { mu.Lock(); clock = clock.Add(d); mu.Unlock() }
	c.seed(cpr1, map[string]any{"jobcenter": 101})

	status, _ := c.do(req{method: "POST", path: "/v1/Fravaer", cpr: cpr1, requestID: "r-1", body: `{"fravaerIdentifier": "fr-1"}`})
	require.Equal(t, http.StatusBadRequest, status)
	status, _ = c.do(req{method: "POST", path: "/v1/Fravaer", cpr: cpr1, requestID: "r-1", body: absenceBody("fr-1")})
	require.Equal(t, http.StatusOK, status, "the retry after a 400 is served")
	status, _ = c.do(req{method: "POST", path: "/v1/Fravaer", cpr: cpr1, requestID: "r-1", body: absenceBody("fr-2")})
	assert.Equal(t, http.StatusPreconditionFailed, status)
	advance(7*24*time.Hour - time.Second)
	status, _ = c.do(req{method: "POST", path: "/v1/Fravaer", cpr: cpr1, requestID: "r-1", body: absenceBody("fr-2")})
	assert.Equal(t, http.StatusPreconditionFailed, status, "kept 7 days")
	advance(time.Second)
	status, _ = c.do(req{method: "POST", path: "/v1/Fravaer", cpr: cpr1, requestID: "r-1", body: absenceBody("fr-2")})
	assert.Equal(t, http.StatusOK, status, "and no longer")

	s.Limits.RequestIDs = 2
	for _, id := range []string{"a", "b", "c"} {
		status, _ = c.do(req{method: "POST", path: "/v1/Fravaer", cpr: cpr1, requestID: id, body: absenceBody("fr-" + id)})
		require.Equal(t, http.StatusOK, status)
	}
	status, _ = c.do(req{method: "POST", path: "/v1/Fravaer", cpr: cpr1, requestID: "b", body: absenceBody("fr-x")})
	assert.Equal(t, http.StatusPreconditionFailed, status, "b is among the newest two")
	status, _ = c.do(req{method: "POST", path: "/v1/Fravaer", cpr: cpr1, requestID: "a", body: absenceBody("fr-y")})
	assert.Equal(t, http.StatusOK, status, "a, the oldest, is forgotten")
}

// Two concurrent requests with one x-requestId: at most one succeeds.
func TestRequestIDConcurrent(t *testing.T) {
	c, _ := start(t)
	c.seed(cpr1, map[string]any{"jobcenter": 101})
	var ok atomic.Int32
	var wg sync.WaitGroup
	for i := range 20 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			status, _ := c.do(req{method: "POST", path: "/v1/Fravaer", cpr: cpr1, requestID: "same", body: absenceBody(fmt.Sprint("fr-", i))})
			if status == http.StatusOK {
				ok.Add(1)
			}
		}()
	}
	wg.Wait()
	assert.EqualValues(t, 1, ok.Load())
}

// A body is JSON only when it says so.
func TestContentType(t *testing.T) {
	c, _ := start(t)
	c.seed(cpr1, map[string]any{"jobcenter": 101})
	for i, tc := range []struct {
		contentType string
		status      int
	}{
		{"application/x-www-form-urlencoded", http.StatusUnsupportedMediaType},
		{"text/plain", http.StatusUnsupportedMediaType},
		{"", http.StatusUnsupportedMediaType},
		{"application/json; charset=utf-8", http.StatusOK},
		{"Application/JSON", http.StatusOK},
		{"application/problem+json", http.StatusOK},
	} {
		hr, err := http.NewRequest("POST", c.url+"/v1/Fravaer", strings.NewReader(fmt.Sprintf(`{"fravaerIdentifier": "fr-%d", "fravaerType": 1, "periode": {"startdato": "2025-10-01"}}`, i)))
		require.NoError(t, err)
		hr.Header.Set(HeaderCPR, cpr1)
		if tc.contentType != "" {
			hr.Header.Set("Content-Type", tc.contentType)
		}
		resp, err := c.hc.Do(hr)
		require.NoError(t, err)
		raw, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		assert.Equal(t, tc.status, resp.StatusCode, "%q: %s", tc.contentType, raw)
	}
}

// A huge header is not echoed: the value in the answer is cut, and the real server refuses headers
// over its limit.
func TestHugeHeaderIsNotEchoed(t *testing.T) {
	r := httptest.NewRequest("POST", "/v1/Fravaer", strings.NewReader("{}"))
	r.Header.Set(HeaderCPR, cpr1)
	r.Header.Set(HeaderActor, strings.Repeat("k", 900<<10))
	w := httptest.NewRecorder()
	NewServer(NewMemoryStore()).ServeHTTP(w, r)
	assert.Equal(t, http.StatusBadRequest, w.Code)
	assert.Less(t, w.Body.Len(), 2<<10, "the answer is small")

	ts := httptest.NewUnstartedServer(nil)
	ts.Config = newHTTPServer(NewServer(NewMemoryStore()), testLogger(io.Discard))
	ts.Start()
	defer ts.Close()
	hr, _ := http.NewRequest("GET", ts.URL+"/v1/MinPlan", nil)
	hr.Header.Set(HeaderActor, strings.Repeat("k", 900<<10))
	resp, err := ts.Client().Do(hr)
	require.NoError(t, err)
	resp.Body.Close()
	assert.Equal(t, http.StatusRequestHeaderFieldsTooLarge, resp.StatusCode)
}

// The server has timeouts, so a client that stalls in its body loses the connection.
func TestStalledBodyLosesTheConnection(t *testing.T) {
	srv := newHTTPServer(NewServer(NewMemoryStore()), testLogger(io.Discard))
	for name, d := range map[string]time.Duration{"ReadHeaderTimeout": srv.ReadHeaderTimeout, "ReadTimeout": srv.ReadTimeout,
		"WriteTimeout": srv.WriteTimeout, "IdleTimeout": srv.IdleTimeout} {
		assert.Positive(t, d, name)
	}
	assert.Positive(t, srv.MaxHeaderBytes)

	srv.ReadTimeout = 200 * time.Millisecond
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	require.NoError(t, err)
	go srv.Serve(ln)
	defer srv.Close()
	conn, err := net.Dial("tcp", ln.Addr().String())
	require.NoError(t, err)
	defer conn.Close()
	fmt.Fprintf(conn, "POST /v1/Fravaer HTTP/1.1\r\nHost: x\r\n%s: %s\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{\"fra", HeaderCPR, cpr1)
	begin := time.Now()
	require.NoError(t, conn.SetReadDeadline(time.Now().Add(5*time.Second)))
	_, err = io.ReadAll(bufio.NewReader(conn))
	assert.NoError(t, err, "the server closes the connection; the read does not time out")
	assert.Less(t, time.Since(begin), 3*time.Second)
}

// Shutting down with a client stalled in its body still ends well and soon.
func TestShutdownWithAStalledClient(t *testing.T) {
	t.Parallel()
	ctx, cancel := context.WithCancel(context.Background())
	var logged syncBuffer
	done := make(chan error, 1)
	go func() { done <- serve(ctx, "127.0.0.1:0", NewServer(NewMemoryStore()), testLogger(&logged)) }()
	var addr string
	require.Eventually(t, func() bool {
		_, addr, _ = strings.Cut(logged.String(), "http://")
		addr, _, _ = strings.Cut(addr, "\n")
		return addr != ""
	}, 2*time.Second, 10*time.Millisecond)
	conn, err := net.Dial("tcp", addr)
	require.NoError(t, err)
	defer conn.Close()
	fmt.Fprintf(conn, "POST /v1/Fravaer HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{")
	time.Sleep(50 * time.Millisecond)
	begin := time.Now()
	cancel()
	select {
	case err := <-done:
		assert.NoError(t, err)
		assert.Less(t, time.Since(begin), shutdownTimeout+2*time.Second)
	case <-time.After(readTimeout + shutdownTimeout + 5*time.Second):
		t.Fatal("serve did not return")
	}
}

type syncBuffer struct {
	mu sync.Mutex
	b  strings.Builder
}

func (b *syncBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.b.Write(p)
}

func (b *syncBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.b.String()
}

func mustCPR(t *testing.T, s string) dfdg.CPR {
	t.Helper()
	cpr, err := dfdg.ParseCPR(s)
	require.NoError(t, err)
	return cpr
}

// Issue 13: no answer holds a CPR number, not even one the caller put in a description; the store
// keeps what was sent.
func TestAnswersMaskCPR(t *testing.T) {
	c, s := start(t)
	c.seed(cpr1, map[string]any{"jobcenter": 101, "plan": map[string]any{"planIdentifier": "p-1", "plantype": "Jobplan"}})
	status, body := c.do(req{method: "POST", path: "/v1/Aktivitet", cpr: cpr1, body: map[string]any{"aktivitetIdentifier": "a-1",
		"aktivitetstype": 7, "beskrivelse": "Aftalt med 070761-4321", "periode": map[string]any{"startdato": "2025-10-01"}}})
	require.Equal(t, http.StatusOK, status, body)
	raw, _ := json.Marshal(body)
	assert.Contains(t, string(raw), "Aftalt med 070761-xxxx")
	raw, _ = json.Marshal(c.citizen(cpr1))
	assert.NotContains(t, string(raw), "4321")
	cit, _ := s.Store.Get(mustCPR(t, cpr1))
	assert.Equal(t, "Aftalt med 070761-4321", cit.Activities[0].Description, "stored as sent")
}

// Issue 13, found by FuzzHandlers: a path with "." or ".." answers JSON, not ServeMux's HTML redirect.
func TestUncleanPathAnswersJSON(t *testing.T) {
	for _, p := range []string{"/v1/Tilmelding/.", "/v1/Tilmelding/../Fravaer", "/v1//Fravaer", "/v1/Fravaer/"} {
		w := httptest.NewRecorder()
		NewServer(NewMemoryStore()).ServeHTTP(w, httptest.NewRequest("GET", p, nil))
		assert.Equal(t, http.StatusNotFound, w.Code, p)
		assert.True(t, json.Valid(w.Body.Bytes()), "%s: %s", p, w.Body)
	}
}

// A citizen seeded as dead gets DFDG's 4405 from the services that create: CreateFravaer and
// CreateKontaktgruppe.
func TestDeadCitizenGets4405(t *testing.T) {
	c, _ := start(t)
	c.seed(cpr1, map[string]any{"jobcenter": 101, "doedsdato": "2020-01-01"})
	status, body := c.do(req{method: "POST", path: "/v1/Fravaer", cpr: cpr1, body: absenceBody("fr-1")})
	require.Equal(t, http.StatusBadRequest, status)
	assert.EqualValues(t, 4405, body["kode"])
	assert.Equal(t, "Borgeren med det specificerede CPR nummer er død", body["tekst"])
	status, body = c.do(req{method: "POST", path: "/v1/PersonVisitering/kontaktgruppe", cpr: cpr1, body: map[string]any{"kontaktgruppeType": 1}})
	require.Equal(t, http.StatusBadRequest, status)
	assert.EqualValues(t, 4405, body["kode"])
	assert.Equal(t, "2020-01-01", c.citizen(cpr1)["doedsdato"])
}

// Issue 25: the caps on citizens and on recipients hold under requests at once at the cap: the check
// and the add are one step, so no two requests take the last place together.
func TestCapsHoldUnderConcurrency(t *testing.T) {
	c, s := start(t)
	s.Store = slowStore{s.Store.(*MemoryStore)} // widens the gap a check and an add apart would leave
	s.Limits.Citizens, s.Limits.Recipients = 5, 3
	municipalities := []int{101, 147, 151, 153, 155, 157, 159, 161, 163, 165}
	var wg sync.WaitGroup
	for i := range 40 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			cpr := distinctCPR(i)
			status, _ := c.do(req{method: "PUT", path: "/sim/borger", cpr: cpr, body: map[string]any{"jobcenter": municipalities[i%len(municipalities)]}})
			if status != http.StatusOK {
				return
			}
			c.do(req{method: "POST", path: "/v1/Fravaer", cpr: cpr, body: absenceBody(fmt.Sprint("fr-", i))})
		}()
	}
	wg.Wait()
	assert.Equal(t, 5, s.Store.Len(), "the citizens' cap")
	s.Feed.mu.Lock()
	recipients := len(s.Feed.queue)
	s.Feed.mu.Unlock()
	assert.LessOrEqual(t, recipients, 3, "the recipients' cap")
	assert.Positive(t, recipients)
}

// slowStore is a MemoryStore whose updates take a while after the decision, as a store on a disk does.
type slowStore struct{ *MemoryStore }

func (s slowStore) Update(cpr dfdg.CPR, fn func(dfdg.Citizen) (dfdg.Citizen, error)) error {
	return s.MemoryStore.Update(cpr, func(c dfdg.Citizen) (dfdg.Citizen, error) {
		next, err := fn(c)
		time.Sleep(5 * time.Millisecond)
		return next, err
	})
}

// Issue 25: bytes bound the memory, not records alone: a citizen grows to its limit in bytes and no
// further (507), all citizens together to theirs, and the store keeps what it had; a reset frees it.
func TestByteLimits(t *testing.T) {
	c, s := start(t)
	s.Limits.CitizenBytes, s.Limits.TotalBytes = 20_000, 30_000
	long := strings.Repeat("æ", 3000) // 6,000 bytes of JSON
	add := func(cpr, id string) int {
		body := absenceBody(id)
		body["fravaerskommentar"] = long[:1500*2] // 1,500 characters, the documented most
		status, _ := c.do(req{method: "POST", path: "/v1/Fravaer", cpr: cpr, body: body})
		return status
	}
	c.seed(cpr1, map[string]any{"jobcenter": 101})
	statuses := []int{}
	for i := range 10 {
		statuses = append(statuses, add(cpr1, fmt.Sprint("fr-", i)))
	}
	assert.Contains(t, statuses, http.StatusInsufficientStorage, "the citizen's bytes: %v", statuses)
	cit, _ := s.Store.Get(cpr1Parsed(t))
	b, _ := json.Marshal(cit)
	assert.LessOrEqual(t, len(b), 20_000)

	other := distinctCPR(7)
	c.seed(other, map[string]any{"jobcenter": 101})
	statuses = statuses[:0]
	for i := range 10 {
		statuses = append(statuses, add(other, fmt.Sprint("fr-", i)))
	}
	assert.Contains(t, statuses, http.StatusInsufficientStorage, "all citizens' bytes: %v", statuses)
	s.bytes.mu.Lock()
	total := s.bytes.total
	s.bytes.mu.Unlock()
	assert.LessOrEqual(t, total, int64(30_000))

	status, _ := c.do(req{method: "DELETE", path: "/sim"})
	require.Equal(t, http.StatusOK, status)
	c.seed(cpr1, map[string]any{"jobcenter": 101})
	assert.Equal(t, http.StatusOK, add(cpr1, "fr-0"), "a reset frees the bytes")
}

func cpr1Parsed(t *testing.T) dfdg.CPR {
	t.Helper()
	cpr, err := dfdg.ParseCPR(cpr1)
	require.NoError(t, err)
	return cpr
}
