package scenario

import (
	"fmt"
	"reflect"
	"strings"

	"github.com/regelkit/dfdg"
	dfdgerrors "github.com/regelkit/dfdg/errors"
	"github.com/regelkit/dfdg/internal/jsonx"
	"github.com/regelkit/dfdg/plan"
)

// compare returns every difference between what the command gave and what the case expects; rules are
// the rules that acted. An expectation is the result's own JSON, in part (jsonx.Match); an error's
// "detalje" matches by what it contains.
func compare(t *Then, o outcome, rules dfdg.RuleSet) []string {
	var diffs []string
	add := func(format string, a ...any) { diffs = append(diffs, fmt.Sprintf(format, a...)) }
	if t.Error != nil {
		if e, ok := dfdgerrors.As(o.err); !ok {
			add("fejl: forventede en afvisning, men kommandoen blev godkendt")
		} else {
			diffs = append(diffs, jsonx.Match("fejl", t.Error, e, "detalje", "detaljeEn")...)
		}
		return diffs
	}
	if o.err != nil {
		add("fejl: uventet afvisning: %v", o.err)
		return diffs
	}
	for _, x := range expectations[1:] {
		if raw := x.raw(t); raw != nil {
			if o.result == nil || !reflect.TypeOf(o.result).ConvertibleTo(x.typ) {
				add("%s: kommandoen giver ikke et sådant resultat", x.name)
				continue
			}
			diffs = append(diffs, jsonx.Match(x.name, raw, o.result, "detalje", "detaljeEn")...)
		}
	}
	for _, r := range t.Rules {
		if !rules.Has(r) {
			add("regler: forventede %s blandt reglerne, fik [%v]", r, rules)
		}
	}
	if t.NoChanges != nil {
		d, _ := o.result.(dfdg.Decision)
		switch changes := d.Changes(); {
		case *t.NoChanges && changes:
			add("ingenAendringer: beslutningen ændrer eller sender noget")
		case !*t.NoChanges && !changes:
			add("ingenAendringer: beslutningen ændrer intet")
		}
	}
	if t.MinPlan != nil {
		doc, _ := o.result.(plan.Document)
		text := doc.Text()
		for _, line := range t.MinPlan.Contains {
			if !strings.Contains(text, line) {
				add("minPlan: mangler %q", line)
			}
		}
		for _, line := range t.MinPlan.Lacks {
			if strings.Contains(text, line) {
				add("minPlan: indeholder %q, som ikke skulle være der", line)
			}
		}
	}
	return diffs
}
