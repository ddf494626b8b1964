package calendar

import (
	"math/bits"
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
// of the holidays, in any year, as the calendar's corrections leave it (see
// below): when US New Year's Day 2022 fell on a Saturday and was observed
// on Friday 2021-12-31, both days are holidays.
// rickar/cal's own BusinessCalendar.IsWorkday treats only observed dates as
// days off, and of two holidays on one date it looks only at the first;
// the two rules differ only where a holiday's actual date is a weekday and
// is observed on another day. Of rickar/cal v2.1.26's country calendars,
// years 1950 to 2050, that happens only in bg: the second day of Christmas,
// Tuesday 2023-12-26, is observed on Wednesday 27 (Christmas Eve fell on a
// Sunday). Here Tuesday 26 and Wednesday 27 are both days off, as a payer
// in Bulgaria expects; rickar/cal's IsWorkday makes Tuesday 26 a workday.
//
// A calendar may also carry corrections over its rules (With, Correction):
// days added or removed, and rules left out for some years, each with its
// public source; Corrections lists them.
//
// A *Holidays is immutable and safe for concurrent use; the zero value
// and nil hold no holiday. Two regions that share a calendar share the
// pointer, so a Region stays comparable with ==.
type Holidays struct {
	name string
	hs   []cal.Holiday

	// The corrections (With): fixes as given, every layer in order; drops[k]
	// the rule corrections of hs[k] (nil when there are none); days the
	// dated corrections, in order.
	fixes []Correction
	drops [][]Correction
	days  []dayFix
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
// actual or observed date of any of the holidays, as the calendar's
// corrections (With) leave it.
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
// day of year y that is a holiday: the actual and observed dates of the
// rules that fall in y, less the rule corrections', then with the dated
// corrections applied in order. Without dated corrections a date may be
// marked more than once.
func (c *Holidays) holidaysIn(y int, mark func(doy int)) {
	if c == nil {
		return
	}
	if len(c.days) == 0 {
		c.ruleDays(y, mark)
		return
	}
	var set [6]uint64 // bit doy: a holiday (366 days fit in 6 words)
	c.ruleDays(y, func(doy int) { set[doy>>6] |= 1 << (doy & 63) })
	for _, d := range c.days {
		switch {
		case d.year != y:
		case d.holiday:
			set[d.doy>>6] |= 1 << (d.doy & 63)
		default:
			set[d.doy>>6] &^= 1 << (d.doy & 63)
		}
	}
	for w, word := range set {
		for ; word != 0; word &= word - 1 {
			mark(w<<6 + bits.TrailingZeros64(word))
		}
	}
}

// ruleDays calls mark(doy) for every actual and observed date in year y of
// c's rules, except those a rule correction removes. A date may be marked
// more than once.
func (c *Holidays) ruleDays(y int, mark func(doy int)) {
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
			if c.dropped(i, yy) {
				continue
			}
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
