package comms

import (
	"math/rand/v2"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/slapolicy/slapolicy/calendar"
)

// TestReleaseCalendar pins Majors, IsMajor and NextMajor for the
// published calendar ("Scheduled system updates": "two major release
// events per year (April and October)"), at the edges of the months, in
// the instant's own location.
func TestReleaseCalendar(t *testing.T) {
	c := DynamicsCRMOnlineReleases()
	require.NoError(t, c.Validate())

	got := c.Majors(2024, nil)
	require.Len(t, got, 2)
	assert.Equal(t, calendar.NewMonth(2024, time.April, nil), got[0])
	assert.Equal(t, calendar.NewMonth(2024, time.October, nil), got[1])

	tokyo, err := time.LoadLocation("Asia/Tokyo")
	require.NoError(t, err)
	cases := []struct {
		name string
		t    time.Time
		want calendar.Month
	}{
		{"New Year: April", at(2024, 1, 1, 0, 0), calendar.NewMonth(2024, time.April, nil)},
		{"last instant of March", at(2024, 4, 1, 0, 0).Add(-time.Nanosecond), calendar.NewMonth(2024, time.April, nil)},
		{"first instant of April: April itself", at(2024, 4, 1, 0, 0), calendar.NewMonth(2024, time.April, nil)},
		{"late April: still April", at(2024, 4, 30, 23, 59), calendar.NewMonth(2024, time.April, nil)},
		{"first instant of May: October", at(2024, 5, 1, 0, 0), calendar.NewMonth(2024, time.October, nil)},
		{"31 October 23:59: October", at(2024, 10, 31, 23, 59), calendar.NewMonth(2024, time.October, nil)},
		{"1 November: next April", at(2024, 11, 1, 0, 0), calendar.NewMonth(2025, time.April, nil)},
		// 2024-03-31T16:00Z is 1 April 01:00 in Tokyo: April there.
		{"in t's location", at(2024, 3, 31, 16, 0).In(tokyo), calendar.NewMonth(2024, time.April, tokyo)},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			m, ok := c.NextMajor(tc.t)
			require.True(t, ok)
			assert.Equal(t, tc.want.String(), m.String())
			assert.Equal(t, tc.want.Location().String(), m.Location().String())
			assert.True(t, c.IsMajor(m))
		})
	}

	_, ok := ReleaseCalendar{}.NextMajor(at(2024, 1, 1, 0, 0))
	assert.False(t, ok)
	assert.Empty(t, ReleaseCalendar{MajorMonths: []time.Month{13}}.Majors(2024, nil))
	assert.False(t, c.IsMajor(calendar.NewMonth(2024, time.May, nil)))
}

// TestReleaseCalendarValidate: every problem at once, each wrapping
// ErrInvalidReleaseCalendar.
func TestReleaseCalendarValidate(t *testing.T) {
	err := ReleaseCalendar{MajorMonths: []time.Month{time.April, 0, time.April, 13}}.Validate()
	require.Error(t, err)
	assert.ErrorIs(t, err, ErrInvalidReleaseCalendar)
	for _, want := range []string{"majorMonths[1] 0 is not a month", "majorMonths[2] April is listed twice", "majorMonths[3] 13 is not a month", "minorCadence 0s is not positive"} {
		assert.Contains(t, err.Error(), want)
	}
	assert.Contains(t, ReleaseCalendar{}.Validate().Error(), "majorMonths is empty")
}

// TestNextMajorAgainstScan compares NextMajor with a scan of every month
// for random calendars and instants.
func TestNextMajorAgainstScan(t *testing.T) {
	rng := rand.New(rand.NewPCG(4, 10))
	for range iterations(2000) {
		var c ReleaseCalendar
		for m := time.January; m <= time.December; m++ {
			if rng.IntN(6) == 0 {
				c.MajorMonths = append(c.MajorMonths, m)
			}
		}
		ti := at(2000+rng.IntN(50), time.Month(1+rng.IntN(12)), 1+rng.IntN(28), rng.IntN(24), rng.IntN(60))
		got, ok := c.NextMajor(ti)
		require.Equal(t, len(c.MajorMonths) > 0, ok)
		if !ok {
			continue
		}
		// Scan: the first month among this year's and next year's majors
		// whose end is after t.
		var want calendar.Month
		for _, m := range append(c.Majors(ti.Year(), nil), c.Majors(ti.Year()+1, nil)...) {
			if m.End().After(ti) {
				want = m
				break
			}
		}
		require.Equal(t, want, got, "%v at %v", c.MajorMonths, ti)
	}
}
