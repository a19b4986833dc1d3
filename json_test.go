package dfdg_test

import (
	"encoding/json"
	"go/ast"
	"go/token"
	"reflect"
	"testing"
	"time"

	"github.com/regelkit/dfdg"
	"github.com/regelkit/dfdg/absence"
	"github.com/regelkit/dfdg/activity"
	"github.com/regelkit/dfdg/codelist"
	"github.com/regelkit/dfdg/contactgroup"
	dfdgerrors "github.com/regelkit/dfdg/errors"
	"github.com/regelkit/dfdg/gdpr"
	"github.com/regelkit/dfdg/plan"
	"github.com/regelkit/dfdg/scenario"
	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// exportedTypes lists the exported types the library's packages declare, as "pkg.Name".
func exportedTypes(t *testing.T) []string {
	t.Helper()
	var out []string
	for dir, pkg := range libraryPackages {
		for _, af := range sourceFiles(t, dir) {
			for _, d := range af.Decls {
				gd, ok := d.(*ast.GenDecl)
				if !ok || gd.Tok != token.TYPE {
					continue
				}
				for _, s := range gd.Specs {
					if ts := s.(*ast.TypeSpec); ts.Name.IsExported() && !ts.Assign.IsValid() {
						out = append(out, pkg+"."+ts.Name.Name)
					}
				}
			}
		}
	}
	return out
}

// A sample of every exported type: its zero value first, then values with every field that matters
// set. A test keeps the list complete.
func jsonSamples() map[string][]any {
	now := time.Date(2025, 9, 15, 11, 0, 0, 0, time.FixedZone("CEST", 7200))
	d := dfdg.MustParseDate("2025-09-01")
	period := dfdg.Period{Start: d, End: d.AddDays(30)}
	kbh := dfdg.MunicipalityActor(101)
	msg := dfdg.Message{Name: dfdg.FravaerWSB, Change: dfdg.Update, To: kbh, About: dfdg.Ref{Kind: dfdg.RecordAbsence, ID: "fr-1"}}
	membership := dfdg.Membership{ID: "kg-1", Group: dfdg.Dagpengemodtager, Start: now, End: now.Add(time.Hour)}
	absenceRec := dfdg.Absence{ID: "fr-1", Type: dfdg.SygdomSygemelding, Period: period, ReportedBy: dfdg.SystemActor(dfdg.ActorKSD), Resumed: true}
	act := dfdg.Activity{ID: "a-1", Type: 40, CompanyOriented: true, Description: "Praktik", Period: period, Hours: decimal.RequireFromString("37.5"),
		Company: dfdg.Company{CVR: "12345678", PNumber: "1000000001", Name: "Bageriet"}, JobOfferType: 1,
		JobTitle: dfdg.JobTitle{ID: "t", Name: "Bager", Alias: "Hjælper", ExpiredFrom: d}, AuthorityArea: 3,
		References: []dfdg.Reference{{Type: dfdg.Betalingskommune, Value: "0147"}}, Owner: 101, Status: dfdg.ActivityInterrupted}
	pl := &dfdg.Plan{ID: "p-1", Type: dfdg.Kombiplan, Contract: &dfdg.Contract{ID: "k-1", Act: dfdg.IntegrationAct, Signed: d, DanishAcquisition: "DU2"}}
	citizen := dfdg.Citizen{ID: "c-1", Jobcentre: 101, Akasse: "ak-1", Died: d, Memberships: []dfdg.Membership{membership},
		Registrations:    []dfdg.Registration{{ID: "reg-1", Category: 2, Applicant: true, Start: now}},
		PersonCategories: []dfdg.PersonCategorization{{ID: "pk-1", Category: 901, Start: now}},
		Deadlines:        []dfdg.Deadline{{ID: "f-1", Conversation: 7, Due: d, Status: dfdg.DeadlineClosed}},
		Participation:    []dfdg.Participation{{ID: "dv-1", Conversation: 17, Choice: 3, Made: now}},
		Absences:         []dfdg.Absence{absenceRec}, Plan: pl, Activities: []dfdg.Activity{act}}
	decision := dfdg.Decision{Memberships: []dfdg.Change[dfdg.Membership]{{Type: dfdg.Create, Record: membership}},
		Absences: []dfdg.Change[dfdg.Absence]{{Type: dfdg.Update, Record: absenceRec}},
		Outcome:  dfdg.Outcome{Messages: []dfdg.Message{msg}, Rules: dfdg.RulesOf(dfdg.Rule1_6, dfdg.Rule2_5)}, Overrode: now}
	record := gdpr.Record{Kind: dfdg.RecordDeceased, ID: "p-1", Start: d, End: d, ProjectType: 3, Birth: d,
		Municipalities: []dfdg.Municipality{101}, Akasser: []dfdg.Akasse{"ak-1"}}
	due := gdpr.Due{Date: d, Basis: gdpr.AfterDeathNotification, Rule: dfdg.Rule4_1}
	fail := dfdgerrors.New(dfdgerrors.ErrNegativeDuration, dfdg.Rule2_3, "periode", "x").WithDetail("da", "en")
	list, _ := codelist.Default().List("fravaerstyper")
	entry, _ := list.Get(66)
	return map[string][]any{
		"dfdg.Absence": {dfdg.Absence{}, absenceRec}, "dfdg.ActivityStatus": {dfdg.ActivityStatus(0), dfdg.ActivityCancelled},
		"dfdg.Company": {dfdg.Company{}, act.Company}, "dfdg.Reference": {dfdg.Reference{}, act.References[0]},
		"dfdg.Activity": {dfdg.Activity{}, act}, "dfdg.Municipality": {dfdg.Municipality(0), dfdg.Municipality(851)},
		"dfdg.Akasse": {dfdg.Akasse(""), dfdg.Akasse("ak-1")}, "dfdg.ActorKind": {dfdg.ActorKind(0), dfdg.ActorKY},
		"dfdg.Actor": {dfdg.Actor{}, kbh, dfdg.AkasseActor("ak-1"), dfdg.SystemActor(dfdg.ActorKSD)},
		"dfdg.At":    {dfdg.At{}, dfdg.At{Now: now, By: kbh}}, "dfdg.Citizen": {dfdg.Citizen{}, citizen},
		"dfdg.ContactGroup": {dfdg.ContactGroup(0), dfdg.UdenYdelse}, "dfdg.RegistrationCategory": {dfdg.RegistrationCategory(0), dfdg.OvergangsydelsesansoegerINL},
		"dfdg.PersonCategory": {dfdg.PersonCategory(0), dfdg.PersonCategory(4)}, "dfdg.AbsenceType": {dfdg.AbsenceType(0), dfdg.Ferie},
		"dfdg.ConversationType": {dfdg.ConversationType(0), dfdg.FaellesJobsamtale}, "dfdg.ParticipationChoice": {dfdg.ParticipationChoice(0), dfdg.AkassedeltagelseFoersteSamtale},
		"dfdg.ActivityType": {dfdg.ActivityType(0), dfdg.ActivityType(40)}, "dfdg.JobOfferType": {dfdg.JobOfferType(0), dfdg.JobOfferType(2)},
		"dfdg.AuthorityArea": {dfdg.AuthorityArea(0), dfdg.Selvejende}, "dfdg.ReferenceType": {dfdg.ReferenceType(0), dfdg.Handlekommune},
		"dfdg.ProjectType": {dfdg.ProjectType(0), dfdg.ProjektAkasse}, "dfdg.Membership": {dfdg.Membership{}, membership},
		"dfdg.Registration": {dfdg.Registration{}, citizen.Registrations[0]}, "dfdg.PersonCategorization": {dfdg.PersonCategorization{}, citizen.PersonCategories[0]},
		"dfdg.DeadlineStatus": {dfdg.DeadlineStatus(0), dfdg.DeadlineOverdue}, "dfdg.Deadline": {dfdg.Deadline{}, citizen.Deadlines[0]},
		"dfdg.Participation": {dfdg.Participation{}, citizen.Participation[0]},
		"dfdg.Booking": {dfdg.Booking{}, dfdg.Booking{ID: "ind-1", Conversation: 7, Form: dfdg.DigitalMeeting, Start: time.Date(2025, 9, 22, 8, 0, 0, 0, time.UTC),
			End: time.Date(2025, 9, 22, 8, 30, 0, 0, time.UTC), RebookingPossible: true, RebookingDeadline: d, CancellationPossible: true,
			CancellationDeadline: d, SelfBooked: true, MeetingLink: "https://m.example/x", Participants: []dfdg.Participant{{ID: "md-1", Booking: "ind-1", Name: "Anna"}}}},
		"dfdg.Participant":          {dfdg.Participant{}, dfdg.Participant{ID: "md-1", Booking: "ind-1", Name: "Anna", Contact: "x", Phone: "+4512345678", Email: "a@example.dk"}},
		"contactgroup.BookingRef":   {contactgroup.BookingRef{}, contactgroup.BookingRef{ID: "ind-1"}},
		"contactgroup.GroupEnd":     {contactgroup.GroupEnd{}, contactgroup.GroupEnd{ID: "kg-1", End: now}},
		"contactgroup.GuestRequest": {contactgroup.GuestRequest{}, contactgroup.GuestRequest{ID: "ga-1", Comment: "opfølgning"}},
		"dfdg.GuestAccess": {dfdg.GuestAccess{}, dfdg.GuestAccess{ID: "g-1", Holder: dfdg.OtherActor(101),
			Start: time.Date(2025, 9, 15, 10, 0, 0, 0, time.UTC)}},
		"dfdg.Interview": {dfdg.Interview{}, dfdg.Interview{ID: "s-1", Conversation: 7, Held: time.Date(2025, 9, 15, 10, 0, 0, 0, time.UTC),
			MoreAuthorities: true, Participation: 2, Booking: "b-1"}},
		// A CPR masks itself in JSON, so only its zero value reads back (the documented exception).
		"dfdg.CPR": {dfdg.CPR{}}, "dfdg.Gender": {dfdg.Gender(0), dfdg.Male},
		"dfdg.Date": {dfdg.Date{}, d}, "dfdg.Change": {dfdg.Change[dfdg.Membership]{}, decision.Memberships[0]},
		"dfdg.Outcome": {dfdg.Outcome{}, decision.Outcome}, "dfdg.Decision": {dfdg.Decision{}, decision},
		"dfdg.MessageName": {dfdg.MessageName(""), dfdg.KontaktgruppeWSB}, "dfdg.ChangeType": {dfdg.ChangeType(0), dfdg.Delete},
		"dfdg.Ref": {dfdg.Ref{}, msg.About}, "dfdg.Message": {dfdg.Message{}, msg}, "dfdg.Period": {dfdg.Period{}, period, dfdg.Period{Start: d}},
		"dfdg.PlanType": {dfdg.PlanType(0), dfdg.Jobplan}, "dfdg.Act": {dfdg.Act(0), dfdg.IntegrationAct},
		"dfdg.Contract": {dfdg.Contract{}, *pl.Contract}, "dfdg.Plan": {dfdg.Plan{}, *pl}, "dfdg.JobTitle": {dfdg.JobTitle{}, act.JobTitle},
		"dfdg.RecordKind": {dfdg.RecordKind(0), dfdg.RecordJobLogDocument}, "dfdg.Rule": {dfdg.Rule{}, dfdg.Rules()[3]},
		"dfdg.RuleSet": {dfdg.RuleSet{}, decision.Rules},

		"errors.Kind": {dfdgerrors.Kind(0), dfdgerrors.ErrPlanTypeMissing}, "errors.RuleID": {dfdgerrors.RuleID(""), dfdgerrors.RuleID("3.1")},
		"errors.Code": {dfdgerrors.Code(0), dfdgerrors.Code(1003)}, "errors.Error": {(*dfdgerrors.Error)(nil), &dfdgerrors.Error{}, fail,
			dfdgerrors.NewCause(dfdgerrors.ErrOverlapNotAllowed, "2.1", absence.Overlap{ID: "fr-1", Type: 66, Period: period, Index: 1, OtherID: absenceRec.ID, OtherType: absenceRec.Type, OtherPeriod: absenceRec.Period})},
		"errors.List": {dfdgerrors.List(nil), dfdgerrors.List{fail, fail}}, "errors.Path": {dfdgerrors.Path(""), dfdgerrors.Path("a[1].b")},
		"absence.Overlap":           {absence.Overlap{}, absence.Overlap{ID: "fr-2", Type: 66, Period: period, Index: 2, OtherID: absenceRec.ID, OtherType: absenceRec.Type, OtherPeriod: absenceRec.Period}},
		"activity.Duplicate":        {activity.Duplicate{}, activity.Duplicate{Index: 2, Existing: act}},
		"activity.BadReference":     {activity.BadReference{}, activity.BadReference{Index: 1, Reference: dfdg.Reference{Type: dfdg.Betalingskommune, Value: "9999"}}},
		"contactgroup.OpenDeadline": {contactgroup.OpenDeadline{}, contactgroup.OpenDeadline{Index: 1, Deadline: dfdg.Deadline{ID: "f-1", Conversation: 17, Due: d, Status: dfdg.DeadlineOpen}}},
		"codelist.Rejected":         {codelist.Rejected{}, codelist.Rejected{ID: 26, List: "kontaktgrupper", Entry: &entry, Day: d}},
		"codelist.Documentation":    {codelist.Documentation{}, documented4405}, "codelist.Wording": {codelist.Wording{}, documented4405.Wordings[0]},
		"codelist.Source": {codelist.Source{}, documented4405.Wordings[0].Sources[0]},

		// The catalogue's types are used by pointer; their zero values too.
		"codelist.Catalog": {(*codelist.Catalog)(nil), &codelist.Catalog{}}, "codelist.Entry": {codelist.Entry{}, entry},
		"codelist.Overlap":      {codelist.Overlap{}, codelist.Default().AbsenceTypes().OverlapOf(66)},
		"codelist.List":         {(*codelist.List)(nil), &codelist.List{}, list},
		"codelist.ParseError":   {(*codelist.ParseError)(nil), &codelist.ParseError{}, &codelist.ParseError{File: "x.csv", Line: 3, Column: 2, Field: "id", Err: fail}},
		"codelist.PensionAge":   {codelist.PensionAge{}, codelist.Default().PensionAges().Rows()[0]},
		"codelist.PensionAges":  {(*codelist.PensionAges)(nil), &codelist.PensionAges{}, codelist.Default().PensionAges()},
		"codelist.Combination":  {codelist.Combination{}, codelist.Combination{Absence: 1, Group: 1, WithoutCategory: true, Categories: []dfdg.PersonCategory{4, 5}, Source: "t"}},
		"codelist.Combinations": {(*codelist.Combinations)(nil), &codelist.Combinations{}, codelist.Default().AbsenceCombinations()},

		"contactgroup.BenefitOutcome":      {contactgroup.BenefitOutcome(0), contactgroup.BenefitRejected},
		"contactgroup.BenefitDecision":     {contactgroup.BenefitDecision{}, contactgroup.BenefitDecision{Outcome: contactgroup.BenefitGranted}},
		"contactgroup.Placement":           {contactgroup.Placement{}, contactgroup.Placement{ID: "kg", Group: 1, Start: now, End: now.Add(time.Hour)}},
		"contactgroup.RegistrationRequest": {contactgroup.RegistrationRequest{}, contactgroup.RegistrationRequest{ID: "r", Category: 2, Applicant: true, Group: 1, RequestedAt: now}},
		"contactgroup.Rules":               {contactgroup.Rules{}},
		"plan.Rules":                       {plan.Rules{}},
		"plan.Rectification":               {plan.Rectification{}, plan.Rectification{PlanVersion: "p-1", Description: "ny"}},
		"absence.Recovery": {absence.Recovery{}, absence.Recovery{ID: "fr-1", End: d}, absence.Recovery{ID: "fr-1", End: d, EndCause: 3, Comment: "rask",
			Registration: &absence.Enrollment{ID: "reg-1", Category: 2}, Group: 1}},
		"absence.Enrollment": {absence.Enrollment{}, absence.Enrollment{ID: "reg-1", Category: 2}},
		"absence.Sickness": {absence.Sickness{}, absence.Sickness{Absence: dfdg.Absence{ID: "fr-1", Type: 11, Period: period, Comment: "syg", EndCause: 2},
			NotificationDate: d, Employer: &absence.Employer{CVR: "12345678", PNumber: "1234567890"}, Deregistration: &dfdg.Deregistration{Date: d, LessIntensive: true}}},
		"absence.Employer":    {absence.Employer{}, absence.Employer{CVR: "12345678"}},
		"dfdg.Deregistration": {dfdg.Deregistration{}, dfdg.Deregistration{Date: d}},
		"codelist.Operation":  {codelist.Operation{}, operationSample},
		"codelist.Grant":      {codelist.Grant{}, operationSample.Access[0]},
		"codelist.Field":      {codelist.Field{}, codelist.Field{Path: "fravaerskommentar", Rule: "laengde 0-1500", Code: 1014, Checked: true, Source: "SYG-C"}}, "absence.Resumption": {absence.Resumption{}, absence.Resumption{ID: "fr-1"}},
		"absence.Rules": {absence.Rules{}}, "absence.Closure": {absence.Closure{}, absence.Closure{Citizen: "c-1", Decision: decision}},
		"plan.Item":     {plan.Item{}, plan.Item{Title: "t", Period: period, Hours: act.Hours, Company: "c", CompanyOriented: true, JobTitle: act.JobTitle}},
		"plan.Document": {plan.Document{}, plan.MinPlan(*pl, nil)}, "plan.Section": {plan.Section{}, plan.Section{Heading: "h", Lines: []string{"l"}}},
		"plan.Contract":  {plan.Contract{}, plan.Contract{IntegrationAct: true, Signed: period.Start, DanishAcquisition: []string{"DU2"}}},
		"activity.Rules": {activity.Rules{}},
		"gdpr.Record":    {gdpr.Record{}, record}, "gdpr.Basis": {gdpr.Basis(0), gdpr.NeverLogNoPeriod}, "gdpr.Due": {gdpr.Due{}, due},
		"gdpr.Rules": {gdpr.Rules{}}, "gdpr.Deletion": {gdpr.Deletion{}, gdpr.Deletion{Record: record, Due: due, Outcome: decision.Outcome}},

		"scenario.File": {scenario.File{}}, "scenario.Case": {scenario.Case{}}, "scenario.Given": {scenario.Given{}},
		"scenario.When": {scenario.When{}}, "scenario.Then": {scenario.Then{}}, "scenario.MinPlanExpect": {scenario.MinPlanExpect{}, scenario.MinPlanExpect{Contains: []string{"a"}}},
		"scenario.Result": {scenario.Result{}, scenario.Result{File: "f", Case: "c", Rule: "1.1", Command: "opretFrist", Rules: decision.Rules, Err: fail, Diffs: []string{"x"}}},
		"scenario.Error":  {(*scenario.Error)(nil), &scenario.Error{}, &scenario.Error{File: "f", Case: 2, CaseName: "n", Err: fail}},
	}
}

// Every exported type round-trips through JSON: what it writes reads back into a value that writes the
// same, and the zero value reads back as the zero value.
var documented4405, _ = codelist.Documented(4405)

// operationSample is an operation of the table as a caller lists it. Only its exported fields travel
// in JSON: the parsed access and constraints are the table's.
var operationSample = func() codelist.Operation {
	op, _ := codelist.OperationNamed("Raskmeld")
	op.Fields = nil
	return op
}()

func TestEveryTypeRoundTripsThroughJSON(t *testing.T) {
	samples := jsonSamples()
	// Interfaces are behaviour a caller supplies, not data: they have no JSON form.
	behaviour := map[string]bool{"errors.Cause": true}
	for _, name := range exportedTypes(t) {
		if _, ok := samples[name]; !ok && !behaviour[name] {
			t.Errorf("%s has no JSON sample: add one to jsonSamples", name)
		}
	}
	for name, values := range samples {
		for i, v := range values {
			b1, err := json.Marshal(v)
			require.NoError(t, err, "%s[%d]", name, i)
			back := reflect.New(reflect.TypeOf(v))
			require.NoError(t, json.Unmarshal(b1, back.Interface()), "%s[%d]: %s", name, i, b1)
			b2, err := json.Marshal(back.Elem().Interface())
			require.NoError(t, err)
			assert.Equal(t, string(b1), string(b2), "%s[%d] writes the same after a round trip", name, i)
			if i == 0 {
				assert.True(t, reflect.ValueOf(v).IsZero(), "%s: the first sample is the zero value", name)
				assert.True(t, back.Elem().IsZero(), "%s: the zero value reads back as zero: %s", name, b1)
			}
		}
	}
	// A Date is a map key.
	m := map[dfdg.Date]int{dfdg.MustParseDate("2025-07-01"): 1}
	b, err := json.Marshal(m)
	require.NoError(t, err)
	assert.JSONEq(t, `{"2025-07-01": 1}`, string(b))
	var back map[dfdg.Date]int
	require.NoError(t, json.Unmarshal(b, &back))
	assert.Equal(t, m, back)
}

// Issue 25: hours per week travel as a JSON number, which C# and Java read into a decimal; a string
// is read as before.
func TestActivityHoursAreANumber(t *testing.T) {
	a := dfdg.Activity{ID: "a-1", Hours: decimal.RequireFromString("37.50")}
	b, err := json.Marshal(a)
	require.NoError(t, err)
	assert.Contains(t, string(b), `"timerPrUge":37.5`)
	var back dfdg.Activity
	require.NoError(t, json.Unmarshal(b, &back))
	assert.True(t, back.Hours.Equal(a.Hours))
	require.NoError(t, json.Unmarshal([]byte(`{"timerPrUge": "20"}`), &back))
	assert.Equal(t, "20", back.Hours.String())
	b, err = json.Marshal(dfdg.Activity{ID: "a-2"})
	require.NoError(t, err)
	assert.NotContains(t, string(b), "timerPrUge", "zero hours are left out")
}
