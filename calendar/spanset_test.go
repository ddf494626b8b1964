package calendar

import (
	"errors"
	"slices"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/slapolicy/slapolicy/internal/testkit"
	"github.com/slapolicy/slapolicy/internal/timeline"
)

var base = utc(2024, 2, 1, 0, 0)

// m returns the span of minutes [a, b) after base.
func m(a, b int) Span {
	return Span{base.Add(time.Duration(a) * time.Minute), base.Add(time.Duration(b) * time.Minute)}
}

// set returns the span set of spans or fails the test.
func set(t testing.TB, spans ...Span) SpanSet {
	t.Helper()
	s, err := NewSpanSet(spans...)
	require.NoError(t, err)
	return s
}

// repeat returns n copies of s.
func repeat(s Span, n int) []Span {
	out := make([]Span, n)
	for i := range out {
		out[i] = s
	}
	return out
}

// assertSpans checks that got holds exactly the spans of want, in order.
func assertSpans(t *testing.T, want, got []Span) {
	t.Helper()
	require.Len(t, got, len(want), "%v", got)
	for i := range got {
		assert.True(t, want[i].Equal(got[i]), "span %d: got %s want %s", i, got[i], want[i])
	}
}

// TestNewSpanSet: spans in any order, overlapping, touching, empty,
// duplicated a thousand times, nested ten deep or reaching the ends of the
// representable years merge into sorted disjoint spans.
func TestNewSpanSet(t *testing.T) {
	zero := time.Time{}
	far := time.Date(9999, 12, 31, 0, 0, 0, 0, time.UTC)
	tests := []struct {
		name     string
		in       []Span
		want     []Span
		duration time.Duration
	}{
		{"none", nil, nil, 0},
		{"one", []Span{m(0, 10)}, []Span{m(0, 10)}, 10 * time.Minute},
		{"unordered disjoint", []Span{m(20, 30), m(0, 10)}, []Span{m(0, 10), m(20, 30)}, 20 * time.Minute},
		{"overlapping", []Span{m(0, 10), m(5, 15)}, []Span{m(0, 15)}, 15 * time.Minute},
		{"nested", []Span{m(0, 30), m(5, 10)}, []Span{m(0, 30)}, 30 * time.Minute},
		{"touching merge", []Span{m(10, 20), m(0, 10)}, []Span{m(0, 20)}, 20 * time.Minute},
		{"duplicates", []Span{m(0, 10), m(0, 10)}, []Span{m(0, 10)}, 10 * time.Minute},
		{"empty dropped", []Span{m(5, 5), m(0, 1)}, []Span{m(0, 1)}, time.Minute},
		{"chain", []Span{m(0, 2), m(1, 3), m(2, 4), m(10, 11)}, []Span{m(0, 4), m(10, 11)}, 5 * time.Minute},
		{"only empty spans", []Span{m(5, 5), m(0, 0), {}}, nil, 0},
		{"zero-ns span between two spans does not join them", []Span{m(0, 1), m(2, 2), m(3, 4)}, []Span{m(0, 1), m(3, 4)}, 2 * time.Minute},
		{"a thousand duplicates", repeat(m(10, 20), 1000), []Span{m(10, 20)}, 10 * time.Minute},
		// Russian dolls: each span inside the one before.
		{"nested ten deep", []Span{m(0, 100), m(1, 99), m(2, 98), m(3, 97), m(4, 96), m(5, 95), m(6, 94), m(7, 93), m(8, 92), m(9, 91)},
			[]Span{m(0, 100)}, 100 * time.Minute},
		// More than 12 spans, past the sort's insertion-sort cut-off.
		{"nested, more than 12 (generic sort)", append(repeat(m(40, 41), 13), m(0, 100)), []Span{m(0, 100)}, 100 * time.Minute},
		// Two spans of the whole range together overflow a Duration.
		{"whole range saturates", []Span{{zero, far.Add(-time.Hour)}, {far.Add(-time.Hour), far}}, []Span{{zero, far}}, timeline.MaxDuration},
		{"one ns at each end of the range", []Span{{far, far.Add(1)}, {zero, zero.Add(1)}}, []Span{{zero, zero.Add(1)}, {far, far.Add(1)}}, 2},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			s := set(t, tc.in...)
			assertSpans(t, tc.want, s.Spans())
			assert.Equal(t, len(tc.want), s.Len())
			assert.Equal(t, len(tc.want) == 0, s.IsEmpty())
			assert.Equal(t, tc.duration, s.Duration())
			assert.True(t, s.Equal(s.Union(s)))
			assert.True(t, s.Subtract(s).IsEmpty())
			assert.True(t, s.Equal(s.Intersect(s)))
		})
	}
}

// TestNewSpanSetErrors: the error names the index of the first reversed
// span, after any number of valid ones.
func TestNewSpanSetErrors(t *testing.T) {
	tests := []struct {
		name string
		in   []Span
		want string
	}{
		{"second of two", []Span{m(0, 1), m(5, 3)}, "span 1"},
		{"first reversed after twenty valid ones", append(repeat(m(0, 1), 20), m(3, 2), m(9, 8)), "span 20:"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			s, err := NewSpanSet(tc.in...)
			require.Error(t, err)
			assert.True(t, errors.Is(err, ErrReversed))
			assert.Contains(t, err.Error(), tc.want)
			assert.True(t, s.IsEmpty(), "the empty set on error")
		})
	}
}

