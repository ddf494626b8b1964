package claims

import (
	"errors"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/slapolicy/slapolicy/calendar"
	"github.com/slapolicy/slapolicy/maintenance/comms"
)

// Every figure below is worked by hand: weekdays from a wall calendar,
// holidays from rickar/cal's US calendar (us.Holidays, the actual and the
// observed date of each), and the rules from the Microsoft Dynamics CRM
// Online Service Level Agreement: notice "within five business days
// following an Incident" (section E, definition 9), evidence "by the end of
// the month following the month in which the Incident ... occurs" (section
// C.4), claims processed within 45 days (section C.6); and the post-incident
// report "after 5 business days" of "Policies and Communications for
// Dynamics 365 for Customer Engagement" ("Post-Incident Report"). Each
// deadline is the first late instant: midnight starting the day after the
// last day on time.

// TestNoticeDeadline pins NoticeDeadline, and PostIncidentReportDue, which
// counts alike (every row's rules give both the same number of business
// days), for the Dynamics CRM Online rules (5 business days, counted from
// the day after restoration), for other periods, and for hostile inputs:
// the zero time, the last representable years, a calendar without a
// business day, counts outside their range. A zero want means that no
// deadline exists in years 1 to 9999.
func TestNoticeDeadline(t *testing.T) {
	ny := newYork(t)
	usNY := calendar.NewBusinessDays(ny, usHolidays()...)
	never := calendar.NewBusinessDaysFrom(time.UTC, nil,
		time.Sunday, time.Monday, time.Tuesday, time.Wednesday, time.Thursday, time.Friday, time.Saturday)
	period := func(n int) Rules { return Rules{Calendar: usUTC, NoticeBusinessDays: n, ReportBusinessDays: n} }
	tests := []struct {
		name     string
		rules    Rules
		restored time.Time
		want     time.Time // zero: no deadline exists
	}{
		// Tue 6, Wed 7, Thu 8, Fri 9, Mon 12 → end of Mon 12.
		{"monday", DynamicsCRMOnline(usUTC), utc(2024, 2, 5, 10, 0), utc(2024, 2, 13, 0, 0)},
		// Mon 5 … Fri 9: the end of Friday is Saturday 00:00, not Monday.
		{"friday ends on saturday midnight", DynamicsCRMOnline(usUTC), utc(2024, 2, 2, 23, 59), utc(2024, 2, 10, 0, 0)},
		// Restored on a Saturday: Mon 5 … Fri 9.
		{"saturday", DynamicsCRMOnline(usUTC), utc(2024, 2, 3, 12, 0), utc(2024, 2, 10, 0, 0)},
		// Midnight starting Tuesday is Tuesday: Wed 7 … Tue 13.
		{"restored at midnight", DynamicsCRMOnline(usUTC), utc(2024, 2, 6, 0, 0), utc(2024, 2, 14, 0, 0)},
		{"restored 1ns before midnight", DynamicsCRMOnline(usUTC), utc(2024, 2, 6, 0, 0).Add(-1), utc(2024, 2, 13, 0, 0)},
		// Tue 13, Wed 14, Thu 15, Fri 16, (Mon 19 Presidents' Day) Tue 20.
		{"presidents day", DynamicsCRMOnline(usUTC), utc(2024, 2, 12, 9, 0), utc(2024, 2, 21, 0, 0)},
		// New Year's Day 2022 (Saturday) observed Friday 2021-12-31:
		// Wed 29, Thu 30, (Fri 31), Mon 3, Tue 4, Wed 5.
		{"observed new year", DynamicsCRMOnline(usUTC), utc(2021, 12, 28, 15, 0), utc(2022, 1, 6, 0, 0)},
		// The same without holidays: Wed 29, Thu 30, Fri 31, Mon 3, Tue 4.
		{"nil calendar is weekends only UTC", DynamicsCRMOnline(nil), utc(2021, 12, 28, 15, 0), utc(2022, 1, 5, 0, 0)},
		// (Thu 28 Thanksgiving) Fri 29, Mon 2, Tue 3, Wed 4, Thu 5.
		{"thanksgiving", DynamicsCRMOnline(usUTC), utc(2024, 11, 27, 8, 0), utc(2024, 12, 6, 0, 0)},
		// Mon 23, Tue 24, (Wed 25 Christmas) Thu 26, Fri 27, Mon 30.
		{"christmas and year end", DynamicsCRMOnline(usUTC), utc(2024, 12, 20, 8, 0), utc(2024, 12, 31, 0, 0)},
		// 2024-03-08T03:00Z is Thursday 7 March 22:00 EST: Fri 8, Mon 11,
		// Tue 12, Wed 13, Thu 14; clocks went forward on Sunday 10, so
		// Friday 15 00:00 is EDT (UTC-4).
		{"new york reads the day locally", DynamicsCRMOnline(usNY), utc(2024, 3, 8, 3, 0), time.Date(2024, 3, 15, 0, 0, 0, 0, ny)},
		// The same instant with a UTC calendar is Friday 8: Mon 11 … Fri 15.
		{"utc reads it as friday", DynamicsCRMOnline(usUTC), utc(2024, 3, 8, 3, 0), utc(2024, 3, 16, 0, 0)},
		// Across the end of DST (Sunday 2024-11-03): Thu 31, Fri 1, Mon 4,
		// Tue 5, Wed 6; Thursday 7 00:00 EST is 05:00Z.
		{"dst ends", DynamicsCRMOnline(usNY), time.Date(2024, 10, 30, 15, 0, 0, 0, ny), time.Date(2024, 11, 7, 0, 0, 0, 0, ny)},
		// Veterans Day Monday 2024-11-11: Wed 6, Thu 7, Fri 8, Tue 12, Wed 13.
		{"veterans day in new york", DynamicsCRMOnline(usNY), time.Date(2024, 11, 5, 23, 30, 0, 0, ny), time.Date(2024, 11, 14, 0, 0, 0, 0, ny)},

		// Other periods, US calendar in UTC.
		{"0 on a business day: end of that day", period(0), utc(2024, 2, 5, 12, 0), utc(2024, 2, 6, 0, 0)},
		{"0 on a saturday: end of monday", period(0), utc(2024, 2, 3, 12, 0), utc(2024, 2, 6, 0, 0)},
		{"1 from friday: end of monday", period(1), utc(2024, 2, 2, 12, 0), utc(2024, 2, 6, 0, 0)},
		{"negative clamps to 0", period(-3), utc(2024, 2, 5, 12, 0), utc(2024, 2, 6, 0, 0)},
		// 10 business days from Mon 5, Mon 19 being Presidents' Day: Tue 6,
		// 7, 8, 9, 12, 13, 14, 15, 16, 20 → end of Tue 20.
		{"10 over a holiday", period(10), utc(2024, 2, 5, 12, 0), utc(2024, 2, 21, 0, 0)},

		// The zero time is Monday 0001-01-01 00:00 UTC (proleptic
		// Gregorian): Tue 2, Wed 3, Thu 4, Fri 5, Mon 8 → end of Mon 8.
		{"zero time", DynamicsCRMOnline(nil), time.Time{}, utc(1, 1, 9, 0, 0)},
		// In New York the zero time is still Sunday 0000-12-31 (LMT,
		// UTC−4:56:02), outside years 1..9999: counting starts on
		// 0001-01-01, Mon 1 … Fri 5 → end of Friday 5 in New York LMT.
		{"zero time read in New York", DynamicsCRMOnline(calendar.NewBusinessDays(ny)), time.Time{}, time.Date(1, 1, 6, 0, 0, 0, 0, ny)},
		// Friday 9999-12-24: Mon 27 … Fri 31 is the last business week
		// there is; its end is 10000-01-01 00:00.
		{"last business week of 9999", DynamicsCRMOnline(nil), utc(9999, 12, 24, 12, 0), utc(10000, 1, 1, 0, 0)},
		// From Monday 9999-12-27 the 5th business day would be in year
		// 10000: no deadline.
		{"past year 9999", DynamicsCRMOnline(nil), utc(9999, 12, 27, 12, 0), time.Time{}},
		// From Thursday 9999-12-30 only Friday 31 is left.
		{"from 9999-12-30 with US holidays", DynamicsCRMOnline(usUTC), utc(9999, 12, 30, 0, 0), time.Time{}},
		{"calendar without business days", DynamicsCRMOnline(never), utc(2024, 2, 5, 10, 0), time.Time{}},
		// A negative count is clamped to 0: the end of the restore day
		// when it is a business day (Monday 5 February 2024) ...
		{"negative days clamp to 0", Rules{NoticeBusinessDays: -5, ReportBusinessDays: -5}, utc(2024, 2, 5, 10, 0), utc(2024, 2, 6, 0, 0)},
		// ... else the end of the next one (Saturday → Monday).
		{"0 days from a Saturday", Rules{}, utc(2024, 2, 3, 10, 0), utc(2024, 2, 6, 0, 0)},
		// Over MaxBusinessDays (2,600 = 520 weeks of 5) is clamped to it:
		// 520 weeks (3,640 days) after Monday 2024-02-05. Ten years on,
		// 2034-02-05, is 3,653 days (leap days in 2024, 2028, 2032), so
		// 3,640 days is 13 days earlier: Monday 2034-01-23, whose end is
		// Tuesday 24 January (weekends-only calendar).
		{"huge count clamps", Rules{NoticeBusinessDays: 1 << 40, ReportBusinessDays: 1 << 40}, utc(2024, 2, 5, 10, 0), utc(2034, 1, 24, 0, 0)},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got := tc.rules.NoticeDeadline(tc.restored)
			assert.True(t, tc.want.Equal(got), "want %s got %s", tc.want, got)
			assert.Equal(t, tc.want.IsZero(), got.IsZero(), "zero exactly when no deadline exists")
			if !tc.want.IsZero() {
				assert.Equal(t, tc.rules.Calendar.Location(), got.Location(), "deadline is in the calendar's location")
			}
			// The post-incident report counts its days alike.
			due := tc.rules.PostIncidentReportDue(tc.restored)
			assert.True(t, tc.want.Equal(due), "report due: want %s got %s", tc.want, due)

			// The notice deadline of an incident restored at restored
			// (as Check and Deadlines compute it) reports what
			// NoticeDeadline cannot.
			inc := calendar.Span{Start: tc.restored.Add(-time.Hour), End: tc.restored}
			if tc.restored.IsZero() {
				inc = calendar.Span{Start: tc.restored, End: tc.restored.Add(1)}
				assert.True(t, got.Equal(tc.rules.NoticeDeadline(inc.End)), "one ns later is the same day")
			}
			d, err := noticeFor(tc.rules, inc)
			if tc.want.IsZero() {
				require.Error(t, err)
				assert.True(t, errors.Is(err, ErrInvalid), "%v", err)
				assert.True(t, errors.Is(err, calendar.ErrNoBusinessDay), "%v", err)
				assert.True(t, d.IsZero())
				return
			}
			require.NoError(t, err)
			assert.True(t, tc.want.Equal(d), "want %s got %s", tc.want, d)
		})
	}
}

