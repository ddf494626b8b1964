package measure

import (
	"math"
	"math/big"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/slapolicy/slapolicy/calendar"
	"github.com/slapolicy/slapolicy/sla"
)

// interval returns the interval [10:from, 10:to) on 15 April 2024 (see
// clock) with errs of total requests failed.
func interval(from, to int, errs, total int64) IntervalRate {
	return IntervalRate{Span: span(clock(from, 0), clock(to, 0)), Errors: errs, Total: total}
}

// atOrAbove is the threshold rule by integer cross-multiplication, done
// independently of the library: errs/total × 100 >= threshold exactly when
// errs × 100 × 10^places >= coefficient × total, for a threshold written
// with that many places.
func atOrAbove(errs, total int64, threshold string) bool {
	d := decimal.RequireFromString(threshold)
	coef := d.Coefficient()
	lhs := new(big.Int).Mul(big.NewInt(errs), big.NewInt(100))
	if e := d.Exponent(); e < 0 {
		lhs.Mul(lhs, new(big.Int).Exp(big.NewInt(10), big.NewInt(int64(-e)), nil))
	} else {
		coef.Mul(coef, new(big.Int).Exp(big.NewInt(10), big.NewInt(int64(e)), nil))
	}
	rhs := new(big.Int).Mul(coef, big.NewInt(total))
	return lhs.Cmp(rhs) >= 0
}

// TestRateThresholdEdge: an interval exactly at the threshold is down, one
// a single error below it is up, decided with no rounding.
func TestRateThresholdEdge(t *testing.T) {
	for _, tc := range []struct {
		name        string
		threshold   string
		errs, total int64
		down        bool
	}{
		{"5 % of 100 at a 5 % threshold", "5", 5, 100, true},
		{"4 of 100 at 5 %", "5", 4, 100, false},
		{"0.1 % error rate = 99.9 % success, at 0.1", "0.1", 1, 1000, true},
		{"999,999 of 1e9 at 0.1 %", "0.1", 999_999, 1e9, false},
		{"1 of 3 is 33.33...%, above 33.333333333333333333", "33.333333333333333333", 1, 3, true},
		// 33.3333333333333333 % (16 threes after the point) is below
		// 33.333333333333333333 (18): errors×100×10^18 = 3.33...×10^37 <
		// coefficient × total.
		{"333333333333333333 of 1e18", "33.333333333333333333", 333_333_333_333_333_333, 1e18, false},
		{"every request failed, 100 %", "100", 7, 7, true},
		{"one short of every request at 100 %", "100", 6, 7, false},
		{"huge counts do not overflow", "100", math.MaxInt64, math.MaxInt64, true},
		{"huge counts one short", "100", math.MaxInt64 - 1, math.MaxInt64, false},
		// 1 / 9,223,372,036,854,775,807 × 100 ≈ 1.08e-17 %, above 1e-18 %.
		{"one error in MaxInt64 at the smallest threshold", "0.000000000000000001", 1, math.MaxInt64, true},
		{"no errors is never down", "0.000000000000000001", 0, 1, false},
		{"threshold written with trailing zeros", "5.000", 5, 100, true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			require.Equal(t, tc.down, atOrAbove(tc.errs, tc.total, tc.threshold), "the hand-worked case agrees with cross-multiplication")
			m, err := Rates([]IntervalRate{interval(0, 5, tc.errs, tc.total)}, span(clock(0, 0), clock(5, 0)),
				RateOptions{Threshold: decimal.RequireFromString(tc.threshold)})
			require.NoError(t, err)
			if tc.down {
				assert.Equal(t, 5*time.Minute, m.Down)
				require.Len(t, m.Outages, 1)
			} else {
				assert.Equal(t, 5*time.Minute, m.Up)
				assert.Empty(t, m.Outages)
			}
		})
	}
}

