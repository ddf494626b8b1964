package calendar

import (
	"encoding/json"
	"errors"
	"fmt"
	"math"
	"runtime"
	"strconv"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/slapolicy/slapolicy/internal/timeline"
)

// TestMonth: months of ordinary and leap years, the first and last years a
// month can be written for, and locations whose clocks jump. Every figure
// is worked by hand in the comment beside it, from a wall calendar, the
// Gregorian rule or the tz database.
func TestMonth(t *testing.T) {
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
		// Wall calendar: February 2024 has 29 days, 29 × 1,440 = 41,760
		// minutes (696 h).
		{"leap February 2024", NewMonth(2024, time.February, nil), "2024-02",
			time.Date(2024, 2, 1, 0, 0, 0, 0, time.UTC), 41760 * time.Minute, "2024-03", "2024-01", true},
		// February 2023 has 28: 28 × 1,440 = 40,320 minutes (672 h).
		{"February 2023", NewMonth(2023, time.February, nil), "2023-02",
			time.Date(2023, 2, 1, 0, 0, 0, 0, time.UTC), 40320 * time.Minute, "2023-03", "2023-01", true},
		// 30 × 1,440 = 43,200 minutes (720 h).
		{"April 2024", NewMonth(2024, time.April, nil), "2024-04",
			time.Date(2024, 4, 1, 0, 0, 0, 0, time.UTC), 43200 * time.Minute, "2024-05", "2024-03", true},
		// 31 × 1,440 = 44,640 minutes (744 h).
		{"January 2024", NewMonth(2024, time.January, nil), "2024-01",
			time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC), 44640 * time.Minute, "2024-02", "2023-12", true},
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
		// Gregorian rule: divisible by 4, except centuries, except every
		// 400 years. 1900 and 2100 are common (28 days = 672 h = 40,320
		// minutes), 2000 and 2024 leap (29 days = 696 h = 41,760 minutes).
		{"February 1900", NewMonth(1900, time.February, nil), "1900-02",
			time.Date(1900, 2, 1, 0, 0, 0, 0, time.UTC), 672 * time.Hour, "1900-03", "1900-01", true},
		{"February 2000", NewMonth(2000, time.February, nil), "2000-02",
			time.Date(2000, 2, 1, 0, 0, 0, 0, time.UTC), 696 * time.Hour, "2000-03", "2000-01", true},
		{"February 2100", NewMonth(2100, time.February, nil), "2100-02",
			time.Date(2100, 2, 1, 0, 0, 0, 0, time.UTC), 672 * time.Hour, "2100-03", "2100-01", true},
		// tz database: New York, UTC−5 in winter: March 2024 starts at
		// 05:00 UTC and loses the hour from 2 AM on 10 March: 744 h − 1 h
		// = 743 h, 44,640 − 60 = 44,580 minutes.
		{"New York March 2024 loses an hour", NewMonth(2024, time.March, ny), "2024-03",
			time.Date(2024, 3, 1, 5, 0, 0, 0, time.UTC), 44580 * time.Minute, "2024-04", "2024-02", true},
		// New York, UTC−4 in summer: November 2024 starts at 04:00 UTC and
		// gains the hour repeated at 1 AM on 3 November: 720 h + 1 h =
		// 721 h, 43,200 + 60 = 43,260 minutes.
		{"New York November 2024 gains an hour", NewMonth(2024, time.November, ny), "2024-11",
			time.Date(2024, 11, 1, 4, 0, 0, 0, time.UTC), 43260 * time.Minute, "2024-12", "2024-10", true},
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