// TestNoticeDeadlineInstants pins two New York deadlines as UTC instants,
// on either side of a change of the clocks (US calendar; rows "dst ends"
// and "new york reads the day locally" of TestNoticeDeadline).
func TestNoticeDeadlineInstants(t *testing.T) {
	ny := newYork(t)
	r := DynamicsCRMOnline(calendar.NewBusinessDays(ny, usHolidays()...))
	got := r.NoticeDeadline(time.Date(2024, 10, 30, 15, 0, 0, 0, ny))
	assert.Equal(t, "2024-11-07T05:00:00Z", got.UTC().Format(time.RFC3339), "EST after the clocks went back")
	got = r.NoticeDeadline(utc(2024, 3, 8, 3, 0))
	assert.Equal(t, "2024-03-15T04:00:00Z", got.UTC().Format(time.RFC3339), "EDT after the clocks went forward")
}

// TestNoticeDeadlineOfIncident pins which end of an incident the notice
// period counts from (NoticeFrom) and the problems of incident spans, as
// Check and Deadlines meet them (US calendar in UTC, 5 business days).
func TestNoticeDeadlineOfIncident(t *testing.T) {
	// Monday 2024-02-05 10:00 to Thursday 2024-02-08 10:00.
	inc := calendar.Span{Start: utc(2024, 2, 5, 10, 0), End: utc(2024, 2, 8, 10, 0)}
	// A 200-year incident: Monday 1900-01-01 to Friday 2100-01-01.
	long := calendar.Span{Start: utc(1900, 1, 1, 0, 0), End: utc(2100, 1, 1, 0, 0)}
	far := utc(9999, 12, 30, 0, 0)
	tests := []struct {
		name  string
		from  NoticeFrom
		span  calendar.Span
		want  time.Time
		is    []error // when set, the errors the problem wraps
		field string  // when set, the field the problem names
	}{
		// From Thursday 8: Fri 9, Mon 12, Tue 13, Wed 14, Thu 15.
		{name: "from restored", from: FromRestored, span: inc, want: utc(2024, 2, 16, 0, 0)},
		// From Monday 5: Tue 6 … Mon 12.
		{name: "from the start", from: FromStart, span: inc, want: utc(2024, 2, 13, 0, 0)},
		// Friday 2100-01-01 is New Year's Day and not counted anyway:
		// Mon 4, Tue 5, Wed 6, Thu 7, Fri 8 → end of Friday 8.
		{name: "200-year incident from restored", from: FromRestored, span: long, want: utc(2100, 1, 9, 0, 0)},
		// From Monday 1900-01-01: Tue 2, Wed 3, Thu 4, Fri 5, Mon 8.
		{name: "200-year incident from the start", from: FromStart, span: long, want: utc(1900, 1, 9, 0, 0)},
		{name: "reversed", from: FromStart, span: calendar.Span{Start: inc.End, End: inc.Start},
			is: []error{ErrInvalid, calendar.ErrReversed}, field: "incident.span"},
		{name: "reversed by one ns", from: FromRestored, span: calendar.Span{Start: inc.Start, End: inc.Start.Add(-1)},
			is: []error{ErrInvalid, calendar.ErrReversed}, field: "incident.span"},
		{name: "empty, from the start", from: FromStart, span: calendar.Span{Start: inc.Start, End: inc.Start},
			is: []error{ErrInvalid}, field: "incident.span"},
		{name: "empty, from restored", from: FromRestored, span: calendar.Span{Start: inc.Start, End: inc.Start},
			is: []error{ErrInvalid}, field: "incident.span"},
		{name: "zero span", from: FromRestored, span: calendar.Span{},
			is: []error{ErrInvalid}, field: "incident.span"},
		// Past 9999-12-31 there is no business day.
		{name: "no business day after 9999-12-30", from: FromStart, span: calendar.Span{Start: far, End: far.Add(time.Hour)},
			is: []error{ErrInvalid, calendar.ErrNoBusinessDay}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			r := DynamicsCRMOnline(usUTC)
			r.NoticeFrom = tc.from
			d, err := noticeFor(r, tc.span)
			if tc.is != nil {
				require.Error(t, err)
				for _, e := range tc.is {
					assert.True(t, errors.Is(err, e), "is %v: %v", e, err)
				}
				if tc.field != "" {
					assert.Contains(t, err.Error(), tc.field)
				}
				assert.True(t, d.IsZero())
				return
			}
			require.NoError(t, err)
			assert.True(t, tc.want.Equal(d), "want %s got %s", tc.want, d)
			assert.True(t, r.NoticeDeadline(r.noticeFrom(tc.span)).Equal(d), "NoticeDeadline of the end NoticeFrom names")
		})
	}
}

