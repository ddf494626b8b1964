package sla

import (
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/slapolicy/slapolicy/calendar"
	"github.com/slapolicy/slapolicy/maintenance"
)

// TestAssessSubscribedNanoseconds: a subscribed part that starts at a
// nanosecond inside a second; every part keeps the outages' exact
// instants. April 2024, subscribed from 10 April 00:00:00.0000005 to the
// end of the month: 21 days less 500 ns. Outage A, 9 April 23:00 to 10
// April 01:00:00.00000025, is clipped to the subscription: 1h − 250 ns.
// Outage B, 12 April 12:00:00.0000001 to 12:30:00.0000009: 30m + 800 ns.
// Both count (over 10 minutes).
func TestAssessSubscribedNanoseconds(t *testing.T) {
	april := calendar.NewMonth(2024, time.April, nil)
	subStart := at(10, 0, 0).Add(500)
	aEnd := at(10, 1, 0).Add(250)
	bStart, bEnd := at(12, 12, 0).Add(100), at(12, 12, 30).Add(900)
	p := DynamicsCRMOnline()
	a, err := p.Assess(Period{
		Month:      april,
		Subscribed: span(subStart, at(30, 0, 0).Add(48*time.Hour)),
		Outages: []Outage{
			{Span: span(bStart, bEnd)},
			{Span: span(at(9, 23, 0), aEnd)},
		},
	})
	require.NoError(t, err)
	checkInvariants(t, p, a)
	assert.Equal(t, 21*24*time.Hour-500, a.Total)
	assert.True(t, a.Assessed.Start.Equal(subStart))
	assert.Equal(t, time.Hour-250+30*time.Minute+800, a.Downtime)
	require.Len(t, a.Parts(), 2)
	assert.True(t, a.Parts()[0].Span.Equal(span(subStart, aEnd)), "part 0 %s", a.Parts()[0].Span)
	assert.True(t, a.Parts()[1].Span.Equal(span(bStart, bEnd)), "part 1 %s", a.Parts()[1].Span)
	require.Len(t, a.Periods(), 2)
	assert.True(t, a.Periods()[0].Equal(span(subStart, aEnd)))
	assert.True(t, a.Periods()[1].Equal(span(bStart, bEnd)))
}

// TestAssessSubscribedNanosecondsWindow: the window's occurrences stay on
// whole UTC minutes when the assessed span starts inside a second. NAM's
// window is 02:00-11:00 UTC; subscribed from 10 April 00:00:00.0000005,
// an outage from 01:00 to 03:00 is 1h counted and 1h in the window, split
// exactly at 02:00.
func TestAssessSubscribedNanosecondsWindow(t *testing.T) {
	nam, ok := maintenance.Lookup("NAM")
	require.True(t, ok)
	p := DynamicsCRMOnline()
	a, err := p.Assess(Period{
		Month:      calendar.NewMonth(2024, time.April, nil),
		Window:     nam.Window,
		Subscribed: span(at(10, 0, 0).Add(500), at(30, 0, 0).Add(48*time.Hour)),
		Outages:    []Outage{{Span: span(at(10, 1, 0), at(10, 3, 0))}},
	})
	require.NoError(t, err)
	checkInvariants(t, p, a)
	require.Len(t, a.Parts(), 2)
	assert.True(t, a.Parts()[0].Span.Equal(span(at(10, 1, 0), at(10, 2, 0))), "part 0 %s", a.Parts()[0].Span)
	assert.Equal(t, ReasonCounted, a.Parts()[0].Reason)
	assert.True(t, a.Parts()[1].Span.Equal(span(at(10, 2, 0), at(10, 3, 0))), "part 1 %s", a.Parts()[1].Span)
	assert.Equal(t, ReasonWindow, a.Parts()[1].Reason)
	assert.Equal(t, time.Hour, a.Downtime)
	assert.Equal(t, map[Reason]time.Duration{ReasonWindow: time.Hour}, a.Excluded)
}

