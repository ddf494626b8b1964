package sla

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/slapolicy/slapolicy/calendar"
	"github.com/slapolicy/slapolicy/maintenance"
)

// loadPolicy reads testdata/name.json.
func loadPolicy(t *testing.T, name string) Policy {
	t.Helper()
	f, err := os.Open(filepath.Join("testdata", name+".json"))
	require.NoError(t, err)
	defer f.Close()
	p, err := ParsePolicy(f)
	require.NoError(t, err, name)
	return p
}

// Every policy in testdata reads, validates and round-trips.
func TestProviderPolicies(t *testing.T) {
	files, err := filepath.Glob(filepath.Join("testdata", "*.json"))
	require.NoError(t, err)
	require.GreaterOrEqual(t, len(files), 6)
	for _, file := range files {
		name := strings.TrimSuffix(filepath.Base(file), ".json")
		t.Run(name, func(t *testing.T) {
			p := loadPolicy(t, name)
			require.NoError(t, p.Validate())
			b, err := json.Marshal(p)
			require.NoError(t, err)
			q, err := ParsePolicy(strings.NewReader(string(b)))
			require.NoError(t, err)
			policiesEqual(t, p, q)
			assert.Equal(t, p.Measure, q.Measure)
			assert.Equal(t, p.MinimumPeriod, q.MinimumPeriod)
			assert.True(t, p.MinimumPayout.Equal(q.MinimumPayout))
		})
	}
	raw, err := os.ReadFile(filepath.Join("testdata", "dynamics-crm-online.json"))
	require.NoError(t, err)
	b, err := json.Marshal(DynamicsCRMOnline())
	require.NoError(t, err)
	assert.JSONEq(t, string(raw), string(b))
}

// Tiers of 10, 25 and 100 % at a 99.99 % level. April 2024 has 43,200
// minutes: 0.01 % is 4.32 minutes = 4m19.2s, 1 % is 7h12m, 5 % is 36h.
func TestProviderTiers10_25_100(t *testing.T) {
	p := loadPolicy(t, "tiers-10-25-100")
	total := calendar.NewMonth(2024, time.April, nil).Duration()
	for _, c := range []struct {
		down time.Duration
		want string
	}{
		{4*time.Minute + 19200*time.Millisecond, "0"},
		{4*time.Minute + 19200*time.Millisecond + 1, "10"},
		{7*time.Hour + 12*time.Minute, "10"},
		{7*time.Hour + 12*time.Minute + 1, "25"},
		{36 * time.Hour, "25"},
		{36*time.Hour + 1, "100"},
	} {
		got := p.CreditPercent(total, c.down)
		assert.True(t, dec(c.want).Equal(got), "%s: want %s got %s", c.down, c.want, got)
	}
	// No intermittent rule: a 1-minute outage counts.
	a := assessed(t, p, time.Minute)
	assert.Equal(t, time.Minute, a.Downtime)
}

