package claims

import (
	"fmt"
	"time"

	"github.com/slapolicy/slapolicy/calendar"
	"github.com/slapolicy/slapolicy/internal/strictjson"
	"github.com/slapolicy/slapolicy/maintenance"
)

// The built-in data of this package: the claim rules of the Microsoft
// Dynamics CRM Online Service Level Agreement. Nothing in the package
// consults them on its own; they are reached only through
// DynamicsCRMOnline and ForRegion, and Rules of the caller's own work
// wherever they do.

// DynamicsCRMOnline returns the claim rules of the Microsoft Dynamics CRM
// Online Service Level Agreement with days as the business calendar:
// NoticeBusinessDays 5 counted FromRestored, EvidenceMonths 1 and
// EvidenceDays 0, ProcessingDays 45, ReportBusinessDays 5 (the package
// documentation says how each is read).
//
// A nil days means a weekends-only calendar in UTC; for a region's
// holidays use ForRegion or calendar.NewBusinessDays(loc, us.Holidays...).
func DynamicsCRMOnline(days *calendar.BusinessDays) Rules {
	return Rules{
		Calendar:           days,
		NoticeBusinessDays: 5,
		NoticeFrom:         FromRestored,
		EvidenceMonths:     1,
		EvidenceDays:       0,
		ProcessingDays:     45,
		ReportBusinessDays: 5,
	}
}

// ForRegion returns the Dynamics CRM Online claim rules
// (DynamicsCRMOnline) over the business calendar of the built-in region
// whose code is code (maintenance.Region.BusinessDays), read in loc: US
// federal holidays for NAM and GCC, Canada's federal ones for CAN, and so
// on (the region's Holidays, with the corrections the maintenance package
// documents under "Holiday calendars"); weekends only for IND and APJ,
// which have no holiday calendar. A nil loc means the region's own zone (maintenance.Region.Zone:
// America/New_York for NAM, Asia/Tokyo for JPN, ...), never a silent UTC.
// The code is matched ignoring letter case and surrounding white space, as
// maintenance.Lookup does; a caller's own region gives its rules with
// region.BusinessDays and DynamicsCRMOnline.
//
// It returns an error wrapping ErrUnknownRegion, quoting code, when no
// built-in region has that code, and the region's error when its zone
// cannot be loaded. ForRegionWith adds the caller's closures.
func ForRegion(code string, loc *time.Location) (Rules, error) {
	return ForRegionWith(code, loc, maintenance.Closures{})
}

// ForRegionWith is ForRegion with the caller's closures: the built-in
// region's business days with closures' days for that region added as
// holidays (maintenance.Closures.Apply), so a notice deadline moves past a
// company shutdown or a state holiday the region's calendar leaves out.
// The zero Closures gives what ForRegion gives. Errors are ForRegion's.
func ForRegionWith(code string, loc *time.Location, closures maintenance.Closures) (Rules, error) {
	region, ok := maintenance.Lookup(code)
	if !ok {
		return Rules{}, fmt.Errorf("%w %s", ErrUnknownRegion, strictjson.Quote(code))
	}
	days, err := closures.Apply(region).BusinessDays(loc)
	if err != nil {
		return Rules{}, err
	}
	return DynamicsCRMOnline(days), nil
}
