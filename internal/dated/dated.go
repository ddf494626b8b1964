// Package dated holds the one effective-dated list of this module: values
// each in force from an instant until the next one's, as editions of a
// region table (package maintenance) and versions of an SLA (package
// sla/versions) are.
package dated

import (
	"encoding/json"
	"fmt"
	"iter"
	"slices"
	"time"

	"github.com/slapolicy/slapolicy/calendar"
	"github.com/slapolicy/slapolicy/internal/strictjson"
)

// List holds values sorted by the instant each takes effect, distinct
// instants, each in force from its instant (inclusive) until the next
// one's. The zero List is empty. A List is immutable and safe for
// concurrent use as long as its values are not modified.
type List[T any] struct {
	from   []time.Time
	values []T
}

// New returns the list of values[i] in force from effective[i] (both of
// the same length), sorted by instant (stably), and every problem found,
// each a message that names the entries with name(i), their index in the
// arguments: an effective instant that is the zero time or outside years
// 0000 to 9999 (UTC), two entries in force from the same instant (compared
// as instants). With problems the list is the zero List.
func New[T any](effective []time.Time, values []T, name func(i int) string) (List[T], []string) {
	var problems []string
	for i, at := range effective {
		switch y := at.UTC().Year(); {
		case at.IsZero():
			problems = append(problems, fmt.Sprintf("%s: effective is the zero time (set the instant it took effect)", name(i)))
		case y < 0 || y > 9999:
			problems = append(problems, fmt.Sprintf("%s: effective %s is outside years 0000 to 9999 (UTC)", name(i), at.Format(time.RFC3339Nano)))
		}
	}
	order := make([]int, len(effective))
	for i := range order {
		order[i] = i
	}
	slices.SortStableFunc(order, func(a, b int) int { return effective[a].Compare(effective[b]) })
	for k := 1; k < len(order); k++ {
		a, b := order[k-1], order[k]
		if !effective[a].IsZero() && effective[a].Equal(effective[b]) {
			problems = append(problems, fmt.Sprintf("%s and %s are both in force from %s",
				name(min(a, b)), name(max(a, b)), effective[a].Format(time.RFC3339Nano)))
		}
	}
	if len(problems) > 0 {
		return List[T]{}, problems
	}
	l := List[T]{from: make([]time.Time, len(order)), values: make([]T, len(order))}
	for k, i := range order {
		l.from[k], l.values[k] = effective[i], values[i]
	}
	return l, nil
}

// Len returns the number of entries.
func (l List[T]) Len() int { return len(l.values) }

// Entry returns entry k (0 is the earliest) and the instant it takes
// effect.
func (l List[T]) Entry(k int) (time.Time, T) { return l.from[k], l.values[k] }

// Index returns the position of the entry in force at instant at, the one
// with the latest effective instant at or before it (an entry is in force
// from its own instant on), or -1 before the first. It costs O(log n).
func (l List[T]) Index(at time.Time) int {
	i, _ := slices.BinarySearchFunc(l.from, at, func(from, at time.Time) int {
		if from.After(at) {
			return 1
		}
		return -1
	})
	return i - 1
}

// Within splits span s at the entries' effective instants and yields, in
// order, each part of s with the position of the entry in force during it.
// Time before the first entry is in no part; parts are half-open, never
// empty, and both their ends are in s.Start's location. An empty or
// reversed s yields nothing. It costs O(log n + entries inside s).
func (l List[T]) Within(s calendar.Span) iter.Seq2[calendar.Span, int] {
	return func(yield func(calendar.Span, int) bool) {
		if s.IsEmpty() {
			return
		}
		loc := s.Start.Location()
		for k := max(l.Index(s.Start), 0); k < len(l.from) && l.from[k].Before(s.End); k++ {
			to := s.End
			if k+1 < len(l.from) && l.from[k+1].Before(to) {
				to = l.from[k+1]
			}
			part, ok := calendar.Span{Start: l.from[k], End: to}.Intersect(s)
			if ok && !yield(part.In(loc), k) {
				return
			}
		}
	}
}

// Format writes an effective instant in RFC 3339 with nanoseconds, in t's
// own location when that reads back as the same instant, else in UTC (a
// location whose offset is not a whole minute, or a local year outside
// 0000..9999), as the JSON forms of tables and versions do.
func Format(t time.Time) string {
	s := t.Format(time.RFC3339Nano)
	if back, err := time.Parse(time.RFC3339Nano, s); err == nil && back.Equal(t) {
		return s
	}
	return t.UTC().Format(time.RFC3339Nano)
}

// ParseEffective reads a JSON form's "effective" value, raw (nil when
// absent: the zero time, which New then reports), as an RFC 3339 instant;
// path names the entry in errors ("editions[2]") and the error wraps
// sentinel.
func ParseEffective(raw json.RawMessage, path string, sentinel error) (time.Time, error) {
	const want = `an RFC 3339 instant such as "2019-08-02T00:00:00Z"`
	var s string
	if err := strictjson.String(raw, &s, path+".effective", want, sentinel); err != nil || s == "" {
		return time.Time{}, err
	}
	t, err := time.Parse(time.RFC3339Nano, s)
	if err != nil {
		return time.Time{}, fmt.Errorf("%w: %s.effective %s: want %s", sentinel, path, strictjson.Quote(s), want)
	}
	return t, nil
}