// TestEvidenceDeadline pins EvidenceDeadline: by the end of the month
// following the claimed one for the Dynamics CRM Online rules (section
// C.4), other periods, and the first and last representable years. Month
// lengths and leap years are from a wall calendar; lastOnTime is the last
// day on time.
func TestEvidenceDeadline(t *testing.T) {
	ny := newYork(t)
	nyDays := calendar.NewBusinessDays(ny)
	evidence := func(days *calendar.BusinessDays, months, n int) Rules {
		r := DynamicsCRMOnline(days)
		r.EvidenceMonths, r.EvidenceDays = months, n
		return r
	}
	tests := []struct {
		name       string
		rules      Rules
		month      calendar.Month
		want       time.Time
		lastOnTime string
	}{
		// The agreement's own example (section C.4): incident January
		// 15th → evidence by February 28th; 2023 is not a leap year.
		{"the agreement's example", evidence(usUTC, 1, 0), calendar.NewMonth(2023, time.January, nil), utc(2023, 3, 1, 0, 0), "Feb 28"},
		// February 2024 has 29 days: on time until the end of Feb 29.
		{"leap february", evidence(usUTC, 1, 0), calendar.NewMonth(2024, time.January, nil), utc(2024, 3, 1, 0, 0), "Feb 29"},
		{"december to january", evidence(usUTC, 1, 0), calendar.NewMonth(2024, time.November, nil), utc(2025, 1, 1, 0, 0), "Dec 31"},
		{"year end", evidence(usUTC, 1, 0), calendar.NewMonth(2024, time.December, nil), utc(2025, 2, 1, 0, 0), "Jan 31"},
		{"30-day month follows", evidence(usUTC, 1, 0), calendar.NewMonth(2024, time.March, nil), utc(2024, 5, 1, 0, 0), "Apr 30"},
		// In New York midnight is EST (UTC-5) on March 1st and EDT (UTC-4)
		// on April 1st.
		{"new york winter", evidence(nyDays, 1, 0), calendar.NewMonth(2024, time.January, ny), time.Date(2024, 3, 1, 0, 0, 0, 0, ny), "Feb 29 EST"},
		{"new york after dst", evidence(nyDays, 1, 0), calendar.NewMonth(2024, time.February, ny), time.Date(2024, 4, 1, 0, 0, 0, 0, ny), "Mar 31 EDT"},
		// The month's own location is not used: the calendar's is.
		{"utc month, new york calendar", evidence(nyDays, 1, 0), calendar.NewMonth(2024, time.January, nil), time.Date(2024, 3, 1, 0, 0, 0, 0, ny), "Feb 29 EST"},
		// New York's 1 December 2024 is EST.
		{"new york calendar in the autumn", DynamicsCRMOnline(calendar.NewBusinessDays(ny)), calendar.NewMonth(2024, time.October, nil), time.Date(2024, 12, 1, 0, 0, 0, 0, ny), "Nov 30 EST"},
		// Other SLAs: 30 calendar days after January 2024 ends: Feb 1 is
		// day 1, Feb 29 day 29, Mar 1 day 30.
		{"30 days after the month", evidence(usUTC, 0, 30), calendar.NewMonth(2024, time.January, nil), utc(2024, 3, 2, 0, 0), "Mar 1"},
		{"30 days after the month, zero rules", Rules{EvidenceDays: 30}, calendar.NewMonth(2024, time.January, nil), utc(2024, 3, 2, 0, 0), "Mar 1"},
		// February 2023 has 28 days: Mar 2 is day 30.
		{"30 days after 2023-01", evidence(usUTC, 0, 30), calendar.NewMonth(2023, time.January, nil), utc(2023, 3, 3, 0, 0), "Mar 2"},
		{"end of the claimed month", evidence(usUTC, 0, 0), calendar.NewMonth(2024, time.January, nil), utc(2024, 2, 1, 0, 0), "Jan 31"},
		{"two months and ten days", evidence(usUTC, 2, 10), calendar.NewMonth(2024, time.January, nil), utc(2024, 4, 11, 0, 0), "Apr 10"},
		{"negative clamps to 0", evidence(usUTC, -1, -5), calendar.NewMonth(2024, time.January, nil), utc(2024, 2, 1, 0, 0), "Jan 31"},
		{"negative fields clamp, zero rules", Rules{EvidenceMonths: -3, EvidenceDays: -9}, calendar.NewMonth(2024, time.February, nil), utc(2024, 3, 1, 0, 0), "Feb 29"},
		// Huge fields clamp to MaxMonths (120) and MaxCalendarDays
		// (3,660): 120 months after January 2024 is January 2034; from
		// its last day, 2034-01-31, ten years to 2044-01-31 are 3,652
		// days (leap days in 2036 and 2040), and 8 more reach 2044-02-08,
		// late from 2044-02-09 00:00.
		{"huge fields clamp", Rules{EvidenceMonths: 1 << 40, EvidenceDays: 1 << 40}, calendar.NewMonth(2024, time.January, nil), utc(2044, 2, 9, 0, 0), "Feb 8, 2044"},

		// Year 1 is not a leap year.
		{"year 1", DynamicsCRMOnline(nil), calendar.NewMonth(1, time.January, nil), utc(1, 3, 1, 0, 0), "Feb 28, 0001"},
		// December 9999's following month is January 10000: the deadline
		// is 10000-02-01, past the business-day range but still a time.
		{"December 9999", DynamicsCRMOnline(nil), calendar.NewMonth(9999, time.December, nil), utc(10000, 2, 1, 0, 0), "Jan 31, 10000"},
		// February 1900 has 28 days, February 2000 has 29, February 2100
		// has 28; the deadline is 1 March either way.
		{"January 1900", DynamicsCRMOnline(nil), calendar.NewMonth(1900, time.January, nil), utc(1900, 3, 1, 0, 0), "Feb 28, 1900"},
		{"January 2000", DynamicsCRMOnline(nil), calendar.NewMonth(2000, time.January, nil), utc(2000, 3, 1, 0, 0), "Feb 29, 2000"},
		{"January 2100", DynamicsCRMOnline(nil), calendar.NewMonth(2100, time.January, nil), utc(2100, 3, 1, 0, 0), "Feb 28, 2100"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got := tc.rules.EvidenceDeadline(tc.month)
			assert.True(t, tc.want.Equal(got), "want %s got %s (last day on time: %s)", tc.want, got, tc.lastOnTime)
			assert.Equal(t, tc.rules.Calendar.Location(), got.Location())
		})
	}
}

