// Command fleet assesses many subscription-months at once, concurrently,
// and prints how many months earn each service-credit tier and the
// credits owed.
//
// # Usage
//
//	go run ./examples/fleet                          # 1,000 generated sample months
//	go run ./examples/fleet months.jsonl more.csv    # your data, file by file
//	some-export | go run ./examples/fleet -          # standard input
//	go run ./examples/fleet -generate 9 -emit        # show the sample data
//
// Flags:
//
//	-workers N    assess with N workers, 1 to 1024 (default
//	              runtime.GOMAXPROCS(0))
//	-format F     auto, jsonl or csv (default auto: by file extension,
//	              .csv or .jsonl/.ndjson/.json, else by the first character)
//	-policy FILE  the SLA policy in its JSON form (default: the built-in
//	              Dynamics CRM Online policy, sla.DynamicsCRMOnline)
//	-generate N   assess N generated months instead of files (default
//	              1,000 when no file is named)
//	-seed S       the generator's seed (default 1; same seed, same data)
//	-outages K    generate exactly K outages per month (default: a
//	              realistic mix, most months none, after nine hand-worked
//	              showcase months)
//	-emit         write the generated months to standard output, in
//	              -format (JSON-lines unless csv), instead of assessing them
//	-progress N   a progress line on standard error every N records
//	              (default 10,000; 0: none)
//	-results FILE write one result line per assessed month to FILE, in
//	              input order (see Results)
//
// Months are calendar months in UTC. All fees are taken to be in one
// currency.
//
// # Output
//
// Standard output gets the summary: months and credits per tier, the
// total, and the number of bad records. Each month's credit is rounded to
// the policy's currency places (half away from zero) before the sum, as an
// invoice line would be. The summary depends only on the input, never on
// the number of workers: records are assessed concurrently but summed,
// checked for duplicates and reported in input order.
//
// With -results, FILE gets one line per assessed month, in input order: a
// JSON object whose values are all strings, keys in this order:
//
//	{"record":"months.jsonl:3","subscription":"sub-000003","month":"2024-04","fee":"1000.00",
//	 "uptime":"99.89997685185185185185","credit_percent":"25","credit":"250.00"}
//
// (on one line): where the record starts, the fee as written, the Monthly
// Uptime Percentage as sla gives it (truncated to 20 places), the credit
// in percent and the credit rounded as in the summary. Bad records have no
// line. examples/beam writes the same lines.
//
// Standard error gets one line per problem, "file:line: what is wrong",
// and the progress lines. A bad record is left out of the summary and the
// run goes on.
//
// Exit status: 0 when every record was assessed; 2 when some records were
// bad (the summary covers the others); 1 when the run could not be done at
// all: bad flags, a file that cannot be opened or read, a bad policy file,
// a CSV file whose header is wrong. No summary is printed with status 1.
//
// # JSON-lines input
//
// One subscription-month per line; blank lines are skipped:
//
//	{"subscription":"sub-001","region":"NAM","month":"2024-03","fee":"1250.00",
//	 "outages":[{"start":"2024-03-05T14:00:00Z","end":"2024-03-05T15:30:00Z","cause":""}],
//	 "notices":[{"start":"2024-03-09T02:00:00Z","end":"2024-03-09T04:00:00Z","announced":"2024-03-01T09:00:00Z"}]}
//
// (on one line). subscription, region (a code of the region table: NAM,
// EUR, ...), month ("YYYY-MM") and fee (a decimal string) are required;
// outages and notices may be absent. Instants are RFC 3339 with an offset;
// spans are half-open [start, end). cause is empty or absent for the
// service's own fault, or one of the sla.Causes ("customer-systems", ...).
// Any other key is an error, so a misspelt key never drops data silently.
// Keys match as encoding/json matches them: letter case is ignored, and a
// key given twice keeps its last value.
//
// # CSV input
//
// A header row, then one row per outage or notice:
//
//	subscription,region,month,fee,kind,start,end,cause,announced
//	sub-001,NAM,2024-03,1250.00,outage,2024-03-05T14:00:00Z,2024-03-05T15:30:00Z,,
//	sub-001,NAM,2024-03,1250.00,notice,2024-03-09T02:00:00Z,2024-03-09T04:00:00Z,,2024-03-01T09:00:00Z
//	sub-002,EUR,2024-03,980.00,,,,,
//
// Columns may come in any order; subscription, region, month, fee, start
// and end are required, kind, cause and announced optional. kind is
// "outage", "notice", or empty: an outage when start or end is set, else
// a row that only names a month without outages (sub-002 above). The rows
// of one subscription-month must be consecutive and repeat the same region
// and fee; they make one record, bad as a whole if any row is. Lines
// starting with # are comments. A row that cannot be read at all (bad
// quoting, wrong number of fields) makes bad the subscription-month it
// sits in, or, between two, both: a month is never assessed with a row
// missing.
//
// In both forms a subscription-month may appear once; a later record for
// the same subscription and month is reported and left out.
package main

import (
	"bufio"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"runtime"
	"time"

	"github.com/slapolicy/slapolicy/examples/internal/fleetrec"
)

