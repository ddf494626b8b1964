package claims

import (
	"fmt"
	"time"

	"github.com/slapolicy/slapolicy/maintenance"
)

// ForRegion returns the seed's claim rules (DynamicsCRMOnline) over the
// default business calendar of the region whose code is code, read in loc
// (nil means UTC): US holidays for NAM and GCC, Canadian for CAN, and so on
// (see maintenance.Region.HolidayCalendar); weekends only for IND and APJ,
// which have no holiday calendar. The code is matched ignoring letter case
// and surrounding white space, as maintenance.Lookup does.
//
// It returns an error wrapping ErrUnknownRegion, quoting code, when no
// region has that code.
func ForRegion(code string, loc *time.Location) (Rules, error) {
	region, ok := maintenance.Lookup(code)
	if !ok {
		return Rules{}, fmt.Errorf("%w %q", ErrUnknownRegion, code)
	}
	return DynamicsCRMOnline(region.BusinessDays(loc)), nil
}