// A provider whose Downtime Period is at least five consecutive minutes,
// with window time scheduled only under a notice given five days ahead,
// downtime counted in whole minutes, and credits capped at 50 %.
//
// April 2024 in NAM (window 2 AM to 11 AM UTC):
//
//	a  2nd 12:00-12:04:59   4m59s  < 5m: intermittent
//	b  3rd 12:00-12:05      5m     exactly 5m: counted (IntermittentLimit would exclude it)
//	c  4th 03:00-03:30      30m    in the window but unannounced: counted
//	d  5th 03:00-03:40      window 03:00-03:30 under a notice announced exactly
//	                        120h ahead (30m); overrun 03:30-03:40 counted (10m)
//	e  6th 12:00-12:07:30   add-on is not excluded here: counted 7m30s, rounded to 8m
//	f  7th 12:00-12:20      preview: excluded 20m
//
// Downtime: 5m + 30m + 10m + 7m30s + 30s rounding = 53m; uptime
// (43,200 − 53) / 43,200 = 99.8773…% < 99.95 → 10 %.
func TestProviderMinimumPeriod(t *testing.T) {
	p := loadPolicy(t, "minimum-period-5m")
	nam, _ := maintenance.Lookup("NAM")
	per := Period{
		Month:  calendar.NewMonth(2024, time.April, nil),
		Window: nam.Window,
		Notices: []maintenance.Notice{
			{Span: span(at(5, 3, 0), at(5, 3, 30)), Announced: at(5, 3, 0).Add(-120 * time.Hour)},
		},
		Outages: []Outage{
			{Span: span(at(2, 12, 0), at(2, 12, 5).Add(-time.Second))},
			{Span: span(at(3, 12, 0), at(3, 12, 5))},
			{Span: span(at(4, 3, 0), at(4, 3, 30))},
			{Span: span(at(5, 3, 0), at(5, 3, 40))},
			{Span: span(at(6, 12, 0), at(6, 12, 7).Add(30*time.Second)), Cause: CauseAddOn},
			{Span: span(at(7, 12, 0), at(7, 12, 20)), Cause: CausePreview},
		},
	}
	a, err := p.Assess(per)
	require.NoError(t, err)
	assert.Equal(t, map[Reason]time.Duration{
		ReasonIntermittent: 4*time.Minute + 59*time.Second,
		ReasonWindow:       30 * time.Minute,
		"preview":          20 * time.Minute,
	}, a.Excluded)
	assert.Equal(t, 30*time.Second, a.Rounding)
	assert.Equal(t, 53*time.Minute, a.Downtime)
	assert.Equal(t, a.Total, a.Up+a.Downtime+a.ExcludedTotal())
	assert.True(t, dec("10").Equal(a.Credit), "credit %s", a.Credit)
	pay, err := a.Payout(dec("300"))
	require.NoError(t, err)
	assert.True(t, dec("30").Equal(pay.Amount))

	// The edge: 5m − 1ns is intermittent, 5m counts.
	short := assessed(t, p, 5*time.Minute-1)
	assert.Equal(t, time.Duration(0), short.Downtime)
	assert.Equal(t, 5*time.Minute-1, short.Excluded[ReasonIntermittent])
	exact := assessed(t, p, 5*time.Minute)
	assert.Equal(t, 5*time.Minute, exact.Downtime)

	// The same month under DynamicsCRMOnline counts nothing: a and b are
	// ten minutes or less, c and d lie in the window, e and f are excluded.
	dynamics, err := DynamicsCRMOnline().Assess(per)
	require.NoError(t, err)
	assert.Equal(t, time.Duration(0), dynamics.Downtime)
}

// A credit cap below the fee: 40h of April's 720h is 94.44 %, the 60 %
// tier; on a fee of 200.00 that is 120.00, capped at 50 % = 100.00.
func TestProviderCap50(t *testing.T) {
	p := loadPolicy(t, "cap-50")
	a := assessed(t, p, 40*time.Hour)
	assert.True(t, dec("60").Equal(a.Credit))
	pay, err := a.Payout(dec("200.00"))
	require.NoError(t, err)
	assert.True(t, pay.Capped)
	assert.True(t, dec("100").Equal(pay.Amount), "amount %s", pay.Amount)
	// 8h is 98.89 %: 30 % of 200 = 60, under the cap.
	pay, err = assessed(t, p, 8*time.Hour).Payout(dec("200.00"))
	require.NoError(t, err)
	assert.False(t, pay.Capped)
	assert.True(t, dec("60").Equal(pay.Amount))
}

// A minimum payout of 25.00: 25 % of a 80.00 fee is 20.00, not issued;
// of a 100.00 fee it is exactly 25.00, issued; of 99.98 it is 24.995,
// rounded to 25.00 and issued.
func TestProviderMinimumPayout(t *testing.T) {
	p := loadPolicy(t, "minimum-payout")
	assert.True(t, dec("25").Equal(p.MinimumPayout))
	a := assessed(t, p, time.Hour) // 99.86 %: 25 %
	for _, c := range []struct {
		fee, amount string
		below       bool
	}{
		{"80.00", "0", true},
		{"100.00", "25", false},
		{"99.98", "25", false},
		{"99.97", "0", true}, // 24.9925 → 24.99
	} {
		pay, err := a.Payout(dec(c.fee))
		require.NoError(t, err)
		assert.True(t, dec(c.amount).Equal(pay.Amount), "fee %s: amount %s", c.fee, pay.Amount)
		assert.Equal(t, c.below, pay.BelowMinimum, "fee %s", c.fee)
		assert.True(t, dec(c.amount).Equal(payoutAmount(a, dec(c.fee))), "fee %s", c.fee)
		if c.below {
			assert.True(t, a.CreditAmount(dec(c.fee)).IsZero())
		}
	}
	// No credit earned is not "below the minimum".
	pay, err := assessed(t, p, time.Minute*11).Payout(dec("80"))
	require.NoError(t, err)
	assert.False(t, pay.BelowMinimum)
}

