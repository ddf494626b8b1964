// Command fleet assesses many subscription-months at once, concurrently,
// and prints how many months earn each service-credit tier and the
// credits owed.
//
//	go run ./examples/fleet                          # 1,000 generated sample months
//	go run ./examples/fleet months.jsonl more.csv    # your data, file by file
//	some-export | go run ./examples/fleet -          # standard input
//	go run ./examples/fleet -generate 9 -emit        # show the sample data
//	go run ./examples/fleet -h                       # the flags, the input formats, the output
//
// `fleet -h` prints the whole reference (it is the usage constant in
// usage.go): every flag, the JSON-lines and CSV input formats with their
// optional fields (a partial month, user counts, a currency), the result
// lines, the summary and the exit status.
//
// Records are read, decoded and assessed concurrently, but summed, checked
// for duplicates and reported in input order, so the output never depends
// on the number of workers. examples/beam runs the same records, with the
// same code (examples/internal/fleetrec), on Apache Beam.
package main

import (
	"bufio"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"runtime"

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
	currency := fs.String("currency", "", "the fees' and credits' ISO 4217 `code` (default: none, the policy's currency places)")
	monthZone := fs.String("month-zone", "UTC", "where months begin and end: UTC, region, or an IANA `zone` name")
	extras := fs.Bool("extras", false, "generate the optional fields too (users, partial months, -currency)")
	fs.Usage = func() {
		fmt.Fprint(stderr, usage)
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
	gcfg := fleetrec.GenConfig{N: *gen, Seed: *seed, Outages: *outages, Extras: *extras, Currency: *currency}
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

	policy := defaultPolicy()
	if *policyFile != "" {
		p, err := readPolicy(*policyFile)
		if err != nil {
			return fail("%v", err)
		}
		policy = p
	}
	fcfg, err := fleetrec.NewConfig(policy, fleetrec.Settings{Currency: *currency, MonthZone: *monthZone})
	if err != nil {
		return fail("%v", err)
	}
	cfg := config{Config: fcfg, workers: *workers, progress: *progress}

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
