package sla

import (
	"fmt"
	"math"
	"math/big"
	"math/rand/v2"
	"reflect"
	"testing"
	"time"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// The reference: the decimal uptime, tier choice and level check as they
// were before the integer fast path, kept here verbatim so that the new
// code is compared with the old on every input below, whatever later
// happens to the fallbacks in uptime.go.

func oldUptimeOf(total, down decimal.Decimal) decimal.Decimal {
	q, _ := total.Sub(down).Mul(hundred).QuoRem(total, uptimePlaces)
	return q
}

func oldCreditOf(p Policy, tot, down decimal.Decimal) decimal.Decimal {
	up := tot.Sub(down).Mul(hundred)
	credit := zero
	for _, t := range p.Tiers {
		if up.Cmp(t.Below.Mul(tot)) >= 0 {
			break
		}
		credit = t.Credit
	}
	return credit
}

func oldMeetsOf(p Policy, total, down decimal.Decimal) bool {
	return total.Sub(down).Mul(hundred).Cmp(p.Level.Mul(total)) >= 0
}

// checkAgainstOld compares uptimeInt, creditInt, meetsInt and judge with
// the reference for down out of total, bit for bit: the uptime's
// coefficient and exponent (reflect.DeepEqual, which also tells a nil
// coefficient from an empty one), the very tier's Credit value, and met.
func checkAgainstOld(t *testing.T, p Policy, total, down uint64) {
	t.Helper()
	tot, dn := new(big.Int).SetUint64(total), new(big.Int).SetUint64(down)
	dt, dd := decimal.NewFromBigInt(tot, 0), decimal.NewFromBigInt(dn, 0)
	wantUp, wantCredit, wantMet := oldUptimeOf(dt, dd), oldCreditOf(p, dt, dd), oldMeetsOf(p, dt, dd)
	what := fmt.Sprintf("total %d down %d level %s tiers %v", total, down, p.Level, p.Tiers)

	gotUp := uptimeInt(total, down)
	require.True(t, reflect.DeepEqual(wantUp, gotUp), "uptime %s: want %s (%s e%d) got %s (%s e%d)",
		what, wantUp, wantUp.Coefficient(), wantUp.Exponent(), gotUp, gotUp.Coefficient(), gotUp.Exponent())
	require.True(t, reflect.DeepEqual(wantCredit, p.creditInt(total, down)), "credit %s: want %s got %s", what, wantCredit, p.creditInt(total, down))
	require.Equal(t, wantMet, p.meetsInt(total, down), "met %s", what)

	u, c, m := p.judge(tot, dn)
	require.True(t, reflect.DeepEqual(wantUp, u), "judge uptime %s", what)
	require.True(t, reflect.DeepEqual(wantCredit, c), "judge credit %s", what)
	require.Equal(t, wantMet, m, "judge met %s", what)

	if total <= math.MaxInt64 {
		d := time.Duration(total)
		assert.True(t, reflect.DeepEqual(wantUp, UptimePercent(d, time.Duration(down))), "UptimePercent %s", what)
		assert.True(t, reflect.DeepEqual(wantCredit, p.CreditPercent(d, time.Duration(down))), "CreditPercent %s", what)
	}
}

// randomPercent returns a percentage in (0, 100] as c × 10^e with e in
// -18..2, most of them with at most 18 significant digits and some with
// 19 or 20 (which take the decimal fallback).
func randomPercent(rng *rand.Rand) decimal.Decimal {
	e := int32(-rng.IntN(21)) + 2
	// The largest coefficient with c × 10^e <= 100.
	limit := new(big.Int).Exp(big.NewInt(10), big.NewInt(int64(2-e)), nil)
	c := new(big.Int).SetUint64(rng.Uint64())
	c.Lsh(c, 64).Or(c, new(big.Int).SetUint64(rng.Uint64()))
	c.Mod(c, limit)         // in [0, 10^(2−e))
	c.Add(c, big.NewInt(1)) // in [1, 10^(2−e)]
	if rng.IntN(3) > 0 && c.BitLen() > 40 {
		c.Rsh(c, uint(rng.IntN(c.BitLen()))) // shorter coefficients too
		if c.Sign() == 0 {
			c.SetInt64(1)
		}
	}
	return decimal.NewFromBigInt(c, e)
}

// randomPolicy returns a valid policy of 1 to 4 tiers with random
// percentages, Below strictly decreasing and Level at least the first
// Below.
func randomPolicy(rng *rand.Rand) Policy {
	p := DynamicsCRMOnline()
	n := 1 + rng.IntN(4)
	belows := make([]decimal.Decimal, 0, n+1)
	for len(belows) < n+1 {
		belows = append(belows, randomPercent(rng))
	}
	// Sort descending and drop repeats by value.
	for i := range belows {
		for j := i + 1; j < len(belows); j++ {
			if belows[j].Cmp(belows[i]) > 0 {
				belows[i], belows[j] = belows[j], belows[i]
			}
		}
	}
	uniq := belows[:1]
	for _, b := range belows[1:] {
		if !b.Equal(uniq[len(uniq)-1]) {
			uniq = append(uniq, b)
		}
	}
	p.Level = uniq[0]
	tiers := uniq[min(1, len(uniq)-1):]
	if rng.IntN(4) == 0 {
		tiers = uniq // Level equal to the first Below
	}
	p.Tiers = p.Tiers[:0]
	for i, b := range tiers {
		p.Tiers = append(p.Tiers, Tier{Below: b, Credit: decimal.New(int64(10*(i+1)), 0)})
	}
	return p
}

// downs returns downtimes to try against total for p: the edges, random
// ones, and for each threshold x (the Level and every Below) that falls on
// a whole amount, the downtime at exactly x and one either side.
func downs(rng *rand.Rand, p Policy, total uint64) []uint64 {
	out := []uint64{0, 1, total / 2, total - 1, total, rng.Uint64N(total/100 + 1)}
	if total < math.MaxUint64 {
		out = append(out, rng.Uint64N(total+1))
	}
	thresholds := []decimal.Decimal{p.Level}
	for _, t := range p.Tiers {
		thresholds = append(thresholds, t.Below)
	}
	tot := new(big.Int).SetUint64(total)
	for _, x := range thresholds {
		// up at the threshold: x × total / 100, floored.
		up := x.Mul(decimal.NewFromBigInt(tot, 0)).Shift(-2).Floor().BigInt()
		if !up.IsUint64() || up.Uint64() > total {
			continue
		}
		d := total - up.Uint64()
		out = append(out, d, d+1)
		if d > 0 {
			out = append(out, d-1)
		}
	}
	for i, d := range out {
		out[i] = min(d, total)
	}
	return out
}

func TestTierChoiceMatchesDecimal(t *testing.T) {
	rng := rand.New(rand.NewPCG(5, 2024))
	totals := []uint64{
		1, 2, 3, 7, 100, 1000,
		uint64(28 * 24 * time.Hour), uint64(29 * 24 * time.Hour), uint64(30 * 24 * time.Hour), uint64(31 * 24 * time.Hour),
		uint64(30*24*time.Hour) * 1000, // 1,000 users over a 30-day month
		math.MaxInt64, math.MaxUint64 - 1, math.MaxUint64,
		1e18, 1e19, 99999999999999999,
	}
	for range 300 {
		totals = append(totals, 1+rng.Uint64N(uint64(31*24*time.Hour)), 1+rng.Uint64(), 1+rng.Uint64N(1e6))
	}
	policies := []Policy{DynamicsCRMOnline()}
	for range 60 {
		policies = append(policies, randomPolicy(rng))
	}
	for _, p := range policies {
		require.NoError(t, p.Validate())
	}
	for i, total := range totals {
		if total == 0 {
			continue
		}
		p := policies[i%len(policies)]
		for _, down := range downs(rng, p, total) {
			checkAgainstOld(t, p, total, down)
		}
	}
	// Every policy on the seed's boundaries of a 30-day month.
	month := uint64(30 * 24 * time.Hour)
	for _, p := range policies {
		for _, down := range downs(rng, p, month) {
			checkAgainstOld(t, p, month, down)
		}
	}
}

// TestTierChoiceEdges pins hand-picked thresholds: a Below of 100 (a tier
// every downtime above 0 matches), of 1e-18, of 18 and of 20 significant
// digits (the decimal fallback), written with trailing zeros, and totals
// at the ends of uint64.
func TestTierChoiceEdges(t *testing.T) {
	pol := func(level string, belows ...string) Policy {
		p := DynamicsCRMOnline()
		p.Level = dec(level)
		p.Tiers = nil
		for i, b := range belows {
			p.Tiers = append(p.Tiers, Tier{Below: dec(b), Credit: decimal.New(int64(i+1), 0)})
		}
		require.NoError(t, p.Validate())
		return p
	}
	policies := map[string]Policy{
		"hundred":              pol("100", "100", "50", "0.000000000000000001"),
		"trailing zeros":       pol("99.900000000000000000", "99.900000000000000000", "99.0", "95.00"),
		"18 digits":            pol("99.9999999999999999", "99.9999999999999999", "0.123456789012345678"),
		"20 digits":            pol("99.999999999999999999", "99.999999999999999999", "9.999999999999999999"),
		"exponent 2":           pol("1e2", "1e2"),
		"exponent 1":           pol("9e1", "9e1", "1e1"),
		"seed":                 DynamicsCRMOnline(),
		"tiny below":           pol("1e-18", "1e-18"),
		"level above first":    pol("99.99", "99.9", "99"),
		"one tier at 5 places": pol("99.95", "99.95"),
	}
	rng := rand.New(rand.NewPCG(1, 1))
	for name, p := range policies {
		t.Run(name, func(t *testing.T) {
			for _, total := range []uint64{1, 3, 100, 1e18, uint64(31 * 24 * time.Hour), math.MaxInt64, math.MaxUint64} {
				for _, down := range downs(rng, p, total) {
					checkAgainstOld(t, p, total, down)
				}
			}
		})
	}
}

// TestJudgeBeyondUint64 covers user-time amounts above 64 bits, which take
// the decimal path, and checks it still matches the reference.
func TestJudgeBeyondUint64(t *testing.T) {
	p := DynamicsCRMOnline()
	total := new(big.Int).Mul(big.NewInt(1_000_000_000), big.NewInt(int64(30*24*time.Hour))) // 1e9 users
	require.False(t, total.IsUint64())
	// 1 ns of all users over 43m12s (99.9 % exactly) and 1 user-ns more.
	at999 := new(big.Int).Mul(big.NewInt(1_000_000_000), big.NewInt(int64(43*time.Minute+12*time.Second)))
	for _, down := range []*big.Int{big.NewInt(0), at999, new(big.Int).Add(at999, big.NewInt(1)), total} {
		dt, dd := decimal.NewFromBigInt(total, 0), decimal.NewFromBigInt(down, 0)
		u, c, m := p.judge(total, down)
		assert.True(t, reflect.DeepEqual(oldUptimeOf(dt, dd), u), "uptime %s", down)
		assert.True(t, reflect.DeepEqual(oldCreditOf(p, dt, dd), c), "credit %s", down)
		assert.Equal(t, oldMeetsOf(p, dt, dd), m, "met %s", down)
	}
	u, c, m := p.judge(total, at999)
	assert.True(t, dec("99.9").Equal(u), "exactly 99.9: got %s", u)
	assert.True(t, c.IsZero(), "no credit at exactly 99.9")
	assert.True(t, m)
}

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

func TestU192MatchesBig(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 9))
	toBig := func(r u192) *big.Int {
		z := new(big.Int).SetUint64(r[2])
		z.Lsh(z, 64).Or(z, new(big.Int).SetUint64(r[1]))
		return z.Lsh(z, 64).Or(z, new(big.Int).SetUint64(r[0]))
	}
	xs := []uint64{0, 1, 9, 10, math.MaxUint32, math.MaxInt64, math.MaxUint64}
	for range 2000 {
		xs = append(xs, rng.Uint64()>>rng.IntN(64))
	}
	for _, x := range xs {
		bx := new(big.Int).SetUint64(x)
		k := rng.IntN(maxPow10 + 1)
		want := new(big.Int).Mul(bx, new(big.Int).Exp(big.NewInt(10), big.NewInt(int64(k)), nil))
		p := mulPow10(x, k)
		require.Equal(t, 0, want.Cmp(toBig(p)), "%d × 10^%d", x, k)
		y := xs[rng.IntN(len(xs))]
		require.Equal(t, 0, new(big.Int).Mul(bx, new(big.Int).SetUint64(y)).Cmp(toBig(mul128(x, y))), "%d × %d", x, y)
		require.Equal(t, want.Cmp(toBig(mul128(x, y))), p.cmp(mul128(x, y)), "cmp %d × 10^%d vs %d × %d", x, k, x, y)
		if y > 0 {
			q := p.div64(y)
			require.Equal(t, 0, new(big.Int).Quo(want, new(big.Int).SetUint64(y)).Cmp(toBig(q)), "%d × 10^%d / %d", x, k, y)
		}
	}
	assert.Equal(t, 0, mulPow10(5, 0).cmp(u192{5}))
	assert.Equal(t, 1, u192{0, 0, 1}.cmp(u192{math.MaxUint64, math.MaxUint64}))
	assert.Equal(t, -1, u192{math.MaxUint64, math.MaxUint64}.cmp(u192{0, 0, 1}))
}

// FuzzTierChoice compares the integer tier choice, level check and uptime
// with the decimal reference on any total, downtime and a one-tier policy
// whose Below and Level are c × 10^e.
func FuzzTierChoice(f *testing.F) {
	f.Add(uint64(30*24*time.Hour), uint64(43*time.Minute+12*time.Second), uint64(999), int8(-1))
	f.Add(uint64(30*24*time.Hour), uint64(43*time.Minute+12*time.Second+1), uint64(999), int8(-1))
	f.Add(uint64(math.MaxUint64), uint64(1), uint64(1), int8(2))
	f.Add(uint64(1), uint64(0), uint64(1), int8(-18))
	f.Add(uint64(1e18), uint64(1e15), uint64(999999999999999999), int8(-16))
	f.Fuzz(func(t *testing.T, total, down, c uint64, e int8) {
		if total == 0 || c == 0 {
			return
		}
		down = min(down, total)
		x := decimal.NewFromBigInt(new(big.Int).SetUint64(c), int32(e))
		p := DynamicsCRMOnline()
		p.Level, p.Tiers = x, []Tier{{Below: x, Credit: decimal.New(25, 0)}}
		if p.Validate() != nil {
			return
		}
		checkAgainstOld(t, p, total, down)
	})
}

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
