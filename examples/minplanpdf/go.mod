module github.com/regelkit/dfdg/examples/minplanpdf

go 1.26.0

require (
	github.com/go-pdf/fpdf v0.9.0
	github.com/regelkit/dfdg v0.0.0
	github.com/shopspring/decimal v1.6.0
)

require (
	codeberg.org/go-pdf/fpdf v0.12.0 // indirect
	github.com/klippa-app/go-pdfium v1.21.5 // indirect
)

replace github.com/regelkit/dfdg => ../..
