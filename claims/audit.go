package claims

import (
	"errors"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/slapolicy/slapolicy/calendar"
	"github.com/slapolicy/slapolicy/maintenance"
)

// PlannedRecord is one planned maintenance in a communications record: the
// plan, and what actually happened when it ran. A zero Outcome means it has
// not run yet or nothing is known; then no after-update duty is checked.
//
// PlannedRecord is a value, safe for concurrent use as long as its slices
// are not modified.
type PlannedRecord struct {
	Plan    maintenance.Plan
	Outcome maintenance.Outcome
}

// CommsRecord is a provider's record of a month's communications duties
// and what it sent, as a compliance team or a customer holds it:
//
//   - Month: the month audited; only plans, unplanned maintenance and
//     incidents that started in it (Span.Start inside Month) are audited.
//     The zero Month audits everything in the record.
//   - Instances: the customer instances with their people and settings,
//     which give the recipients (names unique, case-insensitively).
//   - Plans, Unplanned, Incidents: what happened, each with a unique,
//     non-blank ID within its list.
//   - Messages: everything sent, of any month. A plan's announcement is
//     its first maintenance.KindPlanned message (of its ID); there is no
//     separate announcement field.
//
// CommsRecord is read-only to the audit; treat it as read-only while an
// audit runs, which makes it safe for concurrent use.
type CommsRecord struct {
	Month     calendar.Month
	Instances []maintenance.Instance
	Plans     []PlannedRecord
	Unplanned []maintenance.Unplanned
	Incidents []IncidentRecord
	Messages  []maintenance.Message
}

// AuditItem is one duty and how far it was carried out: Status, and Err
// (nil when met or pending) joining what was missed or late, each
// matchable with errors.Is (ErrNotNotified, ErrNotificationLate,
// ErrPIRMissing, ErrPIRLate, ErrIncomplete).
type AuditItem struct {
	Duty   maintenance.Duty
	Status maintenance.Status
	Err    error
}

// CommsAudit is the result of Communications.Audit: every duty of the
// month in record order (for each plan its notification then its
// dashboard post, then unplanned maintenance, then post-incident reports),
// the settings problems found on the way (malformed addresses), and the
// plan and update checks behind the duties.
//
// The zero CommsAudit found nothing. A CommsAudit is a value; treat it as
// read-only, which makes it safe for concurrent use.
type CommsAudit struct {
	Month    calendar.Month
	AsOf     time.Time
	Items    []AuditItem
	Settings []error                   // each a *maintenance.AddressError (ErrBadAddress)
	Plans    []maintenance.PlanCheck   // audited plans, in record order
	Updates  []maintenance.UpdateCheck // audited plans with an Outcome, in record order
}

// Err returns every finding at once, in order (errors.Join): each missed or
// late duty's errors, then each settings problem. It is nil when every duty
// is met or pending and the settings are sound.
func (a CommsAudit) Err() error {
	var errs []error
	for _, it := range a.Items {
		errs = append(errs, it.Err)
	}
	return errors.Join(append(errs, a.Settings...)...)
}

// Count returns how many duties have status s.
func (a CommsAudit) Count(s maintenance.Status) int {
	n := 0
	for _, it := range a.Items {
		if it.Status == s {
			n++
		}
	}
	return n
}

// Audit checks rec against the rules as of instant asOf (the caller's; the
// clock is never read): messages sent after asOf do not count, and a duty
// whose deadline is after asOf and not yet carried out is pending, not
// missed. The duties are:
//
//   - each plan with expected impact: its notification to
//     Comms.Planned of every affected instance, due NotifyLead before it
//     starts (maintenance.CommsRules.CheckPlan, PlanDuty);
//   - each plan whose Outcome failed or ran past its window and announced
//     span: a service health dashboard post (CheckUpdate, DashboardDuty);
//   - each unplanned maintenance: the "Unplanned Maintenance" email to the
//     System Administrators of every affected instance (UnplannedDuty);
//   - each major incident restored: a complete post-incident report, due
//     at Claims.PostIncidentReportDue of its restoration (ReportDuty).
//
// It returns an error wrapping ErrInvalid, joining every problem at once,
// when the input cannot be audited: a zero asOf, invalid rules, a blank or
// repeated ID or instance name, an invalid plan, outcome, unplanned
// maintenance or incident (naming it by list and index, and wrapping the
// maintenance sentinels as well), a message with no Kind or a zero Sent
// time, an affected instance not among rec.Instances. Malformed addresses
// do not stop the audit: they are reported in CommsAudit.Settings.
func (c Communications) Audit(rec CommsRecord, asOf time.Time) (CommsAudit, error) {
	if err := c.validateRecord(rec, asOf); err != nil {
		return CommsAudit{}, err
	}
	a := CommsAudit{Month: rec.Month, AsOf: asOf}
	var errs []error
	inMonth := func(s calendar.Span) bool { return rec.Month.IsZero() || rec.Month.Contains(s.Start) }
	// split files an error from maintenance: malformed addresses go to
	// Settings, anything else is invalid input.
	split := func(where string, err error) {
		for _, e := range leaves(err) {
			if errors.Is(e, maintenance.ErrBadAddress) {
				a.Settings = append(a.Settings, fmt.Errorf("%s: %w", where, e))
			} else {
				errs = append(errs, invalid(where, "%w", e))
			}
		}
	}
	check := func(d maintenance.Duty) {
		st, err := d.Check(rec.Messages, asOf)
		a.Items = append(a.Items, AuditItem{Duty: d, Status: st, Err: err})
	}

	for i, pr := range rec.Plans {
		if !inMonth(pr.Plan.Span) {
			continue
		}
		where := fmt.Sprintf("Plans[%d]", i)
		pc, err := c.Comms.CheckPlan(pr.Plan, announcement(rec.Messages, pr.Plan.ID, asOf))
		if err != nil {
			errs = append(errs, invalid(where, "%w", err))
			continue
		}
		a.Plans = append(a.Plans, pc)
		d, owed, err := c.Comms.PlanDuty(pc, rec.Instances)
		split(where, err)
		if owed {
			check(d)
		}
		if pr.Outcome == (maintenance.Outcome{}) {
			continue
		}
		uc, err := c.Comms.CheckUpdate(pc, pr.Outcome)
		if err != nil {
			errs = append(errs, invalid(where+".Outcome", "%w", err))
			continue
		}
		a.Updates = append(a.Updates, uc)
		if d, ok := uc.DashboardDuty(); ok {
			check(d)
		}
	}
	for i, u := range rec.Unplanned {
		if !inMonth(u.Span) {
			continue
		}
		where := fmt.Sprintf("Unplanned[%d]", i)
		d, err := c.Comms.UnplannedDuty(u, rec.Instances)
		split(where, err)
		if d.Kind != "" { // the zero Duty when u is invalid (reported above)
			check(d)
		}
	}
	for i, ir := range rec.Incidents {
		if !inMonth(ir.Incident.Span) {
			continue
		}
		d, owed, err := c.ReportDuty(ir)
		if err != nil {
			errs = append(errs, invalid(fmt.Sprintf("Incidents[%d]", i), "%w", err))
			continue
		}
		if owed {
			st, err := c.checkReport(d, ir.Report, asOf)
			a.Items = append(a.Items, AuditItem{Duty: d, Status: st, Err: err})
		}
	}
	if err := errors.Join(errs...); err != nil {
		return CommsAudit{}, err
	}
	return a, nil
}

