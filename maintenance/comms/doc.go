// Package comms holds the communication duties of an online service's
// maintenance and incident policy: who must be told what, and by when. The
// built-in rules are those of "Policies and Communications for Dynamics
// 365 for Customer Engagement" (DynamicsCRMOnline,
// DynamicsCRMOnlineReleases); other policies are other Rules values,
// kept in configuration in the JSON form Rules.MarshalJSON writes.
//
// # Duties
//
//   - Recipients: maintenance "when there is expected to be downtime or
//     user impact" is sent to the organization's admins, the addresses in
//     the instance's notification option and every user with the System
//     Admin user role ("Prior notification"), de-duplicated
//     case-insensitively; a malformed address is an AddressError naming
//     its position, never silently dropped.
//   - Rules.CheckPlan: does a planned maintenance fall inside its region's
//     window ("Maintenance timeline", windows in UTC; every occurrence it
//     touches), and if not, was it announced far enough ahead? It reports
//     the part that would count as Downtime. PlanDuty is the notification
//     it owes.
//   - Rules.CheckUpdate: an update that failed, or ran past both its window
//     and (when announced) its announced span, owes a post on the service
//     health dashboard ("During the update"); the part of it that is not
//     Scheduled Downtime is Downtime. DashboardDuty is the post it owes.
//   - Rules.UnplannedDuty: an "Unplanned Maintenance" email is owed to
//     every System Administrator of every affected instance ("Unplanned
//     maintenance").
//   - Incident and Severity: a service incident is minor or major ("Minor
//     Service incidents", "Major service incidents"); a major one owes a
//     PostIncidentReport with six parts ("Post-Incident Report"),
//     IncidentRecord.ReportDuty.
//   - Duty.Check compares a duty with the messages actually sent and
//     reports ErrNotNotified or ErrNotificationLate (errors.Is).
//   - Rules.Audit checks a month's Record (plans and what happened,
//     unplanned work, incidents and their reports, the messages sent)
//     and returns every duty with its status.
//   - ReleaseCalendar: the two major release events a year (April and
//     October, "Scheduled system updates") and the next one after an
//     instant.
//
// Every duty maker returns (Duty, bool, error): the duty, whether one is
// owed, and the problems met on the way; a duty may be owed and still come
// with problems (an unknown instance, a malformed address).
//
// # What comes from elsewhere
//
// Two rules the checks need are not communication rules, and the checks
// take them as parameters instead of keeping copies:
//
//   - When maintenance is Scheduled Downtime is the SLA's rule (the
//     Microsoft Dynamics CRM Online Service Level Agreement, section E,
//     definition 11: window time, and time announced "at least 24-hours
//     prior"), a maintenance.ScheduledDowntime: pass the sla.Policy's
//     (policy.ScheduledDowntime), so that a plan's Downtime here is the
//     Downtime the monthly assessment counts, to the nanosecond, before
//     the SLA's own exclusions.
//   - When a post-incident report is due is a ReportDeadline: pass the
//     claim rules (claims.Rules, "by the end of the fifth business day
//     after service was restored") or a deadline of your own.
//
// A plan names its region as a maintenance.Region value, looked up by the
// caller in the built-in table (maintenance.Lookup) or in its own
// (maintenance.Table.Lookup), so a caller's table works everywhere the
// built-in one does.
//
// # Time and errors
//
// The package never reads the clock: every instant, including the audit's
// "as of", comes from the caller. Spans are half-open, [Start, End). Every
// due instant is the first instant that is late: a message sent strictly
// before it is on time. Validation reports every problem at once as a
// calendar.ErrorList; each problem wraps one of the package's sentinels.
// All exported types are values, safe for concurrent use when not
// modified.
package comms