// TestMeasureRatesHandWorked: 5-minute intervals over 10:00-11:00 at a 5 %
// threshold.
func TestMeasureRatesHandWorked(t *testing.T) {
	hour := span(clock(0, 0), clock(60, 0))
	five := RateOptions{Threshold: decimal.RequireFromString("5")}
	full := func() []IntervalRate {
		var out []IntervalRate
		for m := 0; m < 60; m += 5 {
			out = append(out, interval(m, m+5, 0, 1000))
		}
		return out
	}
	set := func(rs []IntervalRate, from int, errs, total int64) []IntervalRate {
		rs[from/5].Errors, rs[from/5].Total = errs, total
		return rs
	}
	for _, tc := range []struct {
		name    string
		rates   []IntervalRate
		outages []sla.Outage
		unknown []calendar.Span
	}{
		{"all below the threshold", full(), nil, nil},
		{"consecutive down intervals merge",
			set(set(full(), 10, 50, 1000), 15, 999, 1000),
			outagesOf(span(clock(10, 0), clock(20, 0))), nil},
		{"an up interval separates outages",
			set(set(full(), 10, 50, 1000), 20, 51, 1000),
			outagesOf(span(clock(10, 0), clock(15, 0)), span(clock(20, 0), clock(25, 0))), nil},
		{"no requests is unknown",
			set(full(), 30, 0, 0), nil, []calendar.Span{span(clock(30, 0), clock(35, 0))}},
		{"an unknown interval separates outages",
			set(set(set(full(), 10, 60, 1000), 15, 0, 0), 20, 60, 1000),
			outagesOf(span(clock(10, 0), clock(15, 0)), span(clock(20, 0), clock(25, 0))),
			[]calendar.Span{span(clock(15, 0), clock(20, 0))}},
		{"time no interval covers is unknown",
			slices.Delete(full(), 2, 4), nil, []calendar.Span{span(clock(10, 0), clock(20, 0))}},
		{"no data at all", nil, nil, []calendar.Span{hour}},
		{"intervals crossing the edges are clipped",
			[]IntervalRate{interval(-5, 5, 10, 100), interval(5, 55, 0, 100), interval(55, 65, 10, 100)},
			outagesOf(span(clock(0, 0), clock(5, 0)), span(clock(55, 0), clock(60, 0))), nil},
		{"intervals outside are ignored",
			append(full(), interval(-30, -25, 100, 100), interval(70, 75, 100, 100)), nil, nil},
		{"empty intervals add nothing",
			append(full(), interval(30, 30, 100, 100)), nil, nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			m, err := Rates(tc.rates, hour, five)
			require.NoError(t, err)
			assertOutages(t, tc.outages, m.Outages)
			assertUnknown(t, tc.unknown, m.Unknown)
			checkShape(t, m, hour)

			rev := slices.Clone(tc.rates)
			slices.Reverse(rev)
			keep := slices.Clone(rev)
			m2, err := Rates(rev, hour, five)
			require.NoError(t, err)
			assert.Equal(t, keep, rev, "the caller's slice is not modified")
			assertOutages(t, tc.outages, m2.Outages)
			assert.True(t, m.Unknown.Equal(m2.Unknown))
		})
	}
}

// TestMeasureRatesErrors: every problem of the threshold and the
// intervals is reported at once, each wrapping ErrInvalidData.
func TestMeasureRatesErrors(t *testing.T) {
	hour := span(clock(0, 0), clock(60, 0))
	five := RateOptions{Threshold: decimal.RequireFromString("5")}
	for _, tc := range []struct {
		name   string
		rates  []IntervalRate
		opts   RateOptions
		want   []string
		absent []string // substrings the message must not hold
	}{
		{"zero threshold", nil, RateOptions{}, []string{`threshold "0" is outside (0, 100]`}, nil},
		{"negative threshold", nil, RateOptions{Threshold: decimal.RequireFromString("-1")}, []string{`threshold "-1" is outside`}, nil},
		{"threshold over 100", nil, RateOptions{Threshold: decimal.RequireFromString("100.5")}, []string{`threshold "100.5" is outside`}, nil},
		{"too many places", nil, RateOptions{Threshold: decimal.New(1, -19)}, []string{"threshold 1e-19 has more than 18 decimal places"}, nil},
		{"huge exponent", nil, RateOptions{Threshold: decimal.New(1, 1e6)}, []string{"threshold 1e1000000 is outside"}, nil},
		{"reversed interval", []IntervalRate{interval(10, 5, 0, 1)}, five, []string{"rates[0]: "}, nil},
		{"negative counts", []IntervalRate{interval(0, 5, -1, 1)}, five, []string{"rates[0]: errors -1 and total 1 must not be negative"}, nil},
		{"errors over total", []IntervalRate{interval(0, 5, 0, 1), interval(5, 10, 3, 2)}, five, []string{"rates[1]: errors 3 exceed total 2"}, nil},
		{"overlap", []IntervalRate{interval(10, 20, 0, 1), interval(0, 5, 0, 1), interval(15, 25, 0, 1)}, five,
			[]string{"rates[0] [2024-04-15T10:10:00Z, 2024-04-15T10:20:00Z) and rates[2] [2024-04-15T10:15:00Z, 2024-04-15T10:25:00Z) overlap"}, nil},
		{"every problem at once", []IntervalRate{interval(0, 5, -1, 1), interval(5, 10, 3, 2)}, RateOptions{},
			[]string{"threshold", "rates[0]", "rates[1]"}, nil},
		// An out-of-range threshold is quoted with its coefficient whole
		// up to 40 digits; a longer one is cut at 40 digits and "...".
		{"threshold of 40 digits quoted whole", nil, RateOptions{Threshold: decimal.NewFromBigInt(digits(t, 40), 1000)},
			[]string{strings.Repeat("9", 40) + "e1000"}, []string{"..."}},
		{"threshold of 41 digits cut at 40", nil, RateOptions{Threshold: decimal.NewFromBigInt(digits(t, 41), 1000)},
			[]string{strings.Repeat("9", 40) + "...e1000"}, nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := Rates(tc.rates, hour, tc.opts)
			require.ErrorIs(t, err, ErrInvalidData)
			for _, w := range tc.want {
				assert.Contains(t, err.Error(), w)
			}
			for _, w := range tc.absent {
				assert.NotContains(t, err.Error(), w)
			}
		})
	}
	// Many problems at once: a calendar.ErrorList with one entry each,
	// ranged over as any validation's of the module, and a message with
	// the first 20 and a count of the rest.
	var bad []IntervalRate
	for i := range 30 {
		bad = append(bad, interval(i, i+1, -1, 1))
	}
	_, err := Rates(bad, hour, five)
	var list calendar.ErrorList
	require.ErrorAs(t, err, &list)
	require.Len(t, list, 30)
	for _, e := range list {
		assert.ErrorIs(t, e, ErrInvalidData)
	}
	assert.Contains(t, err.Error(), "\nand 10 more")
	_, err = Probes(nil, span(clock(60, 0), clock(0, 0)), ProbeOptions{})
	require.ErrorAs(t, err, &list)
	assert.Len(t, list, 2, "the reversed within and the missing MaxGap")

	_, err = Rates(nil, span(clock(60, 0), clock(0, 0)), five)
	require.ErrorIs(t, err, calendar.ErrReversed)
	m, err := Rates([]IntervalRate{interval(0, 5, 1, 1)}, span(clock(0, 0), clock(0, 0)), five)
	require.NoError(t, err)
	assert.Empty(t, m.Outages)
}

