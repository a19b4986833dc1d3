module github.com/regelkit/dfdg/examples/minplanpdf

go 1.26.0

require (
	codeberg.org/go-pdf/fpdf v0.12.0
	github.com/klippa-app/go-pdfium v1.21.5
	github.com/regelkit/dfdg v0.0.0
	github.com/shopspring/decimal v1.6.0
)

require (
	github.com/google/uuid v1.6.0 // indirect
	github.com/jolestar/go-commons-pool/v2 v2.1.2 // indirect
	github.com/tetratelabs/wazero v1.12.0 // indirect
	golang.org/x/sys v0.49.0 // indirect
	golang.org/x/text v0.44.0 // indirect
)

replace github.com/regelkit/dfdg => ../..
