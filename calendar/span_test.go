package calendar

import (
	"errors"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/slapolicy/slapolicy/internal/timeline"
)

// TestNewSpan: every constructor and validator that takes a span agrees on
// which spans are valid, and on their lengths, from ordinary hours to the
// ends of the representable years, spans longer than a time.Duration and
// spans reversed by one nanosecond.
func TestNewSpan(t *testing.T) {
	a, b := utc(2024, 2, 1, 0, 0), utc(2024, 2, 1, 1, 0)
	zero := time.Time{}
	far := time.Date(9999, 12, 31, 23, 59, 59, 999999999, time.UTC)
	ny := mustLoad(t, "America/New_York")
	tests := []struct {
		name     string
		s        Span
		duration time.Duration
		empty    bool
		valid    bool
	}{
		{"one hour", Span{a, b}, time.Hour, false, true},
		{"empty", Span{a, a}, 0, true, true},
		{"reversed by a nanosecond", Span{a, a.Add(-1)}, 0, true, false},
		{"reversed", Span{b, a}, 0, true, false},
		{"zero span", Span{}, 0, true, true},
		{"zero start, one ns", Span{zero, zero.Add(1)}, 1, false, true},
		// 300 years is longer than the largest time.Duration (~292 years).
		{"300 years saturates", Span{utc(1900, 1, 1, 0, 0), utc(2200, 1, 1, 0, 0)}, timeline.MaxDuration, false, true},
		// Year 1 to year 9999 is far beyond the largest time.Duration.
		{"year 1 to 9999 saturates", Span{zero, far}, timeline.MaxDuration, false, true},
		{"reversed by one ns at year 9999", Span{far, far.Add(-1)}, 0, true, false},
		{"reversed across the whole range", Span{far, zero}, 0, true, false},
		// 200 years from 1900: 73,049 days (Gregorian rule; see
		// TestSplitByMonthParts).
		{"200 years", Span{utc(1900, 1, 1, 0, 0), utc(2100, 1, 1, 0, 0)}, 73049 * 24 * time.Hour, false, true},
		// The same instant in two locations is an empty span.
		{"same instant, two locations", Span{utc(2024, 3, 10, 7, 0), utc(2024, 3, 10, 7, 0).In(ny)}, 0, true, true},
		// tz database: 01:30 EST on 3 November 2024 is an hour after
		// 01:30 EDT.
		{"repeated wall-clock hour", Span{time.Date(2024, 11, 3, 5, 30, 0, 0, time.UTC).In(ny), time.Date(2024, 11, 3, 6, 30, 0, 0, time.UTC).In(ny)}, time.Hour, false, true},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			assert.Equal(t, tc.duration, tc.s.Duration())
			assert.Equal(t, tc.empty, tc.s.IsEmpty())
			err := tc.s.Validate()
			got, nerr := NewSpan(tc.s.Start, tc.s.End)
			_, serr := NewSpanSet(tc.s)
			if tc.valid {
				assert.NoError(t, err)
				require.NoError(t, nerr)
				assert.NoError(t, serr)
				assert.Equal(t, tc.duration, got.Duration())
				assert.True(t, got.Equal(tc.s))
				return
			}
			assert.True(t, got.IsZero(), "the zero Span on error")
			_, perr := SplitByMonth(tc.s, nil)
			for _, e := range []error{err, nerr, serr, perr} {
				require.Error(t, e)
				assert.True(t, errors.Is(e, ErrReversed), "%v", e)
				assert.Contains(t, e.Error(), tc.s.End.Format(time.RFC3339Nano), "names the end")
				assert.Contains(t, e.Error(), tc.s.Start.Format(time.RFC3339Nano), "names the start")
			}
		})
	}
}

func TestSpanContainsHalfOpen(t *testing.T) {
	s := Span{utc(2024, 2, 1, 2, 0), utc(2024, 2, 1, 11, 0)}
	assert.True(t, s.Contains(s.Start), "start is inside")
	assert.False(t, s.Contains(s.End), "end is outside")
	assert.True(t, s.Contains(s.End.Add(-1)), "last nanosecond is inside")
	assert.False(t, s.Contains(s.Start.Add(-1)))
	// the same instant in another location is the same instant
	ny := mustLoad(t, "America/New_York")
	assert.True(t, s.Contains(s.Start.In(ny)))
}

func TestSpanIntersectOverlaps(t *testing.T) {
	a := Span{utc(2024, 2, 1, 0, 0), utc(2024, 2, 1, 10, 0)}
	tests := []struct {
		name string
		b    Span
		want Span
		ok   bool
	}{
		{"inside", Span{utc(2024, 2, 1, 2, 0), utc(2024, 2, 1, 3, 0)}, Span{utc(2024, 2, 1, 2, 0), utc(2024, 2, 1, 3, 0)}, true},
		{"straddles end", Span{utc(2024, 2, 1, 9, 0), utc(2024, 2, 1, 12, 0)}, Span{utc(2024, 2, 1, 9, 0), utc(2024, 2, 1, 10, 0)}, true},
		{"touches end", Span{utc(2024, 2, 1, 10, 0), utc(2024, 2, 1, 12, 0)}, Span{}, false},
		{"touches start", Span{utc(2024, 1, 31, 10, 0), utc(2024, 2, 1, 0, 0)}, Span{}, false},
		{"empty inside", Span{utc(2024, 2, 1, 5, 0), utc(2024, 2, 1, 5, 0)}, Span{}, false},
		{"covers", Span{utc(2024, 1, 1, 0, 0), utc(2024, 3, 1, 0, 0)}, a, true},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, ok := a.Intersect(tc.b)
			assert.Equal(t, tc.ok, ok)
			assert.True(t, tc.want.Equal(got), "got %s want %s", got, tc.want)
			assert.Equal(t, tc.ok, a.Overlaps(tc.b))
			assert.Equal(t, tc.ok, tc.b.Overlaps(a), "symmetric")
		})
	}
}

func TestSpanMisc(t *testing.T) {
	var z Span
	assert.True(t, z.IsZero())
	assert.True(t, z.IsEmpty())
	s := Span{utc(2024, 2, 1, 0, 0), utc(2024, 2, 1, 0, 1)}
	assert.False(t, s.IsZero())
	assert.False(t, s.IsEmpty())
	assert.True(t, Span{s.End, s.Start}.IsEmpty(), "invalid span is empty")
	assert.Equal(t, "[2024-02-01T00:00:00Z, 2024-02-01T00:01:00Z)", s.String())
	tokyo := time.FixedZone("JST", 9*3600)
	in := s.In(tokyo)
	assert.True(t, in.Equal(s))
	assert.Equal(t, tokyo, in.Start.Location())
	assert.Equal(t, time.UTC, in.In(nil).End.Location())
	require.NoError(t, s.Validate())
}
