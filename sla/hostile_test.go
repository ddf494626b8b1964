package sla

import (
	"errors"
	"math/rand/v2"
	"testing"
	"time"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/slapolicy/slapolicy/calendar"
	"github.com/slapolicy/slapolicy/internal/testkit"
	"github.com/slapolicy/slapolicy/maintenance"
)

// Hostile and edge inputs for Assess, CreditPercent and Payout, each with
// its expected answer or error worked by hand in the comment beside it.

func location(t testing.TB, name string) *time.Location {
	t.Helper()
	loc, err := time.LoadLocation(name)
	require.NoError(t, err)
	return loc
}

// TestAssessMonthsHostile: the level's edge (0.1 % of the month, exactly
// 99.9 % uptime: no credit; one nanosecond more: 25 %) in months of every
// length, including the first and last years, leap rules and months whose
// local clocks jump. One outage of the given length starts at the month's
// first instant, under DynamicsCRMOnline with no window.
func TestAssessMonthsHostile(t *testing.T) {
	ny := location(t, "America/New_York")
	lordHowe := location(t, "Australia/Lord_Howe")
	tests := []struct {
		name  string
		month calendar.Month
		total time.Duration
		edge  time.Duration // 0.1 % of total: the most downtime that meets 99.9 %
	}{
		// 31 days = 44,640 min; 0.1 % = 44.64 min = 44m38.4s.
		{"year 1 January", calendar.NewMonth(1, time.January, nil), 744 * time.Hour, 44*time.Minute + 38400*time.Millisecond},
		{"year 9999 December", calendar.NewMonth(9999, time.December, nil), 744 * time.Hour, 44*time.Minute + 38400*time.Millisecond},
		// 28 days = 40,320 min; 0.1 % = 40m19.2s.
		{"February 1900 (not leap)", calendar.NewMonth(1900, time.February, nil), 672 * time.Hour, 40*time.Minute + 19200*time.Millisecond},
		{"February 2100 (not leap)", calendar.NewMonth(2100, time.February, nil), 672 * time.Hour, 40*time.Minute + 19200*time.Millisecond},
		// 29 days = 41,760 min; 0.1 % = 41m45.6s.
		{"February 2000 (leap)", calendar.NewMonth(2000, time.February, nil), 696 * time.Hour, 41*time.Minute + 45600*time.Millisecond},
		{"February 2024 (leap)", calendar.NewMonth(2024, time.February, nil), 696 * time.Hour, 41*time.Minute + 45600*time.Millisecond},
		// 30 days = 43,200 min; DESIGN.md: 43m12s is exactly 99.9 %.
		{"April 2024", calendar.NewMonth(2024, time.April, nil), 720 * time.Hour, 43*time.Minute + 12*time.Second},
		// New York March 2024 loses an hour: 44,580 min; 0.1 % = 44m34.8s.
		{"New York March 2024", calendar.NewMonth(2024, time.March, ny), 743 * time.Hour, 44*time.Minute + 34800*time.Millisecond},
		// New York November 2024 gains an hour: 43,260 min; 0.1 % = 43m15.6s.
		{"New York November 2024", calendar.NewMonth(2024, time.November, ny), 721 * time.Hour, 43*time.Minute + 15600*time.Millisecond},
		// Lord Howe April 2024 gains 30 minutes: 43,230 min; 0.1 % = 43m13.8s.
		{"Lord Howe April 2024", calendar.NewMonth(2024, time.April, lordHowe), 720*time.Hour + 30*time.Minute, 43*time.Minute + 13800*time.Millisecond},
	}
	p := DynamicsCRMOnline()
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			assess := func(down time.Duration) Assessment {
				t.Helper()
				start := tc.month.Start()
				a, err := p.Assess(Period{Month: tc.month, Outages: []Outage{{Span: span(start, start.Add(down))}}})
				require.NoError(t, err)
				checkInvariants(t, p, a)
				require.Equal(t, tc.total, a.Total)
				require.Equal(t, down, a.Downtime)
				return a
			}
			a := assess(tc.edge)
			assert.True(t, a.Uptime.Equal(decimal.RequireFromString("99.9")), "uptime %s", a.Uptime)
			assert.True(t, a.Met)
			assert.True(t, a.Credit.IsZero(), "credit %s", a.Credit)

			a = assess(tc.edge + 1)
			assert.False(t, a.Met)
			assert.True(t, a.Credit.Equal(decimal.NewFromInt(25)), "credit %s", a.Credit)
			assert.True(t, a.Uptime.LessThan(decimal.RequireFromString("99.9")))
			assert.True(t, a.Uptime.GreaterThan(decimal.RequireFromString("99.899999")), "uptime %s", a.Uptime)

			// 1 % = 10 × the edge: exactly 99 % still earns 25, 1ns more 50.
			assert.True(t, assess(10*tc.edge).Credit.Equal(decimal.NewFromInt(25)))
			assert.True(t, assess(10*tc.edge+1).Credit.Equal(decimal.NewFromInt(50)))
			// 5 % = 50 × the edge: exactly 95 % earns 50, 1ns more 100.
			assert.True(t, assess(50*tc.edge).Credit.Equal(decimal.NewFromInt(50)))
			assert.True(t, assess(50*tc.edge+1).Credit.Equal(decimal.NewFromInt(100)))
			// The whole month down: 0 % uptime, 100 % credit.
			a = assess(tc.total)
			assert.True(t, a.Uptime.IsZero(), "uptime %s", a.Uptime)
			assert.Zero(t, a.Up)
			assert.True(t, a.Credit.Equal(decimal.NewFromInt(100)))
		})
	}
}

