package bench

import (
	"context"
	"testing"

	"github.com/regelkit/dfdg"
)

// engines compiles the rules once for the tests.
func engines(t testing.TB) (*Expr, *CEL, *OPA) {
	t.Helper()
	e, err := NewExpr()
	if err != nil {
		t.Fatal(err)
	}
	c, err := NewCEL()
	if err != nil {
		t.Fatal(err)
	}
	o, err := NewOPA(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	return e, c, o
}

// answers collects one case's answers from the library, the hand-written check and every engine.
type answers struct{ lib, hand, expr, cel, opa bool }

func (a answers) check(t *testing.T, rule string, i int, want bool) {
	t.Helper()
	if a.lib != want || a.hand != want || a.expr != want || a.cel != want || a.opa != want {
		t.Errorf("rule %s, case %d: want %v; library %v, hand-written %v, expr %v, CEL %v, OPA %v", rule, i, want, a.lib, a.hand, a.expr, a.cel, a.opa)
	}
}

// must returns a function that takes an engine's answer and fails t on its error.
func must(t *testing.T) func(bool, error) bool {
	return func(b bool, err error) bool {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
		return b
	}
}

// Every engine and the hand-written checks give the library's answer on every shared case.
func TestEnginesAgree(t *testing.T) {
	e, c, o := engines(t)
	ctx := context.Background()
	ok := must(t)
	for i, tc := range PlanCases() {
		answers{
			lib:  LibRejectPlan(LibPlan(tc.In)),
			hand: HandPlan(LibPlan(tc.In)) != nil,
			expr: ok(e.Run(e.Plan, ExprPlan(tc.In))),
			cel:  ok(c.Eval(c.Plan, CELPlan(tc.In))),
			opa:  ok(o.Eval(ctx, o.Plan, OPAPlan(tc.In))),
		}.check(t, "3.1", i, tc.Want)
	}
	for i, tc := range OverlapCases() {
		answers{
			lib:  LibRejectOverlap(tc.In),
			hand: HandOverlap(tc.In) != nil,
			expr: ok(e.Run(e.Overlap, ExprOverlap(tc.In))),
			cel:  ok(c.Eval(c.Overlap, CELOverlap(tc.In))),
			opa:  ok(o.Eval(ctx, o.Overlap, OPAOverlap(tc.In))),
		}.check(t, "2.1", i, tc.Want)
	}
	for i, tc := range DuplicateCases() {
		answers{
			lib:  LibRejectDuplicate(tc.In),
			hand: HandDuplicate(tc.In) != nil,
			expr: ok(e.Run(e.Duplicate, ExprDuplicate(tc.In))),
			cel:  ok(c.Eval(c.Duplicate, CELDuplicate(tc.In))),
			opa:  ok(o.Eval(ctx, o.Duplicate, OPADuplicate(tc.In))),
		}.check(t, "3.4", i, tc.Want)
	}
}

var sink bool

// runner is one way to apply a rule to one case, prepared before the clock starts.
type runner struct {
	name string
	run  func() bool
}

// benchRule runs every runner of a rule on its accepting and its rejecting case, as
// BenchmarkRuleX/accept/library and so on; `../.ci/perf` (bench/report) turns the output into the README's table.
func benchRule(b *testing.B, paths map[string][]runner) {
	for _, path := range []string{"accept", "reject"} {
		for _, r := range paths[path] {
			b.Run(path+"/"+r.name, func(b *testing.B) {
				b.ReportAllocs()
				for b.Loop() {
					sink = r.run()
				}
			})
		}
	}
}

// The cases the benchmarks run, from the shared tables: the accepting one is the common case, the
// rejecting one reads every existing record before it rejects (the worst case).
var (
	planAccept, planReject           = PlanCases()[0], PlanCases()[2]           // a Jobplan; an Uddannelsesplan
	overlapAccept, overlapReject     = OverlapCases()[0], OverlapCases()[1]     // 66 over two holidays; and a sickness last
	duplicateAccept, duplicateReject = DuplicateCases()[0], DuplicateCases()[1] // none among 50; the 51st is the same
)

func BenchmarkRule3_1PlanType(b *testing.B) {
	e, c, o := engines(b)
	ctx := context.Background()
	runners := func(in PlanCase) []runner {
		lib, env, act, input := LibPlan(in), ExprPlan(in), CELPlan(in), OPAPlan(in)
		return []runner{
			{"library", func() bool { return activities.CheckPlanType(lib.At, lib.Citizen) != nil }},
			{"handwritten", func() bool { return HandPlan(lib) != nil }},
			{"expr", func() bool { r, _ := e.Run(e.Plan, env); return r }},
			{"cel", func() bool { r, _ := c.Eval(c.Plan, act); return r }},
			{"opa", func() bool { r, _ := o.Eval(ctx, o.Plan, input); return r }},
		}
	}
	benchRule(b, map[string][]runner{"accept": runners(planAccept.In), "reject": runners(planReject.In)})
}

func BenchmarkRule2_1Overlap20(b *testing.B) {
	e, c, o := engines(b)
	ctx := context.Background()
	runners := func(in OverlapCase) []runner {
		env, act, input := ExprOverlap(in), CELOverlap(in), OPAOverlap(in)
		citizen := dfdg.Citizen{Absences: in.Existing}
		return []runner{
			{"library", func() bool { return absences.CheckOverlap(dfdg.At{}, citizen, in.New) != nil }},
			{"handwritten", func() bool { return HandOverlap(in) != nil }},
			{"expr", func() bool { r, _ := e.Run(e.Overlap, env); return r }},
			{"cel", func() bool { r, _ := c.Eval(c.Overlap, act); return r }},
			{"opa", func() bool { r, _ := o.Eval(ctx, o.Overlap, input); return r }},
		}
	}
	benchRule(b, map[string][]runner{"accept": runners(overlapAccept.In), "reject": runners(overlapReject.In)})
}

func BenchmarkRule3_4Duplicate50(b *testing.B) {
	e, c, o := engines(b)
	ctx := context.Background()
	runners := func(in DuplicateCase) []runner {
		env, act, input := ExprDuplicate(in), CELDuplicate(in), OPADuplicate(in)
		citizen := dfdg.Citizen{Activities: in.Existing}
		return []runner{
			{"library", func() bool { return activities.CheckDuplicate(dfdg.At{}, citizen, in.New) != nil }},
			{"handwritten", func() bool { return HandDuplicate(in) != nil }},
			{"expr", func() bool { r, _ := e.Run(e.Duplicate, env); return r }},
			{"cel", func() bool { r, _ := c.Eval(c.Duplicate, act); return r }},
			{"opa", func() bool { r, _ := o.Eval(ctx, o.Duplicate, input); return r }},
		}
	}
	benchRule(b, map[string][]runner{"accept": runners(duplicateAccept.In), "reject": runners(duplicateReject.In)})
}