// TestProcessingDeadline pins ProcessingDeadline: 45 calendar days at the
// same wall-clock time for the Dynamics CRM Online rules (section C.6),
// read in the calendar's location, across changes of the clocks (America/
// New_York: 2024-03-10 forward, 2024-11-03 back), and at the edges.
// elapsed is the real time between submission and deadline.
func TestProcessingDeadline(t *testing.T) {
	ny := newYork(t)
	nyDays := calendar.NewBusinessDays(ny)
	const days45 = 45 * 24 * time.Hour
	tests := []struct {
		name      string
		rules     Rules
		submitted time.Time
		want      time.Time
		elapsed   time.Duration
	}{
		// Jan 20 + 11 = Jan 31, + 29 = Feb 29 (40 days), + 5 = Mar 5.
		{"over leap february", DynamicsCRMOnline(usUTC), utc(2024, 1, 20, 10, 0), utc(2024, 3, 5, 10, 0), days45},
		// Same wall clock across the start of DST (2024-03-10): an hour
		// less than 45 × 24h elapses.
		{"dst starts", DynamicsCRMOnline(nyDays), time.Date(2024, 3, 1, 9, 0, 0, 0, ny), time.Date(2024, 4, 15, 9, 0, 0, 0, ny), days45 - time.Hour},
		// 2024-03-01T03:00Z is 29 February 22:00 EST in New York.
		{"read in the calendar's location", DynamicsCRMOnline(nyDays), utc(2024, 3, 1, 3, 0), time.Date(2024, 4, 14, 22, 0, 0, 0, ny), days45 - time.Hour},
		// Across the end of DST (2024-11-03): an hour more.
		{"dst ends", DynamicsCRMOnline(nyDays), time.Date(2024, 10, 20, 9, 0, 0, 0, ny), time.Date(2024, 12, 4, 9, 0, 0, 0, ny), days45 + time.Hour},
		// EDT → EST across 3 November 2024: October's 31 days, then 15.
		{"across the end of DST", DynamicsCRMOnline(nyDays), time.Date(2024, 10, 1, 9, 0, 0, 0, ny), time.Date(2024, 11, 15, 9, 0, 0, 0, ny), days45 + time.Hour},
		// 02:30 on 10 March 2024 does not exist in New York (02:00 EST
		// jumps to 03:00 EDT). 45 days after 25 January 02:30 EST (6 more
		// in January, 29 in February, 10 in March) lands on it, and
		// time.Date (so AddDate) normalises it to 01:30 EST, as
		// ProcessingDeadline documents: 45 days less one hour after
		// submission. A reading kinder to the customer would be 03:30 EDT.
		{"onto the skipped hour", DynamicsCRMOnline(nyDays), time.Date(2024, 1, 25, 2, 30, 0, 0, ny), time.Date(2024, 3, 10, 1, 30, 0, 0, ny), days45 - time.Hour},
		// 45 days after the zero time: 31 January days + 14 = 15 February.
		{"zero time", DynamicsCRMOnline(nil), time.Time{}, utc(1, 2, 15, 0, 0), days45},
		// December's 31 days, then 14.
		{"into year 10000", DynamicsCRMOnline(nil), utc(9999, 12, 1, 0, 0), utc(10000, 1, 15, 0, 0), days45},
		{"negative days clamp to 0", Rules{ProcessingDays: -45}, utc(2024, 2, 5, 10, 0), utc(2024, 2, 5, 10, 0), 0},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got := tc.rules.ProcessingDeadline(tc.submitted)
			assert.True(t, tc.want.Equal(got), "want %s got %s", tc.want, got)
			assert.Equal(t, tc.elapsed, got.Sub(tc.submitted))
			assert.Equal(t, tc.rules.Calendar.Location(), got.Location())
		})
	}
}

