package main

import (
	"bytes"
	"image/png"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/klippa-app/go-pdfium"
	"github.com/klippa-app/go-pdfium/enums"
	"github.com/klippa-app/go-pdfium/references"
	"github.com/klippa-app/go-pdfium/requests"
	"github.com/klippa-app/go-pdfium/webassembly"
	"github.com/regelkit/dfdg"
	"github.com/regelkit/dfdg/activity"
	"github.com/shopspring/decimal"
)

// The tests read the PDF as a reader does, with PDFium (the PDF engine of Chromium), run as
// WebAssembly so that it needs no C library: its text, its metadata, its fonts, and page 1 as a PNG.

var pdfiumPool = sync.OnceValues(func() (pdfium.Pool, error) {
	return webassembly.Init(webassembly.Config{MinIdle: 1, MaxIdle: 1, MaxTotal: 1})
})

// reader is a PDF opened in PDFium.
type reader struct {
	t   *testing.T
	p   pdfium.Pdfium
	doc references.FPDF_DOCUMENT
}

func open(t *testing.T, raw []byte) *reader {
	t.Helper()
	pool, err := pdfiumPool()
	if err != nil {
		t.Fatal(err)
	}
	p, err := pool.GetInstance(time.Minute)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = p.Close() })
	d, err := p.OpenDocument(&requests.OpenDocument{File: &raw})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _, _ = p.FPDF_CloseDocument(&requests.FPDF_CloseDocument{Document: d.Document}) })
	return &reader{t: t, p: p, doc: d.Document}
}

func (r *reader) page(i int) requests.Page {
	return requests.Page{ByIndex: &requests.PageByIndex{Document: r.doc, Index: i}}
}

func (r *reader) pages() int {
	n, err := r.p.FPDF_GetPageCount(&requests.FPDF_GetPageCount{Document: r.doc})
	if err != nil {
		r.t.Fatal(err)
	}
	return n.PageCount
}

// text is page i's text as PDFium extracts it, with its line breaks as spaces.
func (r *reader) text(i int) string {
	txt, err := r.p.GetPageText(&requests.GetPageText{Page: r.page(i)})
	if err != nil {
		r.t.Fatal(err)
	}
	return strings.Join(strings.Fields(txt.Text), " ")
}

func (r *reader) meta(tag string) string {
	m, err := r.p.FPDF_GetMetaText(&requests.FPDF_GetMetaText{Document: r.doc, Tag: tag})
	if err != nil {
		r.t.Fatal(err)
	}
	return m.Value
}

// fonts reports, for each font page i's text uses, whether it is embedded.
func (r *reader) fonts(i int) map[string]bool {
	page, err := r.p.FPDF_LoadPage(&requests.FPDF_LoadPage{Document: r.doc, Index: i})
	if err != nil {
		r.t.Fatal(err)
	}
	defer r.p.FPDF_ClosePage(&requests.FPDF_ClosePage{Page: page.Page})
	n, err := r.p.FPDFPage_CountObjects(&requests.FPDFPage_CountObjects{Page: requests.Page{ByReference: &page.Page}})
	if err != nil {
		r.t.Fatal(err)
	}
	out := map[string]bool{}
	for j := range n.Count {
		obj, err := r.p.FPDFPage_GetObject(&requests.FPDFPage_GetObject{Page: requests.Page{ByReference: &page.Page}, Index: j})
		if err != nil {
			r.t.Fatal(err)
		}
		typ, err := r.p.FPDFPageObj_GetType(&requests.FPDFPageObj_GetType{PageObject: obj.PageObject})
		if err != nil || typ.Type != enums.FPDF_PAGEOBJ_TEXT {
			continue
		}
		font, err := r.p.FPDFTextObj_GetFont(&requests.FPDFTextObj_GetFont{PageObject: obj.PageObject})
		if err != nil {
			r.t.Fatal(err)
		}
		name, err := r.p.FPDFFont_GetBaseFontName(&requests.FPDFFont_GetBaseFontName{Font: font.Font})
		if err != nil {
			r.t.Fatal(err)
		}
		embedded, err := r.p.FPDFFont_GetIsEmbedded(&requests.FPDFFont_GetIsEmbedded{Font: font.Font})
		if err != nil {
			r.t.Fatal(err)
		}
		out[name.BaseFontName] = embedded.IsEmbedded
	}
	return out
}

// png writes page i as a PNG at 100 dpi.
func (r *reader) png(i int, path string) {
	img, err := r.p.RenderPageInDPI(&requests.RenderPageInDPI{Page: r.page(i), DPI: 100})
	if err != nil {
		r.t.Fatal(err)
	}
	defer img.CleanupFunc()
	var b bytes.Buffer
	if err := png.Encode(&b, img.Result.RenderedImage); err != nil {
		r.t.Fatal(err)
	}
	if err := os.WriteFile(path, b.Bytes(), 0o644); err != nil {
		r.t.Fatal(err)
	}
}

