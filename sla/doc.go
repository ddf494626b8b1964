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
// says.
//
// # How the seed's rules are read
//
// The seed is Microsoft Dynamics CRM Online's SLA (seed 004), whose rules
// are DynamicsCRMOnline; other SLAs are other Policy values, kept in
// configuration files in the JSON form Policy.MarshalJSON writes.
//
//   - Monthly Uptime Percentage (section A) is (total − downtime) / total ×
//     100 per calendar month, the month's real length in its location.
//     UptimePercent gives it exact to 20 decimal places (truncated, never
//     rounded up); tier choice never uses it: CreditPercent compares
//     (total − downtime) × 100 with Below × total exactly, so 43m12s in a
//     30-day month is exactly 99.9 % and earns nothing, and 1ns more earns
//     25 %.
//   - Service credits (section B): the chart's percentages were lost from
//     the seed's copy; DynamicsCRMOnline uses the published figures, 25 %
//     below 99.9 %, 50 % below 99 %, 100 % below 95 %. The matching tier
//     with the smallest Below applies. B.3 ("shall not ... exceed
//     Customer's monthly Subscription Fee") is CreditCap, 100 %.
//   - Scheduled Downtime (definition 11): time inside the published window,
//     and time the provider announced at least 24 hours before it began
//     (exactly 24 hours counts). Time past the window or the notice
//     (an overrun) is left to the later rules. WindowNeedsNotice is the
//     stricter reading in which window time counts as scheduled only
//     while an announced maintenance covers it.
//   - Exclusions (section D.1.b): items i to vi and viii are Causes; an
//     outage with a cause the policy excludes never counts, even where an
//     outage that counts overlaps it (the overlap is excluded once). Item
//     vii, intermittent periods of ten minutes or less, is
//     IntermittentLimit: exactly 10m is excluded, 10m + 1ns counts whole.
//   - A moment several rules exclude is attributed once, to the first of:
//     window, notice, the causes in the policy's order. The intermittent
//     rule then runs on each contiguous period left inside the month, so an
//     outage split by a month boundary is measured in each month on its
//     own, and a counted outage cut in two by an excluded one is two
//     periods.
//   - Downtime is measured exactly; Resolution rounds each counted period
//     up to whole multiples (for example 1m, the seed's formula counting
//     minutes), taking the added time from Up so the identity stays exact.
//
// # Beyond the seed
//
// Other SLAs need a few more rules, all data on the Policy, each written
// to JSON only when it is not at its default (so the seed's JSON form is
// unchanged):
//
//   - Period.Subscribed assesses only the subscribed part of a month in
//     which a subscription starts or ends; a month with no subscribed time
//     is an error, never 100 %.
//   - Measure "user-minutes" weighs each moment by the users it affects
//     (Outage.Users of Period.Users); every rule above holds in user-time,
//     reported in Assessment.Users.
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
//     applies; a versions.History answers which policy governs a month.
//   - sla/measure: downtime measured from the availability monitor's
//     log-in probes (definition 8) or from error rates, with gaps in the
//     data reported as unknown time, never as up.
//
// # Design and seed
//
// Where DESIGN.md and the seed differ, the design is followed: the tier
// figures are the published ones (the seed's chart is empty); the seed's
// "ten minutes or less" is read as inclusive to the nanosecond; the seed
// counts minutes while the library counts nanoseconds unless a Resolution
// is set; Assess refuses an outage cause the library does not know, so a
// misspelt cause can never count or be excluded by accident.
//
// # Numbers and safety
//
// Percentages and money are decimal.Decimal, compared with Cmp and Equal,
// divided only with QuoRem at a fixed precision; the package never reads
// or sets decimal's package-level settings (DivisionPrecision,
// MarshalJSONWithoutQuotes, formatting) and writes decimals in JSON
// itself. The package never reads the clock and never panics on input:
// bad policies and periods are reported with errors.Join, every problem
// at once, wrapping ErrInvalidPolicy or ErrInvalidPeriod. Policy, Period
// and Assessment are plain values; they are safe for concurrent use when
// not modified.
package sla
