package sla_test

import (
	"fmt"
	"strings"
	"time"

	"github.com/shopspring/decimal"

	"github.com/slapolicy/slapolicy/calendar"
	"github.com/slapolicy/slapolicy/maintenance"
	"github.com/slapolicy/slapolicy/sla"
)

// A month's statement for a customer in region NAM, whose window is 2 AM
// to 11 AM UTC ("Maintenance timeline" of "Policies and Communications for
// Dynamics 365 for Customer Engagement"): an outage that ran past the
// window, announced maintenance, an add-on failure and a short blip.
func ExamplePolicy_Assess() {
	nam, ok := maintenance.Lookup("NAM")
	if !ok {
		fmt.Println("no region NAM")
		return
	}
	t := func(day, hh, mm int) time.Time { return time.Date(2024, time.April, day, hh, mm, 0, 0, time.UTC) }
	period := sla.Period{
		Month:  calendar.NewMonth(2024, time.April, nil),
		Window: nam.Window,
		Notices: []maintenance.Notice{
			{Span: calendar.Span{Start: t(9, 20, 0), End: t(9, 22, 0)}, Announced: t(5, 16, 0)},
		},
		Outages: []sla.Outage{
			{Span: calendar.Span{Start: t(3, 10, 0), End: t(3, 11, 50)}},
			{Span: calendar.Span{Start: t(9, 20, 0), End: t(9, 21, 30)}},
			{Span: calendar.Span{Start: t(17, 12, 0), End: t(17, 13, 0)}, Cause: sla.CauseAddOn},
			{Span: calendar.Span{Start: t(21, 14, 0), End: t(21, 14, 6)}},
			{Span: calendar.Span{Start: t(28, 13, 0), End: t(28, 13, 45)}},
		},
	}
	policy := sla.DynamicsCRMOnline()
	a, err := policy.Assess(period)
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, p := range a.Parts() {
		reason := string(p.Reason)
		if p.Reason == sla.ReasonCounted {
			reason = "DOWNTIME"
		}
		fmt.Printf("%s  %-8v %s\n", p.Span.Start.Format("Jan 02 15:04"), p.Span.Duration(), reason)
	}
	fmt.Println("month minutes:", a.Total.Minutes())
	fmt.Println("downtime:", a.Downtime)
	for _, r := range policy.Reasons() {
		if d, ok := a.Excluded[r]; ok {
			fmt.Printf("excluded (%s): %v\n", r, d)
		}
	}
	fmt.Println("uptime %:", a.Uptime.StringFixed(4))
	fmt.Println("credit %:", a.Credit)
	payout, err := a.Payout(decimal.RequireFromString("1250.00"))
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println("credit on 1,250.00:", payout.Amount.StringFixed(2))
	// Output:
	// Apr 03 10:00  1h0m0s   window
	// Apr 03 11:00  50m0s    DOWNTIME
	// Apr 09 20:00  1h30m0s  notice
	// Apr 17 12:00  1h0m0s   add-on
	// Apr 21 14:00  6m0s     intermittent
	// Apr 28 13:00  45m0s    DOWNTIME
	// month minutes: 43200
	// downtime: 1h35m0s
	// excluded (window): 1h0m0s
	// excluded (notice): 1h30m0s
	// excluded (add-on): 1h0m0s
	// excluded (intermittent): 6m0s
	// uptime %: 99.7801
	// credit %: 25
	// credit on 1,250.00: 312.50
}

// Periods lists only the downtime that counted, exact and before any
// Resolution; Parts lists every piece of the outage with its reason. Here
// a 3-hour outage from 10:00 UTC in region NAM, whose window runs from
// 2 AM to 11 AM UTC: its first hour is window time, the next two count.
func ExampleAssessment_Periods() {
	nam, ok := maintenance.Lookup("NAM")
	if !ok {
		fmt.Println("no region NAM")
		return
	}
	start := time.Date(2024, time.April, 3, 10, 0, 0, 0, time.UTC)
	a, err := sla.DynamicsCRMOnline().Assess(sla.Period{
		Month:   calendar.NewMonth(2024, time.April, nil),
		Window:  nam.Window,
		Outages: []sla.Outage{{Span: calendar.Span{Start: start, End: start.Add(3 * time.Hour)}}},
	})
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, s := range a.Periods() {
		fmt.Println("counted:", s.Start.Format("Jan 02 15:04"), "to", s.End.Format("15:04"))
	}
	for _, p := range a.Parts() {
		fmt.Printf("part: %s to %s %q\n", p.Span.Start.Format("15:04"), p.Span.End.Format("15:04"), p.Reason)
	}
	fmt.Println("downtime:", a.Downtime)
	// Output:
	// counted: Apr 03 11:00 to 13:00
	// part: 10:00 to 11:00 "window"
	// part: 11:00 to 13:00 ""
	// downtime: 2h0m0s
}

