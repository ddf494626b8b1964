//go:build race

package sla

// raceEnabled reports whether the tests run under the race detector, so
// that the biggest hostile inputs can be scaled down there.
const raceEnabled = true
