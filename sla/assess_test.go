package sla

import (
	"errors"
	"math"
	"math/rand/v2"
	"slices"
	"testing"
	"time"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/slapolicy/slapolicy/calendar"
	"github.com/slapolicy/slapolicy/internal/testkit"
	"github.com/slapolicy/slapolicy/maintenance"
)

// at returns the UTC instant of April 2024 day d at hh:mm.
func at(d, hh, mm int) time.Time { return time.Date(2024, time.April, d, hh, mm, 0, 0, time.UTC) }

func span(a, b time.Time) calendar.Span { return calendar.Span{Start: a, End: b} }

func dec(s string) decimal.Decimal { return decimal.RequireFromString(s) }

func location(t testing.TB, name string) *time.Location {
	t.Helper()
	loc, err := time.LoadLocation(name)
	require.NoError(t, err)
	return loc
}

// assessed returns the assessment of April 2024 with downtime of the
// service's own fault, under p.
func assessed(t *testing.T, p Policy, downtime time.Duration) Assessment {
	t.Helper()
	month := calendar.NewMonth(2024, time.April, nil)
	a, err := p.Assess(Period{Month: month, Outages: []Outage{{Span: span(at(10, 0, 0), at(10, 0, 0).Add(downtime))}}})
	require.NoError(t, err)
	return a
}

// everyExclusion is April 2024 (30 days = 43,200 minutes, UTC) in region
// NAM, whose published window is 2 AM to 11 AM UTC every day (the region
// table of "Policies and Communications for Dynamics 365 for Customer
// Engagement", "Maintenance timeline"), with one outage for each rule of
// the agreement's sections D and E. The comments give each outage's
// attribution; TestAssessEveryExclusion checks the sums.
func everyExclusion(t testing.TB) Period {
	nam, ok := maintenance.Lookup("NAM")
	require.True(t, ok)
	return Period{
		Month:  calendar.NewMonth(2024, time.April, nil),
		Window: nam.Window,
		Notices: []maintenance.Notice{
			// #3: announced exactly 24h ahead (exactly 24h counts): 12:00-12:45 scheduled.
			{Span: span(at(5, 12, 0), at(5, 12, 45)), Announced: at(4, 12, 0)},
			// #4: announced 23h59m59s ahead: does not meet the lead.
			{Span: span(at(8, 12, 0), at(8, 12, 30)), Announced: at(7, 12, 0).Add(time.Second)},
			// #11: announced weeks ahead, covers 00:00-02:30 on the 22nd.
			{Span: span(at(22, 0, 0), at(22, 2, 30)), Announced: at(1, 9, 0)},
			// A notice in May is ignored.
			{Span: span(at(30, 0, 0).Add(48*time.Hour), at(30, 0, 0).Add(50*time.Hour)), Announced: at(1, 0, 0)},
		},
		Outages: []Outage{
			// #1: from 22:00 on 31 March to 03:00 on 1 April: April has
			// 00:00-02:00 counted (2h) and 02:00-03:00 in the window (1h).
			{Span: span(at(1, 0, 0).Add(-2*time.Hour), at(1, 3, 0))},
			// #2: 10:30-11:20: window until 11:00 (30m), overrun 11:00-11:20 counted (20m).
			{Span: span(at(3, 10, 30), at(3, 11, 20))},
			// #3: 12:00-13:00: notice 12:00-12:45 (45m), overrun 12:45-13:00 counted (15m).
			{Span: span(at(5, 12, 0), at(5, 13, 0))},
			// #4: 12:00-12:30 under a late notice: counted (30m).
			{Span: span(at(8, 12, 0), at(8, 12, 30))},
			// #5: add-on 14:00-16:00 overlapped by the service's own 15:00-17:00:
			// add-on 14:00-16:00 (2h, excluded once), counted 16:00-17:00 (1h).
			{Span: span(at(10, 14, 0), at(10, 16, 0)), Cause: CauseAddOn},
			{Span: span(at(10, 15, 0), at(10, 17, 0))},
			// #6: exactly 10 minutes: intermittent (10m).
			{Span: span(at(12, 20, 0), at(12, 20, 10))},
			// #7: 10 minutes and 1ns: counted whole (10m1ns).
			{Span: span(at(12, 21, 0), at(12, 21, 10).Add(1))},
			// #8: customer-actions 12:00-14:00 and outside-control 13:00-15:00;
			// the policy lists outside-control first: outside-control
			// 13:00-15:00 (2h), customer-actions 12:00-13:00 (1h).
			{Span: span(at(15, 12, 0), at(15, 14, 0)), Cause: CauseCustomerActions},
			{Span: span(at(15, 13, 0), at(15, 15, 0)), Cause: CauseOutsideControl},
			// #9: preview 12:00-12:05 (5m).
			{Span: span(at(20, 12, 0), at(20, 12, 5)), Cause: CausePreview},
			// #10: 23:00 on 30 April to 01:00 on 1 May: April has 23:00-24:00 counted (1h).
			{Span: span(at(30, 23, 0), at(30, 23, 0).Add(2*time.Hour))},
			// #11: 01:00-03:00 on the 22nd: window 02:00-03:00 (1h, the window
			// comes first), notice 01:00-02:00 (1h).
			{Span: span(at(22, 1, 0), at(22, 3, 0))},
			// #12: in March: ignored.
			{Span: span(at(1, 0, 0).Add(-20*24*time.Hour), at(1, 0, 0).Add(-19*24*time.Hour))},
			// #13: the service's own 12:00-12:08 then add-on 12:08-12:30:
			// add-on 22m; the 8 minutes left are intermittent.
			{Span: span(at(25, 12, 0), at(25, 12, 8))},
			{Span: span(at(25, 12, 8), at(25, 12, 30)), Cause: CauseAddOn},
		},
	}
}

