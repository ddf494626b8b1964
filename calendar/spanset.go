package calendar

import (
	"fmt"
	"iter"
	"slices"
	"time"

	"github.com/slapolicy/slapolicy/internal/timeline"
)

// SpanSet is a set of instants held as sorted, disjoint, non-empty spans.
// Spans that touch are merged, so [a, b) and [b, c) are held as [a, c).
//
// The zero SpanSet is the empty set. A SpanSet is immutable: every method
// returns a new set and never changes its receiver or the caller's slices,
// so a SpanSet is safe for concurrent use.
//
// Building a set from n spans costs O(n log n); Union, Subtract and
// Intersect of sets of m and n spans cost O(m + n).
type SpanSet struct {
	spans []Span // sorted by Start, disjoint, non-empty, not touching
}

// NewSpanSet returns the set of instants covered by spans, which may come in
// any order and overlap. Empty spans add nothing. It returns an error
// wrapping ErrReversed that names the index of the first span whose End is
// before its Start, and the empty set. The caller's slice is not changed.
func NewSpanSet(spans ...Span) (SpanSet, error) {
	for i, s := range spans {
		if s.End.Before(s.Start) {
			return SpanSet{}, fmt.Errorf("span %d: %w", i, s.Validate())
		}
	}
	return SpanSet{spans: slices.Clip(Merge(slices.Clone(spans)))}, nil
}

// Merge is the merge behind NewSpanSet and Union, for a caller that merges
// into a buffer of its own: it sorts spans by Start in place, merges those
// that overlap or touch ([a, b) and [b, c) become [a, c)), leaves out empty
// spans and reversed ones (which NewSpanSet would reject), and returns the
// merged prefix of spans, sorted, disjoint, non-empty and not touching, as
// a SpanSet holds them; nil when no instant is left. Each end keeps the
// location of the span it came from. It costs O(n log n).
func Merge(spans []Span) []Span {
	slices.SortFunc(spans, func(a, b Span) int { return a.Start.Compare(b.Start) })
	return mergeSorted(spans)
}

// mergeSorted merges spans sorted by Start in place and returns the merged
// prefix, leaving out empty and reversed spans.
func mergeSorted(sorted []Span) []Span {
	out := sorted[:0]
	for _, s := range sorted {
		if !s.End.After(s.Start) {
			continue // empty or reversed: adds nothing
		}
		if n := len(out); n > 0 && !s.Start.After(out[n-1].End) { // overlaps or touches
			if s.End.After(out[n-1].End) {
				out[n-1].End = s.End
			}
			continue
		}
		out = append(out, s)
	}
	if len(out) == 0 {
		return nil
	}
	return out
}

// Spans returns the set's spans, sorted by Start, disjoint and non-empty, in
// a new slice the caller may modify.
func (s SpanSet) Spans() []Span {
	return slices.Clone(s.spans)
}

// All returns an iterator over the set's spans in order.
func (s SpanSet) All() iter.Seq[Span] {
	return func(yield func(Span) bool) {
		for _, sp := range s.spans {
			if !yield(sp) {
				return
			}
		}
	}
}

// Len returns the number of disjoint spans in the set.
func (s SpanSet) Len() int { return len(s.spans) }

// IsEmpty reports whether the set holds no instant.
func (s SpanSet) IsEmpty() bool { return len(s.spans) == 0 }

// Duration returns the total time the set covers, saturating at the largest
// time.Duration.
func (s SpanSet) Duration() time.Duration {
	var d time.Duration
	for _, sp := range s.spans {
		d = timeline.AddSat(d, sp.Duration())
	}
	return d
}

// Contains reports whether t lies inside one of the set's spans, each
// half-open: a span's End is outside. It costs O(log n).
func (s SpanSet) Contains(t time.Time) bool {
	// index of the first span starting after t
	i, _ := slices.BinarySearchFunc(s.spans, t, func(sp Span, t time.Time) int {
		if sp.Start.After(t) {
			return 1
		}
		return -1
	})
	return i > 0 && s.spans[i-1].Contains(t)
}

// Union returns the instants in s or in o.
func (s SpanSet) Union(o SpanSet) SpanSet {
	if len(o.spans) == 0 {
		return s
	}
	if len(s.spans) == 0 {
		return o
	}
	all := make([]Span, 0, len(s.spans)+len(o.spans))
	i, j := 0, 0
	for i < len(s.spans) || j < len(o.spans) {
		if j == len(o.spans) || (i < len(s.spans) && !s.spans[i].Start.After(o.spans[j].Start)) {
			all = append(all, s.spans[i])
			i++
		} else {
			all = append(all, o.spans[j])
			j++
		}
	}
	return SpanSet{spans: slices.Clip(mergeSorted(all))}
}

// Intersect returns the instants in both s and o.
func (s SpanSet) Intersect(o SpanSet) SpanSet {
	var out []Span
	i, j := 0, 0
	for i < len(s.spans) && j < len(o.spans) {
		a, b := s.spans[i], o.spans[j]
		if x, ok := a.Intersect(b); ok {
			out = append(out, x)
		}
		if a.End.Before(b.End) {
			i++
		} else {
			j++
		}
	}
	return SpanSet{spans: out}
}

// Subtract returns the instants in s that are not in o.
func (s SpanSet) Subtract(o SpanSet) SpanSet {
	if len(o.spans) == 0 || len(s.spans) == 0 {
		return s
	}
	var out []Span
	j := 0
	for _, a := range s.spans {
		cur := a.Start
		// skip o's spans that end before this span starts
		for j < len(o.spans) && !o.spans[j].End.After(cur) {
			j++
		}
		k := j
		for k < len(o.spans) && o.spans[k].Start.Before(a.End) {
			b := o.spans[k]
			if b.Start.After(cur) {
				out = append(out, Span{Start: cur, End: b.Start})
			}
			if b.End.After(cur) {
				cur = b.End
			}
			if !cur.Before(a.End) {
				break
			}
			k++
		}
		if cur.Before(a.End) {
			out = append(out, Span{Start: cur, End: a.End})
		}
	}
	return SpanSet{spans: out}
}

// Clip returns the instants of s that lie inside span c. An empty or invalid
// c gives the empty set.
func (s SpanSet) Clip(c Span) SpanSet {
	if c.IsEmpty() {
		return SpanSet{}
	}
	return s.Intersect(SpanSet{spans: []Span{c}})
}

// Equal reports whether s and o hold the same instants.
func (s SpanSet) Equal(o SpanSet) bool {
	return slices.EqualFunc(s.spans, o.spans, Span.Equal)
}

// String returns the set's spans in order, as "{[a, b), [c, d)}".
func (s SpanSet) String() string {
	b := []byte{'{'}
	for i, sp := range s.spans {
		if i > 0 {
			b = append(b, ", "...)
		}
		b = append(b, sp.String()...)
	}
	return string(append(b, '}'))
}