func main() {
	os.Exit(run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
}

const (
	// defaultGenerate is how many months run generates when no file is
	// named.
	defaultGenerate = 1000
	// maxWorkers is the most workers -workers accepts.
	maxWorkers = 1024
)

// run is the whole program, for tests: it parses args, reads the inputs,
// writes the summary to stdout and problems to stderr, and returns the
// exit status.
func run(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("fleet", flag.ContinueOnError)
	fs.SetOutput(stderr)
	workers := fs.Int("workers", runtime.GOMAXPROCS(0), "assess with `N` workers")
	format := fs.String("format", "auto", "input and -emit `format`: auto, jsonl or csv")
	policyFile := fs.String("policy", "", "SLA policy `file` in JSON (default: the built-in Dynamics CRM Online policy)")
	gen := fs.Int("generate", 0, "assess `N` generated months (default 1000 when no file is named)")
	seed := fs.Uint64("seed", 1, "generator `seed`")
	outages := fs.Int("outages", -1, "generate exactly `K` outages per month (default: a realistic mix)")
	emit := fs.Bool("emit", false, "write the generated months to standard output instead of assessing them")
	progress := fs.Int("progress", 10000, "a progress line on standard error every `N` records (0: none)")
	resultsFile := fs.String("results", "", "write one result line per assessed month to `file`")
	fs.Usage = func() {
		fmt.Fprintf(stderr, "usage: fleet [flags] [file.jsonl|file.csv|- ...]\n\nflags:\n")
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return 0
		}
		return 1
	}
	fail := func(format string, a ...any) int {
		fmt.Fprintf(stderr, "fleet: "+format+"\n", a...)
		return 1
	}
	files := fs.Args()
	switch {
	case *workers < 1 || *workers > maxWorkers:
		return fail("-workers %d: need 1 to %d", *workers, maxWorkers)
	case *gen < 0:
		return fail("-generate %d: need 0 or more", *gen)
	case *progress < 0:
		return fail("-progress %d: need 0 or more", *progress)
	case *format != "auto" && *format != "jsonl" && *format != "csv":
		return fail("-format %q: want auto, jsonl or csv", *format)
	case len(files) > 0 && (*gen > 0 || *emit):
		return fail("name files or use -generate/-emit, not both")
	case *emit && *resultsFile != "":
		return fail("-results with -emit: -emit assesses nothing")
	}
	gcfg := fleetrec.GenConfig{N: *gen, Seed: *seed, Outages: *outages}
	if len(files) == 0 && gcfg.N == 0 {
		gcfg.N = defaultGenerate
	}
	if *emit {
		write := fleetrec.WriteJSONL
		if *format == "csv" {
			write = fleetrec.WriteCSV
		}
		bw := bufio.NewWriter(stdout)
		if err := write(bw, gcfg); err != nil {
			return fail("%v", err)
		}
		if err := bw.Flush(); err != nil {
			return fail("%v", err)
		}
		return 0
	}

	cfg := config{Config: fleetrec.Config{Policy: defaultPolicy(), Loc: time.UTC}, workers: *workers, progress: *progress}
	if *policyFile != "" {
		p, err := readPolicy(*policyFile)
		if err != nil {
			return fail("%v", err)
		}
		cfg.Policy = p
	}

	var src fleetrec.Sources
	if len(files) == 0 {
		pr, pw := io.Pipe()
		go func() { pw.CloseWithError(fleetrec.WriteJSONL(pw, gcfg)) }()
		defer pr.Close() // stops the generator if the run stops early
		src = append(src, fleetrec.NewJSONLSource(fmt.Sprintf("generated(seed %d)", gcfg.Seed), pr))
	}
	usedStdin := false
	for _, name := range files {
		var r io.Reader
		if name == "-" {
			if usedStdin {
				return fail("standard input (-) named twice")
			}
			usedStdin = true
			r = stdin
			name = "stdin"
		} else {
			f, err := os.Open(name)
			if err != nil {
				return fail("%v", err)
			}
			defer f.Close()
			r = f
		}
		src = append(src, fleetrec.NewSource(name, r, *format))
	}

	closeResults := func() error { return nil }
	if *resultsFile != "" {
		f, err := os.Create(*resultsFile)
		if err != nil {
			return fail("%v", err)
		}
		results := bufio.NewWriterSize(f, 64<<10)
		cfg.results = results
		defer func() {
			if f != nil {
				f.Close()
			}
		}()
		closeResults = func() error {
			err := results.Flush()
			if cerr := f.Close(); err == nil {
				err = cerr
			}
			f = nil
			if err != nil {
				return fmt.Errorf("writing the results: %w", err)
			}
			return nil
		}
	}

	sum, readErr, writeErr := process(&src, cfg, stderr)
	if readErr != nil {
		return fail("%v (no summary: the input was not read to its end)", readErr)
	}
	if err := closeResults(); writeErr == nil {
		writeErr = err
	}
	if writeErr != nil {
		return fail("%v (no summary)", writeErr)
	}
	if err := sum.Write(stdout); err != nil {
		return fail("writing the summary: %v", err)
	}
	if sum.Bad() > 0 {
		fmt.Fprintf(stderr, "fleet: %d bad records, reported above, are left out of the summary\n", sum.Bad())
		return 2
	}
	return 0
}
