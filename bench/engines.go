package bench

import (
	"context"
	"fmt"
	"time"

	"cel.dev/cel-go/cel"
	"cel.dev/cel-go/interpreter"
	"github.com/expr-lang/expr"
	"github.com/expr-lang/expr/vm"
	"github.com/open-policy-agent/opa/v1/ast"
	"github.com/open-policy-agent/opa/v1/rego"
	"github.com/regelkit/dfdg"
	"github.com/regelkit/dfdg/absence"
	"github.com/regelkit/dfdg/activity"
)

// The rules in each engine's language. Each expression is true when the command is rejected.
const (
	exprPlan    = `actor == "kommune" && group == 1 && !(plan in ["Jobplan", "Kombiplan"])`
	exprOverlap = `absence.type == 66 && any(existing, { #.start <= absence.end && absence.start <= #.end &&
		!(#.type in [10, 47]) })`
	exprDuplicate = `activity.company && activity.cvr != "" && any(existing, { #.active && #.company && #.cvr == activity.cvr &&
		#.pnumber == activity.pnumber && #.start == activity.start && #.end == activity.end && #.hours == activity.hours &&
		#.offer == activity.offer })`

	celPlan    = `actor == "kommune" && group == 1 && !(plan in ["Jobplan", "Kombiplan"])`
	celOverlap = `absence.type == 66 && existing.exists(e, e.start <= absence.end && absence.start <= e.end &&
		!(e.type in [10, 47]))`
	celDuplicate = `activity.company && activity.cvr != "" && existing.exists(e, e.active && e.company && e.cvr == activity.cvr &&
		e.pnumber == activity.pnumber && e.start == activity.start && e.end == activity.end && e.hours == activity.hours &&
		e.offer == activity.offer)`

	regoModule = `package dfdg

default reject_plan := false

plan_ok if input.plan == "Jobplan"

plan_ok if input.plan == "Kombiplan"

reject_plan if {
	input.actor == "kommune"
	input.group == 1
	not plan_ok
}

forbidden(a, b) if {
	a == 66
	not b in {10, 47}
}

default reject_overlap := false

reject_overlap if {
	some e in input.existing
	e.start <= input.absence.end
	input.absence.start <= e.end
	forbidden(input.absence.type, e.type)
}

default reject_duplicate := false

reject_duplicate if {
	input.activity.company
	input.activity.cvr != ""
	some e in input.existing
	e.active
	e.company
	e.cvr == input.activity.cvr
	e.pnumber == input.activity.pnumber
	e.start == input.activity.start
	e.end == input.activity.end
	e.hours == input.activity.hours
	e.offer == input.activity.offer
}
`
)

// The library's side: the inputs as the rules take them.

// LibPlanInput is rule 3.1's input for the library: the call's context and the citizen, whose
// contact group the rule finds at now.
type LibPlanInput struct {
	At      dfdg.At
	Citizen dfdg.Citizen
}

// planNow is the instant the plan cases are decided at.
var planNow = time.Date(2025, 9, 15, 10, 0, 0, 0, time.UTC)

// LibPlan converts a case.
func LibPlan(c PlanCase) LibPlanInput {
	in := LibPlanInput{At: dfdg.At{Now: planNow, By: c.Actor}}
	if c.Group != 0 {
		in.Citizen.Memberships = []dfdg.Membership{{ID: "kg", Group: dfdg.ContactGroup(c.Group), Start: planNow.AddDate(0, -3, 0)}}
	}
	if !c.NoPlan {
		in.Citizen.Plan = &dfdg.Plan{Type: c.Plan}
	}
	return in
}

var (
	activities activity.Rules
	absences   absence.Rules
)

// LibRejectPlan applies rule 3.1 with the library.
func LibRejectPlan(in LibPlanInput) bool { return activities.CheckPlanType(in.At, in.Citizen) != nil }

// LibRejectOverlap applies rule 2.1 with the library.
func LibRejectOverlap(c OverlapCase) bool {
	return absences.CheckOverlap(dfdg.At{}, dfdg.Citizen{Absences: c.Existing}, c.New) != nil
}

// LibRejectDuplicate applies rule 3.4 with the library.
func LibRejectDuplicate(c DuplicateCase) bool {
	return activities.CheckDuplicate(dfdg.At{}, dfdg.Citizen{Activities: c.Existing}, c.New) != nil
}

// The engines' side: plain records.

// Absence is an absence as the engines read it: type and day numbers.
type Absence struct {
	Type  int `expr:"type"`
	Start int `expr:"start"`
	End   int `expr:"end"`
}

