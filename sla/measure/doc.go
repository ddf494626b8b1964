// Package measure turns monitoring data into the outages package sla
// assesses: log-in probes (Probes) and per-interval error rates (Rates).
//
// The Microsoft Dynamics CRM Online SLA measures availability with "a
// third-party provider who makes frequent log-in attempts to the Service"
// (section E, definition 8). Probes reads such attempts: an outage runs
// from the first failed probe to the next success; a gap between probes
// longer than ProbeOptions.MaxGap is unknown time, never up. Rates reads
// error rates per interval against a threshold, compared exactly in
// rational arithmetic. Both account for every instant of the span they
// measure:
//
//	Down + Up + UnknownTime = Span.Duration()
//
// and leave the meaning of unknown time to the caller, explicitly:
// Result.Outages counts it as up, Result.UnknownAs("") as Downtime.
//
// The package never reads the clock, never panics on input, and reports
// bad input with errors that wrap ErrInvalidData and name the field. Its
// types are values, safe for concurrent use when not modified.
package measure
