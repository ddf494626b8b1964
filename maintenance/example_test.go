package maintenance_test

import (
	"fmt"
	"strings"
	"time"

	"github.com/slapolicy/slapolicy/calendar"
	"github.com/slapolicy/slapolicy/maintenance"
)

// The built-in region table, as the provider publishes it (UTC).
func ExampleRegions() {
	for _, r := range maintenance.Regions() {
		fmt.Printf("%s %-24s %-16s %v\n", r.Code, r.Host, r.Window, r.Window.Duration())
	}
	// Output:
	// NAM crm.dynamics.com         2 AM to 11 AM    9h0m0s
	// DEU crm.microsoftdynamics.de 5 PM to 2 AM     9h0m0s
	// SAM crm2.dynamics.com        12 AM to 10 AM   10h0m0s
	// CAN crm3.dynamics.com        1 AM to 10 AM    9h0m0s
	// EUR crm4.dynamics.com        6 PM to 3 AM     9h0m0s
	// FRA crm4.dynamics.com        6 PM to 3 AM     9h0m0s
	// APJ crm5.dynamics.com        3 PM to 8 PM     5h0m0s
	// OCE crm6.dynamics.com        11 AM to 9 PM    10h0m0s
	// JPN crm7.dynamics.com        10 AM to 7 PM    9h0m0s
	// IND crm8.dynamics.com        7:30 PM to 1 AM  5h30m0s
	// GCC crm9.dynamics.com        2 AM to 11 AM    9h0m0s
	// GBR crm11.dynamics.com       6 PM to 3 AM     9h0m0s
}

// Find a customer's region by its code or by the host of its environment.
func ExampleLookup() {
	r, ok := maintenance.Lookup("ind")
	fmt.Println(r.Code, r.Window, ok)
	_, ok = maintenance.Lookup("XYZ")
	fmt.Println(ok)
	for _, r := range maintenance.LookupHost("contoso.crm4.dynamics.com") {
		fmt.Println(r.Code, r.Window, r.Zone, r.Holidays.Name())
	}
	// Output:
	// IND 7:30 PM to 1 AM true
	// false
	// EUR 6 PM to 3 AM Europe/Amsterdam ecb.Holidays
	// FRA 6 PM to 3 AM Europe/Paris fr.Holidays
}

// Windows are read as published, or in 24-hour form.
func ExampleParseWindow() {
	for _, s := range []string{"7:30PM to 1AM", "19:30-01:00", "3 PM to 12 AM", "2 AM to 2 AM", "13 PM to 2 AM"} {
		w, err := maintenance.ParseWindow(s)
		if err != nil {
			fmt.Println(err)
			continue
		}
		fmt.Printf("%q: %s, %v, crosses midnight: %v\n", s, w, w.Duration(), w.CrossesMidnight())
	}
	// Output:
	// "7:30PM to 1AM": 7:30 PM to 1 AM, 5h30m0s, crosses midnight: true
	// "19:30-01:00": 7:30 PM to 1 AM, 5h30m0s, crosses midnight: true
	// "3 PM to 12 AM": 3 PM to 12 AM, 9h0m0s, crosses midnight: false
	// maintenance: invalid window "2 AM to 2 AM": end equals start (a window is never 24 hours)
	// maintenance: invalid window "13 PM to 2 AM": start hour 13 over 12 with AM/PM
}

// How much of a month, or of an outage, falls inside a region's window.
func ExampleWindow_Overlap() {
	ind, ok := maintenance.Lookup("IND")
	if !ok {
		fmt.Println("no region IND")
		return
	}
	april := calendar.NewMonth(2024, time.April, nil).Span()
	fmt.Println("IND window time in April 2024:", ind.Window.Overlap(april))

	// An outage from 18:00 to 21:00 UTC: the last 1h30m is in the window.
	outage, err := calendar.NewSpan(
		time.Date(2024, 4, 10, 18, 0, 0, 0, time.UTC),
		time.Date(2024, 4, 10, 21, 0, 0, 0, time.UTC))
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println("outage inside the window:", ind.Window.Overlap(outage))
	// Output:
	// IND window time in April 2024: 165h0m0s
	// outage inside the window: 1h30m0s
}

// Occurrences are whole (not clipped) and include the one that started the
// day before.
func ExampleWindow_Occurrences() {
	deu, ok := maintenance.Lookup("DEU")
	if !ok {
		fmt.Println("no region DEU")
		return
	}
	day, errDay := calendar.NewSpan(
		time.Date(2024, 4, 1, 0, 0, 0, 0, time.UTC),
		time.Date(2024, 4, 2, 0, 0, 0, 0, time.UTC))
	if errDay != nil {
		fmt.Println(errDay)
		return
	}
	for occ := range deu.Window.Occurrences(day) {
		fmt.Println(occ)
	}
	// Output:
	// [2024-03-31T17:00:00Z, 2024-04-01T02:00:00Z)
	// [2024-04-01T17:00:00Z, 2024-04-02T02:00:00Z)
}