// TestAssessOutagesHostile: odd outage and notice shapes in April 2024
// (UTC, 720 h) under DynamicsCRMOnline, with NAM's window (02:00-11:00
// UTC daily) where given.
func TestAssessOutagesHostile(t *testing.T) {
	nam, ok := maintenance.Lookup("NAM")
	require.True(t, ok)
	april := calendar.NewMonth(2024, time.April, nil)
	hour := func(d, h int) time.Time { return at(d, h, 0) }
	dup := make([]Outage, 1000)
	for i := range dup {
		dup[i] = Outage{Span: span(hour(10, 12), hour(10, 13))}
	}
	tests := []struct {
		name     string
		per      Period
		downtime time.Duration
		excluded map[Reason]time.Duration
		credit   int64
	}{
		{"no outages", Period{Month: april}, 0, map[Reason]time.Duration{}, 0},
		// Empty outages add nothing, wherever they are.
		{"outages of 0 ns", Period{Month: april, Outages: []Outage{
			{Span: span(hour(10, 12), hour(10, 12))}, {Span: span(april.Start(), april.Start())}, {Span: span(april.End(), april.End())}, {},
		}}, 0, map[Reason]time.Duration{}, 0},
		// A thousand identical reports of one hour are one hour: 1h of
		// 720h is 99.86 % uptime, 25 %.
		{"a thousand duplicates", Period{Month: april, Outages: dup}, time.Hour, map[Reason]time.Duration{}, 25},
		// Nested: the service's own 12:00-22:00 with an add-on 14:00-15:00
		// inside and another own 16:00-17:00 inside: add-on 1h excluded
		// once; counted 12:00-14:00 and 15:00-22:00 = 9h (1.25 % down:
		// 98.75 % uptime, 50 %).
		{"nested outages", Period{Month: april, Outages: []Outage{
			{Span: span(hour(10, 12), hour(10, 22))},
			{Span: span(hour(10, 14), hour(10, 15)), Cause: CauseAddOn},
			{Span: span(hour(10, 16), hour(10, 17))},
		}}, 9 * time.Hour, map[Reason]time.Duration{CauseAddOn.Reason(): time.Hour}, 50},
		// An outage of 200 years covers the month: all 720 h down.
		{"a 200-year outage", Period{Month: april, Outages: []Outage{
			{Span: span(time.Date(1900, 1, 1, 0, 0, 0, 0, time.UTC), time.Date(2100, 1, 1, 0, 0, 0, 0, time.UTC))},
		}}, 720 * time.Hour, map[Reason]time.Duration{}, 100},
		// ... with NAM's window: 30 × 9h = 270h is scheduled, 450h count
		// (37.5 % uptime, 100 %).
		{"a 200-year outage with a window", Period{Month: april, Window: nam.Window, Outages: []Outage{
			{Span: span(time.Date(1900, 1, 1, 0, 0, 0, 0, time.UTC), time.Date(2100, 1, 1, 0, 0, 0, 0, time.UTC))},
		}}, 450 * time.Hour, map[Reason]time.Duration{ReasonWindow: 270 * time.Hour}, 100},
		// An outage from the zero time to year 9999 likewise.
		{"an outage from the zero time to year 9999", Period{Month: april, Outages: []Outage{
			{Span: span(time.Time{}, time.Date(9999, 12, 31, 0, 0, 0, 0, time.UTC))},
		}}, 720 * time.Hour, map[Reason]time.Duration{}, 100},
		// Announced exactly 24h before it begins: scheduled (exactly 24h
		// counts); the 1h outage under it is excluded.
		{"notice exactly 24h ahead", Period{Month: april,
			Notices: []maintenance.Notice{{Span: span(hour(10, 12), hour(10, 13)), Announced: hour(9, 12)}},
			Outages: []Outage{{Span: span(hour(10, 12), hour(10, 13))}},
		}, 0, map[Reason]time.Duration{ReasonNotice: time.Hour}, 0},
		// One nanosecond short of 24h: the hour counts.
		{"notice 1ns short of 24h", Period{Month: april,
			Notices: []maintenance.Notice{{Span: span(hour(10, 12), hour(10, 13)), Announced: hour(9, 12).Add(1)}},
			Outages: []Outage{{Span: span(hour(10, 12), hour(10, 13))}},
		}, time.Hour, map[Reason]time.Duration{}, 25},
		// Announced at the instant it begins: valid, lead 0, not scheduled.
		{"notice announced as it begins", Period{Month: april,
			Notices: []maintenance.Notice{{Span: span(hour(10, 12), hour(10, 13)), Announced: hour(10, 12)}},
			Outages: []Outage{{Span: span(hour(10, 12), hour(10, 13))}},
		}, time.Hour, map[Reason]time.Duration{}, 25},
		// Outages entirely outside the month are ignored, not errors.
		{"outages outside the month", Period{Month: april, Outages: []Outage{
			{Span: span(time.Time{}, time.Time{}.Add(time.Hour))},
			{Span: span(april.End(), april.End().Add(time.Hour))},
			{Span: span(time.Date(9999, 12, 31, 0, 0, 0, 0, time.UTC), time.Date(9999, 12, 31, 1, 0, 0, 0, time.UTC))},
		}}, 0, map[Reason]time.Duration{}, 0},
	}
	p := DynamicsCRMOnline()
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			a, err := p.Assess(tc.per)
			require.NoError(t, err)
			checkInvariants(t, p, a)
			assert.Equal(t, 720*time.Hour, a.Total)
			assert.Equal(t, tc.downtime, a.Downtime)
			assert.Equal(t, tc.excluded, a.Excluded)
			assert.True(t, a.Credit.Equal(decimal.NewFromInt(tc.credit)), "credit %s", a.Credit)
		})
	}
}