// Activity is an activity as the engines read it.
type Activity struct {
	CVR     string `expr:"cvr"`
	PNumber string `expr:"pnumber"`
	Start   int    `expr:"start"`
	End     int    `expr:"end"`
	Hours   int64  `expr:"hours"`
	Offer   int    `expr:"offer"`
	// Active is neither cancelled nor interrupted; Company is company-oriented.
	Active  bool `expr:"active"`
	Company bool `expr:"company"`
}

func absenceRecord(a dfdg.Absence) Absence {
	return Absence{Type: int(a.Type), Start: dayNumber(a.Period.Start), End: dayNumber(a.Period.End)}
}

func activityRecord(a dfdg.Activity) Activity {
	return Activity{CVR: a.Company.CVR, PNumber: a.Company.PNumber, Start: dayNumber(a.Period.Start), End: dayNumber(a.Period.End),
		Hours: hundredths(a.Hours), Offer: int(a.JobOfferType), Active: a.Status == dfdg.ActivityActive,
		Company: a.CompanyOriented}
}

// PlanEnv, OverlapEnv and DuplicateEnv are expr's typed environments.
type PlanEnv struct {
	Actor string `expr:"actor"`
	Group int    `expr:"group"`
	Plan  string `expr:"plan"`
}

type OverlapEnv struct {
	Absence  Absence   `expr:"absence"`
	Existing []Absence `expr:"existing"`
}

type DuplicateEnv struct {
	Activity Activity   `expr:"activity"`
	Existing []Activity `expr:"existing"`
}

// ExprPlan converts a case to expr's environment.
func ExprPlan(c PlanCase) *PlanEnv {
	return &PlanEnv{Actor: c.Actor.Kind.String(), Group: c.Group, Plan: planName(c)}
}

// ExprOverlap converts a case to expr's environment.
func ExprOverlap(c OverlapCase) *OverlapEnv {
	env := &OverlapEnv{Absence: absenceRecord(c.New)}
	for _, e := range c.Existing {
		env.Existing = append(env.Existing, absenceRecord(e))
	}
	return env
}

// ExprDuplicate converts a case to expr's environment.
func ExprDuplicate(c DuplicateCase) *DuplicateEnv {
	env := &DuplicateEnv{Activity: activityRecord(c.New)}
	for _, e := range c.Existing {
		env.Existing = append(env.Existing, activityRecord(e))
	}
	return env
}

// Expr holds the three rules compiled by expr.
type Expr struct{ Plan, Overlap, Duplicate *vm.Program }

// NewExpr compiles the rules.
func NewExpr() (*Expr, error) {
	var e Expr
	var err error
	if e.Plan, err = expr.Compile(exprPlan, expr.Env(&PlanEnv{}), expr.AsBool()); err != nil {
		return nil, err
	}
	if e.Overlap, err = expr.Compile(exprOverlap, expr.Env(&OverlapEnv{}), expr.AsBool()); err != nil {
		return nil, err
	}
	if e.Duplicate, err = expr.Compile(exprDuplicate, expr.Env(&DuplicateEnv{}), expr.AsBool()); err != nil {
		return nil, err
	}
	return &e, nil
}

// Run runs a compiled rule on env.
func (e *Expr) Run(p *vm.Program, env any) (bool, error) {
	out, err := expr.Run(p, env)
	if err != nil {
		return false, err
	}
	return out.(bool), nil
}

// CEL holds the three rules compiled by CEL.
type CEL struct{ Plan, Overlap, Duplicate cel.Program }

// NewCEL compiles the rules.
func NewCEL() (*CEL, error) {
	record := cel.MapType(cel.StringType, cel.DynType)
	compile := func(src string, vars ...cel.EnvOption) (cel.Program, error) {
		env, err := cel.NewEnv(vars...)
		if err != nil {
			return nil, err
		}
		checked, iss := env.Compile(src)
		if iss.Err() != nil {
			return nil, iss.Err()
		}
		return env.Program(checked, cel.EvalOptions(cel.OptOptimize))
	}
	var c CEL
	var err error
	if c.Plan, err = compile(celPlan, cel.Variable("actor", cel.StringType), cel.Variable("group", cel.IntType), cel.Variable("plan", cel.StringType)); err != nil {
		return nil, err
	}
	if c.Overlap, err = compile(celOverlap, cel.Variable("absence", record), cel.Variable("existing", cel.ListType(record))); err != nil {
		return nil, err
	}
	if c.Duplicate, err = compile(celDuplicate, cel.Variable("activity", record), cel.Variable("existing", cel.ListType(record))); err != nil {
		return nil, err
	}
	return &c, nil
}

