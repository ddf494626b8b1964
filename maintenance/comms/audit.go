package comms

import (
	"errors"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/slapolicy/slapolicy/calendar"
	"github.com/slapolicy/slapolicy/internal/clip"
	"github.com/slapolicy/slapolicy/maintenance"
)

// ErrInvalidRecord is wrapped by every problem that stops an audit: a
// record that cannot be audited, or an instant or rules that are not
// valid.
var ErrInvalidRecord = errors.New("comms: invalid record")

// PlannedRecord is one planned maintenance in a communications record: the
// plan, and what actually happened when it ran. A zero Outcome means it has
// not run yet or nothing is known; then no after-update duty is checked.
//
// PlannedRecord is a value, safe for concurrent use as long as its slices
// are not modified.
type PlannedRecord struct {
	Plan    Plan
	Outcome Outcome
}

// IncidentRecord is one service incident in a communications record: ID
// is the caller's reference (the service health dashboard's incident
// number), Incident what is known of it (its Severity says whether a
// post-incident report is owed), and Report the post-incident report as
// published; a zero Report.Published means none was published.
//
// The zero IncidentRecord is invalid (no ID). IncidentRecord is a value,
// safe for concurrent use as long as its slices are not modified.
type IncidentRecord struct {
	ID       string
	Incident Incident
	Report   PostIncidentReport
}

// ReportDuty returns the post-incident report rec's incident owes, and
// true: of KindPostIncidentReport, Ref rec.ID, as a post, due at
// deadline.PostIncidentReportDue of the incident's restoration
// (Incident.Span.End). It returns false when the incident is not major or
// not yet restored (an empty Span). It returns an error wrapping
// ErrInvalidIncident when the incident fails Validate, and one wrapping
// ErrInvalidRecord when a report is owed and deadline is nil, or no
// deadline exists (outside years 1 to 9999).
func (rec IncidentRecord) ReportDuty(deadline ReportDeadline) (Duty, bool, error) {
	if err := rec.Incident.Validate(); err != nil {
		return Duty{}, false, err
	}
	if !rec.Incident.NeedsReport() || rec.Incident.Span.IsEmpty() {
		return Duty{}, false, nil
	}
	restored := rec.Incident.Span.End
	if deadline == nil {
		return Duty{}, false, fmt.Errorf("%w: incident %s owes a post-incident report, but no ReportDeadline was given (pass the claim rules)",
			ErrInvalidRecord, clip.Quote(rec.ID))
	}
	due := deadline.PostIncidentReportDue(restored)
	if due.IsZero() {
		return Duty{}, false, fmt.Errorf("%w: incident %s restored %s: no post-incident report deadline exists in years 1 to 9999",
			ErrInvalidRecord, clip.Quote(rec.ID), restored.Format(time.RFC3339Nano))
	}
	return Duty{
		Kind: KindPostIncidentReport,
		Ref:  rec.ID,
		Due:  due,
		Reason: fmt.Sprintf("major incident restored %s; publish a post-incident report (Summary, User Experience, "+
			"Start, Resolution, Root Cause, Next steps) on the service health dashboard",
			restored.Format(time.RFC3339Nano)),
	}, true, nil
}

// Record is a provider's record of a month's communications duties and
// what it sent, as a compliance team or a customer holds it:
//
//   - Month: the month audited; only plans, unplanned maintenance and
//     incidents that started in it (Span.Start inside Month) are audited.
//     The zero Month audits everything in the record.
//   - Instances: the customer instances with their people and settings,
//     which give the recipients (names unique, case-insensitively).
//   - Plans, Unplanned, Incidents: what happened, each with a unique,
//     non-blank ID within its list.
//   - Messages: everything sent, of any month. A plan's announcement is
//     its first KindPlanned message (of its ID); there is no separate
//     announcement field.
//
// Record is read-only to the audit; treat it as read-only while an audit
// runs, which makes it safe for concurrent use.
type Record struct {
	Month     calendar.Month
	Instances []Instance
	Plans     []PlannedRecord
	Unplanned []Unplanned
	Incidents []IncidentRecord
	Messages  []Message
}

