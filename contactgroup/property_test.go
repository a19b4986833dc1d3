package contactgroup_test

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/regelkit/dfdg"
	"github.com/regelkit/dfdg/absence"
	"github.com/regelkit/dfdg/contactgroup"
	dfdgerrors "github.com/regelkit/dfdg/errors"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// randomCitizen returns a citizen with a sound history of up to n memberships ending before start,
// in random order when shuffle is set.
func randomCitizen(r *rand.Rand, start time.Time, n int, shuffle bool) dfdg.Citizen {
	c := dfdg.Citizen{Jobcentre: kbh}
	if r.IntN(2) == 0 {
		c.Akasse = "ak-1"
	}
	t := start.Add(-time.Duration(n+1) * 30 * 24 * time.Hour)
	groups := []dfdg.ContactGroup{1, 8, 13, 24, 25, 2, 26}
	for i := range r.IntN(n + 1) {
		m := dfdg.Membership{ID: fmt.Sprintf("kg-%d", i), Group: groups[r.IntN(len(groups))], Start: t}
		t = t.Add(time.Duration(1+r.IntN(40*24)) * time.Hour)
		if t.Before(start) {
			m.End = t
		}
		c.Memberships = append(c.Memberships, m)
		if m.End.IsZero() {
			break
		}
		if r.IntN(3) == 0 { // a gap
			t = t.Add(time.Duration(r.IntN(100)) * time.Hour)
		}
	}
	if shuffle {
		r.Shuffle(len(c.Memberships), func(i, j int) { c.Memberships[i], c.Memberships[j] = c.Memberships[j], c.Memberships[i] })
	}
	if r.IntN(2) == 0 {
		c.Registrations = []dfdg.Registration{{ID: "reg-0", Category: dfdg.RegistrationCategory(40 + r.IntN(3)), Applicant: r.IntN(2) == 0, Start: start.Add(-time.Hour * 24 * 10)}}
	}
	if r.IntN(2) == 0 {
		c.PersonCategories = []dfdg.PersonCategorization{{ID: "pk-0", Category: 901, Start: start.Add(-time.Hour * 24 * 20)}}
	}
	if r.IntN(3) == 0 {
		c.Participation = []dfdg.Participation{{ID: "dv-1", Conversation: 17, Choice: 3}}
	}
	return c
}

var ksd = dfdg.SystemActor(dfdg.ActorKSD)

func clone(c dfdg.Citizen) dfdg.Citizen {
	c.Memberships = slices.Clone(c.Memberships)
	c.Registrations = slices.Clone(c.Registrations)
	c.Absences = slices.Clone(c.Absences)
	c.PersonCategories = slices.Clone(c.PersonCategories)
	c.Deadlines = slices.Clone(c.Deadlines)
	c.Participation = slices.Clone(c.Participation)
	return c
}

// checkMessages asserts that a decision's Kontaktgruppe.WSB and Personkategori.WSB messages are
// exactly those the rules name: one to the jobcentre per membership change, none for the technical
// group 8 of rule 1.6, one more to the a-kasse for a new membership in group 13; one per person
// category change.
func checkMessages(t *testing.T, c dfdg.Citizen, d dfdg.Decision) {
	t.Helper()
	var want []dfdg.Message
	for _, ch := range d.Memberships {
		if d.Rules.Has(dfdg.Rule1_6) && ch.Record.Group == dfdg.UdenYdelse {
			continue
		}
		about := dfdg.Ref{Kind: dfdg.RecordMembership, ID: ch.Record.ID}
		want = append(want, dfdg.Message{Name: dfdg.KontaktgruppeWSB, Change: ch.Type, To: dfdg.MunicipalityActor(c.Jobcentre), About: about})
		if ch.Type == dfdg.Create && ch.Record.Group == dfdg.Jobafklaring && c.Akasse != "" {
			want = append(want, dfdg.Message{Name: dfdg.KontaktgruppeWSB, Change: ch.Type, To: dfdg.AkasseActor(c.Akasse), About: about})
		}
	}
	for _, ch := range d.PersonCategories {
		want = append(want, dfdg.Message{Name: dfdg.PersonkategoriWSB, Change: ch.Type, To: dfdg.MunicipalityActor(c.Jobcentre),
			About: dfdg.Ref{Kind: dfdg.RecordPersonCategory, ID: ch.Record.ID}})
	}
	var got []dfdg.Message
	for _, m := range d.Messages {
		require.NotEmpty(t, m.About.ID, "no message names a record without an id: %v", m)
		if m.Name != dfdg.FravaerWSB { // the absence's own message, package absence's to check
			got = append(got, m)
		}
	}
	require.ElementsMatch(t, want, got)
}

