package main

import (
	"bytes"
	"context"
	"flag"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/apache/beam/sdks/v2/go/pkg/beam"
	_ "github.com/apache/beam/sdks/v2/go/pkg/beam/io/filesystem/local" // textio in tests needs the local filesystem
	//lint:ignore SA1019 the direct runner is deprecated, and imported only to show what it hides (traps_test.go)
	_ "github.com/apache/beam/sdks/v2/go/pkg/beam/runners/direct"
	_ "github.com/apache/beam/sdks/v2/go/pkg/beam/runners/prism"
	"github.com/stretchr/testify/require"

	"github.com/slapolicy/slapolicy/examples/internal/fleetrec"
)

// asMain, set in a test binary's environment, makes the binary run main
// instead of the tests: the tests that need the program as a process (its
// flags, a worker's flags, a job server of its own) start themselves so.
const asMain = "SLAPOLICY_BEAM_AS_MAIN"

func TestMain(m *testing.M) {
	if os.Getenv(asMain) == "1" {
		main()
		return
	}
	if os.Getenv(asLoop) == "1" {
		runLoopMain()
	}
	flag.Parse()
	beam.Init()
	os.Exit(m.Run())
}

// runAsMain runs this test binary as the program with args and returns
// its exit status, standard output and standard error.
func runAsMain(t *testing.T, args ...string) (int, string, string) {
	t.Helper()
	cmd := exec.Command(os.Args[0], args...)
	cmd.Env = append(os.Environ(), asMain+"=1")
	var out, errOut bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errOut
	err := cmd.Run()
	code := 0
	if err != nil {
		ee, ok := err.(*exec.ExitError)
		require.True(t, ok, "%v", err)
		code = ee.ExitCode()
	}
	return code, out.String(), errOut.String()
}

// outputs are what a run of the pipeline wrote.
type outputs struct {
	results []string // sorted
	bad     []string // sorted
	summary string
	counters
}

// runPipeline runs the pipeline on Prism over inputs (comma-separated
// patterns) and returns its outputs.
func runPipeline(t *testing.T, input, format, policyFile string) outputs {
	t.Helper()
	return runPipelineWith(t, input, format, policyFile, fleetrec.Settings{})
}

// runPipelineWith is runPipeline with the run's settings (--currency,
// --month-zone).
func runPipelineWith(t *testing.T, input, format, policyFile string, set fleetrec.Settings) outputs {
	t.Helper()
	ctx := context.Background()
	prefix := filepath.Join(t.TempDir(), "out")
	opts, err := newOptions(ctx, input, prefix, format, policyFile, set)
	require.NoError(t, err)
	p, err := build(opts)
	require.NoError(t, err)
	res, err := beam.Run(ctx, "prism", p)
	require.NoError(t, err)
	require.NoError(t, ensureOutputs(ctx, prefix))
	return readOutputs(t, prefix, countersOf(res))
}

// readOutputs reads the outputs written under prefix.
func readOutputs(t *testing.T, prefix string, c counters) outputs {
	t.Helper()
	return outputs{
		results:  sortedLines(t, prefix+".results.jsonl"),
		bad:      sortedLines(t, prefix+".bad.txt"),
		summary:  mustRead(t, prefix+".summary.txt"),
		counters: c,
	}
}

func mustRead(t *testing.T, name string) string {
	t.Helper()
	b, err := os.ReadFile(name)
	require.NoError(t, err)
	return string(b)
}

// sortedLines returns the lines of a file, sorted; none for an empty file.
func sortedLines(t *testing.T, name string) []string {
	t.Helper()
	return sortLines(mustRead(t, name))
}

func sortLines(s string) []string {
	s = strings.TrimSuffix(s, "\n")
	if s == "" {
		return nil
	}
	lines := strings.Split(s, "\n")
	slices.Sort(lines)
	return lines
}

func writeFile(name, data string) error { return os.WriteFile(name, []byte(data), 0o600) }
