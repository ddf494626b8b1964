package claims

import (
	"fmt"
	"time"

	"github.com/slapolicy/slapolicy/calendar"
)

// NoticeDeadline returns the first instant at which notice of an incident
// is late: the end (midnight starting the next calendar day, in the
// calendar's location) of the NoticeBusinessDays-th business day after
// restored's day. restored's day is read in the calendar's location and is
// not itself counted. For the seed (5 business days, US holidays):
//
//   - restored Monday 2024-02-05: business days Tue 6 … Mon 12; late from
//     Tuesday 2024-02-13 00:00;
//   - restored Friday 2024-02-02: the 5th business day is Friday 02-09;
//     late from Saturday 2024-02-10 00:00, not from Monday;
//   - restored Tuesday 2021-12-28: Friday 12-31 is the observed New Year's
//     Day, so the 5th business day is Wednesday 2022-01-05; late from
//     Thursday 2022-01-06 00:00.
//
// The parameter is the instant the period counts from: the incident's end
// (service restored) under FromRestored, its start under FromStart;
// NoticeDeadlineFor and Check pick the right end of an incident.
// NoticeBusinessDays outside 0..MaxBusinessDays is clamped into it.
//
// It returns the zero time.Time when the deadline would fall outside years
// 1 to 9999 (Check reports that as ErrInvalid).
func (r Rules) NoticeDeadline(restored time.Time) time.Time {
	t, _ := r.businessDeadline(restored, r.NoticeBusinessDays)
	return t
}

// NoticeDeadlineFor returns NoticeDeadline of the end of incident that
// NoticeFrom names: incident.End (service restored) under FromRestored,
// incident.Start under FromStart. It returns an error wrapping ErrInvalid
// for a reversed or empty incident, or a deadline outside years 1 to 9999.
func (r Rules) NoticeDeadlineFor(incident calendar.Span) (time.Time, error) {
	if err := checkIncident("Incident", incident); err != nil {
		return time.Time{}, err
	}
	from := incident.End
	if r.NoticeFrom == FromStart {
		from = incident.Start
	}
	return r.businessDeadline(from, r.NoticeBusinessDays)
}

// PostIncidentReportDue returns the first instant at which a post-incident
// report for an incident restored at restored is late: the end (midnight
// starting the next calendar day, in the calendar's location) of the
// ReportBusinessDays-th business day after restored's day, counted exactly
// as NoticeDeadline counts. Seed: restored Monday 2024-02-05, due before
// Tuesday 2024-02-13 00:00. ReportBusinessDays outside 0..MaxBusinessDays
// is clamped into it. It returns the zero time.Time when the deadline would
// fall outside years 1 to 9999.
func (r Rules) PostIncidentReportDue(restored time.Time) time.Time {
	t, _ := r.businessDeadline(restored, r.ReportBusinessDays)
	return t
}

// EvidenceDeadline returns the first instant at which evidence for a claim
// on month m is late: midnight, in the calendar's location, ending the
// EvidenceMonths-th month after m plus EvidenceDays calendar days. For the
// seed (1 month, 0 days) that is the first instant of the second month
// after m: an incident in January 2023 needs evidence by February 28th
// (the seed's own example), late from 2023-03-01 00:00; in January 2024
// by February 29th, late from 2024-03-01 00:00.
//
// m's year and month are read as a month of the calendar's location; m's
// own location is not used, so every deadline is in one location. Months
// and days outside their bounds (MaxMonths, MaxCalendarDays) are clamped.
func (r Rules) EvidenceDeadline(m calendar.Month) time.Time {
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
// more or less than ProcessingDays × 24h: with America/New_York and the
// seed's 45 days, 2024-03-01 09:00 EST gives 2024-04-15 09:00 EDT. A
// wall-clock time the clocks skip is normalised as time.Date does.
// ProcessingDays outside 0..MaxCalendarDays is clamped into it.
func (r Rules) ProcessingDeadline(submitted time.Time) time.Time {
	return submitted.In(r.location()).AddDate(0, 0, clamp(r.ProcessingDays, MaxCalendarDays))
}

// location returns the calendar's location, UTC for a nil calendar.
func (r Rules) location() *time.Location { return r.Calendar.Location() }

// businessDeadline returns the end of the nth business day after from's
// day in the calendar, n clamped into 0..MaxBusinessDays. It returns an
// error wrapping ErrInvalid and calendar.ErrNoBusinessDay when no such day
// exists in years 1 to 9999.
func (r Rules) businessDeadline(from time.Time, n int) (time.Time, error) {
	n = clamp(n, MaxBusinessDays)
	day, err := r.Calendar.AddChecked(from, n)
	if err != nil {
		return time.Time{}, fmt.Errorf("%w: deadline: %w", ErrInvalid, err)
	}
	return r.Calendar.EndOfDay(day), nil
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
