// Package claims turns an SLA's claim rules into deadlines and checks:
// when a customer's notice of an incident is late, when evidence is due,
// when the provider must have processed a claim, whether a claim holds
// every detail the SLA asks for, how much several claims on one month may
// award together, and when a post-incident report is due.
//
// # Rules as data
//
// Rules holds the claim rules as plain fields over a business calendar
// (calendar.BusinessDays): DynamicsCRMOnline(days) returns those of the
// Microsoft Dynamics CRM Online Service Level Agreement, and
// ForRegion(code, loc) returns them over a built-in region's default
// holiday calendar (NAM: US holidays, and so on; see
// maintenance.Region.BusinessDays, which serves a caller's own regions
// too).
// Other SLAs change the fields: a notice period counted from the
// incident's start (NoticeFrom), evidence N calendar days after the month
// ends (EvidenceMonths 0, EvidenceDays N). A nil calendar is a
// weekends-only calendar in UTC.
//
// # Deadlines
//
// Every deadline is the first instant that is late: on time means
// strictly before it. Days are calendar dates read in the business
// calendar's location, and every deadline is an instant in that location.
// "By the end of a day" is midnight starting the next calendar day,
// whatever weekday that is. With the Dynamics CRM Online rules and
// rickar/cal's US calendar in UTC:
//
//	NoticeDeadline(restored Mon 2024-02-05 …)   = Tue 2024-02-13 00:00
//	NoticeDeadline(restored Fri 2024-02-02 …)   = Sat 2024-02-10 00:00 (not Monday)
//	NoticeDeadline(restored Tue 2021-12-28 …)   = Thu 2022-01-06 00:00 (Fri 12-31 is the observed New Year's Day)
//	EvidenceDeadline(2024-01)                   = 2024-03-01 00:00 (February 2024 has 29 days)
//	PostIncidentReportDue(restored Mon 2024-02-05 …) = Tue 2024-02-13 00:00
//
// and over a New York calendar:
//
//	ProcessingDeadline(2024-03-01 09:00 EST)    = 2024-04-15 09:00 EDT (45 calendar days, same wall clock)
//	NoticeDeadline(restored 2024-03-08T03:00Z)  = Fri 2024-03-15 00:00 EDT
//
// the last a day earlier than under a UTC calendar, as 03:00Z on 8 March
// is still Thursday 7 March in New York. Rules.Deadlines gives every
// deadline of one incident and of the claim on its month at once.
//
// # How the agreement is read
//
// The Microsoft Dynamics CRM Online Service Level Agreement is read so:
//
//   - Notice "within five business days following an Incident" (section
//     E, definition 9) is counted from the day the incident ended
//     (service restored), that day not counted: notice is due by the end
//     of the fifth business day after it. An incident that lasts for days
//     would otherwise leave no time at all. Both the actual and the
//     observed date of a holiday are days off (see calendar.BusinessDays).
//   - Evidence "by the end of the month following the month in which the
//     Incident … occurs" (section C.4) is read per claimed month, in the
//     calendar's location: the agreement's own example (incident January
//     15th, evidence by February 28th) is EvidenceDeadline(January) =
//     March 1st 00:00.
//   - "Process Claims within 45-days" (section C.6) is 45 calendar days,
//     same wall-clock time, in the calendar's location.
//   - "Any attempts made by Customer to resolve the Incident" (section
//     C.3) is required with the other details: a claim with no attempts
//     says so in words ("none").
//   - Compliance with the acceptable-use policies (section C.1) is a
//     condition of every claim.
//   - "A Service Credit awarded in any calendar month shall not … exceed
//     Customer's monthly Subscription Fee" (section B.3) caps the sum of
//     all credits for that month, not each one.
//
// The post-incident report "after 5 business days" ("Policies and
// Communications for Dynamics 365 for Customer Engagement",
// "Post-Incident Report") is read as due by the end of the fifth business
// day after service was restored, counted like notice.
//
// # Checks
//
// Rules.Check reports every problem with a Claim at once, as a
// calendar.ErrorList: each missing detail as a *MissingError
// (ErrIncomplete), each missed deadline as a *LateError (ErrNoticeLate,
// ErrEvidenceLate) naming the field, what happened when and the deadline,
// a missing acceptable-use attestation as ErrNotCompliant, and impossible
// values as ErrInvalid. Nothing in the package panics on any input.
//
// # Credits
//
// A month may be claimed several times; SumCredits adds the validated
// claims' credits for one month and caps the sum at a percentage of that
// month's fee (100 for Dynamics CRM Online), exactly, in decimal.
//
// # Post-incident reports
//
// The communications policy's post-incident report, its parts and its
// audit live in package maintenance/comms; Rules.PostIncidentReportDue
// says when one is due, and Rules is the comms.ReportDeadline an audit
// takes.
//
// The package never reads the clock: every instant comes from the caller.
// All exported types are values or are safe for concurrent use.
package claims
