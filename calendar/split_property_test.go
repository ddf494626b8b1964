package calendar

import (
	"math/rand/v2"
	"testing"
	"time"

	"github.com/stretchr/testify/require"
)

// splitLocations are the locations the month-splitting properties run in:
// UTC, whole-hour DST, half-hour DST, a skipped day and a quarter-hour
// offset.
var splitLocations = []string{"UTC", "America/New_York", "Australia/Lord_Howe", "Pacific/Apia", "Asia/Kathmandu"}

// randSplitSpan returns a span whose ends are anywhere from year 1 to
// 9999, or close to each other, or on a month boundary.
func randSplitSpan(r *rand.Rand, loc *time.Location) Span {
	var start time.Time
	switch r.IntN(3) {
	case 0: // anywhere in years 1..9999
		start = time.Date(1+r.IntN(9999), time.Month(1+r.IntN(12)), 1+r.IntN(31), r.IntN(24), r.IntN(60), 0, r.IntN(1e9), loc)
	case 1: // around DST changes and Samoa's skipped day
		start = time.Date(2011+r.IntN(14), time.Month(1+r.IntN(12)), 1+r.IntN(31), r.IntN(24), r.IntN(60), 0, 0, loc)
	default: // exactly on a month boundary, or a nanosecond off it
		start = NewMonth(1900+r.IntN(300), time.Month(1+r.IntN(12)), loc).Start().Add(time.Duration(r.IntN(3) - 1))
	}
	var length time.Duration
	switch r.IntN(4) {
	case 0:
		length = time.Duration(r.IntN(3)) // 0, 1 or 2 ns
	case 1:
		length = time.Duration(r.Int64N(int64(40 * 24 * time.Hour)))
	case 2:
		length = time.Duration(r.Int64N(int64(3 * 365 * 24 * time.Hour)))
	default: // whole months, so the end is on a boundary
		return Span{start, MonthOf(start).Start().AddDate(0, 1+r.IntN(30), 0)}
	}
	return Span{start, start.Add(length)}
}

// TestSplitByMonthProperty: for random spans in locations with DST,
// half-hour shifts, skipped days and odd offsets, the parts tile the span
// (contiguous, in order, each inside its month, consecutive months) and
// their durations add up to the span's; and every sampled instant of the
// span lies in the part of the month MonthOf reads for it.
func TestSplitByMonthProperty(t *testing.T) {
	r := rand.New(rand.NewPCG(8, 2024))
	for _, name := range splitLocations {
		loc := mustLoad(t, name)
		for range 300 {
			s := randSplitSpan(r, loc)
			if r.IntN(2) == 0 {
				s = s.In(time.UTC) // the span's own location never matters
			}
			parts, err := SplitByMonth(s, loc)
			require.NoError(t, err)
			checkParts(t, s, loc, parts)
			require.Equal(t, s.Duration(), sumParts(parts), "%s in %s", s, name)
			for range 5 {
				if s.IsEmpty() {
					break
				}
				at := s.Start.Add(time.Duration(r.Int64N(int64(s.Duration()))))
				want := MonthOf(at.In(loc))
				found := false
				for _, p := range parts {
					if p.Span.Contains(at) {
						require.Equal(t, want, p.Month, "instant %s of %s in %s", at, s, name)
						found = true
					}
				}
				require.True(t, found, "instant %s of %s is in no part", at, s)
			}
		}
	}
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
