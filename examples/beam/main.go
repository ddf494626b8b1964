// Command beam is the fleet's monthly credit run as an Apache Beam
// pipeline: the same records, the same assessment, the same result lines
// and summary as examples/fleet, on any Beam runner. It runs locally on
// Prism by default:
//
//	go run . --input months.jsonl --output out/march
//
// and, unchanged, on Flink, Spark or Dataflow (see README.md).
//
// # Flags
//
//	--input PATTERNS  the input files: comma-separated file patterns
//	                  (globs; local paths, or gs:// with Dataflow), read in
//	                  the order given, each pattern's matches sorted
//	--output PREFIX   where the outputs go (see Outputs)
//	--format F        auto, jsonl or csv (default auto: by file extension,
//	                  else by the first character), as in examples/fleet
//	--policy FILE     the SLA policy in its JSON form (default: the
//	                  built-in Dynamics CRM Online policy)
//	--currency CODE   the fees' and credits' ISO 4217 currency, as the
//	                  fleet's -currency (default: none)
//	--month-zone Z    where months begin and end: UTC (default), region
//	                  or an IANA zone name, as the fleet's -month-zone
//
// and Beam's own: --runner (default prism), --endpoint,
// --environment_type, --job_name, --project, --region, ...
//
// # Input
//
// The fleet's JSON-lines and CSV forms, with their optional fields (a
// partial month, user counts, a currency; `go run ./examples/fleet -h`
// describes them): one
// subscription-month per JSON line, or per run of consecutive CSV rows.
// Each file is split into records by one worker, which keeps the line
// numbers and the CSV rows of a month together; the records are then
// reshuffled, so that decoding and assessing, nearly all of the work,
// spread over every worker however few the files are.
//
// # Outputs
//
//   - PREFIX.results.jsonl: one line per assessed month, the fleet's
//     -results line (order not kept).
//   - PREFIX.summary.txt: months and credits per tier, the fleet's summary
//     table, byte for byte.
//   - PREFIX.bad.txt: one line per problem, "file:line: what is wrong", the
//     lines the fleet writes to standard error (order not kept). A bad
//     record is never dropped silently: it is here and counted in the
//     summary's "bad records". Empty when no record is bad.
//
// As in the fleet, a subscription-month that appears again is bad; its
// first record (in input order: file, then line) counts.
//
// Counters (namespace "slapolicy"): records_read, records_assessed,
// records_rejected.
//
// Exit status: 0 when every record was assessed, 2 when some were bad, 1
// when the pipeline could not be run (bad flags, no input file, a bad
// policy, a CSV header that is wrong, a runner's error).
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"

	"github.com/apache/beam/sdks/v2/go/pkg/beam"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/x/beamx"

	"github.com/slapolicy/slapolicy/examples/internal/fleetrec"
)

var (
	input      = flag.String("input", "", "input file `patterns`, comma-separated (JSON-lines or CSV)")
	output     = flag.String("output", "", "output `prefix`: PREFIX.results.jsonl, PREFIX.summary.txt, PREFIX.bad.txt")
	format     = flag.String("format", "auto", "input `format`: auto, jsonl or csv")
	policyFile = flag.String("policy", "", "SLA policy `file` in JSON (default: the built-in Dynamics CRM Online policy)")
	currency   = flag.String("currency", "", "the fees' and credits' ISO 4217 `code` (default: none, the policy's currency places)")
	monthZone  = flag.String("month-zone", "UTC", "where months begin and end: UTC, region, or an IANA `zone` name")
)

func main() {
	// flag.Parse must come before beam.Init: when a runner starts this
	// binary as a worker (--worker and the endpoints it passes), Init
	// becomes the worker harness and never returns; with the flags not
	// yet parsed it would not know, and would build and submit the
	// pipeline again from inside the worker. TestFlagsBeforeInit pins it.
	flag.Parse()
	beam.Init()
	os.Exit(run(context.Background(), os.Stderr))
}

// run builds the pipeline from the flags, runs it on the runner --runner
// names (prism by default), and reports the counters on stderr. It returns
// the exit status.
func run(ctx context.Context, stderr io.Writer) int {
	fail := func(err error) int {
		fmt.Fprintf(stderr, "beam: %v\n", err)
		return 1
	}
	opts, err := newOptions(ctx, *input, *output, *format, *policyFile,
		fleetrec.Settings{Currency: *currency, MonthZone: *monthZone})
	if err != nil {
		return fail(err)
	}
	p, err := build(opts)
	if err != nil {
		return fail(err)
	}
	res, err := beamx.RunWithMetrics(ctx, p)
	if err != nil {
		return fail(err)
	}
	if err := ensureOutputs(ctx, opts.output); err != nil {
		return fail(err)
	}
	if res == nil {
		return 0 // a runner that gives no result (dot)
	}
	c := countersOf(res)
	fmt.Fprintf(stderr, "beam: %d records read, %d assessed, %d rejected; outputs %s.{results.jsonl,summary.txt,bad.txt}\n",
		c.read, c.assessed, c.rejected, opts.output)
	if c.rejected > 0 {
		return 2
	}
	return 0
}

// errUsage is a problem with the flags.
var errUsage = errors.New("usage")
