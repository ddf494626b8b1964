package maintenance

import (
	"iter"
	"math"
	"math/bits"
	"time"

	"github.com/slapolicy/slapolicy/calendar"
	"github.com/slapolicy/slapolicy/internal/timeline"
)

const (
	secondsADay = 24 * 60 * 60
	maxDuration = timeline.MaxDuration
)

// cursorSpan is how far past its base a timeline.Daily is walked before
// Occurrences starts a new one, well inside the ±292 years a
// time.Duration offset reaches.
const cursorSpan = 100 * 365 * timeline.Day

// Contains reports whether instant t lies inside an occurrence of w. t may be
// in any location; it is judged in UTC. Occurrences are half-open: the
// opening minute is inside, the closing instant is outside. The zero Window
// contains nothing.
func (w Window) Contains(t time.Time) bool {
	if w.IsZero() {
		return false
	}
	since := timeOfDay(t) - w.Start()
	if since < 0 {
		since += day
	}
	return since < w.Duration()
}

// timeOfDay returns how long after UTC midnight t is, in [0, 24h).
func timeOfDay(t time.Time) time.Duration {
	sec := t.Unix() % secondsADay
	if sec < 0 {
		sec += secondsADay
	}
	return time.Duration(sec)*time.Second + time.Duration(t.Nanosecond())
}

// cursor returns the occurrences of w as offsets from base; the zero
// Window gives a cursor without occurrences.
func (w Window) cursor(base time.Time) timeline.Daily {
	return timeline.NewDaily(base, w.Start(), w.Duration())
}

// Next returns the occurrence of w that contains t, or else the first one
// that opens after t, in UTC. Because occurrences are half-open, at the
// exact closing instant of one occurrence Next returns the following one.
// The zero Window returns the zero Span.
func (w Window) Next(t time.Time) calendar.Span {
	if w.IsZero() {
		return calendar.Span{}
	}
	c := w.cursor(t)
	start, end := c.Next(0)
	return calendar.Span{Start: t.Add(start).UTC(), End: t.Add(end).UTC()}
}

// Occurrences returns the whole occurrences of w that share at least one
// instant with s, in order, in UTC, including the one that opened the UTC
// day before s starts when it runs into s. Occurrences are NOT clipped to s:
// the first may start before s.Start and the last may end after s.End (use
// Within for clipped ones). An empty or reversed s, or the zero Window,
// yields nothing. The sequence may be iterated many times and stopped
// early; it computes each occurrence as it is reached.
func (w Window) Occurrences(s calendar.Span) iter.Seq[calendar.Span] {
	return func(yield func(calendar.Span) bool) {
		if w.IsZero() || !s.Start.Before(s.End) {
			return
		}
		base := s.Start
		c := w.cursor(base)
		for t := time.Duration(0); ; {
			start, end := c.Next(t)
			if start > cursorSpan {
				// Far from the base: go on from this occurrence with a
				// new cursor, before its offsets could overflow.
				base = base.Add(start)
				c = w.cursor(base)
				t = 0
				continue
			}
			occ := calendar.Span{Start: base.Add(start).UTC(), End: base.Add(end).UTC()}
			if !occ.Start.Before(s.End) || !yield(occ) {
				return
			}
			t = end
		}
	}
}

// Overlap returns how much of s lies inside occurrences of w, exactly to the
// nanosecond, with occurrences and s both half-open. It costs O(1), however
// long s is: it counts whole UTC days times Duration and adds the partial
// first and last days. The result saturates at the largest time.Duration (a span
// of more than about 292 years of window time). It returns 0 for the zero
// Window and for an empty or reversed s (Overlap returns no error; validate
// caller spans with calendar.Span.Validate first).
func (w Window) Overlap(s calendar.Span) time.Duration {
	if w.IsZero() || !s.Start.Before(s.End) {
		return 0
	}
	startSec, endSec := s.Start.Unix(), s.End.Unix()
	startOff, endOff := timeOfDay(s.Start), timeOfDay(s.End)
	// Whole days between the UTC midnights before Start and before End. The
	// difference of Unix seconds is exact modulo 2^64 and, because End is
	// after Start, its true value is in [0, 2^64), so unsigned arithmetic
	// gives it without overflow whatever the years.
	days := (uint64(endSec) - uint64(startSec) - uint64(endOff/time.Second) + uint64(startOff/time.Second)) / secondsADay
	delta := w.prefix(endOff) - w.prefix(startOff) // in (-Duration, Duration]
	hi, lo := bits.Mul64(days, uint64(w.Duration()))
	if hi != 0 {
		// days*Duration is at least 2^64 and delta takes back less than
		// one Duration: far over the largest Duration.
		return maxDuration
	}
	var total uint64
	if delta >= 0 {
		total = lo + uint64(delta)
		if total < lo {
			return maxDuration
		}
	} else {
		// delta < 0 only when End's time of day is before Start's, so
		// days >= 1 and lo >= Duration > -delta.
		total = lo - uint64(-delta)
	}
	if total > math.MaxInt64 {
		return maxDuration
	}
	return time.Duration(total)
}

// prefix returns how much of the UTC day's first off lies inside w: the part
// of [0, off) covered by the occurrence that opens that day and by the one
// that opened the day before and runs past midnight.
func (w Window) prefix(off time.Duration) time.Duration {
	start := w.Start()
	end := start + w.Duration()
	return coverage(start, end, off) + coverage(start-day, end-day, off)
}

// coverage returns the length of [a, b) ∩ [0, off).
func coverage(a, b, off time.Duration) time.Duration {
	lo, hi := max(a, 0), min(b, off)
	if hi <= lo {
		return 0
	}
	return hi - lo
}

// OverlapSet returns how much of set lies inside occurrences of w: the sum
// of Overlap over its spans, saturating at the largest time.Duration. It
// costs O(number of spans), whatever their lengths.
func (w Window) OverlapSet(set calendar.SpanSet) time.Duration {
	var total time.Duration
	for s := range set.All() {
		total = timeline.AddSat(total, w.Overlap(s))
	}
	return total
}
