package dfdg_test

import (
	"encoding/json"
	"strings"
	"testing"
	"time"

	"github.com/regelkit/dfdg"
)

func FuzzParseDate(f *testing.F) {
	for _, s := range []string{"2025-07-01", "2024-02-29", "2025-02-29", "0000-01-01", "9999-12-31", "", "2025-1-1", "٢٠٢٥-01-01"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		got, err := dfdg.ParseDate(s)
		if err != nil {
			if !got.IsZero() {
				t.Fatalf("error with a non-zero date for %q", s)
			}
			return
		}
		if got.IsZero() || got.String() != s {
			t.Fatalf("ParseDate(%q) = %q", s, got.String())
		}
		b, _ := json.Marshal(got)
		var back dfdg.Date
		if err := json.Unmarshal(b, &back); err != nil || back != got {
			t.Fatalf("JSON round trip of %s: %v %v", s, back, err)
		}
		if back := dfdg.DateOf(got.Time()); back != got {
			t.Fatalf("DateOf(%s.Time()) = %s", s, back)
		}
	})
}

func FuzzAddMonths(f *testing.F) {
	f.Add(int64(700000), 6)
	f.Add(int64(738000), -1200)
	f.Add(int64(1), 1<<30)
	f.Fuzz(func(t *testing.T, n int64, months int) {
		start := dfdg.MustParseDate("0001-01-01").AddDays(int(n % 3652059))
		got := start.AddMonths(months)
		if got.IsZero() {
			t.Fatalf("%s + %d months gave no date", start, months)
		}
		if months > 0 && got.Before(start) || months < 0 && got.After(start) {
			t.Fatalf("%s + %d months = %s: wrong direction", start, months, got)
		}
		// Within range the month moves by exactly n and the day only shrinks to the month's end;
		// outside it the result saturates at 0001-01-01 or 9999-12-31.
		total := start.Year()*12 + int(start.Month()) - 1 + months
		if total < 12 || total >= 120000 {
			if got != dfdg.MustParseDate("0001-01-01") && got != dfdg.MustParseDate("9999-12-31") {
				t.Fatalf("%s + %d months = %s: not saturated", start, months, got)
			}
			return
		}
		{
			if got.Day() > start.Day() {
				t.Fatalf("%s + %d months = %s: the day grew", start, months, got)
			}
			if got.Year()*12+int(got.Month())-1 != total {
				t.Fatalf("%s + %d months = %s", start, months, got)
			}
			if got.Day() < start.Day() && got.AddDays(1).Month() == got.Month() {
				t.Fatalf("%s + %d months = %s: clamped before the month's end", start, months, got)
			}
		}
	})
}

func FuzzParseCPR(f *testing.F) {
	for _, s := range []string{"010170-1234", "0101701234", "290200-4000", "320170-1234", "", "xxxxxx-xxxx"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		c, err := dfdg.ParseCPR(s)
		if err != nil {
			if !c.IsZero() {
				t.Fatal("error with a non-zero CPR")
			}
			if err.Error() != "dfdg 1001: Ugyldigt cpr-nummer [cpr]" {
				t.Fatalf("error %q depends on the input", err)
			}
			return
		}
		if strings.ReplaceAll(s, "-", "") != c.Unmasked() {
			t.Fatalf("Unmasked %q from %q", c.Unmasked(), s)
		}
		if c.String() != c.Unmasked()[:6]+"-xxxx" {
			t.Fatalf("String %q is not masked", c.String())
		}
		if c.BirthDate().IsZero() {
			// DFDG's pattern lets through 0000000000 (unknown) and 29 February of any year.
			if u := c.Unmasked(); u != "0000000000" && u[:4] != "2902" {
				t.Fatal("valid CPR without a birth date")
			}
			return
		}
		if y := c.BirthDate().Year(); y < 1858 || y > 2057 {
			t.Fatalf("birth year %d outside the CPR range", y)
		}
		back, err := dfdg.ParseCPR(c.Unmasked())
		if err != nil || back != c {
			t.Fatal("re-parse failed")
		}
	})
}

func FuzzDateOf(f *testing.F) {
	f.Add(int64(1743296400)) // 2025-03-30T01:00:00Z
	f.Add(int64(-2840140800))
	f.Fuzz(func(t *testing.T, u int64) {
		u %= 253402300799 // up to 9999-12-31
		in := time.Unix(u, 0)
		got := dfdg.DateOf(in)
		if got.IsZero() {
			t.Fatal("no date")
		}
		if got.Time().After(in) || !got.AddDays(1).Time().After(in) && got.Year() < 9999 {
			t.Fatalf("%s is not within %s", in.UTC(), got)
		}
	})
}