// TestDeadlines pins every deadline of one incident and of the claim on
// its month (US calendar). The incident runs from Monday 2024-02-05 10:00
// to Thursday 2024-02-08 10:00 UTC.
func TestDeadlines(t *testing.T) {
	ny := newYork(t)
	usNY := calendar.NewBusinessDays(ny, usHolidays()...)
	span := calendar.Span{Start: utc(2024, 2, 5, 10, 0), End: utc(2024, 2, 8, 10, 0)}
	minor := comms.Incident{Span: span, OrganizationsAffected: 1}
	major := comms.Incident{Span: span, OrganizationsAffected: 2}
	february := calendar.NewMonth(2024, time.February, nil)
	with := func(r Rules, change func(*Rules)) Rules { change(&r); return r }
	tests := []struct {
		name      string
		rules     Rules
		incident  comms.Incident
		month     calendar.Month
		submitted time.Time
		want      Deadlines
	}{
		{
			// Notice from Thursday 8: Fri 9, Mon 12, Tue 13, Wed 14, Thu 15.
			// Evidence for February 2024 by March 31st (section C.4). A
			// minor incident owes no report; an unsubmitted claim no
			// processing.
			name: "minor, from restored, not submitted", rules: DynamicsCRMOnline(usUTC),
			incident: minor, month: february,
			want: Deadlines{Notice: utc(2024, 2, 16, 0, 0), Evidence: utc(2024, 4, 1, 0, 0)},
		},
		{
			// Notice from Monday 5: Tue 6, Wed 7, Thu 8, Fri 9, Mon 12.
			name: "minor, from the start", rules: with(DynamicsCRMOnline(usUTC), func(r *Rules) { r.NoticeFrom = FromStart }),
			incident: minor, month: february,
			want: Deadlines{Notice: utc(2024, 2, 13, 0, 0), Evidence: utc(2024, 4, 1, 0, 0)},
		},
		{
			// Two organizations make it major ("Major service incidents"):
			// the report counts from restoration like the notice.
			name: "major", rules: DynamicsCRMOnline(usUTC),
			incident: major, month: february,
			want: Deadlines{Notice: utc(2024, 2, 16, 0, 0), Evidence: utc(2024, 4, 1, 0, 0), Report: utc(2024, 2, 16, 0, 0)},
		},
		{
			// The report counts from restoration whatever NoticeFrom says.
			name: "major, notice from the start", rules: with(DynamicsCRMOnline(usUTC), func(r *Rules) { r.NoticeFrom = FromStart }),
			incident: major, month: february,
			want: Deadlines{Notice: utc(2024, 2, 13, 0, 0), Evidence: utc(2024, 4, 1, 0, 0), Report: utc(2024, 2, 16, 0, 0)},
		},
		{
			// Ten business days from Thursday 8, Mon 19 being Presidents'
			// Day: Fri 9, Mon 12, Tue 13, Wed 14, Thu 15, Fri 16, Tue 20,
			// Wed 21, Thu 22, Fri 23.
			name: "major, ten days for the report", rules: with(DynamicsCRMOnline(usUTC), func(r *Rules) { r.ReportBusinessDays = 10 }),
			incident: major, month: february,
			want: Deadlines{Notice: utc(2024, 2, 16, 0, 0), Evidence: utc(2024, 4, 1, 0, 0), Report: utc(2024, 2, 24, 0, 0)},
		},
		{
			// In New York the incident ends Thursday 8 at 05:00 EST, so the
			// notice and report days are those of the UTC rows, at midnight
			// EST; evidence is late from 1 April 00:00 EDT; processing of a
			// claim submitted 2024-03-01 09:00 EST is due 45 calendar days
			// later at the same wall-clock time, 2024-04-15 09:00 EDT
			// (section C.6).
			name: "major, in New York, submitted", rules: DynamicsCRMOnline(usNY),
			incident: major, month: february, submitted: time.Date(2024, 3, 1, 9, 0, 0, 0, ny),
			want: Deadlines{
				Notice:     time.Date(2024, 2, 16, 0, 0, 0, 0, ny),
				Evidence:   time.Date(2024, 4, 1, 0, 0, 0, 0, ny),
				Processing: time.Date(2024, 4, 15, 9, 0, 0, 0, ny),
				Report:     time.Date(2024, 2, 16, 0, 0, 0, 0, ny),
			},
		},
		{
			// Evidence for December 9999 is late from 10000-02-01, outside
			// years 1 to 9999 and still no error: only the business-day
			// deadlines can fail. Restored Wednesday 9999-12-01: Thu 2 …
			// Wed 8.
			name: "evidence past year 9999", rules: DynamicsCRMOnline(nil),
			incident: comms.Incident{Span: calendar.Span{Start: utc(9999, 12, 1, 9, 0), End: utc(9999, 12, 1, 10, 0)}},
			month:    calendar.NewMonth(9999, time.December, nil),
			want:     Deadlines{Notice: utc(9999, 12, 9, 0, 0), Evidence: utc(10000, 2, 1, 0, 0)},
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, err := tc.rules.Deadlines(tc.incident, tc.month, tc.submitted)
			require.NoError(t, err)
			for _, f := range []struct {
				field     string
				want, got time.Time
			}{
				{"Notice", tc.want.Notice, got.Notice},
				{"Evidence", tc.want.Evidence, got.Evidence},
				{"Processing", tc.want.Processing, got.Processing},
				{"Report", tc.want.Report, got.Report},
			} {
				assert.True(t, f.want.Equal(f.got), "%s: want %s got %s", f.field, f.want, f.got)
				assert.Equal(t, f.want.IsZero(), f.got.IsZero(), "%s: zero exactly when it does not apply", f.field)
				if !f.got.IsZero() {
					assert.Equal(t, tc.rules.Calendar.Location(), f.got.Location(), "%s is in the calendar's location", f.field)
				}
			}
			// Each deadline is the one its own method gives.
			assert.True(t, got.Notice.Equal(tc.rules.NoticeDeadline(tc.rules.noticeFrom(tc.incident.Span))))
			assert.True(t, got.Evidence.Equal(tc.rules.EvidenceDeadline(tc.month)))
			if !tc.submitted.IsZero() {
				assert.True(t, got.Processing.Equal(tc.rules.ProcessingDeadline(tc.submitted)))
			}
			if tc.incident.NeedsReport() {
				assert.True(t, got.Report.Equal(tc.rules.PostIncidentReportDue(tc.incident.Span.End)))
			}
		})
	}
}