// checkInvariants checks what every assessment must satisfy.
func checkInvariants(t *testing.T, p Policy, a Assessment) {
	t.Helper()
	require.Equal(t, a.Assessed.Duration(), a.Total)
	require.False(t, a.Assessed.Start.Before(a.Month.Start()) || a.Assessed.End.After(a.Month.End()))
	require.Equal(t, a.Total, a.Up+a.Downtime+a.ExcludedTotal(), "accounting identity")
	require.GreaterOrEqual(t, a.Up, time.Duration(0))
	if p.ResolutionRounding == RoundDown {
		require.LessOrEqual(t, a.Rounding, time.Duration(0), "rounding down gives time back to Up")
		require.GreaterOrEqual(t, a.Downtime, time.Duration(0))
	} else {
		require.GreaterOrEqual(t, a.Rounding, time.Duration(0))
	}
	for r, d := range a.Excluded {
		require.Positive(t, d, "excluded %q", r)
		require.NotEqual(t, ReasonCounted, r)
		require.Contains(t, p.Reasons(), r)
	}
	require.True(t, a.Uptime.GreaterThanOrEqual(zero) && a.Uptime.LessThanOrEqual(hundred), "uptime %s", a.Uptime)
	if a.Users == nil {
		require.True(t, a.Uptime.Equal(UptimePercent(a.Total, a.Downtime)))
		require.True(t, a.Credit.Equal(p.CreditPercent(a.Total, a.Downtime)))
	} else {
		u := a.Users
		require.True(t, u.Total.Equal(decimal.NewFromInt(int64(u.Users)).Mul(decimal.NewFromInt(int64(a.Total))).Shift(-9)))
		sum := u.Up.Add(u.Downtime)
		for _, v := range u.Excluded {
			require.True(t, v.IsPositive())
			sum = sum.Add(v)
		}
		require.True(t, u.Total.Equal(sum), "user-time identity: %s != %s", u.Total, sum)
		require.False(t, u.Up.IsNegative())
		require.Equal(t, len(a.Excluded) >= len(u.Excluded), true)
	}
	inTiers := a.Credit.IsZero()
	for _, tier := range p.Tiers {
		inTiers = inTiers || tier.Credit.Equal(a.Credit)
	}
	require.True(t, inTiers, "credit %s is 0 or a tier's", a.Credit)
	require.Equal(t, a.Uptime.GreaterThanOrEqual(p.Level), a.Met)
	if a.Met {
		require.True(t, a.Credit.IsZero())
	}
	// Parts: sorted, disjoint, inside the month, adding up; Periods are the
	// counted parts.
	var byReason = map[Reason]time.Duration{}
	var periods []calendar.Span
	month := a.Assessed
	for i, part := range a.Parts() {
		require.False(t, part.Span.IsEmpty())
		require.False(t, part.Span.Start.Before(month.Start) || part.Span.End.After(month.End), "part %s outside the month", part.Span)
		if i > 0 {
			require.False(t, part.Span.Start.Before(a.Parts()[i-1].Span.End), "parts %d and %d overlap", i-1, i)
		}
		byReason[part.Reason] += part.Span.Duration()
		if part.Reason == ReasonCounted {
			periods = append(periods, part.Span)
		}
	}
	require.Equal(t, a.Downtime-a.Rounding, byReason[ReasonCounted])
	delete(byReason, ReasonCounted)
	require.Equal(t, a.Excluded, byReason)
	require.Equal(t, len(periods), len(a.Periods()))
	for i := range periods {
		require.True(t, periods[i].Equal(a.Periods()[i]))
	}
}

