package main

import (
	"sync"

	"github.com/regelkit/dfdg"
)

// Store keeps citizens by their CPR number. Update must run fn and save its result atomically for
// that citizen, so that concurrent requests for one citizen never lose an update; the in-memory store
// is the default, and another store (a database) can be plugged in behind the same interface.
type Store interface {
	// Get returns the citizen with the CPR number, if there is one.
	Get(cpr dfdg.CPR) (dfdg.Citizen, bool)
	// Update runs fn on the citizen (the zero dfdg.Citizen when there is none) and stores what it returns,
	// unless it returns an error. Updates of one citizen are serialised.
	Update(cpr dfdg.CPR, fn func(dfdg.Citizen) (dfdg.Citizen, error)) error
}

// MemoryStore is a Store in memory, with one lock per citizen.
type MemoryStore struct {
	mu       sync.Mutex
	citizens map[string]*entry
}

type entry struct {
	mu      sync.Mutex
	citizen dfdg.Citizen
}

// NewMemoryStore returns an empty MemoryStore.
func NewMemoryStore() *MemoryStore { return &MemoryStore{citizens: map[string]*entry{}} }

func (s *MemoryStore) entry(cpr dfdg.CPR) *entry {
	s.mu.Lock()
	defer s.mu.Unlock()
	e, ok := s.citizens[cpr.Unmasked()]
	if !ok {
		e = &entry{}
		s.citizens[cpr.Unmasked()] = e
	}
	return e
}

// Get returns the citizen with the CPR number.
func (s *MemoryStore) Get(cpr dfdg.CPR) (dfdg.Citizen, bool) {
	s.mu.Lock()
	e, ok := s.citizens[cpr.Unmasked()]
	s.mu.Unlock()
	if !ok {
		return dfdg.Citizen{}, false
	}
	e.mu.Lock()
	defer e.mu.Unlock()
	return e.citizen, true
}

// Update runs fn under the citizen's lock.
func (s *MemoryStore) Update(cpr dfdg.CPR, fn func(dfdg.Citizen) (dfdg.Citizen, error)) error {
	e := s.entry(cpr)
	e.mu.Lock()
	defer e.mu.Unlock()
	next, err := fn(e.citizen)
	if err != nil {
		return err
	}
	e.citizen = next
	return nil
}
