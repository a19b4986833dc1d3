package dfdg_test

import (
	"encoding/json"
	"errors"
	"fmt"
	"go/ast"
	"iter"
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/regelkit/dfdg"
	"github.com/regelkit/dfdg/absence"
	"github.com/regelkit/dfdg/activity"
	"github.com/regelkit/dfdg/contactgroup"
	dfdgerrors "github.com/regelkit/dfdg/errors"
	"github.com/regelkit/dfdg/gdpr"
	"github.com/regelkit/dfdg/plan"
	"github.com/stretchr/testify/require"
)

// fuzzOp is one entry point of a rule package, fed a citizen and a command decoded from JSON.
type fuzzOp struct {
	name string
	// run decodes the command from raw (reporting false when it is not one) and runs the entry point,
	// checking what holds for its kind of result.
	run func(t *testing.T, at dfdg.At, c dfdg.Citizen, raw []byte) bool
}

// decisionOp is a command with its Validate… twin (nil for commands without one).
func decisionOp[C any](name string, do func(dfdg.At, dfdg.Citizen, C) (dfdg.Decision, error), validate func(dfdg.At, dfdg.Citizen, C) dfdgerrors.List) fuzzOp {
	return fuzzOp{name, func(t *testing.T, at dfdg.At, c dfdg.Citizen, raw []byte) bool {
		var cmd C
		if json.Unmarshal(raw, &cmd) != nil {
			return false
		}
		before := snapshot(t, c, cmd)
		d, err := do(at, c, cmd)
		d2, err2 := do(at, c, cmd)
		if !reflect.DeepEqual(d, d2) || fmt.Sprint(err) != fmt.Sprint(err2) {
			t.Fatalf("%s is not a pure function: %v %v / %v %v", name, d, err, d2, err2)
		}
		if validate != nil {
			list := validate(at, c, cmd)
			if (len(list) == 0) != (err == nil) {
				t.Fatalf("%s and its Validate disagree: %v / %v", name, err, list)
			}
			if e, ok := dfdgerrors.As(err); ok && !errors.Is(list.Err(), e.Kind()) {
				t.Fatalf("%s returned %v, which its Validate does not list: %v", name, err, list)
			}
		}
		checkOutcome(t, name, at, c, d, err)
		if after := snapshot(t, c, cmd); after != before {
			t.Fatalf("%s modified its input:\n%s\n%s", name, before, after)
		}
		return true
	}}
}

// queryOp is an entry point that decides nothing: it must not panic, must not modify its input and
// must give the same answer twice.
func queryOp[C any](name string, query func(dfdg.At, dfdg.Citizen, C) any) fuzzOp {
	return fuzzOp{name, func(t *testing.T, at dfdg.At, c dfdg.Citizen, raw []byte) bool {
		var cmd C
		if json.Unmarshal(raw, &cmd) != nil {
			return false
		}
		before := snapshot(t, c, cmd)
		got, again := query(at, c, cmd), query(at, c, cmd)
		if !reflect.DeepEqual(got, again) {
			t.Fatalf("%s is not a pure function: %v / %v", name, got, again)
		}
		if err, ok := got.(error); ok && err != nil {
			checkText(t, name, err.Error())
		}
		if after := snapshot(t, c, cmd); after != before {
			t.Fatalf("%s modified its input:\n%s\n%s", name, before, after)
		}
		return true
	}}
}

type none struct{}

var (
	cg  contactgroup.Rules
	abs absence.Rules
	act activity.Rules
	gd  gdpr.Rules
	pl  plan.Rules
)

