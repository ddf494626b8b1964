package comms

import (
	"errors"
	"fmt"
	"time"

	"github.com/slapolicy/slapolicy/calendar"
)

// ErrInvalidReleaseCalendar is wrapped by every error
// ReleaseCalendar.Validate reports.
var ErrInvalidReleaseCalendar = errors.New("comms: invalid release calendar")

// ReleaseCalendar is the provider's release rhythm as data ("Scheduled
// system updates"): major release events in fixed months of
// every year, delivered through the regular minor updates, which reach
// every region, one region after another, once per MinorCadence.
//
// The zero ReleaseCalendar has no major months and no cadence; Validate
// rejects it. ReleaseCalendar is a value; its methods never modify
// MajorMonths, so it is safe for concurrent use as long as the caller does
// not modify that slice.
type ReleaseCalendar struct {
	// MajorMonths are the months of the year that hold a major release
	// event, each from January to December, at most once, in any order.
	// Dynamics 365: April and October ("two major release events per
	// year").
	MajorMonths []time.Month `json:"majorMonths"`

	// MinorCadence is how often every region receives a minor service
	// update and its Message Center notification. Dynamics 365: weekly
	// (7 × 24h). It is informational: the policy names no weekday or hour,
	// so the package computes no minor-update dates.
	MinorCadence time.Duration `json:"minorCadence"`
}

// Validate reports every problem at once, as a calendar.ErrorList whose
// entries wrap ErrInvalidReleaseCalendar: no major month, a month outside January to
// December (named by index and value), a month listed twice, a cadence
// that is not positive.
func (c ReleaseCalendar) Validate() error {
	var errs calendar.ErrorList
	if len(c.MajorMonths) == 0 {
		errs.Add(fmt.Errorf("%w: majorMonths is empty", ErrInvalidReleaseCalendar))
	}
	var seen [13]bool
	for i, m := range c.MajorMonths {
		switch {
		case m < time.January || m > time.December:
			errs.Add(fmt.Errorf("%w: majorMonths[%d] %d is not a month", ErrInvalidReleaseCalendar, i, int(m)))
		case seen[m]:
			errs.Add(fmt.Errorf("%w: majorMonths[%d] %s is listed twice", ErrInvalidReleaseCalendar, i, m))
		default:
			seen[m] = true
		}
	}
	if c.MinorCadence <= 0 {
		errs.Add(fmt.Errorf("%w: minorCadence %s is not positive", ErrInvalidReleaseCalendar, c.MinorCadence))
	}
	return errs.Err()
}

// months returns the valid major months as a set.
func (c ReleaseCalendar) months() (set [13]bool, ok bool) {
	for _, m := range c.MajorMonths {
		if m >= time.January && m <= time.December {
			set[m] = true
			ok = true
		}
	}
	return set, ok
}

// Majors returns the major release months of year in location loc (nil:
// UTC), in calendar order: for Dynamics 365, April and October of that
// year.
// Months outside January to December in MajorMonths are ignored (Validate
// reports them); duplicates are listed once.
func (c ReleaseCalendar) Majors(year int, loc *time.Location) []calendar.Month {
	set, _ := c.months()
	var out []calendar.Month
	for m := time.January; m <= time.December; m++ {
		if set[m] {
			out = append(out, calendar.NewMonth(year, m, loc))
		}
	}
	return out
}

// IsMajor reports whether m is a major release month.
func (c ReleaseCalendar) IsMajor(m calendar.Month) bool {
	set, _ := c.months()
	return set[m.Month()]
}

// NextMajor returns the major release month that contains t, or else the
// first one that starts after t, as a calendar month in t's location, and
// true. So on any day of April 2024 it returns April 2024, and from the
// first instant of May 2024 it returns October 2024; at 23:59 on 31 October
// 2024 it returns October 2024 and at 00:00 on 1 November, April 2025. It
// returns the zero Month and false when the calendar has no valid major
// month.
func (c ReleaseCalendar) NextMajor(t time.Time) (calendar.Month, bool) {
	set, ok := c.months()
	if !ok {
		return calendar.Month{}, false
	}
	m := calendar.MonthOf(t)
	for !set[m.Month()] {
		m = m.Next()
	}
	return m, true
}