// bruteRates classifies each whole minute of [0, n) from intervals of
// whole minutes: '?' when no interval covers it or its total is 0, 'd'
// when errors/total ≥ threshold/100 as exact rationals, else 'u'.
func bruteRates(rates []IntervalRate, base time.Time, n int, threshold decimal.Decimal) []byte {
	thr := new(big.Rat).Quo(threshold.Rat(), big.NewRat(100, 1))
	out := make([]byte, n)
	for m := range out {
		out[m] = '?'
		at := base.Add(time.Duration(m) * time.Minute)
		for _, r := range rates {
			if !r.Span.Contains(at) || r.Total == 0 {
				continue
			}
			if big.NewRat(r.Errors, r.Total).Cmp(thr) >= 0 {
				out[m] = 'd'
			} else {
				out[m] = 'u'
			}
		}
	}
	return out
}

// TestMeasureRatesAgainstBruteForce: random non-overlapping intervals of
// whole minutes with random counts near a random threshold, classified
// minute by minute with big.Rat.
func TestMeasureRatesAgainstBruteForce(t *testing.T) {
	rng := rand.New(rand.NewPCG(9, 5))
	base := clock(0, 0)
	const n = 120
	within := span(base, base.Add(n*time.Minute))
	thresholds := []string{"5", "0.1", "33.333333333333333333", "100", "50", "12.5"}
	for iter := range 2000 {
		threshold := decimal.RequireFromString(thresholds[rng.IntN(len(thresholds))])
		var rates []IntervalRate
		for m := -10; m < n+10; {
			length := 1 + rng.IntN(8)
			if rng.IntN(4) > 0 {
				total := int64(rng.IntN(12))
				rates = append(rates, IntervalRate{
					Span:   span(base.Add(time.Duration(m)*time.Minute), base.Add(time.Duration(m+length)*time.Minute)),
					Errors: int64(rng.IntN(int(total) + 1)), Total: total,
				})
			}
			m += length
		}
		rng.Shuffle(len(rates), func(i, j int) { rates[i], rates[j] = rates[j], rates[i] })
		m, err := Rates(rates, within, RateOptions{Threshold: threshold})
		require.NoError(t, err)
		checkShape(t, m, within)
		want := bruteRates(rates, base, n, threshold)
		got := make([]byte, n)
		for k := range got {
			at := base.Add(time.Duration(k) * time.Minute)
			switch {
			case m.Unknown.Contains(at):
				got[k] = '?'
			case slices.ContainsFunc(m.Outages, func(o sla.Outage) bool { return o.Span.Contains(at) }):
				got[k] = 'd'
			default:
				got[k] = 'u'
			}
		}
		if string(want) != string(got) {
			t.Fatalf("iteration %d, threshold %s:\nwant %s\ngot  %s", iter, threshold, want, got)
		}
	}
}

// digits returns the number written as n nines.
func digits(t *testing.T, n int) *big.Int {
	t.Helper()
	c, ok := new(big.Int).SetString(strings.Repeat("9", n), 10)
	require.True(t, ok)
	return c
}
