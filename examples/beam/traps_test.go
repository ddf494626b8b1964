package main

// The traps a Go Beam pipeline falls into, each pinned by a test that
// shows it: what goes wrong, and that the pipeline's way around it works.

import (
	"context"
	"os"
	"path/filepath"
	"reflect"
	"testing"

	"github.com/apache/beam/sdks/v2/go/pkg/beam"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/io/filesystem"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/register"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/testing/passert"
	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// decimalCredit carries money as a decimal.Decimal, whose fields are all
// unexported: the coder Beam infers for the struct (its exported fields)
// cannot see inside it.
type decimalCredit struct {
	Subscription string
	Amount       decimal.Decimal
}

// stringCredit carries the same money as a string, as the pipeline's
// elements do.
type stringCredit struct {
	Subscription string
	Amount       string
}

func toDecimalCredit(s string) decimalCredit {
	return decimalCredit{Subscription: "sub-000003", Amount: decimal.RequireFromString(s)}
}

func fromDecimalCredit(c decimalCredit) string { return c.Subscription + " " + c.Amount.StringFixed(2) }

func toStringCredit(s string) stringCredit {
	return stringCredit{Subscription: "sub-000003", Amount: s}
}

func fromStringCredit(c stringCredit) string {
	return c.Subscription + " " + decimal.RequireFromString(c.Amount).StringFixed(2)
}

// summed is a summaryAcc that holds one credit, for the accumulator's
// registered coder.
func summed(s string) summaryAcc {
	return summaryAcc{Months: []int{1}, Credits: []decimal.Decimal{decimal.RequireFromString(s)}}
}

func fromSummed(a summaryAcc) string { return "sub-000003 " + a.Credits[0].StringFixed(2) }

// unregisteredFn is a DoFn nobody registered.
type unregisteredFn struct{}

func (unregisteredFn) ProcessElement(s string) string { return s }

func init() {
	register.Function1x1(toDecimalCredit)
	register.Function1x1(fromDecimalCredit)
	register.Function1x1(toStringCredit)
	register.Function1x1(fromStringCredit)
	register.Function1x1(summed)
	register.Function1x1(fromSummed)
	// Registered, so that what follows is the coder's doing, not a
	// missing registration.
	beam.RegisterType(reflect.TypeOf((*decimalCredit)(nil)).Elem())
	beam.RegisterType(reflect.TypeOf((*stringCredit)(nil)).Elem())
}

// creditPipeline makes "250.00" into an element with to, passes it
// through a Reshuffle when shuffle is set, and checks that from makes want
// of it on the far side.
func creditPipeline(to, from any, shuffle bool, want string) *beam.Pipeline {
	p, s := beam.NewPipelineWithRoot()
	// Created as a string: beam.Create itself encodes its values, and the
	// decimal would be lost before the stage boundary under test.
	col := beam.ParDo(s, to, beam.Create(s, "250.00"))
	if shuffle {
		col = beam.Reshuffle(s, col)
	}
	passert.Equals(s, beam.ParDo(s, from, col), want)
	return p
}

// TestDecimalTrap: a decimal.Decimal inside an element arrives as zero
// after a stage boundary on Prism, without an error; the direct runner,
// which hands elements from one stage to the next without encoding them,
// hides it. The pipeline carries money as strings (stringCredit, like
// fleetrec.Outcome.Credit), or registers a coder for the type that holds
// decimals (summaryAcc).
func TestDecimalTrap(t *testing.T) {
	ctx := context.Background()
	for _, tc := range []struct {
		name     string
		runner   string
		to, from any
		shuffle  bool
		want     string
	}{
		{"decimal, Prism, Reshuffle: zeroed", "prism", toDecimalCredit, fromDecimalCredit, true, "sub-000003 0.00"},
		{"decimal, Prism, one stage: kept", "prism", toDecimalCredit, fromDecimalCredit, false, "sub-000003 250.00"},
		{"decimal, direct, Reshuffle: kept (the trap hidden)", "direct", toDecimalCredit, fromDecimalCredit, true, "sub-000003 250.00"},
		{"string, Prism, Reshuffle: kept", "prism", toStringCredit, fromStringCredit, true, "sub-000003 250.00"},
		{"registered coder, Prism, Reshuffle: kept", "prism", summed, fromSummed, true, "sub-000003 250.00"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := beam.Run(ctx, tc.runner, creditPipeline(tc.to, tc.from, tc.shuffle, tc.want))
			require.NoError(t, err)
		})
	}
	// And the pipeline's own credits survive its shuffles: the showcase's
	// 796.66 goes through a Reshuffle, a GroupByKey and a lifted Combine.
	out := runPipeline(t, fleetData+"showcase.jsonl", "auto", "")
	assert.Contains(t, out.summary, "\ntotal                              9   796.66\n")
}

