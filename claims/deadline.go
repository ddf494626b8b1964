package claims

import (
	"fmt"
	"time"

	"github.com/slapolicy/slapolicy/calendar"
	"github.com/slapolicy/slapolicy/maintenance/comms"
)

// NoticeDeadline returns the first instant at which notice of an incident
// is late: midnight, in the calendar's location, ending the
// NoticeBusinessDays-th business day after restored's day. restored's day
// is read in the calendar's location and is not itself counted; with 0
// days it is the end of restored's day when that is a business day, else
// of the next business day. The end of a Friday is Saturday 00:00: with
// the Dynamics CRM Online rules and US holidays, notice of an incident
// restored on Friday 2024-02-02 is late from Saturday 2024-02-10 00:00,
// not from Monday.
//
// The parameter is the instant the period counts from: the incident's end
// (service restored) under FromRestored, its start under FromStart;
// Deadlines and Check pick the right end of an incident.
// NoticeBusinessDays outside 0..MaxBusinessDays is clamped into it.
//
// It returns the zero time.Time when no such business day exists in years
// 1 to 9999 (Deadlines and Check report that as ErrInvalid wrapping
// calendar.ErrNoBusinessDay).
func (r Rules) NoticeDeadline(restored time.Time) time.Time {
	t, _ := r.businessDeadline(restored, r.NoticeBusinessDays)
	return t
}

// PostIncidentReportDue returns the first instant at which a post-incident
// report for an incident restored at restored is late: midnight, in the
// calendar's location, ending the ReportBusinessDays-th business day after
// restored's day, counted exactly as NoticeDeadline counts. With the
// Dynamics CRM Online rules and US holidays, a report on an incident
// restored Monday 2024-02-05 is due before Tuesday 2024-02-13 00:00.
// ReportBusinessDays outside 0..MaxBusinessDays is clamped into it. It
// returns the zero time.Time when no such business day exists in years 1
// to 9999. It makes Rules a comms.ReportDeadline.
func (r Rules) PostIncidentReportDue(restored time.Time) time.Time {
	t, _ := r.businessDeadline(restored, r.ReportBusinessDays)
	return t
}

// EvidenceDeadline returns the first instant at which evidence for a claim
// on month m is late: midnight, in the calendar's location, ending the
// EvidenceMonths-th month after m plus EvidenceDays calendar days. With
// the Dynamics CRM Online rules (1 month, 0 days) that is the first
// instant of the second month after m: an incident in January 2023 needs
// evidence by February 28th (the agreement's own example, section C.4),
// late from 2023-03-01 00:00.
//
// m's year and month are read as a month of the calendar's location; m's
// own location is not used, so every deadline is in one location. Months
// and days outside their bounds (MaxMonths, MaxCalendarDays) are clamped.
// Evidence for December 9999 is late from 10000-02-01 00:00; for a month
// whose deadline falls outside years 1 to 10000 (or a year time.Time
// cannot count) it returns the zero time, which Check and Deadlines report
// as ErrInvalid.
func (r Rules) EvidenceDeadline(m calendar.Month) time.Time {
	if m.Year() < 1 || m.Year() > 9999 {
		return time.Time{} // no deadline in years 1 to 10000 (and no wrapped year)
	}
	months := clamp(r.EvidenceMonths, MaxMonths)
	days := clamp(r.EvidenceDays, MaxCalendarDays)
	// Day 0 of a month is the last day of the month before, so this is
	// the last day of month m+months plus days: the last day on time.
	last := time.Date(m.Year(), m.Month()+time.Month(months)+1, days, 12, 0, 0, 0, time.UTC)
	y, mo, d := last.Date()
	return r.Calendar.EndOfDay(time.Date(y, mo, d, 12, 0, 0, 0, r.location()))
}

// ProcessingDeadline returns the first instant at which the provider's
// processing of a claim submitted at submitted is late: the same wall-clock
// time ProcessingDays calendar days later, in the calendar's location (as
// time.Time.AddDate does it). Across a change of the clocks that is an hour
// more or less than ProcessingDays × 24h: with America/New_York and 45
// days, 2024-03-01 09:00 EST gives 2024-04-15 09:00 EDT. A wall-clock
// time the clocks skip is normalised as time.Date does (02:30 on
// 2024-03-10 in New York becomes 01:30 EST). ProcessingDays outside
// 0..MaxCalendarDays is clamped into it.
func (r Rules) ProcessingDeadline(submitted time.Time) time.Time {
	return submitted.In(r.location()).AddDate(0, 0, clamp(r.ProcessingDays, MaxCalendarDays))
}

