package dfdg_test

import (
	"encoding/json"
	"fmt"
	"strings"
	"testing"

	"github.com/regelkit/dfdg"
	dfdgerrors "github.com/regelkit/dfdg/errors"
)

// checkErr fails unless err is the library's *errors.Error with its texts and JSON masked.
func checkErr(t *testing.T, what string, err error) {
	t.Helper()
	if _, ok := dfdgerrors.As(err); !ok {
		t.Fatalf("%s: %T is not an *errors.Error: %v", what, err, err)
	}
	checkText(t, what, err.Error())
	checkJSON(t, what, err)
}

// FuzzDateDecoding: Date's JSON, text and SQL decoders never panic, reject with a masked
// *errors.Error leaving the zero Date, and what they accept writes back to itself.
func FuzzDateDecoding(f *testing.F) {
	for _, s := range []string{`"2025-07-01"`, `null`, `""`, `"2024-02-29"`, `"2025-02-29"`, `"0707614321"`, `"2025-07-01T08:00:00Z"`,
		`"2025-07-01 08:00"`, `2025`, `"9999-12-31"`, `"0000-01-01"`, "\"2025-07-01\x00\"", `"xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx0707614321"`} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		var d dfdg.Date
		if err := d.UnmarshalJSON(data); err != nil {
			checkErr(t, "UnmarshalJSON", err)
			if !d.IsZero() {
				t.Fatalf("a rejected %q left %v", data, d)
			}
		} else {
			back, _ := d.MarshalJSON()
			if string(back) != string(data) {
				t.Fatalf("UnmarshalJSON(%q) wrote back %q", data, back)
			}
		}

		var txt dfdg.Date
		if err := txt.UnmarshalText(data); err != nil {
			checkErr(t, "UnmarshalText", err)
		} else if back, _ := txt.MarshalText(); string(back) != string(data) {
			t.Fatalf("UnmarshalText(%q) wrote back %q", data, back)
		}

		var fromString, fromBytes dfdg.Date
		errS, errB := fromString.Scan(string(data)), fromBytes.Scan(data)
		if (errS == nil) != (errB == nil) || fromString != fromBytes {
			t.Fatalf("Scan of %q: a string gives %v %v, bytes %v %v", data, fromString, errS, fromBytes, errB)
		}
		if errS != nil {
			checkErr(t, "Scan", errS)
			return
		}
		if !strings.HasPrefix(string(data), fromString.String()) {
			t.Fatalf("Scan(%q) = %v", data, fromString)
		}
		v, _ := fromString.Value()
		var again dfdg.Date
		if err := again.Scan(v); err != nil || again != fromString {
			t.Fatalf("Scan(Value()) of %v: %v %v", fromString, again, err)
		}
	})
}

// FuzzCPRDecoding: a CPR read from text or JSON never prints its whole number, in any verb, in an
// exported or unexported field, and is written back masked.
func FuzzCPRDecoding(f *testing.F) {
	for _, s := range []string{"0707614321", "070761-4321", "", "070761-xxxx", "3201614321", "07076143210", "070761 4321"} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		var c dfdg.CPR
		if err := c.UnmarshalText(data); err != nil {
			checkErr(t, "UnmarshalText", err)
			if !c.IsZero() {
				t.Fatal("a rejected CPR left a value")
			}
			return
		}
		var viaJSON struct{ C dfdg.CPR }
		quoted, _ := json.Marshal(string(data))
		if err := json.Unmarshal([]byte(`{"C":`+string(quoted)+`}`), &viaJSON); err != nil || viaJSON.C != c {
			t.Fatalf("JSON gives %v %v where text gives %v", viaJSON.C, err, c)
		}
		if c.IsZero() {
			return
		}
		whole := c.Unmasked()
		// In an unexported field fmt prints the scrambled value, which changes from process to process
		// and may by chance look like some CPR number, so only the number itself is looked for there.
		type hidden struct{ cpr dfdg.CPR }
		for _, verb := range []string{"%v", "%+v", "%#v", "%s", "%q", "%x", "%X", "%d", "%T"} {
			for _, v := range []any{c, &c, viaJSON, []dfdg.CPR{c}, map[string]dfdg.CPR{"k": c}, hidden{c}, &hidden{c}} {
				out := fmt.Sprintf(verb, v)
				if strings.Contains(out, whole) || strings.Contains(out, whole[:6]+"-"+whole[6:]) {
					t.Fatalf("%s of %T printed the whole number: %s", verb, v, out)
				}
				if _, isHidden := v.(hidden); !isHidden && !strings.Contains(fmt.Sprintf("%T", v), "hidden") {
					checkText(t, verb, out)
				}
			}
		}
		if b, _ := json.Marshal(viaJSON); strings.Contains(string(b), whole[6:]) && !strings.Contains(whole[:6], whole[6:]) {
			t.Fatalf("JSON holds the serial digits: %s", b)
		}
	})
}

// FuzzParseMunicipality: a municipality code reads back from what it writes, in every form.
func FuzzParseMunicipality(f *testing.F) {
	for _, s := range []string{"101", "0101", "1", "9999", "10000", "", "-1", "0", "0707614321", " 101", "+101"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		m, err := dfdg.ParseMunicipality(s)
		var viaJSON dfdg.Municipality
		quoted, _ := json.Marshal(s)
		jerr := json.Unmarshal(quoted, &viaJSON)
		if err != nil {
			checkErr(t, "ParseMunicipality", err)
			if m != 0 {
				t.Fatalf("a rejected %q gave %v", s, m)
			}
			return
		}
		if jerr != nil && s != "" || jerr == nil && viaJSON != m {
			t.Fatalf("JSON %s gives %v %v where ParseMunicipality gives %v", quoted, viaJSON, jerr, m)
		}
		if back, err := dfdg.ParseMunicipality(m.String()); err != nil || back != m {
			t.Fatalf("%q → %v → %q → %v %v", s, m, m.String(), back, err)
		}
		if back, err := dfdg.ParseMunicipality(m.Code4()); m != 0 && (err != nil || back != m) {
			t.Fatalf("Code4 %q of %v reads back as %v %v", m.Code4(), m, back, err)
		}
	})
}

// FuzzParseActor: an actor reads back from what it writes; a rejection is a masked *errors.Error.
func FuzzParseActor(f *testing.F) {
	for _, s := range []string{"kommune 101", "kommune 0101", "a-kasse ak-1", "KY", "KSD", "STAR", "Jobnet", "", "kommune", "a-kasse ",
		"kommune 0707614321", "0707614321", "kommunen 101", "ky"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		a, err := dfdg.ParseActor(s)
		var txt dfdg.Actor
		terr := txt.UnmarshalText([]byte(s))
		if (err == nil) != (terr == nil) || txt != a {
			t.Fatalf("UnmarshalText gives %v %v where ParseActor gives %v %v", txt, terr, a, err)
		}
		if err != nil {
			checkErr(t, "ParseActor", err)
			if !a.IsZero() {
				t.Fatalf("a rejected %q gave %v", s, a)
			}
			return
		}
		if back, err := dfdg.ParseActor(a.String()); err != nil || back != a {
			t.Fatalf("%q → %v → %q → %v %v", s, a, a.String(), back, err)
		}
	})
}
