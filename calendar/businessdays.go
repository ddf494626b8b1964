package calendar

import (
	"errors"
	"fmt"
	"sync"
	"time"

	"github.com/rickar/cal/v2"
)

// ErrNoBusinessDay is wrapped by the error Deadline returns when the
// business day asked for does not exist in years 1 to 9999: the count runs
// past 9999-12-31 or before 0001-01-01, or the calendar has no business
// days at all (every day a weekend day or a holiday).
var ErrNoBusinessDay = errors.New("calendar: no business day")

// BusinessDays is a business-day calendar in a location: every day that is
// not a weekend day and not a holiday is a business day. Days are calendar
// dates as read in the BusinessDays' location, whatever the location of the
// time.Time handed in: 2022-01-03T03:00Z is Sunday 2 January in
// America/New_York.
//
// Holidays come from github.com/rickar/cal/v2 holiday definitions
// (NewBusinessDays) or from any HolidaySource (NewBusinessDaysFrom). With
// rickar/cal definitions both the actual and the observed date of a
// holiday are days off, as Holidays states. A day that the location's
// clocks skip entirely (Pacific/Apia 2011-12-30) is not a business day
// either.
//
// Only years 1 to 9999 have business days; days outside them are never
// business days, so every search is bounded and every method returns,
// even for a calendar without a single business day (where rickar/cal's
// BusinessCalendar.WorkdaysFrom loops forever).
//
// Each year is computed once, on first use, and cached; Add and Between
// then move a year at a time, so their cost grows with the years crossed,
// not the days.
//
// The zero value is ready to use: UTC, a Saturday and Sunday weekend, no
// holidays. A nil *BusinessDays behaves like the zero value. A
// BusinessDays must not be copied after first use (it holds a mutex); use
// it through a pointer. All methods are safe for concurrent use by many
// goroutines.
type BusinessDays struct {
	loc     *time.Location // nil means UTC
	src     HolidaySource  // nil means no holidays
	weekend uint8          // bit d: time.Weekday(d) is a weekend day; 0 means Saturday and Sunday

	mu    sync.Mutex // serialises computing years, and so calls to src
	cache yearCache
}

// zeroBusinessDays stands in for a nil *BusinessDays.
var zeroBusinessDays BusinessDays

const satSun = 1<<time.Saturday | 1<<time.Sunday

// NewBusinessDays returns the business days of loc with a Saturday and
// Sunday weekend and the given rickar/cal/v2 holidays, e.g.
// NewBusinessDays(ny, us.Holidays...), read as NewHolidays reads them
// (copied, never modified, nil ones ignored). A nil loc means UTC. With no
// holidays every weekday is a business day.
func NewBusinessDays(loc *time.Location, holidays ...*cal.Holiday) *BusinessDays {
	var src HolidaySource
	if len(holidays) > 0 {
		src = NewHolidays("", holidays...)
	}
	return NewBusinessDaysFrom(loc, src)
}

// NewBusinessDaysFrom returns the business days of loc with holidays from
// src and the given weekend days. A nil loc means UTC; a nil src means no
// holidays. weekend lists the weekdays that are never business days, e.g.
// time.Friday, time.Saturday; when it names no weekday in Sunday..Saturday
// (values outside that range are ignored) the weekend is Saturday and
// Sunday. Use NewHolidays to combine rickar/cal holidays with another
// weekend.
//
// src is consulted lazily, a year at a time, under the BusinessDays' lock
// (see HolidaySource); a src that panics makes the calling method panic.
func NewBusinessDaysFrom(loc *time.Location, src HolidaySource, weekend ...time.Weekday) *BusinessDays {
	if loc == nil {
		loc = time.UTC
	}
	var mask uint8
	for _, d := range weekend {
		if d >= time.Sunday && d <= time.Saturday {
			mask |= 1 << d
		}
	}
	return &BusinessDays{loc: loc, src: src, weekend: mask}
}

func (b *BusinessDays) self() *BusinessDays {
	if b == nil {
		return &zeroBusinessDays
	}
	return b
}

// Location returns the location in which b reads calendar dates; never nil
// (UTC for the zero value).
func (b *BusinessDays) Location() *time.Location {
	return b.self().location()
}

func (b *BusinessDays) location() *time.Location {
	if b.loc == nil {
		return time.UTC
	}
	return b.loc
}

func (b *BusinessDays) weekendMask() uint8 {
	if b.weekend == 0 {
		return satSun
	}
	return b.weekend
}

// IsBusinessDay reports whether t's calendar date, read in b's location,
// is a business day: not a weekend day, not the actual or observed date of
// a holiday, and in years 1 to 9999.
func (b *BusinessDays) IsBusinessDay(t time.Time) bool {
	b = b.self()
	y, doy := b.dayOf(t)
	if y < minYear || y > maxYear {
		return false
	}
	return b.year(y).isSet(doy)
}

// Add returns the first instant (midnight, in b's location) of the nth
// business day after t's calendar date in b's location. Days are counted
// strictly after t's day: from Thursday 2021-12-30 in the US calendar, n = 1
// is Monday 2022-01-03 (Friday 31 December is the observed New Year's Day).
// n < 0 counts back the same way: -1 is the last business day before t's
// day. n == 0 returns t's day if it is a business day, else the next
// business day (Saturday → Monday). So Add(t, n) is always a business day.
//
// "Midnight" is the first instant of the day: where the clocks jump over
// midnight it is the first instant after the jump, and where midnight
// happens twice it is the earlier one. The result is in b's location.
//
// When no such day exists in years 1 to 9999 (see ErrNoBusinessDay) Add
// returns the zero time.Time (which is also the answer for Monday
// 0001-01-01 in UTC); Deadline tells the two apart, reporting the first as
// an error. Add never walks day by day: it costs O(years crossed).
func (b *BusinessDays) Add(t time.Time, n int) time.Time {
	day, _ := b.self().addDay(t, n)
	return day
}

