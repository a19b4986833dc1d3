// Package mask masks CPR numbers in text; dfdg.MaskCPR documents it, and package errors runs every
// text an Error gives through it.
package mask

import (
	"unicode"
	"unicode/utf8"
)

// CPR returns s with the serial of everything shaped like a CPR number masked, as dfdg.MaskCPR
// documents.
func CPR(s string) string {
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
	for i := 0; i < len(s); i++ {
		if _, ok := digitAt(s, i); !ok || digitBefore(s, i) {
			continue
		}
		// Every run is tried, overlapping ones too: in "0101 070761 4321" both "0101 070761" and
		// "070761 4321" have a CPR's shape, and the second must not hide behind the first.
		serial, ok := cprAt(s, i)
		if !ok {
			continue
		}
		if b == nil {
			b = []byte(s)
		}
		for _, j := range serial {
			if size, _ := digitAt(s, j); size == 1 {
				changed = changed || b[j] != 'x'
				b[j] = 'x'
			} else {
				changed = changed || string(b[j:j+3]) != fullwidthX
				copy(b[j:], fullwidthX)
			}
		}
	}
	if !changed {
		return nil
	}
	return b
}

// fullwidthX masks a fullwidth digit, in as many bytes.
const fullwidthX = "\uff58"

// cprAt reads a CPR-shaped run starting with the digit at s[i]: it returns the positions of its last
// four digits, and whether there is one.
func cprAt(s string, i int) (serial [4]int, ok bool) {
	j := i
	spacedAfter6 := false
	for n := 0; n < 10; n++ {
		switch n {
		case 2, 4: // a group may end after the 2nd or 4th digit
			j, _ = skipSeparators(s, j)
		case 6: // or the 6th
			var spaces bool
			j, spaces = skipSeparators(s, j)
			spacedAfter6 = spaces
		case 8: // and the serial may be split by spaces, when the date is split from it by spaces
			if k, spaces := skipSeparators(s, j); spaces && spacedAfter6 {
				j = k
			}
		}
		size, isDigit := digitAt(s, j)
		if !isDigit {
			return serial, false
		}
		if n >= 6 {
			serial[n-6] = j
		}
		j += size
	}
	if _, more := digitAt(s, j); more {
		return serial, false // part of a longer run
	}
	return serial, true
}

// skipSeparators returns the index after up to three separators at s[j:], and whether there were
// some and all of them spaces.
func skipSeparators(s string, j int) (int, bool) {
	spaces := true
	k := 0
	for ; k < 3 && j < len(s); k++ {
		r, size := utf8.DecodeRuneInString(s[j:])
		if !isSeparator(r) {
			break
		}
		spaces = spaces && unicode.Is(unicode.Zs, r)
		j += size
	}
	return j, k > 0 && spaces
}

// isSeparator reports whether r may stand between the groups of a CPR number.
func isSeparator(r rune) bool {
	switch r {
	case '/', '.', '\u00ad', '\u2212', '\u200b', '\u200c', '\u200d', '\u2060', '\ufeff':
		return true
	}
	return unicode.Is(unicode.Zs, r) || unicode.Is(unicode.Pd, r)
}

// digitAt reports whether a digit starts at s[i], an ASCII or a fullwidth one, and its size in bytes.
func digitAt(s string, i int) (int, bool) {
	switch {
	case i >= len(s):
		return 0, false
	case s[i] >= '0' && s[i] <= '9':
		return 1, true
	case i+2 < len(s) && s[i] == 0xef && s[i+1] == 0xbc && s[i+2] >= 0x90 && s[i+2] <= 0x99: // U+FF10–U+FF19
		return 3, true
	}
	return 0, false
}

// digitBefore reports whether a digit ends just before s[i].
func digitBefore(s string, i int) bool {
	if i >= 1 && s[i-1] >= '0' && s[i-1] <= '9' {
		return true
	}
	return i >= 3 && s[i-3] == 0xef && s[i-2] == 0xbc && s[i-1] >= 0x90 && s[i-1] <= 0x99
}

// countDigits counts the digits of s, ASCII and fullwidth.
func countDigits(s string) int {
	n := 0
	for i := 0; i < len(s); i++ {
		if _, ok := digitAt(s, i); ok {
			n++
		}
	}
	return n
}
