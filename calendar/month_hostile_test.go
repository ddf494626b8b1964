package calendar

import (
	"errors"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/slapolicy/slapolicy/internal/timeline"
)

// Hostile and edge inputs for months: the first and last years a month can
// be written for, leap-year rules, and locations whose clocks jump. Every
// figure is worked by hand in the comment beside it.

func TestMonthEdgesHostile(t *testing.T) {
	ny := mustLoad(t, "America/New_York")
	london := mustLoad(t, "Europe/London")
	lordHowe := mustLoad(t, "Australia/Lord_Howe")
	apia := mustLoad(t, "Pacific/Apia")
	kathmandu := mustLoad(t, "Asia/Kathmandu")
	tests := []struct {
		name      string
		m         Month
		str       string
		start     time.Time // first instant, as a UTC instant
		duration  time.Duration
		next      string
		prev      string
		marshalOK bool
	}{
		// Year 1 is the first year ParseMonth accepts; 31 days × 24 h.
		{"year 1 January", NewMonth(1, time.January, nil), "0001-01",
			time.Date(1, 1, 1, 0, 0, 0, 0, time.UTC), 744 * time.Hour, "0001-02", "0000-12", true},
		// Year 9999 is the last; December has 31 days. The next month is
		// year 10000, which String writes but MarshalText refuses.
		{"year 9999 December", NewMonth(9999, time.December, nil), "9999-12",
			time.Date(9999, 12, 1, 0, 0, 0, 0, time.UTC), 744 * time.Hour, "10000-01", "9999-11", true},
		{"year 10000", NewMonth(10000, time.January, nil), "10000-01",
			time.Date(10000, 1, 1, 0, 0, 0, 0, time.UTC), 744 * time.Hour, "10000-02", "9999-12", false},
		// Year 0 is the zero Month's year: written, but not marshalled.
		{"year 0", NewMonth(0, time.June, nil), "0000-06",
			time.Date(0, 6, 1, 0, 0, 0, 0, time.UTC), 720 * time.Hour, "0000-07", "0000-05", false},
		// Gregorian leap rule: divisible by 4, except centuries, except
		// every 400 years. 1900 and 2100 are common (28 days = 672 h),
		// 2000 and 2024 leap (29 days = 696 h).
		{"February 1900", NewMonth(1900, time.February, nil), "1900-02",
			time.Date(1900, 2, 1, 0, 0, 0, 0, time.UTC), 672 * time.Hour, "1900-03", "1900-01", true},
		{"February 2000", NewMonth(2000, time.February, nil), "2000-02",
			time.Date(2000, 2, 1, 0, 0, 0, 0, time.UTC), 696 * time.Hour, "2000-03", "2000-01", true},
		{"February 2024", NewMonth(2024, time.February, nil), "2024-02",
			time.Date(2024, 2, 1, 0, 0, 0, 0, time.UTC), 696 * time.Hour, "2024-03", "2024-01", true},
		{"February 2100", NewMonth(2100, time.February, nil), "2100-02",
			time.Date(2100, 2, 1, 0, 0, 0, 0, time.UTC), 672 * time.Hour, "2100-03", "2100-01", true},
		// New York, UTC−5 in winter: March 2024 starts at 05:00 UTC and
		// loses the hour from 2 AM on 10 March: 744 h − 1 h.
		{"New York March 2024 loses an hour", NewMonth(2024, time.March, ny), "2024-03",
			time.Date(2024, 3, 1, 5, 0, 0, 0, time.UTC), 743 * time.Hour, "2024-04", "2024-02", true},
		// New York, UTC−4 in summer: November 2024 starts at 04:00 UTC and
		// gains the hour repeated at 1 AM on 3 November: 720 h + 1 h.
		{"New York November 2024 gains an hour", NewMonth(2024, time.November, ny), "2024-11",
			time.Date(2024, 11, 1, 4, 0, 0, 0, time.UTC), 721 * time.Hour, "2024-12", "2024-10", true},
		// London: BST begins 31 March 2024 (743 h) and ends 27 October
		// 2024 (745 h). October starts at 23:00 UTC on 30 September.
		{"London March 2024", NewMonth(2024, time.March, london), "2024-03",
			time.Date(2024, 3, 1, 0, 0, 0, 0, time.UTC), 743 * time.Hour, "2024-04", "2024-02", true},
		{"London October 2024", NewMonth(2024, time.October, london), "2024-10",
			time.Date(2024, 9, 30, 23, 0, 0, 0, time.UTC), 745 * time.Hour, "2024-11", "2024-09", true},
		// Lord Howe Island shifts its clocks by 30 minutes: daylight time
		// (UTC+11) ends on 7 April 2024, so April lasts 720 h + 30 m; it
		// starts at 13:00 UTC on 31 March.
		{"Lord Howe April 2024 gains 30 minutes", NewMonth(2024, time.April, lordHowe), "2024-04",
			time.Date(2024, 3, 31, 13, 0, 0, 0, time.UTC), 720*time.Hour + 30*time.Minute, "2024-05", "2024-03", true},
		// ... and begins again on 6 October 2024: 744 h − 30 m. October
		// starts at 13:30 UTC on 30 September (UTC+10:30).
		{"Lord Howe October 2024 loses 30 minutes", NewMonth(2024, time.October, lordHowe), "2024-10",
			time.Date(2024, 9, 30, 13, 30, 0, 0, time.UTC), 744*time.Hour - 30*time.Minute, "2024-11", "2024-09", true},
		// Samoa skipped Friday 30 December 2011 when it moved from UTC−10
		// to UTC+14 (both daylight time): December 2011 lasts 30 days.
		// It starts at 10:00 UTC on 1 December (UTC−10).
		{"Apia December 2011 skips a day", NewMonth(2011, time.December, apia), "2011-12",
			time.Date(2011, 12, 1, 10, 0, 0, 0, time.UTC), 720 * time.Hour, "2012-01", "2011-11", true},
		// Kathmandu is UTC+5:45 all year: 31 whole days, starting at
		// 18:15 UTC on the last day of the previous month.
		{"Kathmandu January 2024 quarter-hour offset", NewMonth(2024, time.January, kathmandu), "2024-01",
			time.Date(2023, 12, 31, 18, 15, 0, 0, time.UTC), 744 * time.Hour, "2024-02", "2023-12", true},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			m := tc.m
			assert.Equal(t, tc.str, m.String())
			assert.True(t, tc.start.Equal(m.Start()), "start: want %s got %s", tc.start, m.Start())
			assert.Equal(t, m.Location(), m.Start().Location(), "start is in the month's location")
			assert.Equal(t, tc.duration, m.Duration())
			assert.Equal(t, tc.duration, m.Span().Duration())
			assert.True(t, m.End().Equal(tc.start.Add(tc.duration)), "end: got %s", m.End())
			assert.Equal(t, tc.next, m.Next().String())
			assert.Equal(t, tc.prev, m.Prev().String())
			assert.True(t, m.Next().Start().Equal(m.End()), "next month starts where this one ends")
			assert.True(t, m.Prev().End().Equal(m.Start()), "previous month ends where this one starts")
			assert.Equal(t, m, m.Next().Prev())
			assert.Equal(t, m.Location(), m.Next().Location())

			// Half-open: the first instant is inside, the last nanosecond
			// too, the end is outside, and so is the instant before start.
			assert.True(t, m.Contains(m.Start()))
			assert.True(t, m.Contains(m.End().Add(-1)))
			assert.False(t, m.Contains(m.End()))
			assert.False(t, m.Contains(m.Start().Add(-1)))
			assert.Equal(t, m, MonthOf(m.Start()))
			assert.Equal(t, m, MonthOf(m.End().Add(-1)))
			assert.Equal(t, m.Next(), MonthOf(m.End()))
			assert.True(t, m.Before(m.Next()))
			assert.False(t, m.Before(m))
			assert.False(t, m.Next().Before(m))

			b, err := m.MarshalText()
			if !tc.marshalOK {
				require.Error(t, err)
				assert.True(t, errors.Is(err, ErrInvalidMonth))
				assert.Contains(t, err.Error(), tc.str)
				return
			}
			require.NoError(t, err)
			assert.Equal(t, tc.str, string(b))
			back, err := ParseMonth(string(b), m.Location())
			require.NoError(t, err)
			assert.Equal(t, m, back)
		})
	}
}