// TestUnregisteredDoFn: a DoFn that is not registered runs on the direct
// runner, which calls it in the process that built the pipeline, and fails
// on Prism, whose workers find DoFns by their registered names. So every
// DoFn of the pipeline is registered (pipeline.go's init), and its tests
// run on Prism.
func TestUnregisteredDoFn(t *testing.T) {
	ctx := context.Background()
	pipeline := func() *beam.Pipeline {
		p, s := beam.NewPipelineWithRoot()
		passert.Equals(s, beam.ParDo(s, &unregisteredFn{}, beam.Create(s, "x")), "x")
		return p
	}
	_, err := beam.Run(ctx, "direct", pipeline())
	require.NoError(t, err, "direct")
	_, err = beam.Run(ctx, "prism", pipeline())
	require.Error(t, err, "prism runs an unregistered DoFn: the trap is gone, or hidden")
	t.Logf("prism: %v", err)
}

// TestFlagsBeforeInit: main parses the flags before beam.Init. Started as
// a worker (--worker, as a runner starts a container's binary), Init must
// see --worker and become the worker harness, which here stops at once on
// its bad --options; had Init run before flag.Parse, it would have seen no
// --worker, and the binary would have built and run the whole pipeline
// again inside the worker, writing the outputs.
func TestFlagsBeforeInit(t *testing.T) {
	dir := t.TempDir()
	prefix := filepath.Join(dir, "out")
	code, _, errOut := runAsMain(t, "--worker=true", "--id=1", "--options=not json",
		"--input", fleetData+"showcase.jsonl", "--output", prefix)
	assert.Equal(t, 1, code, errOut)
	assert.Contains(t, errOut, "Failed to parse pipeline options")
	_, err := os.Stat(prefix + ".summary.txt")
	assert.True(t, os.IsNotExist(err), "the worker ran the pipeline: %v", err)

	// The same binary without --worker runs the pipeline.
	code, _, errOut = runAsMain(t, "--input", fleetData+"showcase.jsonl", "--output", prefix)
	require.Equal(t, 0, code, errOut)
	assert.Equal(t, showcaseSummary, mustRead(t, prefix+".summary.txt"))
	assert.Contains(t, errOut, "beam: 9 records read, 9 assessed, 0 rejected")
}

// TestLocalFilesystem: textio and the reader find files through Beam's
// filesystem registry, which knows local paths only when a package imports
// io/filesystem/local; without it they fail with "file system scheme ...
// not registered". pipeline.go imports it for the program, and the test
// files import it too, so that tests of textio never depend on which
// other files of the package happen to be built.
func TestLocalFilesystem(t *testing.T) {
	ctx := context.Background()
	name := filepath.Join(t.TempDir(), "x.txt")
	fs, err := filesystem.New(ctx, name)
	require.NoError(t, err)
	defer fs.Close()
	w, err := fs.OpenWrite(ctx, name)
	require.NoError(t, err)
	require.NoError(t, w.Close())
	_, err = filesystem.New(ctx, "nosuchscheme://bucket/x.txt")
	require.Error(t, err)
}
