package calendar

import (
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestDayStart(t *testing.T) {
	havana := mustLoad(t, "America/Havana")
	ny := mustLoad(t, "America/New_York")
	tests := []struct {
		name  string
		y     int
		m     time.Month
		d     int
		loc   *time.Location
		want  string
		exist bool
	}{
		{"UTC", 2024, 2, 29, time.UTC, "2024-02-29T00:00:00Z", true},
		{"New York spring forward at 02:00", 2024, 3, 10, ny, "2024-03-10T00:00:00-05:00", true},
		{"Havana gap at midnight", 2011, 3, 20, havana, "2011-03-20T01:00:00-04:00", true},
		{"Havana repeated midnight", 2011, 11, 13, havana, "2011-11-13T00:00:00-04:00", true},
		{"Apia skipped day", 2011, 12, 30, mustLoad(t, "Pacific/Apia"), "2011-12-31T00:00:00+14:00", false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, ok := dayStart(tc.y, tc.m, tc.d, tc.loc)
			assert.Equal(t, tc.want, got.Format(time.RFC3339))
			assert.Equal(t, tc.exist, ok)
			// The instant before is on an earlier date.
			assert.Equal(t, -1, cmpDate(got.Add(-1), tc.y, tc.m, tc.d))
		})
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

func TestDayOfYearRoundTrip(t *testing.T) {
	for _, y := range []int{1, 1900, 2000, 2023, 2024, 9999} {
		d := time.Date(y, 1, 1, 0, 0, 0, 0, time.UTC)
		for doy := range daysIn(y) {
			_, m, dd := d.Date()
			require.Equal(t, doy, dayOfYear(y, m, dd), "%s", d)
			gm, gd := monthDay(y, doy)
			require.Equal(t, m, gm, "%d %d", y, doy)
			require.Equal(t, dd, gd, "%d %d", y, doy)
			d = d.AddDate(0, 0, 1)
		}
		require.Equal(t, y+1, d.Year())
	}
}

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
