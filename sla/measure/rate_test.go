package measure

import (
	"errors"
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

// prRate is the interval [10:from, 10:to) on 15 April 2024 with counts.
func prRate(from, to int, errs, total int64) IntervalRate {
	return IntervalRate{Span: prSpan(prT(from, 0), prT(to, 0)), Errors: errs, Total: total}
}

// prAtOrAbove is the threshold rule by integer cross-multiplication, done
// independently of the library: errs/total × 100 >= threshold exactly when
// errs × 100 × 10^places >= coefficient × total, for a threshold written
// with that many places.
func prAtOrAbove(errs, total int64, threshold string) bool {
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
		{"999,999 of 1e9 at 0.1 %", "0.1", 999_999, 1_000_000_000, false},
		{"1 of 3 is 33.33...%, above 33.333333333333333333", "33.333333333333333333", 1, 3, true},
		// 33.3333333333333333 % (16 threes after the point) is below
		// 33.333333333333333333 (18): errors×100×10^18 = 3.33...×10^37 <
		// coefficient × total.
		{"333333333333333333 of 1e18", "33.333333333333333333", 333_333_333_333_333_333, 1_000_000_000_000_000_000, false},
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
			require.Equal(t, tc.down, prAtOrAbove(tc.errs, tc.total, tc.threshold), "the hand-worked case agrees with cross-multiplication")
			m, err := Rates([]IntervalRate{prRate(0, 5, tc.errs, tc.total)}, prSpan(prT(0, 0), prT(5, 0)),
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
	hour := prSpan(prT(0, 0), prT(60, 0))
	five := RateOptions{Threshold: decimal.RequireFromString("5")}
	full := func() []IntervalRate {
		var out []IntervalRate
		for m := 0; m < 60; m += 5 {
			out = append(out, prRate(m, m+5, 0, 1000))
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
			prOutages(prSpan(prT(10, 0), prT(20, 0))), nil},
		{"an up interval separates outages",
			set(set(full(), 10, 50, 1000), 20, 51, 1000),
			prOutages(prSpan(prT(10, 0), prT(15, 0)), prSpan(prT(20, 0), prT(25, 0))), nil},
		{"no requests is unknown",
			set(full(), 30, 0, 0), nil, []calendar.Span{prSpan(prT(30, 0), prT(35, 0))}},
		{"an unknown interval separates outages",
			set(set(set(full(), 10, 60, 1000), 15, 0, 0), 20, 60, 1000),
			prOutages(prSpan(prT(10, 0), prT(15, 0)), prSpan(prT(20, 0), prT(25, 0))),
			[]calendar.Span{prSpan(prT(15, 0), prT(20, 0))}},
		{"time no interval covers is unknown",
			slices.Delete(full(), 2, 4), nil, []calendar.Span{prSpan(prT(10, 0), prT(20, 0))}},
		{"no data at all", nil, nil, []calendar.Span{hour}},
		{"intervals crossing the edges are clipped",
			[]IntervalRate{prRate(-5, 5, 10, 100), prRate(5, 55, 0, 100), prRate(55, 65, 10, 100)},
			prOutages(prSpan(prT(0, 0), prT(5, 0)), prSpan(prT(55, 0), prT(60, 0))), nil},
		{"intervals outside are ignored",
			append(full(), prRate(-30, -25, 100, 100), prRate(70, 75, 100, 100)), nil, nil},
		{"empty intervals add nothing",
			append(full(), prRate(30, 30, 100, 100)), nil, nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			m, err := Rates(tc.rates, hour, five)
			require.NoError(t, err)
			prAssertOutages(t, tc.outages, m.Outages)
			prAssertSet(t, tc.unknown, m.Unknown)
			prCheckShape(t, m, hour)

			rev := slices.Clone(tc.rates)
			slices.Reverse(rev)
			keep := slices.Clone(rev)
			m2, err := Rates(rev, hour, five)
			require.NoError(t, err)
			assert.Equal(t, keep, rev, "the caller's slice is not modified")
			prAssertOutages(t, tc.outages, m2.Outages)
			assert.True(t, m.Unknown.Equal(m2.Unknown))
		})
	}
}

func TestMeasureRatesErrors(t *testing.T) {
	hour := prSpan(prT(0, 0), prT(60, 0))
	five := RateOptions{Threshold: decimal.RequireFromString("5")}
	for _, tc := range []struct {
		name  string
		rates []IntervalRate
		opts  RateOptions
		want  []string
	}{
		{"zero threshold", nil, RateOptions{}, []string{`threshold "0" is outside (0, 100]`}},
		{"negative threshold", nil, RateOptions{Threshold: decimal.RequireFromString("-1")}, []string{`threshold "-1" is outside`}},
		{"threshold over 100", nil, RateOptions{Threshold: decimal.RequireFromString("100.5")}, []string{`threshold "100.5" is outside`}},
		{"too many places", nil, RateOptions{Threshold: decimal.New(1, -19)}, []string{"threshold 1e-19 has more than 18 decimal places"}},
		{"huge exponent", nil, RateOptions{Threshold: decimal.New(1, 1_000_000)}, []string{"threshold 1e1000000 is outside"}},
		{"reversed interval", []IntervalRate{prRate(10, 5, 0, 1)}, five, []string{"rates[0]: "}},
		{"negative counts", []IntervalRate{prRate(0, 5, -1, 1)}, five, []string{"rates[0]: errors -1 and total 1 must not be negative"}},
		{"errors over total", []IntervalRate{prRate(0, 5, 0, 1), prRate(5, 10, 3, 2)}, five, []string{"rates[1]: errors 3 exceed total 2"}},
		{"overlap", []IntervalRate{prRate(10, 20, 0, 1), prRate(0, 5, 0, 1), prRate(15, 25, 0, 1)}, five,
			[]string{"rates[0] [2024-04-15T10:10:00Z, 2024-04-15T10:20:00Z) and rates[2] [2024-04-15T10:15:00Z, 2024-04-15T10:25:00Z) overlap"}},
		{"every problem at once", []IntervalRate{prRate(0, 5, -1, 1), prRate(5, 10, 3, 2)}, RateOptions{},
			[]string{"threshold", "rates[0]", "rates[1]"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := Rates(tc.rates, hour, tc.opts)
			require.ErrorIs(t, err, ErrInvalidData)
			for _, w := range tc.want {
				assert.Contains(t, err.Error(), w)
			}
		})
	}
	_, err := Rates(nil, prSpan(prT(60, 0), prT(0, 0)), five)
	require.ErrorIs(t, err, calendar.ErrReversed)
	m, err := Rates([]IntervalRate{prRate(0, 5, 1, 1)}, prSpan(prT(0, 0), prT(0, 0)), five)
	require.NoError(t, err)
	assert.Empty(t, m.Outages)
}

// prRateBrute classifies each whole minute of [0, n) from intervals of
// whole minutes: '?' when no interval covers it or its total is 0, 'd'
// when errors/total ≥ threshold/100 as exact rationals, else 'u'.
func prRateBrute(rates []IntervalRate, base time.Time, n int, threshold decimal.Decimal) []byte {
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
	base := prT(0, 0)
	const n = 120
	within := prSpan(base, base.Add(n*time.Minute))
	thresholds := []string{"5", "0.1", "33.333333333333333333", "100", "50", "12.5"}
	for iter := range 2000 {
		threshold := decimal.RequireFromString(thresholds[rng.IntN(len(thresholds))])
		var rates []IntervalRate
		for m := -10; m < n+10; {
			length := 1 + rng.IntN(8)
			if rng.IntN(4) > 0 {
				total := int64(rng.IntN(12))
				rates = append(rates, IntervalRate{
					Span:   prSpan(base.Add(time.Duration(m)*time.Minute), base.Add(time.Duration(m+length)*time.Minute)),
					Errors: int64(rng.IntN(int(total) + 1)), Total: total,
				})
			}
			m += length
		}
		rng.Shuffle(len(rates), func(i, j int) { rates[i], rates[j] = rates[j], rates[i] })
		m, err := Rates(rates, within, RateOptions{Threshold: threshold})
		require.NoError(t, err)
		prCheckShape(t, m, within)
		want := prRateBrute(rates, base, n, threshold)
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

// FuzzMeasureRates: any input either is refused with ErrInvalidData or
// gives a measurement whose parts add up, and each interval's verdict
// agrees with big.Rat.
func FuzzMeasureRates(f *testing.F) {
	f.Add([]byte{0, 5, 5, 100, 5, 10, 4, 100}, "5")
	f.Add([]byte{0, 5, 1, 3}, "33.333333333333333333")
	f.Add([]byte{10, 5, 1, 1}, "100")
	f.Add([]byte{}, "0")
	f.Fuzz(func(t *testing.T, data []byte, threshold string) {
		thr, err := decimal.NewFromString(threshold)
		if err != nil || len(threshold) > 40 {
			return
		}
		base := prT(0, 0)
		var rates []IntervalRate
		for i := 0; i+3 < len(data) && len(rates) < 500; i += 4 {
			start := base.Add(time.Duration(int8(data[i])) * time.Minute)
			rates = append(rates, IntervalRate{
				Span:   prSpan(start, start.Add(time.Duration(int8(data[i+1]))*time.Minute)),
				Errors: int64(int8(data[i+2])), Total: int64(data[i+3]),
			})
		}
		within := prSpan(base, base.Add(60*time.Minute))
		m, err := Rates(rates, within, RateOptions{Threshold: thr})
		if err != nil {
			if !errors.Is(err, ErrInvalidData) {
				t.Fatalf("error does not wrap ErrInvalidData: %v", err)
			}
			return
		}
		prCheckShape(t, m, within)
		want := prRateBrute(rates, base, 60, thr)
		for k := range want {
			at := base.Add(time.Duration(k) * time.Minute)
			down := slices.ContainsFunc(m.Outages, func(o sla.Outage) bool { return o.Span.Contains(at) })
			if down != (want[k] == 'd') || m.Unknown.Contains(at) != (want[k] == '?') {
				t.Fatalf("minute %d: want %c, down %v unknown %v", k, want[k], down, m.Unknown.Contains(at))
			}
		}
	})
}

// An out-of-range threshold is quoted in its error with its coefficient
// whole up to 40 digits; a longer one is cut at 40 digits and "...".
func TestThresholdErrorCoefficient(t *testing.T) {
	forty := strings.Repeat("9", 40)
	c, ok := new(big.Int).SetString(forty, 10)
	require.True(t, ok)
	_, _, err := thresholdFraction(decimal.NewFromBigInt(c, 1000))
	require.ErrorIs(t, err, ErrInvalidData)
	assert.Contains(t, err.Error(), forty+"e1000")
	assert.NotContains(t, err.Error(), "...")

	c.SetString(forty+"9", 10)
	_, _, err = thresholdFraction(decimal.NewFromBigInt(c, 1000))
	require.ErrorIs(t, err, ErrInvalidData)
	assert.Contains(t, err.Error(), forty+"...e1000")
}