// AuditItem is one duty and how far it was carried out: Status, and Err
// (nil when met or pending) listing what was missed or late, each
// matchable with errors.Is (ErrNotNotified, ErrNotificationLate,
// ErrReportMissing, ErrReportLate, ErrReportIncomplete).
type AuditItem struct {
	Duty   Duty
	Status Status
	Err    error
}

// Audit is the result of Rules.Audit: every duty of the month in record
// order (for each plan its notification then its dashboard post, then
// unplanned maintenance, then post-incident reports), the settings
// problems found on the way (malformed addresses), and the plan and
// update checks behind the duties.
//
// The zero Audit found nothing. An Audit is a value; treat it as
// read-only, which makes it safe for concurrent use.
type Audit struct {
	Month    calendar.Month
	AsOf     time.Time
	Items    []AuditItem
	Settings calendar.ErrorList // each a *AddressError (ErrInvalidAddress)
	Plans    []PlanCheck        // audited plans, in record order
	Updates  []UpdateCheck      // audited plans with an Outcome, in record order
}

// Err returns every finding at once, in order, as a calendar.ErrorList:
// each missed or late duty's problems, then each settings problem. It is
// nil when every duty is met or pending and the settings are sound.
func (a Audit) Err() error {
	var errs calendar.ErrorList
	for _, it := range a.Items {
		errs.Add(it.Err)
	}
	errs.Add(a.Settings)
	return errs.Err()
}

// Count returns how many duties have status s.
func (a Audit) Count(s Status) int {
	n := 0
	for _, it := range a.Items {
		if it.Status == s {
			n++
		}
	}
	return n
}

// Audit checks rec against the rules as of instant asOf (the caller's; the
// clock is never read), under the Scheduled Downtime rule sd (pass the SLA
// policy's, sla.Policy.ScheduledDowntime) and the post-incident report
// deadline of reports (pass the claim rules, claims.Rules). Messages sent
// after asOf do not count, and a duty whose deadline is after asOf and not
// yet carried out is pending, not missed. The duties are:
//
//   - each plan with expected impact: its notification to r.Planned of
//     every affected instance, due NotifyLead before it starts
//     (CheckPlan, PlanDuty);
//   - each plan whose Outcome failed or ran past its window and announced
//     span: a service health dashboard post (CheckUpdate, DashboardDuty);
//   - each unplanned maintenance: the "Unplanned Maintenance" email to the
//     System Administrators of every affected instance (UnplannedDuty);
//   - each major incident restored: a complete post-incident report, due
//     at reports.PostIncidentReportDue of its restoration
//     (IncidentRecord.ReportDuty, PostIncidentReport.Check).
//
// It returns a calendar.ErrorList, every problem at once, when the input
// cannot be audited: a zero asOf, invalid rules, a blank or repeated ID or
// instance name, an invalid plan, outcome, unplanned maintenance or
// incident (naming it by list and index), a message with no Kind or a
// zero Sent time, an affected instance not among rec.Instances. Each
// wraps ErrInvalidRecord or the sentinel of the value at fault.
// Malformed addresses do not stop the audit: they are reported in
// Audit.Settings.
func (r Rules) Audit(sd maintenance.ScheduledDowntime, reports ReportDeadline, rec Record, asOf time.Time) (Audit, error) {
	if err := r.validateRecord(sd, rec, asOf); err != nil {
		return Audit{}, err
	}
	a := Audit{Month: rec.Month, AsOf: asOf}
	var errs calendar.ErrorList
	inMonth := func(s calendar.Span) bool { return rec.Month.IsZero() || rec.Month.Contains(s.Start) }
	// split files the problems of a duty: malformed addresses go to
	// Settings, anything else is invalid input.
	split := func(where string, err error) {
		var list calendar.ErrorList
		list.Add(err)
		for _, e := range list {
			if errors.Is(e, ErrInvalidAddress) {
				a.Settings.Addf(e, "%s", where)
			} else {
				errs.Addf(e, "%s", where)
			}
		}
	}
	check := func(d Duty) {
		st, err := d.Check(rec.Messages, asOf)
		a.Items = append(a.Items, AuditItem{Duty: d, Status: st, Err: err})
	}

	for i, pr := range rec.Plans {
		if !inMonth(pr.Plan.Span) {
			continue
		}
		where := fmt.Sprintf("plans[%d]", i)
		pc, err := r.CheckPlan(sd, pr.Plan, announcement(rec.Messages, pr.Plan.ID, asOf))
		if err != nil {
			errs.Addf(err, "%s", where)
			continue
		}
		a.Plans = append(a.Plans, pc)
		d, owed, err := r.PlanDuty(pc, rec.Instances)
		split(where, err)
		if owed {
			check(d)
		}
		if pr.Outcome == (Outcome{}) {
			continue
		}
		uc, err := r.CheckUpdate(pc, pr.Outcome)
		if err != nil {
			errs.Addf(err, "%s.outcome", where)
			continue
		}
		a.Updates = append(a.Updates, uc)
		if d, owed, _ := uc.DashboardDuty(); owed {
			check(d)
		}
	}
	for i, u := range rec.Unplanned {
		if !inMonth(u.Span) {
			continue
		}
		d, owed, err := r.UnplannedDuty(u, rec.Instances)
		split(fmt.Sprintf("unplanned[%d]", i), err)
		if owed {
			check(d)
		}
	}
	for i, ir := range rec.Incidents {
		if !inMonth(ir.Incident.Span) {
			continue
		}
		d, owed, err := ir.ReportDuty(reports)
		if err != nil {
			errs.Addf(err, "incidents[%d]", i)
			continue
		}
		if owed {
			st, err := checkReport(d, ir.Report, asOf)
			a.Items = append(a.Items, AuditItem{Duty: d, Status: st, Err: err})
		}
	}
	if err := errs.Err(); err != nil {
		return Audit{}, err
	}
	return a, nil
}

