package errors_test

import (
	"errors"
	"fmt"

	dfdgerrors "github.com/regelkit/dfdg/errors"
)

func Example() {
	var err error = dfdgerrors.New(dfdgerrors.ErrPlanTypeMissing).WithRule("3.1").WithField("plantype", "ingen plan")

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
	// dfdg 110016: Plantype mangler eller er forkert ved oprettelse af aktivitet for dagpengemodtager [regel 3.1; plantype=ingen plan]
}

func ExampleList() {
	// Validation functions return every violation; a nil List is no violation.
	l := dfdgerrors.List{
		dfdgerrors.New(dfdgerrors.ErrJobTitleExpired).WithRule("3.5"),
		dfdgerrors.New(dfdgerrors.ErrAuthorityAreaExpired).WithRule("3.7"),
	}
	for _, e := range l {
		fmt.Println(e.Reason(), e.Rule)
	}
	fmt.Println(errors.Is(l.Err(), dfdgerrors.ErrAuthorityAreaExpired))
	// Output:
	// JobTitleExpired 3.5
	// AuthorityAreaExpired 3.7
	// true
}