// Random citizens and random sequences of events: rule 1.5's invariants hold after every decision,
// the messages are exactly those the rules name, participation choices are never touched and the
// input is never modified.
func TestRule1_5_PropertyEventSequences(t *testing.T) {
	runs := 3000
	if testing.Short() {
		runs = 300
	}
	rejected, changed := 0, 0
	defer func() {
		t.Logf("%d decisions changed something, %d were rejected", changed, rejected)
		assert.Greater(t, changed, runs*10, "the sequences exercise the rules")
	}()
	for seed := range runs {
		r := rand.New(rand.NewPCG(uint64(seed), 15))
		now := at("2025-09-01 08:00")
		c := randomCitizen(r, now, 8, r.IntN(2) == 0)
		for step := range 25 {
			now = now.Add(time.Duration(r.IntN(72*60)) * time.Minute)
			before := clone(c)
			var d dfdg.Decision
			var err error
			id := fmt.Sprintf("s%d", step)
			switch r.IntN(6) {
			case 0:
				d, err = rules.RegisterJobseeker(muni(now, "kg-"+id), c, contactgroup.RegistrationRequest{ID: "reg-" + id, Category: 40, Group: []dfdg.ContactGroup{1, 8, 13}[r.IntN(3)], RequestedAt: now.Add(-time.Duration(r.IntN(1000)) * time.Hour)})
			case 1:
				d, err = rules.DecideBenefit(by(ky, now, "kg-"+id), c, contactgroup.BenefitDecision{Outcome: contactgroup.BenefitRejected})
			case 2:
				// Rule 1.6's contact groups come with a sickness that KSD reports (package absence).
				d, err = absence.Rules{}.ReportSick(by(ksd, now), c, dfdg.Absence{ID: "fr-" + id, Type: dfdg.SygdomSygemelding,
					Period: dfdg.Period{Start: dfdg.DateOf(now).AddDays(-r.IntN(30))}})
			case 3:
				// Rule 2.4's: a recovery ends group 24.
				for _, a := range c.Absences {
					if a.Period.Open() {
						d, err = absence.Rules{}.Recover(by(ksd, now), c, absence.Recovery{ID: a.ID, End: dfdg.DateOf(now)})
						break
					}
				}
			case 4:
				d, err = rules.ChangePersonCategory(muni(now), c, dfdg.PersonCategorization{ID: "pk-" + id, Category: dfdg.PersonCategory(901 + r.IntN(3))})
			case 5:
				d, err = rules.CreateDeadline(muni(now), c, dfdg.Deadline{ID: "f-" + id, Conversation: []dfdg.ConversationType{4, 7, 17}[r.IntN(3)], Due: dfdg.DateOf(now).AddDays(r.IntN(20))})
			}
			require.Equal(t, before, c, "seed %d step %d: the input was modified", seed, step)
			if err != nil {
				require.False(t, d.Changes(), "never a half decision")
				rejected++
				continue
			}
			if d.Changes() {
				changed++
			}
			checkMessages(t, c, d)
			for _, ch := range d.Memberships {
				require.False(t, !ch.Record.End.IsZero() && ch.Record.End.Before(ch.Record.Start), "seed %d: end before start %+v", seed, ch.Record)
			}
			c = c.Apply(d)
			requireSound(t, c.Memberships)
			require.Equal(t, before.Participation, c.Participation)
		}
	}
}

// FuzzRegisterJobseeker: any history, sound or not, in any order: no panic, and an accepted
// registration leaves a sound history with the new group open at now.
func FuzzRegisterJobseeker(f *testing.F) {
	f.Add(uint64(1), uint8(5), int64(0), false)
	f.Add(uint64(2), uint8(40), int64(-1<<40), true)
	f.Add(uint64(3), uint8(0), int64(1<<40), true)
	f.Fuzz(func(t *testing.T, seed uint64, n uint8, skew int64, corrupt bool) {
		r := rand.New(rand.NewPCG(seed, 7))
		now := at("2025-09-01 08:00")
		c := randomCitizen(r, now, int(n%60), true)
		if corrupt && len(c.Memberships) > 0 {
			i := r.IntN(len(c.Memberships))
			c.Memberships[i].End = c.Memberships[i].Start.Add(time.Duration(skew))
		}
		before := clone(c)
		req := contactgroup.RegistrationRequest{ID: "reg", Category: 40, Group: 1, RequestedAt: now.Add(time.Duration(skew))}
		d, err := rules.RegisterJobseeker(muni(now, "kg-new"), c, req)
		assert.Equal(t, before, c)
		if err != nil {
			return
		}
		after := c.Apply(d)
		requireSound(t, after.Memberships)
		g, ok := after.GroupAt(now)
		require.True(t, ok)
		require.Equal(t, "kg-new", g.ID)
	})
}

