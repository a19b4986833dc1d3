package activity

import (
	"math/rand/v2"
	"strconv"
	"testing"

	"github.com/regelkit/dfdg"
	"github.com/shopspring/decimal"
)

// municipalityCode reads exactly what dfdg.ParseMunicipality reads, and the same code.
func TestMunicipalityCodeAgreesWithParseMunicipality(t *testing.T) {
	inputs := []string{"", "0", "00", "000", "0000", "1", "01", "001", "0001", "999", "0999", "1000", "00101", "1O1", "-1", "+1", " 101", "101 ", "٣"}
	for n := range 10000 {
		inputs = append(inputs, strconv.Itoa(n))
		for _, w := range []int{2, 3, 4, 5} {
			s := strconv.Itoa(n)
			for len(s) < w {
				s = "0" + s
			}
			inputs = append(inputs, s)
		}
	}
	for _, s := range inputs {
		want, err := dfdg.ParseMunicipality(s)
		got, ok := municipalityCode(s)
		if ok != (err == nil) || ok && got != want {
			t.Fatalf("%q: municipalityCode %v %v, ParseMunicipality %v %v", s, got, ok, want, err)
		}
	}
}

// Hours in an error's text read as decimal.Decimal.String writes them, however they are written.
func TestHoursArgFormatsAsString(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 4))
	values := []decimal.Decimal{{}, decimal.RequireFromString("37"), decimal.RequireFromString("37.00"), decimal.RequireFromString("-0.5"),
		decimal.RequireFromString("123456789012345678901234.5"), decimal.New(7, 120), decimal.New(-7, -120), decimal.New(1, 100), decimal.New(-1, -100)}
	for range 5000 {
		values = append(values, decimal.New(r.Int64N(1<<52)-1<<51, int32(r.IntN(240)-120)))
	}
	for _, h := range values {
		if got := hoursArg(h).String(); got != h.String() {
			t.Fatalf("%s (coefficient %d, exponent %d): %s", h, h.CoefficientInt64(), h.Exponent(), got)
		}
	}
}
