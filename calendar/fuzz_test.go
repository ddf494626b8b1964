package calendar

import (
	"errors"
	"testing"
	"time"

	"github.com/rickar/cal/v2/us"
	"github.com/stretchr/testify/require"
)

// Fuzz targets. Each starts from the hand-worked rows of its table test
// and from its corpus in testdata/fuzz/<name>.

func FuzzSpanSet(f *testing.F) {
	f.Add(int64(0), int64(10), int64(5), int64(15), int64(20), int64(3))
	f.Add(int64(0), int64(0), int64(0), int64(0), int64(0), int64(0))
	f.Add(int64(-5), int64(10), int64(10), int64(15), int64(1), int64(1<<62))
	f.Fuzz(func(t *testing.T, a0, a1, b0, b1, c0, c1 int64) {
		sp := func(x, y int64) Span { return Span{base.Add(time.Duration(x)), base.Add(time.Duration(y))} }
		in := []Span{sp(a0, a1), sp(b0, b1), sp(c0, c1)}
		s, err := NewSpanSet(in...)
		for _, x := range in {
			if x.End.Before(x.Start) {
				if err == nil {
					t.Fatal("reversed span accepted")
				}
				return
			}
		}
		if err != nil {
			t.Fatal(err)
		}
		// Union with itself and with each part is idempotent; subtracting a
		// set from itself leaves nothing; A = (A−B) ∪ (A∩B).
		if !s.Union(s).Equal(s) || !s.Subtract(s).IsEmpty() || !s.Intersect(s).Equal(s) {
			t.Fatalf("identities fail for %s", s)
		}
		b := set(t, in[1])
		if !s.Subtract(b).Union(s.Intersect(b)).Equal(s) {
			t.Fatalf("A != (A-B) ∪ (A∩B) for %s, %s", s, b)
		}
		if s.Subtract(b).Intersect(b).Len() != 0 {
			t.Fatalf("(A-B) ∩ B not empty")
		}
	})
}

func FuzzParseMonth(f *testing.F) {
	for _, tc := range parseMonthCases {
		f.Add(tc.in)
	}
	f.Fuzz(func(t *testing.T, s string) {
		m, err := ParseMonth(s, nil)
		if err != nil {
			if !errors.Is(err, ErrInvalidMonth) {
				t.Fatalf("error %v does not wrap ErrInvalidMonth", err)
			}
			return
		}
		if m.String() != s {
			t.Fatalf("ParseMonth(%q).String() = %q", s, m.String())
		}
		if d := m.Duration(); d < 28*24*time.Hour || d > 31*24*time.Hour {
			t.Fatalf("month %s lasts %s", m, d)
		}
	})
}

// FuzzSplitByMonth: any span, in any of the split locations, splits into
// parts that tile it, or is rejected as reversed.
func FuzzSplitByMonth(f *testing.F) {
	f.Add(int64(0), int64(0), uint8(0))
	f.Add(int64(-62135596800), int64(3600e9), uint8(1))          // the zero time, one hour, New York
	f.Add(int64(1709269200), int64(743*3600e9), uint8(1))        // New York's March 2024
	f.Add(int64(1711886400), int64(721*3600e9+1800e9), uint8(2)) // Lord Howe's April 2024
	f.Add(int64(1322733600), int64(720*3600e9), uint8(3))        // Apia's December 2011
	f.Add(int64(253402297200), int64(7200e9), uint8(0))          // into year 10000
	f.Add(int64(1704067200), int64(-1), uint8(4))                // reversed
	f.Fuzz(func(t *testing.T, startUnix, length int64, locIndex uint8) {
		// Keep the start within years 1..10000 so that time.Unix is exact.
		const lo, hi = -62135596800, 253402300800
		if startUnix < lo || startUnix > hi {
			startUnix = lo + (startUnix%(hi-lo)+(hi-lo))%(hi-lo)
		}
		loc := mustLoad(t, splitLocations[int(locIndex)%len(splitLocations)])
		start := time.Unix(startUnix, 0).UTC()
		s := Span{start, start.Add(time.Duration(length))}
		parts, err := SplitByMonth(s, loc)
		if length < 0 {
			require.ErrorIs(t, err, ErrReversed)
			require.Nil(t, parts)
			return
		}
		require.NoError(t, err)
		checkParts(t, s, loc, parts)
		require.Equal(t, s.Duration(), sumParts(parts))
	})
}

