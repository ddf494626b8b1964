// Package maintenance models the maintenance side of an online service's
// policy: the daily maintenance window each region publishes, the built-in
// region table, and announced maintenance (notices).
//
// # Scheduled Downtime
//
// The SLA (seed 004, definition 11) excludes Scheduled Downtime from
// Downtime: "published maintenance windows or times where Microsoft
// notifies Customer of periods of Downtime ... at least 24-hours prior to
// the commencement of such Downtime". This package supplies both halves:
//
//   - Window: a published window, recurring every day at fixed UTC times
//     with minute precision, as in the seed's table ("7:30PM to 1AM" UTC).
//     Occurrences are half-open; a window whose end is before its start
//     crosses midnight and belongs to the UTC day it opens on. Overlap says
//     how much of any span falls in the window in constant time, however
//     long the span; Intersect and Subtract split a calendar.SpanSet of
//     outages into window time and the rest.
//   - Notice: maintenance announced at a given instant; Meets(24*time.Hour)
//     tells whether it was announced early enough (exactly 24 hours counts).
//
// The package sla decides what counts; this package only measures.
//
// # Regions
//
// Regions returns the seed's table (000, "Maintenance timeline") in the
// seed's order; Lookup and LookupHost find entries by code or host (EUR and
// FRA share crm4.dynamics.com). Each Region names its default holiday
// calendar from rickar/cal (HolidayCalendar, Holidays) and builds its
// default calendar.BusinessDays for the claim and report deadlines; IND and
// APJ, which rickar/cal does not cover, default to weekends only.
//
// Published tables change: Table holds editions of the region table with
// their effective instants (DefaultTable has the seed's, in force from
// 2019-08-02, the seed document's date) and answers Lookup at an instant;
// ParseTable reads editions from JSON.
//
// # Communication duties
//
// The communications policy (seed 000) is mostly about who must be told
// what, and when. CommsRules holds those rules as data
// (DynamicsCRMOnlineComms for the seed's):
//
//   - Recipients: maintenance with expected downtime or user impact is
//     sent to the organization's admins, the addresses in the instance's
//     notification option and every user with the System Administrator
//     role, de-duplicated case-insensitively; a malformed address is an
//     AddressError naming its position, never silently dropped.
//   - CheckPlan: does a planned maintenance fall inside its region's
//     window (every occurrence it touches), and if not, was it announced
//     NoticeLead ahead? It reports the part that would count as Downtime.
//   - CheckUpdate: an update that failed or ran past its window or its
//     announced span owes a post on the service health dashboard, and
//     the overrun is Downtime (the same answer sla.Assess gives, tested).
//   - UnplannedDuty: an "Unplanned Maintenance" email is owed to every
//     System Administrator of every affected instance.
//   - Duty.Check compares a duty with the messages actually sent and
//     reports ErrNotNotified or ErrNotificationLate (errors.Is).
//   - ReleaseCalendar: the two major release events a year (April and
//     October) and the next one after an instant.
//
// Duties that need the SLA or the claim rules (the post-incident report
// of a major incident, the audit of a month's record) live in package
// claims, which may import this one.
//
// # Time
//
// The package never reads the clock: every instant comes from the caller.
// Instants in any location are judged in UTC; spans it returns are in UTC
// unless a method says otherwise. All exported types are immutable values,
// safe for concurrent use.
package maintenance
