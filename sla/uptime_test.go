package sla

import (
	"fmt"
	"math"
	"math/big"
	"math/rand/v2"
	"reflect"
	"slices"
	"testing"
	"time"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/slapolicy/slapolicy/calendar"
)

// TestUptimePercent: section A's Monthly Uptime Percentage, (total −
// downtime) / total × 100, truncated at 20 places; downtime clamped into
// [0, total]; a total of 0 or less gives 100.
func TestUptimePercent(t *testing.T) {
	const day = 24 * time.Hour
	tests := []struct {
		name            string
		total, downtime time.Duration
		want            string
	}{
		{"no downtime", 30 * day, 0, "100"},
		{"all down", 30 * day, 30 * day, "0"},
		// 0.1 % of 30 × 86,400 s is 2,592 s = 43m12s.
		{"the level's edge in 30 days", 30 * day, 43*time.Minute + 12*time.Second, "99.9"},
		// 1ns of 2,592,000s is 1/25,920,000,000,000 % = 3.858...e-14 %, so the
		// uptime is 99.9 − 0.0000000000000385802469135802469… truncated at 20 places.
		{"one ns past the edge", 30 * day, 43*time.Minute + 12*time.Second + 1, "99.89999999999996141975"},
		{"one third", 3 * time.Hour, time.Hour, "66.66666666666666666666"},
		{"two thirds", 3 * time.Hour, 2 * time.Hour, "33.33333333333333333333"},
		{"negative downtime clamps to 0", 30 * day, -time.Hour, "100"},
		{"downtime over total clamps", 30 * day, 31 * day, "0"},
		{"zero total", 0, time.Hour, "100"},
		{"negative total", -time.Hour, time.Hour, "100"},
		// 1ns of 9,223,372,036,854,775,807 is 1.0842021724855…e-17 %:
		// 99.99999999999999998915797… truncated at 20 places.
		{"longest duration", math.MaxInt64, 1, "99.99999999999999998915"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := UptimePercent(tt.total, tt.downtime)
			assert.True(t, dec(tt.want).Equal(got), "want %s got %s", tt.want, got)
		})
	}
}

// monthEdge is a month with the tier edges of DynamicsCRMOnline in it.
type monthEdge struct {
	name              string
	month             calendar.Month
	total             time.Duration // the month's length
	at999, at99, at95 time.Duration // downtime giving exactly 99.9 %, 99 %, 95 %
}

