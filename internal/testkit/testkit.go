// Package testkit holds what this module's tests share across packages:
// how large their largest inputs may be (Small), and the concurrency check
// every package runs on its shared values (Agree).
//
// Inputs scale down where tests run slowly. Under the race detector (go test -race) a million-outage
// assessment takes minutes, and a mutation run (.ci/mutation builds the
// tests with the tag "mutation") runs the whole suite once per mutant; in
// both the biggest hostile inputs scale down. The smaller inputs cover
// the same code, and scaling a test down can only let a mutant live,
// never kill one the full test would not.
package testkit

import (
	"fmt"
	"sync"
	"testing"
)

// Small reports whether the tests are built under the race detector or for
// a mutation run, where the largest inputs scale down.
const Small = race || mutation

// Race reports whether the tests are built under the race detector.
const Race = race

// workers is how many goroutines Agree runs at once.
const workers = 16

// Agree checks that a shared value answers alike from many goroutines at
// once: it computes answer(i) for every i in [0, n) on one goroutine, then
// again on 16 goroutines at the same time, each starting at another i, and
// reports through t every answer that differs from the first. Run under
// -race, it also finds any data race the answers share.
func Agree(t testing.TB, n int, answer func(i int) string) {
	t.Helper()
	want := make([]string, n)
	for i := range want {
		want[i] = answer(i)
	}
	var wg sync.WaitGroup
	mismatches := make(chan string, workers)
	for w := range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for k := range n {
				i := (k + w*n/workers) % n
				if got := answer(i); got != want[i] {
					mismatches <- fmt.Sprintf("answer %d: got\n%s\nwant\n%s", i, got, want[i])
					return
				}
			}
		}()
	}
	wg.Wait()
	close(mismatches)
	for m := range mismatches {
		t.Error(m)
	}
}