// TestAssessEveryExclusion checks everyExclusion's sums, parts and
// periods, worked by hand from the attribution beside each outage and
// section A's formula.
func TestAssessEveryExclusion(t *testing.T) {
	a, err := DynamicsCRMOnline().Assess(everyExclusion(t))
	require.NoError(t, err)

	// window:           #1 1h + #2 30m + #11 1h          = 2h30m
	// notice:           #3 45m + #11 1h                  = 1h45m
	// outside-control:  #8 2h
	// add-on:           #5 2h + #13 22m                  = 2h22m
	// customer-actions: #8 1h
	// preview:          #9 5m
	// intermittent:     #6 10m + #13 8m                  = 18m
	// counted: #1 2h + #2 20m + #3 15m + #4 30m + #5 1h + #7 10m1ns + #10 1h = 5h15m0.000000001s
	// outage time: 2h30m+1h45m+2h+2h22m+1h+5m+18m+5h15m1ns = 15h15m1ns
	// up: 720h − 15h15m1ns = 704h44m59.999999999s
	// uptime: (43,200 − 315 − 1ns/1m) / 43,200 × 100 = 99.2708333… − ε: below 99.9, not below 99 → 25 %.
	want := map[Reason]time.Duration{
		ReasonWindow:       2*time.Hour + 30*time.Minute,
		ReasonNotice:       time.Hour + 45*time.Minute,
		ReasonCounted:      0, // never a key
		"outside-control":  2 * time.Hour,
		"add-on":           2*time.Hour + 22*time.Minute,
		"customer-actions": time.Hour,
		"preview":          5 * time.Minute,
		ReasonIntermittent: 18 * time.Minute,
	}
	delete(want, ReasonCounted)
	assert.Equal(t, want, a.Excluded)
	assert.Equal(t, 720*time.Hour, a.Total)
	assert.Equal(t, 5*time.Hour+15*time.Minute+1, a.Downtime)
	assert.Equal(t, 704*time.Hour+45*time.Minute-1, a.Up)
	assert.Equal(t, a.Total, a.Up+a.Downtime+a.ExcludedTotal())
	assert.Equal(t, time.Duration(0), a.Rounding)
	assert.True(t, dec("25").Equal(a.Credit), "credit %s", a.Credit)
	assert.False(t, a.Met)
	// (2,592,000,000,000,000 − 18,900,000,000,001) / 2,592,000,000,000,000 × 100
	// = 99.27083333333329475308641…, truncated at 20 places (checked with exact fractions).
	assert.Equal(t, "99.27083333333329475308", a.Uptime.String())

	wantPeriods := []calendar.Span{
		span(at(1, 0, 0), at(1, 2, 0)),
		span(at(3, 11, 0), at(3, 11, 20)),
		span(at(5, 12, 45), at(5, 13, 0)),
		span(at(8, 12, 0), at(8, 12, 30)),
		span(at(10, 16, 0), at(10, 17, 0)),
		span(at(12, 21, 0), at(12, 21, 10).Add(1)),
		span(at(30, 23, 0), at(30, 23, 0).Add(time.Hour)),
	}
	require.Len(t, a.Periods(), len(wantPeriods))
	for i, w := range wantPeriods {
		assert.True(t, w.Equal(a.Periods()[i]), "periods[%d]: want %s got %s", i, w, a.Periods()[i])
	}

	wantParts := []Part{
		{span(at(1, 0, 0), at(1, 2, 0)), ReasonCounted},
		{span(at(1, 2, 0), at(1, 3, 0)), ReasonWindow},
		{span(at(3, 10, 30), at(3, 11, 0)), ReasonWindow},
		{span(at(3, 11, 0), at(3, 11, 20)), ReasonCounted},
		{span(at(5, 12, 0), at(5, 12, 45)), ReasonNotice},
		{span(at(5, 12, 45), at(5, 13, 0)), ReasonCounted},
		{span(at(8, 12, 0), at(8, 12, 30)), ReasonCounted},
		{span(at(10, 14, 0), at(10, 16, 0)), "add-on"},
		{span(at(10, 16, 0), at(10, 17, 0)), ReasonCounted},
		{span(at(12, 20, 0), at(12, 20, 10)), ReasonIntermittent},
		{span(at(12, 21, 0), at(12, 21, 10).Add(1)), ReasonCounted},
		{span(at(15, 12, 0), at(15, 13, 0)), "customer-actions"},
		{span(at(15, 13, 0), at(15, 15, 0)), "outside-control"},
		{span(at(20, 12, 0), at(20, 12, 5)), "preview"},
		{span(at(22, 1, 0), at(22, 2, 0)), ReasonNotice},
		{span(at(22, 2, 0), at(22, 3, 0)), ReasonWindow},
		{span(at(25, 12, 0), at(25, 12, 8)), ReasonIntermittent},
		{span(at(25, 12, 8), at(25, 12, 30)), "add-on"},
		{span(at(30, 23, 0), at(30, 23, 0).Add(time.Hour)), ReasonCounted},
	}
	require.Len(t, a.Parts(), len(wantParts), "%v", a.Parts())
	for i, w := range wantParts {
		assert.True(t, w.Span.Equal(a.Parts()[i].Span) && w.Reason == a.Parts()[i].Reason,
			"parts[%d]: want %s %q got %s %q", i, w.Span, w.Reason, a.Parts()[i].Span, a.Parts()[i].Reason)
	}
}

