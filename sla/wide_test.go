package sla

import (
	"math"
	"math/big"
	"math/rand/v2"
	"testing"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// u192ToBig returns r as a big.Int, the reference for u192's arithmetic.
func u192ToBig(r u192) *big.Int {
	z := new(big.Int).SetUint64(r[2])
	z.Lsh(z, 64).Or(z, new(big.Int).SetUint64(r[1]))
	return z.Lsh(z, 64).Or(z, new(big.Int).SetUint64(r[0]))
}

// TestCmpDecimalMatchesCmp: cmpDecimal answers as decimal's Cmp for random
// decimals of both signs, the zero value, and pairs of equal values written
// with different exponents.
func TestCmpDecimalMatchesCmp(t *testing.T) {
	rng := rand.New(rand.NewPCG(7, 7))
	pick := func() decimal.Decimal {
		switch rng.IntN(6) {
		case 0:
			return decimal.Decimal{} // the zero value, nil coefficient
		case 1:
			return randomPercent(rng)
		case 2:
			return randomPercent(rng).Neg()
		case 3:
			return decimal.New(rng.Int64N(2001)-1000, int32(rng.IntN(81)-40))
		case 4:
			return decimal.New(rng.Int64()>>rng.IntN(63), int32(rng.IntN(41)-20))
		default:
			c := new(big.Int).Lsh(big.NewInt(rng.Int64N(1000)+1), uint(rng.IntN(100)))
			return decimal.NewFromBigInt(c, int32(rng.IntN(41)-20))
		}
	}
	same := func(a decimal.Decimal) decimal.Decimal { // a written with more places
		k := int32(rng.IntN(20))
		return decimal.NewFromBigInt(new(big.Int).Mul(a.Coefficient(), new(big.Int).Exp(big.NewInt(10), big.NewInt(int64(k)), nil)), a.Exponent()-k)
	}
	for range 20000 {
		a, b := pick(), pick()
		if rng.IntN(5) == 0 {
			b = same(a)
		}
		require.Equal(t, a.Cmp(b), cmpDecimal(a, b), "%s (%s e%d) vs %s (%s e%d)", a, a.Coefficient(), a.Exponent(), b, b.Coefficient(), b.Exponent())
		require.Equal(t, b.Cmp(a), cmpDecimal(b, a), "%s vs %s", b, a)
	}
	for _, c := range [][2]string{{"100", "100.000000000000000000"}, {"99.9", "100"}, {"0", "-0.000"}, {"-1", "1"}, {"1e38", "1"}, {"1e39", "1e-1"}} {
		a, b := dec(c[0]), dec(c[1])
		assert.Equal(t, a.Cmp(b), cmpDecimal(a, b), "%s vs %s", a, b)
		assert.Equal(t, b.Cmp(a), cmpDecimal(b, a), "%s vs %s", b, a)
	}
}

// TestU192MatchesBig: mulPow10, mul128, cmp and div64 agree with math/big
// on random and extreme operands.
func TestU192MatchesBig(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 9))
	xs := []uint64{0, 1, 9, 10, math.MaxUint32, math.MaxInt64, math.MaxUint64}
	for range 2000 {
		xs = append(xs, rng.Uint64()>>rng.IntN(64))
	}
	for _, x := range xs {
		bx := new(big.Int).SetUint64(x)
		k := rng.IntN(maxPow10 + 1)
		want := new(big.Int).Mul(bx, new(big.Int).Exp(big.NewInt(10), big.NewInt(int64(k)), nil))
		p := mulPow10(x, k)
		require.Equal(t, 0, want.Cmp(u192ToBig(p)), "%d × 10^%d", x, k)
		y := xs[rng.IntN(len(xs))]
		require.Equal(t, 0, new(big.Int).Mul(bx, new(big.Int).SetUint64(y)).Cmp(u192ToBig(mul128(x, y))), "%d × %d", x, y)
		require.Equal(t, want.Cmp(u192ToBig(mul128(x, y))), p.cmp(mul128(x, y)), "cmp %d × 10^%d vs %d × %d", x, k, x, y)
		if y > 0 {
			q := p.div64(y)
			require.Equal(t, 0, new(big.Int).Quo(want, new(big.Int).SetUint64(y)).Cmp(u192ToBig(q)), "%d × 10^%d / %d", x, k, y)
		}
	}
	assert.Equal(t, 0, mulPow10(5, 0).cmp(u192{5}))
	assert.Equal(t, 1, u192{0, 0, 1}.cmp(u192{math.MaxUint64, math.MaxUint64}))
	assert.Equal(t, -1, u192{math.MaxUint64, math.MaxUint64}.cmp(u192{0, 0, 1}))
}

// TestAboveHundredMatchesCmp: aboveHundred answers as d.Cmp(100) > 0, at
// every exponent.
func TestAboveHundredMatchesCmp(t *testing.T) {
	rng := rand.New(rand.NewPCG(100, 100))
	cases := []decimal.Decimal{{}, dec("100"), dec("100.000000000000000000"), dec("100.000000000000000001"), dec("99.999999999999999999"),
		dec("1e2"), dec("1e3"), dec("0.1e3"), dec("1000e-1"), dec("1001e-1"), dec("-100"), dec("-101"), dec("1e-18"), dec("1e40"), dec("100e-30")}
	for range 5000 {
		cases = append(cases, randomPercent(rng), randomPercent(rng).Neg(), decimal.New(rng.Int64N(100000), int32(rng.IntN(41)-20)))
	}
	for _, d := range cases {
		require.Equal(t, d.Cmp(hundred) > 0, aboveHundred(d), "%s (%s e%d)", d, d.Coefficient(), d.Exponent())
	}
}

// u192.mul64 agrees with math/big whenever the product fits 192 bits,
// also when the top word of the multiplicand is in use.
func TestU192Mul64AgainstBig(t *testing.T) {
	rng := rand.New(rand.NewPCG(19, 2))
	limit := new(big.Int).Lsh(big.NewInt(1), 192)
	for range 2000 {
		r := u192{rng.Uint64(), rng.Uint64(), rng.Uint64() >> rng.UintN(64)}
		m := rng.Uint64() >> rng.UintN(64)
		want := new(big.Int).Mul(u192ToBig(r), new(big.Int).SetUint64(m))
		if want.Cmp(limit) >= 0 {
			continue
		}
		require.Equal(t, want, u192ToBig(r.mul64(m)), "%v × %d", r, m)
	}
}

// cmpDecimal answers as decimal's Cmp when the exponents lie far apart:
// gaps of 37 to 40 places around its 38-place shortcut and far beyond (at
// 192 places and more, 10^gap is a multiple of 2^192, so a shortcut taken
// there would compare a coefficient times 0), either way round and for
// both signs.
func TestCmpDecimalFarExponents(t *testing.T) {
	for _, gap := range []int32{37, 38, 39, 40, 50, 100, 192, 200} {
		for _, lo := range []int32{-100, -60, -40, -20, 0} {
			for _, ca := range []int64{1, 7, 999_999_999_999_999_999} {
				for _, sign := range []int64{1, -1} {
					a := decimal.New(sign*ca, lo+gap)
					b := decimal.New(sign*3, lo)
					require.Equal(t, a.Cmp(b), cmpDecimal(a, b), "%s vs %s", a, b)
					require.Equal(t, b.Cmp(a), cmpDecimal(b, a), "%s vs %s", b, a)
				}
			}
		}
	}
}
