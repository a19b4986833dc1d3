package errors_test

import (
	"testing"

	dfdgerrors "github.com/regelkit/dfdg/errors"
)

var sinkError *dfdgerrors.Error

// BenchmarkRejection is what making a rejection costs on its own, the part of a rule's rejecting path
// that a check returning a sentinel does not pay: NewCause with two ids and a span (the shape of rule
// 2.1's), and New with strings and a detail. Neither formats a text.
func BenchmarkRejection(b *testing.B) {
	id, other := "fr-1", "fr-2"
	b.Run("NewCause", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			sinkError = dfdgerrors.NewCause(dfdgerrors.ErrOverlapNotAllowed, "2.1", pair{id: id, other: other, from: 1, to: 2})
		}
	})
	b.Run("New", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			sinkError = dfdgerrors.New(dfdgerrors.ErrOverlapNotAllowed, "2.1", "periode", id).WithDetail("overlapper", "overlaps")
		}
	})
}
