package versions_test

import (
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/slapolicy/slapolicy/calendar"
	"github.com/slapolicy/slapolicy/sla"
	"github.com/slapolicy/slapolicy/sla/versions"
)

// A billing team keeps every published SLA version in one file. The
// "2020-10" version here is hypothetical (a 99.95 % level with a 10 %
// tier); "2019-07" is the Dynamics CRM Online SLA.
const versionsFile = `{"versions":[
  {"name": "2019-07", "effective": "2019-07-01T00:00:00Z", "policy": {
    "level": "99.9",
    "tiers": [{"below": "99.9", "credit": "25"}, {"below": "99", "credit": "50"}, {"below": "95", "credit": "100"}],
    "noticeLead": "24h0m0s", "intermittentLimit": "10m0s",
    "excludedCauses": ["outside-control", "add-on", "customer-systems", "customer-actions", "ignored-advice", "preview"],
    "resolution": "0s", "windowNeedsNotice": false, "creditCap": "100", "currencyPlaces": 2}},
  {"name": "2020-10", "effective": "2020-10-01T00:00:00Z", "policy": {
    "level": "99.95",
    "tiers": [{"below": "99.95", "credit": "10"}, {"below": "99.9", "credit": "25"}, {"below": "99", "credit": "50"}, {"below": "95", "credit": "100"}],
    "noticeLead": "24h0m0s", "intermittentLimit": "10m0s",
    "excludedCauses": ["outside-control", "add-on", "customer-systems", "customer-actions", "ignored-advice", "preview"],
    "resolution": "0s", "windowNeedsNotice": false, "creditCap": "100", "currencyPlaces": 2}}
]}`

// The Microsoft Dynamics CRM Online SLA is fixed for the initial term;
// a renewal term takes the version current when it begins. A subscription
// from 15 March 2020 with yearly terms stays on 2019-07 until it renews on
// 15 March 2021, although 2020-10 was published in between. March 2021
// straddles the renewal: Governing splits it at the renewal, each part with
// the version that governs it, so a billing team can assess the parts on
// their own (sla.Period.Subscribed).
func ExampleHistory_Governing() {
	history, err := versions.Parse(strings.NewReader(versionsFile))
	if err != nil {
		fmt.Println(err)
		return
	}
	sub, err := versions.NewSubscription(time.Date(2020, time.March, 15, 0, 0, 0, 0, time.UTC), 12, 2)
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, m := range []string{"2020-03", "2020-11", "2021-03", "2021-04"} {
		month, err := calendar.ParseMonth(m, time.UTC)
		if err != nil {
			fmt.Println(err)
			return
		}
		parts, err := history.Governing(sub, month)
		if err != nil {
			fmt.Println(err)
			return
		}
		for _, p := range parts {
			fmt.Printf("%s: %s to %s: terms[%d], version %s, level %s%%\n", month,
				p.Span.Start.Format("Jan 2"), p.Span.End.Format("Jan 2"), p.Term, p.Version.Name, p.Version.Policy.Level)
		}
	}

	_, err = history.Governing(sub, calendar.NewMonth(2023, time.April, time.UTC))
	fmt.Println(errors.Is(err, sla.ErrNotSubscribed), err)
	// Output:
	// 2020-03: Mar 15 to Apr 1: terms[0], version 2019-07, level 99.9%
	// 2020-11: Nov 1 to Dec 1: terms[0], version 2019-07, level 99.9%
	// 2021-03: Mar 1 to Mar 15: terms[0], version 2019-07, level 99.9%
	// 2021-03: Mar 15 to Apr 1: terms[1], version 2020-10, level 99.95%
	// 2021-04: Apr 1 to May 1: terms[1], version 2020-10, level 99.95%
	// true sla: not subscribed: month 2023-04 ([2023-04-01T00:00:00Z, 2023-05-01T00:00:00Z)) overlaps no term of the subscription
}