// The Monthly Uptime Percentage of the agreement's section A, exactly:
// 43m12s is 0.1 % of April's 43,200 minutes.
func ExampleUptimePercent() {
	april := calendar.NewMonth(2024, time.April, nil) // 43,200 minutes
	fmt.Println(sla.UptimePercent(april.Duration(), 43*time.Minute+12*time.Second))
	fmt.Println(sla.UptimePercent(april.Duration(), 3*time.Hour))
	fmt.Println(sla.UptimePercent(april.Duration(), 0))
	// Output:
	// 99.9
	// 99.58333333333333333333
	// 100
}

// The tier choice is exact: 43m12s in a 30-day month is exactly 99.9 %,
// which meets the level; one nanosecond more does not.
func ExamplePolicy_CreditPercent() {
	p := sla.DynamicsCRMOnline()
	april := calendar.NewMonth(2024, time.April, nil).Duration()
	edge := 43*time.Minute + 12*time.Second
	fmt.Println(p.CreditPercent(april, edge))
	fmt.Println(p.CreditPercent(april, edge+1))
	fmt.Println(p.CreditPercent(april, 8*time.Hour))
	fmt.Println(p.CreditPercent(april, 2*24*time.Hour))
	// Output:
	// 0
	// 25
	// 50
	// 100
}

// Another provider's SLA, kept in a configuration file: 99.95 %, credits of
// 10, 25 and 100 %, causes excluded only for previews and outside
// factors, downtime counted in whole minutes.
func ExampleParsePolicy() {
	const config = `{
	  "level": "99.95",
	  "tiers": [
	    {"below": "99.95", "credit": "10"},
	    {"below": "99", "credit": "25"},
	    {"below": "95", "credit": "100"}
	  ],
	  "noticeLead": "72h",
	  "intermittentLimit": "0s",
	  "excludedCauses": ["preview", "outside-control"],
	  "resolution": "1m",
	  "windowNeedsNotice": true,
	  "creditCap": "100",
	  "currencyPlaces": 2
	}`
	p, err := sla.ParsePolicy(strings.NewReader(config))
	if err != nil {
		fmt.Println(err)
		return
	}
	april := calendar.NewMonth(2024, time.April, nil).Duration()
	fmt.Println(p.Level, p.NoticeLead, p.CreditPercent(april, 30*time.Minute))

	_, err = sla.ParsePolicy(strings.NewReader(strings.Replace(config, `"preview"`, `"previews"`, 1)))
	fmt.Println(err)
	// Output:
	// 99.95 72h0m0s 10
	// sla: invalid policy: excludedCauses[0] "previews" is not a known cause (known: outside-control, add-on, customer-systems, customer-actions, ignored-advice, preview)
}

// A credit that the policy's cap lowers: a provider that never credits
// more than half the month's fee.
func ExampleAssessment_Payout() {
	p := sla.DynamicsCRMOnline()
	p.CreditCap = decimal.NewFromInt(50)
	month := calendar.NewMonth(2024, time.February, nil)
	start := time.Date(2024, time.February, 12, 6, 0, 0, 0, time.UTC)
	a, err := p.Assess(sla.Period{Month: month, Outages: []sla.Outage{
		{Span: calendar.Span{Start: start, End: start.Add(40 * time.Hour)}}, // 40h of 696h: 94.25 %
	}})
	if err != nil {
		fmt.Println(err)
		return
	}
	pay, err := a.Payout(decimal.RequireFromString("1999.99"))
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println("uptime:", a.Uptime.StringFixed(2), "credit:", pay.Percent, "%")
	fmt.Println("unrounded:", pay.Unrounded, "amount:", pay.Amount.StringFixed(2), "capped:", pay.Capped)

	_, err = a.Payout(decimal.RequireFromString("-5"))
	fmt.Println(err)
	// Output:
	// uptime: 94.25 credit: 100 %
	// unrounded: 999.995 amount: 1000.00 capped: true
	// sla: invalid fee: fee "-5" is negative
}