func TestMonthBasics(t *testing.T) {
	m := NewMonth(2024, time.December, nil)
	assert.Equal(t, time.UTC, m.Location())
	assert.Equal(t, "2024-12", m.String())
	assert.Equal(t, NewMonth(2025, time.January, nil), m.Next())
	assert.Equal(t, NewMonth(2024, time.November, nil), m.Prev())
	assert.Equal(t, m, m.Next().Prev())
	assert.Equal(t, NewMonth(2025, time.January, nil), NewMonth(2024, 13, nil), "normalised like time.Date")
	assert.Equal(t, utc(2024, 12, 1, 0, 0), m.Start())
	assert.Equal(t, utc(2025, 1, 1, 0, 0), m.End())
	assert.True(t, m.Contains(m.Start()))
	assert.False(t, m.Contains(m.End()))
	assert.True(t, m.Contains(m.End().Add(-1)))
	assert.True(t, m.Before(m.Next()))
	assert.False(t, m.Next().Before(m))

	ny := mustLoad(t, "America/New_York")
	// 2024-03-01 03:00 UTC is still 29 February in New York.
	got := MonthOf(time.Date(2024, 3, 1, 3, 0, 0, 0, time.UTC).In(ny))
	assert.Equal(t, NewMonth(2024, time.February, ny), got)
	assert.Equal(t, ny, got.Location())
	assert.Equal(t, NewMonth(2024, time.March, nil), MonthOf(time.Date(2024, 3, 1, 3, 0, 0, 0, time.UTC)))
	assert.Equal(t, ny, m.In(ny).Location())
	assert.Equal(t, time.Date(2024, 12, 1, 0, 0, 0, 0, ny), m.In(ny).Start())

	var z Month
	assert.True(t, z.IsZero())
	assert.False(t, m.IsZero())
	assert.Equal(t, time.UTC, z.Location())
	assert.Equal(t, time.January, z.Month())
	assert.Equal(t, "0000-01", z.String())
	assert.Equal(t, "10000-01", NewMonth(10000, 1, nil).String())
}

