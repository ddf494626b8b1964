package sla

import (
	"testing"
	"time"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/slapolicy/slapolicy/calendar"
)

// userMonth is April 2024 with 1,000 licensed users: 1,000 × 43,200 =
// 43,200,000 user-minutes, so the 99.9 % edge is 43,200 user-minutes of
// downtime. last is how long outage F lasts.
func userMonth(last time.Duration) Period {
	return Period{
		Month: calendar.NewMonth(2024, time.April, nil),
		Users: 1000,
		Outages: []Outage{
			// A: 100 users for 4h = 24,000 user-minutes, counted.
			{Span: span(at(2, 10, 0), at(2, 14, 0)), Users: 100},
			// B: every user (0) 12:00-12:15 = 15,000; C: 300 users
			// 12:10-12:20 overlaps it: 12:10-12:15 weighs max(1,000, 300),
			// 12:15-12:20 weighs 300 = 1,500. One 20m period: counted 16,500.
			{Span: span(at(3, 12, 0), at(3, 12, 15))},
			{Span: span(at(3, 12, 10), at(3, 12, 20)), Users: 300},
			// D: 500 users for 8m: intermittent, 4,000 user-minutes.
			{Span: span(at(4, 9, 0), at(4, 9, 8)), Users: 500},
			// E: preview, every user, 30m: excluded, 30,000 user-minutes.
			{Span: span(at(5, 9, 0), at(5, 9, 30)), Cause: CausePreview},
			// F: 100 users for last: 27m = 2,700 user-minutes.
			{Span: span(at(6, 9, 0), at(6, 9, 0).Add(last)), Users: 100},
		},
	}
}

// TestAssessUserMinutes: userMonth at its 99.9 % edge in user-minutes, and
// the same month measured in minutes. The figures are worked by hand
// beside each outage of userMonth.
func TestAssessUserMinutes(t *testing.T) {
	p := DynamicsCRMOnline()
	p.Measure = MeasureUserMinutes

	// Counted: 24,000 + 16,500 + 2,700 = 43,200 user-minutes: exactly 99.9 %.
	a, err := p.Assess(userMonth(27 * time.Minute))
	require.NoError(t, err)
	require.NotNil(t, a.Users)
	u := a.Users
	assert.Equal(t, 1000, u.Users)
	userSeconds := func(userMinutes int64) string { return decimal.NewFromInt(60 * userMinutes).String() }
	assert.Equal(t, userSeconds(43_200_000), u.Total.String())
	assert.Equal(t, userSeconds(43_200), u.Downtime.String())
	assert.Equal(t, userSeconds(4_000), u.Excluded[ReasonIntermittent].String())
	assert.Equal(t, userSeconds(30_000), u.Excluded["preview"].String())
	assert.Len(t, u.Excluded, 2)
	// Up: 43,200,000 − 43,200 − 4,000 − 30,000 = 43,122,800.
	assert.Equal(t, userSeconds(43_122_800), u.Up.String())
	assert.True(t, dec("99.9").Equal(a.Uptime), "uptime %s", a.Uptime)
	assert.True(t, a.Credit.IsZero())
	assert.True(t, a.Met)
	// Elapsed time is still accounted: counted 4h + 20m + 27m = 287m.
	assert.Equal(t, 287*time.Minute, a.Downtime)
	assert.Equal(t, a.Total, a.Up+a.Downtime+a.ExcludedTotal())

	// One nanosecond more of F (100 user-nanoseconds) is below 99.9 %.
	a, err = p.Assess(userMonth(27*time.Minute + 1))
	require.NoError(t, err)
	assert.True(t, dec("25").Equal(a.Credit), "credit %s", a.Credit)
	assert.Equal(t, "2592000.0000001", a.Users.Downtime.String())

	// Measured in minutes, the same month is 287 of 43,200 minutes down:
	// 99.33 %, 25 %.
	m, err := DynamicsCRMOnline().Assess(userMonth(27 * time.Minute))
	require.NoError(t, err)
	assert.Nil(t, m.Users)
	assert.True(t, dec("25").Equal(m.Credit))
}

// Resolution in user-minutes: F lasts 26m30s (2,650 user-minutes) and is
// rounded to 27m; the added 30s weighs F's 100 users: 50 user-minutes.
func TestAssessUserMinutesResolution(t *testing.T) {
	p := DynamicsCRMOnline()
	p.Measure = MeasureUserMinutes
	p.Resolution = time.Minute
	a, err := p.Assess(userMonth(26*time.Minute + 30*time.Second))
	require.NoError(t, err)
	assert.Equal(t, 30*time.Second, a.Rounding)
	assert.Equal(t, dec("60").Mul(dec("43200")).String(), a.Users.Downtime.String())
}
