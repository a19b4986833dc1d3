package errors_test

import (
	"errors"
	"fmt"

	dfdgerrors "github.com/regelkit/dfdg/errors"
)

func Example() {
	var err error = dfdgerrors.New(dfdgerrors.ErrPlanTypeMissing).WithRule("3.1").WithField("borger.plan.plantype", "ingen plan")

	fmt.Println(errors.Is(err, dfdgerrors.ErrPlanTypeMissing))
	fmt.Println(dfdgerrors.CodeOf(err), dfdgerrors.RuleOf(err))
	if e, ok := dfdgerrors.As(err); ok {
		fmt.Println(e.Danish())
		fmt.Println(e.English())
	}
	fmt.Println(err)
	// Output:
	// true
	// 110016 3.1
	// Plantype mangler eller er forkert ved oprettelse af aktivitet for dagpengemodtager
	// Plan type missing or wrong when creating an activity for a recipient of unemployment benefit
	// dfdg 110016: Plantype mangler eller er forkert ved oprettelse af aktivitet for dagpengemodtager [regel 3.1; borger.plan.plantype=ingen plan]
}

func ExampleList() {
	// Validation functions return every violation. A List is not an error: Err gives one, nil when
	// there is no violation.
	var none dfdgerrors.List
	fmt.Println(none.Err() == nil)

	l := dfdgerrors.List{
		dfdgerrors.New(dfdgerrors.ErrJobTitleExpired).WithRule("3.5").WithField("stillingsbetegnelse.udgaaetFra", "Telegrafist"),
		dfdgerrors.New(dfdgerrors.ErrAuthorityAreaExpired).WithRule("3.7").WithField("myndighedsomraade", "6"),
	}
	for _, e := range l {
		fmt.Println(e.Reason(), e.Rule(), e.Field())
	}
	fmt.Println(errors.Is(l.Err(), dfdgerrors.ErrAuthorityAreaExpired))
	// Output:
	// true
	// JobTitleExpired 3.5 stillingsbetegnelse.udgaaetFra
	// AuthorityAreaExpired 3.7 myndighedsomraade
	// true
}

func ExamplePath() {
	p := dfdgerrors.Path("eksterneReferencer").Index(1).Child("vaerdi")
	fmt.Println(p)
	// Output:
	// eksterneReferencer[1].vaerdi
}