// With WindowNeedsNotice the window only counts where a notice covers it:
// #1's 02:00-03:00 joins its counted 00:00-02:00 (3h); #2 counts whole
// (50m); on the 22nd only 02:00-02:30 is both window and notice (30m), the
// notice still covers 01:00-02:00 (1h) and 02:30-03:00 counts (30m).
// Downtime: 5h15m1ns + 1h + 30m + 30m = 7h15m1ns.
func TestAssessWindowNeedsNotice(t *testing.T) {
	p := DynamicsCRMOnline()
	p.WindowNeedsNotice = true
	a, err := p.Assess(everyExclusion(t))
	require.NoError(t, err)
	assert.Equal(t, 30*time.Minute, a.Excluded[ReasonWindow])
	assert.Equal(t, time.Hour+45*time.Minute, a.Excluded[ReasonNotice])
	assert.Equal(t, 7*time.Hour+15*time.Minute+1, a.Downtime)
	assert.Equal(t, a.Total, a.Up+a.Downtime+a.ExcludedTotal())
	assert.True(t, a.Periods()[0].Equal(span(at(1, 0, 0), at(1, 3, 0))), "%s", a.Periods()[0])
}

// With a resolution of one minute each counted period is rounded up: only
// #7 (10m1ns) is not whole minutes and becomes 11m, adding 1m − 1ns.
func TestAssessResolution(t *testing.T) {
	p := DynamicsCRMOnline()
	p.Resolution = time.Minute
	a, err := p.Assess(everyExclusion(t))
	require.NoError(t, err)
	assert.Equal(t, time.Minute-1, a.Rounding)
	assert.Equal(t, 5*time.Hour+16*time.Minute, a.Downtime)
	assert.Equal(t, 704*time.Hour+44*time.Minute, a.Up)
	assert.Equal(t, a.Total, a.Up+a.Downtime+a.ExcludedTotal())

	// Rounding never takes more than Up: a month down all but 30s, one
	// counted period rounded to an hour.
	p.Resolution = time.Hour
	p.IntermittentLimit = 0
	month := calendar.NewMonth(2024, time.April, nil)
	a, err = p.Assess(Period{Month: month, Outages: []Outage{{Span: span(month.Start().Add(30*time.Second), month.End())}}})
	require.NoError(t, err)
	assert.Equal(t, 30*time.Second, a.Rounding)
	assert.Equal(t, time.Duration(0), a.Up)
	assert.Equal(t, a.Total, a.Downtime)
}

// TestAssessEmptyMonth: a month without outages is all up, 100 %, with an
// empty (not nil) Excluded map, in UTC and in a location with DST.
func TestAssessEmptyMonth(t *testing.T) {
	for _, loc := range []string{"UTC", "America/New_York"} {
		m := calendar.NewMonth(2024, time.March, location(t, loc))
		a, err := DynamicsCRMOnline().Assess(Period{Month: m})
		require.NoError(t, err)
		assert.Equal(t, m.Duration(), a.Total)
		assert.Equal(t, a.Total, a.Up)
		assert.Empty(t, a.Excluded)
		assert.NotNil(t, a.Excluded)
		assert.True(t, hundred.Equal(a.Uptime))
		assert.True(t, a.Credit.IsZero())
		assert.True(t, a.Met)
	}
}

// In America/New_York, March 2024 is 44,580 minutes (the clocks skip an
// hour on the 10th), and the month starts at 05:00 UTC on 1 March. An
// outage from 04:00 to 06:00 UTC on 1 March has one hour in the month.
func TestAssessLocation(t *testing.T) {
	ny := location(t, "America/New_York")
	m := calendar.NewMonth(2024, time.March, ny)
	start := time.Date(2024, time.March, 1, 4, 0, 0, 0, time.UTC)
	a, err := DynamicsCRMOnline().Assess(Period{Month: m, Outages: []Outage{{Span: span(start, start.Add(2*time.Hour))}}})
	require.NoError(t, err)
	assert.Equal(t, 44580*time.Minute, a.Total)
	assert.Equal(t, time.Hour, a.Downtime)
	require.Len(t, a.Parts(), 1)
	assert.Equal(t, ny, a.Parts()[0].Span.Start.Location(), "parts are in the month's location")
	assert.Equal(t, "2024-03-01T00:00:00-05:00", a.Parts()[0].Span.Start.Format(time.RFC3339))
}