func TestNewMonthNormalisesHostile(t *testing.T) {
	tests := []struct {
		name  string
		year  int
		month time.Month
		want  string
	}{
		{"month 13 is next January", 2024, 13, "2025-01"},
		{"month 0 is last December", 2024, 0, "2023-12"},
		{"month -11 is January a year back", 2024, -11, "2023-01"},
		{"month -12 is December two years back", 2024, -12, "2022-12"},
		{"month 25 is two years on", 2024, 25, "2026-01"},
		{"month 0 of year 1 is December of year 0", 1, 0, "0000-12"},
		{"month 13 of year 9999 is year 10000", 9999, 13, "10000-01"},
		{"year -1 is written with its sign", -1, time.March, "-1-03"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			m := NewMonth(tc.year, tc.month, nil)
			assert.Equal(t, tc.want, m.String())
			assert.GreaterOrEqual(t, m.Month(), time.January)
			assert.LessOrEqual(t, m.Month(), time.December)
			assert.Equal(t, time.UTC, m.Location(), "nil location is UTC")
		})
	}
}

func TestZeroMonthHostile(t *testing.T) {
	var z Month
	assert.True(t, z.IsZero())
	assert.Equal(t, 0, z.Year())
	assert.Equal(t, time.January, z.Month())
	assert.Equal(t, time.UTC, z.Location())
	assert.Equal(t, "0000-01", z.String())
	assert.Equal(t, 744*time.Hour, z.Duration())
	assert.True(t, z.Start().Equal(time.Date(0, 1, 1, 0, 0, 0, 0, time.UTC)))
	assert.Equal(t, "0000-02", z.Next().String())
	// A Month built for year 0 in UTC is not the zero Month: it carries a
	// location.
	assert.False(t, NewMonth(2024, time.January, nil).IsZero())
	_, err := z.MarshalText()
	assert.True(t, errors.Is(err, ErrInvalidMonth))
	// The zero time.Time is 0001-01-01 UTC: its month is January of year 1.
	assert.Equal(t, "0001-01", MonthOf(time.Time{}).String())
	assert.Equal(t, NewMonth(1, time.January, nil), MonthOf(time.Time{}))
}