// checkReport says how far rec's report fulfils duty d as of asOf: pending
// or missed (ErrReportMissing) when it was not published by asOf; late (a
// *DutyError wrapping ErrReportLate) when published at or after d.Due;
// missed when published without one of its six parts (each a
// *ReportPartError wrapping ErrReportIncomplete, as
// PostIncidentReport.Check reports them).
func checkReport(d Duty, rep PostIncidentReport, asOf time.Time) (Status, error) {
	if rep.Published.IsZero() || rep.Published.After(asOf) {
		if asOf.Before(d.Due) {
			return StatusPending, nil
		}
		return StatusMissed, calendar.ErrorList{fmt.Errorf("%s %s: %w: not published (due before %s)",
			d.Kind, clip.Quote(d.Ref), ErrReportMissing, d.Due.Format(time.RFC3339Nano))}
	}
	status := StatusMet
	var errs calendar.ErrorList
	var found calendar.ErrorList
	found.Add(rep.Check(d.Due))
	for _, e := range found {
		var late *DutyError
		var part *ReportPartError
		switch {
		case errors.As(e, &late):
			late.Duty = d
			status = max(status, StatusLate)
			errs.Add(late)
		case errors.As(e, &part):
			status = StatusMissed
			errs.Add(fmt.Errorf("%s %s: %w", d.Kind, clip.Quote(d.Ref), e))
		}
	}
	return status, errs.Err()
}

// announcement returns when plan id was first announced: the earliest
// KindPlanned message about it sent at or before asOf, or the zero time.
func announcement(msgs []Message, id string, asOf time.Time) time.Time {
	var first time.Time
	for _, m := range msgs {
		if m.Kind == KindPlanned && m.Ref == id && !m.Sent.After(asOf) &&
			(first.IsZero() || m.Sent.Before(first)) {
			first = m.Sent
		}
	}
	return first
}

