package claims

import (
	"errors"
	"fmt"
	"time"

	"github.com/slapolicy/slapolicy/calendar"
	"github.com/slapolicy/slapolicy/maintenance"
	"github.com/slapolicy/slapolicy/sla"
)

// Sentinels of the communications audit (Communications.Audit). Each
// finding wraps one of them, so callers branch with errors.Is.
var (
	// ErrNotNotified: a recipient was never sent a message the policy owes
	// them, or a post was never made, and its deadline has passed. It is
	// maintenance.ErrNotNotified.
	ErrNotNotified = maintenance.ErrNotNotified

	// ErrNotificationLate: a message the policy owes was sent at or after
	// its deadline. It is maintenance.ErrNotificationLate.
	ErrNotificationLate = maintenance.ErrNotificationLate

	// ErrPIRMissing: a major incident's post-incident report was not
	// published, and its deadline (Rules.PostIncidentReportDue) has passed.
	ErrPIRMissing = errors.New("post-incident report missing")

	// ErrPIRLate: a post-incident report was published at or after its
	// deadline. It is ErrReportLate, carried by a *LateError on field
	// Published.
	ErrPIRLate = ErrReportLate
)

// KindPostIncidentReport is the kind of the duty to publish a
// post-incident report on the service health dashboard after a major
// incident. It is fulfilled by IncidentRecord.Report.Published, not by a
// maintenance.Message.
const KindPostIncidentReport maintenance.Kind = "post-incident-report"

// Communications are the rules a communications audit applies: the
// maintenance policy's communication duties (who is told what, how far
// ahead) and the claim rules, whose PostIncidentReportDue and CheckReport
// say when a post-incident report is due and what it must hold.
//
// The zero Communications is invalid (its CommsRules are); start from
// DynamicsCRMOnlineCommunications. Communications is a small value, safe
// for concurrent use (see Rules and maintenance.CommsRules).
type Communications struct {
	Comms  maintenance.CommsRules
	Claims Rules
}

// DynamicsCRMOnlineCommunications returns the seeds' communication rules
// over business calendar days (nil: weekends only, UTC):
// maintenance.DynamicsCRMOnlineComms and DynamicsCRMOnline(days).
func DynamicsCRMOnlineCommunications(days *calendar.BusinessDays) Communications {
	return Communications{Comms: maintenance.DynamicsCRMOnlineComms(), Claims: DynamicsCRMOnline(days)}
}

// WithPolicy returns c with the two fields that the SLA policy also holds
// taken from p, so that the audit and sla.Assess read Scheduled Downtime
// alike: Comms.NoticeLead from p.NoticeLead and Comms.WindowNeedsNotice
// from p.WindowNeedsNotice.
func (c Communications) WithPolicy(p sla.Policy) Communications {
	c.Comms.NoticeLead = p.NoticeLead
	c.Comms.WindowNeedsNotice = p.WindowNeedsNotice
	return c
}

// Validate reports the errors of Comms.Validate and Claims.Validate at once.
func (c Communications) Validate() error {
	return errors.Join(c.Comms.Validate(), c.Claims.Validate())
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

// ReportDuty returns the post-incident report rec's incident owes (ok
// true): of KindPostIncidentReport, Ref rec.ID, as a post, due at
// Claims.PostIncidentReportDue of the incident's restoration
// (Incident.Span.End). ok is false when the incident is not major or not
// yet restored (an empty Span). It returns an error wrapping ErrInvalid when
// the incident fails Validate or the due date falls outside years 1 to
// 9999.
func (c Communications) ReportDuty(rec IncidentRecord) (maintenance.Duty, bool, error) {
	if !rec.Incident.NeedsReport() || rec.Incident.Span.IsEmpty() {
		return maintenance.Duty{}, false, rec.Incident.Validate()
	}
	due, _, err := c.Claims.ReportDue(rec.Incident)
	if err != nil {
		return maintenance.Duty{}, false, err
	}
	return maintenance.Duty{
		Kind: KindPostIncidentReport,
		Ref:  rec.ID,
		Due:  due,
		Reason: fmt.Sprintf("major incident restored %s; publish a post-incident report (Summary, User Experience, "+
			"Start, Resolution, Root Cause, Next steps) on the service health dashboard within %d business days",
			rec.Incident.Span.End.Format(time.RFC3339Nano), c.Claims.ReportBusinessDays),
	}, true, nil
}

// checkReport says how far rec's report fulfils duty d as of asOf: pending
// or missed (ErrPIRMissing) when it was not published by asOf; late (a
// *LateError wrapping ErrPIRLate) when published at or after d.Due; missed
// when published without one of its six parts (each a *MissingError
// wrapping ErrIncomplete, as Rules.CheckReport reports them).
func (c Communications) checkReport(d maintenance.Duty, rep PostIncidentReport, asOf time.Time) (maintenance.Status, error) {
	if rep.Published.IsZero() || rep.Published.After(asOf) {
		if asOf.Before(d.Due) {
			return maintenance.StatusPending, nil
		}
		return maintenance.StatusMissed, fmt.Errorf("%s %q: %w: not published (due before %s)",
			d.Kind, d.Ref, ErrPIRMissing, d.Due.Format(time.RFC3339Nano))
	}
	status := maintenance.StatusMet
	var errs []error
	if !rep.Published.Before(d.Due) {
		status = maintenance.StatusLate
		errs = append(errs, fmt.Errorf("%s %q: %w", d.Kind, d.Ref,
			&LateError{Field: "Published", Got: rep.Published, Deadline: d.Due, Err: ErrPIRLate}))
	}
	if err := c.Claims.CheckReport(rep); err != nil {
		for _, e := range leaves(err) {
			var m *MissingError
			if errors.As(e, &m) && m.Field != "Published" {
				status = maintenance.StatusMissed
				errs = append(errs, fmt.Errorf("%s %q: %w", d.Kind, d.Ref, e))
			}
		}
	}
	return status, errors.Join(errs...)
}

// leaves flattens errors.Join trees into their members, in order. A
// *maintenance.AddressError, which also unwraps to several errors, is a
// member, not a tree.
func leaves(err error) []error {
	if err == nil {
		return nil
	}
	if _, ok := err.(*maintenance.AddressError); ok {
		return []error{err}
	}
	if j, ok := err.(interface{ Unwrap() []error }); ok {
		var out []error
		for _, e := range j.Unwrap() {
			out = append(out, leaves(e)...)
		}
		return out
	}
	return []error{err}
}
