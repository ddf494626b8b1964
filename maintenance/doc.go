// Package maintenance models the maintenance side of an online service's
// policy: the daily maintenance window each region publishes, the region
// table and its editions, announced maintenance (notices), and the SLA's
// Scheduled Downtime rule that decides which of that time does not count.
//
// # Scheduled Downtime
//
// The Microsoft Dynamics CRM Online Service Level Agreement counts
// Scheduled Downtime among its exclusions (section D.1.a) and defines it
// (section E, definition 11) as published maintenance windows, or downtime
// Microsoft notified at least 24 hours before it began. This package
// supplies both halves and the rule:
//
//   - Window: a published window, recurring every day at fixed UTC times
//     with minute precision ("7:30PM to 1AM"), each occurrence half-open;
//     Window states how one that crosses midnight is read. Overlap says
//     how much of any span falls in the window in O(1); Intersect and
//     Subtract split a calendar.SpanSet of outages into window time and
//     the rest.
//   - Notice: maintenance announced at a given instant; Meets(24*time.Hour)
//     tells whether it was announced early enough (exactly 24 hours counts).
//   - ScheduledDowntime: the rule itself as a value (the notice lead, and
//     whether window time needs a notice too), quoted and stated in full
//     there. Package sla holds it in its Policy and package
//     maintenance/comms takes it in its checks, so the assessment and the
//     communication checks read it alike.
//
// The package sla decides what else counts; this package only measures.
//
// # Regions
//
// Regions returns the built-in table ("Maintenance timeline" of "Policies
// and Communications for Dynamics 365 for Customer Engagement") in its
// published order; Lookup and LookupHost find entries by code or host (EUR
// and FRA share crm4.dynamics.com). Each Region names its default holiday
// calendar and builds its business days for the claim and report
// deadlines; IND and APJ, which rickar/cal does not cover, default to
// weekends only.
//
// Published tables change: Table holds editions of the region table with
// their effective instants (Dynamics has the built-in one, in force from
// 2019-08-02, the publication's date) and answers Lookup at an instant;
// ParseTable reads editions from JSON. Every function that needs a region
// takes a Region or a Table: a caller's own table works wherever the
// built-in one does.
//
// The built-in data is reached only by name (Regions, Lookup, LookupHost,
// Dynamics, DynamicsHolidays).
//
// # Time
//
// The package never reads the clock: every instant comes from the caller.
// Instants in any location are judged in UTC; spans it returns are in UTC
// unless a method says otherwise. All exported types are immutable values,
// safe for concurrent use.
package maintenance
