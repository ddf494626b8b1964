//go:build mutation

package sla

// mutationRun reports whether the tests are built for a mutation run
// (.ci/mutation builds them with the tag "mutation"). Gremlins runs the
// whole suite once per mutant, so the million-outage test scales down to
// 100,000 there, as under the race detector; the smaller tests cover the
// same code, and scaling a test down can only let a mutant live, never
// kill one the full test would not.
const mutationRun = true
