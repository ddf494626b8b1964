package sla

import (
	"math/big"
	"time"

	"github.com/shopspring/decimal"
)

// payoutByRatio is the first way payout computed its figures, kept as the
// reference the property test holds payout to and as the baseline of
// BenchmarkPayoutIn: every figure a fraction of big integers, the decimal
// of a fraction found by its greatest common divisor.
func payoutByRatio(fee, pct decimal.Decimal, share, whole time.Duration, places int32) (prorated, unrounded, amount decimal.Decimal, exact bool) {
	p := fraction(fee, share, whole, 0)
	c := fraction(fee, share, whole, 0)
	c.n.Mul(c.n, pct.Coefficient())
	c.scale(int(pct.Exponent()) - 2)
	amount = c.round(places)
	unrounded, exactCredit := c.decimal()
	prorated, exactFee := p.decimal()
	return prorated, unrounded, amount, exactFee && exactCredit
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
