package sla

import (
	"time"

	"github.com/shopspring/decimal"
)

// uptimePlaces is the number of decimal places UptimePercent keeps. One
// nanosecond of the longest time.Duration is about 1.1e-17 %, so 20 places
// show every nanosecond.
const uptimePlaces = 20

// UptimePercent returns the Monthly Uptime Percentage of seed 004, section
// A: (total − downtime) / total × 100, in percent. downtime is first
// clamped into [0, total]; a total of 0 or less gives 100.
//
// The result is exact to 20 decimal places whatever
// decimal.DivisionPrecision says: it is truncated there, never rounded up,
// so comparing it with any percentage of at most 20 decimal places (a
// tier's Below, a level) gives the same answer as the exact fraction would.
// 43m12s of downtime in a 30-day month gives exactly 99.9.
func UptimePercent(total, downtime time.Duration) decimal.Decimal {
	if total <= 0 {
		return hundred
	}
	downtime = min(max(downtime, 0), total)
	return uptimeOf(decimal.NewFromInt(int64(total)), decimal.NewFromInt(int64(downtime)))
}

// uptimeOf is UptimePercent for exact amounts of time or user-time, with
// total above 0 and 0 <= down <= total.
func uptimeOf(total, down decimal.Decimal) decimal.Decimal {
	q, _ := total.Sub(down).Mul(hundred).QuoRem(total, uptimePlaces)
	return q
}

// CreditPercent returns the credit, in percent of the month's fee, that p
// awards for downtime out of total: the Credit of the tier with the
// smallest Below that the uptime percentage is strictly below, or 0 when it
// is below none. downtime is clamped into [0, total]; a total of 0 or less
// earns nothing.
//
// The choice is exact, with no division and no rounding: uptime < Below is
// decided as (total − downtime) × 100 < Below × total in arbitrary
// precision, so no time.Duration overflows. 43m12s of downtime in a 30-day
// month is exactly 99.9 % and earns 0 under DynamicsCRMOnline; one
// nanosecond more earns 25.
//
// The credit is a tier's figure, not capped: CreditCap applies to amounts
// (see Assessment.CreditAmount). For a policy that fails Validate it
// returns 0; validate policies when you build them.
func (p Policy) CreditPercent(total, downtime time.Duration) decimal.Decimal {
	if total <= 0 || p.Validate() != nil {
		return zero
	}
	return p.creditPercent(total, downtime)
}

// creditPercent is CreditPercent for a policy known to be valid.
func (p Policy) creditPercent(total, downtime time.Duration) decimal.Decimal {
	if total <= 0 {
		return zero
	}
	downtime = min(max(downtime, 0), total)
	return p.creditOf(decimal.NewFromInt(int64(total)), decimal.NewFromInt(int64(downtime)))
}

// creditOf is creditPercent for exact amounts of time or user-time, with
// total above 0 and 0 <= down <= total.
func (p Policy) creditOf(tot, down decimal.Decimal) decimal.Decimal {
	up := tot.Sub(down).Mul(hundred)
	credit := zero
	// Tiers are strictly decreasing in Below, so the last match has the
	// smallest Below; and once one does not match, none after it does.
	for _, t := range p.Tiers {
		if up.Cmp(t.Below.Mul(tot)) >= 0 {
			break
		}
		credit = t.Credit
	}
	return credit
}

// meetsOf reports whether uptime over total with down reaches the level:
// (total − down) × 100 >= Level × total, exactly.
func (p Policy) meetsOf(total, down decimal.Decimal) bool {
	return total.Sub(down).Mul(hundred).Cmp(p.Level.Mul(total)) >= 0
}