// TestAssessMonthEdges: the level's and the tiers' edges (monthEdges) in
// months of every length: exactly 99.9 % uptime meets the level and earns
// no credit, one nanosecond more earns 25 %; exactly 99 % earns 25 and 1ns
// more 50; exactly 95 % earns 50 and 1ns more 100. One outage of the given
// length starts at the month's first instant, under DynamicsCRMOnline with
// no window.
func TestAssessMonthEdges(t *testing.T) {
	tests := monthEdges(t)
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
			a := assess(tc.at999)
			assert.True(t, a.Uptime.Equal(decimal.RequireFromString("99.9")), "uptime %s", a.Uptime)
			assert.True(t, a.Met)
			assert.True(t, a.Credit.IsZero(), "credit %s", a.Credit)

			a = assess(tc.at999 + 1)
			assert.False(t, a.Met)
			assert.True(t, a.Credit.Equal(decimal.NewFromInt(25)), "credit %s", a.Credit)
			assert.True(t, a.Uptime.LessThan(decimal.RequireFromString("99.9")))
			assert.True(t, a.Uptime.GreaterThan(decimal.RequireFromString("99.899999")), "uptime %s", a.Uptime)

			// Exactly 99 % still earns 25, 1ns more 50.
			assert.True(t, assess(tc.at99).Credit.Equal(decimal.NewFromInt(25)))
			assert.True(t, assess(tc.at99+1).Credit.Equal(decimal.NewFromInt(50)))
			// Exactly 95 % earns 50, 1ns more 100.
			assert.True(t, assess(tc.at95).Credit.Equal(decimal.NewFromInt(50)))
			assert.True(t, assess(tc.at95+1).Credit.Equal(decimal.NewFromInt(100)))
			// The whole month down: 0 % uptime, 100 % credit.
			a = assess(tc.total)
			assert.True(t, a.Uptime.IsZero(), "uptime %s", a.Uptime)
			assert.Zero(t, a.Up)
			assert.True(t, a.Credit.Equal(decimal.NewFromInt(100)))
		})
	}
}

// TestAssessOutageShapes: odd outage and notice shapes in April 2024
// (UTC, 720 h) under DynamicsCRMOnline, with NAM's window (02:00-11:00
// UTC daily) where given.
func TestAssessOutageShapes(t *testing.T) {
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

// A cause the policy does not exclude counts like the service's own fault.
func TestAssessCauseNotExcluded(t *testing.T) {
	p := DynamicsCRMOnline()
	p.ExcludedCauses = []Cause{CauseOutsideControl}
	month := calendar.NewMonth(2024, time.April, nil)
	a, err := p.Assess(Period{Month: month, Outages: []Outage{
		{Span: span(at(2, 12, 0), at(2, 13, 0)), Cause: CausePreview},
		{Span: span(at(3, 12, 0), at(3, 13, 0)), Cause: CauseOutsideControl},
	}})
	require.NoError(t, err)
	assert.Equal(t, time.Hour, a.Downtime)
	assert.Equal(t, map[Reason]time.Duration{"outside-control": time.Hour}, a.Excluded)
}

// Assess returns a new Excluded map each time.
func TestAssessFreshMap(t *testing.T) {
	per := everyExclusion(t)
	a, err := DynamicsCRMOnline().Assess(per)
	require.NoError(t, err)
	a.Excluded[ReasonWindow] = 0
	b, err := DynamicsCRMOnline().Assess(per)
	require.NoError(t, err)
	assert.Equal(t, 2*time.Hour+30*time.Minute, b.Excluded[ReasonWindow])
}

// TestAssessErrors: Assess validates the policy and the period first,
// reports every problem of both at once, and returns the zero Assessment.
// The period's own problems are rows of TestPeriodErrors.
func TestAssessErrors(t *testing.T) {
	april := calendar.NewMonth(2024, time.April, nil)
	badCap := DynamicsCRMOnline()
	badCap.CreditCap = dec("0")
	noTiers := DynamicsCRMOnline()
	noTiers.Tiers = nil
	wrongOrder := DynamicsCRMOnline()
	wrongOrder.Tiers = []Tier{
		{Below: decimal.NewFromInt(95), Credit: decimal.NewFromInt(100)},
		{Below: decimal.NewFromInt(99), Credit: decimal.NewFromInt(50)},
		{Below: decimal.RequireFromString("99.9"), Credit: decimal.NewFromInt(25)},
	}
	// Outages 1 to 3 and notices 0 and 2 are wrong; outage 0 and notice 1
	// are not.
	everything := Period{
		Month: april,
		Outages: []Outage{
			{Span: span(at(2, 1, 0), at(2, 2, 0))},
			{Span: span(at(2, 3, 0), at(2, 2, 0))},                // reversed
			{Span: span(at(5, 1, 0), at(5, 2, 0)), Cause: "typo"}, // unknown cause
			{Span: span(at(5, 1, 0), at(5, 2, 0)), Cause: "window"},
		},
		Notices: []maintenance.Notice{
			{Span: span(at(3, 1, 0), at(3, 2, 0)), Announced: at(3, 1, 30)}, // announced after start
			{Span: span(at(4, 1, 0), at(4, 2, 0)), Announced: at(1, 0, 0)},
			{Span: span(at(4, 1, 0), at(4, 2, 0))}, // zero Announced
		},
	}
	tests := []struct {
		name   string
		policy Policy
		per    Period
		is     []error
		phrase []string
		absent []string
	}{
		{"every problem of the policy and the period", badCap, everything,
			[]error{ErrInvalidPolicy, ErrInvalidPeriod, calendar.ErrReversed, maintenance.ErrAnnouncedLate},
			[]string{`creditCap "0"`, "outages[1]: calendar: span ends before it starts", `outages[2]: cause "typo" is not a known cause`,
				`outages[3]: cause "window"`, "notices[0]:", "notices[2]:"},
			[]string{"outages[0]", "notices[1]"}},
		{"policy with no tiers", noTiers, Period{Month: april}, []error{ErrInvalidPolicy}, []string{"tiers is empty"}, nil},
		{"tiers in the wrong order", wrongOrder, Period{Month: april}, []error{ErrInvalidPolicy},
			[]string{"tiers[2].below \"99.9\" is not below tiers[1].below \"99\"", "tiers[1].below \"99\" is not below tiers[0].below \"95\"", "tiers[1].credit \"50\" is not above tiers[0].credit \"100\""}, nil},
		{"zero policy", Policy{}, Period{Month: april}, []error{ErrInvalidPolicy}, []string{"level", "tiers is empty", "creditCap"}, nil},
		{"bad policy and bad period", noTiers, Period{}, []error{ErrInvalidPolicy, ErrInvalidPeriod}, []string{"tiers is empty", "zero Month"}, nil},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			a, err := tc.policy.Assess(tc.per)
			require.Error(t, err)
			for _, e := range tc.is {
				assert.ErrorIs(t, err, e)
			}
			for _, ph := range tc.phrase {
				assert.Contains(t, err.Error(), ph)
			}
			for _, ph := range tc.absent {
				assert.NotContains(t, err.Error(), ph)
			}
			assert.Zero(t, a.Total)
			assert.Nil(t, a.Excluded)
		})
	}
}

