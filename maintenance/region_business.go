package maintenance

import (
	"strings"
	"time"

	"github.com/slapolicy/slapolicy/calendar"
)

// BusinessDays returns r's default business-day calendar in location loc
// (nil means UTC): Saturday and Sunday weekends plus the holidays named by
// HolidayCalendar, observed dates included. For IND and APJ, which
// rickar/cal does not cover, and for a code outside the table, it is
// weekends only; a caller with a holiday list for them should call
// calendar.NewBusinessDays itself. Each call returns a new calendar; the
// result is safe for concurrent use.
func (r Region) BusinessDays(loc *time.Location) *calendar.BusinessDays {
	// calendar.NewBusinessDays copies the holidays and never modifies them,
	// so rickar/cal's shared list can be passed as it is.
	return calendar.NewBusinessDays(loc, holidayCalendars[strings.ToUpper(strings.TrimSpace(r.Code))].list...)
}
