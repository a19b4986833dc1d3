package main

import (
	"sync"
	"time"
)

// requestIDs remembers the x-requestIds of the requests that succeeded, as DFDG does: a repeat
// answers 412, and an id is kept 7 days ("Requestid gemmes kun i 7 dage", Kontaktforloeb.
// IndkaldelseService v2). An id is reserved while its request runs, so that two concurrent requests
// with one id cannot both succeed, and released if the request fails, so that a client may retry a
// rejected request with the same id. At most max ids are kept; past that the oldest is forgotten.
type requestIDs struct {
	mu    sync.Mutex
	ids   map[string]requestID
	order []used // committed ids, oldest first; order[head:] are live
	head  int
}

type used struct {
	id string
	at time.Time
}

type requestID struct {
	at      time.Time // when the request succeeded
	pending bool
}

func newRequestIDs() *requestIDs { return &requestIDs{ids: map[string]requestID{}} }

// reserve claims id for a request starting at now, forgetting ids older than age first, and
// reports whether id was free.
func (r *requestIDs) reserve(id string, now time.Time, age time.Duration) bool {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.expire(now, age, -1)
	if _, used := r.ids[id]; used {
		return false
	}
	r.ids[id] = requestID{pending: true}
	return true
}

// commit marks id as used by a request that succeeded at now, keeping at most max ids.
func (r *requestIDs) commit(id string, now time.Time, max int) {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.ids[id] = requestID{at: now}
	r.order = append(r.order, used{id, now})
	r.expire(now, 0, max)
}

// release frees id after a request that failed.
func (r *requestIDs) release(id string) {
	r.mu.Lock()
	defer r.mu.Unlock()
	if e, ok := r.ids[id]; ok && e.pending {
		delete(r.ids, id)
	}
}

// expire forgets committed ids older than age (when age > 0) and the oldest beyond max (when
// max >= 0).
func (r *requestIDs) expire(now time.Time, age time.Duration, max int) {
	for r.head < len(r.order) {
		u := r.order[r.head]
		tooOld := age > 0 && now.Sub(u.at) >= age
		tooMany := max >= 0 && len(r.order)-r.head > max
		if !tooOld && !tooMany {
			break
		}
		// The id may since have been forgotten and used again: only this use is forgotten.
		if e, ok := r.ids[u.id]; ok && !e.pending && e.at.Equal(u.at) {
			delete(r.ids, u.id)
		}
		r.order[r.head] = used{}
		r.head++
	}
	if r.head > len(r.order)/2 {
		r.order = append(r.order[:0], r.order[r.head:]...)
		r.head = 0
	}
}

// reset forgets every id.
func (r *requestIDs) reset() {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.ids, r.order, r.head = map[string]requestID{}, nil, 0
}
