package errors_test

import (
	"errors"
	"fmt"
	"strconv"

	dfdgerrors "github.com/regelkit/dfdg/errors"
)

func Example() {
	var err error = dfdgerrors.New(dfdgerrors.ErrPlanTypeMissing, "3.1", "borger.plan.plantype", "ingen plan")

	fmt.Println(errors.Is(err, dfdgerrors.ErrPlanTypeMissing))
	if e, ok := dfdgerrors.As(err); ok {
		fmt.Println(e.Code(), e.Rule())
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
		dfdgerrors.New(dfdgerrors.ErrJobTitleExpired, "3.5", "stillingsbetegnelse.udgaaetFra", "Telegrafist"),
		dfdgerrors.New(dfdgerrors.ErrAuthorityAreaExpired, "3.7", "myndighedsomraade", "6"),
	}
	for _, e := range l {
		fmt.Println(e.Kind().Reason(), e.Rule(), e.Field())
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

func ExampleError_WithDetail() {
	// Most rejections are written from plain strings: the kind, the rule, where and what, and what
	// was wrong in this occurrence in Danish and English.
	err := dfdgerrors.New(dfdgerrors.ErrInvalidValue, "", "timerPrUge", "-1").
		WithDetail("timetallet må ikke være negativt", "hours may not be negative")
	fmt.Println(err.Field(), err.Value())
	da, _ := err.Detail()
	fmt.Println(da)
	fmt.Println(err.English())
	// Output:
	// timerPrUge -1
	// timetallet må ikke være negativt
	// Invalid value: hours may not be negative
}

// TooLate is the rejection of a caller's own rule, with its values as exported fields: the record
// and how many days it is late.
type TooLate struct {
	ID   string
	Days int
}

func (t TooLate) Where() (dfdgerrors.Path, string) { return "id", t.ID }

func (t TooLate) Explain() (danish, english string) {
	days := strconv.Itoa(t.Days)
	return "posten " + t.ID + " er " + days + " dage for sent", "the record " + t.ID + " is " + days + " days late"
}

func (t TooLate) Error() string { _, en := t.Explain(); return en }

func ExampleNewCause() {
	// A rejection whose values a caller may want keeps them in a type of its own: the Error and the
	// values are one allocation, the texts are written when they are read, and errors.As reaches
	// the values.
	var err error = dfdgerrors.NewCause(dfdgerrors.ErrInvalidValue, "1.1", TooLate{ID: "f-7", Days: 3})
	var late *TooLate
	if errors.As(err, &late) {
		fmt.Println(late.ID, late.Days)
	}
	e, _ := dfdgerrors.As(err)
	fmt.Println(e.Field(), e.Value(), e.Rule())
	da, _ := e.Detail()
	fmt.Println(da)
	fmt.Println(errors.Is(err, dfdgerrors.ErrInvalidValue))
	// Output:
	// f-7 3
	// id f-7 1.1
	// posten f-7 er 3 dage for sent
	// true
}
