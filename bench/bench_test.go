package bench

import (
	"context"
	"testing"
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

// answers collects one case's answers from every engine.
type answers struct{ lib, expr, cel, opa bool }

func (a answers) check(t *testing.T, rule string, i int, want bool) {
	t.Helper()
	if a.lib != want || a.expr != want || a.cel != want || a.opa != want {
		t.Errorf("rule %s, case %d: want %v; library %v, expr %v, CEL %v, OPA %v", rule, i, want, a.lib, a.expr, a.cel, a.opa)
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

// Every engine gives the library's answer on every shared case.
func TestEnginesAgree(t *testing.T) {
	e, c, o := engines(t)
	ctx := context.Background()
	ok := must(t)
	for i, tc := range PlanCases() {
		answers{
			lib:  LibRejectPlan(LibPlan(tc.In)),
			expr: ok(e.Run(e.Plan, ExprPlan(tc.In))),
			cel:  ok(c.Eval(c.Plan, CELPlan(tc.In))),
			opa:  ok(o.Eval(ctx, o.Plan, OPAPlan(tc.In))),
		}.check(t, "3.1", i, tc.Want)
	}
	for i, tc := range OverlapCases() {
		answers{
			lib:  LibRejectOverlap(tc.In),
			expr: ok(e.Run(e.Overlap, ExprOverlap(tc.In))),
			cel:  ok(c.Eval(c.Overlap, CELOverlap(tc.In))),
			opa:  ok(o.Eval(ctx, o.Overlap, OPAOverlap(tc.In))),
		}.check(t, "2.1", i, tc.Want)
	}
	for i, tc := range DuplicateCases() {
		answers{
			lib:  LibRejectDuplicate(tc.In),
			expr: ok(e.Run(e.Duplicate, ExprDuplicate(tc.In))),
			cel:  ok(c.Eval(c.Duplicate, CELDuplicate(tc.In))),
			opa:  ok(o.Eval(ctx, o.Duplicate, OPADuplicate(tc.In))),
		}.check(t, "3.4", i, tc.Want)
	}
}

var sink bool

// The benchmarks run each rule's accepting case, the common one: the input is prepared in each
// engine's own form before the clock starts.
func BenchmarkRule3_1PlanType(b *testing.B) {
	e, c, o := engines(b)
	in := PlanCases()[0].In // a Jobplan: accepted
	ctx := context.Background()
	b.Run("library", func(b *testing.B) {
		lib := LibPlan(in)
		b.ReportAllocs()
		for b.Loop() {
			sink = LibRejectPlan(lib)
		}
	})
	b.Run("expr", func(b *testing.B) {
		env := ExprPlan(in)
		b.ReportAllocs()
		for b.Loop() {
			sink, _ = e.Run(e.Plan, env)
		}
	})
	b.Run("cel", func(b *testing.B) {
		act := CELPlan(in)
		b.ReportAllocs()
		for b.Loop() {
			sink, _ = c.Eval(c.Plan, act)
		}
	})
	b.Run("opa", func(b *testing.B) {
		input := OPAPlan(in)
		b.ReportAllocs()
		for b.Loop() {
			sink, _ = o.Eval(ctx, o.Plan, input)
		}
	})
}

func BenchmarkRule2_1Overlap20(b *testing.B) {
	e, c, o := engines(b)
	in := OverlapCases()[0].In // 66 over two holidays among 20: accepted
	ctx := context.Background()
	b.Run("library", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			sink = LibRejectOverlap(in)
		}
	})
	b.Run("expr", func(b *testing.B) {
		env := ExprOverlap(in)
		b.ReportAllocs()
		for b.Loop() {
			sink, _ = e.Run(e.Overlap, env)
		}
	})
	b.Run("cel", func(b *testing.B) {
		act := CELOverlap(in)
		b.ReportAllocs()
		for b.Loop() {
			sink, _ = c.Eval(c.Overlap, act)
		}
	})
	b.Run("opa", func(b *testing.B) {
		input := OPAOverlap(in)
		b.ReportAllocs()
		for b.Loop() {
			sink, _ = o.Eval(ctx, o.Overlap, input)
		}
	})
}

func BenchmarkRule3_4Duplicate50(b *testing.B) {
	e, c, o := engines(b)
	in := DuplicateCases()[0].In // no duplicate among 50: accepted
	ctx := context.Background()
	b.Run("library", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			sink = LibRejectDuplicate(in)
		}
	})
	b.Run("expr", func(b *testing.B) {
		env := ExprDuplicate(in)
		b.ReportAllocs()
		for b.Loop() {
			sink, _ = e.Run(e.Duplicate, env)
		}
	})
	b.Run("cel", func(b *testing.B) {
		act := CELDuplicate(in)
		b.ReportAllocs()
		for b.Loop() {
			sink, _ = c.Eval(c.Duplicate, act)
		}
	})
	b.Run("opa", func(b *testing.B) {
		input := OPADuplicate(in)
		b.ReportAllocs()
		for b.Loop() {
			sink, _ = o.Eval(ctx, o.Duplicate, input)
		}
	})
}
