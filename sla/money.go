package sla

import (
	"fmt"
	"math"
	"math/big"
	"math/bits"
	"time"

	"github.com/shopspring/decimal"
)

// unroundedPlaces is how many decimal places Payout keeps of an unrounded
// figure whose decimal does not end (a prorated fee of a month of 31 days
// has a factor 31 in its denominator); the figure is then truncated there,
// never rounded up, and Payout.Exact is false.
const unroundedPlaces = 20

// PayoutIn returns the credit of this assessment's month in currency cur,
// where monthFee is the subscription fee for the whole calendar month. For
// a month of which only a part was subscribed (Period.Subscribed) the fee
// is prorated by elapsed time: monthFee × the assessed span's length / the
// month's length, to the nanosecond, as the Microsoft Dynamics CRM Online
// SLA bills a monthly fee; a whole month's fee is taken as it is.
//
// Every figure is computed exactly from monthFee and rounded once, at the
// end, to cur's minor unit, half away from zero: the prorated fee is never
// rounded before the credit is taken on it. The credit is the tier's
// Credit percent of the prorated fee, capped at the policy's CreditCap
// percent of it (section B.3), and withheld when its rounded amount is
// below the policy's MinimumPayout. Payout.Fee is monthFee, ProratedFee
// and Unrounded the exact figures (see Payout.Exact), Amount the credit in
// cur.
//
// It returns an error wrapping ErrUnknownCurrency for the zero Currency,
// and one wrapping ErrInvalidFee for a fee Payout refuses (negative, or
// an exponent outside ±64).
func (a Assessment) PayoutIn(monthFee decimal.Decimal, cur Currency) (Payout, error) {
	if cur.IsZero() {
		return Payout{}, fmt.Errorf("%w: no currency given (see ParseCurrency)", ErrUnknownCurrency)
	}
	share := a.Assessed.Duration()
	whole := a.Month.Duration()
	if a.Assessed.IsZero() || whole <= 0 || share >= whole {
		share, whole = 1, 1 // the whole month, or an Assessment not made by Assess
	}
	p, err := a.payout(monthFee, share, whole, int32(cur.places))
	p.Currency = cur
	return p, err
}

// payout computes the credit on fee × share / whole, exactly, rounded once
// to places: the rule of Payout and PayoutIn. share and whole are above 0.
func (a Assessment) payout(fee decimal.Decimal, share, whole time.Duration, places int32) (Payout, error) {
	if err := checkFee(fee); err != nil {
		return Payout{}, err
	}
	capPct := a.money.capPercent()
	pct, capped := a.Credit, false
	if e := pct.Exponent(); e < -maxFeeExponent || e > maxFeeExponent || pct.Sign() <= 0 {
		pct = zero
	} else if pct.Cmp(capPct) > 0 {
		pct, capped = capPct, true
	}
	g := gcd(int64(share), int64(whole))
	q := quotient{share: int64(share) / g, whole: int64(whole) / g}
	q.factor()
	// The prorated fee is fee × share / whole and the credit pct/100 of
	// it: decimals times a fraction of integers, computed exactly.
	proratedFee, exactFee := q.of(fee)
	credit := fee.Mul(pct).Shift(-2)
	unrounded, exactCredit := q.of(credit)
	amount := q.round(credit, places)
	below := amount.Sign() > 0 && amount.Cmp(a.money.minPayout) < 0
	if below {
		amount, unrounded = zero, zero
	}
	return Payout{
		Fee:          fee,
		ProratedFee:  proratedFee,
		Percent:      a.Credit,
		Unrounded:    unrounded,
		Amount:       amount,
		Exact:        exactFee && exactCredit,
		Capped:       capped,
		BelowMinimum: below,
	}, nil
}

// gcd returns the greatest common divisor of a and b, both above 0.
func gcd(a, b int64) int64 {
	for b != 0 {
		a, b = b, a%b
	}
	return a
}

// quotient is the fraction share / whole in lowest terms, whole above 0,
// with whole = 2^twos × 5^fives × rest.
type quotient struct {
	share, whole      int64
	twos, fives, rest int64
}

// factor fills in twos, fives and rest.
func (q *quotient) factor() {
	q.rest, q.twos, q.fives = q.whole, 0, 0
	for q.rest%2 == 0 {
		q.rest /= 2
		q.twos++
	}
	for q.rest%5 == 0 {
		q.rest /= 5
		q.fives++
	}
}

// of returns x × share / whole as a decimal, and true, when its decimal
// ends; else truncated toward zero to unroundedPlaces places, and false.
// x × share / whole ends exactly when rest divides x's coefficient times
// share (share and whole have no common factor, nor share and rest).
func (q quotient) of(x decimal.Decimal) (decimal.Decimal, bool) {
	if q.whole == 1 {
		if q.share == 1 {
			return x, true
		}
		return x.Mul(decimal.NewFromInt(q.share)), true
	}
	if c, ok := small(x); ok {
		if d, exact, ok := q.ofSmall(c, int(x.Exponent())); ok {
			return d, exact
		}
	}
	n := new(big.Int).Mul(x.Coefficient(), big.NewInt(q.share))
	e := int(x.Exponent())
	if q.rest == 1 || new(big.Int).Rem(n, big.NewInt(q.rest)).Sign() == 0 {
		// n / rest / (2^twos × 5^fives) = n / rest × 2^(m-twos) × 5^(m-fives) / 10^m.
		m := max(q.twos, q.fives)
		n.Quo(n, big.NewInt(q.rest))
		n.Mul(n, new(big.Int).Lsh(pow(5, m-q.fives), uint(m-q.twos)))
		return decimal.NewFromBigInt(n, int32(e-int(m))), true
	}
	// floor(n × 10^(e+U) / whole) × 10^-U.
	d := big.NewInt(q.whole)
	scale(n, d, e+unroundedPlaces)
	return decimal.NewFromBigInt(n.Quo(n, d), -unroundedPlaces), false
}

