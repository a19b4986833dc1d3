package absence_test

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"testing"
	"time"

	"github.com/regelkit/dfdg"
	"github.com/regelkit/dfdg/absence"
	"github.com/regelkit/dfdg/codelist"
	"github.com/regelkit/dfdg/contactgroup"
	"github.com/stretchr/testify/require"
)

func cloneState(s dfdg.Citizen) dfdg.Citizen {
	s.Absences = slices.Clone(s.Absences)
	s.Memberships = slices.Clone(s.Memberships)
	s.Participation = slices.Clone(s.Participation)
	return s
}

// requireNoForbiddenOverlap checks the state holds no two absences that overlap against the policy.
func requireNoForbiddenOverlap(t *testing.T, s dfdg.Citizen) {
	t.Helper()
	types := codelist.Default().AbsenceTypes()
	for i, a := range s.Absences {
		require.NoError(t, a.Period.Valid(), "absence %+v", a)
		for _, b := range s.Absences[i+1:] {
			// Each registration was checked under its own type's policy: one of the two allowed it.
			if a.Period.Overlaps(b.Period) {
				require.True(t, types.MayOverlap(int(a.Type), int(b.Type)) || types.MayOverlap(int(b.Type), int(a.Type)), "%+v overlaps %+v", a, b)
			}
		}
	}
}

// Random sequences of KSD reports, recoveries and resumptions, jobseeker registrations and other
// absences: group 24 is closed after every recovery, each recovery sends one Fravaer.WSB and it is an
// Update, no forbidden overlap and no end before start is produced, and the input is never modified.
func TestRule2_4_PropertySicknessSequences(t *testing.T) {
	runs := 1500
	if testing.Short() {
		runs = 150
	}
	recoveries := 0
	for seed := range runs {
		r := rand.New(rand.NewPCG(uint64(seed), 24))
		s := state()
		s.Participation = []dfdg.Participation{{ID: "dv", Conversation: 17, Choice: 3}}
		now := at("2025-08-01 08:00")
		for step := range 30 {
			now = now.Add(time.Duration(1+r.IntN(6*24*60)) * time.Minute)
			today := dfdg.DateOf(now)
			id := fmt.Sprintf("s%d-%d", seed, step)
			before := cloneState(s)
			var d dfdg.Decision
			var err error
			var open, ended []string
			for _, a := range s.Absences {
				if a.Type == sygdom {
					if a.Period.Open() {
						open = append(open, a.ID)
					} else {
						ended = append(ended, a.ID)
					}
				}
			}
			kind := r.IntN(6)
			switch kind {
			case 0:
				d, err = rules.ReportSick(ksdAt(now), s, dfdg.Absence{ID: id, Type: sygdom, Period: dfdg.Period{Start: today.AddDays(-r.IntN(20))}})
			case 1:
				if len(open) == 0 {
					continue
				}
				d, err = rules.Recover(ksdAt(now), s, absence.Recovery{ID: open[r.IntN(len(open))], End: today.AddDays(-r.IntN(3))})
				if err == nil {
					recoveries++
					n := 0
					for _, m := range d.Messages {
						if m.Name == dfdg.FravaerWSB {
							n++
							require.Equal(t, dfdg.Update, m.Change)
						}
					}
					require.Equal(t, 1, n, "one Fravaer.WSB per recovery")
				}
			case 2:
				if len(ended) == 0 {
					continue
				}
				d, err = rules.Resume(ksdAt(now), s, absence.Resumption{ID: ended[r.IntN(len(ended))]})
			case 3:
				var cd dfdg.Decision
				cd, err = contactgroup.Rules{}.RegisterJobseeker(by(dfdg.MunicipalityActor(kbh), now, "kg-"+id), s,
					contactgroup.RegistrationRequest{ID: "reg-" + id, Category: 2, Group: 1})
				if err == nil {
					s = s.Apply(cd)
				}
				continue
			case 4:
				typ := []dfdg.AbsenceType{dfdg.Ferie, dfdg.Feriefravaer47, dfdg.ManglendePasningsmulighed, 1, 75}[r.IntN(5)]
				p := dfdg.Period{Start: today.AddDays(r.IntN(30) - 10)}
				if r.IntN(3) > 0 {
					p.End = p.Start.AddDays(r.IntN(20))
				}
				d, err = rules.Create(by(dfdg.MunicipalityActor(kbh), now), s, dfdg.Absence{ID: id, Type: typ, Period: p})
			case 5:
				if len(s.Absences) == 0 {
					continue
				}
				a := s.Absences[r.IntN(len(s.Absences))]
				d, err = rules.Update(by(dfdg.MunicipalityActor(kbh), now), s, endedOn(s, a.ID, today.AddDays(r.IntN(10)-5)))
			}
			require.Equal(t, before, s, "the input was modified")
			if err != nil {
				require.False(t, d.Changes(), "never a half decision: %v", err)
				continue
			}
			s = s.Apply(d)
			if kind == 1 {
				g, in := s.GroupAt(now)
				require.False(t, in && g.Group == dfdg.SygedagpengeBeskaeftigelse, "group 24 open after a recovery")
			}
			require.Empty(t, contactgroup.Rules{}.CheckHistory(dfdg.At{}, dfdg.Citizen{Memberships: s.Memberships}))
			requireNoForbiddenOverlap(t, s)
			require.Equal(t, before.Participation, s.Participation)
		}
	}
	require.Greater(t, recoveries, runs, "the sequences recover often")
}

// FuzzCreate: no input panics Create, and what it accepts overlaps nothing it may not overlap.
func FuzzCreate(f *testing.F) {
	f.Add(uint64(1), 66, int32(0), int32(10), uint8(5))
	f.Add(uint64(2), 11, int32(-5), int32(-10), uint8(20))
	f.Add(uint64(3), 0, int32(1<<30), int32(0), uint8(0))
	f.Fuzz(func(t *testing.T, seed uint64, typ int, startOff, length int32, n uint8) {
		r := rand.New(rand.NewPCG(seed, 2))
		base := day("2025-07-01")
		s := state()
		for i := range int(n % 40) {
			p := dfdg.Period{Start: base.AddDays(r.IntN(120) - 60)}
			if r.IntN(4) > 0 {
				p.End = p.Start.AddDays(r.IntN(40) - 5) // sometimes backwards
			}
			s.Absences = append(s.Absences, dfdg.Absence{ID: fmt.Sprint("e", i), Type: []dfdg.AbsenceType{10, 47, 66, 11, 1, 59}[r.IntN(6)], Period: p})
		}
		p := dfdg.Period{Start: base.AddDays(int(startOff))}
		if length >= 0 {
			p.End = p.Start.AddDays(int(length))
		}
		a := dfdg.Absence{ID: "new", Type: dfdg.AbsenceType(typ), Period: p}
		before := cloneState(s)
		d, err := rules.Create(by(dfdg.MunicipalityActor(kbh), at("2025-07-01 12:00")), s, a)
		require.Equal(t, before, s)
		if err != nil {
			return
		}
		require.NoError(t, a.Period.Valid())
		types := codelist.Default().AbsenceTypes()
		for _, e := range s.Absences {
			if e.Period.Overlaps(a.Period) {
				require.True(t, types.MayOverlap(int(a.Type), int(e.Type)))
			}
		}
		require.Len(t, d.Messages, 1)
	})
}
