module github.com/regelkit/dfdg/examples/dfdgsim

go 1.26.0

require (
	github.com/getkin/kin-openapi v0.153.0
	github.com/regelkit/dfdg v0.0.0
	github.com/shopspring/decimal v1.6.0
	github.com/stretchr/testify v1.12.1
)

require (
	github.com/go-openapi/jsonpointer v1.0.2 // indirect
	github.com/gorilla/mux v1.8.0 // indirect
	github.com/santhosh-tekuri/jsonschema/v6 v6.0.3 // indirect
	go.yaml.in/yaml/v3 v3.0.5 // indirect
	go.yaml.in/yaml/v4 v4.0.0 // indirect
	golang.org/x/text v0.43.0 // indirect
)

replace github.com/regelkit/dfdg => ../..
