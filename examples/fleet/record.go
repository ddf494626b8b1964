package main

import (
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/shopspring/decimal"

	"github.com/slapolicy/slapolicy/calendar"
	"github.com/slapolicy/slapolicy/maintenance"
	"github.com/slapolicy/slapolicy/sla"
)

// pos is where a record, or one row of it, starts: the input's name and the
// 1-based line number.
type pos struct {
	file string
	line int
}

// String returns "file:line".
func (p pos) String() string { return p.file + ":" + strconv.Itoa(p.line) }

// lineError is one problem found at a position of the input. Its message
// is a single line: "file:line: what is wrong".
type lineError struct {
	at  pos
	err error
}

func (e *lineError) Error() string {
	return e.at.String() + ": " + strings.ReplaceAll(e.err.Error(), "\n", "; ")
}

func (e *lineError) Unwrap() error { return e.err }

// at attaches position p to err, splitting a joined error (errors.Join)
// into one lineError per problem so that each is reported on its own line.
func at(p pos, err error) []error {
	if err == nil {
		return nil
	}
	if errs, ok := joined(err); ok {
		var out []error
		for _, e := range errs {
			out = append(out, at(p, e)...)
		}
		return out
	}
	return []error{&lineError{at: p, err: err}}
}

// joined returns the errors err joins when it was made by errors.Join: it
// unwraps to several errors and its message is theirs, one per line. An
// error that wraps several errors in one message (fmt.Errorf with two %w)
// is not split.
func joined(err error) ([]error, bool) {
	j, ok := err.(interface{ Unwrap() []error })
	if !ok {
		return nil, false
	}
	errs := j.Unwrap()
	msgs := make([]string, len(errs))
	for i, e := range errs {
		msgs[i] = e.Error()
	}
	return errs, len(errs) > 0 && err.Error() == strings.Join(msgs, "\n")
}

// record is one subscription-month, decoded and checked field by field:
// everything sla.Policy.Assess needs, plus the fee and the subscription.
type record struct {
	subscription string
	region       maintenance.Region
	month        calendar.Month
	fee          decimal.Decimal
	outages      []sla.Outage
	notices      []maintenance.Notice
}

// period returns the sla.Period of the record: its month, its region's
// published window, its notices and its outages.
func (r record) period() sla.Period {
	return sla.Period{Month: r.month, Window: r.region.Window, Notices: r.notices, Outages: r.outages}
}

// key identifies a subscription-month for the duplicate check: the
// subscription and the month as "YYYY-MM".
func key(subscription string, m calendar.Month) string {
	return subscription + " " + m.String()
}

// The field parsers below return errors that start with the field's name
// ("end", "span", "announced") and quote the value; decodeJSON puts the
// item before it ("outages[2].end").

func parseSubscription(field, s string) (string, error) {
	if s == "" {
		return "", fmt.Errorf("%s is missing", field)
	}
	return s, nil
}

func parseRegion(field, s string) (maintenance.Region, error) {
	if s == "" {
		return maintenance.Region{}, fmt.Errorf("%s is missing", field)
	}
	r, ok := maintenance.Lookup(s)
	if !ok {
		return maintenance.Region{}, fmt.Errorf("%s %q is not in the region table (%s)", field, s, regionCodes())
	}
	return r, nil
}

// regionCodes returns the built-in region codes, comma separated.
func regionCodes() string {
	var codes []string
	for _, r := range maintenance.Regions() {
		codes = append(codes, r.Code)
	}
	return strings.Join(codes, ", ")
}

func parseMonth(field, s string, loc *time.Location) (calendar.Month, error) {
	if s == "" {
		return calendar.Month{}, fmt.Errorf("%s is missing", field)
	}
	m, err := calendar.ParseMonth(s, loc)
	if err != nil {
		return calendar.Month{}, fmt.Errorf("%s: %w", field, err)
	}
	return m, nil
}

// parseFee reads a fee such as "1250.00": a plain decimal, not negative,
// that sla.Assessment.Payout accepts (decimal exponent within ±64).
func parseFee(field, s string) (decimal.Decimal, error) {
	if s == "" {
		return decimal.Decimal{}, fmt.Errorf("%s is missing", field)
	}
	if len(s) > 100 {
		return decimal.Decimal{}, fmt.Errorf("%s %.20q... is longer than 100 characters", field, s)
	}
	fee, err := decimal.NewFromString(s)
	if err != nil {
		return decimal.Decimal{}, fmt.Errorf("%s %q is not a decimal number such as \"1250.00\"", field, s)
	}
	if _, err := (sla.Assessment{}).Payout(fee); err != nil {
		return decimal.Decimal{}, fmt.Errorf("%s %q: %w", field, s, err)
	}
	return fee, nil
}

// parseTime reads an RFC 3339 instant with its offset, such as
// "2024-03-05T14:00:00Z" or "2024-03-05T15:00:00.5+01:00".
func parseTime(field, s string) (time.Time, error) {
	if s == "" {
		return time.Time{}, fmt.Errorf("%s is missing", field)
	}
	t, err := time.Parse(time.RFC3339Nano, s)
	if err != nil {
		return time.Time{}, fmt.Errorf("%s %q is not an RFC 3339 time such as \"2024-03-05T14:00:00Z\"", field, s)
	}
	return t, nil
}

func parseCause(field, s string) (sla.Cause, error) {
	c := sla.Cause(s)
	if c != "" && !c.Known() {
		var known []string
		for _, k := range sla.Causes() {
			known = append(known, string(k))
		}
		return "", fmt.Errorf("%s %q is not a known cause (empty for the service's own fault, or one of %s)",
			field, s, strings.Join(known, ", "))
	}
	return c, nil
}

// parseSpan reads the start and end of an outage or notice, which must not
// end before it starts.
func parseSpan(start, end string) (calendar.Span, []error) {
	s, err1 := parseTime("start", start)
	e, err2 := parseTime("end", end)
	if err1 != nil || err2 != nil {
		return calendar.Span{}, nonNil(err1, err2)
	}
	span, err := calendar.NewSpan(s, e)
	if err != nil {
		return calendar.Span{}, []error{fmt.Errorf("span: %w", err)}
	}
	return span, nil
}

func parseOutage(start, end, cause string) (sla.Outage, []error) {
	span, errs := parseSpan(start, end)
	c, err := parseCause("cause", cause)
	errs = append(errs, nonNil(err)...)
	return sla.Outage{Span: span, Cause: c}, errs
}

func parseNotice(start, end, announced string) (maintenance.Notice, []error) {
	span, errs := parseSpan(start, end)
	a, err := parseTime("announced", announced)
	errs = append(errs, nonNil(err)...)
	if len(errs) > 0 {
		return maintenance.Notice{}, errs
	}
	n, err := maintenance.NewNotice(span, a)
	if err != nil {
		return maintenance.Notice{}, prefixed("announced", err)
	}
	return n, nil
}

// prefixed returns err, or each error it joins, prefixed by "field: ".
func prefixed(field string, err error) []error {
	if errs, ok := joined(err); ok {
		var out []error
		for _, e := range errs {
			out = append(out, prefixed(field, e)...)
		}
		return out
	}
	return []error{fmt.Errorf("%s: %w", field, err)}
}

// nonNil returns the errors that are not nil.
func nonNil(errs ...error) []error {
	var out []error
	for _, e := range errs {
		if e != nil {
			out = append(out, e)
		}
	}
	return out
}