var fuzzOps = []fuzzOp{
	decisionOp("contactgroup.PlaceInGroup", cg.PlaceInGroup, cg.ValidatePlaceInGroup),
	decisionOp("contactgroup.RegisterJobseeker", cg.RegisterJobseeker, cg.ValidateRegisterJobseeker),
	decisionOp("contactgroup.CreateDeadline", cg.CreateDeadline, cg.ValidateCreateDeadline),
	decisionOp("contactgroup.DecideBenefit", cg.DecideBenefit, nil),
	decisionOp("contactgroup.ChangePersonCategory", cg.ChangePersonCategory, nil),
	decisionOp("contactgroup.CreateBooking", cg.CreateBooking, cg.ValidateCreateBooking),
	decisionOp("contactgroup.UpdateBooking", cg.UpdateBooking, cg.ValidateUpdateBooking),
	decisionOp("contactgroup.DeleteBooking", cg.DeleteBooking, nil),
	decisionOp("contactgroup.AddParticipant", cg.AddParticipant, cg.ValidateAddParticipant),
	decisionOp("contactgroup.GrantGuestAccess", cg.GrantGuestAccess, cg.ValidateGrantGuestAccess),
	decisionOp("contactgroup.Deregister", cg.Deregister, cg.ValidateDeregister),
	decisionOp("contactgroup.EndGroup", cg.EndGroup, nil),
	decisionOp("absence.Create", abs.Create, abs.ValidateCreate),
	decisionOp("absence.Update", abs.Update, abs.ValidateUpdate),
	decisionOp("absence.ReportSick", abs.ReportSick, nil),
	decisionOp("absence.CreateSickness", abs.CreateSickness, abs.ValidateCreateSickness),
	decisionOp("absence.Recover", abs.Recover, nil),
	decisionOp("absence.Resume", abs.Resume, nil),
	decisionOp("plan.CreateDraft", pl.CreateDraft, pl.ValidateCreateDraft),
	decisionOp("plan.Rectify", pl.Rectify, nil),
	decisionOp("activity.Create", act.Create, act.ValidateCreate),
	decisionOp("activity.Update", act.Update, act.ValidateUpdate),
	queryOp("contactgroup.CheckHistory", func(at dfdg.At, c dfdg.Citizen, _ none) any { return cg.CheckHistory(at, c) }),
	queryOp("absence.CheckOverlap", func(at dfdg.At, c dfdg.Citizen, a dfdg.Absence) any { return abs.CheckOverlap(at, c, a) }),
	queryOp("activity.CheckPlanType", func(at dfdg.At, c dfdg.Citizen, _ none) any { return act.CheckPlanType(at, c) }),
	queryOp("activity.FindDuplicate", func(at dfdg.At, c dfdg.Citizen, a dfdg.Activity) any {
		found, i, ok := act.FindDuplicate(at, c, a)
		return fmt.Sprint(found, i, ok)
	}),
	queryOp("activity.CheckDuplicate", func(at dfdg.At, c dfdg.Citizen, a dfdg.Activity) any { return act.CheckDuplicate(at, c, a) }),
	queryOp("activity.CheckReferences", func(at dfdg.At, c dfdg.Citizen, a dfdg.Activity) any { return act.CheckReferences(at, c, a) }),
	queryOp("activity.MinPlan", func(at dfdg.At, c dfdg.Citizen, _ none) any { return act.MinPlan(at, c) }),
	queryOp("gdpr.DeletionDate", func(at dfdg.At, _ dfdg.Citizen, r gdpr.Record) any {
		due, err := gd.DeletionDate(at, r)
		return fmt.Sprint(due, err)
	}),
	queryOp("gdpr.CheckRead", func(at dfdg.At, _ dfdg.Citizen, r gdpr.Record) any { return gd.CheckRead(at, r) }),
	queryOp("contactgroup.ValidateInterview", func(at dfdg.At, c dfdg.Citizen, iv dfdg.Interview) any { return cg.ValidateInterview(at, c, iv) }),
	{"absence.Sweep", func(t *testing.T, at dfdg.At, c dfdg.Citizen, _ []byte) bool {
		before := snapshot(t, c, nil)
		for cl, err := range abs.Sweep(at, slices.Values([]dfdg.Citizen{c, c})) {
			if err != nil {
				checkText(t, "absence.Sweep", err.Error())
				continue
			}
			checkOutcome(t, "absence.Sweep", at, c, cl.Decision, nil)
		}
		if after := snapshot(t, c, nil); after != before {
			t.Fatalf("absence.Sweep modified its input:\n%s\n%s", before, after)
		}
		return true
	}},
	{"gdpr.Delete and Sweep", func(t *testing.T, at dfdg.At, _ dfdg.Citizen, raw []byte) bool {
		var r gdpr.Record
		if json.Unmarshal(raw, &r) != nil {
			return false
		}
		del, err := gd.Delete(at, r)
		if err != nil {
			checkText(t, "gdpr.Delete", err.Error())
			return true
		}
		// Delete describes the deletion of any record it can judge, due or not (a log's deletion is
		// decided elsewhere); a sweep yields it when it is due, and only then.
		n, due := 0, del.Due.DueOn(at.Today())
		for swept, err := range gd.Sweep(at, iter.Seq[gdpr.Record](slices.Values([]gdpr.Record{r}))) {
			n++
			if err != nil || !reflect.DeepEqual(swept, del) {
				t.Fatalf("gdpr.Sweep gave %v %v where Delete gave %v", swept, err, del)
			}
		}
		if due && n != 1 || !due && n != 0 {
			t.Fatalf("gdpr.Sweep gave %d deletions of a record due %v on %s", n, del.Due, at.Today())
		}
		return true
	}},
}

