package fleetrec

// Every use of the slapolicy library (calendar, maintenance, sla) by this
// package is in this file, so that a change of the library's names is
// applied here and nowhere else.

import (
	"io"
	"time"

	"github.com/shopspring/decimal"

	"github.com/slapolicy/slapolicy/calendar"
	"github.com/slapolicy/slapolicy/internal/clip"
	"github.com/slapolicy/slapolicy/maintenance"
	"github.com/slapolicy/slapolicy/sla"
)

// Policy is the SLA policy a fleet is assessed under.
type Policy = sla.Policy

// DefaultPolicy is the built-in Dynamics CRM Online policy.
func DefaultPolicy() Policy { return sla.DynamicsCRMOnline() }

// ParsePolicy reads a policy in its JSON form, validated.
func ParsePolicy(r io.Reader) (Policy, error) { return sla.ParsePolicy(r) }

// The library's types a record is made of.
type (
	region = maintenance.Region
	month  = calendar.Month
	outage = sla.Outage
	notice = maintenance.Notice
	span   = calendar.Span
)

func lookupRegion(code string) (region, bool) { return maintenance.Lookup(code) }

// regionList returns the built-in region codes in the table's order.
func regionList() []string {
	var codes []string
	for _, r := range maintenance.Regions() {
		codes = append(codes, r.Code)
	}
	return codes
}

func parseMonthLib(s string, loc *time.Location) (month, error) { return calendar.ParseMonth(s, loc) }

func monthText(m month) string { return m.String() }

// causeList returns the names of the known outage causes, in order.
func causeList() []string {
	var known []string
	for _, k := range sla.Causes() {
		known = append(known, string(k))
	}
	return known
}

// knownCauses are the names of sla.Causes, read-only.
var knownCauses = causeList()

// knownCause returns the name of the known outage cause c, the string of
// knownCauses rather than c itself (so that a record refers to no input
// buffer), and false when c is not one.
func knownCause(c string) (string, bool) {
	for _, k := range knownCauses {
		if k == c {
			return k, true
		}
	}
	return "", false
}

func newSpan(start, end time.Time) (span, error) { return calendar.NewSpan(start, end) }

func makeOutage(s span, c string, users int) outage {
	return sla.Outage{Span: s, Cause: sla.Cause(c), Users: users}
}

// compiled is a policy validated once.
type compiled = sla.Compiled

func compile(p Policy) (*compiled, error) { return sla.Compile(p) }

// quote quotes a caller's value for a message as the library does: whole
// up to 60 bytes, else cut and followed by its length.
func quote(s string) string { return clip.Quote(s) }

// errorList returns the problems of err when err is itself a list of
// problems (calendar.ErrorList, what every validation of the library
// returns), not when it wraps one behind a message of its own.
func errorList(err error) (calendar.ErrorList, bool) {
	list, ok := err.(calendar.ErrorList)
	return list, ok && len(list) > 0
}

// newErrorList returns errs as one error, a list of problems.
func newErrorList(errs []error) error { return calendar.ErrorList(errs).Err() }

// Currency is the ISO 4217 currency of a run's fees and credits.
type Currency = sla.Currency

func parseCurrencyLib(code string) (Currency, error) { return sla.ParseCurrency(code) }

func regionCode(r region) string { return r.Code }

// regionZones returns the zone of every region of the built-in table, by
// code.
func regionZones() (map[string]*time.Location, error) {
	zones := make(map[string]*time.Location)
	for _, r := range maintenance.Regions() {
		loc, err := r.Location()
		if err != nil {
			return nil, err
		}
		zones[r.Code] = loc
	}
	return zones, nil
}

func makeNotice(s span, announced time.Time) (notice, error) {
	return maintenance.NewNotice(s, announced)
}

// checkFee returns the error sla.Assessment.Payout gives for fee, if any.
func checkFee(fee decimal.Decimal) error {
	_, err := (sla.Assessment{}).Payout(fee)
	return err
}

// Period returns the sla.Period of the record: its month, its region's
// published window, its notices and its outages.
func (r Record) Period() sla.Period {
	return sla.Period{Month: r.month, Window: r.region.Window, Notices: r.notices, Outages: r.outages,
		Subscribed: r.subscribed, Users: r.users}
}

// assessed is what Assess needs of an assessment.
type assessed struct {
	row     int             // summary row, see rowOf
	amount  decimal.Decimal // the credit, rounded to the policy's places
	percent decimal.Decimal // the credit in percent of the fee
	uptime  decimal.Decimal // the Monthly Uptime Percentage
}

// assessRecord assesses r under p and computes its payout: in cur when
// cur is not the zero Currency (the fee is the whole month's, prorated for a
// partial month), else with the policy's currency places (the caller has
// made sure that such a record is a whole month).
//
// c, when not nil, is p compiled (sla.Compile), which assesses without
// validating p again.
func assessRecord(p *Policy, c *compiled, r *Record, cur Currency) (assessed, error) {
	var a sla.Assessment
	var err error
	if c != nil {
		a, err = c.Assess(r.Period())
	} else {
		a, err = p.Assess(r.Period())
	}
	if err != nil {
		return assessed{}, err
	}
	var pay sla.Payout
	if cur.IsZero() {
		pay, err = a.Payout(r.fee)
	} else {
		pay, err = a.PayoutIn(r.fee, cur)
	}
	if err != nil {
		return assessed{}, err
	}
	return assessed{row: rowOf(p, a), amount: pay.Amount, percent: pay.Percent, uptime: a.Uptime}, nil
}

// rowOf returns the summary row of an assessment under p: the tier with the
// smallest Below that the uptime is strictly below, as p.CreditPercent
// chooses it, or RowMet or RowMissed when it is below none.
func rowOf(p *Policy, a sla.Assessment) int {
	row := RowMissed
	if a.Met {
		row = RowMet
	}
	for i, t := range p.Tiers {
		if a.Uptime.LessThan(t.Below) {
			row = RowTier0 + i
		}
	}
	return row
}

// tierRow is a summary row's label and credit, in the policy's terms.
type tierRow struct{ label, credit string }

// summaryRows returns the labels of p's summary rows (see RowMet), and
// whether no month can miss the level without a tier (the level is the
// first tier's Below).
func summaryRows(p *Policy) (rows []tierRow, noMissedRow bool) {
	rows = append(rows,
		tierRow{"level met (>= " + p.Level.String() + "%)", "0%"},
		tierRow{"level missed, no tier", "0%"})
	for _, t := range p.Tiers {
		rows = append(rows, tierRow{"below " + t.Below.String() + "%", t.Credit.String() + "%"})
	}
	noMissedRow = len(p.Tiers) > 0 && p.Level.Equal(p.Tiers[0].Below)
	return rows, noMissedRow
}

func currencyPlaces(p *Policy) int32 { return int32(p.CurrencyPlaces) }
