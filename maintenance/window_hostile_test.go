package maintenance

import (
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/slapolicy/slapolicy/calendar"
)

// Hostile and edge inputs for windows: untidy or malicious spellings, the
// first and last representable years, months whose local clocks jump.

func TestParseWindowHostile(t *testing.T) {
	huge := strings.Repeat(" \t\n", 300_000)
	tests := []struct {
		name string
		in   string
		want string // canonical String of the result; "" when an error is wanted
		why  string
	}{
		{"valid inside a megabyte of white space", huge + "7:30PM to 1AM" + huge, "7:30 PM to 1 AM", ""},
		{"a megabyte of digits", strings.Repeat("9", 1<<20), "", "start hour has more than 2 digits"},
		{"a megabyte of junk after a window", "2 AM to 11 AM" + strings.Repeat("x", 1<<20), "", "after the end time"},
		{"NUL before the separator", "2 AM\x00to 11 AM", "", `expected "to" or "-" before "\x00to 11 am"`},
		{"no-break space before AM", "2\u00a0AM to 11 AM", "", "start time 2 has neither AM/PM nor :MM"},
		{"full-width digits", "２ AM to 11 AM", "", "missing start hour"},
		{"minus sign is not a dash", "18:00 − 03:00", "", `expected "to" or "-"`},
		{"double hyphen", "01:00--02:00", "", `missing end hour before "-02:00"`},
		{"negative hour", "-1:00-02:00", "", "missing start hour"},
		{"three ends", "1 AM to 2 AM to 3 AM", "", `unexpected "to 3 am" after the end time`},
		{"invalid UTF-8", "\xff AM to 1 AM", "", "missing start hour"},
		{"midnight to noon", "12 AM to 12 PM", "12 AM to 12 PM", ""},
		{"equal written two ways", "12:00 AM to 00:00", "", "mixes 12-hour"},
		{"last minute of the day", "11:59 PM to 12 AM", "11:59 PM to 12 AM", ""},
		{"24:00 as both ends", "24:00-24:00", "", "start hour 24 over 23"},
		{"three-digit minutes", "1:000 AM to 2 AM", "", "start minutes has more than 2 digits"},
		{"AM without an hour", "AM to PM", "", "missing start hour"},
		{"separator only", "to", "", "missing start hour"},
		{"hour 99 in 24-hour form", "99:00-01:00", "", "start hour 99 over 23"},
		// Input that ends right after an hour's digits.
		{"a lone hour", "2", "", "start time 2 has neither AM/PM nor :MM"},
		{"end hour at the very end", "2 AM to 11", "", "end time 11 has neither AM/PM nor :MM"},
		{"upper-case TO and tabs", "\t6\tPM\tTO\t3\tAM\t", "6 PM to 3 AM", ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			w, err := ParseWindow(tc.in)
			if tc.why != "" {
				require.Error(t, err)
				assert.True(t, errors.Is(err, ErrInvalidWindow), "%v", err)
				assert.Contains(t, err.Error(), tc.why)
				assert.True(t, w.IsZero())
				return
			}
			require.NoError(t, err)
			assert.Equal(t, tc.want, w.String())
			var u Window
			require.NoError(t, u.UnmarshalText([]byte(tc.in)))
			assert.Equal(t, w, u)
		})
	}
}