// announcement returns when plan id was first announced: the earliest
// KindPlanned message about it sent at or before asOf, or the zero time.
func announcement(msgs []maintenance.Message, id string, asOf time.Time) time.Time {
	var first time.Time
	for _, m := range msgs {
		if m.Kind == maintenance.KindPlanned && m.Ref == id && !m.Sent.After(asOf) &&
			(first.IsZero() || m.Sent.Before(first)) {
			first = m.Sent
		}
	}
	return first
}

// validateRecord reports what makes rec impossible to audit, all at once.
func (c Communications) validateRecord(rec CommsRecord, asOf time.Time) error {
	var errs []error
	if asOf.IsZero() {
		errs = append(errs, invalid("asOf", "is the zero time; pass the instant the audit is made"))
	}
	if err := c.Validate(); err != nil {
		errs = append(errs, err)
	}
	unique := func(list string, ids []string, what string) {
		seen := make(map[string]int)
		for i, id := range ids {
			key := strings.ToLower(strings.TrimSpace(id))
			field := fmt.Sprintf("%s[%d].%s", list, i, what)
			switch j, dup := seen[key]; {
			case key == "":
				errs = append(errs, invalid(field, "is blank"))
			case dup:
				errs = append(errs, invalid(field, "%q repeats %s[%d]", id, list, j))
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
	unique("Instances", ids(len(rec.Instances), func(i int) string { return rec.Instances[i].Name }), "Name")
	unique("Plans", ids(len(rec.Plans), func(i int) string { return rec.Plans[i].Plan.ID }), "Plan.ID")
	unique("Unplanned", ids(len(rec.Unplanned), func(i int) string { return rec.Unplanned[i].ID }), "ID")
	unique("Incidents", ids(len(rec.Incidents), func(i int) string { return rec.Incidents[i].ID }), "ID")
	for i, m := range rec.Messages {
		if strings.TrimSpace(string(m.Kind)) == "" {
			errs = append(errs, invalid(fmt.Sprintf("Messages[%d].Kind", i), "is blank"))
		}
		if m.Sent.IsZero() {
			errs = append(errs, invalid(fmt.Sprintf("Messages[%d].Sent", i), "is the zero time"))
		}
	}
	return errors.Join(errs...)
}

// Summary returns the audit as plain text, for a compliance report or a
// customer statement: a title line with the month and instant, a count of
// duties by status, one line per duty ("MISSED", "LATE", "pending", "ok")
// with each finding indented below it, the settings problems, and the
// Downtime the plans and updates account for (before the SLA's own
// exclusions; sla.Assess gives the final figure). Times are RFC 3339.
func (a CommsAudit) Summary() string {
	var b strings.Builder
	month := "all months"
	if !a.Month.IsZero() {
		month = a.Month.String()
	}
	fmt.Fprintf(&b, "Communications audit for %s as of %s\n", month, a.AsOf.Format(time.RFC3339Nano))
	fmt.Fprintf(&b, "%d duties: %d met, %d pending, %d late, %d missed; %d settings problems\n",
		len(a.Items), a.Count(maintenance.StatusMet), a.Count(maintenance.StatusPending),
		a.Count(maintenance.StatusLate), a.Count(maintenance.StatusMissed), len(a.Settings))
	tags := map[maintenance.Status]string{
		maintenance.StatusMet: "ok", maintenance.StatusPending: "pending",
		maintenance.StatusLate: "LATE", maintenance.StatusMissed: "MISSED",
	}
	for _, it := range a.Items {
		fmt.Fprintf(&b, "%-7s %s\n", tags[it.Status], it.Duty)
		for _, e := range leaves(it.Err) {
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
		ran := slices.IndexFunc(a.Updates, func(u maintenance.UpdateCheck) bool { return u.Plan.Plan.ID == pc.Plan.ID })
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