// monthEdges returns the tier edges of DynamicsCRMOnline in months of every
// length, including the first and last years, the leap rules and months
// whose local clocks jump, worked by hand from the wall calendar and the tz
// database: a month of N days has N × 1,440 minutes, and the downtime at
// uptime b % is (100 − b) % of the month (section A's formula), so 1 % is
// 10 × the 0.1 % edge and 5 % is 50 × it.
func monthEdges(t testing.TB) []monthEdge {
	ny := location(t, "America/New_York")
	lordHowe := location(t, "Australia/Lord_Howe")
	const h, m, s, ms = time.Hour, time.Minute, time.Second, time.Millisecond
	return []monthEdge{
		// February 2023: 28 days = 40,320 min. 0.1 % = 40.32 min = 40m19.2s;
		// 1 % = 403.2 min = 6h43m12s; 5 % = 2,016 min = 33h36m.
		{"28 days", calendar.NewMonth(2023, time.February, nil), 672 * h, 40*m + 19200*ms, 6*h + 43*m + 12*s, 33*h + 36*m},
		// February 2024: 29 days = 41,760 min. 0.1 % = 41.76 min = 41m45.6s;
		// 1 % = 417.6 min = 6h57m36s; 5 % = 2,088 min = 34h48m.
		{"29 days", calendar.NewMonth(2024, time.February, nil), 696 * h, 41*m + 45600*ms, 6*h + 57*m + 36*s, 34*h + 48*m},
		// April 2024: 30 days = 43,200 min. 0.1 % = 43.2 min = 43m12s;
		// 1 % = 432 min = 7h12m; 5 % = 2,160 min = 36h.
		{"30 days", calendar.NewMonth(2024, time.April, nil), 720 * h, 43*m + 12*s, 7*h + 12*m, 36 * h},
		// January 2024: 31 days = 44,640 min. 0.1 % = 44.64 min = 44m38.4s;
		// 1 % = 446.4 min = 7h26m24s; 5 % = 2,232 min = 37h12m.
		{"31 days", calendar.NewMonth(2024, time.January, nil), 744 * h, 44*m + 38400*ms, 7*h + 26*m + 24*s, 37*h + 12*m},
		// The first and last months of years 1..9999: 31 days, as above.
		{"year 1 January", calendar.NewMonth(1, time.January, nil), 744 * h, 44*m + 38400*ms, 7*h + 26*m + 24*s, 37*h + 12*m},
		{"year 9999 December", calendar.NewMonth(9999, time.December, nil), 744 * h, 44*m + 38400*ms, 7*h + 26*m + 24*s, 37*h + 12*m},
		// 1900 and 2100 are not leap years (divisible by 100, not by 400):
		// 28 days, as above; 2000 is (divisible by 400): 29 days.
		{"February 1900 (not leap)", calendar.NewMonth(1900, time.February, nil), 672 * h, 40*m + 19200*ms, 6*h + 43*m + 12*s, 33*h + 36*m},
		{"February 2100 (not leap)", calendar.NewMonth(2100, time.February, nil), 672 * h, 40*m + 19200*ms, 6*h + 43*m + 12*s, 33*h + 36*m},
		{"February 2000 (leap)", calendar.NewMonth(2000, time.February, nil), 696 * h, 41*m + 45600*ms, 6*h + 57*m + 36*s, 34*h + 48*m},
		// New York March 2024 loses an hour (DST from 10 March): 743 h =
		// 44,580 min. 0.1 % = 44.58 min = 44m34.8s; 1 % = 445.8 min =
		// 7h25m48s; 5 % = 2,229 min = 37h9m.
		{"New York March 2024", calendar.NewMonth(2024, time.March, ny), 743 * h, 44*m + 34800*ms, 7*h + 25*m + 48*s, 37*h + 9*m},
		// New York November 2024 gains an hour (DST ends 3 November): 721 h
		// = 43,260 min. 0.1 % = 43.26 min = 43m15.6s; 1 % = 432.6 min =
		// 7h12m36s; 5 % = 2,163 min = 36h3m.
		{"New York November 2024", calendar.NewMonth(2024, time.November, ny), 721 * h, 43*m + 15600*ms, 7*h + 12*m + 36*s, 36*h + 3*m},
		// Lord Howe April 2024 gains 30 minutes (its DST ends 7 April):
		// 43,230 min. 0.1 % = 43.23 min = 43m13.8s; 1 % = 432.3 min =
		// 7h12m18s; 5 % = 2,161.5 min = 36h1m30s.
		{"Lord Howe April 2024", calendar.NewMonth(2024, time.April, lordHowe), 720*h + 30*m, 43*m + 13800*ms, 7*h + 12*m + 18*s, 36*h + m + 30*s},
	}
}

// TestCreditPercentMonthEdges: at each tier's edge (monthEdges) the uptime
// is exactly the tier's figure and earns the tier above; one nanosecond
// more earns the tier.
func TestCreditPercentMonthEdges(t *testing.T) {
	p := DynamicsCRMOnline()
	for _, m := range monthEdges(t) {
		total := m.month.Duration()
		require.Equal(t, m.total, total, m.name)
		require.Equal(t, 10*m.at999, m.at99, m.name)
		require.Equal(t, 50*m.at999, m.at95, m.name)
		steps := []struct {
			name     string
			downtime time.Duration
			credit   string
			uptime   string
		}{
			{"no downtime", 0, "0", "100"},
			{"exactly 99.9", m.at999, "0", "99.9"},
			{"1ns below 99.9", m.at999 + 1, "25", ""},
			{"exactly 99", m.at99, "25", "99"},
			{"1ns below 99", m.at99 + 1, "50", ""},
			{"exactly 95", m.at95, "50", "95"},
			{"1ns below 95", m.at95 + 1, "100", ""},
			{"all month", total, "100", "0"},
		}
		for _, s := range steps {
			t.Run(m.name+"/"+s.name, func(t *testing.T) {
				got := p.CreditPercent(total, s.downtime)
				assert.True(t, dec(s.credit).Equal(got), "credit: want %s got %s", s.credit, got)
				up := UptimePercent(total, s.downtime)
				if s.uptime != "" {
					assert.True(t, dec(s.uptime).Equal(up), "uptime: want %s got %s", s.uptime, up)
				}
				// The truncated uptime agrees with the exact tier choice.
				assert.Equal(t, up.LessThan(dec("99.9")), !p.meetsOf(decimal.NewFromInt(int64(total)), decimal.NewFromInt(int64(s.downtime))))
			})
		}
	}
}

