package sla

import (
	"time"

	"github.com/shopspring/decimal"
)

// uptimePlaces is the number of decimal places UptimePercent keeps. One
// nanosecond of the longest time.Duration is about 1.1e-17 %, so 20 places
// show every nanosecond.
const uptimePlaces = 20

// UptimePercent returns the Monthly Uptime Percentage of the Microsoft
// Dynamics CRM Online Service Level Agreement, section A: (total −
// downtime) / total × 100, in percent. downtime is first clamped into
// [0, total]; a total of 0 or less gives 100.
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
	return uptimeInt(uint64(total), uint64(downtime))
}

// uptimeInt is uptimeOf for amounts that fit 64 bits, in integers: the
// percentage truncated to 20 places is q × 10^-20 with
// q = ⌊(total − down) × 10^22 / total⌋, below 10^22 + 1, so the 192-bit
// product and quotient are exact and the result is the decimal uptimeOf
// returns, coefficient and exponent alike.
func uptimeInt(total, down uint64) decimal.Decimal {
	return decimalOf(mulPow10(total-down, uptimePlaces+2).div64(total), -uptimePlaces)
}

// uptimeOf is UptimePercent for exact amounts of time or user-time, with
// total above 0 and 0 <= down <= total, in decimal arithmetic: the
// fallback for amounts beyond 64 bits.
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
// The choice is exact, with no division, no rounding and no overflow:
// uptime < Below is decided as (total − downtime) × 100 < Below × total.
// 43m12s of downtime in a 30-day month is exactly 99.9 % and earns 0
// under DynamicsCRMOnline; one nanosecond more earns 25.
//
// The credit is a tier's figure, not capped: CreditCap applies to amounts
// (see Assessment.CreditAmount). For a policy that fails Validate it
// returns 0; validate policies when you build them.
func (p Policy) CreditPercent(total, downtime time.Duration) decimal.Decimal {
	if total <= 0 || p.Validate() != nil {
		return zero
	}
	downtime = min(max(downtime, 0), total)
	return p.creditInt(uint64(total), uint64(downtime))
}

// lessScaled reports whether up × 100 < x × total, exactly, and ok false
// when x is outside what it decides without math/big (see scaledOf).
func lessScaled(up, total uint64, x decimal.Decimal) (less, ok bool) {
	s := scaledOf(x)
	return s.less(up, total), s.ok
}

// scaled is a percentage x = c × 10^e prepared for comparing uptimes with
// it in integers: c and k = 2 − e. ok is false when x is outside what
// less decides without math/big: x above 0 with a coefficient of at most
// 18 digits and an exponent in -36..2, which covers every percentage of a
// valid policy written with at most 18 significant digits. The zero
// scaled is not ok. A Compiled policy keeps its level and tiers this way,
// so that judging a month does not take the decimals apart again.
type scaled struct {
	c  uint64
	k  int
	ok bool
}

// scaledOf prepares x for less.
func scaledOf(x decimal.Decimal) scaled {
	e := int(x.Exponent())
	if x.Sign() <= 0 || e > 2 || e < 2-maxPow10 {
		return scaled{}
	}
	c, ok := smallCoefficient(x)
	if !ok {
		return scaled{}
	}
	return scaled{c: uint64(c), k: 2 - e, ok: true}
}

// less reports whether up × 100 < x × total, exactly, for an ok s: it
// compares up × 10^k with c × total, both below 2^192.
func (s scaled) less(up, total uint64) bool {
	if s.k < len(pow10u64) {
		return mul128(up, pow10u64[s.k]).cmp(mul128(s.c, total)) < 0 // one multiplication a side
	}
	return mulPow10(up, s.k).cmp(mul128(s.c, total)) < 0
}

// creditInt is creditOf for amounts that fit 64 bits, total above 0 and
// down <= total: the same tier, chosen in integers (creditWith).
func (p Policy) creditInt(total, down uint64) decimal.Decimal {
	return p.creditWith(nil, total, down)
}

// creditWith is creditInt with each tier's Below prepared in below
// (scaledOf, as Compile keeps them), or prepared here when below is nil.
// It falls back to creditOf for a Below that scaled does not decide.
func (p Policy) creditWith(below []scaled, total, down uint64) decimal.Decimal {
	up := total - down
	credit := zero
	// Tiers are strictly decreasing in Below, so the last match has the
	// smallest Below; and once one does not match, none after it does.
	for i, t := range p.Tiers {
		var b scaled
		if below != nil {
			b = below[i]
		} else {
			b = scaledOf(t.Below)
		}
		if !b.ok {
			return p.creditOf(decimal.NewFromUint64(total), decimal.NewFromUint64(down))
		}
		if !b.less(up, total) {
			break
		}
		credit = t.Credit
	}
	return credit
}

// meetsInt is meetsOf for amounts that fit 64 bits, total above 0 and
// down <= total, falling back to meetsOf for a Level that lessScaled does
// not decide.
func (p Policy) meetsInt(total, down uint64) bool {
	less, ok := lessScaled(total-down, total, p.Level)
	if !ok {
		return p.meetsOf(decimal.NewFromUint64(total), decimal.NewFromUint64(down))
	}
	return !less
}

// creditOf is creditPercent for exact amounts of time or user-time, with
// total above 0 and 0 <= down <= total, in decimal arithmetic: the
// fallback for amounts beyond 64 bits or a Below beyond lessScaled.
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
// (total − down) × 100 >= Level × total, exactly, in decimal arithmetic:
// the fallback for meetsInt.
func (p Policy) meetsOf(total, down decimal.Decimal) bool {
	return total.Sub(down).Mul(hundred).Cmp(p.Level.Mul(total)) >= 0
}
