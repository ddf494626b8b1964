package calendar

import (
	"slices"
	"time"

	"github.com/rickar/cal/v2"
)

// HolidaySource tells BusinessDays which days are holidays. It is the seam
// for callers whose holidays do not come from github.com/rickar/cal/v2: a
// company shutdown list, a database table, a different library.
//
// IsHoliday reports whether the calendar date of date, as read in date's
// location, is a holiday. BusinessDays passes the first instant of the day
// in its own location, asks only about days of years 1 to 9999 that are not
// weekend days, asks about each day at most once (it caches whole years),
// and never calls IsHoliday from two goroutines at once. IsHoliday must
// give the same answer for the same date every time.
type HolidaySource interface {
	IsHoliday(date time.Time) bool
}

// HolidayFunc adapts an ordinary function to HolidaySource, as
// http.HandlerFunc does for handlers. A nil HolidayFunc reports no holidays.
type HolidayFunc func(date time.Time) bool

// IsHoliday calls f(date); a nil f reports false.
func (f HolidayFunc) IsHoliday(date time.Time) bool {
	if f == nil {
		return false
	}
	return f(date)
}

// Holidays is a named holiday calendar built from github.com/rickar/cal/v2
// holiday rules, such as us.Holidays or de.Holidays: a HolidaySource, and
// the data a region's business days are made of (maintenance.Region).
//
// A day is a holiday when it is the actual date or the observed date of any
// of the holidays, in any year: when US New Year's Day 2022 fell on a
// Saturday and was observed on Friday 2021-12-31, both days are holidays.
// rickar/cal's own BusinessCalendar.IsWorkday treats only observed dates as
// days off, and of two holidays on one date it looks only at the first;
// the two rules differ only where a holiday's actual date is a weekday and
// is observed on another day. Of rickar/cal v2.1.26's country calendars,
// years 1950 to 2050, that happens only in bg: the second day of Christmas,
// Tuesday 2023-12-26, is observed on Wednesday 27 (Christmas Eve fell on a
// Sunday). Here Tuesday 26 and Wednesday 27 are both days off, as a payer
// in Bulgaria expects; rickar/cal's IsWorkday makes Tuesday 26 a workday.
//
// A *Holidays is immutable and safe for concurrent use; the zero value
// and nil hold no holiday. Two regions that share a calendar share the
// pointer, so a Region stays comparable with ==.
type Holidays struct {
	name string
	hs   []cal.Holiday
}

// NewHolidays returns the holiday calendar named name (how documentation
// and statements cite it, e.g. "us.Holidays") of the given rickar/cal/v2
// holidays. It copies each *cal.Holiday (and its Except and Observed
// slices), so changing a holiday afterwards does not affect the calendar,
// and it never modifies them, so rickar/cal's shared package variables are
// safe to pass. Nil holidays are ignored.
func NewHolidays(name string, holidays ...*cal.Holiday) *Holidays {
	c := &Holidays{name: name, hs: make([]cal.Holiday, 0, len(holidays))}
	for _, h := range holidays {
		if h == nil {
			continue
		}
		hc := *h
		hc.Except = slices.Clone(h.Except)
		hc.Observed = slices.Clone(h.Observed)
		c.hs = append(c.hs, hc)
	}
	return c
}

// Name returns the name the calendar was made with; "" for nil.
func (c *Holidays) Name() string {
	if c == nil {
		return ""
	}
	return c.name
}

// IsHoliday reports whether date's calendar date (in date's location) is the
// actual or observed date of any of the holidays.
func (c *Holidays) IsHoliday(date time.Time) bool {
	y, m, d := date.Date()
	doy := dayOfYear(y, m, d)
	found := false
	c.holidaysIn(y, func(hd int) {
		if hd == doy {
			found = true
		}
	})
	return found
}

// holidaysIn calls mark(doy) for the zero-based day of the year of every
// actual and observed holiday date that falls in year y. A date may be
// marked more than once.
func (c *Holidays) holidaysIn(y int, mark func(doy int)) {
	if c == nil {
		return
	}
	at := func(t time.Time) {
		if t.IsZero() {
			return
		}
		ty, tm, td := holidayDate(t)
		if ty == y {
			mark(dayOfYear(ty, tm, td))
		}
	}
	for i := range c.hs {
		h := &c.hs[i]
		// An observed date can move into the neighbouring year (New Year's
		// Day on a Saturday is observed on 31 December), and so can an
		// actual date with a CalcOffset, so look at all three years.
		for yy := y - 1; yy <= y+1; yy++ {
			act, obs := h.Calc(yy)
			at(act)
			at(obs)
		}
	}
}

// holidayDate returns the calendar date a rickar/cal holiday time stands
// for. rickar/cal builds midnight in cal.DefaultLoc (time.Local by default);
// where that zone's clocks jump over midnight, time.Date may give 23:00 of
// the day before, so round to the nearest midnight instead of truncating.
func holidayDate(t time.Time) (int, time.Month, int) {
	if t.Hour() >= 12 {
		t = t.AddDate(0, 0, 1)
	}
	return t.Date()
}
