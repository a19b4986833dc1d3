package codelist

import (
	"math/rand/v2"
	"regexp"
	"testing"
)

// hasHTMLTag answers as the pattern it is written from does, on the edges and on random text made of
// the characters that matter.
func TestHasHTMLTagIsThePattern(t *testing.T) {
	pattern := regexp.MustCompile(`<[a-zA-Z/!][^<>]*>`)
	cases := []string{"", "<", ">", "<>", "<b>", "a < b > c", "<<b>", "<b<i>", "<b", "x</p>", "<!-- -->", "<1>", "<b>>", "< b>", "<a\n>"}
	r := rand.New(rand.NewPCG(4933, 1))
	const alphabet = "<>ab/! 1\n"
	for range 20000 {
		b := make([]byte, r.IntN(12))
		for i := range b {
			b[i] = alphabet[r.IntN(len(alphabet))]
		}
		cases = append(cases, string(b))
	}
	for _, s := range cases {
		if got, want := hasHTMLTag(s), pattern.MatchString(s); got != want {
			t.Fatalf("hasHTMLTag(%q) = %v, the pattern says %v", s, got, want)
		}
	}
}
