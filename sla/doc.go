// Package sla turns a service level agreement into data and arithmetic: a
// Policy (service level, credit tiers, exclusions), the monthly assessment
// of outages (Assess), the Monthly Uptime Percentage and the service
// credit.
//
// # The big picture
//
// A billing system gathers, for one subscription month, a Period: the
// calendar month, the region's published maintenance window, the
// maintenance notices the provider sent and the outages (each with a
// Cause). Policy.Assess accounts for every nanosecond of the month:
//
//	Total = Up + Downtime + Σ Excluded[reason]
//
// and returns the uptime percentage, the credit percentage, the counted
// periods and every outage part with the Reason it did or did not count, so
// a statement can show a customer why. Assessment.CreditAmount and Payout
// turn the credit percentage into money, capped and rounded as the policy
// says. To assess many months under one policy, Compile it once.
//
// # How the agreement is read
//
// The rules of the Microsoft Dynamics CRM Online Service Level Agreement
// are DynamicsCRMOnline; other SLAs are other Policy values, kept in
// configuration files in the JSON form Policy.MarshalJSON writes. The
// agreement is read as follows, and Policy.Assess gives the order in which
// the rules apply.
//
//   - Downtime (section E, definition 4, "unable to read or write any
//     Service data") is what the caller reports as outages, by hand or
//     measured with sla/measure; the policy decides which of that time
//     counts.
//   - Monthly Uptime Percentage (section A) is (total − downtime) / total ×
//     100 per calendar month, the month's real length in its location.
//     UptimePercent gives it to 20 decimal places, truncated; the tier
//     choice (CreditPercent) compares the exact fraction instead, so 43m12s
//     of downtime in a 30-day month is exactly 99.9 % and earns nothing,
//     and 1ns more earns 25 %.
//   - The agreement counts minutes; the library counts nanoseconds, exactly,
//     unless the policy sets a Resolution: with 1m each period of downtime
//     counts in whole minutes, rounded up, the added time taken from Up so
//     that the accounting identity stays exact.
//   - Service credits (section B): the chart's percentages are missing from
//     the agreement's copy, so DynamicsCRMOnline uses the published
//     Dynamics CRM Online figures: 25 % below 99.9 %, 50 % below 99 %,
//     100 % below 95 %. Section B.3 ("shall not ... exceed Customer's
//     monthly Subscription Fee") is the policy's CreditCap, 100 %.
//   - Scheduled Downtime (section E, definition 11) is time inside the
//     region's published maintenance window, and time the provider
//     announced at least 24 hours before it began, exactly 24 hours
//     counting. Time past the window or the notice is an overrun, judged by
//     the rules that follow. WindowNeedsNotice is the stricter reading, in
//     which window time is scheduled only while an announced maintenance
//     covers it. The region windows are those of "Policies and
//     Communications for Dynamics 365 for Customer Engagement",
//     "Maintenance timeline" (package maintenance).
//   - Exclusions (section D.1.b): items i to vi and viii are the Causes; an
//     outage whose cause the policy excludes never counts, even where an
//     outage that counts overlaps it. Item vii, "intermittent periods of
//     ten minutes or less", is read as inclusive to the nanosecond: a
//     period of exactly 10m is excluded, 10m + 1ns counts whole
//     (Policy.IntermittentLimit). A period is judged on the whole
//     timeline, not cut at the month's edges: 23:55 on 30 April to 00:30
//     on 1 May is one 35-minute period, 5 counted minutes in April and 30
//     in May; 23:58 to 00:05 is 7 minutes, intermittent in both. Outages
//     wholly outside the month count for nothing (Assessment.Outside says
//     how many there were).
//   - An outage cause the library does not know is refused: Assess reports
//     it as an error, so a misspelt cause can never count, or be excluded,
//     by accident.
//
// # Beyond the agreement
//
// Other SLAs need a few more rules, all data on the Policy, each written
// to JSON only when it is not at its default (so DynamicsCRMOnline's JSON
// form is unchanged):
//
//   - Period.Subscribed assesses only the subscribed part of a month in
//     which a subscription starts or ends; a month with no subscribed time
//     is an error, never 100 %. Assessment.PayoutIn prorates the month's
//     fee by elapsed time and rounds the credit once, in an ISO 4217
//     Currency.
//   - Measure "user-minutes" weighs each moment by the users it affects
//     (Outage.Users of Period.Users), reported in Assessment.Users. Which
//     moments count is decided on elapsed time, exactly as for minutes:
//     the window, the notices and the causes attribute each moment, and
//     the intermittent rule and MinimumPeriod judge each period by how
//     long it lasts, not by its user-time (a 10-minute outage of 200
//     users is intermittent, however many users it hit). Only then is
//     each moment weighed by its users, for the uptime and the credit.
//   - ResolutionRounding "down" rounds counted periods down to whole
//     multiples of Resolution ("partial minutes are not counted"); the
//     default rounds them up.
//   - MinimumPeriod counts a period only when it lasts at least that long
//     ("at least 5 consecutive minutes"): its edge is the other way round
//     from IntermittentLimit's ("10 minutes or less").
//   - CreditCap below 100 caps a month's credit below its fee;
//     MinimumPayout withholds credits whose rounded amount is below it.
//
// testdata holds such policies as JSON files.
//
// Two sub-packages stand on this one:
//
//   - sla/versions: the SLA is fixed for a subscription's initial term,
//     and at renewal the version current when the renewal term begins
//     applies (the agreement's first paragraph); a versions.History
//     answers which policy governs a month.
//   - sla/measure: downtime measured from the availability monitor's
//     log-in probes (section E, definition 8) or from error rates, with
//     gaps in the data reported as unknown time, never as up.
//
// # Numbers and safety
//
// Percentages and money are decimal.Decimal, compared with Cmp and Equal,
// divided only with QuoRem at a fixed precision; the package never reads
// or sets decimal's package-level settings (DivisionPrecision,
// MarshalJSONWithoutQuotes, formatting) and writes decimals in JSON
// itself. The package never reads the clock and never panics on input:
// bad policies and periods are reported every problem at once, as a
// calendar.ErrorList whose entries wrap ErrInvalidPolicy or
// ErrInvalidPeriod, and bad fees with ErrInvalidFee. Policy, Period and
// Assessment are plain values; they are safe for concurrent use when not
// modified, and a Compiled is safe for concurrent use always.
package sla
