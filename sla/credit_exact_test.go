package sla

import (
	"math"
	"math/big"
	"math/rand/v2"
	"slices"
	"strconv"
	"testing"
	"time"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/require"
)

// randomPrecisePolicy returns a valid policy whose tiers and level have
// up to 18 decimal places and up to 20 significant digits, so that some
// comparisons fit 64-bit integers and some do not.
func randomPrecisePolicy(rng *rand.Rand) Policy {
	p := DynamicsCRMOnline()
	n := 1 + rng.IntN(4)
	places := rng.IntN(19)
	pick := func() decimal.Decimal {
		b := []byte(strconv.Itoa(rng.IntN(100)))
		if places > 0 {
			b = append(b, '.')
			for range places {
				b = append(b, byte('0'+rng.IntN(10)))
			}
		}
		d := decimal.RequireFromString(string(b))
		if d.Sign() == 0 {
			return decimal.New(1, -int32(places))
		}
		return d
	}
	var belows []decimal.Decimal
	for len(belows) < n {
		d := pick()
		if !slices.ContainsFunc(belows, d.Equal) {
			belows = append(belows, d)
		}
	}
	slices.SortFunc(belows, func(a, b decimal.Decimal) int { return b.Cmp(a) }) // decreasing
	p.Tiers = make([]Tier, n)
	for i, b := range belows {
		p.Tiers[i] = Tier{Below: b, Credit: decimal.NewFromInt(int64(10 * (i + 1)))}
	}
	p.Level = p.Tiers[0].Below
	if rng.IntN(2) == 0 {
		p.Level = decimal.NewFromInt(100)
	}
	return p
}

// TestCreditExactAgainstRationals: CreditPercent and Assess's Met agree
// with big.Rat arithmetic for policies whose figures need more than 64
// bits to compare, at random totals up to the largest time.Duration and at
// each figure's exact edge, one nanosecond either side.
func TestCreditExactAgainstRationals(t *testing.T) {
	rng := rand.New(rand.NewPCG(8, 21))
	for i := range 300 {
		p := randomPrecisePolicy(rng)
		require.NoError(t, p.Validate(), "policy %d", i)
		total := time.Duration(1 + rng.Int64N(math.MaxInt64))
		if rng.IntN(2) == 0 {
			total = time.Duration(1 + rng.Int64N(int64(32*24*time.Hour)))
		}
		var downs []time.Duration
		for _, b := range append([]decimal.Decimal{p.Level}, tierBelows(p)...) {
			edge := decimal.NewFromInt(int64(total)).Mul(hundred.Sub(b)).Shift(-2).IntPart()
			downs = append(downs, time.Duration(edge-1), time.Duration(edge), time.Duration(edge+1))
		}
		downs = append(downs, time.Duration(rng.Int64N(int64(total))))
		for _, d := range downs {
			exact := new(bigRat).uptime(total, d)
			want := zero
			for _, tier := range p.Tiers {
				if exact.Cmp(tier.Below.Rat()) < 0 {
					want = tier.Credit
				}
			}
			got := p.CreditPercent(total, d)
			require.True(t, want.Equal(got), "policy %d %v total %d down %d: want %s got %s", i, p.Tiers, total, d, want, got)
			met := exact.Cmp(p.Level.Rat()) >= 0
			dd := min(max(d, 0), total)
			require.Equal(t, met, p.meetsInt(uint64(total), uint64(dd)), "policy %d level %s total %d down %d", i, p.Level, total, d)
			up := UptimePercent(total, d)
			// Truncated to 20 places: never above the exact figure, and
			// less than 1e-20 below it.
			require.True(t, up.Rat().Cmp(exact) <= 0, "uptime %s above exact", up)
			diff := new(big.Rat).Sub(exact, up.Rat())
			require.True(t, diff.Cmp(oneE20) < 0, "uptime %s is not exact to 20 places", up)
		}
	}
}

// oneE20 is 10^-20, the last place UptimePercent keeps.
var oneE20 = new(big.Rat).SetFrac(big.NewInt(1), new(big.Int).Exp(big.NewInt(10), big.NewInt(20), nil))

func tierBelows(p Policy) []decimal.Decimal {
	out := make([]decimal.Decimal, len(p.Tiers))
	for i, t := range p.Tiers {
		out[i] = t.Below
	}
	return out
}
