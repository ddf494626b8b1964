package sla

import (
	"math/big"
	"math/rand/v2"
	"testing"
	"time"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// The tier edges hold exactly when the policy writes its percentages with
// 18 decimal places, the most Validate accepts (the comparison then needs
// 10^20, beyond a uint64 power of ten): 43m12s of downtime in a 30-day
// month is exactly 99.9 % (43m12s = 0.1 % of 2,592,000 s), meets the level
// and earns nothing; one nanosecond more earns 25 %.
func TestTierEdgesAtEighteenPlaces(t *testing.T) {
	p := DynamicsCRMOnline()
	p.Level = decimal.RequireFromString("99.900000000000000000")
	p.Tiers[0].Below = decimal.RequireFromString("99.900000000000000000")
	require.EqualValues(t, -18, p.Level.Exponent())
	require.NoError(t, p.Validate())

	month := 30 * 24 * time.Hour
	edge := 43*time.Minute + 12*time.Second
	assert.True(t, p.CreditPercent(month, edge).IsZero())
	assert.True(t, p.CreditPercent(month, edge+1).Equal(decimal.NewFromInt(25)))
	assert.True(t, p.meetsInt(uint64(month), uint64(edge)))
	assert.False(t, p.meetsInt(uint64(month), uint64(edge+1)))
}

// A tier at 0.5 % written with 18 places (coefficient 5 × 10^17) is
// compared in integers with 10^20 as the scale: 2 s of which 1.99 s down is
// 0.5 % up exactly, not below the tier; 1 ns more is below it.
func TestTierEdgeSmallBelowEighteenPlaces(t *testing.T) {
	half := decimal.RequireFromString("0.500000000000000000")
	p := DynamicsCRMOnline()
	p.Tiers = []Tier{{Below: dec("99.9"), Credit: dec("25")}, {Below: half, Credit: dec("100")}}
	require.NoError(t, p.Validate())

	total, down := 2*time.Second, 1990*time.Millisecond
	assert.True(t, p.CreditPercent(total, down).Equal(dec("25")), "exactly 0.5 %% up")
	assert.True(t, p.CreditPercent(total, down+1).Equal(dec("100")), "1 ns below 0.5 %%")

	p.Level, p.Tiers = half, []Tier{{Below: half, Credit: dec("100")}}
	require.NoError(t, p.Validate())
	assert.True(t, p.meetsInt(uint64(total), uint64(down)))
	assert.False(t, p.meetsInt(uint64(total), uint64(down+1)))
}

// u192.mul64 agrees with math/big whenever the product fits 192 bits,
// also when the top word of the multiplicand is in use.
func TestU192Mul64AgainstBig(t *testing.T) {
	rng := rand.New(rand.NewPCG(19, 2))
	toBig := func(r u192) *big.Int {
		z := new(big.Int).SetUint64(r[2])
		z.Lsh(z, 64).Or(z, new(big.Int).SetUint64(r[1]))
		return z.Lsh(z, 64).Or(z, new(big.Int).SetUint64(r[0]))
	}
	limit := new(big.Int).Lsh(big.NewInt(1), 192)
	for range 2000 {
		r := u192{rng.Uint64(), rng.Uint64(), rng.Uint64() >> rng.UintN(64)}
		m := rng.Uint64() >> rng.UintN(64)
		want := new(big.Int).Mul(toBig(r), new(big.Int).SetUint64(m))
		if want.Cmp(limit) >= 0 {
			continue
		}
		require.Equal(t, want, toBig(r.mul64(m)), "%v × %d", r, m)
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