func TestAssessErrorsHostile(t *testing.T) {
	april := calendar.NewMonth(2024, time.April, nil)
	good := DynamicsCRMOnline()
	noTiers := DynamicsCRMOnline()
	noTiers.Tiers = nil
	wrongOrder := DynamicsCRMOnline()
	wrongOrder.Tiers = []Tier{
		{Below: decimal.NewFromInt(95), Credit: decimal.NewFromInt(100)},
		{Below: decimal.NewFromInt(99), Credit: decimal.NewFromInt(50)},
		{Below: decimal.RequireFromString("99.9"), Credit: decimal.NewFromInt(25)},
	}
	tests := []struct {
		name   string
		policy Policy
		per    Period
		is     []error
		phrase []string
	}{
		{"zero period", good, Period{}, []error{ErrInvalidPeriod}, []string{"month is the zero Month"}},
		{"notice announced after it begins", good, Period{Month: april, Notices: []maintenance.Notice{
			{Span: span(at(10, 12, 0), at(10, 13, 0)), Announced: at(10, 12, 0).Add(1)},
		}}, []error{ErrInvalidPeriod, maintenance.ErrInvalidNotice, maintenance.ErrAnnouncedLate}, []string{"notices[0]", "after span start"}},
		// A late notice is an error even when it lies outside the month.
		{"late notice in another year", good, Period{Month: april, Notices: []maintenance.Notice{
			{Span: span(time.Date(1990, 1, 1, 0, 0, 0, 0, time.UTC), time.Date(1990, 1, 1, 1, 0, 0, 0, time.UTC)), Announced: time.Date(1990, 1, 2, 0, 0, 0, 0, time.UTC)},
		}}, []error{ErrInvalidPeriod, maintenance.ErrAnnouncedLate}, []string{"notices[0]"}},
		{"reversed outage by 1ns", good, Period{Month: april, Outages: []Outage{
			{Span: span(at(3, 0, 0), at(3, 0, 0))}, {Span: span(at(3, 0, 0), at(3, 0, 0).Add(-1))},
		}}, []error{ErrInvalidPeriod, calendar.ErrReversed}, []string{"outages[1]"}},
		{"unknown cause", good, Period{Month: april, Outages: []Outage{{Span: span(at(3, 0, 0), at(3, 1, 0)), Cause: "act-of-god"}}},
			[]error{ErrInvalidPeriod}, []string{`outages[0]: cause "act-of-god"`}},
		{"policy with no tiers", noTiers, Period{Month: april}, []error{ErrInvalidPolicy}, []string{"tiers is empty"}},
		{"tiers in the wrong order", wrongOrder, Period{Month: april}, []error{ErrInvalidPolicy},
			[]string{"tiers[2].below \"99.9\" is not below tiers[1].below \"99\"", "tiers[1].below \"99\" is not below tiers[0].below \"95\"", "tiers[1].credit \"50\" is not above tiers[0].credit \"100\""}},
		{"zero policy", Policy{}, Period{Month: april}, []error{ErrInvalidPolicy}, []string{"level", "tiers is empty", "creditCap"}},
		// Every problem at once: the policy's and the period's.
		{"bad policy and bad period", noTiers, Period{}, []error{ErrInvalidPolicy, ErrInvalidPeriod}, []string{"tiers is empty", "zero Month"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			a, err := tc.policy.Assess(tc.per)
			require.Error(t, err)
			for _, e := range tc.is {
				assert.True(t, errors.Is(err, e), "is %v: %v", e, err)
			}
			for _, ph := range tc.phrase {
				assert.Contains(t, err.Error(), ph)
			}
			assert.Zero(t, a.Total)
			assert.Nil(t, a.Excluded)
		})
	}
}

