package calendar

import (
	"testing"
	"time"

	"github.com/rickar/cal/v2/us"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// Tests written for mutants gremlins found alive: each pins a documented
// behaviour that no other test reached.

// TestUnixDaysCivilRoundTrip: unixDays numbers every day of years 1 to
// 9999 as time counts days from 1970-01-01, and civil inverts it. The
// business-day code calls unixDays with day 0 only and reads only the year
// from civil, so without this test their day-of-year arithmetic could be
// wrong unnoticed.
func TestUnixDaysCivilRoundTrip(t *testing.T) {
	// Years at the edges of the 4-, 100- and 400-year cycles, the epoch,
	// and the ends of the range.
	for _, y := range []int{1, 2, 3, 4, 5, 99, 100, 101, 399, 400, 401, 1600, 1899, 1900, 1969, 1970, 1971, 2000, 2023, 2024, 2100, 9996, 9999} {
		jan1 := time.Date(y, 1, 1, 0, 0, 0, 0, time.UTC)
		for doy := range daysIn(y) {
			d := jan1.AddDate(0, 0, doy)
			want := floorDiv(d.Unix(), 86400)
			require.Equal(t, want, unixDays(y, doy), "unixDays(%d, %d) for %s", y, doy, d.Format(time.DateOnly))
			gy, gdoy := civil(want)
			require.Equal(t, y, gy, "civil year of %s", d.Format(time.DateOnly))
			require.Equal(t, doy, gdoy, "civil day of %s", d.Format(time.DateOnly))
		}
	}
	// Hand-worked: 0001-01-01 is 719,162 days before the epoch; 2000-03-01
	// is 30 × 365 + 7 leap days (1972..1996) + 31 + 29 = 11,017 days after.
	assert.Equal(t, int64(-719162), unixDays(1, 0))
	assert.Equal(t, int64(0), unixDays(1970, 0))
	assert.Equal(t, int64(11017), unixDays(2000, 31+29))
}

func TestFloorDiv(t *testing.T) {
	tests := []struct{ a, b, want int64 }{
		{7, 2, 3}, {-7, 2, -4}, {-8, 2, -4}, {0, 5, 0}, {-1, 86400, -1}, {86399, 86400, 0}, {-86400, 86400, -1}, {-86401, 86400, -2},
	}
	for _, tc := range tests {
		assert.Equal(t, tc.want, floorDiv(tc.a, tc.b), "floorDiv(%d, %d)", tc.a, tc.b)
	}
}

// TestDayStartEastOfUTC: where the clocks jump from 00:00 to 01:00 in a
// zone east of UTC, a day starts at 01:00 local, which is before UTC
// midnight; time.Date gives 01:00, the fast path declines it (not
// midnight), and the search must start early enough to find it.
func TestDayStartEastOfUTC(t *testing.T) {
	tests := []struct {
		name    string
		zone    string
		y, m, d int
		want    string
	}{
		// Lebanon: last Sunday of March at 00:00 → 01:00 (EET → EEST).
		{"Beirut 2024-03-31", "Asia/Beirut", 2024, 3, 31, "2024-03-31T01:00:00+03:00"},
		// Egypt resumed DST in 2023: last Friday of April at 00:00 → 01:00.
		{"Cairo 2023-04-28", "Africa/Cairo", 2023, 4, 28, "2023-04-28T01:00:00+03:00"},
		// The day after starts at a plain midnight.
		{"Beirut 2024-04-01", "Asia/Beirut", 2024, 4, 1, "2024-04-01T00:00:00+03:00"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			loc := mustLoad(t, tc.zone)
			got, ok := dayStart(tc.y, time.Month(tc.m), tc.d, loc)
			require.True(t, ok)
			assert.Equal(t, tc.want, got.Format(time.RFC3339Nano))
			// The BusinessDays year tables agree (Add with n == 0 on a
			// business day returns its first instant).
			b := NewBusinessDaysFrom(loc, nil, time.Saturday) // Sunday and Friday are business days here
			assert.True(t, got.Equal(b.Add(got.Add(3*time.Hour), 0)), "BusinessDays agrees: %s", b.Add(got.Add(3*time.Hour), 0))
		})
	}
}

// TestHolidayOnFirstDayOfYear: a holiday on 1 January (day 0 of the year's
// bitmap) is a day off. US New Year's Day 2024 fell on a Monday: from
// Friday 29 December 2023 the next business day is Tuesday 2 January, and
// [Fri 29, Wed 3) holds Friday and Tuesday only.
func TestHolidayOnFirstDayOfYear(t *testing.T) {
	b := NewBusinessDays(time.UTC, us.Holidays...)
	jan1 := time.Date(2024, 1, 1, 12, 0, 0, 0, time.UTC)
	assert.False(t, b.IsBusinessDay(jan1))
	fri := time.Date(2023, 12, 29, 9, 0, 0, 0, time.UTC)
	assert.Equal(t, "2024-01-02T00:00:00Z", b.Add(fri, 1).Format(time.RFC3339))
	assert.Equal(t, 2, b.Between(fri, time.Date(2024, 1, 3, 0, 0, 0, 0, time.UTC)))
	// Without holidays Monday 1 January is a business day.
	assert.True(t, NewBusinessDays(time.UTC).IsBusinessDay(jan1))
}

// TestDayAtTransitionInstant: at the very second the clocks change, the
// new offset applies. In Santiago daylight time ended at 00:00 on Sunday
// 2024-04-07 (UTC−3), when the clocks went back to 23:00 on Saturday
// (UTC−4): the instant 2024-04-07T03:00Z is Saturday 23:00, and one
// nanosecond earlier is Saturday 23:59:59.999999999 by the old offset.
// With a Sunday-only weekend Saturday is a business day and Sunday is not.
func TestDayAtTransitionInstant(t *testing.T) {
	santiago := mustLoad(t, "America/Santiago")
	b := NewBusinessDaysFrom(santiago, nil, time.Sunday)
	at := time.Date(2024, 4, 7, 3, 0, 0, 0, time.UTC)
	require.Equal(t, "2024-04-06T23:00:00-04:00", at.In(santiago).Format(time.RFC3339))
	assert.True(t, b.IsBusinessDay(at), "Saturday 23:00 after the change")
	assert.True(t, b.IsBusinessDay(at.Add(-1)), "Saturday 23:59:59.999999999 before it")
	assert.False(t, b.IsBusinessDay(at.Add(time.Hour)), "Sunday 00:00")
	// Saturday's end is the first instant of Sunday, an hour after the
	// change.
	assert.True(t, b.EndOfDay(at).Equal(at.Add(time.Hour)), "end of Saturday: %s", b.EndOfDay(at))
	assert.Equal(t, 0, b.Between(at.Add(-1), at))
	// Counting one business day on from Saturday skips Sunday.
	assert.Equal(t, "2024-04-08T00:00:00-04:00", b.Add(at, 1).Format(time.RFC3339))
}