// Split outages into window time and the rest, as an SLA assessment does.
func ExampleWindow_Subtract() {
	nam, ok := maintenance.Lookup("NAM")
	if !ok {
		fmt.Println("no region NAM")
		return
	}
	outages, err := calendar.NewSpanSet(
		calendar.Span{
			Start: time.Date(2024, 4, 3, 10, 0, 0, 0, time.UTC),
			End:   time.Date(2024, 4, 3, 12, 30, 0, 0, time.UTC)},
	)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println("in window:", nam.Window.Intersect(outages))
	fmt.Println("counted:  ", nam.Window.Subtract(outages))
	// Output:
	// in window: {[2024-04-03T10:00:00Z, 2024-04-03T11:00:00Z)}
	// counted:   {[2024-04-03T11:00:00Z, 2024-04-03T12:30:00Z)}
}

// A notice counts when published at least 24 hours before the work began.
func ExampleNotice() {
	work, errWork := calendar.NewSpan(
		time.Date(2024, 4, 10, 2, 0, 0, 0, time.UTC),
		time.Date(2024, 4, 10, 6, 0, 0, 0, time.UTC))
	if errWork != nil {
		fmt.Println(errWork)
		return
	}
	n, err := maintenance.NewNotice(work, time.Date(2024, 4, 9, 2, 0, 0, 0, time.UTC))
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(n.Lead(), n.Meets(24*time.Hour))

	_, err = maintenance.NewNotice(work, time.Date(2024, 4, 10, 3, 0, 0, 0, time.UTC))
	fmt.Println(err)
	// Output:
	// 24h0m0s true
	// maintenance: invalid notice: announced 2024-04-10T03:00:00Z is after span start 2024-04-10T02:00:00Z: maintenance: announced after the maintenance began
}

// The built-in table is the one "Policies and Communications for Dynamics
// 365 for Customer Engagement" publishes, in force from its date (2 August
// 2019). A billing team that kept an earlier edition of the page (APJ then
// had 2 PM to 8 PM) and a later one (a new region whose window is spelled
// "3 PM to 12 AM"; both hypothetical here) adds them, and each month is
// measured against the window published for it. An edition is the whole
// table: the short 2020 edition below lists two regions, so from then on
// only those two are found.
func ExampleTable_Lookup() {
	revisions, err := maintenance.ParseTable(strings.NewReader(`{"editions": [
	  {"effective": "2018-06-01T00:00:00Z", "regions": [
	    {"code": "APJ", "host": "crm5.dynamics.com", "window": "2 PM to 8 PM"}]},
	  {"effective": "2020-05-01T00:00:00Z", "regions": [
	    {"code": "APJ", "host": "crm5.dynamics.com", "window": "3 PM to 8 PM"},
	    {"code": "ZAF", "host": "crm14.dynamics.com", "window": "3 PM to 12 AM"}]}]}`))
	if err != nil {
		fmt.Println(err)
		return
	}
	table, err := maintenance.Dynamics().With(revisions.Editions()...)
	if err != nil {
		fmt.Println(err)
		return
	}

	for _, at := range []time.Time{
		time.Date(2019, time.July, 15, 0, 0, 0, 0, time.UTC),
		time.Date(2019, time.August, 2, 0, 0, 0, 0, time.UTC),
		time.Date(2020, time.May, 1, 0, 0, 0, 0, time.UTC),
	} {
		apj, apjOK := table.Lookup("APJ", at)
		zaf, ok := table.Lookup("ZAF", at)
		fmt.Printf("%s: APJ %v %s; ZAF %v %s; %d regions\n",
			at.Format("2006-01-02"), apjOK, apj.Window, ok, zaf.Window, len(table.Regions(at)))
	}

	// August 2019: one day of the earlier window (6 h), then 30 days of the
	// published one (5 h a day).
	parts, errParts := table.LookupDuring("APJ", calendar.NewMonth(2019, time.August, time.UTC).Span())
	if errParts != nil {
		fmt.Println(errParts)
		return
	}
	var total time.Duration
	for _, p := range parts {
		fmt.Printf("%s to %s: %s\n", p.Span.Start.Format("Jan 2"), p.Span.End.Format("Jan 2"), p.Region.Window)
		total += p.Region.Window.Overlap(p.Span)
	}
	fmt.Println("APJ window time in August 2019:", total)
	// Output:
	// 2019-07-15: APJ true 2 PM to 8 PM; ZAF false ; 1 regions
	// 2019-08-02: APJ true 3 PM to 8 PM; ZAF false ; 12 regions
	// 2020-05-01: APJ true 3 PM to 8 PM; ZAF true 3 PM to 12 AM; 2 regions
	// Aug 1 to Aug 2: 2 PM to 8 PM
	// Aug 2 to Sep 1: 3 PM to 8 PM
	// APJ window time in August 2019: 156h0m0s
}

