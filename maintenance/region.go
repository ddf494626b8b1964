package maintenance

import (
	"slices"
	"strings"
)

// Region is one row of the provider's region table: the region's code, the
// host its environments live on, and its daily maintenance window in UTC.
//
// The zero Region has no code, no host and the zero Window (no window).
// Region is a comparable value type, safe for concurrent use.
type Region struct {
	Code   string // region code, upper case as published: "NAM", "IND"
	Host   string // host name of the region's environments: "crm.dynamics.com"
	Window Window // daily maintenance window, UTC
}

// regionTable is the seed's "Maintenance timeline" table (000_*), in its
// order, with windows spelled exactly as published.
var regionTable = []Region{
	{"NAM", "crm.dynamics.com", mustParse("2 AM to 11 AM")},
	{"DEU", "crm.microsoftdynamics.de", mustParse("5 PM to 2 AM")},
	{"SAM", "crm2.dynamics.com", mustParse("12 AM to 10 AM")},
	{"CAN", "crm3.dynamics.com", mustParse("1 AM to 10 AM")},
	{"EUR", "crm4.dynamics.com", mustParse("6 PM to 3 AM")},
	{"FRA", "crm4.dynamics.com", mustParse("6 PM to 3 AM")},
	{"APJ", "crm5.dynamics.com", mustParse("3 PM to 8 PM")},
	{"OCE", "crm6.dynamics.com", mustParse("11AM to 9PM")},
	{"JPN", "crm7.dynamics.com", mustParse("10 AM to 7 PM")},
	{"IND", "crm8.dynamics.com", mustParse("7:30PM to 1AM")},
	{"GCC", "crm9.dynamics.com", mustParse("2 AM to 11 AM")},
	{"GBR", "crm11.dynamics.com", mustParse("6 PM to 3 AM")},
}

// mustParse parses a window of the built-in table, which the tests check
// parses; it is used only at package initialisation on constant input.
func mustParse(s string) Window {
	w, err := ParseWindow(s)
	if err != nil {
		panic(err) // unreachable: the table's spellings are tested
	}
	return w
}

// Regions returns the built-in region table, the seed's "Maintenance
// timeline", in the seed's order: NAM, DEU, SAM, CAN, EUR, FRA, APJ, OCE,
// JPN, IND, GCC, GBR. Each call returns a new slice, so changing it does not
// change the table.
func Regions() []Region {
	return slices.Clone(regionTable)
}

// Lookup returns the built-in region whose code is code, ignoring letter
// case and surrounding white space ("ind", " IND " find IND), and true; or
// the zero Region and false when no region has that code.
func Lookup(code string) (Region, bool) {
	code = strings.TrimSpace(code)
	for _, r := range regionTable {
		if strings.EqualFold(r.Code, code) {
			return r, true
		}
	}
	return Region{}, false
}

// LookupHost returns the built-in regions served by host, in table order,
// or nil when none is. Matching ignores letter case, surrounding white space
// and a trailing dot, and an organisation's own host name under a region's
// host matches too: "contoso.crm4.dynamics.com" and "CRM4.dynamics.com"
// both give EUR and FRA, which share that host. A URL is not accepted:
// pass its host name.
func LookupHost(host string) []Region {
	host = strings.TrimSuffix(strings.ToLower(strings.TrimSpace(host)), ".")
	if host == "" {
		return nil
	}
	var out []Region
	for _, r := range regionTable {
		if host == r.Host || strings.HasSuffix(host, "."+r.Host) {
			out = append(out, r)
		}
	}
	return out
}
