package main

import (
	"fmt"
	"net/http"
	"os"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// run sends n requests from workers goroutines, makeReq(i) for i in [from, from+n), and returns how
// many answered each status and the requests per second.
func (c *client) run(from, n, workers int, makeReq func(i int) req) (map[int]int, float64) {
	unchecked := *c
	unchecked.unchecked = true
	c = &unchecked
	jobs := make(chan int)
	var mu sync.Mutex
	statuses := map[int]int{}
	var wg sync.WaitGroup
	begin := time.Now()
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range jobs {
				status, _ := c.do(makeReq(i))
				mu.Lock()
				statuses[status]++
				mu.Unlock()
			}
		}()
	}
	for i := from; i < from+n; i++ {
		jobs <- i
	}
	close(jobs)
	wg.Wait()
	return statuses, float64(n) / time.Since(begin).Seconds()
}

func liveHeap() uint64 {
	runtime.GC()
	runtime.GC()
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	return m.HeapAlloc
}

// Issue 13's load test, on loopback: a stream of rejected requests with distinct CPR numbers leaves
// the memory flat, and rounds of writes on a few citizens all succeed; their throughput is logged, and
// asserted to hold across rounds only with DFDGSIM_ASSERT_THROUGHPUT set (it depends on the machine).
func TestLoad(t *testing.T) {
	if testing.Short() {
		t.Skip("load test")
	}
	const workers = 4
	t.Run("rejected requests with distinct CPR numbers", func(t *testing.T) {
		c, s := start(t)
		bad := func(i int) req {
			return req{method: "POST", path: "/v1/Fravaer", cpr: distinctCPR(i), requestID: fmt.Sprint("r-", i),
				body: `{"fravaerIdentifier": "x", "fravaerType": 1, "periode": {"startdato": "2025-10-05", "slutdato": "2025-10-04"}}`}
		}
		c.run(0, 2_000, workers, bad) // warm up connections and pools
		before := liveHeap()
		const n = 20_000
		statuses, rate := c.run(2_000, n, workers, bad)
		after := liveHeap()
		assert.Equal(t, map[int]int{http.StatusBadRequest: n}, statuses)
		assert.Zero(t, s.Store.Len(), "no citizen is stored")
		growth := int64(after) - int64(before)
		t.Logf("%d rejected requests, %.0f requests/s: live heap %.1f MB → %.1f MB (%+d bytes)", n, rate,
			float64(before)/1e6, float64(after)/1e6, growth)
		assert.Less(t, growth, int64(1<<20), "the live heap grows less than 1 MB over %d requests", n)
	})
	t.Run("rounds of writes on 20 citizens", func(t *testing.T) {
		c, s := start(t)
		const citizens, rounds, perRound = 20, 5, 2_000
		cprs := make([]string, citizens)
		for i := range cprs {
			cprs[i] = distinctCPR(i)
			c.seed(cprs[i], map[string]any{"jobcenter": 101})
		}
		write := func(i int) req {
			return req{method: "POST", path: "/v1/Fravaer", cpr: cprs[i%citizens], requestID: fmt.Sprint("w-", i), body: absenceBody(fmt.Sprint("fr-", i))}
		}
		var rates []float64
		var failed atomic.Int32
		for r := range rounds {
			statuses, rate := c.run(r*perRound, perRound, workers, write)
			if statuses[http.StatusOK] != perRound {
				failed.Add(1)
				t.Errorf("round %d: %v", r+1, statuses)
			}
			rates = append(rates, rate)
		}
		cit, ok := s.Store.Get(mustCPR(t, cprs[0]))
		require.True(t, ok)
		assert.Len(t, cit.Absences, rounds*perRound/citizens)
		t.Logf("requests/s per round of %d writes (each citizen ends with %d absences): %.0f", perRound, rounds*perRound/citizens, rates)
		// Throughput depends on the machine and what else runs on it, so the default run only reports
		// it; DFDGSIM_ASSERT_THROUGHPUT=1 asserts that it holds across rounds, on a machine kept quiet.
		if os.Getenv("DFDGSIM_ASSERT_THROUGHPUT") != "" {
			assert.Greater(t, slices.Min(rates), slices.Max(rates)/3, "throughput holds across rounds")
		}
	})
}

// rss returns the process's resident set size in bytes, from /proc (0 where there is none).
func rss() int64 {
	b, err := os.ReadFile("/proc/self/status")
	if err != nil {
		return 0
	}
	for _, line := range strings.Split(string(b), "\n") {
		if v, ok := strings.CutPrefix(line, "VmRSS:"); ok {
			kb, _ := strconv.ParseInt(strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(v), "kB")), 10, 64)
			return kb << 10
		}
	}
	return 0
}

// Issue 25's abuse run, behind DFDGSIM_MEASURE_RSS (it takes a minute and measures the machine): 5,000
// activities with 60 KB descriptions, over 100 citizens, against the default limits. The bytes limits
// refuse what would pass them (507), so the resident memory stays bounded; the figures go to the README.
func TestAbuseRSS(t *testing.T) {
	if os.Getenv("DFDGSIM_MEASURE_RSS") == "" {
		t.Skip("set DFDGSIM_MEASURE_RSS=1 to measure the resident memory under the abuse run")
	}
	c, s := start(t)
	const citizens, n = 100, 5_000
	cprs := make([]string, citizens)
	for i := range cprs {
		cprs[i] = distinctCPR(i)
		c.seed(cprs[i], map[string]any{"jobcenter": 101, "akasse": "ak-1"})
	}
	description := strings.Repeat("x", 60_000)
	before := rss()
	statuses, rate := c.run(0, n, 4, func(i int) req {
		return req{method: "POST", path: "/v1/Aktivitet", cpr: cprs[i%citizens], body: map[string]any{
			"aktivitetIdentifier": fmt.Sprint("a-", i), "aktivitetstype": 7, "beskrivelse": description,
			"periode": map[string]any{"startdato": "2025-10-01", "slutdato": "2025-10-31"}}}
	})
	runtime.GC()
	after := rss()
	s.bytes.mu.Lock()
	held := s.bytes.total
	s.bytes.mu.Unlock()
	t.Logf("%d activities of 60 KB over %d citizens at %.0f requests/s: %v; held %.0f MB of JSON (limit %d MB); RSS %.0f MB → %.0f MB",
		n, citizens, rate, statuses, float64(held)/1e6, s.limits().TotalBytes>>20, float64(before)/1e6, float64(after)/1e6)
	assert.Positive(t, statuses[http.StatusInsufficientStorage], "the limit in bytes was reached")
	assert.LessOrEqual(t, held, s.limits().TotalBytes)
	assert.Less(t, after, before+4*s.limits().TotalBytes, "resident memory stays within a few times the limit")
}
