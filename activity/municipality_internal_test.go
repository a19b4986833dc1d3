package activity

import (
	"strconv"
	"testing"

	"github.com/regelkit/dfdg"
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