// validateRecord reports what makes rec impossible to audit, all at once.
func (r Rules) validateRecord(sd maintenance.ScheduledDowntime, rec Record, asOf time.Time) error {
	var errs calendar.ErrorList
	invalid := func(field, format string, args ...any) {
		errs.Add(fmt.Errorf("%w: %s "+format, append([]any{ErrInvalidRecord, field}, args...)...))
	}
	if asOf.IsZero() {
		invalid("asOf", "is the zero time; pass the instant the audit is made")
	}
	errs.Add(r.Validate())
	errs.Add(sd.Validate())
	unique := func(list string, ids []string, what string) {
		seen := make(map[string]int)
		for i, id := range ids {
			key := foldKey(strings.TrimSpace(id))
			field := fmt.Sprintf("%s[%d].%s", list, i, what)
			switch j, dup := seen[key]; {
			case key == "":
				invalid(field, "is blank")
			case dup:
				invalid(field, "%s repeats %s[%d]", clip.Quote(id), list, j)
			default:
				seen[key] = i
			}
		}
	}
	ids := func(n int, id func(int) string) []string {
		out := make([]string, n)
		for i := range out {
			out[i] = id(i)
		}
		return out
	}
	unique("instances", ids(len(rec.Instances), func(i int) string { return rec.Instances[i].Name }), "name")
	unique("plans", ids(len(rec.Plans), func(i int) string { return rec.Plans[i].Plan.ID }), "plan.id")
	unique("unplanned", ids(len(rec.Unplanned), func(i int) string { return rec.Unplanned[i].ID }), "id")
	unique("incidents", ids(len(rec.Incidents), func(i int) string { return rec.Incidents[i].ID }), "id")
	for i, m := range rec.Messages {
		if strings.TrimSpace(string(m.Kind)) == "" {
			invalid(fmt.Sprintf("messages[%d].kind", i), "is blank")
		}
		if m.Sent.IsZero() {
			invalid(fmt.Sprintf("messages[%d].sent", i), "is the zero time")
		}
	}
	return errs.Err()
}

// problems returns the problems of err, one per entry.
func problems(err error) calendar.ErrorList {
	var list calendar.ErrorList
	list.Add(err)
	return list
}

// Summary returns the audit as plain text, for a compliance report or a
// customer statement: a title line with the month and instant, a count of
// duties by status, one line per duty ("MISSED", "LATE", "pending", "ok")
// with each finding indented below it, the settings problems, and the
// Downtime the plans and updates account for (before the SLA's own
// exclusions; sla.Policy.Assess gives the final figure). Times are RFC 3339.
func (a Audit) Summary() string {
	var b strings.Builder
	month := "all months"
	if !a.Month.IsZero() {
		month = a.Month.String()
	}
	fmt.Fprintf(&b, "Communications audit for %s as of %s\n", month, a.AsOf.Format(time.RFC3339Nano))
	fmt.Fprintf(&b, "%d duties: %d met, %d pending, %d late, %d missed; %d settings problems\n",
		len(a.Items), a.Count(StatusMet), a.Count(StatusPending),
		a.Count(StatusLate), a.Count(StatusMissed), len(a.Settings))
	tags := map[Status]string{
		StatusMet: "ok", StatusPending: "pending",
		StatusLate: "LATE", StatusMissed: "MISSED",
	}
	for _, it := range a.Items {
		fmt.Fprintf(&b, "%-7s %s\n", tags[it.Status], it.Duty)
		for _, e := range problems(it.Err) {
			fmt.Fprintf(&b, "        - %v\n", e)
		}
	}
	if len(a.Settings) > 0 {
		b.WriteString("Settings:\n")
		for _, e := range a.Settings {
			fmt.Fprintf(&b, "        - %v\n", e)
		}
	}
	var lines []string
	for _, pc := range a.Plans {
		ran := slices.IndexFunc(a.Updates, func(u UpdateCheck) bool { return u.Plan.Plan.ID == pc.Plan.ID })
		switch {
		case ran >= 0 && !a.Updates[ran].Downtime.IsEmpty():
			lines = append(lines, fmt.Sprintf("        - plan %q as run: %s", pc.Plan.ID, a.Updates[ran].Downtime.Duration()))
		case ran < 0 && !pc.Downtime.IsEmpty():
			lines = append(lines, fmt.Sprintf("        - plan %q if run as planned: %s", pc.Plan.ID, pc.Downtime.Duration()))
		}
	}
	if len(lines) > 0 {
		b.WriteString("Downtime from maintenance (before the SLA's own exclusions):\n")
		b.WriteString(strings.Join(lines, "\n"))
		b.WriteString("\n")
	}
	return b.String()
}