func TestSpanSetDoesNotAlias(t *testing.T) {
	in := []Span{m(0, 10), m(20, 30)}
	s := set(t, in...)
	in[0] = m(100, 200)
	out := s.Spans()
	out[0] = m(500, 600)
	assert.True(t, m(0, 10).Equal(s.Spans()[0]))
}

func TestSpanSetOps(t *testing.T) {
	a := set(t, m(0, 10), m(20, 30), m(40, 50))
	b := set(t, m(5, 25), m(45, 60))
	assert.True(t, set(t, m(0, 30), m(40, 60)).Equal(a.Union(b)), "union %s", a.Union(b))
	assert.True(t, set(t, m(5, 10), m(20, 25), m(45, 50)).Equal(a.Intersect(b)), "intersect %s", a.Intersect(b))
	assert.True(t, set(t, m(0, 5), m(25, 30), m(40, 45)).Equal(a.Subtract(b)), "subtract %s", a.Subtract(b))
	assert.True(t, set(t, m(10, 20), m(50, 60)).Equal(b.Subtract(a)), "subtract %s", b.Subtract(a))
	assert.Equal(t, 30*time.Minute, a.Duration())
	assert.True(t, set(t, m(8, 10), m(20, 22)).Equal(a.Clip(m(8, 22))))
	assert.True(t, a.Clip(m(22, 8)).IsEmpty(), "invalid clip span gives nothing")
	assert.True(t, a.Contains(base))
	assert.False(t, a.Contains(base.Add(10*time.Minute)))
	assert.True(t, a.Contains(base.Add(10*time.Minute-1)))
	assert.False(t, a.Contains(base.Add(-1)))
	assert.True(t, a.Contains(base.Add(49*time.Minute)))
	assert.False(t, a.Contains(base.Add(55*time.Minute)))
	var empty SpanSet
	assert.True(t, a.Equal(a.Union(empty)))
	assert.True(t, a.Equal(empty.Union(a)))
	assert.True(t, a.Equal(a.Subtract(empty)))
	assert.True(t, empty.Subtract(a).IsEmpty())
	assert.True(t, a.Intersect(empty).IsEmpty())
	assert.Equal(t, "{}", empty.String())
	assert.Equal(t, "{[2024-02-01T00:00:00Z, 2024-02-01T00:01:00Z)}", set(t, m(0, 1)).String())
	var n int
	for range a.All() {
		n++
		break
	}
	assert.Equal(t, 1, n, "All stops when asked")
	assert.Equal(t, 3, len(slices.Collect(a.All())))
}

// TestMerge: Merge sorts and merges the caller's buffer in place, as
// NewSpanSet does, and leaves out empty and reversed spans instead of
// rejecting them.
func TestMerge(t *testing.T) {
	tests := []struct {
		name string
		in   []Span
		want []Span
	}{
		{"nil", nil, nil},
		{"one", []Span{m(0, 10)}, []Span{m(0, 10)}},
		{"unordered disjoint", []Span{m(20, 30), m(0, 10)}, []Span{m(0, 10), m(20, 30)}},
		{"overlapping", []Span{m(5, 15), m(0, 10)}, []Span{m(0, 15)}},
		{"touching", []Span{m(10, 20), m(0, 10)}, []Span{m(0, 20)}},
		{"nested", []Span{m(5, 10), m(0, 30)}, []Span{m(0, 30)}},
		{"duplicates", []Span{m(0, 10), m(0, 10), m(0, 10)}, []Span{m(0, 10)}},
		{"only empty spans", []Span{m(5, 5), {}, m(0, 0)}, nil},
		{"reversed is left out", []Span{m(9, 3), m(0, 1)}, []Span{m(0, 1)}},
		{"reversed inside a gap does not bridge it", []Span{m(0, 1), m(2, 1), m(3, 4)}, []Span{m(0, 1), m(3, 4)}},
		{"empty between touching spans", []Span{m(1, 2), m(1, 1), m(0, 1)}, []Span{m(0, 2)}},
		{"chain", []Span{m(2, 4), m(1, 3), m(0, 2), m(10, 11)}, []Span{m(0, 4), m(10, 11)}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			buf := slices.Clone(tc.in)
			got := Merge(buf)
			assertSpans(t, tc.want, got)
			if len(got) > 0 {
				assert.Same(t, &buf[0], &got[0], "the result is a prefix of the caller's buffer")
			}
			// The same instants as NewSpanSet of the valid spans.
			var valid []Span
			for _, s := range tc.in {
				if s.Validate() == nil {
					valid = append(valid, s)
				}
			}
			assertSpans(t, set(t, valid...).Spans(), got)
		})
	}
}

// TestSpanSetMillion builds a set from a million one-minute spans given in
// reverse order, every other one touching the next, and checks the merge:
// pairs [2k, 2k+1) and [2k+1, 2k+2) join, pairs are a minute apart.
func TestSpanSetMillion(t *testing.T) {
	n := 1000000
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
