package errors_test

import (
	"fmt"
	"strings"
	"testing"

	dfdgerrors "github.com/regelkit/dfdg/errors"
)

// FuzzErrorTexts: however an Error is made (New and WithDetail, NewCause, WithField and WithDetail
// on a caused one) and whatever its values hold, nothing it prints shows a CPR number put, standing
// alone, in a value, a rule, a path, a text or a cause's id, and nothing panics.
func FuzzErrorTexts(f *testing.F) {
	f.Add("fr-1", "0707614321", "{0} {1} {2}", uint8(0))
	f.Add("", "070761-4321", "{", uint8(1))
	f.Add("a{0}", "x 070761 4321 y", "{9}{0}", uint8(2))
	f.Add("\xff", "07.07.61-4321", "{1}{1}", uint8(3))
	f.Fuzz(func(t *testing.T, id, text, detail string, how uint8) {
		const cpr = " 0707614321 " // spaces: digits beside it would make a longer number, not a CPR
		var e *dfdgerrors.Error
		switch how % 4 {
		case 0:
			e = dfdgerrors.New(dfdgerrors.ErrInvalidValue, dfdgerrors.RuleID(id+cpr), dfdgerrors.Path("l"+cpr), text+cpr).
				WithDetail(detail+cpr, cpr+detail)
		case 1:
			e = newPair(id+cpr, text+cpr)
		case 2:
			e = newPair(cpr+id, text).WithField(dfdgerrors.Path(cpr), cpr).WithDetail(detail+cpr, detail)
		case 3:
			e = newPair(id, cpr).WithDetail(detail+cpr, cpr)
		}
		if fmt.Sprint(e) != e.Error() || fmt.Sprintf("%#v", *e) != e.Error() {
			t.Fatalf("fmt prints otherwise than Error: %v", e)
		}
		b, err := e.MarshalJSON()
		if err != nil {
			t.Fatal(err)
		}
		da, en := e.Detail()
		for _, s := range []string{e.Error(), e.Value(), string(e.Field()), da, en, e.Danish(), e.English(), string(b)} {
			if strings.Contains(s, cpr) {
				t.Fatalf("a CPR number shows: %q", s)
			}
		}
	})
}
