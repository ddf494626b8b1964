package calendar

import (
	"errors"
	"fmt"
	"iter"
	"math"
	"time"

	"github.com/slapolicy/slapolicy/internal/clip"
)

// ErrInvalidMonth is wrapped by every error ParseMonth and Month.UnmarshalText
// return for text that is not a month.
var ErrInvalidMonth = errors.New("calendar: invalid month")

// Month is one calendar month in a location: the half-open span from the
// first instant of its first day to the first instant of the next month, as
// the location's clocks read them. Its length is real elapsed time, so a
// month in which a location's clocks go forward is an hour short.
//
// The zero Month is January of year 0 in UTC, as time.Date reads it; IsZero
// reports it. Month is a comparable value: two Months are == when they have
// the same year, month and *time.Location pointer. It is safe for concurrent
// use.
type Month struct {
	year  int
	month time.Month
	loc   *time.Location // nil means UTC
}

// The years a Month can hold: every instant of such a month, and more than
// a day either side, is a time.Time whose Unix seconds fit an int64, which
// the time arithmetic of this module counts in. The latest time.Time is in
// December 292,277,024,627 (time.Unix(math.MaxInt64-62135596800,
// 999999999)), so that month has no End; the earliest is in year
// -292,277,022,399.
const (
	minMonthYear = -292277022398
	maxMonthYear = 292277024626
)

// NewMonth returns month m of year in loc; a nil loc means UTC. A month
// outside January..December is normalised as time.Date does: month 13 of
// 2024 is January 2025, month 0 December 2023. The year is kept as given,
// never wrapped: a month of a year no time.Time can count in Unix seconds
// (beyond about ±292 billion years) is a Month that Validate refuses, and
// whose span is empty.
func NewMonth(year int, m time.Month, loc *time.Location) Month {
	if loc == nil {
		loc = time.UTC
	}
	k := int(m) - 1 // months after January of year
	dy := k / 12
	if k%12 < 0 {
		dy--
	}
	switch {
	case dy > 0 && year > math.MaxInt-dy:
		year = math.MaxInt
	case dy < 0 && year < math.MinInt-dy:
		year = math.MinInt
	default:
		year += dy
	}
	return Month{year: year, month: time.Month(k-12*dy) + 1, loc: loc}
}

// Validate reports an error wrapping ErrInvalidMonth, naming the month, when
// its year is outside -292,277,022,398 to 292,277,024,626, the years whose
// instants time.Time can count in Unix seconds; nil otherwise. Such a
// month's Start and End are the nearest instant that can be counted, so
// its span is empty rather than a wrong figure.
func (m Month) Validate() error {
	if m.year < minMonthYear || m.year > maxMonthYear {
		return fmt.Errorf("%w: year %d is outside %d to %d, the years time.Time counts in Unix seconds",
			ErrInvalidMonth, m.year, minMonthYear, maxMonthYear)
	}
	return nil
}

// valid reports whether Validate accepts m.
func (m Month) valid() bool { return m.year >= minMonthYear && m.year <= maxMonthYear }

// limit returns the first or last instant a Month's span may reach, for a
// month of a year beyond the range: the start of year maxMonthYear+1 or
// of minMonthYear, in UTC.
func (m Month) limit() time.Time {
	if m.year > maxMonthYear {
		return time.Date(maxMonthYear+1, time.January, 1, 0, 0, 0, 0, time.UTC)
	}
	return time.Date(minMonthYear, time.January, 1, 0, 0, 0, 0, time.UTC)
}

// MonthOf returns the month that holds t, in t's location.
func MonthOf(t time.Time) Month {
	return NewMonth(t.Year(), t.Month(), t.Location())
}

