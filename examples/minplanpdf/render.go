package main

import (
	_ "embed"
	"io"
	"strconv"
	"strings"

	"codeberg.org/go-pdf/fpdf"
	"github.com/regelkit/dfdg"
	"github.com/regelkit/dfdg/plan"
)

// The fonts are DejaVu Sans (fonts/LICENSE), embedded in the binary and, as the subset of the
// glyphs the page uses, in the PDF: every Danish letter shows as written on any reader.
var (
	//go:embed fonts/DejaVuSans.ttf
	regular []byte
	//go:embed fonts/DejaVuSans-Bold.ttf
	bold []byte
)

// Header is what the caller knows of the reader and the issuer, and the library does not: the
// citizen's name, the jobcentre's name and the date of issue.
type Header struct {
	Name      string
	Jobcentre string
	Issued    dfdg.Date
}

// Render writes doc, the content of a citizen's Min plan, as a PDF to w: a header with the citizen's
// name, the jobcentre and the date of issue, the sections in Danish, page numbers, the fonts embedded,
// and the document's title, author and language (da-DK). compress false leaves the page streams
// uncompressed, for a reader of the file.
func Render(doc plan.Document, h Header, w io.Writer, compress bool) error {
	pdf := fpdf.New("P", "mm", "A4", "")
	pdf.SetCompression(compress)
	pdf.AddUTF8FontFromBytes("DejaVu", "", regular)
	pdf.AddUTF8FontFromBytes("DejaVu", "B", bold)
	pdf.SetTitle(doc.Title, true)
	pdf.SetAuthor(h.Jobcentre, true)
	pdf.SetSubject(doc.Title+" for "+h.Name, true)
	pdf.SetCreator("regelkit/dfdg examples/minplanpdf", true)
	pdf.SetLang("da-DK")
	if !h.Issued.IsZero() {
		pdf.SetCreationDate(h.Issued.Time())
		pdf.SetModificationDate(h.Issued.Time())
	}
	pdf.SetMargins(20, 25, 20)
	pdf.SetAutoPageBreak(true, 20)
	pdf.AliasNbPages("{sider}")
	pdf.SetHeaderFunc(func() {
		pdf.SetFont("DejaVu", "", 8)
		pdf.SetTextColor(90, 90, 90)
		pdf.SetY(10)
		pdf.CellFormat(0, 5, doc.Title+" · "+h.Name, "", 0, "L", false, 0, "")
		pdf.SetX(20)
		pdf.CellFormat(0, 5, h.Jobcentre, "", 1, "R", false, 0, "")
		pdf.SetTextColor(0, 0, 0)
		pdf.SetY(25)
	})
	pdf.SetFooterFunc(func() {
		pdf.SetY(-15)
		pdf.SetFont("DejaVu", "", 8)
		pdf.SetTextColor(90, 90, 90)
		pdf.CellFormat(0, 5, "Side "+strconv.Itoa(pdf.PageNo())+" af {sider}", "", 0, "C", false, 0, "")
		pdf.SetTextColor(0, 0, 0)
	})
	pdf.AddPage()

	pdf.SetFont("DejaVu", "B", 20)
	pdf.MultiCell(0, 10, doc.Title, "", "L", false)
	pdf.SetFont("DejaVu", "", 11)
	lines := []string{h.Name, h.Jobcentre}
	if !h.Issued.IsZero() {
		lines = append(lines, "Udskrevet "+plan.DanishDate(h.Issued))
	}
	for _, line := range lines {
		if strings.TrimSpace(line) != "" {
			pdf.MultiCell(0, 6, line, "", "L", false)
		}
	}
	pdf.Ln(6)
	for _, s := range doc.Sections() {
		pdf.SetFont("DejaVu", "B", 13)
		pdf.MultiCell(0, 8, s.Heading, "B", "L", false)
		pdf.Ln(1)
		pdf.SetFont("DejaVu", "", 11)
		for _, line := range s.Lines {
			x := 20 + float64(len(line)-len(strings.TrimLeft(line, " ")))*3
			text := strings.TrimSpace(line)
			if item, ok := strings.CutPrefix(text, "- "); ok { // an activity: a hanging indent under its dash
				pdf.SetX(x)
				pdf.CellFormat(5, 6, "-", "", 0, "L", false, 0, "")
				x, text = x+5, item
			}
			pdf.SetX(x)
			pdf.MultiCell(0, 6, text, "", "L", false)
		}
		pdf.Ln(4)
	}
	if err := pdf.Error(); err != nil {
		return err
	}
	return pdf.Output(w)
}
