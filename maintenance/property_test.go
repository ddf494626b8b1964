package maintenance

import (
	"math/rand/v2"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/slapolicy/slapolicy/calendar"
)

// Properties: random inputs from fixed random seeds, checked against a
// brute-force model (a minute-by-minute count, the occurrences clipped one
// by one).

// randomWindow returns a random valid window.
func randomWindow(r *rand.Rand) Window {
	start := r.IntN(minutesADay)
	end := r.IntN(minutesADay)
	for end == start {
		end = r.IntN(minutesADay)
	}
	w, err := windowFromMinutes(start, end, "")
	if err != nil {
		panic(err)
	}
	return w
}

// bruteMinutes counts the minutes m in [a, b) (minute-aligned) with
// w.Contains(m), one by one.
func bruteMinutes(w Window, a, b time.Time) time.Duration {
	var n time.Duration
	for t := a; t.Before(b); t = t.Add(time.Minute) {
		if w.Contains(t) {
			n += time.Minute
		}
	}
	return n
}

// bruteExact adds up, nanosecond-exact, the parts of s inside the window by
// clipping each occurrence to s.
func bruteExact(w Window, s calendar.Span) time.Duration {
	var n time.Duration
	for o := range w.Occurrences(s) {
		if in, ok := s.Intersect(o); ok {
			n += in.Duration()
		}
	}
	return n
}

func TestOverlapProperty(t *testing.T) {
	r := rand.New(rand.NewPCG(4, 2024))
	base := utc(2024, 1, 1, 0, 0)
	for i := range 400 {
		w := randomWindow(r)
		// Minute-aligned span up to 3 days, often starting inside the window.
		a := base.Add(time.Duration(r.IntN(60*24*30)) * time.Minute)
		if i%2 == 0 {
			a = w.Next(a).Start.Add(time.Duration(r.IntN(int(w.Duration()/time.Minute))) * time.Minute)
		}
		b := a.Add(time.Duration(r.IntN(60*24*3)) * time.Minute)
		s := spanOf(a, b)
		require.Equal(t, bruteMinutes(w, a, b), w.Overlap(s), "case %d: window %v span %v", i, w, s)
	}
	for i := range 2000 {
		w := randomWindow(r)
		// Nanosecond ends, spans up to 40 days, some before 1970.
		a := base.Add(time.Duration(r.Int64N(int64(200*365*24*time.Hour))) - 100*365*24*time.Hour)
		b := a.Add(time.Duration(r.Int64N(int64(40 * 24 * time.Hour))))
		s := spanOf(a, b)
		require.Equal(t, bruteExact(w, s), w.Overlap(s), "case %d: window %v span %v", i, w, s)
		// Additivity at a random cut.
		c := a.Add(time.Duration(r.Int64N(int64(b.Sub(a)) + 1)))
		require.Equal(t, w.Overlap(s), w.Overlap(spanOf(a, c))+w.Overlap(spanOf(c, b)), "case %d additivity", i)
		// Agrees with Intersect/Subtract and Within.
		set, err := calendar.NewSpanSet(s)
		require.NoError(t, err)
		require.Equal(t, w.Overlap(s), w.Intersect(set).Duration(), "case %d intersect", i)
		require.Equal(t, s.Duration()-w.Overlap(s), w.Subtract(set).Duration(), "case %d subtract", i)
	}
}

func TestNextContainsProperty(t *testing.T) {
	r := rand.New(rand.NewPCG(7, 30))
	base := utc(2024, 1, 1, 0, 0)
	for i := range 3000 {
		w := randomWindow(r)
		at := base.Add(time.Duration(r.Int64N(int64(400*24*time.Hour))) - 200*24*time.Hour)
		next := w.Next(at)
		require.Equal(t, w.Duration(), next.Duration(), "case %d", i)
		require.True(t, next.End.After(at), "case %d: Next ends after t", i)
		require.Equal(t, w.Contains(at), next.Contains(at), "case %d: window %v at %v next %v", i, w, at, next)
		require.True(t, w.Contains(next.Start), "case %d: opening instant inside", i)
		require.False(t, w.Contains(next.End), "case %d: closing instant outside", i)
		require.False(t, w.Contains(next.Start.Add(-1)), "case %d: instant before opening outside", i)
		// Occurrences over a span starting at t begin with Next(t) when t is
		// inside an occurrence, and every occurrence is a Next.
		var prevEnd time.Time
		for occ := range w.Occurrences(spanOf(at, at.Add(3*24*time.Hour))) {
			require.True(t, occ.Equal(w.Next(occ.Start)), "case %d", i)
			require.True(t, occ.Start.After(prevEnd), "case %d: in order, disjoint, not touching", i)
			prevEnd = occ.End
		}
	}
}
