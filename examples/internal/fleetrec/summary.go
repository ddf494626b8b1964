package fleetrec

import (
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/shopspring/decimal"
)

// The summary's rows: months that met the level, months that missed it but
// are below no tier (only when the policy's level is above its first tier),
// then one row per tier in the policy's order.
const (
	RowMet = iota
	RowMissed
	RowTier0
)

// Summary is a fleet's result: months and credits by row, bad records.
type Summary struct {
	labels   []tierRow
	places   int32
	noMissed bool
	months   []int
	credits  []decimal.Decimal
	assessed int
	bad      int
	total    decimal.Decimal
}

// NewSummary returns the empty summary of a fleet assessed under p.
func NewSummary(p *Policy) *Summary {
	s := &Summary{}
	s.labels, s.places, s.noMissed = summaryRows(p)
	s.months = make([]int, len(s.labels))
	s.credits = make([]decimal.Decimal, len(s.labels))
	return s
}

// Rows returns the number of rows of the summary.
func (s *Summary) Rows() int { return len(s.labels) }

// Add counts one outcome: bad when it has problems, else in its row with
// its credit.
func (s *Summary) Add(o Outcome) error {
	if len(o.Errs) > 0 {
		s.bad++
		return nil
	}
	c, err := decimal.NewFromString(o.Credit)
	if err != nil {
		return fmt.Errorf("summary: credit of %s: %w", o.At, err)
	}
	return s.AddRow(o.Row, 1, c)
}

// AddRow counts months assessed months of row with their credits, each
// already rounded to currency units.
func (s *Summary) AddRow(row, months int, credits decimal.Decimal) error {
	if row < 0 || row >= len(s.labels) {
		return fmt.Errorf("summary: row %d is not one of the policy's %d rows", row, len(s.labels))
	}
	s.assessed += months
	s.months[row] += months
	s.credits[row] = s.credits[row].Add(credits)
	s.total = s.total.Add(credits)
	return nil
}

// AddBad counts n bad records.
func (s *Summary) AddBad(n int) { s.bad += n }

// Assessed returns the number of months assessed so far.
func (s *Summary) Assessed() int { return s.assessed }

// Bad returns the number of bad records so far.
func (s *Summary) Bad() int { return s.bad }

// Write prints the summary as a table, labels left-aligned and figures
// right-aligned. The figures depend only on the records counted, never on
// their order.
func (s *Summary) Write(w io.Writer) error {
	type line struct{ label, credit, months, credits string }
	lines := []line{{"uptime", "credit", "months", "credits"}}
	for i, r := range s.labels {
		if i == RowMissed && s.months[i] == 0 && s.noMissed {
			continue // no month can miss the level without a tier
		}
		lines = append(lines, line{r.label, r.credit, strconv.Itoa(s.months[i]), s.credits[i].StringFixed(s.places)})
	}
	lines = append(lines, line{"total", "", strconv.Itoa(s.assessed), s.total.StringFixed(s.places)})
	var wl, wc, wm, wa int
	for _, l := range lines {
		wl, wc = max(wl, len(l.label)), max(wc, len(l.credit))
		wm, wa = max(wm, len(l.months)), max(wa, len(l.credits))
	}
	var b strings.Builder
	fmt.Fprintf(&b, "subscription-months by credit tier (each month's credit rounded to %d places, then summed)\n", s.places)
	for _, l := range lines {
		fmt.Fprintf(&b, "%-*s  %*s  %*s  %*s\n", wl, l.label, wc, l.credit, wm, l.months, wa, l.credits)
	}
	fmt.Fprintf(&b, "bad records: %d\n", s.bad)
	_, err := io.WriteString(w, b.String())
	return err
}
