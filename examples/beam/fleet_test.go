package main

import (
	"bytes"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/slapolicy/slapolicy/examples/internal/fleetrec"
)

// buildTool builds a command of the module's build list into dir and
// returns its path. It skips the test when no go command is at hand.
func buildTool(t *testing.T, dir, pkg, name string) string {
	t.Helper()
	goCmd, err := exec.LookPath("go")
	if err != nil {
		t.Skipf("no go command to build %s: %v", pkg, err)
	}
	out := filepath.Join(dir, name)
	cmd := exec.Command(goCmd, "build", "-o", out, pkg)
	b, err := cmd.CombinedOutput()
	require.NoError(t, err, "go build %s:\n%s", pkg, b)
	return out
}

// TestSameAnswersAsFleet runs examples/fleet and the pipeline on the same
// generated input, in both forms, with bad records and with months that
// appear in two files, and compares every result line, every problem line
// and the summary.
func TestSameAnswersAsFleet(t *testing.T) {
	if testing.Short() {
		t.Skip("builds examples/fleet")
	}
	dir := t.TempDir()
	fleet := buildTool(t, dir, "github.com/slapolicy/slapolicy/examples/fleet", "fleet")

	// gen.jsonl and gen.csv are two generated fleets whose subscriptions
	// overlap, so that some months appear in both files (the first, in
	// input order, counts); the fleet's bad files add every kind of
	// problem.
	write := func(name string, w func(*bytes.Buffer) error) string {
		var b bytes.Buffer
		require.NoError(t, w(&b))
		p := filepath.Join(dir, name)
		require.NoError(t, os.WriteFile(p, b.Bytes(), 0o600))
		return p
	}
	gen := write("gen.jsonl", func(b *bytes.Buffer) error {
		return fleetrec.WriteJSONL(b, fleetrec.GenConfig{N: 3000, Seed: 7, Outages: -1})
	})
	genCSV := write("gen.csv", func(b *bytes.Buffer) error {
		return fleetrec.WriteCSV(b, fleetrec.GenConfig{N: 2000, Seed: 8, Outages: -1})
	})
	gen20 := write("gen20.jsonl", func(b *bytes.Buffer) error {
		return fleetrec.WriteJSONL(b, fleetrec.GenConfig{N: 300, Seed: 9, Outages: 20})
	})
	inputs := []string{gen, fleetData + "bad.jsonl", genCSV, fleetData + "bad.csv", gen20}

	results := filepath.Join(dir, "fleet.results.jsonl")
	cmd := exec.Command(fleet, append([]string{"-progress", "0", "-results", results}, inputs...)...)
	var out, errOut bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errOut
	err := cmd.Run()
	var ee *exec.ExitError
	require.ErrorAs(t, err, &ee, "the input has bad records: exit status 2\n%s", errOut.String())
	require.Equal(t, 2, ee.ExitCode(), errOut.String())
	problems := strings.Split(strings.TrimSuffix(errOut.String(), "\n"), "\n")
	last := problems[len(problems)-1]
	require.Contains(t, last, "bad records, reported above, are left out of the summary")
	problems = problems[:len(problems)-1]

	got := runPipeline(t, strings.Join(inputs, ","), "auto", "")
	assert.Equal(t, out.String(), got.summary, "summary")
	want := sortedLines(t, results)
	require.Equal(t, len(want), len(got.results), "result lines")
	assert.Equal(t, want, got.results, "result lines")
	assert.Equal(t, sortLines(strings.Join(problems, "\n")), got.bad, "problem lines")
	assert.Equal(t, int64(len(want)), got.assessed)
	assert.Contains(t, last, "fleet: "+itoa(got.rejected)+" bad records")
	assert.Greater(t, got.rejected, int64(16), "months in both generated files are duplicates")
	assert.Contains(t, strings.Join(got.bad, "\n"), "gen.csv:", "a duplicate across files")
}

func itoa(n int64) string { return strconv.FormatInt(n, 10) }

// TestSameAnswersAsFleetWithExtras is TestSameAnswersAsFleet for months
// with every optional field (partial months, user counts, a currency),
// read in their regions' zones: the fleet with -currency EUR -month-zone
// region, the pipeline with --currency EUR --month-zone region.
func TestSameAnswersAsFleetWithExtras(t *testing.T) {
	if testing.Short() {
		t.Skip("builds examples/fleet")
	}
	dir := t.TempDir()
	fleet := buildTool(t, dir, "github.com/slapolicy/slapolicy/examples/fleet", "fleet")
	var inputs []string
	for _, f := range []struct {
		name string
		w    func(io.Writer, fleetrec.GenConfig) error
		n    int
	}{{"extras.jsonl", fleetrec.WriteJSONL, 1500}, {"extras.csv", fleetrec.WriteCSV, 500}} {
		var b bytes.Buffer
		require.NoError(t, f.w(&b, fleetrec.GenConfig{N: f.n, Seed: 11, Outages: -1, Extras: true, Currency: "EUR"}))
		p := filepath.Join(dir, f.name)
		require.NoError(t, os.WriteFile(p, b.Bytes(), 0o600))
		inputs = append(inputs, p)
	}
	results := filepath.Join(dir, "fleet.results.jsonl")
	cmd := exec.Command(fleet, append([]string{"-progress", "0", "-currency", "EUR", "-month-zone", "region", "-results", results}, inputs...)...)
	var out, errOut bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errOut
	err := cmd.Run()
	var ee *exec.ExitError
	require.ErrorAs(t, err, &ee, "the CSV file's months are also in the JSON file's: duplicates, exit status 2\n%s", errOut.String())
	problems := strings.Split(strings.TrimSuffix(errOut.String(), "\n"), "\n")
	problems = problems[:len(problems)-1]

	got := runPipelineWith(t, strings.Join(inputs, ","), "auto", "", fleetrec.Settings{Currency: "EUR", MonthZone: "region"})
	assert.Contains(t, got.summary, "credits in EUR")
	assert.Equal(t, out.String(), got.summary, "summary")
	want := sortedLines(t, results)
	require.Equal(t, len(want), len(got.results), "result lines")
	assert.Equal(t, want, got.results, "result lines")
	assert.Equal(t, sortLines(strings.Join(problems, "\n")), got.bad, "problem lines")
	assert.Contains(t, strings.Join(got.results, "\n"), `"currency":"EUR"}`)
}