// TestCreditPercentEdges: a total of 0 or less earns nothing; downtime is
// clamped into [0, total]; the largest durations do not overflow; an
// invalid policy earns nothing.
func TestCreditPercentEdges(t *testing.T) {
	p := DynamicsCRMOnline()
	assert.True(t, p.CreditPercent(0, time.Hour).IsZero(), "zero total earns nothing")
	assert.True(t, p.CreditPercent(-time.Hour, time.Hour).IsZero())
	assert.True(t, p.CreditPercent(time.Hour, -time.Hour).IsZero(), "negative downtime clamps to 0")
	assert.True(t, dec("100").Equal(p.CreditPercent(time.Hour, 2*time.Hour)), "downtime over total clamps to total")
	// No int64 overflow: the largest durations.
	assert.True(t, dec("100").Equal(p.CreditPercent(math.MaxInt64, math.MaxInt64)))
	assert.True(t, p.CreditPercent(math.MaxInt64, math.MaxInt64/1000).IsZero(), "0.1 % of MaxInt64 is 9223372036854775.807ns; 1ns less is above 99.9 %")
	assert.True(t, dec("25").Equal(p.CreditPercent(math.MaxInt64, math.MaxInt64/1000+1)))
	// An invalid policy earns nothing.
	bad := p
	bad.CreditCap = decimal.Decimal{}
	assert.True(t, bad.CreditPercent(time.Hour, time.Hour).IsZero())
}

// TestCreditPercentAgainstRationals compares the tier choice with big.Rat
// arithmetic on random totals and downtimes.
func TestCreditPercentAgainstRationals(t *testing.T) {
	p := DynamicsCRMOnline()
	rng := rand.New(rand.NewPCG(5, 9))
	for range 20000 {
		total := time.Duration(rng.Int64N(math.MaxInt64) + 1)
		if rng.IntN(2) == 0 {
			total = time.Duration(rng.Int64N(int64(32*24*time.Hour)) + 1)
		}
		var down time.Duration
		switch rng.IntN(3) {
		case 0:
			down = time.Duration(rng.Int64N(int64(total) + 1))
		default: // near an edge
			b := p.Tiers[rng.IntN(len(p.Tiers))].Below
			edge := decimal.NewFromInt(int64(total)).Mul(hundred.Sub(b)).Shift(-2).IntPart()
			down = time.Duration(edge + rng.Int64N(3) - 1)
		}
		exactUp := new(bigRat).uptime(total, down)
		want := "0"
		for _, tier := range p.Tiers {
			if exactUp.Cmp(tier.Below.Rat()) < 0 {
				want = tier.Credit.String()
			}
		}
		got := p.CreditPercent(total, down)
		require.True(t, dec(want).Equal(got), "total %d down %d: want %s got %s", total, down, want, got)
	}
}

