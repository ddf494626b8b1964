package calendar

import "time"

// Civil-date helpers for BusinessDays. A day is named by its year and its
// zero-based day of the year (doy, 0..365); the year range BusinessDays
// covers is minYear..maxYear.

const (
	minYear = 1
	maxYear = 9999
	// maxYearDays bounds any business-day count inside minYear..maxYear, so
	// an |n| above it can be rejected at once.
	maxYearDays = 366 * (maxYear - minYear + 1)
)

// daysBefore[m] is the number of days before month m+1 in a common year.
var daysBefore = [13]int{0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334, 365}

func isLeap(y int) bool { return y%4 == 0 && (y%100 != 0 || y%400 == 0) }

func daysIn(y int) int {
	if isLeap(y) {
		return 366
	}
	return 365
}

// dayOfYear returns the zero-based day of the year of (y, m, d); m and d
// must be a valid date, as time.Time.Date returns them.
func dayOfYear(y int, m time.Month, d int) int {
	doy := daysBefore[m-1] + d - 1
	if m > time.February && isLeap(y) {
		doy++
	}
	return doy
}

// monthDay is the inverse of dayOfYear for doy in 0..daysIn(y)-1. Only
// dates outside BusinessDays' precomputed years (1..9999) need it, so it
// asks time.Date rather than repeat the month table's arithmetic.
func monthDay(y, doy int) (time.Month, int) {
	t := time.Date(y, time.January, 1+doy, 0, 0, 0, 0, time.UTC)
	return t.Month(), t.Day()
}

// dateOf returns the year and zero-based day of the year of t's calendar
// date in loc.
func dateOf(t time.Time, loc *time.Location) (int, int) {
	y, m, d := t.In(loc).Date()
	return y, dayOfYear(y, m, d)
}

// cmpDate compares t's calendar date (in t's location) with (y, m, d).
func cmpDate(t time.Time, y int, m time.Month, d int) int {
	ty, tm, td := t.Date()
	switch {
	case ty != y:
		return cmpInt(ty, y)
	case tm != m:
		return cmpInt(int(tm), int(m))
	default:
		return cmpInt(td, d)
	}
}

func cmpInt(a, b int) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}

// dayStart returns the first instant whose calendar date in loc is
// (y, m, d), and true. Usually that is midnight; when the clocks jump over
// midnight it is the first instant after the jump, and when midnight
// happens twice it is the earlier one. When no instant has that date (a
// day skipped by a zone change, as Pacific/Apia skipped 2011-12-30) it
// returns the first instant of the following days and false.
//
// time.Date alone is not enough: for a gap at midnight it may return 23:00
// of the previous day (America/Havana, 2011-03-20), and for a repeated
// midnight it does not promise which one it picks. So dayStart searches,
// about 50 halvings of a 96-hour range, each a t.In(loc).Date(). That is
// cheap enough: BusinessDays itself uses yearDays.start, and dayStart
// serves only dates outside years 1..9999 (and the tests, as the
// reference for yearDays).
func dayStart(y int, m time.Month, d int, loc *time.Location) (time.Time, bool) {
	// Binary search for the first instant whose date is on or after
	// (y, m, d). Zone offsets stay well within ±48h of UTC.
	mid := time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
	lo, hi := mid.Add(-48*time.Hour), mid.Add(48*time.Hour) // date(lo) < day <= date(hi)
	for hi.Sub(lo) > 1 {
		c := lo.Add(hi.Sub(lo) / 2)
		if cmpDate(c.In(loc), y, m, d) >= 0 {
			hi = c
		} else {
			lo = c
		}
	}
	hi = hi.In(loc)
	return hi, cmpDate(hi, y, m, d) == 0
}

// unixDays returns the day number of day doy of year y, counted from
// 1970-01-01 (day 0), for y >= 1.
func unixDays(y, doy int) int64 {
	p := int64(y - 1)
	return 365*p + p/4 - p/100 + p/400 + int64(doy) - daysFrom1To1970
}

// daysFrom1To1970 is the number of days from 0001-01-01 to 1970-01-01.
const daysFrom1To1970 = 719162

// civil is the inverse of unixDays: the year and day of the year of day
// number days (from 1970-01-01), for dates from 0001-01-01 on.
func civil(days int64) (y, doy int) {
	d := days + daysFrom1To1970 // days since 0001-01-01
	n400 := d / 146097          // 400-year cycles
	d %= 146097
	n100 := min(d/36524, 3) // centuries in the cycle; the 4th one is a day longer
	d -= n100 * 36524
	n4 := d / 1461 // 4-year cycles in the century
	d %= 1461
	n1 := min(d/365, 3) // years in the 4-year cycle; the 4th one is leap
	d -= n1 * 365
	return int(400*n400+100*n100+4*n4+n1) + 1, int(d)
}

// floorDiv is a / b rounded toward minus infinity, for b > 0.
func floorDiv(a, b int64) int64 {
	q := a / b
	if a%b < 0 {
		q--
	}
	return q
}