// TestAssessSubscribedPart: only Subscribed ∩ Month is assessed. A
// subscription that starts at noon on 16 April 2024 has 14.5 days of April
// (wall calendar): 348h = 20,880 minutes. 0.1 % of that is 20.88 minutes = 20m52.8s,
// so 20m52.8s of downtime is exactly 99.9 % (no credit) and 1ns more earns
// 25 %; in the whole month the same downtime would be 99.95 %.
func TestAssessSubscribedPart(t *testing.T) {
	p := DynamicsCRMOnline()
	month := calendar.NewMonth(2024, time.April, nil)
	sub := span(at(16, 12, 0), at(16, 12, 0).Add(365*24*time.Hour))
	edge := 20*time.Minute + 52800*time.Millisecond
	outages := func(d time.Duration) []Outage {
		return []Outage{
			{Span: span(at(16, 11, 0), at(16, 11, 59))},           // before the subscription: ignored
			{Span: span(at(20, 15, 0), at(20, 15, 0).Add(d))},     // counted
			{Span: span(at(21, 15, 0), at(21, 15, 5)), Cause: ""}, // intermittent
		}
	}
	a, err := p.Assess(Period{Month: month, Subscribed: sub, Outages: outages(edge)})
	require.NoError(t, err)
	assert.Equal(t, 348*time.Hour, a.Total)
	assert.True(t, a.Assessed.Equal(span(at(16, 12, 0), month.End())), "%s", a.Assessed)
	assert.Equal(t, edge, a.Downtime)
	assert.Equal(t, map[Reason]time.Duration{ReasonIntermittent: 5 * time.Minute}, a.Excluded)
	assert.Equal(t, a.Total, a.Up+a.Downtime+a.ExcludedTotal())
	assert.True(t, dec("99.9").Equal(a.Uptime), "uptime %s", a.Uptime)
	assert.True(t, a.Credit.IsZero())

	a, err = p.Assess(Period{Month: month, Subscribed: sub, Outages: outages(edge + 1)})
	require.NoError(t, err)
	assert.True(t, dec("25").Equal(a.Credit), "credit %s", a.Credit)

	whole, err := p.Assess(Period{Month: month, Outages: outages(edge + 1)[1:]})
	require.NoError(t, err)
	assert.True(t, whole.Credit.IsZero(), "the whole month is above 99.9 %%: %s", whole.Uptime)

	// A subscription that ends mid-month: 1 April to 10 April 06:00 is
	// 9.25 days = 222h; an outage across the end counts only up to it.
	a, err = p.Assess(Period{Month: month, Subscribed: span(at(1, 0, 0).Add(-time.Hour), at(10, 6, 0)),
		Outages: []Outage{{Span: span(at(10, 5, 0), at(10, 8, 0))}}})
	require.NoError(t, err)
	assert.Equal(t, 222*time.Hour, a.Total)
	assert.Equal(t, time.Hour, a.Downtime)
}