// Rule 1.5: CheckHistory answers the same in any order of the memberships, zero-length ones (that end
// the instant they start) included: as many problems, and none exactly when the history is sound.
// The case that found it: a=[h0,h10), z=[h0,h0), b=[h5,h12) was sound given as (a, z, b).
func TestRule1_5_HistoryAnswersAlikeInAnyOrder(t *testing.T) {
	now := at("2025-09-15 11:00")
	h := func(n int) time.Time { return now.Add(time.Duration(n-100) * time.Hour) }
	found := contactgroup.Rules{}.CheckHistory(dfdg.At{Now: now}, dfdg.Citizen{Memberships: []dfdg.Membership{
		{ID: "a", Group: 1, Start: h(0), End: h(10)}, {ID: "z", Group: 8, Start: h(0), End: h(0)}, {ID: "b", Group: 1, Start: h(5), End: h(12)}}})
	require.Len(t, found, 1, "a and b overlap, whatever lies between them")
	assert.Contains(t, found[0].Danish(), "a og b overlapper")

	r := rand.New(rand.NewPCG(15, 5))
	for range 3000 {
		ms := make([]dfdg.Membership, 1+r.IntN(6))
		for i := range ms {
			start := r.IntN(12)
			ms[i] = dfdg.Membership{ID: fmt.Sprint("kg-", i), Group: 1, Start: h(start)}
			switch r.IntN(4) {
			case 0: // open
			case 1:
				ms[i].End = ms[i].Start // zero length
			default:
				ms[i].End = h(start + 1 + r.IntN(6))
			}
		}
		want := contactgroup.Rules{}.CheckHistory(dfdg.At{Now: now}, dfdg.Citizen{Memberships: ms})
		for range 4 {
			shuffled := slices.Clone(ms)
			r.Shuffle(len(shuffled), func(i, j int) { shuffled[i], shuffled[j] = shuffled[j], shuffled[i] })
			got := contactgroup.Rules{}.CheckHistory(dfdg.At{Now: now}, dfdg.Citizen{Memberships: shuffled})
			require.Len(t, got, len(want), "%v\nshuffled %v", ms, shuffled)
		}
		// What the full listing finds, the quick check behind every decision finds too.
		_, err := contactgroup.Rules{}.RegisterJobseeker(dfdg.At{Now: now, By: dfdg.MunicipalityActor(kbh)},
			dfdg.Citizen{Jobcentre: kbh, Memberships: ms}, contactgroup.RegistrationRequest{Category: 1, Group: 1})
		if len(want) > 0 {
			require.ErrorIs(t, err, dfdgerrors.ErrInconsistentHistory, "%v", ms)
		}
	}
}

// Rule 1.5: CheckHistory's one pass answers as the full listing does, error for error, for histories
// in order and out of it, with broken, zero-length, open and future memberships.
func TestRule1_5_OnePassIsTheFullListing(t *testing.T) {
	now := at("2025-09-15 11:00")
	h := func(n int) time.Time { return now.Add(time.Duration(n-100) * time.Hour) }
	r := rand.New(rand.NewPCG(15, 6))
	onePass := 0
	for range 5000 {
		ms := make([]dfdg.Membership, r.IntN(8))
		start := 0
		for i := range ms {
			if r.IntN(3) == 0 {
				start = r.IntN(120) // out of order, or far ahead: after now
			} else {
				start += r.IntN(4)
			}
			ms[i] = dfdg.Membership{ID: fmt.Sprint("kg-", i), Group: 1, Start: h(start)}
			switch r.IntN(6) {
			case 0: // open
			case 1:
				ms[i].End = ms[i].Start // zero length
			case 2:
				ms[i].End = h(start - 1 - r.IntN(3)) // ends before it starts
			case 3:
				ms[i].Start = time.Time{} // no start
			default:
				ms[i].End = h(start + 1 + r.IntN(4))
				start += r.IntN(6)
			}
		}
		for _, when := range []dfdg.At{{Now: now}, {}} {
			got := contactgroup.Rules{}.CheckHistory(when, dfdg.Citizen{Memberships: ms})
			want := contactgroup.ListHistory(when, ms)
			require.Len(t, got, len(want), "%v", ms)
			for i := range want {
				assert.Equal(t, want[i].Error(), got[i].Error(), "%v", ms)
			}
			if len(want) > 0 && !slices.ContainsFunc(want, func(e *dfdgerrors.Error) bool { return strings.Contains(e.Danish(), "overlapper") }) {
				onePass++
			}
		}
	}
	assert.Greater(t, onePass, 1000, "histories with problems but no overlap, which the one pass lists")
}