var header = Header{Name: "Mette Hansen", Jobcentre: "Jobcenter København", Issued: dfdg.MustParseDate("2025-10-20")}

func render(t *testing.T, c dfdg.Citizen) []byte {
	t.Helper()
	doc := activity.Rules{}.MinPlan(dfdg.At{}, c)
	var b bytes.Buffer
	if err := Render(doc, header, &b, true); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// Min plan as a Danish citizen reads it (issue 25), with the job title and its alias (3.3) and the
// Danish-acquisition section (3.6): the text PDFium extracts from page 1, in order.
func TestRule3_3And3_6InThePDF(t *testing.T) {
	r := open(t, render(t, sample()))
	if n := r.pages(); n != 1 {
		t.Fatalf("%d pages", n)
	}
	text := r.text(0)
	want := []string{
		"Min plan · Mette Hansen", "Jobcenter København", // the header on every page
		"Min plan", "Mette Hansen", "Jobcenter København", "Udskrevet 20. oktober 2025",
		"Plan", "Plantype: Jobplan", "Mål: Job som bagermedhjælper", "Du starter med et kursus i fødevarehygiejne",
		"Indsatser",
		"- Kursus i fødevarehygiejne, 27. oktober 2025 – 31. oktober 2025", // date order: the course first
		"- Virksomhedspraktik, 3. november 2025 – 19. december 2025, 25,5 timer pr. uge, Bageriet på Østerbro ApS",
		"Stillingsbetegnelse: Bagermedhjælper (alias: Hjælper i butik og bageri)", // 3.3
		"Kontrakt efter integrationsloven", "Underskrevet 15. oktober 2025",       // 3.6
		"Dansktilegnelse:", "Danskuddannelse 2, modul 4, på sprogcentret i København",
		"Side 1 af 1",
	}
	rest := text
	for _, w := range want {
		i := strings.Index(rest, w)
		if i < 0 {
			t.Fatalf("the page's text lacks %q after what came before\n%s", w, text)
		}
		rest = rest[i+len(w):]
	}
	for _, id := range []string{"k-1", "a-1", "a-2", "p-1"} {
		if strings.Contains(text, id) {
			t.Errorf("the page shows the internal id %q", id)
		}
	}
	if got := r.meta("Title"); got != "Min plan" {
		t.Errorf("title %q", got)
	}
	if got := r.meta("Author"); got != "Jobcenter København" {
		t.Errorf("author %q", got)
	}
	lang, err := r.p.FPDFCatalog_GetLanguage(&requests.FPDFCatalog_GetLanguage{Document: r.doc})
	if err != nil || lang.Language != "da-DK" {
		t.Errorf("language %q, %v", lang.Language, err)
	}
	fonts := r.fonts(0)
	if len(fonts) == 0 {
		t.Fatal("no fonts")
	}
	for name, embedded := range fonts {
		if !embedded || !strings.Contains(strings.ToLower(name), "dejavu") {
			t.Errorf("font %s: embedded %v", name, embedded)
		}
	}
	if path := os.Getenv("MINPLANPDF_PNG"); path != "" {
		r.png(0, path) // page 1 as a picture, to look at
	}
}

// A plan whose activities fill more than a page numbers every page "Side n af m", with the header
// on each.
func TestPagesAreNumbered(t *testing.T) {
	c := sample()
	start := dfdg.MustParseDate("2025-11-03")
	for i := range 40 {
		c.Activities = append(c.Activities, dfdg.Activity{ID: "x", Type: 7, Description: "Jobsøgningskursus",
			Period: dfdg.Period{Start: start.AddDays(7 * i), End: start.AddDays(7*i + 4)}, Hours: decimal.RequireFromString("37")})
	}
	r := open(t, render(t, c))
	n := r.pages()
	if n < 2 {
		t.Fatalf("%d pages", n)
	}
	for i := range n {
		text := r.text(i)
		if want := "Side " + itoa(i+1) + " af " + itoa(n); !strings.Contains(text, want) {
			t.Errorf("page %d lacks %q", i+1, want)
		}
		if !strings.Contains(text, "Min plan · Mette Hansen") {
			t.Errorf("page %d lacks the header", i+1)
		}
	}
	if !strings.Contains(r.text(n-1), "Dansktilegnelse") {
		t.Error("the contract is on the last page")
	}
}

func itoa(n int) string { return decimal.NewFromInt(int64(n)).String() }

func TestMainWritesAFile(t *testing.T) {
	out := filepath.Join(t.TempDir(), "minplan.pdf")
	os.Args = []string{"minplanpdf", "-o", out, "-dato", "2025-10-20"}
	main()
	raw, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	r := open(t, raw)
	if text := r.text(0); !strings.Contains(text, "Udskrevet 20. oktober 2025") || !strings.Contains(text, "Jobcenter København") {
		t.Errorf("the written file's page 1: %s", text)
	}
}
