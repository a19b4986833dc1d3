package errors

// MaskCPR returns s with the serial of everything shaped like a CPR number masked: ten digits, with
// or without a hyphen after the sixth, not part of a longer run of digits, become DDMMYY-xxxx (or
// DDMMYYxxxx without the hyphen). The library runs every text an Error holds through it, so that a
// CPR number a caller put in a value by mistake never reaches a log.
func MaskCPR(s string) string {
	if countDigits(s) < 10 {
		return s
	}
	var b []byte
	for i := 0; i < len(s); {
		n := cprAt(s, i)
		if n == 0 {
			i++
			continue
		}
		if b == nil {
			b = []byte(s)
		}
		for j := i + n - 4; j < i+n; j++ {
			b[j] = 'x'
		}
		i += n
	}
	if b == nil {
		return s
	}
	return string(b)
}

// cprAt returns the length of a CPR-shaped run at s[i:] (10 or 11), or 0.
func cprAt(s string, i int) int {
	if i > 0 && isDigit(s[i-1]) {
		return 0
	}
	j := i
	for k := 0; k < 6; k++ {
		if j >= len(s) || !isDigit(s[j]) {
			return 0
		}
		j++
	}
	if j < len(s) && s[j] == '-' {
		j++
	}
	for k := 0; k < 4; k++ {
		if j >= len(s) || !isDigit(s[j]) {
			return 0
		}
		j++
	}
	if j < len(s) && isDigit(s[j]) {
		return 0
	}
	return j - i
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