func celAbsence(a Absence) map[string]any {
	return map[string]any{"type": int64(a.Type), "start": int64(a.Start), "end": int64(a.End)}
}

func celActivity(a Activity) map[string]any {
	return map[string]any{"cvr": a.CVR, "pnumber": a.PNumber, "start": int64(a.Start), "end": int64(a.End), "hours": a.Hours,
		"offer": int64(a.Offer), "active": a.Active, "company": a.Company}
}

// records converts each of xs to the map form CEL and OPA read.
func records[T any](xs []T, f func(T) map[string]any) []map[string]any {
	out := make([]map[string]any, 0, len(xs))
	for _, x := range xs {
		out = append(out, f(x))
	}
	return out
}

// CELPlan converts a case to CEL's activation.
func CELPlan(c PlanCase) interpreter.Activation {
	env := ExprPlan(c)
	act, _ := interpreter.NewActivation(map[string]any{"actor": env.Actor, "group": int64(env.Group), "plan": env.Plan})
	return act
}

// CELOverlap converts a case to CEL's activation.
func CELOverlap(c OverlapCase) interpreter.Activation {
	env := ExprOverlap(c)
	act, _ := interpreter.NewActivation(map[string]any{"absence": celAbsence(env.Absence), "existing": records(env.Existing, celAbsence)})
	return act
}

// CELDuplicate converts a case to CEL's activation.
func CELDuplicate(c DuplicateCase) interpreter.Activation {
	env := ExprDuplicate(c)
	act, _ := interpreter.NewActivation(map[string]any{"activity": celActivity(env.Activity), "existing": records(env.Existing, celActivity)})
	return act
}

// Eval runs a compiled rule on an activation.
func (c *CEL) Eval(p cel.Program, act interpreter.Activation) (bool, error) {
	out, _, err := p.Eval(act)
	if err != nil {
		return false, err
	}
	b, ok := out.Value().(bool)
	if !ok {
		return false, fmt.Errorf("cel: %v is not a bool", out)
	}
	return b, nil
}

// OPA holds the three rules as prepared Rego queries.
type OPA struct{ Plan, Overlap, Duplicate rego.PreparedEvalQuery }

// NewOPA prepares the queries.
func NewOPA(ctx context.Context) (*OPA, error) {
	prepare := func(q string) (rego.PreparedEvalQuery, error) {
		return rego.New(rego.Query(q), rego.Module("dfdg.rego", regoModule)).PrepareForEval(ctx)
	}
	var o OPA
	var err error
	if o.Plan, err = prepare("data.dfdg.reject_plan"); err != nil {
		return nil, err
	}
	if o.Overlap, err = prepare("data.dfdg.reject_overlap"); err != nil {
		return nil, err
	}
	if o.Duplicate, err = prepare("data.dfdg.reject_duplicate"); err != nil {
		return nil, err
	}
	return &o, nil
}

func opaInput(v any) ast.Value {
	val, err := ast.InterfaceToValue(v)
	if err != nil {
		panic(err) // the inputs are plain maps made here
	}
	return val
}

// OPAPlan converts a case to OPA's parsed input.
func OPAPlan(c PlanCase) ast.Value {
	env := ExprPlan(c)
	return opaInput(map[string]any{"actor": env.Actor, "group": env.Group, "plan": env.Plan})
}

// OPAOverlap converts a case to OPA's parsed input.
func OPAOverlap(c OverlapCase) ast.Value {
	env := ExprOverlap(c)
	return opaInput(map[string]any{"absence": celAbsence(env.Absence), "existing": records(env.Existing, celAbsence)})
}

// OPADuplicate converts a case to OPA's parsed input.
func OPADuplicate(c DuplicateCase) ast.Value {
	env := ExprDuplicate(c)
	return opaInput(map[string]any{"activity": celActivity(env.Activity), "existing": records(env.Existing, celActivity)})
}

// Eval runs a prepared query on a parsed input.
func (o *OPA) Eval(ctx context.Context, q rego.PreparedEvalQuery, input ast.Value) (bool, error) {
	rs, err := q.Eval(ctx, rego.EvalParsedInput(input))
	if err != nil {
		return false, err
	}
	if len(rs) != 1 || len(rs[0].Expressions) != 1 {
		return false, fmt.Errorf("opa: %d results", len(rs))
	}
	b, ok := rs[0].Expressions[0].Value.(bool)
	if !ok {
		return false, fmt.Errorf("opa: %v is not a bool", rs[0].Expressions[0].Value)
	}
	return b, nil
}
