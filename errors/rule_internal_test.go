package errors

import (
	"testing"
	"unsafe"

	"github.com/stretchr/testify/assert"
)

// An Error is 24 bytes: the rule of the note's form is one byte of it.
func TestErrorIsSmall(t *testing.T) {
	assert.Equal(t, uintptr(24), unsafe.Sizeof(Error{}))
	for a := '0'; a <= '9'; a++ {
		for b := '0'; b <= '9'; b++ {
			r := RuleID([]byte{byte(a), '.', byte(b)})
			c := encodeRule(r)
			assert.NotZero(t, c, r)
			assert.Equal(t, r, c.id())
		}
	}
	for _, r := range []RuleID{"", "3.10", "3,1", "a.1", "1.b", "31", ".31", "KG25"} {
		assert.Zero(t, encodeRule(r), r)
	}
}
