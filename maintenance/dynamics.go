package maintenance

import (
	"slices"
	"time"

	"github.com/slapolicy/slapolicy/calendar"
	"github.com/slapolicy/slapolicy/internal/dated"
)

// The built-in data of this package: Dynamics 365's region table as
// "Policies and Communications for Dynamics 365 for Customer Engagement"
// publishes it ("Maintenance timeline"), with this library's reading of
// each region's business calendar. Nothing in the package consults it on
// its own: it is reached only through Regions, Lookup, LookupHost,
// Dynamics and DynamicsHolidays, and a caller's own table works wherever
// this one does.

// dynamicsDate is the date of the publication of the built-in table
// ("ms.date: 08/02/2019", month first: 2 August 2019), as midnight UTC.
var dynamicsDate = time.Date(2019, time.August, 2, 0, 0, 0, 0, time.UTC)

// dynamicsHolidays are the built-in holiday calendars the regions count,
// by name (dynamics_holidays.go): rickar/cal/v2's lists with this
// library's corrections.
var dynamicsHolidays = newDynamicsHolidays()

// dynamicsRegions is the published table, in its order, with windows
// spelled exactly as published, and each region's time zone and holiday
// calendar: NAM and GCC America/New_York with US federal holidays, CAN
// America/Toronto with Canada's federal (Canada Labour Code) ones, SAM
// America/Sao_Paulo with Brazil's national ones, EUR Europe/Amsterdam with
// the European Central Bank's closing days, FRA Europe/Paris with French,
// DEU Europe/Berlin with the days all German Länder hold, GBR
// Europe/London with England and Wales' bank holidays, APJ Asia/Singapore
// and IND Asia/Kolkata with weekends only, OCE Australia/Sydney with New
// South Wales', JPN Asia/Tokyo with Japanese (package documentation,
// "Holiday calendars").
var dynamicsRegions = []Region{
	{"NAM", "crm.dynamics.com", mustParse("2 AM to 11 AM"), "America/New_York", dynamicsHolidays["us.Holidays"]},
	{"DEU", "crm.microsoftdynamics.de", mustParse("5 PM to 2 AM"), "Europe/Berlin", dynamicsHolidays["de.Holidays"]},
	{"SAM", "crm2.dynamics.com", mustParse("12 AM to 10 AM"), "America/Sao_Paulo", dynamicsHolidays["br.Holidays"]},
	{"CAN", "crm3.dynamics.com", mustParse("1 AM to 10 AM"), "America/Toronto", dynamicsHolidays["ca.Holidays"]},
	{"EUR", "crm4.dynamics.com", mustParse("6 PM to 3 AM"), "Europe/Amsterdam", dynamicsHolidays["ecb.Holidays"]},
	{"FRA", "crm4.dynamics.com", mustParse("6 PM to 3 AM"), "Europe/Paris", dynamicsHolidays["fr.Holidays"]},
	{"APJ", "crm5.dynamics.com", mustParse("3 PM to 8 PM"), "Asia/Singapore", nil},
	{"OCE", "crm6.dynamics.com", mustParse("11AM to 9PM"), "Australia/Sydney", dynamicsHolidays["au.HolidaysNSW"]},
	{"JPN", "crm7.dynamics.com", mustParse("10 AM to 7 PM"), "Asia/Tokyo", dynamicsHolidays["jp.Holidays"]},
	{"IND", "crm8.dynamics.com", mustParse("7:30PM to 1AM"), "Asia/Kolkata", nil},
	{"GCC", "crm9.dynamics.com", mustParse("2 AM to 11 AM"), "America/New_York", dynamicsHolidays["us.Holidays"]},
	{"GBR", "crm11.dynamics.com", mustParse("6 PM to 3 AM"), "Europe/London", dynamicsHolidays["gb.Holidays"]},
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

// dynamicsTable is the built-in table as a Table of one edition (valid:
// the tests build it with NewTable too).
var dynamicsTable = func() Table {
	list, _ := dated.New([]time.Time{dynamicsDate}, []Edition{{Effective: dynamicsDate, Regions: dynamicsRegions}},
		func(int) string { return "the built-in edition" })
	return Table{editions: list}
}()

// Regions returns the built-in region table in its published order: NAM,
// DEU, SAM, CAN, EUR, FRA, APJ, OCE, JPN, IND, GCC, GBR. Each call returns
// a new slice, so changing it does not change the table.
func Regions() []Region {
	return slices.Clone(dynamicsRegions)
}

// Lookup returns the built-in region whose code is code, ignoring letter
// case and surrounding white space ("ind", " IND " find IND), and true; or
// the zero Region and false when no region has that code. Always check the
// flag: the zero Region has no window. A caller's own table answers the
// same question with Table.Lookup.
func Lookup(code string) (Region, bool) {
	return findCode(dynamicsRegions, code)
}

// LookupHost returns the built-in regions served by host, in table order,
// or nil when none is. Matching ignores letter case, surrounding white
// space and a trailing dot, and an organisation's own host name under a
// region's host matches too: "contoso.crm4.dynamics.com" and
// "CRM4.dynamics.com." both give EUR and FRA, which share that host. A URL
// is not accepted: pass its host name.
func LookupHost(host string) []Region {
	return findHost(dynamicsRegions, host)
}

// Dynamics returns the built-in table as a Table: one edition, the
// published one, in force from 2 August 2019, 00:00 UTC (lookups before
// that instant find nothing). Dynamics().With(later) adds a revision.
func Dynamics() Table { return dynamicsTable }

// DynamicsHolidays returns the built-in holiday calendar named name, as
// the built-in regions use them ("us.Holidays", "ca.Holidays",
// "de.Holidays", "fr.Holidays", "gb.Holidays", "jp.Holidays",
// "au.HolidaysNSW", "br.Holidays", "ecb.Holidays"), and true; false for
// any other name. A region table in JSON names its regions' calendars so.
// Each is the rickar/cal/v2 list of that Go name with this library's
// corrections (its Corrections method lists them); the package
// documentation ("Holiday calendars") says which days each holds and
// which it leaves out.
func DynamicsHolidays(name string) (*calendar.Holidays, bool) {
	h, ok := dynamicsHolidays[name]
	return h, ok
}
