// Command quickstart assesses one month of a NAM subscription and prints the credit.
package main

import (
	"fmt"
	"log"
	"time"

	"github.com/shopspring/decimal"
	"github.com/slapolicy/slapolicy/calendar"
	"github.com/slapolicy/slapolicy/maintenance"
	"github.com/slapolicy/slapolicy/sla"
)

func main() {
	nam, ok := maintenance.Lookup("NAM") // window 2 AM to 11 AM UTC
	if !ok {
		log.Fatal("no region NAM")
	}
	at := func(d, h, m int) time.Time { return time.Date(2024, time.April, d, h, m, 0, 0, time.UTC) }
	a, err := sla.DynamicsCRMOnline().Assess(sla.Period{
		Month:  calendar.NewMonth(2024, time.April, nil),
		Window: nam.Window,
		Outages: []sla.Outage{
			{Span: calendar.Span{Start: at(3, 10, 0), End: at(3, 11, 50)}},  // 60m in the window, 50m counts
			{Span: calendar.Span{Start: at(21, 14, 0), End: at(21, 14, 6)}}, // 6m: intermittent
		},
	})
	if err != nil {
		log.Fatal(err)
	}
	credit, err := a.Payout(decimal.RequireFromString("1250.00"))
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println("downtime", a.Downtime, "uptime", a.Uptime.Truncate(4).StringFixed(4), "% credit", a.Credit, "%")
	fmt.Println("credit", credit.Amount.StringFixed(2))
}
