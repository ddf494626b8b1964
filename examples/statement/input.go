package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"strings"
	"time"

	"github.com/shopspring/decimal"

	"github.com/slapolicy/slapolicy/calendar"
	"github.com/slapolicy/slapolicy/maintenance"
	"github.com/slapolicy/slapolicy/sla"
)

// input is everything the statement is made from, checked.
type input struct {
	sample     bool               // the built-in sample data, not files
	region     maintenance.Region // with -closures' days for it added
	closures   maintenance.Closures
	closuresOf string // the -closures file, "" when none
	loc        *time.Location
	month      calendar.Month
	fee        decimal.Decimal
	currency   sla.Currency
	policy     sla.Policy
	policyName string // where the policy came from, for the statement
	outages    []sla.Outage
	notices    []maintenance.Notice
	submitted  time.Time // zero: not given, no processing deadline
	svgPath    string
}

// readInput parses the flags and reads the files they name. It returns
// every problem it finds, one line each, rather than stopping at the first.
// help is true when -h or -help was asked for (the usage is printed on
// stderr by the flag package).
func readInput(args []string, stderr io.Writer) (in input, problems []string, help bool) {
	fs := flag.NewFlagSet("statement", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() {
		fmt.Fprintln(stderr, "usage: statement [flags]")
		fmt.Fprintln(stderr, "Prints a service-credit statement for one month; with no flags, for the built-in sample.")
		fmt.Fprintln(stderr, "Data: -region, -month, -fee and -outages FILE.csv (start,end,cause). See: go doc ./examples/statement")
		fmt.Fprintln(stderr, `Closures: -closures FILE.json, {"closures":[{"region":"NAM","date":"2024-12-24","name":"company shutdown"}]}`)
		fs.PrintDefaults()
	}
	region := fs.String("region", "", "region `code` (NAM, DEU, ...) in the region table; sample: "+sampleRegion)
	regions := fs.String("regions", "", "region table JSON `file` (maintenance.ParseTable; default: the built-in table)")
	closures := fs.String("closures", "", "closures JSON `file`: days off per region beyond its holidays (maintenance.ParseClosures)")
	month := fs.String("month", "", "calendar month `YYYY-MM` in -loc; sample: "+sampleMonth)
	fee := fs.String("fee", "", "the month's subscription fee, a decimal `amount`; sample: "+sampleFee)
	currency := fs.String("currency", "USD", "ISO 4217 currency `code` of the fee; the credit is rounded to its minor unit")
	outages := fs.String("outages", "", "CSV `file` of outages: start,end,cause")
	notices := fs.String("notices", "", "CSV `file` of maintenance notices: start,end,announced")
	policy := fs.String("policy", "", "SLA policy JSON `file` (default: Dynamics CRM Online)")
	submitted := fs.String("submitted", "", "claim submission `time`, RFC 3339; sample: the 2nd of the next month, 09:00")
	loc := fs.String("loc", "UTC", "IANA `location` of the month, days and printed times")
	fs.StringVar(&in.svgPath, "svg", "", "also draw the month as SVG into `file`")
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return input{}, nil, true
		}
		return input{}, []string{err.Error()}, false // the flag package has printed the usage
	}
	bad := func(format string, a ...any) { problems = append(problems, fmt.Sprintf(format, a...)) }
	if rest := fs.Args(); len(rest) > 0 {
		bad("unexpected argument %q: all input is given by flags, which come first (see -h)", rest[0])
	}

	// With no data files the program runs on the sample; the sample's
	// region, month, fee and submission time fill in whatever flags are not
	// given. With data, those flags are required: a forgotten -fee must not
	// silently bill the sample's.
	in.sample = *outages == "" && *notices == ""
	if in.sample {
		def := func(s *string, v string) {
			if *s == "" {
				*s = v
			}
		}
		def(region, sampleRegion)
		def(month, sampleMonth)
		def(fee, sampleFee)
	} else {
		for _, f := range []struct{ name, value string }{
			{"-region", *region}, {"-month", *month}, {"-fee", *fee}, {"-outages", *outages},
		} {
			if f.value == "" {
				bad("%s: required when data files are given", f.name)
			}
		}
	}

	var err error
	if in.loc, err = time.LoadLocation(*loc); err != nil {
		bad("-loc: unknown location %q: %v", *loc, err)
		in.loc = time.UTC // go on, to report the other flags too
	}
	if *month != "" {
		if in.month, err = calendar.ParseMonth(*month, in.loc); err != nil {
			bad("-month: %v", err)
		}
	}
	// The region as its table had it when the month began. The built-in
	// table is looked up by code alone: it holds one edition, which the
	// library applies to earlier months too.
	table, tableOK := maintenance.Dynamics(), true
	if *regions != "" {
		var errs []string
		table, errs = readTableFile(*regions)
		problems = append(problems, errs...)
		tableOK = len(errs) == 0
	}
	switch {
	case *region == "":
	case *regions == "":
		var ok bool
		if in.region, ok = maintenance.Lookup(*region); !ok {
			bad("-region: unknown region %q (known: %s)", *region, regionCodes(maintenance.Regions()))
		}
	default:
		at := in.month.Start()
		var ok bool
		if in.region, ok = table.Lookup(*region, at); !ok && tableOK {
			bad("-region: region %q is not in %s at %s (known then: %s)", *region, *regions,
				at.Format(time.RFC3339), regionCodes(table.Regions(at)))
		}
	}

	// The caller's closures, checked against the table the region comes
	// from, and added to the region's holidays.
	if *closures != "" && tableOK {
		var errs []string
		in.closures, errs = readClosuresFile(*closures, table)
		problems = append(problems, errs...)
		in.closuresOf = *closures
		in.region = in.closures.Apply(in.region)
	}
	if *fee != "" {
		if in.fee, err = decimal.NewFromString(*fee); err != nil {
			bad("-fee: %q is not a decimal amount such as 1250.00", *fee)
		} else if in.fee.IsNegative() {
			bad("-fee: %q is negative", *fee)
		}
	}
	if in.currency, err = sla.ParseCurrency(*currency); err != nil {
		bad("-currency: %v", err)
	}
	if *submitted != "" {
		if in.submitted, err = time.Parse(time.RFC3339, *submitted); err != nil {
			bad("-submitted: %v (want RFC 3339, e.g. 2024-04-02T09:00:00Z)", err)
		}
	} else if in.sample && !in.month.IsZero() {
		in.submitted = sampleSubmission(in.month)
	}

	in.policy, in.policyName = sla.DynamicsCRMOnline(), "Dynamics CRM Online (built in)"
	if *policy != "" {
		p, errs := readPolicyFile(*policy)
		problems = append(problems, errs...)
		in.policy, in.policyName = p, *policy
	}

	if in.sample {
		in.outages, in.notices = sampleOutages(), sampleNotices()
	} else {
		if *outages != "" {
			var errs []string
			in.outages, errs = readFile(*outages, readOutages)
			problems = append(problems, errs...)
		}
		if *notices != "" {
			var errs []string
			in.notices, errs = readFile(*notices, readNotices)
			problems = append(problems, errs...)
		}
	}
	return in, problems, false
}

