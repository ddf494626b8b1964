package calendar

import (
	"errors"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/slapolicy/slapolicy/internal/timeline"
)

func utc(y int, m time.Month, d, h, min int) time.Time {
	return time.Date(y, m, d, h, min, 0, 0, time.UTC)
}

func TestNewSpan(t *testing.T) {
	a, b := utc(2024, 2, 1, 0, 0), utc(2024, 2, 1, 1, 0)
	tests := []struct {
		name       string
		start, end time.Time
		wantErr    bool
		wantDur    time.Duration
	}{
		{"one hour", a, b, false, time.Hour},
		{"empty", a, a, false, 0},
		{"reversed by a nanosecond", a, a.Add(-1), true, 0},
		{"reversed", b, a, true, 0},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			s, err := NewSpan(tc.start, tc.end)
			if tc.wantErr {
				require.Error(t, err)
				assert.True(t, errors.Is(err, ErrReversed))
				assert.Contains(t, err.Error(), tc.end.Format(time.RFC3339Nano))
				assert.Equal(t, time.Duration(0), Span{tc.start, tc.end}.Duration())
				return
			}
			require.NoError(t, err)
			assert.Equal(t, tc.wantDur, s.Duration())
		})
	}
}

func TestSpanDurationSaturates(t *testing.T) {
	// 300 years is longer than the largest time.Duration (~292 years).
	s := Span{utc(1900, 1, 1, 0, 0), utc(2200, 1, 1, 0, 0)}
	assert.Equal(t, timeline.MaxDuration, s.Duration())
}

func TestSpanContainsHalfOpen(t *testing.T) {
	s := Span{utc(2024, 2, 1, 2, 0), utc(2024, 2, 1, 11, 0)}
	assert.True(t, s.Contains(s.Start), "start is inside")
	assert.False(t, s.Contains(s.End), "end is outside")
	assert.True(t, s.Contains(s.End.Add(-1)), "last nanosecond is inside")
	assert.False(t, s.Contains(s.Start.Add(-1)))
	// the same instant in another location is the same instant
	ny, err := time.LoadLocation("America/New_York")
	require.NoError(t, err)
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
