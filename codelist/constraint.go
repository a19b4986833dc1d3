package codelist

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"unicode/utf8"
)

// constraint is a parsed Field.Rule.
type constraint struct {
	required bool
	noHTML   bool
	length   bool // lo–hi characters
	max      bool // at most hi
	lo, hi   int
	pattern  *regexp.Regexp
}

var guidPattern = `[\da-fA-F]{8}-[\da-fA-F]{4}-[\da-fA-F]{4}-[\da-fA-F]{4}-[\da-fA-F]{12}`

// parseConstraint reads a rule of the fields table: paakraevet, laengde a-b, max n, moenster p, guid.
func parseConstraint(rule string) (constraint, error) {
	name, arg, _ := strings.Cut(rule, " ")
	switch name {
	case "paakraevet":
		if arg == "" {
			return constraint{required: true}, nil
		}
	case "laengde":
		lo, hi, ok := strings.Cut(arg, "-")
		a, err1 := strconv.Atoi(lo)
		b, err2 := strconv.Atoi(hi)
		if ok && err1 == nil && err2 == nil && 0 <= a && a <= b {
			return constraint{length: true, lo: a, hi: b}, nil
		}
	case "max":
		if n, err := strconv.Atoi(arg); err == nil {
			return constraint{max: true, hi: n}, nil
		}
	case "uden-html":
		if arg == "" {
			return constraint{noHTML: true}, nil
		}
	case "guid":
		if arg == "" {
			arg = guidPattern
		}
		fallthrough
	case "moenster":
		re, err := regexp.Compile(`^(?:` + arg + `)$`)
		if err == nil && arg != "" {
			return constraint{pattern: re}, nil
		}
	}
	return constraint{}, fmt.Errorf("%q is not paakraevet, laengde a-b, max n, moenster p, guid or uden-html", rule)
}

// holds reports whether value meets c; an empty value is an absent element, which only a required one
// does not allow.
func (c *constraint) holds(value string) bool {
	switch {
	case value == "":
		return !c.required
	case c.length:
		n := utf8.RuneCountInString(value)
		return c.lo <= n && n <= c.hi
	case c.max:
		n, err := strconv.Atoi(value)
		return err == nil && n <= c.hi
	case c.pattern != nil:
		return c.pattern.MatchString(value)
	case c.noHTML:
		return !hasHTMLTag(value)
	}
	return true
}

// hasHTMLTag reports whether s holds what reads as an HTML tag: "<" and a letter, "/" or "!", up to
// a ">" with no "<" or ">" between (the pattern <[a-zA-Z/!][^<>]*>). STAR does not say what DFDG
// counts as a tag (4933), so a bare "<" or "a < b > c" is not one: the library errs on the side of
// accepting.
func hasHTMLTag(s string) bool {
	for i := 0; i+1 < len(s); i++ {
		if s[i] != '<' {
			continue
		}
		if c := s[i+1]; !('a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || c == '/' || c == '!') {
			continue
		}
		for j := i + 2; j < len(s); j++ {
			if s[j] == '>' {
				return true
			}
			if s[j] == '<' {
				i = j - 1 // a tag may start here
				break
			}
		}
	}
	return false
}

// holdsInt reports whether n meets c; 0 is an absent element.
func (c *constraint) holdsInt(n int) bool {
	switch {
	case n == 0:
		return !c.required
	case c.max:
		return n <= c.hi
	case c.length || c.pattern != nil:
		return c.holds(strconv.Itoa(n))
	}
	return true
}
