package codelist

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

// An entry in an error's text reads as String writes it, with a name, a description or neither.
func TestEntryArgFormatsAsString(t *testing.T) {
	entries := []Entry{{ID: 26, Name: "Overgangsydelsesmodtager"}, {ID: 7, Description: "kursus"}, {ID: 3}, {ID: 4, Name: "n", Description: "d"}}
	for _, l := range Default().Lists() {
		entries = append(entries, l.entries...)
	}
	for _, e := range entries {
		assert.Equal(t, e.String(), e.arg().String())
	}
}
