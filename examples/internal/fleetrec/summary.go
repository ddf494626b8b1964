package fleetrec

import (
	"fmt"
	"io"
	"math"
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
	currency string // the run's currency code, "" for none
	noMissed bool
	months   []int
	credits  []decimal.Decimal
	// units holds, beside credits, sums of credits in currency units
	// (cents for 2 places) while they fit in an int64: adding integers is
	// much cheaper than adding decimals, and as exact.
	units    []int64
	assessed int
	bad      int
}

// NewSummary returns the empty summary of a fleet assessed under cfg: its
// policy's rows, credits in its currency.
func NewSummary(cfg *Config) *Summary {
	s := &Summary{places: cfg.Places()}
	if !cfg.Currency.IsZero() {
		s.currency = cfg.Currency.Code()
	}
	s.labels, s.noMissed = summaryRows(&cfg.Policy)
	s.months = make([]int, len(s.labels))
	s.credits = make([]decimal.Decimal, len(s.labels))
	s.units = make([]int64, len(s.labels))
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
	if o.Row < 0 || o.Row >= len(s.labels) {
		return fmt.Errorf("summary: row %d is not one of the policy's %d rows", o.Row, len(s.labels))
	}
	if u, ok := units(o.Credit, s.places); ok && s.units[o.Row] <= math.MaxInt64-u {
		s.assessed++
		s.months[o.Row]++
		s.units[o.Row] += u
		return nil
	}
	c, err := decimal.NewFromString(o.Credit)
	if err != nil {
		return fmt.Errorf("summary: credit of %s: %w", o.At, err)
	}
	return s.AddRow(o.Row, 1, c)
}

// units returns the decimal s, written with exactly places decimals (as
// decimal.StringFixed writes it), in units of 10^-places, when it is not
// negative and has at most 18 digits.
func units(s string, places int32) (int64, bool) {
	if len(s) == 0 || len(s) > 19 {
		return 0, false
	}
	if places > 0 && (len(s) < int(places)+2 || s[len(s)-int(places)-1] != '.') {
		return 0, false
	}
	var u int64
	for i := 0; i < len(s); i++ {
		c := s[i]
		if places > 0 && i == len(s)-int(places)-1 {
			continue
		}
		if c < '0' || c > '9' {
			return 0, false
		}
		u = u*10 + int64(c-'0')
	}
	return u, true
}

// credit returns the credits of row: the decimals and the units.
func (s *Summary) credit(row int) decimal.Decimal {
	return s.credits[row].Add(decimal.New(s.units[row], -s.places))
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
	total := decimal.Zero
	for i, r := range s.labels {
		c := s.credit(i)
		total = total.Add(c)
		if i == RowMissed && s.months[i] == 0 && s.noMissed {
			continue // no month can miss the level without a tier
		}
		lines = append(lines, line{r.label, r.credit, strconv.Itoa(s.months[i]), c.StringFixed(s.places)})
	}
	lines = append(lines, line{"total", "", strconv.Itoa(s.assessed), total.StringFixed(s.places)})
	var wl, wc, wm, wa int
	for _, l := range lines {
		wl, wc = max(wl, len(l.label)), max(wc, len(l.credit))
		wm, wa = max(wm, len(l.months)), max(wa, len(l.credits))
	}
	var b strings.Builder
	if s.currency != "" {
		fmt.Fprintf(&b, "subscription-months by credit tier (credits in %s, each month's credit rounded to %d places, then summed)\n", s.currency, s.places)
	} else {
		fmt.Fprintf(&b, "subscription-months by credit tier (each month's credit rounded to %d places, then summed)\n", s.places)
	}
	for _, l := range lines {
		fmt.Fprintf(&b, "%-*s  %*s  %*s  %*s\n", wl, l.label, wc, l.credit, wm, l.months, wa, l.credits)
	}
	fmt.Fprintf(&b, "bad records: %d\n", s.bad)
	_, err := io.WriteString(w, b.String())
	return err
}