// TestDeadlinesErrors pins the problems Deadlines reports, every one at
// once as a calendar.ErrorList whose entries each wrap ErrInvalid; the
// Deadlines are then zero.
func TestDeadlinesErrors(t *testing.T) {
	span := calendar.Span{Start: utc(2024, 2, 5, 10, 0), End: utc(2024, 2, 8, 10, 0)}
	february := calendar.NewMonth(2024, time.February, nil)
	far := calendar.Span{Start: utc(9999, 12, 30, 9, 0), End: utc(9999, 12, 30, 10, 0)}
	bad := DynamicsCRMOnline(usUTC)
	bad.NoticeBusinessDays = -1
	tests := []struct {
		name     string
		rules    Rules
		incident comms.Incident
		month    calendar.Month
		is       []error  // what the list as a whole wraps, besides ErrInvalid
		entries  []string // what each entry's message holds, in order
	}{
		{
			// The span's own check and the incident's Validate both see it.
			name: "reversed span", rules: DynamicsCRMOnline(usUTC),
			incident: comms.Incident{Span: calendar.Span{Start: span.End, End: span.Start}}, month: february,
			is: []error{calendar.ErrReversed, comms.ErrInvalidIncident},
			entries: []string{
				"claims: invalid: field incident.span: calendar: span ends before it starts",
				"claims: invalid: field incident: comms: invalid incident: span: calendar: span ends before it starts",
			},
		},
		{
			name: "empty span", rules: DynamicsCRMOnline(usUTC),
			incident: comms.Incident{Span: calendar.Span{Start: span.Start, End: span.Start}}, month: february,
			entries: []string{"claims: invalid: field incident.span: span"},
		},
		{
			name: "zero span", rules: DynamicsCRMOnline(usUTC), month: february,
			entries: []string{"claims: invalid: field incident.span: span"},
		},
		{
			name: "zero month", rules: DynamicsCRMOnline(usUTC), incident: comms.Incident{Span: span},
			entries: []string{"claims: invalid: field month: is the zero Month"},
		},
		{
			name: "invalid rules", rules: bad, incident: comms.Incident{Span: span}, month: february,
			entries: []string{"claims: invalid: field NoticeBusinessDays: -1 is outside 0..2600"},
		},
		{
			name: "negative organizations", rules: DynamicsCRMOnline(usUTC),
			incident: comms.Incident{Span: span, OrganizationsAffected: -1}, month: february,
			is:      []error{comms.ErrInvalidIncident},
			entries: []string{"claims: invalid: field incident: comms: invalid incident: organizationsAffected -1 is negative"},
		},
		{
			name: "everything at once", rules: bad,
			incident: comms.Incident{Span: calendar.Span{Start: span.End, End: span.Start}, OrganizationsAffected: -1},
			is:       []error{calendar.ErrReversed, comms.ErrInvalidIncident},
			entries: []string{
				"field NoticeBusinessDays",
				"field incident.span",
				"field incident: comms: invalid incident: span",
				"field incident: comms: invalid incident: organizationsAffected",
				"field month",
			},
		},
		{
			// Restored Thursday 9999-12-30: only Friday 31 is left, and a
			// major incident's report cannot be counted either.
			name: "a deadline past 9999", rules: DynamicsCRMOnline(usUTC),
			incident: comms.Incident{Span: far, PlatformDegraded: true}, month: calendar.NewMonth(9999, time.December, nil),
			is: []error{calendar.ErrNoBusinessDay},
			entries: []string{
				"notice: claims: invalid: deadline: calendar: no business day",
				"post-incident report: claims: invalid: deadline: calendar: no business day",
			},
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, err := tc.rules.Deadlines(tc.incident, tc.month, utc(2024, 3, 1, 9, 0))
			assert.Equal(t, Deadlines{}, got)
			var list calendar.ErrorList
			require.ErrorAs(t, err, &list)
			require.Len(t, list, len(tc.entries), "%v", err)
			for i, want := range tc.entries {
				assert.ErrorIs(t, list[i], ErrInvalid, "entry %d", i)
				assert.Contains(t, list[i].Error(), want, "entry %d", i)
			}
			for _, e := range tc.is {
				assert.ErrorIs(t, err, e)
			}
		})
	}
}
