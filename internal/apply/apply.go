// Package apply folds a decision's changes into a copy of the state they were made from.
package apply

import (
	"slices"

	"github.com/regelkit/dfdg"
)

// Changes returns a copy of records with changes applied: a Create appends its record, an Update
// replaces the record same reports as the same one (or appends it when there is none), a Delete
// removes it. records itself is never modified.
func Changes[T any](records []T, changes []dfdg.Change[T], same func(a, b T) bool) []T {
	if len(changes) == 0 {
		return records
	}
	out := slices.Clone(records)
	for _, ch := range changes {
		i := slices.IndexFunc(out, func(r T) bool { return same(r, ch.Record) })
		switch {
		case ch.Type == dfdg.Delete:
			if i >= 0 {
				out = slices.Delete(out, i, i+1)
			}
		case ch.Type == dfdg.Update && i >= 0:
			out[i] = ch.Record
		default:
			out = append(out, ch.Record)
		}
	}
	return out
}
