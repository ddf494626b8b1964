package maintenance

import (
	"slices"
	"strings"

	"github.com/rickar/cal/v2"
	"github.com/rickar/cal/v2/au"
	"github.com/rickar/cal/v2/br"
	"github.com/rickar/cal/v2/ca"
	"github.com/rickar/cal/v2/de"
	"github.com/rickar/cal/v2/ecb"
	"github.com/rickar/cal/v2/fr"
	"github.com/rickar/cal/v2/gb"
	"github.com/rickar/cal/v2/jp"
	"github.com/rickar/cal/v2/us"
)

// holidayCalendar names a rickar/cal holiday list and holds it.
type holidayCalendar struct {
	name string
	list []*cal.Holiday
}

// holidayCalendars maps a region code to its default holiday calendar.
// Regions for which rickar/cal has no calendar (IND, APJ) are absent.
var holidayCalendars = map[string]holidayCalendar{
	"NAM": {"us.Holidays", us.Holidays},
	"GCC": {"us.Holidays", us.Holidays},
	"CAN": {"ca.Holidays", ca.Holidays},
	"DEU": {"de.Holidays", de.Holidays},
	"FRA": {"fr.Holidays", fr.Holidays},
	"GBR": {"gb.Holidays", gb.Holidays},
	"JPN": {"jp.Holidays", jp.Holidays},
	"OCE": {"au.HolidaysNSW", au.HolidaysNSW},
	"SAM": {"br.Holidays", br.Holidays},
	"EUR": {"ecb.Holidays", ecb.Holidays},
}

// HolidayCalendar names the rickar/cal/v2 holiday list that is r's default
// business-day calendar, as Go code would spell it: "us.Holidays" for NAM
// and GCC, "ca.Holidays" (CAN), "de.Holidays" (DEU), "fr.Holidays" (FRA),
// "gb.Holidays" (GBR), "jp.Holidays" (JPN), "br.Holidays" (SAM),
// "ecb.Holidays" (EUR, the European Central Bank's days), and
// "au.HolidaysNSW" (OCE: cal has no national Australian list, so New South
// Wales, where Sydney is, stands in). It returns "" for IND and APJ, which
// cal does not cover (weekends only unless the caller supplies holidays),
// and for a code outside the table. The code is matched ignoring case and
// surrounding white space.
func (r Region) HolidayCalendar() string {
	return holidayCalendars[strings.ToUpper(strings.TrimSpace(r.Code))].name
}

// Holidays returns r's default holidays (see HolidayCalendar), or nil for a
// region with none. Each call returns a new slice of new Holiday values
// (copies, including their Except and Observed slices), so the caller may
// change them without touching rickar/cal's shared package variables.
func (r Region) Holidays() []*cal.Holiday {
	src := holidayCalendars[strings.ToUpper(strings.TrimSpace(r.Code))].list
	if len(src) == 0 {
		return nil
	}
	out := make([]*cal.Holiday, len(src))
	for i, h := range src {
		c := h.Clone(nil)
		c.Except = slices.Clone(h.Except)
		c.Observed = slices.Clone(h.Observed)
		out[i] = c
	}
	return out
}