// TestTierChoiceAllocatesNothing: the tier choice and the level check of a
// month in nanoseconds stay in 64-bit and 192-bit integers, for a policy
// whose percentages have at most 18 significant digits.
func TestTierChoiceAllocatesNothing(t *testing.T) {
	p := DynamicsCRMOnline()
	assert.Zero(t, testing.AllocsPerRun(100, func() { _ = p.creditInt(uint64(30*24*time.Hour), uint64(time.Hour)) }), "tier choice")
	assert.Zero(t, testing.AllocsPerRun(100, func() { _ = p.meetsInt(uint64(30*24*time.Hour), uint64(time.Hour)) }), "level check")
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

// bigRat is the brute-force reference for percentages: exact rationals.
type bigRat struct{ big.Rat }

// uptime returns (total − clamp(down)) × 100 / total exactly.
func (r *bigRat) uptime(total, down time.Duration) *big.Rat {
	down = min(max(down, 0), total)
	q := new(big.Rat).SetFrac(big.NewInt(int64(total-down)), big.NewInt(int64(total)))
	return q.Mul(q, big.NewRat(100, 1))
}

// The reference for the integer tier choice: oldUptimeOf, oldCreditOf and
// oldMeetsOf are the decimal uptime, tier choice and level check as they
// were before the integer arithmetic, kept verbatim so that the integer
// code is compared with them on every input below, whatever later happens
// to the decimal fallbacks (uptimeOf, creditOf, meetsOf).

// oldUptimeOf is (total − down) × 100 / total, truncated to 20 places.
func oldUptimeOf(total, down decimal.Decimal) decimal.Decimal {
	q, _ := total.Sub(down).Mul(hundred).QuoRem(total, uptimePlaces)
	return q
}

// oldCreditOf is the Credit of the last tier whose Below the uptime is
// under, compared as (total − down) × 100 < Below × total.
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

// oldMeetsOf reports (total − down) × 100 >= Level × total.
func oldMeetsOf(p Policy, total, down decimal.Decimal) bool {
	return total.Sub(down).Mul(hundred).Cmp(p.Level.Mul(total)) >= 0
}

// checkAgainstOld compares uptimeInt, creditInt, meetsInt and judge
// (unprepared and compiled) with
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

	// A Compiled that Policy.Assess makes for one call prepares nothing
	// (no prepare): it judges with the percentages prepared as needed.
	unprepared := &Compiled{p: p}
	u, c, m := unprepared.judge(tot, dn)
	require.True(t, reflect.DeepEqual(wantUp, u), "judge uptime %s", what)
	require.True(t, reflect.DeepEqual(wantCredit, c), "judge credit %s", what)
	require.Equal(t, wantMet, m, "judge met %s", what)

	// The compiled policy prepares its percentages once (scaledOf) and
	// must judge bit for bit the same, in integers and through big.Int.
	if cp, err := Compile(p); err == nil {
		u, c, m := cp.judgeInt(total, down)
		require.True(t, reflect.DeepEqual(wantUp, u), "compiled uptime %s", what)
		require.True(t, reflect.DeepEqual(wantCredit, c), "compiled credit %s: want %s got %s", what, wantCredit, c)
		require.Equal(t, wantMet, m, "compiled met %s", what)
		u, c, m = cp.judge(tot, dn)
		require.True(t, reflect.DeepEqual(wantUp, u) && reflect.DeepEqual(wantCredit, c) && wantMet == m, "compiled judge %s", what)
	}

	if total <= math.MaxInt64 {
		d := time.Duration(total)
		assert.True(t, reflect.DeepEqual(wantUp, UptimePercent(d, time.Duration(down))), "UptimePercent %s", what)
		assert.True(t, reflect.DeepEqual(wantCredit, p.CreditPercent(d, time.Duration(down))), "CreditPercent %s", what)
	}
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

// TestTierChoiceMatchesDecimal compares the integer uptime, tier choice and
// level check with the decimal reference on random policies (randomPolicy)
// and totals up to the largest uint64, at each threshold's edge.
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
	// Every policy on the edges of a 30-day month.
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
		"dynamics":             DynamicsCRMOnline(),
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
	cp, err := Compile(p)
	require.NoError(t, err)
	total := new(big.Int).Mul(big.NewInt(1e9), big.NewInt(int64(30*24*time.Hour))) // 1e9 users
	require.False(t, total.IsUint64())
	// 1 ns of all users over 43m12s (99.9 % exactly) and 1 user-ns more.
	at999 := new(big.Int).Mul(big.NewInt(1e9), big.NewInt(int64(43*time.Minute+12*time.Second)))
	for _, down := range []*big.Int{big.NewInt(0), at999, new(big.Int).Add(at999, big.NewInt(1)), total} {
		dt, dd := decimal.NewFromBigInt(total, 0), decimal.NewFromBigInt(down, 0)
		u, c, m := cp.judge(total, down)
		assert.True(t, reflect.DeepEqual(oldUptimeOf(dt, dd), u), "uptime %s", down)
		assert.True(t, reflect.DeepEqual(oldCreditOf(p, dt, dd), c), "credit %s", down)
		assert.Equal(t, oldMeetsOf(p, dt, dd), m, "met %s", down)
	}
	u, c, m := cp.judge(total, at999)
	assert.True(t, dec("99.9").Equal(u), "exactly 99.9: got %s", u)
	assert.True(t, c.IsZero(), "no credit at exactly 99.9")
	assert.True(t, m)
}