// fuzzCalendars are the calendars the fuzz targets pick from by index.
var fuzzCalendars = func() []*BusinessDays {
	ny, err := time.LoadLocation("America/New_York")
	if err != nil {
		ny = time.UTC
	}
	apia, err := time.LoadLocation("Pacific/Apia")
	if err != nil {
		apia = time.UTC
	}
	return []*BusinessDays{
		NewBusinessDays(ny, us.Holidays...),
		NewBusinessDays(nil, us.Holidays...),
		NewBusinessDaysFrom(apia, HolidayFunc(hashHolidays), time.Sunday),
		NewBusinessDaysFrom(nil, nil, time.Monday, time.Tuesday, time.Wednesday, time.Thursday, time.Friday, time.Saturday),
		NewBusinessDaysFrom(nil, nil, time.Sunday, time.Monday, time.Tuesday, time.Wednesday, time.Thursday, time.Friday, time.Saturday),
	}
}()

// fuzzRows are the business-day fuzz targets' starting inputs, rows from
// the hand-worked tables: (unix seconds, n, index into fuzzCalendars).
var fuzzRows = []struct {
	sec   int64
	n     int
	which uint8
}{
	{time.Date(2021, 12, 30, 21, 45, 0, 0, time.UTC).Unix(), 1, 0}, // Thu before observed New Year
	{time.Date(2022, 1, 3, 3, 0, 0, 0, time.UTC).Unix(), 0, 0},     // Sunday in New York
	{time.Date(2024, 11, 27, 20, 30, 0, 0, time.UTC).Unix(), 5, 1}, // Thanksgiving eve
	{time.Date(2024, 3, 9, 17, 0, 0, 0, time.UTC).Unix(), -1, 1},   // Saturday
	{time.Date(2011, 12, 29, 22, 0, 0, 0, time.UTC).Unix(), 1, 2},  // Apia's skipped day
	{time.Date(2024, 3, 9, 17, 0, 0, 0, time.UTC).Unix(), 3, 3},    // Sunday-only business week
	{time.Date(1, 1, 1, 0, 0, 0, 0, time.UTC).Unix(), -1, 1},       // range start
	{time.Date(9999, 12, 31, 0, 0, 0, 0, time.UTC).Unix(), 3, 1},   // range end
	{time.Date(2024, 5, 1, 0, 0, 0, 0, time.UTC).Unix(), 1, 4},     // no business days
	{0, 2_700_000, 1},
	{0, -1 << 62, 3},
}

// FuzzBusinessDaysAdd checks Add's invariants for any instant and offset:
// the result is a business day, the first instant of its day, on the right
// side of t's day, and Between(t, result) counts the days Add skipped.
// When Add finds no day, counting what the year range holds proves it.
// Any n is bounded: Add needs at most 9,999 cached year steps.
func FuzzBusinessDaysAdd(f *testing.F) {
	for _, s := range fuzzRows {
		f.Add(s.sec, s.n, s.which)
	}
	f.Fuzz(func(t *testing.T, sec int64, n int, which uint8) {
		b := fuzzCalendars[int(which)%len(fuzzCalendars)]
		loc := b.Location()
		tt := time.Unix(sec, 0)
		got, err := addChecked(b, tt, n)
		isBiz := b.IsBusinessDay(tt)
		if err != nil {
			if !errors.Is(err, ErrNoBusinessDay) || !got.IsZero() {
				t.Fatalf("Add(%s, %d): %v, %s", tt, n, err, got)
			}
			if n > maxYearDays || n < -maxYearDays {
				return // more than 366 × 9,999: rejected without a search
			}
			// The range holds fewer business days than asked for.
			lo, hi := time.Date(1, 1, 1, 0, 0, 0, 0, loc), time.Date(10000, 1, 1, 0, 0, 0, 0, loc)
			switch {
			case n > 0:
				after := b.Between(tt, hi) // [t's day, 10000-01-01)
				if isBiz {
					after--
				}
				if after >= n {
					t.Fatalf("Add(%s, %d) failed with %d business days after", tt, n, after)
				}
			case n == 0:
				if isBiz || b.Between(tt, hi) > 0 {
					t.Fatalf("Add(%s, 0) failed with business days on or after", tt)
				}
			default:
				if before := b.Between(lo, tt); before >= -n {
					t.Fatalf("Add(%s, %d) failed with %d business days before", tt, n, before)
				}
			}
			return
		}
		if !b.IsBusinessDay(got) {
			t.Fatalf("Add(%s, %d) = %s is not a business day", tt, n, got)
		}
		if got.Location() != loc {
			t.Fatalf("Add(%s, %d) = %s not in %s", tt, n, got, loc)
		}
		if sameDate(got.Add(-1).In(loc), got) {
			t.Fatalf("Add(%s, %d) = %s is not the first instant of its day", tt, n, got)
		}
		d := b.Between(tt, got)
		switch {
		case n > 0:
			want := n
			if !isBiz {
				want--
			}
			if d != want || !got.After(tt) {
				t.Fatalf("Add(%s, %d) = %s: Between = %d, want %d", tt, n, got, d, want)
			}
		case n < 0:
			if d != n || got.After(tt) {
				t.Fatalf("Add(%s, %d) = %s: Between = %d", tt, n, got, d)
			}
		default:
			if d != 0 || (isBiz && !sameDate(got, tt.In(loc))) {
				t.Fatalf("Add(%s, 0) = %s: Between = %d", tt, got, d)
			}
		}
		// Counting back from the result returns to the same business day.
		if there, err := addChecked(b, got, -n); n != 0 && err == nil {
			if back := b.Add(there, n); !back.Equal(got) {
				t.Fatalf("Add(Add(%s, %d), %d) = %s, want %s", got, -n, n, back, got)
			}
		}
	})
}

