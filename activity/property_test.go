package activity_test

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"testing"

	"github.com/regelkit/dfdg"
	"github.com/regelkit/dfdg/activity"
	"github.com/regelkit/dfdg/plan"
	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/require"
)

func randomActivity(r *rand.Rand, id string) activity.Activity {
	start := day("2025-09-01").AddDays(r.IntN(90) - 30)
	a := activity.Activity{ID: id, Type: 1 + r.IntN(50), CompanyOriented: r.IntN(2) == 0, Description: "x",
		Period: dfdg.Period{Start: start, End: start.AddDays(r.IntN(60) - 3)}, Hours: decimal.New(int64(r.IntN(4000)-10), -int32(r.IntN(4))),
		JobOfferType: r.IntN(3), Company: activity.Company{CVR: fmt.Sprint(10000000 + r.IntN(3))}}
	if r.IntN(3) == 0 {
		a.JobTitle = plan.JobTitle{Name: "t", ExpiredFrom: day("2025-09-01").AddDays(r.IntN(60) - 30)}
	}
	if r.IntN(4) == 0 {
		a.AuthorityArea = []int{3, 6}[r.IntN(2)]
	}
	if r.IntN(3) == 0 {
		a.References = []activity.Reference{{Type: 1 + r.IntN(7), Value: []string{"101", "411", "0851", "x"}[r.IntN(4)]}}
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
		var p *plan.Plan
		if k := r.IntN(6); k > 0 {
			p = &plan.Plan{Type: plan.Type(k - 1)}
		}
		c := activity.Citizen{Jobcentre: 101, ContactGroup: []int{0, 1, 8}[r.IntN(3)], Plan: p}
		if r.IntN(4) > 0 {
			c.Akasse = "ak-1"
		}
		actors := []dfdg.Actor{kbh, frb, akas, dfdg.SystemActor(dfdg.ActorSTAR)}
		for step := range 10 {
			a := randomActivity(r, fmt.Sprint("a", step))
			by := actors[r.IntN(len(actors))]
			before := slices.Clone(c.Activities)
			var d activity.Decision
			var err error
			if len(c.Activities) > 0 && r.IntN(2) == 0 {
				u := randomActivity(r, c.Activities[r.IntN(len(c.Activities))].ID)
				d, err = activity.Update(c, u, by, now, nil)
				withoutTitle := u
				withoutTitle.JobTitle = plan.JobTitle{}
				_, errWithout := activity.Update(c, withoutTitle, by, now, nil)
				require.Equal(t, errWithout == nil, err == nil, "the job title never decides an update: %v / %v", err, errWithout)
			} else {
				d, err = activity.Create(c, a, by, now, nil)
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
					require.True(t, c.Plan.Type == plan.Jobplan || c.Plan.Type == plan.Kombiplan, "a-kasse message under %v", c.Plan.Type)
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
		c := activity.Citizen{Jobcentre: 101, Akasse: "ak", ContactGroup: 1, Plan: &plan.Plan{Type: plan.Type(r.IntN(6))}}
		for i := range r.IntN(20) {
			c.Activities = append(c.Activities, randomActivity(r, fmt.Sprint("e", i)))
		}
		a := randomActivity(r, "new")
		if d, err := decimal.NewFromString(h); err == nil {
			a.Hours = d
		}
		a.References = append(a.References, activity.Reference{Type: refType, Value: refValue})
		a.Period.Start = a.Period.Start.AddDays(int(shift % 100000))
		before := slices.Clone(c.Activities)
		_, _ = activity.Create(c, a, kbh, now, nil)
		_ = activity.ValidateCreate(c, a, frb, now, nil)
		if len(c.Activities) > 0 {
			a.ID = c.Activities[0].ID
			_, _ = activity.Update(c, a, frb, now, nil)
		}
		require.Equal(t, before, c.Activities)
		_ = activity.MinPlan(c, nil).Text()
	})
}