// addDay is Add, with false when no such day exists.
func (b *BusinessDays) addDay(t time.Time, n int) (time.Time, bool) {
	y, doy := b.dayOf(t)
	ry, rdoy, ok := b.add(y, doy, n)
	if !ok {
		return time.Time{}, false
	}
	start, _ := b.startTime(ry, rdoy) // a business day always has instants
	return start, true
}

// Deadline returns the first instant that is late for something due
// "within n business days" of t, counted as Add counts them: the end of
// the business day Add(t, n) names, that is the first instant of the next
// calendar day (EndOfDay), in b's location; an instant before it is in
// time. A claim notice due within five business days of an incident
// restored at r (Microsoft Dynamics CRM Online Service Level Agreement,
// section E, definition 9) is late from b.Deadline(r, 5) on. When no such
// business day exists in years 1 to 9999 it returns the zero time.Time
// and an error wrapping ErrNoBusinessDay that names n, t and the location.
func (b *BusinessDays) Deadline(t time.Time, n int) (time.Time, error) {
	b = b.self()
	day, ok := b.addDay(t, n)
	if !ok {
		return time.Time{}, fmt.Errorf("%w: %d business days from %q in %s: outside years 1 to 9999",
			ErrNoBusinessDay, n, t.Format(time.RFC3339Nano), b.location())
	}
	return b.EndOfDay(day), nil
}

// add finds the day of Add for the day (y, doy): y may be any year, doy is
// a valid day of it.
func (b *BusinessDays) add(y, doy, n int) (int, int, bool) {
	if n > maxYearDays || n < -maxYearDays {
		return 0, 0, false // more business days than years 1..9999 hold
	}
	if n == 0 {
		if y >= minYear && y <= maxYear && b.year(y).isSet(doy) {
			return y, doy, true
		}
		n = 1
	}
	// k is the position, counted from the start of year y, of the business
	// day wanted (1 = the year's first business day).
	var k int
	if n > 0 {
		switch {
		case y > maxYear:
			return 0, 0, false
		case y < minYear:
			y, k = minYear, n
		default:
			k = b.year(y).rank(doy+1) + n // business days up to and including t's day, plus n
		}
		for {
			yd := b.year(y)
			if k <= yd.total() {
				return y, yd.nth(k), true
			}
			k -= yd.total()
			if y++; y > maxYear {
				return 0, 0, false
			}
		}
	}
	switch {
	case y < minYear:
		return 0, 0, false
	case y > maxYear:
		y = maxYear
		k = b.year(y).total() + n + 1
	default:
		k = b.year(y).rank(doy) + n + 1 // business days before t's day, minus |n|, plus 1
	}
	for k < 1 {
		if y--; y < minYear {
			return 0, 0, false
		}
		k += b.year(y).total()
	}
	return y, b.year(y).nth(k), true
}

// Between returns the number of business days in the half-open range of
// calendar dates [a's day, end's day), both read in the BusinessDays'
// location: a's day counts if it is a business day, end's day never does.
// The time of day is ignored. When end's day is before a's day the result
// is the negated count of [end's day, a's day), like a difference, so
// Between(a, c) == Between(a, e) + Between(e, c) for any a, e and c, and
// Between(a, a) == 0.
//
// Between(a, Add(a, n)) == n when n <= 0, or when a's day is a business
// day; for n > 0 and a's day not a business day it is n-1.
//
// rickar/cal's WorkdaysInRange, by contrast, counts both ends.
//
// Days outside years 1 to 9999 are not business days. Between never walks
// day by day: it costs O(years between).
func (b *BusinessDays) Between(a, end time.Time) int {
	bd := b.self()
	ya, da := bd.dayOf(a)
	yb, db := bd.dayOf(end)
	if ya > yb || (ya == yb && da > db) {
		return -bd.count(yb, db, ya, da)
	}
	return bd.count(ya, da, yb, db)
}

// count returns the business days in [(ya, da), (yb, db)), for ordered
// positions in any years.
func (b *BusinessDays) count(ya, da, yb, db int) int {
	if ya < minYear {
		ya, da = minYear, 0
	}
	if yb > maxYear {
		yb, db = maxYear, 366
	}
	if ya > yb {
		return 0 // the range lies wholly outside years 1..9999
	}
	first := b.year(ya)
	if ya == yb {
		return first.rank(db) - first.rank(da)
	}
	n := first.total() - first.rank(da)
	for y := ya + 1; y < yb; y++ {
		n += b.year(y).total()
	}
	return n + b.year(yb).rank(db)
}

// EndOfDay returns the first instant after t's calendar day in b's location:
// the first instant of the next day that has one. It is the deadline for
// "by the end of the day", as the End of a half-open span (Deadline uses
// it). Days are counted in years 1 to 9999, and in 10000 for a deadline
// counted past the last of them; for a day outside those years it returns
// the zero time.Time, never an instant that is not after t (nor a wrapped
// one).
func (b *BusinessDays) EndOfDay(t time.Time) time.Time {
	b = b.self()
	y, doy := b.dayOf(t)
	if doy++; doy == daysIn(y) {
		y, doy = y+1, 0
	}
	if y >= minYear && y <= maxYear {
		start, _ := b.startTime(y, doy)
		return start
	}
	if y < minYear || y > maxYear+1 {
		return time.Time{} // outside the counted years: no day start to give
	}
	m, d := monthDay(y, doy)
	start, _ := dayStart(y, m, d, b.location())
	return start
}
