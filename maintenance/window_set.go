package maintenance

import (
	"fmt"

	"github.com/slapolicy/slapolicy/calendar"
)

// MaxWithin is the longest span Within accepts: 100,000 days (about 274
// years), so that its set of at most 100,001 spans stays under 5 MB. A
// longer span is refused with calendar.ErrTooLong; Overlap gives the total
// and Occurrences the occurrences, lazily, for a span of any length.
const MaxWithin = 100_000 * day

// Within returns the parts of s inside occurrences of w, as a set: the
// occurrences clipped to s. Ends that come from s keep s's location; ends
// that come from the window are in s.Start's location. It returns the empty
// set for the zero Window or an empty s, an error wrapping
// calendar.ErrReversed when s ends before it starts, and one wrapping
// calendar.ErrTooLong when s is longer than MaxWithin (the set holds one
// span per occurrence touched; use Overlap when only the total is needed).
func (w Window) Within(s calendar.Span) (calendar.SpanSet, error) {
	if err := s.Validate(); err != nil {
		return calendar.SpanSet{}, fmt.Errorf("maintenance: window %q within span: %w", w.String(), err)
	}
	if !w.IsZero() && s.End.Sub(s.Start) > MaxWithin {
		return calendar.SpanSet{}, fmt.Errorf("%w: window %q within %s: longer than MaxWithin (%d days); use Overlap or Occurrences",
			calendar.ErrTooLong, w.String(), s, MaxWithin/day)
	}
	return buildSet(w.appendInside(nil, s)), nil
}

// Intersect returns the parts of set inside occurrences of w. For each span
// of set it visits only the occurrences that span touches, so it costs
// O(spans + occurrences touched), and set's gaps cost nothing however long.
// Pieces keep the location of the set span they come from. The zero Window
// gives the empty set. Intersect and Subtract partition set:
// w.Intersect(set) ∪ w.Subtract(set) = set, and they share no instant.
func (w Window) Intersect(set calendar.SpanSet) calendar.SpanSet {
	if w.IsZero() || set.IsEmpty() {
		return calendar.SpanSet{}
	}
	var pieces []calendar.Span
	for s := range set.All() {
		pieces = w.appendInside(pieces, s)
	}
	return buildSet(pieces)
}

// Subtract returns the parts of set outside every occurrence of w: what is
// left of set once the window time is removed. Like Intersect it costs
// O(spans + occurrences touched) and pieces keep the location of the set
// span they come from. The zero Window returns set unchanged.
func (w Window) Subtract(set calendar.SpanSet) calendar.SpanSet {
	if w.IsZero() || set.IsEmpty() {
		return set
	}
	var pieces []calendar.Span
	for s := range set.All() {
		pieces = w.appendOutside(pieces, s)
	}
	return buildSet(pieces)
}

// appendInside appends the non-empty parts of s inside occurrences of w.
func (w Window) appendInside(dst []calendar.Span, s calendar.Span) []calendar.Span {
	loc := s.Start.Location()
	for occ := range w.Occurrences(s) {
		if in, ok := s.Intersect(occ.In(loc)); ok {
			dst = append(dst, in)
		}
	}
	return dst
}

// appendOutside appends the non-empty parts of s outside every occurrence
// of w.
func (w Window) appendOutside(dst []calendar.Span, s calendar.Span) []calendar.Span {
	loc := s.Start.Location()
	cursor := s.Start
	for occ := range w.Occurrences(s) {
		occ = occ.In(loc)
		if occ.Start.After(cursor) {
			dst = append(dst, calendar.Span{Start: cursor, End: occ.Start})
		}
		if occ.End.After(cursor) {
			cursor = occ.End
		}
	}
	if s.End.After(cursor) {
		dst = append(dst, calendar.Span{Start: cursor, End: s.End})
	}
	return dst
}

// buildSet makes a set of pieces that are all non-empty and in order.
func buildSet(pieces []calendar.Span) calendar.SpanSet {
	set, err := calendar.NewSpanSet(pieces...)
	if err != nil {
		// Unreachable: every piece is built with End after Start. Returning
		// the empty set keeps the no-panic promise.
		return calendar.SpanSet{}
	}
	return set
}
