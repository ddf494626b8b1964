package measure_test

import (
	"fmt"
	"time"

	"github.com/shopspring/decimal"

	"github.com/slapolicy/slapolicy/calendar"
	"github.com/slapolicy/slapolicy/sla"
	"github.com/slapolicy/slapolicy/sla/measure"
)

// The availability monitor of the SLA's section E, definition 8, logs in
// every minute. In April 2024 (43,200 minutes) its log-ins failed from 10:00 to 10:44 on the
// 15th (45 failed probes, success again at 10:45) and it sent nothing
// between 02:00 and 02:30 on the 20th. With MaxGap 5m the hole is unknown
// time: neither up nor down. Assessed as the provider's monitor reports it
// (unknown not counted), 45 minutes is 99.8958 %: the 25 % tier. A billing
// team that counts unknown time against the provider uses UnknownAs("").
func ExampleProbes() {
	april := calendar.NewMonth(2024, time.April, time.UTC)
	var probes []measure.Probe
	for t := april.Start(); !t.After(april.End()); t = t.Add(time.Minute) {
		down := t.Day() == 15 && t.Hour() == 10 && t.Minute() < 45
		hole := t.Day() == 20 && t.Hour() == 2 && t.Minute() > 0 && t.Minute() < 30
		if !hole {
			probes = append(probes, measure.Probe{At: t, OK: !down})
		}
	}

	m, err := measure.Probes(probes, april.Span(), measure.ProbeOptions{MaxGap: 5 * time.Minute})
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, o := range m.Outages {
		fmt.Println("down:", o.Span.Start.Format("Jan 2 15:04"), "to", o.Span.End.Format("15:04"))
	}
	for s := range m.Unknown.All() {
		fmt.Println("unknown:", s.Start.Format("Jan 2 15:04"), "to", s.End.Format("15:04"))
	}
	fmt.Printf("down %s, up %s, unknown %s\n", m.Down, m.Up, m.UnknownTime)

	policy := sla.DynamicsCRMOnline()
	fee := decimal.RequireFromString("1200.00")
	for _, c := range []struct {
		name    string
		outages []sla.Outage
	}{
		{"unknown as up", m.Outages},
		{"unknown as down", m.UnknownAs("")},
	} {
		a, err := policy.Assess(sla.Period{Month: april, Outages: c.outages})
		if err != nil {
			fmt.Println(err)
			return
		}
		payout, err := a.Payout(fee)
		if err != nil {
			fmt.Println(err)
			return
		}
		fmt.Printf("%s: downtime %s, uptime %s%%, credit %s%% = %s\n",
			c.name, a.Downtime, a.Uptime.StringFixed(4), a.Credit, payout.Amount.StringFixed(2))
	}
	// Output:
	// down: Apr 15 10:00 to 10:45
	// unknown: Apr 20 02:00 to 02:30
	// down 45m0s, up 718h45m0s, unknown 30m0s
	// unknown as up: downtime 45m0s, uptime 99.8958%, credit 25% = 300.00
	// unknown as down: downtime 1h15m0s, uptime 99.8264%, credit 25% = 300.00
}

// A monitor that reports error rates per 5-minute interval: an interval at
// or above the 5 % threshold is down; consecutive down intervals make one
// outage; an interval with no requests is unknown.
func ExampleRates() {
	at := func(hh, mm int) time.Time { return time.Date(2024, time.April, 15, hh, mm, 0, 0, time.UTC) }
	rates := []measure.IntervalRate{
		{Span: calendar.Span{Start: at(10, 0), End: at(10, 5)}, Errors: 12, Total: 4000},   // 0.3 %
		{Span: calendar.Span{Start: at(10, 5), End: at(10, 10)}, Errors: 200, Total: 4000}, // exactly 5 %: down
		{Span: calendar.Span{Start: at(10, 10), End: at(10, 15)}, Errors: 3990, Total: 4000},
		{Span: calendar.Span{Start: at(10, 15), End: at(10, 20)}, Errors: 199, Total: 4000}, // 4.975 %: up
		{Span: calendar.Span{Start: at(10, 20), End: at(10, 25)}, Errors: 0, Total: 0},      // no requests
	}
	m, err := measure.Rates(rates, calendar.Span{Start: at(10, 0), End: at(10, 30)},
		measure.RateOptions{Threshold: decimal.RequireFromString("5")})
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, o := range m.Outages {
		fmt.Println("down:", o.Span.Start.Format("15:04"), "to", o.Span.End.Format("15:04"))
	}
	fmt.Printf("down %s, up %s, unknown %s\n", m.Down, m.Up, m.UnknownTime)
	// Output:
	// down: 10:05 to 10:15
	// down 10m0s, up 10m0s, unknown 10m0s
}