// snapshot is the citizen and the command in JSON, to see that a call left them as they were.
func snapshot(t *testing.T, c dfdg.Citizen, cmd any) string {
	b, err := json.Marshal([]any{c, cmd})
	if err != nil {
		t.Fatalf("marshal: %v", err)
	}
	return string(b)
}

// checkText fails when a text the library wrote carries a CPR number unmasked.
func checkText(t *testing.T, name, text string) {
	if dfdg.MaskCPR(text) != text {
		t.Fatalf("%s wrote a CPR number: %s", name, text)
	}
}

// checkJSON fails when a string in the JSON the library wrote carries a CPR number unmasked. It
// checks the strings, not the JSON text, whose escapes (\u0026 for &) can put digits side by side
// that are not side by side in any value.
func checkJSON(t *testing.T, name string, v any) {
	b, err := json.Marshal(v)
	if err != nil {
		t.Fatalf("%s: does not marshal: %v", name, err)
	}
	var walk func(any)
	walk = func(v any) {
		switch v := v.(type) {
		case string:
			checkText(t, name, v)
		case []any:
			for _, e := range v {
				walk(e)
			}
		case map[string]any:
			for k, e := range v {
				checkText(t, name, k)
				walk(e)
			}
		}
	}
	var decoded any
	if err := json.Unmarshal(b, &decoded); err != nil {
		t.Fatalf("%s: wrote JSON that does not read back: %v", name, err)
	}
	walk(decoded)
}

// checkOutcome checks what holds for every decision: a rejection is one *errors.Error, masked, with a
// zero Decision; an accepted decision changes only records whose periods end on or after their start,
// every message names a record with an id and a recipient, and a sound contact-group history stays
// sound.
func checkOutcome(t *testing.T, name string, at dfdg.At, c dfdg.Citizen, d dfdg.Decision, err error) {
	if err != nil {
		if _, ok := dfdgerrors.As(err); !ok {
			t.Fatalf("%s: %T is not an *errors.Error: %v", name, err, err)
		}
		if !reflect.DeepEqual(d, dfdg.Decision{}) {
			t.Fatalf("%s rejected with a decision: %+v", name, d)
		}
		checkText(t, name, err.Error())
		checkJSON(t, name, err)
		return
	}
	for _, ch := range d.Absences {
		if p := ch.Record.Period; !p.End.IsZero() && p.End.Before(p.Start) {
			t.Fatalf("%s: absence %q ends before it starts: %v", name, ch.Record.ID, p)
		}
	}
	for _, ch := range d.Activities {
		if p := ch.Record.Period; !p.End.IsZero() && p.End.Before(p.Start) {
			t.Fatalf("%s: activity %q ends before it starts: %v", name, ch.Record.ID, p)
		}
	}
	for _, ch := range d.Memberships {
		if m := ch.Record; !m.End.IsZero() && m.End.Before(m.Start) {
			t.Fatalf("%s: membership %q ends before it starts: %v – %v", name, m.ID, m.Start, m.End)
		}
	}
	for _, ch := range d.Registrations {
		if r := ch.Record; !r.End.IsZero() && r.End.Before(r.Start) {
			t.Fatalf("%s: registration %q ends before it starts: %v – %v", name, r.ID, r.Start, r.End)
		}
	}
	for _, ch := range d.Bookings {
		if b := ch.Record; !b.End.IsZero() && b.End.Before(b.Start) {
			t.Fatalf("%s: booking %q ends before it starts: %v – %v", name, b.ID, b.Start, b.End)
		}
	}
	for _, ch := range d.GuestAccess {
		if g := ch.Record; g.Holder.IsZero() || !g.End.IsZero() && g.End.Before(g.Start) {
			t.Fatalf("%s: guest access %q without a holder or ending before it starts: %+v", name, g.ID, g)
		}
	}
	for _, m := range d.Messages {
		if m.About.ID == "" || m.To.IsZero() || m.Name == "" {
			t.Fatalf("%s: message without a record id, recipient or name: %+v", name, m)
		}
	}
	if len(cg.CheckHistory(at, c)) == 0 {
		if errs := cg.CheckHistory(at, c.Apply(d)); len(errs) > 0 {
			t.Fatalf("%s made a sound history unsound: %v\nbefore: %+v\ndecision: %+v", name, errs, c.Memberships, d.Memberships)
		}
	}
}

