package claims

import (
	"fmt"
	"time"

	"github.com/slapolicy/slapolicy/maintenance"
)

// ForRegion returns the Dynamics CRM Online claim rules
// (DynamicsCRMOnline) over the business calendar of the built-in region
// whose code is code (maintenance.Region.BusinessDays), read in loc (nil
// means UTC), not in the region's own Zone: US holidays for NAM and GCC,
// Canadian for CAN, and so on (the region's Holidays); weekends only for
// IND and APJ, which have no holiday calendar. The code is matched
// ignoring letter case and surrounding white space, as maintenance.Lookup
// does; a caller's own region gives its rules with
// DynamicsCRMOnline(region.BusinessDays(loc)).
//
// It returns an error wrapping ErrUnknownRegion, quoting code, when no
// built-in region has that code.
func ForRegion(code string, loc *time.Location) (Rules, error) {
	region, ok := maintenance.Lookup(code)
	if !ok {
		return Rules{}, fmt.Errorf("%w %q", ErrUnknownRegion, code)
	}
	return DynamicsCRMOnline(region.BusinessDays(loc)), nil
}
