package main

import (
	"time"

	"github.com/slapolicy/slapolicy/calendar"
	"github.com/slapolicy/slapolicy/maintenance"
	"github.com/slapolicy/slapolicy/sla"
)

// The built-in sample: a NAM subscription (maintenance window 2 AM to 11 AM
// UTC every day) in March 2024, UTC: 31 days × 1,440 = 44,640 minutes, at
// 1250.00 USD a month, with a claim submitted on 2 April at 09:00.
//
// How each outage is read under the Dynamics CRM Online policy:
//
//	Mar  5 03:00–05:00  inside the window                 120 window
//	Mar  7 10:00–11:50  runs past the window's 11:00 end   60 window + 50 counted
//	Mar 12 14:00–16:30  announced 50 h ahead for 14–16    120 notice + 30 counted
//	Mar 20 12:00–13:00  announced only 16 h ahead          60 counted
//	Mar 22 15:00–15:10  exactly ten minutes                10 intermittent
//	Mar 25 18:00–19:30  caused by the customer             90 customer-actions
//	Mar 31 22:00–Apr 1 01:30  crosses into April          120 counted in March
//
// Counted: 50 + 30 + 60 + 120 = 260 minutes. Uptime: (44,640 − 260) /
// 44,640 = 44,380 / 44,640 = 99.41756…%, below 99.9 and not below 99: the
// 25 % tier, 312.50 USD.
const (
	sampleRegion = "NAM"
	sampleMonth  = "2024-03"
	sampleFee    = "1250.00"
)

// sampleSubmission is when the sample's claim on month m is submitted: on
// the 2nd of the next month at 09:00 (2024-04-02T09:00:00Z for March 2024
// in UTC).
func sampleSubmission(m calendar.Month) time.Time {
	next := m.Next().Start()
	return time.Date(next.Year(), next.Month(), 2, 9, 0, 0, 0, next.Location())
}

// utc is a time in the sample's month, March 2024 UTC (day 32 is 1 April).
func utc(day, hour, minute int) time.Time {
	return time.Date(2024, time.March, day, hour, minute, 0, 0, time.UTC)
}

// sampleOutages returns the sample's outages, as monitoring reported them.
func sampleOutages() []sla.Outage {
	return []sla.Outage{
		{Span: calendar.Span{Start: utc(5, 3, 0), End: utc(5, 5, 0)}},
		{Span: calendar.Span{Start: utc(7, 10, 0), End: utc(7, 11, 50)}},
		{Span: calendar.Span{Start: utc(12, 14, 0), End: utc(12, 16, 30)}},
		{Span: calendar.Span{Start: utc(20, 12, 0), End: utc(20, 13, 0)}},
		{Span: calendar.Span{Start: utc(22, 15, 0), End: utc(22, 15, 10)}},
		{Span: calendar.Span{Start: utc(25, 18, 0), End: utc(25, 19, 30)}, Cause: sla.CauseCustomerActions},
		{Span: calendar.Span{Start: utc(31, 22, 0), End: utc(32, 1, 30)}},
	}
}

// sampleNotices returns the maintenance the provider announced (the plans
// of the communications record, audit.go): an update inside the window
// (Mar 5 16:00 for Mar 7 10:00–11:00: window time either way), one in good
// time (Mar 10 12:00 for Mar 12 14:00, 50 hours ahead) and one late (Mar 19
// 20:00 for Mar 20 12:00, 16 hours ahead, less than the 24 hours the SLA
// asks, so its time counts).
func sampleNotices() []maintenance.Notice {
	return []maintenance.Notice{
		{Span: calendar.Span{Start: utc(7, 10, 0), End: utc(7, 11, 0)}, Announced: utc(5, 16, 0)},
		{Span: calendar.Span{Start: utc(12, 14, 0), End: utc(12, 16, 0)}, Announced: utc(10, 12, 0)},
		{Span: calendar.Span{Start: utc(20, 12, 0), End: utc(20, 13, 0)}, Announced: utc(19, 20, 0)},
	}
}