// location returns the calendar's location, UTC for a nil calendar.
func (r Rules) location() *time.Location { return r.Calendar.Location() }

// businessDeadline returns the end of the nth business day after from's
// day in the calendar (calendar.BusinessDays.Deadline), n clamped into
// 0..MaxBusinessDays. It returns an error wrapping ErrInvalid and
// calendar.ErrNoBusinessDay when no such day exists in years 1 to 9999.
func (r Rules) businessDeadline(from time.Time, n int) (time.Time, error) {
	t, err := r.Calendar.Deadline(from, clamp(n, MaxBusinessDays))
	if err != nil {
		return time.Time{}, fmt.Errorf("%w: deadline: %w", ErrInvalid, err)
	}
	return t, nil
}

// noticeFrom returns the instant incident's notice period counts from:
// its end (service restored) under FromRestored, its start under
// FromStart.
func (r Rules) noticeFrom(incident calendar.Span) time.Time {
	if r.NoticeFrom == FromStart {
		return incident.Start
	}
	return incident.End
}

// Deadlines are every deadline of one incident and of the claim on its
// month, each the first late instant, in the calendar's location. A zero
// field is a deadline that does not apply. Deadlines is a value, safe for
// concurrent use.
type Deadlines struct {
	// Notice is when notice of the incident is late: NoticeDeadline of the
	// end of the incident NoticeFrom names.
	Notice time.Time
	// Evidence is when evidence for the claimed month is late
	// (EvidenceDeadline).
	Evidence time.Time
	// Processing is when the provider's processing of the claim is late
	// (ProcessingDeadline of its submission); zero before it is submitted.
	Processing time.Time
	// Report is when the post-incident report of a major incident is late
	// (PostIncidentReportDue of its restoration); zero when the incident
	// is not major (comms.Incident.NeedsReport).
	Report time.Time
}

// Deadlines returns every deadline of incident (a span and what is known
// of its severity) and of the claim on month submitted at submitted: its
// notice, the claimed month's evidence, the claim's processing (zero while
// submitted is the zero time) and, for a major incident
// (comms.Incident.NeedsReport), its post-incident report, counted from the
// incident's end whatever NoticeFrom says.
//
// It reports every problem at once, as a calendar.ErrorList whose entries
// wrap ErrInvalid: rules that fail Validate, a reversed (also
// calendar.ErrReversed) or empty incident span, an incident that fails
// its Validate (also comms.ErrInvalidIncident; a reversed span fails
// both checks), a zero month, a notice or report deadline with no business day
// in years 1 to 9999 (also calendar.ErrNoBusinessDay); the Deadlines are
// then zero. The evidence and processing deadlines never fail.
func (r Rules) Deadlines(incident comms.Incident, month calendar.Month, submitted time.Time) (Deadlines, error) {
	var errs calendar.ErrorList
	errs.Add(r.Validate())
	errs.Add(checkIncident("incident.span", incident.Span))
	errs.Addf(incident.Validate(), "%w: field incident", ErrInvalid)
	if month.IsZero() {
		errs.Add(invalid("month", "is the zero Month"))
	}
	if err := errs.Err(); err != nil {
		return Deadlines{}, err
	}
	var d Deadlines
	var err error
	if d.Notice, err = r.businessDeadline(r.noticeFrom(incident.Span), r.NoticeBusinessDays); err != nil {
		errs.Addf(err, "notice")
	}
	if incident.NeedsReport() {
		if d.Report, err = r.businessDeadline(incident.Span.End, r.ReportBusinessDays); err != nil {
			errs.Addf(err, "post-incident report")
		}
	}
	if d.Evidence = r.EvidenceDeadline(month); d.Evidence.IsZero() {
		errs.Add(invalid("month", "%s has no evidence deadline in years 1 to 10000", month))
	}
	if !submitted.IsZero() {
		d.Processing = r.ProcessingDeadline(submitted)
	}
	if err := errs.Err(); err != nil {
		return Deadlines{}, err
	}
	return d, nil
}

// checkIncident validates an incident span named field: it must be
// neither reversed nor empty.
func checkIncident(field string, s calendar.Span) error {
	if err := s.Validate(); err != nil {
		return invalid(field, "%w", err)
	}
	if s.IsEmpty() {
		return invalid(field, "span %s is empty", s)
	}
	return nil
}
