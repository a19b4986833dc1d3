package activity

import (
	"math/rand/v2"
	"testing"

	"github.com/shopspring/decimal"
)

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
