module github.com/slapolicy/slapolicy

go 1.23

require (
	github.com/rickar/cal/v2 v2.1.26
	github.com/shopspring/decimal v1.6.0
	github.com/stretchr/testify v1.10.0
)

require (
	github.com/davecgh/go-spew v1.1.1 // indirect
	github.com/pmezard/go-difflib v1.0.0 // indirect
	gopkg.in/yaml.v3 v3.0.1 // indirect
)