func TestParseMonthHostile(t *testing.T) {
	ny := mustLoad(t, "America/New_York")
	tests := []struct {
		name    string
		in      string
		want    string // String of the result; "" when an error is wanted
		wantErr string
	}{
		{"first year", "0001-01", "0001-01", ""},
		{"last year", "9999-12", "9999-12", ""},
		{"leap day month 1900", "1900-02", "1900-02", ""},
		{"year 0000", "0000-06", "", "year 0000 is out of range"},
		{"five-digit year", "10000-01", "", `want "YYYY-MM"`},
		{"month 00", "2024-00", "", "month is not in 01..12"},
		{"month 13", "2024-13", "", "month is not in 01..12"},
		{"month 99", "2024-99", "", "month is not in 01..12"},
		{"one-digit month", "2024-1", "", `want "YYYY-MM"`},
		{"negative year", "-024-01", "", "year is not four digits"},
		{"slash", "2024/01", "", `want "YYYY-MM"`},
		{"empty", "", "", `want "YYYY-MM"`},
		{"leading space", " 024-01", "", "year is not four digits"},
		{"sign in year", "+024-01", "", "year is not four digits"},
		{"space in month", "2024- 1", "", "month is not two digits"},
		{"colon after nine", "2024-0:", "", "month is not two digits"},
		{"slash before zero", "2024-/1", "", "month is not two digits"},
		{"full-width digits are not digits", "２０２４-01", "", `want "YYYY-MM"`},
		{"NUL bytes", "2024-0\x00", "", "month is not two digits"},
		{"invalid UTF-8", "\xff\xfe24-01", "", "year is not four digits"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			m, err := ParseMonth(tc.in, ny)
			if tc.wantErr != "" {
				require.Error(t, err)
				assert.True(t, errors.Is(err, ErrInvalidMonth))
				assert.Contains(t, err.Error(), tc.wantErr)
				assert.Equal(t, Month{}, m, "the zero Month on error")
				return
			}
			require.NoError(t, err)
			assert.Equal(t, tc.want, m.String())
			assert.Equal(t, ny, m.Location())
		})
	}
}