var fuzzActors = []dfdg.Actor{
	dfdg.MunicipalityActor(101), dfdg.MunicipalityActor(147), dfdg.AkasseActor("ak-1"), dfdg.SystemActor(dfdg.ActorKSD),
	dfdg.SystemActor(dfdg.ActorKY), dfdg.SystemActor(dfdg.ActorSTAR), dfdg.SystemActor(dfdg.ActorJobnet), {}, dfdg.MunicipalityActor(1),
	dfdg.OtherActor(101),
}

// FuzzDecisions feeds a citizen and a command decoded from JSON to every entry point of every rule
// package (issue 13): none panics, none modifies its input, each gives the same answer twice, Command
// and ValidateCommand agree, and the invariants of checkOutcome hold.
func FuzzDecisions(f *testing.F) {
	sound := dfdg.Citizen{Jobcentre: 101, Akasse: "ak-1",
		Memberships: []dfdg.Membership{
			{ID: "kg-0", Group: dfdg.Dagpengemodtager, Start: time.Date(2024, 1, 2, 8, 0, 0, 0, time.UTC), End: time.Date(2025, 6, 2, 8, 0, 0, 0, time.UTC)},
			{ID: "kg-1", Group: dfdg.Dagpengemodtager, Start: time.Date(2025, 6, 2, 8, 0, 0, 0, time.UTC)},
		},
		Registrations: []dfdg.Registration{{ID: "reg-1", Category: 40, Applicant: true, Start: time.Date(2025, 6, 2, 8, 0, 0, 0, time.UTC)}},
		Absences: []dfdg.Absence{{ID: "fr-1", Type: dfdg.SygdomSygemelding, Period: dfdg.Period{Start: dfdg.MustParseDate("2025-08-01"), End: dfdg.MustParseDate("2025-08-20")}},
			{ID: "fr-2", Type: dfdg.SygdomSygemelding, Period: dfdg.Period{Start: dfdg.MustParseDate("2025-09-10")}}},
		Activities: []dfdg.Activity{{ID: "a-1", Type: 7, Description: "Kursus", Period: dfdg.Period{Start: dfdg.MustParseDate("2025-10-01"), End: dfdg.MustParseDate("2025-10-31")}}},
		Plan:       &dfdg.Plan{ID: "p-1", Type: dfdg.Jobplan},
	}
	citizen, _ := json.Marshal(sound)
	empty := []byte(`{}`)
	cmds := map[string]string{
		"contactgroup.PlaceInGroup":         `{"kontaktgruppeIdentifier": "kg-2", "kontaktgruppeType": 8}`,
		"contactgroup.RegisterJobseeker":    `{"tilmeldingIdentifier": "reg-2", "klientKategori": 40, "ansoeger": true, "kontaktgruppeType": 1}`,
		"contactgroup.CreateDeadline":       `{"fristId": "f-1", "samtaletype": 17, "fristdato": "2025-10-15"}`,
		"contactgroup.DecideBenefit":        `{"udfald": "Ydelse afvist"}`,
		"contactgroup.ChangePersonCategory": `{"personkategoriIdentifier": "pk-1", "personkategori": 1}`,
		"contactgroup.CreateBooking":        `{"indkaldelseIdentifier": "ind-2", "samtaletype": 7, "moedeStarttidspunkt": "2025-09-22T10:00:00+02:00", "ombookingMulig": true, "ombookingFrist": "2025-09-20"}`,
		"contactgroup.UpdateBooking":        `{"indkaldelseIdentifier": "ind-1", "samtaletype": 7, "moedeStarttidspunkt": "2025-09-23T10:00:00+02:00"}`,
		"contactgroup.DeleteBooking":        `{"indkaldelseIdentifier": "ind-1"}`,
		"contactgroup.AddParticipant":       `{"myndighedsdeltagerIdentifier": "md-1", "indkaldelseIdentifier": "ind-1", "navn": "Anna", "telefonnummer": "+4512345678"}`,
		"contactgroup.GrantGuestAccess":     `{"gaesteadgangskommentar": "opfølgning <b>"}`,
		"contactgroup.Deregister":           `{"afmeldingsdato": "2025-09-20"}`,
		"contactgroup.EndGroup":             `{"kontaktgruppeIdentifier": "kg-1", "sluttidspunkt": "2025-09-20T00:00:00+02:00"}`,
		"absence.Create":                    `{"fravaerIdentifier": "fr-3", "fravaerType": 11, "periode": {"startdato": "2025-09-15"}}`,
		"absence.Update":                    `{"fravaerIdentifier": "fr-2", "fravaerType": 11, "periode": {"startdato": "2025-09-10", "slutdato": "2025-09-25"}}`,
		"absence.ReportSick":                `{"fravaerIdentifier": "fr-4", "fravaerType": 11, "periode": {"startdato": "2025-09-15"}}`,
		"absence.Recover":                   `{"fravaerIdentifier": "fr-2", "slutdato": "2025-09-30", "tilmelding": {"klientkategori": 2}, "kontaktgruppeType": 1}`,
		"absence.CreateSickness":            `{"fravaerType": 11, "periode": {"startdato": "2025-09-15"}, "anmeldelsesdato": "2025-09-15", "arbejdsgiver": {"cvrEnhedsid": "12345678"}, "afmelding": {"afmeldingsdato": "2025-09-20"}}`,
		"absence.Resume":                    `{"fravaerIdentifier": "fr-1"}`,
		"activity.Create":                   `{"aktivitetIdentifier": "a-2", "aktivitetstype": 40, "virksomhedsrettet": true, "beskrivelse": "Praktik", "periode": {"startdato": "2025-10-01", "slutdato": "2025-11-30"}, "timerPrUge": "25.5", "virksomhed": {"cvr": "12345678"}}`,
		"activity.Update":                   `{"aktivitetIdentifier": "a-1", "aktivitetstype": 7, "beskrivelse": "Kursus", "periode": {"startdato": "2025-10-01", "slutdato": "2025-10-15"}, "eksterneReferencer": [{"type": 6, "vaerdi": "0147"}]}`,
		"plan.CreateDraft":                  `{"planIdentifier": "p-2", "plantype": "Uddannelsesplan", "ansvarligSagsbehandler": "Sara", "paalaegsfrist": "2025-10-01"}`,
		"plan.Rectify":                      `{"planVersionIdentifier": "p-1", "planbeskrivelse": "ny"}`,
		"absence.CheckOverlap":              `{"fravaerIdentifier": "fr-5", "fravaerType": 75, "periode": {"startdato": "2025-08-10"}}`,
		"activity.FindDuplicate":            `{"aktivitetIdentifier": "a-9", "aktivitetstype": 7, "beskrivelse": "Kursus", "periode": {"startdato": "2025-10-01", "slutdato": "2025-10-31"}}`,
		"activity.CheckDuplicate":           `{"aktivitetIdentifier": "a-2", "aktivitetstype": 40, "virksomhedsrettet": true, "periode": {"startdato": "2025-10-01", "slutdato": "2025-11-30"}, "timerPrUge": "25.5", "virksomhed": {"cvr": "12345678"}}`,
		"activity.CheckReferences":          `{"aktivitetIdentifier": "a-2", "aktivitetstype": 7, "eksterneReferencer": [{"type": 5, "vaerdi": "0101"}, {"type": 6, "vaerdi": "0999"}]}`,
		"gdpr.DeletionDate":                 `{"posttype": "Tilmelding", "id": "reg-0", "startdato": "2012-01-02", "slutdato": "2019-05-31"}`,
		"gdpr.CheckRead":                    `{"posttype": "Efterloen", "id": "el-1", "foedselsdato": "1961-07-07"}`,
		"gdpr.Delete and Sweep":             `{"posttype": "Doedsfald", "id": "p-9", "slutdato": "2019-03-02", "kommuner": [101]}`,
	}
	for i, op := range fuzzOps {
		cmd := []byte(cmds[op.name])
		if len(cmd) == 0 {
			cmd = empty
		}
		for a := range fuzzActors {
			f.Add(uint8(i), uint8(a), uint16(15640), citizen, cmd) // 2025-09-15 09:00 UTC
		}
		f.Add(uint8(i), uint8(0), uint16(0), empty, cmd)
	}
	f.Fuzz(func(t *testing.T, op, actor uint8, day uint16, citizen, cmd []byte) {
		var c dfdg.Citizen
		if json.Unmarshal(citizen, &c) != nil {
			return
		}
		// Now runs over 2015 to 2059, at 09, 15, 21 or 03 o'clock UTC.
		now := time.Date(2015, 1, 1, 9, 0, 0, 0, time.UTC).AddDate(0, 0, int(day)/4).Add(time.Duration(day%4) * 6 * time.Hour)
		at := dfdg.At{Now: now, By: fuzzActors[int(actor)%len(fuzzActors)]}
		fuzzOps[int(op)%len(fuzzOps)].run(t, at, c, cmd)
	})
}

