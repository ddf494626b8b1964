// Command statement prints a customer's service-credit statement for one
// subscription month: the month's minutes by reason (up, counted downtime,
// maintenance window, announced maintenance, intermittent, each excluded
// cause), the counted downtime periods, the Monthly Uptime Percentage, the
// credit tier, the credit on the fee, and the claim deadlines.
//
// With no arguments it runs on built-in sample data: a NAM subscription in
// March 2024 (UTC), a fee of 1250.00 USD, one outage of every kind (see
// sample.go) and a claim submitted on 2 April; the statement then ends with
// the communications audit of the sample's record (audit.go: were the
// maintenance notices, dashboard posts and post-incident report on time?):
//
//	go run ./examples/statement
//	go run ./examples/statement -svg march.svg   # and draw the month
//
// With real data, give the region, the month, the fee and a CSV file of
// outages; notices, a policy file, a claim submission time and a location
// are optional:
//
//	go run ./examples/statement -region NAM -month 2024-03 -fee 1250.00 \
//	    -outages outages.csv -notices notices.csv -policy policy.json \
//	    -submitted 2024-04-02T09:00:00Z -svg march.svg
//
// Flags:
//
//	-region CODE      region code from the region table (NAM, DEU, ...): its
//	                  maintenance window and its holiday calendar
//	-regions FILE     a region table in JSON (maintenance.ParseTable) to look
//	                  -region up in, at the month's start; default the
//	                  built-in table
//	-closures FILE    the customer's own days off in JSON
//	                  (maintenance.ParseClosures), per region, added to the
//	                  region's holidays: a state's or a city's holiday, bank
//	                  days, a company shutdown, a day proclaimed lately
//	-month YYYY-MM    the calendar month to assess, in -loc
//	-fee AMOUNT       the month's subscription fee, a decimal ("1250.00")
//	-currency CODE    ISO 4217 code of the fee (default USD): amounts are written
//	                  for it and the credit is rounded once to its minor unit
//	                  (JPY 0 places, KWD 3); an unknown code is an error
//	-outages FILE     CSV: start,end,cause (cause empty: the service's fault)
//	-notices FILE     CSV: start,end,announced (announced maintenance)
//	-policy FILE      the SLA as JSON (sla.ParsePolicy); default Dynamics CRM Online
//	-submitted TIME   when the claim is submitted (RFC 3339): processing deadline;
//	                  without it, real data gets no processing deadline
//	-loc NAME         IANA location for the month, days and printed times (default UTC)
//	-svg FILE         also draw the month as an SVG picture into FILE
//
// A closures file lists dates per region (codes of the -regions table, or
// of the built-in one), each with the reason; the statement lists the
// region's closures under its business days:
//
//	{"closures": [
//	  {"region": "NAM", "date": "2024-12-24", "name": "company shutdown"},
//	  {"region": "SAM", "date": "2025-03-03", "name": "Carnival Monday, banks closed",
//	   "source": "Resolução CMN 4.880/2020"}
//	]}
//
// CSV files have an optional header row naming the columns, lines starting
// with # are comments, and times are RFC 3339 with their offset
// ("2024-03-05T03:00:00Z", "2024-03-04T22:00:00-05:00"). Spans are
// half-open: an outage [start, end) was down from start up to, not
// including, end.
//
// The uptime is printed to 4 places truncated toward zero (99.89999… reads
// 99.8999, never 99.9000) beside its exact value; the credit is rounded to
// the -currency's minor unit, once, half away from zero. Claim deadlines
// follow the Dynamics CRM Online claim rules (claims.DynamicsCRMOnline) over
// the region's business days (maintenance.Region.BusinessDays, with the
// -closures), in -loc, whatever -policy says. What each region's holiday
// calendar holds is listed in the maintenance package's documentation
// ("Holiday calendars"). Real data has no communications record, so its
// statement has no audit.
//
// Bad input is reported one problem per line, every problem at once,
// located as FILE:LINE:COLUMN (the column counted in bytes from 1, where
// the field starts, as editors count), and the exit status is 2. Nothing is
// printed on standard output unless the whole statement could be made.
package main

import (
	"bytes"
	"fmt"
	"io"
	"os"
	_ "time/tzdata" // -loc works even where the system has no zone files
)

func main() {
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

// Exit statuses of run.
const (
	exitOK    = 0
	exitError = 1 // the statement was made but could not be written
	exitUsage = 2 // bad flags or bad input; nothing was printed on stdout
)

// run is the whole program: it reads args (without the program name),
// prints the statement on stdout or the problems on stderr, and returns the
// exit status.
func run(args []string, stdout, stderr io.Writer) int {
	in, problems, help := readInput(args, stderr)
	if help {
		return exitOK
	}
	if len(problems) > 0 {
		for _, p := range problems {
			fmt.Fprintln(stderr, p)
		}
		return exitUsage
	}

	st, err := assess(in)
	if err != nil {
		for _, line := range errorLines(err) {
			fmt.Fprintln(stderr, line)
		}
		return exitUsage
	}

	var out bytes.Buffer
	writeStatement(&out, st)

	if in.svgPath != "" {
		var pic bytes.Buffer
		writeSVG(&pic, st)
		if err := os.WriteFile(in.svgPath, pic.Bytes(), 0o644); err != nil {
			fmt.Fprintln(stderr, err)
			return exitError
		}
	}

	if _, err := stdout.Write(out.Bytes()); err != nil {
		fmt.Fprintln(stderr, err)
		return exitError
	}
	return exitOK
}
