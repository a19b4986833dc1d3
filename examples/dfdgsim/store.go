package main

import (
	"sync"
	"sync/atomic"

	"github.com/regelkit/dfdg"
)

// Store keeps citizens by their CPR number. Update must run fn and save its result atomically for
// that citizen, so that concurrent requests for one citizen never lose an update; the in-memory store
// is the default, and another store (a database) can be plugged in behind the same interface.
type Store interface {
	// Get returns the citizen with the CPR number, if there is one.
	Get(cpr dfdg.CPR) (dfdg.Citizen, bool)
	// Update runs fn on the citizen (the zero dfdg.Citizen when there is none) and stores what it returns,
	// unless it returns an error: then the store holds what it held before, and no citizen for a CPR
	// number it did not know. Updates of one citizen are serialised.
	Update(cpr dfdg.CPR, fn func(dfdg.Citizen) (dfdg.Citizen, error)) error
	// Len returns the number of citizens held.
	Len() int
	// Reset forgets every citizen.
	Reset()
}

// MemoryStore is a Store in memory, with one lock per citizen.
type MemoryStore struct {
	mu       sync.Mutex
	citizens map[string]*entry
	stored   int // entries with a citizen stored
}

// entry is one citizen's place in the store. refs counts the updates holding it, so that an update
// rejected on a citizen that was never stored removes the entry only when no other update waits on it.
type entry struct {
	mu      sync.Mutex
	citizen dfdg.Citizen
	stored  atomic.Bool
	refs    int // guarded by MemoryStore.mu
}

// NewMemoryStore returns an empty MemoryStore.
func NewMemoryStore() *MemoryStore { return &MemoryStore{citizens: map[string]*entry{}} }

// acquire returns the citizen's entry, making one if there is none, and counts the caller in.
func (s *MemoryStore) acquire(cpr dfdg.CPR) *entry {
	s.mu.Lock()
	defer s.mu.Unlock()
	e, ok := s.citizens[cpr.Unmasked()]
	if !ok {
		e = &entry{}
		s.citizens[cpr.Unmasked()] = e
	}
	e.refs++
	return e
}

// release counts the caller out, and drops the entry if nothing was ever stored in it and no other
// update holds it.
func (s *MemoryStore) release(cpr dfdg.CPR, e *entry) {
	s.mu.Lock()
	defer s.mu.Unlock()
	e.refs--
	if e.refs == 0 && !e.stored.Load() && s.citizens[cpr.Unmasked()] == e {
		delete(s.citizens, cpr.Unmasked())
	}
}

// Get returns the citizen with the CPR number.
func (s *MemoryStore) Get(cpr dfdg.CPR) (dfdg.Citizen, bool) {
	s.mu.Lock()
	e, ok := s.citizens[cpr.Unmasked()]
	s.mu.Unlock()
	if !ok || !e.stored.Load() {
		return dfdg.Citizen{}, false
	}
	e.mu.Lock()
	defer e.mu.Unlock()
	return e.citizen, true
}

// Update runs fn under the citizen's lock.
func (s *MemoryStore) Update(cpr dfdg.CPR, fn func(dfdg.Citizen) (dfdg.Citizen, error)) error {
	e := s.acquire(cpr)
	defer s.release(cpr, e)
	e.mu.Lock()
	defer e.mu.Unlock()
	next, err := fn(e.citizen)
	if err != nil {
		return err
	}
	e.citizen = next
	if !e.stored.Load() {
		s.mu.Lock()
		if s.citizens[cpr.Unmasked()] == e {
			s.stored++
		}
		e.stored.Store(true)
		s.mu.Unlock()
	}
	return nil
}

// Len returns the number of citizens stored.
func (s *MemoryStore) Len() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.stored
}

// Reset forgets every citizen. Updates under way finish on entries no longer in the store.
func (s *MemoryStore) Reset() {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.citizens = map[string]*entry{}
	s.stored = 0
}
