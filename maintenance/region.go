package maintenance

import (
	"fmt"
	"strings"
	"time"

	"github.com/slapolicy/slapolicy/calendar"
)

// Region is one row of a provider's region table: the region's code, the
// host its environments live on, its daily maintenance window in UTC, and
// the business calendar its claim and report deadlines are counted in
// (Zone and Holidays).
//
// The region table publishes no time zone and no holidays; Zone and
// Holidays are this library's reading for the built-in regions (see
// Regions) and any caller's choice for its own. Every function that needs
// a region's window or business days takes a Region value, so a region of
// the caller's own table works wherever a built-in one does.
//
// The zero Region has no code, no host, the zero Window (no window), UTC
// and no holidays. Region is a comparable value type (two regions that
// share a holiday calendar share its pointer), safe for concurrent use.
type Region struct {
	Code   string // region code, upper case as published: "NAM", "IND"
	Host   string // host name of the region's environments: "crm.dynamics.com"
	Window Window // daily maintenance window, UTC

	// Zone is the IANA time zone in which the region's business days are
	// read ("America/New_York"); "" means UTC. See Location.
	Zone string
	// Holidays is the region's holiday calendar, nil for weekends only.
	Holidays *calendar.Holidays
}

// Location returns the region's Zone as a *time.Location, loaded with
// time.LoadLocation (UTC for an empty Zone), or an error wrapping
// ErrInvalidTable that names the region and the zone when the zone is
// not in the system's time zone database.
func (r Region) Location() (*time.Location, error) {
	return loadZone(r.Code, r.Zone)
}

// BusinessDays returns r's business-day calendar in location loc:
// Saturday and Sunday weekends plus r.Holidays, actual and observed dates.
// A nil loc means the region's own Zone (Location), never a silent UTC: a
// notice deadline for JPN is counted in Asia/Tokyo unless the caller says
// otherwise. A region without holidays (IND and APJ in the built-in table,
// which rickar/cal does not cover) counts weekends only; give it a
// calendar.Holidays of your own, or closures (Closures.Apply), for more. It returns Location's error when
// loc is nil and the Zone cannot be loaded. Each call returns a new
// calendar; the result is safe for concurrent use.
//
// It returns Validate's error for a Region that is not a region of a
// table, such as Region{Code: "EU"} (a typo for EUR, with no host, no
// window and no holidays), rather than a calendar of weekends only.
func (r Region) BusinessDays(loc *time.Location) (*calendar.BusinessDays, error) {
	if err := r.Validate(); err != nil {
		return nil, err
	}
	if loc == nil {
		var err error
		if loc, err = r.Location(); err != nil {
			return nil, err
		}
	}
	if r.Holidays == nil {
		return calendar.NewBusinessDaysFrom(loc, nil), nil
	}
	return calendar.NewBusinessDaysFrom(loc, r.Holidays), nil
}

// Validate reports what keeps r from being a region of a table, as NewTable
// would: an empty code or host (after trimming white space), a code longer
// than MaxCodeBytes or a host longer than MaxHostBytes, a zero Window. The
// problems come at once, as a calendar.ErrorList whose entries wrap
// ErrInvalidTable; nil for every region of Regions() and of a Table. It
// does not look the code up: a region of the caller's own table is valid
// under any code.
func (r Region) Validate() error {
	var errs calendar.ErrorList
	r.problems("region", func(format string, args ...any) {
		errs.Add(fmt.Errorf("%w: "+format, append([]any{ErrInvalidTable}, args...)...))
	})
	return errs.Err()
}

// findCode returns the region of rs whose code is code, ignoring letter
// case and surrounding white space.
func findCode(rs []Region, code string) (Region, bool) {
	code = strings.TrimSpace(code)
	for _, r := range rs {
		if strings.EqualFold(r.Code, code) {
			return r, true
		}
	}
	return Region{}, false
}

// findHost returns the regions of rs served by host, in order, or nil:
// matching ignores letter case, surrounding white space and a trailing
// dot, and an organisation's own host name under a region's host matches
// too.
func findHost(rs []Region, host string) []Region {
	host = strings.TrimSuffix(strings.ToLower(strings.TrimSpace(host)), ".")
	if host == "" {
		return nil
	}
	var out []Region
	for _, r := range rs {
		h := strings.ToLower(r.Host)
		if host == h || strings.HasSuffix(host, "."+h) {
			out = append(out, r)
		}
	}
	return out
}
