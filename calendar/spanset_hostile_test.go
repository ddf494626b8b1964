package calendar

import (
	"errors"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/slapolicy/slapolicy/internal/testkit"
	"github.com/slapolicy/slapolicy/internal/timeline"
)

// Hostile inputs for spans and span sets: zero times, the ends of the
// representable years, spans longer than a time.Duration, duplicates,
// nesting, empty spans and a million spans at once.

func TestSpanHostile(t *testing.T) {
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
		{"zero span", Span{}, 0, true, true},
		{"zero start, one ns", Span{zero, zero.Add(1)}, 1, false, true},
		// Year 1 to year 9999 is far beyond the largest time.Duration.
		{"year 1 to 9999 saturates", Span{zero, far}, timeline.MaxDuration, false, true},
		{"reversed by one ns at year 9999", Span{far, far.Add(-1)}, 0, true, false},
		{"reversed across the whole range", Span{far, zero}, 0, true, false},
		// 200 years from 1900: 73,049 days (see TestSplitByMonthHostile).
		{"200 years", Span{utc(1900, 1, 1, 0, 0), utc(2100, 1, 1, 0, 0)}, 73049 * 24 * time.Hour, false, true},
		// The same instant in two locations is an empty span.
		{"same instant, two locations", Span{utc(2024, 3, 10, 7, 0), utc(2024, 3, 10, 7, 0).In(ny)}, 0, true, true},
		// 01:30 EST on 3 November 2024 is an hour after 01:30 EDT.
		{"repeated wall-clock hour", Span{time.Date(2024, 11, 3, 5, 30, 0, 0, time.UTC).In(ny), time.Date(2024, 11, 3, 6, 30, 0, 0, time.UTC).In(ny)}, time.Hour, false, true},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			assert.Equal(t, tc.duration, tc.s.Duration())
			assert.Equal(t, tc.empty, tc.s.IsEmpty())
			err := tc.s.Validate()
			_, nerr := NewSpan(tc.s.Start, tc.s.End)
			_, serr := NewSpanSet(tc.s)
			if tc.valid {
				assert.NoError(t, err)
				assert.NoError(t, nerr)
				assert.NoError(t, serr)
				return
			}
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

func TestSpanSetHostile(t *testing.T) {
	zero := time.Time{}
	far := time.Date(9999, 12, 31, 0, 0, 0, 0, time.UTC)
	tests := []struct {
		name     string
		in       []Span
		want     []Span
		duration time.Duration
	}{
		{"only empty spans", []Span{m(5, 5), m(0, 0), {}}, nil, 0},
		{"zero-ns span between two spans does not join them", []Span{m(0, 1), m(2, 2), m(3, 4)}, []Span{m(0, 1), m(3, 4)}, 2 * time.Minute},
		{"a thousand duplicates", repeat(m(10, 20), 1000), []Span{m(10, 20)}, 10 * time.Minute},
		// Russian dolls: each span inside the one before.
		{"nested ten deep", []Span{m(0, 100), m(1, 99), m(2, 98), m(3, 97), m(4, 96), m(5, 95), m(6, 94), m(7, 93), m(8, 92), m(9, 91)},
			[]Span{m(0, 100)}, 100 * time.Minute},
		{"nested, more than 12 (generic sort)", append(repeat(m(40, 41), 13), m(0, 100)), []Span{m(0, 100)}, 100 * time.Minute},
		// Two spans of the whole range together overflow a Duration.
		{"whole range saturates", []Span{{zero, far.Add(-time.Hour)}, {far.Add(-time.Hour), far}}, []Span{{zero, far}}, timeline.MaxDuration},
		{"one ns at each end of the range", []Span{{far, far.Add(1)}, {zero, zero.Add(1)}}, []Span{{zero, zero.Add(1)}, {far, far.Add(1)}}, 2},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			s, err := NewSpanSet(tc.in...)
			require.NoError(t, err)
			got := s.Spans()
			require.Len(t, got, len(tc.want), "%s", s)
			for i := range got {
				assert.True(t, tc.want[i].Equal(got[i]), "span %d: got %s want %s", i, got[i], tc.want[i])
			}
			assert.Equal(t, tc.duration, s.Duration())
			assert.True(t, s.Equal(s.Union(s)))
			assert.True(t, s.Subtract(s).IsEmpty())
			assert.True(t, s.Equal(s.Intersect(s)))
		})
	}

	// The error names the index of the first reversed span, after any
	// number of valid ones.
	in := append(repeat(m(0, 1), 20), m(3, 2), m(9, 8))
	_, err := NewSpanSet(in...)
	require.Error(t, err)
	assert.True(t, errors.Is(err, ErrReversed))
	assert.Contains(t, err.Error(), "span 20:")
}

func repeat(s Span, n int) []Span {
	out := make([]Span, n)
	for i := range out {
		out[i] = s
	}
	return out
}

// TestSpanSetMillion builds a set from a million one-minute spans given in
// reverse order, every other one touching the next, and checks the merge:
// pairs [2k, 2k+1) and [2k+1, 2k+2) join, pairs are a minute apart.
func TestSpanSetMillion(t *testing.T) {
	n := 1_000_000
	if testkit.Small || testing.Short() {
		n = 100_000 // the race detector makes the big build about 10× slower
	}
	spans := make([]Span, 0, n)
	for i := n - 1; i >= 0; i-- {
		k := i / 2 * 3 // pair i/2 covers minutes [3k', 3k'+2)
		spans = append(spans, m(k+i%2, k+i%2+1))
	}
	s, err := NewSpanSet(spans...)
	require.NoError(t, err)
	require.Equal(t, n/2, s.Len())
	require.Equal(t, time.Duration(n)*time.Minute, s.Duration())
	first := s.Spans()[0]
	assert.True(t, m(0, 2).Equal(first), "%s", first)
	assert.True(t, s.Contains(base.Add(time.Minute)))
	assert.False(t, s.Contains(base.Add(2*time.Minute)))
	// Subtracting every other pair leaves half of them.
	var odd []Span
	for k := 1; k < n/2; k += 2 {
		odd = append(odd, m(3*k, 3*k+2))
	}
	rest := s.Subtract(set(t, odd...))
	assert.Equal(t, (n/2+1)/2, rest.Len())
	assert.Equal(t, s.Duration(), rest.Union(set(t, odd...)).Duration())
}
