// Package bench compares regelkit/dfdg with the rule engines expr, CEL and OPA (Rego) on three of
// DFDG's rules: 3.1 (plan type for a dagpengemodtager), 2.1 (absence 66 may overlap only holidays 10
// and 47) and 3.4 (a duplicate needs the same company, dates, hours and job-offer type). Each engine
// gets the rule in its own language and the input in its own form, prepared before the clock starts;
// a test proves that all four give the same answers on a shared table of cases.
package bench

import (
	"fmt"

	"github.com/regelkit/dfdg"
	"github.com/shopspring/decimal"
)

// PlanCase is the input of rule 3.1.
type PlanCase struct {
	Actor  dfdg.Actor
	Group  int
	Plan   dfdg.PlanType // TypeUnknown with NoPlan: no plan at all
	NoPlan bool
}

// OverlapCase is the input of rule 2.1: a new absence against existing ones.
type OverlapCase struct {
	New      dfdg.Absence
	Existing []dfdg.Absence
}

// DuplicateCase is the input of rule 3.4: a new activity against existing ones.
type DuplicateCase struct {
	New      dfdg.Activity
	Existing []dfdg.Activity
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
		{PlanCase{Actor: kbh, Group: 1, Plan: dfdg.Jobplan}, false},
		{PlanCase{Actor: kbh, Group: 1, Plan: dfdg.Kombiplan}, false},
		{PlanCase{Actor: kbh, Group: 1, Plan: dfdg.Uddannelsesplan}, true},
		{PlanCase{Actor: kbh, Group: 1, NoPlan: true}, true},
		{PlanCase{Actor: kbh, Group: 8, NoPlan: true}, false},
		{PlanCase{Actor: dfdg.AkasseActor("ak"), Group: 1, NoPlan: true}, false},
		{PlanCase{Actor: dfdg.SystemActor(dfdg.ActorSTAR), Group: 1, Plan: dfdg.OtherPlanType}, false},
	}
}

// Absences20 is 20 existing absences: two holidays (10, 47) in July 2025 and 18 other absences
// before them.
func Absences20() []dfdg.Absence {
	var out []dfdg.Absence
	for i := range 18 {
		start := day("2024-01-01").AddDays(i * 20)
		out = append(out, dfdg.Absence{ID: fmt.Sprint("e", i), Type: []dfdg.AbsenceType{1, 11, 8}[i%3], Period: dfdg.Period{Start: start, End: start.AddDays(10)}})
	}
	return append(out,
		dfdg.Absence{ID: "h10", Type: 10, Period: dfdg.Period{Start: day("2025-07-07"), End: day("2025-07-18")}},
		dfdg.Absence{ID: "h47", Type: 47, Period: dfdg.Period{Start: day("2025-07-21"), End: day("2025-07-25")}})
}

// OverlapCases is the shared table for rule 2.1; want is true when the new absence is rejected.
func OverlapCases() []struct {
	In   OverlapCase
	Want bool
} {
	ex := Absences20()
	july := dfdg.Period{Start: day("2025-07-01"), End: day("2025-07-31")}
	sick := append(append([]dfdg.Absence{}, ex...), dfdg.Absence{ID: "s", Type: 11, Period: dfdg.Period{Start: day("2025-07-30")}})
	return []struct {
		In   OverlapCase
		Want bool
	}{
		{OverlapCase{New: dfdg.Absence{ID: "n", Type: 66, Period: july}, Existing: ex}, false},
		{OverlapCase{New: dfdg.Absence{ID: "n", Type: 66, Period: july}, Existing: sick}, true},
		{OverlapCase{New: dfdg.Absence{ID: "n", Type: 11, Period: july}, Existing: ex}, false},
		{OverlapCase{New: dfdg.Absence{ID: "n", Type: 66, Period: dfdg.Period{Start: day("2024-01-05")}}, Existing: ex}, true},
		{OverlapCase{New: dfdg.Absence{ID: "n", Type: 66, Period: dfdg.Period{Start: day("2025-08-01")}}, Existing: sick}, true},
		{OverlapCase{New: dfdg.Absence{ID: "n", Type: 66, Period: dfdg.Period{Start: day("2025-08-01")}}, Existing: ex}, false},
		// The policy of the type registered applies: 66's to a new 66, none to a new 1 over an existing 66.
		{OverlapCase{New: dfdg.Absence{ID: "n", Type: 1, Period: dfdg.Period{Start: day("2025-07-01"), End: day("2025-07-01")}},
			Existing: []dfdg.Absence{{ID: "x", Type: 66, Period: dfdg.Period{Start: day("2025-07-01"), End: day("2025-07-01")}}}}, false},
	}
}

// Activities50 is 50 existing company-oriented activities at other companies than Praktik's.
func Activities50() []dfdg.Activity {
	var out []dfdg.Activity
	for i := range 50 {
		a := Praktik()
		a.ID, a.Company.CVR = fmt.Sprint("e", i), fmt.Sprint(20000000+i)
		out = append(out, a)
	}
	return out
}

// Praktik is a new virksomhedspraktik (job-offer type 1 in these cases).
func Praktik() dfdg.Activity {
	return dfdg.Activity{ID: "new", Type: 40, CompanyOriented: true, JobOfferType: 1,
		Period:  dfdg.Period{Start: day("2025-10-01"), End: day("2025-11-30")},
		Hours:   decimal.RequireFromString("37"),
		Company: dfdg.Company{CVR: "12345678", PNumber: "1000000001"}}
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
	cancelled.ID, cancelled.Status = "cancelled", dfdg.ActivityCancelled
	interrupted := same
	interrupted.ID, interrupted.Status = "interrupted", dfdg.ActivityInterrupted
	course := same
	course.ID, course.CompanyOriented = "course", false
	noCVR := Praktik()
	noCVR.Company.CVR = ""
	with := func(extra ...dfdg.Activity) []dfdg.Activity {
		return append(append([]dfdg.Activity{}, ex...), extra...)
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
		{DuplicateCase{New: Praktik(), Existing: with(interrupted)}, false},
		{DuplicateCase{New: Praktik(), Existing: with(course)}, false},
		{DuplicateCase{New: noCVR, Existing: with(noCVR)}, false},
	}
}