// ParseMonth parses "YYYY-MM" (four-digit year 0001 to 9999, two-digit month
// 01 to 12), as Month.String writes it, and returns that month in loc; a nil
// loc means UTC. Errors wrap ErrInvalidMonth and quote the input.
func ParseMonth(s string, loc *time.Location) (Month, error) {
	bad := func(why string) (Month, error) {
		return Month{}, fmt.Errorf("%w %s: %s", ErrInvalidMonth, clip.Quote(s), why)
	}
	if len(s) != 7 || s[4] != '-' {
		return bad(`want "YYYY-MM"`)
	}
	year, ok := digits(s[:4])
	if !ok {
		return bad("year is not four digits")
	}
	mon, ok := digits(s[5:])
	if !ok {
		return bad("month is not two digits")
	}
	if year == 0 {
		return bad("year 0000 is out of range")
	}
	if mon < 1 || mon > 12 {
		return bad("month is not in 01..12")
	}
	return NewMonth(year, time.Month(mon), loc), nil
}

// digits returns the value of the decimal digits in s, and false if s holds
// anything else.
func digits(s string) (int, bool) {
	n := 0
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c < '0' || c > '9' {
			return 0, false
		}
		n = n*10 + int(c-'0')
	}
	return n, len(s) > 0
}

// Year returns the month's year.
func (m Month) Year() int { return m.year }

// Month returns the month of the year.
func (m Month) Month() time.Month {
	if m.month == 0 {
		return time.January
	}
	return m.month
}

// Location returns the month's location, UTC for the zero Month.
func (m Month) Location() *time.Location {
	if m.loc == nil {
		return time.UTC
	}
	return m.loc
}

// IsZero reports whether m is the zero Month.
func (m Month) IsZero() bool { return m == Month{} }

// Start returns the first instant of the month: midnight starting its first
// day, in its location. For a month Validate refuses it is the nearest
// instant this module can count (so the span is empty).
func (m Month) Start() time.Time {
	if !m.valid() {
		return m.limit()
	}
	return time.Date(m.year, m.Month(), 1, 0, 0, 0, 0, m.Location())
}

// End returns the first instant after the month: midnight starting the first
// day of the next month, in the month's location. For a month Validate
// refuses it equals Start.
func (m Month) End() time.Time {
	if !m.valid() {
		return m.limit()
	}
	return time.Date(m.year, m.Month()+1, 1, 0, 0, 0, 0, m.Location())
}

// Span returns the month as the half-open span [Start, End).
func (m Month) Span() Span { return Span{Start: m.Start(), End: m.End()} }

// Duration returns the month's real elapsed length, End − Start: shorter
// or longer than its days × 24 h where its location's clocks change in it
// (see the package doc for figures).
func (m Month) Duration() time.Duration { return m.End().Sub(m.Start()) }

// Contains reports whether t lies inside the month: Start <= t < End.
func (m Month) Contains(t time.Time) bool { return m.Span().Contains(t) }

// Next returns the following month, in the same location.
func (m Month) Next() Month { return NewMonth(m.year, m.Month()+1, m.Location()) }

// Prev returns the preceding month, in the same location.
func (m Month) Prev() Month { return NewMonth(m.year, m.Month()-1, m.Location()) }

// In returns the same year and month in loc; a nil loc means UTC.
func (m Month) In(loc *time.Location) Month { return NewMonth(m.year, m.Month(), loc) }

// Before reports whether m starts before o, as instants.
func (m Month) Before(o Month) bool { return m.Start().Before(o.Start()) }

// String returns the month as "YYYY-MM", for example "2024-02". Years
// outside 0..9999 are written as fmt writes the number.
func (m Month) String() string {
	if m.year >= 0 && m.year <= 9999 {
		return fmt.Sprintf("%04d-%02d", m.year, int(m.Month()))
	}
	return fmt.Sprintf("%d-%02d", m.year, int(m.Month()))
}

// MarshalText implements encoding.TextMarshaler, writing String. The
// location is not written.
func (m Month) MarshalText() ([]byte, error) {
	if m.year < 1 || m.year > 9999 {
		return nil, fmt.Errorf("%w: year %d of month %s cannot be written as YYYY-MM", ErrInvalidMonth, m.year, m)
	}
	return []byte(m.String()), nil
}

