package main

import (
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/slapolicy/slapolicy/calendar"
	"github.com/slapolicy/slapolicy/maintenance"
	"github.com/slapolicy/slapolicy/sla"
)

// row is one data row of a CSV file, with where each field starts.
type row struct {
	fields []string // trimmed of surrounding white space
	where  []string // "FILE:LINE:COLUMN" of each field
}

// at formats a problem with field i of r.
func (r row) at(i int, format string, a ...any) string {
	return r.where[i] + ": " + fmt.Sprintf(format, a...)
}

// readRows reads the CSV file name from r and calls each for every data
// row, in order, collecting the problems it returns. columns names the
// columns, the first `required` of which must be present; a first row whose
// first field is columns[0] is a header and is skipped. Rows of the wrong
// length and CSV syntax errors are reported, and reading goes on to report
// the rest.
func readRows(name string, r io.Reader, columns []string, required int, each func(row) []string) []string {
	cr := csv.NewReader(r)
	cr.FieldsPerRecord = -1 // counted here, to say what is expected
	cr.Comment = '#'
	cr.TrimLeadingSpace = true

	want := strings.Join(columns, ",")
	count := fmt.Sprint(len(columns)) // "3", or "2 or 3" when the last may be left out
	if required < len(columns) {
		count = fmt.Sprintf("%d to %d", required, len(columns))
		if required+1 == len(columns) {
			count = fmt.Sprintf("%d or %d", required, len(columns))
		}
	}
	var problems []string
	for first := true; ; first = false {
		rec, err := cr.Read()
		if err == io.EOF {
			break
		}
		var pe *csv.ParseError
		if errors.As(err, &pe) {
			problems = append(problems, fmt.Sprintf("%s:%d:%d: %v", name, pe.Line, pe.Column, pe.Err))
			continue
		}
		if err != nil {
			problems = append(problems, fmt.Sprintf("%s: %v", name, err))
			break
		}
		rw := row{}
		for i, f := range rec {
			line, col := cr.FieldPos(i)
			rw.fields = append(rw.fields, strings.TrimSpace(f))
			rw.where = append(rw.where, fmt.Sprintf("%s:%d:%d", name, line, col))
		}
		if first && strings.EqualFold(rw.fields[0], columns[0]) {
			continue // the header
		}
		if len(rec) < required || len(rec) > len(columns) {
			problems = append(problems, rw.at(0, "want %s fields (%s), got %d", count, want, len(rec)))
			continue
		}
		problems = append(problems, each(rw)...)
	}
	return problems
}

// readOutages reads outages as CSV rows start,end,cause. The cause may be
// left out or empty: the service's own fault, which counts.
func readOutages(name string, r io.Reader) ([]sla.Outage, []string) {
	var outages []sla.Outage
	problems := readRows(name, r, []string{"start", "end", "cause"}, 2, func(rw row) []string {
		span, errs := readSpan(rw)
		var cause sla.Cause
		if len(rw.fields) > 2 {
			cause = sla.Cause(rw.fields[2])
			if cause != "" && !cause.Known() {
				errs = append(errs, rw.at(2, "cause: unknown cause %q (want one of %s, or empty for the service's own fault)", cause, causeNames()))
			}
		}
		if len(errs) == 0 {
			outages = append(outages, sla.Outage{Span: span, Cause: cause})
		}
		return errs
	})
	return outages, problems
}

// readNotices reads maintenance notices as CSV rows start,end,announced:
// the maintenance announced at `announced` to run [start, end).
func readNotices(name string, r io.Reader) ([]maintenance.Notice, []string) {
	var notices []maintenance.Notice
	problems := readRows(name, r, []string{"start", "end", "announced"}, 3, func(rw row) []string {
		span, errs := readSpan(rw)
		announced, err := readTime(rw, 2, "announced")
		if err != "" {
			errs = append(errs, err)
		} else if len(errs) == 0 && announced.After(span.Start) {
			errs = append(errs, rw.at(2, "announced: %s is after the maintenance started at %s",
				rw.fields[2], rw.fields[0]))
		}
		if len(errs) == 0 {
			notices = append(notices, maintenance.Notice{Span: span, Announced: announced})
		}
		return errs
	})
	return notices, problems
}

// readSpan reads fields 0 and 1 of rw as the start and end of a half-open
// span.
func readSpan(rw row) (calendar.Span, []string) {
	var errs []string
	start, err := readTime(rw, 0, "start")
	if err != "" {
		errs = append(errs, err)
	}
	end, err := readTime(rw, 1, "end")
	if err != "" {
		errs = append(errs, err)
	}
	if len(errs) > 0 {
		return calendar.Span{}, errs
	}
	span, spanErr := calendar.NewSpan(start, end)
	if spanErr != nil {
		return calendar.Span{}, []string{rw.at(1, "end: %s is before start %s", rw.fields[1], rw.fields[0])}
	}
	return span, nil
}

// readTime reads field i of rw, named name, as an RFC 3339 time.
func readTime(rw row, i int, name string) (time.Time, string) {
	t, err := time.Parse(time.RFC3339, rw.fields[i])
	if err != nil {
		return time.Time{}, rw.at(i, "%s: %v (want RFC 3339, e.g. 2024-03-05T03:00:00Z)", name, err)
	}
	return t, ""
}

// causeNames lists the known outage causes, for error messages.
func causeNames() string {
	var names []string
	for _, c := range sla.Causes() {
		names = append(names, string(c))
	}
	return strings.Join(names, ", ")
}