// TestAssessMillionOutages: a million outages in one month, in shuffled
// order. Each is one second long and starts two seconds after the one
// before, so every outage is its own period of 1s: intermittent (10 minutes
// or less), no downtime. Then each is made 2 seconds long, so that they
// touch and merge into one period of 1,000,001 s (11d13h46m41s), which
// counts: 2,592,000 − 1,000,001 = 1,591,999 s up, 61.42 % uptime, 100 %.
func TestAssessMillionOutages(t *testing.T) {
	n := 1_000_000
	if testkit.Small || testing.Short() {
		n = 100_000 // about ten times slower under the race detector; once per mutant in a mutation run
	}
	april := calendar.NewMonth(2024, time.April, nil)
	p := DynamicsCRMOnline()
	rng := rand.New(rand.NewPCG(10, 6))
	order := rng.Perm(n)
	per := Period{Month: april, Outages: make([]Outage, n)}
	for i, k := range order {
		start := april.Start().Add(time.Duration(2*k) * time.Second)
		per.Outages[i] = Outage{Span: span(start, start.Add(time.Second))}
	}
	a, err := p.Assess(per)
	require.NoError(t, err)
	require.Zero(t, a.Downtime)
	require.Equal(t, time.Duration(n)*time.Second, a.Excluded[ReasonIntermittent])
	require.Len(t, a.Parts(), n)
	require.Equal(t, a.Total, a.Up+a.Downtime+a.ExcludedTotal())

	for i, k := range order {
		start := april.Start().Add(time.Duration(2*k) * time.Second)
		per.Outages[i] = Outage{Span: span(start, start.Add(2*time.Second))}
	}
	a, err = p.Assess(per)
	require.NoError(t, err)
	// The outages cover [0, 2n) seconds: with n = 1,000,000 that is 2e6 s,
	// and the period is 2n s long (the last outage ends at 2(n−1)+2).
	want := time.Duration(2*n) * time.Second
	require.Equal(t, want, a.Downtime)
	require.Len(t, a.Periods(), 1)
	require.Equal(t, a.Total-want, a.Up)
	require.True(t, a.Credit.Equal(decimal.NewFromInt(100)) || n < 1_000_000, "credit %s", a.Credit)
	checkInvariants(t, p, a)
}
