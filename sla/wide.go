package sla

import (
	"math"
	"math/big"
	"math/bits"

	"github.com/shopspring/decimal"
)

// This file holds the exact integer arithmetic behind the uptime
// percentage, the tier choice and the policy checks: products of a 64-bit
// number and a power of ten held in 192 bits, so that the common cases
// (a month in nanoseconds, a percentage with at most 18 significant
// digits) are decided without math/big and without allocating. Every
// caller falls back to shopspring/decimal when an operand is outside these
// bounds, so the answers never depend on which path was taken.

// u192 is an unsigned 192-bit integer, least significant word first. The
// zero value is 0.
type u192 [3]uint64

// pow10u64 holds 10^k for k in 0..19, the powers of ten below 2^64.
var pow10u64 = [20]uint64{
	1, 10, 100, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9,
	1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19,
}

// maxPow10 is the largest k that mulPow10 accepts: any 64-bit number times
// 10^38 (below 2^127) is below 2^191.
const maxPow10 = 38

// mul128 returns a × b, exactly.
func mul128(a, b uint64) u192 {
	hi, lo := bits.Mul64(a, b)
	return u192{lo, hi, 0}
}

// mulPow10 returns x × 10^k, exactly, for k in 0..maxPow10.
func mulPow10(x uint64, k int) u192 {
	r := u192{x}
	for k > 0 {
		s := min(k, 19)
		r = r.mul64(pow10u64[s])
		k -= s
	}
	return r
}

// mul64 returns r × m; the product must be below 2^192 (mulPow10's bound
// guarantees it), else the high words are lost.
func (r u192) mul64(m uint64) u192 {
	h0, l0 := bits.Mul64(r[0], m)
	h1, l1 := bits.Mul64(r[1], m)
	l2 := r[2] * m
	w1, c := bits.Add64(l1, h0, 0)
	w2, _ := bits.Add64(l2, h1, c)
	return u192{l0, w1, w2}
}

// cmp returns -1, 0 or +1 as r is below, equal to or above o.
func (r u192) cmp(o u192) int {
	for i := 2; i >= 0; i-- {
		switch {
		case r[i] < o[i]:
			return -1
		case r[i] > o[i]:
			return 1
		}
	}
	return 0
}

// div64 returns r / d, truncated, for d above 0.
func (r u192) div64(d uint64) u192 {
	q, _ := r.divmod64(d)
	return q
}

// divmod64 returns r / d, truncated, and r mod d, for d above 0.
func (r u192) divmod64(d uint64) (u192, uint64) {
	var q u192
	var rem uint64
	for i := 2; i >= 0; i-- {
		q[i], rem = bits.Div64(rem, r[i], d) // rem < d: never panics
	}
	return q, rem
}

// add64 returns r + m; the sum must be below 2^192.
func (r u192) add64(m uint64) u192 {
	var c uint64
	r[0], c = bits.Add64(r[0], m, 0)
	r[1], c = bits.Add64(r[1], 0, c)
	r[2] += c
	return r
}

// decimalOf returns r × 10^exp as a decimal, for r below 2^128.
func decimalOf(r u192, exp int32) decimal.Decimal {
	if r[1] == 0 && r[0] <= math.MaxInt64 {
		return decimal.New(int64(r[0]), exp)
	}
	var w [4]big.Word
	n := 0
	if bits.UintSize == 64 {
		w[0], w[1], n = big.Word(r[0]), big.Word(r[1]), 2
	} else {
		w[0], w[1], w[2], w[3], n = big.Word(r[0]), big.Word(r[0]>>32), big.Word(r[1]), big.Word(r[1]>>32), 4
	}
	var z big.Int
	z.SetBits(w[:n]) // normalizes; NewFromBigInt copies, so z and w stay here
	return decimal.NewFromBigInt(&z, exp)
}

// smallCoefficient returns d's coefficient when it has at most 18 digits,
// so that it fits an int64 exactly, and false otherwise. It never
// allocates for such a d.
func smallCoefficient(d decimal.Decimal) (int64, bool) {
	if d.NumDigits() > 18 {
		return 0, false
	}
	return d.CoefficientInt64(), true
}

// cmpDecimal returns a.Cmp(b), without allocating when the signs or the
// exponents decide, or when both coefficients have at most 18 digits and
// the exponents are at most 38 apart (any two percentages of at most 18
// significant digits and 18 places), and by a.Cmp(b) otherwise.
func cmpDecimal(a, b decimal.Decimal) int {
	sa, sb := a.Sign(), b.Sign()
	ea, eb := int64(a.Exponent()), int64(b.Exponent())
	if sa != sb || sa == 0 || ea == eb {
		return a.Cmp(b) // decided by sign or by equal exponents: no allocation
	}
	ca, okA := smallCoefficient(a)
	cb, okB := smallCoefficient(b)
	if !okA || !okB || ea-eb > maxPow10 || eb-ea > maxPow10 {
		return a.Cmp(b)
	}
	if sa < 0 {
		ca, cb = -ca, -cb
	}
	var r int
	switch {
	case ea > eb && ea-eb < int64(len(pow10u64)):
		r = mul128(uint64(ca), pow10u64[ea-eb]).cmp(u192{uint64(cb)}) // the usual case: one multiplication
	case eb > ea && eb-ea < int64(len(pow10u64)):
		r = u192{uint64(ca)}.cmp(mul128(uint64(cb), pow10u64[eb-ea]))
	case ea > eb:
		r = mulPow10(uint64(ca), int(ea-eb)).cmp(u192{uint64(cb)})
	default:
		r = u192{uint64(ca)}.cmp(mulPow10(uint64(cb), int(eb-ea)))
	}
	return r * sa
}

// aboveHundred reports whether d > 100, as d.Cmp(hundred) > 0 does: for
// d's exponent e in -maxPlaces..2 it compares d with 100 written with
// that same exponent (hundredAt), which decimal does by comparing the two
// coefficients, without scaling or allocating; other exponents take Cmp.
func aboveHundred(d decimal.Decimal) bool {
	if i := int(d.Exponent()) + maxPlaces; i >= 0 && i < len(hundredAt) {
		return d.Cmp(hundredAt[i]) > 0
	}
	return d.Cmp(hundred) > 0
}

// hundredAt[e+maxPlaces] is 100 as 10^(2−e) × 10^e, for e in -maxPlaces..2.
var hundredAt = func() (h [maxPlaces + 3]decimal.Decimal) {
	for i := range h {
		e := int32(i - maxPlaces)
		h[i] = decimal.NewFromBigInt(new(big.Int).Exp(big.NewInt(10), big.NewInt(int64(2-e)), nil), e)
	}
	return h
}()