// A subscription from 11 March 2024 in India, at 36,000.00 INR a month:
// 21 of March's 31 days are assessed, and a 45-minute outage puts them
// below 99.9 % (25 % credit). PayoutIn prorates the month's fee by the
// exact share of elapsed time and rounds once, at the end: 36,000 × 21/31
// × 25 % = 6,096.774… INR, so 6,096.77 INR. Rounding the prorated fee
// first (24,387.10 INR) would give 6,096.78.
func ExampleAssessment_PayoutIn() {
	march := calendar.NewMonth(2024, time.March, nil)
	from := time.Date(2024, time.March, 11, 0, 0, 0, 0, time.UTC)
	down := time.Date(2024, time.March, 20, 4, 0, 0, 0, time.UTC)
	a, err := sla.DynamicsCRMOnline().Assess(sla.Period{
		Month:      march,
		Subscribed: calendar.Span{Start: from, End: march.End()},
		Outages:    []sla.Outage{{Span: calendar.Span{Start: down, End: down.Add(45 * time.Minute)}}},
	})
	if err != nil {
		fmt.Println(err)
		return
	}
	inr, err := sla.ParseCurrency("INR")
	if err != nil {
		fmt.Println(err)
		return
	}
	pay, err := a.PayoutIn(decimal.RequireFromString("36000.00"), inr)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println("uptime:", a.Uptime.StringFixed(4), "credit:", pay.Percent, "%")
	fmt.Println("prorated fee:", inr.Format(pay.ProratedFee), "exact:", pay.Exact)
	fmt.Println("credit:", inr.Format(pay.Amount))
	// Output:
	// uptime: 99.8512 credit: 25 %
	// prorated fee: 24,387.10 INR exact: false
	// credit: 6,096.77 INR
}

// ParseCurrency reads an ISO 4217 code; Format rounds an amount once to
// the currency's minor unit and writes it with thousands separated.
func ExampleCurrency_Format() {
	amount := decimal.RequireFromString("149999.5")
	for _, code := range []string{"eur", "JPY", "KWD", "XAU", "ZZZ"} {
		c, err := sla.ParseCurrency(code)
		if err != nil {
			fmt.Println(err)
			continue
		}
		fmt.Println(c.Format(amount))
	}
	// Output:
	// 149,999.50 EUR
	// 150,000 JPY
	// 149,999.500 KWD
	// sla: unknown currency: "XAU" has no minor unit in ISO 4217 (a fund or precious metal)
	// sla: unknown currency: "ZZZ" is not an active ISO 4217 currency code
}

// A customer who subscribed at noon on 16 April: only the 20,880
// subscribed minutes of April are measured, so 25 minutes of downtime is
// below 99.9 % although it would meet the level over the whole month.
func ExamplePolicy_Assess_partialMonth() {
	start := time.Date(2024, time.April, 16, 12, 0, 0, 0, time.UTC)
	down := time.Date(2024, time.April, 22, 9, 0, 0, 0, time.UTC)
	per := sla.Period{
		Month:      calendar.NewMonth(2024, time.April, nil),
		Subscribed: calendar.Span{Start: start, End: start.AddDate(1, 0, 0)},
		Outages:    []sla.Outage{{Span: calendar.Span{Start: down, End: down.Add(25 * time.Minute)}}},
	}
	a, err := sla.DynamicsCRMOnline().Assess(per)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println("assessed:", a.Assessed)
	fmt.Println("minutes:", a.Total.Minutes(), "uptime:", a.Uptime.StringFixed(3), "credit:", a.Credit)
	// Output:
	// assessed: [2024-04-16T12:00:00Z, 2024-05-01T00:00:00Z)
	// minutes: 20880 uptime: 99.880 credit: 25
}

// Measured in user-minutes, an outage that reaches 40 of a tenant's 1,000
// users for three hours costs 7,200 user-minutes of the month's 43,200,000:
// 99.98 %, no credit, although three hours of the month is 99.58 %.
func ExamplePolicy_Assess_userMinutes() {
	p := sla.DynamicsCRMOnline()
	p.Measure = sla.MeasureUserMinutes
	down := time.Date(2024, time.April, 9, 13, 0, 0, 0, time.UTC)
	a, err := p.Assess(sla.Period{
		Month:   calendar.NewMonth(2024, time.April, nil),
		Users:   1000,
		Outages: []sla.Outage{{Span: calendar.Span{Start: down, End: down.Add(3 * time.Hour)}, Users: 40}},
	})
	if err != nil {
		fmt.Println(err)
		return
	}
	perMinute := decimal.NewFromInt(60)
	fmt.Println("user-minutes:", a.Users.Total.DivRound(perMinute, 2), "down:", a.Users.Downtime.DivRound(perMinute, 2))
	fmt.Println("uptime:", a.Uptime.StringFixed(4), "credit:", a.Credit)
	// Output:
	// user-minutes: 43200000 down: 7200
	// uptime: 99.9833 credit: 0
}

