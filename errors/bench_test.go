package errors_test

import (
	"testing"

	dfdgerrors "github.com/regelkit/dfdg/errors"
)

var sinkError *dfdgerrors.Error

// BenchmarkRejection is what making a rejection costs on its own, the part of a rule's rejecting path
// that a check returning a sentinel does not pay: a NewDetail with two ids and a span (the shape of
// rule 2.1's), and New with the With methods and two arguments. Neither formats a text.
func BenchmarkRejection(b *testing.B) {
	id, other := "fr-1", "fr-2"
	b.Run("NewDetail", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			sinkError = dfdgerrors.NewDetail(dfdgerrors.ErrOverlapNotAllowed, pair{id: id, other: other, from: 1, to: 2}).WithRule("2.1")
		}
	})
	b.Run("New+With", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			sinkError = dfdgerrors.New(dfdgerrors.ErrOverlapNotAllowed).WithRule("2.1").
				WithFieldArg("periode", dfdgerrors.Formatted(appendRange{}, "", span(1, 2))).
				WithDetailArgs("{0} overlapper {1}", "{0} overlaps {1}", dfdgerrors.Text(id), dfdgerrors.Text(other))
		}
	})
}