// Scheduled Downtime as the Microsoft Dynamics CRM Online Service Level
// Agreement defines it (section E, definition 11): EUR's published window
// (6 PM to 3 AM UTC), and work announced at least 24 hours ahead. An
// outage from 16:00 to 21:00 has two hours before the window, of which
// the announced hour from 17:00 is scheduled too; the stricter reading
// counts window time only where a notice covers it.
func ExampleScheduledDowntime_Split() {
	eur, ok := maintenance.Lookup("EUR")
	if !ok {
		fmt.Println("no region EUR")
		return
	}
	at := func(h int) time.Time { return time.Date(2024, 4, 10, h, 0, 0, 0, time.UTC) }
	outages, err := calendar.NewSpanSet(calendar.Span{Start: at(16), End: at(21)})
	if err != nil {
		fmt.Println(err)
		return
	}
	notice, err := maintenance.NewNotice(calendar.Span{Start: at(17), End: at(19)}, at(17).Add(-24*time.Hour))
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, rule := range []maintenance.ScheduledDowntime{
		{NoticeLead: 24 * time.Hour},
		{NoticeLead: 24 * time.Hour, WindowNeedsNotice: true},
	} {
		window, announced, rest := rule.Split(eur.Window, []maintenance.Notice{notice}, outages)
		fmt.Println("window needs notice:", rule.WindowNeedsNotice)
		fmt.Println("  window:", window.Duration(), "notice:", announced.Duration(), "downtime:", rest.Duration())
	}
	// Output:
	// window needs notice: false
	//   window: 3h0m0s notice: 1h0m0s downtime: 1h0m0s
	// window needs notice: true
	//   window: 1h0m0s notice: 1h0m0s downtime: 3h0m0s
}

// A customer's own days off, as a JSON file: a company shutdown in NAM on
// Tuesday 24 December 2024. Its business days skip it as they skip
// Christmas.
func ExampleParseClosures() {
	doc := `{"closures": [{"region": "NAM", "date": "2024-12-24", "name": "company shutdown"}]}`
	closures, err := maintenance.ParseClosures(strings.NewReader(doc), maintenance.Dynamics())
	if err != nil {
		fmt.Println(err)
		return
	}
	nam, ok := maintenance.Lookup("NAM")
	if !ok {
		fmt.Println("no region NAM")
		return
	}
	nam = closures.Apply(nam)
	days, err := nam.BusinessDays(nil) // America/New_York
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(nam.Holidays.Name())
	monday := time.Date(2024, time.December, 23, 12, 0, 0, 0, time.UTC)
	fmt.Println(days.Add(monday, 1).Format("Mon 2006-01-02"))
	// Output:
	// us.Holidays + 1 closure
	// Thu 2024-12-26
}

// What a built-in calendar corrects over rickar/cal, with the law.
func ExampleDynamicsHolidays() {
	gb, ok := maintenance.DynamicsHolidays("gb.Holidays")
	if !ok {
		fmt.Println("no calendar gb.Holidays")
		return
	}
	for _, c := range gb.Corrections() {
		fmt.Println(c)
		law, _, _ := strings.Cut(c.Law, ":")
		fmt.Println(law)
	}
	ca, ok := maintenance.DynamicsHolidays("ca.Holidays")
	if !ok {
		fmt.Println("no calendar ca.Holidays")
		return
	}
	for _, c := range ca.Corrections() {
		fmt.Println(c)
	}
	// Output:
	// 2022-09-19 added (Bank holiday for the State Funeral of Queen Elizabeth II)
	// Banking and Financial Dealings Act 1971, s.1(3)
	// Easter Monday removed in every year
	// Civic/Provincial Day removed in every year (Civic Holiday (first Monday of August))
}

// A region's business days are counted in its own zone: JPN's is
// Asia/Tokyo.
func ExampleRegion_Location() {
	jpn, ok := maintenance.Lookup("JPN")
	if !ok {
		fmt.Println("no region JPN")
		return
	}
	loc, err := jpn.Location()
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(jpn.Code, loc)
	// Output:
	// JPN Asia/Tokyo
}
