// Package testscale tells this module's tests how large their largest
// inputs may be. Under the race detector (go test -race) a million-outage
// assessment takes minutes, and a mutation run (.ci/mutation builds the
// tests with the tag "mutation") runs the whole suite once per mutant; in
// both the biggest hostile inputs scale down. The smaller inputs cover
// the same code, and scaling a test down can only let a mutant live,
// never kill one the full test would not.
package testscale

// Small reports whether the tests are built under the race detector or for
// a mutation run, where the largest inputs scale down.
const Small = race || mutation

// Race reports whether the tests are built under the race detector.
const Race = race
