package sla

import (
	"math"
	"math/rand/v2"
	"slices"
	"testing"
	"time"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/require"
)

// randomTiers returns a valid random policy: 1 to 5 tiers with Below
// strictly decreasing and Credit strictly increasing, at up to 3 decimal
// places, a level at or above the first Below, and a cap.
func randomTiers(rng *rand.Rand) Policy {
	p := DynamicsCRMOnline()
	n := 1 + rng.IntN(5)
	belows := map[int64]bool{}
	for len(belows) < n {
		belows[1+rng.Int64N(100_000)] = true // thousandths of a percent, (0, 100]
	}
	credits := map[int64]bool{}
	for len(credits) < n {
		credits[rng.Int64N(100_001)] = true // [0, 100]
	}
	bs, cs := mapKeys(belows), mapKeys(credits)
	slices.Sort(bs)
	slices.Reverse(bs) // decreasing
	slices.Sort(cs)    // increasing
	p.Tiers = make([]Tier, n)
	for i := range n {
		p.Tiers[i] = Tier{Below: decimal.New(bs[i], -3), Credit: decimal.New(cs[i], -3)}
	}
	p.Level = decimal.New(bs[0]+rng.Int64N(100_001-bs[0]), -3)
	p.CreditCap = decimal.New(1+rng.Int64N(100_000), -3)
	return p
}

func mapKeys(m map[int64]bool) []int64 {
	out := make([]int64, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	return out
}

// TestCreditMonotonic: for random valid policies and month lengths, more
// downtime never earns less credit, less uptime, or a met level where less
// downtime missed it; the credit is always 0 or one of the policy's tiers';
// the uptime stays in [0, 100]. Downtimes are sorted, and include every
// tier's exact edge and a nanosecond either side.
func TestCreditMonotonic(t *testing.T) {
	rng := rand.New(rand.NewPCG(8, 9))
	totals := []time.Duration{
		672 * time.Hour, 696 * time.Hour, 720 * time.Hour, 743 * time.Hour, 744 * time.Hour, 721 * time.Hour,
		720*time.Hour + 30*time.Minute, time.Nanosecond, 3, math.MaxInt64,
	}
	for i := range 400 {
		p := randomTiers(rng)
		require.NoError(t, p.Validate())
		total := totals[rng.IntN(len(totals))]
		if rng.IntN(3) == 0 {
			total = time.Duration(1 + rng.Int64N(math.MaxInt64))
		}
		downs := []time.Duration{0, total, -1, total + 1}
		for _, tier := range append(p.Tiers, Tier{Below: p.Level}) {
			edge := decimal.NewFromInt(int64(total)).Mul(hundred.Sub(tier.Below)).Shift(-2).IntPart()
			downs = append(downs, time.Duration(edge-1), time.Duration(edge), time.Duration(edge+1))
		}
		for range 20 {
			downs = append(downs, time.Duration(rng.Uint64N(uint64(total)+1)))
		}
		slices.Sort(downs)
		prevCredit, prevUptime, prevMet := decimal.Decimal{}, hundred, true
		for _, d := range downs {
			credit, uptime := p.CreditPercent(total, d), UptimePercent(total, d)
			met := uptime.GreaterThanOrEqual(p.Level)
			require.True(t, credit.GreaterThanOrEqual(prevCredit), "policy %d total %d: downtime %d earns %s, less than %s", i, total, d, credit, prevCredit)
			require.True(t, uptime.LessThanOrEqual(prevUptime), "uptime rose to %s", uptime)
			require.True(t, uptime.GreaterThanOrEqual(zero) && uptime.LessThanOrEqual(hundred), "uptime %s", uptime)
			require.False(t, met && !prevMet, "met again at downtime %d", d)
			inTiers := credit.IsZero()
			for _, tier := range p.Tiers {
				inTiers = inTiers || tier.Credit.Equal(credit)
			}
			require.True(t, inTiers, "credit %s is not a tier's", credit)
			if met {
				require.True(t, credit.IsZero(), "a met level earns nothing")
			}
			prevCredit, prevUptime, prevMet = credit, uptime, met
		}
	}
}

// TestPayoutMonotonic: a larger fee never pays less, a larger credit never
// pays less, and the payout never exceeds the cap's share of the fee.
func TestPayoutMonotonic(t *testing.T) {
	rng := rand.New(rand.NewPCG(8, 10))
	for range 300 {
		p := randomTiers(rng)
		p.CurrencyPlaces = rng.IntN(4)
		credits := []decimal.Decimal{zero}
		for _, tier := range p.Tiers {
			credits = append(credits, tier.Credit)
		}
		fees := make([]decimal.Decimal, 8)
		for i := range fees {
			fees[i] = decimal.New(rng.Int64N(10_000_000), -int32(rng.IntN(5)))
		}
		slices.SortFunc(fees, decimal.Decimal.Cmp)
		limit := func(fee decimal.Decimal) decimal.Decimal { return fee.Mul(p.CreditCap).Shift(-2) }
		for ci, c := range credits {
			a := Assessment{Credit: c, money: p.money()}
			prev := zero
			for _, fee := range fees {
				pay, err := a.Payout(fee)
				require.NoError(t, err)
				require.True(t, pay.Unrounded.GreaterThanOrEqual(prev), "fee %s pays %s, less than %s", fee, pay.Unrounded, prev)
				require.True(t, pay.Unrounded.LessThanOrEqual(limit(fee)), "over the cap")
				require.True(t, pay.Amount.Equal(pay.Unrounded.Round(int32(p.CurrencyPlaces))))
				require.Equal(t, c.Mul(fee).Shift(-2).GreaterThan(limit(fee)), pay.Capped)
				prev = pay.Unrounded
				if ci > 0 {
					lower, err := Assessment{Credit: credits[ci-1], money: p.money()}.Payout(fee)
					require.NoError(t, err)
					require.True(t, pay.Unrounded.GreaterThanOrEqual(lower.Unrounded), "credit %s pays less than %s", c, credits[ci-1])
				}
			}
		}
	}
}
