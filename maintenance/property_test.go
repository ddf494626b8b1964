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

// TestScheduledDowntimeSplitProperty: for random windows, outages and
// notices (some announced too late, some after they began), Split's three
// parts are disjoint, make up the outages, and hold each minute where By
// attributes it, against a minute model that asks Window.Contains and
// ScheduledDowntime.Announced minute by minute.
func TestScheduledDowntimeSplitProperty(t *testing.T) {
	r := rand.New(rand.NewPCG(11, 24))
	base := utc(2024, 4, 1, 0, 0)
	const minutes = 4 * 24 * 60 // the model's range: four days
	at := func(m int) time.Time { return base.Add(time.Duration(m) * time.Minute) }
	for i := range 300 {
		w := randomWindow(r)
		rule := ScheduledDowntime{NoticeLead: time.Duration(r.IntN(3)) * 12 * time.Hour, WindowNeedsNotice: r.IntN(2) == 0}
		var outages []calendar.Span
		for range r.IntN(8) {
			a := r.IntN(minutes - 1)
			outages = append(outages, spanOf(at(a), at(a+1+r.IntN(min(600, minutes-a-1)))))
		}
		set, err := calendar.NewSpanSet(outages...)
		require.NoError(t, err)
		var notices []Notice
		for range r.IntN(6) {
			a := r.IntN(minutes - 1)
			span := spanOf(at(a), at(a+r.IntN(min(900, minutes-a))))
			// Announced from two days ahead to an hour after it began.
			lead := time.Duration(r.IntN(49*60)-60) * time.Minute
			if r.IntN(4) == 0 {
				lead = rule.NoticeLead - time.Duration(r.IntN(2)) // exactly the lead, or 1 ns short
			}
			notices = append(notices, Notice{Span: span, Announced: span.Start.Add(-lead)})
		}
		window, notice, rest := rule.Split(w, notices, set)
		require.True(t, window.Intersect(notice).IsEmpty(), "case %d: window and notice overlap", i)
		require.True(t, window.Intersect(rest).IsEmpty(), "case %d: window and rest overlap", i)
		require.True(t, notice.Intersect(rest).IsEmpty(), "case %d: notice and rest overlap", i)
		require.True(t, window.Union(notice).Union(rest).Equal(set), "case %d: the parts do not make the set", i)
		for m := range minutes {
			t0 := at(m)
			announced := false
			for _, n := range notices {
				announced = announced || (rule.Announced(n) && n.Span.Contains(t0))
			}
			by := rule.By(w.Contains(t0), announced)
			inSet := set.Contains(t0)
			if window.Contains(t0) != (inSet && by == ByWindow) ||
				notice.Contains(t0) != (inSet && by == ByNotice) ||
				rest.Contains(t0) != (inSet && by == NotScheduled) {
				t.Fatalf("case %d minute %d (%s): want %v (in the outages: %v); window %s, notice %s, rest %s (rule %+v, window %v)",
					i, m, t0, by, inSet, window, notice, rest, rule, w)
			}
		}
	}
}
