package main

import (
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/shopspring/decimal"

	"github.com/slapolicy/slapolicy/sla"
)

// The summary's rows: months that met the level, months that missed it but
// are below no tier (only when the policy's level is above its first tier),
// then one row per tier in the policy's order.
const (
	rowMet = iota
	rowMissed
	rowTier0
)

// rowOf returns the summary row of an assessment under p: the tier with the
// smallest Below that the uptime is strictly below, as p.CreditPercent
// chooses it, or rowMet or rowMissed when it is below none.
func rowOf(p sla.Policy, a sla.Assessment) int {
	row := rowMissed
	if a.Met {
		row = rowMet
	}
	for i, t := range p.Tiers {
		if a.Uptime.LessThan(t.Below) {
			row = rowTier0 + i
		}
	}
	return row
}

// summaryRow counts the months of one row and their credits, each month's
// rounded to currency units before the sum.
type summaryRow struct {
	label   string
	credit  string // the tier's credit, in percent
	months  int
	credits decimal.Decimal
}

// summary is the fleet's result: months by row, credits, bad records.
type summary struct {
	policy   sla.Policy
	rows     []summaryRow
	assessed int
	bad      int
	total    decimal.Decimal
}

func newSummary(p sla.Policy) *summary {
	s := &summary{policy: p}
	s.rows = append(s.rows,
		summaryRow{label: "level met (>= " + p.Level.String() + "%)", credit: "0%"},
		summaryRow{label: "level missed, no tier", credit: "0%"})
	for _, t := range p.Tiers {
		s.rows = append(s.rows, summaryRow{label: "below " + t.Below.String() + "%", credit: t.Credit.String() + "%"})
	}
	return s
}

// add counts one outcome.
func (s *summary) add(o outcome) {
	if len(o.errs) > 0 {
		s.bad++
		return
	}
	s.assessed++
	r := &s.rows[o.row]
	r.months++
	r.credits = r.credits.Add(o.amount)
	s.total = s.total.Add(o.amount)
}

// write prints the summary as a table, labels left-aligned and figures
// right-aligned. The figures depend only on the input, never on the number
// of workers.
func (s *summary) write(w io.Writer) error {
	places := int32(s.policy.CurrencyPlaces)
	type line struct{ label, credit, months, credits string }
	lines := []line{{"uptime", "credit", "months", "credits"}}
	for i, r := range s.rows {
		if i == rowMissed && r.months == 0 && len(s.policy.Tiers) > 0 && s.policy.Level.Equal(s.policy.Tiers[0].Below) {
			continue // no month can miss the level without a tier
		}
		lines = append(lines, line{r.label, r.credit, strconv.Itoa(r.months), r.credits.StringFixed(places)})
	}
	lines = append(lines, line{"total", "", strconv.Itoa(s.assessed), s.total.StringFixed(places)})
	var wl, wc, wm, wa int
	for _, l := range lines {
		wl, wc = max(wl, len(l.label)), max(wc, len(l.credit))
		wm, wa = max(wm, len(l.months)), max(wa, len(l.credits))
	}
	var b strings.Builder
	fmt.Fprintf(&b, "subscription-months by credit tier (each month's credit rounded to %d places, then summed)\n", places)
	for _, l := range lines {
		fmt.Fprintf(&b, "%-*s  %*s  %*s  %*s\n", wl, l.label, wc, l.credit, wm, l.months, wa, l.credits)
	}
	fmt.Fprintf(&b, "bad records: %d\n", s.bad)
	_, err := io.WriteString(w, b.String())
	return err
}
