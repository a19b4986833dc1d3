// Package bench compares regelkit/dfdg with the rule engines expr, CEL and OPA (Rego) on three of
// DFDG's rules: 3.1 (plan type for a dagpengemodtager), 2.1 (absence 66 may overlap only holidays 10
// and 47) and 3.4 (a duplicate needs the same company, dates, hours and job-offer type). Each engine
// gets the rule in its own language and the input in its own form, prepared before the clock starts;
// a test proves that all four give the same answers on a shared table of cases.
package bench

import (
	"fmt"

	"github.com/regelkit/dfdg"
	"github.com/regelkit/dfdg/absence"
	"github.com/regelkit/dfdg/activity"
	"github.com/regelkit/dfdg/plan"
	"github.com/shopspring/decimal"
)

// PlanCase is the input of rule 3.1.
type PlanCase struct {
	Actor  dfdg.Actor
	Group  int
	Plan   plan.Type // TypeUnknown with NoPlan: no plan at all
	NoPlan bool
}

// OverlapCase is the input of rule 2.1: a new absence against existing ones.
type OverlapCase struct {
	New      absence.Absence
	Existing []absence.Absence
}

// DuplicateCase is the input of rule 3.4: a new activity against existing ones.
type DuplicateCase struct {
	New      activity.Activity
	Existing []activity.Activity
}

// openEnd is the day number the engines use for an open end.
const openEnd = 1 << 30

func day(s string) dfdg.Date { return dfdg.MustParseDate(s) }

// dayNumber gives a date as a whole number, for the engines.
func dayNumber(d dfdg.Date) int {
	if d.IsZero() {
		return openEnd
	}
	return d.Sub(day("2000-01-01"))
}

// hundredths gives hours as a whole number of hundredths, for the engines.
func hundredths(h decimal.Decimal) int64 { return h.Shift(2).IntPart() }

func planName(c PlanCase) string {
	if c.NoPlan {
		return ""
	}
	b, _ := c.Plan.MarshalText()
	return string(b)
}

// PlanCases is the shared table for rule 3.1; want is true when the creation is rejected.
func PlanCases() []struct {
	In   PlanCase
	Want bool
} {
	kbh := dfdg.MunicipalityActor(101)
	return []struct {
		In   PlanCase
		Want bool
	}{
		{PlanCase{Actor: kbh, Group: 1, Plan: plan.Jobplan}, false},
		{PlanCase{Actor: kbh, Group: 1, Plan: plan.Kombiplan}, false},
		{PlanCase{Actor: kbh, Group: 1, Plan: plan.Uddannelsesplan}, true},
		{PlanCase{Actor: kbh, Group: 1, NoPlan: true}, true},
		{PlanCase{Actor: kbh, Group: 8, NoPlan: true}, false},
		{PlanCase{Actor: dfdg.AkasseActor("ak"), Group: 1, NoPlan: true}, false},
		{PlanCase{Actor: dfdg.SystemActor(dfdg.ActorSTAR), Group: 1, Plan: plan.OtherType}, false},
	}
}

// Absences20 is 20 existing absences: two holidays (10, 47) in July 2025 and 18 other absences
// before them.
func Absences20() []absence.Absence {
	var out []absence.Absence
	for i := range 18 {
		start := day("2024-01-01").AddDays(i * 20)
		out = append(out, absence.Absence{ID: fmt.Sprint("e", i), Type: []int{1, 11, 8}[i%3], Period: dfdg.Period{Start: start, End: start.AddDays(10)}})
	}
	return append(out,
		absence.Absence{ID: "h10", Type: 10, Period: dfdg.Period{Start: day("2025-07-07"), End: day("2025-07-18")}},
		absence.Absence{ID: "h47", Type: 47, Period: dfdg.Period{Start: day("2025-07-21"), End: day("2025-07-25")}})
}

// OverlapCases is the shared table for rule 2.1; want is true when the new absence is rejected.
func OverlapCases() []struct {
	In   OverlapCase
	Want bool
} {
	ex := Absences20()
	july := dfdg.Period{Start: day("2025-07-01"), End: day("2025-07-31")}
	sick := append(append([]absence.Absence{}, ex...), absence.Absence{ID: "s", Type: 11, Period: dfdg.Period{Start: day("2025-07-30")}})
	return []struct {
		In   OverlapCase
		Want bool
	}{
		{OverlapCase{New: absence.Absence{ID: "n", Type: 66, Period: july}, Existing: ex}, false},
		{OverlapCase{New: absence.Absence{ID: "n", Type: 66, Period: july}, Existing: sick}, true},
		{OverlapCase{New: absence.Absence{ID: "n", Type: 11, Period: july}, Existing: ex}, false},
		{OverlapCase{New: absence.Absence{ID: "n", Type: 66, Period: dfdg.Period{Start: day("2024-01-05")}}, Existing: ex}, true},
		{OverlapCase{New: absence.Absence{ID: "n", Type: 66, Period: dfdg.Period{Start: day("2025-08-01")}}, Existing: sick}, true},
		{OverlapCase{New: absence.Absence{ID: "n", Type: 66, Period: dfdg.Period{Start: day("2025-08-01")}}, Existing: ex}, false},
		{OverlapCase{New: absence.Absence{ID: "n", Type: 1, Period: dfdg.Period{Start: day("2025-07-01"), End: day("2025-07-01")}},
			Existing: []absence.Absence{{ID: "x", Type: 66, Period: dfdg.Period{Start: day("2025-07-01"), End: day("2025-07-01")}}}}, true},
	}
}

// Activities50 is 50 existing company-oriented activities at other companies than Praktik's.
func Activities50() []activity.Activity {
	var out []activity.Activity
	for i := range 50 {
		a := Praktik()
		a.ID, a.Company.CVR = fmt.Sprint("e", i), fmt.Sprint(20000000+i)
		out = append(out, a)
	}
	return out
}

// Praktik is a new virksomhedspraktik (job-offer type 1 in these cases).
func Praktik() activity.Activity {
	return activity.Activity{ID: "new", Type: 40, CompanyOriented: true, JobOfferType: 1,
		Period:  dfdg.Period{Start: day("2025-10-01"), End: day("2025-11-30")},
		Hours:   decimal.RequireFromString("37"),
		Company: activity.Company{CVR: "12345678", PNumber: "1000000001"}}
}

// DuplicateCases is the shared table for rule 3.4; want is true when the new activity is a duplicate.
func DuplicateCases() []struct {
	In   DuplicateCase
	Want bool
} {
	ex := Activities50()
	same := Praktik()
	same.ID = "same"
	same.Hours = decimal.RequireFromString("37.00")
	job := same
	job.ID, job.JobOfferType = "job", 2
	cancelled := same
	cancelled.ID, cancelled.Status = "cancelled", activity.Cancelled
	with := func(extra ...activity.Activity) []activity.Activity {
		return append(append([]activity.Activity{}, ex...), extra...)
	}
	return []struct {
		In   DuplicateCase
		Want bool
	}{
		{DuplicateCase{New: Praktik(), Existing: ex}, false},
		{DuplicateCase{New: Praktik(), Existing: with(same)}, true},
		{DuplicateCase{New: Praktik(), Existing: with(job)}, false},
		{DuplicateCase{New: Praktik(), Existing: with(cancelled)}, false},
		{DuplicateCase{New: Praktik(), Existing: with(job, same)}, true},
	}
}
