package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/regelkit/dfdg"
	"github.com/regelkit/dfdg/activity"
)

// cp1252 is s as the PDF's core font writes it in a page's text: Windows-1252, with the
// characters a PDF string escapes escaped. It knows the letters these tests use: Latin-1 and the
// en dash.
func cp1252(t *testing.T, s string) string {
	t.Helper()
	var b []byte
	for _, r := range s {
		switch {
		case r == '–':
			b = append(b, 0x96)
		case r < 0x80 || r >= 0xA0 && r <= 0xFF:
			b = append(b, byte(r))
		default:
			t.Fatalf("%q is not in this test's Windows-1252 table", r)
		}
	}
	return strings.NewReplacer(`\`, `\\`, "(", `\(`, ")", `\)`).Replace(string(b))
}

// The PDF holds the job title with its alias (3.3) and the Danish-acquisition section (3.6), with
// the Danish letters right.
func TestRule3_3And3_6InThePDF(t *testing.T) {
	doc := activity.Rules{}.MinPlan(dfdg.At{}, sample())
	if !doc.Rules.Has(dfdg.Rule3_3) || !doc.Rules.Has(dfdg.Rule3_6) {
		t.Fatalf("the document misses rules: %v", doc.Rules)
	}
	var b bytes.Buffer
	if err := Render(doc, &b, false); err != nil {
		t.Fatal(err)
	}
	pdf := b.String()
	if !strings.HasPrefix(pdf, "%PDF-") || !strings.Contains(pdf, "%%EOF") {
		t.Fatal("not a PDF")
	}
	for _, want := range []string{
		"Stillingsbetegnelse: Bagermedhjælper (alias: Hjælper i butik og bageri)", // 3.3
		"Kontrakt efter integrationsloven",                                        // 3.6
		"Danskuddannelse 2, modul 4, på sprogcentret i København",
		"Bageriet på Østerbro ApS",
		"Virksomhedspraktik, 2025-11-03–2025-12-19, 25,5 timer pr. uge",
	} {
		if !strings.Contains(pdf, cp1252(t, want)) {
			t.Errorf("the PDF's text lacks %q", want)
		}
	}
	for _, letter := range []string{"æ", "ø", "å", "Ø"} {
		if !strings.Contains(pdf, cp1252(t, letter)) {
			t.Errorf("no %s in the PDF", letter)
		}
	}
	if strings.Contains(pdf, "Ã") {
		t.Error("UTF-8 bytes written as Latin-1: the letters would be garbled")
	}
}

func TestMainWritesAFile(t *testing.T) {
	out := filepath.Join(t.TempDir(), "minplan.pdf")
	os.Args = []string{"minplanpdf", "-o", out}
	main()
	raw, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.HasPrefix(raw, []byte("%PDF-")) || len(raw) < 1000 {
		t.Fatalf("not a PDF: %d bytes", len(raw))
	}
}
