package calendar

import (
	"errors"
	"fmt"
	"time"

	"github.com/slapolicy/slapolicy/internal/clip"
)

// ErrInvalidDate is wrapped by every error ParseDate and Date.Validate
// return for text or a value that is not a calendar date of years 1 to
// 9999.
var ErrInvalidDate = errors.New("calendar: invalid date")

// Date is a calendar date with no time of day and no location: a day as a
// holiday list or a government proclamation names it ("Monday 19
// September 2022"). Which instants it covers depends on where it is read;
// BusinessDays reads it in its own location.
//
// The zero Date (year 0, month 0, day 0) means "no date"; IsZero reports
// it, and Validate refuses it. Date is a comparable value, safe for
// concurrent use.
type Date struct {
	Year  int        // 1 to 9999 for a valid date
	Month time.Month // January to December
	Day   int        // 1 to the month's last day
}

// DateOf returns the calendar date of t as read in t's location.
func DateOf(t time.Time) Date {
	y, m, d := t.Date()
	return Date{Year: y, Month: m, Day: d}
}

// IsZero reports whether d is the zero Date.
func (d Date) IsZero() bool { return d == Date{} }

// String writes d as "YYYY-MM-DD" (ISO 8601), the form ParseDate reads. A
// year outside 0 to 9999 is written with as many digits as it needs, and
// a sign when negative; such a date does not parse back.
func (d Date) String() string {
	return fmt.Sprintf("%04d-%02d-%02d", d.Year, int(d.Month), d.Day)
}

// Validate reports an error wrapping ErrInvalidDate, naming the date, when
// d is not a date of the Gregorian calendar in years 1 to 9999 (the years
// BusinessDays counts): a year outside them, a month outside January to
// December, a day outside 1 to the month's length (30 February, 31
// April, 29 February of a common year); nil otherwise.
func (d Date) Validate() error {
	switch {
	case d.Year < minYear || d.Year > maxYear:
		return fmt.Errorf("%w %s: year %d is outside %d to %d", ErrInvalidDate, d, d.Year, minYear, maxYear)
	case d.Month < time.January || d.Month > time.December:
		return fmt.Errorf("%w %s: month %d is outside 1 to 12", ErrInvalidDate, d, int(d.Month))
	case d.Day < 1 || d.Day > monthDays(d.Year, d.Month):
		return fmt.Errorf("%w %s: day %d is outside 1 to %d, the days of %s %d",
			ErrInvalidDate, d, d.Day, monthDays(d.Year, d.Month), d.Month, d.Year)
	}
	return nil
}

// monthDays returns the number of days of month m (January..December) of
// year y.
func monthDays(y int, m time.Month) int {
	n := daysBefore[m] - daysBefore[m-1]
	if m == time.February && isLeap(y) {
		n++
	}
	return n
}

// ParseDate parses "YYYY-MM-DD" (ISO 8601's calendar date: a four-digit
// year 0001 to 9999, a two-digit month and a two-digit day, ASCII digits
// only, nothing before or after) as a Date: "2022-09-19". It returns an
// error wrapping ErrInvalidDate, quoting s, for anything else, including a
// day the month does not have ("2023-02-29").
func ParseDate(s string) (Date, error) {
	bad := func(why string) (Date, error) {
		return Date{}, fmt.Errorf("%w %s: %s", ErrInvalidDate, clip.Quote(s), why)
	}
	if len(s) != 10 || s[4] != '-' || s[7] != '-' {
		return bad(`want "YYYY-MM-DD"`)
	}
	year, ok := digits(s[:4])
	if !ok {
		return bad("year is not four digits")
	}
	mon, ok := digits(s[5:7])
	if !ok {
		return bad("month is not two digits")
	}
	day, ok := digits(s[8:])
	if !ok {
		return bad("day is not two digits")
	}
	d := Date{Year: year, Month: time.Month(mon), Day: day}
	switch {
	case year == 0:
		return bad("year 0000 is out of range")
	case mon < 1 || mon > 12:
		return bad("month is not in 01..12")
	case day < 1 || day > monthDays(year, d.Month):
		return bad(fmt.Sprintf("day is not in 01..%02d, the days of %s %d", monthDays(year, d.Month), d.Month, year))
	}
	return d, nil
}