// TestOverlapHostile: hand-worked overlaps at the edges of the time line
// and over months whose local clocks jump. Windows are daily UTC times, so
// a local month's overlap depends on where its UTC ends fall.
func TestOverlapHostile(t *testing.T) {
	ny, err := time.LoadLocation("America/New_York")
	require.NoError(t, err)
	lordHowe, err := time.LoadLocation("Australia/Lord_Howe")
	require.NoError(t, err)
	zero := time.Time{}
	tests := []struct {
		name   string
		window string
		span   calendar.Span
		want   time.Duration
	}{
		// New York's March 2024 is [1 Mar 05:00Z, 1 Apr 04:00Z), 743 h.
		// NAM 02:00–11:00Z: 6 h on 1 March (from 05:00), 30 × 9 h on 2–31
		// March, 2 h on 1 April (to 04:00): 278 h.
		{"NAM over New York's March 2024", "2 AM to 11 AM",
			calendar.NewMonth(2024, time.March, ny).Span(), 278 * time.Hour},
		// New York's November 2024 is [1 Nov 04:00Z, 1 Dec 05:00Z), 721 h.
		// IND 19:30–01:00Z: the occurrence opening 31 October ends at
		// 01:00Z, before the month; those opening 1–30 November lie
		// wholly inside (the last ends 1 Dec 01:00Z); 30 × 5h30m = 165 h.
		{"IND over New York's November 2024", "7:30PM to 1AM",
			calendar.NewMonth(2024, time.November, ny).Span(), 165 * time.Hour},
		// Lord Howe's April 2024 is [31 Mar 13:00Z, 30 Apr 13:30Z),
		// 720h30m. DEU 17:00–02:00Z: occurrences opening 31 March to 29
		// April lie inside, the one opening 30 April at 17:00Z is after
		// the end: 30 × 9 h = 270 h.
		{"DEU over Lord Howe's April 2024", "5 PM to 2 AM",
			calendar.NewMonth(2024, time.April, lordHowe).Span(), 270 * time.Hour},
		// The zero time is 0001-01-01 00:00 UTC. DEU's occurrence that
		// opened at 17:00 on 0000-12-31 covers 00:00–02:00, and the next
		// opens at 17:00: 2 h + 7 h in the first day.
		{"first day of year 1", "5 PM to 2 AM", calendar.Span{Start: zero, End: zero.Add(24 * time.Hour)}, 9 * time.Hour},
		{"one ns at the zero time, inside DEU", "5 PM to 2 AM", calendar.Span{Start: zero, End: zero.Add(1)}, 1},
		{"one ns at the zero time, outside NAM", "2 AM to 11 AM", calendar.Span{Start: zero, End: zero.Add(1)}, 0},
		// From 9999-12-31 to 10000-01-02: two NAM days, 18 h.
		{"across year 10000", "2 AM to 11 AM",
			calendar.Span{Start: time.Date(9999, 12, 31, 0, 0, 0, 0, time.UTC), End: time.Date(10000, 1, 2, 0, 0, 0, 0, time.UTC)}, 18 * time.Hour},
		// Year 1 to year 9999 is 3,652,058 days: ~3.3e7 h of NAM window,
		// far over the largest time.Duration (~2.56e6 h).
		{"year 1 to 9999 saturates", "2 AM to 11 AM",
			calendar.Span{Start: zero, End: time.Date(9999, 12, 31, 0, 0, 0, 0, time.UTC)}, time.Duration(1<<63 - 1)},
		{"zero span", "2 AM to 11 AM", calendar.Span{}, 0},
		{"reversed at the zero time", "5 PM to 2 AM", calendar.Span{Start: zero.Add(1), End: zero}, 0},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			w := mustWindow(t, tc.window)
			assert.Equal(t, tc.want, w.Overlap(tc.span))
			assert.Equal(t, tc.want, w.Overlap(tc.span.In(time.UTC)), "the span's location does not matter")
			if tc.span.Duration() > 0 && tc.span.Duration() < 1000*24*time.Hour {
				// The occurrences, clipped, add up to the same figure.
				var sum time.Duration
				for occ := range w.Occurrences(tc.span) {
					if in, ok := occ.Intersect(tc.span); ok {
						sum += in.Duration()
					}
				}
				assert.Equal(t, tc.want, sum, "sum of clipped occurrences")
			}
		})
	}
}

func TestNextHostile(t *testing.T) {
	zero := time.Time{}
	tests := []struct {
		name       string
		window     string
		at         time.Time
		start, end time.Time
	}{
		// DEU's occurrence opened on 0000-12-31 at 17:00 and contains the
		// zero time.
		{"zero time inside a window from year 0", "5 PM to 2 AM", zero,
			time.Date(0, 12, 31, 17, 0, 0, 0, time.UTC), time.Date(1, 1, 1, 2, 0, 0, 0, time.UTC)},
		{"zero time before NAM opens", "2 AM to 11 AM", zero,
			time.Date(1, 1, 1, 2, 0, 0, 0, time.UTC), time.Date(1, 1, 1, 11, 0, 0, 0, time.UTC)},
		{"last hour of 9999", "2 AM to 11 AM", time.Date(9999, 12, 31, 23, 0, 0, 0, time.UTC),
			time.Date(10000, 1, 1, 2, 0, 0, 0, time.UTC), time.Date(10000, 1, 1, 11, 0, 0, 0, time.UTC)},
		// At the closing instant the next occurrence is returned.
		{"closing instant of IND", "7:30PM to 1AM", time.Date(2024, 2, 29, 1, 0, 0, 0, time.UTC),
			time.Date(2024, 2, 29, 19, 30, 0, 0, time.UTC), time.Date(2024, 3, 1, 1, 0, 0, 0, time.UTC)},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			w := mustWindow(t, tc.window)
			got := w.Next(tc.at)
			assert.True(t, got.Start.Equal(tc.start), "start: want %s got %s", tc.start, got.Start)
			assert.True(t, got.End.Equal(tc.end), "end: want %s got %s", tc.end, got.End)
			assert.Equal(t, got.Contains(tc.at), w.Contains(tc.at))
		})
	}
}
