module github.com/regelkit/dfdg/examples/minplanpdf

go 1.24

require (
	github.com/go-pdf/fpdf v0.9.0
	github.com/regelkit/dfdg v0.0.0
	github.com/shopspring/decimal v1.6.0
)

replace github.com/regelkit/dfdg => ../..