// UnmarshalText implements encoding.TextUnmarshaler, reading "YYYY-MM" as
// ParseMonth does. The result keeps m's location when m already has one and
// is UTC otherwise, so set the location before decoding to read months in a
// local calendar.
func (m *Month) UnmarshalText(b []byte) error {
	p, err := ParseMonth(string(b), m.loc)
	if err != nil {
		return err
	}
	*m = p
	return nil
}

// MonthPart is the part of a span that falls inside one calendar month.
type MonthPart struct {
	Month Month // the calendar month
	Span  Span  // the part of the split span inside Month, never empty
}

// MaxMonthParts is the most parts SplitByMonth returns: 12,000 months, a
// thousand years, under a megabyte. A longer span is refused with
// ErrTooLong; SplitByMonthSeq splits any span in constant memory.
const MaxMonthParts = 12_000

// SplitByMonth splits s at the month boundaries of loc (nil means UTC) and
// returns the non-empty parts in order, each with its Month in loc; their
// durations add up to s.Duration(). A part's ends that come from s keep
// s's locations; a boundary is the month's Start in loc. An empty s gives
// no parts. It returns an error wrapping ErrReversed when s.End is before
// s.Start, one wrapping ErrInvalidMonth when s starts or ends in a month
// Month.Validate refuses, and one wrapping ErrTooLong, naming s, when s
// touches more than MaxMonthParts months (it then allocates nothing for
// the parts).
func SplitByMonth(s Span, loc *time.Location) ([]MonthPart, error) {
	seq, err := SplitByMonthSeq(s, loc)
	if err != nil {
		return nil, err
	}
	if s.IsEmpty() {
		return nil, nil
	}
	if loc == nil {
		loc = time.UTC
	}
	first, last := MonthOf(s.Start.In(loc)), MonthOf(s.End.Add(-1).In(loc))
	if n := monthsBetween(first, last); n >= MaxMonthParts {
		return nil, fmt.Errorf("%w: %s touches %d or more months, more than SplitByMonth's %d; use SplitByMonthSeq",
			ErrTooLong, s, min(n, math.MaxInt-1)+1, MaxMonthParts)
	}
	var parts []MonthPart
	for part := range seq {
		parts = append(parts, part)
	}
	return parts, nil
}

// monthsBetween returns how many months b is after a (0 for the same
// month), saturating rather than wrapping.
func monthsBetween(a, b Month) int {
	dy := b.year - a.year
	if (b.year > a.year && dy < 0) || dy > math.MaxInt/12-1 {
		return math.MaxInt
	}
	return dy*12 + int(b.month) - int(a.month)
}

// SplitByMonthSeq is SplitByMonth without a limit: it yields the same
// parts, in order, computing each as it is reached, so its memory does
// not grow with s, and the loop may stop early. It returns an error
// wrapping ErrReversed when s.End is before s.Start, and one wrapping
// ErrInvalidMonth when s starts or ends in a month Month.Validate refuses
// (beyond about ±292 billion years); an empty s yields nothing. The sequence may be iterated many times.
func SplitByMonthSeq(s Span, loc *time.Location) (iter.Seq[MonthPart], error) {
	if err := s.Validate(); err != nil {
		return nil, err
	}
	if loc == nil {
		loc = time.UTC
	}
	if !s.IsEmpty() {
		var errs ErrorList
		if err := MonthOf(s.Start.In(loc)).Validate(); err != nil {
			errs.Addf(err, "span %s: start", s)
		}
		if err := MonthOf(s.End.Add(-1).In(loc)).Validate(); err != nil {
			errs.Addf(err, "span %s: end", s)
		}
		if err := errs.Err(); err != nil {
			return nil, err
		}
	}
	return func(yield func(MonthPart) bool) {
		if s.IsEmpty() {
			return
		}
		for m := MonthOf(s.Start.In(loc)); m.valid() && m.Start().Before(s.End); m = m.Next() {
			if part, ok := s.Intersect(m.Span()); ok {
				if !yield(MonthPart{Month: m, Span: part}) {
					return
				}
			}
		}
	}, nil
}