// The user-minutes policy from testdata assesses like the built-in one
// with Measure set.
func TestProviderUserMinutes(t *testing.T) {
	p := loadPolicy(t, "user-minutes")
	assert.Equal(t, MeasureUserMinutes, p.Measure)
	a, err := p.Assess(userMonth(27*time.Minute + 1))
	require.NoError(t, err)
	assert.True(t, dec("25").Equal(a.Credit))
}

// TestProviderPartialMinutesNotCounted works the shape of SLAs that say "a
// Downtime Period is at least 5 consecutive minutes; partial minutes are
// not counted" (testdata/partial-minutes-down.json: minimumPeriod 5m,
// resolution 1m rounded down). In April 2024 (43,200 minutes, no window):
// a 5m30s outage counts 5m (the 30s are not counted, given back to Up); a
// 4m59s one is shorter than 5 minutes and counts nothing (intermittent);
// exactly 5m counts 5m; 61m59.9s counts 61m. Downtime 5m + 5m + 61m =
// 71m; Rounding −30s − 59.9s; uptime (43,200 − 71) / 43,200 = 99.835…% <
// 99.95, not < 99 → 10 %.
func TestProviderPartialMinutesNotCounted(t *testing.T) {
	p := loadPolicy(t, "partial-minutes-down")
	require.Equal(t, RoundDown, p.ResolutionRounding)
	a, err := p.Assess(Period{
		Month: calendar.NewMonth(2024, time.April, nil),
		Outages: []Outage{
			{Span: span(at(2, 12, 0), at(2, 12, 5).Add(30*time.Second))},
			{Span: span(at(3, 12, 0), at(3, 12, 5).Add(-time.Second))},
			{Span: span(at(4, 12, 0), at(4, 12, 5))},
			{Span: span(at(5, 12, 0), at(5, 13, 2).Add(-100*time.Millisecond))},
		},
	})
	require.NoError(t, err)
	assert.Equal(t, 71*time.Minute, a.Downtime)
	assert.Equal(t, -(30*time.Second + 59*time.Second + 900*time.Millisecond), a.Rounding)
	assert.Equal(t, map[Reason]time.Duration{ReasonIntermittent: 4*time.Minute + 59*time.Second}, a.Excluded)
	assert.Equal(t, a.Total, a.Up+a.Downtime+a.ExcludedTotal())
	assert.True(t, dec("10").Equal(a.Credit), "credit %s", a.Credit)
	require.Len(t, a.Periods(), 3, "the periods are the exact counted spans")
	assert.Equal(t, 5*time.Minute+30*time.Second, a.Periods()[0].Duration())

	// One period alone: 5m30s counts 5m, 4m59s nothing.
	for _, tc := range []struct {
		length, want time.Duration
	}{
		{5*time.Minute + 30*time.Second, 5 * time.Minute},
		{5*time.Minute - time.Second, 0},
		{5 * time.Minute, 5 * time.Minute},
		{6*time.Minute - 1, 5 * time.Minute},
	} {
		a, err := p.Assess(Period{Month: calendar.NewMonth(2024, time.April, nil),
			Outages: []Outage{{Span: span(at(9, 12, 0), at(9, 12, 0).Add(tc.length))}}})
		require.NoError(t, err)
		assert.Equal(t, tc.want, a.Downtime, "a %s outage", tc.length)
		assert.Equal(t, a.Total, a.Up+a.Downtime+a.ExcludedTotal())
	}

	// It round-trips, and "down" with user-minutes is refused.
	b, err := p.MarshalJSON()
	require.NoError(t, err)
	assert.Contains(t, string(b), `"resolutionRounding":"down"`)
	b, err = DynamicsCRMOnline().MarshalJSON()
	require.NoError(t, err)
	assert.NotContains(t, string(b), "resolutionRounding", "the default is not written")
	p.Measure = MeasureUserMinutes
	assert.ErrorContains(t, p.Validate(), `resolutionRounding "down" is not defined for measure "user-minutes"`)
	p.Measure, p.ResolutionRounding = "", "sideways"
	assert.ErrorContains(t, p.Validate(), `resolutionRounding "sideways" is not "up" or "down"`)
}