// TestAssessMillionOutages: n outages in April 2024 (2,592,000 s), in
// shuffled order, n a million (100,000 when testkit.Small or -short). The
// kth starts at 2k seconds and lasts one second, so every outage is its
// own period of 1s: intermittent (ten minutes or less), no downtime. Then
// each is made 2 seconds long, so that they touch and merge into one
// period of [0, 2n) s, which counts: 2,000,000 s down and 592,000 s up,
// 22.84 % uptime (200,000 s down and 92.28 % for n = 100,000), below 95 %
// either way: 100 % credit.
func TestAssessMillionOutages(t *testing.T) {
	n := 1000 * 1000
	if testkit.Small || testing.Short() {
		n = 100_000 // about ten times slower under the race detector, and run once per mutant in a mutation run
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
	require.True(t, a.Credit.Equal(decimal.NewFromInt(100)), "credit %s", a.Credit)
	checkInvariants(t, p, a)
}

// TestAssessBeforeYearOneUTC: January of year 1 in a location east of UTC
// starts before time.Time's zero instant (0001-01-01 00:00 UTC). An
// outage there counts like any other; an earlier sweep used the zero time
// as "no outage yet" and dropped it. Hand-worked: one hour of the
// service's own fault, 02:00 to 03:00 local on the 1st, in a 31-day month
// of 2,678,400 s: 1h counted, uptime (2,678,400 − 3,600) / 2,678,400 ×
// 100 = 99.865591... % < 99.9, so 25 % credit under DynamicsCRMOnline.
func TestAssessBeforeYearOneUTC(t *testing.T) {
	east := time.FixedZone("UTC+10", 10*3600)
	month := calendar.NewMonth(1, time.January, east)
	require.True(t, month.Start().Before(time.Time{}), "the month starts before the zero time")
	out := calendar.Span{Start: time.Date(1, 1, 1, 2, 0, 0, 0, east), End: time.Date(1, 1, 1, 3, 0, 0, 0, east)}
	for _, measure := range []Measure{MeasureMinutes, MeasureUserMinutes} {
		t.Run(string(measure), func(t *testing.T) {
			p := DynamicsCRMOnline()
			p.Measure = measure
			a, err := p.Assess(Period{Month: month, Outages: []Outage{{Span: out}}, Users: 10})
			require.NoError(t, err)
			assert.Equal(t, time.Hour, a.Downtime)
			assert.Equal(t, 31*24*time.Hour-time.Hour, a.Up)
			assert.Empty(t, a.Excluded)
			require.Len(t, a.Parts(), 1)
			assert.Equal(t, Part{Span: out.In(east), Reason: ReasonCounted}, a.Parts()[0])
			assert.Equal(t, []calendar.Span{out.In(east)}, a.Periods())
			assert.True(t, dec("25").Equal(a.Credit), "credit %s", a.Credit)
			assert.False(t, a.Met)
			if measure == MeasureUserMinutes {
				assert.True(t, dec("36000").Equal(a.Users.Downtime), "10 users × 3,600 s: got %s", a.Users.Downtime)
			}
		})
	}
}

// TestReasons: window, notice, the excluded causes in the policy's order
// (section D.1.b's for DynamicsCRMOnline), then intermittent.
func TestReasons(t *testing.T) {
	assert.Equal(t, []Reason{"window", "notice", "outside-control", "add-on", "customer-systems", "customer-actions", "ignored-advice", "preview", "intermittent"},
		DynamicsCRMOnline().Reasons())
}

// TestAssessErrorList: Policy.Assess reports the policy's problems and the
// period's together in one calendar.ErrorList: the entries of Validate,
// each wrapping ErrInvalidPolicy, and those Compiled.Assess reports for
// the period, each wrapping ErrInvalidPeriod.
func TestAssessErrorList(t *testing.T) {
	bad := DynamicsCRMOnline()
	bad.CreditCap = dec("0")
	bad.NoticeLead = -time.Hour
	per := Period{Month: calendar.NewMonth(2024, time.April, nil), Outages: []Outage{
		{Span: span(at(2, 3, 0), at(2, 2, 0))},
		{Span: span(at(5, 1, 0), at(5, 2, 0)), Cause: "typo"},
	}}
	var policyList, periodList, list calendar.ErrorList
	require.ErrorAs(t, bad.Validate(), &policyList)
	c, err := Compile(DynamicsCRMOnline())
	require.NoError(t, err)
	_, err = c.Assess(per)
	require.ErrorAs(t, err, &periodList)
	require.Len(t, policyList, 2, "creditCap and noticeLead")
	require.Len(t, periodList, 2, "outages[0] and outages[1]")

	_, err = bad.Assess(per)
	require.ErrorAs(t, err, &list)
	var want, got []string
	for _, e := range append(slices.Clone(policyList), periodList...) {
		want = append(want, e.Error())
	}
	for _, e := range list {
		got = append(got, e.Error())
		assert.True(t, errors.Is(e, ErrInvalidPolicy) != errors.Is(e, ErrInvalidPeriod), "%v wraps one of the two", e)
	}
	assert.ElementsMatch(t, want, got)
}

// TestAssessPeriodsAcrossMonthEdges works the intermittent rule on the
// whole timeline (section D.1.b.vii: "intermittent periods of Downtime that
// are ten minutes or less in duration"): an outage from 23:55 on 30 April
// to 00:30 on 1 May 2024 is one 35-minute period, so April counts its 5
// minutes and May its 30, neither intermittent; one from 23:58 to 00:05 is
// a 7-minute period, intermittent in both months (April 2 minutes, May 5).
// An outage that lies wholly in the other month is counted in Outside.
func TestAssessPeriodsAcrossMonthEdges(t *testing.T) {
	edge := time.Date(2024, time.May, 1, 0, 0, 0, 0, time.UTC)
	april, may := calendar.NewMonth(2024, time.April, nil), calendar.NewMonth(2024, time.May, nil)
	long := Outage{Span: span(edge.Add(-5*time.Minute), edge.Add(30*time.Minute))}
	short := Outage{Span: span(edge.Add(-2*time.Minute), edge.Add(5*time.Minute))}
	p := DynamicsCRMOnline()
	for _, tc := range []struct {
		name         string
		month        calendar.Month
		outage       Outage
		down, interm time.Duration
	}{
		{"35-minute period, April's part", april, long, 5 * time.Minute, 0},
		{"35-minute period, May's part", may, long, 30 * time.Minute, 0},
		{"7-minute period, April's part", april, short, 0, 2 * time.Minute},
		{"7-minute period, May's part", may, short, 0, 5 * time.Minute},
	} {
		t.Run(tc.name, func(t *testing.T) {
			a, err := p.Assess(Period{Month: tc.month, Outages: []Outage{tc.outage}})
			require.NoError(t, err)
			assert.Equal(t, tc.down, a.Downtime)
			assert.Equal(t, tc.interm, a.Excluded[ReasonIntermittent])
			assert.Equal(t, a.Total, a.Up+a.Downtime+a.ExcludedTotal())
			assert.Zero(t, a.Outside.Outages)
			for _, part := range a.Parts() {
				assert.True(t, tc.month.Contains(part.Span.Start) && !part.Span.End.After(tc.month.End()), "part %s inside the month", part.Span)
			}
		})
	}

	// A 5-minute piece on either side, split by the window of another
	// month's day, is judged by its own length: NAM's window opens at
	// 02:00 UTC, so an outage 01:58 to 02:03 on 1 May counts 2 minutes,
	// intermittent, and its window minutes are the window's.
	nam, ok := maintenance.Lookup("NAM")
	require.True(t, ok)
	a, err := p.Assess(Period{Month: may, Window: nam.Window, Outages: []Outage{{Span: span(edge.Add(118*time.Minute), edge.Add(123*time.Minute))}}})
	require.NoError(t, err)
	assert.Equal(t, 2*time.Minute, a.Excluded[ReasonIntermittent])
	assert.Equal(t, 3*time.Minute, a.Excluded[ReasonWindow])

	// A subscription that starts at the edge cuts the period there: time
	// before it is not the customer's. Subscribed from 1 May 00:00 to 31
	// May, a subscription whose span starts at the month's start still
	// sees April; one starting at 00:01 does not, and 29 minutes of the
	// long outage are subscribed: a 29-minute period, counted.
	sub := span(edge.Add(time.Minute), may.End())
	a, err = p.Assess(Period{Month: may, Subscribed: sub, Outages: []Outage{short}})
	require.NoError(t, err)
	assert.Equal(t, 4*time.Minute, a.Excluded[ReasonIntermittent], "00:01 to 00:05: 4 minutes, intermittent on its own")
	a, err = p.Assess(Period{Month: may, Subscribed: sub, Outages: []Outage{long}})
	require.NoError(t, err)
	assert.Equal(t, 29*time.Minute, a.Downtime)

	// November's outages given to October: nothing counts, and Outside
	// says so.
	oct := calendar.NewMonth(2024, time.October, nil)
	nov := time.Date(2024, time.November, 5, 10, 0, 0, 0, time.UTC)
	a, err = p.Assess(Period{Month: oct,
		Outages: []Outage{{Span: span(nov, nov.Add(time.Hour))}, {Span: span(nov.Add(24*time.Hour), nov.Add(26*time.Hour))}},
		Notices: []maintenance.Notice{{Span: span(nov, nov.Add(time.Hour)), Announced: nov.Add(-48 * time.Hour)}},
	})
	require.NoError(t, err)
	assert.True(t, hundred.Equal(a.Uptime))
	assert.Equal(t, Outside{Outages: 2, Notices: 1}, a.Outside)
}

// TestAssessOutsideEdges pins Assessment.Outside at the month's edges,
// where the sweep's timeline reaches past the month (to judge periods on
// the whole timeline) but the outage is still wholly outside the month:
// May 2024 in UTC, each row one outage.
func TestAssessOutsideEdges(t *testing.T) {
	may := calendar.NewMonth(2024, time.May, nil)
	start, end := may.Start(), may.End()
	p := DynamicsCRMOnline()
	for _, tc := range []struct {
		name    string
		span    calendar.Span
		outside int
	}{
		{"ends at the month's start, within reach", span(start.Add(-10*time.Minute), start), 1},
		{"starts at the month's end, within reach", span(end, end.Add(5*time.Minute)), 1},
		{"a year before", span(start.AddDate(-1, 0, 0), start.AddDate(-1, 0, 0).Add(time.Hour)), 1},
		{"empty, at the month's start", span(start, start), 1},
		{"empty, at the month's end", span(end, end), 1},
		{"empty, inside", span(start.Add(time.Hour), start.Add(time.Hour)), 0},
		{"across the start", span(start.Add(-time.Minute), start.Add(time.Minute)), 0},
		{"across the end", span(end.Add(-time.Nanosecond), end.Add(time.Hour)), 0},
		{"the whole month and more", span(start.Add(-time.Hour), end.Add(time.Hour)), 0},
	} {
		t.Run(tc.name, func(t *testing.T) {
			a, err := p.Assess(Period{Month: may, Outages: []Outage{{Span: tc.span}}})
			require.NoError(t, err)
			assert.Equal(t, tc.outside, a.Outside.Outages)
			assert.Equal(t, a.Total, a.Up+a.Downtime+a.ExcludedTotal())
		})
	}
}

// TestAssessMonthBeyondTime: a month whose instants time.Time cannot count
// in Unix seconds is an invalid period, reported, never a panic or a
// figure for a wrapped year.
func TestAssessMonthBeyondTime(t *testing.T) {
	for _, m := range []calendar.Month{
		calendar.NewMonth(292277024627, time.December, nil),
		calendar.MonthOf(time.Unix(math.MaxInt64-62135596800, 999_999_999).UTC()), // the latest time.Time
		calendar.NewMonth(-292277022399, time.January, nil),
	} {
		t.Run(m.String(), func(t *testing.T) {
			a, err := DynamicsCRMOnline().Assess(Period{Month: m})
			require.Error(t, err)
			assert.ErrorIs(t, err, ErrInvalidPeriod)
			assert.ErrorIs(t, err, calendar.ErrInvalidMonth)
			assert.Zero(t, a.Total)
		})
	}
}
