package maintenance_test

import (
	"fmt"
	"strings"
	"time"

	"github.com/slapolicy/slapolicy/calendar"
	"github.com/slapolicy/slapolicy/maintenance"
)

// The built-in table is the seed's, in force from the seed document's date
// (2 August 2019). A billing team that kept an earlier edition of the page
// (APJ then had 2 PM to 8 PM) and a later one (a new region whose window is
// spelled "3 PM to 12 AM"; both hypothetical here) adds them, and each
// month is measured against the window published for it. An edition is
// the whole table: the short 2020 edition below lists two regions, so from
// then on only those two are found.
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
		apj, _ := table.Lookup("APJ", at)
		zaf, ok := table.Lookup("ZAF", at)
		fmt.Printf("%s: APJ %s; ZAF %v %s; %d regions\n",
			at.Format("2006-01-02"), apj.Window, ok, zaf.Window, len(table.Regions(at)))
	}

	// August 2019: one day of the earlier window (6 h), then 30 days of the
	// seed's (5 h a day).
	parts, _ := table.LookupDuring("APJ", calendar.NewMonth(2019, time.August, time.UTC).Span())
	var total time.Duration
	for _, p := range parts {
		fmt.Printf("%s to %s: %s\n", p.Span.Start.Format("Jan 2"), p.Span.End.Format("Jan 2"), p.Region.Window)
		total += p.Region.Window.Overlap(p.Span)
	}
	fmt.Println("APJ window time in August 2019:", total)
	// Output:
	// 2019-07-15: APJ 2 PM to 8 PM; ZAF false ; 1 regions
	// 2019-08-02: APJ 3 PM to 8 PM; ZAF false ; 12 regions
	// 2020-05-01: APJ 3 PM to 8 PM; ZAF true 3 PM to 12 AM; 2 regions
	// Aug 1 to Aug 2: 2 PM to 8 PM
	// Aug 2 to Sep 1: 3 PM to 8 PM
	// APJ window time in August 2019: 156h0m0s
}
