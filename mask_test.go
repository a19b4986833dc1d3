package dfdg_test

import (
	"testing"
	"unicode/utf8"

	"github.com/regelkit/dfdg"
	"github.com/stretchr/testify/assert"
)

// spellings are the ways a CPR number is typed: the separators after the 2nd, 4th and 6th digit.
var spellings = [][3]string{
	{"", "", ""}, {"", "", "-"}, {"", "", " "}, {"", "", "/"}, {"-", "-", "-"}, {".", ".", "-"},
	{"", "", "\u2013"}, {"", "", "\u00ad"}, {"", "", " – "}, {" ", " ", " "}, {"", "", "\u00a0"}, {"", " ", ""},
}

func TestMaskCPR(t *testing.T) {
	cases := map[string]string{
		"":                           "",
		"101":                        "101",
		"010170-1234":                "010170-xxxx",
		"0101701234":                 "010170xxxx",
		"a 010170-1234 b 0202801111": "a 010170-xxxx b 020280xxxx",
		"12345678901":                "12345678901", // eleven digits: not a CPR
		"x0101701234y":               "x010170xxxxy",
		"cvr 12345678":               "cvr 12345678",
		"010170-123":                 "010170-123",
	}
	for in, want := range cases {
		assert.Equal(t, want, dfdg.MaskCPR(in), in)
	}
}

// Issue 13: every separator people type between the groups of a CPR number is masked.
func TestMaskCPRSpellings(t *testing.T) {
	for _, in := range []string{
		"0707614321", "070761-4321", "070761 4321", "070761/4321", "07-07-61-4321", "07.07.61-4321",
		"070761\u20134321", "070761\u00ad4321", "070761 – 4321", "07 07 61 4321", "070761\u00a04321", "0707 614321",
	} {
		out := MaskCPRSpelled(t, in)
		assert.NotContains(t, out, "4321", in)
		assert.Contains(t, out, "07", in)
	}
	for in, want := range map[string]string{
		"a 07.07.61-4321 b":        "a 07.07.61-xxxx b",
		"2025-09-15 11:00:00 CEST": "2025-09-15 11:00:00 CEST", // a timestamp is no CPR
		"15-09-2025 11:00":         "15-09-2025 11:00",
		"070 761 4321":             "070 761 4321",   // split after the third digit: not a spelling of a CPR
		"070761 - 4321":            "070761 - xxxx",  // three separators
		"070761 -  4321":           "070761 -  4321", // four: no CPR's spelling
		"07 - 07 - 61 - 4321":      "07 - 07 - 61 - xxxx",
		"1207076143210":            "1207076143210",
		// Masking the ten digits ends the run, and "0000 000000" before the x's then has a CPR's shape.
		"0000 0000000000":   "0000 00xxxxxxxx",
		"A0000 0000000000A": "A0000 00xxxxxxxxA",
	} {
		out := dfdg.MaskCPR(in)
		assert.Equal(t, want, out, in)
		assert.Equal(t, out, dfdg.MaskCPR(out), "masking again changes nothing: %q", in)
	}
}

// Issue 22: the spellings that display as a plain CPR number are masked too: invisible characters,
// other spaces and dashes between the groups, the serial split by spaces, fullwidth digits.
func TestMaskCPRMoreSpellings(t *testing.T) {
	for in, want := range map[string]string{
		"070761\u200b4321":  "070761\u200bxxxx", // zero-width space
		"070761\u20604321":  "070761\u2060xxxx", // word joiner
		"070761\ufeff4321":  "070761\ufeffxxxx", // byte-order mark
		"070761\u20094321":  "070761\u2009xxxx", // thin space
		"070761\u20074321":  "070761\u2007xxxx", // figure space
		"070761\u20024321":  "070761\u2002xxxx", // en space
		"070761\u30004321":  "070761\u3000xxxx", // ideographic space
		"070761\u20154321":  "070761\u2015xxxx", // horizontal bar
		"070761\uff0d4321":  "070761\uff0dxxxx", // fullwidth hyphen-minus
		"070761\ufe634321":  "070761\ufe63xxxx", // small hyphen-minus
		"07 07 61 43 21":    "07 07 61 xx xx",
		"070761 43 21":      "070761 xx xx",
		"０７０７６１４３２１":        "０７０７６１ｘｘｘｘ",
		"０７０７６１-４３２１":       "０７０７６１-ｘｘｘｘ",
		"2010-09-15 11:00":  "2010-09-15 11:00", // a timestamp: its date is not split from the time by spaces alone
		"15-09-2025 11:00":  "15-09-2025 11:00",
		"070761-43 21":      "070761-43 21", // the serial split only where the date is split by spaces
		"12070761432100":    "12070761432100",
		"０７０７６１４３２１０":       "０７０７６１４３２１０", // eleven fullwidth digits: a longer run
		"x０７０７６１４３２１ and 1": "x０７０７６１ｘｘｘｘ and 1",
	} {
		out := dfdg.MaskCPR(in)
		assert.Equal(t, want, out, "%q", in)
		assert.Equal(t, len(in), len(out), "the length stays: %q", in)
		assert.Equal(t, out, dfdg.MaskCPR(out), "masking again changes nothing: %q", in)
	}
}

func MaskCPRSpelled(t *testing.T, s string) string {
	t.Helper()
	return dfdg.MaskCPR("cpr: " + s + ".")
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
		out := dfdg.MaskCPR(in)
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
		if again := dfdg.MaskCPR(out); again != out {
			t.Fatalf("MaskCPR(%q) = %q, and masking that gives %q", in, out, again)
		}
	})
}
