package activity_test

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"testing"

	"github.com/regelkit/dfdg"
	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/require"
)

func randomActivity(r *rand.Rand, id string) dfdg.Activity {
	start := day("2025-09-01").AddDays(r.IntN(90) - 30)
	a := dfdg.Activity{ID: id, Type: dfdg.ActivityType(1 + r.IntN(50)), CompanyOriented: r.IntN(2) == 0, Description: "x",
		Period: dfdg.Period{Start: start, End: start.AddDays(r.IntN(60) - 3)}, Hours: decimal.New(int64(r.IntN(4000)-10), -int32(r.IntN(4))),
		JobOfferType: dfdg.JobOfferType(r.IntN(3)), Company: dfdg.Company{CVR: fmt.Sprint(10000000 + r.IntN(3))}}
	if r.IntN(3) == 0 {
		a.JobTitle = dfdg.JobTitle{Name: "t", ExpiredFrom: day("2025-09-01").AddDays(r.IntN(60) - 30)}
	}
	if r.IntN(4) == 0 {
		a.AuthorityArea = []dfdg.AuthorityArea{3, 6}[r.IntN(2)]
	}
	if r.IntN(3) == 0 {
		a.References = []dfdg.Reference{{Type: dfdg.ReferenceType(1 + r.IntN(7)), Value: []string{"101", "411", "0851", "x"}[r.IntN(4)]}}
	}
	return a
}

// Random creations and updates by random actors for citizens with random plans: AktivitetAkasse.WSB
// goes out only under a Jobplan or Kombiplan (rule 3.1), an update is never rejected for its job title
// (rule 3.5), and the input is never modified.
func TestRule3_1_PropertyAkasseMessageOnlyWithJobplanOrKombiplan(t *testing.T) {
	runs := 3000
	if testing.Short() {
		runs = 300
	}
	sent := 0
	for seed := range runs {
		r := rand.New(rand.NewPCG(uint64(seed), 31))
		var p *dfdg.Plan
		if k := r.IntN(6); k > 0 {
			p = &dfdg.Plan{Type: dfdg.PlanType(k - 1)}
		}
		c := dfdg.Citizen{Jobcentre: 101, Plan: p}
		if g := []dfdg.ContactGroup{0, 1, 8}[r.IntN(3)]; g != 0 {
			c.Memberships = inGroup(g)
		}
		if r.IntN(4) > 0 {
			c.Akasse = "ak-1"
		}
		actors := []dfdg.Actor{kbh, frb, akas, dfdg.SystemActor(dfdg.ActorSTAR)}
		for step := range 10 {
			a := randomActivity(r, fmt.Sprint("a", step))
			by := actors[r.IntN(len(actors))]
			before := slices.Clone(c.Activities)
			var d dfdg.Decision
			var err error
			if len(c.Activities) > 0 && r.IntN(2) == 0 {
				u := randomActivity(r, c.Activities[r.IntN(len(c.Activities))].ID)
				d, err = rules.Update(dfdg.At{Now: now, By: by}, c, u)
				withoutTitle := u
				withoutTitle.JobTitle = dfdg.JobTitle{}
				_, errWithout := rules.Update(dfdg.At{Now: now, By: by}, c, withoutTitle)
				require.Equal(t, errWithout == nil, err == nil, "the job title never decides an update: %v / %v", err, errWithout)
			} else {
				d, err = rules.Create(dfdg.At{Now: now, By: by}, c, a)
			}
			require.Equal(t, before, c.Activities)
			if err != nil {
				require.False(t, d.Changes())
				continue
			}
			for _, m := range d.Messages {
				if m.Name == dfdg.AktivitetAkasseWSB {
					sent++
					require.NotNil(t, c.Plan)
					require.True(t, c.Plan.Type == dfdg.Jobplan || c.Plan.Type == dfdg.Kombiplan, "a-kasse message under %v", c.Plan.Type)
					require.Equal(t, dfdg.AkasseActor(c.Akasse), m.To)
				}
			}
			c = c.Apply(d)
		}
	}
	require.Greater(t, sent, runs/2, "the property is exercised")
}

// FuzzCreateUpdate: no input panics Create or Update.
func FuzzCreateUpdate(f *testing.F) {
	f.Add(uint64(1), "37.5", 1, "101", int64(0))
	f.Add(uint64(2), "-1e-9", 6, "0411", int64(-1))
	f.Add(uint64(3), "1e30", 5, "", int64(1<<40))
	f.Fuzz(func(t *testing.T, seed uint64, h string, refType int, refValue string, shift int64) {
		r := rand.New(rand.NewPCG(seed, 3))
		c := dfdg.Citizen{Jobcentre: 101, Akasse: "ak", Memberships: inGroup(dfdg.Dagpengemodtager), Plan: &dfdg.Plan{Type: dfdg.PlanType(r.IntN(6))}}
		for i := range r.IntN(20) {
			c.Activities = append(c.Activities, randomActivity(r, fmt.Sprint("e", i)))
		}
		a := randomActivity(r, "new")
		if d, err := decimal.NewFromString(h); err == nil {
			a.Hours = d
		}
		a.References = append(a.References, dfdg.Reference{Type: dfdg.ReferenceType(refType), Value: refValue})
		a.Period.Start = a.Period.Start.AddDays(int(shift % 100000))
		before := slices.Clone(c.Activities)
		_, _ = rules.Create(atKbh, c, a)
		_ = rules.ValidateCreate(dfdg.At{Now: now, By: frb}, c, a)
		if len(c.Activities) > 0 {
			a.ID = c.Activities[0].ID
			_, _ = rules.Update(dfdg.At{Now: now, By: frb}, c, a)
		}
		require.Equal(t, before, c.Activities)
		_ = rules.MinPlan(dfdg.At{}, c).Text()
	})
}