func TestSplitByMonthHostile(t *testing.T) {
	ny := mustLoad(t, "America/New_York")
	tests := []struct {
		name  string
		s     Span
		loc   *time.Location
		parts int
		total time.Duration // sum of the parts' durations
		first string        // first part's month
		last  string        // last part's month
	}{
		// 1900-01-01 to 2100-01-01 is 200 × 365 days plus the 49 leap
		// days of 1904..2096 (2000 is one, 1900 is not): 73,049 days in
		// 2,400 months.
		{"200 years", Span{utc(1900, 1, 1, 0, 0), utc(2100, 1, 1, 0, 0)}, nil,
			2400, 73049 * 24 * time.Hour, "1900-01", "2099-12"},
		// 300 years is longer than the largest time.Duration: the span's
		// Duration and the sum of its parts both saturate.
		{"300 years saturates", Span{utc(1800, 1, 1, 0, 0), utc(2100, 1, 1, 0, 0)}, nil,
			3600, timeline.MaxDuration, "1800-01", "2099-12"},
		// The zero time is 0001-01-01 00:00 UTC: a span from it is a
		// span in January of year 1.
		{"from the zero time", Span{time.Time{}, utc(1, 2, 1, 0, 0)}, nil,
			1, 744 * time.Hour, "0001-01", "0001-01"},
		// The zero time read in New York (LMT, UTC−4:56:02) is still in
		// year 0, December; one hour later it is too.
		{"zero time in New York", Span{time.Time{}, time.Time{}.Add(time.Hour)}, ny,
			1, time.Hour, "0000-12", "0000-12"},
		// Into year 10000: one hour either side of the new year.
		{"past year 9999", Span{utc(9999, 12, 31, 23, 0), utc(10000, 1, 1, 1, 0)}, nil,
			2, 2 * time.Hour, "9999-12", "10000-01"},
		// One nanosecond each side of a boundary makes two parts.
		{"two nanoseconds across a boundary", Span{utc(2024, 3, 1, 0, 0).Add(-1), utc(2024, 3, 1, 0, 0).Add(1)}, nil,
			2, 2, "2024-02", "2024-03"},
		// New York's March 2024 is 743 h; the whole of it is one part.
		{"a DST month exactly", NewMonth(2024, time.March, ny).Span(), ny,
			1, 743 * time.Hour, "2024-03", "2024-03"},
		// The same span in UTC starts 5 h into 1 March and ends 4 h
		// into 1 April: two parts, 743 h in all.
		{"a DST month read in UTC", NewMonth(2024, time.March, ny).Span(), nil,
			2, 743 * time.Hour, "2024-03", "2024-04"},
		{"empty at the zero time", Span{}, nil, 0, 0, "", ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			parts, err := SplitByMonth(tc.s, tc.loc)
			require.NoError(t, err)
			require.Len(t, parts, tc.parts)
			assert.Equal(t, tc.total, sumParts(parts))
			assert.Equal(t, tc.total, tc.s.Duration())
			if tc.parts == 0 {
				return
			}
			assert.Equal(t, tc.first, parts[0].Month.String())
			assert.Equal(t, tc.last, parts[len(parts)-1].Month.String())
			checkParts(t, tc.s, tc.loc, parts)
		})
	}

	_, err := SplitByMonth(Span{Start: utc(2024, 3, 1, 0, 0), End: utc(2024, 3, 1, 0, 0).Add(-1)}, nil)
	require.Error(t, err)
	assert.True(t, errors.Is(err, ErrReversed))
	assert.Contains(t, err.Error(), "2024-02-29T23:59:59.999999999Z", "names the end")
}

// sumParts adds up the parts' durations, saturating.
func sumParts(parts []MonthPart) time.Duration {
	var d time.Duration
	for _, p := range parts {
		d = timeline.AddSat(d, p.Span.Duration())
	}
	return d
}

// checkParts checks that parts tile s: in order, contiguous, non-empty,
// each inside its month, months consecutive and in loc.
func checkParts(t *testing.T, s Span, loc *time.Location, parts []MonthPart) {
	t.Helper()
	if loc == nil {
		loc = time.UTC
	}
	if len(parts) == 0 {
		require.True(t, s.IsEmpty(), "no parts for a non-empty span %s", s)
		return
	}
	require.True(t, parts[0].Span.Start.Equal(s.Start), "first part starts with the span")
	require.True(t, parts[len(parts)-1].Span.End.Equal(s.End), "last part ends with the span")
	for i, p := range parts {
		require.False(t, p.Span.IsEmpty(), "part %d is empty", i)
		require.Equal(t, loc, p.Month.Location(), "part %d's month is in loc", i)
		require.True(t, p.Month.Contains(p.Span.Start), "part %d starts in its month", i)
		require.False(t, p.Span.End.After(p.Month.End()), "part %d ends in its month", i)
		if i > 0 {
			require.True(t, parts[i-1].Span.End.Equal(p.Span.Start), "part %d starts where part %d ends", i, i-1)
			require.Equal(t, parts[i-1].Month.Next(), p.Month, "part %d is the month after part %d", i, i-1)
			require.True(t, p.Span.Start.Equal(p.Month.Start()), "a part after the first starts its month")
		}
		if i < len(parts)-1 {
			require.True(t, p.Span.End.Equal(p.Month.End()), "a part before the last ends its month")
		}
	}
}