// Another provider's shape from a configuration file: a Downtime Period
// is at least five consecutive minutes (so exactly 5m counts, unlike the
// Dynamics CRM Online agreement's "ten minutes or less", which excludes
// exactly 10m), and credits under 25.00 are not issued.
func ExamplePolicy_Assess_otherProvider() {
	const config = `{
	  "level": "99.95",
	  "tiers": [{"below": "99.95", "credit": "10"}, {"below": "99", "credit": "25"}],
	  "noticeLead": "120h", "intermittentLimit": "0s", "minimumPeriod": "5m",
	  "excludedCauses": ["outside-control"], "resolution": "1m",
	  "windowNeedsNotice": false, "creditCap": "50", "currencyPlaces": 2,
	  "minimumPayout": "25.00"
	}`
	p, err := sla.ParsePolicy(strings.NewReader(config))
	if err != nil {
		fmt.Println(err)
		return
	}
	t := func(day, hh, mm, ss int) time.Time { return time.Date(2024, time.April, day, hh, mm, ss, 0, time.UTC) }
	a, err := p.Assess(sla.Period{
		Month: calendar.NewMonth(2024, time.April, nil),
		Outages: []sla.Outage{
			{Span: calendar.Span{Start: t(3, 9, 0, 0), End: t(3, 9, 4, 59)}},  // 4m59s: not a Downtime Period
			{Span: calendar.Span{Start: t(8, 9, 0, 0), End: t(8, 9, 5, 0)}},   // 5m: counts
			{Span: calendar.Span{Start: t(9, 9, 0, 0), End: t(9, 9, 17, 20)}}, // 17m20s: counts, rounded up to 18m
		},
	})
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println("downtime:", a.Downtime, "excluded:", a.Excluded[sla.ReasonIntermittent], "credit:", a.Credit, "%")
	for _, fee := range []string{"200.00", "300.00"} {
		pay, errPay := a.Payout(decimal.RequireFromString(fee))
		if errPay != nil {
			fmt.Println(errPay)
			return
		}
		fmt.Println("fee", fee, "credit", pay.Amount.StringFixed(2), "below minimum:", pay.BelowMinimum)
	}
	// Output:
	// downtime: 23m0s excluded: 4m59s credit: 10 %
	// fee 200.00 credit 0.00 below minimum: true
	// fee 300.00 credit 30.00 below minimum: false
}

// A policy compiled once assesses many months. The same 43 minutes of
// downtime meet 99.9 % in January and March 2024, (44,640 − 43) / 44,640 =
// 99.9037 %, but not in February, (41,760 − 43) / 41,760 = 99.8970 %
// (section A's formula over the wall calendar's months). An invalid policy
// is refused with every problem at once.
func ExampleCompile() {
	c, err := sla.Compile(sla.DynamicsCRMOnline())
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, m := range []time.Month{time.January, time.February, time.March} {
		month := calendar.NewMonth(2024, m, nil)
		start := month.Start().Add(36 * time.Hour)
		a, err := c.Assess(sla.Period{Month: month, Outages: []sla.Outage{
			{Span: calendar.Span{Start: start, End: start.Add(43 * time.Minute)}},
		}})
		if err != nil {
			fmt.Println(err)
			return
		}
		fmt.Printf("%s: uptime %s%%, credit %s%%\n", month, a.Uptime.StringFixed(4), a.Credit)
	}

	bad := sla.DynamicsCRMOnline()
	bad.Tiers = nil
	bad.CreditCap = decimal.Decimal{}
	_, err = sla.Compile(bad)
	fmt.Println(err)
	// Output:
	// 2024-01: uptime 99.9037%, credit 0%
	// 2024-02: uptime 99.8970%, credit 25%
	// 2024-03: uptime 99.9037%, credit 0%
	// sla: invalid policy: tiers is empty (a policy needs at least one credit tier)
	// sla: invalid policy: creditCap "0" is outside (0, 100]
}

// A currency is looked up in ISO 4217's list: its minor unit decides the
// rounding, and an unknown code, or a fund with no minor unit, is an error.
func ExampleParseCurrency() {
	for _, code := range []string{"eur", "JPY", "KWD", "XAU", "EURO"} {
		c, err := sla.ParseCurrency(code)
		if err != nil {
			fmt.Println(err)
			continue
		}
		fmt.Println(c.Code(), c.Places(), c.Format(decimal.RequireFromString("1050.5")))
	}
	// Output:
	// EUR 2 1,050.50 EUR
	// JPY 0 1,051 JPY
	// KWD 3 1,050.500 KWD
	// sla: unknown currency: "XAU" has no minor unit in ISO 4217 (a fund or precious metal)
	// sla: unknown currency: "EURO" is not an active ISO 4217 currency code
}
