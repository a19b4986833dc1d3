package errors

import (
	"unicode/utf8"
)

// MaskCPR returns s with the serial of everything shaped like a CPR number masked: ten digits, not part
// of a longer run of digits, written together (0707614321), or in groups split after the second,
// fourth or sixth digit by one to three separators people type: a space (also no-break and narrow
// no-break), a hyphen, a slash, a full stop, or a dash (en dash, figure dash, em dash, minus, hyphen,
// non-breaking hyphen, soft hyphen). So 070761-4321, 070761 4321, 070761/4321, 07-07-61-4321,
// 07.07.61-4321 and 070761 – 4321 all come back with their last four digits as x, separators kept.
// The library runs every text an Error gives through it, so that a CPR number a caller put in a value
// by mistake never reaches a log. It masks anything of that shape, a CPR number or not, and masks
// until nothing of that shape is left: masking a serial can end a longer run of digits, and what
// stands before it may then have a CPR's shape (in "0000 0000000000" it does), so that
// MaskCPR(MaskCPR(s)) == MaskCPR(s) and a log scanner that reads the result finds nothing.
func MaskCPR(s string) string {
	if countDigits(s) < 10 {
		return s
	}
	b := maskOnce(s, nil)
	if b == nil {
		return s
	}
	// Each pass turns at least one digit into x, so this ends.
	for maskOnce(string(b), b) != nil {
	}
	return string(b)
}

// maskOnce masks every CPR-shaped run of s in b, a copy of s it makes when it first needs one (b is
// s's bytes, or nil), and returns b; nil when nothing had a CPR's shape.
func maskOnce(s string, b []byte) []byte {
	changed := false
	for i := 0; i < len(s); {
		if !isDigit(s[i]) || i > 0 && isDigit(s[i-1]) {
			i++
			continue
		}
		// Every run is tried, overlapping ones too: in "0101 070761 4321" both "0101 070761" and
		// "070761 4321" have a CPR's shape, and the second must not hide behind the first.
		serial, end := cprAt(s, i)
		i++
		if end < 0 {
			continue
		}
		if b == nil {
			b = []byte(s)
		}
		for _, j := range serial {
			changed = changed || b[j] != 'x'
			b[j] = 'x'
		}
	}
	if !changed {
		return nil
	}
	return b
}

// cprAt reads a CPR-shaped run starting with the digit at s[i]: it returns the positions of its last
// four digits and the index after it, or -1 when there is none.
func cprAt(s string, i int) (serial [4]int, end int) {
	j := i
	for n := 0; n < 10; n++ {
		if n > 0 && n%2 == 0 && n <= 6 { // a group may end after the 2nd, 4th or 6th digit
			j = skipSeparators(s, j)
		}
		if j >= len(s) || !isDigit(s[j]) {
			return serial, -1
		}
		if n >= 6 {
			serial[n-6] = j
		}
		j++
	}
	if j < len(s) && isDigit(s[j]) {
		return serial, -1 // part of a longer run
	}
	return serial, j
}

// skipSeparators returns the index after up to three separators at s[j:].
func skipSeparators(s string, j int) int {
	for k := 0; k < 3 && j < len(s); k++ {
		r, size := utf8.DecodeRuneInString(s[j:])
		if !isSeparator(r) {
			break
		}
		j += size
	}
	return j
}

func isSeparator(r rune) bool {
	switch r {
	case ' ', '-', '/', '.', '\u00a0', '\u202f', '\u00ad', '\u2010', '\u2011', '\u2012', '\u2013', '\u2014', '\u2212':
		return true
	}
	return false
}

func isDigit(c byte) bool { return c >= '0' && c <= '9' }

func countDigits(s string) int {
	n := 0
	for i := 0; i < len(s); i++ {
		if isDigit(s[i]) {
			n++
		}
	}
	return n
}