// Every entry point of the rule packages is in FuzzDecisions.
func TestFuzzDecisionsCoversEveryEntryPoint(t *testing.T) {
	fuzzed := map[string]bool{}
	for _, op := range fuzzOps {
		fuzzed[op.name] = true
	}
	fuzzed["gdpr.Delete"], fuzzed["gdpr.Sweep"] = fuzzed["gdpr.Delete and Sweep"], fuzzed["gdpr.Delete and Sweep"]
	// Predicates of one record, with no citizen and no command: the property tests of their packages
	// cover them, and they cannot modify anything.
	for _, pure := range []string{"contactgroup.IsApplicant", "absence.IsSickness", "activity.IsCompanyOriented", "activity.MinPlanItem"} {
		fuzzed[pure] = true
	}
	for _, pkg := range []string{"contactgroup", "absence", "activity", "gdpr", "plan"} {
		for _, fn := range exportedMethods(t, pkg, "Rules") {
			if !fuzzed[pkg+"."+fn] && !fuzzed[pkg+"."+stripValidate(fn)] {
				t.Errorf("%s.Rules.%s is not fuzzed", pkg, fn)
			}
		}
	}
}

func stripValidate(fn string) string { return strings.TrimPrefix(fn, "Validate") }

// exportedMethods lists the exported methods of the type recv in the package in dir.
func exportedMethods(t *testing.T, dir, recv string) []string {
	var out []string
	for _, f := range sourceFiles(t, dir) {
		for _, decl := range f.Decls {
			fn, ok := decl.(*ast.FuncDecl)
			if !ok || fn.Recv == nil || !fn.Name.IsExported() {
				continue
			}
			if id, ok := fn.Recv.List[0].Type.(*ast.Ident); ok && id.Name == recv {
				out = append(out, fn.Name.Name)
			}
		}
	}
	require.NotEmpty(t, out, "no methods of %s in %s", recv, dir)
	return out
}