// round returns x × share / whole rounded to places decimal places, half
// away from zero.
func (q quotient) round(x decimal.Decimal, places int32) decimal.Decimal {
	if c, ok := small(x); ok {
		if d, ok := q.roundSmall(c, int(x.Exponent()), places); ok {
			return d
		}
	}
	n := new(big.Int).Mul(x.Coefficient(), big.NewInt(q.share))
	d := big.NewInt(q.whole)
	scale(n, d, int(x.Exponent())+int(places))
	n, r := n.QuoRem(n, d, new(big.Int))
	if r.Abs(r).Lsh(r, 1).Cmp(d) >= 0 { // at least half: away from zero
		if x.Sign() < 0 {
			n.Sub(n, big.NewInt(1))
		} else {
			n.Add(n, big.NewInt(1))
		}
	}
	return decimal.NewFromBigInt(n, -places)
}

// scale multiplies n / d by 10^e, multiplying n for e >= 0 and d below.
func scale(n, d *big.Int, e int) {
	if e >= 0 {
		n.Mul(n, pow(10, int64(e)))
	} else {
		d.Mul(d, pow(10, int64(-e)))
	}
}

// pows holds 5^k and 10^k for small k, read only, so that the common
// scales cost no exponentiation.
var pows = func() map[int64][]*big.Int {
	m := map[int64][]*big.Int{}
	for _, b := range []int64{5, 10} {
		t := make([]*big.Int, 64)
		t[0] = big.NewInt(1)
		for k := 1; k < len(t); k++ {
			t[k] = new(big.Int).Mul(t[k-1], big.NewInt(b))
		}
		m[b] = t
	}
	return m
}()

// pow returns b^k, b 5 or 10, k >= 0; the result must not be modified.
func pow(b, k int64) *big.Int {
	if t := pows[b]; k < int64(len(t)) {
		return t[k]
	}
	return new(big.Int).Exp(big.NewInt(b), big.NewInt(k), nil)
}

// The small path: the same arithmetic in the 192-bit integers of
// wide.go, for the figures of everyday fees, without allocating big
// integers. Its operands are bounded so that no product can overflow:
// a coefficient below 10^18 (< 2^60) times a share below 2^63 is below
// 2^123, and times a multiplier below 2^64 or 10^(maxSmallScale) below
// 2^192; outside these bounds payout takes the big path.

// maxSmallScale is the largest power of ten the small path multiplies by:
// 10^20 < 2^67, and 2^123 × 2^67 < 2^192.
const maxSmallScale = 20

// small returns x's coefficient when x is at least 0 and has at most 18
// digits.
func small(x decimal.Decimal) (uint64, bool) {
	c, ok := smallCoefficient(x)
	return uint64(c), ok && c >= 0
}

// fits128 reports whether r is below 2^128, as decimalOf needs.
func fits128(r u192) bool { return r[2] == 0 }

// ofSmall is of for the coefficient c and exponent e, and false when an
// operand is outside the small path's bounds.
func (q quotient) ofSmall(c uint64, e int) (decimal.Decimal, bool, bool) {
	n := mul128(c, uint64(q.share))
	if _, r := n.divmod64(uint64(q.rest)); r == 0 {
		m := max(q.twos, q.fives)
		k := uint64(1) << (m - q.twos) // 2^(m-twos) ≤ 2^m, m < 63
		for range m - q.fives {
			hi, lo := bits.Mul64(k, 5)
			if hi != 0 {
				return decimal.Decimal{}, false, false
			}
			k = lo
		}
		n, _ = n.divmod64(uint64(q.rest))
		n = n.mul64(k) // below 2^123 × 2^64
		if !fits128(n) {
			return decimal.Decimal{}, false, false
		}
		return decimalOf(n, int32(e-int(m))), true, true
	}
	quo, _, _, ok := q.scaled(n, e+unroundedPlaces)
	if !ok || !fits128(quo) {
		return decimal.Decimal{}, false, false
	}
	return decimalOf(quo, -unroundedPlaces), false, true
}

// scaled returns floor(n × 10^s / whole), the remainder and the divisor,
// and false when s is outside the small path's bounds or the divisor
// whole × 10^-s would not fit 63 bits.
func (q quotient) scaled(n u192, s int) (u192, uint64, uint64, bool) {
	d := uint64(q.whole)
	switch {
	case s > maxSmallScale:
		return u192{}, 0, 0, false
	case s >= 0:
		for ; s > 0; s -= min(s, 19) {
			n = n.mul64(pow10u64[min(s, 19)])
		}
	default:
		for ; s < 0; s++ {
			hi, lo := bits.Mul64(d, 10)
			if hi != 0 || lo > math.MaxInt64 {
				return u192{}, 0, 0, false
			}
			d = lo
		}
	}
	quo, r := n.divmod64(d)
	return quo, r, d, true
}

// roundSmall is round for the coefficient c and exponent e, and false
// when an operand is outside the small path's bounds.
func (q quotient) roundSmall(c uint64, e int, places int32) (decimal.Decimal, bool) {
	quo, r, d, ok := q.scaled(mul128(c, uint64(q.share)), e+int(places))
	if !ok {
		return decimal.Decimal{}, false
	}
	if r >= d-r { // at least half (d below 2^63): away from zero
		quo = quo.add64(1)
	}
	if !fits128(quo) {
		return decimal.Decimal{}, false
	}
	return decimalOf(quo, -places), true
}
