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

func ExampleError_WithDetailArgs() {
	// A rule keeps the values of a rejection and the texts are written when they are read, so that
	// rejecting costs one allocation however much the texts say. {0}, {1}, … stand for the arguments.
	id, other := "fr-2", "fr-1"
	err := dfdgerrors.New(dfdgerrors.ErrOverlapNotAllowed).WithRule("2.1").
		WithItem("borger.fravaer", 0, "periode", dfdgerrors.Text("2025-07-01–2025-07-31")).
		WithDetailArgs("fravær {0} (type {1}) overlapper fravær {2}", "absence {0} (type {1}) overlaps absence {2}",
			dfdgerrors.Text(id), dfdgerrors.Int(66), dfdgerrors.Text(other))
	fmt.Println(err.Field())
	fmt.Println(err.Detail())
	fmt.Println(err.DetailEN())
	// Output:
	// borger.fravaer[0].periode
	// fravær fr-2 (type 66) overlapper fravær fr-1
	// absence fr-2 (type 66) overlaps absence fr-1
}

// tooLate is a rejection of a caller's own rule: the record and how many days it is late, kept as
// they are until the error is read.
type tooLate struct {
	id   string
	days int
}

var tooLateTexts = dfdgerrors.Texts{"posten {0} er {1} dage for sent", "the record {0} is {1} days late"}

func (t *tooLate) Where() (dfdgerrors.Path, dfdgerrors.Arg) { return "id", dfdgerrors.Text(t.id) }

func (t *tooLate) AppendDetail(b []byte, english bool) []byte {
	return tooLateTexts.Append(b, english, dfdgerrors.Text(t.id), dfdgerrors.Int(t.days))
}

func ExampleNewDetail() {
	// A rule whose rejection lies on a hot path keeps exactly its values in a type of its own: the
	// Error and the values are one small allocation, and the texts are written when they are read.
	err := dfdgerrors.NewDetail(dfdgerrors.ErrInvalidValue, tooLate{id: "f-7", days: 3}).WithRule("1.1")
	fmt.Println(err.Field(), err.Value())
	fmt.Println(err.Detail())
	fmt.Println(err.DetailEN())
	fmt.Println(errors.Is(err, dfdgerrors.ErrInvalidValue), err.Rule())
	// Output:
	// id f-7
	// posten f-7 er 3 dage for sent
	// the record f-7 is 3 days late
	// true 1.1
}
