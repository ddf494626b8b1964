package calendar

import (
	"errors"
	"fmt"
	"time"
)

// ErrReversed is the error wrapped by every error that reports a span whose
// End is before its Start. Test for it with errors.Is.
var ErrReversed = errors.New("calendar: span ends before it starts")

// ErrTooLong is wrapped by the errors of functions that would build a
// result for every month or occurrence of a span longer than their limit
// (SplitByMonth's MaxMonthParts, maintenance.Window.Within's): the span
// and the limit are named, and the caller can use the lazy sibling
// (SplitByMonthSeq, maintenance.Window.Occurrences) instead, whose memory
// does not grow with the span.
var ErrTooLong = errors.New("calendar: span too long")

// Span is the half-open interval of time [Start, End): Start is inside the
// span, End is the first instant after it.
//
// A Span whose End equals its Start is empty. A Span whose End is before its
// Start is invalid: Duration reports 0 for it, Validate reports an error that
// wraps ErrReversed, and every function of this module that takes spans from
// a caller rejects it with an error.
//
// The zero Span is the empty span at the zero time. Span is a small
// comparable value; its methods never modify it, so it is safe for
// concurrent use. Because time.Time carries a location and a monotonic
// reading, compare Spans with Equal rather than ==.
type Span struct {
	Start time.Time // first instant inside the span
	End   time.Time // first instant after the span
}

// NewSpan returns the span [start, end). It returns an error wrapping
// ErrReversed when end is before start; end equal to start gives an empty
// span, which is valid.
func NewSpan(start, end time.Time) (Span, error) {
	s := Span{Start: start, End: end}
	if err := s.Validate(); err != nil {
		return Span{}, err
	}
	return s, nil
}

// Validate reports an error wrapping ErrReversed, naming both instants, when
// s.End is before s.Start, and nil otherwise.
func (s Span) Validate() error {
	if s.End.Before(s.Start) {
		return fmt.Errorf("%w: end %s is before start %s", ErrReversed,
			s.End.Format(time.RFC3339Nano), s.Start.Format(time.RFC3339Nano))
	}
	return nil
}

// Duration returns the elapsed time from Start to End. It returns 0 for an
// empty or invalid span, and saturates at the largest time.Duration (about
// 292 years) for a longer span.
func (s Span) Duration() time.Duration {
	if !s.End.After(s.Start) {
		return 0
	}
	return s.End.Sub(s.Start) // time.Time.Sub saturates
}

// IsZero reports whether s is the zero Span: both Start and End are the zero
// time.
func (s Span) IsZero() bool {
	return s.Start.IsZero() && s.End.IsZero()
}

// IsEmpty reports whether no instant lies inside s, that is End is not after
// Start. An invalid span is empty.
func (s Span) IsEmpty() bool {
	return !s.End.After(s.Start)
}

// Equal reports whether s and o hold the same instants at both ends,
// whatever their locations.
func (s Span) Equal(o Span) bool {
	return s.Start.Equal(o.Start) && s.End.Equal(o.End)
}

// Contains reports whether t lies inside s: Start <= t < End. End itself is
// outside.
func (s Span) Contains(t time.Time) bool {
	return !t.Before(s.Start) && t.Before(s.End)
}

// Overlaps reports whether s and o share at least one instant. Spans that
// only touch ([a, b) and [b, c)) do not overlap; an empty span overlaps
// nothing.
func (s Span) Overlaps(o Span) bool {
	_, ok := s.Intersect(o)
	return ok
}

// Intersect returns the instants s and o share, and true when there is at
// least one. When they share none it returns the zero Span and false.
// The result's ends keep the location of the span they came from.
func (s Span) Intersect(o Span) (Span, bool) {
	start := s.Start
	if o.Start.After(start) {
		start = o.Start
	}
	end := s.End
	if o.End.Before(end) {
		end = o.End
	}
	if !end.After(start) {
		return Span{}, false
	}
	return Span{Start: start, End: end}, true
}

// In returns s with both ends set to location loc, as time.Time.In does,
// the same instants; a nil loc means UTC (where time.Time.In would panic).
func (s Span) In(loc *time.Location) Span {
	if loc == nil {
		loc = time.UTC
	}
	return Span{Start: s.Start.In(loc), End: s.End.In(loc)}
}

// String returns s as "[start, end)" with both ends in RFC 3339 with
// nanoseconds, in their own locations.
func (s Span) String() string {
	return "[" + s.Start.Format(time.RFC3339Nano) + ", " + s.End.Format(time.RFC3339Nano) + ")"
}
