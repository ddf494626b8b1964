package maintenance

import (
	"iter"
	"math"
	"math/bits"
	"time"

	"github.com/slapolicy/slapolicy/calendar"
)

const (
	secondsADay = 24 * 60 * 60
	maxDuration = time.Duration(math.MaxInt64)
)

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

// utcMidnight returns the UTC midnight that starts t's UTC day.
func utcMidnight(t time.Time) time.Time {
	return t.UTC().Add(-timeOfDay(t))
}

// occurrence returns the occurrence of w that opens on the UTC day starting
// at midnight.
func (w Window) occurrence(midnight time.Time) calendar.Span {
	start := midnight.Add(w.Start())
	return calendar.Span{Start: start, End: start.Add(w.Duration())}
}

// Next returns the occurrence of w that contains t, or else the first one
// that opens after t, in UTC. Because occurrences are half-open, at the
// exact closing instant of one occurrence Next returns the following one.
// The zero Window returns the zero Span.
func (w Window) Next(t time.Time) calendar.Span {
	if w.IsZero() {
		return calendar.Span{}
	}
	today := utcMidnight(t)
	if prev := w.occurrence(today.Add(-day)); t.Before(prev.End) {
		return prev
	}
	if cur := w.occurrence(today); t.Before(cur.End) {
		return cur
	}
	return w.occurrence(today.Add(day))
}

// Occurrences returns the whole occurrences of w that share at least one
// instant with s, in order, in UTC, including the one that opened the UTC
// day before s starts when it runs into s. Occurrences are NOT clipped to s:
// the first may start before s.Start and the last may end after s.End (use
// Within for clipped ones). An empty or reversed s, or the zero Window,
// yields nothing. The sequence may be iterated many times and stopped
// early.
func (w Window) Occurrences(s calendar.Span) iter.Seq[calendar.Span] {
	return func(yield func(calendar.Span) bool) {
		if w.IsZero() || !s.Start.Before(s.End) {
			return
		}
		for occ := w.occurrence(utcMidnight(s.Start).Add(-day)); occ.Start.Before(s.End); occ = (calendar.Span{Start: occ.Start.Add(day), End: occ.End.Add(day)}) {
			if occ.End.After(s.Start) && !yield(occ) {
				return
			}
		}
	}
}

// Overlap returns how much of s lies inside occurrences of w, exactly to the
// nanosecond. It runs in constant time and does not allocate, however long
// s is: it counts whole UTC days times Duration and adds the partial first
// and last days. The result saturates at the largest time.Duration (a span
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
		o := w.Overlap(s)
		if total > maxDuration-o {
			return maxDuration
		}
		total += o
	}
	return total
}
