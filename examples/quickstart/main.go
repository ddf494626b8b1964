// Command quickstart assesses a partial month of a DEU subscription billed
// in euros and prints the credit.
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
	deu, ok := maintenance.Lookup("DEU") // window 5 PM to 2 AM UTC
	if !ok {
		log.Fatal("no region DEU")
	}
	april := calendar.NewMonth(2024, time.April, nil)
	at := func(d, h, m int) time.Time { return time.Date(2024, time.April, d, h, m, 0, 0, time.UTC) }
	a, err := sla.DynamicsCRMOnline().Assess(sla.Period{
		Month:      april,
		Subscribed: calendar.Span{Start: at(16, 0, 0), End: april.End()}, // from 16 April
		Window:     deu.Window,
		Outages:    []sla.Outage{{Span: calendar.Span{Start: at(18, 16, 30), End: at(18, 18, 0)}}}, // 30m before the window, 60m in it
	})
	if err != nil {
		log.Fatal(err)
	}
	eur, err := sla.ParseCurrency("EUR")
	if err != nil {
		log.Fatal(err)
	}
	pay, err := a.PayoutIn(decimal.RequireFromString("3000.00"), eur) // the month's fee
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println("assessed", a.Total, "downtime", a.Downtime, "uptime", a.Uptime.Truncate(4).StringFixed(4), "% credit", a.Credit, "%")
	fmt.Println("fee", eur.Format(pay.ProratedFee), "credit", eur.Format(pay.Amount))
}
