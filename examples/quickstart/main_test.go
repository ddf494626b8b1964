package main

import (
	"os"
	"strings"
	"testing"
)

// The README's quick start is this program, word for word.
func TestREADMEQuickStartIsThisProgram(t *testing.T) {
	readme, err := os.ReadFile("../../README.md")
	if err != nil {
		t.Fatal(err)
	}
	src, err := os.ReadFile("main.go")
	if err != nil {
		t.Fatal(err)
	}
	const open = "```go\n"
	i := strings.Index(string(readme), open)
	if i < 0 {
		t.Fatal("README.md has no ```go block")
	}
	rest := string(readme[i+len(open):])
	j := strings.Index(rest, "```")
	if j < 0 {
		t.Fatal("README.md's go block is not closed")
	}
	if got := rest[:j]; got != string(src) {
		t.Fatalf("README.md's quick start differs from examples/quickstart/main.go; copy main.go into README.md\n--- README\n%s", got)
	}
}

// Worked by hand: April 2024 has 30 × 1,440 = 43,200 minutes. The outage
// on the 3rd from 10:00 to 11:50 spends 10:00–11:00 in NAM's window (2 AM
// to 11 AM UTC) and 50 minutes after it; the 6-minute one on the 21st is
// intermittent (≤ 10 minutes). Uptime = (43,200 − 50) / 43,200 =
// 99.88425…%, truncated to 99.8842: below 99.9 and not below 99, so the
// credit is 25 % of 1,250.00 = 312.50.
func Example() {
	main()
	// Output:
	// downtime 50m0s uptime 99.8842 % credit 25 %
	// credit 312.50
}