// readFile opens name and reads it with read, which reports problems
// located in name.
func readFile[T any](name string, read func(name string, r io.Reader) ([]T, []string)) ([]T, []string) {
	f, err := os.Open(name)
	if err != nil {
		return nil, []string{err.Error()} // "open NAME: no such file or directory"
	}
	defer f.Close()
	return read(name, f)
}

// regionCodes lists the codes of regions, for error messages.
func regionCodes(regions []maintenance.Region) string {
	var codes []string
	for _, r := range regions {
		codes = append(codes, r.Code)
	}
	return strings.Join(codes, ", ")
}

// readTableFile reads a region table in its JSON form
// (maintenance.ParseTable), reporting each problem as "FILE: ...".
func readTableFile(name string) (maintenance.Table, []string) {
	f, err := os.Open(name)
	if err != nil {
		return maintenance.Table{}, []string{err.Error()}
	}
	defer f.Close()
	t, err := maintenance.ParseTable(f)
	if err != nil {
		var lines []string
		for _, l := range errorLines(err) {
			lines = append(lines, "-regions: "+name+": "+l)
		}
		return maintenance.Table{}, lines
	}
	return t, nil
}

// readClosuresFile reads the caller's closures in their JSON form
// (maintenance.ParseClosures), checked against table, reporting each
// problem as "-closures: FILE: ...".
func readClosuresFile(name string, table maintenance.Table) (maintenance.Closures, []string) {
	f, err := os.Open(name)
	if err != nil {
		return maintenance.Closures{}, []string{"-closures: " + err.Error()}
	}
	defer f.Close()
	c, err := maintenance.ParseClosures(f, table)
	if err != nil {
		var lines []string
		for _, l := range errorLines(err) {
			lines = append(lines, "-closures: "+name+": "+l)
		}
		return maintenance.Closures{}, lines
	}
	return c, nil
}

// errorLines splits an error (a calendar.ErrorList, possibly nested) into
// one line per problem.
func errorLines(err error) []string {
	var lines []string
	for _, e := range leafErrors(err) {
		lines = append(lines, strings.Split(e.Error(), "\n")...)
	}
	return lines
}
