package errors_test

import (
	"fmt"
	"strings"
	"testing"
	"unicode/utf8"

	dfdgerrors "github.com/regelkit/dfdg/errors"
)

// spellings are the ways a CPR number is typed: the separators after the 2nd, 4th and 6th digit.
var spellings = [][3]string{
	{"", "", ""}, {"", "", "-"}, {"", "", " "}, {"", "", "/"}, {"-", "-", "-"}, {".", ".", "-"},
	{"", "", "\u2013"}, {"", "", "\u00ad"}, {"", "", " – "}, {" ", " ", " "}, {"", "", "\u00a0"}, {"", " ", ""},
}

// FuzzMaskCPR: whatever surrounds a CPR number, in any of its spellings, MaskCPR gives it back with x
// for its serial digits, in place (a neighbour of CPR shape may mask more of it); it never panics,
// and keeps the length.
func FuzzMaskCPR(f *testing.F) {
	f.Add("borger ", " og mere", uint64(707614321), uint8(1))
	f.Add("", "", uint64(3112999999), uint8(5))
	f.Add("x0707614321", "12", uint64(1010101010), uint8(9))
	f.Add("2025-09-15 11:00 ", "\x00\xff", uint64(123), uint8(8))
	f.Add("A0000 ", "A", uint64(0), uint8(0))
	f.Fuzz(func(t *testing.T, prefix, suffix string, n uint64, spelling uint8) {
		n %= 10_000_000_000
		d := []byte{}
		for i, x := 0, n; i < 10; i++ {
			d = append([]byte{byte('0' + x%10)}, d...)
			x /= 10
		}
		sep := spellings[int(spelling)%len(spellings)]
		cpr := string(d[0:2]) + sep[0] + string(d[2:4]) + sep[1] + string(d[4:6]) + sep[2] + string(d[6:10])
		// A digit right beside the number makes a longer number, which is not a CPR.
		if prefix != "" && prefix[len(prefix)-1] >= '0' && prefix[len(prefix)-1] <= '9' {
			prefix += " "
		}
		if suffix != "" && suffix[0] >= '0' && suffix[0] <= '9' {
			suffix = " " + suffix
		}
		in := prefix + cpr + suffix
		out := dfdgerrors.MaskCPR(in)
		if len(out) != len(in) {
			t.Fatalf("length %d, want %d", len(out), len(in))
		}
		if got := out[len(prefix)+len(cpr)-4 : len(prefix)+len(cpr)]; got != "xxxx" {
			t.Fatalf("MaskCPR(%q) = %q: the serial reads %q", in, out, got)
		}
		if utf8.ValidString(in) && !utf8.ValidString(out) {
			t.Fatalf("valid UTF-8 in, invalid out: %q", out)
		}
		// In place, not anywhere: "000000 " before "000000 0000" spells the same digits again.
		if out[len(prefix):len(prefix)+len(cpr)] == cpr {
			t.Fatalf("the number is still there: %q", out)
		}
		if again := dfdgerrors.MaskCPR(out); again != out {
			t.Fatalf("MaskCPR(%q) = %q, and masking that gives %q", in, out, again)
		}
	})
}

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
		for _, s := range []string{e.Error(), e.Value(), string(e.Field()), e.Detail().Danish, e.Detail().English, e.Danish(), e.English(), string(b)} {
			if strings.Contains(s, cpr) {
				t.Fatalf("a CPR number shows: %q", s)
			}
		}
	})
}
