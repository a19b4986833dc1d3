package main

import (
	"sync"

	"github.com/regelkit/dfdg"
	"github.com/regelkit/dfdg/absence"
	"github.com/regelkit/dfdg/activity"
	"github.com/regelkit/dfdg/contactgroup"
	"github.com/regelkit/dfdg/plan"
)

// Citizen is everything the test double keeps about one citizen.
type Citizen struct {
	// State is the contact-group state and the absences.
	State absence.State `json:"tilstand"`
	// Registrations is every registration as jobseeker the citizen has had, ended ones included,
	// so that reading one that is due for GDPR deletion can answer 4589.
	Registrations []contactgroup.Registration `json:"tilmeldinger,omitempty"`
	Plan          *plan.Plan                  `json:"plan,omitempty"`
	Activities    []activity.Activity         `json:"aktiviteter,omitempty"`
}

// activityCitizen is the citizen as package activity reads it at now's contact group.
func (c Citizen) activityCitizen(group int) activity.Citizen {
	return activity.Citizen{Jobcentre: c.State.Citizen.Jobcentre, Akasse: c.State.Citizen.Akasse, ContactGroup: group,
		Plan: c.Plan, Activities: c.Activities}
}

// Store keeps citizens by their CPR number. Update must run fn and save its result atomically for
// that citizen, so that concurrent requests for one citizen never lose an update; the in-memory store
// is the default, and another store (a database) can be plugged in behind the same interface.
type Store interface {
	// Get returns the citizen with the CPR number, if there is one.
	Get(cpr dfdg.CPR) (Citizen, bool)
	// Update runs fn on the citizen (the zero Citizen when there is none) and stores what it returns,
	// unless it returns an error. Updates of one citizen are serialised.
	Update(cpr dfdg.CPR, fn func(Citizen) (Citizen, error)) error
}

// MemoryStore is a Store in memory, with one lock per citizen.
type MemoryStore struct {
	mu       sync.Mutex
	citizens map[string]*entry
}

type entry struct {
	mu      sync.Mutex
	citizen Citizen
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
func (s *MemoryStore) Get(cpr dfdg.CPR) (Citizen, bool) {
	s.mu.Lock()
	e, ok := s.citizens[cpr.Unmasked()]
	s.mu.Unlock()
	if !ok {
		return Citizen{}, false
	}
	e.mu.Lock()
	defer e.mu.Unlock()
	return e.citizen, true
}

// Update runs fn under the citizen's lock.
func (s *MemoryStore) Update(cpr dfdg.CPR, fn func(Citizen) (Citizen, error)) error {
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
