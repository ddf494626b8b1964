package sla

import (
	"fmt"
	"math/big"
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
	// The prorated fee is fee × share / whole and the credit pct/100 of it:
	// both fractions of integers, n / d, with the decimals' exponents
	// carried into them.
	prorated := fraction(fee, share, whole, 0)
	credit := fraction(fee, share, whole, 0)
	credit.n.Mul(credit.n, pct.Coefficient())
	credit.scale(int(pct.Exponent()) - 2)
	amount := credit.round(places)
	below := amount.Sign() > 0 && amount.Cmp(a.money.minPayout) < 0
	unrounded, exactCredit := credit.decimal()
	if below {
		amount, unrounded = zero, zero
	}
	proratedFee, exactFee := prorated.decimal()
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

// ratio is the exact fraction n / d, d above 0.
type ratio struct{ n, d *big.Int }

// fraction returns d × num / den × 10^shift as a ratio.
func fraction(d decimal.Decimal, num, den time.Duration, shift int) ratio {
	r := ratio{n: new(big.Int).Mul(d.Coefficient(), big.NewInt(int64(num))), d: big.NewInt(int64(den))}
	r.scale(int(d.Exponent()) + shift)
	return r
}

// scale multiplies r by 10^e.
func (r ratio) scale(e int) {
	p := new(big.Int).Exp(big.NewInt(10), big.NewInt(int64(abs(e))), nil)
	if e >= 0 {
		r.n.Mul(r.n, p)
	} else {
		r.d.Mul(r.d, p)
	}
}

func abs(e int) int {
	if e < 0 {
		return -e
	}
	return e
}

// round returns r rounded to places decimal places, half away from zero.
func (r ratio) round(places int32) decimal.Decimal {
	n := new(big.Int).Set(r.n)
	d := new(big.Int).Set(r.d)
	ratio{n, d}.scale(int(places))
	q, rem := new(big.Int).QuoRem(n, d, new(big.Int))
	rem.Abs(rem).Lsh(rem, 1)
	if rem.Cmp(d) >= 0 { // at least half: away from zero
		if n.Sign() < 0 {
			q.Sub(q, big.NewInt(1))
		} else {
			q.Add(q, big.NewInt(1))
		}
	}
	return decimal.NewFromBigInt(q, -places)
}

// decimal returns r as a decimal, and true, when its decimal ends; else
// truncated to unroundedPlaces places, and false.
func (r ratio) decimal() (decimal.Decimal, bool) {
	g := new(big.Int).GCD(nil, nil, new(big.Int).Abs(r.n), r.d)
	d := new(big.Int).Quo(r.d, g)
	// d = 2^a × 5^b × rest: the decimal ends exactly when rest is 1, after
	// max(a, b) places.
	rest := new(big.Int).Set(d)
	places := 0
	for _, f := range []int64{2, 5} {
		k := 0
		for m := new(big.Int); ; k++ {
			q, r := new(big.Int).QuoRem(rest, big.NewInt(f), m)
			if r.Sign() != 0 {
				break
			}
			rest = q
		}
		places = max(places, k)
	}
	if rest.Cmp(big.NewInt(1)) == 0 {
		return r.truncate(int32(places)), true
	}
	return r.truncate(unroundedPlaces), false
}

// truncate returns r to places decimal places, truncated toward zero.
func (r ratio) truncate(places int32) decimal.Decimal {
	n := new(big.Int).Set(r.n)
	d := new(big.Int).Set(r.d)
	ratio{n, d}.scale(int(places))
	return decimal.NewFromBigInt(n.Quo(n, d), -places)
}
