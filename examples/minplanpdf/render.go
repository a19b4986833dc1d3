package main

import (
	"io"
	"strings"

	"github.com/go-pdf/fpdf"
	"github.com/regelkit/dfdg/plan"
)

// Render writes doc, the content of a citizen's Min plan, as a PDF to w. The text uses the PDF core
// font Helvetica in the Windows-1252 encoding, which holds the Danish letters æ, ø and å and the en
// dash of the periods. compress false leaves the page text readable in the file, for tests.
func Render(doc plan.Document, w io.Writer, compress bool) error {
	pdf := fpdf.New("P", "mm", "A4", "")
	pdf.SetCompression(compress)
	pdf.SetTitle(doc.Title, true)
	pdf.SetCreator("regelkit/dfdg examples/minplanpdf", true)
	tr := pdf.UnicodeTranslatorFromDescriptor("") // UTF-8 to cp1252
	pdf.SetMargins(20, 20, 20)
	pdf.AddPage()

	pdf.SetFont("Helvetica", "B", 20)
	pdf.MultiCell(0, 10, tr(doc.Title), "", "L", false)
	pdf.Ln(4)
	for _, s := range doc.Sections {
		pdf.SetFont("Helvetica", "B", 13)
		pdf.MultiCell(0, 8, tr(s.Heading), "B", "L", false)
		pdf.Ln(1)
		for _, line := range s.Lines {
			indent := len(line) - len(strings.TrimLeft(line, " "))
			style := ""
			if strings.HasPrefix(strings.TrimSpace(line), "Stillingsbetegnelse:") || strings.HasSuffix(line, ":") {
				style = "I"
			}
			pdf.SetFont("Helvetica", style, 11)
			pdf.SetX(20 + float64(indent)*3)
			pdf.MultiCell(0, 6, tr(strings.TrimSpace(line)), "", "L", false)
		}
		pdf.Ln(4)
	}
	if err := pdf.Error(); err != nil {
		return err
	}
	return pdf.Output(w)
}