func TestNewMonthNormalises(t *testing.T) {
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

func TestZeroMonth(t *testing.T) {
	var z Month
	assert.True(t, z.IsZero())
	assert.Equal(t, 0, z.Year())
	assert.Equal(t, time.January, z.Month())
	assert.Equal(t, time.UTC, z.Location())
	assert.Equal(t, "0000-01", z.String())
	assert.Equal(t, 744*time.Hour, z.Duration())
	assert.True(t, z.Start().Equal(time.Date(0, 1, 1, 0, 0, 0, 0, time.UTC)))
	assert.Equal(t, "0000-02", z.Next().String())
	// A Month built by NewMonth is not the zero Month: it carries a
	// location.
	assert.False(t, NewMonth(2024, time.January, nil).IsZero())
	_, err := z.MarshalText()
	assert.True(t, errors.Is(err, ErrInvalidMonth))
	// The zero time.Time is 0001-01-01 UTC: its month is January of year 1.
	assert.Equal(t, "0001-01", MonthOf(time.Time{}).String())
	assert.Equal(t, NewMonth(1, time.January, nil), MonthOf(time.Time{}))
}

// parseMonthCases are ParseMonth's hand-worked inputs: the first and last
// years, signs, white space, the characters either side of '0'..'9',
// full-width digits, NUL bytes and invalid UTF-8. FuzzParseMonth starts
// from them too.
var parseMonthCases = []struct {
	name, in string
	want     Month // read with a nil location
	wantErr  string
}{
	{"february", "2024-02", NewMonth(2024, time.February, nil), ""},
	{"first year", "0001-01", NewMonth(1, time.January, nil), ""},
	{"last year", "9999-12", NewMonth(9999, time.December, nil), ""},
	{"leap day month 1900", "1900-02", NewMonth(1900, time.February, nil), ""},
	{"empty", "", Month{}, `want "YYYY-MM"`},
	{"no dash", "202402", Month{}, `want "YYYY-MM"`},
	{"one-digit month", "2024-2", Month{}, `want "YYYY-MM"`},
	{"one-digit January", "2024-1", Month{}, `want "YYYY-MM"`},
	{"slash", "2024/02", Month{}, `want "YYYY-MM"`},
	{"slash in January", "2024/01", Month{}, `want "YYYY-MM"`},
	{"five-digit year", "10000-01", Month{}, `want "YYYY-MM"`},
	{"month 13", "2024-13", Month{}, "month is not in 01..12"},
	{"month 00", "2024-00", Month{}, "month is not in 01..12"},
	{"month 99", "2024-99", Month{}, "month is not in 01..12"},
	{"year 0", "0000-05", Month{}, "year 0000 is out of range"},
	{"year 0000 in June", "0000-06", Month{}, "year 0000 is out of range"},
	{"letters in year", "20x4-02", Month{}, "year is not four digits"},
	{"negative year", "-024-01", Month{}, "year is not four digits"},
	{"leading space", " 024-01", Month{}, "year is not four digits"},
	{"sign in year", "+024-01", Month{}, "year is not four digits"},
	{"sign in month", "2024-+2", Month{}, "month is not two digits"},
	{"space in month", "2024- 1", Month{}, "month is not two digits"},
	{"colon after nine", "2024-0:", Month{}, "month is not two digits"},
	{"slash before zero", "2024-/1", Month{}, "month is not two digits"},
	{"trailing space", "2024-02 ", Month{}, `want "YYYY-MM"`},
	{"day given", "2024-02-01", Month{}, `want "YYYY-MM"`},
	{"full-width digits are not digits", "２０２４-01", Month{}, `want "YYYY-MM"`},
	{"NUL bytes", "2024-0\x00", Month{}, "month is not two digits"},
	{"invalid UTF-8", "\xff\xfe24-01", Month{}, "year is not four digits"},
}

func TestParseMonth(t *testing.T) {
	ny := mustLoad(t, "America/New_York")
	for _, tc := range parseMonthCases {
		t.Run(tc.name, func(t *testing.T) {
			got, err := ParseMonth(tc.in, nil)
			gotNY, errNY := ParseMonth(tc.in, ny)
			if tc.wantErr != "" {
				for _, e := range []error{err, errNY} {
					require.Error(t, e)
					assert.True(t, errors.Is(e, ErrInvalidMonth))
					assert.Contains(t, e.Error(), tc.wantErr)
					assert.Contains(t, e.Error(), strconv.Quote(tc.in), "quotes the input")
				}
				assert.Equal(t, Month{}, got, "the zero Month on error")
				assert.Equal(t, Month{}, gotNY, "the zero Month on error")
				return
			}
			require.NoError(t, err)
			assert.Equal(t, tc.want, got)
			assert.Equal(t, tc.in, got.String())
			require.NoError(t, errNY)
			assert.Equal(t, tc.in, gotNY.String())
			assert.Equal(t, ny, gotNY.Location())
		})
	}
	got, err := ParseMonth("2024-03", ny)
	require.NoError(t, err)
	assert.Equal(t, ny, got.Location())
}

func TestMonthText(t *testing.T) {
	type cfg struct {
		Month Month `json:"month"`
	}
	var c cfg
	require.NoError(t, json.Unmarshal([]byte(`{"month":"2024-02"}`), &c))
	assert.Equal(t, NewMonth(2024, time.February, nil), c.Month)
	b, err := json.Marshal(c)
	require.NoError(t, err)
	assert.JSONEq(t, `{"month":"2024-02"}`, string(b))

	err = json.Unmarshal([]byte(`{"month":"2024-14"}`), &c)
	require.Error(t, err)
	assert.True(t, errors.Is(err, ErrInvalidMonth))

	ny := mustLoad(t, "America/New_York")
	m := NewMonth(2000, 1, ny)
	require.NoError(t, m.UnmarshalText([]byte("2024-03")))
	assert.Equal(t, NewMonth(2024, time.March, ny), m, "keeps the receiver's location")

	_, err = NewMonth(10000, 1, nil).MarshalText()
	require.Error(t, err)
	assert.True(t, errors.Is(err, ErrInvalidMonth))
}

func TestSplitByMonth(t *testing.T) {
	// 31 Jan 23:00 to 2 Mar 01:00 UTC touches January, February and March 2024.
	s := Span{utc(2024, 1, 31, 23, 0), utc(2024, 3, 2, 1, 0)}
	parts, err := SplitByMonth(s, nil)
	require.NoError(t, err)
	require.Len(t, parts, 3)
	assert.Equal(t, NewMonth(2024, 1, nil), parts[0].Month)
	assert.Equal(t, time.Hour, parts[0].Span.Duration())
	assert.Equal(t, NewMonth(2024, 2, nil), parts[1].Month)
	assert.Equal(t, 41760*time.Minute, parts[1].Span.Duration())
	assert.Equal(t, NewMonth(2024, 3, nil), parts[2].Month)
	assert.Equal(t, 25*time.Hour, parts[2].Span.Duration())

	// In New York (UTC−5 in winter) the same span starts on 31 Jan 18:00 local
	// and ends on 1 Mar 20:00 local: 6 h in January, all of February
	// (29 days), 20 h in March.
	ny := mustLoad(t, "America/New_York")
	parts, err = SplitByMonth(s, ny)
	require.NoError(t, err)
	require.Len(t, parts, 3)
	assert.Equal(t, NewMonth(2024, 1, ny), parts[0].Month)
	assert.Equal(t, 6*time.Hour, parts[0].Span.Duration())
	assert.Equal(t, 29*24*time.Hour, parts[1].Span.Duration())
	assert.Equal(t, 20*time.Hour, parts[2].Span.Duration())

	parts, err = SplitByMonth(Span{s.Start, s.Start}, nil)
	require.NoError(t, err)
	assert.Empty(t, parts)

	_, err = SplitByMonth(Span{s.End, s.Start}, nil)
	assert.True(t, errors.Is(err, ErrReversed))

	// A part ending exactly on a month boundary does not produce an empty part.
	parts, err = SplitByMonth(Span{utc(2024, 1, 15, 0, 0), utc(2024, 2, 1, 0, 0)}, nil)
	require.NoError(t, err)
	require.Len(t, parts, 1)
}

// TestSplitByMonthParts: how many parts long, saturating, zero-time, year
// 10000 and DST-month spans split into, and their total.
func TestSplitByMonthParts(t *testing.T) {
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
		// Gregorian rule: 1900-01-01 to 2100-01-01 is 200 × 365 days plus
		// the 49 leap days of 1904..2096 (2000 is one, 1900 is not):
		// 73,049 days in 2,400 months.
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
		// tz database: the zero time read in New York (LMT, UTC−4:56:02)
		// is still in year 0, December; one hour later it is too.
		{"zero time in New York", Span{time.Time{}, time.Time{}.Add(time.Hour)}, ny,
			1, time.Hour, "0000-12", "0000-12"},
		// Into year 10000: one hour either side of the new year.
		{"past year 9999", Span{utc(9999, 12, 31, 23, 0), utc(10000, 1, 1, 1, 0)}, nil,
			2, 2 * time.Hour, "9999-12", "10000-01"},
		// One nanosecond each side of a boundary makes two parts.
		{"two nanoseconds across a boundary", Span{utc(2024, 3, 1, 0, 0).Add(-1), utc(2024, 3, 1, 0, 0).Add(1)}, nil,
			2, 2, "2024-02", "2024-03"},
		// New York's March 2024 is 743 h (see TestMonth); the whole of it
		// is one part.
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

// TestMonthAtTheEdgesOfTime: years are kept as given, never wrapped;
// months whose instants time.Time cannot count in Unix seconds are
// refused by Validate and have an empty span; nothing panics.
func TestMonthAtTheEdgesOfTime(t *testing.T) {
	big := NewMonth(1<<37, time.January, nil)
	assert.Equal(t, 1<<37, big.Year(), "the year is kept, not wrapped")
	assert.NoError(t, big.Validate(), "year 2^37 is inside the range")
	assert.True(t, big.Start().Before(big.End()))
	huge := NewMonth(1<<40, time.January, nil)
	assert.Equal(t, 1<<40, huge.Year(), "the year is kept, not wrapped")

	last := NewMonth(maxMonthYear, time.December, nil)
	require.NoError(t, last.Validate())
	assert.True(t, last.Start().Before(last.End()))
	assert.Equal(t, 31*24*time.Hour, last.End().Sub(last.Start()))
	first := NewMonth(minMonthYear, time.January, nil)
	require.NoError(t, first.Validate())
	assert.Equal(t, 31*24*time.Hour, first.End().Sub(first.Start()))

	for _, m := range []Month{
		huge,
		NewMonth(maxMonthYear+1, time.January, nil),
		NewMonth(minMonthYear-1, time.December, nil),
		NewMonth(math.MaxInt, 13, nil),
		NewMonth(math.MinInt, 0, nil),
		MonthOf(time.Unix(math.MaxInt64-62135596800, 999_999_999).UTC()), // the latest time.Time
		MonthOf(time.Unix(math.MinInt64, 0).UTC()),                       // wraps to the far future
	} {
		t.Run(m.String(), func(t *testing.T) {
			err := m.Validate()
			require.Error(t, err)
			assert.ErrorIs(t, err, ErrInvalidMonth)
			assert.Contains(t, err.Error(), fmt.Sprint(m.Year()))
			assert.True(t, m.Start().Equal(m.End()), "empty span: %s to %s", m.Start(), m.End())
		})
	}
	assert.Equal(t, math.MaxInt, NewMonth(math.MaxInt, 13, nil).Year(), "saturates, not wraps")
	assert.Equal(t, time.December, NewMonth(math.MaxInt, 12, nil).Month())
}

// allocated returns how many bytes f allocates on the heap.
func allocated(f func()) uint64 {
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	f()
	runtime.ReadMemStats(&after)
	return after.TotalAlloc - before.TotalAlloc
}

// TestSplitByMonthWidestSpan: over the widest spans SplitByMonth refuses,
// with an error that names the span, and allocates under 64 KiB doing so;
// SplitByMonthSeq walks any countable span in constant memory.
func TestSplitByMonthWidestSpan(t *testing.T) {
	const memoryCap = 64 << 10
	latest := time.Unix(math.MaxInt64-62135596800, 999_999_999).UTC() // the latest time.Time: 292277024627-12-06
	tests := []struct {
		name string
		span Span
		is   error
	}{
		{"the zero time to the latest instant", Span{Start: time.Time{}, End: latest}, ErrInvalidMonth},
		{"year 1 to year 200,000", Span{Start: time.Time{}, End: time.Date(200_000, 1, 1, 0, 0, 0, 0, time.UTC)}, ErrTooLong},
		// 1 January 2000 to 1 January 3000 is exactly 12,000 months: the
		// limit is inclusive.
		{"one month more than the limit", Span{Start: time.Date(2000, 1, 1, 0, 0, 0, 0, time.UTC), End: time.Date(3000, 1, 1, 0, 0, 1, 0, time.UTC)}, ErrTooLong},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var err error
			n := allocated(func() { _, err = SplitByMonth(tc.span, nil) })
			require.Error(t, err)
			assert.ErrorIs(t, err, tc.is)
			assert.Less(t, n, uint64(memoryCap), "SplitByMonth allocated %d bytes", n)
			assert.Less(t, len(err.Error()), 400)
		})
	}
	parts, err := SplitByMonth(Span{Start: time.Date(2000, 1, 1, 0, 0, 0, 0, time.UTC), End: time.Date(3000, 1, 1, 0, 0, 0, 0, time.UTC)}, nil)
	require.NoError(t, err)
	assert.Len(t, parts, MaxMonthParts)

	// The lazy sibling: the first 100,000 months of the widest countable
	// span, in constant memory.
	wide := Span{Start: time.Date(minMonthYear, time.January, 1, 0, 0, 0, 0, time.UTC), End: time.Date(maxMonthYear+1, time.January, 1, 0, 0, 0, 0, time.UTC)}
	seq, err := SplitByMonthSeq(wide, nil)
	require.NoError(t, err)
	var count int
	var last MonthPart
	n := allocated(func() {
		for p := range seq {
			if count++; count == 100_000 {
				last = p
				break
			}
		}
	})
	assert.Less(t, n, uint64(memoryCap), "SplitByMonthSeq allocated %d bytes", n)
	assert.Equal(t, NewMonth(minMonthYear+8333, time.April, nil), last.Month, "month 100,000 is 8,333 years and 3 months on")
	_, err = SplitByMonthSeq(Span{Start: time.Time{}, End: latest}, nil)
	assert.ErrorIs(t, err, ErrInvalidMonth)
}
