package calendar

import (
	"errors"
	"math/rand/v2"
	"slices"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

var base = utc(2024, 2, 1, 0, 0)

// m returns the span of minutes [a, b) after base.
func m(a, b int) Span {
	return Span{base.Add(time.Duration(a) * time.Minute), base.Add(time.Duration(b) * time.Minute)}
}

func set(t testing.TB, spans ...Span) SpanSet {
	t.Helper()
	s, err := NewSpanSet(spans...)
	require.NoError(t, err)
	return s
}

func TestNewSpanSet(t *testing.T) {
	tests := []struct {
		name string
		in   []Span
		want []Span
	}{
		{"none", nil, nil},
		{"one", []Span{m(0, 10)}, []Span{m(0, 10)}},
		{"unordered disjoint", []Span{m(20, 30), m(0, 10)}, []Span{m(0, 10), m(20, 30)}},
		{"overlapping", []Span{m(0, 10), m(5, 15)}, []Span{m(0, 15)}},
		{"nested", []Span{m(0, 30), m(5, 10)}, []Span{m(0, 30)}},
		{"touching merge", []Span{m(10, 20), m(0, 10)}, []Span{m(0, 20)}},
		{"duplicates", []Span{m(0, 10), m(0, 10)}, []Span{m(0, 10)}},
		{"empty dropped", []Span{m(5, 5), m(0, 1)}, []Span{m(0, 1)}},
		{"chain", []Span{m(0, 2), m(1, 3), m(2, 4), m(10, 11)}, []Span{m(0, 4), m(10, 11)}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			s := set(t, tc.in...)
			got := s.Spans()
			require.Len(t, got, len(tc.want))
			for i := range got {
				assert.True(t, tc.want[i].Equal(got[i]), "span %d: got %s want %s", i, got[i], tc.want[i])
			}
			assert.Equal(t, len(tc.want), s.Len())
			assert.Equal(t, len(tc.want) == 0, s.IsEmpty())
		})
	}
	_, err := NewSpanSet(m(0, 1), m(5, 3))
	require.Error(t, err)
	assert.True(t, errors.Is(err, ErrReversed))
	assert.Contains(t, err.Error(), "span 1")
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

// minutes is the brute-force model: the set of whole minutes covered.
type minutes [200]bool

func model(spans []Span) minutes {
	var mm minutes
	for _, s := range spans {
		for i := range mm {
			if s.Contains(base.Add(time.Duration(i) * time.Minute)) {
				mm[i] = true
			}
		}
	}
	return mm
}

func randSpans(r *rand.Rand) []Span {
	n := r.IntN(20) // both the insertion-sort (<= 12) and the generic path
	out := make([]Span, n)
	for i := range out {
		a := r.IntN(200)
		b := a + r.IntN(40)
		if b > 200 {
			b = 200
		}
		out[i] = m(a, b)
	}
	return out
}

func TestSpanSetAgainstMinuteModel(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	for iter := 0; iter < 2000; iter++ {
		as, bs := randSpans(r), randSpans(r)
		a, b := set(t, as...), set(t, bs...)
		ma, mb := model(as), model(bs)
		check := func(op string, got SpanSet, want func(x, y bool) bool) {
			gm := model(got.Spans())
			for i := range gm {
				if gm[i] != want(ma[i], mb[i]) {
					t.Fatalf("%s of %v and %v: minute %d wrong (got %s)", op, as, bs, i, got)
				}
			}
			// canonical form: sorted, disjoint, non-touching, non-empty
			sp := got.Spans()
			for i := range sp {
				if sp[i].IsEmpty() || (i > 0 && !sp[i-1].End.Before(sp[i].Start)) {
					t.Fatalf("%s not canonical: %s", op, got)
				}
			}
			var count time.Duration
			for i := range gm {
				if gm[i] {
					count += time.Minute
				}
			}
			if got.Duration() != count {
				t.Fatalf("%s duration %s want %s", op, got.Duration(), count)
			}
		}
		check("union", a.Union(b), func(x, y bool) bool { return x || y })
		check("intersect", a.Intersect(b), func(x, y bool) bool { return x && y })
		check("subtract", a.Subtract(b), func(x, y bool) bool { return x && !y })
		check("build", set(t, append(as, bs...)...), func(x, y bool) bool { return x || y })
	}
}

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
