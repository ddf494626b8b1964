//go:build !mutation

package sla

// mutationRun reports whether the tests are built for a mutation run; see
// scale_mutation_test.go.
const mutationRun = false