// FuzzBusinessDaysBetween checks that Between is antisymmetric and
// additive, ignores the time of day, and matches IsBusinessDay on one day.
func FuzzBusinessDaysBetween(f *testing.F) {
	for _, s := range fuzzRows {
		n := int64(max(min(s.n, 400), -400))
		f.Add(s.sec, s.sec+n*86400, s.sec+n*40000, s.which)
	}
	f.Fuzz(func(t *testing.T, a, e, mid int64, which uint8) {
		b := fuzzCalendars[int(which)%len(fuzzCalendars)]
		ta, te, tm := time.Unix(a, 0), time.Unix(e, 0), time.Unix(mid, 0)
		ab, ba := b.Between(ta, te), b.Between(te, ta)
		if ab != -ba {
			t.Fatalf("Between(%s, %s) = %d, reversed %d", ta, te, ab, ba)
		}
		if am, me := b.Between(ta, tm), b.Between(tm, te); am+me != ab {
			t.Fatalf("Between(%s, %s) = %d, via %s: %d + %d", ta, te, ab, tm, am, me)
		}
		one := b.Between(ta, b.EndOfDay(ta))
		if want := map[bool]int{true: 1, false: 0}[b.IsBusinessDay(ta)]; !ta.IsZero() && one != want {
			t.Fatalf("Between over %s's day = %d, want %d", ta, one, want)
		}
		if s, ok := dayStartOf(ta, b.Location()); ok && b.Between(s, ta) != 0 {
			t.Fatalf("Between(start of %s's day, it) != 0", ta)
		}
	})
}

// dayStartOf is the first instant of t's day in loc.
func dayStartOf(t time.Time, loc *time.Location) (time.Time, bool) {
	y, m, d := t.In(loc).Date()
	return dayStart(y, m, d, loc)
}

// FuzzParseDate: any text parses to a valid date that writes back as the
// same text, or is refused with ErrInvalidDate.
func FuzzParseDate(f *testing.F) {
	for _, tc := range parseDateCases {
		f.Add(tc.in)
	}
	f.Fuzz(func(t *testing.T, s string) {
		d, err := ParseDate(s)
		if err != nil {
			if !errors.Is(err, ErrInvalidDate) {
				t.Fatalf("error %v does not wrap ErrInvalidDate", err)
			}
			if !d.IsZero() {
				t.Fatalf("error with a date %v", d)
			}
			return
		}
		if err := d.Validate(); err != nil {
			t.Fatalf("ParseDate(%q) = %v, which Validate refuses: %v", s, d, err)
		}
		if d.String() != s {
			t.Fatalf("ParseDate(%q).String() = %q", s, d.String())
		}
		if got := DateOf(time.Date(d.Year, d.Month, d.Day, 12, 0, 0, 0, time.UTC)); got != d {
			t.Fatalf("time.Date normalised %v to %v", d, got)
		}
	})
}