// TestPeriodErrors: Assess reports every problem of the period at once,
// each wrapping ErrInvalidPeriod and naming the item by its index, and
// returns the zero Assessment. A late notice or an invalid span is an error
// even outside the month. A row without errors is a valid period.
func TestPeriodErrors(t *testing.T) {
	april := calendar.NewMonth(2024, time.April, nil)
	minutes := DynamicsCRMOnline()
	users := DynamicsCRMOnline()
	users.Measure = MeasureUserMinutes
	// userMonth's outages C and D given 1,001 of the 1,000 users and -1.
	tooMany := userMonth(time.Minute)
	tooMany.Outages[2].Users = 1001
	tooMany.Outages[3].Users = -1
	// A minutes policy ignores outage users, but not negative ones.
	ignored := userMonth(time.Minute)
	ignored.Outages[2].Users = 1001
	negative := ignored
	negative.Users = -5
	noUsers := userMonth(time.Minute)
	noUsers.Users = 0
	subscribed := func(s calendar.Span) Period { return Period{Month: april, Subscribed: s} }
	tests := []struct {
		name   string
		policy Policy
		per    Period
		is     []error  // what the error wraps; nil: no error
		isNot  []error  // what it must not wrap
		phrase []string // what its message says
		absent []string // what its message must not say
		lines  int      // when above 0, how many problems it lists
	}{
		{"zero period", minutes, Period{}, []error{ErrInvalidPeriod}, []error{ErrInvalidPolicy},
			[]string{"month is the zero Month"}, nil, 1},
		{"notice announced after it begins", minutes, Period{Month: april, Notices: []maintenance.Notice{
			{Span: span(at(10, 12, 0), at(10, 13, 0)), Announced: at(10, 12, 0).Add(1)},
		}}, []error{ErrInvalidPeriod, maintenance.ErrInvalidNotice, maintenance.ErrAnnouncedLate}, nil, []string{"notices[0]", "after span start"}, nil, 0},
		{"late notice in another year", minutes, Period{Month: april, Notices: []maintenance.Notice{
			{Span: span(time.Date(1990, 1, 1, 0, 0, 0, 0, time.UTC), time.Date(1990, 1, 1, 1, 0, 0, 0, time.UTC)), Announced: time.Date(1990, 1, 2, 0, 0, 0, 0, time.UTC)},
		}}, []error{ErrInvalidPeriod, maintenance.ErrAnnouncedLate}, nil, []string{"notices[0]"}, nil, 0},
		{"reversed outage by 1ns", minutes, Period{Month: april, Outages: []Outage{
			{Span: span(at(3, 0, 0), at(3, 0, 0))}, {Span: span(at(3, 0, 0), at(3, 0, 0).Add(-1))},
		}}, []error{ErrInvalidPeriod, calendar.ErrReversed}, nil, []string{"outages[1]"}, []string{"outages[0]"}, 1},
		{"unknown cause", minutes, Period{Month: april, Outages: []Outage{{Span: span(at(3, 0, 0), at(3, 1, 0)), Cause: "act-of-god"}}},
			[]error{ErrInvalidPeriod}, nil, []string{`outages[0]: cause "act-of-god"`}, nil, 0},
		// A policy that measures user-minutes with a period of 0 users
		// reports that once; it does not also call every outage's users
		// "more than the period's 0 users".
		{"user-minutes with 0 users: one problem", users, Period{Month: april, Outages: []Outage{{Span: span(at(3, 0, 0), at(3, 1, 0)), Users: 5}}},
			[]error{ErrInvalidPeriod}, nil, []string{"users is 0"}, nil, 1},
		{"user-minutes month with 0 users", users, noUsers, []error{ErrInvalidPeriod}, nil, []string{"users is 0"}, nil, 0},
		{"outage users above the period's", users, Period{Month: april, Users: 3, Outages: []Outage{{Span: span(at(3, 0, 0), at(3, 1, 0)), Users: 5}}},
			[]error{ErrInvalidPeriod}, nil, []string{"outages[0]: users 5 is more than the period's 3 users"}, nil, 0},
		{"outage users too many and negative", users, tooMany, []error{ErrInvalidPeriod}, nil,
			[]string{"outages[2]: users 1001 is more than the period's 1000 users", "outages[3]: users -1 is negative"}, nil, 2},
		{"minutes ignore outage users", minutes, ignored, nil, nil, nil, nil, 0},
		{"negative period users", minutes, negative, []error{ErrInvalidPeriod}, nil, []string{"users -5 is negative"}, nil, 0},
		// A Subscribed span must share an instant with the month.
		{"subscribed before the month", minutes, subscribed(span(at(1, 0, 0).Add(-48*time.Hour), at(1, 0, 0))),
			[]error{ErrInvalidPeriod, ErrNotSubscribed}, nil, []string{"subscribed"}, nil, 1},
		{"subscribed after the month", minutes, subscribed(span(april.End(), april.End().Add(time.Hour))),
			[]error{ErrInvalidPeriod, ErrNotSubscribed}, nil, []string{"subscribed"}, nil, 1},
		{"subscribed empty inside the month", minutes, subscribed(span(at(5, 0, 0), at(5, 0, 0))),
			[]error{ErrInvalidPeriod, ErrNotSubscribed}, nil, []string{"subscribed"}, nil, 1},
		{"subscribed reversed", minutes, subscribed(span(at(5, 0, 0), at(4, 0, 0))),
			[]error{ErrInvalidPeriod, calendar.ErrReversed}, []error{ErrNotSubscribed}, []string{"subscribed"}, nil, 1},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			a, err := tc.policy.Assess(tc.per)
			if tc.is == nil {
				require.NoError(t, err)
				return
			}
			require.Error(t, err)
			for _, e := range tc.is {
				assert.ErrorIs(t, err, e)
			}
			for _, e := range tc.isNot {
				assert.NotErrorIs(t, err, e)
			}
			for _, ph := range tc.phrase {
				assert.Contains(t, err.Error(), ph)
			}
			for _, ph := range tc.absent {
				assert.NotContains(t, err.Error(), ph)
			}
			if tc.lines > 0 {
				assert.Len(t, strings.Split(err.Error(), "\n"), tc.lines, "problems: %v", err)
			}
			assert.Zero(t, a.Total)
			assert.Nil(t, a.Excluded)
		})
	}
}
